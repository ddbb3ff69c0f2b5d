"""The window's Open and Data dialogs read through nnviz.io's bounded reader: a FIFO or
/dev/zero is refused with one line (nothing blocks, memory does not grow) and the
network is kept."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from nnviz.gui.dialogs.data_dialog import DataDialog


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_open_refuses_what_is_not_a_file_and_keeps_the_network(window, monkeypatch, request, special):
    path = request.getfixturevalue("fifo") if special == "fifo" else special
    trainer = window.session.trainer
    errors = []
    monkeypatch.setattr(window, "ask_open_path", lambda *a, **k: path)
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    window.open_snapshot()
    kind = "a FIFO" if special == "fifo" else "a device"
    assert errors == [f"{path}: not a regular file ({kind}), expected a snapshot file"]
    assert window.session.trainer is trainer


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_data_dialog_refuses_what_is_not_a_file(qtbot, session, request, special):
    path = request.getfixturevalue("fifo") if special == "fifo" else special
    old = session.trainer
    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    dialog.choose_file(path)
    kind = "a FIFO" if special == "fifo" else "a device"
    assert dialog.error_text() == f"{path}: not a regular file ({kind}), expected a data file"
    assert not dialog.ok_button.isEnabled() and session.trainer is old


# ====================================== every path the window takes, at odd places
@pytest.fixture
def odd_place(tmp_path):
    """``odd_place(kind, suffix)``: a path of that kind ending in ``suffix``; a regular
    file there holds b'the earlier file'. A FIFO has a reader waiting in a thread (so a
    writer that wrongly opened it would not block for ever: the test sees the reader gone)."""
    readers = []

    def make(kind: str, suffix: str) -> str:
        if kind == "folder":
            (tmp_path / f"folder{suffix}").mkdir()
            return str(tmp_path / f"folder{suffix}")
        if kind == "fifo":
            path = tmp_path / f"pipe{suffix}"
            os.mkfifo(path)
            reader = threading.Thread(target=lambda: open(path, "rb").read(), daemon=True)
            reader.start()
            readers.append((path, reader))
            return str(path)
        if kind == "missing folder":
            return str(tmp_path / "missing" / f"x{suffix}")
        if kind == "read-only file":
            path = tmp_path / f"readonly{suffix}"
            path.write_bytes(b"the earlier file")
            path.chmod(0o444)
            return str(path)
        if kind == "/proc":
            return f"/proc/nnviz{suffix}"
        if kind == "line break in the name":
            return str(tmp_path / f"line\nbreak{suffix}")
        if kind == "huge file":  # sparse: beyond every reading limit, no disk used
            path = tmp_path / f"huge{suffix}"
            with open(path, "wb") as f:
                f.truncate(3 * 2**30)
            return str(path)
        raise ValueError(kind)

    yield make
    for path, reader in readers:
        assert reader.is_alive(), f"{path} was opened for writing"
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # lets the reader go
        os.close(fd)
        reader.join(timeout=10)


def check_one_line(errors: list[str], notes: list[str]) -> None:
    """At most one message box, whose reason is one line (a second line may say what to
    do), and status messages of one line."""
    assert len(errors) <= 1, errors
    for text in errors:
        reason = text.split("\n")[0]
        assert reason and all(c.isprintable() for c in reason), text
        assert text.count("\n") <= 1
    for text in notes:
        assert all(c.isprintable() for c in text), text


def export_image(window, path, monkeypatch):
    monkeypatch.setattr(window, "ask_image_size", lambda: (200, 150))
    window.export_image()


def export_code(window, path, monkeypatch):
    monkeypatch.setattr(window, "ask_export_options", lambda fmt: {"iterations": 3, "print_every": 0, "digits": 9})
    window.export_code("numpy")


def record(window, path, monkeypatch):
    """The Record dialog with the path typed in; OK; one step to take the frame."""
    from nnviz.gui.dialogs.record_dialog import RecordDialog

    def answer(dialog):
        dialog.path_edit.setText(path)
        dialog.stop_after.setChecked(True)
        dialog.frames.setValue(1)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.result() != QDialog.DialogCode.Accepted:
            window.show_error("Record", dialog.error.text())
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", answer)
    window.record()
    window.session.step("micro")


def export_graph(window, path, monkeypatch):
    panel = window.graph_panel
    monkeypatch.setattr(panel, "ask_save_path", lambda *a: path)
    monkeypatch.setattr(panel, "show_error", lambda title, text: window.show_error(title, text))
    window.graph_dock.show()
    window.graph_dock.raise_()
    panel.refresh()
    assert panel.graph is not None
    panel.export_dialog(".svg")


WRITES = {  # what the window writes: (how, the file name's ending)
    "save snapshot": (lambda w, p, mp: w.save_snapshot_as(), ".json"),
    "export image": (export_image, ".png"),
    "export loss history": (lambda w, p, mp: w.export_loss_history(), ".csv"),
    "export code": (export_code, ".py"),
    "export weights": (lambda w, p, mp: w.export_weights(), ".npz"),
    "record": (record, ".gif"),
    "export graph": (export_graph, ".svg"),
}
READS = {"open snapshot": (lambda w: w.open_snapshot(), ".json"),
         "import weights": (lambda w: w.import_weights(), ".npz")}


@pytest.mark.parametrize("kind", ["folder", "fifo", "missing folder", "read-only file", "/proc",
                                  "line break in the name"])
@pytest.mark.parametrize("action", list(WRITES))
def test_every_write_of_the_window_to_an_odd_place(qtbot, window, monkeypatch, tmp_path, odd_place, action, kind):
    """One message (or a finished write), the earlier file intact, no temporary file left,
    the network unchanged."""
    how, suffix = WRITES[action]
    path = odd_place(kind, suffix)
    errors, notes = [], []
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: path)
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    window.session.message.connect(notes.append)
    trainer = window.session.trainer
    window.session.step("iteration")
    how(window, path, monkeypatch)
    if action == "record":
        qtbot.waitUntil(lambda: not window.recording.recording and not window.recording.writing, timeout=10000)
        errors += [n for n in notes if n.startswith("Recording failed")]
    check_one_line(errors, notes)
    assert window.session.trainer is trainer
    if kind == "line break in the name":
        assert not errors and Path(path).is_file()
    elif kind != "read-only file" or os.geteuid() != 0:  # root may write any file, as cp does
        assert errors, f"{action} to a {kind}: no message"
        assert not Path(path).is_file() or Path(path).read_bytes() == b"the earlier file"
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("kind", ["folder", "fifo", "missing folder", "huge file", "line break in the name"])
@pytest.mark.parametrize("action", list(READS))
def test_every_read_of_the_window_from_an_odd_place(window, monkeypatch, tmp_path, fifo, odd_place, action, kind):
    how, suffix = READS[action]
    path = fifo if kind == "fifo" else odd_place(kind, suffix)
    if kind == "line break in the name":
        Path(path).write_text("not a snapshot")
    errors, notes = [], []
    monkeypatch.setattr(window, "ask_open_path", lambda *a, **k: path)
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    window.session.message.connect(notes.append)
    trainer = window.session.trainer
    how(window)
    assert len(errors) == 1, errors
    check_one_line(errors, notes)
    assert window.session.trainer is trainer
