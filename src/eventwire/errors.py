"""Errors a user can cause, each carrying a message that says what to do."""

from __future__ import annotations


class EventwireError(Exception):
    """Base for user-facing errors: the CLI prints the message, never a traceback."""


class KnowledgeFileError(EventwireError):
    """A lexicon or actor file is malformed."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


class InputError(EventwireError):
    """An input article or file cannot be read."""
