"""The loss-surface panel: the loss over two parameters, the path gradient descent takes
on it, and where the next steps would go at the learning rate under the slider.

- Axes: two parameters from two drop-downs, or the last two clicked on the canvas.
- The heat map (``heatmap``) is the training loss on a grid over the two axes, every
  other parameter at its current value ("slice"), or over the plane through the current
  point spanned by the two main directions of the parameter history ("plane of the
  trajectory"); the range fits the trajectory and follows zoom and pan. Slow grids are
  computed off the GUI thread (``grids``).
- "Train only these two" freezes every other parameter, so the path lies exactly on the
  surface; unchecking restores the frozen set from before.
- Each recent step has an arrow (green and filled where it lowered the loss, red and
  hollow where it raised it). Click on the heat map to put the current point there, or
  drag the point (``pointer``): the two parameters are set through the Session, so Step
  back undoes it, and the path starts again from there (the earlier path stays, faint).
- Below, the cross-section (``cross_section``, ``section_line``): the loss along the first axis or along
  the steepest eigen-direction, with the steps taken drawn as jumps between the losses
  they reached; under it the eigen plot (``eigen_plot``): the error along each
  eigen-direction over the next steps, with its factor per step.
- The look-ahead (``look_ahead``): the next 30 updates at the slider's rate as a thin
  dashed ghost path, with a verdict (converging, zigzag, oscillating, diverged), the
  regime marks over the axes and over every parameter, and the first-contact hint.
- The range (``range_choice``, ``framing``) holds the path, the current point, the slice's minimum and the
  look-ahead's first steps; it widens (smoothly) to follow the look-ahead as the slider
  moves, and an arrow at the edge marks where a look-ahead leaves the view.
- The Session's forks (up to three) are drawn on both plots, each in its own colour, named
  in a legend over the heat map and listed under the plots (``fork``).

All maths comes from :mod:`nnviz.core.analysis.surface`. Recomputation is throttled so
that the last request wins (slider moves at most once a frame, re-slicing at most five
times a second during Play, 2.5 times while Play uses every frame). A panel out of sight
does no work until shown.
"""

from __future__ import annotations


import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from nnviz.app.jobs import GridRequest
from nnviz.core import losses
from nnviz.core.analysis import surface
from nnviz.core.trainer import Trainer
from nnviz.core.words import fill
from nnviz.gui.panels.surface import figure, first_contact, framing
from nnviz.gui.panels.surface.axes_choice import AxesChoice
from nnviz.gui.panels.surface.controls import MODES, SurfaceControls
from nnviz.gui.panels.surface.cross_section import CrossSection
from nnviz.gui.panels.surface.dialogs import ForkDialog
from nnviz.gui.panels.surface.eigen_plot import EigenPlot
from nnviz.gui.panels.surface.fork import ForkView
from nnviz.gui.panels.surface.grids import Grids, check_range, grid_request, grid_state
from nnviz.gui.panels.surface.heatmap import HeatMap
from nnviz.gui.panels.surface.look_ahead import LookAheadView
from nnviz.gui.panels.surface.paths import PointLosses, Trail, inside
from nnviz.gui.panels.surface.pointer import Pointer
from nnviz.gui.panels.surface.range_choice import RangeChoice
from nnviz.gui.panels.surface.section_line import SectionLine
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import settle_ranges
from nnviz.gui.widgets.forms import run_once
from nnviz.gui.widgets.labels import wrapping_label
from nnviz.gui.widgets.session_view import SessionView

FRAME_MS = 16
PLAY_REFRESH_MS = 200  # during Play the surface is re-sliced at most 5 times a second ...
FLAT_OUT_REFRESH_MS = 400  # ... and 2.5 times while Play uses every frame
STABILITY_MS = 500
WIDEN_MS = 250  # the view widens to follow the look-ahead at most this often


class SurfacePanel(AxesChoice, RangeChoice, SectionLine, SessionView, QWidget):
    """The right dock's content; follows the Session."""

    sweepRequested = Signal()  # the Sweep… button: the window opens the learning-rate sweep

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("surfacePanel")
        self.rate_control = None  # the LearningRateControl, once connected
        self.axes: tuple[str, str] | None = None  # canonical names
        self.mode = "slice"
        self.a_values = np.empty(0)
        self.b_values = np.empty(0)
        self.loss = np.empty((0, 0))  # loss[i, j] at a_values[i], b_values[j]
        self.range: tuple[float, float, float, float] | None = None
        self._auto_fit = True
        self.along = "x"  # the cross-section's line: the first axis, or "steep"
        self._plane = None  # (origin, d1, d2, coords)
        self._trail = Trail()
        self._trail_losses = PointLosses()
        self._saved_frozen: frozenset | None = None  # the frozen set before "train only these two"
        self._train_only_frozen: frozenset | None = None
        self._section_key = None
        self._dirty = True
        self._error_source = ""  # what put the error line up: "surface", "plane" or "" (anything else)

        self.controls = c = SurfaceControls()
        self.note = wrapping_label("surfaceNote")
        self.error_label = wrapping_label("surfaceError")
        self.error_label.setVisible(False)

        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setMinimumHeight(360)
        self.plots.ci.layout.setContentsMargins(2, 2, 2, 2)
        self.plots.ci.layout.setVerticalSpacing(4)
        self.heat = HeatMap(self.plots, row=0)
        self.section = CrossSection(self.plots, row=1, link=self.heat.plot)
        self.eigen_plot = EigenPlot(self.plots, row=2)
        for row, stretch in enumerate((7, 4, 3)):
            self.plots.ci.layout.setRowStretchFactor(row, stretch)
        self.look = LookAheadView(self.heat, self.section)
        self.fork_view = ForkView(self.heat, self.section, lambda fork: self.session.remove_fork(fork))
        self.pointer = Pointer(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        for w in (c, self.note, self.error_label):
            layout.addWidget(w)
        layout.addWidget(self.plots, 1)
        for w in (self.eigen_plot.label, self.look.indicator, self.look.hint, self.look.stability_label,
                  self.fork_view.list):
            layout.addWidget(w)

        self.grids = Grids(self._grid_request, self.grid_state, self._show_grid, self.submit,
                           lambda: self.session.playing, lambda text: self._show_error(
                               fill(self.tr("Surface: %1"), text), announce=False, source="surface"))
        self._refresh_throttle = self.throttle(self._refresh, FRAME_MS)
        self._ghost_throttle = self.throttle(self._update_ghost, FRAME_MS)
        self._stability_throttle = self.throttle(self._update_stability, STABILITY_MS)
        self._widen_throttle = self.throttle(self._widen, WIDEN_MS)
        self.animation = framing.RangeAnimation(self, self.heat.show_range, self._on_widened)
        c.axis_a.activated.connect(lambda _: self._on_axis_chosen())
        c.axis_b.activated.connect(lambda _: self._on_axis_chosen())
        c.follow_box.toggled.connect(self._on_follow_toggled)
        c.mode_box.currentIndexChanged.connect(lambda i: self.set_mode(c.mode_box.itemData(i)))
        c.section_box.currentIndexChanged.connect(lambda i: self.set_section(c.section_box.itemData(i)))
        c.train_only_box.toggled.connect(self.set_train_only)
        c.log_box.toggled.connect(self._on_log_toggled)
        c.fit_button.clicked.connect(self.fit)
        c.range_button.clicked.connect(self.ask_range)
        c.fork_button.clicked.connect(self.ask_fork)
        c.unfork_button.clicked.connect(lambda: self.session.remove_forks())
        c.sweep_button.clicked.connect(self.sweepRequested)
        self.heat.view_box.sigRangeChangedManually.connect(self._on_view_moved)
        self.section.view_box.sigRangeChangedManually.connect(self._on_view_moved)
        self.listen(self.heat.view_box.sigRangeChanged, self._on_view_changed)
        self.listen(self.heat.view_box.sigResized, self._on_view_changed)
        self.listen(self.look.hint.linkActivated, self._on_hint_link)
        self._on_palette_changed()
        self._on_trainer_replaced()

    # =============================================================== session
    def connect_learning_rate(self, control) -> None:
        """Follow a LearningRateControl's slider while it moves."""
        self.rate_control = control
        self.listen(control.previewed, self.preview_rate)

    @property
    def trainer(self) -> Trainer:
        return self.session.trainer

    def detach(self) -> None:
        self.animation.cancel()
        super().detach()

    def _on_view_changed(self, *args) -> None:
        self.heat.show_arrows()  # their directions on screen follow the view's aspect

    def _on_hint_link(self, link: str) -> None:
        first_contact.open_bowl(self.session)

    def _on_trainer_replaced(self) -> None:
        t = self.trainer
        self._saved_frozen = self._train_only_frozen = None
        with QSignalBlocker(self.controls.train_only_box):
            self.controls.train_only_box.setChecked(False)
        self._trail.clear()
        self._trail_losses.clear()
        self._plane = None
        self._section_key = self.look.key = None
        self.look.xy = np.empty((0, 2))
        self.pointer.forget()
        self.eigen_plot.forget()
        self.animation.cancel()
        self.grids.forget()
        self._auto_fit = True
        self.range = None
        self.look.rate = t.learning_rate
        self.look.marks = (None, None)
        self._fill_axis_boxes()
        try:
            axes = surface.default_axes(t)
        except ValueError as exc:
            axes = None
            self._show_error(str(exc), announce=False)
        self.axes = None
        if axes is not None:
            self._apply_axes(tuple(axes))
        self._update_note()
        self._request_refresh(now=True)
        self._stability_throttle.request(0)

    def _on_state_changed(self) -> None:
        self._request_refresh()
        self._stability_throttle.request()

    def _on_settings_changed(self, name: str) -> None:
        if name == "learning_rate":
            self.look.rate = self.trainer.learning_rate
            self._ghost_throttle.request()
        elif name == "frozen":
            self._on_frozen_changed()
        elif name == "loss":
            self._trail_losses.clear()
            self.fork_view.clear_losses()
            self.grids.key = self._section_key = None
        if name in ("frozen", "loss", "optimizer", "backprop", "batch"):
            self.look.key = None
            self.eigen_plot.forget()
            self._request_refresh()
            self._stability_throttle.request(0)

    def _on_runs_changed(self, name: str) -> None:
        if name == "fork":
            forks = self.session.forks
            self.controls.unfork_button.setVisible(bool(forks))
            # a fork removed goes at once; the others' paths come with the next refresh
            self.fork_view.forget_gone(forks, self.trainer, pal.is_dark(self.palette()))
            if forks:
                self._request_refresh()

    def _on_timeline_changed(self) -> None:
        view = self.session.view_iteration
        self.heat.show_timeline(None if view is None else view - self.trainer.trajectory_start)

    def _on_playing_changed(self, playing: bool) -> None:
        if not playing:
            self._request_refresh(now=True)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fork_view.fit_legend()

    def _on_shown(self) -> None:
        super()._on_shown()
        if self._dirty:
            self._request_refresh(now=True)

    # ================================================================== axes
    def _apply_axes(self, axes: tuple[str, str]) -> None:
        if axes == self.axes:
            self._show_axes_in_boxes()
            return
        self.axes = axes
        self._show_error("")
        self._trail.clear()
        self._trail_losses.clear()
        self._section_key = self.look.key = None
        self.look.xy = np.empty((0, 2))
        self.eigen_plot.forget()
        self.grids.forget()  # the cost depends on the layers the axes are in
        self._auto_fit = True
        self.range = None
        if self._saved_frozen is not None:
            self._freeze_all_but_axes()
        self._show_axes_in_boxes()
        self._update_labels()
        self._update_note()
        self._request_refresh(now=True)
        self._stability_throttle.request(0)

    def _update_labels(self) -> None:
        if self.axes is None:
            return
        if self.mode == "plane":
            x, y = self.tr("direction 1 (main)"), self.tr("direction 2")
        else:
            x, y = (self.axis_label(n) for n in self.axes)
        text = pal.text_color(self.palette())
        self.heat.set_labels(x, y, self.controls.log_box.isChecked(), text)
        self.section.set_labels(x, text)

    def _axis_columns(self) -> tuple[int, int]:
        net = self.trainer.network
        return tuple(net.flat_index(net.parse_param(n)) for n in self.axes)

    # ================================================================= mode
    def set_mode(self, mode: str) -> None:
        if mode not in dict(MODES):
            raise ValueError(f"mode must be one of {', '.join(dict(MODES))}")
        if mode == self.mode:
            return
        self.mode = mode
        with QSignalBlocker(self.controls.mode_box):
            self.controls.mode_box.setCurrentIndex(self.controls.mode_box.findData(mode))
        self._plane = None
        self.grids.key = self._section_key = self.look.key = None
        self.look.xy = np.empty((0, 2))
        self._trail.clear()
        self._auto_fit = True
        self.range = None
        self.animation.cancel()
        self._update_labels()
        self._update_note()
        self._request_refresh(now=True)

    def _update_note(self) -> None:
        if self.axes is None:
            self.note.setText(self.tr("Choose two parameters to see the loss over them."))
            return
        names = fill(self.tr("%1 and %2"), *(self.trainer.network.display_name(n) for n in self.axes))
        if self.mode == "plane":
            text = self.tr("Plane through the current point along the path's two main directions, "
                           "the path projected onto it; it turns as the path grows.")
        elif self.train_only:
            text = fill(self.tr("Only %1 train: the path lies exactly on this surface."), names)
        else:
            text = self.tr("Everything trains: a slice through the current point (other parameters as they "
                           "are now), redrawn as it moves.")
        chosen = self.session.selected_params
        if self.controls.follow_box.isChecked() and len(chosen) == 2 and tuple(chosen) == self.axes:
            text = fill(self.tr("%1 Axes: the two parameters clicked last."), text)
        self.note.setText(text)

    def _show_error(self, text: str, announce: bool = True, source: str = "") -> None:
        self._error_source = source if text else ""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if text and announce:
            self.session.notify(text)

    # ============================================================== refresh
    def _request_refresh(self, now: bool = False) -> None:
        self._dirty = True
        s = self.session
        wait = 0 if now else FLAT_OUT_REFRESH_MS if s.flat_out else PLAY_REFRESH_MS if s.playing else FRAME_MS
        self._refresh_throttle.request(wait, sync=s.flat_out and not now)

    def _refresh(self) -> None:
        """Bring everything up to date with the trainer (throttled)."""
        if self.axes is None or not self.shown or self.animation.running:
            return
        self._dirty = False
        try:
            current = self._current_point()
            if current is None:
                return
            self.pointer.follow(self.trainer)
            if self._auto_fit and not self.pointer.dragging and (
                    self.range is None or not inside(current, self.range, 0.08)):
                self.range = check_range(self._fitted_range(current))
                self.grids.key = None
            self.grids.update()
            path = self._path_xy()
            before, after = self.pointer.split(path, self.trainer, self._in_panel)
            self.heat.show_path(after, current, before)
            self._on_timeline_changed()
            self._update_eigen()
            self._update_section(current, path, len(path) - after.shape[0] + 1 if before is not None else 0)
            self.fork_view.draw(self.session.forks, self.trainer, self._in_panel, self.range,
                                pal.is_dark(self.palette()))
        except (ValueError, FloatingPointError, np.linalg.LinAlgError) as exc:
            self._show_error(fill(self.tr("Surface: %1"), exc), announce=False, source="surface")
            return
        if self._error_source == "surface":
            self._show_error("")
        self._ghost_throttle.request(sync=self.session.flat_out)
        settle_ranges(self.plots)

    def refresh_now(self) -> None:
        """Run the pending redraws at once instead of at the throttle's next turn (a
        recording takes a frame)."""
        self.animation.finish()
        self._refresh_throttle.cancel()
        self._refresh()
        self._ghost_throttle.flush()
        self._stability_throttle.flush()

    def _current_point(self) -> np.ndarray | None:
        """The current point in the panel's coordinates (computing the plane if needed)."""
        t = self.trainer
        flat = t.network.flat()
        if self.mode == "plane":
            try:
                self._plane = surface.trajectory_plane(t)
            except ValueError as exc:
                self._plane = None
                self._show_error(fill(self.tr("Plane of the trajectory: %1"), exc), announce=False, source="plane")
                self.heat.clear()
                self.section.clear()
                self.loss = np.empty((0, 0))
                return None
            if self._error_source == "plane":
                self._show_error("")
            return self._project(flat[None, :])[0]
        i, j = self._axis_columns()
        return np.array([flat[i], flat[j]])

    def _project(self, vectors: np.ndarray) -> np.ndarray:
        """Coordinates of parameter vectors (rows) in the plane of the trajectory."""
        origin, d1, d2, _ = self._plane
        basis = np.stack([d1, d2])
        gram = basis @ basis.T
        with np.errstate(all="ignore"):
            rhs = (np.asarray(vectors) - origin) @ basis.T
            return np.linalg.solve(gram, rhs.T).T

    def _in_panel(self, vectors) -> np.ndarray:
        """Parameter vectors (a list, or rows) in the panel's coordinates (rows of x, y)."""
        if len(vectors) == 0:
            return np.empty((0, 2))
        if self.mode == "plane":
            return self._project(np.array(vectors))
        i, j = self._axis_columns()
        return np.array([(v[i], v[j]) for v in vectors])

    def _path_xy(self) -> np.ndarray:
        """The trajectory in the panel's coordinates."""
        if self.mode == "plane":
            return np.asarray(self._plane[3], dtype=np.float64)
        self._trail.sync(self.trainer, self._axis_columns())
        return self._trail.data

    # ----------------------------------------------------------------- grid
    def grid_state(self) -> tuple | None:
        """What the grid depends on (None when there is nothing to draw)."""
        if self.axes is None or self.range is None or (self.mode == "plane" and self._plane is None):
            return None
        return grid_state(self.trainer, self.axes, self._plane_directions(), self.range, self._axis_columns())

    def _grid_request(self, points: int) -> GridRequest:
        return grid_request(self.trainer, self.axes, self._plane_directions(), self.range, points)

    def _plane_directions(self) -> tuple | None:
        """(origin, d1, d2) of the plane of the trajectory, or None in slice mode."""
        return None if self.mode == "slice" else self._plane[:3]

    def _show_grid(self, grid) -> None:
        a, b, loss = grid
        self.a_values, self.b_values, self.loss = a, b, np.asarray(loss, dtype=np.float64)
        self._draw_grid()

    def _draw_grid(self) -> None:
        if self.loss.size and self.range is not None:  # no range: the grid is of a network gone
            self.heat.show_grid(self.a_values, self.b_values, self.loss, self.controls.log_box.isChecked(),
                                None if self.animation.running else self.range)

    # ================================================================ eigen
    def _update_eigen(self) -> None:
        """The eigen plot for the current point (slices only) at the look-ahead's rate."""
        if self.mode != "slice":
            self.eigen_plot.forget()
            self.eigen_plot.say(self.tr("The eigen plot follows the two axes of a slice."))
            return
        t = self.trainer
        self.eigen_plot.measure(t, self.axes, (t.network.flat().tobytes(), t.settings, self.axes))
        self._show_eigen()

    def _show_eigen(self) -> None:
        if self.mode == "slice" and self.eigen_plot.eigen is not None:
            rate = self.look.rate if self.look.rate is not None else self.trainer.learning_rate
            self.eigen_plot.show(self.trainer, rate)

    # ============================================================ look-ahead
    def preview_rate(self, rate: float) -> None:
        """Show the look-ahead at ``rate`` without changing the trainer."""
        self.look.rate = float(rate)
        self._ghost_throttle.request()

    def _update_ghost(self) -> None:
        if self.axes is None or self.range is None or not self.shown:
            return
        if self.mode == "plane" and self._plane is None:
            return
        view = (self.mode, self.axes, self.along, None if self._plane is None else id(self._plane), self.range)
        self.look.update(self.trainer, view, self._in_panel, self.range, self._to_section)
        self._show_eigen()
        if self._auto_fit and not framing.holds(self.range, self._ghost_to_frame()):
            self._widen_throttle.request()
        (x0, x1), (y0, y1) = self.heat.view_box.viewRange()
        self.heat.show_edge_arrow(framing.exit_arrow(self.look.xy, (x0, x1, y0, y1), self.heat.pixel_scale()))
        settle_ranges(self.plots)

    def _update_stability(self) -> None:
        try:
            marks = self.session.regime_marks()
            self.look.update_stability(self.trainer, self.axes if self.mode == "slice" else None, marks)
        except (ValueError, FloatingPointError, np.linalg.LinAlgError) as exc:
            self.look.stability_label.setText(fill(self.tr("Regime marks unavailable: %1"), exc))

    def export(self, path: str, size: tuple[int, int] = figure.SIZE) -> None:
        """Write what the panel shows as a figure (``figure``: as ``nnviz surface --out``
        draws it). ValueError for an unknown ending or no surface yet, OSError when it
        cannot be written."""
        figure.export(figure.panel_data(self), path, size)

    # ================================================================= fork
    def ask_fork(self) -> None:
        t = self.trainer
        allowed = tuple(name for name in losses.LOSSES if name != t.loss and _fits(name, t))
        dialog = ForkDialog(t.learning_rate * 2, t.optimizer.name, self, n_samples=t.n_samples,
                            losses_allowed=allowed)
        if run_once(dialog) == QDialog.DialogCode.Accepted and dialog.values() is not None:
            rate, optimizer, batch, loss = dialog.values()
            self.session.fork(rate, optimizer, batch=batch, loss=loss)

    # ============================================================== colours
    def _on_log_toggled(self, on: bool) -> None:
        self._update_labels()
        self.section.set_log(on)
        self._section_key = None
        self._draw_grid()
        if self.axes is not None and self.range is not None:
            self._request_refresh(now=True)
            self.look.key = None
            self._ghost_throttle.request()

    def _on_palette_changed(self) -> None:
        p = self.palette()
        self.plots.setBackground(pal.canvas_background(p))
        self.heat.recolour(p)
        self.section.recolour(p)
        self.eigen_plot.recolour(p)
        self.error_label.setStyleSheet(f"color: {pal.REGIME_COLOURS['diverged'][pal.is_dark(p)]}")
        hint = p.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        self.note.setStyleSheet(f"color: {hint.name()}")
        self._update_labels()
        self.look.recolour(pal.is_dark(p))
        self.fork_view.recolour(pal.text_color(p))
        self.fork_view.show_labels(self.session.forks, self.trainer, pal.is_dark(p))


def _fits(loss: str, trainer: Trainer) -> bool:
    """Whether ``loss`` works with the trainer's output activation."""
    try:
        losses.get(loss, trainer.network.activations[-1])
    except ValueError:
        return False
    return True
