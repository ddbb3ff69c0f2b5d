"""Python's cyclic garbage collection on the GUI thread only.

The collector runs in whichever thread happens to allocate when a generation is due. If
that is a worker thread (a loss-surface grid, a sweep) and the garbage holds Qt objects
(a closed dialog whose slots refer back to it), their C++ side is destroyed from the
worker while the GUI thread may hold a Qt lock and wait for the GIL: a deadlock. So from
the moment worker threads exist, automatic collection is off and a timer on the GUI
thread collects each generation when it is due, by the same thresholds Python uses.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 250

_installed: "GuiThreadCollector | None" = None


def collect_due() -> None:
    """Collect the generations whose allocation counts are over their thresholds."""
    thresholds, counts = gc.get_threshold(), gc.get_count()
    for generation in (2, 1, 0):  # the oldest due one (collecting it collects the younger too)
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(collect_due)
        self.timer.start(INTERVAL_MS)
        gc.disable()
        self.destroyed.connect(lambda *_: gc.enable())


def install() -> None:
    """Move collection to the GUI thread for the rest of the application's life (once)."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is None and app is not None:
        _installed = GuiThreadCollector(app)
