"""No cyclic garbage collection on a worker thread.

Python's collector runs in whichever thread happens to allocate when a generation is
due. If that is a worker thread (a loss-surface grid, a sweep) and the garbage holds Qt
objects (a closed dialog whose slots refer back to it), their C++ side is destroyed from
the worker while the GUI thread may hold a Qt lock and wait for the GIL: a deadlock.

So while any worker job runs, automatic collection is off (``guarded`` wraps the jobs),
and a timer on the GUI thread collects each generation when it is due, by the thresholds
Python uses; when no job runs, the GUI thread turns automatic collection back on. Only
the GUI thread ever turns it on, so a worker that has just finished cannot collect.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 250

_lock = threading.Lock()
_busy = 0  # worker jobs running
_timer: QTimer | None = None


def collect_due() -> None:
    """Collect the oldest generation whose allocation count is over its threshold
    (collecting a generation collects the younger ones too)."""
    thresholds, counts = gc.get_threshold(), gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


def settle() -> None:
    """On the GUI thread: collect what is due, and turn automatic collection back on
    when no worker job runs."""
    with _lock:
        if _busy == 0:
            gc.enable()
            return
    collect_due()


def guarded(fn: Callable) -> Callable:
    """``fn`` for a worker thread: no automatic collection anywhere while it runs."""
    def run(*args, **kwargs):
        global _busy
        with _lock:
            _busy += 1
            gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            with _lock:
                _busy -= 1  # the GUI thread's timer turns collection back on
    return run


def install() -> None:
    """The GUI thread's timer that settles collection, once for the application."""
    global _timer
    app = QCoreApplication.instance()
    if _timer is None and app is not None:
        _timer = QTimer(app)
        _timer.timeout.connect(settle)
        _timer.start(INTERVAL_MS)
