"""Build src/eventwire/web/borders/countries-110m.geojson from npm's world-atlas (dev time only).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_borders.py package/countries-110m.json

Natural Earth 1:110m admin-0 countries (public domain) as TopoJSON -> GeoJSON with ISO 3166
alpha-3 ids (the codes events carry in location_country), 2-decimal coordinates (~1 km), a
label point per country, rings across the antimeridian kept east of it, Antarctica left out.
Nothing is downloaded when eventwire is installed or run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/web/borders/countries-110m.geojson"
# Natural Earth shapes without an ISO numeric id: the codes geonames and eventwire use.
NO_NUMERIC = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}

Point = tuple[float, float]


def decode_arcs(topo: dict) -> list[list[Point]]:
    """Quantized, delta-encoded arcs -> absolute lon/lat lists."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """One ring from arc indexes (~i is arc i reversed), shared end points joined once."""
    out: list[Point] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        for p in points if not out else points[1:]:
            if not out or out[-1] != p:
                out.append(p)
    return out


def unwrap(points: list[Point]) -> list[Point]:
    """A ring that jumps across the antimeridian, moved east of it whole (drawn clipped at
    180 degrees, not as a line across the world)."""
    if all(abs(x1 - x0) <= 180 for (x0, _), (x1, _) in zip(points, points[1:], strict=False)):
        return points
    return [(x + 360 if x < 0 else x, y) for x, y in points]


def area(points: list[Point]) -> float:
    """Shoelace area: the biggest ring carries the label."""
    pairs = zip(points, points[1:], strict=False)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs) / 2)


def iso3(geometry: dict) -> str:
    name = geometry["properties"]["name"]
    if "id" not in geometry:
        return NO_NUMERIC[name]
    found = pycountry.countries.get(numeric=geometry["id"])
    if found is None:
        raise SystemExit(f"no ISO code for {name} ({geometry['id']})")
    return found.alpha_3


def main(source: Path) -> None:
    topo = json.loads(source.read_text())
    arcs = decode_arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["properties"]["name"] == "Antarctica":
            continue  # below the map's view, and a ring round the pole
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [[unwrap(ring(r, arcs)) for r in polygon] for polygon in polygons]
        biggest = max((p[0] for p in rings), key=area)
        label = [round(sum(x for x, _ in biggest) / len(biggest), 2),
                 round(sum(y for _, y in biggest) / len(biggest), 2)]
        features.append({"type": "Feature", "id": iso3(geometry),
                         "properties": {"name": geometry["properties"]["name"], "label": label},
                         "geometry": {"type": "MultiPolygon", "coordinates": rings}})
    collection = {"type": "FeatureCollection",
                  "attribution": "Made with Natural Earth (public domain), 1:110m admin-0 "
                                 "countries, via the world-atlas 2.0.2 npm package (ISC).",
                  "features": features}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n")
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
