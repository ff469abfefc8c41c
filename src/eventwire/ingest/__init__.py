"""Readers that turn news sources into Articles, one RecordError per record they cannot read."""

from eventwire import lazy_attributes

__all__ = ["Record", "RecordError", "read_source"]
# Lazy: the CLI reads ingest.limits for its --help without importing trafilatura or httpx.
__getattr__ = lazy_attributes(__name__, {"Record": "eventwire.ingest.record",
                                         "RecordError": "eventwire.ingest.record",
                                         "read_source": "eventwire.ingest.sources"})
