"""Quoted stretches found by their marks in raw text, before parsing, so odd text never fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
APOSTROPHE = "'"
REOPENERS = DOUBLE_OPEN + STRAIGHT + SINGLE_OPEN
TRAILING = " \t\r\n,;:"


@dataclass
class QuoteMarks:
    """One quotation: where its marks are and the stretches of quoted text between them."""

    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark
    pieces: list[tuple[int, int]] = field(default_factory=list)  # quoted text, one per paragraph

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, source: str) -> str:
        """The quoted words, marks left out, paragraphs joined by a blank line."""
        return "\n\n".join(source[s:e] for s, e in self.pieces)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace and trailing commas/colons from a quoted stretch."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def _single_close(text: str, i: int) -> int | None:
    """The closing single mark of a single-quoted stretch opening at i, within its line."""
    j = i + 1
    while j < len(text) and text[j] != "\n":
        ch = text[j]
        if ch in DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT:
            return None
        if ch in SINGLE_CLOSE + APOSTROPHE and not _is_space(_char(text, j - 1)):
            nxt = _char(text, j + 1)
            if not nxt.isalnum():
                return j
        j += 1
    return None


def _opens_single(text: str, i: int) -> bool:
    """A single mark at i opens a quote (not an apostrophe) when it starts a word."""
    ch = text[i]
    prev, nxt = _char(text, i - 1), _char(text, i + 1)
    if ch == SINGLE_OPEN:
        return not prev.isalnum() and nxt != "" and not nxt.isspace()
    return ch == APOSTROPHE and not prev.isalnum() and nxt.isalpha()


def scan_quotes(text: str) -> list[QuoteMarks]:
    """Every top-level quotation in text; nested quotes stay inside, paragraphs may reopen."""
    found: list[QuoteMarks] = []
    stack: list[str] = []
    current: QuoteMarks | None = None
    piece_start = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if not stack:
            if ch in DOUBLE_OPEN or (
                ch == STRAIGHT
                and not _char(text, i - 1).isalnum()
                and not _is_space(_char(text, i + 1))
            ):
                stack.append(ch)
                current = QuoteMarks(open=i, close=i)
                piece_start = i + 1
            elif ch in SINGLE_OPEN + APOSTROPHE and _opens_single(text, i):
                close = _single_close(text, i)
                if close is not None:
                    s, e = _trim(text, i + 1, close)
                    if e > s:
                        found.append(QuoteMarks(open=i, close=close + 1, pieces=[(s, e)]))
                    i = close + 1
                    continue
            i += 1
            continue
        assert current is not None
        if ch == "\n":
            s, e = _trim(text, piece_start, i)
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in REOPENERS:
                if e > s:
                    current.pieces.append((s, e))
                piece_start = j + 1
                i = j + 1
                continue
            stack.clear()  # unclosed at the paragraph's end: not a quotation we can trust
            current = None
            i += 1
            continue
        closes = False
        if ch in DOUBLE_OPEN:
            stack.append(ch)
        elif ch in DOUBLE_CLOSE:
            stack.pop()
            closes = not stack
        elif ch == STRAIGHT:
            prev, nxt = _char(text, i - 1), _char(text, i + 1)
            if stack[-1] == STRAIGHT and _is_space(prev) and nxt.isalnum():
                stack.append(ch)  # a straight quote nested in a straight one: 'The "X" is'
            elif stack[-1] == STRAIGHT:
                stack.pop()
                closes = not stack
            elif not prev.isalnum() and not _is_space(nxt):
                stack.append(ch)  # a straight quote nested in a curly one
            else:
                stack.pop()  # a curly quote closed by a straight mark
                closes = not stack
        if closes:
            s, e = _trim(text, piece_start, i)
            if e > s:
                current.pieces.append((s, e))
            current.close = i + 1
            if current.pieces:
                found.append(current)
            current = None
        i += 1
    return found


def quoted_mask(doc: Doc, found: list[QuoteMarks]) -> list[bool]:
    """Which tokens of a parsed document sit inside a quotation (marks included)."""
    mask = [False] * len(doc)
    for q in found:
        span = doc.char_span(q.open, q.close, alignment_mode="expand")
        if span is not None:
            for t in span:
                mask[t.i] = True
    return mask
