import json
import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QDialog

from nnviz.gui.main_window import MainWindow
from nnviz.gui.widgets.formula import plain_text


def same_state(a, b):
    return (all(np.array_equal(x, y) for x, y in zip(a.network.weights + a.network.biases,
                                                     b.network.weights + b.network.biases))
            and a.cursor == b.cursor and a.iteration == b.iteration
            and a.loss_history == b.loss_history and a.learning_rate == b.learning_rate)


def test_save_through_the_menu_then_open_in_a_fresh_window(qtbot, window, tmp_path, settings, monkeypatch,
                                                          make_session):
    path = tmp_path / "run.json"
    window.controls.step("iteration")
    for _ in range(3):
        window.controls.step("micro")
    window.session.set_learning_rate(0.75)
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(path))
    window.save_snapshot_as()
    assert path.exists()
    assert json.loads(path.read_text())["format"] == "nnviz-snapshot"

    other = MainWindow(make_session("xor"), settings)
    qtbot.addWidget(other)
    monkeypatch.setattr(other, "ask_open_path", lambda *a, **k: str(path))
    other.open_snapshot()
    assert same_state(other.session.trainer, window.session.trainer)
    assert "run.json" in other.windowTitle()
    # Both carry on identically.
    window.session.step("iteration")
    other.session.step("iteration")
    assert same_state(other.session.trainer, window.session.trainer)


def test_opening_a_bad_file_shows_one_line_and_keeps_the_network(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nnviz-snapshot", "version": 1, "network": {"sizes": [2, 2, 2], '
                   '"activations": ["sigmoid", "sigmoid"], "weights": [[[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6]]], '
                   '"biases": [[0, 0], [0, 0]]}, "dataset": {"inputs": [[0, 0]], "targets": [[0, 0]]}}')
    trainer = window.session.trainer
    window.controls.step("iteration")
    errors = []
    monkeypatch.setattr(window, "ask_open_path", lambda *a, **k: str(bad))
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    window.open_snapshot()
    assert len(errors) == 1
    assert "network.weights[1]: expected shape (2, 2), got (2, 3)" in errors[0]
    assert "\n" not in errors[0]
    assert window.session.trainer is trainer and trainer.iteration == 1


def test_saving_to_an_unwritable_place_says_so_and_loses_nothing(window, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me")
    target = blocker / "run.json"  # its folder is a file: cannot be written
    errors = []
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(target))
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    assert window.save_snapshot_as() is False
    assert len(errors) == 1 and "cannot write" in errors[0]
    assert blocker.read_text() == "keep me"
    assert window.session.path is None


def test_export_network_image_png_and_svg(window, tmp_path, monkeypatch):
    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    monkeypatch.setattr(window, "ask_image_size", lambda: (640, 400))
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(png))
    window.export_action.trigger()
    image = QImage(str(png))
    assert not image.isNull() and (image.width(), image.height()) == (640, 400)
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(svg))
    window.export_image()
    assert "<svg" in svg.read_text()


def test_export_network_image_as_jpeg_writes_that_name(window, tmp_path, monkeypatch):
    out = tmp_path / "net.jpg"
    monkeypatch.setattr(window, "ask_image_size", lambda: (640, 400))
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(out))
    window.export_image()
    assert [p.name for p in tmp_path.iterdir()] == ["net.jpg"]  # not net.jpg.png
    assert bytes(QImageReader(str(out)).format()) == b"jpeg"


def test_export_network_image_with_an_unknown_ending_says_so(window, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(tmp_path / "net.foo"))
    monkeypatch.setattr(window, "ask_image_size", lambda: pytest.fail("no size asked for a file that cannot be written"))
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    window.export_image()
    assert len(errors) == 1 and "net.foo" in errors[0] and ".png" in errors[0] and "\n" not in errors[0]
    assert list(tmp_path.iterdir()) == []


def test_export_loss_surface_draws_the_panels_figure(qtbot, window, tmp_path, monkeypatch):
    """File ▸ Export loss surface: the figure of ``nnviz surface --out`` (the same
    renderer), of what the panel shows, look-ahead included."""
    panel = window.surface_panel
    for _ in range(4):
        window.session.step("iteration")
    qtbot.waitUntil(lambda: panel.loss.size > 0 and panel.look.result is not None
                    and not panel._refresh_throttle.pending)
    png, svg = tmp_path / "surface.png", tmp_path / "surface.svg"
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(png))
    window.export_surface_action.trigger()
    image = QImage(str(png))
    assert not image.isNull() and (image.width(), image.height()) == (1000, 760)
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(svg))
    window.export_surface()
    text = svg.read_text(encoding="utf-8")
    t = window.session.trainer
    for axis in panel.axes:
        assert f">{t.network.display_name(axis)} ({axis})" in text
    assert f"next 30 steps at rate {t.learning_rate:g}: {panel.look.result.status}" in text
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(tmp_path / "surface.foo"))
    window.export_surface()
    assert len(errors) == 1 and "surface.foo" in errors[0]
    assert not (tmp_path / "surface.foo").exists()


def test_export_loss_history_csv(window, tmp_path, monkeypatch):
    out = tmp_path / "loss.csv"
    for _ in range(3):
        window.session.step("iteration")
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(out))
    window.export_csv_action.trigger()
    rows = out.read_text().strip().splitlines()
    assert rows[0].startswith("iteration,loss")
    assert len(rows) == 4
    assert float(rows[1].split(",")[1]) == window.session.trainer.loss_history[0]


def test_keyboard_shortcuts_step_and_play(qtbot, window):
    t = window.session.trainer
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert t.cursor == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert t.cursor == 1
    window.session.set_play_speed(float("inf"))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.playing
    qtbot.waitUntil(lambda: t.iteration > 10, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.session.playing


def test_status_bar_shows_iteration_phase_and_loss(window):
    for _ in range(4):
        window.session.step("micro")
    text = window.status_label.text()
    assert "iteration 1" in text and "phase: Backward" in text and "loss 0.2984" in text
    window.digits_actions[9].trigger()  # View ▸ Digits
    assert "loss 0.298371109" in window.status_label.text()


def test_the_digits_setting_is_kept_between_runs(qtbot, window, settings, make_session):
    assert window.digits_actions[4].isChecked()  # the default
    window.digits_actions[6].trigger()
    assert window.session.digits == 6
    window.close()
    other = MainWindow(make_session("xor"), settings)
    qtbot.addWidget(other)
    assert other.session.digits == 6 and other.digits_actions[6].isChecked()


def test_docks_can_be_closed_and_restored(qtbot, window):
    window.loss_dock.toggleViewAction().trigger()
    assert not window.loss_dock.isVisible()
    window.loss_dock.toggleViewAction().trigger()
    assert window.loss_dock.isVisible()


def test_layout_and_settings_persist(qtbot, window, settings, make_session):
    window.session.set_edge_mode("gradients")
    window.inspector_dock.close()
    window.close()
    again = MainWindow(make_session("mazur"), settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.session.edge_mode == "gradients"
    assert again.edge_actions["gradients"].isChecked()
    assert not again.inspector_dock.isVisible()


def test_new_from_preset_menu(window):
    menu = window.menuBar().actions()[0].menu()
    new_menu = menu.actions()[0].menu()
    xor = next(a for a in new_menu.actions() if a.text().startswith("xor"))
    xor.trigger()
    assert window.session.trainer.network.sizes == [2, 4, 1]
    assert "xor" in window.windowTitle()


def test_keys_step_the_network_as_soon_as_the_window_opens(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Right)
    assert window.session.trainer.cursor == 1


def test_training_options_and_network_editor_are_reachable_from_the_window(qtbot, window, monkeypatch):
    window.training_action.trigger()
    assert window.training_dock.isVisible()
    opened = []
    monkeypatch.setattr("nnviz.gui.dialogs.network_editor.NetworkEditor.exec", lambda self: opened.append(self) or 0)
    window.edit_network_action.trigger()
    assert len(opened) == 1 and opened[0].session is window.session


def test_the_teaching_views_are_docks_of_the_window(qtbot, window):
    for dock in (window.boundary_dock, window.compare_dock):
        dock.show()
        dock.raise_()
        assert dock.isVisible()
    window.session.step("iteration")
    qtbot.waitUntil(lambda: window.compare_panel.isVisible())


def test_the_data_dialog_is_reachable_from_the_window(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr("nnviz.gui.dialogs.data_dialog.DataDialog.exec", lambda self: opened.append(self) or 0)
    window.data_action.trigger()
    assert len(opened) == 1 and opened[0].session is window.session


def test_the_sweep_is_reachable_from_the_training_options(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_sweep", lambda: opened.append(True))
    qtbot.mouseClick(window.training_panel.sweep_button, Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_view_menu_turns_on_the_canvas_overlays(qtbot, window):
    window.comparison_action.trigger()
    assert window.canvas.show_comparison
    window.session.load_preset("xor")
    assert window.thumbnails_action.isEnabled()
    window.thumbnails_action.trigger()
    assert window.canvas.show_thumbnails
    window.session.load_preset("sine")  # one input: no thumbnails
    assert not window.thumbnails_action.isEnabled()


def test_the_inspector_agrees_with_the_step_controls_whenever_the_window_is_idle(qtbot, window, monkeypatch):
    """Issue 16: during Play the inspector said "iteration 87 complete" while the controls
    said 89 done. Play at a speed that leaves the window idle between steps: when the
    next step comes, both show the same iteration."""
    s = window.session
    seen = []
    tick = s.model.tick

    def look_then_tick():  # the window has been idle since the last step
        if s.trainer.iteration:
            seen.append((window.controls.phase_label.text(), plain_text(window.inspector.header.text())))
        tick()

    monkeypatch.setattr(s.model, "tick", look_then_tick)
    s.set_play_speed(20)
    assert s.play()
    qtbot.waitUntil(lambda: len(seen) >= 6, timeout=10000)
    s.pause()
    for controls, inspector in seen:
        n = re.fullmatch(r"Iteration (\d+) done", controls).group(1)
        assert f"iteration {n} complete" in inspector, (controls, inspector)


def test_a_dialog_is_deleted_once_answered(qtbot, window, monkeypatch):
    """Each Data…, Edit network… and so on made a dialog that lived on as a child of the
    window with what it had loaded (a data file's table): a long session grew."""
    from nnviz.gui.dialogs.data_dialog import DataDialog
    from nnviz.gui.dialogs.network_editor import NetworkEditor

    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    for _ in range(3):
        window.data_action.trigger()
        window.edit_network_action.trigger()
        window.surface_panel.ask_fork()
    qtbot.waitUntil(lambda: not window.findChildren(DataDialog) and not window.findChildren(NetworkEditor)
                    and not window.surface_panel.findChildren(QDialog))
