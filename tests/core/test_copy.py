"""Trainer.copy(): a copy carries on exactly as the original would, whatever made it
(the window's fork, the chain-vs-proportional race, the learning-rate sweep)."""

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.analysis import compare, sweep
from nnviz.core.trainer import Schedule

STEP = Schedule("step", step_size=4, gamma=0.5)  # the rate halves between iterations 4 and 5


def xor_with_a_step_schedule(iterations=3):
    t = presets.load("xor")
    t.configure(schedule=STEP)
    t.run(iterations)
    return t


def params(t):
    return [a for pair in zip(t.network.weights, t.network.biases) for a in pair]


def assert_same_run(copy, original, n):
    assert all(np.array_equal(a, b) for a, b in zip(params(copy), params(original)))
    assert copy.loss_history[-n:] == original.loss_history[-n:]
    assert copy.iteration == original.iteration
    assert copy.applied_learning_rate == original.applied_learning_rate


def test_a_copy_follows_the_learning_rate_schedule():
    t = xor_with_a_step_schedule()
    copy = t.copy()
    t.run(5)
    copy.run(5)
    assert_same_run(copy, t, 5)
    assert t.values.learning_rate == presets.XOR_RATE * 0.5  # the schedule did change the rate on the way


def test_the_race_copy_in_the_originals_mode_follows_the_schedule():
    t = xor_with_a_step_schedule()
    race = compare.Race(t)
    race.advance(5)
    t.run(5)
    assert race.chain_losses == t.loss_history[-5:]
    assert_same_run(race.copies["chain"], t, 5)


def test_the_sweep_at_the_originals_rate_follows_the_schedule():
    t = xor_with_a_step_schedule()
    result = sweep.sweep(t, [t.learning_rate], 5)
    t.run(5)
    assert result.loss_curves[0].tolist() == t.loss_history[-5:]
    assert result.final_losses[0] == t.evaluate_loss()


@pytest.mark.parametrize("cursor", [0, 1, 4, 7, 8])
def test_a_copy_made_mid_iteration_finishes_that_iteration_exactly(cursor):
    t = xor_with_a_step_schedule()
    t.configure(optimizer="adam", batch=2, shuffle=True)
    t.run(2)
    for _ in range(cursor):
        t.step("micro")
    copy = t.copy()
    assert copy.cursor == t.cursor
    t.run(5)
    copy.run(5)
    assert_same_run(copy, t, 5)


def test_overrides_apply_as_configure_would():
    t = xor_with_a_step_schedule()
    t.configure(optimizer="momentum")
    t.run(2)
    copy = t.copy(learning_rate=0.7, optimizer="adam", optimizer_params={"beta1": 0.8},
                  backprop="proportional", history_limit=50)
    reference = xor_with_a_step_schedule()
    reference.configure(optimizer="momentum")
    reference.run(2)
    reference.configure(learning_rate=0.7, optimizer="adam", optimizer_params={"beta1": 0.8},
                        backprop="proportional")
    assert copy.settings == reference.settings and copy.history_limit == 50
    copy.run(6)
    reference.run(6)
    assert_same_run(copy, reference, 6)
    assert t.settings.optimizer.name == "momentum" and t.learning_rate == presets.XOR_RATE  # the original unchanged


def test_what_a_copy_keeps_of_the_past():
    t = xor_with_a_step_schedule(7)
    t.step("micro")
    copy = t.copy()
    assert copy.loss_history == [] and copy.accuracy_history == [] and copy.check_loss_history == []
    assert len(copy.trajectory) == 1 and np.array_equal(copy.trajectory[0], t.network.flat())
    assert copy.trajectory_start == t.iteration
    assert not copy.can_step_back
    assert copy.initial[0] is t.initial[0] and copy.seed == t.seed and copy.init_scheme == t.init_scheme
    copy.reset()
    t.reset()
    assert all(np.array_equal(a, b) for a, b in zip(params(copy), params(t)))


def test_a_copy_is_independent_of_the_original():
    t = xor_with_a_step_schedule()
    t.configure(batch="online", shuffle=True)
    copy = t.copy()
    heard = []
    t.weights_changed.connect(heard.append)
    copy.run(10)
    assert heard == [] and t.iteration == 3
    assert copy.rng is not t.rng and copy.network is not t.network


def test_resume_state_is_training_state_without_the_past():
    t = xor_with_a_step_schedule(9)
    t.configure(optimizer="adam", batch=3, shuffle=True)
    t.run(2)
    t.step("micro")
    full, resume = t.training_state(), t.resume_state()
    assert resume.loss_history == resume.accuracy_history == resume.check_loss_history == []
    assert resume.trajectory == []
    for name in ("opt_name", "opt_t", "cursor", "position", "epoch", "rng_state", "iteration", "status"):
        assert getattr(resume, name) == getattr(full, name)
    assert np.array_equal(resume.order, full.order)
    assert all(np.array_equal(a, b) for x, y in zip(resume.opt_state, full.opt_state) for a, b in zip(x, y))
