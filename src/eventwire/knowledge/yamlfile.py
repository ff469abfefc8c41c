"""Reading knowledge YAML so that every entry remembers the line it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import KnowledgeFileError

LINE_KEY = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that stamps each mapping with its 1-based source line.

    It also refuses aliases (*name: a few can expand to billions of nodes) and turns the
    plain Python errors PyYAML raises on bad typed values (`2020-13-45`, `!!int x`) into
    YAML errors that carry the line.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not supported in knowledge files",
                event.start_mark)
        return super().compose_node(parent, index)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError,
                OverflowError) as exc:
            shown = f" {node.value!r}" if isinstance(node, yaml.ScalarNode) else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the {node.tag.rsplit(':', 1)[-1]} value{shown}: "
                f"{exc or type(exc).__name__}", node.start_mark) from None


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
    except RecursionError:
        raise KnowledgeFileError(str(path), "invalid YAML: nested too deeply") from None
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
