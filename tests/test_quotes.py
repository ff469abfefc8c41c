"""Direct and indirect quotations: each mark style and attribution pattern, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.context.quotes import extract_indirect, extract_quotes
from eventwire.model import Actor
from eventwire.nlp.quotemarks import scan_quotes


def quotes(nlp, text: str, **kw):
    return extract_quotes(nlp(text), **kw)


def last(actor: Actor | None) -> str | None:
    return (actor.name or "").split()[-1] if actor and actor.name else None


def test_straight_quotes_with_offsets(nlp):
    text = 'Foreign Minister Anna Berg said: "We will never accept these new sanctions."'
    [q] = quotes(nlp, text)
    assert q.text == "We will never accept these new sanctions."
    assert text[q.start : q.end] == q.text
    assert q.cue == "said" and last(q.speaker) == "Berg" and q.kind == "direct"


def test_curly_quotes_trailing_comma_dropped(nlp):
    [q] = quotes(nlp, "“The border will stay closed until further notice,” Pavel Novak said.")
    assert q.text == "The border will stay closed until further notice"
    assert last(q.speaker) == "Novak" and q.cue == "said"


def test_nested_quotes_stay_inside(nlp):
    text = ("Senator Maria Lopez stated, “The so-called ‘peace plan’ is a trap for everyone "
            "involved.” Nothing else was said.")
    [q] = quotes(nlp, text)
    assert "‘peace plan’" in q.text and q.text.endswith("involved.")
    assert last(q.speaker) == "Lopez"


def test_nested_straight_quotes(nlp):
    text = 'John Smith wrote, "The "United States" is not holding any of the detainees now."'
    [q] = quotes(nlp, text)
    assert q.text.startswith("The ") and q.text.endswith("detainees now.")


def test_multi_paragraph_quote_is_one_quote(nlp):
    text = ('Prime Minister Omar Haddad told parliament: "We have done everything we could.\n\n'
            '"The talks will resume next week in Geneva, and we expect real progress."')
    [q] = quotes(nlp, text)
    assert "everything we could." in q.text and q.text.endswith("real progress.")
    assert '"' not in q.text
    assert last(q.speaker) == "Haddad"
    assert q.start < q.end <= len(text)


def test_split_quote_gives_two_quotes_same_speaker(nlp):
    text = ('"The ceasefire is holding across the whole region," General Tom Reyes said, '
            '"but we remain on high alert tonight."')
    first, second = quotes(nlp, text)
    assert first.text == "The ceasefire is holding across the whole region"
    assert second.text == "but we remain on high alert tonight."
    assert last(first.speaker) == last(second.speaker) == "Reyes"


def test_floating_quote_inherits_speaker(nlp):
    text = ('"Our citizens have been injured during violent incidents," Carrie Lam said. '
            '"Visitors wonder whether our city is still a safe place."')
    first, second = quotes(nlp, text)
    assert last(first.speaker) == "Lam"
    assert last(second.speaker) == "Lam" and second.cue == "said"


def test_according_to(nlp):
    text = ('"The airline transports weapons and fighters across the region," according to '
            "a statement by US Secretary of State Mike Pompeo.")
    [q] = quotes(nlp, text)
    assert q.cue == "according" and last(q.speaker) == "Pompeo"


def test_pronoun_speaker_takes_last_named_subject(nlp):
    text = ("Mikhail Petrov met Sergei Lavrov on Monday. Petrov then spoke to reporters about "
            'Lavrov. "We believe that the new proposal is a serious one," he underlined.')
    [q] = quotes(nlp, text)
    assert q.cue == "underlined" and q.speaker.text == "he" and last(q.speaker) == "Petrov"


def test_participial_saying(nlp):
    text = ('Jane Okafor touched upon the sanctions, saying, "These sanctions are a failed '
            'policy of the past."')
    [q] = quotes(nlp, text)
    assert q.cue == "saying" and last(q.speaker) == "Okafor"


def test_inverted_cue(nlp):
    text = '"She is only doing this to divide the movement," said a protester named Katya.'
    [q] = quotes(nlp, text)
    assert last(q.speaker) == "Katya"


def test_short_quotes_filtered_by_default(nlp):
    doc = nlp('The minister called the deal "null and void" on Monday.')
    assert extract_quotes(doc) == []
    assert [q.text for q in extract_quotes(doc, min_words=2)] == ["null and void"]


def test_resolver_callback_is_used(nlp):
    seen = []

    def resolver(span):
        seen.append(span.text)
        return Actor(code="IRN", sector="GOV", text=span.text, name="Resolved Person")

    [q] = quotes(nlp, '"We are ready to talk with everyone at any time," he said.',
                 resolve_speaker=resolver)
    assert seen == ["he"] and q.speaker.code == "IRN" and q.speaker.name == "Resolved Person"


def test_indirect_speech(nlp):
    doc = nlp("The foreign minister Ali Rezaei said that the talks with Moscow were productive.")
    [q] = extract_indirect(doc)
    assert q.kind == "indirect" and q.cue == "said"
    assert q.text == "the talks with Moscow were productive"
    assert doc.text[q.start : q.end] == q.text and last(q.speaker) == "Rezaei"


def test_apostrophes_are_not_quotes():
    assert scan_quotes("The protesters' demands and the government's answer don't match.") == []


def test_unclosed_quote_is_dropped():
    assert scan_quotes('He said "this never ends\n\nAnother paragraph.') == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"'“”‘’«»:x")), max_size=80) | st.text())
def test_scanner_never_raises_and_offsets_are_valid(text):
    for q in scan_quotes(text):
        assert 0 <= q.open < q.close <= len(text)
        for s, e in q.pieces:
            assert q.open < s <= e <= q.close


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab said He .,\n\"'“”")), max_size=60))
def test_extract_never_raises(nlp, text):
    for q in extract_quotes(nlp(text), min_words=1):
        assert 0 <= q.start <= q.end <= len(text)


def seed_text(shared: Path) -> str:
    path = shared / "seed" / "seed-iran-russia.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n")


def test_seed_six_quotes_by_amir_abdollahian(nlp, shared):
    found = extract_quotes(nlp(seed_text(shared)))
    assert len(found) == 6
    assert all(len(q.text.split()) >= 4 for q in found)
    assert all(q.speaker and q.speaker.name == "Hossein Amir Abdollahian" for q in found)
    pronoun = [q for q in found if q.speaker.text == "he"]
    assert len(pronoun) == 2
