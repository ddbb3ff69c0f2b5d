import math

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from nnviz.gui.controls.lr_slider import (HIGH, LOW, STEPS, LearningRateControl, position_to_value,
                                 value_to_position)


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


def _handle_x(slider, value):
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    groove = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                           QStyle.SubControl.SC_SliderGroove, slider)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                           QStyle.SubControl.SC_SliderHandle, slider)
    span = groove.width() - handle.width()
    return groove.x() + handle.width() // 2 + round(span * value / STEPS)


def test_dragging_the_slider_with_the_mouse_sets_the_trainers_rate(qtbot, control, session):
    slider = control.slider
    start = QPoint(_handle_x(slider, slider.value()), slider.height() // 2)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    end = QPoint(_handle_x(slider, STEPS * 0.95), slider.height() // 2)
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
