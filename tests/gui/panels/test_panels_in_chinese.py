"""The panels in Simplified Chinese: the inspector, the loss curve, the training options,
the decision boundary, the confusion matrix, the comparison and the lessons dock show no
English words of their own — every label, button, tooltip, group title, combo item, table
header, list item, axis label, legend entry and line of text either has Chinese in it or
is made only of what stays as it is in every language (numbers, formulas, parameter and
neuron names, function and optimizer names) — and none of their texts is cut off at the
window's default size."""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QAbstractSpinBox, QComboBox, QGroupBox, QLabel, QListWidget,
                               QTableWidget, QTextBrowser, QWidget)

from nnviz.app.session import LESSONS
from nnviz.core import words
from nnviz.gui.main_window import MainWindow
from nnviz.gui.widgets import formula

# Names that stay as they are in every language (docs/glossary.md: functions, optimizers,
# presets), and names with a digit or an underscore in them (w5, outh1, W2[0,0], E_total).
KEPT = re.compile(r"\b(sigmoid|tanh|relu|softmax|linear|log|SGD|Adam|Adagrad|nnviz|mazur|xor|sgd|adam|"
                  r"adagrad|momentum|half_sse|mse|cross_entropy|adaline|dnet|net|out)\b|λmax")
NAME = re.compile(r"\b[A-Za-z]+[\d_][\w\[\],]*")
WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(text: str) -> list[str]:
    """The English words left in ``text`` (rich or plain) once the kept names are taken out."""
    plain = formula.plain_text(text) if "<" in text else text
    return WORD.findall(NAME.sub(" ", KEPT.sub(" ", plain)))


def texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``widget`` and its children show or would show."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget | str, text: str | None) -> None:
        if text:
            name = where if isinstance(where, str) else (where.objectName() or type(where).__name__)
            found.append((name, text))

    for w in [widget, *widget.findChildren(QWidget)]:
        add(w, w.toolTip())
        if isinstance(w, QLabel):
            add(w, w.text())
        elif isinstance(w, QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
                add(w, w.itemData(i, Qt.ItemDataRole.ToolTipRole))
        elif isinstance(w, QAbstractSpinBox):
            add(w, w.prefix() + w.suffix())
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                if item is not None:
                    add(w, item.text())
                    add(w, item.toolTip())
            for r in range(w.rowCount()):
                item = w.verticalHeaderItem(r)
                add(w, item.text() if item is not None else "")
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        add(w, item.text())
                        add(w, item.toolTip())
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                add(w, w.item(i).text())
                add(w, w.item(i).toolTip())
        elif isinstance(w, QTextBrowser):
            add(w, w.toPlainText())
        elif isinstance(w, pg.PlotWidget):
            pi = w.getPlotItem()
            for side in ("left", "bottom", "right"):
                add(f"{w.objectName()} {side} axis", pi.getAxis(side).labelText)
            for item in w.scene().items():
                if isinstance(item, pg.LabelItem):
                    add(f"{w.objectName()} label", item.text)
                elif isinstance(item, pg.TextItem):
                    add(f"{w.objectName()} text", item.textItem.toPlainText())
    return found


def assert_chinese(widget: QWidget) -> None:
    left = [f"{where}: {text!r} {english_words(text)}" for where, text in texts(widget) if english_words(text)]
    assert not left, "\n".join(left)


def assert_nothing_cut_off(widget: QWidget) -> None:
    """Every visible label, button and group title has the room its text needs."""
    QApplication.processEvents()  # the layouts settle
    cut = []
    for w in widget.findChildren(QWidget):
        if not w.isVisibleTo(widget.window()) or w.visibleRegion().isEmpty():
            continue
        if isinstance(w, QLabel) and w.text():
            fits = (w.heightForWidth(w.width()) <= w.height() if w.wordWrap()
                    else w.sizeHint().width() <= w.width())
        elif isinstance(w, QAbstractButton) and w.text():
            fits = w.sizeHint().width() <= w.width()
        elif isinstance(w, QGroupBox):
            fits = w.fontMetrics().horizontalAdvance(w.title()) <= w.width()
        else:
            continue
        if not fits:
            cut.append(f"{w.objectName() or type(w).__name__} {w.width()}x{w.height()}: "
                       f"{w.text() if hasattr(w, 'text') else w.title()!r}")
    assert not cut, "\n".join(cut)


def in_sight(window, dock) -> QWidget:
    dock.show()
    dock.raise_()
    window.layout().activate()
    return dock.widget()


def test_the_english_words_rule_finds_english():
    assert english_words("iteration 3 · 损失 0.5") == ["iteration"]
    assert english_words("<b>net<sub>o1</sub></b> = w5·out<sub>h1</sub> + b2 = sigmoid(1.1) = 0.75") == []
    assert english_words("第 1 次迭代 — just computed") == ["just", "computed"]


@pytest.fixture
def mazur_window(chinese, show, session, settings):
    return show(MainWindow(session, settings))


@pytest.fixture
def xor_window(chinese, show, xor_session, settings):
    w = show(MainWindow(xor_session, settings))
    for _ in range(200):
        xor_session.step("iteration")
    return w


def test_the_inspector_in_chinese_mid_backward(mazur_window, session, qtbot):
    w = mazur_window
    view = in_sight(w, w.inspector_dock)
    assert_chinese(view)  # nothing computed yet
    for _ in range(4):  # forward 1, 2, the loss, backward 2
        session.step("micro")
    assert "刚刚算出" in w.inspector.text()
    assert_chinese(view)
    assert_nothing_cut_off(view)
    session.select_param("w5")
    qtbot.mouseClick(w.inspector.check_button, Qt.MouseButton.LeftButton)
    assert "梯度检验" in w.inspector.text()
    assert_chinese(view)
    session.select_param("w1")  # its gradient still to come
    assert "尚待计算" in w.inspector.text()
    assert_chinese(view)
    for layer, unit in ((0, 0), (1, 0), (2, 1)):  # an input, a hidden and an output neuron
        session.select_neuron(layer, unit)
        assert_chinese(view)
    session.trainer.configure(backprop="proportional")
    session.select_param("w5")
    session.step("micro")
    assert_chinese(view)


def test_the_training_options_in_chinese(mazur_window, session):
    w = mazur_window
    view = in_sight(w, w.training_dock)
    assert_chinese(view)
    assert_nothing_cut_off(view)
    session.configure(batch=1, schedule={"kind": "step", "step_size": 10, "gamma": 0.5})
    assert_chinese(view)
    assert_nothing_cut_off(view)


def test_the_initialisation_lesson_line_in_chinese(mazur_window):
    if words.translate("Session", LESSONS["zeros"]) == LESSONS["zeros"]:
        pytest.skip("nnviz.app.session does not mark its lesson lines for translation (N_) yet")
    view = in_sight(mazur_window, mazur_window.training_dock)
    mazur_window.training_panel.start_lesson("zeros")
    assert mazur_window.training_panel.lesson_label.isVisible()
    assert_chinese(view)
    assert_nothing_cut_off(view)


def test_the_comparison_in_chinese(mazur_window, session):
    w = mazur_window
    session.step("iteration")
    view = in_sight(w, w.compare_dock)
    assert_chinese(view)
    assert_nothing_cut_off(view)


def test_the_loss_curve_boundary_and_confusion_matrix_after_200_xor_iterations(xor_window, xor_session):
    w = xor_window
    for dock in (w.loss_dock, w.boundary_dock, w.confusion_dock):
        view = in_sight(w, dock)
        assert_chinese(view)
        assert_nothing_cut_off(view)
    xor_session.configure(schedule={"kind": "exponential", "gamma": 0.99})
    assert w.loss_curve.schedule_shown()
    assert_chinese(in_sight(w, w.loss_dock))


def test_an_empty_loss_curve_in_chinese(mazur_window):
    assert_chinese(in_sight(mazur_window, mazur_window.loss_dock))


def test_the_lessons_dock_and_menu_in_chinese(mazur_window):
    w = mazur_window
    view = in_sight(w, w.lessons_dock)
    assert_chinese(view)  # the list
    assert_nothing_cut_off(view)
    w.lesson_panel.open("1")
    assert w.lesson_panel.next_button.text() == "下一步 ▶"
    assert_chinese(view)
    assert_nothing_cut_off(view)
    w.guide.fill_menu()
    assert [a.text() for a in w.guide.menu.actions() if english_words(a.text())] == []
    assert w.guide.menu.title() == "课程(&L)"
