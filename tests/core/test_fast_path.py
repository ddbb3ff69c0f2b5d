"""run() takes a fast path (a whole iteration in one go, no per-step events); it must
give the same bits as stepping micro-step by micro-step."""

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create


def blobs(n=24, seed=3):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2))
    t = (x[:, :1] * x[:, 1:] > 0).astype(float)
    return Dataset(x, t)


def state(t):
    v = t.values
    resume = t.resume_state()
    arrays = list(t.network.weights) + list(t.network.biases)
    arrays += [a for st in resume.opt_state for a in st]
    for name in ("net", "activations", "errors", "grad_W", "grad_b", "update_W", "update_b"):
        arrays += getattr(v, name)
    return (arrays, list(t.loss_history), list(t.accuracy_history), [p.copy() for p in t.trajectory],
            v.loss, t.iteration, t.epoch, t.cursor, resume.opt_t)


def assert_same(a, b):
    arrays_a, *rest_a = a
    arrays_b, *rest_b = b
    assert len(arrays_a) == len(arrays_b)
    for x, y in zip(arrays_a, arrays_b):
        assert np.array_equal(x, y)
    traj_a, traj_b = rest_a[2], rest_b[2]
    assert all(np.array_equal(p, q) for p, q in zip(traj_a, traj_b)) and len(traj_a) == len(traj_b)
    assert rest_a[:2] + rest_a[3:] == rest_b[:2] + rest_b[3:]


def small(optimizer, batch, shuffle, backprop):
    t = create([2, 3, 1], ["tanh", "sigmoid"], blobs(), seed=7, learning_rate=0.3,
               optimizer=optimizer, batch=batch, shuffle=shuffle, backprop=backprop)
    t.freeze(["W1[0,1]", "b2[0]"])
    return t


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adagrad", "adam"])
@pytest.mark.parametrize("batch, shuffle", [("full", False), ("online", True), (5, True)])
@pytest.mark.parametrize("backprop", ["chain", "proportional"])
def test_run_equals_stepping_micro_by_micro(optimizer, batch, shuffle, backprop):
    fast, slow = (small(optimizer, batch, shuffle, backprop) for _ in range(2))
    fast.run(23)
    for _ in range(23 * len(slow.steps)):
        slow.step("micro")
    assert_same(state(fast), state(slow))


def test_back_after_a_fast_run_restores_every_micro_step_exactly():
    t = presets.load("xor")
    t.configure(optimizer="adam", batch="online", shuffle=True)
    records = []
    for _ in range(3 * len(t.steps)):
        records.append(state(t))
        t.step("micro")
    t.run(40)
    t.back(40 * len(t.steps))
    for record in reversed(records):
        t.back()
        assert_same(state(t), record)


def test_values_after_a_fast_run_are_read_only_and_complete():
    t = presets.load("sine")
    t.run(5)
    v = t.values
    for name in ("net", "activations", "errors", "grad_W", "grad_b", "update_W", "update_b"):
        for a in getattr(v, name):
            assert a is not None and not a.flags.writeable
    assert v.loss == t.loss_history[-1]


def test_a_subscriber_sees_every_micro_step_even_in_run():
    t = presets.load("mazur")
    seen = []
    t.micro_step.connect(lambda e: seen.append(e.step.index))
    t.run(3)
    assert seen == list(range(len(t.steps))) * 3


def test_divergence_undoes_the_update_that_caused_it_so_a_smaller_rate_recovers():
    t = presets.load("sine")
    t.learning_rate = 5.0
    result = t.run(100)
    assert result.reason == "diverged" and "undone" in result.message
    assert result.iterations == t.iteration
    assert all(np.isfinite(w).all() for w in t.network.weights)
    t.learning_rate = 0.05
    before = t.evaluate_loss()
    assert t.run(300).reason == "iterations"
    assert t.evaluate_loss() < before


def test_divergence_while_stepping_also_undoes_the_update():
    t = presets.load("sine")
    t.learning_rate = 5.0
    while t.status != "diverged":
        t.step("micro")
    assert t.phase == "update"  # standing before the update that blew up
    t.learning_rate = 0.05
    t.step("iteration")
    assert t.status == "ready"


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adagrad", "adam"])
@pytest.mark.parametrize("batch, shuffle", [("full", False), (5, True)])
@pytest.mark.parametrize("backprop", ["chain", "proportional"])
def test_micro_steps_computed_one_by_one_equal_run(optimizer, batch, shuffle, backprop):
    """A micro-step at an iteration's start computes the iteration whole and shows it step
    by step; a hand edit drops that, and the rest is computed micro-step by micro-step.
    Editing a weight to its own value before every step takes that path throughout."""
    fast, slow = (small(optimizer, batch, shuffle, backprop) for _ in range(2))
    fast.run(9)
    for _ in range(9 * len(slow.steps)):
        if slow.cursor:
            slow.set_parameter("W2[0,0]", slow.network.get("W2[0,0]"))
        slow.step("micro")
    assert_same(state(fast), state(slow))
