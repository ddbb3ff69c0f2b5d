"""The Trainer's backprop gradients (``chain`` mode) against central finite differences
of the batch loss, for random small networks, data and losses."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings

from nnviz.core import presets
from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create
from strategies import problems

H = 1e-6
RTOL, ATOL = 1e-5, 1e-7
KINK = 1e-3  # relu net inputs closer than this to 0 are skipped (finite differences would cross)


def numeric_gradient(trainer) -> np.ndarray:
    net = trainer.network
    base = net.flat()
    grad = np.empty_like(base)
    try:
        for i in range(base.size):
            plus, minus = base.copy(), base.copy()
            plus[i] += H
            minus[i] -= H
            net.set_flat(plus)
            lp = trainer.evaluate_loss()
            net.set_flat(minus)
            lm = trainer.evaluate_loss()
            grad[i] = (lp - lm) / (2 * H)
    finally:
        net.set_flat(base)
    return grad


def backprop_gradient(trainer) -> np.ndarray:
    v = trainer.values
    parts = []
    for gw, gb in zip(v.grad_W, v.grad_b):
        parts += [np.asarray(gw).ravel(), np.asarray(gb)]
    return np.concatenate(parts)


def run_to_end_of_backward(trainer) -> None:
    assert trainer.cursor == 0
    trainer.step("phase")
    assert trainer.phase == "loss"
    trainer.step("phase")
    assert trainer.phase == "backward"
    trainer.step("phase")
    assert trainer.phase == "update"
    L = trainer.network.n_layers
    assert trainer.cursor == 2 * L + 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(problems())
def test_chain_gradients_match_finite_differences(problem):
    sizes, acts, loss, data, seed = problem
    trainer = create(sizes, acts, data, seed=seed, loss=loss, batch="full", backprop="chain")
    before = trainer.network.flat()
    trainer.step("phase")  # forward: look at the relu net inputs before going on
    for act, z in zip(acts, trainer.values.net):
        if act == "relu":
            assume(np.abs(z).min() > KINK)
    trainer.step("phase")
    trainer.step("phase")
    assert trainer.phase == "update"
    # No update has happened yet: the gradient is that of the current parameters.
    np.testing.assert_array_equal(trainer.network.flat(), before)
    assert trainer.values.loss == pytest.approx(trainer.evaluate_loss(), rel=1e-12, abs=1e-300)

    analytic = backprop_gradient(trainer)
    numeric = numeric_gradient(trainer)
    assert analytic.shape == numeric.shape == (trainer.network.n_params,)
    np.testing.assert_allclose(analytic, numeric, rtol=RTOL, atol=ATOL)
    # finite differences left the parameters as they were
    np.testing.assert_array_equal(trainer.network.flat(), before)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_gradient_shapes_and_sgd_update(problem):
    """Each gradient has its parameter's shape, and an sgd update moves by -lr * grad."""
    sizes, acts, loss, data, seed = problem
    trainer = create(sizes, acts, data, seed=seed, loss=loss, learning_rate=0.125)
    run_to_end_of_backward(trainer)
    net = trainer.network
    v = trainer.values
    old_w, old_b = list(net.weights), list(net.biases)
    for l in range(net.n_layers):
        assert v.grad_W[l].shape == net.weights[l].shape
        assert v.grad_b[l].shape == net.biases[l].shape
        assert v.errors[l].shape == (data.n_samples, sizes[l + 1])
    grads_w = [np.array(g) for g in v.grad_W]
    grads_b = [np.array(g) for g in v.grad_b]
    trainer.step("phase")
    assert trainer.cursor == 0 and trainer.iteration == 1
    for l in range(net.n_layers):
        np.testing.assert_allclose(net.weights[l], old_w[l] - 0.125 * grads_w[l], rtol=1e-15, atol=1e-15)
        np.testing.assert_allclose(net.biases[l], old_b[l] - 0.125 * grads_b[l], rtol=1e-15, atol=1e-15)


def test_errors_are_per_sample_deltas_and_gradient_is_their_mean():
    """grad_W = mean over samples of delta x input; the output delta of half_sse with a
    sigmoid is (o - t) o (1 - o) per sample."""
    x = np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]])
    t = np.array([[0.2], [0.9], [0.4]])
    trainer = create([2, 1], "sigmoid", Dataset(x, t), seed=5, loss="half_sse")
    run_to_end_of_backward(trainer)
    w, b = trainer.network.weights[0], trainer.network.biases[0]
    o = 1 / (1 + np.exp(-(x @ w.T + b)))
    delta = (o - t) * o * (1 - o)
    np.testing.assert_allclose(trainer.values.errors[0], delta, rtol=1e-13)
    np.testing.assert_allclose(trainer.values.grad_W[0], (delta * x).mean(axis=0, keepdims=True), rtol=1e-13)
    np.testing.assert_allclose(trainer.values.grad_b[0], delta.mean(axis=0), rtol=1e-13)


def test_mazur_gradients_match_finite_differences():
    trainer = presets.load("mazur")
    run_to_end_of_backward(trainer)
    np.testing.assert_allclose(backprop_gradient(trainer), numeric_gradient(trainer), rtol=RTOL, atol=ATOL)
    # dE/dw5 from the worked example: 0.082167041
    assert trainer.values.grad_W[1][0, 0] == pytest.approx(0.082167041, abs=5e-10)
