"""The network editor: layers, activations, initialisation and seed; its limits; OK
builds a new trainer on the same data, Cancel changes nothing."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from nnviz.core import trainer as trainer_mod
from nnviz.gui.dialogs.network_editor import MAX_HIDDEN_LAYERS, MAX_NEURONS, NetworkEditor, check_limits
from user_input import choose


@pytest.fixture
def messages(xor_session):
    got = []
    xor_session.message.connect(got.append)
    return got


def open_editor(qtbot, session):
    e = NetworkEditor(session)
    qtbot.addWidget(e)
    e.show()
    qtbot.waitExposed(e)
    return e


@pytest.fixture
def editor(qtbot, xor_session):
    return open_editor(qtbot, xor_session)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def ok(editor):
    return editor.buttons.button(QDialogButtonBox.StandardButton.Ok)


def cancel(editor):
    return editor.buttons.button(QDialogButtonBox.StandardButton.Cancel)


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def test_starts_from_the_current_network(editor, xor_session):
    t = xor_session.trainer
    assert editor.result_sizes() == t.network.sizes == [2, 4, 1]
    assert editor.result_activations() == t.network.activation_names
    assert editor.result_init() == "uniform"
    assert editor.result_seed() == t.seed
    assert len(editor.size_spins) == 1 and len(editor.act_combos) == 2


def test_builds_the_chosen_network_on_the_same_data(qtbot, editor, xor_session, messages):
    old = xor_session.trainer
    old.configure(learning_rate=0.7, optimizer="momentum", optimizer_params={"momentum": 0.8},
                  loss="mse", backprop="proportional", batch=2)
    replaced = []
    xor_session.trainerReplaced.connect(lambda: replaced.append(True))
    click(qtbot, editor.add_button)
    type_into(qtbot, editor.size_spins[0], "6")
    type_into(qtbot, editor.size_spins[1], "3")
    choose(qtbot, editor.act_combos[0], "tanh")
    choose(qtbot, editor.act_combos[1], "relu")
    choose(qtbot, editor.init_combo, "xavier")
    type_into(qtbot, editor.seed_spin, "42")
    click(qtbot, ok(editor))
    assert editor.result() == editor.DialogCode.Accepted
    new = xor_session.trainer
    assert new is not old and replaced == [True]
    assert new.network.sizes == [2, 6, 3, 1]
    assert new.network.activation_names == ["tanh", "relu", "sigmoid"]
    assert new.dataset is old.dataset
    assert new.init_scheme == "xavier" and new.seed == 42
    assert (new.learning_rate, new.optimizer, new.loss, new.backprop, new.batch) == (
        0.7, old.optimizer, "mse", "proportional", 2)
    # exactly the network that create() draws with that seed
    ref = trainer_mod.create([2, 6, 3, 1], ["tanh", "relu", "sigmoid"], old.dataset, init="xavier", seed=42)
    assert all(np.array_equal(a, b) for a, b in zip(ref.network.weights, new.network.weights))
    assert "2-6-3-1" in messages[-1]
    xor_session.step("iteration")  # and it trains
    assert new.iteration == 1


def test_remove_a_hidden_layer(qtbot, editor, xor_session):
    click(qtbot, editor.add_button)
    type_into(qtbot, editor.size_spins[1], "5")
    click(qtbot, editor.remove_buttons[0])
    assert editor.result_sizes() == [2, 5, 1]
    click(qtbot, editor.remove_buttons[0])
    assert editor.result_sizes() == [2, 1]
    assert len(editor.act_combos) == 1
    click(qtbot, ok(editor))
    assert xor_session.trainer.network.sizes == [2, 1]


def test_at_most_eight_hidden_layers(qtbot, editor, xor_session, messages):
    old = xor_session.trainer
    for _ in range(MAX_HIDDEN_LAYERS - 1):
        click(qtbot, editor.add_button)
    assert len(editor.result_sizes()) == MAX_HIDDEN_LAYERS + 2
    click(qtbot, editor.add_button)  # the ninth
    assert len(editor.result_sizes()) == MAX_HIDDEN_LAYERS + 2
    assert "8 hidden layers" in messages[-1]
    assert editor.error_label.isVisible()
    # nine, however they got there, are refused on OK and the old trainer stays
    editor.set_hidden_sizes([4] * 9)
    n = len(messages)
    click(qtbot, ok(editor))
    assert xor_session.trainer is old
    assert editor.isVisible() and editor.result() != editor.DialogCode.Accepted
    assert len(messages) == n + 1 and "at most 8 hidden layers" in messages[-1].lower()


def test_at_most_128_neurons_and_at_least_one(qtbot, editor, xor_session, messages, monkeypatch):
    old = xor_session.trainer
    built = []
    monkeypatch.setattr(trainer_mod, "create", lambda *a, **k: built.append(a))  # nothing is allocated
    type_into(qtbot, editor.size_spins[0], str(MAX_NEURONS + 1))
    assert editor.error_label.isVisible() and "128" in editor.error_label.text()
    click(qtbot, ok(editor))
    assert xor_session.trainer is old and not built
    assert "at most 128 neurons" in messages[-1]
    type_into(qtbot, editor.size_spins[0], "0")
    click(qtbot, ok(editor))
    assert xor_session.trainer is old and not built
    assert "at least 1 neuron" in messages[-1]
    assert editor.isVisible()


def test_limits_function():
    assert check_limits([2, 128, 1]) is None
    assert check_limits([2] + [1] * 8 + [1]) is None
    assert "hidden layers" in check_limits([2] + [1] * 9 + [1])
    assert "128" in check_limits([2, 129, 1])
    assert "at least 1" in check_limits([2, 0, 1])


def test_cancel_keeps_everything(qtbot, editor, xor_session):
    old = xor_session.trainer
    weights = old.network.weights
    replaced = []
    xor_session.trainerReplaced.connect(lambda: replaced.append(True))
    click(qtbot, editor.add_button)
    choose(qtbot, editor.init_combo, "zeros")
    click(qtbot, cancel(editor))
    assert editor.result() == editor.DialogCode.Rejected
    assert xor_session.trainer is old and not replaced
    assert old.network.sizes == [2, 4, 1] and old.network.weights is weights
    assert old.init_scheme == "uniform"


def test_escape_cancels(qtbot, editor, xor_session):
    old = xor_session.trainer
    click(qtbot, editor.add_button)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and xor_session.trainer is old


def test_softmax_only_for_the_output(qtbot, xor_session):
    xor_session.load_preset("mazur")  # two outputs
    e = open_editor(qtbot, xor_session)
    assert e.act_combos[0].findData("softmax") < 0  # hidden: no softmax
    choose(qtbot, e.act_combos[-1], "softmax")
    xor_session.trainer.configure(loss="half_sse")
    click(qtbot, ok(e))
    assert xor_session.trainer.network.activation_names == ["sigmoid", "softmax"]
    assert xor_session.trainer.dataset.n_outputs == 2


def test_softmax_disabled_for_one_output(editor):
    box = editor.act_combos[-1]
    assert not box.model().item(box.findData("softmax")).isEnabled()


def test_loss_falls_back_when_it_no_longer_fits(qtbot, editor, xor_session):
    xor_session.trainer.configure(loss="cross_entropy")  # sigmoid output: fine
    choose(qtbot, editor.act_combos[-1], "linear")
    assert editor.result_loss() == "mse"  # recipes.default_loss of a linear output
    click(qtbot, ok(editor))
    assert xor_session.trainer.loss == "mse"
    assert xor_session.trainer.network.activation_names[-1] == "linear"


def test_sizes_of_input_and_output_follow_the_data(qtbot, xor_session):
    xor_session.load_preset("sine")
    e = open_editor(qtbot, xor_session)
    assert e.result_sizes()[0] == 1 and e.result_sizes()[-1] == 1
    assert e.result_activations() == ["tanh", "linear"]
    assert len(e.size_spins) == 1  # input and output are not editable


def test_readable_in_both_palettes(qtbot, xor_session, tmp_path, dark):
    e = open_editor(qtbot, xor_session)
    e.set_hidden_sizes([4, 200])
    label = e.error_label
    fg = label.palette().color(label.foregroundRole())
    bg = e.palette().color(e.backgroundRole())
    assert label.isVisible() and abs(fg.lightness() - bg.lightness()) > 100
    assert e.grab().save(str(tmp_path / "editor.png"))


def test_the_window_follows_a_new_network(qtbot, window, session):
    """The canvas, inspector and panels rebuild for a network of another shape."""
    e = NetworkEditor(session, window)
    qtbot.addWidget(e)
    e.show()
    e.set_hidden_sizes([8, 8, 8])
    e.set_activation(4, "softmax")
    click(qtbot, ok(e))
    assert session.trainer.network.sizes == [2, 8, 8, 8, 2]
    qtbot.wait(50)
    for _ in range(3):
        assert session.step("iteration")
    qtbot.wait(50)
    assert window.isVisible()


def test_softmax_cannot_be_forced_on_one_output(editor, xor_session):
    with pytest.raises(ValueError):
        editor.set_activation(2, "softmax")
    with pytest.raises(ValueError):
        editor.set_activation(1, "softmax")  # a hidden layer
    editor._acts[-1] = "softmax"  # however it got there, OK refuses it
    old = xor_session.trainer
    editor.accept()
    assert xor_session.trainer is old and "2 outputs" in editor.error_label.text()


def test_the_samples_times_neurons_limit_counts_the_data(qtbot, editor, xor_session, monkeypatch):
    from nnviz.core import recipes

    monkeypatch.setattr(recipes, "MAX_VALUES", 4 * 40)  # xor: 4 samples
    type_into(qtbot, editor.size_spins[0], "39")  # 39 + 1 = 40 neurons after the inputs: just fits
    assert editor.validate() is None
    type_into(qtbot, editor.size_spins[0], "40")
    assert editor.validate() == ("4 samples through the 2-40-1 network are 164 values a forward pass, "
                                 "over the limit of 160; use fewer samples or neurons")


def test_frozen_parameters_are_kept_where_they_still_exist(qtbot, xor_session, messages):
    frozen = {"b1[0]", "b1[1]", "b1[2]", "b1[3]", "W2[0,3]"}
    xor_session.trainer.freeze(frozen)
    click(qtbot, ok(open_editor(qtbot, xor_session)))  # the same shape: all of them
    assert xor_session.trainer.frozen == frozen
    assert messages[-1].endswith("; kept 5 frozen parameters")
    editor = open_editor(qtbot, xor_session)
    type_into(qtbot, editor.size_spins[0], "2")  # b1[2], b1[3] and W2[0,3] are gone
    click(qtbot, ok(editor))
    assert xor_session.trainer.network.sizes == [2, 2, 1]
    assert xor_session.trainer.frozen == {"b1[0]", "b1[1]"}
    assert messages[-1].endswith("; kept 2 frozen parameters, dropped 3 the new network does not have")
    click(qtbot, ok(open_editor(qtbot, xor_session)))
    xor_session.trainer.freeze(xor_session.trainer.frozen, False)
    click(qtbot, ok(open_editor(qtbot, xor_session)))
    assert "frozen" not in messages[-1]
