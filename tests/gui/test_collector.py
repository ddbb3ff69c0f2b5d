"""No cyclic garbage is collected on a worker thread: garbage holding Qt objects
destroyed from a worker can deadlock the window (nnviz.gui.collector)."""

import gc
import threading

from nnviz.gui import collector
from nnviz.gui.qt_session import worker_pool


class Cycle:
    """Garbage only the cyclic collector frees; notes the thread that freed it."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self


def _note_freed(self) -> None:
    Cycle.freed_on.append(threading.current_thread().name)


Cycle.__del__ = _note_freed


def test_garbage_made_due_on_a_worker_is_collected_on_the_gui_thread(qtbot, session):
    """A job that allocates far past generation 0's threshold collects nothing itself;
    the GUI thread's timer does, and turns automatic collection back on afterwards."""
    Cycle.freed_on.clear()
    Cycle()  # unreachable at once: a cycle
    started, release = threading.Event(), threading.Event()

    def job() -> list:
        kept = [[i] for i in range(50 * gc.get_threshold()[0])]
        started.set()
        release.wait(30)
        return kept

    future = worker_pool().submit(job)
    assert started.wait(30)
    assert not gc.isenabled()  # while a job runs
    qtbot.waitUntil(lambda: bool(Cycle.freed_on), timeout=20 * collector.INTERVAL_MS)
    assert Cycle.freed_on == [threading.main_thread().name] and not gc.isenabled()
    release.set()
    kept = future.result(30)
    qtbot.waitUntil(gc.isenabled, timeout=20 * collector.INTERVAL_MS)  # no job: automatic again
    del kept


def test_a_due_generation_is_collected():
    Cycle.freed_on.clear()
    was = gc.isenabled()
    gc.disable()
    try:
        Cycle()
        kept = [[] for _ in range(2 * gc.get_threshold()[0])]  # generation 0 is due
        collector.collect_due()
        assert Cycle.freed_on == [threading.main_thread().name]
        del kept
    finally:
        if was:
            gc.enable()
