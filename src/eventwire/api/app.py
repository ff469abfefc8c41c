"""The FastAPI app: /v1 API, JSON errors, the offline dashboard and a CDN-free /docs page."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire import __version__
from eventwire.api.basemap import basemap
from eventwire.api.coding import CodingLimits, CodingPool
from eventwire.api.database import Database
from eventwire.api.docs import docs_page
from eventwire.api.routes import router
from eventwire.api.security import DEFAULT_MAX_BODY, BodyLimit, HostCheck
from eventwire.api.watcher import FeedWatcher, WatchPlan
from eventwire.coder import Coder
from eventwire.store.held import Holder

log = logging.getLogger("eventwire.api")

WEB = resources.files("eventwire") / "web"
# Same-origin only: the page must work offline, and article text must never run as code.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; form-action 'self'")


def plotly_js() -> Path | None:
    """plotly.min.js as shipped inside the plotly wheel, if plotly is installed."""
    spec = find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def _where(loc: tuple[int | str, ...]) -> str:
    kinds = {"query": "query parameter", "path": "path parameter", "body": "body field",
             "header": "header"}
    if not loc:
        return "request"
    head, rest = str(loc[0]), ".".join(str(p) for p in loc[1:])
    if head == "body" and not rest:
        return "request body"
    return f"{kinds.get(head, head)} {rest!r}" if rest else kinds.get(head, head)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "json_invalid":
            parts.append(f"the request body is not valid JSON ({msg})")
            continue
        if err.get("type") == "string_pattern_mismatch" and err.get("loc", ())[-1:] == ("text",):
            msg = "the article text is blank"
        parts.append(f"{_where(tuple(err.get('loc', ())))}: {msg}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 400 and message == "There was an error parsing the body":
            message = "the request body could not be read: send JSON encoded as UTF-8"
        elif exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path} (see /docs)"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path} (see /docs)"
        return JSONResponse({"error": message}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _validation_message(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": f"internal error ({type(exc).__name__}); the server log "
                                      "has the details"}, status_code=500)


def _install_pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(WEB / "index.html"), media_type="text/html")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        path = plotly_js()
        if path is None:
            return JSONResponse({"error": "plotly is not installed: pip install 'plotly>=5,<7' "
                                          "for the dashboard's charts"}, status_code=404)
        return FileResponse(str(path), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/basemap.json", include_in_schema=False)
    def world() -> JSONResponse:
        return JSONResponse(basemap(), headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()))

    app.mount("/static", StaticFiles(packages=[("eventwire", "web")]), name="static")


def create_app(db_path: str | Path, api_key: str | None = None,
               allow_anonymous_writes: bool = False, max_body_bytes: int = DEFAULT_MAX_BODY,
               coder: Coder | None = None, allowed_hosts: Sequence[str] | None = None,
               coding: CodingLimits | None = None, watch: WatchPlan | None = None,
               on_wait: Callable[[Holder], None] | None = None) -> FastAPI:
    """Open the database (read-only unless writes are possible) and build the app.

    `allowed_hosts` (None: any) are the Host names answered; `coding` bounds the coding
    endpoints (see eventwire.api.coding). `watch` polls feeds in a thread of the server
    (serve --watch); `on_wait` is told when the database is held by another process and the
    server waits for it. Raises StoreError when the file is missing or not an eventwire database.
    """
    api_key = api_key or None
    database = Database(db_path, writable=api_key is not None or allow_anonymous_writes,
                        hold=watch is not None, on_wait=on_wait)
    watcher = FeedWatcher(database, watch) if watch is not None else None
    pool = CodingPool(coder, coding or CodingLimits())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if watcher is not None:
            watcher.start()
        yield
        if watcher is not None:
            watcher.stop()
        pool.close()
        database.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="PLOVER political events coded from news, each tied to the "
                              "words that evidence it. Write endpoints need the X-API-Key "
                              "header (or Authorization: Bearer).")
    app.state.db = database
    app.state.watcher = watcher
    app.state.coder = pool
    app.state.api_key = api_key
    app.state.allow_anonymous_writes = allow_anonymous_writes
    app.include_router(router)
    _install_error_handlers(app)
    _install_pages(app)

    @app.middleware("http")
    async def headers(request: Request,
                      call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=allowed_hosts)  # outermost: checked first
    return app
