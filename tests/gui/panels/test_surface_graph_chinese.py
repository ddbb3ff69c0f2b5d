"""The loss surface and the computational graph in Simplified Chinese: no English source
text left on screen, nothing clipped at the docks' first sizes, and the graph's words in
CJK script drawn upright where its Latin symbols are italic."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QGraphicsScene, QLabel, QWidget

from nnviz.core.analysis import regimes
from nnviz.core import presets
from nnviz.gui import docks
from nnviz.gui.panels.graph import drawing
from nnviz.gui.panels.graph.panel import GraphPanel
from nnviz.gui.panels.surface import first_contact
from nnviz.gui.panels.surface.dialogs import ForkDialog, RangeDialog

# Latin words that stay as they are in Chinese (glossary: names, identifiers, units, formats)
KEPT = {"sgd", "momentum", "adam", "adagrad", "mse", "half_sse", "cross_entropy", "sigmoid", "tanh", "relu",
        "softmax", "linear", "identity", "adaline", "mazur", "xor", "log", "lr", "svg", "png", "max", "out", "net",
        "sample"}
TAG = re.compile(r"<[^>]*>|&[#\w]+;")
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")


def english(text: str) -> list[str]:
    """The Latin words of ``text`` (markup aside) that are not names kept in every
    language: empty for a text in Chinese or one of numbers, formulas and names."""
    plain = TAG.sub(" ", text)
    if drawing.has_cjk(plain):
        return []
    return [w for w in WORD.findall(plain) if w.lower() not in KEPT and not re.fullmatch(r"[A-Za-z]+_\w+", w)]


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every text ``root`` shows a user (labels, buttons, tooltips, actions, prose combo
    items, window titles), by where it is."""
    out = {}
    if root.windowTitle():
        out[f"{root.objectName() or type(root).__name__}.title"] = root.windowTitle()
    for w in root.findChildren(QWidget):
        where = w.objectName() or type(w).__name__
        if w.toolTip():
            out[f"{where}.toolTip"] = w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)) and w.text():
            out[f"{where}.text"] = w.text()
    for a in root.findChildren(QAction):
        if a.text() and not isinstance(a.parent(), QGraphicsScene):  # pyqtgraph's scene menu: never shown
            # (the plots are made with enableMenu=False)
            out[f"action.{a.text()}"] = a.text()
    return out


def assert_chinese(texts: dict[str, str]) -> None:
    left = {where: text for where, text in texts.items() if english(text)}
    assert not left, f"English left on screen: {left}"


def test_the_checker_catches_english():
    assert english("Fit the range to the path")
    assert english("<b>w5</b> (selected) · iteration 1")
    assert not english("适配")
    assert not english("<b>w5</b>（已选中）· 第 1 次迭代")
    assert not english("λ₁ = 0.25")
    assert not english("W1[0,1]  [w1]")


# ================================================================ the surface
@pytest.fixture
def adaline_window(chinese_window, qtbot):
    """The Chinese window on the adaline bowl, its slider in the zig-zag band."""
    w = chinese_window
    session = w.session
    session.load_preset("adaline")
    marks = regimes.regime_marks(session.trainer)
    session.set_learning_rate(round(1.5 * marks.zigzag_from, 3))  # between 1/λmax and 2/λmax
    w.surface_dock.raise_()
    panel = w.surface_panel
    panel.refresh_now()
    qtbot.waitUntil(lambda: panel.look.result is not None and panel.look.result.status == "zigzag", timeout=10000)
    return w


def test_the_surface_panel_speaks_chinese(adaline_window):
    panel = adaline_window.surface_panel
    texts = visible_texts(panel)
    for box in (panel.controls.mode_box, panel.controls.section_box):
        texts.update({f"{box.objectName()}.item{k}": box.itemText(k) for k in range(box.count())})
    for name, plot in (("heat", panel.heat.plot), ("section", panel.section.plot), ("eigen", panel.eigen_plot.plot)):
        for side in ("left", "bottom"):
            texts[f"{name}.{side}"] = plot.getAxis(side).labelText
    texts["colorbar"] = panel.heat.colorbar.getAxis("right").labelText
    assert "之字形收敛" in panel.look.indicator.text()  # the verdict's word, not its status
    assert all(texts[k] for k in ("heat.bottom", "eigen.left", "section.left", "colorbar"))
    assert_chinese(texts)


def test_the_forks_speak_chinese(chinese_window, qtbot):
    """The forks' list, the legends over the heat map and in the loss curve, the buttons and
    the status line, with three forks and a fourth that replaces the oldest."""
    w = chinese_window
    session = w.session
    session.load_preset("sine")
    messages = []
    session.message.connect(messages.append)
    w.surface_dock.raise_()
    rate = session.trainer.learning_rate
    for batch, optimizer, r in (("online", None, rate), (8, None, rate), (None, "momentum", 0.1)):
        assert session.fork(r, optimizer, batch=batch)
    for _ in range(3):
        session.step("iteration")
    assert session.fork(0.3, "adam")  # replaces the online fork
    texts = {"replaced": messages[-1]}
    panel = w.surface_panel
    panel.refresh_now()
    qtbot.waitUntil(lambda: panel.fork_view.labels[2].isVisibleTo(panel))
    texts.update(visible_texts(panel))
    texts.update({f"legend{k}": label.text for k, (_, label) in enumerate(panel.fork_view.legend.items)})
    texts.update({f"curve{k}": label.text for k, (_, label) in enumerate(w.loss_curve.legend.items)})
    session.reset()  # the adam fork branched at 3: it goes
    texts["reset"] = messages[-1]
    assert len(session.forks) == 2 and texts["legend0"].startswith("主训练")
    assert_chinese(texts)


def test_the_hint_and_the_plane_speak_chinese(chinese_window, qtbot):
    panel = chinese_window.surface_panel  # the worked example: it cannot oscillate on the slider
    chinese_window.surface_dock.raise_()
    panel.refresh_now()
    qtbot.waitUntil(lambda: panel.look.hint.isVisibleTo(panel), timeout=10000)
    assert_chinese({"hint": panel.look.hint.text(), "marks": panel.look.stability_label.text(),
                    "marks.toolTip": panel.look.stability_label.toolTip()})
    assert first_contact.LINK in panel.look.hint.text()
    panel.set_mode("plane")
    panel.refresh_now()
    assert_chinese({"note": panel.note.text(), "x": panel.heat.plot.getAxis("bottom").labelText,
                    "eigen": panel.eigen_plot.label.text()})


def test_the_surface_dialogs_speak_chinese(chinese, qtbot):
    rng = RangeDialog(("w1", "w2"), (0.0, 1.0, 0.0, 1.0))
    fork = ForkDialog(0.5, "sgd", n_samples=4, losses_allowed=("mse",))
    for d in (rng, fork):
        qtbot.addWidget(d)
    rng.edits[0].setText("2")
    rng._check()
    fork.rate.setText("")
    fork._check()
    texts = {**visible_texts(rng), **visible_texts(fork)}
    texts.update({f"batch{k}": fork.batch.itemText(k) for k in range(fork.batch.count())})
    texts["loss0"] = fork.loss.itemText(0)
    texts["range error"], texts["fork error"] = rng.error.text(), fork.error.text()
    assert rng.error.text() and fork.error.text()
    assert_chinese(texts)


def test_nothing_is_clipped_in_the_surface_dock(adaline_window):
    panel = adaline_window.surface_panel
    assert panel.width() <= 520  # the dock's first size (docks.py: 470 wide)
    for w in panel.controls.findChildren(QAbstractButton):
        if w.isVisibleTo(panel):
            assert w.sizeHint().width() <= w.width(), f"{w.text()!r} is clipped"
    for box in (panel.controls.mode_box, panel.controls.section_box):
        for k in range(box.count()):  # each item's words fit, beside the arrow
            need = box.fontMetrics().horizontalAdvance(box.itemText(k)) + 28
            assert need <= box.width(), f"{box.itemText(k)!r} is clipped ({need} > {box.width()})"
    assert panel.controls.sizeHint().width() <= panel.controls.width()


# ================================================================== the graph
@pytest.fixture
def graph_window(chinese_window, qtbot):
    """The Chinese window's graph dock in front, the worked example half way through
    its backward pass."""
    w = chinese_window
    for _ in range(2):
        w.session.step("phase")  # forward, loss ...
    w.session.step("micro")  # ... and the backward pass's first layer of two
    dock = w.lazy_views[docks.GRAPH].dock
    dock.show()
    dock.raise_()
    panel = w.graph_panel
    qtbot.waitUntil(lambda: panel.graph is not None and bool(panel.graph.walk_order), timeout=5000)
    return w


def test_the_graph_dock_speaks_chinese(graph_window):
    panel: GraphPanel = graph_window.graph_panel
    assert "反向传播" in panel.header.text()
    panel.next_node()
    texts = visible_texts(panel)
    panel.view.expanded = {1}
    menu = panel.view.build_menu()
    texts.update({f"menu.{a.text()}": a.text() for a in menu.actions()})
    g = panel.graph
    texts.update({"title": g.title, "subtitle": g.subtitle})
    texts.update({f"note{k}": n for k, n in enumerate(g.notes)})
    assert panel.caption.text() and panel.header.text()
    assert_chinese(texts)


def test_nothing_is_clipped_in_the_graph_dock(graph_window):
    panel = graph_window.graph_panel
    for w in (panel.prev_button, panel.next_button, panel.follow_button, panel.fit_button):
        assert w.sizeHint().width() <= w.width(), f"{w.text()!r} is clipped"


class Recorder(QPainter):
    """A painter that notes each text it draws and whether its font was italic."""

    def __init__(self, device) -> None:
        super().__init__(device)
        self.drawn: list[tuple[str, bool]] = []
        self._italic = False

    def setFont(self, font: QFont) -> None:  # noqa: N802 (Qt's name)
        self._italic = font.italic()
        super().setFont(font)

    def drawText(self, *args) -> None:  # noqa: N802
        self.drawn.append((args[-1], self._italic))
        super().drawText(*args)


def test_cjk_is_drawn_upright_and_latin_symbols_italic(chinese, qapp):
    style = drawing.Style()
    assert style.fonts["op"].italic()
    assert not style.font("冻结的参数", "op").italic()
    assert style.font("σ(net_h1)", "op").italic()
    assert not style.font("w5", "value").italic()
    upright = QFont(style.fonts["op"])
    upright.setItalic(False)
    assert style.measure("参数", "op")[0] == QFontMetricsF(upright).horizontalAdvance("参数") + 1.0

    trainer = presets.load("mazur")
    trainer.step("micro")  # the input's value is there: the node says 输入 (input) in the op role
    from nnviz.core.analysis import graph as core_graph

    g = core_graph.build(trainer, "W2[0,0]")
    lay = drawing.graph_layout(g, style)
    img = QImage(int(lay.bounds.w) + 1, int(lay.bounds.h) + 1, QImage.Format.Format_ARGB32)
    p = Recorder(img)
    drawing.paint(p, g, lay, style)
    p.end()
    lines = [line for n in g.nodes for line in n.lines]
    ops = {x.text for x in lines if x.role == "op"} - {x.text for x in lines if x.role != "op"}
    drawn = [(text, italic) for text, italic in p.drawn if text in ops]
    assert any(drawing.has_cjk(t) for t, _ in drawn) and any(not drawing.has_cjk(t) for t, _ in drawn)
    for text, italic in drawn:
        assert italic != drawing.has_cjk(text), f"{text!r} drawn {'italic' if italic else 'upright'}"
