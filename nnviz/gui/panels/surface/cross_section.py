"""The cross-section under the heat map: the loss along a line through the current point
— the first axis (the second at its current value), or the steepest eigen-direction of
the curvature over the two axes, where a zig-zag shows as bounces from wall to wall —
with the steps taken drawn as jumps between the losses they reached, the fork's steps,
the look-ahead's losses and the current point."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from nnviz.core.analysis import surface
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, T_
from nnviz.gui.panels.surface.heatmap import GHOST, MARKERS_UP_TO
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.plot_data import set_series
from nnviz.gui.widgets.axes import CompactLossAxis, cache_axes

POINTS = 201
ALONG = (("x", N_("SurfaceControls", "Cross-section along x")),
         ("steep", N_("SurfaceControls", "Cross-section along the steepest direction")))


def line_values(trainer: Trainer, origin: np.ndarray, direction: np.ndarray, s: np.ndarray) -> np.ndarray:
    """The loss at ``origin + s[i] * direction`` (flat parameter vectors)."""
    return surface.plane_grid(trainer, origin, direction, np.zeros_like(direction), s, np.array([0.0]))[:, 0]


def line_span(centre: np.ndarray, u: np.ndarray, rng: tuple[float, float, float, float]) -> tuple[float, float]:
    """The values of s for which ``centre + s * u`` (2-vectors, ``u`` a unit vector) stays
    in ``rng``; a span as wide as the range around s = 0 when ``centre`` lies outside it."""
    a0, a1, b0, b1 = rng
    lo, hi = -np.inf, np.inf
    for c, d, low, high in ((centre[0], u[0], a0, a1), (centre[1], u[1], b0, b1)):
        if abs(d) > 1e-12:
            t0, t1 = sorted(((low - c) / d, (high - c) / d))
            lo, hi = max(lo, t0), min(hi, t1)
    if not (np.isfinite(lo) and np.isfinite(hi) and hi > lo and lo <= 0 <= hi):
        half = 0.5 * max(a1 - a0, b1 - b0)
        return -half, half
    return float(lo), float(hi)


def section_values(trainer: Trainer, axes: tuple[str, str], plane: tuple | None,
                   xs: np.ndarray, y: float) -> np.ndarray:
    """The loss along ``xs`` on the first axis, the second at ``y`` (on the plane
    ``plane`` = (origin, d1, d2) when given)."""
    if plane is not None:
        return surface.plane_grid(trainer, *plane, xs, np.array([y]))[:, 0]
    return surface.loss_grid(trainer, axes[0], axes[1], xs, np.array([y]))[:, 0]


class CrossSection:
    """The cross-section's plot items, in row ``row`` of ``layout``, its x linked to ``link``."""

    def __init__(self, layout: pg.GraphicsLayoutWidget, row: int, link: pg.PlotItem) -> None:
        self.plot = layout.addPlot(row=row, col=0, axisItems={"left": CompactLossAxis("left")}, enableMenu=False)
        self.plot.hideButtons()
        cache_axes(self.plot)
        self.link = link
        self.plot.setXLink(link)
        self.along = "x"
        vb = self.plot.getViewBox()
        vb.enableAutoRange(axis="y")
        vb.setAutoVisible(y=True)
        self.log = False
        self.curve = pg.PlotDataItem()
        self.steps = pg.PlotDataItem()
        self.forks = [pg.PlotDataItem() for _ in pal.FORK_COLOURS]  # by slot
        self.ghost = pg.PlotDataItem()
        self.current = pg.PlotDataItem(pen=None, symbol="o", symbolSize=10)  # follows log mode
        self.plot.addItem(self.curve)
        self.plot.addItem(self.steps)
        for item in self.forks:
            self.plot.addItem(item, ignoreBounds=True)
        self.plot.addItem(self.ghost, ignoreBounds=True)
        self.plot.addItem(self.current)
        self.plot.getAxis("left").setWidth(52)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)

    @property
    def view_box(self) -> pg.ViewBox:
        return self.plot.getViewBox()

    def set_along(self, along: str) -> bool:
        """Along the first axis (its x linked to the heat map's) or the steepest direction
        (its own x: the distance from the current point); True when that changed."""
        if along == self.along:
            return False
        self.along = along
        vb = self.view_box
        if along == "x":
            self.plot.setXLink(self.link)
        else:
            self.plot.setXLink(None)
            vb.enableAutoRange(axis="x")
        return True

    def set_log(self, on: bool) -> None:
        self.log = on
        self.plot.setLogMode(x=False, y=on)

    def for_y_axis(self, y: np.ndarray) -> np.ndarray:
        """Values for the plot: no infinities; gaps where the log has none."""
        y = np.asarray(y, dtype=np.float64)
        bad = ~np.isfinite(y)
        if self.log:
            bad |= ~(y > 0)
        if bad.any():
            y = np.where(bad, np.nan, y)
        return y

    def _show(self, item: pg.PlotDataItem, x, y) -> None:
        """``item`` over (x, y) as the y axis can draw them."""
        set_series(item, x, self.for_y_axis(y))

    def show_curve(self, xs: np.ndarray, ys: np.ndarray) -> None:
        self._show(self.curve, xs, ys)

    def show_steps(self, x: np.ndarray, losses: np.ndarray) -> None:
        self._show(self.steps, x, losses)
        self.steps.setSymbol("o" if x.size <= MARKERS_UP_TO else None)

    def show_current(self, x: float, loss: float) -> None:
        self._show(self.current, [x], [loss])

    def show_fork(self, slot: int, x: np.ndarray, losses: np.ndarray) -> None:
        self._show(self.forks[slot], x, losses)

    def show_ghost(self, x: np.ndarray, losses: np.ndarray) -> None:
        self._show(self.ghost, x, losses)

    def set_labels(self, x: str, colour: QColor) -> None:
        """``x`` names the first axis; along the steepest direction the label says so."""
        if self.along == "steep":
            x = T_("CrossSection", "steepest direction: distance from here")
        self.plot.setLabel("bottom", x, color=colour.name())
        self.plot.setLabel("left", T_("CrossSection", "loss"), color=colour.name())

    def clear(self) -> None:
        for item in (self.curve, self.steps, self.ghost, *self.forks, self.current):
            item.setData([], [])

    def recolour(self, p: QPalette) -> None:
        dark = pal.is_dark(p)
        pal.style_axes(self.plot, p, ("left", "bottom", "right", "top"))
        self.curve.setPen(pg.mkPen(QColor(pal.LOSS_COLOURS[dark]), width=2))
        steps = QColor(pal.text_color(p))  # the steps taken: solid, heavier, filled dots
        self.steps.setPen(pg.mkPen(steps, width=1.6))
        self.steps.setSymbolSize(5)
        self.steps.setSymbolPen(pg.mkPen(steps))
        self.steps.setSymbolBrush(pg.mkBrush(steps))
        ghost = QColor(pal.HIGHLIGHT if not dark else GHOST)  # the look-ahead: thin, dashed, hollow rings
        self.ghost.setPen(pg.mkPen(ghost, width=1.2, style=Qt.PenStyle.DashLine))
        self.ghost.setSymbol("o")
        self.ghost.setSymbolSize(6)
        self.ghost.setSymbolPen(pg.mkPen(ghost, width=1.3))
        self.ghost.setSymbolBrush(pg.mkBrush(None))
        for item, colours in zip(self.forks, pal.FORK_COLOURS):
            item.setPen(pg.mkPen(QColor(colours[dark]), width=1.6))
        self.current.setSymbolPen(pg.mkPen(pal.canvas_background(p), width=1.5))
        self.current.setSymbolBrush(pg.mkBrush(pal.HIGHLIGHT))
