"""Direct and indirect quotations: each mark style and attribution pattern, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.context.quotes import extract_indirect, extract_quotes
from eventwire.model import Actor, Article
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


@pytest.mark.parametrize("text, surname", [
    ("“We need more rural teachers,” said Manila-based nurse and organiser Ana Reyes.", "Reyes"),
    ("“The reform is overdue,” said retired judge and author Maria Lopez.", "Lopez"),
    ("“Prices will keep rising,” wrote economist and columnist Paul Grant.", "Grant"),
])
def test_a_name_closing_coordinated_titles_is_the_speaker(nlp, text, surname):
    [q] = quotes(nlp, text)
    assert last(q.speaker) == surname


def test_a_title_coordinated_with_a_bare_name_stays_two_people(nlp):
    [q] = quotes(nlp, "“The talks failed again this week,” the minister and Lavrov said.")
    assert last(q.speaker) != "Lavrov"


@pytest.mark.parametrize("text, storm", [
    ("Officials said Cyclone Idai had moved inland overnight.", "Cyclone Idai"),
    ("Hurricane Maria destroyed the power grid.", "Hurricane Maria"),
    ("Residents fled as Typhoon Haiyan made landfall.", "Typhoon Haiyan"),
])
def test_storm_names_are_events_not_people(nlp, text, storm):
    doc = nlp(text)
    assert [(e.text, e.label_) for e in doc.ents if "storm" in e.text.lower()
            or e.text == storm] == [(storm, "EVENT")]
    assert not [e for e in doc.ents if e.label_ == "PERSON"]


def test_she_after_a_storm_is_the_forecaster(coder):
    text = ("Anna Phiri, head of the weather service, said Cyclone Freddy had moved to "
            "Mozambique overnight. “The worst of the rain is now behind us,” she said.")
    coded = coder.code(Article(id="storm", text=text))
    [q] = coded.quotes
    assert q.speaker is not None and (q.speaker.name or "").endswith("Phiri")


@pytest.mark.parametrize("text, named", [
    ("Japanese Foreign Minister Kenji Sato met the envoy. “The border will reopen within two "
     "weeks,” a Japanese foreign ministry official said.", "Sato"),
    ("French President Paul Grant toured the flooded towns. “We have never seen water this "
     "high,” a French government spokesman told the newspaper.", "Grant"),
    ("US Secretary of State Marco Rubio spoke on Monday. “We will not accept this offer at "
     "all,” a State Department spokesperson said.", "Rubio"),
])
def test_an_indefinite_description_is_someone_new(coder, text, named):
    [q] = coder.code(Article(id="indef", text=text)).quotes
    assert q.speaker is not None and not (q.speaker.name or "").endswith(named)


def test_a_definite_description_still_names_the_person(coder):
    text = ("Foreign Minister Anna Berg arrived in Oslo. “We will sign the treaty next week in "
            "the capital,” the foreign minister said.")
    [q] = coder.code(Article(id="def", text=text)).quotes
    assert q.speaker is not None and q.speaker.name == "Anna Berg"


@pytest.mark.parametrize("text, surname", [
    ("Foreign Minister of Peru Ana Lopez told reporters, “The alliance will stand by its "
     "members.”", "Lopez"),
    ("Former Ambassador to the United Nations Jane Okafor wrote, “We must always back our "
     "allies abroad.”", "Okafor"),
    ("President of Ukraine Volodymyr Zelenskyy said, “We expect from Iran a full and open "
     "investigation.”", "Zelenskyy"),
])
def test_a_name_after_a_title_of_a_place_is_the_speaker(coder, text, surname):
    [q] = coder.code(Article(id="title-of", text=text)).quotes
    assert q.speaker is not None and (q.speaker.name or "").split()[-1] == surname
