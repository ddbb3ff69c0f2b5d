"""The lesson tests' user: what a user does in the window — open a lesson from the
Lessons menu, click a control, pick from a combo box with the keyboard, type a number,
play until Play stops, go on to the next step — and what the lesson panel shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from user_input import choose

PLAY_TIMEOUT_MS = 60_000


class User:
    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window = qtbot, window
        self.session = window.session
        self.player = window.lesson_panel.player

    def open_lesson(self, name: str) -> None:
        """Open the lesson ``name`` through the Lessons menu."""
        window = self.window
        menu = window.guide.menu
        menu.aboutToShow.emit()
        lesson = self.player.library.find(name)
        action = next(a for a in menu.actions() if a.text().startswith(f"&{lesson.number} "))
        action.trigger()
        assert self.player.lesson is lesson and self.player.index == 0
        assert window.lessons_dock.isVisible()

    def click(self, widget) -> None:
        assert widget.isEnabled(), widget.objectName() or widget.text()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def choose(self, combo, key) -> None:
        choose(self.qtbot, combo, key)

    def type_into(self, edit, text: str) -> None:
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClicks(edit, text)
        self.qtbot.keyClick(edit, Qt.Key.Key_Return)

    def full_speed(self) -> None:
        """Drag Play's speed slider to its right end (the End key)."""
        slider = self.window.controls.speed
        slider.setFocus()
        self.qtbot.keyClick(slider, Qt.Key.Key_End)
        assert self.session.play_speed == float("inf")

    def play_until_stopped(self) -> None:
        """Press Play and wait until a stopping rule stops it (and the forks have caught up)."""
        s = self.session
        self.click(self.window.controls.play_button)
        assert s.playing
        self.qtbot.waitUntil(lambda: not s.playing, timeout=PLAY_TIMEOUT_MS)
        self.qtbot.waitUntil(lambda: all(f.trainer.iteration == s.trainer.iteration for f in s.forks),
                             timeout=PLAY_TIMEOUT_MS)

    def step(self, button: str, times: int = 1) -> None:
        """Click a step control (``next``, ``phase``, ``iteration``) ``times`` times."""
        widget = {"next": self.window.controls.next_button, "phase": self.window.controls.phase_button,
                  "iteration": self.window.controls.iteration_button}[button]
        for _ in range(times):
            self.click(widget)

    @property
    def ticked(self) -> bool:
        """The current step is ticked, and the panel says so."""
        panel = self.window.lesson_panel
        done = self.player.passed()
        assert ("✔ Done" in panel.task.text()) == done
        return done

    def next_step(self) -> None:
        self.click(self.window.lesson_panel.next_button)

    @property
    def all_ticked(self) -> bool:
        p = self.player
        return p.done == set(range(len(p.lesson.steps)))

    def text(self) -> str:
        """The step's text as shown."""
        return self.window.lesson_panel.text.toPlainText()


@pytest.fixture
def user(qtbot, window):
    window.resize(1500, 950)
    return User(qtbot, window)
