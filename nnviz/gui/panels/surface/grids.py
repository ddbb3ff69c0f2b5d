"""Which loss grid the heat map gets, and where it is computed.

A grid that takes less than a frame is computed at once. A slow one (large data) is
shown coarse at once and computed in full as a job on the worker pool, on a copy of the
parameters (not during Play: then the coarse one follows the run), and drawn when it
arrives if the state it was made for is still the current one. During Play a grid that
costs more than a few milliseconds is shown coarse too (Play keeps its time for training);
the full one comes when Play stops.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from nnviz.app.jobs import DONE, GridRequest, Job
from nnviz.core.analysis import surface
from nnviz.core.trainer import Trainer
from nnviz.core.words import T_
from nnviz.gui.panels.surface.cross_section import POINTS as SECTION_POINTS

GRID_POINTS = 101  # the heat map's grid is GRID_POINTS x GRID_POINTS
RANGE_POINTS = max(GRID_POINTS, SECTION_POINTS)  # the most points a range is split into
SLOW_GRID_MS = 40.0  # a full grid slower than this is computed on the worker pool ...
COARSE_MS = 15.0  # ... after a coarse one that takes about this long, shown at once
PLAY_GRID_MS = 8.0  # during Play a full grid slower than this is shown coarse ...
PLAY_COARSE_MS = 4.0  # ... at about this cost; the full one comes when Play stops

Grid = tuple[np.ndarray, np.ndarray, np.ndarray]  # a, b, loss (loss[i, j] at a[i], b[j])


def check_range(rng: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """``rng`` (a0, a1, b0, b1) as floats when the heat map and the cross-section can be
    drawn over it; else ValueError, one line naming the axis."""
    a0, a1, b0, b1 = (float(v) for v in rng)
    for name, lo, hi in (("x", a0, a1), ("y", b0, b1)):
        try:
            surface.grid_axis(lo, hi, RANGE_POINTS)
        except ValueError as exc:
            raise ValueError(T_("grids", "the %1 range %2", name, exc)) from None
    return a0, a1, b0, b1


def grid_state(trainer: Trainer, axes: tuple[str, str], plane: tuple | None,
               rng: tuple[float, float, float, float], columns: tuple[int, int]) -> tuple:
    """What a grid depends on: every parameter but the two axes (at ``columns`` of the flat
    vector), or the plane (origin, d1, d2); the range, the loss and the trainer."""
    if plane is not None:
        params = tuple(v.tobytes() for v in plane)
    else:
        flat = trainer.network.flat().copy()
        flat[list(columns)] = 0.0
        params = flat.tobytes()
    return ("slice" if plane is None else "plane", axes, rng, params, trainer.loss, id(trainer))


def grid_request(trainer: Trainer, axes: tuple[str, str], plane: tuple | None,
                 rng: tuple[float, float, float, float], points: int) -> GridRequest:
    """A ``points`` x ``points`` grid of ``trainer``'s state now, detached from it (the
    parameters copied), so that a worker thread can compute it while training goes on."""
    probe = Trainer(trainer.network.copy(), trainer.dataset, learning_rate=trainer.learning_rate, loss=trainer.loss)
    a0, a1, b0, b1 = rng
    plane = None if plane is None else tuple(v.copy() for v in plane)
    return GridRequest(probe, axes, plane, np.linspace(a0, a1, points), np.linspace(b0, b1, points))


class Grids:
    """Decides and schedules the grids of one view.

    ``request(points)`` gives the GridRequest for the current state at ``points`` x
    ``points``; ``state()`` the key of what a grid depends on (None: nothing to draw);
    ``show(grid)`` draws a grid; ``submit(request, on_finished=...)`` starts a job;
    ``error(text)`` shows why a job failed.
    """

    def __init__(self, request: Callable[[int], GridRequest], state: Callable[[], tuple | None],
                 show: Callable[[Grid], None], submit: Callable[..., Job],
                 playing: Callable[[], bool], error: Callable[[str], None]) -> None:
        self._request, self._state, self._show, self._submit = request, state, show, submit
        self._playing, self._error = playing, error
        self.last_ms: float | None = None  # what the last full grid took (None: not known yet)
        self.always_full = False  # True: never a coarse grid first (a headless recording's frames)
        self.key = None  # the state of the full grid shown
        self._coarse_key = None
        self._job: Job | None = None
        self._again = False

    @property
    def slow(self) -> bool:
        return self.last_ms is not None and self.last_ms > SLOW_GRID_MS and not self.always_full

    def forget(self) -> None:
        """New axes, mode or network: the cost and the grid shown no longer apply."""
        self.key = None
        self.last_ms = None

    def update(self) -> None:
        """The grid for the current state (nothing when the one shown is current)."""
        key = self._state()
        if key == self.key:
            return
        if self.last_ms is None:  # estimate from a tiny grid
            elapsed, _ = self._request(11).run()
            self.last_ms = elapsed * GRID_POINTS ** 2 / 121
        playing = self._playing()
        if not (self.slow or (playing and self.last_ms > PLAY_GRID_MS and not self.always_full)):
            self.last_ms, grid = self._request(GRID_POINTS).run()
            self.key = key
            self._show(grid)
            return
        if key == self._coarse_key:
            if not playing and self._job is None:
                self._start()
            return
        # a coarse grid costing about COARSE_MS (PLAY_COARSE_MS during Play), from the
        # time the last full one took
        budget = PLAY_COARSE_MS if playing else COARSE_MS
        points = int(np.clip(GRID_POINTS * math.sqrt(budget / self.last_ms), 11, 51))
        _, grid = self._request(points).run()
        self.key = None
        self._show(grid)
        self._coarse_key = key
        if not playing and self.slow:
            self._start()

    def _start(self) -> None:
        """The full grid for the current state on the worker pool (one job at a time;
        when it ends stale, the next one starts for the state then)."""
        if self._job is not None:
            self._again = True
            return
        key = self._state()
        self._again = False
        self._job = self._submit(self._request(GRID_POINTS), on_finished=lambda job: self._done(key, job))

    def _done(self, key, job: Job) -> None:
        self._job = None
        if job.status != DONE:
            if job.error:
                self._error(job.error)
            return
        self.last_ms, grid = job.result
        state = self._state()
        if state is None:
            return
        if key == state:
            self.key = key
            self._show(grid)
        elif not self._playing() and (self._again or self.key != self._state()):
            self._start()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel(quiet=True)
            self._job = None

