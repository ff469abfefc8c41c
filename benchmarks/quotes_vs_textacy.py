"""Quotes and speakers: eventwire against textacy 0.13's direct_quotations, scored by one rule.

Usage: python benchmarks/quotes_vs_textacy.py [GOLD.jsonl] [--errors]
Default gold: ../shared/eval/dev/dev_gold.jsonl (from the repo root). Only documents whose
quotes are scored (``quotes_scored`` not false) are used. Both systems are scored by
``eventwire.evaluate.scoring.score`` (half the gold quote's words; speaker by the last word
of the name).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.context.quotes import extract_quotes
from eventwire.evaluate.scoring import load_jsonl, match_quotes, score
from eventwire.nlp.pipeline import load_pipeline

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "dev"
DEFAULT_GOLD = DEFAULT_GOLD / "dev_gold.jsonl"
QUOTE_MARKS = "\"'“”‘’«»„ "


def textacy_quotes(doc: Doc) -> list[dict[str, Any]]:
    """textacy's direct quotations as prediction dicts (speaker = its speaker tokens)."""
    from textacy.extract.triples import direct_quotations

    out: list[dict[str, Any]] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on an odd number of quote marks: it finds nothing
        return out
    for triple in triples:
        speaker = " ".join(t.text for t in triple.speaker)
        out.append({"text": triple.content.text.strip(QUOTE_MARKS), "speaker": {"name": speaker}})
    return out


def eventwire_quotes(doc: Doc) -> list[dict[str, Any]]:
    """eventwire's direct quotations (fallback speaker resolution) as prediction dicts."""
    return [q.to_dict() for q in extract_quotes(doc)]


def show_errors(name: str, gold: dict[str, Any], pred: list[dict[str, Any]]) -> None:
    """Print unmatched and wrongly attributed quotes for one document."""
    gq = gold.get("quotes") or []
    pairs = match_quotes([q["text"] for q in gq], [q["text"] for q in pred])
    got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
    for gi, g in enumerate(gq):
        if gi not in got_g:
            print(f"  [{name}] MISSED {g['speaker']!r}: {g['text'][:70]!r}")
    for pi, p in enumerate(pred):
        if pi not in got_p:
            print(f"  [{name}] EXTRA {(p.get('speaker') or {}).get('name')!r}: {p['text'][:70]!r}")
    for gi, pi in pairs:
        said = (pred[pi].get("speaker") or {}).get("name")
        if (said or "").split()[-1:] != gq[gi]["speaker"].split()[-1:]:
            print(f"  [{name}] SPEAKER {said!r} != {gq[gi]['speaker']!r}: {gq[gi]['text'][:50]!r}")


def main(argv: list[str]) -> int:
    """Run both extractors over the scored gold documents and print P/R/F1 and speaker accuracy."""
    errors = "--errors" in argv
    args = [a for a in argv if a != "--errors"]
    path = Path(args[0]) if args else DEFAULT_GOLD
    if not path.is_file():
        print(f"gold file not found: {path}", file=sys.stderr)
        return 2
    gold = [d for d in load_jsonl(path) if d.get("quotes_scored", True) is not False]
    nlp = load_pipeline()
    preds: dict[str, list[dict[str, Any]]] = {"textacy": [], "eventwire": []}
    for gdoc, doc in zip(gold, nlp.pipe(d["text"] for d in gold), strict=True):
        for name, run in (("textacy", textacy_quotes), ("eventwire", eventwire_quotes)):
            quotes = run(doc)
            preds[name].append({"id": gdoc["id"], "events": [], "quotes": quotes})
            if errors:
                show_errors(name, gdoc, quotes)
    print(f"{len(gold)} documents, {sum(len(d.get('quotes') or []) for d in gold)} gold quotes")
    print(f"{'system':<10} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}  (matched)")
    for name, docs in preds.items():
        report = score(gold, docs)
        q, s = report.quotes, report.speaker
        print(f"{name:<10} {q.precision:6.3f} {q.recall:6.3f} {q.f1:6.3f} {s.value:8.3f}"
              f"  ({s.correct}/{s.total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
