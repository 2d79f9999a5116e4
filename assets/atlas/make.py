#!/usr/bin/env python3
"""Builds assets/atlas/countries.json: the world's countries as the atlas
draws them, named as Folio names countries (assets/gazetteer.tsv).

Rerun with `python3 assets/atlas/make.py` (from the repository root). It
installs its sources into a temporary folder, never into the project:
  - npm `world-atlas`: Natural Earth's 1:110m admin-0 countries (public
    domain) as TopoJSON, each country keyed by its ISO 3166 numeric code;
  - npm `world-countries`: ISO codes and the names of each country, to
    find the gazetteer's spelling of it;
  - PyPI `mapbox-earcut`: cuts each country's polygons into triangles, so
    the app fills them without a triangulation crate of its own.
The app never needs these packages: it embeds the generated file.

What it writes, in the projection's integer units (x east, y south, both
from 0), every number an integer:
  - `width`, `height`: the map's extent;
  - `arcs`: the lines between countries (and coasts), each drawn once, as
    flat [x, y, x, y, ...] lists;
  - `arc_kinds`: for each arc, 0 for a border inside a World Bank region,
    1 for a border between regions (the regions' outlines), 2 for a coast;
  - `countries`: each with its `name` and `region` as the gazetteer spells
    them, `points` (flat x, y), `triangles` (indices into its points) and
    `arcs` (the arcs of its outline, to draw it picked out on hover).
It prints every country of the boundaries it could not name and leaves
it out, so a click on the map always means a country the sidebar knows.
"""

import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "countries.json")
GAZETTEER = os.path.join(ROOT, "assets", "gazetteer.tsv")

# Features of Natural Earth without an ISO code, by their name there: the
# country whose articles they belong to in Folio's gazetteer.
UNCODED = {"N. Cyprus": "Cyprus", "Somaliland": "Somalia", "Kosovo": "Kosovo"}
# Left out on purpose: no articles concern them, and Antarctica would fill
# the bottom of the map.
LEFT_OUT = {"Antarctica", "Fr. S. Antarctic Lands"}
# Douglas–Peucker tolerance in degrees: below what the 1:110m lines show.
TOLERANCE = 0.08
# Integer units per projected unit (the projection's x runs about ±2.7).
UNITS = 1000


def install(tmp):
    subprocess.run(["npm", "install", "--silent", "--prefix", tmp, "world-atlas", "world-countries"], check=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", os.path.join(tmp, "py"), "mapbox-earcut"],
        check=True,
    )


def gazetteer_spelling_codes():
    """The gazetteer script's table of our spellings world-countries lacks."""
    spec = importlib.util.spec_from_file_location("gazetteer_make", os.path.join(ROOT, "assets", "gazetteer", "make.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.OUR_SPELLING_CODES


def folio_countries(modules):
    """ISO numeric code → (country, region) as the gazetteer spells them."""
    countries = json.load(open(os.path.join(modules, "world-countries", "countries.json"), encoding="utf-8"))
    code_of = {}
    for c in countries:
        for n in [c["name"]["common"], c["name"]["official"], *c["altSpellings"]]:
            code_of.setdefault(n, c["cca2"])
    code_of.update(gazetteer_spelling_codes())
    numeric = {c["cca2"]: c.get("ccn3", "") for c in countries}
    by_numeric, by_name = {}, {}
    for line in open(GAZETTEER, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        region, country = line.split("\t")[:2]
        by_name[country] = (country, region)
        code = numeric.get(code_of.get(country, ""), "")
        if code:
            by_numeric[code] = (country, region)
    return by_numeric, by_name


def equal_earth(lon, lat):
    """The Equal Earth projection (Šavrič, Patterson, Jenny 2018): equal
    areas, so a large country is not made larger by its latitude."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    m = math.sqrt(3) / 2
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(m * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, y


def decode_arcs(topology):
    """TopoJSON's delta-encoded, quantized arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas–Peucker, ends kept (they are where arcs meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, at = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - x1) - dx * (py - y1)) / length if length else math.hypot(px - x1, py - y1)
            if d > worst:
                worst, at = d, i
        if at is not None and worst > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, k in zip(points, keep) if k]


def ring_points(ring, arcs):
    """A ring's points from its arcs (a negative index is an arc reversed,
    `~i`), each joint once."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def on_antimeridian(arc):
    """An arc along ±180°: where Natural Earth cut Russia and Fiji, not a
    coast anyone would see."""
    return all(abs(abs(lon) - 180) < 1e-6 for lon, _ in arc)


def crosses(points):
    """Whether a line jumps across ±180° (Fiji, the east of Russia)."""
    return any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:]))


def split_at_jumps(points):
    """A line cut where it jumps across ±180°, pieces along it left out."""
    pieces, piece = [], [points[0]]
    for a, b in zip(points, points[1:]):
        if abs(a[0] - b[0]) > 180:
            pieces.append(piece)
            piece = []
        piece.append(b)
    pieces.append(piece)
    return [p for p in pieces if len(p) > 1 and not on_antimeridian(p)]


def clip(ring, keep, line):
    """Sutherland–Hodgman against the meridian `lon = line`: the part of a
    ring where `keep(lon)` holds, with points added where it crosses."""
    out = []
    for i, b in enumerate(ring):
        a = ring[i - 1]
        if keep(b[0]):
            if not keep(a[0]):
                out.append(cut(a, b, line))
            out.append(b)
        elif keep(a[0]):
            out.append(cut(a, b, line))
    return out


def cut(a, b, line):
    """Where the segment a–b meets the meridian `lon = line`."""
    t = (line - a[0]) / (b[0] - a[0])
    return (line, a[1] + t * (b[1] - a[1]))


def unwrapped_pieces(ring):
    """A ring that jumps across ±180° as the rings either side of it: its
    longitudes made continuous, then the ring cut at the meridian."""
    if not crosses(ring + ring[:1]):
        return [ring]
    flat = [ring[0]]
    for lon, lat in ring[1:]:
        while lon - flat[-1][0] > 180:
            lon -= 360
        while lon - flat[-1][0] < -180:
            lon += 360
        flat.append((lon, lat))
    line = 180.0 if max(lon for lon, _ in flat) > 180 else -180.0
    inside = clip(flat, lambda lon: abs(lon) <= 180, line)
    beyond = clip(flat, lambda lon: (lon >= line) if line > 0 else (lon <= line), line)
    shift = -360 if line > 0 else 360
    beyond = [(lon + shift, lat) for lon, lat in beyond]
    return [p for p in (inside, beyond) if len(p) >= 3]


def main():
    tmp = tempfile.mkdtemp(prefix="folio-atlas-")
    install(tmp)
    sys.path.insert(0, os.path.join(tmp, "py"))
    import mapbox_earcut
    import numpy as np

    modules = os.path.join(tmp, "node_modules")
    topology = json.load(open(os.path.join(modules, "world-atlas", "countries-110m.json"), encoding="utf-8"))
    by_numeric, by_name = folio_countries(modules)
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]

    # Natural Earth's features, named as Folio names them; a country in
    # two features (Cyprus and N. Cyprus) gets both.
    named = defaultdict(list)
    unmatched = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        ne_name = geometry["properties"]["name"]
        if ne_name in LEFT_OUT:
            continue
        folio = by_numeric.get(geometry.get("id", "")) or by_name.get(UNCODED.get(ne_name, ""))
        if folio is None:
            unmatched.append(f"{ne_name} ({geometry.get('id', 'no code')})")
            continue
        named[folio].extend(polygons_of(geometry))

    # The map's extent: the countries drawn, from -180° to 180°.
    used = {i if i >= 0 else ~i for polygons in named.values() for polygon in polygons for ring in polygon for i in ring}
    projected = [equal_earth(lon, lat) for a in used for lon, lat in arcs[a]]
    xs = [x for x, _ in projected] + [equal_earth(lon, 0)[0] for lon in (-180, 180)]
    ys = [y for _, y in projected]
    left, top = min(xs), max(ys)
    bottom = min(ys)

    def units(point):
        x, y = point
        return round((x - left) * UNITS), round((top - y) * UNITS)

    # Which countries each arc bounds, to tell region edges from inner borders.
    arc_users = defaultdict(list)
    countries = []
    for (name, region), polygons in sorted(named.items()):
        points, triangles, outline = [], [], []
        for polygon in polygons:
            for ring in polygon:
                for index in ring:
                    arc = index if index >= 0 else ~index
                    arc_users[arc].append((name, region))
                    outline.append(arc)
            outer, *holes_of = [ring_points(ring, arcs) for ring in polygon]
            # A polygon across ±180° becomes one either side, without holes
            # (none of those in the boundaries has any).
            pieces = unwrapped_pieces(outer)
            for k, piece in enumerate(pieces):
                rings_of_piece = [piece] + (holes_of if len(pieces) == 1 else [])
                flat, holes = [], []
                for ring in rings_of_piece:
                    if flat:
                        holes.append(len(flat))
                    flat.extend(units(equal_earth(lon, lat)) for lon, lat in ring)
                if len(flat) < 3:
                    continue
                vertices = np.array(flat, dtype=np.float64).reshape(-1, 2)
                rings = np.array(holes + [len(flat)], dtype=np.uint32)
                base = len(points) // 2
                triangles.extend(base + int(i) for i in mapbox_earcut.triangulate_float64(vertices, rings))
                points.extend(c for p in flat for c in p)
        countries.append(
            {
                "name": name,
                "region": region,
                "points": points,
                "triangles": triangles,
                "arcs": sorted(set(outline)),
            }
        )

    # An arc between two features of one country (Cyprus and N. Cyprus) is
    # no border at all.
    def inner(a):
        return len(arc_users[a]) > 1 and len(set(arc_users[a])) == 1

    # The lines drawn: each arc, cut where it jumps across ±180°.
    lines, kinds, pieces_of = [], [], defaultdict(list)
    for a in sorted(arc_users):
        if inner(a):
            continue
        users = arc_users[a]
        edge = 2 if len(users) == 1 else 1 if len({r for _, r in users}) > 1 else 0
        for piece in split_at_jumps(arcs[a]):
            pieces_of[a].append(len(lines))
            lines.append([c for lon, lat in piece for c in units(equal_earth(lon, lat))])
            kinds.append(edge)
    for country in countries:
        country["arcs"] = [p for a in country["arcs"] for p in pieces_of[a]]
    out = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), npm world-atlas",
        "width": round((max(xs) - left) * UNITS),
        "height": round((top - bottom) * UNITS),
        "arcs": lines,
        "arc_kinds": kinds,
        "countries": countries,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    for name in unmatched:
        print(f"not in the gazetteer, left out: {name}")
    size = os.path.getsize(OUT)
    print(f"wrote {len(countries)} countries, {len(lines)} lines, {size // 1024} KiB to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
