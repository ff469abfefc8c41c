"""The /v1 endpoints: thin handlers over queries.py and the coder."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Security

from eventwire.api import queries
from eventwire.api.database import CoderHolder, Database
from eventwire.api.models import (
    CODE_MAX,
    MAX_PAGE,
    ArticleIn,
    ArticleOut,
    ArticlesIn,
    CodedArticleOut,
    Day,
    ErrorOut,
    EventName,
    EventPage,
    IngestOut,
    NetworkOut,
    Period,
    PlacesOut,
    SortKey,
    StatsOut,
    StoredEventOut,
    TimeseriesOut,
    TopActorsOut,
)
from eventwire.api.security import api_key_header, bearer, check_write_access
from eventwire.batch.pipeline import IngestStats, store_articles
from eventwire.batch.workers import CoderSpec
from eventwire.errors import EventwireError
from eventwire.ingest.record import make_article
from eventwire.model import Article
from eventwire.nlp.pipeline import ModelNotInstalled

router = APIRouter(prefix="/v1", responses={400: {"model": ErrorOut}, 422: {"model": ErrorOut}})

Code = Annotated[str | None, Query(max_length=CODE_MAX, description="Actor code, e.g. IRN.")]
PathCode = Annotated[str, Path(min_length=1, max_length=CODE_MAX)]
_404 = {404: {"model": ErrorOut}}
_WRITE = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut}}


def _db(request: Request) -> Database:
    """The app's database handle."""
    return request.app.state.db


def _coder(request: Request) -> CoderHolder:
    """The app's lazily loaded coder."""
    return request.app.state.coder


DB = Annotated[Database, Depends(_db)]
Coders = Annotated[CoderHolder, Depends(_coder)]


def writer(request: Request, _key: Annotated[Any, Security(api_key_header)],
           _bearer: Annotated[Any, Security(bearer)]) -> None:
    """Dependency of every write endpoint (the Security params document it in OpenAPI)."""
    check_write_access(request)


def _article(item: ArticleIn) -> Article:
    return make_article(item.text, given_id=item.id, title=item.title, published=item.published,
                        url=item.url, source=item.source or "api")


def _coder_unavailable(exc: Exception) -> HTTPException:
    return HTTPException(503, f"the coder could not be loaded: {exc}")


@router.post("/code", response_model=CodedArticleOut, tags=["coding"],
             responses={413: {"model": ErrorOut}, 503: {"model": ErrorOut}})
def code_article(body: ArticleIn, holder: Coders) -> dict[str, Any]:
    """Code one article (text plus optional metadata); nothing is stored."""
    article = _article(body)
    try:
        with holder.use() as c:
            return c.code(article).to_dict()
    except (ModelNotInstalled, EventwireError) as exc:
        raise _coder_unavailable(exc) from None


@router.post("/articles", response_model=IngestOut, tags=["store"],
             dependencies=[Depends(writer)], responses={**_WRITE, 503: {"model": ErrorOut}})
def ingest_articles(body: ArticlesIn, database: DB,
                    holder: Coders) -> IngestOut:
    """Code and store articles; an article already stored with the same text is skipped."""
    articles = [_article(a) for a in body.articles]
    try:
        with holder.use() as c, database.writer() as store:
            stats = IngestStats(run_id=store.start_run(["api"], None))
            status = "failed"
            try:
                store_articles(store, articles, stats.run_id, stats, CoderSpec(), coder=c)
                status = "done"
            finally:
                store.finish_run(stats.run_id, status, stats.stored, stats.skipped,
                                 stats.errors, stats.events)
    except (ModelNotInstalled, EventwireError) as exc:
        raise _coder_unavailable(exc) from None
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
) -> dict[str, Any]:
    """Search events; newest first unless `sort` says otherwise."""
    flt = queries.EventFilter(actor=actor, recipient=recipient, event=event, mode=mode,
                              date_from=date_from, date_to=date_to, q=q, negated=negated)
    with database.reader() as cur:
        total, items = queries.find_events(cur, flt, sort, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id}", response_model=StoredEventOut, tags=["events"],
            responses=_404)
def get_event(event_id: Annotated[str, Path(max_length=200)], database: DB) -> dict[str, Any]:
    """One event with its evidence."""
    with database.reader() as cur:
        found = queries.get_event(cur, event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return found


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["store"], responses=_404)
def get_article(article_id: Annotated[str, Path(max_length=200)],
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
                    with_duplicates: bool = False) -> dict[str, Any]:
    """Events from actor to recipient per period (one story counted once unless asked)."""
    with database.reader() as cur:
        points = queries.dyad_timeseries(cur, actor, recipient, by, with_duplicates)
    return {"actor": actor, "recipient": recipient, "by": by,
            "with_duplicates": with_duplicates, "points": points}


@router.get("/actors/top", response_model=TopActorsOut, tags=["analytics"])
def top_actors(database: DB,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> dict[str, Any]:
    """Actors by how often they act and are acted on."""
    with database.reader() as cur:
        return {"items": queries.top_actors(cur, limit)}


@router.get("/network", response_model=NetworkOut, tags=["analytics"])
def network(database: DB, min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
            limit: Annotated[int, Query(ge=1, le=2000, description="Most edges.")] = 300
            ) -> dict[str, Any]:
    """Directed actor-to-recipient edges, heaviest first, with the actors they join."""
    with database.reader() as cur:
        nodes, edges = queries.network(cur, min_events, limit)
    return {"nodes": nodes, "edges": edges}


@router.get("/places", response_model=PlacesOut, tags=["analytics"])
def places(
    database: DB,
    actor: Code = None,
    recipient: Code = None,
    event: Annotated[EventName | None, Query()] = None,
    date_from: Day | None = None,
    date_to: Day | None = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> dict[str, Any]:
    """Where the selected events happened, with how many at each place."""
    flt = queries.EventFilter(actor=actor, recipient=recipient, event=event,
                              date_from=date_from, date_to=date_to)
    with database.reader() as cur:
        return {"items": queries.places(cur, flt, limit)}


@router.get("/stats", response_model=StatsOut, tags=["store"])
def stats(database: DB) -> dict[str, Any]:
    """What the database holds."""
    with database.reader() as cur:
        return {**queries.stats(cur), "writable": database.writable}
