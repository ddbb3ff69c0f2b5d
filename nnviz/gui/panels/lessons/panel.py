"""The lessons dock: the list of lessons with their progress, and the lesson under way —
its step's text (typeset like the inspector's, with live numbers), what to do, a tick
when it is done, and Back, Next and Restart.

Everything a lesson knows comes from ``nnviz.app.lessons`` (the player); this panel
only shows it and passes the buttons on. The text is rebuilt when the player says the
step changed, and at most every ``REFRESH_MS`` while the numbers change under Play.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
                               QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

from nnviz.app.lessons.player import LessonPlayer
from nnviz.core.words import T_, fill
from nnviz.gui.widgets import formula
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.session_view import SessionView

REFRESH_MS = 150
MIN_WIDTH = 360  # the text wraps in lines of a readable length
DONE_COLOURS = ("#2e7d32", "#81c784")  # (light, dark): a ticked step
LIVE_COLOURS = ("#00695c", "#4dd0b5")  # numbers that follow the run


def _line_html(pieces: list[tuple[str, bool]], live_colour: str) -> str:
    """One line of a step's text as rich text: the live numbers bold in ``live_colour``,
    the rest typeset, ``**words**`` bold (across live numbers too)."""
    out, bold = [], False
    for text, is_live in pieces:
        if is_live:
            out.append(f"<b style='color:{live_colour}'>{html.escape(text)}</b>")
            continue
        for k, part in enumerate(text.split("**")):
            bold = bold != (k > 0)
            if part:
                out.append(f"<b>{formula.prose(part)}</b>" if bold else formula.prose(part))
    return "".join(out)


class LessonPanel(SessionView, QWidget):
    """A dock's content; give it the window's (Qt) session and the player."""

    opened = Signal(str)  # a lesson was opened (its name)

    def __init__(self, session, player: LessonPlayer, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("lessonPanel")
        self.setMinimumWidth(MIN_WIDTH)
        self.player = player

        # ---- page 0: the lessons
        self.list = QListWidget()
        self.list.setObjectName("lessonList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._on_item_activated)
        self.open_button = QPushButton(self.tr("Open lesson"))
        self.open_button.setObjectName("openLesson")
        self.open_button.clicked.connect(self._open_selected)
        intro = QLabel(self.tr("Lessons from the tutorials nnviz grew from, in order. Each step says what to do "
                               "and what to watch; it is ticked when you have done it."))
        intro.setWordWrap(True)
        chooser = QWidget()
        cl = QVBoxLayout(chooser)
        cl.setContentsMargins(6, 6, 6, 6)
        cl.addWidget(intro)
        cl.addWidget(self.list, 1)
        cl.addWidget(self.open_button)

        # ---- page 1: the lesson under way
        self.title = QLabel()
        self.title.setObjectName("lessonTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.all_button = QPushButton(self.tr("All lessons"))
        self.all_button.setObjectName("allLessons")
        self.all_button.setToolTip(self.tr("Back to the list (this lesson's progress is kept)"))
        self.all_button.clicked.connect(self.player.close)
        self.dots = QLabel()
        self.dots.setObjectName("lessonDots")
        self.step_label = QLabel()
        self.step_label.setObjectName("lessonStep")
        self.step_label.setWordWrap(True)
        self.step_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text = QTextBrowser()
        self.text.setObjectName("lessonText")
        self.text.setOpenLinks(False)
        self.text.document().setDocumentMargin(6)
        self.task = QLabel()
        self.task.setObjectName("lessonTask")
        self.task.setWordWrap(True)
        self.task.setTextFormat(Qt.TextFormat.RichText)
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setObjectName("lessonBack")
        self.restart_button = QPushButton(self.tr("Restart"))
        self.restart_button.setObjectName("lessonRestart")
        self.restart_button.setToolTip(self.tr("This lesson from its first step, nothing ticked"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setObjectName("lessonNext")
        self.next_button.setToolTip(self.tr("The next step (available before this one is ticked: the checks "
                                            "guide, they do not gate)"))
        for b in (self.back_button, self.restart_button, self.next_button, self.all_button, self.open_button):
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.back_button.clicked.connect(self.player.back)
        self.restart_button.clicked.connect(self.player.restart)
        self.next_button.clicked.connect(self._on_next)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.restart_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        lesson = QWidget()
        ll = QVBoxLayout(lesson)
        ll.setContentsMargins(6, 6, 6, 6)
        ll.setSpacing(4)
        ll.addLayout(head)
        ll.addWidget(self.dots)
        ll.addWidget(self.step_label)
        ll.addWidget(self.text, 1)
        ll.addWidget(self.task)
        ll.addLayout(buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(chooser)
        self.pages.addWidget(lesson)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self._numbers = self.throttle(self._show_text, REFRESH_MS)
        self._listening = [(player.changed, self.refresh), (player.numbers_changed, self._on_numbers)]
        for signal, slot in self._listening:
            signal.connect(slot)
        self.refresh()

    def detach(self) -> None:
        """Stop following the session, the player too (the window is closing)."""
        for signal, slot in getattr(self, "_listening", []):
            signal.disconnect(slot)
        self._listening = []
        self.player.detach()
        super().detach()

    # ------------------------------------------------------------ commands
    def open(self, name: str, step: int | None = None) -> bool:
        """Open the lesson ``name`` (or number); False when there is none."""
        if not self.player.open(name, step):
            return False
        self.opened.emit(self.player.lesson.name)
        return True

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open(item.data(Qt.ItemDataRole.UserRole))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.open(item.data(Qt.ItemDataRole.UserRole))

    def _on_next(self) -> None:
        if self.player.can_next:
            self.player.next()
        else:  # the last step: the lesson is over
            self.player.close()

    # --------------------------------------------------------------- showing
    def refresh(self) -> None:
        p = self.player
        if p.lesson is None:
            self._show_list()
            self.pages.setCurrentIndex(0)
            return
        self.pages.setCurrentIndex(1)
        lesson, step = p.lesson, p.step
        n = len(lesson.steps)
        self.title.setText(f"{lesson.number} · {html.escape(lesson.title)}")
        self.title.setToolTip(lesson.summary)
        self.dots.setText(self._dots_html())
        self.step_label.setText(fill(self.tr("<b>Step %1 of %2:</b> %3"), p.index + 1, n,
                                     formula.prose(step.title)))
        self._show_text()
        self._show_task()
        self.back_button.setEnabled(p.can_back)
        self.next_button.setText(self.tr("Next ▶") if p.can_next else self.tr("Finish"))
        font = self.next_button.font()
        font.setBold(p.passed())
        self.next_button.setFont(font)
        self.next_button.setDefault(p.passed())

    def _dots_html(self) -> str:
        p = self.player
        dark = pal.is_dark(self.palette())
        out = []
        for i in range(len(p.lesson.steps)):
            mark = ("◉" if i == p.index else "●") if p.passed(i) else ("◎" if i == p.index else "○")
            colour = DONE_COLOURS[dark] if p.passed(i) else pal.text_color(self.palette()).name()
            style = f"color:{colour};" + ("font-size:x-large;" if i == p.index else "")
            out.append(f"<span style='{style}'>{mark}</span>")
        return "&nbsp;".join(out)

    def _on_numbers(self) -> None:
        if self.player.lesson is not None:
            self.redraw(self._numbers, REFRESH_MS)

    def _show_text(self) -> None:
        if self.player.lesson is None:
            return
        dark = pal.is_dark(self.palette())
        live = LIVE_COLOURS[dark]
        blocks = []
        for para in self.player.text():
            lines = [_line_html(pieces, live) for pieces in para.lines]
            if para.display:
                blocks.append(f"<p style='margin-left:14px'>{'<br>'.join(lines)}</p>")
            else:
                blocks.append(f"<p>{lines[0]}</p>")
        body = "".join(blocks)
        if body != getattr(self, "_shown_body", None):
            bar = self.text.verticalScrollBar().value()
            self.text.setHtml(body)
            self.text.verticalScrollBar().setValue(bar)
            self._shown_body = body

    def _show_task(self) -> None:
        p = self.player
        step = p.step
        goal = formula.prose(step.goal) if step.goal else self.tr("Read, then go on with Next.")
        if p.passed():
            colour = DONE_COLOURS[pal.is_dark(self.palette())]
            done = fill(self.tr("<b>✔ Done</b> — %1"), goal)
            self.task.setText(f"<span style='color:{colour}'>{done}</span>")
        elif step.checks:
            self.task.setText(fill(self.tr("<b>☐ To do:</b> %1"), goal))
        else:
            self.task.setText(f"<i>{goal}</i>")

    def _show_list(self) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for lesson in self.player.library.lessons:
            done, total = self.player.progress(lesson.name)
            state = (self.tr("✔ done") if done == total else
                     T_("LessonPanel", "%1/%n steps", done, n=total) if done else T_("LessonPanel", "%n steps", n=total))
            item = QListWidgetItem(f"{lesson.number}. {lesson.title} — {state}")
            item.setData(Qt.ItemDataRole.UserRole, lesson.name)
            item.setToolTip(lesson.summary)
            self.list.addItem(item)
        for line in self.player.library.errors:
            item = QListWidgetItem(fill(self.tr("Cannot be used: %1"), line))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setForeground(QColor("#c62828"))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(max(current, 0))

    def _on_palette_changed(self) -> None:
        self._shown_body = None
        self.refresh()
