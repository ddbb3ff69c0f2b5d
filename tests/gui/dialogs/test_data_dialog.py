"""The data dialog: built-in data sets and imported files, normalisation, the
train/check split; bad files show one line and change nothing; Cancel changes nothing."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from nnviz.core.data import datasets
from nnviz.core import trainer as trainer_mod
from nnviz.gui.dialogs.data_dialog import IMPORT, DataDialog, default_network
from nnviz.io.tables import DataError, read_table


@pytest.fixture
def messages(session):
    got = []
    session.message.connect(got.append)
    return got


def open_dialog(qtbot, session):
    d = DataDialog(session)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


@pytest.fixture
def dialog(qtbot, session):
    return open_dialog(qtbot, session)


def click_ok(qtbot, d):
    qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def click_cancel(qtbot, d):
    qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)


def write(tmp_path, text, name="data.csv"):
    p = tmp_path / name
    p.write_text(text)
    return p


GOOD_CSV = "# two inputs, two targets\nx1,x2,y1,y2\n" + "".join(
    f"{i},{10 - 2 * i},{3 * i + 1},{-i}\n" for i in range(10))


# ------------------------------------------------------------------ built-in
@pytest.mark.parametrize("name", list(datasets.GENERATORS))
def test_each_builtin_builds_a_trainer_on_that_data(qtbot, session, dialog, name):
    old = session.trainer
    dialog.choose_builtin(name, n_samples=12, noise=0.1, seed=3)
    assert dialog.error_text() == ""
    assert dialog.ok_button.isEnabled()
    click_ok(qtbot, dialog)
    new = dialog.new_trainer
    assert new is not None and session.trainer is new and new is not old
    options = {"n_classes": 3} if name in ("blobs", "spiral") else {}
    want = datasets.generate(name, 12, 0.1, 3, **options)
    np.testing.assert_array_equal(new.dataset.inputs, want.inputs)
    np.testing.assert_array_equal(new.dataset.targets, want.targets)
    assert new.network.sizes[0] == want.n_inputs and new.network.sizes[-1] == want.n_outputs
    assert new.dataset.check is None


def test_a_builtin_set_can_be_normalised(qtbot, make_session):
    """scales, min-max normalised: inputs on [-1, 1], the linear neuron kept, targets left
    alone (a linear output), the transform carried by the data."""
    session = make_session("scales")
    d = open_dialog(qtbot, session)
    d.choose_builtin("scales")
    qtbot.mouseClick(d.normalize_check, Qt.MouseButton.LeftButton)
    assert "Normalised (minima and maxima of the training rows)" in d.preview_text()
    click_ok(qtbot, d)
    data = session.trainer.dataset
    raw = datasets.generate("scales")
    assert data.transform is not None and data.inputs.min() == -1.0 and data.inputs.max() == 1.0
    np.testing.assert_array_equal(data.targets, raw.targets)
    np.testing.assert_allclose(data.transform.inverse_inputs(data.inputs), raw.inputs, rtol=1e-14)
    assert session.trainer.network.sizes == [2, 1] and session.trainer.learning_rate == 5e-4


def test_builtin_defaults_and_classes(qtbot, session, dialog):
    dialog.choose_builtin("spiral", n_classes=4, seed=1)
    gen = datasets.GENERATORS["spiral"]
    assert dialog.samples_spin.value() == gen.n_samples
    assert dialog.noise_spin.value() == pytest.approx(gen.noise)
    assert dialog.classes_spin.isEnabled()
    assert "4 outputs" in dialog.preview_text() and "classification (4 classes)" in dialog.preview_text()
    assert dialog.sizes == [2, 4, 4] and dialog.activations == ["tanh", "softmax"]
    assert dialog.loss == "cross_entropy"
    assert "softmax" in dialog.network_label.text()
    click_ok(qtbot, dialog)
    want = datasets.generate("spiral", gen.n_samples, gen.noise, 1, n_classes=4)
    np.testing.assert_array_equal(session.trainer.dataset.targets, want.targets)
    assert session.trainer.loss == "cross_entropy"
    dialog2 = open_dialog(qtbot, session)
    dialog2.choose_builtin("sine")
    assert not dialog2.classes_spin.isEnabled()
    assert "regression" in dialog2.preview_text()
    assert dialog2.activations == ["tanh", "linear"]


def test_typing_into_spin_boxes_counts(qtbot, session, dialog):
    dialog.choose_builtin("circle")
    dialog.samples_spin.selectAll()
    qtbot.keyClicks(dialog.samples_spin, "30")
    dialog.seed_spin.selectAll()
    qtbot.keyClicks(dialog.seed_spin, "7")
    click_ok(qtbot, dialog)
    want = datasets.generate("circle", 30, datasets.GENERATORS["circle"].noise, 7)
    np.testing.assert_array_equal(session.trainer.dataset.inputs, want.inputs)


def test_default_network_choices():
    assert default_network(datasets.generate("xor")) == ([2, 4, 1], ["tanh", "sigmoid"])
    assert default_network(datasets.generate("blobs", n_classes=3)) == ([2, 4, 3], ["tanh", "softmax"])
    assert default_network(datasets.generate("plane")) == ([2, 4, 1], ["tanh", "linear"])
    multi = datasets.Dataset(np.zeros((2, 1)), np.array([[1.0, 1.0], [0.0, 0.0]]))
    assert default_network(multi)[1] == ["tanh", "sigmoid"]


def test_keeps_network_and_carries_settings(qtbot, make_session):
    xor = datasets.generate("xor")
    t = trainer_mod.create([2, 3, 3, 1], ["relu", "tanh", "sigmoid"], xor, init="xavier", seed=5,
                           learning_rate=0.2, optimizer="momentum", optimizer_params={"momentum": 0.8},
                           batch=2, shuffle=True, backprop="proportional",
                           schedule=trainer_mod.Schedule("step", step_size=10, gamma=0.5))
    s = make_session(t)
    d = open_dialog(qtbot, s)
    d.choose_builtin("circle", n_samples=20)
    assert "keeps the current network" in d.network_label.text()
    click_ok(qtbot, d)
    new = s.trainer
    assert new.network.sizes == [2, 3, 3, 1]
    assert list(new.network.activation_names) == ["relu", "tanh", "sigmoid"]
    assert new.settings.learning_rate == 0.2
    assert new.settings.optimizer.name == "momentum"
    assert dict(new.settings.optimizer.params) == dict(t.settings.optimizer.params)
    assert new.settings.batch == 2 and new.settings.shuffle is True
    assert new.settings.backprop == "proportional"
    assert new.settings.schedule == t.settings.schedule
    assert new.loss == t.loss
    assert new.init_scheme == "xavier" and new.seed == 5
    s.close()


def test_new_network_when_counts_do_not_fit(qtbot, session, dialog):
    assert session.trainer.network.sizes == [2, 2, 2]
    dialog.choose_builtin("plane")
    assert "does not fit" in dialog.network_label.text()
    click_ok(qtbot, dialog)
    assert session.trainer.network.sizes == [2, 4, 1]
    assert list(session.trainer.network.activation_names) == ["tanh", "linear"]
    assert session.trainer.loss == "mse"  # a new network takes recipes.default_output's loss


# -------------------------------------------------------------------- files
def test_import_normalised_file_with_check_split(qtbot, session, dialog, tmp_path, messages, monkeypatch):
    path = write(tmp_path, GOOD_CSV)
    monkeypatch.setattr(dialog, "ask_path", lambda: str(path))
    # real clicks: pick "Import a file…" (asks for the path), tick Normalize
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(IMPORT))
    assert dialog.path == str(path)
    dialog.targets_spin.setValue(2)
    box = dialog.normalize_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the tick box
    assert dialog.normalize_check.isChecked()
    dialog.holdout_spin.setValue(30)
    dialog.split_seed_spin.setValue(4)
    text = dialog.preview_text()
    assert "10 samples (7 train, 3 check)" in text and "2 inputs" in text and "2 outputs" in text
    raw_train, raw_check = datasets.split(read_table(path, targets=2), 0.3, 4)
    lo, hi = raw_train.inputs[:, 0].min(), raw_train.inputs[:, 0].max()
    assert f"x1: [{lo:g}, {hi:g}] -> [-1, 1]" in text  # the header's names, the training rows' range
    assert "Read as comma-separated, decimal point; columns x1, x2 → y1, y2" in text
    assert "Normalised" in dialog.preview_label.text()
    click_ok(qtbot, dialog)
    new = session.trainer
    assert new is dialog.new_trainer
    assert new.network.sizes == [2, 2, 2]  # the mazur network fits and is kept
    d = new.dataset
    assert d.transform is not None and d.transform.target_range == (0.0, 1.0)
    assert d.check is not None and d.check.n_samples == 3 and d.n_samples == 7
    expected = read_table(path, targets=2, normalize=True, output_activation="sigmoid").transform
    assert d.transform != expected  # fitted on the 7 training rows, not on the whole file
    np.testing.assert_array_equal(d.transform.input_min, raw_train.inputs.min(axis=0))
    np.testing.assert_array_equal(d.transform.target_max, raw_train.targets.max(axis=0))
    assert d.targets.min() == 0.0 and d.targets.max() == 1.0  # training targets fill the sigmoid range
    np.testing.assert_allclose(d.transform.inverse_inputs(d.check.inputs), raw_check.inputs)
    np.testing.assert_allclose(d.transform.inverse_targets(d.check.targets), raw_check.targets)
    assert new.network.neuron_names[0] == ["x1", "x2"] and new.network.neuron_names[-1] == ["y1", "y2"]
    session.step("iteration")
    assert len(new.check_loss_history) == 1
    assert any("3 held out for checking" in m for m in messages)


def test_choose_file_button_and_regression_file(qtbot, session, dialog, tmp_path, monkeypatch):
    path = write(tmp_path, "1 2 3\n4 5 6\n7 8 10\n", name="plain.txt")
    dialog.choose_file(tmp_path / "missing.csv")
    assert "no such file" in dialog.error_text()
    monkeypatch.setattr(dialog, "ask_path", lambda: str(path))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "" and dialog.ok_button.isEnabled()
    assert dialog.path_label.text() == str(path)
    assert "3 samples · 2 inputs · 1 output · regression" in dialog.preview_text()
    click_ok(qtbot, dialog)
    assert session.trainer.network.sizes == [2, 4, 1]
    assert session.trainer.network.activation_names[-1] == "linear"
    np.testing.assert_array_equal(session.trainer.dataset.targets[:, 0], [3, 6, 10])
    assert session.trainer.dataset.transform is None


def test_cancelled_file_choice_changes_nothing(qtbot, session, dialog, monkeypatch):
    monkeypatch.setattr(dialog, "ask_path", lambda: None)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(IMPORT))
    assert dialog.path is None
    assert dialog.error_text() == "Choose a data file"
    assert not dialog.ok_button.isEnabled()


BAD_FILES = {
    "ragged": ("1,2,3\n4,5\n", 1, r"line 2, column 3"),
    "not a number": ("1,2,3\n4,abc,6\n", 1, r"line 2, column 2: 'abc' is not a number"),
    "nan": ("a,b,c\n1,2,3\n4,5,nan\n", 1, r"line 3, column 3: 'nan' is not a finite number"),
    "empty": ("# nothing\n\n", 1, r"line \d+: no data"),
    "too many targets": ("1,2,3\n4,5,6\n", 3, r"line 1: 3 target columns asked for"),
    "empty cell": ("1,2,3\n4,,6\n", 1, r"line 2, column 2: empty cell"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_shows_one_line_and_keeps_the_old_trainer(qtbot, session, dialog, tmp_path, messages, kind):
    text, targets, pattern = BAD_FILES[kind]
    path = write(tmp_path, text)
    old, old_data = session.trainer, session.trainer.dataset
    replaced = []
    session.trainerReplaced.connect(lambda: replaced.append(1))
    dialog.choose_file(path, targets=targets)
    with pytest.raises(DataError) as info:
        read_table(path, targets=targets)
    error = dialog.error_text()
    assert error == str(info.value)
    assert "\n" not in error and str(path) in error
    assert re.search(pattern, error), error
    assert dialog.error_label.isVisible() and dialog.error_label.text() == error
    assert not dialog.ok_button.isEnabled()
    assert dialog.preview_text() == ""
    assert messages and messages[-1] == error
    click_ok(qtbot, dialog)  # disabled: nothing happens
    dialog.accept()  # even called directly
    assert dialog.isVisible() and dialog.new_trainer is None
    assert session.trainer is old and session.trainer.dataset is old_data
    assert not replaced


def test_fixing_the_file_settings_clears_the_error(qtbot, session, dialog, tmp_path):
    path = write(tmp_path, "1,2,3\n4,5,6\n")
    dialog.choose_file(path, targets=3)
    assert "target columns asked for" in dialog.error_text()
    dialog.targets_spin.setValue(1)
    assert dialog.error_text() == "" and dialog.ok_button.isEnabled()
    dialog.choose_builtin("xor")
    dialog.choose_file(path, targets=5)
    assert not dialog.ok_button.isEnabled()
    dialog.choose_builtin("xor")
    assert dialog.ok_button.isEnabled()


def test_a_code_page_csv_reads_once_its_encoding_is_chosen(qtbot, session, dialog, tmp_path):
    """Excel's plain CSV from a Chinese Windows is GBK: auto (UTF-8) says which encoding to
    choose; choosing it in the Encoding box reads the file with its Chinese names."""
    path = tmp_path / "zh.csv"
    path.write_bytes("宽度,类别\r\n1.5,0\r\n2.5,1\r\n".encode("gb18030"))
    dialog.choose_file(path)
    assert "not UTF-8 text" in dialog.error_text() and "gb18030" in dialog.error_text()
    assert not dialog.ok_button.isEnabled()
    box = dialog.encoding_combo
    box.setCurrentIndex(box.findData("gb18030"))
    assert dialog.error_text() == "" and dialog.ok_button.isEnabled()
    click_ok(qtbot, dialog)
    data = session.trainer.dataset
    assert data.input_names == ("宽度",) and data.target_names == ("类别",)
    assert data.inputs[:, 0].tolist() == [1.5, 2.5]


def test_bad_split_is_refused(qtbot, session, dialog):
    dialog.choose_builtin("xor", n_samples=1)
    dialog.set_holdout(50)
    assert "cannot split" in dialog.error_text()
    assert not dialog.ok_button.isEnabled()


# ------------------------------------------------------------------- cancel
def test_cancel_changes_nothing(qtbot, session, dialog, tmp_path):
    old, old_data, old_settings = session.trainer, session.trainer.dataset, session.trainer.settings
    replaced = []
    session.trainerReplaced.connect(lambda: replaced.append(1))
    dialog.choose_file(write(tmp_path, GOOD_CSV), targets=2, normalize=True)
    dialog.set_holdout(20)
    assert dialog.ok_button.isEnabled()
    click_cancel(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.new_trainer is None
    assert session.trainer is old and old.dataset is old_data and old.settings == old_settings
    assert not replaced


def test_preview_fits(qtbot, session, dialog, tmp_path):
    dialog.choose_file(write(tmp_path, GOOD_CSV), targets=2, normalize=True)
    dialog.set_holdout(20)
    label = dialog.preview_label  # the five preview lines fit: the dialog grew for them
    assert label.height() >= label.heightForWidth(label.width())


def test_data_beyond_the_size_limits_is_refused_with_one_line(qtbot, session, dialog, monkeypatch):
    from nnviz.core import recipes

    old = session.trainer
    monkeypatch.setattr(recipes, "MAX_VALUES", 250)  # the new 2-4-1 network: 5 values a sample
    dialog.choose_builtin("circle", n_samples=51)
    assert dialog.error_text() == ("51 samples through the 2-4-1 network are 255 values a forward pass, "
                                   "over the limit of 250; use fewer samples or neurons")
    assert not dialog.ok_button.isEnabled()
    dialog.choose_builtin("circle", n_samples=50)
    assert dialog.error_text() == "" and dialog.ok_button.isEnabled()
    assert session.trainer is old


def test_frozen_parameters_survive_new_data(qtbot, session, tmp_path, messages):
    """mazur's frozen biases: new data that fits the 2-2-2 network keeps all four; data
    that needs a new 2-4-1 network keeps b1[0], b1[1] and b2[0], and drops b2[1]."""
    assert session.trainer.frozen == {"b1[0]", "b1[1]", "b2[0]", "b2[1]"}
    d = open_dialog(qtbot, session)
    d.choose_file(write(tmp_path, GOOD_CSV), targets=2)
    click_ok(qtbot, d)
    assert session.trainer.frozen == {"b1[0]", "b1[1]", "b2[0]", "b2[1]"}
    assert messages[-1].endswith("; kept 4 frozen parameters")
    d = open_dialog(qtbot, session)
    d.choose_builtin("xor")
    click_ok(qtbot, d)
    assert session.trainer.network.sizes == [2, 4, 1]
    assert session.trainer.frozen == {"b1[0]", "b1[1]", "b2[0]"}
    assert messages[-1].endswith("; kept 3 frozen parameters, dropped 1 the new network does not have")
