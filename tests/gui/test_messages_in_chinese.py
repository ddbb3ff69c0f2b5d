"""The messages the layers without Qt make, as the window shows them: in Chinese with the
``chinese`` fixture (a diverged run's status line, a bad CSV's error line in the data
dialog, a bad snapshot's error dialog, a size-limit refusal), while what goes into a file
stays English; and in English, counts with their singular and plural."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nnviz.core import presets, recipes
from nnviz.gui.controls.step_controls import StepControls
from nnviz.gui.dialogs.data_dialog import DataDialog
from nnviz.gui.dialogs.network_editor import NetworkEditor
from nnviz.gui.dialogs.weights_import import ImportWeightsDialog
from nnviz.io import snapshot
from nnviz.io.weights import ImportedWeights
from visible_words import CJK, texts


def diverge(session):
    """Train the sine preset at a rate far too large until it diverges; the messages it sent."""
    said = []
    session.message.connect(said.append)
    session.set_trainer(presets.load("sine"))
    session.set_learning_rate(10.0)
    for _ in range(50):
        if not session.step("iteration"):
            break
    assert session.trainer.status == "diverged"
    return said


def test_a_diverged_run_speaks_chinese_and_saves_english(chinese, show, session, tmp_path):
    controls = show(StepControls(session))
    said = diverge(session)
    message = session.trainer.status_message
    # the window: the status line and the status bar's message in Chinese, numbers kept
    line = controls.loss_label.text()
    assert CJK.search(line) and "次迭代" in line and "iteration" not in line
    assert said and CJK.search(said[-1]) and "diverged" not in said[-1]
    # the run itself keeps the English, and so does its snapshot
    assert not CJK.search(message) and " at iteration " in message
    path = tmp_path / "diverged.json"
    session.save_snapshot(str(path))
    stored = json.loads(path.read_text(encoding="utf-8"))["training"]["status_message"]
    assert stored == str(message) and not CJK.search(stored)
    # read back, the message is the file's English (no template travels in the file)
    assert snapshot.load(path).status_message == stored


def test_the_diverged_line_is_english_without_a_translation(show, session):
    controls = show(StepControls(session))
    diverge(session)
    message = session.trainer.status_message
    assert message.shown() == message
    assert controls.loss_label.text() == f"diverged: {message}"


def test_a_bad_csv_is_one_chinese_line_in_the_data_dialog(chinese, show, session, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,y\n0,1,1\n1,abc,0\n", encoding="utf-8")
    dialog = show(DataDialog(session))
    dialog.choose_file(path)
    error = dialog.error_text()
    assert CJK.search(error) and "\n" not in error
    assert str(path) in error and "第 3 行" in error and "'abc'" in error
    assert "is not a number" not in error and "line" not in error
    assert not dialog.ok_button.isEnabled()


def test_a_bad_snapshot_opens_a_chinese_error_dialog(chinese_window, tmp_path, monkeypatch):
    window = chinese_window
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nnviz-snapshot", "version": 99}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(window, "ask_open_path", lambda *a, **k: str(bad))
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append((title, text)))
    trainer = window.session.trainer
    window.open_snapshot()
    (title, text), = shown
    assert CJK.search(title) and CJK.search(text)
    assert "99" in text and "unsupported" not in text
    assert window.session.trainer is trainer
    # the same file on the command line's terms (no translation): the English line
    from nnviz.gui import i18n

    i18n.uninstall()
    with pytest.raises(snapshot.SnapshotError, match="version: unsupported version 99"):
        snapshot.load(bad)


def test_a_size_limit_refusal_is_chinese(chinese, show, session, monkeypatch):
    monkeypatch.setattr(recipes, "MAX_VALUES", 250)
    dialog = show(DataDialog(session))
    dialog.choose_builtin("circle", n_samples=51)
    error = dialog.error_text()
    assert CJK.search(error) and "2-4-1" in error and "250" in error and "255" in error
    assert "limit" not in error
    editor = show(NetworkEditor(session))
    editor.set_hidden_sizes([recipes.MAX_NEURONS + 1])
    refusal = editor.validate()
    assert CJK.search(refusal) and str(recipes.MAX_NEURONS) in refusal and "at most" not in refusal


def weights(*sizes):
    return ImportedWeights([np.zeros((b, a)) for a, b in zip(sizes[:-1], sizes[1:])],
                           [np.zeros(b) for b in sizes[1:]], None, "/somewhere/net.npz")


@pytest.mark.parametrize("sizes, layers", [((2, 1), "1 weight layer"), ((2, 3, 1), "2 weight layers")])
def test_english_counts_have_a_singular_and_a_plural(show, session, sizes, layers):
    """The window in English (the tests' default, as when it runs): one reads singular,
    two plural, from one %n message."""
    dialog = show(ImportWeightsDialog(session, weights(*sizes)))
    shown = " ".join(text for _, text in texts(dialog))
    assert layers in shown
    assert ("1 weight layers" not in shown) and ("1 neurons)" not in shown)
    assert "(1 neuron)" in shown
