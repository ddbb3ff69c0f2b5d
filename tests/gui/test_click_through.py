"""A student's first session: click Next through one whole iteration of the worked
example and check, after each click, the phase indicator, the inspector's numbers (the
core's) and the colour of the edges of the layer that changed."""

import pytest
from PySide6.QtCore import Qt

from nnviz.core.analysis.explain import Formatter

F = Formatter(9)


def hue(window, name, fraction=0.78):
    """'orange', 'blue' or 'grey' of the edge of parameter ``name``, sampled near its
    receiving end (the middle carries the edge's label)."""
    canvas = window.canvas
    p = window.session.trainer.network.parse_param(name)
    a = canvas.neuron_center(p.layer - 1, p.col)
    b = canvas.neuron_center(p.layer, p.row)
    point = a + (b - a) * fraction
    image = canvas.grab().toImage()
    dpr = image.devicePixelRatio()
    colour = image.pixelColor(int(point.x() * dpr), int(point.y() * dpr))
    r, bl = colour.red(), colour.blue()
    if r > bl + 12:
        return "orange"
    if bl > r + 12:
        return "blue"
    return "grey"


def sign_colour(x):
    return "orange" if x > 0 else "blue"


@pytest.fixture
def wide(window, qtbot):
    window.resize(1500, 950)
    window.canvas.fit()
    qtbot.wait(10)
    return window


def test_click_through_one_iteration_of_the_worked_example(qtbot, wide):
    window = wide
    t = window.session.trainer
    controls, inspector = window.controls, window.inspector
    window.digits_actions[9].trigger()  # View ▸ Digits: the worked example's 9 decimal places
    assert hue(window, "w5") == "orange" and hue(window, "w1") == "orange"  # all weights > 0

    def click():
        qtbot.mouseClick(controls.next_button, Qt.MouseButton.LeftButton)
        inspector.refresh()
        return t.values

    # Forward, layer 1: net and out of h1, h2.
    v = click()
    assert controls.phase_label.text() == "Forward · layer 1 of 2 · h1 h2"
    text = inspector.text()
    assert "0.3775" in text and "0.593269992" in text
    assert F.num(v.activations[0][0, 0]) in text and F.num(v.activations[0][0, 1]) in text

    # Forward, layer 2.
    v = click()
    assert controls.phase_label.text() == "Forward · layer 2 of 2 · o1 o2"
    text = inspector.text()
    assert "0.75136507" in text and "0.772928465" in text
    assert F.num(v.net[1][0, 0]) in text  # 1.105905967

    # Loss.
    v = click()
    assert controls.phase_label.text() == "Loss"
    assert "0.298371109" in inspector.text() and v.loss == pytest.approx(0.298371109, abs=1e-9)

    # Backward, layer 2: the layer's edges now show dE/dw: w5 > 0 orange, w8 < 0 blue.
    v = click()
    assert controls.phase_label.text() == "Backward · layer 2 of 2 · o1 o2"
    text = inspector.text()
    assert "0.082167041" in text and F.num(v.grad_W[1][1, 1]) in text
    assert hue(window, "w5") == sign_colour(v.grad_W[1][0, 0]) == "orange"
    assert hue(window, "w8") == sign_colour(v.grad_W[1][1, 1]) == "blue"
    assert hue(window, "w1") == "orange"  # layer 1 still shows its (positive) weights

    # Backward, layer 1.
    v = click()
    assert controls.phase_label.text() == "Backward · layer 1 of 2 · h1 h2"
    text = inspector.text()
    assert "0.000438568" in text and F.num(v.errors[0][0, 0]) in text
    assert hue(window, "w8") == "orange"  # back to its weight, 0.55

    # Update, layer 2: the edges show the change: w5 went down (blue), w8 up (orange).
    v = click()
    assert controls.phase_label.text() == "Update · layer 2 of 2 · w5..w8"
    text = inspector.text()
    assert "0.35891648" in text and "0.561370121" in text
    assert hue(window, "w5") == sign_colour(v.update_W[1][0, 0]) == "blue"
    assert hue(window, "w8") == sign_colour(v.update_W[1][1, 1]) == "orange"

    # Update, layer 1: the iteration is done.
    v = click()
    assert controls.phase_label.text() == "Iteration 1 done"
    text = inspector.text()
    assert "0.149780716" in text and "0.299502287" in text
    assert t.iteration == 1 and t.network.weights[0][0, 0] == pytest.approx(0.149780716, abs=1e-9)
    assert hue(window, "w1") == sign_colour(v.update_W[0][0, 0]) == "blue"


def test_step_back_restores_the_weights_and_the_display(qtbot, wide):
    window = wide
    t = window.session.trainer
    for _ in range(5):
        qtbot.mouseClick(window.controls.next_button, Qt.MouseButton.LeftButton)
    before_image = window.canvas.grab().toImage()
    before_text = window.controls.phase_label.text()
    before = [w.copy() for w in t.network.weights]
    qtbot.mouseClick(window.controls.next_button, Qt.MouseButton.LeftButton)  # update layer 2
    assert t.network.weights[1][0, 0] != before[1][0, 0]
    qtbot.mouseClick(window.controls.back_button, Qt.MouseButton.LeftButton)
    assert all((a == b).all() for a, b in zip(before, t.network.weights))
    assert window.controls.phase_label.text() == before_text
    assert window.canvas.grab().toImage() == before_image
