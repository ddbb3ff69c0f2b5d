"""Hover previews: the mouse over an edge or a neuron on the canvas, or over a node of the
computational graph, shows that item in the inspector (through the session's hover);
moving away brings the selection back. Real mouse moves on the window's widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from nnviz.app.session import Selection


def title(window) -> str:
    return window.inspector.text().splitlines()[0]


def test_hovering_the_canvas_previews_in_the_inspector_and_leaving_restores_the_selection(qtbot, window):
    s, canvas = window.session, window.canvas
    s.step("iteration")
    s.select_param("w5")
    qtbot.waitUntil(lambda: title(window).startswith("w5 (W2[0,0])"))
    qtbot.mouseMove(canvas, canvas.edge_midpoint("w1").toPoint())
    assert s.hover == Selection(param="W1[0,0]")
    qtbot.waitUntil(lambda: title(window).startswith("w1 (W1[0,0]) · weight from i1 to h1"))
    assert "Under the mouse" in window.inspector.text()
    assert canvas.hover.param == "W1[0,0]" and s.selection == Selection(param="W2[0,0]")
    qtbot.mouseMove(canvas, canvas.neuron_center(1, 1).toPoint())
    assert s.hover == Selection(layer=1, unit=1)
    qtbot.waitUntil(lambda: title(window).startswith("h2 · hidden neuron"))
    empty = QPoint(canvas.width() // 2, 8)  # above the network: nothing there
    assert canvas.hit_test(empty) is None
    qtbot.mouseMove(canvas, empty)
    assert s.hover is None
    qtbot.waitUntil(lambda: title(window).startswith("w5 (W2[0,0])"))
    assert "Under the mouse" not in window.inspector.text()


def test_hovering_a_graph_node_previews_it_and_the_graph_keeps_the_selection(qtbot, window):
    s = window.session
    window.graph_dock.show()
    window.graph_dock.raise_()
    panel = window.graph_panel
    s.select_param("w1")
    s.step("iteration")
    qtbot.waitUntil(lambda: panel.graph is not None and panel.graph.param == "W1[0,0]")
    view = panel.view
    window.resize(1600, 1000)
    view.fit()
    qtbot.waitUntil(lambda: all(view.rect().contains(view.node_center(n).toPoint()) for n in ("out1_0", "param", "E")))
    builds = panel.builds
    qtbot.mouseMove(view, view.node_center("out1_0").toPoint())
    assert s.hover == Selection(layer=1, unit=0)
    qtbot.waitUntil(lambda: title(window).startswith("h1 · hidden neuron"))
    assert canvas_marks(window) == (1, 0)  # the canvas rings the neuron hovered in the graph
    qtbot.mouseMove(view, view.node_center("param").toPoint())
    qtbot.waitUntil(lambda: title(window).startswith("w1 (W1[0,0])"))
    qtbot.mouseMove(view, view.node_center("E").toPoint())  # the loss: no item to preview
    assert s.hover is None
    qtbot.waitUntil(lambda: title(window).startswith("w1 (W1[0,0])") and "Under the mouse" not in
                    window.inspector.text())
    assert panel.builds == builds and panel.graph.param == "W1[0,0]"  # hovering never rebuilt the graph


def canvas_marks(window):
    hit = window.canvas.hover
    return None if hit is None or hit.kind != "neuron" else (hit.layer, hit.row)
