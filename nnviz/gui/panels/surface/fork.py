"""The Session's fork on the surface: its path on the heat map, its steps on the
cross-section, and a line comparing it with the main run."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnviz.app.runs import Fork
from nnviz.core.trainer import Trainer
from nnviz.core.words import T_
from nnviz.gui.panels.surface.cross_section import CrossSection
from nnviz.gui.panels.surface.heatmap import HeatMap
from nnviz.gui.panels.surface.look_ahead import fmt
from nnviz.gui.panels.surface.paths import PointLosses
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.labels import wrapping_label


class ForkView:
    """Draws a fork (or clears it); ``label`` goes in the panel's layout."""

    def __init__(self, heat: HeatMap, section: CrossSection) -> None:
        self.heat, self.section = heat, section
        self.label = wrapping_label("forkLabel")
        self.label.setVisible(False)
        self._losses = PointLosses()
        self._drawn: Fork | None = None

    def clear_losses(self) -> None:
        """The loss changed: the losses at the fork's points are computed again."""
        self._losses.clear()

    def draw(self, fork: Fork | None, main: Trainer, to_panel: Callable[[list], np.ndarray],
             rng: tuple[float, float, float, float], dark: bool) -> None:
        if fork is not self._drawn:
            self._drawn = fork
            self._losses.clear()
        self.show_label(fork, main, dark)
        if fork is None:
            self.heat.fork_item.setData([], [])
            self.section.fork.setData([], [])
            return
        f = fork.trainer
        first = max(fork.start - f.trajectory_start, 0)
        vectors = f.trajectory[first:]
        xy = to_panel(vectors)
        self.heat.show_fork(xy, rng)
        most = self._losses.affordable()
        if len(vectors) > most:
            xy, vectors, first = xy[-most:], vectors[-most:], first + len(vectors) - most
        self.section.show_fork(xy[:, 0], self._losses.losses(f, f.trajectory_start + first, vectors))

    def show_label(self, fork: Fork | None, main: Trainer, dark: bool) -> None:
        self.label.setVisible(fork is not None)
        if fork is None:
            return
        f = fork.trainer
        state = T_("ForkView", "diverged at iteration %1", f.iteration) if f.status == "diverged" else \
            T_("ForkView", "iteration %1, loss %2", f.iteration, fmt(f.evaluate_loss()))
        extra = f" · {fork.note}" if fork.note else ""
        how = ", ".join([f.optimizer.name] + [f"{name} {getattr(f, name)}" for name in ("batch", "loss")
                                              if getattr(f, name) != getattr(main, name)])
        line = T_("ForkView", "Fork from iteration %1 at rate %2 (%3): %4 · main: loss %5", fork.start,
                  f"{f.learning_rate:.4g}", how, state, fmt(main.evaluate_loss()))
        self.label.setText(f"<span style='color:{pal.FORK_COLOURS[dark]}'>&#9632;</span> {line}{extra}")
