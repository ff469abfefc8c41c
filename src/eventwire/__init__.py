"""eventwire: news articles in, PLOVER political event data out.

The Python API (docs/python.md), loaded on first use so that `import eventwire` stays instant:

    coder = eventwire.Coder.load()
    coded = coder.code_text("...", published="2022-03-30")
    frame = eventwire.to_dataframe([coded])
    store = eventwire.read_store("eventwire.duckdb")
"""

from eventwire.lazy import lazy_attributes

__version__ = "0.1.0"
__all__ = ["Article", "CodedArticle", "Coder", "StoreFrames", "read_store", "to_dataframe"]

__getattr__ = lazy_attributes(__name__, {
    "Coder": "eventwire.coder",
    "Article": "eventwire.model",
    "CodedArticle": "eventwire.model",
    "to_dataframe": "eventwire.frames",
    "read_store": "eventwire.frames",
    "StoreFrames": "eventwire.frames",
})
