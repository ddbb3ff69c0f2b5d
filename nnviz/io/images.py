"""Pictures written without Qt: a PNG heat map of a loss grid."""

from __future__ import annotations

import math
import struct
import zlib

import numpy as np

_VIRIDIS = ((68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
            (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37))


def heatmap_png(a, b, loss, trajectory, current) -> bytes:
    """A PNG of the loss (P1 to the right, P2 upwards), viridis, log-scaled when the
    finite values span more than 3 decades; +inf drawn at the top colour, -inf at the
    bottom one, NaN grey; the trajectory in white, the current point in magenta."""
    stops = np.array(_VIRIDIS, dtype=float)
    na, nb = loss.shape
    s = max(1, 600 // max(na, nb))
    finite = np.isfinite(loss)
    v = loss.astype(float)
    with np.errstate(all="ignore"):
        if finite.any():
            lo, hi = v[finite].min(), v[finite].max()
            if lo > 0 and hi / lo > 1e3:
                v, lo, hi = np.log10(v), math.log10(lo), math.log10(hi)
            u = (v - lo) / (hi - lo) if hi > lo else np.full_like(v, 0.5)
        else:
            u = np.full_like(v, 0.5)
        u = np.where(loss == np.inf, 1.0, np.where(loss == -np.inf, 0.0, u))
        x = np.clip(np.nan_to_num(u, nan=0.0), 0.0, 1.0) * (len(stops) - 1)
    i = np.minimum(x.astype(int), len(stops) - 2)
    f = (x - i)[..., None]
    rgb = (stops[i] * (1 - f) + stops[i + 1] * f).round()
    rgb[np.isnan(loss)] = 128.0
    img = np.repeat(np.repeat(rgb.transpose(1, 0, 2)[::-1], s, axis=0), s, axis=1).astype(np.uint8)
    h, w = img.shape[:2]

    def pixels(points):
        """Pixel coordinates (a point may be any distance from a narrow range: beyond 1e9
        pixels it is moved in to 1e9, which changes no drawn direction visibly)."""
        pts = np.asarray(points, float).reshape(-1, 2)
        with np.errstate(all="ignore"):
            px = (pts[:, 0] - a[0]) / (a[-1] - a[0]) * (na - 1) * s + (s - 1) / 2
            py = h - 1 - ((pts[:, 1] - b[0]) / (b[-1] - b[0]) * (nb - 1) * s + (s - 1) / 2)
        return (np.clip(np.nan_to_num(px, posinf=1e9, neginf=-1e9), -1e9, 1e9),
                np.clip(np.nan_to_num(py, posinf=1e9, neginf=-1e9), -1e9, 1e9))

    if trajectory is not None and len(trajectory) > 1:
        pts = trajectory[np.isfinite(trajectory).all(axis=1)]
        pts = pts[np.unique(np.linspace(0, len(pts) - 1, min(len(pts), 5000)).round().astype(int))]
        px, py = pixels(pts)
        for segment in zip(px[:-1], py[:-1], px[1:], py[1:]):
            inside = _clip(*segment, w - 1, h - 1)
            if inside is not None:
                x0, y0, x1, y1 = inside
                n = max(2, int(2 * np.hypot(x1 - x0, y1 - y0)) + 1)
                img[np.linspace(y0, y1, n).round().astype(int), np.linspace(x0, x1, n).round().astype(int)] = 255
    cx, cy = (float(c[0]) for c in pixels([current]))
    if 0 <= cx <= w - 1 and 0 <= cy <= h - 1:
        cx, cy = round(cx), round(cy)
        img[max(cy - 2, 0):cy + 3, max(cx - 2, 0):cx + 3] = (194, 24, 91)
    raw = b"".join(b"\x00" + row.tobytes() for row in img)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def _clip(x0: float, y0: float, x1: float, y1: float, right: float, bottom: float):
    """The part of the segment inside [0, right] x [0, bottom] (Liang-Barsky), or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0), (dx, right - x0), (-dy, y0), (dy, bottom - y0)):
        if p == 0:
            if q < 0:
                return None
        elif p < 0:
            t0 = max(t0, q / p)
        else:
            t1 = min(t1, q / p)
    if t0 > t1:
        return None
    return x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy
