"""The learning-rate sweep: from the current state, N iterations at each of M rates
log-spaced between two bounds, on copies; the final loss against the rate (log-log) with
the best marked, the loss curves, and "Use best" to set the slider.

The sweep is a job on the Session's worker pool (on a copy of the trainer, so Play may
go on) that reports progress back to the GUI thread; Cancel stops it between rates.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QDoubleValidator
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from nnviz.app.jobs import CANCELLED, DONE, Job, SweepRequest
from nnviz.core.analysis import sweep
from nnviz.core.words import fill
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import CompactLossAxis, RateAxis
from nnviz.gui.widgets.plot_data import set_series
from nnviz.gui.widgets.session_view import SessionView

DEFAULT_LOW, DEFAULT_HIGH, DEFAULT_COUNT, DEFAULT_ITERATIONS = 1e-3, 10.0, 25, 200
BEST = "#c2185b"  # palette.HIGHLIGHT
STATUS_SYMBOLS = {"converging": "o", "zigzag": "d", "oscillating": "t1", "diverged": "x"}


class SweepDialog(SessionView, QDialog):
    """A modeless dialog; ``run()`` starts a sweep, ``use_best()`` sets the rate."""

    finished_sweep = Signal()
    DETACH_ON_CLOSE = False  # the window keeps it: opened again, it shows the last sweep

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Learning-rate sweep"))
        self.setObjectName("sweepDialog")
        self.result = None
        self.job: Job | None = None
        self.elapsed: float | None = None
        self._started = 0.0

        self.low = QLineEdit(f"{DEFAULT_LOW:g}")
        self.high = QLineEdit(f"{DEFAULT_HIGH:g}")
        for edit in (self.low, self.high):
            v = QDoubleValidator(1e-8, 1e4, 10, edit)
            v.setNotation(QDoubleValidator.Notation.ScientificNotation)
            edit.setValidator(v)
            edit.setMaximumWidth(90)
        self.count = QSpinBox()
        self.count.setRange(2, min(400, sweep.MAX_RATES))
        self.count.setValue(DEFAULT_COUNT)
        self.iterations = QSpinBox()
        self.iterations.setRange(1, sweep.MAX_ITERATIONS)
        self.iterations.setValue(DEFAULT_ITERATIONS)
        self.iterations.setSingleStep(50)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.use_best_button = QPushButton(self.tr("Use best"))
        self.use_best_button.setEnabled(False)
        self.use_best_button.setToolTip(self.tr("Set the learning rate (and the slider) to the best rate found"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.cancel_button, self.use_best_button, self.close_button):
            b.setAutoDefault(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("From the current state: N iterations at each rate, on copies of the network."))
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setMinimumSize(560, 420)
        self.final_plot = self.plots.addPlot(row=0, col=0, axisItems={"left": CompactLossAxis("left"),
                                                                      "bottom": RateAxis("bottom")},
                                              enableMenu=False)
        self.curves_plot = self.plots.addPlot(row=1, col=0, axisItems={"left": CompactLossAxis("left")},
                                              enableMenu=False)
        self.final_plot.setLogMode(x=True, y=True)
        self.final_plot.setLabel("bottom", self.tr("learning rate"))
        self.final_plot.setLabel("left", self.tr("final loss"))
        self.curves_plot.setLogMode(x=False, y=True)
        self.curves_plot.setLabel("bottom", self.tr("iteration"))
        self.curves_plot.setLabel("left", self.tr("loss"))
        for plot in (self.final_plot, self.curves_plot):
            for name in ("left", "bottom"):
                plot.getAxis(name).enableAutoSIPrefix(False)
            plot.hideButtons()
            plot.showGrid(x=True, y=True, alpha=0.15)
        self.final_item = pg.PlotDataItem()
        self.best_item = pg.PlotDataItem(pen=None, symbol="star", symbolSize=18)  # follows log mode
        self.current_line = pg.InfiniteLine(angle=90, movable=False)
        self.final_plot.addItem(self.final_item)
        self.final_plot.addItem(self.best_item)
        self.final_plot.addItem(self.current_line, ignoreBounds=True)
        self.curve_items: list[pg.PlotDataItem] = []
        self.best_curve = pg.PlotDataItem()
        self.curves_plot.addItem(self.best_curve)

        form = QFormLayout()
        rates = QHBoxLayout()
        rates.addWidget(self.low)
        rates.addWidget(QLabel(self.tr("to")))
        rates.addWidget(self.high)
        rates.addWidget(QLabel(self.tr("count")))
        rates.addWidget(self.count)
        rates.addStretch(1)
        form.addRow(self.tr("Learning rates"), rates)
        its = QHBoxLayout()
        its.addWidget(self.iterations)
        its.addStretch(1)
        form.addRow(self.tr("Iterations each"), its)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.use_best_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.plots, 1)
        self.caption = QLabel(self.tr("Top: the loss after the iterations at each rate (○ converging, ◇ zigzag, "
                                      "△ oscillating, × diverged), the best starred, the current rate dashed. Bottom: "
                                      "the loss per iteration, dark for small rates to yellow for large, the best in "
                                      "magenta."))
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_best_button.clicked.connect(self.use_best)
        self.close_button.clicked.connect(self.close)
        self._on_palette_changed()
        self._show_current_rate()

    # ---------------------------------------------------------------- running
    def rates(self) -> np.ndarray | None:
        try:
            low, high = float(self.low.text()), float(self.high.text())
        except ValueError:
            return None
        if not (0 < low < high and math.isfinite(high)):
            return None
        return np.logspace(math.log10(low), math.log10(high), self.count.value())

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def run(self) -> bool:
        if self.running:
            return False
        rates = self.rates()
        if rates is None:
            self.status.setText(self.tr("The rates need two positive numbers, the first smaller."))
            return False
        t = self.session.trainer
        if t.status == "diverged":
            self.status.setText(self.tr("The run has diverged: step back or reset before a sweep."))
            return False
        try:
            sweep.check_sweep_size(len(rates), self.iterations.value())
        except ValueError as exc:
            self.status.setText(f"{str(exc)[0].upper()}{str(exc)[1:]}.")
            return False
        self.progress.setRange(0, len(rates))
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.use_best_button.setEnabled(False)
        self.status.setText(fill(self.tr("Running %1 rates × %2 iterations from iteration %3…"), len(rates),
                                 self.iterations.value(), t.iteration))
        self._started = time.perf_counter()
        self.job = self.submit(SweepRequest(t.copy(), rates, self.iterations.value()),
                               on_progress=self._on_progress, on_finished=self._on_finished)
        return True

    def cancel(self) -> None:
        if self.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _on_progress(self, job: Job) -> None:
        if self.progress.maximum() != job.total:
            self.progress.setRange(0, job.total)
        self.progress.setValue(job.done)

    def _on_finished(self, job: Job) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if job.status == DONE:
            self._on_done(job.result)
        else:
            self.status.setText(self.tr("Cancelled.") if job.status == CANCELLED
                               else fill(self.tr("The sweep failed: %1"), job.error))
            self.progress.setValue(0)
            self.finished_sweep.emit()

    def _on_done(self, result) -> None:
        self.elapsed = time.perf_counter() - self._started
        self.result = result
        self.progress.setValue(self.progress.maximum())
        best = float(result.best_rate)
        finals = np.asarray(result.final_losses, dtype=float)
        k = int(np.argmin(np.abs(np.asarray(result.rates) - best)))
        self.status.setText(fill(self.tr("Best rate %1: loss %2 after %3 iterations (%4 rates in %5 s)."),
                                 f"{best:.4g}", f"{finals[k]:.4g}", self.iterations.value(), len(finals),
                                 f"{self.elapsed:.2f}"))
        self.use_best_button.setEnabled(math.isfinite(best) and best > 0)
        self._draw(result)
        self.finished_sweep.emit()

    def use_best(self) -> None:
        if self.result is None:
            return
        self.session.set_learning_rate(float(self.result.best_rate))
        self.session.notify(fill(self.tr("Learning rate set to %1, the best of the sweep"),
                                 f"{float(self.result.best_rate):.4g}"))

    # ---------------------------------------------------------------- drawing
    def _draw(self, result) -> None:
        rates = np.asarray(result.rates, dtype=float)
        finals = np.asarray(result.final_losses, dtype=float)
        ok = np.isfinite(finals) & (finals > 0)
        y = np.where(ok, finals, np.nan)
        # points and their symbols together: set apart, the item would meet this run's
        # points with the last run's symbols (a different count) and refuse them
        set_series(self.final_item, rates, y, symbol=[STATUS_SYMBOLS.get(s, "o") for s in result.statuses])
        best = float(result.best_rate)
        k = int(np.argmin(np.abs(rates - best)))
        if ok[k]:
            self.best_item.setData([best], [finals[k]])
        else:
            self.best_item.setData([], [])
        curves = np.asarray(result.loss_curves, dtype=float)
        lut = pg.colormap.get(pal.SEQUENTIAL).getLookupTable(0.0, 0.9, max(len(rates), 2), alpha=False)
        while len(self.curve_items) < len(rates):
            item = pg.PlotDataItem()
            self.curves_plot.addItem(item)
            self.curve_items.append(item)
        for i, item in enumerate(self.curve_items):
            if i >= len(rates) or curves.ndim != 2:
                item.setData([], [])
                continue
            c = curves[i]
            c = np.where(np.isfinite(c) & (c > 0), c, np.nan)
            set_series(item, np.arange(1.0, c.size + 1.0), c)
            colour = QColor(*lut[i][:3])
            colour.setAlpha(170)
            item.setPen(pg.mkPen(colour, width=1))
        if curves.ndim == 2 and k < curves.shape[0]:
            c = np.where(np.isfinite(curves[k]) & (curves[k] > 0), curves[k], np.nan)
            set_series(self.best_curve, np.arange(1.0, c.size + 1.0), c)
            self.best_curve.setZValue(10)
        self.final_plot.enableAutoRange()
        self.curves_plot.enableAutoRange()

    def _show_current_rate(self) -> None:
        self.current_line.setPos(math.log10(self.session.trainer.learning_rate))

    def _on_settings_changed(self, name: str) -> None:
        if name == "learning_rate":
            self._show_current_rate()

    def _on_trainer_replaced(self) -> None:
        self.cancel()
        self._show_current_rate()

    def _on_palette_changed(self) -> None:
        p = self.palette()
        text = pal.text_color(p)
        faint = QColor(text)
        faint.setAlpha(110)
        self.plots.setBackground(pal.canvas_background(p))
        for plot in (self.final_plot, self.curves_plot):
            pal.style_axes(plot, p, ("left", "bottom"))
        self.final_item.setPen(pg.mkPen(text, width=1.5))
        self.final_item.setSymbolSize(7)
        self.final_item.setSymbolPen(pg.mkPen(text))
        self.final_item.setSymbolBrush(pg.mkBrush(pal.canvas_background(p)))
        self.best_item.setSymbolPen(pg.mkPen(BEST, width=1.5))
        self.best_item.setSymbolBrush(pg.mkBrush(BEST))
        self.best_curve.setPen(pg.mkPen(BEST, width=2.5))
        self.current_line.setPen(pg.mkPen(faint, width=1, style=Qt.PenStyle.DashLine))

    def closeEvent(self, event) -> None:  # noqa: N802
        self.cancel()
        super().closeEvent(event)
