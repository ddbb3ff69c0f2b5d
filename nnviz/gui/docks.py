"""The window's docks: their first layout, and views built only when first shown.

The first layout is arranged in a throwaway window and restored into the real one: Qt
leaves stray tab bars behind in a window whose docks it tabifies next to a split (they
showed through gaps between the docks), and a restored layout has none.

The views of docks that start behind another tab (training options, decision boundary,
the comparison, the graph, the confusion matrix) are built the first time their dock
comes into sight, or when asked for; until then the dock holds an empty placeholder, so
the window opens sooner. Every dock tells its view whether it is in sight, so that a view
behind another tab does no work.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from nnviz.core.words import N_, translate
from nnviz.gui.widgets.session_view import SessionView

TOP, BOTTOM, RIGHT, LEFT = (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea,
                            Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea)
# the docks' titles in English: their object names (the saved layout's keys), translated where shown
CONTROLS, INSPECTOR = N_("docks", "Controls"), N_("docks", "Equation inspector")
LOSS, SURFACE = N_("docks", "Loss curve"), N_("docks", "Loss surface")
TRAINING, BOUNDARY = N_("docks", "Training options"), N_("docks", "Decision boundary")
COMPARE, GRAPH = N_("docks", "Chain rule vs. proportional split"), N_("docks", "Computational graph")
CONFUSION, LESSONS = N_("docks", "Confusion matrix"), N_("docks", "Lessons")
AREAS = {CONTROLS: TOP, INSPECTOR: BOTTOM, LOSS: BOTTOM, SURFACE: RIGHT, TRAINING: RIGHT, BOUNDARY: RIGHT,
         COMPARE: BOTTOM, GRAPH: BOTTOM, CONFUSION: BOTTOM, LESSONS: LEFT}
DOCK_OPTIONS = (QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks
                | QMainWindow.DockOption.AllowTabbedDocks)
SIZE = QSize(1360, 900)  # the window's first size
# The bottom docks' first height with their tab bar: the docks as tall as the comparison
# (behind the inspector's tab) needs, 301 pixels, so that they do not grow when it is
# first shown and built.
BOTTOM_HEIGHT = 327


def object_name(title: str) -> str:
    """The name the window's saved layout knows the dock by."""
    return title.replace(" ", "_").lower()


def new_dock(window: QMainWindow, title: str, widget: QWidget | None = None) -> QDockWidget:
    """A movable, closable, floatable dock in ``window``'s area for it."""
    dock = QDockWidget(translate("docks", title), window)
    dock.setObjectName(object_name(title))
    dock.setWidget(widget if widget is not None else QWidget())
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    window.addDockWidget(AREAS[title], dock)
    return dock


def expose(dock: QDockWidget, view: SessionView) -> None:
    """Keep ``view`` told whether ``dock`` is in sight (shown, and its tab the current one)."""
    view.set_exposed(dock.isVisible() and not dock.visibleRegion().isEmpty())
    view.listen(dock.visibilityChanged, view.set_exposed)


class LazyView:
    """The view of ``dock``, built by ``build`` (returning the dock's content and the
    view in it) when the dock first comes into sight, or when ``view()`` is asked."""

    def __init__(self, dock: QDockWidget, build: Callable[[], tuple[QWidget, SessionView]]) -> None:
        self.dock = dock
        self._build = build
        self._view: SessionView | None = None
        dock.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def built(self) -> bool:
        return self._view is not None

    def view(self) -> SessionView:
        if self._view is None:
            content, self._view = self._build()
            self.dock.setWidget(content)
            expose(self.dock, self._view)
        return self._view

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.view()


class DockView:
    """A window attribute for the view of a lazily built dock: reading it builds the view
    if need be (the window keeps its LazyViews in ``lazy_views``, by dock title)."""

    def __init__(self, title: str) -> None:
        self.title = title

    def __get__(self, window, owner=None):
        return self if window is None else window.lazy_views[self.title].view()


def _arrange(w: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The first layout: controls on top; inspector | loss curve at the bottom; the loss
    surface in the whole right column; the other views as tabs behind them."""
    w.splitDockWidget(docks[INSPECTOR], docks[LOSS], Qt.Orientation.Horizontal)
    w.resizeDocks([docks[INSPECTOR], docks[LOSS]], [620, 420], Qt.Orientation.Horizontal)
    w.resizeDocks([docks[INSPECTOR]], [260], Qt.Orientation.Vertical)
    w.resizeDocks([docks[SURFACE]], [470], Qt.Orientation.Horizontal)
    for front, behind in ((SURFACE, TRAINING), (SURFACE, BOUNDARY), (INSPECTOR, COMPARE), (INSPECTOR, GRAPH),
                          (LOSS, CONFUSION)):
        w.tabifyDockWidget(docks[front], docks[behind])
    for front in (LOSS, SURFACE, INSPECTOR):
        docks[front].raise_()
    docks[LESSONS].hide()  # shown by the Lessons menu, nnviz --lesson, or a saved layout


def restore_default(window: QMainWindow, inspector: QDockWidget) -> None:
    """Give ``window`` the first layout (see the module notes)."""
    window.restoreState(default_state())
    window.resizeDocks([inspector], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)


def default_state() -> QByteArray:
    """The first layout as a saved state (see the module notes)."""
    w = QMainWindow()
    w.setDockOptions(DOCK_OPTIONS)
    w.setCorner(Qt.Corner.BottomRightCorner, RIGHT)
    w.setCentralWidget(QWidget())
    w.resize(SIZE)
    _arrange(w, {title: new_dock(w, title) for title in AREAS})
    state = w.saveState()
    w.deleteLater()
    return state
