"""Event dates resolved against the publication date, with the rules dateparser gets wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventwire.context.dates import event_date, resolve_date

PUB = date(2022, 3, 30)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("on Tuesday night", "2022-03-29", None),
        ("Wednesday", "2022-03-30", None),
        ("last Wednesday", "2022-03-23", None),
        ("next Tuesday", "2022-04-05", None),
        ("yesterday", "2022-03-29", None),
        ("today", "2022-03-30", None),
        ("last week", "2022-03-21", "2022-03-27"),
        ("this week", "2022-03-28", "2022-04-03"),
        ("next month", "2022-04-01", "2022-04-30"),
        ("earlier this month", "2022-03-01", "2022-03-30"),
        ("last year", "2021-01-01", "2021-12-31"),
        ("in 2019", "2019-01-01", "2019-12-31"),
        ("March 3", "2022-03-03", None),
        ("December 27th", "2021-12-27", None),
        ("3 March 2021", "2021-03-03", None),
        ("2021-05-04", "2021-05-04", None),
        ("the past 1.5 years", "2020-09-28", "2022-03-30"),
        ("two weeks ago", "2022-03-16", None),
        ("last weekend", "2022-03-26", "2022-03-27"),
        ("by the end of April", "2022-04-01", "2022-04-30"),  # the month it falls in
        ("at the beginning of next month", "2022-04-01", "2022-04-30"),
    ],
)
def test_rules(text, start, end):
    res = resolve_date(text, PUB)
    assert (res.date, res.date_end) == (start, end)
    assert res.text == text


@pytest.mark.parametrize("text", ["we", "may", "march", "5", "1234567", "sun", "", "40th day",
                                  "its third week", "the 50th", "the 2nd round"])
def test_words_and_numbers_that_are_not_dates(text):
    assert resolve_date(text, PUB).date is None


@pytest.mark.parametrize("text", ["16 years", "up to 20 years", "10 decades", "3 months",
                                  "more than 10 days", "12 years long"])
def test_a_length_of_time_is_not_a_date(text):
    """'sentenced to 16 years': how long, not when (dateparser would read 16 years ago)."""
    assert resolve_date(text, PUB).date is None


def test_capitalised_may_is_the_month():
    assert resolve_date("in May", PUB).date == "2022-05-01"


def test_no_publication_date_keeps_the_relative_text():
    res = resolve_date("on Tuesday night", None)
    assert res.date is None and res.date_end is None and res.text == "on Tuesday night"
    assert resolve_date("March 3, 2019", None).date == "2019-03-03"


def first_sentence(nlp, text: str, lemma: str):
    doc = nlp(text)
    sent = next(iter(doc.sents))
    return sent, next(t for t in sent if t.lemma_ == lemma)


def test_event_date_from_the_sentence(nlp):
    sent, trig = first_sentence(
        nlp, "Foreign Minister Hossein Amir Abdollahian arrived at the Russian capital on "
             "Tuesday night.", "arrive")
    res = event_date(sent, trig, PUB)
    assert res.date == "2022-03-29" and "Tuesday" in res.text


def test_event_date_prefers_the_triggers_clause(nlp):
    sent, trig = first_sentence(
        nlp, "Russia launched a strike on Kharkiv yesterday, officials said on Friday.", "launch")
    assert event_date(sent, trig, PUB).date == "2022-03-29"


def test_event_date_ignores_a_date_inside_a_noun_phrase(nlp):
    # "in 2019" dates the killing of the journalists, not the arrests.
    sent, trig = first_sentence(
        nlp, "On Monday, reports said police arrested 12 men suspected of involvement in the "
             "killing of the journalists in 2019.", "arrest")
    assert event_date(sent, trig, PUB).date == "2022-03-28"


def test_event_date_defaults_to_publication(nlp):
    sent, trig = first_sentence(nlp, "The two ministers met in Vienna.", "meet")
    assert event_date(sent, trig, PUB).date == "2022-03-30"
    assert event_date(sent, trig, None).date is None


def test_event_date_without_publication_keeps_text(nlp):
    sent, trig = first_sentence(nlp, "The minister arrived in Moscow on Tuesday.", "arrive")
    res = event_date(sent, trig, None)
    assert res.date is None and res.text == "Tuesday"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.dates()))
@example("March 3", date.max)
@example("yesterday", date.min)
@example("next year", date.max)
@example("the past 3 years", date.min)
def test_resolve_date_never_raises(text, published):
    res = resolve_date(text, published)
    if res.date and res.date_end:
        assert res.date <= res.date_end


def test_seed_arrival_dated(nlp, shared: Path):
    path = shared / "seed" / "seed-iran-russia.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    doc = nlp(path.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n"))
    sent = next(s for s in doc.sents if "arrived at" in s.text)
    trig = next(t for t in sent if t.lemma_ == "arrive")
    assert event_date(sent, trig, PUB).date == "2022-03-29"
