"""A throttle for redraws: the last request wins, nothing queues up."""

from __future__ import annotations

import math
import time
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class Throttle:
    """Runs ``fn`` at most once per ``interval_ms``. Requests while a run is due merge
    into it; ``fn`` reads the current state when it runs, so the last request wins.

    A run due at once is a posted call, handled before any timer falls due (a zero-time
    QTimer may wait behind a later timer, and the view would lag the Play step that
    asked for it). A bound method is held weakly: a throttle holding its widget's method
    would tie the widget to itself in a cycle, and a widget freed by the cycle collector
    after Qt deleted it crashes later painting. ``clock`` (seconds) is injectable.
    """

    def __init__(self, parent: QObject, fn: Callable[[], None], interval_ms: float,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        if hasattr(fn, "__self__"):
            ref = weakref.WeakMethod(fn)

            def call() -> None:
                method = ref()
                if method is not None:
                    method()

            self.fn = call
        else:
            self.fn = fn
        self.interval_ms = interval_ms
        self.clock = clock
        self.runs = 0  # how many times fn ran (tests read it)
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % early
        self._timer.timeout.connect(self._fire)
        self._posted = False  # a call at once is on its way
        self._last = -math.inf
        self._due = math.inf

    def request(self, interval_ms: float | None = None, sync: bool = False) -> None:
        """Run ``fn`` once ``interval_ms`` (default: the throttle's) has passed since the
        last run; at once (in the next turn of the event loop) when it has. ``sync``: when
        it has, run it right now, in this turn (during Play, so that the window paints
        the views updated by a step together, once)."""
        interval = self.interval_ms if interval_ms is None else interval_ms
        now = self.clock()
        due = max(now, self._last + interval / 1000.0)
        if sync and due <= now:
            self.cancel()
            self._fire()
            return
        if self.pending and due >= self._due:
            return
        self._due = due
        delay = max(0, math.ceil((due - now) * 1000.0))
        if delay:
            self._timer.start(delay)
            return
        self._timer.stop()
        if not self._posted:
            self._posted = True
            QTimer.singleShot(0, self._run_posted)

    @property
    def pending(self) -> bool:
        return self._posted or self._timer.isActive()

    def cancel(self) -> None:
        self._timer.stop()
        self._posted = False
        self._due = math.inf

    def flush(self) -> None:
        """Run now if a request is due."""
        if self.pending:
            self.cancel()
            self._fire()

    def _run_posted(self) -> None:
        if self._posted:  # else cancelled, or run by flush
            self._posted = False
            self._fire()

    def _fire(self) -> None:
        self._due = math.inf
        self._last = self.clock()
        self.runs += 1
        self.fn()
