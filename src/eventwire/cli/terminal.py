"""What input-derived text may put on a terminal: no escape sequences, no rich markup.

File names, ids and error reasons come from untrusted inputs; an ANSI escape in a file name
could rewrite the screen or retitle the terminal, and a bidi override could reorder a line.
"""

from __future__ import annotations

import re

from rich.markup import escape

# A "[" after backslashes that does not open a tag (rich's tag pattern, inverted).
_LONE_BRACKET = re.compile(r"(\\+)\[(?![a-z#/@][^[]*?])")
# C0 and C1 controls (ESC, CR, BEL...), DEL, and the Unicode line separators and bidi controls.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` made safe to print with rich: controls as visible \\xNN escapes, markup escaped."""
    return _escape_markup(_CONTROL.sub(
        lambda m: m.group().encode("unicode_escape").decode("ascii"), text))


def _escape_markup(text: str) -> str:
    """rich's escape() (which guards a "[" that opens a tag), one more backslash before any
    other "[" that backslashes precede (rich's markup eats one there: "C:\\[x" showed as
    "C:[x"), and a trailing run of backslashes doubled, so it cannot escape a tag written
    after it ("[red]...[/red]")."""
    body = text.rstrip("\\")
    trailing = "\\" * 2 * (len(text) - len(body))  # rich doubles only a lone one
    return _LONE_BRACKET.sub(lambda m: m.group(1) + "\\[", escape(body)) + trailing
