"""The training options panel: every control changes what the core does, and the
controls follow the Trainer (a new trainer, settings changed elsewhere)."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from nnviz.core import presets
from nnviz.gui.panels.training_panel import LESSONS, TrainingPanel
from user_input import choose


@pytest.fixture
def panel(show, xor_session):
    return show(TrainingPanel(xor_session))


@pytest.fixture
def messages(xor_session):
    got = []
    xor_session.message.connect(got.append)
    return got


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def click(qtbot, widget):
    if isinstance(widget, QCheckBox):  # on the box: a stretched check box ends after its text
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def visible_params(panel):
    return [name for name, spin in panel.param_spins.items() if spin.isVisibleTo(panel)]


# ----------------------------------------------------------------- optimizer
def test_momentum_gives_momentum_state_after_an_iteration(qtbot, panel, xor_session):
    t = xor_session.trainer
    choose(qtbot, panel.optimizer_combo, "momentum")
    assert t.optimizer.name == "momentum"
    assert visible_params(panel) == ["momentum"]
    type_into(qtbot, panel.param_spins["momentum"], "0.5")
    assert t.optimizer.params["momentum"] == pytest.approx(0.5)
    xor_session.step("iteration")
    st = t.training_state()
    assert st.opt_name == "momentum"
    assert all(len(s) == 1 for s in st.opt_state)  # one velocity per W and b
    # the velocity of the first update is the gradient
    g = t.values.grad_W[0]
    assert any(s[0].shape == g.shape and np.allclose(s[0], g) for s in st.opt_state)


def test_adam_shows_its_parameters_and_changes_the_step(qtbot, panel, xor_session):
    t = xor_session.trainer
    choose(qtbot, panel.optimizer_combo, "adam")
    assert t.optimizer.name == "adam"
    assert visible_params(panel) == ["beta1", "beta2", "eps"]
    type_into(qtbot, panel.param_spins["beta1"], "0.8")
    type_into(qtbot, panel.param_spins["eps"], "1e-5")
    assert t.optimizer.params == pytest.approx({"beta1": 0.8, "beta2": 0.999, "eps": 1e-5})
    xor_session.step("iteration")
    assert [len(s) for s in t.training_state().opt_state] == [2] * 4  # m and v
    choose(qtbot, panel.optimizer_combo, "adagrad")
    assert visible_params(panel) == ["eps"]
    assert t.optimizer.params == {"eps": 1e-10}  # its own default, not Adam's ε
    assert panel.param_spins["eps"].value() == pytest.approx(1e-10)
    choose(qtbot, panel.optimizer_combo, "sgd")
    assert visible_params(panel) == []


def test_eps_arrows_move_by_decades(qtbot, panel, xor_session):
    choose(qtbot, panel.optimizer_combo, "adam")
    spin = panel.param_spins["eps"]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert xor_session.trainer.optimizer.params["eps"] == pytest.approx(1e-7)


# ------------------------------------------------------------------- batches
def test_batch_modes(qtbot, panel, xor_session):
    t = xor_session.trainer
    assert not panel.batch_size_spin.isEnabled()
    choose(qtbot, panel.batch_combo, "online")
    assert t.batch == "online" and t.batch_size == 1
    choose(qtbot, panel.batch_combo, "mini")
    assert panel.batch_size_spin.isEnabled()
    type_into(qtbot, panel.batch_size_spin, "3")
    assert t.batch == 3 and t.batch_size == 3
    xor_session.step("iteration")
    assert t.values.inputs.shape[0] == 3
    choose(qtbot, panel.batch_combo, "full")
    assert t.batch == "full" and t.batch_size == t.n_samples


def test_shuffle_checkbox(qtbot, panel, xor_session):
    click(qtbot, panel.shuffle_check)
    assert xor_session.trainer.settings.shuffle is True
    click(qtbot, panel.shuffle_check)
    assert xor_session.trainer.settings.shuffle is False


# --------------------------------------------------------- loss and backprop
def test_loss_and_backprop(qtbot, panel, xor_session):
    t = xor_session.trainer
    choose(qtbot, panel.loss_combo, "cross_entropy")
    assert t.loss == "cross_entropy"
    choose(qtbot, panel.loss_combo, "mse")
    assert t.loss == "mse"
    choose(qtbot, panel.backprop_combo, "proportional")
    assert t.backprop == "proportional"
    xor_session.step("iteration")
    assert t.values.backprop == "proportional"


def test_cross_entropy_disabled_for_a_linear_output(qtbot, panel, xor_session):
    assert panel.loss_enabled("cross_entropy")
    xor_session.set_trainer(presets.load("sine"))  # linear output, mse
    assert not panel.loss_enabled("cross_entropy")
    i = panel.loss_combo.findData("cross_entropy")
    assert "sigmoid" in panel.loss_combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
    panel.loss_combo.setFocus()
    for _ in range(3):  # the keyboard skips the disabled item
        qtbot.keyClick(panel.loss_combo, Qt.Key.Key_Down)
    assert xor_session.trainer.loss != "cross_entropy"


def test_freeze_all_biases(qtbot, panel, xor_session):
    t = xor_session.trainer
    click(qtbot, panel.freeze_biases_check)
    assert {p.name for p in t.network.params() if p.kind == "b"} <= t.frozen
    before = t.network.biases
    xor_session.step("iteration")
    assert all(np.array_equal(a, b) for a, b in zip(before, t.network.biases))
    click(qtbot, panel.freeze_biases_check)
    assert not t.frozen


# ------------------------------------------------------------ stopping rules
def test_loss_threshold_stops_play(qtbot, panel, xor_session):
    t = xor_session.trainer
    threshold = float(f"{0.9 * t.evaluate_loss():.3g}")
    click(qtbot, panel.until_loss_check)
    type_into(qtbot, panel.until_loss_spin, f"{threshold:g}")
    assert xor_session.until_loss == pytest.approx(threshold)
    xor_session.set_play_speed(float("inf"))
    stopped = []
    xor_session.message.connect(stopped.append)
    assert xor_session.play()
    qtbot.waitUntil(lambda: not xor_session.playing, timeout=10_000)
    assert len(t.loss_history) >= 2
    assert t.loss_history[-1] < threshold
    assert t.loss_history[-2] >= threshold  # stopped at the first iteration below
    assert any("fell below" in m for m in stopped)
    click(qtbot, panel.until_loss_check)
    assert xor_session.until_loss is None


def test_maximum_iterations_stops_play(qtbot, panel, xor_session):
    click(qtbot, panel.max_iter_check)
    type_into(qtbot, panel.max_iter_spin, "25")
    assert xor_session.max_iterations == 25
    xor_session.set_play_speed(float("inf"))
    xor_session.play()
    qtbot.waitUntil(lambda: not xor_session.playing, timeout=10_000)
    assert xor_session.trainer.iteration == 25
    click(qtbot, panel.max_iter_check)
    assert xor_session.max_iterations is None


# --------------------------------------------------------------- init lessons
def test_initialisation_lessons(qtbot, panel, xor_session, messages):
    t = xor_session.trainer
    start = [w.copy() for w in t.network.weights]
    xor_session.step("iteration")
    click(qtbot, panel.zeros_button)
    assert t.init_scheme == "zeros" and t.iteration == 0
    assert all(not w.any() for w in t.network.weights)
    assert panel.lesson_label.text() == LESSONS["zeros"]
    assert panel.lesson_label.isVisible()
    for _ in range(5):
        xor_session.step("iteration")
    W1 = t.network.weights[0]
    assert np.allclose(W1, W1[0])  # every hidden unit identical
    click(qtbot, panel.large_button)
    assert t.init_scheme == "large"
    assert max(np.abs(w).max() for w in t.network.weights) > 2
    assert panel.lesson_label.text() == LESSONS["large"]
    assert messages[-1] == LESSONS["large"]
    click(qtbot, panel.restore_button)
    assert t.init_scheme == "uniform"
    assert not panel.lesson_label.isVisible()
    assert all(np.array_equal(a, b) for a, b in zip(t.network.weights, start))
    assert t.iteration == 0


def test_restore_brings_back_a_hand_made_start(qtbot, panel, xor_session):
    xor_session.load_preset("mazur")  # published weights, not drawn from a scheme
    t = xor_session.trainer
    start = [w.copy() for w in t.network.weights]
    click(qtbot, panel.large_button)
    click(qtbot, panel.zeros_button)  # a second lesson keeps the first start
    click(qtbot, panel.restore_button)
    assert all(np.array_equal(a, b) for a, b in zip(t.network.weights, start))
    assert t.init_scheme is None
    xor_session.step("iteration")
    t.reset()
    assert all(np.array_equal(a, b) for a, b in zip(t.network.weights, start))


# ------------------------------------------------------------------ schedule
def test_schedule_controls(qtbot, panel, xor_session):
    if panel.schedule_combo is None:
        pytest.skip("the core has no learning-rate schedule")
    t = xor_session.trainer
    choose(qtbot, panel.schedule_combo, "step")
    assert t.settings.schedule.kind == "step"
    shown = [n for n, s in panel.schedule_spins.items() if s.isVisibleTo(panel)]
    assert shown == ["step_size", "gamma"]
    type_into(qtbot, panel.schedule_spins["step_size"], "2")
    type_into(qtbot, panel.schedule_spins["gamma"], "0.5")
    assert (t.settings.schedule.step_size, t.settings.schedule.gamma) == (2, 0.5)
    for _ in range(3):
        xor_session.step("iteration")
    assert t.values.learning_rate == pytest.approx(t.learning_rate * 0.5)  # iteration 2 of 0..2
    choose(qtbot, panel.schedule_combo, "inverse")
    assert [n for n, s in panel.schedule_spins.items() if s.isVisibleTo(panel)] == ["decay"]
    t.configure(schedule="exponential")
    assert panel.schedule_combo.currentData() == "exponential"


# ---------------------------------------------------------- following the core
def test_controls_follow_the_trainer(qtbot, panel, xor_session):
    t = xor_session.trainer
    t.configure(optimizer="adam", optimizer_params={"beta1": 0.7}, batch=2, loss="mse",
                backprop="proportional", shuffle=True)
    t.freeze_biases()
    assert panel.optimizer_combo.currentData() == "adam"
    assert panel.param_spins["beta1"].value() == pytest.approx(0.7)
    assert panel.batch_combo.currentData() == "mini" and panel.batch_size_spin.value() == 2
    assert panel.loss_combo.currentData() == "mse"
    assert panel.backprop_combo.currentData() == "proportional"
    assert panel.shuffle_check.isChecked() and panel.freeze_biases_check.isChecked()

    xor_session.set_trainer(presets.load("mazur"))  # sgd, full batch, frozen biases
    assert panel.optimizer_combo.currentData() == "sgd"
    assert panel.batch_combo.currentData() == "full"
    assert panel.loss_combo.currentData() == "half_sse"
    assert panel.backprop_combo.currentData() == "chain"
    assert panel.freeze_biases_check.isChecked()
    assert not panel.shuffle_check.isChecked()
    assert panel.batch_size_spin.maximum() == 1
    # and the new trainer is the one the controls write to
    choose(qtbot, panel.backprop_combo, "proportional")
    assert xor_session.trainer.backprop == "proportional"


def test_no_feedback_loops(qtbot, panel, xor_session):
    """Following the core writes nothing back: one change, one setting event."""
    seen = []
    xor_session.trainer.settings_changed.connect(lambda name, value: seen.append(name))
    choose(qtbot, panel.optimizer_combo, "momentum")  # one key press
    assert seen == ["optimizer"]
    xor_session.trainer.configure(batch="online", optimizer="adam")
    assert sorted(seen) == ["batch", "optimizer", "optimizer"]
    assert panel.optimizer_combo.currentData() == "adam"


def test_a_refused_setting_gives_a_message_and_shows_the_trainer(qtbot, panel, xor_session, messages):
    xor_session.set_trainer(presets.load("sine"))
    panel.loss_combo.setCurrentIndex(panel.loss_combo.findData("cross_entropy"))
    panel._on_loss(panel.loss_combo.currentIndex())  # what a forced choice would do
    assert xor_session.trainer.loss == "mse"
    assert "cross_entropy" in messages[-1]
    assert panel.loss_combo.currentData() == "mse"


def test_readable_in_both_palettes(qtbot, xor_session, tmp_path, dark):
    p = TrainingPanel(xor_session)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    p.start_lesson("zeros")
    label = p.lesson_label
    fg = label.palette().color(label.foregroundRole())
    bg = p.palette().color(p.backgroundRole())
    assert abs(fg.lightness() - bg.lightness()) > 100
    assert p.grab().save(str(tmp_path / "panel.png"))


def test_a_batch_above_the_sample_count_shows_what_is_used(panel, xor_session):
    """As `nnviz train --batch 100` says it: a mini-batch of all 4 samples."""
    xor_session.configure(batch=100)
    assert panel.batch_combo.currentData() == "mini" and panel.batch_size_spin.value() == 4
    assert panel.batch_size_spin.maximum() == 4 and xor_session.trainer.batch_size == 4
