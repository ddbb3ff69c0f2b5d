"""The equation inspector: the core's worked arithmetic for the selection or the last
micro-step, the gradient check, and staying cheap while hidden or playing."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nnviz.app.session import FAST_PLAY
from nnviz.core.data.datasets import Dataset
from nnviz.core.analysis.explain import Explainer
from nnviz.core.trainer import create
from nnviz.gui.widgets import palette
from nnviz.gui.widgets.formula import plain_text, to_html
from nnviz.gui.panels.inspector import MAX_LINES, Inspector

# After each micro-step of the first mazur iteration: numbers the inspector must show
# (the published worked example).
MAZUR_STEPS = [
    ("Forward · layer 1 of 2", ["0.3775", "0.593269992", "0.3925", "0.596884378"]),
    ("Forward · layer 2 of 2", ["1.105905967", "0.75136507", "1.224921404", "0.772928465"]),
    ("Loss", ["0.274811083", "0.023560026", "0.298371109"]),
    ("Backward · layer 2 of 2", ["0.74136507", "0.186815602", "0.138498562", "0.082167041", "-0.02260254"]),
    ("Backward · layer 1 of 2", ["0.036350306", "0.241300709", "0.008771355", "0.000438568"]),
    ("Update · layer 2 of 2", ["0.35891648", "0.408666186", "0.51130127", "0.561370121"]),
    ("Update · layer 1 of 2", ["0.149780716", "0.199561432", "0.249751144", "0.299502287"]),
]
NUMBER = re.compile(r"-?\d+\.\d+(?:e[+-]?\d+)?")


@pytest.fixture
def inspector(show, session):
    session.set_digits(9)  # the published worked example's digits (the window's default is 4)
    return show(Inspector(session), (760, 420))


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def step(session, n=1):
    for _ in range(n):
        assert session.step("micro")


def core_numbers(session, unit=None, sample=None) -> list[str]:
    """Every number of the core's lines for the last micro-step."""
    t = session.trainer
    lines = Explainer(t).step(t.last_step, sample, unit)
    return [x for ln in lines for x in NUMBER.findall(ln.text)]


def check_value(text: str) -> float:
    m = re.search(r"≈ (-?[0-9.]+(?:e[+-]?\d+)?)", text)
    assert m, text
    return float(m.group(1))


# ------------------------------------------------------------ following the steps
def test_nothing_computed_yet(inspector):
    text = inspector.text()
    assert "Nothing computed yet" in text
    assert "Next runs Forward · layer 1 of 2" in text
    assert not inspector.check_button.isEnabled()


def test_click_stepping_a_mazur_iteration_shows_the_core_numbers(qtbot, inspector, session):
    for title, numbers in MAZUR_STEPS:
        step(session)
        text = inspector.text()
        assert f"Last micro-step: {title}" in text
        assert f"{title} — just computed" in text
        for x in numbers:
            assert x in text, (title, x)
        for x in core_numbers(session):  # everything the core wrote for this step
            assert x in text, (title, x)
    assert "iteration 1 complete" in inspector.text()


def test_the_lines_are_typeset(inspector, session):
    step(session, 4)  # to Backward · layer 2
    text = inspector.text()
    assert "∂E/∂w5 = ∂E/∂outo1 · ∂outo1/∂neto1 · ∂neto1/∂w5 = 0.74136507·0.186815602·0.593269992 = 0.082167041" in text
    assert "δo1 = ∂E/∂outo1 · ∂outo1/∂neto1 = 0.74136507·0.186815602 = 0.138498562" in text
    html = inspector.browser.toHtml()
    assert "vertical-align:sub" in html or "<sub>" in html
    assert "font-weight:700" in html or "<b>" in html  # results in bold


def test_step_back_shows_the_earlier_step(inspector, session):
    step(session, 3)
    assert "0.298371109" in inspector.text()
    assert session.back()
    text = inspector.text()
    assert "Last micro-step: Forward · layer 2 of 2" in text
    assert "0.298371109" not in text


# -------------------------------------------------------------- a selected weight
def test_selecting_w5_follows_it_through_the_iteration(inspector, session):
    session.select_param("W2[0,0]")
    text = inspector.text()
    assert text.startswith("w5 (W2[0,0]) · weight from h1 to o1 · now 0.4")
    assert "forward pass of o1: after Forward · layer 2 of 2" in text
    assert "gradient: after Backward · layer 2 of 2" in text
    assert "update: after Update · layer 2 of 2" in text
    step(session, 2)
    text = inspector.text()
    assert "neto1 = w5·outh1 + w6·outh2 + b2 = 0.4·0.593269992 + 0.45·0.596884378 + 0.6 = 1.105905967" in text
    assert "0.75136507" in text
    assert "0.772928465" not in text  # o2's output is not part of w5's story
    assert "gradient: after Backward · layer 2 of 2" in text
    step(session, 2)  # loss, backward 2
    text = inspector.text()
    assert "∂E/∂w5 = ∂E/∂outo1 · ∂outo1/∂neto1 · ∂neto1/∂w5 = 0.74136507·0.186815602·0.593269992 = 0.082167041" in text
    assert "0.082667628" not in text  # w6's gradient is not shown
    assert "Backward · layer 2 of 2 — just computed" in text
    assert "gradient: after" not in text and "update: after Update · layer 2 of 2" in text
    step(session, 2)  # backward 1, update 2
    text = inspector.text()
    assert "w5 ← w5 − lr·∂E/∂w5 = 0.4 − 0.5·0.082167041 = 0.35891648" in text
    assert "now 0.35891648" in text
    assert "Still to come" not in text
    step(session)  # the iteration ends: its numbers stay
    text = inspector.text()
    assert "iteration 1 complete" in text and "0.35891648" in text and "0.082167041" in text


def test_the_canvas_can_select_by_canonical_or_display_name(inspector, session):
    step(session, 4)
    session.select_param("w7")
    text = inspector.text()
    assert text.startswith("w7 (W2[1,0]) · weight from h1 to o2")
    assert "= -0.02260254" in text
    session.select_param("b1[1]")  # a frozen bias
    text = inspector.text()
    assert "bias of h2" in text and "(frozen)" in text
    step(session, 3)
    assert "b1(h2) is frozen: stays 0.35" in inspector.text()


# ------------------------------------------------------------- a selected neuron
def test_selecting_o1_shows_its_lines(inspector, session):
    step(session, 4)  # to Backward · layer 2
    session.select_neuron(2, 0)
    text = inspector.text()
    assert text.startswith("o1 · output neuron (layer 2 of 2, unit 1 of 2)")
    for x in ("1.105905967", "0.75136507",  # forward
              "0.274811083",  # its loss term
              "0.74136507", "0.186815602", "0.138498562",  # dE/dout, f', delta
              "0.082167041", "0.082667628"):  # the gradients of w5, w6
        assert x in text, x
    assert "Eo1 = 1/2·(to1 − outo1)^2 = 1/2·(0.01 − 0.75136507)^2 = 0.274811083" in text
    for other in ("0.772928465", "0.023560026", "-0.02260254"):  # o2's numbers
        assert other not in text
    assert "Still to come" not in text
    assert not inspector.check_button.isEnabled()


def test_a_hidden_neuron_before_its_backward_step(inspector, session):
    step(session, 3)
    session.select_neuron(1, 1)
    text = inspector.text()
    assert text.startswith("h2 · hidden neuron (layer 1 of 2, unit 2 of 2)")
    assert "0.3925" in text and "0.596884378" in text
    assert "delta and the gradients of its weights: after Backward · layer 1 of 2" in text
    step(session, 2)
    text = inspector.text()
    assert "δh2 = ∂E/∂outh2 · ∂outh2/∂neth2 = 0.041370323·0.240613417 = 0.009954255" in text
    assert "0.000497713" in text and "0.000995425" in text  # dE/dw3, dE/dw4


def test_an_input_neuron(inspector, session):
    session.select_neuron(0, 1)
    assert "when Forward · layer 1 of 2 draws the batch" in inspector.text()
    step(session)
    text = inspector.text()
    assert text.startswith("i2 · input (layer 0 of 2")
    assert "i2 = 0.1" in text


def test_clearing_the_selection_goes_back_to_the_last_step(inspector, session):
    step(session, 2)
    session.select_neuron(1, 0)
    assert inspector.text().startswith("h1")
    session.clear_selection()
    assert inspector.text().startswith("Last micro-step: Forward · layer 2 of 2")


# ------------------------------------------------------------- the gradient check
def test_check_gradient_button(qtbot, inspector, session):
    button = inspector.check_button
    assert not button.isEnabled()
    session.select_param("W2[0,0]")
    assert not button.isEnabled()  # no gradient yet
    step(session, 3)
    assert not button.isEnabled()
    step(session)  # Backward · layer 2
    assert button.isEnabled()
    click(qtbot, button)
    text = inspector.text()
    assert "Gradient check of w5" in text
    fd = check_value(text)
    assert fd == pytest.approx(0.082167041, abs=5e-10)  # the worked example's value, to 9 digits
    assert "Backpropagation: ∂E/∂w5 = 0.08216704056" in text
    m = re.search(r"relative difference (\S+)", text, re.I)
    assert float(m.group(1)) < 1e-8
    assert "✓ they agree" in text
    # the result belongs to this state: a step makes it stale
    step(session)
    assert "Gradient check" not in inspector.text()
    assert button.isEnabled()
    click(qtbot, button)  # after the update of layer 2, the check uses w5 from before it
    assert check_value(inspector.text()) == pytest.approx(0.082167041, abs=5e-10)
    session.select_param("W1[0,0]")
    assert "Gradient check" not in inspector.text()
    click(qtbot, button)
    assert check_value(inspector.text()) == pytest.approx(0.000438568, abs=5e-10)


def test_check_gradient_in_proportional_mode(qtbot, inspector, session):
    session.trainer.configure(backprop="proportional")
    step(session, 5)
    session.select_param("w1")
    text = inspector.text()
    assert "update direction (split error)" not in text  # taken already: shown as a section
    assert "gw1 = -eh1·∂outh1/∂neth1·i1" in text
    click(qtbot, inspector.check_button)
    text = inspector.text()
    assert "the split error is not a gradient" in text
    heuristic = session.trainer.values.grad_W[0][0, 0]
    assert f"gw1 = −e·f′·input = {heuristic:.10g}" in text
    assert check_value(text) == pytest.approx(0.000438568, abs=5e-10)  # the true gradient
    assert "✓" not in text


def test_check_gradient_after_an_edit_says_the_function_changed(qtbot, inspector, session):
    step(session, 4)
    session.select_param("w5")
    assert session.edit_parameter("w6", 0.9)
    assert "Gradient check" not in inspector.text()
    click(qtbot, inspector.check_button)
    text = inspector.text()
    assert "a parameter or the loss setting changed since" in text
    assert "this iteration's forward pass computed E = 0.298371109" in text


# ------------------------------------------------------------------ other networks
def test_generic_names_after_a_trainer_change(inspector, session):
    session.load_preset("xor")
    assert "Nothing computed yet" in inspector.text()
    step(session, 4)
    session.select_param("W2[0,1]")
    text = inspector.text()
    assert text.startswith("W20,1 · weight from a[1]1 to a[2]0")
    assert "sample 1 of 4 (data row 1)" in text
    g = session.trainer.values.grad_W[1][0, 1]
    assert "∂E/∂W20,1 = mean over samples of δ[2]0·a[1]1 = " in text
    assert Explainer(session.trainer).f.num(g) in text


def test_the_focused_sample(inspector, session):
    session.load_preset("xor")
    step(session)
    session.set_sample(2)
    text = inspector.text()
    assert "sample 3 of 4 (data row 3)" in text
    for x in core_numbers(session, sample=2):
        assert x in text
    assert "0.099187375 = 0.099187375" not in text  # sample 1's first line is not shown


def test_a_big_layer_is_cut_short(inspector, session):
    rng = np.random.default_rng(0)
    data = Dataset(rng.uniform(-1, 1, (3, 20)), rng.uniform(0, 1, (3, 1)))
    session.set_trainer(create([20, 40, 1], "sigmoid", data, seed=0))
    step(session, 5)  # Backward · layer 1: 40 units x 21 parameters of gradients
    text = inspector.text()
    assert "left out:" in text and "the lines of units" in text and "(from a[1]" in text
    assert "Click a neuron or a connection to see its own lines." in text
    assert text.count("\n") < MAX_LINES + 40
    session.select_neuron(1, 39)  # the last unit is still reachable
    assert "δ[1]39" in inspector.text()


def test_a_neuron_with_a_huge_fan_in_is_cut_short(inspector, session):
    rng = np.random.default_rng(1)
    data = Dataset(rng.uniform(-1, 1, (2, 150)), rng.uniform(0, 1, (2, 1)))
    session.set_trainer(create([150, 2, 1], "sigmoid", data, seed=0))
    step(session, 5)
    session.select_neuron(1, 0)
    text = inspector.text()
    assert "δ[1]0" in text
    assert "left out: 55 more lines" in text  # sample heading, 3 delta lines, 151 gradients: 100 shown
    assert text.count("∂E/∂W1") < MAX_LINES


@pytest.mark.parametrize("settings", [
    dict(optimizer="adam", loss="cross_entropy"),
    dict(optimizer="momentum", batch=2, shuffle=True),
    dict(optimizer="adagrad", backprop="proportional", batch="online"),
])
def test_every_selection_through_an_iteration(qtbot, inspector, session, settings):
    x = np.array([[0.5, -1.0], [1.0, 0.5], [-0.3, 0.8]])
    y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    acts = ["tanh", "softmax"] if settings.get("loss") == "cross_entropy" else ["relu", "sigmoid"]
    session.set_trainer(create([2, 3, 2], acts, Dataset(x, y), seed=2, **settings))
    t = session.trainer
    selections = [None, ("neuron", 0, 1), ("neuron", 1, 2), ("neuron", 2, 1),
                  ("param", "W1[2,1]"), ("param", "b2[1]")]
    for _ in range(len(t.steps) + 2):
        step(session)
        for sel in selections:
            if sel is None:
                session.clear_selection()
            elif sel[0] == "neuron":
                session.select_neuron(sel[1], sel[2])
            else:
                session.select_param(sel[1])
            text = inspector.text()
            assert text
            if inspector.check_button.isEnabled():
                click(qtbot, inspector.check_button)
                assert "≈" in inspector.text()
        session.clear_selection()
        for x_ in core_numbers(session, sample=session.sample)[:20]:
            assert x_ in inspector.text()


# --------------------------------------------------------------- staying cheap
def count_builds(widget) -> list:
    calls = []
    original = widget._content

    def counting():
        calls.append(1)
        return original()

    widget._content = counting
    return calls


def test_hidden_inspector_does_no_work(qtbot, session):
    session.set_digits(9)
    w = Inspector(session)
    qtbot.addWidget(w)
    calls = count_builds(w)
    for _ in range(5):
        session.step("micro")
        QApplication.processEvents()
    assert calls == []
    session.select_param("W2[0,0]")
    QApplication.processEvents()
    assert calls == []
    assert w.check_button.isEnabled()  # the button still follows the state
    w.show()
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert "0.082167041" in w.text()
    assert len(calls) == 1


def test_one_rebuild_per_turn_of_the_event_loop(qtbot, inspector, session):
    inspector.text()
    calls = count_builds(inspector)
    session.step("micro")
    session.select_param("W1[0,0]")
    session.set_sample(0)
    session.stateChanged.emit()
    assert calls == []  # nothing yet: the signals only marked the text stale
    qtbot.waitUntil(lambda: len(calls) == 1)
    QApplication.processEvents()
    assert len(calls) == 1


def test_play_refreshes_at_a_bounded_rate(qtbot, inspector, session):
    inspector.text()
    calls = count_builds(inspector)
    states = []
    session.stateChanged.connect(lambda: states.append(1))
    session.set_play_unit("micro")
    session.set_play_speed(FAST_PLAY)
    session.play()
    qtbot.waitUntil(lambda: session.trainer.iteration >= 300 and len(states) >= 10, timeout=20000)
    session.pause()
    qtbot.waitUntil(lambda: not inspector.stale)
    assert 1 <= len(calls) <= len(states)
    assert len(calls) < len(states) or len(states) <= 3  # throttled below the frame rate
    t = session.trainer
    now = f"iteration {t.iteration + 1} · {t.cursor} of 7" if t.cursor else f"iteration {t.iteration} complete"
    assert now in inspector.text()  # the text caught up with the state when Play stopped


def test_closing_disconnects(qtbot, session):
    w = Inspector(session)
    qtbot.addWidget(w)
    w.show()
    w.close()
    calls = count_builds(w)
    session.step("micro")
    session.select_param("W2[0,0]")
    QApplication.processEvents()
    assert calls == []
    assert not w.check_button.isEnabled()


# -------------------------------------------------------------------- dark palette
def test_dark_palette(qtbot, session, tmp_path):
    app = QApplication.instance()
    old = app.palette()
    app.setPalette(palette.dark_palette())
    try:
        session.set_digits(9)
        w = Inspector(session)
        qtbot.addWidget(w)
        w.resize(620, 300)
        w.show()
        qtbot.waitExposed(w)
        step(session, 4)
        session.select_param("W2[0,0]")
        click(qtbot, w.check_button)
        text = w.text()
        assert "0.082167041" in text and "✓ they agree" in text
        image = w.browser.viewport().grab().toImage()
        assert w.grab().save(str(tmp_path / "dark.png"))
        samples = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)]
        assert np.median(samples) < 100  # a dark background ...
        assert max(samples) > 180  # ... with light text on it
        html = w.browser.toHtml().lower()
        assert "#e6e6e6" in html  # the palette's text colour, not black
    finally:
        app.setPalette(old)


def test_rich_text_helpers_round_trip(session):
    line = "w5 <- w5 - lr*dE/dw5 = 0.4 - 0.5*0.082167041 = 0.35891648"
    assert plain_text(to_html(line)) == "w5 ← w5 − lr·∂E/∂w5 = 0.4 − 0.5·0.082167041 = 0.35891648"
