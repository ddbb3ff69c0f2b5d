"""The heat map: the loss over the two axes as an image, with contour lines, a colour
bar, and the paths on it (the trajectory with its start and current point, the fork,
the dashed look-ahead and the timeline's ring).

Drawing fast: every item is made once and then only gets ``setData`` / ``setImage``; the
image is row-major float32 with explicit levels, a 256-colour table and no NaN; the
contours are ``FastIsocurve`` items parented to the image.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPalette

from nnviz.gui.panels.surface.paths import clip_to_view, thin
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import cache_axes
from nnviz.gui.widgets.isocurve import FastIsocurve

CONTOURS = 9
TRAIL_SHOWN = 4000  # at most this many trajectory points are drawn (thinned, the recent ones all)
MARKERS_UP_TO = 250  # a dot on every step while the path has at most this many
TRAIL = "#ffffff"  # on the heat map (viridis): white path, magenta current point
GHOST = "#ff5cad"


def display_field(loss: np.ndarray, log: bool) -> tuple[np.ndarray, tuple[float, float]]:
    """The loss grid as the image shows it: float32, log10 if asked, every non-finite
    value clipped to the top of the scale (no NaN reaches the ImageItem), with levels."""
    loss = np.asarray(loss, dtype=np.float64)
    finite = np.isfinite(loss)
    if not finite.any():
        return np.zeros(loss.shape, np.float32), (0.0, 1.0)
    if log:
        positive = finite & (loss > 0)
        floor = float(loss[positive].min()) if positive.any() else 1e-12
        z = np.log10(np.where(positive, loss, floor))
        top = float(z[positive].max()) if positive.any() else math.log10(floor) + 1
        low = float(z.min())
    else:
        z = np.where(finite, loss, 0.0)
        low, top = float(loss[finite].min()), float(loss[finite].max())
    z[~finite] = top
    if not top - low > 1e-12 * max(1.0, abs(top)):
        top = low + max(1e-9, 1e-6 * abs(low))
    return z.astype(np.float32), (low, top)


class HeatMap:
    """The heat map's plot items, in row ``row`` of ``layout`` (the colour bar beside it)."""

    def __init__(self, layout: pg.GraphicsLayoutWidget, row: int = 0) -> None:
        self.plot = layout.addPlot(row=row, col=0, enableMenu=False)  # no menus built: they cost start-up time
        cache_axes(self.plot)
        self.plot.hideButtons()
        self.plot.getViewBox().disableAutoRange()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setAutoDownsample(False)
        self.plot.addItem(self.image)
        self.contours = []
        for _ in range(CONTOURS):
            iso = FastIsocurve(level=0.0, axisOrder="row-major")
            iso.setParentItem(self.image)
            self.contours.append(iso)
        self.colorbar = pg.ColorBarItem(colorMap=pal.SEQUENTIAL, interactive=False, width=12,
                                        colorMapMenu=False)
        self.colorbar.setImageItem(self.image)
        self.colorbar.getAxis("right").setWidth(52)
        self.colorbar.getAxis("right").enableAutoSIPrefix(False)
        # its own column, beside the heat map only: the plots below keep the same x extent
        layout.addItem(self.colorbar, row=row, col=1)
        cache_axes(self.colorbar)
        self.trail_item = pg.PlotDataItem()
        self.fork_item = pg.PlotDataItem()
        self.ghost_item = pg.PlotDataItem()
        self.start_item = pg.ScatterPlotItem(size=9, symbol="s")
        self.current_item = pg.ScatterPlotItem(size=12, symbol="o")
        self.timeline_item = pg.ScatterPlotItem(size=14, symbol="o")  # the iteration the timeline shows
        for item in (self.trail_item, self.fork_item, self.ghost_item, self.start_item, self.current_item,
                     self.timeline_item):
            self.plot.addItem(item)
        self.plot.getAxis("left").setWidth(52)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self.shown_path: np.ndarray | None = None  # the trajectory as drawn

    @property
    def view_box(self) -> pg.ViewBox:
        return self.plot.getViewBox()

    def show_grid(self, a: np.ndarray, b: np.ndarray, loss: np.ndarray, log: bool,
                  rng: tuple[float, float, float, float]) -> None:
        """The loss ``loss[i, j]`` at ``a[i]``, ``b[j]`` as the image, over the range ``rng``."""
        z, (low, top) = display_field(loss, log)
        image = np.ascontiguousarray(z.T)  # row-major: rows are b (y), columns a (x)
        self.image.setImage(image, autoLevels=False, levels=(low, top))
        self.colorbar.setLevels((low, top))
        da = (a[-1] - a[0]) / max(a.size - 1, 1)
        db = (b[-1] - b[0]) / max(b.size - 1, 1)
        self.image.setRect(QRectF(a[0] - da / 2, b[0] - db / 2, da * a.size, db * b.size))
        for iso, level in zip(self.contours, np.linspace(low, top, CONTOURS + 2)[1:-1]):
            iso.setData(image, level=float(level))
        a0, a1, b0, b1 = rng
        self.view_box.setRange(xRange=(a0, a1), yRange=(b0, b1), padding=0)

    def show_path(self, xy: np.ndarray, current: np.ndarray) -> None:
        """The trajectory (rows of x, y) with its start, and the current point."""
        shown = thin(xy, TRAIL_SHOWN)
        self.trail_item.setData(shown[:, 0], shown[:, 1])
        self.trail_item.setSymbol("o" if xy.shape[0] <= MARKERS_UP_TO else None)
        if xy.shape[0]:
            self.start_item.setData([xy[0, 0]], [xy[0, 1]])
        self.current_item.setData([current[0]], [current[1]])
        self.shown_path = xy

    def show_timeline(self, k: int | None) -> None:
        """A ring on the path at its point ``k`` (None: no ring)."""
        xy = self.shown_path
        if k is None or xy is None or not 0 <= k < xy.shape[0]:
            self.timeline_item.setData([], [])
        else:
            self.timeline_item.setData([xy[k, 0]], [xy[k, 1]])

    def show_fork(self, xy: np.ndarray, rng: tuple[float, float, float, float]) -> None:
        shown = clip_to_view(thin(xy, TRAIL_SHOWN), rng) if xy.shape[0] else xy
        self.fork_item.setData(shown[:, 0], shown[:, 1])

    def set_labels(self, x: str, y: str, log: bool, colour: QColor) -> None:
        self.plot.setLabel("bottom", x, color=colour.name())
        self.plot.setLabel("left", y, color=colour.name())
        self.colorbar.getAxis("right").setLabel("log₁₀ loss" if log else "loss", color=colour.name())

    def clear(self) -> None:
        self.image.clear()
        for iso in self.contours:
            iso.setData(None)
        for item in (self.trail_item, self.ghost_item, self.fork_item, self.start_item, self.current_item,
                     self.timeline_item):
            item.setData([], [])
        self.shown_path = None

    def recolour(self, p: QPalette) -> None:
        for plot in (self.plot, self.colorbar):
            pal.style_axes(plot, p, ("left", "bottom", "right", "top"))
        dark_edge = QColor("#202020")
        self.trail_item.setPen(pg.mkPen(TRAIL, width=1.6))
        self.trail_item.setSymbolSize(4)
        self.trail_item.setSymbolPen(pg.mkPen(dark_edge, width=0.6))
        self.trail_item.setSymbolBrush(pg.mkBrush(TRAIL))
        self.start_item.setPen(pg.mkPen(TRAIL, width=1.6))
        self.start_item.setBrush(pg.mkBrush(None))
        self.current_item.setPen(pg.mkPen("#ffffff", width=1.8))
        self.current_item.setBrush(pg.mkBrush(pal.HIGHLIGHT))
        self.timeline_item.setPen(pg.mkPen(pal.HIGHLIGHT, width=2.5))
        self.timeline_item.setBrush(pg.mkBrush(None))
        self.ghost_item.setPen(pg.mkPen(GHOST, width=2.2, style=Qt.PenStyle.DashLine))
        self.ghost_item.setSymbol("o")
        self.ghost_item.setSymbolSize(4)
        self.ghost_item.setSymbolPen(pg.mkPen(GHOST))
        self.ghost_item.setSymbolBrush(pg.mkBrush(GHOST))
        self.fork_item.setPen(pg.mkPen(pal.FORK_COLOURS[1], width=1.8))  # the bright one reads on viridis
        contour = QColor(255, 255, 255, 80)
        for iso in self.contours:
            iso.setPen(pg.mkPen(contour, width=1))
