"""eventwire: news articles in, PLOVER political event data out.

The Python API (docs/python.md), loaded on first use so that `import eventwire` stays instant:

    coder = eventwire.Coder.load()
    coded = coder.code_text("...", published="2022-03-30")
    frame = eventwire.to_dataframe([coded])
    store = eventwire.read_store("eventwire.duckdb")
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__version__ = "0.1.0"
__all__ = ["Article", "CodedArticle", "Coder", "StoreFrames", "read_store", "to_dataframe"]


def lazy_attributes(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` that imports `name` from `where[name]` on first use, so packages
    can export names without `eventwire --help` loading spaCy, DuckDB or pandas."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(importlib.import_module(package), name, value)
        return value

    return __getattr__


__getattr__ = lazy_attributes(__name__, {
    "Coder": "eventwire.coder",
    "Article": "eventwire.model",
    "CodedArticle": "eventwire.model",
    "to_dataframe": "eventwire.store.frames",
    "read_store": "eventwire.store.frames",
    "StoreFrames": "eventwire.store.frames",
})
