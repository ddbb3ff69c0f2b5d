"""The Qt adapter of the Session: Qt signals for its events, the one timer that drives
Play and the follower runs, and the one worker pool for background jobs.

Views take a ``QtSession``, connect to its signals (through ``SessionView``) and call its
commands. Every public name of the model (``nnviz.app.session.Session``) is available
here too, read through to the model: ``session.step("micro")``, ``session.trainer``,
``session.fork(2.0)``. The model stays free of Qt; this class adds only what needs Qt.

Coalescing: the core's events during one turn of the event loop become one
``stateChanged`` at the end of the turn (commands flush at once when they are done).
Background jobs report on the GUI thread, through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from nnviz.app.session import Session
from nnviz.core.trainer import Trainer
from nnviz.gui import collector

_POOL: "GuardedPool | None" = None


class GuardedPool(Executor):
    """The worker threads, each job run with no garbage collection off the GUI thread
    (see ``nnviz.gui.collector``)."""

    def __init__(self, workers: int) -> None:
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="nnviz-job")

    def submit(self, fn, /, *args, **kwargs):
        return self.executor.submit(collector.guarded(fn), *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.executor.shutdown(wait, cancel_futures=cancel_futures)


def worker_pool() -> GuardedPool:
    """The window's worker threads (grids, sweeps): two, one per core of a small machine;
    NumPy releases the GIL in the heavy parts."""
    global _POOL
    if _POOL is None:
        collector.install()
        _POOL = GuardedPool(2)
    return _POOL


class _Queue(QObject):
    """Hands calls from any thread to the GUI thread, in the order they came."""

    call = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(fn: Callable[[], None]) -> None:
        fn()


class QtSession(QObject):
    """A Session for Qt views: see the module notes."""

    trainerReplaced = Signal()  # a different Trainer: views rebuild everything
    stateChanged = Signal()  # weights, values, cursor or iteration changed
    settingsChanged = Signal(str)  # the name of the setting ("stop_rules" for Play's)
    statusChanged = Signal(str, str)  # "ready"/"diverged", message
    selectionChanged = Signal()
    hoverChanged = Signal()  # the item under the mouse (session.hover)
    sampleChanged = Signal(int)
    edgeModeChanged = Signal(str)
    timelineChanged = Signal()  # the iteration shown changed (or back to live)
    playingChanged = Signal(bool)
    runsChanged = Signal(str)  # "fork" or "race"
    message = Signal(str)  # one line for the status bar

    EVENTS = (("trainer_replaced", "trainerReplaced"), ("state_changed", "stateChanged"),
              ("settings_changed", "settingsChanged"), ("status_changed", "statusChanged"),
              ("selection_changed", "selectionChanged"), ("hover_changed", "hoverChanged"),
              ("sample_changed", "sampleChanged"),
              ("edge_mode_changed", "edgeModeChanged"), ("timeline_changed", "timelineChanged"),
              ("playing_changed", "playingChanged"), ("runs_changed", "runsChanged"),
              ("message", "message"))

    def __init__(self, model: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._queue = _Queue(self)
        model.jobs.attach(worker_pool(), self._queue.call.emit)
        for event, signal in self.EVENTS:
            getattr(model, event).connect(getattr(self, signal).emit)
        self._flush_due = False
        model.pending.connect(self._schedule_flush)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        model.work_changed.connect(self._wake)
        model.playing_changed.connect(lambda playing: self._wake())
        screen = QGuiApplication.primaryScreen()
        if screen is not None:  # Play's default pace: one step per frame of this screen
            model.set_frame_rate(screen.refreshRate())

    def __getattr__(self, name: str):
        # the model's commands and state (only called for names this class lacks)
        model = self.__dict__.get("model")
        if model is None or name.startswith("_"):
            raise AttributeError(name)
        return getattr(model, name)

    @property
    def trainer(self) -> Trainer:
        return self.model.trainer

    @property
    def playing(self) -> bool:
        return self.model.playing

    def close(self) -> None:
        """Stop the timer and the model's Play, fork and race (the window is closing)."""
        self._timer.stop()
        self.model.close()

    # ------------------------------------------------------------ coalescing
    def _schedule_flush(self) -> None:
        if not self._flush_due:
            self._flush_due = True
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        self._flush_due = False
        self.model.flush()

    # ----------------------------------------------------------- the timer
    @property
    def ticking(self) -> bool:
        """Whether the timer runs (Play, a race or a fork catching up)."""
        return self._timer.isActive()

    def _wake(self) -> None:
        if self.model.wants_ticks:
            interval = self.model.tick_interval_ms()
            if interval != self._timer.interval():
                self._timer.setInterval(interval)
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def _tick(self) -> None:
        self.model.tick()
        self._wake()
