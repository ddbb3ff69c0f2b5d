"""The learning-rate schedule strip under the loss curve: the rate the schedule applies
at each iteration, for the iterations run and a few ahead. Hidden while the schedule is
constant. Its items are created once."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, fill, translate
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import IterationAxis, cache_axes

RATE_COLOURS = ("#8d6e00", "#e0c050")  # (light, dark) ochre
RATE_AHEAD = 0.2  # the strip also shows this share of the iterations run ahead
RATE_AHEAD_MIN = 10  # ... and at least this many iterations
DASHED_UP_TO = 4000  # a dashed pen is slow on long paths: solid beyond this
# the schedules' names, as the training options list them
SCHEDULES = [("constant", N_("ScheduleStrip", "Constant")), ("step", N_("ScheduleStrip", "Step decay")),
             ("exponential", N_("ScheduleStrip", "Exponential")), ("inverse", N_("ScheduleStrip", "1/t decay"))]


class ScheduleStrip(pg.PlotWidget):
    """A small plot: ``show_schedule(trainer, n)`` after n iterations."""

    def __init__(self) -> None:
        super().__init__(axisItems={"bottom": IterationAxis("bottom")}, enableMenu=False)
        self.setObjectName("ratePlot")
        self.setFixedHeight(92)
        self.setToolTip(self.tr("The learning rate the schedule applies at each iteration "
                                "(dashed; dotted: the iterations still to come)"))
        self._key: tuple | None = None
        self.x = np.empty(0)
        self.y = np.empty(0)
        self._dark = False
        pi = self.getPlotItem()
        cache_axes(pi)
        pi.vb.setMouseEnabled(x=False, y=False)
        pi.hideButtons()
        left = pi.getAxis("left")
        left.setWidth(54)  # as the loss axis: the two plots' iterations line up
        left.enableAutoSIPrefix(False)
        left.setStyle(maxTickLevel=0)
        pi.setLabel("left", self.tr("rate"))
        pi.getAxis("bottom").setStyle(showValues=True)
        self.align(False)
        self.title = pg.LabelItem(self.tr("learning rate (schedule)"), size="8pt", justify="right")
        pi.layout.removeItem(pi.titleLabel)
        pi.titleLabel.setVisible(False)
        pi.layout.addItem(self.title, 0, 1)
        pi.layout.setRowFixedHeight(0, 14)
        pi.setClipToView(True)
        pi.setDownsampling(auto=True, mode="peak")
        self.run_item = pg.PlotDataItem()  # the iterations run
        self.ahead_item = pg.PlotDataItem()  # the iterations ahead
        self.now_line = pg.InfiniteLine(angle=90, movable=False)
        pi.addItem(self.run_item)
        pi.addItem(self.ahead_item)
        pi.addItem(self.now_line, ignoreBounds=True)
        self.setVisible(False)

    def align(self, right_axis: bool) -> None:
        """Line the iterations up with the loss plot above (with or without its right axis)."""
        self.getPlotItem().setContentsMargins(0, 0, 44 if right_axis else 16, 0)

    def show_schedule(self, trainer: Trainer, n: int) -> None:
        """The applied rate for the ``n`` iterations run and the ones ahead."""
        s = trainer.settings
        sched, lr = s.schedule, float(s.learning_rate)
        ahead = max(RATE_AHEAD_MIN, math.ceil(RATE_AHEAD * n))
        key = (sched, lr, n, ahead, self._dark)
        if key == self._key:
            return
        self._key = key
        if sched.kind == "constant":
            self.setVisible(False)
            self.x = self.y = np.empty(0)
            self.run_item.setData([], [])
            self.ahead_item.setData([], [])
            return
        total = n + ahead
        x = np.arange(1.0, total + 1.0)
        y = np.array([sched.rate(lr, k) for k in range(total)], dtype=float)
        self.x, self.y = x, y
        dashed = total <= DASHED_UP_TO
        self.run_item.setPen(self._pen(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine, 2))
        self.ahead_item.setPen(self._pen(Qt.PenStyle.DotLine if dashed else Qt.PenStyle.SolidLine, 1))
        # the run part ends where the next one starts, so the two join without a gap
        self.run_item.setData(x[:n + 1] if n else [], y[:n + 1] if n else [])
        self.ahead_item.setData(x[n:], y[n:])
        self.now_line.setPos(float(max(n, 1)))
        self.now_line.setVisible(n > 0)
        top = float(y.max()) if y.size else lr
        self.getPlotItem().vb.setRange(xRange=(0.5, total + 0.5), yRange=(0.0, top * 1.08 or 1.0), padding=0)
        kind = translate("ScheduleStrip", dict(SCHEDULES).get(sched.kind, sched.kind))
        self.title.setText(fill(self.tr("learning rate (%1) · next %2"), kind,
                                f"{trainer.applied_learning_rate:.9g}"),
                           size="8pt", color=pal.text_color(self.palette()))
        self.setVisible(True)

    def _pen(self, style, width):
        return pg.mkPen(QColor(RATE_COLOURS[self._dark]), width=width, style=style)

    def recolour(self, p: QPalette) -> None:
        self._dark = pal.is_dark(p)
        text = pal.text_color(p)
        faint = QColor(text)
        faint.setAlpha(110)
        self.setBackground(pal.canvas_background(p))
        pal.style_axes(self.getPlotItem(), p, ("left", "bottom"))
        self.now_line.setPen(pg.mkPen(faint, width=1, style=Qt.PenStyle.DashLine))
