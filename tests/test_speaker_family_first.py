"""Names given family name first: a later one-word mention that begins the full name is that
person, named in full ("Wang Yi ... Wang said")."""

from __future__ import annotations

import pytest

from event_support import speakers as names


@pytest.mark.parametrize("text,expected", [
    ("Foreign Minister Wang Yi told his counterpart that Beijing opposed the visit. \"Taiwan "
     "is an inalienable part of China,\" Wang said.", "Wang Yi"),
    ("Chinese Foreign Ministry spokesperson Mao Ning spoke on Monday. \"The United States "
     "should stop its wrong practices at once,\" Mao told a regular briefing.", "Mao Ning"),
    ("South Korean President Yoon Suk Yeol visited the border town. \"We will respond "
     "firmly to any provocation,\" Yoon said.", "Yoon Suk Yeol"),
])
def test_a_family_name_said_alone_names_the_full_name(coder, text, expected):
    assert names(coder, text) == [expected]


def test_a_surname_that_ends_a_name_is_left_to_that_name(coder):
    text = ("Liu Wei met Anna Liu in Geneva. \"The talks went well for both of us,\" Liu "
            "said.")
    assert names(coder, text) != ["Liu Wei"]
