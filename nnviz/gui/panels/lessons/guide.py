"""The lessons in the window: the Lessons menu, and what a step's set-up asks of the
window (show a dock, point at a control), mapped to the window's docks and widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QMenu, QScrollArea, QWidget

from nnviz.app.lessons.format import CONTROLS, DOCKS
from nnviz.core.words import T_
from nnviz.gui.panels.lessons.highlight import Highlight
from nnviz.gui.panels.lessons.panel import LessonPanel

# dock name -> the window's attribute holding the dock
DOCK_ATTRIBUTES = {"controls": "controls_dock", "inspector": "inspector_dock", "graph": "graph_dock",
                   "loss": "loss_dock", "surface": "surface_dock", "training": "training_dock",
                   "boundary": "boundary_dock", "compare": "compare_dock", "confusion": "confusion_dock"}
# control name -> (the widget, from the window; the dock it sits in)
CONTROL_WIDGETS: dict[str, tuple[Callable[[QWidget], QWidget], str]] = {
    "next": (lambda w: w.controls.next_button, "controls"),
    "back": (lambda w: w.controls.back_button, "controls"),
    "play": (lambda w: w.controls.play_button, "controls"),
    "reset": (lambda w: w.controls.reset_button, "controls"),
    "finish_phase": (lambda w: w.controls.phase_button, "controls"),
    "finish_iteration": (lambda w: w.controls.iteration_button, "controls"),
    "rate": (lambda w: w.controls.learning_rate, "controls"),
    "speed": (lambda w: w.controls.speed, "controls"),
    "zeros": (lambda w: w.training_panel.zeros_button, "training"),
    "large": (lambda w: w.training_panel.large_button, "training"),
    "restore": (lambda w: w.training_panel.restore_button, "training"),
    "sweep": (lambda w: w.training_panel.sweep_button, "training"),
    "optimizer": (lambda w: w.training_panel.optimizer_combo, "training"),
    "batch": (lambda w: w.training_panel.batch_combo, "training"),
    "loss_function": (lambda w: w.training_panel.loss_combo, "training"),
    "backprop": (lambda w: w.training_panel.backprop_combo, "training"),
    "schedule": (lambda w: w.training_panel.schedule_combo, "training"),
    "stop_loss": (lambda w: w.training_panel.until_loss_check, "training"),
    "stop_iterations": (lambda w: w.training_panel.max_iter_check, "training"),
    "race": (lambda w: w.compare_panel.race_button, "compare"),
    "fork": (lambda w: w.surface_panel.controls.fork_button, "surface"),
    "check_gradient": (lambda w: w.inspector.check_button, "inspector"),
    "next_node": (lambda w: w.graph_panel.next_button, "graph"),
}
assert set(DOCK_ATTRIBUTES) == set(DOCKS) and set(CONTROL_WIDGETS) == set(CONTROLS)


class Guide:
    """Wires a LessonPanel's player to ``window`` (a MainWindow) and makes its menu."""

    def __init__(self, window, panel: LessonPanel, dock: QDockWidget) -> None:
        self.window, self.panel, self.dock = window, panel, dock
        self.player = panel.player
        self.highlight = Highlight(window)
        self.player.show_dock.connect(self.show_dock)
        self.player.highlight.connect(self.point_at)
        self.player.changed.connect(self._on_changed)
        panel.opened.connect(lambda name: self.show_dock_widget(dock))
        self.menu = QMenu(T_("Guide", "&Lessons"), window)
        self.menu.setObjectName("lessonsMenu")
        self.menu.aboutToShow.connect(self.fill_menu)
        self.fill_menu()
        self._pointing: str | None = None

    # ----------------------------------------------------------------- menu
    def fill_menu(self) -> None:
        m = self.menu
        m.clear()
        for lesson in self.player.library.lessons:
            done, total = self.player.progress(lesson.name)
            mark = "  ✔" if done == total else f"  ({done}/{total})" if done else ""
            action = m.addAction(f"&{lesson.number} {lesson.title}{mark}")
            action.setStatusTip(lesson.summary)
            action.setCheckable(True)
            action.setChecked(self.player.lesson is lesson)
            action.triggered.connect(lambda checked=False, n=lesson.name: self.panel.open(n))
        if self.player.library.errors:
            m.addSeparator()
            for line in self.player.library.errors:
                m.addAction(T_("Guide", "Cannot be used: %1", line)).setEnabled(False)
        m.addSeparator()
        m.addAction(T_("Guide", "Show the lessons panel"), lambda: self.show_dock_widget(self.dock))
        close = m.addAction(T_("Guide", "Close the lesson"), self.player.close)
        close.setEnabled(self.player.lesson is not None)

    # --------------------------------------------------------- the window
    def dock_widget(self, name: str) -> QDockWidget:
        return getattr(self.window, DOCK_ATTRIBUTES[name])

    def control(self, name: str) -> QWidget:
        return CONTROL_WIDGETS[name][0](self.window)

    @staticmethod
    def show_dock_widget(dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()

    def show_dock(self, name: str) -> None:
        self.show_dock_widget(self.dock_widget(name))

    def point_at(self, name: str | None) -> None:
        """Frame the control ``name`` (None: nothing), showing its dock first."""
        self._pointing = name
        if name is None:
            self.highlight.point_at(None)
            return
        widget = self.control(name)
        self.show_dock(CONTROL_WIDGETS[name][1])
        scroll = widget.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:
            scroll.ensureWidgetVisible(widget)
        self.highlight.point_at(widget)

    def _on_changed(self) -> None:
        """A ticked step needs its pointer no more."""
        if self._pointing is not None and (self.player.lesson is None or self.player.passed()):
            self.point_at(None)
