"""The compiled knowledge kept on disk between runs, so start-up skips parsing 1 MB of YAML.

Each entry is a file of plain data in the user cache directory (JSON for actors and lexicon,
see knowledge.codec; SQLite for the 190,000 place names, see knowledge.place_index, read on
demand),
named by a SHA-256 of everything it was built from: the package's code and data files, the
user's --actors/--lexicon files (and EVENTWIRE_ACTORS), and the versions of eventwire and the
libraries whose tables it copies. Change any of them and the name changes: the entry is rebuilt.
Plain data, not pickle: reading a cache file can never run code, even one someone else wrote;
and a file not owned by this user is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from eventwire import __version__

NO_CACHE_ENV = "EVENTWIRE_NO_CACHE"
CACHE_DIR_ENV = "EVENTWIRE_CACHE_DIR"
FORMAT = 1  # bump when knowledge.codec writes something a previous version cannot read
KEEP = 16  # entries kept per kind (one per set of user files), the most recently used

T = TypeVar("T")


def disable_cache() -> None:
    """--no-cache: build from the YAML files, in this process and in its worker processes."""
    os.environ[NO_CACHE_ENV] = "1"


def cache_enabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("1", "true", "yes", "on")


def cache_dir() -> Path:
    """EVENTWIRE_CACHE_DIR, else the platform's user cache directory (~/.cache/eventwire)."""
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventwire", appauthor=False))


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A hash of every code and data file of the installed package (a few ms, once)."""
    from importlib import resources

    root = Path(str(resources.files("eventwire")))
    digest = hashlib.sha256(f"eventwire {__version__} format {FORMAT}".encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(user_files: Iterable[str | Path] = (), libraries: Iterable[str] = ()) -> str:
    """The cache key: the package, each user file's path and bytes, and library versions."""
    digest = hashlib.sha256(package_digest().encode())
    for name in libraries:
        digest.update(f"\0{name} {_version(name)}".encode())
    for file in user_files:
        digest.update(f"\0file {Path(file).resolve()}\0".encode())
        try:
            digest.update(Path(file).read_bytes())
        except OSError as exc:  # the builder reports the problem; the key only has to differ
            digest.update(f"unreadable: {exc}".encode())
    return digest.hexdigest()[:32]


def cached(kind: str, key: str, build: Callable[[], T], write: Callable[[T, Path], None],
           read: Callable[[Path], T], suffix: str = ".json") -> T:
    """The value for `key`, read from the cache, or built (and stored) when absent or stale."""
    if not cache_enabled():
        return build()
    folder = cache_dir()
    path = folder / f"{kind}-{key}{suffix}"
    value = _read(path, read)
    if value is None:
        value = build()
        _write(folder, path, lambda tmp: write(value, tmp))
        _prune(folder, kind)
    return value


def write_json(data: Any, path: Path) -> None:
    """Plain data as compact JSON: nothing in it can make the reader run code."""
    with path.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))


def read_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def _version(distribution: str) -> str:
    from importlib import metadata  # here: `eventwire --help` imports this module

    return metadata.version(distribution)


def _read(path: Path, read: Callable[[Path], T]) -> T | None:
    """A stored entry, or None when it is missing, not ours, or unreadable (then it is rebuilt)."""
    import sqlite3

    try:
        if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
            return None
        value = read(path)
        os.utime(path)  # last used: what _prune keeps
        return value
    except (OSError, ValueError, TypeError, KeyError, IndexError, sqlite3.Error):
        return None


def _write(folder: Path, path: Path, write: Callable[[Path], None]) -> None:
    """Write atomically into a private folder; a cache that cannot be written is no error."""
    import sqlite3
    import uuid

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = folder / f".tmp-{os.getpid()}-{uuid.uuid4().hex}{path.suffix}"
        try:
            write(tmp)
            tmp.chmod(0o600)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    except (OSError, sqlite3.Error):
        return


def _prune(folder: Path, kind: str) -> None:
    """Keep the KEEP most recently used entries of a kind, so old versions do not pile up."""
    try:
        entries = sorted(folder.glob(f"{kind}-*"), key=lambda p: p.stat().st_mtime,
                         reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
