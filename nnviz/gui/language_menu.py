"""View ▸ Language: the system's language, or one of those nnviz speaks, each named in
itself. The choice is kept in the window's settings and applies the next time nnviz
starts (``nnviz.gui.i18n`` says why); a message says so in the language in use and in
the one chosen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from nnviz.core.words import fill
from nnviz.gui import i18n

NOTICE = QT_TRANSLATE_NOOP("LanguageMenu", "nnviz will speak %1 from the next time it starts.")


class LanguageMenu(QMenu):
    def __init__(self, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setTitle(self.tr("&Language"))
        group = QActionGroup(self)
        saved = settings.value(i18n.SETTING, i18n.SYSTEM)
        spoken = i18n.available()
        self.choices: dict[str, QAction] = {}  # "system" or a language -> its action
        for code in [i18n.SYSTEM, *spoken]:
            text = (fill(self.tr("System language (%1)"), i18n.native_name(i18n.system_language()))
                    if code == i18n.SYSTEM else i18n.native_name(code))
            action = QAction(text, self, checkable=True)
            action.setChecked(code == saved or (code == i18n.SYSTEM and saved not in spoken))
            action.triggered.connect(lambda checked=False, c=code: self.choose(c))
            group.addAction(action)
            self.addAction(action)
            self.choices[code] = action
        self.notice: QMessageBox | None = None

    def choose(self, choice: str) -> None:
        """Keep ``choice`` for the next start, and say so when it changes the language."""
        self.settings.setValue(i18n.SETTING, choice)
        language = i18n.choose(None, choice)
        if language == i18n.current():
            return
        name = i18n.native_name(language)
        lines = [fill(self.tr(NOTICE), name)]
        other = fill(i18n.translated(language, "LanguageMenu", NOTICE), name)
        if other != lines[0]:
            lines.append(other)
        self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"), "\n".join(lines),
                                  QMessageBox.StandardButton.Ok, self.parentWidget())
        self.notice.open()
