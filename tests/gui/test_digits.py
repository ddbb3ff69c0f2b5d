"""One rule for numbers: at every setting of View ▸ Digits the canvas, its tooltips, the
inspector, the computational graph, the loss curve and the status lines write the same
number the same way (``Formatter``: that many decimal places, as ``nnviz trace --digits``)."""

from __future__ import annotations

import re

import pytest

from nnviz.gui.canvas.layout import Hit
from nnviz.gui.main_window import DIGIT_CHOICES


def number_after(pattern: str, text: str) -> str:
    m = re.search(pattern + r" (-?[0-9.]+(?:e[+-]?\d+)?)", text)
    assert m, (pattern, text)
    return m.group(1)


@pytest.mark.parametrize("digits", DIGIT_CHOICES)
def test_every_view_writes_a_number_the_same_way(qtbot, window, digits):
    s, canvas = window.session, window.canvas
    window.graph_dock.show()
    window.graph_dock.raise_()
    s.step("iteration")
    s.select_param("w5")
    window.digits_actions[digits].trigger()
    w5 = s.trainer.network.get(s.trainer.network.parse_param("w5"))
    assert w5 != round(w5, 12)  # a number with many digits, so that the setting shows

    shown = canvas.scene.edge_labels[1][0].split()[-1]  # the label on the edge: "w5 0.3589"
    assert number_after("now", window.inspector.text().splitlines()[0]) == shown
    assert f"<td>{shown}</td>" in canvas.tooltip_text(Hit("edge", 2, 0, 0))
    decimals = shown.split(".")[1] if "." in shown else ""
    assert len(decimals) <= digits and abs(float(shown) - w5) <= 0.5 * 10.0 ** -digits

    s.set_edge_mode("gradients")
    gradient = canvas.scene.edge_labels[1][0].split()[-1]  # "dE/dw5 0.0822"
    qtbot.waitUntil(lambda: window.graph_panel.graph is not None and window.graph_panel.graph.param == "W2[0,0]")
    window.graph_panel.refresh()
    graph_lines = [t.text for t in window.graph_panel.graph.node("param").lines]
    assert f"= {gradient}" in graph_lines

    loss = number_after("loss", window.status_label.text())
    assert number_after("loss", window.controls.loss_label.text()) == loss
    assert number_after("loss", window.loss_curve.readout.text()) == loss
