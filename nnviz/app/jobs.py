"""Background work: one job runner for every long computation of the window, with typed
requests, progress, cancel, and results delivered on the thread that owns the Session.

A request says what to compute and where it runs:

- a ``ThreadRequest`` (a loss-surface grid, a learning-rate sweep) runs once on the
  worker pool, away from the GUI thread; it reports progress and checks for Cancel;
- a ``SlicedRequest`` (the chain-vs-proportional race) runs in short slices on the GUI
  thread, driven by the Session's one timer, so it needs no locks and stops exactly
  where it is cancelled.

``JobRunner.submit(request, on_progress=..., on_finished=...)`` returns a ``Job``, the
handle: its ``status`` (running, done, failed, cancelled), ``done`` / ``total``,
``result`` or ``error``, and ``cancel()``. The callbacks are always called on the owning
thread: the runner is given a ``post`` function that hands a call over to it (the Qt
adapter's queued signal). With no pool the runner computes thread requests at once, in
the caller's thread, which is what a script or a Qt-free test wants.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

import numpy as np

from nnviz.core.analysis import compare, surface
from nnviz.core.events import Signal
from nnviz.core.trainer import Trainer, TrainingError

RUNNING, DONE, FAILED, CANCELLED = "running", "done", "failed", "cancelled"
Callback = Callable[["Job"], None]


class Job:
    """The handle of one request; read it in the callbacks, ``cancel()`` it any time."""

    def __init__(self, request: Any, runner: "JobRunner", on_progress: Callback | None,
                 on_finished: Callback | None) -> None:
        self.request = request
        self.status = RUNNING
        self.done = 0
        self.total = 0
        self.result: Any = None
        self.error = ""
        self._runner = runner
        self._on_progress = on_progress
        self._on_finished = on_finished
        self._stop = threading.Event()
        self._progress_posted = False

    @property
    def running(self) -> bool:
        return self.status == RUNNING

    @property
    def cancelled(self) -> bool:
        """Whether Cancel was asked for (the request checks this between its steps)."""
        return self._stop.is_set()

    def cancel(self, quiet: bool = False) -> None:
        """Stop the work at its next check. ``quiet``: no callback is called any more
        (the view that asked is closing)."""
        self._stop.set()
        if quiet:
            self._on_progress = self._on_finished = None
        self._runner._cancelled(self)

    def report(self, done: int, total: int) -> None:
        """Progress, from the thread doing the work; the owner hears of it once per turn."""
        self.done, self.total = int(done), int(total)
        if self._on_progress is not None and not self._progress_posted:
            self._progress_posted = True
            self._runner.post(self._deliver_progress)

    def _deliver_progress(self) -> None:
        self._progress_posted = False
        if self._on_progress is not None and self.status == RUNNING:
            self._on_progress(self)

    def _finish(self, status: str, result: Any = None, error: str = "") -> None:
        """On the owning thread: the outcome, then the callback (once). Work cancelled
        before it ended is cancelled, whatever it returned (a partial result stays in
        ``result``)."""
        if self.status != RUNNING:
            return
        self.status = CANCELLED if self.cancelled else status
        self.result, self.error = result, error
        callback, self._on_progress, self._on_finished = self._on_finished, None, None
        if callback is not None:
            callback(self)
        self._runner.finished.emit(self)


class ThreadRequest:
    """Work that runs once on the worker pool: ``run(job)`` returns the result (check
    ``job.cancelled`` between steps, call ``job.report(done, total)`` for progress)."""

    def run(self, job: Job) -> Any:
        raise NotImplementedError


class SlicedRequest:
    """Work that runs in slices on the owning thread: ``advance(job, should_stop)`` does
    one slice and returns True when the work is complete; ``result()`` is then its result."""

    def advance(self, job: Job, should_stop: Callable[[], bool]) -> bool:
        raise NotImplementedError

    def result(self) -> Any:
        return None


def call_now(fn: Callable[[], None]) -> None:
    fn()


class JobRunner:
    """Starts requests and delivers their outcome on the owning thread.

    ``pool``: where thread requests run (None: at once, in the caller's thread).
    ``post``: hands a call to the owning thread (default: call it at once).
    ``clock``: what ``advance`` measures slices with (tests inject their own).
    """

    def __init__(self, pool: Executor | None = None, post: Callable[[Callable[[], None]], None] = call_now,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.pool = pool
        self.post = post
        self.clock = clock
        self._sliced: list[Job] = []
        self.slices_changed: Callable[[], None] | None = None  # sliced work came or went
        self.finished = Signal()  # finished(job): every job once it has ended, on the owning thread

    def attach(self, pool: Executor | None, post: Callable[[Callable[[], None]], None]) -> None:
        """Use ``pool`` and ``post`` from now on (the Qt adapter's worker pool and queue)."""
        self.pool, self.post = pool, post

    def submit(self, request: ThreadRequest | SlicedRequest, *, on_progress: Callback | None = None,
               on_finished: Callback | None = None) -> Job:
        job = Job(request, self, on_progress, on_finished)
        if isinstance(request, SlicedRequest):
            self._sliced.append(job)
            self._slices_changed()
        elif self.pool is None:
            self._run_thread_job(job)
        else:
            self.pool.submit(self._run_thread_job, job)
        return job

    def _run_thread_job(self, job: Job) -> None:
        try:
            result = job.request.run(job)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost in a thread
            text = str(exc) if isinstance(exc, (ValueError, TrainingError)) else f"{type(exc).__name__}: {exc}"
            self.post(lambda: job._finish(FAILED, error=text))
            return
        self.post(lambda: job._finish(DONE, result))

    def _slices_changed(self) -> None:
        if self.slices_changed is not None:
            self.slices_changed()

    @property
    def has_slices(self) -> bool:
        """Whether sliced work is waiting for ``advance``."""
        return bool(self._sliced)

    def advance(self, seconds: float) -> None:
        """Run the sliced jobs for about ``seconds`` in all (called by the Session's timer)."""
        if not self._sliced:
            return
        deadline = self.clock() + seconds / len(self._sliced)
        for job in list(self._sliced):
            try:
                finished = job.request.advance(job, lambda: self.clock() > deadline)
            except (TrainingError, ValueError) as exc:
                self._sliced.remove(job)
                self._slices_changed()
                job._finish(FAILED, error=str(exc))
                continue
            if finished:
                self._sliced.remove(job)
                self._slices_changed()
                job._finish(DONE, job.request.result())
            elif job._on_progress is not None:
                job._on_progress(job)
            deadline = self.clock() + seconds / len(self._sliced) if self._sliced else deadline

    def _cancelled(self, job: Job) -> None:
        if job in self._sliced:  # a slice never runs half: it stops here, at once
            self._sliced.remove(job)
            self._slices_changed()
            job._finish(CANCELLED)

    def cancel_all(self) -> None:
        for job in list(self._sliced):
            job.cancel(quiet=True)


# ================================================================== requests
class GridRequest(ThreadRequest):
    """The training loss over a grid of two parameters (``axes``) or over the plane
    ``plane`` = (origin, d1, d2), on ``probe``, a Trainer detached from the live one."""

    def __init__(self, probe: Trainer, axes: tuple[str, str], plane: tuple | None,
                 a: np.ndarray, b: np.ndarray) -> None:
        self.probe, self.axes, self.plane, self.a, self.b = probe, axes, plane, a, b

    def run(self, job: Job | None = None) -> tuple[float, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(milliseconds it took, (a, b, loss)); ``loss[i, j]`` at ``a[i]``, ``b[j]``."""
        start = time.perf_counter()
        if self.plane is not None:
            loss = surface.plane_grid(self.probe, *self.plane, self.a, self.b)
        else:
            loss = surface.loss_grid(self.probe, self.axes[0], self.axes[1], self.a, self.b)
        return (time.perf_counter() - start) * 1000.0, (self.a, self.b, loss)


class SweepRequest(ThreadRequest):
    """N iterations at each learning rate from ``trainer`` (a private copy)."""

    def __init__(self, trainer: Trainer, rates: np.ndarray, iterations: int) -> None:
        self.trainer, self.rates, self.iterations = trainer, np.asarray(rates, dtype=float), int(iterations)

    def run(self, job: Job) -> surface.SweepResult:
        return surface.sweep(self.trainer, self.rates, self.iterations, progress=job.report,
                             should_stop=lambda: job.cancelled)


class RaceRequest(SlicedRequest):
    """Two copies of a trainer from its current state, one per backprop mode, trained
    together for ``iterations`` iterations (or until both have diverged)."""

    def __init__(self, trainer: Trainer, iterations: int) -> None:
        self.race = compare.Race(trainer)
        self.iterations = int(iterations)

    def advance(self, job: Job, should_stop: Callable[[], bool]) -> bool:
        r = self.race
        r.advance(self.iterations - r.done, should_stop=should_stop)
        job.done, job.total = min(r.done, self.iterations), self.iterations
        return r.done >= self.iterations or len(r.stopped) == len(r.MODES)

    def result(self) -> compare.Race:
        return self.race
