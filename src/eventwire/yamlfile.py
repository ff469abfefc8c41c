"""Reading knowledge YAML so that every entry remembers the line it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import KnowledgeFileError

LINE_KEY = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that stamps each mapping with its 1-based source line."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def load_yaml(path: str | Path) -> Any:
    """Parse one YAML file; a syntax error becomes one line naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeFileError(str(path), "file not found") from None
    except UnicodeDecodeError:
        raise KnowledgeFileError(str(path), "not UTF-8 text") from None
    except OSError as exc:
        raise KnowledgeFileError(str(path), f"cannot read: {exc.strerror}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise KnowledgeFileError(str(path), f"invalid YAML: {problem}", line) from None


def entry_line(entry: Any) -> int | None:
    """The source line of a mapping loaded by `load_yaml`, if known."""
    return entry.get(LINE_KEY) if isinstance(entry, dict) else None


def load_entry_list(path: str | Path) -> list[dict[str, Any]]:
    """A YAML file whose top level is a list of mappings."""
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise KnowledgeFileError(str(path), "expected a list of entries at the top level")
    for item in data:
        if not isinstance(item, dict):
            raise KnowledgeFileError(str(path), f"expected a mapping, got {item!r}")
    return data
