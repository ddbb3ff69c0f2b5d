"""The Qt adapter: the model's events as Qt signals, the core's changes coalesced into
one stateChanged per turn of the event loop, the one timer running only while there is
work, and background results handed to the GUI thread."""

import threading

import pytest

from nnviz.app.jobs import ThreadRequest
from nnviz.app.session import FAST_PLAY


def test_the_models_commands_and_state_read_through(session):
    assert session.step("micro") and session.trainer.cursor == 1
    assert session.model.trainer is session.trainer
    with pytest.raises(AttributeError):
        session._pending  # noqa: B018 - the model's private names stay private


def test_core_changes_in_one_turn_make_one_state_change(qtbot, xor_session):
    seen = []
    xor_session.stateChanged.connect(lambda: seen.append(xor_session.trainer.iteration))
    for _ in range(5):
        xor_session.trainer.step("iteration")  # behind the Session: only core events
    assert seen == []
    qtbot.waitUntil(lambda: seen == [5])
    assert seen == [5]


def test_the_timer_runs_only_while_there_is_work(qtbot, xor_session):
    assert not xor_session.ticking
    xor_session.set_play_speed(FAST_PLAY)
    xor_session.play()
    assert xor_session.ticking
    qtbot.waitUntil(lambda: xor_session.trainer.iteration > 50)
    xor_session.pause()
    assert not xor_session.ticking
    xor_session.start_race(200)  # a race needs it too
    assert xor_session.ticking
    qtbot.waitUntil(lambda: not xor_session.race_run.running, timeout=10000)
    qtbot.waitUntil(lambda: not xor_session.ticking)
    assert xor_session.race_run.complete


class WhereAmI(ThreadRequest):
    def run(self, job):
        return threading.current_thread()


def test_background_results_arrive_on_the_gui_thread(qtbot, session):
    got = []
    job = session.jobs.submit(WhereAmI(), on_finished=lambda j: got.append((j.result, threading.current_thread())))
    qtbot.waitUntil(lambda: len(got) == 1)
    worker, receiver = got[0]
    assert worker is not threading.main_thread() and receiver is threading.main_thread()
    assert job.status == "done"
