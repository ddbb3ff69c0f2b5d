"""The main window in Chinese at its default size: the menus, the step controls, the
learning-rate control, the dock titles and the status bar speak Chinese; and nothing in
the window is cut off. A Chinese text is wider or narrower than the English one it
replaces, and a layout that had room for the one may have none for the other: then Qt
either grows the window past its default size, or squeezes a label or a button below
the width its text needs, or elides a tab's title."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDockWidget, QLabel, QMenu, QTabBar, QWidget

from nnviz.gui import docks

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z]{2,}")  # an English word (not w5, h1, x)


def chinese(text: str) -> bool:
    return bool(CJK.search(text))


def untranslated(text: str) -> bool:
    """English words and no Chinese: numbers, formulas and names (0.0001, w5, h1 h2) pass."""
    return bool(WORD.search(text)) and not chinese(text)


def menu_entries(menu: QMenu, path: str = "") -> list[tuple[str, QAction]]:
    """(where, action) for every entry of ``menu`` and of its submenus, its own title first."""
    where = f"{path} ▸ {menu.title()}" if path else menu.title()
    out = [(where, menu.menuAction())]
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            out += menu_entries(action.menu(), where)
        else:
            out.append((where, action))
    return out


def english_menu_texts(window) -> list[str]:
    by_design = {a for a in window.language_menu.actions() if a is not window.language_menu.choices["system"]}
    bad = []
    for top in window.menuBar().actions():
        for where, action in menu_entries(top.menu()):
            if action in by_design:  # the languages, each named in itself
                continue
            for text in dict.fromkeys((action.text(), action.statusTip(), action.toolTip())):
                if untranslated(text):
                    bad.append(f"{where}: {text!r}")
    return bad


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(object, text) for the visible texts of ``root`` and its children: labels, buttons,
    combo items, tooltips."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        name = w.objectName() or type(w).__name__
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        if isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        out.append((f"{name} tooltip", w.toolTip()))
    return out


def clipped(window) -> list[str]:
    """What does not fit in the window at its default size: the window itself when its
    contents need more room (it would grow past the default size, off a small screen);
    labels and buttons in sight that show less than their text's width (squeezed by
    their layout, or cut off by a parent); tabs whose title is elided. Labels that wrap
    are left out: they give up width for height."""
    origin = QPoint(0, 0)
    least, size = window.minimumSizeHint(), docks.SIZE
    bad = [] if least.width() <= size.width() and least.height() <= size.height() else [
        f"the window needs {least.width()} x {least.height()} pixels, more than {size.width()} x {size.height()}"]

    def shown_width(w: QWidget) -> int:
        rect = QRect(w.mapTo(window, origin), w.size())
        parent = w.parentWidget()
        while parent is not None and parent is not window:
            rect &= QRect(parent.mapTo(window, origin), parent.size())
            parent = parent.parentWidget()
        return rect.width()

    for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not w.isVisible() or not w.text() or isinstance(w, QLabel) and w.wordWrap():
            continue
        need, have = w.sizeHint().width(), shown_width(w)
        if have < need:
            bad.append(f"{type(w).__name__} {w.text()!r}: {have} of {need} pixels")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                if bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                    bad.append(f"tab {bar.tabText(i)!r}: {bar.tabRect(i).width()} of {bar.tabSizeHint(i).width()}")
    return bad


# ======================================================================= tests
def test_the_menus_speak_chinese(chinese_window):
    assert english_menu_texts(chinese_window) == []
    titles = [a.text() for a in chinese_window.menuBar().actions()]
    assert titles[:3] == ["文件(&F)", "视图(&V)", "工具(&T)"] and titles[-1] == "帮助(&H)"  # the glossary's


def test_the_check_finds_an_untranslated_menu_entry(chinese_window):
    """A menu entry someone adds later without tr() is caught."""
    tools = next(a.menu() for a in chinese_window.menuBar().actions() if a.text() == "工具(&T)")
    tools.addAction("Sharpen the pencils")
    assert english_menu_texts(chinese_window) == ["工具(&T): 'Sharpen the pencils'"]


def test_the_step_controls_the_learning_rate_the_docks_and_the_status_bar_speak_chinese(chinese_window, session):
    w = chinese_window
    texts = widget_texts(w.controls)
    session.step("micro")
    w.controls.show_recording(True)  # the texts that change: Stop, Pause, another phase, the loss
    session.play()
    session.pause()
    texts += widget_texts(w.controls)
    w.controls.learning_rate.refresh_marks()
    texts += [("ruler", label.text) for label in w.controls.learning_rate.ruler.labels]
    texts += [("ruler tooltip", label.tip) for label in w.controls.learning_rate.ruler.labels]
    texts += [("status bar", w.status_label.text())]
    texts += [(f"dock {d.objectName()}", d.windowTitle()) for d in w.findChildren(QDockWidget)]
    assert [f"{where}: {text!r}" for where, text in texts if untranslated(text)] == []
    assert w.controls.learning_rate.ruler.labels  # the marks were there to be read
    assert w.controls_dock.windowTitle() == "控制" and w.controls.next_button.text() == "下一步"


def test_at_its_default_size_nothing_in_the_window_is_cut_off(chinese_window, qtbot):
    w = chinese_window
    # the docks' views fill in once the window has painted
    qtbot.waitUntil(lambda: all(v.shown for v in (w.controls, w.inspector, w.loss_curve, w.surface_panel)))
    w.canvas.fit()
    assert w.size() == docks.SIZE  # nothing made the window grow past its first size
    assert clipped(w) == []


def test_the_check_finds_a_text_pushed_out_of_its_room(chinese_window, qtbot):
    w = chinese_window
    button = w.controls.reset_button  # a longer text in a button of fixed width
    button.setFixedWidth(button.sizeHint().width() - 10)
    assert [line.split(":")[0] for line in clipped(w)] == ["QToolButton '重置'"]
    button.setFixedWidth(button.sizeHint().width())
    assert clipped(w) == []
    w.controls.phase_label.setText("前向传播 · " * 100)  # a long text in a row of labels that does not wrap
    assert len(clipped(w)) == 1  # squeezed at first; once laid out, the window needs more room
    qtbot.waitUntil(lambda: clipped(w)[0].startswith("the window needs"))
