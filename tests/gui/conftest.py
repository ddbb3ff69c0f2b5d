"""The GUI tests' fixtures: the model first (a Qt-free Session), then the Qt session built
on it, then views built from the session with ``qtbot.addWidget``."""

import pytest
from PySide6.QtCore import QSettings

from nnviz.app.session import Session
from nnviz.core import presets
from nnviz.core.trainer import Trainer
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets import palette


@pytest.fixture
def settings(tmp_path):
    """Window settings in a private file, never the user's."""
    return QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_session(qapp):
    """``make_session("xor")`` or ``make_session(trainer)``: a QtSession on a new model;
    Play, the race and the timer stop when the test ends."""
    made = []

    def make(trainer: str | Trainer = "mazur") -> QtSession:
        if isinstance(trainer, str):
            trainer = presets.load(trainer)
        s = QtSession(Session(trainer))
        made.append(s)
        return s

    yield make
    for s in made:
        s.close()


@pytest.fixture
def session(make_session):
    return make_session("mazur")


@pytest.fixture
def xor_session(make_session):
    return make_session("xor")


@pytest.fixture
def show(qtbot):
    """``show(view, (width, height))``: owned by qtbot, shown, exposed."""

    def show(widget, size=None):
        qtbot.addWidget(widget)
        if size is not None:
            widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show


@pytest.fixture
def window(show, session, settings):
    from nnviz.gui.main_window import MainWindow

    return show(MainWindow(session, settings))


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def dark(request, qapp):
    """The test runs twice: in the application's light palette, and in the dark one
    (the light one comes back afterwards). The value says which."""
    old = qapp.palette()
    if request.param:
        qapp.setPalette(palette.dark_palette())
    yield request.param
    qapp.setPalette(old)


@pytest.fixture(autouse=True)
def english(qapp):
    """The window speaks English as it does when it runs (``i18n.setup``): with the English
    forms of counts installed ("1 sample", "2 samples")."""
    from nnviz.gui import i18n

    yield i18n.install("en")
    i18n.uninstall()


@pytest.fixture
def chinese(english):
    """The window's translation into Simplified Chinese installed for the test."""
    from nnviz.gui import i18n

    yield i18n.install("zh_CN")
    i18n.install("en")


@pytest.fixture
def chinese_window(chinese, show, session, settings):
    from nnviz.gui.main_window import MainWindow

    return show(MainWindow(session, settings))
