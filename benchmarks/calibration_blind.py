"""Calibration on the blind set: ECE and precision at --min-confidence from aggregate scores only.

Usage: python benchmarks/calibration_blind.py [--score ../shared/eval/blind/score]
                                              [--pred CODED.jsonl] [--json OUT.json]

The blind gold is stored as hashes, so its per-event answers are never seen: the blind texts
are coded once (or --pred gives coded output), then one prediction file per confidence decile
and one per threshold is scored with `score --pred FILE --json`. A decile file's triple
precision is that decile's observed precision; the ECE weighs |precision - mean confidence|
by the decile's share of predicted triples, as `eventwire eval` does on open gold. Run from
the repository root, with `.venv/bin/eventwire` (EVENTWIRE_CALIBRATION picks another fit).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.evaluate.reliability import BINS, Bin, Reliability, decile, triple_confidences
from eventwire.evaluate.scoring import pred_triple

REPO = Path(__file__).resolve().parents[1]
SCORE = REPO.parent / "shared" / "eval" / "blind" / "score"
THRESHOLDS = (0.5, 0.7, 0.9)


def _keep(docs: list[dict[str, Any]], wanted: Callable[[float], bool]
          ) -> list[dict[str, Any]]:
    """The docs with only the counted events whose triple's confidence passes `wanted`."""
    kept = []
    for doc in docs:
        confs = triple_confidences(doc)
        events = [ev for ev in doc.get("events") or []
                  if pred_triple(ev) in confs and wanted(confs[pred_triple(ev)])]
        kept.append({**doc, "events": events})
    return kept


def _score(score: Path, docs: list[dict[str, Any]], folder: Path, name: str) -> dict[str, Any]:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    done = subprocess.run([sys.executable, str(score), "--pred", str(path), "--json"],
                          capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(done.stdout)


def _code_blind(score: Path, folder: Path) -> list[dict[str, Any]]:
    """Code the blind texts as `score` itself would."""
    src, out = folder / "in.jsonl", folder / "out.jsonl"
    with (score.parent / "blind.jsonl").open(encoding="utf-8") as f, \
            src.open("w", encoding="utf-8") as g:
        for line in f:
            if line.strip():
                d = json.loads(line)
                g.write(json.dumps({k: d.get(k) for k in ("id", "published", "title", "text")})
                        + "\n")
    subprocess.run([str(REPO / ".venv" / "bin" / "eventwire"), "code", str(src), "-o", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--score", type=Path, default=SCORE)
    parser.add_argument("--pred", type=Path, help="Already coded blind texts (JSONL).")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    opts = parser.parse_args()
    if not opts.score.is_file():
        sys.exit(f"{opts.score}: no blind scorer here (it lives in ../shared/eval/blind/)")
    with tempfile.TemporaryDirectory(prefix="eventwire-calib-") as tmp:
        folder = Path(tmp)
        docs = [json.loads(x) for x in opts.pred.read_text(encoding="utf-8").splitlines()
                if x.strip()] if opts.pred else _code_blind(opts.score, folder)
        all_confs = [c for d in docs for c in triple_confidences(d).values()]
        bins = [Bin(k / BINS, (k + 1) / BINS) for k in range(BINS)]
        for c in all_confs:
            bins[decile(c)].count += 1
            bins[decile(c)].confidence_sum += c
        for k, b in enumerate(bins):
            if b.count:  # a decile's file: its triple precision is the decile's precision
                got = _score(opts.score, _keep(docs, lambda c, k=k: decile(c) == k), folder,
                             f"bin{k}")
                b.correct = round(got["triple"][0] * b.count)
        ece = Reliability(bins).ece
        rows = [{"bin": f"{b.low:.1f}-{b.high:.1f}", "triples": b.count,
                 "mean_confidence": round(b.mean_confidence, 3),
                 "precision": round(b.precision, 3)} for b in bins if b.count]
        at = {}
        for t in THRESHOLDS:
            got = _score(opts.score, _keep(docs, lambda c, t=t: c >= t), folder, f"t{t}")
            p, r, f1 = got["triple"]
            at[str(t)] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
                          "kept": sum(c >= t for c in all_confs)}
        whole = _score(opts.score, docs, folder, "all")
    result = {"triples": len(all_confs), "ece": round(ece, 3), "bins": rows, "thresholds": at,
              "triple_f1_all": round(whole["triple"][2], 3)}
    print(f"blind: {len(all_confs)} predicted triples, ECE {ece:.3f}, "
          f"triple F1 (all) {whole['triple'][2]:.3f}")
    print(f"{'confidence':>10} {'triples':>8} {'mean':>6} {'precision':>9}")
    for row in rows:
        print(f"{row['bin']:>10} {row['triples']:>8} {row['mean_confidence']:>6.2f} "
              f"{row['precision']:>9.2f}")
    for t, v in at.items():
        print(f"--min-confidence {t}: P {v['precision']:.3f} R {v['recall']:.3f} "
              f"F1 {v['f1']:.3f} ({v['kept']} triples kept)")
    if opts.json:
        opts.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
