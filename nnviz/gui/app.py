"""Start the window: ``run(preset=..., snapshot=...)``."""

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
        lesson: str | None = None) -> int:
    app = application()
    from nnviz.app.session import Session
    from nnviz.gui.main_window import MainWindow
    from nnviz.gui.qt_session import QtSession

    if trainer is None:
        trainer = presets.load(preset or "mazur")
    session = QtSession(Session(trainer, path))
    window = MainWindow(session)
    window.show()
    if lesson is not None:
        window.lesson_panel.open(lesson)
    window.canvas.fit()
    return app.exec()
