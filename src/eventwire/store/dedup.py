"""Near-duplicate stories: MinHash LSH over word shingles groups rewritten wire copies.

Rewritten copies of one wire story share about half of their 3-word shingles (Jaccard 0.4-0.6
on our fixtures: a new lede, a trimmed ending), while distinct stories on the same topic share
under 0.05. THRESHOLD sits between, low enough that a trimmed copy still joins. Matching is
single-linkage (an article joining two stories merges them), so the grouping does not depend on
the order articles arrive in; a story's id is the id of its earliest article (by published date,
then id), and stays so when an earlier copy turns up later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import duckdb
import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 256
SHINGLE = 3
THRESHOLD = 0.35
# LSH bands x rows: 85 x 3 makes a pair at Jaccard 0.35 a candidate 97.6% of the time, at 0.4
# 99.6%, at 0.03 (unrelated news) 0.2%; candidates are then checked against THRESHOLD. With 128
# permutations (42 x 3) a pair at 0.4 was missed 6% of the time, one of our fixtures included.
LSH_PARAMS = (85, 3)
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)
_NO_DATE = "9999-12-31"


@lru_cache(maxsize=1)
def _permutations() -> object:
    """The hash permutations, made once per process (making them costs more than hashing)."""
    return MinHash(NUM_PERM, scheme=SCHEME).permutations


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased k-word shingles; a text shorter than k words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(text: str) -> MinHash:
    """The MinHash signature of a text's shingles."""
    mh = MinHash(NUM_PERM, permutations=_permutations(), scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def signature_bytes(text: str) -> bytes:
    """A text's signature as bytes: computed in coding workers, stored in the database."""
    return minhash(text).hashvalues.tobytes()


def from_bytes(raw: bytes) -> MinHash:
    """Rebuild a MinHash from stored bytes."""
    values = np.frombuffer(raw, dtype=np.uint32)
    return MinHash(NUM_PERM, hashvalues=values, permutations=_permutations(), scheme=SCHEME)


@dataclass
class Assignment:
    """Where a new article goes: its story id, and stories that merge into it."""

    story_id: str
    merged: list[str] = field(default_factory=list)


def _key(article_id: str, published: str | None) -> tuple[str, str]:
    """Sort key for 'earliest': by published date (undated last), then by id."""
    return (published or _NO_DATE, article_id)


class StoryIndex:
    """The LSH index plus story membership, rebuilt from the database at the start of a run."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_PARAMS)
        self.signatures: dict[str, MinHash] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.canonical: dict[str, tuple[str, str]] = {}  # story id -> key of its earliest article

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD) -> StoryIndex:
        """Rebuild the index from stored signatures (articles without one are left out)."""
        index = cls(threshold)
        rows = conn.execute(
            "SELECT a.id, a.story_id, CAST(a.published AS VARCHAR), m.signature "
            "FROM articles a JOIN minhashes m ON m.article_id = a.id ORDER BY a.id").fetchall()
        for aid, story, published, raw in rows:
            index._add(aid, story, published, from_bytes(raw))
        return index

    def _add(self, aid: str, story: str, published: str | None, mh: MinHash) -> None:
        self.lsh.insert(aid, mh)
        self.signatures[aid] = mh
        self.story_of[aid] = story
        self.members.setdefault(story, set()).add(aid)
        key = _key(aid, published)
        if story not in self.canonical or key < self.canonical[story]:
            self.canonical[story] = key

    def matches(self, mh: MinHash, exclude: str | None = None) -> list[str]:
        """Stored articles whose estimated Jaccard with mh reaches the threshold."""
        found = [c for c in self.lsh.query(mh) if c != exclude]
        return sorted(c for c in found if self.signatures[c].jaccard(mh) >= self.threshold)

    def assign(self, aid: str, published: str | None, mh: MinHash) -> Assignment:
        """Decide an article's story without changing the index (the write may still fail)."""
        stories = sorted({self.story_of[c] for c in self.matches(mh, exclude=aid)})
        if not stories:
            return Assignment(aid)
        keys = {s: self.canonical[s] for s in stories}
        own = _key(aid, published)
        best = min(stories, key=lambda s: keys[s])
        target = aid if own < keys[best] else best
        return Assignment(target, [s for s in stories if s != target])

    def add(self, aid: str, published: str | None, mh: MinHash, assignment: Assignment) -> None:
        """Record a committed article and apply the story merges its assignment made."""
        self.discard(aid)
        for old in assignment.merged:
            for member in self.members.pop(old, set()):
                self.story_of[member] = assignment.story_id
                self.members.setdefault(assignment.story_id, set()).add(member)
            key = self.canonical.pop(old)
            current = self.canonical.get(assignment.story_id)
            if current is None or key < current:
                self.canonical[assignment.story_id] = key
        self._add(aid, assignment.story_id, published, mh)

    def discard(self, aid: str) -> None:
        """Forget an article (it is being replaced by a new version of its text)."""
        if aid not in self.signatures:
            return
        self.lsh.remove(aid)
        del self.signatures[aid]
        story = self.story_of.pop(aid)
        members = self.members.get(story, set())
        members.discard(aid)
        if not members:
            self.members.pop(story, None)
            self.canonical.pop(story, None)
