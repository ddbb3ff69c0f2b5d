"""The window's Open and Data dialogs read through nnviz.io's bounded reader: a FIFO or
/dev/zero is refused with one line (nothing blocks, memory does not grow) and the
network is kept."""

from __future__ import annotations

import pytest

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
