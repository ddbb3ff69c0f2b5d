"""Recording from the window: the Record button and File ▸ Record…, one frame per click of
Next, frames following Play and Step back, the red indicator, Stop writing the file, and
Cancel or a failed write leaving no partial file."""

from __future__ import annotations

import sys
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from nnviz.gui.dialogs.record_dialog import RecordDialog
from nnviz.gui.recording import RecordOptions
from nnviz.io import animation


def n_frames(path) -> int:
    with Image.open(path) as im:
        return im.n_frames


@pytest.fixture
def ask(window, monkeypatch):
    """Answer the Record dialog with ``ask.options`` and ``ask.path``."""
    class Answer:
        options = RecordOptions(size=(320, 200))
        path = ""

    monkeypatch.setattr(window, "ask_record_options", lambda: (Answer.options, Answer.path))
    return Answer


def stop_and_wait(qtbot, window) -> str:
    with qtbot.waitSignal(window.recording.finished, timeout=20000) as blocker:
        window.controls.record_button.click()
    return blocker.args[0]


def test_one_frame_per_click_of_next_and_stop_writes_the_file(qtbot, window, ask, tmp_path):
    ask.path = str(tmp_path / "lesson.gif")
    button = window.controls.record_button
    button.click()
    assert window.recording.recording and button.isChecked() and button.text() == "Stop"
    assert window.recording.indicator.isVisible() and "1 frame" in window.recording.indicator.text()
    for _ in range(3):
        qtbot.mouseClick(window.controls.next_button, Qt.MouseButton.LeftButton)
    assert len(window.recording.recorder.frames) == 4  # the start and one per click
    assert "4 frames" in window.recording.indicator.text()
    assert stop_and_wait(qtbot, window) == ask.path
    assert not window.recording.recording and not button.isChecked() and button.text() == "Record"
    assert not window.recording.indicator.isVisible()
    assert n_frames(ask.path) == 4
    assert "Recorded 4 frames" in window.statusBar().currentMessage()


def test_file_menu_record_starts_and_stops(qtbot, window, ask, tmp_path):
    ask.path = str(tmp_path / "menu.gif")
    window.record_action.trigger()
    assert window.recording.recording and window.record_action.text() == "Stop &recording"
    # Finish iteration runs seven micro-steps in one command: the window shows one change,
    # and the recording holds what the window showed
    window.controls.iteration_button.click()
    with qtbot.waitSignal(window.recording.finished, timeout=20000):
        window.record_action.trigger()
    assert window.record_action.text() == "&Record…"
    assert n_frames(ask.path) == 2


def test_a_fixed_number_of_frames_stops_by_itself(qtbot, window, ask, tmp_path):
    ask.options = RecordOptions(unit="phase", frames=2, size=(320, 200))
    ask.path = str(tmp_path / "two.gif")
    window.controls.record_button.click()
    window.controls.next_button.click()  # forward 1: the forward phase is not done yet
    assert len(window.recording.recorder.frames) == 1
    window.controls.next_button.click()  # forward 2 ends the phase
    with qtbot.waitSignal(window.recording.finished, timeout=20000):
        window.controls.phase_button.click()  # the loss
    assert not window.recording.recording
    assert n_frames(ask.path) == 3


def test_recording_follows_play_and_step_back(qtbot, window, ask, tmp_path):
    ask.options = RecordOptions(unit="iteration", size=(320, 200))
    ask.path = str(tmp_path / "play.gif")
    s = window.session
    s.set_play_unit("iteration")
    s.set_play_speed(20.0)
    window.controls.record_button.click()
    frames = window.recording.recorder.frames
    s.play()
    qtbot.waitUntil(lambda: s.trainer.iteration >= 3, timeout=10000)
    s.pause()
    assert len(frames) == s.trainer.iteration + 1  # one frame per iteration Play ran
    n = len(frames)
    window.controls.back_button.click()  # back into the last iteration: one iteration fewer done
    assert len(frames) == n + 1
    assert stop_and_wait(qtbot, window) == ask.path


def test_the_loss_surface_is_recorded_at_the_chosen_size(qtbot, window, ask, tmp_path):
    ask.options = RecordOptions(show="surface", unit="iteration", size=(640, 400))
    ask.path = str(tmp_path / "surface.gif")
    window.controls.record_button.click()
    window.controls.iteration_button.click()
    panel_size = window.surface_panel.size()
    frames = window.recording.recorder.frames
    assert len(frames) == 2 and frames.shape == (400, 640)
    assert window.surface_panel.size() == panel_size  # laid out at 640 x 400 only for the grab
    stop_and_wait(qtbot, window)
    assert n_frames(ask.path) == 2


def test_the_whole_window_is_scaled_into_the_frame(qtbot, window, ask, tmp_path):
    ask.options = RecordOptions(show="window", size=(400, 300), caption=True)
    ask.path = str(tmp_path / "window.gif")
    window.controls.record_button.click()
    window.controls.next_button.click()
    assert window.recording.recorder.frames.shape == (300, 400)
    stop_and_wait(qtbot, window)


def test_cancel_while_writing_leaves_the_previous_file(qtbot, window, ask, tmp_path, monkeypatch):
    ask.path = str(tmp_path / "lesson.gif")
    (tmp_path / "lesson.gif").write_bytes(b"last week's recording")
    started = threading.Event()

    def slow_encode(frames, fps, suffix, keep_colours=None, progress=None, should_stop=None):
        started.set()
        window.recording.writer.stop.wait(20)  # until Cancel
        if should_stop():
            raise animation.Cancelled()
        return b"should not be written"

    monkeypatch.setattr(animation, "encode", slow_encode)
    window.controls.record_button.click()
    window.controls.next_button.click()
    window.controls.record_button.click()  # Stop: writing starts in the background
    assert started.wait(20)
    progress = window.recording.progress
    cancel = progress.findChild(QPushButton)
    with qtbot.waitSignal(window.recording.finished, timeout=20000) as blocker:
        cancel.click()
    assert blocker.args == [""]
    assert (tmp_path / "lesson.gif").read_bytes() == b"last week's recording"
    assert [p.name for p in tmp_path.iterdir() if p.name != "nnviz.ini"] == ["lesson.gif"]
    assert "nothing was written" in window.statusBar().currentMessage()


def test_a_failed_write_says_why_and_writes_nothing(qtbot, window, ask, tmp_path, monkeypatch):
    folder = tmp_path / "gone"
    folder.mkdir()
    ask.path = str(folder / "lesson.gif")
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    window.controls.record_button.click()
    folder.rmdir()  # the folder went away while recording
    assert stop_and_wait(qtbot, window) == ""
    assert len(errors) == 1 and "lesson.gif" in errors[0] and "Nothing was written" in errors[0]


def test_the_dialog_refuses_mp4_without_the_extra_with_one_line(qtbot, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "av", None)
    dialog = RecordDialog(str(tmp_path / "lesson.mp4"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisible() and 'pip install "nnviz[video]"' in dialog.error.text()
    dialog.path_edit.setText(str(tmp_path / "lesson"))  # no extension: a GIF
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1 and dialog.path.endswith("lesson.gif")


def test_the_dialog_gives_the_options_chosen(qtbot, tmp_path):
    dialog = RecordDialog(str(tmp_path / "a.gif"), previous=RecordOptions(show="surface", frames=5))
    qtbot.addWidget(dialog)
    assert dialog.options() == RecordOptions(show="surface", frames=5)
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("iteration"))
    dialog.every.setValue(10)
    dialog.until_stopped.setChecked(True)
    dialog.fps.setValue(8)
    dialog.width_box.setValue(640)
    dialog.height_box.setValue(360)
    dialog.caption.setChecked(True)
    assert dialog.options() == RecordOptions(show="surface", unit="iteration", every=10, frames=None, fps=8,
                                             size=(640, 360), caption=True)


def test_a_recording_until_stop_ends_at_the_frame_limit(qtbot, window, ask, tmp_path, monkeypatch):
    """The command line's limit of frames holds in the window too: "until I press Stop"
    ends by itself there, writes the file and says why (memory stays bounded however long
    Play runs)."""
    monkeypatch.setattr("nnviz.gui.recording.MAX_FRAMES", 3)
    ask.path = str(tmp_path / "long.gif")
    notes = []
    window.session.message.connect(notes.append)
    window.controls.record_button.click()
    with qtbot.waitSignal(window.recording.finished, timeout=20000) as blocker:
        for _ in range(10):
            window.session.step("micro")
    assert blocker.args[0] == ask.path and n_frames(ask.path) == 4
    assert any("limit of 3 frames after the first" in n for n in notes)


@pytest.mark.parametrize("field, limit", [("frames", animation.MAX_FRAMES), ("every", animation.MAX_EVERY)])
def test_the_dialog_allows_what_the_command_line_allows(qtbot, tmp_path, field, limit):
    dialog = RecordDialog(str(tmp_path / "r.gif"))
    qtbot.addWidget(dialog)
    assert getattr(dialog, field).maximum() == limit
    assert (dialog.fps.minimum(), dialog.fps.maximum()) == (animation.MIN_FPS, animation.MAX_FPS)


def test_dragging_the_learning_rate_is_recorded(qtbot, window, ask, tmp_path):
    """The rate lesson is recorded as it is taught: a drag of the slider adds frames (one
    per RATE_FRAME_MS at the most, however many positions it passes), with no step taken."""
    from PySide6.QtCore import QPoint

    from nnviz.gui.controls.lr_slider import slider_x

    ask.options = RecordOptions(show="surface", size=(320, 240))
    ask.path = str(tmp_path / "drag.gif")
    window.controls.record_button.click()
    recorder = window.recording.recorder
    assert len(recorder.frames) == 1
    control = window.controls.learning_rate
    slider = control.slider
    y = slider.height() // 2
    start, end = QPoint(round(slider_x(slider, control.value)), y), QPoint(round(slider_x(slider, 5.0)), y)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 11):
        qtbot.mouseMove(slider, start + (end - start) * k / 10)
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=end)
    assert window.session.trainer.learning_rate > 1 and window.session.trainer.iteration == 0
    qtbot.waitUntil(lambda: len(recorder.frames) >= 2 and not recorder._rate_frame.isActive())
    n = len(recorder.frames)
    assert n <= 1 + 10  # never more than one a position passed (one per interval)
    window.session.set_learning_rate(0.1)
    window.session.set_learning_rate(0.2)
    qtbot.waitUntil(lambda: len(recorder.frames) == n + 1)  # two changes within the interval: one frame
    assert stop_and_wait(qtbot, window) == ask.path
    assert n_frames(ask.path) == n + 1
