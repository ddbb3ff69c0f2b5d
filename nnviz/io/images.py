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
        """Pixel coordinates, clipped far outside the picture (a point may be any distance
        away from a narrow range)."""
        pts = np.asarray(points, float).reshape(-1, 2)
        far = 8.0 * (w + h)
        with np.errstate(all="ignore"):
            px = (pts[:, 0] - a[0]) / (a[-1] - a[0]) * (na - 1) * s + (s - 1) / 2
            py = h - 1 - ((pts[:, 1] - b[0]) / (b[-1] - b[0]) * (nb - 1) * s + (s - 1) / 2)
        return (np.clip(np.nan_to_num(px, nan=-far, posinf=far, neginf=-far), -far, far),
                np.clip(np.nan_to_num(py, nan=-far, posinf=far, neginf=-far), -far, far))

    if trajectory is not None and len(trajectory) > 1:
        pts = trajectory[np.isfinite(trajectory).all(axis=1)]
        pts = pts[np.unique(np.linspace(0, len(pts) - 1, min(len(pts), 5000)).round().astype(int))]
        px, py = pixels(pts)
        steps = np.maximum(2, (np.hypot(np.diff(px), np.diff(py)).clip(max=4 * (w + h)) * 2).astype(int))
        for x0, x1, y0, y1, n in zip(px[:-1], px[1:], py[:-1], py[1:], steps):
            xs, ys = np.linspace(x0, x1, n).round().astype(int), np.linspace(y0, y1, n).round().astype(int)
            ok = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
            img[ys[ok], xs[ok]] = 255
    cx, cy = (int(round(float(c[0]))) for c in pixels([current]))
    if 0 <= cx < w and 0 <= cy < h:
        img[max(cy - 2, 0):cy + 3, max(cx - 2, 0):cx + 3] = (194, 24, 91)
    raw = b"".join(b"\x00" + row.tobytes() for row in img)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
