"""Walking a source directory: regular files only, never out of the tree unless asked, every
skipped entry visible.

A directory may hold a symlink to /etc/shadow, a FIFO that blocks whoever opens it, or a
subdirectory we may not list. Each of those is one RecordError naming it, never silence and
never a hang.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.record import RecordError


def _kind(mode: int) -> str:
    return ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")


class NotRegularFile(OSError):
    """What open_regular raises for a FIFO, socket or device; its text is the reason."""


def special_file(path: Path) -> RecordError | None:
    """A FIFO, socket or device named as input is refused (opening a FIFO blocks forever)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # the reader says what is wrong (missing, unreadable)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return RecordError(str(path), "file", f"refused: {_kind(mode)}, not a regular file")


def open_regular(path: Path) -> BinaryIO:
    """Open a file for reading only if it is a regular file, checked on the open descriptor
    (non-blocking), so a file swapped for a FIFO after special_file's check cannot hang us."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"refused: {_kind(mode)}, not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _link_error(path: Path, root: Path) -> RecordError | None:
    """A symlink is followed only when its target stays inside the ingested directory."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # dangling, or a loop of links
        return RecordError(str(path), "file", f"skipped: broken symlink ({exc})")
    if not _inside(target, root):
        return RecordError(str(path), "file", f"skipped: symlink to {target}, outside "
                                              f"{root}; pass --follow-symlinks to read it")
    return None


def walk_directory(top: Path, follow_symlinks: bool = False) -> Iterator[Path | RecordError]:
    """Every regular, non-hidden file under `top` in sorted order, and an error per entry
    skipped (unlistable folder, special file, symlink leaving the tree)."""
    root = top.resolve()
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            yield RecordError(str(folder), "directory", f"cannot list: "
                                                        f"{exc.strerror or exc}")
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop, with --follow-symlinks
            continue
        seen.add((st.st_dev, st.st_ino))
        files: list[Path | RecordError] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not follow_symlinks:
                problem = _link_error(path, root)
                if problem is not None:
                    files.append(problem)
                    continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            else:
                files.append(special_file(path) or path)
        yield from reversed(files)
