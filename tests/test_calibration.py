"""Calibrated confidence (issue 21): features, the fitted file, reliability and `calibrate`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from click.testing import CliRunner

from eventwire.cli import _register, app
from eventwire.errors import KnowledgeFileError
from eventwire.evaluate.fitting import Sample, fit, samples
from eventwire.evaluate.reliability import reliability
from eventwire.events.confidence import calibrated, event_features, features_of, path_steps
from eventwire.knowledge.calibration import (
    FORMAT,
    Calibration,
    load_calibration,
    parse_calibration,
    read_calibration,
)
from eventwire.model import Actor, CodedArticle, Event, Span

_register()


def _event(recipient: str | None = "RUS", rule: str = "consult-meet [consult.yaml:5] "
           "actor=nsubj recipient=dobj", sentence: str = "Iran met Russia.",
           confidence: float = 0.8) -> Event:
    return Event(event="CONSULT", actor=Actor("IRN", "GOV", "Iran"),
                 recipient=Actor(recipient, "GOV", recipient) if recipient else None,
                 evidence=Span("met", 5, 8), sentence=sentence, confidence=confidence,
                 rule=rule)


def test_role_paths_become_link_kinds_without_names() -> None:
    assert path_steps("dobj>owner") == ["dobj", "owner"]
    assert path_steps("prep:in") == ["prep"]
    assert path_steps("counterpart<Afghanistan") == ["counterpart"]
    assert path_steps("counterpart<#PNH") == ["counterpart"]
    assert path_steps("nsubj+joint-subject") == ["nsubj", "joint-subject"]
    assert path_steps("-") == ["none"]


def test_features_say_how_the_event_was_found() -> None:
    feats = event_features(_event(rule="request-urge [request.yaml:117] actor=conj>nsubj "
                                       "recipient=counterpart<Kyiv"), events_in_sentence=2)
    assert {"cat:CONSULT", "mod:asserted", "as:GOV", "rs:GOV", "src:lexicon", "a:conj",
            "a:nsubj", "r:counterpart"} <= set(feats)
    assert feats["prior"] == 0.8 and feats["crowd"] == pytest.approx(0.4)
    no_target = event_features(_event(recipient=None, rule="x [demands.py] actor=reported "
                                                           "recipient=-"))
    assert {"rs:none", "r:none", "src:demands", "a:reported"} <= set(no_target)
    shared = features_of([_event(), _event(recipient="CHN"), _event(sentence="Other.")])
    assert [f["crowd"] for f in shared] == [pytest.approx(0.4), pytest.approx(0.4),
                                            pytest.approx(0.2)]


def test_calibrated_confidence_follows_the_weights() -> None:
    cal = Calibration(intercept=0.0, weights={"r:none": -3.0, "r:dobj": 2.0})
    with_target, without = calibrated([_event(), _event(recipient=None, rule="x [a.yaml:1] "
                                                        "actor=nsubj recipient=-")], cal)
    assert 0.85 < with_target.confidence < 0.9  # sigmoid(2)
    assert 0.04 < without.confidence < 0.06  # sigmoid(-3)
    kept = _event(confidence=0.61)
    assert calibrated([kept], None)[0].confidence == 0.61  # no calibration: the rule's prior


def test_the_packaged_calibration_loads_and_gives_probabilities() -> None:
    cal = load_calibration()
    assert cal.weights and cal.fitted_on.get("events", 0) > 0
    assert 0.0 < cal.probability(event_features(_event())) < 1.0


@pytest.mark.parametrize("content,problem", [
    ("{oops", "not a JSON calibration file"),
    ('["a"]', "a calibration file is a JSON object"),
    ('{"format": "other/1", "intercept": 0, "weights": {"x": 1}}', "'format' must be"),
    (f'{{"format": "{FORMAT}", "intercept": 0, "weights": {{}}}}', "non-empty object"),
    (f'{{"format": "{FORMAT}", "intercept": "high", "weights": {{"x": 1}}}}',
     "'intercept' must be a finite number"),
    (f'{{"format": "{FORMAT}", "intercept": 0, "weights": {{"x": NaN}}}}',
     "weight 'x' must be a finite number"),
])
def test_a_malformed_calibration_file_is_one_error_naming_it(tmp_path: Path, content: str,
                                                              problem: str) -> None:
    bad = tmp_path / "cal.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as caught:
        read_calibration(bad)
    message = str(caught.value)
    assert message.startswith(str(bad)) and problem in message and "\n" not in message


def test_a_calibration_round_trips_through_its_json() -> None:
    cal = Calibration(intercept=-0.5, weights={"prior": 1.5, "r:none": -2.0},
                      fitted_on={"gold": ["g.jsonl"], "events": 10})
    again = parse_calibration(json.loads(json.dumps(cal.to_dict())), "mem")
    assert again == cal


def _gold(doc_id: str, triples: list[tuple[str, str, str | None]]) -> dict[str, Any]:
    return {"id": doc_id, "text": "x", "events": [{"actor": a, "event": e, "recipient": r}
                                                   for a, e, r in triples]}


def _pred(doc_id: str, events: list[tuple[str, str, str | None, float]]) -> dict[str, Any]:
    return {"id": doc_id, "events": [
        {"event": e, "actor": {"code": a}, "recipient": {"code": r} if r else None,
         "confidence": c, "negated": False, "modality": "asserted"} for a, e, r, c in events]}


def test_reliability_bins_ece_and_thresholds_worked_by_hand() -> None:
    gold = [_gold("a", [("IRN", "CONSULT", "RUS"), ("IRN", "ACCUSE", "USA")])]
    pred = [_pred("a", [("IRN", "CONSULT", "RUS", 0.95), ("IRN", "CONSULT", "RUS", 0.2),
                        ("IRN", "ACCUSE", "USA", 0.75), ("RUS", "ACCUSE", "USA", 0.72),
                        ("IRN", "REJECT", None, 0.3)])]
    calib = reliability(gold, pred)
    # triples: CONSULT 0.95 (its best event) right; ACCUSE 0.75 right; RUS ACCUSE 0.72 wrong;
    # REJECT 0.3 wrong.
    assert calib.total == 4
    by_bin = {round(b.low, 1): (b.count, b.correct) for b in calib.bins if b.count}
    assert by_bin == {0.9: (1, 1), 0.7: (2, 1), 0.3: (1, 0)}
    expected = (1 * abs(1 - 0.95) + 2 * abs(0.5 - 0.735) + 1 * abs(0 - 0.3)) / 4
    assert calib.ece == pytest.approx(expected)
    at7 = calib.at[0.7]
    assert (at7.tp, at7.fp, at7.fn) == (2, 1, 0)
    at9 = calib.at[0.9]
    assert (at9.tp, at9.fp, at9.fn) == (1, 0, 1)


def test_fitting_learns_which_features_go_with_right_triples() -> None:
    data = [Sample({"r:dobj": 1.0, "prior": 0.8}, True)] * 12 + \
        [Sample({"r:none": 1.0, "prior": 0.8}, False)] * 12 + \
        [Sample({"r:dobj": 1.0, "prior": 0.8}, False)] * 2 + \
        [Sample({"rare": 1.0}, True)] * 2
    cal = fit(data, {"gold": ["synthetic"]})
    assert cal.weights["r:dobj"] > 0 > cal.weights["r:none"]
    assert "rare" not in cal.weights  # seen under MIN_COUNT times
    assert cal.fitted_on["events"] == 28 and cal.fitted_on["right"] == 14
    with pytest.raises(ValueError, match="right and wrong"):
        fit([Sample({"x": 1.0}, True)] * 5, {})


def test_samples_label_counted_events_by_their_documents_gold() -> None:
    article = CodedArticle(id="a", title=None, published=None, events=[
        _event(), _event(recipient="CHN"), Event(
            event="CONSULT", actor=Actor("IRN"), recipient=Actor("RUS"), evidence=Span("x", 0, 1),
            sentence="s", negated=True)])
    got = samples([_gold("a", [("IRN", "CONSULT", "RUS")])], [article])
    assert [s.right for s in got] == [True, False]  # the negated event is not counted


def _invoke(args: list[str]) -> Any:
    return CliRunner().invoke(typer.main.get_group(app), args)


def test_calibrate_refuses_to_overwrite_and_names_a_bad_gold(tmp_path: Path) -> None:
    out = tmp_path / "cal.json"
    out.write_text("{}", encoding="utf-8")
    got = _invoke(["calibrate", str(tmp_path / "gold.jsonl"), "-o", str(out)])
    assert got.exit_code == 2 and "--force" in got.stderr
    got = _invoke(["calibrate", str(tmp_path / "missing.jsonl"), "-o", str(out), "--force"])
    assert got.exit_code == 2 and "missing.jsonl" in got.stderr and "Traceback" not in got.output


def test_calibrate_then_eval_with_the_fitted_file(tmp_path: Path) -> None:
    """The real coder codes a small gold; the fit is written, loads, and eval reports it."""
    texts = [("a", "Iran's foreign minister met Russian President Vladimir Putin in Moscow on "
                   "Monday. Iran accused the United States of economic terrorism.",
              [("IRN", "CONSULT", "RUS")]),
             ("b", "France condemned the attack on Tuesday. German Chancellor Olaf Scholz met "
                   "Polish leaders in Warsaw.", [("DEU", "CONSULT", "POL")]),
             ("c", "China urged Japan to release the detained fishermen. Japan rejected the "
                   "demand.", [("CHN", "REQUEST", "JPN")])]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({**_gold(i, t), "text": x, "published": "2024-03-04"})
                            + "\n" for i, x, t in texts), encoding="utf-8")
    out = tmp_path / "cal.json"
    got = _invoke(["calibrate", str(gold), "-o", str(out)])
    assert got.exit_code == 0, got.output
    assert "weights written" in got.stderr
    fitted = read_calibration(out)
    assert fitted.fitted_on["gold"] == ["gold.jsonl"] and fitted.fitted_on["events"] >= 3
    report = _invoke(["eval", str(gold), "--calibration", str(out), "--json"])
    assert report.exit_code == 0, report.output
    calib = json.loads(report.stdout)["calibration"]
    assert calib["predictions"] >= 3 and 0.0 <= calib["ece"] <= 1.0
    assert set(calib["thresholds"]) == {"0.5", "0.7", "0.9"}
