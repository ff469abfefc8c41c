"""Direct and indirect quotations with their speaker and cue, so analysts read what leaders said."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.context.speaker_fallback import FallbackResolver
from eventwire.context.speakers import (
    DOCUMENT_NOUNS,
    RELATIVES,
    Resolver,
    cue_subject,
    is_cue,
    speaker_span,
)
from eventwire.model import Actor, Quote
from eventwire.nlp.parsed import sentence_of, text_of
from eventwire.nlp.quotemarks import QuoteMarks, quoted_mask, scan_quotes

WORD = re.compile(r"\w+")
ABBREVIATIONS = frozenset("mr mrs ms dr st gen col lt sgt prof gov sen rep jr sr no vs".split())
ISSUING = frozenset("issue release publish post send put".split())
NEAR_AFTER_SENTENCE = 6  # tokens: a cue after a quote that ended its sentence must follow at once


@dataclass
class _Found:
    """A quotation being attributed: its marks, the cue picked and the speaker token."""

    marks: QuoteMarks
    cue: Token | None = None
    subject: Token | None = None
    after_lo: int = 0
    after_hi: int = 0


def _boundary_before(text: str, pos: int) -> int:
    """Offset where the sentence holding pos starts (after '.', '!', '?' or a line break)."""
    i = pos - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n":
            return i + 1
        if ch in ".!?" and i + 1 < len(text) and text[i + 1].isspace():
            word = re.search(r"(\w+)$", text[max(0, i - 12) : i])
            if not (word and (len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS)):
                return i + 1
        i -= 1
    return 0


def _boundary_after(text: str, pos: int) -> int:
    """Offset where the sentence running at pos ends."""
    for m in re.finditer(r"[.!?](?=\s)|\n", text[pos:]):
        end = pos + m.start()
        word = re.search(r"(\w+)$", text[max(0, end - 12) : end])
        if m.group() != "\n" and word and (
            len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS
        ):
            continue
        return end + 1
    return len(text)


def _tokens_in(doc: Doc, lo: int, hi: int, quoted: list[bool]) -> list[Token]:
    """Unquoted tokens lying wholly inside the character range [lo, hi)."""
    span = doc.char_span(lo, hi, alignment_mode="contract")
    if span is None:
        return []
    return [t for t in span if not quoted[t.i]]


def _attribute(doc: Doc, found: list[_Found], quoted: list[bool]) -> None:
    """Pick each quote's cue from the words just before and after it, nearest first."""
    text = text_of(doc)
    for k, f in enumerate(found):
        q = f.marks
        prev_close = found[k - 1].marks.close if k else 0
        next_open = found[k + 1].marks.open if k + 1 < len(found) else len(text)
        lo = max(prev_close, _boundary_before(text, q.open))
        f.after_lo = q.close
        f.after_hi = min(next_open, _boundary_after(text, q.close))
        ended = text[q.start : q.end].rstrip("\"'”’])").endswith((".", "!", "?"))
        before = [t for t in _tokens_in(doc, lo, q.open, quoted) if is_cue(t)]
        after = _tokens_in(doc, f.after_lo, f.after_hi, quoted)
        options: list[tuple[int, Token]] = []
        for t in before:
            options.append((2 * (q.open - (t.idx + len(t))), t))
        for n, t in enumerate(after):
            if is_cue(t) and not (ended and (n >= NEAR_AFTER_SENTENCE or _own_content(t, quoted))):
                options.append((2 * (t.idx - q.close) + 1, t))
        governing = _governing_cue(doc, q, quoted)
        if governing is not None:
            options.append((-1, governing))
        for _, cue in sorted(options, key=lambda o: o[0]):
            subject = cue_subject(cue, quoted)
            if subject is not None and not quoted[subject.i]:
                f.cue, f.subject = cue, subject
                break
        if f.cue is None:
            _intro_clause(doc, f, lo, quoted)
        if f.cue is None and not WORD.search(text[lo : q.open]) \
                and not WORD.search(text[q.close : f.after_hi]):
            _after_report(doc, f, quoted)


def _governing_cue(doc: Doc, q: QuoteMarks, quoted: list[bool]) -> Token | None:
    """The cue the quoted words hang from ("Alinejad said that while Mehdiyev was testifying,
    she was '...'"): it beats a nearer cue word of another clause."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    tops = [t for t in span if not span.start <= t.head.i < span.end]
    tok = tops[0].head if tops else None
    for _ in range(6):
        if tok is None:
            return None
        if is_cue(tok) and not quoted[tok.i]:
            return tok  # (climbing through an earlier quote: "described it as '...' that '...'")
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _own_content(cue: Token, quoted: list[bool]) -> bool:
    """A cue after a quote that ended its sentence, reporting words of its own ("The U.N. says
    the war displaced millions", "According to the census, ..."): not the quote's cue."""
    if cue.lower_ == "according":
        return True
    return any(c.dep_ in ("ccomp", "xcomp") and not quoted[c.i] for c in cue.children)


def _intro_clause(doc: Doc, f: _Found, lo: int, quoted: list[bool]) -> None:
    """No cue word: the quote completes a clause ("X called it '...'", "X: '...'"): its verb."""
    words = _tokens_in(doc, lo, f.marks.open, quoted)
    if not words:
        return
    tok = words[-1]
    if tok.text == ":" and _colon_intro(doc, f, tok, quoted):
        return
    while tok.head.i != tok.i and not quoted[tok.head.i] and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return
    subject = cue_subject(tok, quoted)
    if subject is not None and not quoted[subject.i]:
        f.cue, f.subject = tok, subject


def _colon_intro(doc: Doc, f: _Found, colon: Token, quoted: list[bool]) -> bool:
    """"Holt saw compromise as the only way to settle it: '...'", "X reflects this view in his
    column: '...'": a clause a colon hands over to the quote introduces its subject's words."""
    if colon.i == 0 or quoted[colon.i - 1]:
        return False
    root = doc[colon.i - 1]  # up to the clause's top: the parser may hang it on the quote
    while root.head.i != root.i and not quoted[root.head.i] and root.head.i < colon.i:
        root = root.head
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or quoted[subject.i] or subject.lower_ in RELATIVES:
        return False
    f.cue, f.subject = root, subject
    return True


def _after_report(doc: Doc, f: _Found, quoted: list[bool]) -> None:
    """A quote that is a sentence of its own, with no cue, right after a sentence that reports
    someone's words ("A bank spokesman told Reuters he believed ... 'The worst is behind us.'",
    "The ministry issued a statement on Friday. '...'"): that someone speaks it."""
    span = doc.char_span(f.marks.open, f.marks.close, alignment_mode="expand")
    i = span.start - 1 if span is not None else -1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    if i < 0 or quoted[i]:
        return  # the sentence before ends in a quote: continued, if at all, by _floats
    root = sentence_of(doc[i]).root
    if not quoted[root.i] and not (is_cue(root) or _issues_text(root)):
        # "Lee shrugged off the figures, saying they were a passing dip. '...'"
        root = next((c for c in root.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                     and is_cue(c) and not quoted[c.i]), root)
    if quoted[root.i] or not (is_cue(root) or _issues_text(root)):
        return
    subject = cue_subject(root, quoted)
    if subject is not None and not quoted[subject.i] and subject.lower_ not in RELATIVES:
        f.cue, f.subject = root, subject


def _issues_text(verb: Token) -> bool:
    """"issued a statement", "released a communique", "posted a message": a text speaks."""
    return verb.lemma_.lower() in ISSUING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)


def _floats(text: str, prev: _Found, cur: _Found) -> bool:
    """A quote with no cue right after an attributed one (only its attribution between)."""
    gap = text[prev.marks.close : cur.marks.open]
    if prev.cue is not None and prev.after_lo <= prev.cue.idx < prev.after_hi:
        gap = text[prev.after_hi : cur.marks.open]
    return not WORD.search(gap)


def extract_quotes(
    doc: Doc, resolve_speaker: Resolver | None = None, min_words: int = 4
) -> list[Quote]:
    """Direct quotations of min_words or more, each with its speaker (resolved) and cue word."""
    marks = scan_quotes(text_of(doc))
    quoted = quoted_mask(doc, marks)
    found = [_Found(m) for m in marks]
    _attribute(doc, found, quoted)
    resolve = resolve_speaker or FallbackResolver(doc, quoted)
    out: list[Quote] = []
    last: tuple[_Found, Actor | None, str | None] | None = None
    for f in found:
        speaker: Actor | None = None
        cue: str | None = None
        if f.subject is not None and f.cue is not None:
            speaker = resolve(speaker_span(f.subject))
            cue = f.cue.text
        elif last is not None and _floats(text_of(doc), last[0], f):
            speaker, cue = last[1], last[2]
        last = (f, speaker, cue)
        text = f.marks.text(text_of(doc))
        if len(WORD.findall(text)) < min_words:
            continue
        out.append(Quote(text=text, start=f.marks.start, end=f.marks.end, speaker=speaker,
                         cue=cue, kind="direct"))
    return out


def extract_indirect(
    doc: Doc, resolve_speaker: Resolver | None = None, min_words: int = 4
) -> list[Quote]:
    """Reported speech without marks ("X said (that) ..."): the clause, its speaker and cue."""
    marks = scan_quotes(text_of(doc))
    quoted = quoted_mask(doc, marks)
    resolve = resolve_speaker or FallbackResolver(doc, quoted)
    out: list[Quote] = []
    for tok in doc:
        if quoted[tok.i] or not is_cue(tok) or tok.lower_ == "according":
            continue
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
        subject = cue_subject(tok, quoted)
        if not clauses or subject is None:
            continue
        clause = clauses[0]
        words = [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]
        lo, hi = min(t.i for t in words), max(t.i for t in words)
        while hi > lo and doc[hi].is_punct:
            hi -= 1
        span: Span = doc[lo : hi + 1]
        if any(quoted[t.i] for t in span) or len(WORD.findall(span.text)) < min_words:
            continue
        out.append(Quote(text=span.text, start=span.start_char, end=span.end_char,
                         speaker=resolve(speaker_span(subject)), cue=tok.text, kind="indirect"))
    return out
