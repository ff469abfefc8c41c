"""The map's country borders: Natural Earth 1:110m outlines shipped with eventwire, no download."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

BORDERS = resources.files("eventwire") / "web" / "borders" / "countries-110m.geojson"


@lru_cache(maxsize=1)
def basemap() -> dict[str, Any]:
    """A GeoJSON FeatureCollection, one feature per country, ids ISO 3166 alpha-3."""
    return json.loads(BORDERS.read_text(encoding="utf-8"))
