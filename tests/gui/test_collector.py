"""Cyclic garbage is collected on the GUI thread only, once worker threads exist: garbage
holding Qt objects destroyed from a worker can deadlock the window."""

import gc
import threading

from nnviz.gui import collector
from nnviz.gui.qt_session import worker_pool


class Cycle:
    """Garbage only the cyclic collector frees; notes the thread that freed it."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.current_thread().name)


def test_garbage_made_busy_on_a_worker_is_collected_on_the_gui_thread(qtbot, session):
    assert not gc.isenabled()  # the session's worker pool is there
    Cycle.freed_on.clear()
    Cycle()  # unreachable at once: a cycle

    def allocate() -> list:  # far more new containers than generation 0's threshold, kept
        return [[i] for i in range(50 * gc.get_threshold()[0])]

    kept = worker_pool().submit(allocate).result(timeout=60)
    assert Cycle.freed_on == []  # the worker's allocations collected nothing
    qtbot.waitUntil(lambda: bool(Cycle.freed_on), timeout=10 * collector.INTERVAL_MS)
    assert Cycle.freed_on == [threading.main_thread().name]
    del kept


def test_a_due_generation_is_collected():
    Cycle.freed_on.clear()
    was = gc.isenabled()
    gc.disable()
    try:
        Cycle()
        kept = [[] for _ in range(2 * gc.get_threshold()[0])]  # generation 0 is due
        collector.collect_due()
        del kept
        assert Cycle.freed_on == [threading.main_thread().name]
    finally:
        if was:
            gc.enable()
