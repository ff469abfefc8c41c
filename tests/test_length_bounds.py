"""Texts of any length are parsed in bounded pieces (issue 18, part 1): chunks cover the text
exactly, no sentence or space-free run outgrows its bound, and the per-document indexes answer
what the scans they replace answered."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.coder import Coder
from eventwire.model import Article
from eventwire.nlp.chunking import (
    CHUNK_CHARS,
    MAX_SENTENCE_TOKENS,
    MAX_WORD_CHARS,
    chunk_bounds,
    parse,
    tokenize,
)
from eventwire.nlp.parsed import entities, entities_in, entity_at, sentences

PROSE = ("Russia accused Ukraine of shelling the border town of Belgorod on Monday. "
         "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.\n\n"
         "Protesters gathered outside the Turkish embassy in Athens on Tuesday, police said. ")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!?\n\"'\u201d)\U0001F600"), max_size=400),
       st.integers(min_value=1, max_value=60))
def test_chunks_cover_the_text_exactly(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= size for a, b in bounds) or text == ""
    assert all(b1 == a2 for (_, b1), (a2, _) in zip(bounds, bounds[1:], strict=False))


def test_chunks_end_at_paragraphs_and_sentences() -> None:
    text = PROSE * 40
    for a, b in chunk_bounds(text, 1_000)[:-1]:
        assert text[b - 1] == "\n" or text[b - 2] in ".!?", repr(text[a:b][-30:])


def test_a_text_over_the_chunk_size_parses_to_one_doc_with_short_sentences(nlp) -> None:
    long_sentence = " and ".join(["France criticised Spain"] * 300)
    text = PROSE * (CHUNK_CHARS // len(PROSE) + 20) + long_sentence
    doc = parse(nlp, text)
    assert doc.text == text
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert any(len(s) == MAX_SENTENCE_TOKENS for s in doc.sents)  # the long sentence was cut


def test_a_run_without_spaces_is_tokenized_in_bounded_pieces(nlp) -> None:
    text = "Turkey protested. " + "\U0001F600\U0001F680" * 2_000 + " Greece agreed."
    doc = tokenize(nlp, text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= MAX_WORD_CHARS
    assert [t.text for t in doc[:3]] == ["Turkey", "protested", "."]


def test_short_texts_tokenize_as_spacy_does(nlp) -> None:
    text = PROSE + "Don't the U.S.-led talks resume at https://example.org/a?b=1 today?"
    assert [t.text for t in tokenize(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_entity_indexes_match_spacy(nlp) -> None:
    doc = nlp(PROSE * 3)
    assert entities(doc) == list(doc.ents)
    for sent in sentences(doc):
        assert entities_in(sent) == list(sent.ents)
    for start, end in [(0, 5), (3, 17), (10, len(doc))]:
        assert entities_in(doc[start:end]) == list(doc[start:end].ents)
    for token in doc:
        held = [e for e in doc.ents if e.start <= token.i < e.end]
        assert entity_at(token) == (held[0] if held else None)


def test_a_long_article_codes_with_evidence_at_its_offsets(coder) -> None:
    text = PROSE * (CHUNK_CHARS // len(PROSE) + 30)  # two chunks
    unbounded = Coder(coder.nlp, coder.knowledge, max_seconds=None)  # a busy machine is slow
    coded = unbounded.code(Article(id="long", text=text, published="2024-05-01"))
    spans = [span for event in coded.events for span in event.evidence_all]
    assert spans
    for span in spans:
        assert text[span.start:span.end] == span.text
    assert max(span.start for span in spans) > CHUNK_CHARS  # the second chunk was coded too
