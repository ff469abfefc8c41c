"""The per-sentence index of mentions gives exactly what a scan of the whole list gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.events.counterpart import SentenceMentions
from eventwire.model import Mention


def mention(k: int, sentence: int) -> Mention:
    return Mention(text=f"m{k}", start=k, end=k + 1, sentence=sentence, code="USA")


@given(st.lists(st.integers(0, 8), max_size=40), st.lists(st.integers(0, 8), max_size=20),
       st.integers(0, 8), st.integers(0, 3))
def test_within_matches_a_scan_even_as_the_list_grows(first, later, last, width):
    mentions = [mention(k, s) for k, s in enumerate(first)]
    index = SentenceMentions(mentions)
    lo = max(0, last - width)

    def scan() -> list[Mention]:
        return [m for m in mentions if lo <= m.sentence <= last]

    assert index.within(lo, last) == scan()
    mentions.extend(mention(len(mentions) + k, s) for k, s in enumerate(later))
    assert index.within(lo, last) == scan()
