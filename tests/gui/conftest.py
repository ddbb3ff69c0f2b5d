import pytest
from PySide6.QtCore import QSettings

from nnviz.core import presets
from nnviz.gui.session import Session


@pytest.fixture
def settings(tmp_path):
    """Window settings in a private file, never the user's."""
    return QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(qapp):
    return Session(presets.load("mazur"))


@pytest.fixture
def window(qtbot, session, settings):
    from nnviz.gui.main_window import MainWindow

    w = MainWindow(session, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
