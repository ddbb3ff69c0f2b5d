"""The decision boundary: the network's output over the input plane, for 2-input data.

A heat map of the output on a GRID x GRID grid over the data's range (with a margin),
the data points on top, coloured by their targets, and the points of the current
(mini-)batch ringed in the highlight colour.

- One output on 0/1 (classification) data: two regions in the canvas's blue (output
  below 0.5) and orange (at or above it), readable from the boundary on and deeper
  further from it, with a 0.5 contour marking the decision boundary (where the
  trainer's accuracy changes its call).
- One output on other data: the output value on the diverging map, centred at 0.5 for
  a sigmoid output (levels 0..1), at 0 for tanh (-1..1) and for linear/ReLU outputs
  (symmetric about 0, as far as the outputs and targets reach).
- Several outputs: the arg-max class, each class its own tint; the points in the full
  class colours.
- Other input counts: a note that the view needs 2 inputs.

The grid is one vectorised forward pass. Drawing fast: items are made once and only get
``setData`` / ``setImage`` (row-major float32, explicit levels, a 256-colour table, no
NaN); redraws are throttled to at most 10 a second while Play runs (the last request
wins). When the timeline shows a past iteration, the map shows the network as it was.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget

from nnviz.core.words import fill
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import cache_axes
from nnviz.gui.widgets.plot_data import clip_to_float32
from nnviz.gui.widgets.isocurve import FastIsocurve
from nnviz.gui.widgets.session_view import SessionView

GRID = 120
MARGIN = 0.12  # of the data's extent, on each side
REFRESH_MS = 100  # at most 10 redraws a second
# Class colours for several outputs: colour-blind-friendly (Okabe-Ito), blue and orange first.
CLASS_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999")
TINT = 0.45  # how strongly a class tints the background (the rest is the canvas colour)


class BoundaryPanel(SessionView, QWidget):
    """A dock's content: the output of the network over the input plane."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("boundaryPanel")
        self._x = np.empty(0)
        self._y = np.empty(0)
        self._z = np.empty((0, 0))
        self._points: np.ndarray | None = None  # the grid's points, (GRID*GRID) x 2
        self._mode = "single"  # "single" (one output) or "classes"
        self._levels = (0.0, 1.0)
        self._points_key = None  # what the data points were drawn for

        self.note = QLabel()
        self.note.setObjectName("boundaryNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)

        self.plot = pg.PlotWidget(enableMenu=False)  # no menus built: they cost start-up time
        self.plot.setObjectName("boundaryPlot")
        self.plot.setMinimumSize(200, 180)
        pi = self.plot.getPlotItem()
        cache_axes(pi)
        pi.hideButtons()
        pi.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setAutoDownsample(False)
        pi.addItem(self.image)
        self.contour = FastIsocurve(level=0.5, axisOrder="row-major")
        self.contour.setParentItem(self.image)
        self.points_item = pg.ScatterPlotItem(size=11, symbol="o", pxMode=True)
        self.batch_item = pg.ScatterPlotItem(size=17, symbol="o", pxMode=True, brush=None)
        pi.addItem(self.points_item)
        pi.addItem(self.batch_item)
        self.points_item.setZValue(10)
        self.batch_item.setZValue(11)
        self.caption = QLabel()
        self.caption.setObjectName("boundaryCaption")
        self.caption.setContentsMargins(6, 2, 6, 2)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        page = QWidget()
        inner = QVBoxLayout(page)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(0)
        inner.addWidget(self.caption)
        inner.addWidget(self.plot, 1)
        self.stack = QStackedLayout()
        self.stack.addWidget(page)
        self.stack.addWidget(self.note)
        self._page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.stack)

        self._throttle = self.throttle(self.refresh, REFRESH_MS)
        self._apply_colours()
        self._on_trainer_replaced()

    @property
    def available(self) -> bool:
        return self.session.trainer.network.sizes[0] == 2

    def _on_trainer_replaced(self) -> None:
        t = self.session.trainer
        if not self.available:
            self.note.setText(fill(self.tr("The decision boundary needs 2 inputs: this network has %1."), t.network.sizes[0]))
            self.stack.setCurrentWidget(self.note)
            self._points = None
            self._x, self._y, self._z = np.empty(0), np.empty(0), np.empty((0, 0))
            return
        self.stack.setCurrentWidget(self._page)
        x = t.dataset.inputs
        lo, hi = x.min(axis=0), x.max(axis=0)
        span = hi - lo
        pad = np.where(span > 1e-9, MARGIN * span, 0.5)  # one point (or a line): half a unit around it
        lo, hi = lo - pad, hi + pad
        self._x = np.linspace(lo[0], hi[0], GRID)
        self._y = np.linspace(lo[1], hi[1], GRID)
        gx, gy = np.meshgrid(self._x, self._y)  # rows: y, columns: x
        self._points = np.column_stack([gx.ravel(), gy.ravel()])
        n_out = t.network.sizes[-1]
        self._mode = "single" if n_out == 1 else "classes"
        dx = (self._x[-1] - self._x[0]) / (GRID - 1)
        dy = (self._y[-1] - self._y[0]) / (GRID - 1)
        self._rect = QRectF(self._x[0] - dx / 2, self._y[0] - dy / 2, dx * GRID, dy * GRID)
        self.plot.getPlotItem().getViewBox().setRange(xRange=(self._x[0], self._x[-1]),
                                                     yRange=(self._y[0], self._y[-1]), padding=0)
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", self._input_name(0))
        pi.setLabel("left", self._input_name(1))
        self._apply_colours()
        self.refresh()

    def _input_name(self, j: int) -> str:
        names = self.session.trainer.network.neuron_names
        return names[0][j] if names else f"x{j + 1}"

    def _on_state_changed(self) -> None:
        if self._points is None:
            return
        # Single steps show at once; while Play uses every frame, at most 10 redraws a second.
        self.redraw(self._throttle, REFRESH_MS)

    _on_timeline_changed = _on_state_changed

    # ------------------------------------------------------------------ maths
    def _outputs(self) -> np.ndarray:
        return self.session.trainer.network.forward(self._points, *self.session.display_parameters())

    def grid_values(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, y, z): the grid's x (GRID) and y (GRID) values and the drawn field z
        (GRID x GRID, row j at y[j], column i at x[i]): the output for one output, the
        arg-max class for several. Brings a pending redraw forward."""
        self._throttle.flush()
        return self._x, self._y, self._z

    def batch_indices(self) -> np.ndarray:
        """The data rows ringed as the current batch (empty for full-batch training)."""
        v = self.session.trainer.values
        if v.batch is None or self.session.viewing_past:
            return np.empty(0, dtype=np.intp)
        return np.asarray(v.batch, dtype=np.intp)

    # ---------------------------------------------------------------- drawing
    def refresh(self) -> None:
        if self._points is None:
            return
        t = self.session.trainer
        out = self._outputs()
        out = np.nan_to_num(out, nan=0.0, posinf=1e6, neginf=-1e6)
        out = clip_to_float32(out)  # the image is float32: a larger output is its end colour
        if self._mode == "single":
            z = out[:, 0].reshape(GRID, GRID)
            self._levels = self._single_levels(z)
            level = 0.5  # the trainer's accuracy calls an output >= 0.5 class 1, whatever the activation
            show_contour = bool(t.dataset.is_classification and z.min() < level < z.max())
            self.contour.setVisible(show_contour)
            image = np.ascontiguousarray(z, dtype=np.float32)
            self.image.setImage(image, autoLevels=False, levels=self._levels)
            if show_contour:
                self.contour.setData(image, level=level)
        else:
            z = out.argmax(axis=1).reshape(GRID, GRID).astype(np.float64)
            k = t.network.sizes[-1]
            self._levels = (-0.5, k - 0.5)  # class c sits in the middle of its share of the table
            self.contour.setVisible(False)
            image = np.ascontiguousarray(z, dtype=np.float32)
            self.image.setImage(image, autoLevels=False, levels=self._levels)
        self.image.setRect(self._rect)  # after setImage: the rect maps the image's pixels
        self._z = z
        self._update_points()
        self._update_caption()

    def _two_classes(self) -> bool:
        """One output on 0/1 data: two classes, told apart at 0.5."""
        return self._mode == "single" and self.session.trainer.dataset.is_classification

    def _single_levels(self, z: np.ndarray) -> tuple[float, float]:
        t = self.session.trainer
        name = t.network.activations[-1].name
        if self._two_classes():  # centred on the 0.5 line, reaching as far as the outputs can
            reach = {"sigmoid": 0.5, "tanh": 1.5}.get(name) or max(float(np.abs(z - 0.5).max()), 0.5)
            return 0.5 - reach, 0.5 + reach
        if name == "sigmoid":
            return 0.0, 1.0
        if name == "tanh":
            return -1.0, 1.0
        reach = max(float(np.abs(z).max()), float(np.abs(t.dataset.targets).max()), 1e-9)
        return -reach, reach

    def _point_brushes(self) -> list:
        t = self.session.trainer
        targets = t.dataset.targets
        if self._mode == "classes":
            colours = [CLASS_COLOURS[c % len(CLASS_COLOURS)] for c in targets.argmax(axis=1)]
        else:
            low, high = self._levels
            f = np.clip((targets[:, 0] - low) / (high - low), 0.0, 1.0)
            if t.dataset.is_classification:  # full colours for 0 and 1 whatever the levels
                f = np.where(targets[:, 0] >= 0.5, 1.0, 0.0)
            colours = [pal.DIVERGING.map(float(v), mode="qcolor").name() for v in f]
        brushes = {c: pg.mkBrush(c) for c in set(colours)}  # one brush per colour, shared
        return [brushes[c] for c in colours]

    def _update_points(self) -> None:
        t = self.session.trainer
        x = t.dataset.inputs
        # the data points change with the data, the levels and the palette, not with training
        key = (id(t.dataset), self._mode, self._levels, id(self._point_pen))
        if key != self._points_key:
            self._points_key = key
            self.points_item.setData(x[:, 0], x[:, 1], brush=self._point_brushes(), pen=self._point_pen)
        batch = self.batch_indices()
        if batch.size:
            self.batch_item.setData(x[batch, 0], x[batch, 1], pen=self._batch_pen, brush=None)
        else:
            self.batch_item.setData([], [])

    def _update_caption(self) -> None:
        t = self.session.trainer
        if self._mode == "classes":
            what = fill(self.tr("largest of %1 outputs shaded"), t.network.sizes[-1])
        elif self._two_classes():
            what = self.tr("output < 0.5 blue, ≥ 0.5 orange (deeper away from the 0.5 line)")
        else:
            low, high = self._levels
            f = self.session.formatter
            what = fill(self.tr("output %1 blue … %2 orange"), f.num(low), f.num(high))
        batch = self.batch_indices()
        when = (fill(self.tr("it. %1 (timeline)"), self.session.view_iteration) if self.session.viewing_past
                else fill(self.tr("it. %1"), t.iteration))
        parts = [what, when] + ([fill(self.tr("ringed: batch of %1"), batch.size)] if batch.size else [])
        self.caption.setToolTip(self.tr("The network's output over the input plane; the points are the data, "
                                        "coloured by target; the ringed points are the current batch"))
        self.caption.setText(" · ".join(parts))

    # ---------------------------------------------------------------- colours
    def _on_palette_changed(self) -> None:
        self._apply_colours()
        if self._points is not None:
            self.refresh()

    def _apply_colours(self) -> None:
        p = self.palette()
        text = pal.text_color(p)
        background = pal.canvas_background(p)
        self.plot.setBackground(background)
        pi = self.plot.getPlotItem()
        pal.style_axes(pi, p, ("left", "bottom"))
        if self._mode == "classes":
            k = max(self.session.trainer.network.sizes[-1], 2)
            tints = np.array([pal.mix(background, QColor(CLASS_COLOURS[c % len(CLASS_COLOURS)]), TINT).getRgb()[:3]
                              for c in range(k)], dtype=np.ubyte)
            lut = tints[np.arange(256) * k // 256]  # 256 entries, as pyqtgraph's fast path expects
        elif self._two_classes():
            lut = pal.region_lut(background)  # blue and orange regions on either side of the 0.5 line
        else:
            lut = np.ascontiguousarray(pal.diverging_lut(256), dtype=np.ubyte)
        self.image.setLookupTable(lut)
        # points: an outline keeps them apart from the map (a point sits on its own colour
        # where the network gets it right)
        self._point_pen = pg.mkPen("#ffffff", width=1.5)  # white reads on both ends of the map
        self._batch_pen = pg.mkPen(pal.HIGHLIGHT if not pal.is_dark(p) else "#ff5cad", width=3)
        self.contour.setPen(pg.mkPen(text, width=2))
