"""The lessons in the window: the dock (``LessonPanel``), the Lessons menu and what a
step's set-up asks of the window (``Guide``), and the progress in the window's settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from nnviz.app.lessons.format import library
from nnviz.app.lessons.player import LessonPlayer
from nnviz.gui import i18n
from nnviz.gui.panels.lessons.guide import Guide
from nnviz.gui.panels.lessons.panel import LessonPanel
from nnviz.gui.panels.lessons.store import SettingsStore

__all__ = ["Guide", "LessonPanel", "make_player"]


def make_player(session, settings: QSettings) -> LessonPlayer:
    """A player for the window's (Qt) ``session`` over the lessons nnviz ships, in the
    window's language, its progress kept in ``settings``."""
    return LessonPlayer(session.model, library(language=i18n.current()), SettingsStore(settings))
