"""Scoring coder output against gold JSONL, exactly as the gold guideline's "Scoring" says."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.knowledge.ontology import CATEGORIES

Triple = tuple[str | None, str, str | None]
Pair = tuple[str | None, str]

_WORD = re.compile(r"\w+", re.UNICODE)


class EvalInputError(InputError, ValueError):
    """A gold or prediction file (or document) cannot be scored; the message says why."""


@dataclass
class PRF:
    """True/false positive and false negative counts, so micro sums stay exact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add_sets(self, gold: set[Any], pred: set[Any]) -> None:
        """Add one document's set comparison."""
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass
class Accuracy:
    """Correct out of compared, for sector and speaker checks on matched items."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass
class DocResult:
    """One document's triple errors, kept for error analysis (--show-errors)."""

    id: str
    missing: bool
    false_positives: list[Triple]
    false_negatives: list[Triple]
    negated_emitted: list[Triple]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "missing": self.missing,
                "false_positives": [list(t) for t in self.false_positives],
                "false_negatives": [list(t) for t in self.false_negatives],
                "negated_emitted": [list(t) for t in self.negated_emitted]}


@dataclass
class Report:
    """Every number `eventwire eval` prints, summed over documents (micro)."""

    n_docs: int = 0
    docs_missing: list[str] = field(default_factory=list)
    pred_extra: list[str] = field(default_factory=list)
    event_type: PRF = field(default_factory=PRF)
    triple: PRF = field(default_factory=PRF)
    pair: PRF = field(default_factory=PRF)
    sector: Accuracy = field(default_factory=Accuracy)
    actor_sector: Accuracy = field(default_factory=Accuracy)
    recipient_sector: Accuracy = field(default_factory=Accuracy)
    quote_docs: int = 0
    quotes: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    negated_total: int = 0
    negated_emitted: int = 0
    category_event_type: dict[str, PRF] = field(
        default_factory=lambda: {c: PRF() for c in CATEGORIES})
    category_triple: dict[str, PRF] = field(
        default_factory=lambda: {c: PRF() for c in CATEGORIES})
    docs: list[DocResult] = field(default_factory=list)

    def to_dict(self, include_docs: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n_docs": self.n_docs,
            "docs_missing": len(self.docs_missing),
            "docs_missing_ids": list(self.docs_missing),
            "pred_extra_ids": list(self.pred_extra),
            "event_type": self.event_type.to_dict(),
            "triple": self.triple.to_dict(),
            "actor_event": self.pair.to_dict(),
            "sector": self.sector.to_dict(),
            "actor_sector": self.actor_sector.to_dict(),
            "recipient_sector": self.recipient_sector.to_dict(),
            "quote_docs": self.quote_docs,
            "quotes": self.quotes.to_dict(),
            "speaker": self.speaker.to_dict(),
            "negated": {"total": self.negated_total, "emitted": self.negated_emitted},
            "per_category": {
                c: {"event_type": self.category_event_type[c].to_dict(),
                    "triple": self.category_triple[c].to_dict()}
                for c in CATEGORIES
            },
        }
        if include_docs:
            out["docs"] = [d.to_dict() for d in self.docs]
        return out


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file of objects, naming the file and line of any problem."""
    p = Path(path)
    if not p.exists():
        raise EvalInputError(f"{p}: file not found")
    if not p.is_file():
        raise EvalInputError(f"{p}: not a file")
    docs: list[dict[str, Any]] = []
    try:
        with p.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalInputError(f"{p}:{lineno}: bad JSON ({exc.msg})") from None
                if not isinstance(obj, dict):
                    raise EvalInputError(f"{p}:{lineno}: expected a JSON object per line")
                docs.append(obj)
    except UnicodeDecodeError as exc:
        raise EvalInputError(f"{p}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise EvalInputError(f"{p}: cannot read ({exc.strerror})") from None
    return docs


def _words(text: str | None) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text or "")]


def _last_word(name: str | None) -> str | None:
    words = _words(name)
    return words[-1] if words else None


def counted(event: dict[str, Any]) -> bool:
    """Negated and hypothetical predictions are not assertions, so they are not events."""
    return not event.get("negated") and event.get("modality") != "hypothetical"


def _code(actor: Any) -> str | None:
    return actor.get("code") if isinstance(actor, dict) else None


def _sector(actor: Any) -> str | None:
    return actor.get("sector") if isinstance(actor, dict) else None


def _list(doc: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = doc.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise EvalInputError(f"{where} {doc.get('id')!r}: '{key}' must be a list of objects")
    return value


def pred_triple(event: dict[str, Any]) -> Triple:
    """A predicted event's (actor code, category, recipient code), as the triple F1 counts it."""
    return (_code(event.get("actor")), event["event"], _code(event.get("recipient")))


def _pred_events(doc: dict[str, Any]) -> dict[Triple, dict[str, Any]]:
    """Counted predicted events by triple; the first event of a repeated triple wins."""
    out: dict[Triple, dict[str, Any]] = {}
    for ev in _list(doc, "events", "prediction"):
        if "event" not in ev:
            raise EvalInputError(f"prediction {doc.get('id')!r}: an event has no 'event'")
        if counted(ev):
            out.setdefault(pred_triple(ev), ev)
    return out


def gold_events(doc: dict[str, Any]) -> dict[Triple, dict[str, Any]]:
    """Gold events by triple; repeated triples collapse like predicted ones."""
    out: dict[Triple, dict[str, Any]] = {}
    for ev in _list(doc, "events", "gold"):
        if "event" not in ev or "actor" not in ev:
            raise EvalInputError(f"gold {doc.get('id')!r}: an event lacks 'actor' or 'event'")
        out.setdefault((ev["actor"], ev["event"], ev.get("recipient")), ev)
    return out


def match_quotes(gold: list[str], pred: list[str]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, pred index) sharing half the gold quote's words."""
    candidates: list[tuple[float, int, int]] = []
    pred_words = [set(_words(p)) for p in pred]
    for gi, g in enumerate(gold):
        gw = set(_words(g))
        if not gw:
            continue
        for pi, pw in enumerate(pred_words):
            share = len(gw & pw) / len(gw)
            if share >= 0.5:
                candidates.append((share, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _score_sectors(report: Report, gold: dict[Triple, dict[str, Any]],
                   pred: dict[Triple, dict[str, Any]]) -> None:
    """Compare sectors on matched triples, only where gold gives one."""
    for triple in gold.keys() & pred.keys():
        g, p = gold[triple], pred[triple]
        if g.get("actor_sector"):
            ok = g["actor_sector"] == _sector(p.get("actor"))
            report.actor_sector.add(ok)
            report.sector.add(ok)
        if g.get("recipient_sector") and triple[2] is not None and p.get("recipient"):
            ok = g["recipient_sector"] == _sector(p.get("recipient"))
            report.recipient_sector.add(ok)
            report.sector.add(ok)


def _score_quotes(report: Report, gold_doc: dict[str, Any], pred_doc: dict[str, Any]) -> None:
    """Quote P/R/F1 with the half-token rule, and speaker last-word accuracy on matches."""
    gold_q = _list(gold_doc, "quotes", "gold")
    pred_q = _list(pred_doc, "quotes", "prediction")
    pairs = match_quotes([str(q.get("text") or "") for q in gold_q],
                         [str(q.get("text") or "") for q in pred_q])
    report.quote_docs += 1
    report.quotes.tp += len(pairs)
    report.quotes.fp += len(pred_q) - len(pairs)
    report.quotes.fn += len(gold_q) - len(pairs)
    for gi, pi in pairs:
        speaker = pred_q[pi].get("speaker")
        pred_name = speaker.get("name") if isinstance(speaker, dict) else None
        gold_last = _last_word(gold_q[gi].get("speaker"))
        report.speaker.add(gold_last is not None and gold_last == _last_word(pred_name))


def _negated_emitted(gold_doc: dict[str, Any], pred: dict[Triple, dict[str, Any]]) -> list[Triple]:
    """Gold negated entries that the prediction asserts anyway."""
    pairs = {(t[0], t[1]) for t in pred}
    hits: list[Triple] = []
    for neg in _list(gold_doc, "negated", "gold"):
        triple = (neg.get("actor"), str(neg.get("event")), neg.get("recipient"))
        found = triple in pred if "recipient" in neg else triple[:2] in pairs
        if found:
            hits.append(triple)
    return hits


def _sort(triples: Iterable[Triple]) -> list[Triple]:
    return sorted(triples, key=lambda t: tuple("" if x is None else x for x in t))


def score_doc(report: Report, gold_doc: dict[str, Any], pred_doc: dict[str, Any] | None) -> None:
    """Add one document's comparison to the running report."""
    missing = pred_doc is None
    pred_doc = pred_doc or {"id": gold_doc.get("id"), "events": [], "quotes": []}
    gold = gold_events(gold_doc)
    pred = _pred_events(pred_doc)
    gold_t, pred_t = set(gold), set(pred)
    report.n_docs += 1
    report.event_type.add_sets({t[1] for t in gold_t}, {t[1] for t in pred_t})
    report.triple.add_sets(gold_t, pred_t)
    report.pair.add_sets({t[:2] for t in gold_t}, {t[:2] for t in pred_t})
    for cat in {t[1] for t in gold_t | pred_t}:
        if cat not in report.category_event_type:
            report.category_event_type[cat] = PRF()
            report.category_triple[cat] = PRF()
        report.category_event_type[cat].add_sets({t[1] for t in gold_t} & {cat},
                                                 {t[1] for t in pred_t} & {cat})
        report.category_triple[cat].add_sets({t for t in gold_t if t[1] == cat},
                                             {t for t in pred_t if t[1] == cat})
    _score_sectors(report, gold, pred)
    if gold_doc.get("quotes_scored", True) is not False:
        _score_quotes(report, gold_doc, pred_doc)
    negated = _negated_emitted(gold_doc, pred)
    report.negated_total += len(_list(gold_doc, "negated", "gold"))
    report.negated_emitted += len(negated)
    report.docs.append(DocResult(id=str(gold_doc.get("id")), missing=missing,
                                 false_positives=_sort(pred_t - gold_t),
                                 false_negatives=_sort(gold_t - pred_t),
                                 negated_emitted=negated))


def _by_id(docs: list[dict[str, Any]], what: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for n, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict) or "id" not in doc:
            raise EvalInputError(f"{what} document {n} has no 'id'")
        key = str(doc["id"])
        if key in out:
            raise EvalInputError(f"{what} document id {key!r} appears more than once")
        out[key] = doc
    return out


def score(gold_docs: list[dict[str, Any]], pred_docs: list[dict[str, Any]]) -> Report:
    """Score predictions against gold, aligned by id; a missing prediction scores as empty."""
    gold = _by_id(gold_docs, "gold")
    pred = _by_id(pred_docs, "prediction")
    report = Report()
    for key, gold_doc in gold.items():
        if key not in pred:
            report.docs_missing.append(key)
        score_doc(report, gold_doc, pred.get(key))
    report.pred_extra = [k for k in pred if k not in gold]
    return report
