"""A "she said" after a subject the tagger did not call a person (two or three capitalised
proper nouns) takes that subject up, rather than leaving the quote without a speaker."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text", [
    "Nurse Ana Reyes was first at the scene. \"I did what anyone would do,\" she said.",
    "Firefighter Ana Reyes was first at the scene. \"I did what anyone would do,\" she said.",
    "Ana Reyes was first at the scene. \"I did what anyone would do,\" she said.",
])
def test_an_untagged_name_is_taken_up_by_she(coder, text):
    assert last_words(coder, text) == ["Reyes"]
