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
    """Marching squares on ``d`` (x index first): x, y of segment end points, in pairs.
    Only the cells the level crosses are interpolated (a few percent of a smooth grid)."""
    d = np.asarray(d, dtype=np.float64)
    if d.ndim != 2 or min(d.shape) < 2:
        return np.empty(0), np.empty(0)
    corners = ((0, 1), (0, 0), (1, 0), (1, 1))  # cell corners in pyqtgraph's edge order
    below = d < level
    low = [below[i:d.shape[0] - 1 + i, j:d.shape[1] - 1 + j] for i, j in corners]
    edges = ((0, 1), (1, 2), (2, 3), (3, 0))  # each edge joins two corners
    cross = np.stack([low[a] != low[b] for a, b in edges], axis=-1)  # nx-1, ny-1, 4
    ii, jj = np.nonzero(cross.any(axis=-1))  # the cells the level crosses (2 or 4 edges)
    if ii.size == 0:
        return np.empty(0), np.empty(0)
    cross = cross[ii, jj]  # cells x 4
    vals = [d[ii + ci, jj + cj] for ci, cj in corners]
    px = np.empty(cross.shape)
    py = np.empty(cross.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k, (a, b) in enumerate(edges):
            va, vb = vals[a], vals[b]
            f = np.where(cross[:, k], (level - va) / (vb - va), 0.0)
            (ax, ay), (bx, by) = corners[a], corners[b]
            px[:, k] = ii + ax + (bx - ax) * f + 0.5
            py[:, k] = jj + ay + (by - ay) * f + 0.5
    count = cross.sum(axis=-1)
    xs, ys = [], []
    two = count == 2
    if two.any():
        order = np.argsort(~cross[two], axis=-1, kind="stable")[:, :2]
        rows = np.arange(order.shape[0])[:, None]
        xs.append(px[two][rows, order].ravel())
        ys.append(py[two][rows, order].ravel())
    four = count == 4
    if four.any():
        xs.append(px[four].ravel())
        ys.append(py[four].ravel())
    return np.concatenate(xs), np.concatenate(ys)


def contour_path(d: np.ndarray, level: float):
    x, y = contour_segments(d, level)
    return pg.arrayToQPath(x, y, connect="pairs")
