"""Start the window: ``run(preset=..., snapshot=..., language=...)``."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from nnviz.core import presets
from nnviz.core.trainer import Trainer


def application() -> QApplication:
    """The QApplication, created once with nnviz's names (used by QSettings)."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("nnviz")
        QCoreApplication.setApplicationName("nnviz")
        app = QApplication(sys.argv[:1])
    return app


def run(preset: str | None = None, trainer: Trainer | None = None, path: str | None = None,
        lesson: str | None = None, language: str | None = None) -> int:
    app = application()
    from nnviz.gui import i18n

    font_warning = i18n.setup(language)  # before any widget: their texts are translated when built
    from nnviz.app.session import Session
    from nnviz.gui.main_window import MainWindow
    from nnviz.gui.qt_session import QtSession

    if trainer is None:
        trainer = presets.load(preset or "mazur")
    session = QtSession(Session(trainer, path))
    window = MainWindow(session)
    if font_warning:
        window.statusBar().showMessage(font_warning)
    window.show()
    if lesson is not None:
        window.lesson_panel.open(lesson)
    window.canvas.fit()
    return app.exec()
