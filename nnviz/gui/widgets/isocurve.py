"""Contour lines fast enough to redraw during Play."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg


class FastIsocurve(pg.IsocurveItem):
    """An IsocurveItem whose path is built with vectorised marching squares: pyqtgraph's
    own loops over every cell in Python (~10 ms per level on a 101 x 101 grid), too slow
    to re-slice during Play. Segments are unconnected pairs, drawn as one path; points sit
    at pixel centres (index + 0.5), like pyqtgraph's, so the curve aligns with its image."""

    def generatePath(self) -> None:  # noqa: N802 (pyqtgraph naming)
        if self.data is None:
            self.path = None
            return
        d = self.data.T if self.axisOrder == "row-major" else self.data
        self.path = contour_path(d, self.level)


def contour_segments(d: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Marching squares on ``d`` (x index first): x, y of segment end points, in pairs."""
    d = np.asarray(d, dtype=np.float64)
    if d.ndim != 2 or min(d.shape) < 2:
        return np.empty(0), np.empty(0)
    corners = ((0, 1), (0, 0), (1, 0), (1, 1))  # cell corners in pyqtgraph's edge order
    vals = [d[i:d.shape[0] - 1 + i, j:d.shape[1] - 1 + j] for i, j in corners]
    below = [v < level for v in vals]
    edges = ((0, 1), (1, 2), (2, 3), (3, 0))  # each edge joins two corners
    cross = np.stack([below[a] != below[b] for a, b in edges], axis=-1)  # nx-1, ny-1, 4
    count = cross.sum(axis=-1)
    ii, jj = np.meshgrid(np.arange(d.shape[0] - 1), np.arange(d.shape[1] - 1), indexing="ij")
    px = np.empty(cross.shape)
    py = np.empty(cross.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k, (a, b) in enumerate(edges):
            va, vb = vals[a], vals[b]
            f = np.where(cross[..., k], (level - va) / (vb - va), 0.0)
            (ax, ay), (bx, by) = corners[a], corners[b]
            px[..., k] = ii + ax + (bx - ax) * f + 0.5
            py[..., k] = jj + ay + (by - ay) * f + 0.5
    xs, ys = [], []
    two = count == 2
    if two.any():
        order = np.argsort(~cross[two], axis=-1, kind="stable")[:, :2]
        cx, cy = px[two], py[two]
        rows = np.arange(order.shape[0])[:, None]
        xs.append(cx[rows, order].ravel())
        ys.append(cy[rows, order].ravel())
    four = count == 4
    if four.any():
        cx, cy = px[four], py[four]
        xs.append(cx.ravel())
        ys.append(cy.ravel())
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)


def contour_path(d: np.ndarray, level: float):
    x, y = contour_segments(d, level)
    return pg.arrayToQPath(x, y, connect="pairs")
