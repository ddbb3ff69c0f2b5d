"""Chain rule vs. proportional split, side by side.

- A table: for the current batch, each neuron's chain-rule delta dE/dnet beside its
  proportional error, both averaged over the batch and both from the same forward pass
  (whichever mode the trainer is in), with e / (-delta), and how many samples' own e and
  -delta point the same way. A delta points uphill, a proportional error downhill, so a
  sample agrees unless its e and -delta have opposite signs. The verdict is per sample
  (means can differ in sign although every sample agrees); rows where some sample
  disagrees are highlighted.
- A race: two copies of the trainer from its current state, one per backprop mode,
  trained together for N iterations (the Session's race, in time slices: the window
  stays responsive, with a progress bar and Cancel), their loss curves on one plot.

All numbers come from :mod:`nnviz.core.analysis.compare`. The table is refreshed at most 5 times
a second during Play; plot items are made once and only get ``setData``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
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
from nnviz.core.words import N_, T_, fill, translate
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import cache_axes
from nnviz.gui.widgets.legend import HeaderLegend
from nnviz.gui.widgets.session_view import SessionView

REFRESH_MS = 200  # the table at most 5 times a second during Play
RACE_DEFAULT = 200
RACE_MAX = 1_000_000
COLUMNS = (N_("ComparePanel", "neuron"), N_("ComparePanel", "chain δ (mean)"),
           N_("ComparePanel", "proportional e (mean)"), "e / (−δ)", N_("ComparePanel", "samples agreeing"))
COLUMN_TIPS = (N_("ComparePanel", "The neuron (output layer first: the error flows back from there)"),
               N_("ComparePanel", "Chain rule: δ = dE/dnet, mean over the batch (points uphill)"),
               N_("ComparePanel", "Proportional split: e = t − o at the output, shared out by |w| going back; "
                                  "mean over the batch (points downhill)"),
               N_("ComparePanel", "The proportional error over −δ: how much bigger (or, negative, opposed) it is"),
               N_("ComparePanel", "How many samples' own e and −δ point the same way (≠: some point opposite "
                                  "ways). Counted sample by sample: the means can differ in sign although every "
                                  "sample agrees"))
# (light, dark): the two curves. Teal (the loss curve's colour, palette.LOSS_COLOURS) for
# the chain rule, purple for the proportional split: clear of the blue/orange of signed values.
PROPORTIONAL_COLOURS = ("#8e44ad", "#d7a1f0")
DISAGREE_ALPHA = 70


def _fmt(value: float, formatter) -> str:
    """A number by the session's rule; '—' where there is none."""
    return formatter.num(value) if math.isfinite(value) else "—"


class ComparePanel(SessionView, QWidget):
    """A dock's content: the two backprop modes on the current batch, and a race."""

    raceFinished = Signal(bool)  # True when it ran to the end, False when cancelled or stopped

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("comparePanel")
        self.comparison: compare.Comparison | None = None
        self._race_shown = None  # the Session's race the plot shows
        self._race_ended = None  # ... once its end is shown

        # ---- the table
        self.caption = QLabel()
        self.caption.setObjectName("compareCaption")
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("compareTable")
        self.table.setHorizontalHeaderLabels([translate("ComparePanel", c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for col, tip in enumerate(COLUMN_TIPS):
            self.table.horizontalHeaderItem(col).setToolTip(translate("ComparePanel", tip))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("δ = dE/dnet points uphill; the proportional error e (t − o at the output, "
                                      "shared out by |w| going back) points downhill.\nA sample agrees unless "
                                      "its e and −δ have opposite signs; highlighted rows have samples that "
                                      "disagree."))
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(6, 4, 6, 0)
        tl.setSpacing(4)
        tl.addWidget(self.caption)
        tl.addWidget(self.table, 1)

        # ---- the race
        self.race_button = QPushButton(self.tr("Race"))
        self.race_button.setObjectName("raceButton")
        self.race_button.setToolTip(self.tr("Train two copies from the current state, one with the chain rule "
                                            "and one with the proportional split, and draw both loss curves"))
        self.iterations_box = QSpinBox()
        self.iterations_box.setObjectName("raceIterations")
        self.iterations_box.setRange(1, RACE_MAX)
        self.iterations_box.setValue(RACE_DEFAULT)
        self.iterations_box.setSuffix(self.tr(" iterations"))
        self.iterations_box.setToolTip(self.tr("How many iterations each copy trains"))
        self.progress = QProgressBar()
        self.progress.setObjectName("raceProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.cancel_button = QPushButton(self.tr("Cancel"))
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

        self.plot = pg.PlotWidget(enableMenu=False)
        self.plot.setObjectName("racePlot")
        self.plot.setMinimumSize(220, 140)
        pi = self.plot.getPlotItem()
        cache_axes(pi)
        pi.setLabel("bottom", self.tr("race iteration"))
        pi.setLabel("left", self.tr("loss"))
        pi.showGrid(x=False, y=True, alpha=0.18)
        pi.vb.setLimits(xMin=0, yMin=0.0)
        pi.getAxis("left").enableAutoSIPrefix(False)
        pi.getAxis("left").setWidth(54)
        self.legend = HeaderLegend(colCount=2, labelTextSize="8pt", horSpacing=6)
        self.legend.install(pi)
        chain, proportional = self.tr("chain rule"), self.tr("proportional split")
        self.chain_curve = pg.PlotDataItem(name=chain)
        self.proportional_curve = pg.PlotDataItem(name=proportional)
        pi.setClipToView(True)
        pi.setDownsampling(auto=True, mode="peak")
        pi.addItem(self.chain_curve)
        pi.addItem(self.proportional_curve)
        self.legend.addItem(self.chain_curve, chain)
        self.legend.addItem(self.proportional_curve, proportional)

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

        self._throttle = self.throttle(self.refresh, REFRESH_MS)
        self.race_button.clicked.connect(self.start_race)
        self.cancel_button.clicked.connect(self.cancel_race)
        self._on_palette_changed()
        self._on_trainer_replaced()

    # ------------------------------------------------------------ the session
    def _on_trainer_replaced(self) -> None:
        self._race_shown = None
        self.chain_curve.setData([], [])
        self.proportional_curve.setData([], [])
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._show_race_controls(False)
        self.race_status.setText(self.tr("Race: two copies from the current state, one per backprop mode."))
        self.table.clearSpans()
        self.table.setRowCount(0)  # a new network: rows and layer headings start over
        self.refresh()

    def _on_state_changed(self) -> None:
        self.redraw(self._throttle, REFRESH_MS)

    def _on_settings_changed(self, name: str) -> None:
        if name in ("loss", "backprop", "digits"):
            self.schedule(self._throttle, 0)

    # ------------------------------------------------------------------ table
    def refresh(self) -> None:
        """Recompute the table from the trainer's current batch."""
        t = self.session.trainer
        c = compare.chain_vs_proportional(t)
        self.comparison = c
        if c.source == "batch":
            where = T_("ComparePanel", "Means over the %n-sample batch of iteration %1", c.iteration,
                       n=c.n_samples)
        else:
            where = (self.tr("Means over the one sample at the current weights (no iteration yet)")
                     if c.n_samples == 1 else
                     T_("ComparePanel", "Means over all %n samples at the current weights (no iteration yet)",
                        n=c.n_samples))
        mode = (self.tr("The trainer uses the chain rule.") if t.backprop == "chain"
                else self.tr("The trainer uses the proportional split."))
        self.caption.setText(fill(self.tr("%1; the last column counts the samples one by one. %2"), where, mode))
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
                title = self.tr("output layer") if layer.layer == L else fill(self.tr("hidden layer %1"), layer.layer)
                self._set_row(r, [title, "", "", "", ""], heading=True)
                if table.columnSpan(r, 0) != len(COLUMNS):
                    table.setSpan(r, 0, 1, len(COLUMNS))
                r += 1
                ratio, agree, samples = layer.ratio, layer.agree, layer.samples_agreeing
                n = layer.chain_per_sample.shape[0]
                f = self.session.formatter
                for j, name in enumerate(layer.names):
                    d, e = float(layer.chain[j]), float(layer.proportional[j])
                    verdict = f"{samples[j]}/{n}" + ("" if agree[j] else " ≠")
                    self._set_row(r, [f"  {name}", _fmt(d, f), _fmt(e, f), _fmt(float(ratio[j]), f), verdict],
                                  signs=(None, d, e, None, None), disagree=not bool(agree[j]))
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
                tip = self.tr("For some samples the two modes push this neuron's net input in opposite directions")
            item.setToolTip(tip)

    # ------------------------------------------------------------------- race
    @property
    def race(self) -> compare.Race | None:
        """The race the plot shows (the Session's)."""
        run = self.session.race_run
        return None if run is None else run.race

    @property
    def racing(self) -> bool:
        run = self.session.race_run
        return run is not None and run.running

    def start_race(self) -> None:
        if self.racing:
            return
        if not self.session.start_race(int(self.iterations_box.value())):
            if self.session.trainer.status == "diverged":
                self.race_status.setText(self.tr("The trainer has diverged: reset or step back before a race."))
            return
        run = self.session.race_run
        if run.half_done:
            start = fill(self.tr("Racing from iteration %1 (each copy finishes the half-done iteration, in its "
                                 "own mode from its next backward step)…"), run.start)
        else:
            start = fill(self.tr("Racing from iteration %1…"), run.start)
        self.race_status.setText(start)
        self.plot.getPlotItem().enableAutoRange()

    def cancel_race(self) -> None:
        self.session.cancel_race()

    def _on_runs_changed(self, name: str) -> None:
        if name != "race":
            return
        run = self.session.race_run
        if run is None:
            return
        if run is not self._race_shown:  # a new race: the plot starts over
            self._race_shown = run
            self.progress.setRange(0, run.total)
            self.chain_curve.setData([], [])
            self.proportional_curve.setData([], [])
        self._draw_race()
        self.progress.setValue(min(run.race.done, run.total))
        self._show_race_controls(run.running)
        if not run.running and self._race_ended is not run:
            self._race_ended = run
            status = run.job.status
            if status == "failed":
                self.race_status.setText(fill(self.tr("Race stopped: %1"), run.job.error))
            elif status == "cancelled":
                self.race_status.setText(fill(self.tr("Cancelled · %1"), run.summary()))
            else:
                self.race_status.setText(run.summary())
            self.raceFinished.emit(run.complete)

    def _show_race_controls(self, running: bool) -> None:
        self.race_button.setEnabled(not running)
        self.iterations_box.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _draw_race(self) -> None:
        r = self.race
        for curve, losses in ((self.chain_curve, r.chain_losses), (self.proportional_curve, r.proportional_losses)):
            y = np.asarray(losses, dtype=np.float64)
            curve.setData(np.arange(1.0, y.size + 1.0), y)

    # ---------------------------------------------------------------- colours
    def _on_palette_changed(self) -> None:
        p = self.palette()
        dark = pal.is_dark(p)
        text = pal.text_color(p)
        background = pal.canvas_background(p)
        self.plot.setBackground(background)
        pi = self.plot.getPlotItem()
        pal.style_axes(pi, p, ("left", "bottom"))
        self.chain_curve.setPen(pg.mkPen(QColor(pal.LOSS_COLOURS[dark]), width=2))
        self.proportional_curve.setPen(pg.mkPen(QColor(PROPORTIONAL_COLOURS[dark]), width=2))
        self.legend.recolour(text)
        if self.comparison is not None:
            self.refresh()
