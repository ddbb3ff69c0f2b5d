"""The line the surface panel's cross-section follows: the first axis (the second at its
current value), or the steepest eigen-direction of the curvature over the two axes
through the current point (in a slice whose curvature is known); the loss along it, the
steps taken at the losses they reached, and the arrows on the heat map's recent steps. A
mixin of ``SurfacePanel``."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker

from nnviz.gui.panels.surface.cross_section import POINTS, line_span, line_values, section_values
from nnviz.gui.panels.surface.grids import GRID_POINTS
from nnviz.gui.panels.surface.paths import FLAT_OUT_STEPS_BUDGET_S, STEPS_BUDGET_S


class SectionLine:
    """The cross-section's line of ``SurfacePanel`` (see the module notes)."""

    def set_section(self, along: str) -> None:
        """The cross-section along the first axis ("x") or the steepest eigen-direction
        of the curvature over the two axes ("steep"; in a slice)."""
        if along not in ("x", "steep"):
            raise ValueError("the cross-section goes along 'x' or 'steep'")
        self.along = along
        with QSignalBlocker(self.controls.section_box):
            self.controls.section_box.setCurrentIndex(self.controls.section_box.findData(along))
        self._section_key = self.look.key = None
        self._update_labels()
        self._request_refresh(now=True)

    def _steep_line(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(origin, direction as flat vectors, its unit 2-vector in the axes' plane) of the
        steepest line through the current point, in a slice whose curvature is known."""
        e = self.eigen_plot.eigen
        if self.along != "steep" or self.mode != "slice" or e is None:
            return None
        net = self.trainer.network
        u = np.array([e.vectors[e.params.index(n), 0] for n in self.axes])
        direction = np.zeros(net.n_params)
        direction[list(self._axis_columns())] = u
        return net.flat(), direction, u

    def _to_section(self, params: np.ndarray) -> np.ndarray:
        """The cross-section's x of parameter vectors (rows)."""
        params = np.asarray(params, dtype=np.float64).reshape(-1, self.trainer.network.n_params)
        line = self._steep_line()
        if line is not None:
            origin, direction, _ = line
            with np.errstate(all="ignore"):
                return (params - origin).dot(direction)
        return self._in_panel(params)[:, 0] if len(params) else np.empty(0)

    def _update_section(self, current: np.ndarray, path: np.ndarray, first_after: int) -> None:
        t = self.trainer
        line = self._steep_line()
        if self.section.set_along("steep" if line is not None else "x"):
            self._update_labels()
        key = (self.grid_state(), float(current[1]), None if line is None else line[1].tobytes())
        if key != self._section_key:
            points = POINTS
            if self.grids.slow:
                points = int(np.clip(10.0 * GRID_POINTS ** 2 / self.grids.last_ms, 41, POINTS))
            if line is None:
                xs = np.linspace(self.range[0], self.range[1], points)
                ys = section_values(t, self.axes, self._plane_directions(), xs, current[1])
                drawn = np.column_stack([xs[[0, -1]], [current[1], current[1]]])
            else:
                s0, s1 = line_span(current, line[2], self.range)
                xs = np.linspace(s0, s1, points)
                ys = line_values(t, line[0], line[1], xs)
                drawn = current + np.outer([s0, s1], line[2])
            self._section_xy = (xs, np.asarray(ys))
            self._section_line = drawn
            self._section_key = key
        self.section.show_curve(*self._section_xy)
        self.heat.show_section_line(self._section_line)
        # the steps: the last trajectory points at the loss they reached
        traj = t.trajectory
        budget = FLAT_OUT_STEPS_BUDGET_S if self.session.flat_out else STEPS_BUDGET_S
        first = max(len(traj) - self._trail_losses.affordable(budget), 0)
        losses = self._trail_losses.losses(t, t.trajectory_start + first, traj[first:])
        xs = self._to_section(np.array(traj[first:])) if line is not None else path[first:, 0]
        self.section.show_steps(xs, losses)
        self.section.show_current(0.0 if line is not None else current[0], t.evaluate_loss())
        # an arrow on each step drawn on the heat map since the point was last put by hand
        keep = max(first, first_after)
        self.heat.show_arrows(path[keep:], losses[keep - first:])

