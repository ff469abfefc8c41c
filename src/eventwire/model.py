"""Domain data classes: the output contract every stage of eventwire speaks."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Self


def _from_dict(cls: type, data: dict[str, Any] | None) -> Any:
    """Build a flat dataclass from a dict, ignoring keys it does not know (forward compatible)."""
    if data is None:
        return None
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


class Flat:
    """A dataclass of plain fields: to JSON as it is, from JSON ignoring unknown keys."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Self | None:
        return _from_dict(cls, data)


@dataclass
class Span:
    """A stretch of article text, by character offsets, that evidences something."""

    text: str
    start: int
    end: int


@dataclass
class Article(Flat):
    """One news article as it enters the coder."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" or None
    url: str | None = None
    source: str | None = None


@dataclass
class Mention(Flat):
    """A place in the text that names or points to an actor, with how it was resolved."""

    text: str
    start: int
    end: int
    sentence: int
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    kind: str = "name"  # name, person, demonym, metonym, igo, group, sector, pronoun, description
    rule: str = ""
    antecedent: int | None = None  # index of the mention this one was resolved through


@dataclass
class Actor(Flat):
    """An event participant: who, as coded (country/IGO + sector) and as written."""

    code: str | None
    sector: str | None = None
    text: str = ""
    name: str | None = None


@dataclass
class Place(Flat):
    """A resolved toponym: where an event happened."""

    name: str
    geonameid: int | None = None
    country: str | None = None  # ISO3
    lat: float | None = None
    lon: float | None = None
    confidence: float = 1.0
    kind: str = "city"  # city, country, subdivision, region


@dataclass
class Quote:
    """A quotation and who said it."""

    text: str
    start: int
    end: int
    speaker: Actor | None = None
    cue: str | None = None
    kind: str = "direct"  # direct or indirect

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.speaker is not None:
            out["speaker"] = {
                "name": self.speaker.name or self.speaker.text,
                "code": self.speaker.code,
                "sector": self.speaker.sector,
                "text": self.speaker.text,
            }
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        q = _from_dict(cls, data)
        q.speaker = Actor.from_dict(data.get("speaker"))
        return q


@dataclass
class Event:
    """One coded PLOVER event, traceable to the words that justify it."""

    event: str
    actor: Actor
    recipient: Actor | None
    evidence: Span
    sentence: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad: int | None = None
    intensity: float | None = None
    date: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    location: Place | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted, future, hypothetical
    confidence: float = 0.5
    rule: str = ""
    intent: str | None = None  # the act announced or threatened ("will meet": CONSULT)
    evidence_all: list[Span] = field(default_factory=list)
    id: str = ""

    def triple(self) -> tuple[str | None, str, str | None]:
        return (self.actor.code, self.event, self.recipient.code if self.recipient else None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad": self.quad,
            "intensity": self.intensity,
            "actor": self.actor.to_dict(),
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": self.date,
            "date_end": self.date_end,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "evidence": asdict(self.evidence),
            "evidence_all": [asdict(s) for s in self.evidence_all],
            "negated": self.negated,
            "modality": self.modality,
            "intent": self.intent,
            "confidence": self.confidence,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        ev = _from_dict(cls, data)
        ev.actor = Actor.from_dict(data["actor"]) or Actor(code=None)
        ev.recipient = Actor.from_dict(data.get("recipient"))
        ev.evidence = _from_dict(Span, data["evidence"])
        ev.evidence_all = [_from_dict(Span, s) for s in data.get("evidence_all") or []]
        ev.location = Place.from_dict(data.get("location"))
        return ev


def event_id(article_id: str, event: str, actor: str | None, recipient: str | None,
             start: int) -> str:
    """Stable id: the same article coded anywhere gives the same event ids."""
    key = f"{article_id}|{event}|{actor}|{recipient}|{start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class CodedArticle:
    """An article with everything eventwire found in it."""

    id: str
    title: str | None
    published: str | None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    url: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "source": self.source,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "mentions": [m.to_dict() for m in self.mentions],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedArticle:
        return cls(
            id=data["id"],
            title=data.get("title"),
            published=data.get("published"),
            url=data.get("url"),
            source=data.get("source"),
            events=[Event.from_dict(e) for e in data.get("events") or []],
            quotes=[Quote.from_dict(q) for q in data.get("quotes") or []],
            mentions=[Mention.from_dict(m) for m in data.get("mentions") or []],
        )
