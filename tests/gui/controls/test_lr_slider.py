import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnviz.gui.controls.lr_slider import (HIGH, LOW, MARKS_PLAY_MS, STEPS, LearningRateControl,
                                          position_to_value, slider_x, value_to_position)


@pytest.fixture
def control(show, session):
    return show(LearningRateControl(session), (500, 40))


def test_scale_is_logarithmic_from_1e_4_to_10():
    assert position_to_value(0) == pytest.approx(LOW)
    assert position_to_value(STEPS) == pytest.approx(HIGH)
    middle = position_to_value(STEPS // 2)
    assert middle == pytest.approx(math.sqrt(LOW * HIGH), rel=1e-2)
    for value in (1e-4, 3e-3, 0.5, 2.0, 10.0):
        assert position_to_value(value_to_position(value)) == pytest.approx(value, rel=0.02)


def test_starts_at_the_trainers_rate(control, session):
    assert control.box.text() == "0.5"
    assert control.slider.value() == value_to_position(0.5)
    assert session.trainer.learning_rate == 0.5  # showing it did not round the trainer's value


def test_dragging_the_slider_with_the_mouse_sets_the_trainers_rate(qtbot, control, session):
    slider = control.slider
    start = QPoint(round(slider_x(slider, control.value)), slider.height() // 2)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    end = QPoint(round(slider_x(slider, position_to_value(round(STEPS * 0.95)))), slider.height() // 2)
    for x in range(start.x(), end.x() + 1, 4):
        qtbot.mouseMove(slider, QPoint(x, start.y()))
    qtbot.mouseMove(slider, end)
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=end)
    assert slider.value() > value_to_position(0.5)
    rate = session.trainer.learning_rate
    assert rate == position_to_value(slider.value())
    assert rate > 1.0
    assert float(control.box.text()) == pytest.approx(rate)


def test_typing_in_the_box_moves_the_slider_and_the_trainer(qtbot, control, session):
    control.box.selectAll()
    qtbot.keyClicks(control.box, "0.0125")
    qtbot.keyClick(control.box, Qt.Key.Key_Return)
    assert session.trainer.learning_rate == 0.0125
    assert control.slider.value() == value_to_position(0.0125)


def test_trainer_changes_show_in_both(control, session):
    session.trainer.learning_rate = 2.5
    assert control.box.text() == "2.5"
    assert control.slider.value() == value_to_position(2.5)
    assert session.trainer.learning_rate == 2.5  # no feedback loop rounded it


def test_out_of_range_text_is_refused_with_a_message(qtbot, control, session):
    with qtbot.waitSignal(session.message) as blocker:
        control.box.setText("50")
        control._on_box_edited()
    assert "expected a number" in blocker.args[0]
    assert session.trainer.learning_rate == 0.5
    assert control.box.text() == "0.5"


def test_new_rate_applies_from_the_next_update(control, session):
    t = session.trainer
    for _ in range(5):  # forward, forward, loss, backward, backward
        session.step("micro")
    control.box.setText("1")
    control._on_box_edited()
    session.step("micro")  # update of layer 2 uses the new rate
    v = t.values
    assert v.learning_rate == 1.0
    assert v.update_W[1] == pytest.approx(-1.0 * v.grad_W[1])


@pytest.mark.parametrize("text", ["11", "0", "1e-5", "-1", "abc"])
def test_rates_outside_the_slider_are_refused_and_the_box_shows_the_real_rate(qtbot, control, session, text):
    messages = []
    session.message.connect(messages.append)
    control.box.setText(text)
    control.box.setFocus()
    qtbot.keyClick(control.box, Qt.Key.Key_Return)
    assert session.trainer.learning_rate == 0.5
    assert control.box.text() == "0.5"
    assert messages and "expected a number from 0.0001 to 10" in messages[-1]


# ------------------------------------------------------------- regime marks
def _marked(qtbot, control):
    control.refresh_marks()
    qtbot.waitUntil(lambda: control.marks is not None)
    return control.marks


def _analytic_adaline_lambda(trainer):
    """Under mse the Hessian of one linear output over (w1, w2, b) is 2/N A^T A, A = [X 1]."""
    x = trainer.dataset.inputs
    a = np.hstack([x, np.ones((x.shape[0], 1))])
    return np.linalg.eigvalsh(2.0 / x.shape[0] * a.T @ a)[-1]


def test_on_the_adaline_bowl_the_marks_are_the_analytic_rates(qtbot, make_session, show):
    session = make_session("adaline")
    control = show(LearningRateControl(session), (700, 50))
    marks = _marked(qtbot, control)
    lam = _analytic_adaline_lambda(session.trainer)
    assert marks.zigzag_from == pytest.approx(1 / lam, rel=1e-9)
    assert marks.diverges_from == pytest.approx(2 / lam, rel=1e-9)
    # drawn where the slider puts those rates, labelled, the band between them
    zig, div = control.ruler.labels
    assert zig.text.startswith("zig-zag from 0.25") and div.text.endswith("diverges from 0.5")
    offset = control.slider.x() - control.ruler.x()
    assert zig.at == pytest.approx(offset + slider_x(control.slider, 1 / lam))
    assert div.at == pytest.approx(offset + slider_x(control.slider, 2 / lam))
    for label in (zig, div):
        assert label.rect.left() <= label.at <= label.rect.right()
    zig_tip, div_tip = zig.tip, div.tip
    for tip in (zig_tip, div_tip):
        assert "λmax = 4:" in tip and "over w1, w2, b" in tip and "exact" in tip
    assert "1/λmax = 0.25" in zig_tip and "2/λmax = 0.5" in div_tip
    assert "Zig-zag from here" in control.slider.toolTip() and "Diverges from here" in control.slider.toolTip()
    image = control.slider.grab().toImage()
    y = control.slider.height() // 2 - 5
    inside_band = image.pixelColor(round((slider_x(control.slider, 0.3) + slider_x(control.slider, 0.42)) / 2), y)
    below = image.pixelColor(round(slider_x(control.slider, 0.01)), y)
    assert inside_band != below  # the band is tinted


def test_momentum_moves_the_marks_and_says_so(qtbot, make_session, show):
    session = make_session("adaline")
    control = show(LearningRateControl(session), (700, 50))
    _marked(qtbot, control)
    session.configure(optimizer="momentum", optimizer_params={"momentum": 0.9})
    qtbot.waitUntil(lambda: control.marks.optimizer == "momentum")
    lam = _analytic_adaline_lambda(session.trainer)
    assert control.marks.zigzag_from == pytest.approx(1.9 / lam, rel=1e-9)
    assert control.marks.diverges_from == pytest.approx(3.8 / lam, rel=1e-9)
    tip = control.ruler.labels[1].tip
    assert "2(1 + μ)/λmax with μ = 0.9 = 0.95" in tip and "Momentum moves the marks" in tip


@pytest.mark.parametrize("setting,word", [({"optimizer": "adam"}, "adam"), ({"optimizer": "adagrad"}, "adagrad"),
                                          ({"backprop": "proportional"}, "the proportional mode")])
def test_without_marks_the_ruler_says_why(qtbot, make_session, show, setting, word):
    session = make_session("adaline")
    control = show(LearningRateControl(session), (700, 50))
    _marked(qtbot, control)
    session.configure(**setting)
    qtbot.waitUntil(lambda: control.marks.zigzag_from is None)
    label, = control.ruler.labels
    assert label.text == f"no regime marks for {word}"
    assert label.tip.endswith(control.marks.reason) and control.marks.reason in control.slider.toolTip()
    assert control.ruler.tip_at(label.rect.center().x()) == label.tip
    assert control.band.marks is None


def test_marks_beyond_the_slider_are_named_at_its_end(qtbot, control, session):
    marks = _marked(qtbot, control)
    assert marks.zigzag_from > HIGH  # the worked example: about 27 and 55
    label, = control.ruler.labels
    assert label.text == f"zig-zag from {marks.zigzag_from:.3g}, diverges from {marks.diverges_from:.3g} ▶"
    assert label.rect.right() == pytest.approx(control.ruler.width())
    assert "beyond the slider's end (10)" in label.tip


def test_during_play_the_marks_follow_the_run_at_most_twice_a_second(qtbot, control, session):
    _marked(qtbot, control)
    session.play()
    session.step("iteration")
    assert control._marks_throttle.pending and control._marks_throttle.interval_ms == MARKS_PLAY_MS
    session.pause()
