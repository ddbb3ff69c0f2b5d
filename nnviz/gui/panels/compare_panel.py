"""Chain rule vs. proportional split, side by side.

- A table: for the current batch, each neuron's chain-rule delta dE/dnet beside its
  proportional error, both averaged over the batch and both from the same forward pass
  (whichever mode the trainer is in), with e / (-delta) and whether the two point the
  same way. A delta points uphill, a proportional error downhill, so they agree where
  e and -delta share a sign; rows where they disagree are highlighted.
- A race: two copies of the trainer from its current state, one per backprop mode,
  trained together for N iterations in time slices (the window stays responsive, with a
  progress bar and Cancel), their loss curves on one plot.

All numbers come from :mod:`nnviz.core.analysis.compare`. The table is refreshed at most 5 times
a second during Play; plot items are made once and only get ``setData``.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.analysis import compare
from nnviz.core.trainer import TrainingError
from nnviz.gui.widgets import palette as pal
from nnviz.gui.panels.boundary_panel import WeakThrottle
from nnviz.gui.panels.loss_curve import _HeaderLegend
from nnviz.gui.session import Subscriptions

REFRESH_MS = 200  # the table at most 5 times a second during Play
RACE_DEFAULT = 200
RACE_MAX = 1_000_000
SLICE_SECONDS = 0.015  # race work per timer tick
COLUMNS = ("neuron", "chain δ", "proportional e", "e / (−δ)", "same way")
COLUMN_TIPS = ("The neuron (output layer first: the error flows back from there)",
               "Chain rule: δ = dE/dnet, mean over the batch (points uphill)",
               ("Proportional split: e = t − o at the output, shared out by |w| going back; "
                "mean over the batch (points downhill)"),
               "The proportional error over −δ: how much bigger (or, negative, opposed) it is",
               ("Do the means of e and −δ have the same sign? In brackets: the samples whose own "
                "e and −δ agree"))
# (light, dark): the two curves. Teal (the loss curve's colour) for the chain rule, purple
# for the proportional split: clear of the blue/orange of signed values.
CHAIN_COLOURS = ("#00897b", "#3fd0bd")
PROPORTIONAL_COLOURS = ("#8e44ad", "#d7a1f0")
DISAGREE_ALPHA = 70


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    return f"{value:.4g}"


class ComparePanel(QWidget):
    """A dock's content: the two backprop modes on the current batch, and a race."""

    raceFinished = Signal(bool)  # True when it ran to the end, False when cancelled or stopped

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("comparePanel")
        self.comparison: compare.Comparison | None = None
        self.race: compare.Race | None = None
        self._race_total = 0
        self._subs = Subscriptions()

        # ---- the table
        self.caption = QLabel()
        self.caption.setObjectName("compareCaption")
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("compareTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for col, tip in enumerate(COLUMN_TIPS):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip("δ = dE/dnet points uphill; the proportional error e (t − o at the output, "
                              "shared out by |w| going back) points downhill.\nThey agree where e and −δ "
                              "have the same sign; highlighted rows disagree.")
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(6, 4, 6, 0)
        tl.setSpacing(4)
        tl.addWidget(self.caption)
        tl.addWidget(self.table, 1)

        # ---- the race
        self.race_button = QPushButton("Race")
        self.race_button.setObjectName("raceButton")
        self.race_button.setToolTip("Train two copies from the current state, one with the chain rule and "
                                    "one with the proportional split, and draw both loss curves")
        self.iterations_box = QSpinBox()
        self.iterations_box.setObjectName("raceIterations")
        self.iterations_box.setRange(1, RACE_MAX)
        self.iterations_box.setValue(RACE_DEFAULT)
        self.iterations_box.setSuffix(" iterations")
        self.iterations_box.setToolTip("How many iterations each copy trains")
        self.progress = QProgressBar()
        self.progress.setObjectName("raceProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("raceCancel")
        self.cancel_button.setEnabled(False)
        self.race_status = QLabel("")
        self.race_status.setObjectName("raceStatus")
        self.race_status.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.race_button)
        row.addWidget(self.iterations_box)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)

        self.plot = pg.PlotWidget()
        self.plot.setObjectName("racePlot")
        self.plot.setMinimumSize(220, 140)
        pi = self.plot.getPlotItem()
        pi.setMenuEnabled(False)
        pi.setLabel("bottom", "race iteration")
        pi.setLabel("left", "loss")
        pi.showGrid(x=False, y=True, alpha=0.18)
        pi.vb.setLimits(xMin=0, yMin=0.0)
        pi.getAxis("left").enableAutoSIPrefix(False)
        pi.getAxis("left").setWidth(54)
        self.legend = _HeaderLegend(colCount=2, labelTextSize="8pt", horSpacing=6)
        pi.layout.removeItem(pi.titleLabel)
        pi.titleLabel.setVisible(False)
        pi.layout.addItem(self.legend, 0, 1)
        pi.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        pi.layout.setRowFixedHeight(0, 18)
        self.chain_curve = pg.PlotDataItem(name="chain rule")
        self.proportional_curve = pg.PlotDataItem(name="proportional split")
        pi.setClipToView(True)
        pi.setDownsampling(auto=True, mode="peak")
        pi.addItem(self.chain_curve)
        pi.addItem(self.proportional_curve)
        self.legend.addItem(self.chain_curve, "chain rule")
        self.legend.addItem(self.proportional_curve, "proportional split")

        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(6, 4, 6, 0)
        bl.setSpacing(4)
        bl.addLayout(row)
        bl.addWidget(self.race_status)
        bl.addWidget(self.plot, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._race_timer = QTimer(self)
        self._race_timer.setInterval(0)
        self._race_timer.timeout.connect(self._race_tick)
        self._throttle = WeakThrottle(self, self.refresh, REFRESH_MS)
        self.race_button.clicked.connect(self.start_race)
        self.cancel_button.clicked.connect(self.cancel_race)
        self._connect()
        self._apply_colours()
        self._on_trainer_replaced()

    # ------------------------------------------------------------ the session
    def _connect(self) -> None:
        s = self.session
        self._subs.connect(s.trainerReplaced, self._on_trainer_replaced)
        self._subs.connect(s.stateChanged, self._on_state_changed)
        self._subs.connect(s.settingsChanged, self._on_settings_changed)

    def disconnect_session(self) -> None:
        if not self._subs.disconnect_all():
            return
        self._throttle.cancel()
        self.cancel_race()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.disconnect_session()
        super().closeEvent(event)

    def _on_trainer_replaced(self) -> None:
        self.cancel_race(quiet=True)
        self.race = None
        self.chain_curve.setData([], [])
        self.proportional_curve.setData([], [])
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.race_status.setText("Race: two copies from the current state, one per backprop mode.")
        self.table.clearSpans()
        self.table.setRowCount(0)  # a new network: rows and layer headings start over
        self.refresh()

    def _on_state_changed(self) -> None:
        self._throttle.request(REFRESH_MS if self.session.playing else 0)

    def _on_settings_changed(self, name: str) -> None:
        if name in ("loss", "backprop"):
            self._throttle.request(0)

    # ------------------------------------------------------------------ table
    def refresh(self) -> None:
        """Recompute the table from the trainer's current batch."""
        t = self.session.trainer
        c = compare.chain_vs_proportional(t)
        self.comparison = c
        if c.source == "batch":
            where = f"the batch of iteration {c.iteration} ({c.n_samples} sample{'s' * (c.n_samples != 1)})"
        else:
            where = f"all {c.n_samples} samples at the current weights (no iteration yet)"
        self.caption.setText(f"Means over {where}. The trainer uses the "
                             f"{'chain rule' if t.backprop == 'chain' else 'proportional split'}.")
        rows = sum(len(layer.names) + 1 for layer in reversed(c.layers))
        table = self.table
        table.setUpdatesEnabled(False)
        try:
            if table.rowCount() != rows:
                table.clearSpans()
                table.setRowCount(rows)
            r = 0
            L = len(c.layers)
            for layer in reversed(c.layers):  # output first: the error flows back from there
                title = "output layer" if layer.layer == L else f"hidden layer {layer.layer}"
                self._set_row(r, [title, "", "", "", ""], heading=True)
                if table.columnSpan(r, 0) != len(COLUMNS):
                    table.setSpan(r, 0, 1, len(COLUMNS))
                r += 1
                ratio, agree, samples = layer.ratio, layer.agree, layer.samples_agreeing
                n = layer.chain_per_sample.shape[0]
                for j, name in enumerate(layer.names):
                    d, e = float(layer.chain[j]), float(layer.proportional[j])
                    self._set_row(r, [f"  {name}", _fmt(d), _fmt(e), _fmt(float(ratio[j])),
                                      f"{'yes' if agree[j] else 'NO'} ({samples[j]}/{n})"], signs=(None, d, e, None, None),
                                  disagree=not bool(agree[j]))
                    r += 1
        finally:
            table.setUpdatesEnabled(True)

    def _item(self, r: int, col: int) -> QTableWidgetItem:
        item = self.table.item(r, col)
        if item is None:
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(r, col, item)
        return item

    def _set_row(self, r: int, texts, heading: bool = False, signs=None, disagree: bool = False) -> None:
        p = self.palette()
        text_colour = pal.text_color(p)
        for col, text in enumerate(texts):
            item = self._item(r, col)
            item.setText(text)
            font = item.font()
            font.setBold(heading or (col == 4 and disagree))
            font.setItalic(heading)
            item.setFont(font)
            align = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignLeft if col == 0
                                                     else Qt.AlignmentFlag.AlignRight)
            item.setTextAlignment(align)
            colour = QColor(text_colour)
            if signs is not None and signs[col] is not None and signs[col] != 0:
                # the diverging map's ends: blue negative, orange positive (lighter on dark)
                colour = QColor(pal.NEGATIVE if signs[col] < 0 else pal.POSITIVE)
                if pal.is_dark(p):
                    colour = colour.lighter(135)
            if col == 4 and disagree:
                colour = QColor(pal.HIGHLIGHT if not pal.is_dark(p) else "#ff5cad")
            item.setForeground(QBrush(colour))
            if disagree:
                bg = QColor(pal.HIGHLIGHT)
                bg.setAlpha(DISAGREE_ALPHA)
                item.setBackground(QBrush(bg))
            elif heading:
                item.setBackground(QBrush(p.color(p.ColorRole.AlternateBase)))
            else:
                item.setBackground(QBrush())
            tip = ""
            if disagree:
                tip = "The two modes push this neuron's net input in opposite directions"
            item.setToolTip(tip)

    # ------------------------------------------------------------------- race
    @property
    def racing(self) -> bool:
        return self._race_timer.isActive()

    def start_race(self) -> None:
        if self.racing:
            return
        t = self.session.trainer
        if t.status == "diverged":
            self.race_status.setText("The trainer has diverged: reset or step back before a race.")
            return
        self.race = compare.Race(t)
        self._race_total = int(self.iterations_box.value())
        self.progress.setRange(0, self._race_total)
        self.progress.setValue(0)
        self.chain_curve.setData([], [])
        self.proportional_curve.setData([], [])
        self.race_button.setEnabled(False)
        self.iterations_box.setEnabled(False)
        self.cancel_button.setEnabled(True)
        start = f"iteration {t.iteration}" + (" (the half-done iteration is left out)" if t.cursor else "")
        self.race_status.setText(f"Racing from {start}…")
        self.plot.getPlotItem().enableAutoRange()
        self._race_timer.start()

    def _race_tick(self) -> None:
        r = self.race
        if r is None:
            self._race_timer.stop()
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        left = self._race_total - r.done
        try:
            r.advance(left, should_stop=lambda: time.perf_counter() > deadline)
        except TrainingError as exc:  # a copy refused to train
            self._finish(f"Race stopped: {exc}", complete=False)
            return
        self._draw_race()
        self.progress.setValue(min(r.done, self._race_total))
        if r.done >= self._race_total or len(r.stopped) == len(r.MODES):
            self._finish(self._summary(), complete=True)

    def _draw_race(self) -> None:
        r = self.race
        for curve, losses in ((self.chain_curve, r.chain_losses), (self.proportional_curve, r.proportional_losses)):
            y = np.asarray(losses, dtype=np.float64)
            curve.setData(np.arange(1.0, y.size + 1.0), y)

    def _summary(self) -> str:
        r = self.race
        parts = []
        for mode, label in (("chain", "chain rule"), ("proportional", "proportional split")):
            losses = r.losses(mode)
            text = f"{label}: {losses[-1]:.6g}" if losses else f"{label}: —"
            if mode in r.stopped:
                text += f" (stopped after {len(losses)}: diverged)"
            parts.append(text)
        return f"After {r.done} iterations · " + " · ".join(parts)

    def cancel_race(self, quiet: bool = False) -> None:
        if not self.racing:
            return
        self._finish("" if quiet or self.race is None else f"Cancelled · {self._summary()}", complete=False)

    def _finish(self, text: str, complete: bool) -> None:
        self._race_timer.stop()
        self.race_button.setEnabled(True)
        self.iterations_box.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if text:
            self.race_status.setText(text)
        self.raceFinished.emit(complete)

    # ---------------------------------------------------------------- colours
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colours()
            if self.comparison is not None:
                self.refresh()
        super().changeEvent(event)

    def _apply_colours(self) -> None:
        p = self.palette()
        dark = pal.is_dark(p)
        text = pal.text_color(p)
        background = pal.canvas_background(p)
        self.plot.setBackground(background)
        pi = self.plot.getPlotItem()
        pal.style_axes(pi, p, ("left", "bottom"))
        self.chain_curve.setPen(pg.mkPen(QColor(CHAIN_COLOURS[dark]), width=2))
        self.proportional_curve.setPen(pg.mkPen(QColor(PROPORTIONAL_COLOURS[dark]), width=2))
        self.legend.setBrush(None)
        self.legend.setPen(None)
        self.legend.setLabelTextColor(text)
        for _, label in self.legend.items:
            label.setText(label.text)
