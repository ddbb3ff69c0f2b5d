"""Learning-rate schedules: the rate each update applies."""

import math

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.analysis.surface import look_ahead
from nnviz.core.trainer import Schedule


@pytest.mark.parametrize("schedule, expected", [
    (Schedule("constant"), lambda t: 0.8),
    (Schedule("step", step_size=3, gamma=0.5), lambda t: 0.8 * 0.5 ** (t // 3)),
    (Schedule("exponential", gamma=0.9), lambda t: 0.8 * 0.9 ** t),
    (Schedule("inverse", decay=0.25), lambda t: 0.8 / (1 + 0.25 * t)),
])
def test_each_update_applies_the_scheduled_rate(schedule, expected):
    t = presets.load("xor")
    t.configure(learning_rate=0.8, schedule=schedule)
    for k in range(8):
        assert t.applied_learning_rate == pytest.approx(expected(k), rel=1e-15)
        t.step("iteration")
        v = t.values
        assert v.learning_rate == pytest.approx(expected(k), rel=1e-15)
        assert np.allclose(v.update_W[0], -expected(k) * v.grad_W[0], rtol=1e-12, atol=1e-15)


def test_step_decay_changes_what_training_does():
    plain, decayed = presets.load("xor"), presets.load("xor")
    decayed.configure(schedule={"kind": "step", "step_size": 5, "gamma": 0.1})
    plain.run(5)
    decayed.run(5)
    assert all(np.array_equal(a, b) for a, b in zip(plain.network.weights, decayed.network.weights))
    plain.run(1)
    decayed.run(1)
    assert not np.array_equal(plain.network.weights[0], decayed.network.weights[0])


def test_run_and_micro_steps_agree_under_a_schedule():
    fast, slow = presets.load("sine"), presets.load("sine")
    for t in (fast, slow):
        t.configure(schedule="inverse", batch=5, shuffle=True, optimizer="momentum")
    fast.run(30)
    for _ in range(30 * len(slow.steps)):
        slow.step("micro")
    assert all(np.array_equal(a, b) for a, b in zip(fast.network.weights, slow.network.weights))
    assert fast.loss_history == slow.loss_history


def test_look_ahead_follows_the_schedule():
    t = presets.load("sine")
    t.configure(schedule={"kind": "exponential", "gamma": 0.8})
    la = look_ahead(t, 0.05, steps=10)
    t.configure(learning_rate=0.05)
    t.run(10)
    assert np.array_equal(la.params[-1], t.network.flat())


@pytest.mark.parametrize("bad", [{"kind": "cosine"}, {"kind": "step", "step_size": 0},
                                 {"kind": "step", "gamma": 1.5}, {"kind": "inverse", "decay": -1},
                                 {"kind": "inverse", "decay": math.inf}])
def test_bad_schedules_are_refused(bad):
    t = presets.load("xor")
    with pytest.raises(ValueError):
        t.configure(schedule=bad)
    assert t.settings.schedule == Schedule()
