"""The lessons in the window: the menu and the dock, the live numbers, Back, Next and
Restart, pointing at controls, progress kept between runs, a bad lesson file, and
nnviz --lesson."""

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from nnviz.app.lessons import format as lesson_format
from nnviz.gui.main_window import MainWindow
from nnviz.gui.panels import lessons
from nnviz.gui.panels.lessons.guide import CONTROL_WIDGETS, DOCK_ATTRIBUTES


def test_every_dock_and_control_a_lesson_can_name_is_in_the_window(user):
    w = user.window
    guide = w.guide
    for name in lesson_format.DOCKS:
        assert isinstance(guide.dock_widget(name), QDockWidget), name
    for name in lesson_format.CONTROLS:
        widget = guide.control(name)
        assert isinstance(widget, QWidget), name
        guide.point_at(name)  # shows its dock and frames it
        assert getattr(w, DOCK_ATTRIBUTES[CONTROL_WIDGETS[name][1]]).isVisible(), name
        user.qtbot.waitUntil(lambda: widget.isVisible() and guide.highlight.isVisible())
        frame = guide.highlight.geometry()
        where = QRect(widget.mapTo(w, widget.rect().topLeft()), widget.size())
        assert frame.contains(where.intersected(w.rect())), name
    guide.point_at(None)
    assert not guide.highlight.isVisible()


def test_the_text_is_typeset_and_its_numbers_follow_the_steps(user):
    user.open_lesson("one-iteration")
    panel = user.window.lesson_panel
    html = panel.text.toHtml()
    assert "vertical-align:sub" in html  # out_h1 with its subscript, as the inspector writes it
    assert "nnviz: outh1 = —" in user.text()
    user.step("next")
    assert "nnviz: outh1 = 0.593269992, outh2 = 0.596884378" in user.text()
    user.session.back()
    user.qtbot.waitUntil(lambda: "nnviz: outh1 = —" in user.text())  # Step back takes it away again
    assert panel.step_label.text().startswith("<b>Step 1 of 7:</b>")


def test_back_next_restart_and_finish(user):
    p = user.player
    panel = user.window.lesson_panel
    user.open_lesson("initial-weights")
    assert not panel.back_button.isEnabled() and panel.next_button.text() == "Next ▶"
    user.next_step()  # before the check passed: a guide, not a gate
    assert p.index == 1 and user.session.trainer.dataset.name == "xor"
    assert panel.back_button.isEnabled()
    user.click(panel.back_button)
    assert p.index == 0 and user.session.trainer.dataset.name == "xor"  # Back leaves the network
    user.click(panel.restart_button)
    assert p.index == 0 and user.session.trainer.dataset.name == "mazur"
    user.next_step()
    user.next_step()
    assert panel.next_button.text() == "Finish"
    user.next_step()
    assert p.lesson is None and panel.pages.currentIndex() == 0
    items = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "3. Initial weights — 0/3 steps" not in items and "3. Initial weights — 3 steps" in items


def test_a_step_points_at_its_control_until_it_is_done(user):
    w = user.window
    user.open_lesson("initial-weights")
    highlight = w.guide.highlight
    assert w.training_dock.isVisible() and highlight.target is w.training_panel.zeros_button
    user.qtbot.waitUntil(highlight.isVisible)
    user.click(w.training_panel.zeros_button)
    user.full_speed()
    user.play_until_stopped()
    assert user.ticked and highlight.target is None and not highlight.isVisible()


def test_progress_is_kept_between_runs(user, qtbot, settings, make_session):
    user.open_lesson("one-iteration")
    user.step("next")
    user.next_step()
    user.step("next")
    assert user.player.done == {0, 1}
    user.window.close()
    again = MainWindow(make_session("sine"), settings)
    qtbot.addWidget(again)
    again.show()
    again.guide.menu.aboutToShow.emit()
    texts = [a.text() for a in again.guide.menu.actions()]
    assert "&1 One training iteration  (2/7)" in texts
    again.lesson_panel.open("one-iteration")
    p = again.lesson_panel.player
    assert p.index == 1 and p.done == {0, 1} and p.passed()
    assert again.session.trainer.dataset.name == "mazur"  # the set-ups up to step 2 applied


def test_a_bad_lesson_file_is_one_line_and_the_others_load(qtbot, tmp_path, monkeypatch, settings, make_session):
    shipped = lesson_format.library()
    for lesson in shipped.lessons[:2]:
        text = (lesson_format.files("nnviz.resources") / "lessons" / lesson.source).read_text()
        (tmp_path / lesson.source).write_text(text)
    bad = "05-broken.toml"
    (tmp_path / bad).write_text('title = "x"\n[[steps]]\ntitle = "a"\ntext = "b"\ncheck = { kind = "nope" }\n')
    monkeypatch.setattr(lessons, "library", lambda language="en": lesson_format.library(tmp_path, language))
    w = MainWindow(make_session("mazur"), settings)
    qtbot.addWidget(w)
    w.show()
    w.guide.menu.aboutToShow.emit()
    texts = [a.text() for a in w.guide.menu.actions()]
    line = "05-broken.toml, line 5: steps[0].check.kind: unknown check 'nope'; expected one of reached, "
    assert any(t.startswith(f"Cannot be used: {line}") for t in texts)
    assert sum(t.startswith("&") and "Cannot" not in t for t in texts) == 2
    assert w.lesson_panel.list.count() == 3 and w.lesson_panel.list.item(2).text().startswith("Cannot be used")


def test_nnviz_lesson_opens_the_window_on_the_lesson(monkeypatch, tmp_path):
    from nnviz.gui import app as gui_app

    seen = []

    def fake_exec(self):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        p = window.lesson_panel.player
        seen.append((p.lesson.name, window.lessons_dock.isVisible(), window.session.trainer.dataset.name))
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr("nnviz.gui.main_window.QSettings",
                        lambda: lessons.QSettings(str(tmp_path / "n.ini"), lessons.QSettings.Format.IniFormat))
    assert gui_app.run(lesson="3") == 0
    assert seen == [("initial-weights", True, "mazur")]


def test_bold_words_may_hold_a_live_number():
    from nnviz.gui.panels.lessons.panel import _line_html

    pieces = [("Drag it between **1/λmax = ", False), ("0.25", True), ("** and **w5 = ", False), ("0.5", True),
              ("**, say", False)]
    assert _line_html(pieces, "#123456") == (
        "Drag it between <b>1/λmax = </b><b style='color:#123456'>0.25</b> and "
        "<b>w<sub>5</sub> = </b><b style='color:#123456'>0.5</b>, say")
