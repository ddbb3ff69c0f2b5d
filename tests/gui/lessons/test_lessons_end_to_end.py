"""Each lesson, run end to end in the window by doing what its text asks — clicks on the
real controls, choices with the keyboard, dialogs filled in — and every check turns
green; before the user has done the thing, it stays unticked."""

import numpy as np
import pytest

from nnviz.core.analysis import regimes
from nnviz.gui.dialogs.data_dialog import DataDialog
from nnviz.gui.panels.surface.dialogs import ForkDialog


def fork_with(monkeypatch, batch=None, loss=None, rate=None):
    """The Fork dialog, filled in by the user: a batch mode (a size for a mini-batch), a loss
    or a rate (else the dialog's own)."""
    def run(dialog):
        if rate is not None:
            dialog.rate.setText(rate)
        if batch is not None:
            key = "mini" if isinstance(batch, int) else batch
            dialog.batch.setCurrentIndex(dialog.batch.findData(key))
            if isinstance(batch, int):
                dialog.batch_size.setValue(batch)
        if loss is not None:
            dialog.loss.setCurrentIndex(dialog.loss.findData(loss))
        return 1
    monkeypatch.setattr(ForkDialog, "exec", run)


def data_dialog_with(monkeypatch, user, holdout=0):
    """Tools ▸ Data…, filled in: Normalize ticked, ``holdout`` % held out, Use this data."""
    def run(dialog):
        if not dialog.normalize_check.isChecked():
            user.click(dialog.normalize_check)
        if holdout:
            user.type_into(dialog.holdout_spin.lineEdit(), str(holdout))
        user.click(dialog.ok_button)
        return 1
    monkeypatch.setattr(DataDialog, "exec", run)


def test_lesson_1_one_training_iteration(user):
    w = user.window
    user.open_lesson("one-iteration")
    t = user.session.trainer
    assert t.dataset.name == "mazur" and not user.ticked
    assert "nnviz: outh1 = —" in user.text()  # the live number does not exist yet
    for button, published in (("next", "0.593269992"), ("next", "0.75136507"), ("next", "0.298371109"),
                              ("next", "0.082167041"), ("next", "0.000438568")):
        assert not user.ticked
        user.step(button)
        assert user.ticked, user.player.step.title
        assert published in user.text()  # the published number, and nnviz's beside it
        assert user.text().count(published) >= 2, user.text()
        user.next_step()
    assert not user.ticked
    user.step("next")  # Update · layer 2 only: w1 is not updated yet
    assert not user.ticked
    user.step("iteration")
    assert user.ticked and "0.35891648" in user.text()
    user.next_step()
    assert w.session.max_iterations == 10000 and not user.ticked
    user.full_speed()
    user.play_until_stopped()
    assert t.iteration == 10000 and user.ticked
    assert "0.0000351085" in user.text()
    assert user.all_ticked


def test_lesson_2_the_learning_rate(user):
    w = user.window
    user.open_lesson("learning-rate")
    box = w.controls.learning_rate.box
    assert user.player.reader.value("zigzag_rate") == pytest.approx(0.25)
    assert user.player.reader.value("diverge_rate") == pytest.approx(0.5)
    user.full_speed()
    user.play_until_stopped()  # at the preset's rate 0.15: not "too small"
    assert not user.ticked
    user.type_into(box, "0.001")
    user.click(w.controls.reset_button)
    user.play_until_stopped()
    assert user.ticked and user.player.reader.value("loss_now") > 100 * 0.0069
    user.next_step()
    user.type_into(box, "0.2")
    user.play_until_stopped()
    assert user.ticked
    user.next_step()
    user.type_into(box, "0.24")  # below 1/λmax: no zig-zag, whatever the user plays
    user.play_until_stopped()
    assert not user.ticked
    user.click(w.controls.reset_button)
    user.type_into(box, "0.4")  # dragged into the band: ticked, and the look-ahead from the start zig-zags
    assert user.ticked
    user.qtbot.waitUntil(lambda: "At rate 0.4: zigzag" in w.surface_panel.look.indicator.text(), timeout=10000)
    user.play_until_stopped()
    steepest = regimes.eigen_2x2(user.session.trainer, "w1", "w2").vectors[:, 0]
    along = np.diff(np.array(user.session.trainer.trajectory)[:, :2], axis=0).dot(steepest)
    assert (along[:-1] * along[1:] < 0).all()  # on the surface: every step flips across the valley
    user.next_step()
    user.type_into(box, "0.45")  # still below 2/λmax: it converges, no tick
    user.click(w.controls.play_button)
    user.qtbot.waitUntil(lambda: user.session.trainer.iteration >= 60, timeout=30000)
    user.click(w.controls.play_button)
    assert not user.ticked and user.session.trainer.status == "ready"
    user.type_into(box, "0.55")
    user.click(w.controls.reset_button)
    user.click(w.controls.play_button)
    user.qtbot.waitUntil(lambda: user.session.trainer.status == "diverged", timeout=30000)
    assert user.ticked
    user.next_step()
    user.click(w.training_panel.sweep_button)
    sweep = w.sweep_dialog
    with user.qtbot.waitSignal(sweep.finished_sweep, timeout=60000):
        user.click(sweep.run_button)
    assert not user.ticked  # swept, but the best rate is not used yet
    user.click(sweep.use_best_button)
    assert user.ticked and 0.25 < user.session.trainer.learning_rate < 0.5
    sweep.close()
    user.next_step()
    assert user.session.trainer.dataset.name == "sine"
    user.type_into(box, "0.05")  # a rate that falls smoothly: no saw-tooth, no tick
    user.play_until_stopped()
    assert not user.ticked and user.player.reader.value("loss_rises") == 0
    user.type_into(box, "0.3")
    user.click(w.controls.reset_button)
    user.play_until_stopped()
    assert user.ticked and user.all_ticked


def test_lesson_3_initial_weights(user, monkeypatch):
    w = user.window
    user.open_lesson("initial-weights")
    user.full_speed()
    user.click(w.training_panel.large_button)  # the wrong button first: no tick
    user.play_until_stopped()
    assert user.session.trainer.iteration == 200 and not user.ticked
    user.click(w.training_panel.zeros_button)
    user.play_until_stopped()
    assert user.ticked
    # the point on screen: h1 and h2 are copies of each other
    assert "largest difference between two hidden outputs: 0" in user.text()
    net = user.session.trainer.network
    assert net.get("w1") == net.get("w3") != 0 and net.get("w5") == net.get("w6")
    user.next_step()
    assert user.session.trainer.dataset.name == "xor" and not user.ticked
    user.click(w.training_panel.large_button)
    user.play_until_stopped()
    assert user.ticked
    assert user.player.reader.value("max_grad", "1") < 1e-4  # the gradients vanished
    user.next_step()
    user.click(w.training_panel.restore_button)
    user.play_until_stopped()
    assert user.session.trainer.iteration == 1000 and user.ticked
    assert user.all_ticked


def test_lesson_4_sharing_the_error(user):
    w = user.window
    user.open_lesson("sharing-the-error")
    assert user.session.trainer.backprop == "proportional"
    user.step("phase", 2)  # forward, loss
    assert not user.ticked
    user.step("phase")  # backward
    assert user.ticked
    shares = [user.player.reader.value("error", n) for n in ("y1", "y2", "y3")]
    assert [round(x, 2) for x in shares] == [1.01, 0.37, 0.63]
    assert "nnviz: ey1 = 1.008695652" in user.text()
    user.next_step()
    assert user.session.trainer.iteration == 0 and user.session.trainer.cursor == 0
    user.step("phase", 3)  # still proportional: no tick
    assert not user.ticked
    user.choose(w.training_panel.backprop_combo, "chain")
    user.step("iteration")
    user.step("phase", 3)
    assert not user.ticked  # the chain rule, but a later iteration: the numbers have moved
    user.click(w.controls.reset_button)
    user.step("phase", 3)
    assert user.ticked and "nnviz: δy1 = -0.29" in user.text()
    user.next_step()
    w.compare_panel.iterations_box.setValue(200)
    with user.qtbot.waitSignal(w.compare_panel.raceFinished, timeout=30000):
        user.click(w.compare_panel.race_button)
    assert user.ticked and user.all_ticked


def test_lesson_5_the_computational_graph(user):
    w = user.window
    user.open_lesson("computational-graph")
    assert user.session.selection.param == "W2[0,0]" and w.graph_dock.isVisible()
    user.session.select_param("w6")  # the user clicked another edge: no tick for w5
    user.step("phase", 2)
    user.step("next")
    assert not user.ticked
    user.session.select_param("w5")
    assert user.ticked
    # the graph tab walks the backward pass from E to w5: the last node reached is w5's
    w.digits_actions[9].trigger()  # View ▸ Digits: the lesson's and the worked example's digits
    user.qtbot.waitUntil(lambda: w.graph_panel.graph is not None and w.graph_panel.param == "W2[0,0]")
    while w.graph_panel.next_button.isEnabled():
        user.click(w.graph_panel.next_button)
    assert "0.082167041" in w.graph_panel.caption.text()
    # local × upstream = downstream, as the text shows it
    r = user.player.reader
    assert r.value("error", "o1") == r.value("dout", "o1") * r.value("deriv", "o1")
    assert r.value("grad", "w5") == r.value("error", "o1") * r.value("out", "h1")
    user.next_step()
    assert user.session.selection.param == "W1[0,0]" and not user.ticked
    user.step("next")
    assert user.ticked and user.all_ticked
    two_paths = r.value("error", "o1") * r.value("param", "w5") + r.value("error", "o2") * r.value("param", "w7")
    assert abs(r.value("dout", "h1") - two_paths) < 1e-15
    assert "dE/douth1 = their sum = 0.036350306" in user.text().replace("∂", "d")


def test_lesson_6_per_sample_or_batch(user, monkeypatch):
    w = user.window
    user.open_lesson("per-sample-or-batch")
    user.full_speed()
    user.play_until_stopped()
    assert user.session.trainer.iteration == 300 and user.ticked
    user.next_step()
    assert user.session.trainer.iteration == 0
    fork_with(monkeypatch, batch=8)  # a mini-batch where online is asked for: no tick
    user.click(w.surface_panel.controls.fork_button)
    user.play_until_stopped()
    assert not user.ticked
    user.click(w.surface_panel.controls.unfork_button)
    user.click(w.controls.reset_button)
    fork_with(monkeypatch, batch="online", rate="0.05")
    user.click(w.surface_panel.controls.fork_button)
    assert not user.ticked  # forked, not played yet
    user.play_until_stopped()
    assert user.ticked
    f = user.session.fork_run.trainer
    assert f.batch == "online" and f.iteration == 300
    # why the online curve is noisy: each point is one sample's loss
    online = f.loss_history[-100:]
    full = user.session.trainer.loss_history[-100:]
    spread = lambda xs: max(xs) - min(xs)  # noqa: E731
    assert spread(online) > 10 * spread(full)
    user.next_step()  # the online fork stays
    assert [g.trainer.batch for g in user.session.forks] == ["online"] and user.session.trainer.iteration == 300
    fork_with(monkeypatch, batch=8, rate="0.05")  # forked at 300, without the Reset the step asks for first
    user.click(w.surface_panel.controls.fork_button)
    user.play_until_stopped()  # Play stops at once: the run is at its 300
    assert not user.ticked
    user.click(w.controls.reset_button)  # the online fork starts again with the run; the late one goes
    assert [g.trainer.batch for g in user.session.forks] == ["online"]
    assert user.session.forks[0].trainer.iteration == 0 and not user.ticked
    user.click(w.surface_panel.controls.fork_button)
    assert not user.ticked
    user.click(w.loss_curve.log_box)
    user.play_until_stopped()
    assert user.ticked and user.all_ticked
    # three curves overlaid, each in its colour, named in the legend
    names = [label.text for _, label in w.loss_curve.legend.items]
    assert names == ["training loss (full batch)", "online", "mini-batch 8"]
    for g in user.session.forks:
        x, y = w.loss_curve.fork_data(g.slot)
        assert x.size == 300 and list(y) == g.trainer.loss_history
    r = user.player.reader
    assert r.value("fork_loss", "online") == user.session.forks[0].trainer.loss_history[-1]
    assert r.value("fork_loss", "8") == user.session.forks[1].trainer.loss_history[-1]
    assert "mini-batch of 8: —" not in user.text() and "online: —" not in user.text()


def test_lesson_7_the_data(user, monkeypatch):
    w = user.window
    user.open_lesson("data")
    raw_rate = user.player.reader.value("diverge_rate")
    user.full_speed()
    user.play_until_stopped()
    assert user.ticked
    assert abs(user.player.reader.value("param", "w2")) < 0.1  # the data says -2: w2 hardly moved
    user.next_step()
    data_dialog_with(monkeypatch, user)
    w.data_action.trigger()
    assert user.ticked
    assert user.player.reader.value("diverge_rate") > 500 * raw_rate  # the critical rate moved
    user.next_step()
    user.play_until_stopped()  # at the old rate: no tick
    assert not user.ticked
    user.type_into(w.controls.learning_rate.box, "0.5")
    assert user.session.trainer.learning_rate == 0.5
    user.click(w.controls.reset_button)
    user.play_until_stopped()
    assert user.ticked
    user.next_step()
    data_dialog_with(monkeypatch, user, holdout=25)
    w.data_action.trigger()
    assert user.session.trainer.dataset.check is not None and not user.ticked
    user.play_until_stopped()
    assert user.ticked and user.player.reader.value("check_loss") < 0.05
    user.next_step()
    assert user.session.until_loss is None and user.session.max_iterations is None
    user.click(w.training_panel.until_loss_check)
    assert not user.ticked
    user.click(w.training_panel.max_iter_check)
    user.type_into(w.training_panel.max_iter_spin.lineEdit(), "1000")
    assert user.session.max_iterations == 1000
    user.play_until_stopped()
    assert user.session.trainer.iteration == 1000 and user.ticked
    assert user.all_ticked


def test_lesson_8_loss_functions(user, monkeypatch):
    w = user.window
    user.open_lesson("loss-functions")
    user.step("next", 2)
    assert not user.ticked
    user.step("next")
    assert user.ticked
    assert abs(user.player.reader.value("grad", "w")) < 0.01  # under MSE the gradient almost vanishes
    user.next_step()
    user.step("next", 3)  # still MSE: no tick
    assert not user.ticked
    user.click(w.controls.reset_button)
    user.choose(w.training_panel.loss_combo, "cross_entropy")
    user.step("next", 3)
    assert user.ticked and user.player.reader.value("grad", "w") < -0.99
    user.next_step()
    assert user.session.trainer.loss == "mse"
    fork_with(monkeypatch, loss="cross_entropy")
    user.click(w.surface_panel.controls.fork_button)
    user.full_speed()
    user.play_until_stopped()
    assert user.ticked and user.all_ticked
    # the race: the cross-entropy fork is near the target, the MSE run still on its way
    assert user.player.reader.value("fork_out", "o") > 0.99 > user.player.reader.value("out", "o")


def test_lesson_9_optimizers(user, monkeypatch):
    w = user.window
    user.open_lesson("optimizers")
    assert user.session.trainer.dataset.name == "valley"
    user.full_speed()
    user.play_until_stopped()  # at the preset's 0.15: the rate the step asks for is above 0.4
    assert not user.ticked
    user.type_into(w.controls.learning_rate.box, "0.45")
    user.click(w.controls.reset_button)
    user.play_until_stopped()
    assert user.ticked
    sgd = user.player.reader.value("loss_now")
    user.next_step()
    heat = w.surface_panel.heat
    for k, (optimizer, rate) in enumerate((("momentum", "0.1"), ("adagrad", "1.0"), ("adam", "0.3"))):
        def fill(dialog, optimizer=optimizer, rate=rate):
            dialog.rate.setText(rate)
            dialog.optimizer.setCurrentIndex(dialog.optimizer.findData(optimizer))
            return 1
        monkeypatch.setattr(ForkDialog, "exec", fill)
        if k:  # the step asks for a Reset first: the earlier forks start again with the run
            assert user.session.trainer.iteration == 100
            user.click(w.controls.reset_button)
            assert [f.trainer.iteration for f in user.session.forks] == [0] * k
        user.click(w.surface_panel.controls.fork_button)
        assert not user.ticked
        user.play_until_stopped()
        assert user.ticked, optimizer
        assert [f.trainer.optimizer.name for f in user.session.forks] == ["momentum", "adagrad", "adam"][:k + 1]
        # every path on the surface: each fork's beside the main run's
        user.qtbot.waitUntil(lambda: all(heat.fork_items[f.slot].getData()[0] is not None
                                         and heat.fork_items[f.slot].getData()[0].size > 50
                                         for f in user.session.forks))
        if k < 2:
            user.next_step()
    # the end: SGD, momentum, Adagrad and Adam from the same start, overlaid and named
    assert user.player.done == {0, 1, 2, 3}
    assert [label.text for _, label in w.surface_panel.fork_view.legend.items] == [
        "main: sgd · rate 0.45", "momentum · rate 0.1", "adagrad · rate 1", "adam · rate 0.3"]
    assert len({heat.fork_items[f.slot].opts["pen"].color().name() for f in user.session.forks}) == 3
    assert {f.start for f in user.session.forks} == {0}
    r = user.player.reader
    losses = {o: r.value("fork_loss", o) for o in ("momentum", "adagrad", "adam")}
    assert r.value("loss_now") == pytest.approx(sgd, rel=1e-12)  # the same 100 SGD iterations again
    assert losses["momentum"] < sgd  # the heavy ball gets further along the valley
    assert "—" not in user.text()
    user.next_step()
    assert user.session.forks == []  # the schedule is about the SGD run alone
    user.choose(w.training_panel.schedule_combo, "step")
    user.type_into(w.training_panel.schedule_spins["step_size"].lineEdit(), "20")
    assert user.session.trainer.settings.schedule.step_size == 20
    user.play_until_stopped()
    assert user.ticked and user.all_ticked
    assert user.session.trainer.applied_learning_rate == pytest.approx(0.45 / 32)


@pytest.mark.parametrize("name", ["one-iteration", "learning-rate", "initial-weights", "sharing-the-error",
                                  "computational-graph", "per-sample-or-batch", "data", "loss-functions",
                                  "optimizers"])
def test_nothing_is_ticked_by_opening_or_reading(user, name):
    """Going through a lesson with Next only (reading) ticks no step that has a check."""
    user.open_lesson(name)
    p = user.player
    while True:
        assert p.passed() == (not p.step.checks and p.index in p.done)
        if not p.can_next:
            break
        user.next_step()
    assert all(not p.lesson.steps[i].checks for i in p.done)
