"""Scoring against gold: hand-made gold/prediction pairs with answers worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from click.testing import CliRunner
from rich.console import Console

import eventwire.cli.eval  # noqa: F401  (registers the command on the app)
from eventwire.cli import app
from eventwire.evaluate.report import print_report
from eventwire.evaluate.scoring import EvalInputError, load_jsonl, match_quotes, score


def gold_ev(actor: str, event: str, recipient: str | None = None, actor_sector: str | None = None,
            recipient_sector: str | None = None) -> dict[str, Any]:
    ev: dict[str, Any] = {"actor": actor, "event": event, "recipient": recipient,
                          "evidence": "x"}
    if actor_sector:
        ev["actor_sector"] = actor_sector
    if recipient_sector:
        ev["recipient_sector"] = recipient_sector
    return ev


def pred_ev(actor: str | None, event: str, recipient: str | None = None,
            actor_sector: str | None = None, recipient_sector: str | None = None,
            negated: bool = False, modality: str = "asserted") -> dict[str, Any]:
    return {"event": event, "actor": {"code": actor, "sector": actor_sector},
            "recipient": ({"code": recipient, "sector": recipient_sector}
                          if recipient else None),
            "negated": negated, "modality": modality}


def gold_doc(doc_id: str, events: list[dict[str, Any]], quotes: list[dict[str, Any]] | None = None,
             negated: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": doc_id, "published": None, "title": None, "text": "Some text.",
            "events": events, "negated": negated or [], "quotes": quotes or [], **extra}


def pred_doc(doc_id: str, events: list[dict[str, Any]],
             quotes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": doc_id, "events": events, "quotes": quotes or []}


def pq(text: str, speaker: str | None) -> dict[str, Any]:
    return {"text": text, "speaker": {"name": speaker} if speaker is not None else None}


def test_perfect_match() -> None:
    gold = [gold_doc("a", [gold_ev("USA", "CONSULT", "RUS"), gold_ev("RUS", "ACCUSE")])]
    pred = [pred_doc("a", [pred_ev("USA", "CONSULT", "RUS"), pred_ev("RUS", "ACCUSE")])]
    r = score(gold, pred)
    for m in (r.event_type, r.triple, r.pair):
        assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)
    assert (r.triple.tp, r.triple.fp, r.triple.fn) == (2, 0, 0)
    assert r.docs_missing == [] and r.n_docs == 1


def test_empty_prediction_scores_zero_recall() -> None:
    gold = [gold_doc("a", [gold_ev("USA", "CONSULT", "RUS"), gold_ev("RUS", "ACCUSE")])]
    r = score(gold, [pred_doc("a", [])])
    assert (r.triple.tp, r.triple.fp, r.triple.fn) == (0, 0, 2)
    assert (r.triple.precision, r.triple.recall, r.triple.f1) == (0.0, 0.0, 0.0)
    assert (r.event_type.tp, r.event_type.fn) == (0, 2)


def test_extra_events_lower_precision_only() -> None:
    gold = [gold_doc("a", [gold_ev("USA", "CONSULT", "RUS")])]
    pred = [pred_doc("a", [pred_ev("USA", "CONSULT", "RUS"), pred_ev("USA", "ACCUSE", "RUS"),
                           pred_ev("FRA", "CONSULT", "RUS")])]
    r = score(gold, pred)
    # triples: 1 right of 3 predicted, 1 of 1 gold found
    assert r.triple.precision == pytest.approx(1 / 3)
    assert r.triple.recall == 1.0
    assert r.triple.f1 == pytest.approx(2 * (1 / 3) * 1 / (1 / 3 + 1))  # 0.5
    # event types: {CONSULT} vs {CONSULT, ACCUSE}
    assert r.event_type.precision == pytest.approx(1 / 2)
    assert r.event_type.f1 == pytest.approx(2 / 3)
    # actor-event pairs: {(USA,CONSULT)} vs {(USA,CONSULT),(USA,ACCUSE),(FRA,CONSULT)}
    assert (r.pair.tp, r.pair.fp, r.pair.fn) == (1, 2, 0)


def test_duplicate_triples_collapse() -> None:
    gold = [gold_doc("a", [gold_ev("TUR", "ASSAULT", "SYR")])]
    pred = [pred_doc("a", [pred_ev("TUR", "ASSAULT", "SYR")] * 3)]
    r = score(gold, pred)
    assert (r.triple.tp, r.triple.fp, r.triple.fn) == (1, 0, 0)
    assert (r.event_type.tp, r.event_type.fp) == (1, 0)


def test_null_recipient_is_part_of_the_triple() -> None:
    gold = [gold_doc("a", [gold_ev("IRN", "THREATEN")]),
            gold_doc("b", [gold_ev("IRN", "THREATEN")])]
    pred = [pred_doc("a", [pred_ev("IRN", "THREATEN")]),
            pred_doc("b", [pred_ev("IRN", "THREATEN", "USA")])]
    r = score(gold, pred)
    # doc a matches; doc b has the wrong recipient: one FP and one FN, summed over docs
    assert (r.triple.tp, r.triple.fp, r.triple.fn) == (1, 1, 1)
    assert r.triple.f1 == pytest.approx(0.5)
    # the actor-event pair and the event type still match in both documents
    assert (r.pair.tp, r.pair.fp, r.pair.fn) == (2, 0, 0)
    assert r.event_type.f1 == 1.0


def test_sector_accuracy_on_matched_triples_only() -> None:
    gold = [gold_doc("a", [
        gold_ev("USA", "SANCTION", "RUS", actor_sector="GOV", recipient_sector="MIL"),
        gold_ev("RUS", "ACCUSE", "USA"),                         # no gold sector: not compared
        gold_ev("FRA", "AID", "UKR", actor_sector="GOV", recipient_sector="GOV"),  # unmatched
        gold_ev("SRB", "PROTEST", None, actor_sector="CVL"),
    ])]
    pred = [pred_doc("a", [
        pred_ev("USA", "SANCTION", "RUS", actor_sector="GOV", recipient_sector="CVL"),
        pred_ev("RUS", "ACCUSE", "USA", actor_sector="GOV", recipient_sector="GOV"),
        pred_ev("SRB", "PROTEST", None, actor_sector=None),
    ])]
    r = score(gold, pred)
    # compared: USA actor GOV=GOV ok, RUS recipient MIL!=CVL wrong, SRB actor CVL!=None wrong
    assert (r.actor_sector.correct, r.actor_sector.total) == (1, 2)
    assert (r.recipient_sector.correct, r.recipient_sector.total) == (0, 1)
    assert (r.sector.correct, r.sector.total) == (1, 3)
    assert r.sector.value == pytest.approx(1 / 3)


def test_quote_half_token_rule_and_one_to_one() -> None:
    gold_q = ["We will never accept these sanctions."]         # 6 word tokens
    assert match_quotes(gold_q, ["never accept these"]) == [(0, 0)]   # 3/6 = half: match
    assert match_quotes(gold_q, ["we will"]) == []                    # 2/6: no match
    # two predictions overlap one gold quote: only the better one is paired
    assert match_quotes(gold_q, ["never accept these", "We will never accept these sanctions"]
                        ) == [(0, 1)]
    other = "This is a quite long quote"
    gold = [gold_doc("a", [], quotes=[{"speaker": "Ann Linde", "text": gold_q[0]},
                                      {"speaker": "Ann Linde", "text": other}])]
    pred = [pred_doc("a", [], quotes=[pq("we will never accept", "Linde"), pq("We will", "Linde"),
                                      pq("accept these sanctions never", "Linde")])]
    r = score(gold, pred)
    # preds 0 and 2 both share 4/6 words with gold 0: greedy pairs one; gold 1 is unmatched
    assert (r.quotes.tp, r.quotes.fp, r.quotes.fn) == (1, 2, 1)
    assert r.quotes.precision == pytest.approx(1 / 3)
    assert r.quotes.recall == pytest.approx(1 / 2)
    assert r.quotes.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))  # 0.4
    assert r.quote_docs == 1


def test_speaker_last_word_rule() -> None:
    text = "Our cooperation will not be against any side"
    names = ["Amir-Abdollahian", "abdollahian", "Hossein", None]
    gold = [gold_doc(f"d{i}", [], quotes=[{"speaker": "Hossein Amir Abdollahian", "text": text}])
            for i in range(len(names))]
    pred = [pred_doc(f"d{i}", [], quotes=[pq(text, n)]) for i, n in enumerate(names)]
    r = score(gold, pred)
    assert r.quotes.tp == 4
    # hyphenated and lower-case last names agree; a first name and no speaker do not
    assert (r.speaker.correct, r.speaker.total) == (2, 4)


def test_quotes_scored_false_skips_quotes() -> None:
    gold = [gold_doc("a", [gold_ev("USA", "CONSULT", "RUS")], quotes=[], quotes_scored=False)]
    pred = [pred_doc("a", [pred_ev("USA", "CONSULT", "RUS")],
                     quotes=[pq("a quote of several words", "Smith")])]
    r = score(gold, pred)
    assert r.quote_docs == 0
    assert (r.quotes.tp, r.quotes.fp, r.quotes.fn) == (0, 0, 0)
    assert r.triple.tp == 1


def test_negated_emitted_counts() -> None:
    negated = [
        {"actor": "IRN", "event": "THREATEN", "recipient": None, "evidence": "x"},
        {"actor": "USA", "event": "RETREAT", "evidence": "x"},        # no recipient key
        {"actor": "CUB", "event": "CONCEDE", "recipient": "USA", "evidence": "x"},
        {"actor": "LBY", "event": "AGREE", "recipient": "TUR", "evidence": "x"},
    ]
    gold = [gold_doc("a", [], negated=negated)]
    pred = [pred_doc("a", [
        pred_ev("IRN", "THREATEN"),                      # emitted: exact triple
        pred_ev("USA", "RETREAT", "IRQ"),                # emitted: matched on (actor, event)
        pred_ev("CUB", "CONCEDE", "USA", negated=True),  # marked negated: fine
        pred_ev("LBY", "AGREE", "GRC"),                  # different recipient: not this entry
    ])]
    r = score(gold, pred)
    assert (r.negated_total, r.negated_emitted) == (4, 2)
    assert r.docs[0].negated_emitted == [("IRN", "THREATEN", None), ("USA", "RETREAT", None)]
    # the emitted ones are also plain false positives
    assert (r.triple.tp, r.triple.fp) == (0, 3)


def test_negated_and_hypothetical_predictions_are_not_events() -> None:
    gold = [gold_doc("a", [gold_ev("CHN", "THREATEN", "TWN")])]
    pred = [pred_doc("a", [pred_ev("USA", "ASSAULT", "IRN", modality="hypothetical"),
                           pred_ev("RUS", "AGREE", "UKR", negated=True),
                           pred_ev("CHN", "THREATEN", "TWN", modality="future")])]
    r = score(gold, pred)
    assert (r.triple.tp, r.triple.fp, r.triple.fn) == (1, 0, 0)
    assert (r.event_type.tp, r.event_type.fp) == (1, 0)


def test_missing_prediction_doc_counts_as_empty() -> None:
    gold = [gold_doc("a", [gold_ev("USA", "CONSULT", "RUS")]),
            gold_doc("b", [gold_ev("ISR", "ASSAULT", "PSE"), gold_ev("EGY", "CONSULT", "ISR")])]
    pred = [pred_doc("a", [pred_ev("USA", "CONSULT", "RUS")]), pred_doc("zzz", [])]
    r = score(gold, pred)
    assert r.docs_missing == ["b"] and r.pred_extra == ["zzz"]
    assert r.n_docs == 2
    assert (r.triple.tp, r.triple.fp, r.triple.fn) == (1, 0, 2)
    assert r.triple.recall == pytest.approx(1 / 3)
    # event types per doc: a {CONSULT} found; b {ASSAULT, CONSULT} missed
    assert (r.event_type.tp, r.event_type.fn) == (1, 2)


def test_per_category_scores() -> None:
    gold = [gold_doc("a", [gold_ev("USA", "CONSULT", "RUS"), gold_ev("RUS", "CONSULT", "USA"),
                           gold_ev("RUS", "ASSAULT", "UKR")])]
    pred = [pred_doc("a", [pred_ev("USA", "CONSULT", "RUS"), pred_ev("UKR", "ASSAULT", "RUS"),
                           pred_ev("EUR", "SANCTION", "RUS")])]
    r = score(gold, pred)
    consult = r.category_triple["CONSULT"]
    assert (consult.tp, consult.fp, consult.fn) == (1, 0, 1)
    assert consult.f1 == pytest.approx(2 / 3)
    assert r.category_triple["ASSAULT"].f1 == 0.0
    assert r.category_event_type["ASSAULT"].f1 == 1.0       # the type was right
    assert (r.category_event_type["SANCTION"].fp, r.category_event_type["AGREE"].tp) == (1, 0)
    d = r.to_dict()
    assert d["per_category"]["CONSULT"]["triple"]["f1"] == pytest.approx(2 / 3)


def test_duplicate_ids_are_input_errors() -> None:
    with pytest.raises(EvalInputError, match="'a' appears more than once"):
        score([gold_doc("a", []), gold_doc("a", [])], [])


def test_report_renders_and_lists_errors() -> None:
    gold = [gold_doc("doc-1", [gold_ev("USA", "CONSULT", "RUS")])]
    r = score(gold, [pred_doc("doc-1", [pred_ev("FRA", "AID", "UKR")])])
    console = Console(record=True, width=120)
    print_report(r, console, show_errors=True)
    out = console.export_text()
    assert "triple (actor, event, recipient)" in out and "CONSULT" in out
    assert "missed   USA CONSULT RUS" in out and "spurious FRA AID UKR" in out


def test_load_jsonl_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalInputError, match="nope.jsonl: file not found"):
        load_jsonl(tmp_path / "nope.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n\n{"id": \n', encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"bad.jsonl:3: bad JSON"):
        load_jsonl(bad)
    ok = tmp_path / "ok.jsonl"
    ok.write_text('{"id": "a"}\n\n{"id": "b"}\n', encoding="utf-8")
    assert [d["id"] for d in load_jsonl(ok)] == ["a", "b"]
    assert issubclass(EvalInputError, ValueError)


# ---- the command line ---------------------------------------------------------------------

@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _invoke(runner: CliRunner, args: list[str]):  # noqa: ANN202
    return runner.invoke(typer.main.get_group(app), args)


def _write(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_cli_json_with_predictions(runner: CliRunner, tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [
        gold_doc("a", [gold_ev("USA", "CONSULT", "RUS", actor_sector="GOV")],
                 quotes=[{"speaker": "Joe Biden", "text": "We will talk again soon"}]),
        gold_doc("b", [gold_ev("ISR", "ASSAULT", "PSE")]),
    ])
    pred = _write(tmp_path / "pred.jsonl", [
        pred_doc("a", [pred_ev("USA", "CONSULT", "RUS", actor_sector="GOV"),
                       pred_ev("USA", "ACCUSE", "RUS")],
                 quotes=[pq("We will talk again", "Biden")]),
    ])
    result = _invoke(runner, ["eval", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n_docs"] == 2 and data["docs_missing"] == 1
    assert data["docs_missing_ids"] == ["b"]
    t = data["triple"]
    assert (t["tp"], t["fp"], t["fn"]) == (1, 1, 1)
    assert t["precision"] == pytest.approx(0.5) and t["recall"] == pytest.approx(0.5)
    assert data["sector"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert data["quotes"]["f1"] == 1.0 and data["speaker"]["accuracy"] == 1.0


def test_cli_table_and_errors_output(runner: CliRunner, tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [gold_doc("a", [gold_ev("USA", "CONSULT", "RUS")])])
    pred = _write(tmp_path / "pred.jsonl", [pred_doc("a", [pred_ev("USA", "CONSULT", "CHN")])])
    result = _invoke(runner, ["eval", str(gold), "--pred", str(pred), "--show-errors"])
    assert result.exit_code == 0, result.output
    assert "per PLOVER category" in result.stdout
    assert "USA CONSULT RUS" in result.stdout and "USA CONSULT CHN" in result.stdout


def test_cli_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "no_such_gold.jsonl"
    result = _invoke(runner, ["eval", str(missing), "--pred", str(missing)])
    assert result.exit_code == 2
    assert "no_such_gold.jsonl" in result.stderr and "not found" in result.stderr
    assert "Traceback" not in result.output


def test_cli_bad_json_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [gold_doc("a", [])])
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "a", "events": []}\n{oops\n', encoding="utf-8")
    result = _invoke(runner, ["eval", str(gold), "--pred", str(pred)])
    assert result.exit_code == 2
    assert "pred.jsonl:2: bad JSON" in result.stderr
    assert "Traceback" not in result.output


def test_cli_codes_gold_itself_without_pred(runner: CliRunner, tmp_path: Path) -> None:
    """Without --pred the real coder (real spaCy) codes the gold texts."""
    doc = gold_doc("a", [gold_ev("FRA", "CONSULT", "DEU")])
    doc["text"] = "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin."
    doc2 = gold_doc("b", [])
    doc2["text"] = "The weather in the region was mild on Tuesday."
    doc2["published"] = "2023-05-02"
    gold = _write(tmp_path / "gold.jsonl", [doc, doc2])
    result = _invoke(runner, ["eval", str(gold), "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n_docs"] == 2 and data["docs_missing"] == 0
    assert data["triple"]["tp"] + data["triple"]["fn"] == 1
