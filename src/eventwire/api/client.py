"""Talking to a running `eventwire serve`: what `ingest --api` and `query --api` send."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import httpx

from eventwire.api.models import MAX_ARTICLES
from eventwire.errors import EventwireError
from eventwire.model import Article

BODY_BUDGET = 900_000  # under the server's default 1 MB body limit, with room for the envelope
TIMEOUT_S = 600.0  # a batch of 100 long articles is coded before the server answers


class ServerError(EventwireError):
    """The server could not be reached or refused the request; the message says which."""


class ServerClient:
    """A running eventwire server at `url`, with the API key its writes need."""

    def __init__(self, url: str, api_key: str | None = None):
        if not url.startswith(("http://", "https://")):
            raise ServerError(f"--api {url!r}: expected the server's URL, like "
                              "http://127.0.0.1:8000")
        headers = {"X-API-Key": api_key} if api_key else {}
        self.url = url.rstrip("/")
        self.http = httpx.Client(base_url=self.url, headers=headers, timeout=TIMEOUT_S)

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self.http.post(path, json=body)
        except httpx.HTTPError as exc:
            raise ServerError(f"{self.url}: cannot reach the server ({exc or type(exc).__name__})"
                              "; is `eventwire serve` running there?") from None
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code != 200:
            problem = data.get("error") if isinstance(data, dict) else None
            raise ServerError(f"{self.url}{path}: HTTP {response.status_code}: "
                              f"{problem or response.reason_phrase}")
        return data

    def store(self, articles: list[Article]) -> dict[str, Any]:
        """POST /v1/articles: code and store one batch; the server's counts come back."""
        return self._post("/v1/articles", {"articles": [_article_in(a) for a in articles]})

    def query(self, sql: str) -> dict[str, Any]:
        """POST /v1/query: columns, rows and whether they were cut."""
        return self._post("/v1/query", {"sql": sql})


def _article_in(article: Article) -> dict[str, Any]:
    return {"text": article.text, "id": article.id, "title": article.title,
            "published": article.published, "url": article.url, "source": article.source}


def batches(articles: Iterable[Article], budget: int = BODY_BUDGET
            ) -> Iterator[list[Article] | Article]:
    """Articles grouped to fit one request each; one too big for any request comes alone."""
    batch: list[Article] = []
    size = 0
    for article in articles:
        n = len(json.dumps(_article_in(article)).encode("utf-8"))
        if n > budget:
            yield article
            continue
        if batch and (size + n > budget or len(batch) >= MAX_ARTICLES):
            yield batch
            batch, size = [], 0
        batch.append(article)
        size += n
    if batch:
        yield batch
