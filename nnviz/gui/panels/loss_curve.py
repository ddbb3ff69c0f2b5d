"""The loss curve: the training loss of every iteration, drawn as the network learns.

x is the iteration (1..N), y ``trainer.loss_history`` (the forward-pass loss of each
completed iteration). On classification data the accuracy of each iteration is drawn
on a second axis (right, 0..1). A check (validation) loss can be added with
``set_check_history``. The Session's forks (up to three) are drawn from the iteration
each branched at, in the colours of their slots, named in the legend. A marker shows the
iteration the network stands at; the mouse reads off exact numbers. Under the plot, the schedule strip (``schedule_strip``).

Drawing fast: every plot item is created once; updates only call ``setData``. The loss
is copied into a growing NumPy buffer, so an update costs O(new iterations). A history
longer than the plot is wide is drawn pixel by pixel, each pixel's iterations as their
largest and smallest loss (``nnviz.gui.widgets.decimate``): a loss that saw-tooths at a
large learning rate shows its full saw-tooth, never an average.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QTextOption
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from nnviz.app.runs import main_label
from nnviz.core.words import N_, fill, translate
from nnviz.gui.panels.schedule_strip import ScheduleStrip
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import IterationAxis, LinearAxis, LossAxis, cache_axes, settle_ranges
from nnviz.gui.widgets.decimate import DecimatedCurve
from nnviz.gui.widgets.legend import HeaderLegend
from nnviz.gui.widgets.series import MIN_CAPACITY, GrowingSeries
from nnviz.gui.widgets.session_view import SessionView

# Curve colours (light palette, dark palette); the training loss in palette.LOSS_COLOURS.
CHECK_COLOURS = ("#6a3d9a", "#c39be0")
ACCURACY_ALPHA = 150  # the accuracy uses the text colour, a little faded: it is context
EMPTY_HINT = N_("LossCurve", "Step or Play: the loss of each iteration appears here")
_POINTS_UP_TO = 40  # a dot per iteration while there are this few: each is one step
_DOT = "\u00b7"
NOTES = {"timeline": N_("LossCurve", "timeline"), "in progress": N_("LossCurve", "in progress")}


class LossCurve(SessionView, QWidget):
    """A dock's content: the loss per iteration, following the Session live."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("lossCurve")
        self._loss = GrowingSeries()
        self._accuracy = GrowingSeries()
        # by slot: each fork's loss history (it starts where the fork branched), the fork drawn
        self._fork_series = [GrowingSeries() for _ in pal.FORK_COLOURS]
        self._fork_drawn: list = [None] * len(pal.FORK_COLOURS)
        self._x = np.arange(1.0, MIN_CAPACITY + 1.0)
        self._check_x = np.empty(0)
        self._check_y = np.empty(0)
        self._hover: int | None = None  # iteration under the mouse
        self._empty: bool | None = None
        self._points_shown = False
        self._accuracy_available = False
        self._accuracy_shown = False
        self._check_shown = False
        self._marker_state: tuple | None = None

        # ---- the controls row: read-out on the left, toggles on the right
        self.readout = QLabel()
        self.readout.setObjectName("lossReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._readout_tip = self.tr("Move the mouse over the curve to read off an iteration's numbers")
        self.readout.setToolTip(self._readout_tip)
        self._readout_parts: list[str] = []
        self._readout_note = ""
        self.log_box = QCheckBox(self.tr("log y"))
        self.log_box.setToolTip(self.tr("Logarithmic loss axis (a loss of exactly 0 has no logarithm and is left out)"))
        self.accuracy_box = QCheckBox(self.tr("accuracy"))
        self.accuracy_box.setChecked(True)
        self.accuracy_box.setToolTip(self.tr("Show the share of the batch's samples classified right (right axis, 0 to 1)"))
        self.accuracy_box.setVisible(False)
        row = QHBoxLayout()
        row.setContentsMargins(6, 2, 6, 0)
        row.setSpacing(10)
        row.addWidget(self.readout, 1)
        row.addWidget(self.accuracy_box)
        row.addWidget(self.log_box)

        # ---- the plot
        self.plot = pg.PlotWidget(axisItems={"right": LinearAxis("right"), "left": LossAxis("left"),
                                             "bottom": IterationAxis("bottom")})
        self.plot.setObjectName("lossPlot")
        self.plot.setMinimumSize(220, 140)
        pi = self.plot.getPlotItem()
        cache_axes(pi)
        pi.setMenuEnabled(False, enableViewBoxMenu=True)  # log mode is ours, not the plot menu's
        # after a zoom or pan the view stops following: pyqtgraph's "A" button (bottom left)
        # or a double click brings it back
        pi.setLabel("bottom", self.tr("iteration"))
        pi.setLabel("left", self.tr("loss"))
        # Grid lines are costly to draw at every frame of Play (a full grid on both axes took
        # longer than the curve): horizontal lines only, at the labelled tick levels.
        pi.showGrid(x=False, y=True, alpha=0.18)
        pi.getAxis("left").setStyle(maxTickLevel=1)
        pi.vb.setLimits(xMin=0, yMin=0.0)
        pi.vb.setMouseEnabled(x=True, y=True)
        left = pi.getAxis("left")
        left.setWidth(54)
        left.enableAutoSIPrefix(False)  # "0.12", not "120 (x0.001)"
        # the legend takes the (otherwise empty) title row: above the data, never over it
        self.legend = HeaderLegend(colCount=3, labelTextSize="8pt", horSpacing=6)
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.legend.install(pi)

        self.train_item = pg.PlotDataItem()
        self.check_item = pg.PlotDataItem()
        self.fork_items = [pg.PlotDataItem() for _ in pal.FORK_COLOURS]
        self.marker = pg.PlotDataItem(symbol="o", symbolSize=9, pen=None)
        self.hover_dot = pg.PlotDataItem(symbol="o", symbolSize=7, pen=None)
        pi.addItem(self.check_item)
        for item in self.fork_items:
            pi.addItem(item)
        pi.addItem(self.train_item)
        pi.addItem(self.marker)
        pi.addItem(self.hover_dot)
        self.marker.setZValue(20)
        self.hover_dot.setZValue(21)
        self.cursor_line = pg.InfiniteLine(angle=90, movable=False)
        self.cursor_line.setVisible(False)
        pi.addItem(self.cursor_line, ignoreBounds=True)

        # accuracy: its own view box on the right axis, x linked to the loss
        self.accuracy_view = pg.ViewBox(enableMouse=False)
        self.accuracy_view.setMenuEnabled(False)
        pi.scene().addItem(self.accuracy_view)
        self.accuracy_view.setZValue(-10)
        self.accuracy_view.setXLink(pi.vb)
        self.accuracy_view.setYRange(0.0, 1.0, padding=0.04)
        self.accuracy_view.enableAutoRange(x=False, y=False)
        right = pi.getAxis("right")
        right.linkToView(self.accuracy_view)
        right.setLabel(self.tr("accuracy"))
        right.setWidth(44)
        self.accuracy_item = pg.PlotDataItem()
        self.accuracy_view.addItem(self.accuracy_item)
        # each curve drawn pixel by pixel, over the loss plot's x-range and width
        self.train_curve, self.check_curve, self.accuracy_curve = (
            DecimatedCurve(item, pi.vb) for item in (self.train_item, self.check_item, self.accuracy_item))
        self.fork_curves = [DecimatedCurve(item, pi.vb) for item in self.fork_items]
        pi.vb.sigResized.connect(self._sync_accuracy_view)
        pi.hideAxis("right")
        self.accuracy_view.setVisible(False)

        # a hint while there is nothing to draw, centred in the view (pixel coordinates),
        # wrapped to the view's width
        self.empty_hint = pg.TextItem(translate("LossCurve", EMPTY_HINT), anchor=(0.5, 0.5))
        self.empty_hint.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
        self.empty_hint.setParentItem(pi.vb)
        pi.vb.sigResized.connect(self._place_hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.plot, 1)
        self.rate_strip: ScheduleStrip | None = None  # built when a schedule is not constant

        self.log_box.toggled.connect(self._on_log_changed)
        self.accuracy_box.toggled.connect(self._on_accuracy_toggled)
        # the viewport's own mouse moves, not the scene's sigMouseMoved: pyqtgraph drops
        # moves that come fast, so the read-out could stay on a point the mouse left
        self.plot.viewport().setMouseTracking(True)
        self.plot.viewport().installEventFilter(self)
        self._on_palette_changed()
        self._on_trainer_replaced()
        self._on_state_changed()

    # ------------------------------------------------------------ the session
    def _on_trainer_replaced(self) -> None:
        """A different Trainer: forget everything drawn so far."""
        self._loss.clear()
        self._accuracy.clear()
        self._hover = None
        self.cursor_line.setVisible(False)
        self.hover_dot.setData([], [])
        self.set_check_history(None)
        self.train_curve.set_data([], [])
        self.accuracy_curve.set_data([], [])
        self.marker.setData([], [])
        self._marker_state = None
        self._set_accuracy_available(bool(self.session.trainer.dataset.is_classification))
        self._show_empty(True)
        self._update_forks()
        self._update_readout()
        self._update_rate()

    def _on_state_changed(self) -> None:
        t = self.session.trainer
        if len(t.check_loss_history) != self._check_y.shape[0]:
            self.set_check_history(t.check_loss_history or None)
        # The hint goes as soon as there is anything to show, even the loss of an
        # iteration still in progress (the hollow marker).
        self._show_empty(self._loss.n == 0 and not t.loss_history and t.values.loss is None)
        if self._loss.sync(t.loss_history):
            self._show_points(self._loss.n <= _POINTS_UP_TO)
            self.train_curve.set_data(self._xs(self._loss.n), self._loss_for_display())
            self._show_empty(self._loss.n == 0 and t.values.loss is None)
            if self._hover is not None and self._hover > self._loss.n:
                self._hover = self._loss.n or None
        if self._accuracy.sync(t.accuracy_history):
            self.accuracy_curve.set_data(self._xs(self._accuracy.n), self._accuracy.data)
            if self._accuracy.n and not self._accuracy_available:
                self._set_accuracy_available(True)
        self._update_forks()
        self._update_marker()
        self._update_hover()
        self._update_readout()
        self._update_rate()
        settle_ranges(self.plot)

    def _on_runs_changed(self, name: str) -> None:
        if name == "fork":
            self._update_forks()
            self._update_readout()
            settle_ranges(self.plot)

    def _on_timeline_changed(self) -> None:
        self._update_marker()
        self._update_readout()

    def _on_settings_changed(self, name: str) -> None:
        if name in ("schedule", "learning_rate"):
            self._update_rate()
        if name in ("learning_rate", "optimizer", "batch", "loss"):
            self._update_legend()  # the main run's entry names these beside forks
        if name == "digits":
            self._update_readout()

    def _update_rate(self) -> None:
        t = self.session.trainer
        if self.rate_strip is None:
            if t.settings.schedule.kind == "constant":
                return
            self.rate_strip = ScheduleStrip()
            self.rate_strip.align(self._accuracy_shown)
            self.rate_strip.recolour(self.palette())
            self.layout().addWidget(self.rate_strip)
        self.rate_strip.show_schedule(t, max(self._loss.n, t.iteration))

    def schedule_shown(self) -> bool:
        """True when the schedule strip is shown (the schedule is not constant)."""
        return self.rate_strip is not None and not self.rate_strip.isHidden()

    def rate_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, applied rates) drawn on the schedule strip: iteration k uses
        ``schedule.rate(lr, k - 1)`` (k - 1 updates before it)."""
        if self.rate_strip is None:
            return np.empty(0), np.empty(0)
        return self.rate_strip.x, self.rate_strip.y

    # ----------------------------------------------------------------- the forks
    def _update_forks(self) -> None:
        """Each fork's losses from the iteration after it branched, in its slot."""
        forks = self.session.forks
        gone_or_new = False
        for slot, series in enumerate(self._fork_series):
            f = next((f for f in forks if f.slot == slot), None)
            changed = f is not self._fork_drawn[slot]
            if changed:
                series.clear()
                self._fork_drawn[slot] = f
                gone_or_new = True
            if f is not None:
                changed |= series.sync(f.trainer.loss_history)
            if changed:
                x, y = self.fork_data(slot)
                self.fork_curves[slot].set_data(x, self._for_log(y))
        if gone_or_new:
            self._update_legend()

    def fork_data(self, slot: int) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, losses) of the curve of the fork in ``slot``: the iterations it ran itself."""
        f, series = self._fork_drawn[slot], self._fork_series[slot]
        if f is None or series.n == 0:
            return np.empty(0), np.empty(0)
        y = series.data  # a copy's loss history starts where it branched
        return np.arange(f.start + 1.0, f.start + 1.0 + y.size), y

    def _show_points(self, shown: bool) -> None:
        if shown != self._points_shown:
            self._points_shown = shown
            self.train_item.setSymbol("o" if shown else None)

    def _show_empty(self, empty: bool) -> None:
        """No iterations: a hint and a plain 1..10 frame instead of pyqtgraph's 0..1."""
        if empty == self._empty:
            return
        self._empty = empty
        self.empty_hint.setVisible(empty)
        self.legend.setVisible(not empty)
        vb = self.plot.getPlotItem().vb
        vb.enableAutoRange()
        if empty:  # auto range stays on: with nothing to fit it leaves this range alone
            vb.setRange(xRange=(0.5, 10.0), yRange=(-3.0, 0.0) if self.log_box.isChecked() else (0.0, 1.0),
                        padding=0.02, disableAutoRange=False)

    # ------------------------------------------------------------------ data
    def _xs(self, n: int) -> np.ndarray:
        if n > self._x.shape[0]:
            self._x = np.arange(1.0, max(2 * self._x.shape[0], n) + 1.0)
        return self._x[:n]

    def _loss_for_display(self) -> np.ndarray:
        return self._for_log(self._loss.data) if self._loss.nonpositive else self._loss.data

    def _for_log(self, y: np.ndarray) -> np.ndarray:
        """In log mode, a gap for a loss with no logarithm (0 or less), not -inf."""
        return np.where(y > 0, y, np.nan) if self.log_box.isChecked() else y

    def set_check_history(self, values: Sequence[float] | None,
                          iterations: Sequence[float] | None = None) -> None:
        """Show a check (validation) loss next to the training loss.

        ``values[k]`` is the check loss at iteration ``iterations[k]`` (by default
        1..len(values), one per iteration). ``None`` or an empty list hides the curve.
        """
        y = np.asarray(values if values is not None else [], dtype=float).ravel()
        if iterations is None:
            x = np.arange(1.0, y.shape[0] + 1.0)
        else:
            x = np.asarray(iterations, dtype=float).ravel()
            if x.shape != y.shape:
                raise ValueError(f"{x.shape[0]} iterations for {y.shape[0]} check losses")
        self._check_x, self._check_y = x, y
        shown = y.shape[0] > 0
        if shown and self.log_box.isChecked():
            y = np.where(y > 0, y, np.nan)
        self.check_curve.set_data(x, y)
        self._check_shown = shown
        self._update_legend()
        self._update_readout()

    def _update_legend(self) -> None:
        """Entries in a fixed order: training loss, check loss, the forks (oldest first), accuracy."""
        forks = self.session.forks
        wanted = [(self.train_item, fill(self.tr("training loss (%1)"), main_label(self.session.trainer, forks))
                   if forks else self.tr("training loss"))]
        if self._check_shown:
            wanted.append((self.check_item, self.tr("check loss")))
        wanted += [(self.fork_items[f.slot], f.label) for f in forks]
        if self._accuracy_shown:
            wanted.append((self.accuracy_item, self.tr("accuracy")))
        if [(sample.item, label.text) for sample, label in self.legend.items] == wanted:
            return
        self.legend.clear()
        for item, name in wanted:
            self.legend.addItem(item, name)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """The legend's entries in as many rows as the plot's width needs."""
        self.legend.fit()

    # ------------------------------------------------------------ log / accuracy
    def _on_log_changed(self, on: bool) -> None:
        pi = self.plot.getPlotItem()
        pi.setLogMode(x=False, y=on)
        pi.vb.setLimits(yMin=-1e300 if on else 0.0)  # a loss is never negative (log: no limit)
        if self._loss.nonpositive:
            self.train_curve.set_data(self._xs(self._loss.n), self._loss_for_display())
        if self._check_y.shape[0]:
            self.set_check_history(self._check_y, self._check_x)
        for slot, curve in enumerate(self.fork_curves):
            x, y = self.fork_data(slot)
            curve.set_data(x, self._for_log(y))
        self._update_marker()
        self._update_hover()
        if self._loss.n:
            pi.vb.enableAutoRange()
        else:
            pi.vb.setRange(yRange=(-3.0, 0.0) if on else (0.0, 1.0), padding=0.02, disableAutoRange=False)

    def _set_accuracy_available(self, available: bool) -> None:
        self._accuracy_available = available
        self.accuracy_box.setVisible(available)
        self._show_accuracy(available and self.accuracy_box.isChecked())

    def _on_accuracy_toggled(self, on: bool) -> None:
        self._show_accuracy(on and self._accuracy_available)

    def _show_accuracy(self, shown: bool) -> None:
        pi = self.plot.getPlotItem()
        if shown:
            pi.showAxis("right")
            pi.setContentsMargins(0, 0, 0, 0)
        else:
            pi.hideAxis("right")
            pi.setContentsMargins(0, 0, 16, 0)  # room for the last tick label
        self.accuracy_view.setVisible(shown)
        self._accuracy_shown = shown
        if getattr(self, "rate_strip", None) is not None:  # its iterations line up with the loss plot's
            self.rate_strip.align(shown)
        self._update_legend()
        self._sync_accuracy_view()
        self._update_readout()

    def _sync_accuracy_view(self) -> None:
        vb = self.plot.getPlotItem().vb
        self.accuracy_view.setGeometry(vb.sceneBoundingRect())
        self.accuracy_view.linkedViewChanged(vb, self.accuracy_view.XAxis)

    def _place_hint(self) -> None:
        """Centre the hint, wrapped to the view's width (on two lines in a small dock)."""
        r = self.plot.getPlotItem().vb.rect()
        hint = self.empty_hint
        hint.setTextWidth(-1)
        natural = hint.textItem.boundingRect().width()
        hint.setTextWidth(min(natural, max(r.width() - 12.0, 40.0)))
        hint.setPos(r.center())

    # ---------------------------------------------------------------- marker
    def _current(self) -> tuple[int, float, str] | None:
        """(iteration, loss, note) of the point the network stands at, if any."""
        t = self.session.trainer
        n = self._loss.n
        view = getattr(self.session, "view_iteration", None)
        if view is not None:
            if 1 <= view <= n:
                return view, float(self._loss.buf[view - 1]), "timeline"
            return None
        v = t.values
        if t.cursor > t.network.n_layers and v.loss is not None:
            return t.iteration + 1, float(v.loss), "in progress"
        if n:
            return n, float(self._loss.buf[n - 1]), ""
        return None

    def _update_marker(self, force: bool = False) -> None:
        cur = self._current()
        state = None if cur is None else (cur, self.log_box.isChecked())
        if state == self._marker_state and not force:
            return
        self._marker_state = state
        if cur is None:
            self.marker.setData([], [])
            return
        i, loss, note = cur
        y = loss if (loss > 0 or not self.log_box.isChecked()) else math.nan
        self.marker.setData([float(i)], [y])
        # hollow while the iteration is not finished: its loss is not in the history yet
        self.marker.setSymbolBrush(None if note == "in progress" else pg.mkBrush(pal.HIGHLIGHT))

    # -------------------------------------------------------------- the mouse
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.plot.viewport():
            if event.type() == QEvent.Type.MouseMove:
                self._on_mouse_moved(self.plot.mapToScene(event.position().toPoint()))
            elif event.type() == QEvent.Type.Leave:
                self._set_hover(None)
            elif (event.type() == QEvent.Type.MouseButtonDblClick
                  and event.button() == Qt.MouseButton.LeftButton):
                self.plot.getPlotItem().vb.enableAutoRange()  # follow the whole curve again
        return super().eventFilter(watched, event)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.plot.getPlotItem().vb
        n = self._loss.n
        if n == 0 or not vb.sceneBoundingRect().contains(scene_pos):
            self._set_hover(None)
            return
        x = vb.mapSceneToView(scene_pos).x()
        self._set_hover(int(min(max(round(x), 1), n)))

    def _set_hover(self, iteration: int | None) -> None:
        if iteration == self._hover:
            return
        self._hover = iteration
        self._update_hover()
        self._update_readout()

    def _update_hover(self) -> None:
        i = self._hover
        if i is None or i > self._loss.n:
            self.cursor_line.setVisible(False)
            self.hover_dot.setData([], [])
            return
        loss = float(self._loss.buf[i - 1])
        self.cursor_line.setPos(float(i))
        self.cursor_line.setVisible(True)
        y = loss if (loss > 0 or not self.log_box.isChecked()) else math.nan
        self.hover_dot.setData([float(i)], [y])

    def _update_readout(self) -> None:
        n = self._loss.n
        note = ""
        if self._hover is not None and self._hover <= n:
            i = self._hover
            loss = float(self._loss.buf[i - 1])
        else:
            cur = self._current()
            if cur is None:
                self._readout_parts = [self.tr("no iterations yet")]
                self._readout_note = ""
                self._fit_readout()
                return
            i, loss, note = cur
        num = self.session.formatter.num  # the numbers as every view writes them
        parts = [fill(self.tr("iteration %1"), i), fill(self.tr("loss %1"), num(loss))]
        if self._check_y.shape[0]:
            k = np.flatnonzero(self._check_x == i)
            if k.size:
                parts.append(fill(self.tr("check %1"), num(self._check_y[k[-1]])))
        if self._accuracy_shown and 1 <= i <= self._accuracy.n:
            parts.append(fill(self.tr("accuracy %1"), num(self._accuracy.buf[i - 1])))
        for fork in self.session.forks:
            series = self._fork_series[fork.slot]
            if self._fork_drawn[fork.slot] is fork and fork.start < i <= fork.start + series.n:
                parts.append(fill(self.tr("%1: %2"), fork.label, num(series.buf[i - 1 - fork.start])))
        self._readout_parts = parts
        self._readout_note = translate("LossCurve", NOTES[note]) if note else ""
        self._fit_readout()

    def _fit_readout(self) -> None:
        """As many parts of the read-out as fit (iteration and loss always); all in the tooltip."""
        parts, note = self._readout_parts, self._readout_note
        sep = f" {_DOT} "
        full = sep.join(parts) + (f"  ({note})" if note else "")
        width = self.readout.width()
        metrics = self.readout.fontMetrics()
        text = full
        k = len(parts)
        while k > 2 and metrics.horizontalAdvance(text) > width:
            k -= 1
            text = sep.join(parts[:k]) + (f"  ({note})" if note else "")
        self.readout.setText(text)
        self.readout.setToolTip(full if text != full else self._readout_tip)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_readout()
        self._fit_legend()

    # ---------------------------------------------------------------- colours
    def _on_palette_changed(self) -> None:
        p = self.palette()
        dark = pal.is_dark(p)
        text = pal.text_color(p)
        background = pal.canvas_background(p)
        faint = QColor(text)
        faint.setAlpha(110)
        self.plot.setBackground(background)
        pi = self.plot.getPlotItem()
        pal.style_axes(pi, p, ("left", "bottom", "right"))
        train = QColor(pal.LOSS_COLOURS[dark])
        check = QColor(CHECK_COLOURS[dark])
        accuracy = QColor(text)
        accuracy.setAlpha(ACCURACY_ALPHA)
        self.train_item.setPen(pg.mkPen(train, width=2))
        self.train_item.setSymbolSize(5)
        self.train_item.setSymbolPen(pg.mkPen(train))
        self.train_item.setSymbolBrush(pg.mkBrush(train))
        # Qt strokes a long path slowly when the pen is dashed, or translucent and wider than
        # 1 px (seconds for 100k iterations): solid opaque 2 px lines, translucent ones 1 px.
        self.check_item.setPen(pg.mkPen(check, width=2))
        for item, colours in zip(self.fork_items, pal.FORK_COLOURS):
            item.setPen(pg.mkPen(QColor(colours[dark]), width=2))
        self.accuracy_item.setPen(pg.mkPen(accuracy, width=1))
        self.marker.setSymbolPen(pg.mkPen(pal.HIGHLIGHT, width=2))
        self.marker.setSymbolBrush(pg.mkBrush(pal.HIGHLIGHT))
        self.hover_dot.setSymbolPen(pg.mkPen(text, width=1.5))
        self.hover_dot.setSymbolBrush(pg.mkBrush(background))
        self.cursor_line.setPen(pg.mkPen(faint, width=1, style=Qt.PenStyle.DashLine))
        self.legend.recolour(text)
        hint = QColor(p.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText))
        self.empty_hint.setColor(hint)
        self._update_marker(force=True)
        if self.rate_strip is not None:
            self.rate_strip.recolour(p)
            self._update_rate()
