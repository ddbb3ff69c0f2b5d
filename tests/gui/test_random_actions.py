"""Random clicking (issue 12): a seeded sequence of actions through the window's menus,
buttons, fields, keys and canvas, every modal dialog answered by the same generator, and
checks along the way.

It fails on any exception raised in the window (pytest-qt's capture of what reaches
``sys.excepthook``), any Qt warning, or a broken invariant (checked every CHECK_EVERY
actions): the status bar, the step controls and the inspector say where the trainer
stands; every number the trainers keep is finite (also after a divergence) and saves;
a micro-step, Step back and the micro-step again give the same bits. The failure names
the seed, the action's number and the actions before it.

Play, the race and the fork's catch-up advance only by the ticks each action allows
(through the session's timer), and the session's clock is a counter, so a seed repeats
the same run. The normal suite runs a short sequence; a release check runs long ones:

    NNVIZ_RANDOM_ACTIONS=20000 NNVIZ_RANDOM_SEEDS=1,2,3 pytest tests/gui/test_random_actions.py
"""

from __future__ import annotations

import os
import random
import threading
import traceback
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox,
                               QDialog, QDialogButtonBox, QDockWidget, QFileDialog, QInputDialog, QLineEdit,
                               QMenu, QMessageBox, QScrollBar, QWidget)

from nnviz.app.session import Session
from nnviz.core import presets
from nnviz.gui.controls.step_controls import phase_text
from nnviz.gui.main_window import MainWindow
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets.formula import plain_text
from nnviz.io import snapshot

ACTIONS = int(os.environ.get("NNVIZ_RANDOM_ACTIONS", "300"))
SEEDS = [int(s) for s in os.environ.get("NNVIZ_RANDOM_SEEDS", "12").split(",")]
CHECK_EVERY = 20
TICK_WAIT_MS = 20_000  # the longest a granted tick or a background job may take (a hang fails)
# what a user may type into any number field
TYPED = ["0.5", "10", "1e-4", "0.0001", "3", "-1", "0", "-0", "1e308", "-1e308", "1e309", "nan", "NaN", "inf",
         "-inf", "1e-320", "99999999999999999999999", "", " ", "abc", "1,5", "0x10", "1e", "2.5e-3", "7", "100"]
# Qt's own notes that say nothing about nnviz
BOX = "message box: "
HARMLESS = ("This plugin does not support", "QFont::setPointSizeF", "propagateSizeHints")


class Clock:
    """The session's clock: each reading is a millisecond later than the last."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.001
        return self.now


class Monkey:
    """Takes random actions in ``window`` and answers its dialogs from one generator."""

    def __init__(self, window: MainWindow, qtbot, tmp_path: Path, seed: int) -> None:
        self.window, self.qtbot, self.tmp = window, qtbot, tmp_path
        self.session = window.session
        self.rng = random.Random(seed)
        self.seed = seed
        self.log: list[str] = []
        self.messages: list[str] = []  # what the status bar and the message boxes said
        self.checked = 0  # messages checked so far
        self.allowance = 0  # timer ticks the session may still take
        self.saved: list[Path] = []  # files the window wrote, to open again
        self.session.message.connect(self.messages.append)
        real_tick = self.session.model.tick

        def tick() -> None:
            if self.allowance > 0:
                self.allowance -= 1
                real_tick()

        self.session.model.tick = tick
        self.fifo = tmp_path / "pipe"
        os.mkfifo(self.fifo)
        # a reader that wrongly opened the FIFO would release this writer (checked at the end)
        self.fifo_writer = threading.Thread(target=lambda: open(self.fifo, "wb").close(), daemon=True)
        self.fifo_writer.start()
        (tmp_path / "folder").mkdir()
        (tmp_path / "bad.json").write_text('{"format": "nnviz-snapshot", "version": 1, "network": 3}')
        (tmp_path / "empty.csv").write_text("")
        (tmp_path / "data.csv").write_text("x1;x2;y\n0,1;0,2;1\n0,5;-0,3;0\n1;1;1\n")
        with open(tmp_path / "huge.csv", "wb") as f:  # sparse: over the data limit, no disk used
            f.truncate(300 * 2**20)
        readonly = tmp_path / "readonly.json"
        readonly.write_text("{}")
        readonly.chmod(0o444)
        self.odd_paths = [tmp_path / "folder", self.fifo, tmp_path / "missing" / "x.json", tmp_path / "bad.json",
                          tmp_path / "empty.csv", tmp_path / "huge.csv", readonly, Path("/proc/nnviz.json"),
                          tmp_path / "line\nbreak.json", tmp_path / "folder" / "", Path("/dev/zero")]

    # ------------------------------------------------------------ answers
    def note(self, text: str) -> None:
        self.log.append(text)

    def choose(self, options):
        return options[self.rng.randrange(len(options))]

    def open_path(self, *args, **kwargs) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.15:
            path = ""
        elif r < 0.55 and self.saved:
            path = str(self.choose(self.saved))
        elif r < 0.7:
            path = str(self.tmp / "data.csv")
        else:
            path = str(self.choose(self.odd_paths))
        self.note(f"  open path -> {path!r}")
        return path, ""

    def save_path(self, *args, **kwargs) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.1:
            path = ""
        elif r < 0.75:
            ending = self.choose([".json", ".png", ".svg", ".jpg", ".csv", ".npz", ".py", ".gif", ".foo", ""])
            path = str(self.tmp / f"out{self.rng.randrange(6)}{ending}")
            self.saved.append(Path(path))
        else:
            path = str(self.choose(self.odd_paths))
        self.note(f"  save path -> {path!r}")
        return path, ""

    def question(self, *args, **kwargs):
        answer = self.choose([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
        self.note(f"  question -> {answer.name}")
        return answer

    def message_box(self, parent, title, text, *args, **kwargs):
        self.messages.append(f"{BOX}{title}: {text}")
        self.note(f"  message box {title!r}")
        return QMessageBox.StandardButton.Ok

    def get_double(self, parent, title, label, value, low, high, decimals, *args, **kwargs):
        ok = self.rng.random() < 0.8
        typed = self.choose([low, high, 0.0, -0.0, value * 2, value, self.rng.uniform(-5, 5), 1e-300])
        self.note(f"  number -> {typed!r} ({'ok' if ok else 'cancel'})")
        return min(max(typed, low), high), ok

    def run_dialog(self, dialog: QDialog) -> int:
        """``QDialog.exec``: change a few of the dialog's fields, then OK or Cancel."""
        self.note(f"  dialog {type(dialog).__name__}")
        for _ in range(self.rng.randrange(6)):
            widgets = [w for w in interactive(dialog) if w.isVisibleTo(dialog) and not in_button_box(w)]
            if widgets:
                self.poke(self.choose(widgets))
        box = next(iter(dialog.findChildren(QDialogButtonBox)), None)
        ok = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
        if self.rng.random() < 0.75:
            self.note("  -> OK")
            if ok is not None:
                ok.click()
            else:
                dialog.accept()
        if dialog.result() != QDialog.DialogCode.Accepted:
            self.note("  -> Cancel")
            dialog.reject()
        return dialog.result()

    # ------------------------------------------------------------ pokes
    def type_into(self, widget: QWidget, text: str) -> None:
        """Select what the field holds, type ``text`` over it, press Return."""
        widget.selectAll()
        self.qtbot.keyClicks(widget, text)
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)

    def poke(self, w: QWidget) -> None:
        """What a user does with a widget of that kind."""
        name = w.objectName() or type(w).__name__
        label = w.text() if isinstance(w, QAbstractButton) else ""
        if isinstance(w, QAbstractButton):
            self.note(f"  click {name} {label!r}")
            w.click()
        elif isinstance(w, QComboBox):
            items = [i for i in range(w.count()) if w.model().flags(w.model().index(i, 0)) & Qt.ItemFlag.ItemIsEnabled]
            if items:
                i = self.choose(items)
                self.note(f"  choose {name} {w.itemText(i)!r}")
                w.setCurrentIndex(i)
                w.activated.emit(i)
        elif isinstance(w, QAbstractSpinBox):
            r = self.rng.random()
            if r < 0.6:
                text = self.choose(TYPED)
                self.note(f"  type {name} {text!r}")
                self.type_into(w, text)
            else:
                steps = self.choose([1, -1, 10, -10])  # arrows, Page Up and Down
                self.note(f"  step {name} {steps}")
                w.stepBy(steps)
        elif isinstance(w, QAbstractSlider):
            value = self.choose([w.minimum(), w.maximum(), self.rng.randint(w.minimum(), w.maximum())])
            self.note(f"  slide {name} {value}")
            w.setValue(value)
        elif isinstance(w, QLineEdit):
            text = self.choose(TYPED)
            self.note(f"  type {name} {text!r}")
            self.type_into(w, text)

    # ------------------------------------------------------------ ticks
    def allow_ticks(self, n: int) -> None:
        """Let the session's timer run ``n`` ticks (Play, the race, the fork catching up)."""
        s = self.session
        self.allowance = n
        self.qtbot.waitUntil(lambda: self.allowance == 0 or not s.ticking, timeout=TICK_WAIT_MS)
        self.allowance = 0

    def settle(self) -> None:
        """Let posted events run; wait for a sweep to end (cancelled when it is long)."""
        QApplication.processEvents()
        dialog = self.window.sweep_dialog
        if dialog is not None and dialog.running:
            if dialog.job.total and dialog.job.total > 20_000 or self.rng.random() < 0.3:
                self.note("  cancel the sweep")
                dialog.cancel()
            self.qtbot.waitUntil(lambda: not dialog.running, timeout=TICK_WAIT_MS)
            QApplication.processEvents()


def interactive(root: QWidget) -> list[QWidget]:
    """The widgets of ``root`` a user types into, clicks or drags (enabled)."""
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit)
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds) or isinstance(w, QScrollBar) or not w.isEnabled():
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the spin box or combo box itself is poked
        found.append(w)
    return found


def in_button_box(w: QWidget) -> bool:
    return isinstance(w.parent(), QDialogButtonBox)


# ================================================================ the actions
def act_step(m: Monkey) -> None:
    c = m.window.controls
    m.poke(m.choose([c.next_button, c.next_button, c.phase_button, c.iteration_button, c.back_button]))


def act_key(m: Monkey) -> None:
    key = m.choose([Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Space])
    m.note(f"  key {key.name}")
    m.qtbot.keyClick(m.window, key)


def act_reset(m: Monkey) -> None:
    m.poke(m.window.controls.reset_button)


def act_play(m: Monkey) -> None:
    c = m.window.controls
    if m.rng.random() < 0.5:
        m.poke(c.speed) if m.rng.random() < 0.3 else c.speed.setValue(m.rng.randint(60, c.speed.maximum()))
    if m.rng.random() < 0.3:
        m.poke(c.unit_box)
    if m.rng.random() < 0.6:
        m.poke(c.play_button)
    n = m.rng.randint(1, 8) if m.session.tick_interval_ms() <= 40 else 1
    m.note(f"  {n} ticks")
    m.allow_ticks(n)


def act_rate(m: Monkey) -> None:
    lr = m.window.controls.learning_rate
    if m.rng.random() < 0.5:
        value = m.choose([lr.slider.minimum(), lr.slider.maximum(), m.rng.randint(0, lr.slider.maximum())])
        m.note(f"  rate slider {value}")
        lr.slider.setValue(value)
    else:
        m.poke(lr.box)


def act_training_option(m: Monkey) -> None:
    p = m.window.training_panel
    m.poke(m.choose([p.optimizer_combo, p.optimizer_combo, p.batch_combo, p.batch_size_spin, p.shuffle_check,
                     p.loss_combo, p.backprop_combo, p.freeze_biases_check, p.until_loss_check, p.until_loss_spin,
                     p.max_iter_check, p.max_iter_spin, *p.param_spins.values(), *p.schedule_spins.values(),
                     *([p.schedule_combo] if p.schedule_combo else [])]))


def act_lesson(m: Monkey) -> None:
    p = m.window.training_panel
    m.poke(m.choose([p.zeros_button, p.large_button, p.restore_button]))


def act_preset(m: Monkey) -> None:
    name = m.choose(presets.names())
    m.note(f"  preset {name}")
    m.session.load_preset(name)


def act_timeline(m: Monkey) -> None:
    panel = m.window.canvas_panel
    m.poke(m.choose([panel.timeline, panel.timeline, panel.live_button, panel.sample_box]))


def act_canvas(m: Monkey) -> None:
    canvas = m.window.canvas
    net = m.session.trainer.network
    r = m.rng.random()
    if r < 0.45:
        p = m.choose(list(net.params()))
        point = canvas.edge_midpoint(p.name) if p.kind == "W" else canvas.neuron_center(p.layer, p.row)
        how = m.choose(["click", "click", "double-click", "right-click"])
        m.note(f"  {how} {p.name}")
        if how == "click":
            m.qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point.toPoint())
        elif how == "double-click":
            m.qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point.toPoint())
        else:
            menu = canvas.open_context_menu(point)
            if menu is not None:
                actions = [a for a in menu.actions() if not a.isSeparator() and a.isEnabled()]
                action = m.choose(actions) if actions and m.rng.random() < 0.8 else None
                m.note(f"  menu -> {action.text() if action else 'closed'}")
                menu.close()
                if action is not None:
                    action.trigger()
    elif r < 0.7:
        layer = m.rng.randrange(len(net.sizes))
        unit = m.rng.randrange(net.sizes[layer])
        m.note(f"  click neuron {layer},{unit}")
        m.qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.neuron_center(layer, unit).toPoint())
    elif r < 0.85:
        factor = m.choose([0.5, 0.8, 1.25, 2.0, 8.0, 0.05])
        m.note(f"  zoom {factor}")
        canvas.zoom_by(factor)
    else:
        a = QPoint(m.rng.randrange(canvas.width()), m.rng.randrange(canvas.height()))
        b = QPoint(m.rng.randrange(canvas.width()), m.rng.randrange(canvas.height()))
        m.note(f"  drag {a.toTuple()} -> {b.toTuple()}")
        m.qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=a)
        m.qtbot.mouseMove(canvas, b)
        m.qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=b)


def act_sweep(m: Monkey) -> None:
    m.window.open_sweep()
    d = m.window.sweep_dialog
    d.count.setValue(m.rng.randint(2, 30))
    d.iterations.setValue(m.choose([1, 5, 20, 100]))
    m.note(f"  sweep {d.count.value()} rates x {d.iterations.value()}")
    m.poke(d.run_button)
    if m.rng.random() < 0.4:
        m.poke(d.cancel_button)
    m.qtbot.waitUntil(lambda: not d.running, timeout=TICK_WAIT_MS)
    QApplication.processEvents()
    if m.rng.random() < 0.5:
        m.poke(d.use_best_button)
    if m.rng.random() < 0.5:
        m.poke(d.close_button)


def act_fork(m: Monkey) -> None:
    c = m.window.surface_panel.controls
    m.poke(m.choose([c.fork_button, c.fork_button, c.unfork_button]))
    m.allow_ticks(m.rng.randint(0, 3))


def act_race(m: Monkey) -> None:
    p = m.window.compare_panel
    m.window.compare_dock.show()
    m.window.compare_dock.raise_()
    if m.rng.random() < 0.3:
        p.iterations_box.setValue(m.choose([1, 10, 200, p.iterations_box.maximum()]))
    m.poke(m.choose([p.race_button, p.race_button, p.cancel_button]))
    m.allow_ticks(m.rng.randint(1, 6))


def act_edges(m: Monkey) -> None:
    action = m.choose(list(m.window.edge_actions.values()) + [m.window.thumbnails_action,
                                                              m.window.comparison_action])
    m.note(f"  menu {action.text()!r}")
    action.trigger()


def act_dock(m: Monkey) -> None:
    dock = m.choose(m.window.findChildren(QDockWidget))
    if m.rng.random() < 0.6:
        m.note(f"  show {dock.windowTitle()}")
        dock.show()
        dock.raise_()
    else:
        m.note(f"  toggle {dock.windowTitle()}")
        dock.toggleViewAction().trigger()


def act_menu(m: Monkey) -> None:
    actions = [a for a in menu_actions(m.window.menuBar().actions()) if a is not m.window.quit_action]
    action = m.choose(actions)
    if action.isEnabled():
        m.note(f"  menu {action.text()!r}")
        action.trigger()


def act_anything(m: Monkey) -> None:
    roots = [m.window] + [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not m.window
                          and not isinstance(w, QMenu)]
    widgets = [w for root in roots for w in interactive(root) if w.isVisible()]
    if widgets:
        m.poke(m.choose(widgets))


def menu_actions(actions):
    for a in actions:
        if a.menu() is not None:
            yield from menu_actions(a.menu().actions())
        elif not a.isSeparator():
            yield a


ACTIONS_BY_WEIGHT = [(act_step, 12), (act_key, 3), (act_reset, 1), (act_play, 6), (act_rate, 4),
                     (act_training_option, 5), (act_lesson, 1), (act_preset, 1), (act_timeline, 3),
                     (act_canvas, 5), (act_sweep, 1), (act_fork, 2), (act_race, 1), (act_edges, 2), (act_dock, 3),
                     (act_menu, 4), (act_anything, 10)]


# ================================================================ the checks
def check_views_agree(window: MainWindow) -> None:
    """The status bar, the step controls and the inspector say where the trainer stands."""
    t = window.session.trainer
    n = len(t.steps)
    shown = t.iteration + (1 if t.cursor else 0)
    assert window.controls.counter_label.text().startswith(f"iteration {shown}")
    assert window.controls.phase_label.text() == phase_text(t)
    assert window.status_label.text().startswith(f"iteration {shown}")
    header = plain_text(window.inspector.header.text()) if window.inspector.text() else ""
    if t.cursor:
        where = f"iteration {t.iteration + 1} · {t.cursor} of {n} micro-steps done"
    elif t.iteration:
        where = f"iteration {t.iteration} complete"
    else:
        where = "before the first iteration"
    assert where in header, (where, header)
    # the rate as typed, or as the trainer's rate is shown (4 digits)
    assert float(window.controls.learning_rate.box.text()) == pytest.approx(t.learning_rate, rel=1e-3)


def check_finite(trainer, what: str) -> None:
    """Every number the trainer keeps is finite (after a divergence too) and saves."""
    arrays = list(trainer.network.weights) + list(trainer.network.biases) + list(trainer.trajectory)
    arrays += [a for a in trainer.training_state().opt_state if a is not None]
    for a in arrays:
        assert np.isfinite(a).all(), f"{what}: a kept array is not finite ({trainer.status})"
    assert all(np.isfinite(trainer.loss_history)), f"{what}: loss history"
    snapshot.dumps(trainer)  # raises on anything that cannot be saved


def check_step_back(window: MainWindow) -> None:
    """A micro-step, Step back and the micro-step again: the same bits each way."""
    s = window.session
    t = s.trainer
    if t.status == "diverged" or s.viewing_past:
        return
    before = snapshot.dumps(t)
    if not s.step("micro") or t.status == "diverged":
        return
    after = snapshot.dumps(t)
    assert s.back(), "Step back refused right after a step"
    assert snapshot.dumps(t) == before, "Step back did not restore the state before the step"
    assert s.step("micro")
    assert snapshot.dumps(t) == after, "the micro-step again gave other bits"


def check_messages(m: Monkey) -> str | None:
    """What the window said since the last check: a status bar message is one line, and
    no message holds a control character (user text, a file name, comes escaped); a
    message box may break its text into lines."""
    new, m.checked = m.messages[m.checked:], len(m.messages)
    for text in new:
        box = text.startswith(BOX)
        if any(not (c.isprintable() or c == " " or (box and c == "\n")) for c in text):
            return f"a message with a raw control character: {text!r}"
    return None


def check_all(m: Monkey) -> None:
    QApplication.processEvents()
    w = m.window
    check_views_agree(w)
    check_finite(w.session.trainer, "main run")
    for run in w.session.forks:
        check_finite(run.trainer, "fork")
    check_step_back(w)
    QApplication.processEvents()
    w.grab()  # every view paints


# ================================================================ the test
@pytest.fixture
def random_window(qtbot, tmp_path, settings, monkeypatch):
    session = QtSession(Session(presets.load("mazur"), clock=Clock()))
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    session.close()


@pytest.mark.filterwarnings("error::RuntimeWarning")  # pyqtgraph's too: NaN or overflow given to a plot
@pytest.mark.parametrize("seed", SEEDS)
def test_random_actions(random_window, qtbot, qtlog, tmp_path, monkeypatch, seed):
    monkeypatch.chdir(tmp_path)  # a name typed without a folder is written here
    m = Monkey(random_window, qtbot, tmp_path, seed)
    for name in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(m.message_box))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(m.question))
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(m.get_double))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(m.open_path))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(m.save_path))
    monkeypatch.setattr(QDialog, "exec", lambda dialog: m.run_dialog(dialog))
    actions, weights = zip(*ACTIONS_BY_WEIGHT)
    with qtbot.captureExceptions() as exceptions:
        for k in range(ACTIONS):
            action = m.rng.choices(actions, weights)[0]
            m.note(f"{k}: {action.__name__}")
            try:
                action(m)
                m.settle()
                if (k + 1) % CHECK_EVERY == 0:
                    check_all(m)
            except BaseException as exc:
                pytest.fail(report(m, k, f"{type(exc).__name__}: {exc}"), pytrace=True)
            bad_message = check_messages(m)
            warnings = [r.message for r in qtlog.records
                        if r.type.name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")
                        and not any(h in r.message for h in HARMLESS)]
            if exceptions or warnings or bad_message:
                text = ("".join(traceback.format_exception(*exceptions[0])) if exceptions
                        else f"Qt warning: {warnings[0]}" if warnings else bad_message)
                pytest.fail(report(m, k, text), pytrace=False)
        check_all(m)
    assert m.fifo_writer.is_alive(), "the FIFO was opened for reading"
    fd = os.open(m.fifo, os.O_RDONLY | os.O_NONBLOCK)  # lets the writer go
    m.fifo_writer.join(timeout=10)
    os.close(fd)


def report(m: Monkey, k: int, what: str) -> str:
    recent = "\n".join(m.log[-40:])
    return f"seed {m.seed}, action {k}: {what}\nthe actions before it:\n{recent}"
