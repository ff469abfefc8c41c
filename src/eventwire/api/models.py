"""Pydantic models of every request and response, so the OpenAPI spec is the contract."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from eventwire.ingest.record import MAX_ID_CHARS
from eventwire.knowledge.ontology import CATEGORIES
from eventwire.model import Mention, Span  # the same fields in the API as in the coder

EventName = Literal[CATEGORIES]  # type: ignore[valid-type]
Period = Literal["day", "week", "month", "year"]
SortKey = Literal["date", "-date", "confidence", "-confidence", "intensity", "-intensity",
                  "event", "-event", "actor", "-actor", "recipient", "-recipient"]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: Any) -> Any:
    """Accept days only as YYYY-MM-DD (pydantic alone would read 0 as 1970-01-01)."""
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError(f"{value[:40]!r} is not a day: use YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_iso_day)]

MAX_PAGE = 500
MAX_ARTICLES = 100
MAX_QUERY_ROWS = 10_000
CODE_MAX = 64  # actor codes, modes and ids in filters are short; longer is a mistake


class ErrorOut(BaseModel):
    """Every error: one message a person can act on."""

    error: str


# --- requests --------------------------------------------------------------------------------
class ArticleIn(BaseModel):
    """One article as the CLI reads it from JSON Lines: text plus optional metadata."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1, pattern=r"\S", description="The article body (not blank).")
    id: str | None = Field(None, max_length=MAX_ID_CHARS,
                           description="Stable id; default: a hash. May contain '/'.")
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100, description="Publication date.")
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=500)


class ArticlesIn(BaseModel):
    """A batch of articles to code and store."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


# --- the coding contract (same as `eventwire code`) ------------------------------------------
class ActorOut(BaseModel):
    """Who: country/IGO code, sector, the words in the text, a known name."""

    code: str | None
    sector: str | None = None
    text: str | None = ""
    name: str | None = None


class PlaceOut(BaseModel):
    """Where an event happened."""

    name: str
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float | None = None
    kind: str | None = None


class EventOut(BaseModel):
    """One coded PLOVER event with its evidence."""

    id: str
    event: str
    mode: str | None = None
    context: list[str] = []
    cameo: str | None = None
    quad: int | None = None
    intensity: float | None = None
    actor: ActorOut
    recipient: ActorOut | None = None
    date: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    location: PlaceOut | None = None
    sentence: str | None = None
    evidence: Span
    evidence_all: list[Span] = []
    negated: bool = False
    modality: str | None = None
    intent: str | None = None  # the act an announced event means ("will meet": CONSULT)
    confidence: float | None = None
    rule: str | None = None


class QuoteSpeakerOut(BaseModel):
    """Who said a quote."""

    name: str | None = None
    code: str | None = None
    sector: str | None = None
    text: str | None = None


class QuoteOut(BaseModel):
    """A quotation and its speaker."""

    text: str | None
    start: int | None
    end: int | None
    speaker: QuoteSpeakerOut | None = None
    cue: str | None = None
    kind: str | None = None


class CodedArticleOut(BaseModel):
    """An article with everything eventwire found in it (the CLI's JSON Lines object)."""

    id: str
    title: str | None
    published: str | None
    url: str | None = None
    source: str | None = None
    events: list[EventOut]
    quotes: list[QuoteOut]
    mentions: list[Mention]


# --- the store -------------------------------------------------------------------------------
class StoredEventOut(EventOut):
    """An event as stored, with the article it came from and the day it is counted on."""

    article_id: str
    article_title: str | None = None
    story_id: str | None = None
    day: str | None = Field(None, description="The event date, else the publication date.")


class EventPage(BaseModel):
    """One page of events and how many match in all."""

    total: int
    limit: int
    offset: int
    items: list[StoredEventOut]


class ArticleOut(BaseModel):
    """A stored article's text with its events (whose evidence spans index into `text`)."""

    id: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    story_id: str | None
    text: str
    events: list[StoredEventOut]
    quotes: list[QuoteOut]


class IngestOut(BaseModel):
    """What one POST /articles did."""

    run_id: str
    ids: list[str]
    stored: int
    skipped: int = Field(description="Already stored with the same text, or repeated.")
    errors: int
    events: int
    error_samples: list[str]


class PeriodPoint(BaseModel):
    """One period of a dyad: counts per category and the intensity sums."""

    period: str
    counts: dict[str, int]
    total: int
    cooperation: float = Field(description="Sum of positive intensities.")
    conflict: float = Field(description="Sum of negative intensities.")
    index: float = Field(description="Cooperation/conflict index: the sum of intensity.")


class TimeseriesOut(BaseModel):
    """Events from actor to recipient over time."""

    actor: str
    recipient: str
    by: Period
    with_duplicates: bool
    points: list[PeriodPoint]


class TopActor(BaseModel):
    """An actor and how often it acts and is acted on."""

    actor: str
    as_actor: int
    as_recipient: int
    events: int


class TopActorsOut(BaseModel):
    """The most active actors."""

    items: list[TopActor]


class NetworkNode(BaseModel):
    """An actor in the network, with the events on its edges."""

    id: str
    events: int


class NetworkEdge(BaseModel):
    """Events from one actor to another and their net intensity."""

    source: str
    target: str
    weight: int
    intensity: float


class NetworkOut(BaseModel):
    """Directed actor-to-recipient graph."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class PlaceCount(BaseModel):
    """An event location and how many events happened there."""

    name: str
    geonameid: int | None
    country: str | None
    lat: float
    lon: float
    events: int


class PlacesOut(BaseModel):
    """Event locations for a map."""

    items: list[PlaceCount]


class QueryIn(BaseModel):
    """Read-only SQL over the store's tables (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE)."""

    sql: str = Field(min_length=1, max_length=20_000, pattern=r"\S")


class QueryOut(BaseModel):
    """A query's result: column names and rows, at most `MAX_QUERY_ROWS` of them."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="More rows matched than were returned.")


class CountryCount(BaseModel):
    """A country (ISO 3166 alpha-3, as the map's borders) and how many events happened there."""

    country: str
    events: int


class CountriesOut(BaseModel):
    """Events per country, for the map's shading."""

    items: list[CountryCount]


class PollOut(BaseModel):
    """One finished poll of the feeds."""

    at: str = Field(description="When it finished, UTC (ISO 8601).")
    seconds: float
    new_articles: int
    new_events: int
    known: int = Field(description="Feed items already stored, not fetched again.")
    errors: int
    problem: str | None = Field(description="Why the whole poll failed, if it did.")


class WatchOut(BaseModel):
    """The feed watcher inside the server."""

    feeds: str
    every_seconds: float
    polls: int
    polling_since: str | None = Field(description="Start of the poll under way, if any.")
    last: PollOut | None


class StatsOut(BaseModel):
    """What the database holds."""

    articles: int
    events: int
    stories: int
    mentions: int
    quotes: int
    ingest_runs: int
    ingest_errors: int
    first_day: str | None
    last_day: str | None
    categories: dict[str, int]
    writable: bool = Field(description="Whether this server accepts POST /v1/articles.")
    watch: WatchOut | None = Field(None, description="The feed watcher of `serve --watch`.")
