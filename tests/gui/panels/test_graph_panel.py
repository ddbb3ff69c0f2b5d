"""The computational-graph dock: clicking w1 on the canvas and stepping one iteration
fills its graph in forward, then backward along both paths to the published 0.000438568;
Step back takes it away; the walk buttons; the focused sample; rest-of-layer expansion;
exports; readable in light and dark palettes with no overlapping text at real font sizes."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent

from nnviz.core import presets
from nnviz.core.analysis import graph as core_graph
from nnviz.core.analysis.graph_layout import layout
from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create
from nnviz.gui.panels.graph import drawing
from nnviz.gui.panels.graph.panel import GraphPanel
from nnviz.app.session import Session
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets import palette

DE_DW1 = 0.000438568  # Mazur's worked example
DE_DOUT_H1 = 0.036350306


@pytest.fixture
def panel(qtbot, session):
    session.set_digits(9)  # the worked example's digits
    p = GraphPanel(session)
    qtbot.addWidget(p)
    p.resize(1000, 520)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: p.graph is not None)
    return p


def wide_session(qapp) -> QtSession:
    rng = np.random.default_rng(4)
    data = Dataset(rng.uniform(-1, 1, (1, 2)), rng.uniform(0.1, 0.9, (1, 1)))
    return QtSession(Session(create([2, 8, 6, 1], "tanh", data, seed=4)))


# ==================================================================== the window
def test_click_w1_and_step_one_iteration(window, qtbot):
    dock, panel, canvas = window.graph_dock, window.graph_panel, window.canvas
    dock.raise_()
    qtbot.waitUntil(panel.isVisible)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.edge_midpoint("w1").toPoint())
    assert window.session.selection.param == "W1[0,0]"
    qtbot.waitUntil(lambda: "<b>w1</b> (selected)" in panel.header.text())
    assert panel.graph.param == "W1[0,0]"

    def step_and_wait(button) -> None:
        before = panel.builds
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.builds > before)

    next_button = window.controls.next_button
    step_and_wait(next_button)  # forward layer 1
    g = panel.graph
    assert g.node("net1_0").value == pytest.approx(0.3775) and g.node("net2_0").value is None
    step_and_wait(next_button)  # forward layer 2
    step_and_wait(next_button)  # loss
    g = panel.graph
    assert g.node("E").value == pytest.approx(0.298371109, abs=1e-9) and not g.walk_order
    step_and_wait(next_button)  # backward layer 2: the output layer, not yet h1
    g = panel.graph
    assert g.node("net2_0").reached and g.node("net2_1").reached and not g.node("out1_0").reached
    assert "net2_0" in panel.view.front and "out1_0" not in panel.view.front
    step_and_wait(next_button)  # backward layer 1: both paths, added up
    g = panel.graph
    paths = g.outgoing("out1_0")
    assert [e.dst for e in paths] == ["net2_0", "net2_1"] and all(e.reached for e in paths)
    assert g.node("out1_0").grad == pytest.approx(DE_DOUT_H1, abs=1.5e-9)
    assert g.gradient == pytest.approx(DE_DW1, abs=1.5e-9)
    assert g.gradient == window.session.trainer.values.grad_W[0][0, 0]  # the canvas's and inspector's number
    assert "param" in panel.view.front
    step_and_wait(window.controls.back_button)  # Step back takes the last step's gradients away
    assert panel.graph.gradient is None and panel.graph.node("net2_0").reached


def test_the_dock_is_a_tab_beside_the_inspector_and_in_the_view_menu(window):
    assert window.graph_dock in window.tabifiedDockWidgets(window.inspector_dock)
    titles = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
    assert "Computational graph" in titles


# ==================================================================== the panel
def test_the_walk_goes_node_by_node_and_writes_the_product_out(panel, session, qtbot):
    assert not panel.next_button.isEnabled() and not panel.prev_button.isEnabled()
    session.select_param("w1")
    session.step("phase")
    session.step("phase")
    session.step("phase")  # forward, loss, backward
    qtbot.waitUntil(lambda: panel.graph.gradient is not None)
    assert panel.next_button.isEnabled() and panel.graph.walk_current is None
    order = panel.graph.walk_order
    panel.next_button.click()
    assert panel.graph.walk_current == "E" and panel.caption.text().startswith("Node 1 of")
    assert panel.graph.node("E0").grad is None  # later nodes are not shown yet
    while panel.graph.walk_current != "out1_0":
        panel.next_button.click()
    assert "0.055399425 + (-0.019049118) = 0.036350306" in panel.caption.text()
    assert panel.graph.node("net1_0").grad is None and panel.graph.node("out1_0").grad is not None
    panel.prev_button.click()
    assert panel.graph.walk_current == order[order.index("out1_0") - 1]
    while panel.next_button.isEnabled():
        panel.next_button.click()
    assert panel.graph.walk_current == "param" and panel.graph.gradient == pytest.approx(DE_DW1, abs=1.5e-9)
    session.step("micro")  # a new step starts over
    qtbot.waitUntil(lambda: panel.graph.walk_current is None)


def test_without_a_selection_it_follows_the_micro_step(panel, session, qtbot):
    assert panel.graph.param == "W1[0,0]" and "the last weight" in panel.header.text()
    session.step("micro")
    qtbot.waitUntil(lambda: panel.graph.param == "W1[1,1]")
    session.select_neuron(2, 1)
    qtbot.waitUntil(lambda: panel.graph.param == "W2[1,0]")


def test_the_focused_sample_is_shown(qtbot):
    session = QtSession(Session(presets.load("xor")))
    p = GraphPanel(session)
    qtbot.addWidget(p)
    p.show()
    session.step("phase")
    session.set_sample(2)
    qtbot.waitUntil(lambda: p.graph is not None and p.graph.sample == 2)
    assert "sample 3 of 4" in p.header.text() and "samples" in p.graph


def test_a_rest_of_layer_node_expands_on_click_and_collapses_from_the_menu(qtbot, qapp):
    session = wide_session(qapp)
    p = GraphPanel(session)
    qtbot.addWidget(p)
    p.resize(900, 500)
    p.show()
    qtbot.waitExposed(p)
    session.select_param("W1[0,0]")
    session.step("iteration")
    qtbot.waitUntil(lambda: p.graph is not None and "rest2" in p.graph and p.graph.gradient is not None)
    gradient = p.graph.gradient
    p.view.fit()
    qtbot.mouseClick(p.view, Qt.MouseButton.LeftButton, pos=p.view.node_center("rest2").toPoint())
    assert p.expanded == {2} and "rest2" not in p.graph
    assert p.graph.gradient == pytest.approx(gradient, rel=1e-12)
    [collapse] = [a for a in p.view.build_menu().actions() if a.text() == "Collapse layer 2"]
    collapse.trigger()
    assert p.expanded == set() and "rest2" in p.graph


def test_zoom_pan_fit_and_follow(panel, qtbot):
    view = panel.view
    assert view.mode == "follow" and panel.follow_button.isChecked()
    wheel = QWheelEvent(QPointF(100, 100), view.mapToGlobal(QPointF(100, 100)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    scale = view.scale
    qtbot.wait(1)
    view.wheelEvent(wheel)
    assert view.scale > scale and view.mode == "free" and not panel.follow_button.isChecked()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.mouseMove(view, QPoint(260, 230))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(260, 230))
    tx = view.tx
    panel.fit_button.click()
    b = view.layout_.bounds
    assert view.mode == "fit" and view.tx != tx
    assert b.w * view.scale <= view.width() + 1e-6 and b.h * view.scale <= view.height() + 1e-6
    panel.follow_button.click()
    assert view.mode == "follow"


def test_fit_from_the_follow_mode_fits(panel):
    view = panel.view
    assert view.mode == "follow"
    panel.fit_button.click()  # unchecks Follow, which must not undo the fit
    b = view.layout_.bounds
    assert view.mode == "fit" and not panel.follow_button.isChecked()
    assert b.w * view.scale <= view.width() + 1e-6 and b.h * view.scale <= view.height() + 1e-6


def test_hidden_it_does_not_rebuild(qtbot, session):
    p = GraphPanel(session)
    qtbot.addWidget(p)
    session.step("phase")
    assert p.builds == 0
    p.show()
    qtbot.waitUntil(lambda: p.builds == 1)
    assert p.graph.param == "W2[1,1]" and p.graph.node("net2_1").value is not None  # w8, after forward layer 2


# ==================================================================== export
def test_export_from_the_context_menu(panel, session, qtbot, tmp_path, monkeypatch):
    session.select_param("w5")
    session.step("iteration")
    qtbot.waitUntil(lambda: panel.graph.param == "W2[0,0]" and panel.graph.gradient is not None)
    monkeypatch.setattr(panel, "ask_save_path", lambda *a: str(tmp_path / "w5"))
    [svg] = [a for a in panel.view.build_menu().actions() if a.text() == "Export as SVG…"]
    svg.trigger()
    root = ET.parse(tmp_path / "w5.svg").getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "0.082167041" in text and "dE/dw5" in text
    [png] = [a for a in panel.view.build_menu().actions() if a.text() == "Export as PNG…"]
    png.trigger()
    assert (tmp_path / "w5.png").read_bytes()[:4] == b"\x89PNG"
    errors = []
    monkeypatch.setattr(panel, "show_error", lambda title, text: errors.append(text))
    assert not panel.export(str(tmp_path / "missing" / "w5.svg"))
    assert errors and not (tmp_path / "missing").exists()
    assert sorted(f.name for f in tmp_path.iterdir()) == ["w5.png", "w5.svg"]  # no temporary file left


# ==================================================================== look
def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        ch = [x / 255 for x in (c.red(), c.green(), c.blue())]
        ch = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_readable_in_light_and_dark_palettes(qapp, dark):
    pal = palette.dark_palette() if dark else qapp.style().standardPalette()
    style = drawing.Style(pal)
    assert style.dark == dark
    assert contrast(style.text, style.background) >= 7
    for value in (-1.0, 1.0):
        assert contrast(style.signed_text(value), style.background) >= 4.5  # gradients in the sign's colour
    # a node filled with the strongest value colour still carries readable text
    for value in (-1.0, 1.0):
        assert contrast(style.text, style.fill(value, 1.0)) >= 4.5


def test_no_text_overlaps_at_real_font_sizes(qapp):
    style = drawing.Style()
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1.0]])
    y = np.array([[0], [1], [1], [0.0]])
    cases = [(presets.load("mazur"), "w1"), (presets.load("mazur"), "w5"),
             (create([2, 4, 4, 1], "sigmoid", Dataset(x, y), seed=3), "W1[0,0]")]
    for t, param in cases:
        for _ in range(len(t.steps) + 1):
            lay = layout(core_graph.build(t, param), style.measure)
            boxes = lay.text_boxes()
            assert [(a, b) for (a, p), (b, q) in itertools.combinations(boxes, 2) if p.intersects(q)] == []
            t.step("micro")


def test_the_drawing_shows_the_gradient_colours(qapp):
    t = presets.load("mazur")
    t.step("iteration")
    g = core_graph.build(t, "w1")
    style = drawing.Style()
    lay = drawing.graph_layout(g, style)
    img = drawing.render_image(g, lay, style, scale=1.0)
    assert (img.width(), img.height()) == (int(np.ceil(lay.bounds.w)), int(np.ceil(lay.bounds.h)))
    label = lay.labels[[k for k, e in enumerate(g.edges) if e.src == "out1_0" and e.dst == "net2_1"][0]]
    # the edge into the label of the negative path is drawn in the diverging map's blue
    point = QPointF(label.x - 3, label.cy).toPoint()
    colours = [img.pixelColor(point.x(), point.y() + dy) for dy in range(-3, 4)]
    assert any(c.blue() > c.red() + 40 for c in colours)
