import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnviz.core.trainer import micro_steps
from nnviz.app.session import FAST_PLAY, FRAME_PLAY, Session
from nnviz.core import presets
from nnviz.gui.qt_session import QtSession
from nnviz.gui.controls.step_controls import (SPEED_STEPS, StepControls, describe, position_from_speed,
                                     speed_from_position)

EXPECTED_MAZUR = [
    "Forward · layer 1 of 2 · h1 h2",
    "Forward · layer 2 of 2 · o1 o2",
    "Loss",
    "Backward · layer 2 of 2 · o1 o2",
    "Backward · layer 1 of 2 · h1 h2",
    "Update · layer 2 of 2 · w5..w8",
]


@pytest.fixture
def controls(show, session):
    return show(StepControls(session))


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_next_walks_through_one_iteration_in_order(qtbot, controls, session):
    assert controls.phase_label.text() == "Ready"
    assert "next: Forward · layer 1 of 2" in controls.next_label.text()
    for expected in EXPECTED_MAZUR:
        click(qtbot, controls.next_button)
        assert controls.phase_label.text() == expected
    click(qtbot, controls.next_button)  # the last update ends the iteration
    assert controls.phase_label.text() == "Iteration 1 done"
    assert session.trainer.iteration == 1
    assert controls.counter_label.text() == "iteration 1"
    assert controls.loss_label.text() == "loss 0.2984"  # the window's default: 4 decimal places
    session.set_digits(9)
    assert controls.loss_label.text() == "loss 0.298371109"  # Mazur's published loss


def test_finish_phase_and_iteration_buttons(qtbot, controls, session):
    t = session.trainer
    click(qtbot, controls.phase_button)
    assert t.cursor == 2 and t.phase == "loss"
    click(qtbot, controls.phase_button)
    assert t.phase == "backward"
    click(qtbot, controls.iteration_button)
    assert t.cursor == 0 and t.iteration == 1
    click(qtbot, controls.iteration_button)
    assert t.iteration == 2


def test_step_back_restores_the_weights_exactly(qtbot, controls, session):
    t = session.trainer
    assert not controls.back_button.isEnabled()
    click(qtbot, controls.iteration_button)
    before = [w.copy() for w in t.network.weights]
    click(qtbot, controls.next_button)
    assert controls.back_button.isEnabled()
    for _ in range(len(t.steps)):
        click(qtbot, controls.next_button)
    assert not all(np.array_equal(a, b) for a, b in zip(before, t.network.weights))
    for _ in range(len(t.steps) + 1):
        click(qtbot, controls.back_button)
    assert all(np.array_equal(a, b) for a, b in zip(before, t.network.weights))
    assert t.cursor == 0 and t.iteration == 1
    assert controls.phase_label.text() == "Iteration 1 done"


def test_reset_returns_to_the_start(qtbot, controls, session):
    click(qtbot, controls.iteration_button)
    click(qtbot, controls.reset_button)
    t = session.trainer
    assert t.iteration == 0 and t.cursor == 0
    assert t.network.weights[1][0, 0] == 0.4
    assert controls.phase_label.text() == "Ready"


def test_describe_names_every_step_of_a_generic_network(session):
    from nnviz.core import presets

    t = presets.load("xor")
    texts = [describe(t, s) for s in micro_steps(2)]
    assert texts[0] == "Forward · layer 1 of 2 · a[1][0] a[1][1] a[1][2] a[1][3]"
    assert texts[-1] == "Update · layer 1 of 2 · W1[0,0]..W1[3,1]"


def test_speed_scale():
    assert speed_from_position(SPEED_STEPS) == FAST_PLAY
    assert speed_from_position(0) == 0.5
    for speed in (0.5, 2, 10, 100, 500):
        assert speed_from_position(position_from_speed(speed)) == pytest.approx(speed, rel=0.1)


def test_play_on_xor_at_the_default_speed_shows_every_iteration_and_learns_within_seconds(qtbot, show):
    """The default is frame-synced: the speed control says "screen", the timer ticks once
    per frame of the screen and every tick runs one iteration, which the window then
    shows. Time is counted in frames (the session's clock never moves), not read off
    the wall."""
    s = QtSession(Session(presets.load("xor"), clock=lambda: 0.0))
    controls = show(StepControls(s))
    assert controls.speed_label.text() == "screen" and controls.unit_box.currentData() == "iteration"
    assert s.play_speed == FRAME_PLAY
    frames = []
    s.stateChanged.connect(lambda: frames.append(s.trainer.iteration))
    t = s.trainer
    click(qtbot, controls.play_button)
    assert s.playing and s.tick_interval_ms() == int(1000 / s.frame_rate)
    qtbot.waitUntil(lambda: bool(t.accuracy_history) and t.accuracy_history[-1] == 1.0, timeout=30000)
    click(qtbot, controls.play_button)
    assert frames == list(range(1, len(frames) + 1))  # one iteration per frame, each one shown
    first_full = t.accuracy_history.index(1.0) + 1
    assert first_full / s.frame_rate < 10  # seconds of Play at one iteration per frame
    s.close()


def test_the_speed_control_can_leave_and_come_back_to_screen_speed(controls, session):
    controls.speed.setValue(position_from_speed(10))
    assert session.play_speed == 10 and controls.speed_label.text() == "10/s"
    controls.speed.setValue(controls.position_of(FRAME_PLAY))
    assert session.play_speed == FRAME_PLAY and controls.speed_label.text() == "screen"
    controls.speed.setValue(SPEED_STEPS)
    assert session.play_speed == FAST_PLAY and controls.speed_label.text() == "max"


def test_play_button_runs_and_stops_without_blocking(qtbot, controls, session):
    controls.speed.setValue(SPEED_STEPS)  # as fast as possible
    assert session.play_speed == FAST_PLAY
    click(qtbot, controls.play_button)
    assert session.playing and controls.play_button.text() == "Pause"
    # The event loop keeps turning while Play runs: signals arrive and iterations grow.
    with qtbot.waitSignal(session.stateChanged, timeout=2000):
        pass
    qtbot.waitUntil(lambda: session.trainer.iteration > 500, timeout=5000)
    click(qtbot, controls.play_button)
    assert not session.playing and controls.play_button.text() == "Play"
    stopped_at = session.trainer.iteration
    qtbot.wait(50)
    assert session.trainer.iteration == stopped_at


def test_play_by_micro_step_at_a_slow_speed(qtbot, controls, session):
    controls.unit_box.setCurrentIndex(controls.unit_box.findData("micro"))
    controls.speed.setValue(position_from_speed(50))
    click(qtbot, controls.play_button)
    qtbot.waitUntil(lambda: session.trainer.cursor >= 3, timeout=3000)
    click(qtbot, controls.play_button)
    t = session.trainer
    assert t.iteration == 0 or t.cursor > 0  # it moved in micro-steps, not whole iterations


def test_play_stops_with_a_message_when_training_diverges(qtbot, controls):
    from nnviz.core import presets

    session = controls.session
    session.set_trainer(presets.load("sine"))
    session.set_learning_rate(10.0)
    controls.speed.setValue(SPEED_STEPS)
    with qtbot.waitSignal(session.message, timeout=5000,
                          check_params_cb=lambda text: "diverged" in text) as blocker:
        click(qtbot, controls.play_button)
    assert "diverged" in blocker.args[0]
    qtbot.waitUntil(lambda: not session.playing)
    assert session.trainer.status == "diverged"
    assert "diverged" in controls.loss_label.text()
    assert all(np.isfinite(w).all() for w in session.trainer.network.weights)
