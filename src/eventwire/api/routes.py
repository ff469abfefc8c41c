"""The /v1 endpoints: thin handlers over queries.py and the coder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Security

from eventwire.api import queries
from eventwire.api.coding import Busy, CodingPool
from eventwire.api.database import Database
from eventwire.api.models import (
    CODE_MAX,
    MAX_PAGE,
    ArticleIn,
    ArticleOut,
    ArticlesIn,
    CodedArticleOut,
    CountriesOut,
    Day,
    ErrorOut,
    EventName,
    EventPage,
    IngestOut,
    NetworkOut,
    Period,
    PlacesOut,
    QueryIn,
    QueryOut,
    SortKey,
    StatsOut,
    StoredEventOut,
    TimeseriesOut,
    TopActorsOut,
)
from eventwire.api.security import api_key_header, bearer, check_write_access
from eventwire.api.sql import run_query
from eventwire.batch.pipeline import IngestStats, store_articles
from eventwire.batch.workers import CoderSpec
from eventwire.coder import Coder
from eventwire.errors import EventwireError
from eventwire.ingest.record import MAX_ID_CHARS, make_article
from eventwire.model import Article
from eventwire.nlp.deadline import ArticleTimeout
from eventwire.nlp.pipeline import ModelNotInstalled
from eventwire.store.threshold import keep_confident

T = TypeVar("T")
router = APIRouter(prefix="/v1", responses={400: {"model": ErrorOut}, 422: {"model": ErrorOut}})

Code = Annotated[str | None, Query(max_length=CODE_MAX, description="Actor code, e.g. IRN.")]
PathCode = Annotated[str, Path(min_length=1, max_length=CODE_MAX)]
MinConfidence = Annotated[float | None, Query(
    ge=0.0, le=1.0, allow_inf_nan=False,
    description="Precision mode: only events whose confidence is at least this (0 to 1); "
                "left out, every event counts.")]
_404 = {404: {"model": ErrorOut}}
_WRITE = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut}}


def _db(request: Request) -> Database:
    """The app's database handle."""
    return request.app.state.db


def _coder(request: Request) -> CodingPool:
    """The app's coding pool (one coder thread and a bounded queue)."""
    return request.app.state.coder


DB = Annotated[Database, Depends(_db)]
Coders = Annotated[CodingPool, Depends(_coder)]


def writer(request: Request, _key: Annotated[Any, Security(api_key_header)],
           _bearer: Annotated[Any, Security(bearer)]) -> None:
    """Dependency of every write endpoint (the Security params document it in OpenAPI)."""
    check_write_access(request)


def _article(item: ArticleIn) -> Article:
    return make_article(item.text, given_id=item.id, title=item.title, published=item.published,
                        url=item.url, source=item.source or "api")


async def _on_coder(pool: CodingPool, job: Callable[[Coder], T]) -> T:
    """Run a coding job on the pool, its failures as HTTP errors a client can act on."""
    try:
        return await pool.run(job)
    except Busy as exc:
        raise HTTPException(exc.status, str(exc),
                            headers={"Retry-After": str(exc.retry_after)}) from None
    except ArticleTimeout as exc:
        raise HTTPException(422, str(exc)) from None
    except (ModelNotInstalled, EventwireError) as exc:
        raise HTTPException(503, f"the coder could not be loaded: {exc}") from None


_BUSY = {429: {"model": ErrorOut}, 503: {"model": ErrorOut}}


@router.post("/code", response_model=CodedArticleOut, tags=["coding"],
             responses={413: {"model": ErrorOut}, **_BUSY})
async def code_article(body: ArticleIn, request: Request, pool: Coders,
                       min_confidence: MinConfidence = None) -> dict[str, Any]:
    """Code one article (text plus optional metadata); nothing is stored.

    With `min_confidence`, only the events at or above it are returned.

    Open to every client, within limits: a request rate per client address, a text size, a
    queue (503 with Retry-After when full) and a time budget per article (422 past it).
    """
    client = request.client.host if request.client else "unknown"
    try:
        pool.rates.take(client)
    except Busy as exc:
        raise HTTPException(429, str(exc), headers={"Retry-After": str(exc.retry_after)}) \
            from None
    if len(body.text) > pool.limits.max_chars:
        raise HTTPException(413, f"the text has {len(body.text):,} characters; /v1/code takes "
                                 f"at most {pool.limits.max_chars:,} (store long articles with "
                                 "`eventwire ingest`)")
    article = _article(body)
    return await _on_coder(
        pool, lambda c: keep_confident(c.code(article), min_confidence).to_dict())


@router.post("/articles", response_model=IngestOut, tags=["store"],
             dependencies=[Depends(writer)], responses={**_WRITE, **_BUSY})
async def ingest_articles(body: ArticlesIn, database: DB, pool: Coders) -> IngestOut:
    """Code and store articles; an article already stored with the same text is skipped."""
    articles = [_article(a) for a in body.articles]

    def job(coder: Coder) -> IngestStats:
        with database.writer() as store:
            stats = IngestStats(run_id=store.start_run(["api"], None))
            status = "failed"
            try:
                store_articles(store, articles, stats.run_id, stats, CoderSpec(), coder=coder)
                status = "done"
            finally:
                store.finish_run(stats.run_id, status, stats.stored, stats.skipped,
                                 stats.errors, stats.events)
        return stats

    stats = await _on_coder(pool, job)
    return IngestOut(run_id=stats.run_id, ids=[a.id for a in articles], stored=stats.stored,
                     skipped=stats.skipped, errors=stats.errors, events=stats.events,
                     error_samples=stats.error_samples)


@router.get("/events", response_model=EventPage, tags=["events"])
def list_events(
    database: DB,
    actor: Code = None,
    recipient: Code = None,
    event: Annotated[EventName | None, Query(description="PLOVER category.")] = None,
    mode: Annotated[str | None, Query(max_length=CODE_MAX)] = None,
    date_from: Annotated[Day | None, Query(description="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[Day | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    q: Annotated[str | None, Query(max_length=200,
                                   description="Words in the sentence or evidence.")] = None,
    negated: Annotated[bool | None, Query(description="Only negated (true) or "
                                                      "asserted (false) events.")] = None,
    sort: SortKey = "-date",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    min_confidence: MinConfidence = None,
) -> dict[str, Any]:
    """Search events; newest first unless `sort` says otherwise."""
    flt = queries.EventFilter(actor=actor, recipient=recipient, event=event, mode=mode,
                              date_from=date_from, date_to=date_to, q=q, negated=negated,
                              min_confidence=min_confidence)
    with database.reader() as cur:
        total, items = queries.find_events(cur, flt, sort, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id:path}", response_model=StoredEventOut, tags=["events"],
            responses=_404)
def get_event(event_id: Annotated[str, Path(max_length=MAX_ID_CHARS)],
              database: DB) -> dict[str, Any]:
    """One event with its evidence."""
    with database.reader() as cur:
        found = queries.get_event(cur, event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return found


@router.get("/articles/{article_id:path}", response_model=ArticleOut, tags=["store"],
            responses=_404)
def get_article(article_id: Annotated[str, Path(max_length=MAX_ID_CHARS)],
                database: DB) -> dict[str, Any]:
    """An article's text and its events, whose evidence offsets index into the text."""
    with database.reader() as cur:
        found = queries.get_article(cur, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found


@router.get("/dyads/{actor}/{recipient}/timeseries", response_model=TimeseriesOut,
            tags=["analytics"])
def dyad_timeseries(database: DB, actor: PathCode, recipient: PathCode, by: Period = "week",
                    with_duplicates: bool = False, min_confidence: MinConfidence = None
                    ) -> dict[str, Any]:
    """Events from actor to recipient per period (one story counted once unless asked)."""
    actor, recipient = actor.upper(), recipient.upper()  # codes match in any case, as in the CLI
    with database.reader() as cur:
        points = queries.dyad_timeseries(cur, actor, recipient, by, with_duplicates,
                                         min_confidence)
    return {"actor": actor, "recipient": recipient, "by": by,
            "with_duplicates": with_duplicates, "points": points}


@router.get("/actors/top", response_model=TopActorsOut, tags=["analytics"])
def top_actors(database: DB,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
               min_confidence: MinConfidence = None) -> dict[str, Any]:
    """Actors by how often they act and are acted on."""
    with database.reader() as cur:
        return {"items": queries.top_actors(cur, limit, min_confidence)}


@router.get("/network", response_model=NetworkOut, tags=["analytics"])
def network(database: DB, min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
            limit: Annotated[int, Query(ge=1, le=2000, description="Most edges.")] = 300,
            min_confidence: MinConfidence = None) -> dict[str, Any]:
    """Directed actor-to-recipient edges, heaviest first, with the actors they join."""
    with database.reader() as cur:
        nodes, edges = queries.network(cur, min_events, limit, min_confidence)
    return {"nodes": nodes, "edges": edges}


def _map_filter(
    actor: Code = None,
    recipient: Code = None,
    event: Annotated[EventName | None, Query()] = None,
    date_from: Day | None = None,
    date_to: Day | None = None,
    min_confidence: MinConfidence = None,
) -> queries.EventFilter:
    """The filters the map's endpoints share."""
    return queries.EventFilter(actor=actor, recipient=recipient, event=event,
                               date_from=date_from, date_to=date_to,
                               min_confidence=min_confidence)


MapFilter = Annotated[queries.EventFilter, Depends(_map_filter)]


@router.get("/places", response_model=PlacesOut, tags=["analytics"])
def places(database: DB, flt: MapFilter,
           limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> dict[str, Any]:
    """Where the selected events happened, with how many at each place."""
    with database.reader() as cur:
        return {"items": queries.places(cur, flt, limit)}


@router.get("/countries", response_model=CountriesOut, tags=["analytics"])
def countries(database: DB, flt: MapFilter) -> dict[str, Any]:
    """Events per country (ISO 3166 alpha-3) where they happened: the map's shading."""
    with database.reader() as cur:
        return {"items": queries.countries(cur, flt)}


@router.post("/query", response_model=QueryOut, tags=["store"])
def query(body: QueryIn, database: DB) -> dict[str, Any]:
    """Read-only SQL over the tables (as `eventwire query`): at most 10,000 rows, 20 s."""
    with database.reader() as cur:
        return run_query(cur, body.sql)


@router.get("/stats", response_model=StatsOut, tags=["store"])
def stats(database: DB, request: Request) -> dict[str, Any]:
    """What the database holds."""
    watcher = request.app.state.watcher
    with database.reader() as cur:
        return {**queries.stats(cur), "writable": database.writable,
                "watch": watcher.status() if watcher is not None else None}
