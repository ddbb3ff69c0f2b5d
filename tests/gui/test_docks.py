"""The window's docks: one tab bar per group of tabs (Qt leaves stray ones behind when
it tabifies next to a split), the views behind other tabs built when first shown (and
their modules imported only then), and every view told whether it is in sight."""

import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QApplication, QTabBar

from nnviz.gui import docks
from nnviz.gui.main_window import MainWindow

BEHIND = (docks.TRAINING, docks.BOUNDARY, docks.COMPARE, docks.GRAPH, docks.CONFUSION)


def tab_bars(window) -> list[list[str]]:
    return sorted(sorted(bar.tabText(i) for i in range(bar.count()))
                  for bar in window.findChildren(QTabBar) if bar.isVisible())


def test_one_tab_bar_per_group_first_and_after_the_saved_layout(qtbot, window, settings, make_session):
    groups = [sorted([docks.INSPECTOR, docks.COMPARE, docks.GRAPH]), sorted([docks.LOSS, docks.CONFUSION]),
              sorted([docks.SURFACE, docks.TRAINING, docks.BOUNDARY])]
    assert tab_bars(window) == sorted(groups)
    window.close()  # saves the layout
    again = MainWindow(make_session("xor"), settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert tab_bars(again) == sorted(groups)


def test_the_views_behind_tabs_are_built_when_first_shown(qtbot, window):
    assert not any(window.lazy_views[title].built for title in BEHIND)
    qtbot.waitUntil(lambda: window.surface_panel.shown)
    window.boundary_dock.raise_()
    qtbot.waitUntil(lambda: window.lazy_views[docks.BOUNDARY].built)
    qtbot.waitUntil(lambda: window.boundary_panel.shown)
    assert not window.surface_panel.shown  # behind the boundary's tab now: no work
    assert window.surface_panel.isVisible()  # (which Qt alone would not say)
    assert not window.lazy_views[docks.COMPARE].built
    panel = window.compare_panel  # asked for: built at once, out of sight
    assert window.lazy_views[docks.COMPARE].built and not panel.shown


def test_building_the_views_behind_tabs_moves_no_dock(qtbot, window):
    """The first layout leaves the room the views behind tabs need: showing one for the
    first time does not push the docks in sight about."""
    in_sight = (window.inspector_dock, window.loss_dock, window.surface_dock)
    qtbot.waitUntil(lambda: window.surface_panel.shown)
    before = [dock.geometry() for dock in in_sight]
    for title in BEHIND:
        window.lazy_views[title].view()
    for _ in range(3):
        QApplication.processEvents()  # the docks' layout after the new contents
    assert [dock.geometry() for dock in in_sight] == before


def test_start_up_imports_no_view_it_does_not_show(tmp_path):
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from nnviz.app.session import Session
        from nnviz.core import presets
        from nnviz.gui.app import application
        from nnviz.gui.main_window import MainWindow
        from nnviz.gui.qt_session import QtSession
        app = application()
        w = MainWindow(QtSession(Session(presets.load("mazur"))),
                       QSettings({str(tmp_path / "n.ini")!r}, QSettings.Format.IniFormat))
        w.show()
        app.processEvents()
        print(" ".join(sorted(m for m in sys.modules if m.startswith("nnviz.gui"))))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    loaded = set(out.stdout.split())
    assert "nnviz.gui.main_window" in loaded
    for module in ("nnviz.gui.panels.boundary_panel", "nnviz.gui.panels.compare_panel", "nnviz.gui.panels.graph.panel",
                   "nnviz.gui.panels.confusion", "nnviz.gui.panels.training_panel", "nnviz.gui.dialogs.sweep_dialog",
                   "nnviz.gui.dialogs.data_dialog", "nnviz.gui.dialogs.network_editor"):
        assert module not in loaded


def test_the_docks_views_start_once_the_window_has_painted(qtbot, session, settings):
    w = MainWindow(session, settings)
    qtbot.addWidget(w)
    assert not w.inspector.shown and not w.surface_panel.shown  # nothing before the window shows
    w.show()
    qtbot.waitUntil(lambda: w.inspector.shown and w.surface_panel.shown)
    qtbot.waitUntil(lambda: "Nothing computed yet" in w.inspector.header.text())
