"""Who a person stands for now: a title the holder has left ("former minister", ELI), and a
leader's followers, who are people, not the leader or the state."""

from __future__ import annotations

from spacy.tokens import Doc

# "former ambassador", "ex-president", "a retired general": a title its holder has left.
PAST_TITLE_WORDS = {"former", "ex", "retired", "onetime", "one-time", "erstwhile"}
# The sectors of offices one can leave; a former holder speaks for none of them (codebook: ELI).
STATE_OFFICES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
OFFICE_SECTORS = STATE_OFFICES | {"IGO", "PTY"}
FORMER_SECTOR = "ELI"
# A leader's or a state's followers are people, not the state: "Trump supporters" are CVL.
FOLLOWER_HEADS = {"supporter", "follower", "sympathizer", "sympathiser", "loyalist", "fan",
                  "admirer"}


def past_title(doc: Doc, start: int) -> bool:
    """"Former U.S. ambassador", "a retired army general", "ex-minister": a word of the
    title's own noun phrase, at most four words before it, says the office was left."""
    for t in reversed(doc[max(start - 4, 0):start]):
        if t.lower_ in PAST_TITLE_WORDS:
            return True
        if t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT") or t.text in (",", ";"):
            return False
    return False


def followers_sector(sector: str | None) -> str | None:
    """"Trump supporters", "Erdogan's followers": civilians of the leader's country; a
    party's or rebels' followers keep its sector."""
    return "CVL" if sector is None or sector in STATE_OFFICES else sector
