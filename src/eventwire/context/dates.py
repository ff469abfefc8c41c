"""Event dates: the sentence's own time expression resolved against the publication date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spacy.tokens import Span, Token

from eventwire.nlp.parsed import entities_in

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": 3, "few": 3, "a few": 3, "couple": 2, "a couple of": 2}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
FUTURE_SLACK = timedelta(days=92)  # "March 3" may be up to about three months ahead
LEADING = re.compile(r"^(?:(?:on|in|at|since|by|during|from|until|till|of|the|around|about|"
                     r"early|late|mid|(?:end|beginning|start|middle) of)\b[\s-]*)+", re.I)
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|noon))?"
DAY_WORDS = ("morning", "afternoon", "evening", "night", "noon", "midnight")
DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


@dataclass
class DateResolution:
    """An ISO date (or interval) and the words it came from."""

    date: str | None
    date_end: str | None = None
    text: str | None = None


def _iso(d: date) -> str:
    return d.isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _recent_year(month: int, day: int, pub: date) -> int | None:
    """The year that puts month/day most recently, at most about three months ahead."""
    for year in (pub.year + 1, pub.year, pub.year - 1):
        try:
            if date(year, month, day) <= pub + FUTURE_SLACK:
                return year
        except ValueError:
            continue
    return None


def _count(word: str) -> float | None:
    word = word.strip().lower()
    if word in NUMBERS:
        return float(NUMBERS[word])
    try:
        return float(word)
    except ValueError:
        return None


def _relative(core: str, pub: date) -> tuple[date, date | None] | None:
    """Words relative to the publication day: yesterday, last week, the past 1.5 years..."""
    if re.fullmatch(r"(?:today|tonight|this (?:morning|afternoon|evening))", core):
        return pub, None
    if re.fullmatch(r"yesterday" + PART_OF_DAY + r"|last night", core):
        return pub - timedelta(days=1), None
    if core == "the day before yesterday" or core == "day before yesterday":
        return pub - timedelta(days=2), None
    if re.fullmatch(r"tomorrow" + PART_OF_DAY, core):
        return pub + timedelta(days=1), None
    m = re.fullmatch(r"(?:(last|this|next|past)\s+)?(" + "|".join(WEEKDAYS) + r")s?" + PART_OF_DAY,
                     core)
    if m:
        which, target = m.group(1), WEEKDAYS[m.group(2)]
        back = (pub.weekday() - target) % 7
        if which == "next":
            return pub + timedelta(days=(target - pub.weekday()) % 7 or 7), None
        if which in ("last", "past") and back == 0:
            back = 7
        return pub - timedelta(days=back), None
    m = re.fullmatch(r"(?:the |this |last |next )?weekend", core)
    if m:
        saturday = pub + timedelta(days=5 - pub.weekday() if pub.weekday() < 6 else -1)
        if core.startswith("next"):
            saturday += timedelta(days=7)
        elif core.startswith("last"):
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    if re.fullmatch(r"(?:the )?(?:previous|prior) day", core):
        return pub - timedelta(days=1), None
    m = re.fullmatch(r"(earlier |later )?(last|this|next|past) (week|month|year)", core)
    if m:
        return _calendar_unit(m.group(1), m.group(2), m.group(3), pub)
    m = re.fullmatch(r"(?:(?:over|in|during|for) )?(?:the )?(?:past|last|previous) "
                     r"(?:([\w.]+(?: of)?|a few|a couple of) )?(day|week|month|year)s?", core)
    if m:
        n = _count(m.group(1)) if m.group(1) else 1.0
        if n is not None:
            return pub - timedelta(days=round(n * UNIT_DAYS[m.group(2)])), pub
    m = re.fullmatch(r"([\w.]+|a few|a couple of) (day|week|month|year)s? ago", core)
    if m and (n := _count(m.group(1))) is not None:
        return pub - timedelta(days=round(n * UNIT_DAYS[m.group(2)])), None
    return None


def _calendar_unit(edge: str | None, which: str, unit: str, pub: date) -> tuple[date, date]:
    """'last week' (Monday..Sunday), 'next month', 'earlier this year' as intervals."""
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        start = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        lo, hi = start, start + timedelta(days=6)
    elif unit == "month":
        month_index = pub.year * 12 + pub.month - 1 + shift
        year, month = divmod(month_index, 12)
        lo, hi = date(year, month + 1, 1), _month_end(year, month + 1)
    else:
        lo, hi = date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31)
    if edge and edge.strip() == "earlier" and shift == 0:
        hi = pub
    if edge and edge.strip() == "later" and shift == 0:
        lo = pub
    return lo, hi


def _absolute(core: str, raw: str, pub: date | None) -> tuple[date, date | None] | None:
    """ISO dates, years, months and month-day dates (the year taken from publication)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", core)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None
        except ValueError:
            return None
    m = re.fullmatch(r"(?:the )?(?:year )?(1[89]\d\d|20\d\d)s?", core)
    if m:
        year = int(m.group(1))
        if core.endswith("s"):
            return date(year, 1, 1), date(year + 9, 12, 31)
        return date(year, 1, 1), date(year, 12, 31)
    month_re = "|".join(sorted(MONTHS, key=len, reverse=True))
    ordinal = r"(\d{1,2})(?:st|nd|rd|th)?"
    m = re.fullmatch(r"(?:(" + month_re + r")\.? " + ordinal + "|" + ordinal
                     + r" (?:of )?(" + month_re + r")\.?)(?:,? (\d{4}))?", core)
    if m:
        month = MONTHS[m.group(1) or m.group(4)]
        day = int(m.group(2) or m.group(3))
        year = int(m.group(5)) if m.group(5) else (_recent_year(month, day, pub) if pub else None)
        try:
            return (date(year, month, day), None) if year else None
        except ValueError:
            return None
    m = re.fullmatch(r"(?:(last|this|next) )?(" + month_re + r")\.?(?:,? (\d{4}))?", core)
    if m:
        if raw.strip().lower() in ("may", "march") and raw.strip()[:1].islower():
            return None  # the modal verb and the verb to march
        month = MONTHS[m.group(2)]
        if m.group(3):
            year: int | None = int(m.group(3))
        elif pub is None:
            return None
        elif m.group(1) == "next":
            year = pub.year if month > pub.month else pub.year + 1
        elif m.group(1) == "last":
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = _recent_year(month, 1, pub)
        if year is None:
            return None
        return date(year, month, 1), _month_end(year, month)
    return None


def _dateparser(core: str, pub: date) -> date | None:
    """dateparser as a last resort, only for text that looks like a date."""
    words = core.split()
    if not re.search(r"\d", core) and not any(
        w.strip(".,") in MONTHS or w.strip(".,s") in WEEKDAYS for w in words
    ):
        return None  # "we", "sun", "march": no digits, no full month or weekday name
    if re.fullmatch(r"[\d.,\s]+", core) or len(core) > 60:
        return None  # bare numbers are not dates
    import dateparser

    settings = dict(DATEPARSER_SETTINGS, RELATIVE_BASE=datetime(pub.year, pub.month, pub.day))
    try:
        found = dateparser.parse(core, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises assorted errors on odd input; a miss is a miss
        return None
    return found.date() if found else None


# "its 40th day", "the 50th": counts within something, not calendar days.
ORDINAL_COUNT = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:day|week|month|year|anniversary|round)s?\b"
                           r"|\b(?:3[2-9]|[4-9]\d|\d{3,})(?:st|nd|rd|th)\b")


# "16 years", "up to three months", "a decade": how long, not when ("sentenced to 16 years").
DURATION = re.compile(r"(?:(?:up to|more than|less than|nearly|almost|about|around|over|at least"
                      r"|some|for|to) )*(?:[\w.-]+|a few|a couple of) (?:hour|day|week|month|year"
                      r"|decade)s?(?: long| old)?")


def resolve_date(text: str, published: date | None) -> DateResolution:
    """Resolve a time expression; with no publication date only absolute dates resolve."""
    raw = " ".join(str(text or "").split())
    core = LEADING.sub("", raw.lower()).strip(" ,.;:")
    core = re.sub(r"\b(morning|afternoon|evening|night)$", r"\1", core)
    if not core:
        return DateResolution(None, None, raw or None)
    bare = LEADING.sub("", raw).strip(" ,.;:")
    if bare.islower() and " " not in bare and not any(ch.isdigit() for ch in bare) and (
        bare in MONTHS or bare[:3] in {d[:3] for d in WEEKDAYS}
    ):
        return DateResolution(None, None, raw)  # "may", "march", "sun", "wed": words, not dates
    if ORDINAL_COUNT.search(core):
        return DateResolution(None, None, raw)
    try:
        span = _absolute(core, LEADING.sub("", raw), published)
        if span is None and published is not None:
            span = _relative(core, published)
            if span is None and not DURATION.fullmatch(core):
                stripped = re.sub(r"\s+(?:" + "|".join(DAY_WORDS) + r")$", "", core)
                found = _dateparser(stripped, published)
                span = (found, None) if found else None
    except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
        span = None
    if span is None:
        return DateResolution(None, None, raw)
    lo, hi = span
    return DateResolution(_iso(lo), _iso(hi) if hi else None, raw)


def _time_expressions(sentence: Span) -> list[Span]:
    """DATE/TIME entities of the sentence, a DATE and the TIME right after it joined."""
    ents = [e for e in entities_in(sentence) if e.label_ in ("DATE", "TIME")]
    out: list[Span] = []
    for ent in ents:
        if out and out[-1].end == ent.start and ent.label_ == "TIME":
            out[-1] = sentence.doc[out[-1].start : ent.end]
        else:
            out.append(ent)
    return out


def _clause_distance(ent: Span, trigger: Token) -> int:
    """How far an expression hangs from the trigger: 0 when in its own clause, more otherwise.

    Crossing a noun costs more than crossing a verb: "issued warrants on people involved in
    the assassination in January" dates the assassination, not the warrants. An expression
    in a governing clause ("On Monday, Fars reported Iran issued ...") beats one that is not.
    """
    ancestors = {a.i for a in trigger.ancestors}
    tok, cost = ent.root, 0
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i == trigger.i:
            return cost
        if tok.i in ancestors:
            return 3 + cost
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            cost += 1
        elif tok.pos_ in ("NOUN", "PROPN"):
            cost += 3
    return 10 + abs(ent.start - trigger.i) // 5


# The parties of a clause; a clause hung on one of them describes it ("the sanctions imposed
# in 2018"), while one on an adjunct may carry the act ("in a statement issued in July").
CLAUSE_PARTIES = {"nsubj", "nsubjpass", "dobj"}
# A date that modifies a noun ("the 2004 bombing", "last year's election") dates the act that
# noun names, not the act of the verb the noun depends on.
NOUN_MODIFIERS = {"compound", "amod", "nummod", "poss", "nmod"}


def _dates_clause_of(ent: Span, trigger: Token) -> bool:
    """Whether an expression may date the event: not when it stands inside a clause that
    describes one of its parties ("the sanctions imposed in 2018", "which was founded in
    1945"): that dates the described act (codebook v2: background by the event's own clause).
    """
    ancestors = {a.i for a in trigger.ancestors}
    tok = ent.root
    if tok.dep_ in NOUN_MODIFIERS and tok.head.pos_ == "NOUN" and tok.head.i != trigger.i:
        return False  # "accused them of the 2004 bombing": the date is the bombing's
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i == trigger.i or tok.i in ancestors:
            return True
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.head.dep_ in CLAUSE_PARTIES):
            return False  # a clause that describes a party: its own act, its own date
    return True


def event_date(sentence: Span, trigger_token: Token, published: date | None) -> DateResolution:
    """The event's date: its clause's time expression, else the publication date."""
    def rank(expr: Span) -> tuple[int, int]:
        return _clause_distance(expr, trigger_token), abs(expr.start - trigger_token.i)

    ranked = sorted((e for e in _time_expressions(sentence) if _dates_clause_of(e, trigger_token)),
                    key=rank)
    for expr in ranked:
        res = resolve_date(expr.text, published)
        if res.date is not None or (published is None and res.text):
            return res
    return DateResolution(_iso(published) if published else None, None, None)
