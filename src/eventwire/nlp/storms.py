"""Named storms are events, not people: "Cyclone Jude" must never speak or be "she"."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

# "Storm" alone is left out: "Storm Shadow" is a missile. "Tropical Storm X" is read as one.
STORM_WORDS = frozenset("cyclone hurricane typhoon".split())
COMPONENT = "eventwire_storm_names"


def _storm_start(doc: Doc, ent: Span, taken: set[int]) -> int | None:
    """Where an entity that names a storm starts (taking in the storm word), else None.

    The tagger calls storms PERSON, PRODUCT or ORG; a storm word with a name after it is a storm.
    """
    if ent.label_ == "EVENT":
        return None
    words = [t.lower_ for t in ent]
    if len(words) >= 2 and (words[0] in STORM_WORDS or words[:2] == ["tropical", "storm"]):
        return ent.start
    before = ent.start - 1
    if before < 0 or before in taken:
        return None
    if doc[before].lower_ in STORM_WORDS:
        return before
    if doc[before].lower_ == "storm" and before and doc[before - 1].lower_ == "tropical":
        return before - 1 if before - 1 not in taken else None
    return None


@Language.component(COMPONENT)
def storm_names(doc: Doc) -> Doc:
    """Relabel 'Cyclone Jude', 'Hurricane Maria', 'Typhoon Haiyan' as EVENT."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    ents, changed = [], False
    for ent in doc.ents:
        start = _storm_start(doc, ent, taken)
        if start is None:
            ents.append(ent)
        else:
            ents.append(Span(doc, start, ent.end, label="EVENT"))
            changed = True
    if changed:
        doc.ents = ents
    return doc
