"""Freezing from the canvas: a real right-click opens the context menu; its actions
freeze/unfreeze a parameter or all biases, edit and select; frozen edges look different
and say so in their tooltip."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt



def right_click(qtbot, canvas, name):
    pos = canvas.edge_point(name, 0.4).toPoint()  # mid-way, crossing edges make the choice ambiguous
    qtbot.mouseClick(canvas, Qt.MouseButton.RightButton, pos=pos)
    menu = canvas.context_menu
    assert menu is not None and menu.isVisible()
    return menu


def action(menu, key):
    (a,) = [a for a in menu.actions() if a.data() == key]
    return a


def close(menu):
    menu.close()


def test_right_click_freezes_and_unfreezes_w5(qtbot, canvas, mazur_session):
    t = mazur_session.trainer
    menu = right_click(qtbot, canvas, "w5")
    a = action(menu, "freeze")
    assert a.text() == "Freeze w5"
    with qtbot.waitSignal(mazur_session.message) as said:  # through the Session, which says so
        a.trigger()
    close(menu)
    assert said.args == ["w5 frozen: training leaves it unchanged"]
    assert t.is_frozen("W2[0,0]")
    assert "frozen" in canvas.tooltip_text(canvas.hit_test(canvas.edge_midpoint("w5")))

    menu = right_click(qtbot, canvas, "w5")
    a = action(menu, "freeze")
    assert a.text() == "Unfreeze w5"
    a.trigger()
    close(menu)
    assert not t.is_frozen("W2[0,0]")
    assert "frozen" not in canvas.tooltip_text(canvas.hit_test(canvas.edge_midpoint("w5")))


def test_frozen_weight_keeps_its_value_while_training(qtbot, canvas, mazur_session):
    t = mazur_session.trainer
    menu = right_click(qtbot, canvas, "w1")
    action(menu, "freeze").trigger()
    close(menu)
    before = t.network.get(t.network.parse_param("w1"))
    other = t.network.get(t.network.parse_param("w2"))
    for _ in range(3):
        assert mazur_session.step("iteration")
    assert t.network.get(t.network.parse_param("w1")) == before
    assert t.network.get(t.network.parse_param("w2")) != other


def test_freeze_all_biases_from_a_bias_edge(qtbot, canvas, mazur_session):
    t = mazur_session.trainer
    biases = [p.name for p in t.network.params() if p.kind == "b"]
    assert all(t.is_frozen(b) for b in biases)  # Mazur's example trains the weights only
    menu = right_click(qtbot, canvas, "b2[0]")
    assert action(menu, "freeze").text() == "Unfreeze b2"
    a = action(menu, "freeze_biases")
    assert a.text() == "Unfreeze all biases"
    a.trigger()
    close(menu)
    assert not any(t.is_frozen(b) for b in biases)
    menu = right_click(qtbot, canvas, "w3")
    a = action(menu, "freeze_biases")
    assert a.text() == "Freeze all biases"
    a.trigger()
    close(menu)
    assert all(t.is_frozen(b) for b in biases)
    assert not t.is_frozen("W1[0,0]")


def test_edit_and_select_actions(qtbot, canvas, mazur_session, monkeypatch):
    monkeypatch.setattr(canvas, "_ask_value", lambda name, current: 0.25)
    menu = right_click(qtbot, canvas, "w6")
    action(menu, "select").trigger()
    assert mazur_session.selection.param == "W2[0,1]"
    action(menu, "edit").trigger()
    close(menu)
    qtbot.wait(1)
    t = mazur_session.trainer
    assert t.network.get(t.network.parse_param("w6")) == 0.25


def test_no_menu_on_a_neuron_or_empty_space(qtbot, canvas):
    qtbot.mouseClick(canvas, Qt.MouseButton.RightButton, pos=canvas.neuron_center(1, 0).toPoint())
    assert canvas.context_menu is None
    qtbot.mouseClick(canvas, Qt.MouseButton.RightButton, pos=QPoint(3, 3))
    assert canvas.context_menu is None
    assert canvas.context_actions(None) == []


def test_frozen_edge_is_drawn_differently(qtbot, canvas, mazur_session):
    def pixels():
        img = canvas.grab().toImage()
        m = canvas.edge_midpoint("w5")
        return np.array([[img.pixelColor(round(m.x()) + dx, round(m.y()) + dy).rgb()
                          for dx in range(-6, 7)] for dy in range(-6, 7)])

    before = pixels()
    mazur_session.freeze(["W2[0,0]"])
    qtbot.wait(1)
    frozen = pixels()
    assert (before != frozen).sum() > 20
    mazur_session.freeze(["W2[0,0]"], False)
    qtbot.wait(1)
    assert np.array_equal(pixels(), before)


def test_freezing_from_the_core_redraws(qtbot, canvas, mazur_session):
    m = canvas.edge_midpoint("W1[1,1]").toPoint()
    before = canvas.grab().toImage().copy(m.x() - 8, m.y() - 8, 17, 17)
    mazur_session.trainer.freeze(["W1[1,1]"])  # settingsChanged("frozen") redraws: a padlock appears
    assert canvas.grab().toImage().copy(m.x() - 8, m.y() - 8, 17, 17) != before
