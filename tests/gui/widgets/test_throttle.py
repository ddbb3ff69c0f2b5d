"""The Throttle: requests merge into one run, the last one wins, a run waits out the
interval (judged by the throttle's own clock), cancel and flush."""

import pytest
from PySide6.QtCore import QObject

from nnviz.gui.widgets.throttle import Throttle


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def parts(qapp):
    owner = QObject()
    clock = Clock()
    runs = []
    throttle = Throttle(owner, lambda: runs.append(clock.now), 100, clock=clock)
    yield throttle, clock, runs
    throttle.cancel()


def test_requests_in_one_turn_merge_into_one_run(qtbot, parts):
    throttle, clock, runs = parts
    for _ in range(5):
        throttle.request(0)
    assert runs == [] and throttle.pending  # not during the requests: in the next turn
    qtbot.waitUntil(lambda: not throttle.pending)
    assert runs == [0.0] and throttle.runs == 1


def test_a_run_waits_out_the_interval_since_the_last_one(qtbot, parts):
    throttle, clock, runs = parts
    throttle.request()
    qtbot.waitUntil(lambda: runs == [0.0])  # the first run: nothing to wait for
    clock.now = 0.05
    throttle.request()  # due at 0.1 by the throttle's clock: 50 ms from now
    throttle.request()
    assert throttle.pending and runs == [0.0]
    clock.now = 0.1
    qtbot.waitUntil(lambda: not throttle.pending)
    assert runs == [0.0, 0.1]  # the two requests made one run


def test_a_shorter_request_brings_the_run_forward(qtbot, parts):
    throttle, clock, runs = parts
    throttle.request()
    qtbot.waitUntil(lambda: len(runs) == 1)
    clock.now = 0.001
    throttle.request()  # due in 99 ms ...
    throttle.request(0)  # ... but this one wants it now
    qtbot.waitUntil(lambda: len(runs) == 2)
    assert runs == [0.0, 0.001]


def test_cancel_and_flush(qtbot, parts):
    throttle, clock, runs = parts
    throttle.request(0)
    throttle.cancel()
    assert not throttle.pending
    throttle.request(500)
    throttle.flush()  # due later, run now
    assert runs == [0.0] and not throttle.pending
    throttle.flush()  # nothing due: nothing runs
    assert runs == [0.0]


def test_a_bound_method_is_held_weakly(qtbot, qapp):
    class View:
        calls = 0

        def redraw(self) -> None:
            View.calls += 1

    owner = QObject()
    view = View()
    throttle = Throttle(owner, view.redraw, 0)
    throttle.request()
    del view  # nothing else holds it: the throttle does not keep it alive
    qtbot.waitUntil(lambda: not throttle.pending)
    assert View.calls == 0 and throttle.runs == 1


def test_a_sync_request_that_is_due_runs_in_this_turn(qtbot, parts):
    throttle, clock, runs = parts
    throttle.request(100, sync=True)  # nothing ran yet: due, so it runs right now
    assert runs == [0.0] and not throttle.pending
    clock.now = 0.05
    throttle.request(100, sync=True)  # not due: waits like any request
    assert runs == [0.0] and throttle.pending
    clock.now = 0.1
    qtbot.waitUntil(lambda: not throttle.pending)
    assert runs == [0.0, 0.1]
