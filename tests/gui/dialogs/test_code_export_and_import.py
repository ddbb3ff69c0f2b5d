"""File ▸ Export as code (NumPy / PyTorch script), Export weights and Import weights…,
driven through the menu actions with the file dialogs patched."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from nnviz.core.analysis.explain import Formatter
from nnviz.gui.dialogs.code_export import ExportOptionsDialog
from nnviz.gui.dialogs.weights_import import ImportWeightsDialog, fitting_datasets
from nnviz.io import weights


def menu_texts(window) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    texts = []
    for action in file_menu.actions():
        texts.append(action.text())
        if action.menu():
            texts += [f"{action.text()} > {a.text()}" for a in action.menu().actions()]
    return texts


def test_the_file_menu_has_the_entries(window):
    texts = menu_texts(window)
    assert "Export as &code > NumPy script…" in texts and "Export as &code > PyTorch script…" in texts
    assert "&Import weights…" in texts and "Export &weights (.npz)…" in texts


def test_export_numpy_script_from_a_half_done_iteration(window, tmp_path, monkeypatch):
    s = window.session
    s.step("iteration")
    for _ in range(3):
        s.step("micro")
    messages = []
    s.message.connect(messages.append)
    monkeypatch.setattr(window, "ask_export_options", lambda fmt: {"iterations": 4, "print_every": 0, "digits": 9})
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(tmp_path / "train"))
    window.export_code_actions["numpy"].trigger()
    script = tmp_path / "train.py"
    assert script.exists() and "Iteration 2 was half done (after Loss)" in script.read_text()
    assert messages[-1].startswith("Exported train.py (NumPy, 4 iterations from iteration 1)")
    # the run in the window is untouched, and its next iterations print what the script prints
    assert s.trainer.cursor == 3
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    s.trainer.run(4)
    f = Formatter(9)
    assert f"loss of iteration 2 (forward pass): {f.num(s.trainer.loss_history[1])}" in out.splitlines()
    assert f"loss of iteration 5 (forward pass): {f.num(s.trainer.loss_history[4])}" in out.splitlines()


def test_torch_export_of_the_proportional_mode_says_why(window, tmp_path, monkeypatch):
    window.session.trainer.configure(backprop="proportional")
    errors, asked = [], []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    monkeypatch.setattr(window, "ask_export_options", lambda fmt: asked.append(fmt))
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: asked.append("path"))
    window.export_code_actions["torch"].trigger()
    assert len(errors) == 1 and "not a gradient" in errors[0] and "NumPy" in errors[0]
    assert asked == [] and list(tmp_path.iterdir()) == []


def test_export_options_dialog(qtbot, session):
    dialog = ExportOptionsDialog(session, "torch")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Export as PyTorch script"
    assert dialog.note.text().startswith("The script starts after iteration 0")
    session.step("micro")  # the dialog follows the session
    assert dialog.note.text().startswith("Iteration 1 is half done")
    dialog.iterations.setValue(250)
    dialog.print_every.setValue(0)
    dialog.digits.setValue(12)
    assert dialog.options() == {"iterations": 250, "print_every": 0, "digits": 12}


def test_export_weights_then_import_them_back(window, tmp_path, monkeypatch):
    s = window.session
    s.step("iteration")
    before = s.trainer
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(tmp_path / "w"))
    window.export_weights_action.trigger()
    assert (tmp_path / "w.npz").exists()
    s.step("iteration")  # the weights move on; importing brings back the exported ones
    monkeypatch.setattr(window, "ask_open_path", lambda *a, **k: str(tmp_path / "w.npz"))
    monkeypatch.setattr(ImportWeightsDialog, "exec", lambda dialog: dialog.accept())
    window.import_weights_action.trigger()
    new = s.trainer
    assert new is not before and new.iteration == 0
    exported = weights.read(tmp_path / "w.npz")
    for a, b in zip(new.network.weights, exported.weights):
        np.testing.assert_array_equal(a, b)
    assert new.network.param_names == before.network.param_names  # mazur's w1..w8 stay
    assert new.frozen == before.frozen and new.dataset is before.dataset


def test_a_bad_weights_file_changes_nothing(window, tmp_path, monkeypatch):
    path = tmp_path / "bad.npz"
    np.savez(path, W1=np.ones((2, 2)), b1=np.zeros(2), W2=np.ones((2, 3)), b2=np.zeros(2))
    trainer = window.session.trainer
    flat = trainer.network.flat()
    errors = []
    monkeypatch.setattr(window, "ask_open_path", lambda *a, **k: str(path))
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    window.import_weights()
    assert len(errors) == 1 and "W2 has shape (2, 3)" in errors[0] and "\n" not in errors[0]
    assert window.session.trainer is trainer
    np.testing.assert_array_equal(trainer.network.flat(), flat)


@pytest.fixture
def three_inputs(tmp_path):
    path = tmp_path / "w3.npz"
    np.savez(path, W1=np.full((4, 3), 0.1), b1=np.zeros(4), W2=np.ones((1, 4)), b2=np.zeros(1))
    return weights.read(path)


def test_data_that_does_not_fit_is_chosen_from_a_table(qtbot, session, tmp_path, three_inputs):
    table = tmp_path / "d.csv"
    table.write_text("a,b,c,y\n1,2,3,0\n2,3,4,1\n0,0,1,1\n")
    dialog = ImportWeightsDialog(session, three_inputs, lambda *a: str(table))
    qtbot.addWidget(dialog)
    assert not dialog.fits and dialog.data_combo.count() == 0  # no built-in data has 3 inputs
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.file_button.click()
    assert ok.isEnabled() and dialog.data_combo.currentText() == "d (3 samples)"
    old = session.trainer
    ok.click()
    new = session.trainer
    assert new is not old and new.dataset.n_samples == 3 and new.network.sizes == [3, 4, 1]
    assert new.network.activation_names == ["tanh", "sigmoid"]  # the defaults: 0/1 targets


def test_the_dialog_refuses_what_cannot_be_built(qtbot, session, tmp_path, three_inputs):
    dialog = ImportWeightsDialog(session, three_inputs, lambda *a: str(tmp_path / "missing.csv"))
    qtbot.addWidget(dialog)
    old = session.trainer
    dialog.file_button.click()
    assert not dialog.error_label.isHidden()
    assert "no such file" in dialog.error_label.text()
    dialog.accept()
    assert session.trainer is old and "Choose data" in dialog.error_label.text()


def test_fitting_built_in_data():
    assert {"xor", "circle", "two_moons"} <= set(fitting_datasets(2, 1))
    three = fitting_datasets(2, 3)
    assert "blobs" in three and three["blobs"].n_outputs == 3
    assert fitting_datasets(7, 1) == {}


def test_a_script_exported_from_the_chinese_window_is_english(chinese_window, tmp_path, monkeypatch):
    """Files stay English whatever the window's language: the half-done step's name too."""
    window = chinese_window
    s = window.session
    for _ in range(4):  # after "Backward · layer 2 of 2"
        s.step("micro")
    messages = []
    s.message.connect(messages.append)
    monkeypatch.setattr(window, "ask_export_options", lambda fmt: {"iterations": 2, "print_every": 1, "digits": 9})
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: str(tmp_path / "train"))
    window.export_code_actions["numpy"].trigger()
    text = (tmp_path / "train.py").read_text(encoding="utf-8")
    assert "Iteration 1 was half done (after Backward · layer 2 of 2)" in text
    assert not re.search(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", text)
    assert re.search(r"[\u3400-\u9fff]", messages[-1])  # the status bar speaks Chinese
