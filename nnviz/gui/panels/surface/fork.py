"""The Session's forks on the surface: each one's path on the heat map and its steps on the
cross-section in the colour of its slot, a legend naming them over the heat map, and a
list under the plots comparing them with the main run, each with a button removing it."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from nnviz.app.runs import Fork, main_label
from nnviz.core.trainer import Trainer
from nnviz.core.words import T_
from nnviz.gui.panels.surface.cross_section import CrossSection
from nnviz.gui.panels.surface.heatmap import TRAIL, HeatMap
from nnviz.gui.panels.surface.look_ahead import fmt
from nnviz.gui.panels.surface.paths import PointLosses
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.labels import wrapping_label
from nnviz.gui.widgets.legend import HeaderLegend


class ForkView:
    """Draws the forks (or clears them). ``list`` goes in the panel's layout; ``remove(fork)``
    is called when the user removes one."""

    def __init__(self, heat: HeatMap, section: CrossSection, remove: Callable[[Fork], None]) -> None:
        self.heat, self.section = heat, section
        self.list = QWidget()
        self.list.setObjectName("forkList")
        layout = QVBoxLayout(self.list)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.main_row = wrapping_label("forkMain")
        layout.addWidget(self.main_row)
        self.labels, self.remove_buttons = [], []
        self._shown: list[Fork] = []  # the forks the rows show, oldest first
        for k in range(len(pal.FORK_COLOURS)):
            row = QHBoxLayout()
            row.setSpacing(4)
            label = wrapping_label(f"forkLabel{k}")
            button = QToolButton()
            button.setObjectName(f"removeFork{k}")
            button.setText("✕")
            button.setAutoRaise(True)
            button.setToolTip(T_("ForkView", "Remove this fork"))
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            button.clicked.connect(lambda _=False, k=k: remove(self._shown[k]) if k < len(self._shown) else None)
            row.addWidget(label, 1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
            self.labels.append(label)
            self.remove_buttons.append(button)
        self.list.setVisible(False)
        # the legend over the heat map: the main path's look (a white line with dark-edged
        # dots, seen on any background) and each fork's line
        self.legend = HeaderLegend(colCount=2, labelTextSize="8pt", horSpacing=6)  # a 2 × 2 grid at most
        self.legend.install(heat.plot)
        self.legend.layout.setContentsMargins(0, 0, 0, 0)  # its rows fill the title row, not more
        self._main_sample = pg.PlotDataItem(pen=pg.mkPen(TRAIL, width=2.2), symbol="o", symbolSize=7,
                                            symbolPen=pg.mkPen("#202020", width=0.8), symbolBrush=pg.mkBrush(TRAIL))
        self._samples = [pg.PlotDataItem(pen=pg.mkPen(bright, width=3.5)) for _, bright in pal.FORK_COLOURS]
        self._legend_state: list | None = None
        self._show_legend([])
        self._losses: dict[int, tuple[Fork, PointLosses]] = {}  # slot -> the fork drawn there and its losses

    def clear_losses(self) -> None:
        """The loss changed: the losses at the forks' points are computed again."""
        for _, losses in self._losses.values():
            losses.clear()

    def forget_gone(self, forks: list[Fork], main: Trainer, dark: bool) -> None:
        """Clear at once what was drawn for forks no longer in ``forks`` (the others are
        drawn with the next refresh)."""
        for slot, (fork, _) in list(self._losses.items()):
            if fork not in forks:
                self._clear_slot(slot)
        self.show_labels(forks, main, dark)

    def _clear_slot(self, slot: int) -> None:
        self._losses.pop(slot, None)
        self.heat.show_fork(slot, np.empty((0, 2)), None)
        self.section.show_fork(slot, np.empty(0), np.empty(0))

    def draw(self, forks: list[Fork], main: Trainer, to_panel: Callable[[list], np.ndarray],
             rng: tuple[float, float, float, float], dark: bool) -> None:
        for slot in range(len(pal.FORK_COLOURS)):
            fork = next((f for f in forks if f.slot == slot), None)
            if fork is None:
                self._clear_slot(slot)
                continue
            if self._losses.get(slot, (None,))[0] is not fork:
                self._losses[slot] = (fork, PointLosses())
            losses = self._losses[slot][1]
            f = fork.trainer
            first = max(fork.start - f.trajectory_start, 0)
            vectors = f.trajectory[first:]
            xy = to_panel(vectors)
            self.heat.show_fork(slot, xy, rng)
            most = losses.affordable()
            if len(vectors) > most:
                xy, vectors, first = xy[-most:], vectors[-most:], first + len(vectors) - most
            self.section.show_fork(slot, xy[:, 0], losses.losses(f, f.trajectory_start + first, vectors))
        self.show_labels(forks, main, dark)

    def show_labels(self, forks: list[Fork], main: Trainer, dark: bool) -> None:
        """The list under the plots and the legend over the heat map."""
        self._shown = list(forks)
        self.list.setVisible(bool(forks))
        self._show_legend(forks, main)
        if not forks:
            return
        self.main_row.setText("<span style='color:#808080'>&#9675;</span> " + T_(
            "ForkView", "Main run (%1): loss %2", main_label(main, forks), fmt(main.evaluate_loss())))
        for k, label in enumerate(self.labels):
            shown = k < len(forks)
            label.setVisible(shown)
            self.remove_buttons[k].setVisible(shown)
            if not shown:
                continue
            fork = forks[k]
            f = fork.trainer
            state = T_("ForkView", "diverged at iteration %1", f.iteration) if f.status == "diverged" else \
                T_("ForkView", "iteration %1, loss %2", f.iteration, fmt(f.evaluate_loss()))
            line = T_("ForkView", "%1, from iteration %2: %3", fork.label, fork.start, state)
            extra = f" · {fork.note}" if fork.note else ""
            colour = pal.FORK_COLOURS[fork.slot][dark]
            label.setText(f"<span style='color:{colour}'>&#9632;</span> {line}{extra}")

    def _show_legend(self, forks: list[Fork], main: Trainer | None = None) -> None:
        wanted = [] if not forks else [(self._main_sample, T_("ForkView", "main: %1", main_label(main, forks)))] + [
            (self._samples[f.slot], f.label) for f in forks]
        if wanted == self._legend_state:
            return
        self._legend_state = wanted
        self.legend.clear()
        for item, name in wanted:
            self.legend.addItem(item, name)
        self.legend.setVisible(bool(wanted))
        if wanted:
            self.fit_legend()
        else:  # no title row without forks
            self.heat.plot.layout.setRowFixedHeight(0, 0)

    def fit_legend(self) -> None:
        """The legend's entries in as many rows as the heat map's width needs."""
        if self._legend_state:  # the view's width less the left axis and the colour bar beside the map
            heat = self.heat
            room = heat.plot.getViewWidget().viewport().width() - heat.plot.getAxis("left").width() \
                - heat.colorbar.width() - 12
            self.legend.fit(max(room, 150.0))
            self.heat.plot.layout.setRowFixedHeight(0, self.legend.preferredHeight() + 2)  # as tall as its rows

    def recolour(self, text: QColor) -> None:
        self.legend.recolour(text)
