"""The loss-surface panel: the loss over two parameters, the path gradient descent takes
on it, and where the next steps would go at the learning rate under the slider.

- Axes: two parameters from two drop-downs, or the last two clicked on the canvas.
- The heat map is the training loss on a grid over the two axes, every other parameter
  at its current value ("slice"), or over the plane through the current point spanned by
  the two main directions of the parameter history ("plane of the trajectory"). Contour
  lines, a colour bar, an optional log colour scale; the range fits the trajectory and
  follows zoom and pan.
- "Train only these two" freezes every other parameter, so the path lies exactly on the
  surface; unchecking restores the frozen set from before.
- Below, a cross-section: the loss against the first axis (the second at its current
  value), with the steps taken drawn as jumps between the losses they reached.
- The look-ahead: the next 30 updates at the slider's rate as a dashed ghost path, with
  a verdict (converging, zigzag, oscillating, diverged) and the loss it reaches; the critical
  rate 2/λmax over the two axes and over all parameters, which also marks the slider.
- A fork trains a copy with another rate or optimizer alongside the main run.

All maths comes from :mod:`nnviz.core.analysis.surface`. Drawing fast: every plot item is made
once and then only gets ``setData`` / ``setImage``; the heat map is row-major float32
with explicit levels, a 256-colour table and no NaN; contours are IsocurveItems made
once, with a vectorised marching-squares path; recomputation is throttled so that the
last request wins (slider moves at most once a frame, re-slicing at most five times a
second during Play). A grid that takes longer than a frame (large data) is shown coarse
at once and computed in full in a worker thread, on a copy of the parameters.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDoubleValidator, QPalette
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from nnviz.core import optimizers
from nnviz.core.analysis import surface
from nnviz.core.trainer import Trainer, TrainingError
from nnviz.gui.widgets import palette as pal
from nnviz.gui.panels.loss_curve import _LossAxis  # log axis labelled at 1-2-5 steps within a decade
from nnviz.gui.session import Subscriptions

GRID_POINTS = 101  # the heat map's grid is GRID_POINTS x GRID_POINTS
SLOW_GRID_MS = 40.0  # a full grid slower than this is computed in a worker thread ...
COARSE_MS = 15.0  # ... after a coarse one that takes about this long, shown at once
SECTION_POINTS = 201
LOOK_AHEAD_STEPS = 30
CONTOURS = 9
STEPS_SHOWN = 300  # the cross-section draws the last this many steps (fewer on large data)
TRAIL_SHOWN = 4000  # the heat map draws at most this many trajectory points (thinned, the recent ones all)
MARKERS_UP_TO = 250  # a dot on every step while the path has at most this many
FRAME_MS = 16
PLAY_REFRESH_MS = 200  # the surface is re-sliced at most 5 times a second during Play
VIEW_REFRESH_MS = 120  # after zoom or pan
STABILITY_MS = 500
FORK_CHUNK = 5000  # fork iterations per refresh, so that catching up never blocks for long
MODES = (("slice", "Slice through the current point"), ("plane", "Plane of the trajectory"))

# (light, dark) palette colours. The heat map itself uses viridis in both.
STATUS_COLOURS = {"converging": ("#00796b", "#4dd0b5"), "zigzag": ("#1565c0", "#64b5f6"),
                  "oscillating": ("#b25d00", "#ffb74d"), "diverged": ("#c62828", "#ff7373")}
SECTION_COLOURS = ("#00897b", "#3fd0bd")  # the loss, as in the loss curve
TRAIL = "#ffffff"  # on the heat map (viridis): white path, magenta current point
GHOST = "#ff5cad"
FORK = "#ffb300"
FORK_ON_SECTION = ("#d17d00", "#ffb300")


# ======================================================================= helpers
class LogLossAxis(_LossAxis):
    """The loss curve's log axis (1-2-5 labels within a decade); over more than a decade
    only the powers of ten are labelled, so that short plots stay legible."""

    def logTickStrings(self, values, scale, spacing):  # noqa: N802
        strings = super().logTickStrings(values, scale, spacing)
        if self._fine:
            return strings
        return [text if abs(v - round(v)) < 1e-9 else "" for v, text in zip(values, strings)]


class _Throttle:
    """Runs ``fn`` at most once per ``interval`` ms. Requests while one is due merge into
    it; ``fn`` reads the current state when it runs, so the last request wins and nothing
    queues up."""

    def __init__(self, parent: QObject, fn: Callable[[], None], interval_ms: float) -> None:
        self.fn = fn
        self.interval_ms = interval_ms
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._last = -math.inf
        self._due = math.inf

    def request(self, interval_ms: float | None = None) -> None:
        interval = self.interval_ms if interval_ms is None else interval_ms
        now = time.perf_counter()
        due = max(now, self._last + interval / 1000.0)
        if self._timer.isActive() and due >= self._due:
            return
        self._due = due
        self._timer.start(max(0, math.ceil((due - now) * 1000.0)))

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def cancel(self) -> None:
        self._timer.stop()
        self._due = math.inf

    def flush(self) -> None:
        """Run now if a request is due."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    def _fire(self) -> None:
        self._due = math.inf
        self._last = time.perf_counter()
        self.fn()


class _FastIsocurve(pg.IsocurveItem):
    """An IsocurveItem whose path is built with vectorised marching squares: pyqtgraph's
    own loops over every cell in Python (~10 ms per level on a 101 x 101 grid), too slow
    to re-slice during Play. Segments are unconnected pairs, drawn as one path; points sit
    at pixel centres (index + 0.5), like pyqtgraph's, so the curve aligns with its image."""

    def generatePath(self) -> None:  # noqa: N802 (pyqtgraph naming)
        if self.data is None:
            self.path = None
            return
        d = self.data.T if self.axisOrder == "row-major" else self.data
        self.path = contour_path(d, self.level)


def contour_segments(d: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Marching squares on ``d`` (x index first): x, y of segment end points, in pairs."""
    d = np.asarray(d, dtype=np.float64)
    if d.ndim != 2 or min(d.shape) < 2:
        return np.empty(0), np.empty(0)
    corners = ((0, 1), (0, 0), (1, 0), (1, 1))  # cell corners in pyqtgraph's edge order
    vals = [d[i:d.shape[0] - 1 + i, j:d.shape[1] - 1 + j] for i, j in corners]
    below = [v < level for v in vals]
    edges = ((0, 1), (1, 2), (2, 3), (3, 0))  # each edge joins two corners
    cross = np.stack([below[a] != below[b] for a, b in edges], axis=-1)  # nx-1, ny-1, 4
    count = cross.sum(axis=-1)
    ii, jj = np.meshgrid(np.arange(d.shape[0] - 1), np.arange(d.shape[1] - 1), indexing="ij")
    px = np.empty(cross.shape)
    py = np.empty(cross.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k, (a, b) in enumerate(edges):
            va, vb = vals[a], vals[b]
            f = np.where(cross[..., k], (level - va) / (vb - va), 0.0)
            (ax, ay), (bx, by) = corners[a], corners[b]
            px[..., k] = ii + ax + (bx - ax) * f + 0.5
            py[..., k] = jj + ay + (by - ay) * f + 0.5
    xs, ys = [], []
    two = count == 2
    if two.any():
        order = np.argsort(~cross[two], axis=-1, kind="stable")[:, :2]
        cx, cy = px[two], py[two]
        rows = np.arange(order.shape[0])[:, None]
        xs.append(cx[rows, order].ravel())
        ys.append(cy[rows, order].ravel())
    four = count == 4
    if four.any():
        cx, cy = px[four], py[four]
        xs.append(cx.ravel())
        ys.append(cy.ravel())
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)


def contour_path(d: np.ndarray, level: float):
    x, y = contour_segments(d, level)
    return pg.arrayToQPath(x, y, connect="pairs")


def display_field(loss: np.ndarray, log: bool) -> tuple[np.ndarray, tuple[float, float]]:
    """The loss grid as the image shows it: float32, log10 if asked, every non-finite
    value clipped to the top of the scale (no NaN reaches the ImageItem), with levels."""
    loss = np.asarray(loss, dtype=np.float64)
    finite = np.isfinite(loss)
    if not finite.any():
        return np.zeros(loss.shape, np.float32), (0.0, 1.0)
    if log:
        positive = finite & (loss > 0)
        floor = float(loss[positive].min()) if positive.any() else 1e-12
        z = np.log10(np.where(positive, loss, floor))
        top = float(z[positive].max()) if positive.any() else math.log10(floor) + 1
        low = float(z.min())
    else:
        z = np.where(finite, loss, 0.0)
        low, top = float(loss[finite].min()), float(loss[finite].max())
    z[~finite] = top
    if not top - low > 1e-12 * max(1.0, abs(top)):
        top = low + max(1e-9, 1e-6 * abs(low))
    return z.astype(np.float32), (low, top)


def _fmt(x: float, digits: int = 4) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else "not finite"
    return f"{x:.{digits}g}"


class _Trail:
    """Two columns of ``trainer.trajectory``, copied incrementally (Play appends; Step
    back or a new trainer starts over)."""

    def __init__(self) -> None:
        self.xy = np.empty((1024, 2))
        self.clear()

    def clear(self) -> None:
        self.n = 0
        self._source = None
        self._cols: tuple[int, int] | None = None
        self._start = -1
        self._last = None

    def sync(self, trainer: Trainer, cols: tuple[int, int]) -> bool:
        traj = trainer.trajectory
        n_new = len(traj)
        changed = False
        if (traj is not self._source or cols != self._cols or trainer.trajectory_start != self._start
                or n_new < self.n or (self.n and traj[self.n - 1] is not self._last)):
            changed = self.n > 0
            self.n = 0
            self._source, self._cols, self._start = traj, cols, trainer.trajectory_start
        if n_new > self.n:
            if n_new > self.xy.shape[0]:
                grown = np.empty((max(2 * self.xy.shape[0], n_new), 2))
                grown[:self.n] = self.xy[:self.n]
                self.xy = grown
            i, j = cols
            self.xy[self.n:n_new] = [(v[i], v[j]) for v in traj[self.n:n_new]]
            self.n = n_new
            self._last = traj[n_new - 1]
            changed = True
        return changed

    @property
    def data(self) -> np.ndarray:
        return self.xy[:self.n]


class _PointLosses:
    """The training loss at trajectory points, computed once per point."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[object, float]] = {}
        self.seconds_each: float | None = None  # what one evaluation costs (measured)

    def clear(self) -> None:
        self._cache.clear()
        self.seconds_each = None

    def affordable(self, budget_s: float = 0.008, most: int = STEPS_SHOWN) -> int:
        """How many points fit in ``budget_s`` when all of them are new (Play)."""
        if self.seconds_each is None:
            return most
        return int(np.clip(budget_s / max(self.seconds_each, 1e-9), 20, most))

    def losses(self, trainer: Trainer, first: int, vectors: list) -> np.ndarray:
        """Losses of ``vectors``, the trajectory points ``first``, ``first + 1``, ..."""
        out = np.empty(len(vectors))
        fresh, start = 0, time.perf_counter()
        for k, v in enumerate(vectors):
            hit = self._cache.get(first + k)
            if hit is None or hit[0] is not v:
                hit = (v, _loss_of(trainer, v))
                self._cache[first + k] = hit
                fresh += 1
            out[k] = hit[1]
        if fresh >= 4:
            self.seconds_each = (time.perf_counter() - start) / fresh
        if len(self._cache) > 4 * max(len(vectors), 64):
            for key in [k for k in self._cache if not first <= k < first + len(vectors)]:
                del self._cache[key]
        return out


class _GridSignals(QObject):
    """Carries a finished grid job from the worker thread to the GUI thread."""

    done = Signal(object, object)  # state key, Future


_EXECUTOR: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    """One worker thread for slow grids (NumPy releases the GIL in the heavy parts)."""
    global _EXECUTOR
    if _EXECUTOR is None:
        _EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nnviz-surface")
    return _EXECUTOR


def _compute_grid(spec: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, loss) for a spec from ``SurfacePanel._grid_job_spec``."""
    probe, axes, plane, a, b = spec
    if plane is not None:
        return a, b, surface.plane_grid(probe, *plane, a, b)
    return a, b, surface.loss_grid(probe, axes[0], axes[1], a, b)


def _timed_grid(spec: tuple) -> tuple[float, tuple]:
    start = time.perf_counter()
    result = _compute_grid(spec)
    return (time.perf_counter() - start) * 1000.0, result


def _loss_of(trainer: Trainer, flat: np.ndarray) -> float:
    sizes = trainer.network.sizes
    weights, biases, i = [], [], 0
    for layer in range(len(sizes) - 1):
        n_out, n_in = sizes[layer + 1], sizes[layer]
        weights.append(flat[i:i + n_out * n_in].reshape(n_out, n_in))
        i += n_out * n_in
        biases.append(flat[i:i + n_out])
        i += n_out
    return trainer.evaluate_loss(weights, biases)


def _thin(xy: np.ndarray, limit: int, recent: int = 500) -> np.ndarray:
    """At most about ``limit`` rows: every row of the last ``recent``, a stride before."""
    n = xy.shape[0]
    if n <= limit:
        return xy
    head = xy[:n - recent]
    stride = math.ceil(head.shape[0] / max(limit - recent, 1))
    return np.concatenate([head[::stride], xy[n - recent:]])


# ====================================================================== dialogs
class RangeDialog(QDialog):
    """Set the heat map's range by hand."""

    def __init__(self, labels: tuple[str, str], rng: tuple[float, float, float, float],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Surface range")
        form = QFormLayout(self)
        self.edits = []
        for k, text in enumerate((f"{labels[0]} from", "to", f"{labels[1]} from", "to")):
            edit = QLineEdit(f"{rng[k]:.6g}")
            edit.setValidator(QDoubleValidator(-1e6, 1e6, 12, edit))
            form.addRow(text, edit)
            self.edits.append(edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[float, float, float, float] | None:
        try:
            a0, a1, b0, b1 = (float(e.text()) for e in self.edits)
        except ValueError:
            return None
        if not all(math.isfinite(v) for v in (a0, a1, b0, b1)) or a1 <= a0 or b1 <= b0:
            return None
        return a0, a1, b0, b1

    def _check(self) -> None:
        if self.values() is None:
            self.error.setText("Each range needs two numbers, the first smaller")
            return
        self.accept()


class ForkDialog(QDialog):
    """The learning rate and optimizer of a fork."""

    def __init__(self, rate: float, optimizer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fork the run")
        form = QFormLayout(self)
        form.addRow(QLabel("Train a copy of the current state alongside the main run,\n"
                           "with another learning rate or optimizer."))
        self.rate = QLineEdit(f"{rate:.4g}")
        validator = QDoubleValidator(1e-8, 1e4, 10, self.rate)
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.rate.setValidator(validator)
        self.optimizer = QComboBox()
        for name in optimizers.OPTIMIZERS:
            self.optimizer.addItem(name, name)
        self.optimizer.setCurrentIndex(max(self.optimizer.findData(optimizer), 0))
        form.addRow("Learning rate", self.rate)
        form.addRow("Optimizer", self.optimizer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[float, str] | None:
        try:
            rate = float(self.rate.text())
        except ValueError:
            return None
        if not (math.isfinite(rate) and rate > 0):
            return None
        return rate, self.optimizer.currentData()


# ========================================================================= panel
class SurfacePanel(QWidget):
    """The right dock's content; follows the Session."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("surfacePanel")
        self.rate_control = None  # the LearningRateControl, once connected
        self._subs = Subscriptions()

        # ------------------------------------------------------------- state
        self.axes: tuple[str, str] | None = None  # canonical names
        self.mode = "slice"
        self.a_values = np.empty(0)
        self.b_values = np.empty(0)
        self.loss = np.empty((0, 0))  # loss[i, j] at a_values[i], b_values[j]
        self.range: tuple[float, float, float, float] | None = None
        self._grid_key = None
        self._auto_fit = True
        self._plane = None  # (origin, d1, d2, coords)
        self._trail = _Trail()
        self._trail_losses = _PointLosses()
        self._fork_losses = _PointLosses()
        self._ghost_rate: float | None = None
        self._ghost_key = None
        self.lookahead = None
        self.last_redraw_ms: float | None = None  # look-ahead + setData of the last slider move
        self.last_grid_ms: float | None = None
        self.critical_rates: tuple[float | None, float | None] = (None, None)  # (axes, all)
        self._saved_frozen: frozenset | None = None  # the frozen set before "train only these two"
        self._train_only_frozen: frozenset | None = None
        self.fork_trainer: Trainer | None = None
        self._fork_start = 0
        self._fork_label_text = ""
        self._section_key = None
        self._dirty = True
        self._fit_ghost = False  # the next fit also holds the look-ahead path
        self._shown_path: np.ndarray | None = None  # the trajectory as drawn (panel coordinates)
        self._grid_job = None  # a Future computing the full grid in the worker thread
        self._grid_job_again = False
        self._shown_coarse_key = None
        self.always_full_grid = False  # True: never a coarse grid first (headless recording)

        # ------------------------------------------------------------ controls
        self.axis_a = QComboBox()
        self.axis_b = QComboBox()
        for box, tip in ((self.axis_a, "The parameter across (x); also the cross-section's axis"),
                         (self.axis_b, "The parameter up (y)")):
            box.setToolTip(tip)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.follow_box = QCheckBox("Follow canvas")
        self.follow_box.setChecked(True)
        self.follow_box.setToolTip("Click two weights or biases on the network: they become the axes "
                                   "(the first clicked across, the second up)")
        self.mode_box = QComboBox()
        for key, text in MODES:
            self.mode_box.addItem(text, key)
        self.mode_box.setToolTip("Slice: the loss over the two parameters, all others at their current "
                                 "values.\nPlane of the trajectory: the loss over the plane through the "
                                 "current point spanned by the two main directions of the path so far "
                                 "(Li et al. 2018), with the path projected onto it.")
        self.train_only_box = QCheckBox("Train only these two")
        self.train_only_box.setToolTip("Freeze every other parameter, so that the path lies exactly on "
                                       "the surface; unchecking restores what was frozen before")
        self.log_box = QCheckBox("Log colours")
        self.log_box.setToolTip("Colour by log10 of the loss (shows the valley floor)")
        self.fit_button = QPushButton("Fit")
        self.fit_button.setToolTip("Fit the range to the path, the current point and the dashed look-ahead "
                                   "(unless it diverges), and keep following the path")
        self.range_button = QPushButton("Range…")
        self.range_button.setToolTip("Set the range by hand")
        self.fork_button = QPushButton("Fork…")
        self.fork_button.setToolTip("Train a copy of the current state with another learning rate or "
                                    "optimizer alongside the main run")
        self.unfork_button = QPushButton("Remove fork")
        self.unfork_button.setVisible(False)
        self.sweep_button = QPushButton("Sweep…")
        self.sweep_button.setToolTip("Learning-rate sweep: train copies at many rates and compare")
        for b in (self.fit_button, self.range_button, self.fork_button, self.unfork_button, self.sweep_button):
            b.setAutoDefault(False)
        for w in (self.fit_button, self.range_button, self.fork_button, self.unfork_button, self.sweep_button,
                  self.follow_box, self.mode_box, self.train_only_box, self.log_box):
            w.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the arrow keys and Space keep stepping the network

        self.note = QLabel()
        self.note.setObjectName("surfaceNote")
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label = QLabel()
        self.error_label.setObjectName("surfaceError")
        self.error_label.setWordWrap(True)
        self.error_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label.setVisible(False)
        self.indicator = QLabel()
        self.indicator.setObjectName("lookAheadIndicator")
        self.indicator.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.indicator.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.indicator.setWordWrap(True)
        self.indicator.setToolTip(f"Where the next {LOOK_AHEAD_STEPS} updates at the slider's learning rate "
                                  "would go (dashed): converging, zigzag (converging while the steps "
                                  "flip sign along the steepest direction), oscillating (bounded but "
                                  "not shrinking) or diverged")
        font = self.indicator.font()
        font.setWeight(font.Weight.DemiBold)
        self.indicator.setFont(font)
        self.stability_label = QLabel()
        self.stability_label.setObjectName("stabilityLabel")
        self.stability_label.setWordWrap(True)
        self.stability_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.stability_label.setToolTip("The critical learning rate 2/λmax, with λmax the largest curvature "
                                        "of the loss at the current point: above it plain gradient descent "
                                        "diverges (from 1/λmax it zig-zags)")
        self.fork_label = QLabel()
        self.fork_label.setObjectName("forkLabel")
        self.fork_label.setWordWrap(True)
        self.fork_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fork_label.setVisible(False)

        # ------------------------------------------------------------- plots
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setMinimumHeight(360)
        self.plots.ci.layout.setContentsMargins(2, 2, 2, 2)
        self.plots.ci.layout.setVerticalSpacing(4)
        self.heat = self.plots.addPlot(row=0, col=0)
        self.section = self.plots.addPlot(row=1, col=0, axisItems={"left": LogLossAxis("left")})
        self.plots.ci.layout.setRowStretchFactor(0, 3)
        self.plots.ci.layout.setRowStretchFactor(1, 2)
        for plot in (self.heat, self.section):
            plot.setMenuEnabled(False)
            plot.hideButtons()
        hv = self.heat.getViewBox()
        hv.disableAutoRange()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setAutoDownsample(False)
        self.heat.addItem(self.image)
        self.contours = []
        for _ in range(CONTOURS):
            iso = _FastIsocurve(level=0.0, axisOrder="row-major")
            iso.setParentItem(self.image)
            self.contours.append(iso)
        self.colorbar = pg.ColorBarItem(colorMap=pal.SEQUENTIAL, interactive=False, width=12,
                                        colorMapMenu=False)
        self.colorbar.setImageItem(self.image)
        self.colorbar.getAxis("right").setWidth(52)
        self.colorbar.getAxis("right").enableAutoSIPrefix(False)
        # its own column, beside the heat map only: the two plots keep the same x extent
        self.plots.addItem(self.colorbar, row=0, col=1)
        self.trail_item = pg.PlotDataItem()
        self.fork_item = pg.PlotDataItem()
        self.ghost_item = pg.PlotDataItem()
        self.start_item = pg.ScatterPlotItem(size=9, symbol="s")
        self.current_item = pg.ScatterPlotItem(size=12, symbol="o")
        self.timeline_item = pg.ScatterPlotItem(size=14, symbol="o")  # the iteration the timeline shows
        for item in (self.trail_item, self.fork_item, self.ghost_item, self.start_item, self.current_item,
                     self.timeline_item):
            self.heat.addItem(item)

        sv = self.section.getViewBox()
        self.section.setXLink(self.heat)
        sv.enableAutoRange(axis="y")
        sv.setAutoVisible(y=True)
        self.section_curve = pg.PlotDataItem()
        self.section_steps = pg.PlotDataItem()
        self.section_fork = pg.PlotDataItem()
        self.section_ghost = pg.PlotDataItem()
        self.section_current = pg.PlotDataItem(pen=None, symbol="o", symbolSize=10)  # follows log mode
        self.section.addItem(self.section_curve)
        self.section.addItem(self.section_steps)
        self.section.addItem(self.section_fork, ignoreBounds=True)
        self.section.addItem(self.section_ghost, ignoreBounds=True)
        self.section.addItem(self.section_current)
        self.section.getAxis("left").setWidth(52)
        self.heat.getAxis("left").setWidth(52)
        for plot in (self.heat, self.section):
            for name in ("left", "bottom"):
                plot.getAxis(name).enableAutoSIPrefix(False)

        # ------------------------------------------------------------- layout
        row1 = QHBoxLayout()
        row1.setSpacing(4)
        row1.addWidget(QLabel("x"))
        row1.addWidget(self.axis_a, 1)
        row1.addWidget(QLabel("y"))
        row1.addWidget(self.axis_b, 1)
        row1.addWidget(self.follow_box)
        row2 = QHBoxLayout()
        row2.setSpacing(6)
        row2.addWidget(self.mode_box, 1)
        row2.addWidget(self.train_only_box)
        row3 = QHBoxLayout()
        row3.setSpacing(4)
        row3.addWidget(self.log_box)
        row3.addStretch(1)
        for b in (self.fit_button, self.range_button, self.fork_button, self.unfork_button, self.sweep_button):
            row3.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.plots, 1)
        layout.addWidget(self.indicator)
        layout.addWidget(self.stability_label)
        layout.addWidget(self.fork_label)

        # ------------------------------------------------------------ wiring
        self._refresh_throttle = _Throttle(self, self._refresh, FRAME_MS)
        self._ghost_throttle = _Throttle(self, self._update_ghost, FRAME_MS)
        self._stability_throttle = _Throttle(self, self._update_stability, STABILITY_MS)
        self._grid_signals = _GridSignals(self)
        self._grid_signals.done.connect(self._on_grid_job_done)
        self.axis_a.activated.connect(lambda _: self._on_axis_chosen())
        self.axis_b.activated.connect(lambda _: self._on_axis_chosen())
        self.follow_box.toggled.connect(self._on_follow_toggled)
        self.mode_box.currentIndexChanged.connect(lambda i: self.set_mode(self.mode_box.itemData(i)))
        self.train_only_box.toggled.connect(self.set_train_only)
        self.log_box.toggled.connect(self._on_log_toggled)
        self.fit_button.clicked.connect(self.fit)
        self.range_button.clicked.connect(self.ask_range)
        self.fork_button.clicked.connect(self.ask_fork)
        self.unfork_button.clicked.connect(self.remove_fork)
        self.sweep_button.clicked.connect(self.open_sweep)
        hv.sigRangeChangedManually.connect(self._on_view_moved)
        sv.sigRangeChangedManually.connect(self._on_view_moved)
        self._connect()
        self._apply_colours()
        self._on_trainer_replaced()

    # =============================================================== session
    def _connect(self) -> None:
        s = self.session
        self._subs.connect(s.trainerReplaced, self._on_trainer_replaced)
        self._subs.connect(s.stateChanged, self._on_state_changed)
        self._subs.connect(s.settingsChanged, self._on_settings_changed)
        self._subs.connect(s.selectionChanged, self._on_selection_changed)
        self._subs.connect(s.playingChanged, self._on_playing_changed)
        self._subs.connect(s.timelineChanged, self._on_timeline_changed)

    def disconnect_session(self) -> None:
        if not self._subs.disconnect_all():
            return
        if self.rate_control is not None:
            self.rate_control.previewed.disconnect(self._on_rate_previewed)
        for throttle in (self._refresh_throttle, self._ghost_throttle, self._stability_throttle):
            throttle.cancel()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.disconnect_session()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop pending work and a running sweep (the window is closing)."""
        for throttle in (self._refresh_throttle, self._ghost_throttle, self._stability_throttle):
            throttle.cancel()
        if self._grid_job is not None:
            self._grid_job.cancel()
        dialog = getattr(self, "sweep_dialog", None)
        if dialog is not None:
            dialog.close()

    def connect_learning_rate(self, control) -> None:
        """Follow a LearningRateControl's slider while it moves, and mark the critical
        rate on it."""
        self.rate_control = control
        control.previewed.connect(self._on_rate_previewed)
        self._push_stability_mark()

    @property
    def trainer(self) -> Trainer:
        return self.session.trainer

    def _on_trainer_replaced(self) -> None:
        t = self.trainer
        self._saved_frozen = self._train_only_frozen = None
        with QSignalBlocker(self.train_only_box):
            self.train_only_box.setChecked(False)
        self.fork_trainer = None
        self._update_fork_label()
        self._trail.clear()
        self._trail_losses.clear()
        self._fork_losses.clear()
        self._plane = None
        self._grid_key = self._section_key = self._ghost_key = None
        self._auto_fit = True
        self.range = None
        self._ghost_rate = t.learning_rate
        self.critical_rates = (None, None)
        self.last_grid_ms = None
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
            self._ghost_rate = self.trainer.learning_rate
            self._ghost_throttle.request()
        elif name == "frozen":
            self._on_frozen_changed()
        elif name == "loss":
            self._trail_losses.clear()
            self._fork_losses.clear()
            self._grid_key = self._section_key = None
        if name in ("frozen", "loss", "optimizer", "backprop", "batch"):
            self._ghost_key = None
            self._request_refresh()
            self._stability_throttle.request(0)

    def _on_selection_changed(self) -> None:
        if self.follow_box.isChecked():
            self._follow_canvas()

    def _on_follow_toggled(self, on: bool) -> None:
        if on:
            self._follow_canvas()
        self._update_note()

    def _follow_canvas(self) -> None:
        chosen = list(self.session.selected_params)
        if len(chosen) == 2 and tuple(chosen) != self.axes:
            self.set_axes(chosen[0], chosen[1])
        self._update_note()

    def _on_timeline_changed(self) -> None:
        self._update_timeline_marker()

    def _update_timeline_marker(self) -> None:
        """A ring on the path at the iteration the timeline shows (none when live)."""
        view = getattr(self.session, "view_iteration", None)
        xy = self._shown_path
        k = None if view is None else view - self.trainer.trajectory_start
        if k is None or xy is None or not 0 <= k < xy.shape[0]:
            self.timeline_item.setData([], [])
            return
        self.timeline_item.setData([xy[k, 0]], [xy[k, 1]])

    def _on_playing_changed(self, playing: bool) -> None:
        if not playing:
            self._request_refresh(now=True)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._request_refresh(now=True)

    # ================================================================== axes
    def _fill_axis_boxes(self) -> None:
        net = self.trainer.network
        frozen = self._user_frozen()
        for box in (self.axis_a, self.axis_b):
            with QSignalBlocker(box):
                box.clear()
                for p in net.params():
                    shown = net.display_name(p)
                    text = p.name if shown == p.name else f"{shown}  [{p.name}]"
                    if p.name in frozen:
                        text += "  (frozen)"
                    box.addItem(text, p.name)

    def _user_frozen(self) -> frozenset:
        """The frozen set the user chose (before "train only these two" froze the rest)."""
        return self._saved_frozen if self._saved_frozen is not None else self.trainer.frozen

    def _on_axis_chosen(self) -> None:
        a, b = self.axis_a.currentData(), self.axis_b.currentData()
        if (a, b) != self.axes and not self.set_axes(a, b):
            self._show_axes_in_boxes()

    def set_axes(self, p1: str, p2: str) -> bool:
        """Use ``p1`` (x) and ``p2`` (y) as the axes; False (with a message) when refused."""
        t = self.trainer
        try:
            if self._saved_frozen is not None:  # "train only": check against the user's frozen set
                net = t.network
                a, b = net.parse_param(p1), net.parse_param(p2)
                if a == b:
                    raise ValueError(f"the two axes must be different parameters, got "
                                     f"{net.display_name(a)} twice")
                for p in (a, b):
                    if p.name in self._saved_frozen:
                        raise ValueError(f"{net.display_name(p)} is frozen, so it cannot be an axis; "
                                         "unfreeze it first")
            else:
                a, b = surface.check_axes(t, p1, p2)
        except ValueError as exc:
            self._show_error(f"Axes refused: {exc}")
            return False
        self._apply_axes((a.name, b.name))
        return True

    def _apply_axes(self, axes: tuple[str, str]) -> None:
        if axes == self.axes:
            self._show_axes_in_boxes()
            return
        self.axes = axes
        self._show_error("")
        self._trail.clear()
        self._trail_losses.clear()
        self._grid_key = self._section_key = self._ghost_key = None
        self._auto_fit = True
        self.range = None
        self.last_grid_ms = None  # the cost depends on the layers the axes are in
        if self._saved_frozen is not None:
            self._freeze_all_but_axes()
        self._show_axes_in_boxes()
        self._update_labels()
        self._update_note()
        self._request_refresh(now=True)
        self._stability_throttle.request(0)

    def _show_axes_in_boxes(self) -> None:
        if self.axes is None:
            return
        for box, name in zip((self.axis_a, self.axis_b), self.axes):
            i = box.findData(name)
            with QSignalBlocker(box):
                box.setCurrentIndex(i)

    def axis_label(self, name: str) -> str:
        net = self.trainer.network
        shown = net.display_name(net.parse_param(name))
        return name if shown == name else f"{shown} ({name})"

    def _update_labels(self) -> None:
        if self.axes is None:
            return
        if self.mode == "plane":
            x, y = "direction 1 (main)", "direction 2"
        else:
            x, y = (self.axis_label(n) for n in self.axes)
        text = pal.text_color(self.palette()).name()
        self.heat.setLabel("bottom", x, color=text)
        self.heat.setLabel("left", y, color=text)
        self.section.setLabel("bottom", x, color=text)
        self.section.setLabel("left", "loss", color=text)
        self.colorbar.getAxis("right").setLabel("log₁₀ loss" if self.log_box.isChecked() else "loss",
                                                color=text)

    # ============================================================ train only
    def set_train_only(self, on: bool) -> None:
        """Freeze every parameter but the two axes (on), or restore the frozen set (off)."""
        t = self.trainer
        if on == (self._saved_frozen is not None):
            return
        if on:
            if self.axes is None:
                with QSignalBlocker(self.train_only_box):
                    self.train_only_box.setChecked(False)
                return
            self._saved_frozen = frozenset(t.frozen)
            self._freeze_all_but_axes()
        else:
            saved, self._saved_frozen = self._saved_frozen, None
            self._train_only_frozen = None
            try:
                t.configure(frozen=saved)
            except ValueError as exc:
                self._show_error(str(exc))
            self.session.message.emit("Surface: the previous frozen set is restored")
        with QSignalBlocker(self.train_only_box):
            self.train_only_box.setChecked(on)
        self._fill_axis_boxes()
        self._show_axes_in_boxes()
        self._update_note()
        self._request_refresh(now=True)

    def _freeze_all_but_axes(self) -> None:
        t = self.trainer
        keep = set(self.axes)
        frozen = frozenset(p.name for p in t.network.params() if p.name not in keep)
        self._train_only_frozen = frozen
        t.configure(frozen=frozen)
        names = " and ".join(self.axis_label(n) for n in self.axes)
        self.session.message.emit(f"Surface: only {names} train now; the path lies on the surface")

    def _on_frozen_changed(self) -> None:
        if self._saved_frozen is not None and self.trainer.frozen != self._train_only_frozen:
            # frozen elsewhere: that choice stands, "train only these two" no longer holds
            self._saved_frozen = self._train_only_frozen = None
            with QSignalBlocker(self.train_only_box):
                self.train_only_box.setChecked(False)
        self._fill_axis_boxes()
        self._show_axes_in_boxes()
        if self.axes is not None and self._saved_frozen is None:
            bad = [n for n in self.axes if n in self.trainer.frozen]
            if bad:
                self._show_error(f"{self.axis_label(bad[0])} is now frozen: the path no longer moves "
                                 "along it", announce=False)
        self._update_note()

    @property
    def train_only(self) -> bool:
        return self._saved_frozen is not None

    # ================================================================= mode
    def set_mode(self, mode: str) -> None:
        if mode not in dict(MODES):
            raise ValueError(f"mode must be one of {', '.join(dict(MODES))}")
        if mode == self.mode:
            return
        self.mode = mode
        with QSignalBlocker(self.mode_box):
            self.mode_box.setCurrentIndex(self.mode_box.findData(mode))
        self._plane = None
        self._grid_key = self._section_key = self._ghost_key = None
        self._trail.clear()
        self._auto_fit = True
        self.range = None
        self._update_labels()
        self._update_note()
        self._request_refresh(now=True)

    def _update_note(self) -> None:
        if self.axes is None:
            self.note.setText("Choose two parameters to see the loss over them.")
            return
        names = " and ".join(self.trainer.network.display_name(n) for n in self.axes)
        if self.mode == "plane":
            text = ("Plane through the current point along the path's two main directions, "
                    "the path projected onto it; it turns as the path grows.")
        elif self.train_only:
            text = f"Only {names} train: the path lies exactly on this surface."
        else:
            text = ("Everything trains: a slice through the current point (other parameters as they "
                    "are now), redrawn as it moves.")
        chosen = self.session.selected_params
        if self.follow_box.isChecked() and len(chosen) == 2 and tuple(chosen) == self.axes:
            text += " Axes: the two parameters clicked last."
        self.note.setText(text)

    def _show_error(self, text: str, announce: bool = True) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if text and announce:
            self.session.message.emit(text)

    # ================================================================= range
    def fit(self) -> None:
        """Fit the range to the path, the current point and the look-ahead (unless it
        diverges), and keep following the path."""
        self._auto_fit = True
        self.range = None
        self._fit_ghost = True
        self._grid_key = None
        self._request_refresh(now=True)

    def set_range(self, a0: float, a1: float, b0: float, b1: float) -> None:
        if not (a1 > a0 and b1 > b0 and all(map(math.isfinite, (a0, a1, b0, b1)))):
            raise ValueError("each range needs two finite numbers, the first smaller")
        self._auto_fit = False
        self.range = (float(a0), float(a1), float(b0), float(b1))
        self._request_refresh(now=True)

    def ask_range(self) -> None:
        if self.range is None or self.axes is None:
            return
        labels = (("direction 1", "direction 2") if self.mode == "plane"
                  else tuple(self.trainer.network.display_name(n) for n in self.axes))
        dialog = RangeDialog(labels, self.range, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_range(*dialog.values())

    def _on_view_moved(self, *args) -> None:
        (a0, a1), (b0, b1) = self.heat.getViewBox().viewRange()
        if a1 > a0 and b1 > b0:
            self._auto_fit = False
            self.range = (a0, a1, b0, b1)
            self._refresh_throttle.request(VIEW_REFRESH_MS)

    def _fitted_range(self, current: np.ndarray) -> tuple[float, float, float, float]:
        extra = self._ghost_points() if self._fit_ghost else None
        self._fit_ghost = False
        if self.mode == "plane":
            pts = [self._plane[3], current[None, :]] + ([extra] if extra is not None else [])
            pts = np.vstack(pts)
            pts = pts[np.isfinite(pts).all(axis=1)]
            lo, hi = pts.min(axis=0), pts.max(axis=0)
            span = np.maximum(hi - lo, 0.2 * max(float(np.abs(pts).max()), 0.5))
            # the two directions are in the same units: keep the picture from being a sliver
            span = np.maximum(span, 0.5 * span.max())
            centre = 0.5 * (lo + hi)
            lo, hi = centre - 0.75 * span, centre + 0.75 * span
            return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])
        points = None
        if extra is not None:
            points = np.vstack([self._path_xy(), extra])
        return tuple(float(v) for v in surface.default_range(self.trainer, *self.axes, points=points))

    def _ghost_points(self) -> np.ndarray | None:
        """The look-ahead path in the panel's coordinates, if it stays finite and does not
        diverge (a diverging path would blow the range up)."""
        la = self.lookahead
        if la is None or la.status == "diverged" or self.ghost_rate is None:
            return None
        x, y = self.ghost_item.getData()
        if x is None or x.size == 0:
            return None
        pts = np.column_stack([x, y])
        return pts if np.isfinite(pts).all() else None

    # ============================================================== refresh
    def _request_refresh(self, now: bool = False) -> None:
        self._dirty = True
        if now:
            self._refresh_throttle.request(0)
        else:
            self._refresh_throttle.request(PLAY_REFRESH_MS if self.session.playing else FRAME_MS)

    def _refresh(self) -> None:
        """Bring everything up to date with the trainer (throttled)."""
        if self.axes is None or not self.isVisible():
            return
        self._dirty = False
        try:
            current = self._current_point()
            if current is None:
                return
            self._advance_fork()
            if self._auto_fit and (self.range is None or not self._inside(current, 0.08)):
                self.range = self._fitted_range(current)
                self._grid_key = None
            self._update_grid(current)
            self._update_path(current)
            self._update_section(current)
        except (ValueError, FloatingPointError, np.linalg.LinAlgError) as exc:
            self._show_error(f"Surface: {exc}", announce=False)
            return
        if self.error_label.text().startswith("Surface: "):
            self._show_error("")
        self._ghost_throttle.request()

    def refresh_now(self) -> None:
        """Run the pending redraws at once instead of at the throttle's next turn (a
        recording takes a frame)."""
        self._refresh_throttle.cancel()
        self._refresh()
        self._ghost_throttle.flush()
        self._stability_throttle.flush()

    def _inside(self, point: np.ndarray, margin: float) -> bool:
        a0, a1, b0, b1 = self.range
        ma, mb = margin * (a1 - a0), margin * (b1 - b0)
        return a0 + ma <= point[0] <= a1 - ma and b0 + mb <= point[1] <= b1 - mb

    def _axis_columns(self) -> tuple[int, int]:
        net = self.trainer.network
        return tuple(net.flat_index(net.parse_param(n)) for n in self.axes)

    def _current_point(self) -> np.ndarray | None:
        """The current point in the panel's coordinates (computing the plane if needed)."""
        t = self.trainer
        flat = t.network.flat()
        if self.mode == "plane":
            try:
                self._plane = surface.trajectory_plane(t)
            except ValueError as exc:
                self._plane = None
                self._show_error(f"Plane of the trajectory: {exc}", announce=False)
                self._clear_drawing()
                return None
            if self.error_label.text().startswith("Plane of the trajectory"):
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

    def _clear_drawing(self) -> None:
        self.image.clear()
        for iso in self.contours:
            iso.setData(None)
        for item in (self.trail_item, self.ghost_item, self.fork_item, self.section_curve,
                     self.section_steps, self.section_ghost, self.section_fork):
            item.setData([], [])
        for item in (self.start_item, self.current_item, self.section_current, self.timeline_item):
            item.setData([], [])
        self._shown_path = None
        self.loss = np.empty((0, 0))

    # ----------------------------------------------------------------- grid
    def _grid_state(self) -> tuple:
        """What the grid depends on: every parameter but the axes (slice), or the plane."""
        t = self.trainer
        if self.mode == "plane":
            origin, d1, d2, _ = self._plane
            params = (origin.tobytes(), d1.tobytes(), d2.tobytes())
        else:
            flat = t.network.flat().copy()
            flat[list(self._axis_columns())] = 0.0
            params = flat.tobytes()
        return (self.mode, self.axes, self.range, params, t.loss, id(t))

    def _update_grid(self, current: np.ndarray) -> None:
        """The grid for the current state: computed here when that is quick; when a full
        grid is slow (large data), a coarse one here and the full one in a worker
        thread, drawn when it arrives (not during Play: then the coarse one follows)."""
        key = self._grid_state()
        if key == self._grid_key:
            return
        if self.last_grid_ms is None:  # new axes or network: estimate from a tiny grid
            start = time.perf_counter()
            _compute_grid(self._grid_job_spec(11))
            self.last_grid_ms = (time.perf_counter() - start) * 1000.0 * GRID_POINTS ** 2 / 121
        slow = self.last_grid_ms > SLOW_GRID_MS and not self.always_full_grid
        if not slow:
            start = time.perf_counter()
            a, b, loss = _compute_grid(self._grid_job_spec(GRID_POINTS))
            self.last_grid_ms = (time.perf_counter() - start) * 1000.0
            self._show_grid(key, a, b, loss)
            return
        if key == self._shown_coarse_key:
            if not self.session.playing and self._grid_job is None:
                self._start_grid_job()
            return
        # a coarse grid costing about COARSE_MS, from the time the last full one took
        points = int(np.clip(GRID_POINTS * math.sqrt(COARSE_MS / self.last_grid_ms), 11, 51))
        a, b, loss = _compute_grid(self._grid_job_spec(points))
        self._show_grid(None, a, b, loss)
        self._shown_coarse_key = key
        if not self.session.playing:
            self._start_grid_job()

    def _grid_job_spec(self, points: int) -> tuple:
        """Everything a grid computation needs, detached from the live trainer (its
        parameters copied now), so that a worker thread can compute it while training
        goes on."""
        t = self.trainer
        probe = Trainer(t.network.copy(), t.dataset, learning_rate=t.learning_rate, loss=t.loss)
        a0, a1, b0, b1 = self.range
        plane = None
        if self.mode == "plane":
            origin, d1, d2, _ = self._plane
            plane = (origin.copy(), d1.copy(), d2.copy())
        return (probe, self.axes, plane, np.linspace(a0, a1, points), np.linspace(b0, b1, points))

    def _start_grid_job(self) -> None:
        """Compute the full grid for the current state in the worker thread (one job at
        a time; when it ends stale, the next one starts for the state then)."""
        if self._grid_job is not None:
            self._grid_job_again = True
            return
        key = self._grid_state()
        spec = self._grid_job_spec(GRID_POINTS)
        self._grid_job_again = False
        self._grid_job = _executor().submit(_timed_grid, spec)
        self._grid_job.add_done_callback(lambda f, k=key: self._grid_signals.done.emit(k, f))

    def _on_grid_job_done(self, key, future) -> None:
        self._grid_job = None
        try:
            elapsed, (a, b, loss) = future.result()
        except Exception as exc:  # noqa: BLE001 - shown, never lost in the thread
            self._show_error(f"Surface: {exc}", announce=False)
            return
        self.last_grid_ms = elapsed
        if self.axes is None or self.range is None:
            return
        if self.mode == "plane" and self._plane is None:
            return
        current = key == self._grid_state()
        if current:
            self._show_grid(key, a, b, loss)
        elif not self.session.playing and (self._grid_job_again or self._grid_key != self._grid_state()):
            self._start_grid_job()

    def _show_grid(self, key, a: np.ndarray, b: np.ndarray, loss: np.ndarray) -> None:
        self.a_values, self.b_values, self.loss = a, b, np.asarray(loss, dtype=np.float64)
        self._grid_key = key
        self._draw_grid()

    def _draw_grid(self) -> None:
        if self.loss.size == 0:
            return
        log = self.log_box.isChecked()
        z, (low, top) = display_field(self.loss, log)
        image = np.ascontiguousarray(z.T)  # row-major: rows are b (y), columns a (x)
        self.image.setImage(image, autoLevels=False, levels=(low, top))
        self.colorbar.setLevels((low, top))
        a, b = self.a_values, self.b_values
        da = (a[-1] - a[0]) / max(a.size - 1, 1)
        db = (b[-1] - b[0]) / max(b.size - 1, 1)
        self.image.setRect(QRectF(a[0] - da / 2, b[0] - db / 2, da * a.size, db * b.size))
        for iso, level in zip(self.contours, np.linspace(low, top, CONTOURS + 2)[1:-1]):
            iso.setData(image, level=float(level))
        a0, a1, b0, b1 = self.range
        self.heat.getViewBox().setRange(xRange=(a0, a1), yRange=(b0, b1), padding=0)

    # ----------------------------------------------------------------- path
    def _path_xy(self) -> np.ndarray:
        """The trajectory in the panel's coordinates."""
        if self.mode == "plane":
            return np.asarray(self._plane[3], dtype=np.float64)
        self._trail.sync(self.trainer, self._axis_columns())
        return self._trail.data

    def _update_path(self, current: np.ndarray) -> None:
        xy = self._path_xy()
        shown = _thin(xy, TRAIL_SHOWN)
        self.trail_item.setData(shown[:, 0], shown[:, 1])
        self.trail_item.setSymbol("o" if xy.shape[0] <= MARKERS_UP_TO else None)
        if xy.shape[0]:
            self.start_item.setData([xy[0, 0]], [xy[0, 1]])
        self.current_item.setData([current[0]], [current[1]])
        self._shown_path = xy
        self._update_timeline_marker()
        self._draw_fork_path()

    # -------------------------------------------------------------- section
    def _update_section(self, current: np.ndarray) -> None:
        t = self.trainer
        a0, a1, _, _ = self.range
        key = (self._grid_state(), float(current[1]))
        if key != self._section_key:
            points = SECTION_POINTS
            if self.last_grid_ms is not None and self.last_grid_ms > SLOW_GRID_MS:
                points = int(np.clip(10.0 * GRID_POINTS ** 2 / self.last_grid_ms, 41, SECTION_POINTS))
            xs = np.linspace(a0, a1, points)
            if self.mode == "plane":
                origin, d1, d2, _ = self._plane
                ys = surface.plane_grid(t, origin, d1, d2, xs, np.array([current[1]]))[:, 0]
            else:
                ys = surface.loss_grid(t, self.axes[0], self.axes[1], xs, np.array([current[1]]))[:, 0]
            self._section_xy = (xs, np.asarray(ys, dtype=np.float64))
            self._section_key = key
        xs, ys = self._section_xy
        self.section_curve.setData(xs, self._for_y_axis(ys))
        # the steps: the last STEPS_SHOWN trajectory points at the loss they reached
        traj = t.trajectory
        first = max(len(traj) - self._trail_losses.affordable(), 0)
        vectors = traj[first:]
        losses = self._trail_losses.losses(t, t.trajectory_start + first, vectors)
        xy = self._path_xy()[first:]
        self.section_steps.setData(xy[:, 0], self._for_y_axis(losses))
        self.section_steps.setSymbol("o" if len(vectors) <= MARKERS_UP_TO else None)
        loss_now = t.evaluate_loss()
        self.section_current.setData([current[0]], [self._for_y_axis(np.array([loss_now]))[0]])
        self._draw_fork_section()

    def _for_y_axis(self, y: np.ndarray) -> np.ndarray:
        """Values for the cross-section: no infinities; gaps where the log has none."""
        y = np.asarray(y, dtype=np.float64)
        bad = ~np.isfinite(y)
        if self.log_box.isChecked():
            bad |= ~(y > 0)
        if bad.any():
            y = np.where(bad, np.nan, y)
        return y

    # ============================================================ look-ahead
    def _on_rate_previewed(self, rate: float) -> None:
        self._ghost_rate = float(rate)
        self._ghost_throttle.request()

    def preview_rate(self, rate: float) -> None:
        """Show the look-ahead at ``rate`` without changing the trainer."""
        self._on_rate_previewed(rate)

    @property
    def ghost_rate(self) -> float | None:
        """The rate of the look-ahead drawn (None before the first one)."""
        return None if self._ghost_key is None else self._ghost_key[1]

    def _update_ghost(self) -> None:
        if self.axes is None or self.range is None or not self.isVisible():
            return
        if self.mode == "plane" and self._plane is None:
            return
        t = self.trainer
        rate = self._ghost_rate if self._ghost_rate is not None else t.learning_rate
        key = (t.network.flat().tobytes(), rate, t.settings, t.iteration, t.cursor, self.mode,
               self.axes, None if self._plane is None else id(self._plane), self.range)
        if key == self._ghost_key:
            return
        start = time.perf_counter()
        try:
            la = surface.look_ahead(t, rate, LOOK_AHEAD_STEPS)
        except (ValueError, TrainingError) as exc:
            self.lookahead = None
            self._ghost_key = key
            self.ghost_item.setData([], [])
            self.section_ghost.setData([], [])
            self.indicator.setText(f"No look-ahead: {exc}")
            return
        self.lookahead = la
        params = np.asarray(la.params, dtype=np.float64)
        if self.mode == "plane":
            xy = self._project(params)
        else:
            i, j = self._axis_columns()
            xy = params[:, [i, j]]
        xy = self._clip_to_view(xy)
        losses = np.asarray(la.losses, dtype=np.float64)[:xy.shape[0]]
        self.ghost_item.setData(xy[:, 0], xy[:, 1])
        self.section_ghost.setData(xy[:, 0], self._for_y_axis(losses))
        self._show_verdict(rate, la)
        self._ghost_key = key
        self.last_redraw_ms = (time.perf_counter() - start) * 1000.0

    def _clip_to_view(self, xy: np.ndarray) -> np.ndarray:
        """A diverging path runs off to huge numbers or non-finite values: keep it
        drawable (its points up to the first that is not finite, at most ten ranges
        away). The rows kept are the first ones, so other columns can be cut to match."""
        finite = np.isfinite(xy).all(axis=1)
        if not finite.all():
            stop = int(np.argmin(finite))
            xy = xy[:max(stop, 1)]
            if not np.isfinite(xy).all():
                return np.empty((0, 2))
        a0, a1, b0, b1 = self.range
        wa, wb = a1 - a0, b1 - b0
        return np.column_stack([np.clip(xy[:, 0], a0 - 10 * wa, a1 + 10 * wa),
                                np.clip(xy[:, 1], b0 - 10 * wb, b1 + 10 * wb)])

    def _show_verdict(self, rate: float, la) -> None:
        colour = STATUS_COLOURS.get(la.status, ("#000000", "#ffffff"))[pal.is_dark(self.palette())]
        self.indicator.setText(f"At rate {rate:.4g}: {la.status} · loss after {LOOK_AHEAD_STEPS} steps "
                               f"{_fmt(float(la.final_loss))}")
        self.indicator.setStyleSheet(f"color: {colour}")
        self.indicator.setProperty("status", la.status)

    # ============================================================= stability
    def _update_stability(self) -> None:
        t = self.trainer
        axes_rate = all_rate = None
        try:
            if self.axes is not None and self.mode == "slice":
                axes_rate = float(surface.critical_learning_rate(t, list(self.axes)))
            all_rate = float(surface.critical_learning_rate(t))
        except (ValueError, FloatingPointError, np.linalg.LinAlgError) as exc:
            self.stability_label.setText(f"Critical rate unavailable: {exc}")
            return
        self.critical_rates = (axes_rate, all_rate)
        parts = []
        trains = {p.name for p in t.network.params() if p.name not in t.frozen}
        if axes_rate is not None:
            names = ", ".join(t.network.display_name(n) for n in self.axes)
            only = " (the only parameters that train)" if trains == set(self.axes) else ""
            parts.append(f"{_fmt(axes_rate, 3)} over {names}{only}")
        if all_rate is not None and not (axes_rate is not None and trains == set(self.axes)):
            parts.append(f"{_fmt(all_rate, 3)} over every parameter that trains")
        text = "Critical rate 2/λmax: " + " · ".join(parts)
        if t.optimizer.name != "sgd":
            text += f" (plain gradient descent; {t.optimizer.name} behaves differently)"
        self.stability_label.setText(text)
        self._push_stability_mark()

    def _push_stability_mark(self) -> None:
        control = self.rate_control
        rate = self.critical_rates[1]
        if control is None or not hasattr(control, "set_stability_mark"):
            return
        if rate is None or not math.isfinite(rate) or rate <= 0:
            control.set_stability_mark(None)
            return
        control.set_stability_mark(rate, f"Critical learning rate 2/λmax ≈ {rate:.3g} at the current point "
                                         "(all parameters): above it, gradient descent diverges "
                                         "(from 1/λmax it zig-zags)")

    # ================================================================= fork
    def ask_fork(self) -> None:
        t = self.trainer
        dialog = ForkDialog(t.learning_rate * 2, t.optimizer.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.values() is not None:
            self.fork(*dialog.values())

    def fork(self, learning_rate: float, optimizer: str | None = None) -> bool:
        """Branch the current state with another rate or optimizer; it then trains along
        with the main run (same iteration)."""
        t = self.trainer
        if t.status == "diverged":
            self.session.message.emit("Cannot fork a diverged run: step back or reset first")
            return False
        try:
            f = t.copy()
            changes = {"learning_rate": float(learning_rate)}
            if optimizer is not None and optimizer != t.optimizer.name:
                changes["optimizer"] = optimizer
            f.configure(**changes)
        except ValueError as exc:
            self._show_error(f"Fork: {exc}")
            return False
        self.fork_trainer = f
        self._fork_start = t.iteration
        self._fork_losses.clear()
        self.unfork_button.setVisible(True)
        self.session.message.emit(f"Forked at iteration {t.iteration}: the fork trains at rate "
                                  f"{learning_rate:.4g} with {f.optimizer.name} alongside the main run")
        self._request_refresh(now=True)
        return True

    def remove_fork(self) -> None:
        self.fork_trainer = None
        self.unfork_button.setVisible(False)
        self.fork_item.setData([], [])
        self.section_fork.setData([], [])
        self._update_fork_label()

    def _advance_fork(self) -> None:
        f, t = self.fork_trainer, self.trainer
        if f is None:
            return
        behind = t.iteration - f.iteration
        if t.iteration < self._fork_start:
            self._fork_label_text = "the main run stepped back before the fork point"
        elif behind < 0 and f.cursor == 0:
            try:
                f.back(-behind * len(f.steps))
            except TrainingError:
                pass
        elif behind > 0 and f.status != "diverged":
            try:
                f.run(min(behind, FORK_CHUNK))
            except TrainingError:
                pass
            if t.iteration > f.iteration and f.status != "diverged":
                self._request_refresh()  # catch up over several turns of the event loop
        self._update_fork_label()

    def _fork_path(self) -> tuple[np.ndarray, list, int]:
        f = self.fork_trainer
        traj = f.trajectory
        first = max(self._fork_start - f.trajectory_start, 0)
        vectors = traj[first:]
        if not vectors:
            return np.empty((0, 2)), [], first
        if self.mode == "plane":
            xy = self._project(np.array(vectors))
        else:
            i, j = self._axis_columns()
            xy = np.array([(v[i], v[j]) for v in vectors])
        return xy, vectors, f.trajectory_start + first

    def _draw_fork_path(self) -> None:
        if self.fork_trainer is None:
            return
        xy, _, _ = self._fork_path()
        shown = self._clip_to_view(_thin(xy, TRAIL_SHOWN)) if xy.shape[0] else xy
        self.fork_item.setData(shown[:, 0], shown[:, 1])

    def _draw_fork_section(self) -> None:
        f = self.fork_trainer
        if f is None:
            return
        xy, vectors, first = self._fork_path()
        most = self._fork_losses.affordable()
        if len(vectors) > most:
            xy, vectors, first = xy[-most:], vectors[-most:], first + len(vectors) - most
        losses = self._fork_losses.losses(f, first, vectors)
        self.section_fork.setData(xy[:, 0], self._for_y_axis(losses))

    def _update_fork_label(self) -> None:
        f = self.fork_trainer
        if f is None:
            self.fork_label.setVisible(False)
            self._fork_label_text = ""
            return
        t = self.trainer
        colour = FORK_ON_SECTION[pal.is_dark(self.palette())]
        state = f"diverged at iteration {f.iteration}" if f.status == "diverged" else \
            f"iteration {f.iteration}, loss {_fmt(f.evaluate_loss())}"
        extra = f" · {self._fork_label_text}" if self._fork_label_text else ""
        self.fork_label.setText(
            f"<span style='color:{colour}'>&#9632;</span> Fork from iteration {self._fork_start} at rate "
            f"{f.learning_rate:.4g} ({f.optimizer.name}): {state} · main: loss "
            f"{_fmt(t.evaluate_loss())}{extra}")
        self._fork_label_text = ""
        self.fork_label.setVisible(True)

    # ================================================================ sweep
    def open_sweep(self) -> None:
        from nnviz.gui.dialogs.sweep_dialog import SweepDialog

        dialog = getattr(self, "sweep_dialog", None)
        if dialog is None:
            dialog = SweepDialog(self.session, self.window())
            self.sweep_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    # ============================================================== colours
    def _on_log_toggled(self, on: bool) -> None:
        self._update_labels()
        self.section.setLogMode(x=False, y=on)
        self._section_key = None
        self._draw_grid()
        if self.axes is not None and self.range is not None:
            self._request_refresh(now=True)
            self._ghost_key = None
            self._ghost_throttle.request()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colours()
        super().changeEvent(event)

    def _apply_colours(self) -> None:
        p = self.palette()
        dark = pal.is_dark(p)
        text = pal.text_color(p)
        background = pal.canvas_background(p)
        self.plots.setBackground(background)
        for plot in (self.heat, self.section, self.colorbar):
            pal.style_axes(plot, p, ("left", "bottom", "right", "top"))
        dark_edge = QColor("#202020")
        self.trail_item.setPen(pg.mkPen(TRAIL, width=1.6))
        self.trail_item.setSymbolSize(4)
        self.trail_item.setSymbolPen(pg.mkPen(dark_edge, width=0.6))
        self.trail_item.setSymbolBrush(pg.mkBrush(TRAIL))
        self.start_item.setPen(pg.mkPen(TRAIL, width=1.6))
        self.start_item.setBrush(pg.mkBrush(None))
        self.current_item.setPen(pg.mkPen("#ffffff", width=1.8))
        self.current_item.setBrush(pg.mkBrush(pal.HIGHLIGHT))
        self.timeline_item.setPen(pg.mkPen(pal.HIGHLIGHT, width=2.5))
        self.timeline_item.setBrush(pg.mkBrush(None))
        self.ghost_item.setPen(pg.mkPen(GHOST, width=2.2, style=Qt.PenStyle.DashLine))
        self.ghost_item.setSymbol("o")
        self.ghost_item.setSymbolSize(4)
        self.ghost_item.setSymbolPen(pg.mkPen(GHOST))
        self.ghost_item.setSymbolBrush(pg.mkBrush(GHOST))
        self.fork_item.setPen(pg.mkPen(FORK, width=1.8))
        contour = QColor(255, 255, 255, 80)
        for iso in self.contours:
            iso.setPen(pg.mkPen(contour, width=1))
        loss_colour = QColor(SECTION_COLOURS[dark])
        self.section_curve.setPen(pg.mkPen(loss_colour, width=2))
        steps = QColor(text)
        self.section_steps.setPen(pg.mkPen(steps, width=1.2))
        self.section_steps.setSymbolSize(4)
        self.section_steps.setSymbolPen(pg.mkPen(steps))
        self.section_steps.setSymbolBrush(pg.mkBrush(steps))
        ghost = QColor(pal.HIGHLIGHT if not dark else GHOST)
        self.section_ghost.setPen(pg.mkPen(ghost, width=2, style=Qt.PenStyle.DashLine))
        self.section_ghost.setSymbol("o")
        self.section_ghost.setSymbolSize(4)
        self.section_ghost.setSymbolPen(pg.mkPen(ghost))
        self.section_ghost.setSymbolBrush(pg.mkBrush(ghost))
        fork = QColor(FORK_ON_SECTION[dark])
        self.section_fork.setPen(pg.mkPen(fork, width=1.6))
        self.section_current.setSymbolPen(pg.mkPen(background, width=1.5))
        self.section_current.setSymbolBrush(pg.mkBrush(pal.HIGHLIGHT))
        error = STATUS_COLOURS["diverged"][dark]
        self.error_label.setStyleSheet(f"color: {error}")
        hint = p.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        self.note.setStyleSheet(f"color: {hint.name()}")
        self._update_labels()
        if self.lookahead is not None and self.ghost_rate is not None:
            self._show_verdict(self.ghost_rate, self.lookahead)
        if self.fork_trainer is not None:
            self._update_fork_label()
