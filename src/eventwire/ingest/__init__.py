"""Readers that turn news sources into Articles, one RecordError per record they cannot read."""

from eventwire.ingest.record import Record, RecordError
from eventwire.ingest.sources import read_source

__all__ = ["Record", "RecordError", "read_source"]
