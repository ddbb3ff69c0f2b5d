"""The main window: the network canvas in the centre, docks around it (``docks``: the
step controls, the inspector, the loss curve, the loss surface, and behind them the
training options, decision boundary, comparison, graph and confusion matrix, built when
first shown), menus, shortcuts and a status bar. The File menu's commands are in
``file_actions``."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMessageBox, QScrollArea, QWidget

from nnviz import __version__
from nnviz.app.session import EDGE_MODES, FRAME_PLAY
from nnviz.core import presets
from nnviz.core.state import PHASE_NAMES
from nnviz.core.words import N_, T_, fill, translate
from nnviz.gui import docks
from nnviz.gui.canvas import CanvasPanel
from nnviz.gui.controls.step_controls import StepControls
from nnviz.gui.docks import DockView, LazyView, expose, new_dock
from nnviz.gui.file_actions import FileActions
from nnviz.gui.language_menu import LanguageMenu
from nnviz.gui.panels.inspector import Inspector
from nnviz.gui.panels import lessons
from nnviz.gui.panels.loss_curve import LossCurve
from nnviz.gui.panels.surface import SurfacePanel
from nnviz.gui.record_control import RecordControl
from nnviz.gui.widgets import icons
from nnviz.gui.widgets.forms import run_once
from nnviz.gui.widgets.session_view import SessionView
from nnviz.io.export import FORMATS
from nnviz.io.files import shown_name

SHORTCUTS = [  # the keys as Qt names them; what they do, translated where shown
    ("Space", N_("MainWindow", "Play / pause")),
    ("Right", N_("MainWindow", "Next micro-step")),
    ("Left", N_("MainWindow", "Step back")),
    ("Ctrl+O", N_("MainWindow", "Open snapshot")),
    ("Ctrl+S", N_("MainWindow", "Save snapshot")),
    ("Ctrl+E", N_("MainWindow", "Export network image")),
    ("Ctrl+R", N_("MainWindow", "Record an animation (GIF or MP4); again to stop")),
    ("Ctrl+Shift+E", N_("MainWindow", "Edit the network (layers, neurons, activations)")),
    ("Ctrl+D", N_("MainWindow", "Choose the data: a built-in set or a file of your own")),
    ("Ctrl+0", N_("MainWindow", "Fit the network to the window")),
    ("Ctrl++ / Ctrl+-", N_("MainWindow", "Zoom in / out (or the mouse wheel on the canvas)")),
    ("Ctrl+Q", N_("MainWindow", "Quit")),
]
# the views of the docks that start behind another tab: (module, class), imported when built
BOUNDARY_VIEW = ("nnviz.gui.panels.boundary_panel", "BoundaryPanel")
COMPARE_VIEW = ("nnviz.gui.panels.compare_panel", "ComparePanel")
GRAPH_VIEW = ("nnviz.gui.panels.graph.panel", "GraphPanel")
CONFUSION_VIEW = ("nnviz.gui.panels.confusion", "ConfusionView")
DIGIT_CHOICES = (2, 3, 4, 5, 6, 7, 8, 9, 10, 12)  # View ▸ Digits
EDGE_LABELS = {"auto": N_("MainWindow", "Follow the step (weights; gradients and updates of the active layer)"),
               "weights": N_("MainWindow", "Weights"), "gradients": N_("MainWindow", "Gradients"),
               "updates": N_("MainWindow", "Last updates")}


class MainWindow(FileActions, SessionView, QMainWindow):
    # the views of the docks behind other tabs, built when first shown or asked for
    training_panel = DockView(docks.TRAINING)
    boundary_panel = DockView(docks.BOUNDARY)
    compare_panel = DockView(docks.COMPARE)
    graph_panel = DockView(docks.GRAPH)
    confusion_view = DockView(docks.CONFUSION)

    def __init__(self, session, settings: QSettings | None = None) -> None:
        super().__init__(session)
        self.settings = settings if settings is not None else QSettings()
        self.setWindowIcon(icons.icon("app"))
        self.setDockOptions(docks.DOCK_OPTIONS)
        # the loss surface takes the whole right column (heat map over cross-section needs the height)
        self.setCorner(Qt.Corner.BottomRightCorner, docks.RIGHT)

        self.canvas_panel = CanvasPanel(session)
        self.canvas = self.canvas_panel.canvas
        self.setCentralWidget(self.canvas_panel)
        self.controls = StepControls(session)
        self.inspector = Inspector(session)
        self.loss_curve = LossCurve(session)
        self.surface_panel = SurfacePanel(session)
        self.surface_panel.connect_learning_rate(self.controls.learning_rate)
        self.surface_panel.sweepRequested.connect(lambda: self.open_sweep())
        self.sweep_dialog = None
        self.controls_dock = new_dock(self, docks.CONTROLS, self.controls)
        self.inspector_dock = new_dock(self, docks.INSPECTOR, self.inspector)
        self.loss_dock = new_dock(self, docks.LOSS, self.loss_curve)
        self.surface_dock = new_dock(self, docks.SURFACE, self.surface_panel)
        # The docks' views start their work (the inspector's text, the loss surface) once the
        # window has painted: the window opens sooner. Their docks tell them then.
        self._dock_views = ((self.controls_dock, self.controls), (self.inspector_dock, self.inspector),
                            (self.loss_dock, self.loss_curve), (self.surface_dock, self.surface_panel))
        for _, view in self._dock_views:
            view.set_exposed(False)
        self.lazy_views = {title: LazyView(new_dock(self, title), build) for title, build in (
            (docks.TRAINING, self._build_training_panel),
            (docks.BOUNDARY, lambda: self._build(BOUNDARY_VIEW)),
            (docks.COMPARE, lambda: self._build(COMPARE_VIEW)),
            (docks.GRAPH, lambda: self._build(GRAPH_VIEW)),
            (docks.CONFUSION, lambda: self._build(CONFUSION_VIEW)))}
        self.training_dock, self.boundary_dock, self.compare_dock, self.graph_dock, self.confusion_dock = (
            self.lazy_views[title].dock for title in (docks.TRAINING, docks.BOUNDARY, docks.COMPARE, docks.GRAPH,
                                                 docks.CONFUSION))
        self.lesson_panel = lessons.LessonPanel(session, lessons.make_player(session, self.settings))
        self.lessons_dock = new_dock(self, docks.LESSONS, self.lesson_panel)
        expose(self.lessons_dock, self.lesson_panel)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.recording = RecordControl(self)
        self._build_actions()
        self._build_menus()
        self.controls.record_button.clicked.connect(lambda: self.record())
        self.recording.recordingChanged.connect(self._on_recording_changed)

        self.resize(docks.SIZE)
        self._restore_settings()
        self._on_trainer_replaced()
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setFocus()  # Space and the arrow keys step the network from the start

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dock_views:
            # a posted call: it comes after the paint that showing the window posted
            QTimer.singleShot(0, self._expose_docks)

    def _expose_docks(self) -> None:
        views, self._dock_views = self._dock_views, ()
        for dock, view in views:
            expose(dock, view)

    # ------------------------------------------------------ the docks behind
    def _build(self, where: tuple[str, str]):
        """A view from its module (imported now: start-up need not wait for it)."""
        module, name = where
        view = getattr(importlib.import_module(module), name)(self.session)
        return view, view

    def _build_training_panel(self):
        from nnviz.gui.panels.training_panel import TrainingPanel

        panel = TrainingPanel(self.session)
        panel.sweepRequested.connect(lambda: self.open_sweep())
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return scroll, panel

    # ---------------------------------------------------------------- actions
    def _action(self, text: str, slot, shortcut: str | QKeySequence | None = None,
                icon: str | None = None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon:
            action.setIcon(icons.icon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when menus are hidden
        return action

    def _build_actions(self) -> None:
        s = self.session
        keys = QKeySequence.StandardKey
        self.open_action = self._action(self.tr("&Open snapshot…"), self.open_snapshot, keys.Open, "open")
        self.save_action = self._action(self.tr("&Save snapshot"), self.save_snapshot, keys.Save, "save")
        self.save_as_action = self._action(self.tr("Save snapshot &as…"), self.save_snapshot_as,
                                           keys.SaveAs)
        self.export_action = self._action(self.tr("&Export network image…"), self.export_image, "Ctrl+E", "export")
        self.record_action = self._action(self.tr("&Record…"), self.record, "Ctrl+R", "record",
                                          tip=self.tr("Record what the canvas, the loss surface or the window shows "
                                                      "as an animated GIF or MP4, following what you do"))
        self.export_csv_action = self._action(self.tr("Export loss &history (CSV)…"), self.export_loss_history)
        self.export_surface_action = self._action(self.tr("Export loss s&urface…"), self.export_surface,
                                                  tip=self.tr("The loss surface as a figure (PNG, SVG, ...), as nnviz "
                                                              "surface --out draws it"))
        self.export_code_actions = {
            fmt: self._action(fill(self.tr("%1 script…"), name), lambda checked=False, f=fmt: self.export_code(f),
                              tip=fill(self.tr("A %1 script that trains this network from here as nnviz does and "
                                               "prints the same losses"), name))
            for fmt, name in FORMATS.items()}
        self.export_weights_action = self._action(self.tr("Export &weights (.npz)…"), self.export_weights,
                                                  tip=self.tr("W1, b1, W2, b2, ... and the activations, for NumPy"))
        self.import_weights_action = self._action(self.tr("&Import weights…"), self.import_weights,
                                                  tip=self.tr("A network trained elsewhere: .npz, or a PyTorch "
                                                              "state dict"))
        self.data_action = self._action(self.tr("&Data…"), self.choose_data, "Ctrl+D", "open",
                                        tip=self.tr("A built-in data set or a table of your own; a check split"))
        self.edit_network_action = self._action(self.tr("Edit &network…"), self.edit_network, "Ctrl+Shift+E",
                                                tip=self.tr("Layers, neurons, activations, initialisation and seed"))
        self.training_action = self._action(self.tr("&Training options"), self.show_training_options,
                                            tip=self.tr("Optimizer, batches, loss, schedule, stopping rules"))
        self.sweep_action = self._action(self.tr("Learning-rate &sweep…"), self.open_sweep,
                                         tip=self.tr("Train copies at many learning rates and compare the final "
                                                     "losses"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.play_action = self._action(self.tr("Play / pause"), self.controls.toggle_play, "Space")
        self.next_action = self._action(self.tr("Next micro-step"), lambda: self.controls.step("micro"), "Right")
        self.back_action = self._action(self.tr("Step back"), lambda: s.back(), "Left")
        self.fit_action = self._action(self.tr("&Fit to window"), self.canvas.fit, "Ctrl+0", "fit")
        self.zoom_in_action = self._action(self.tr("Zoom &in"), lambda: self.canvas.zoom_by(1.25), keys.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom &out"), lambda: self.canvas.zoom_by(0.8), keys.ZoomOut)
        self.thumbnails_action = QAction(self.tr("Neuron output &thumbnails"), self, checkable=True)
        self.thumbnails_action.setStatusTip(self.tr("Each neuron's output over the input plane "
                                                    "(networks with 2 inputs)"))
        self.thumbnails_action.toggled.connect(self.canvas.set_show_thumbnails)
        self.comparison_action = QAction(self.tr("Chain &δ vs proportional error"), self, checkable=True)
        self.comparison_action.setStatusTip(self.tr("Under each neuron: its chain-rule delta and its proportional "
                                                    "error (means over the batch); ≠ where some sample's two point "
                                                    "opposite ways"))
        self.comparison_action.toggled.connect(self.canvas.set_show_comparison)
        self.edge_group = QActionGroup(self)
        self.edge_actions: dict[str, QAction] = {}
        for mode in EDGE_MODES:
            action = QAction(translate("MainWindow", EDGE_LABELS[mode]), self, checkable=True)
            action.triggered.connect(lambda checked, m=mode: s.set_edge_mode(m))
            self.edge_group.addAction(action)
            self.edge_actions[mode] = action
        self.edge_actions[s.edge_mode].setChecked(True)
        self.digits_group = QActionGroup(self)
        self.digits_actions: dict[int, QAction] = {}
        for n in DIGIT_CHOICES:
            text = (T_("MainWindow", "%n decimal places (nnviz trace)", n=n) if n == 9
                    else T_("MainWindow", "%n decimal places", n=n))
            action = QAction(text, self, checkable=True)
            action.setStatusTip(self.tr("How every view writes numbers: the canvas, the inspector, the graph, "
                                        "tooltips, the loss curve and the status lines"))
            action.triggered.connect(lambda checked, n=n: s.set_digits(n))
            self.digits_group.addAction(action)
            self.digits_actions[n] = action
        self._on_settings_changed("digits")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        new_menu = file_menu.addMenu(self.tr("&New from preset"))
        for name in presets.names():
            action = new_menu.addAction(f"{name} — {translate('presets', presets.DESCRIPTIONS[name])}")
            action.triggered.connect(lambda checked=False, n=name: self.session.load_preset(n))
        file_menu.addSeparator()
        for a in (self.open_action, self.save_action, self.save_as_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_surface_action)
        file_menu.addAction(self.export_csv_action)
        file_menu.addAction(self.record_action)
        code_menu = file_menu.addMenu(self.tr("Export as &code"))
        for action in self.export_code_actions.values():
            code_menu.addAction(action)
        file_menu.addAction(self.export_weights_action)
        file_menu.addAction(self.import_weights_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view = bar.addMenu(self.tr("&View"))
        edges = view.addMenu(self.tr("Colour &edges by"))
        for action in self.edge_actions.values():
            edges.addAction(action)
        view.addAction(self.thumbnails_action)
        view.addAction(self.comparison_action)
        digits = view.addMenu(self.tr("&Digits"))
        for action in self.digits_actions.values():
            digits.addAction(action)
        view.addSeparator()
        for a in (self.fit_action, self.zoom_in_action, self.zoom_out_action):
            view.addAction(a)
        view.addSeparator()
        for dock in (self.controls_dock, self.inspector_dock, self.graph_dock, self.loss_dock, self.surface_dock,
                     self.training_dock, self.boundary_dock, self.compare_dock, self.confusion_dock,
                     self.lessons_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.language_menu = LanguageMenu(self.settings, self)
        view.addMenu(self.language_menu)

        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self.data_action)
        tools.addAction(self.edit_network_action)
        tools.addAction(self.training_action)
        tools.addAction(self.sweep_action)

        self.guide = lessons.Guide(self, self.lesson_panel, self.lessons_dock)
        bar.addMenu(self.guide.menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1"))
        help_menu.addAction(self._action(self.tr("&About nnviz"), self.show_about))

    def choose_data(self) -> None:
        from nnviz.gui.dialogs.data_dialog import DataDialog

        self.session.pause()
        run_once(DataDialog(self.session, self))

    def edit_network(self) -> None:
        from nnviz.gui.dialogs.network_editor import NetworkEditor

        self.session.pause()
        run_once(NetworkEditor(self.session, self))

    def open_sweep(self) -> None:
        """The learning-rate sweep dialog (one, kept with its last result)."""
        from nnviz.gui.dialogs.sweep_dialog import SweepDialog

        if self.sweep_dialog is None:
            self.sweep_dialog = SweepDialog(self.session, self)
        self.sweep_dialog.show()
        self.sweep_dialog.raise_()
        self.sweep_dialog.activateWindow()

    def show_training_options(self) -> None:
        self.training_dock.show()
        self.training_dock.raise_()

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{translate('MainWindow', v)}</td></tr>"
                       for k, v in SHORTCUTS)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def show_about(self) -> None:
        text = self.tr("Watch a neural network learn by backpropagation, one small step at a time: the forward "
                       "pass, the loss, the error flowing back and the update, with every number visible.")
        QMessageBox.about(self, self.tr("About nnviz"), f"<h3>nnviz {__version__}</h3><p>{text}</p>")

    # ----------------------------------------------------------- display
    def _on_trainer_replaced(self) -> None:
        self.thumbnails_action.setEnabled(self.canvas.thumbnails_available)
        self._update_title()
        self._on_state_changed()

    def _update_title(self) -> None:
        t = self.session.trainer
        name = shown_name(self.session.path) if self.session.path else (t.dataset.name or self.tr("untitled"))
        sizes = "-".join(map(str, t.network.sizes))
        self.setWindowTitle(f"{name} ({sizes}) — nnviz")

    def _on_state_changed(self) -> None:
        t = self.session.trainer
        f = self.session.formatter
        if t.cursor:
            parts = [fill(self.tr("iteration %1"), t.iteration + 1),
                     fill(self.tr("phase: %1"), translate("state", PHASE_NAMES[t.last_step.phase]))]
        else:
            parts = [fill(self.tr("iteration %1"), t.iteration), self.tr("done") if t.iteration else self.tr("ready")]
        loss = t.values.loss
        if loss is not None:
            parts.append(fill(self.tr("loss %1"), f.num(loss)))
        if t.status == "diverged":
            parts.append(self.tr("diverged"))
        self.status_label.setText(" · ".join(parts))
        self.save_action.setEnabled(True)

    def _on_status_changed(self, status: str, message: str) -> None:
        self._on_state_changed()

    def _on_settings_changed(self, name: str) -> None:
        if name == "digits":
            action = self.digits_actions.get(self.session.digits)
            if action is not None:
                action.setChecked(True)
            self._on_state_changed()

    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _on_edge_mode_changed(self, mode: str) -> None:
        self.edge_actions[mode].setChecked(True)

    # ---------------------------------------------------------- persistence
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if not (isinstance(state, QByteArray) and self.restoreState(state)):
            docks.restore_default(self, self.inspector_dock)
        mode = s.value("view/edge_mode", "auto")
        if mode in EDGE_MODES:
            self.session.set_edge_mode(mode)
        try:
            self.session.set_digits(int(s.value("view/digits", self.session.digits)))
        except (TypeError, ValueError):
            pass
        speed = s.value("play/pace", FRAME_PLAY)  # a new key: runs before frame-synced Play kept 10/s
        try:
            self.controls.speed.setValue(self.controls.position_of(speed if speed == FRAME_PLAY else float(speed)))
        except (TypeError, ValueError):
            pass
        unit = s.value("play/unit", self.session.play_unit)
        index = self.controls.unit_box.findData(unit)
        if index >= 0:
            self.controls.unit_box.setCurrentIndex(index)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("view/edge_mode", self.session.edge_mode)
        s.setValue("view/digits", self.session.digits)
        s.setValue("play/pace", self.session.play_speed)
        s.setValue("play/unit", self.session.play_unit)
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.recording.finish_now()
        self.save_settings()
        self.session.close()  # Play, the fork and the race stop
        for view in self.findChildren(QWidget):
            if isinstance(view, SessionView):
                view.detach()
        super().closeEvent(event)
