"""The scores as a reader sees them: rich tables, and each document's misses when asked."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eventwire.evaluate.reliability import Reliability
from eventwire.evaluate.scoring import PRF, Report, Triple


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _prf_row(name: str, m: PRF) -> list[str]:
    return [name, _pct(m.precision), _pct(m.recall), _pct(m.f1), str(m.tp), str(m.fp), str(m.fn)]


def render_report(report: Report) -> list[Table]:
    """The overall and per-category tables, for a terminal reader."""
    overall = Table(title=f"eventwire eval: {report.n_docs} documents "
                          f"({len(report.docs_missing)} without prediction)")
    for col in ("metric", "P", "R", "F1", "TP", "FP", "FN"):
        overall.add_column(col, justify="left" if col == "metric" else "right")
    overall.add_row(*_prf_row("event type", report.event_type))
    overall.add_row(*_prf_row("actor-event pair", report.pair))
    overall.add_row(*_prf_row("triple (actor, event, recipient)", report.triple))
    overall.add_row(*_prf_row(f"quotes ({report.quote_docs} docs scored)", report.quotes))
    other = Table(title="accuracy on matches and negation")
    for col in ("metric", "value", "count"):
        other.add_column(col, justify="left" if col == "metric" else "right")
    for name, acc in (("sector (matched triples)", report.sector),
                      ("  actor sector", report.actor_sector),
                      ("  recipient sector", report.recipient_sector),
                      ("speaker (matched quotes)", report.speaker)):
        other.add_row(name, _pct(acc.value), f"{acc.correct}/{acc.total}")
    other.add_row("negated entries emitted as events", str(report.negated_emitted),
                  f"of {report.negated_total}")
    per_cat = Table(title="per PLOVER category (F1)")
    for col in ("category", "type F1", "type gold/pred", "triple F1", "triple gold/pred"):
        per_cat.add_column(col, justify="left" if col == "category" else "right")
    for cat, et in report.category_event_type.items():
        tr = report.category_triple[cat]
        if not (et.tp + et.fp + et.fn):
            continue
        per_cat.add_row(cat, _pct(et.f1), f"{et.tp + et.fn}/{et.tp + et.fp}",
                        _pct(tr.f1), f"{tr.tp + tr.fn}/{tr.tp + tr.fp}")
    return [overall, other, per_cat]


def _fmt(t: Triple) -> str:
    return f"{t[0] or '-'} {t[1]} {t[2] or '-'}"


def print_report(report: Report, console: Console, show_errors: bool = False) -> None:
    """Print the tables, and per-document triple errors when asked."""
    for table in render_report(report):
        console.print(table)
    if report.docs_missing:
        console.print(f"[yellow]{len(report.docs_missing)} gold document(s) had no prediction: "
                      f"{', '.join(report.docs_missing[:10])}"
                      f"{' ...' if len(report.docs_missing) > 10 else ''}[/yellow]")
    if report.pred_extra:
        console.print(f"[yellow]{len(report.pred_extra)} prediction(s) not in gold, "
                      f"ignored[/yellow]")
    if not show_errors:
        return
    for doc in report.docs:
        if not (doc.false_positives or doc.false_negatives or doc.negated_emitted):
            continue
        note = " (no prediction)" if doc.missing else ""
        console.print(f"[bold]{escape(doc.id)}[/bold]{note}")
        for t in doc.false_negatives:
            console.print(f"  [red]missed[/red]   {_fmt(t)}")
        for t in doc.false_positives:
            console.print(f"  [magenta]spurious[/magenta] {_fmt(t)}")
        for t in doc.negated_emitted:
            console.print(f"  [magenta]negated but emitted[/magenta] {_fmt(t)}")


def render_reliability(calib: Reliability) -> list[Table]:
    """Confidence deciles and thresholded triple P/R: can a reader pick a threshold?"""
    deciles = Table(title=f"confidence: {calib.total} triples, ECE {calib.ece:.3f}")
    for col in ("confidence", "triples", "mean conf.", "precision"):
        deciles.add_column(col, justify="left" if col == "confidence" else "right")
    for b in calib.bins:
        if b.count:
            deciles.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.count),
                            f"{b.mean_confidence:.2f}", f"{b.precision:.2f}")
    kept = Table(title="triples at --min-confidence")
    for col in ("threshold", "P", "R", "F1", "kept"):
        kept.add_column(col, justify="right")
    for t, prf in calib.at.items():
        kept.add_row(f"{t:.1f}", _pct(prf.precision), _pct(prf.recall), _pct(prf.f1),
                     str(prf.tp + prf.fp))
    return [deciles, kept]


def print_reliability(calib: Reliability, console: Console) -> None:
    """Print the calibration tables after the scores."""
    for table in render_reliability(calib):
        console.print(table)
