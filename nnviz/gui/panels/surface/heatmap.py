"""The heat map: the loss over the two axes as an image, with contour lines, a colour
bar, and the paths on it (the trajectory with its start and current point, an arrow on
each recent step — green and filled where it lowered the loss, red and hollow where it
raised it — the fork, the look-ahead drawn thin, dashed, with hollow rings, an arrow at
the edge where the look-ahead leaves the view, the line the cross-section follows, and
the timeline's ring). The current point can be dragged (``DraggablePoint``).

Drawing fast: every item is made once and then only gets ``setData`` / ``setImage``; the
image is row-major float32 with explicit levels, a 256-colour table and no NaN; the
contours are ``FastIsocurve`` items parented to the image.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPalette, QTransform

from nnviz.core.words import T_
from nnviz.gui.panels.surface.paths import clip_to_view, thin
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import cache_axes
from nnviz.gui.widgets.plot_data import clip_to_float32
from nnviz.gui.widgets.isocurve import FastIsocurve

CONTOURS = 9
TRAIL_SHOWN = 4000  # at most this many trajectory points are drawn (thinned, the recent ones all)
MARKERS_UP_TO = 250  # a dot on every step while the path has at most this many
TRAIL = "#ffffff"  # on the heat map (viridis): white path, magenta current point
GHOST = "#ff5cad"
ARROWS_SHOWN = 80  # the last this many steps get an arrow
ARROW_PX = (7, 12)  # an arrow head's size, pixels: 0.8 of its step's length within these
MIN_ARROW_STEP_PX = 6  # shorter steps get none (the head would hide them)
DOWN, UP = "#43d17a", "#ff4b4b"  # a step that lowered / raised the loss (with filled / hollow heads)
ARROW_ANGLES = 72  # directions the heads are drawn in (one symbol each, made once)


def _head(angle_deg: float) -> QPainterPath:
    """An arrow head pointing at ``angle_deg`` (screen degrees, y down), in the unit box
    that ScatterPlotItem scales to the symbol size."""
    path = QPainterPath()
    path.moveTo(0.5, 0.0)
    path.lineTo(-0.5, -0.38)
    path.lineTo(-0.25, 0.0)
    path.lineTo(-0.5, 0.38)
    path.closeSubpath()
    return QTransform().rotate(angle_deg).map(path)


HEADS = [_head(360.0 * k / ARROW_ANGLES) for k in range(ARROW_ANGLES)]


def screen_angles(d: np.ndarray, scale: tuple[float, float]) -> np.ndarray:
    """Screen angles in degrees (y down) of data vectors ``d`` (rows dx, dy) drawn with
    ``scale`` = pixels per unit along x and y."""
    return np.degrees(np.arctan2(-d[:, 1] * scale[1], d[:, 0] * scale[0]))


def step_arrows(xy: np.ndarray, losses: np.ndarray, scale: tuple[float, float]) -> list[tuple]:
    """One (x, y, screen angle, lowered, size) per step of the path ``xy`` (rows) whose
    losses at its two ends are known (``losses`` aligned with the rows, NaN where not)
    and that is at least MIN_ARROW_STEP_PX long on screen: the head at the step's middle,
    0.8 of the step long (within ARROW_PX)."""
    if xy.shape[0] < 2:
        return []
    d = np.diff(xy, axis=0)
    mid = xy[:-1] + 0.5 * d
    with np.errstate(all="ignore"):
        length = np.hypot(d[:, 0] * scale[0], d[:, 1] * scale[1])
        change = np.diff(losses)
    keep = np.isfinite(change) & (length >= MIN_ARROW_STEP_PX) & np.isfinite(mid).all(axis=1)
    angles = screen_angles(d, scale)
    sizes = np.clip(np.round(0.8 * length), *ARROW_PX)
    return [(mid[k, 0], mid[k, 1], angles[k], change[k] < 0, int(sizes[k])) for k in np.flatnonzero(keep)]


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
    z = clip_to_float32(z)
    low, top = float(clip_to_float32(low)), float(clip_to_float32(top))
    if not top - low > 1e-12 * max(1.0, abs(top)):
        top = low + max(1e-9, 1e-6 * abs(low))
    return z.astype(np.float32), (low, top)


def colorbar_label(log: bool) -> str:
    return T_("HeatMap", "log₁₀ loss") if log else T_("HeatMap", "loss")


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
        self.section_line = pg.PlotDataItem()  # where the cross-section cuts
        self.before_item = pg.PlotDataItem()  # the path before the point was put somewhere by hand
        self.trail_item = pg.PlotDataItem()
        # each fork (by its slot): its path over a dark edge (it reads on every colour of the
        # map), and a dot where it stands now
        self.fork_edges = [pg.PlotDataItem() for _ in pal.FORK_COLOURS]
        self.fork_items = [pg.PlotDataItem() for _ in pal.FORK_COLOURS]
        self.fork_ends = [pg.ScatterPlotItem(size=10, symbol="o") for _ in pal.FORK_COLOURS]
        self.ghost_item = pg.PlotDataItem()
        self.arrows = pg.ScatterPlotItem(pxMode=True)
        self.start_item = pg.ScatterPlotItem(size=9, symbol="s")
        self.current_item = DraggablePoint(size=13, symbol="o")
        self.timeline_item = pg.ScatterPlotItem(size=14, symbol="o")  # the iteration the timeline shows
        self.edge_arrow = pg.ArrowItem(pxMode=True, headLen=16, tailLen=12, tailWidth=4, tipAngle=40)
        self.edge_arrow.setVisible(False)
        # the forks over the main path: thinner than it, so that its dots still show where they run together
        for item in (self.section_line, self.before_item, self.trail_item, *self.fork_edges, *self.fork_items,
                     *self.fork_ends, self.ghost_item, self.arrows, self.start_item, self.current_item,
                     self.timeline_item):
            self.plot.addItem(item)
        self.plot.addItem(self.edge_arrow, ignoreBounds=True)
        self.edge_arrow.setZValue(30)
        self.current_item.setZValue(20)
        self._arrows: tuple[np.ndarray, np.ndarray] | None = None  # the path and losses the arrows are for
        self._arrow_style = None
        self.plot.getAxis("left").setWidth(52)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self.shown_path: np.ndarray | None = None  # the trajectory as drawn

    @property
    def view_box(self) -> pg.ViewBox:
        return self.plot.getViewBox()

    def show_grid(self, a: np.ndarray, b: np.ndarray, loss: np.ndarray, log: bool,
                  rng: tuple[float, float, float, float] | None) -> None:
        """The loss ``loss[i, j]`` at ``a[i]``, ``b[j]`` as the image, and the view over the
        range ``rng`` (None: the view stays where it is)."""
        z, (low, top) = display_field(loss, log)
        image = np.ascontiguousarray(z.T)  # row-major: rows are b (y), columns a (x)
        self.image.setImage(image, autoLevels=False, levels=(low, top))
        self.colorbar.setLevels((low, top))
        da = (a[-1] - a[0]) / max(a.size - 1, 1)
        db = (b[-1] - b[0]) / max(b.size - 1, 1)
        self.image.setRect(QRectF(a[0] - da / 2, b[0] - db / 2, da * a.size, db * b.size))
        for iso, level in zip(self.contours, np.linspace(low, top, CONTOURS + 2)[1:-1]):
            iso.setData(image, level=float(level))
        if rng is not None:
            self.show_range(rng)

    def show_range(self, rng: tuple[float, float, float, float]) -> None:
        a0, a1, b0, b1 = rng
        self.view_box.setRange(xRange=(a0, a1), yRange=(b0, b1), padding=0)

    def show_path(self, xy: np.ndarray, current: np.ndarray, before: np.ndarray | None = None) -> None:
        """The trajectory (rows of x, y) with its start, and the current point; ``before``:
        the path up to where the point was put by hand (drawn faint), ``xy`` from there."""
        shown = thin(xy, TRAIL_SHOWN)
        self.trail_item.setData(shown[:, 0], shown[:, 1])
        self.trail_item.setSymbol("o" if xy.shape[0] <= MARKERS_UP_TO else None)
        old = thin(before, TRAIL_SHOWN) if before is not None and before.shape[0] else np.empty((0, 2))
        self.before_item.setData(old[:, 0], old[:, 1])
        if xy.shape[0]:
            self.start_item.setData([xy[0, 0]], [xy[0, 1]])
        self.current_item.setData([current[0]], [current[1]])
        self.shown_path = xy

    def pixel_scale(self) -> tuple[float, float]:
        """Pixels per unit along x and y in the view now."""
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        vb = self.view_box
        return vb.width() / max(x1 - x0, 1e-300), vb.height() / max(y1 - y0, 1e-300)

    def show_arrows(self, xy: np.ndarray | None = None, losses: np.ndarray | None = None) -> None:
        """An arrow on each of the last ARROWS_SHOWN steps of ``xy`` (rows) whose losses
        are known (``losses`` aligned with the rows); None: again for the view now (after
        a resize or a new range)."""
        if xy is not None:
            n = min(xy.shape[0], ARROWS_SHOWN + 1)
            self._arrows = (xy[-n:], np.asarray(losses, dtype=np.float64)[-n:])
        if self._arrows is None or self._arrow_style is None:
            return
        down_pen, down_brush, up_pen, up_brush = self._arrow_style
        spots = []
        for x, y, angle, lowered, size in step_arrows(*self._arrows, self.pixel_scale()):
            k = int(round(angle / (360.0 / ARROW_ANGLES))) % ARROW_ANGLES
            spots.append({"pos": (x, y), "symbol": HEADS[k], "size": size,
                          "pen": down_pen if lowered else up_pen, "brush": down_brush if lowered else up_brush,
                          "data": bool(lowered)})
        self.arrows.setData(spots)

    def show_edge_arrow(self, where: tuple[float, float, float] | None) -> None:
        """An arrow at (x, y) pointing along the screen angle (degrees, y down) where the
        look-ahead leaves the view; None hides it."""
        if where is None:
            self.edge_arrow.setVisible(False)
            return
        x, y, angle = where
        self.edge_arrow.setStyle(angle=angle + 180.0)  # pyqtgraph's arrow points left at 0
        self.edge_arrow.setPos(x, y)
        self.edge_arrow.setVisible(True)

    def show_section_line(self, xy: np.ndarray) -> None:
        """The line the cross-section follows (two or more points; empty: none)."""
        if xy.shape[0]:
            self.section_line.setData(xy[:, 0], xy[:, 1])
        else:
            self.section_line.setData([], [])

    def show_timeline(self, k: int | None) -> None:
        """A ring on the path at its point ``k`` (None: no ring)."""
        xy = self.shown_path
        if k is None or xy is None or not 0 <= k < xy.shape[0]:
            self.timeline_item.setData([], [])
        else:
            self.timeline_item.setData([xy[k, 0]], [xy[k, 1]])

    def show_fork(self, slot: int, xy: np.ndarray, rng: tuple[float, float, float, float] | None) -> None:
        """The path of the fork in ``slot`` (rows of x, y; empty: none) and its last point."""
        shown = clip_to_view(thin(xy, TRAIL_SHOWN), rng) if xy.shape[0] and rng is not None else xy
        for item in (self.fork_edges[slot], self.fork_items[slot]):
            item.setData(shown[:, 0], shown[:, 1])
        self.fork_ends[slot].setData(xy[-1:, 0], xy[-1:, 1])

    def set_labels(self, x: str, y: str, log: bool, colour: QColor) -> None:
        self.plot.setLabel("bottom", x, color=colour.name())
        self.plot.setLabel("left", y, color=colour.name())
        self.colorbar.getAxis("right").setLabel(colorbar_label(log), color=colour.name())

    def clear(self) -> None:
        self.image.clear()
        for iso in self.contours:
            iso.setData(None)
        for item in (self.trail_item, self.before_item, self.ghost_item, *self.fork_edges, *self.fork_items,
                     *self.fork_ends, self.start_item, self.current_item, self.timeline_item, self.section_line,
                     self.arrows):
            item.setData([], [])
        self.edge_arrow.setVisible(False)
        self._arrows = None
        self.shown_path = None

    def recolour(self, p: QPalette) -> None:
        for plot in (self.plot, self.colorbar):
            pal.style_axes(plot, p, ("left", "bottom", "right", "top"))
        dark_edge = QColor("#202020")
        # the path: solid, heavier, filled dots; the look-ahead: thin, dashed, hollow rings
        self.trail_item.setPen(pg.mkPen(TRAIL, width=2.2))
        self.trail_item.setSymbolSize(5)
        self.trail_item.setSymbolPen(pg.mkPen(dark_edge, width=0.6))
        self.trail_item.setSymbolBrush(pg.mkBrush(TRAIL))
        self.before_item.setPen(pg.mkPen(QColor(255, 255, 255, 90), width=1.2))
        self.section_line.setPen(pg.mkPen(QColor(255, 255, 255, 120), width=1, style=Qt.PenStyle.DotLine))
        self._arrow_style = (pg.mkPen(dark_edge, width=0.8), pg.mkBrush(DOWN), pg.mkPen(UP, width=2.0),
                             pg.mkBrush(None))
        self.show_arrows()
        self.start_item.setPen(pg.mkPen(TRAIL, width=1.6))
        self.start_item.setBrush(pg.mkBrush(None))
        self.current_item.setPen(pg.mkPen("#ffffff", width=1.8))
        self.current_item.setBrush(pg.mkBrush(pal.HIGHLIGHT))
        self.timeline_item.setPen(pg.mkPen(pal.HIGHLIGHT, width=2.5))
        self.timeline_item.setBrush(pg.mkBrush(None))
        self.ghost_item.setPen(pg.mkPen(GHOST, width=1.3, style=Qt.PenStyle.DashLine))
        self.ghost_item.setSymbol("o")
        self.ghost_item.setSymbolSize(6)
        self.ghost_item.setSymbolPen(pg.mkPen(GHOST, width=1.3))
        self.ghost_item.setSymbolBrush(pg.mkBrush(None))
        self.edge_arrow.setStyle(pen=pg.mkPen(dark_edge, width=1), brush=pg.mkBrush(GHOST))
        for edge, item, end, (_, bright) in zip(self.fork_edges, self.fork_items, self.fork_ends, pal.FORK_COLOURS):
            edge.setPen(pg.mkPen(QColor(0, 0, 0, 140), width=3.6))
            item.setPen(pg.mkPen(bright, width=1.9))  # the bright ones read on viridis
            end.setPen(pg.mkPen(dark_edge, width=1.2))
            end.setBrush(pg.mkBrush(bright))
        contour = QColor(255, 255, 255, 80)
        for iso in self.contours:
            iso.setPen(pg.mkPen(contour, width=1))


class DraggablePoint(pg.ScatterPlotItem):
    """The current point: drag it with the left button and ``on_drag(x, y, first)`` hears
    each position (``first`` for the first of a drag); a drag that does not start on the
    point pans the view as before."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_drag: Callable[[float, float, bool], None] | None = None
        self.dragging = False

    def mouseDragEvent(self, ev) -> None:  # noqa: N802
        if ev.button() != Qt.MouseButton.LeftButton or self.on_drag is None:
            ev.ignore()
            return
        if ev.isStart():
            if not len(self.pointsAt(ev.buttonDownPos())):
                ev.ignore()
                return
            self.dragging = True
        elif not self.dragging:
            ev.ignore()
            return
        ev.accept()
        pos: QPointF = ev.pos()
        self.on_drag(pos.x(), pos.y(), ev.isStart())
        if ev.isFinish():
            self.dragging = False
