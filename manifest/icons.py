"""Draws the two Teams app icons, manifest/color.png and manifest/outline.png.

    python manifest/icons.py           # (re)writes both PNGs next to this file
    python manifest/icons.py --check   # exits 1 if the committed PNGs differ from a fresh drawing

The symbol is a desk with a screen that shows a check mark: "your desk is booked". It is drawn
on a 32-unit grid (the outline icon's pixels) from rounded rectangles and round-capped strokes,
as signed distance functions; pixels on an edge are supersampled 8x8 for smooth anti-aliasing.

- color.png: 192x192, the white symbol on the app's accent colour, full bleed (Teams rounds
  the corners itself).
- outline.png: 32x32, the same symbol in white on a transparent background; edge pixels are
  white with partial alpha, every other pixel is fully transparent.

Only the standard library: the PNG is written with zlib and struct, byte for byte reproducible.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import math
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("werkplek.manifest.icons")

HERE = Path(__file__).resolve().parent
ACCENT = (0x1E, 0x5A, 0x96)  # manifest.json accentColor "#1E5A96"
WHITE = (255, 255, 255)
SUPERSAMPLE = 8

Distance = Callable[[float, float], float]


# --- signed distances (negative inside), in grid units ---------------------------------------


def rounded_rect(x0: float, y0: float, x1: float, y1: float, radius: float) -> Distance:
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hw, hh = (x1 - x0) / 2 - radius, (y1 - y0) / 2 - radius

    def distance(x: float, y: float) -> float:
        qx, qy = abs(x - cx) - hw, abs(y - cy) - hh
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - radius

    return distance


def stroke(points: list[tuple[float, float]], width: float) -> Distance:
    """A polyline with round caps and joins."""
    half = width / 2
    segments = list(itertools.pairwise(points))

    def distance(x: float, y: float) -> float:
        best = math.inf
        for (ax, ay), (bx, by) in segments:
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(x - ax - t * dx, y - ay - t * dy))
        return best - half

    return distance


def union(*parts: Distance) -> Distance:
    return lambda x, y: min(part(x, y) for part in parts)


def cut(shape: Distance, hole: Distance) -> Distance:
    return lambda x, y: max(shape(x, y), -hole(x, y))


def desk_symbol() -> Distance:
    """The symbol on the 32-unit grid: a screen with a check mark on a desk."""
    screen = cut(rounded_rect(7, 4, 25, 17, 3), rounded_rect(9, 6, 23, 15, 1.25))
    check = stroke([(12.25, 10.5), (14.75, 13), (19.75, 8)], 2)
    foot = rounded_rect(15, 16, 17, 20.5, 0)
    top = rounded_rect(3, 20, 29, 22.25, 1.1)
    legs = [stroke([(x, 21), (x, 27)], 2) for x in (7, 25)]
    return union(screen, check, foot, top, *legs)


# --- rendering -------------------------------------------------------------------------------


def coverage(shape: Distance, size: int, scale: float, offset: float) -> list[list[float]]:
    """How much of each pixel the shape covers (0..1); pixel (i, j) spans grid units
    ((i - offset) / scale, (j - offset) / scale) plus one pixel."""
    unit = 1 / scale
    near = 0.75 * unit  # beyond this from the pixel centre, an edge cannot cross the pixel
    steps = [(k + 0.5) / SUPERSAMPLE for k in range(SUPERSAMPLE)]
    rows = []
    for j in range(size):
        row = []
        for i in range(size):
            gx, gy = (i - offset) * unit, (j - offset) * unit
            centre = shape(gx + unit / 2, gy + unit / 2)
            if centre <= -near:
                row.append(1.0)
            elif centre >= near:
                row.append(0.0)
            else:
                inside = sum(
                    shape(gx + sx * unit, gy + sy * unit) < 0 for sy in steps for sx in steps
                )
                row.append(inside / SUPERSAMPLE**2)
        rows.append(row)
    return rows


def color_icon() -> list[list[tuple[int, int, int, int]]]:
    size, scale = 192, 4.5
    offset = size / 2 - 15.5 * scale  # the symbol's centre (16, 15.5) at the image centre
    cover = coverage(desk_symbol(), size, scale, offset)
    return [
        [(*(round(a + (w - a) * c) for a, w in zip(ACCENT, WHITE, strict=True)), 255) for c in row]
        for row in cover
    ]


def outline_icon() -> list[list[tuple[int, int, int, int]]]:
    cover = coverage(desk_symbol(), 32, 1.0, 0.0)
    return [[(*WHITE, round(255 * c)) if c > 0 else (0, 0, 0, 0) for c in row] for row in cover]


# --- PNG -------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(pixels: list[list[tuple[int, int, int, int]]]) -> bytes:
    """An 8-bit RGBA, non-interlaced PNG (filter type 0 on every row)."""
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


ICONS = {"color.png": color_icon, "outline.png": outline_icon}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    stale = []
    for name, draw in ICONS.items():
        path = HERE / name
        data = png_bytes(draw())
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.write_bytes(data)
        log.info("wrote %s (%d bytes)", path, len(data))
    if stale:
        log.error("out of date, run python manifest/icons.py: %s", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
