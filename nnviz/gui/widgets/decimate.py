"""Long curves drawn pixel by pixel: where a curve has more points than its plot has
pixels across, each pixel's run of points is drawn as its largest and its smallest value,
so that an oscillation — a loss that saw-tooths at a learning rate between the marks —
keeps its full height however long the history, instead of being averaged or thinned
away. The first and the last point are always drawn: the line reaches the newest
iteration."""

from __future__ import annotations

import bisect
import math

import numpy as np
import pyqtgraph as pg


def minmax(x: np.ndarray, y: np.ndarray, lo: float, hi: float, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """The points of the curve (``x`` increasing) to draw between ``x = lo`` and ``hi`` on
    ``bins`` pixels: every one when there are at most 2 · ``bins`` (with a neighbour past
    each edge, so that the line reaches it); else, per pixel's run, its largest and
    smallest ``y`` (NaN where all of the run is NaN: a gap), and the run's last point
    last."""
    n = x.shape[0]
    i0 = max(bisect.bisect_left(x, lo) - 1, 0)
    i1 = min(bisect.bisect_right(x, hi) + 1, n)
    xs, ys = x[i0:i1], y[i0:i1]
    bins = max(int(bins), 1)
    if xs.shape[0] <= 2 * bins:
        return xs, ys
    per = math.ceil(xs.shape[0] / bins)
    starts = np.arange(0, xs.shape[0], per)
    with np.errstate(all="ignore"):
        top, bottom = np.fmax.reduceat(ys, starts), np.fmin.reduceat(ys, starts)
    out_x = np.empty(2 * starts.shape[0] + 2)
    out_y = np.empty_like(out_x)
    out_x[0], out_y[0] = xs[0], ys[0]
    out_x[1:-1:2] = out_x[2:-1:2] = xs[starts]
    out_y[1:-1:2], out_y[2:-1:2] = top, bottom
    out_x[-1], out_y[-1] = xs[-1], ys[-1]
    return out_x, out_y


class DecimatedCurve:
    """A PlotDataItem that keeps its whole curve and draws ``minmax`` of it for the view
    box ``view``'s x-range and width (all of the curve while the view follows it)."""

    def __init__(self, item: pg.PlotDataItem, view: pg.ViewBox) -> None:
        self.item, self.view = item, view
        self.x = np.empty(0)
        self.y = np.empty(0)
        self._drawn = None  # what the drawn points were made for
        view.sigXRangeChanged.connect(lambda *args: self.redraw())
        view.sigResized.connect(lambda *args: self.redraw())

    def set_data(self, x, y) -> None:
        self.x = np.asarray(x, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)
        self._drawn = None
        self.redraw()

    def redraw(self) -> None:
        n = self.x.shape[0]
        if n == 0:
            if self._drawn != 0:
                self.item.setData([], [])
                self._drawn = 0
            return
        if self.view.autoRangeEnabled()[0]:
            lo, hi = float(self.x[0]), float(self.x[-1])
        else:
            lo, hi = self.view.viewRange()[0]
        bins = max(int(self.view.width()), 1)
        key = (n, lo, hi, bins)
        if key == self._drawn:
            return
        self._drawn = key
        self.item.setData(*minmax(self.x, self.y, lo, hi, bins))
