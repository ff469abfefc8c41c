"""Near-duplicate stories: rewritten wire copies share a story, same-topic stories do not."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from eventwire.batch.pipeline import ingest
from eventwire.store.db import Store
from eventwire.store.dedup import StoryIndex, minhash, shingles
from ingest_support import FIXTURES

STORIES = [json.loads(line) for line in (FIXTURES / "wire_stories.jsonl").read_text()
           .splitlines()]
COPIES = {"s1-reuters", "s1-ap", "s1-local"}


def _group(order: list[dict]) -> dict[str, str]:
    index = StoryIndex()
    for row in order:
        mh = minhash(row["text"])
        assignment = index.assign(row["id"], row["published"], mh)
        index.add(row["id"], row["published"], mh, assignment)
    return dict(index.story_of)


def test_fixture_copies_really_are_rewrites() -> None:
    """The wire copies are not identical: their true shingle Jaccard is between 0.38 and 0.61."""
    sets = {r["id"]: shingles(r["text"]) for r in STORIES}
    for a, b in itertools.combinations(sorted(COPIES), 2):
        jac = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
        assert 0.35 < jac < 0.65, (a, b, jac)


@pytest.mark.parametrize("order", list(itertools.permutations(range(6)))[::97])
def test_copies_group_and_same_topic_stories_stay_apart_in_any_order(order: tuple) -> None:
    stories = _group([STORIES[i] for i in order])
    # The earliest copy (published 2022-03-30, then by id) names the story.
    assert {stories[i] for i in COPIES} == {"s1-ap"}
    for other in ("s2-sanctions", "s3-oil", "s4-vienna"):
        assert stories[other] == other


def test_story_index_is_rebuilt_from_the_database(tmp_path: Path, coder) -> None:
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    by_id = {r["id"]: r for r in STORIES}
    first.write_text("\n".join(json.dumps(by_id[i]) for i in ("s1-local", "s2-sanctions")))
    later.write_text("\n".join(json.dumps(by_id[i]) for i in ("s1-reuters", "s1-ap", "s3-oil")))
    with Store.open(tmp_path / "db.duckdb") as store:
        ingest(store, [str(first)], coder=coder)
        assert dict(store.conn.execute("SELECT id, story_id FROM articles").fetchall()) == {
            "s1-local": "s1-local", "s2-sanctions": "s2-sanctions"}
        ingest(store, [str(later)], coder=coder)  # a new run: the index comes from the DB
        stories = dict(store.conn.execute("SELECT id, story_id FROM articles").fetchall())
        # The earlier copies arrived later: the whole story is relabelled, events included.
        assert stories == {"s1-local": "s1-ap", "s1-reuters": "s1-ap", "s1-ap": "s1-ap",
                           "s2-sanctions": "s2-sanctions", "s3-oil": "s3-oil"}
        assert store.conn.execute("SELECT count(*) FROM events e JOIN articles a ON "
                                  "a.id = e.article_id WHERE e.story_id <> a.story_id"
                                  ).fetchall() == [(0,)]
        assert store.conn.execute("SELECT DISTINCT story_id FROM story_events WHERE "
                                  "story_id LIKE 's1%'").fetchall() in ([], [("s1-ap",)])
        assert StoryIndex.load(store.conn).story_of == stories


def test_short_texts_do_not_crash_and_do_not_match() -> None:
    index = StoryIndex()
    for aid, text in (("a", "Hi"), ("b", "Iran"), ("c", "")):
        mh = minhash(text)
        index.add(aid, None, mh, index.assign(aid, None, mh))
    assert len(set(index.story_of.values())) == 3
