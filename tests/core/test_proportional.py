"""``backprop="proportional"``: the error e = t - o split back along the weights in
proportion to w_kj / sum_i |w_ki|, and the update dW = lr * mean(e * f'(net) a_prev^T)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create

LR = 0.3


def f(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + math.exp(-z))
    if name == "tanh":
        return math.tanh(z)
    if name == "linear":
        return z
    raise AssertionError(name)


def fprime(name, z):
    if name == "sigmoid":
        s = f("sigmoid", z)
        return s * (1 - s)
    if name == "tanh":
        return 1 - math.tanh(z) ** 2
    return 1.0


def reference(W1, b1, W2, b2, x, t, acts, lr):
    """Everything the proportional iteration computes, with plain Python loops."""
    n_s, n_in = x.shape
    n_h, n_out = W1.shape[0], W2.shape[0]
    net1 = [[sum(W1[j, i] * x[s, i] for i in range(n_in)) + b1[j] for j in range(n_h)] for s in range(n_s)]
    a1 = [[f(acts[0], net1[s][j]) for j in range(n_h)] for s in range(n_s)]
    net2 = [[sum(W2[k, j] * a1[s][j] for j in range(n_h)) + b2[k] for k in range(n_out)] for s in range(n_s)]
    a2 = [[f(acts[1], net2[s][k]) for k in range(n_out)] for s in range(n_s)]
    e2 = [[t[s, k] - a2[s][k] for k in range(n_out)] for s in range(n_s)]
    e1 = []
    for s in range(n_s):
        row = []
        for j in range(n_h):
            total = 0.0
            for k in range(n_out):
                denom = sum(abs(W2[k, i]) for i in range(n_h))
                total += 0.0 if denom == 0 else e2[s][k] * W2[k, j] / denom
            row.append(total)
        e1.append(row)
    dW2 = np.zeros_like(W2)
    db2 = np.zeros_like(b2)
    for k in range(n_out):
        for s in range(n_s):
            local = e2[s][k] * fprime(acts[1], net2[s][k])
            db2[k] += lr * local / n_s
            for j in range(n_h):
                dW2[k, j] += lr * local * a1[s][j] / n_s
    dW1 = np.zeros_like(W1)
    db1 = np.zeros_like(b1)
    for j in range(n_h):
        for s in range(n_s):
            local = e1[s][j] * fprime(acts[0], net1[s][j])
            db1[j] += lr * local / n_s
            for i in range(n_in):
                dW1[j, i] += lr * local * x[s, i] / n_s
    return dict(e2=np.array(e2), e1=np.array(e1), dW1=dW1, db1=db1, dW2=dW2, db2=db2,
                a1=np.array(a1), a2=np.array(a2))


def make(acts, seed):
    rng = np.random.default_rng(100 + seed)
    x = rng.uniform(-1.5, 1.5, (3, 2))
    t = rng.uniform(0, 1, (3, 2))
    trainer = create([2, 3, 2], list(acts), Dataset(x, t), seed=seed, backprop="proportional",
                     optimizer="sgd", learning_rate=LR, batch="full")
    return trainer, x, t


def check_iteration(trainer, x, t, acts):
    W1, W2 = np.array(trainer.network.weights[0]), np.array(trainer.network.weights[1])
    b1, b2 = np.array(trainer.network.biases[0]), np.array(trainer.network.biases[1])
    ref = reference(W1, b1, W2, b2, x, t, acts, LR)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trainer.step("iteration")
    v = trainer.values
    np.testing.assert_allclose(v.activations[0], ref["a1"], rtol=1e-13)
    np.testing.assert_allclose(v.activations[1], ref["a2"], rtol=1e-13)
    np.testing.assert_allclose(v.errors[1], ref["e2"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(v.errors[0], ref["e1"], rtol=1e-12, atol=1e-15)
    net = trainer.network
    np.testing.assert_allclose(net.weights[1] - W2, ref["dW2"], rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(net.biases[1] - b2, ref["db2"], rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(net.weights[0] - W1, ref["dW1"], rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(net.biases[0] - b1, ref["db1"], rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(v.update_W[1], ref["dW2"], rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(v.update_W[0], ref["dW1"], rtol=1e-10, atol=1e-15)
    return ref


@pytest.mark.parametrize("acts", [("sigmoid", "sigmoid"), ("tanh", "linear"), ("sigmoid", "tanh")])
@pytest.mark.parametrize("seed", range(3))
def test_proportional_split_and_update(acts, seed):
    trainer, x, t = make(acts, seed)
    assert trainer.backprop == "proportional"
    check_iteration(trainer, x, t, acts)
    # and again from the updated weights
    check_iteration(trainer, x, t, acts)


def test_split_error_shares_sum_to_error_for_positive_weights():
    """With all weights positive, each output error is split completely: sum_j e_j = sum_k e_k."""
    x = np.array([[0.2, 0.7], [1.0, -0.4], [0.5, 0.5]])
    t = np.array([[0.9, 0.1], [0.3, 0.6], [0.0, 1.0]])
    trainer = create([2, 3, 2], "sigmoid", Dataset(x, t), seed=3, backprop="proportional")
    for r in range(2):
        for c in range(3):
            trainer.set_parameter(f"W2[{r},{c}]", 0.1 + 0.2 * r + 0.3 * c)
    trainer.step("phase")
    trainer.step("phase")
    trainer.step("phase")
    v = trainer.values
    np.testing.assert_allclose(v.errors[0].sum(axis=1), v.errors[1].sum(axis=1), rtol=1e-13)


def test_zero_weight_row_gets_share_zero():
    """An output neuron whose incoming weights are all 0 passes no error back (no 0/0)."""
    trainer, x, t = make(("sigmoid", "sigmoid"), 0)
    for c in range(3):
        trainer.set_parameter(f"W2[0,{c}]", 0.0)
    W2 = np.array(trainer.network.weights[1])
    assert not W2[0].any() and np.abs(W2[1]).sum() > 0
    ref = check_iteration(trainer, x, t, ("sigmoid", "sigmoid"))
    v = trainer.values
    # e_j only from output 1
    expected = np.outer(ref["e2"][:, 1], W2[1] / np.abs(W2[1]).sum())
    np.testing.assert_allclose(v.errors[0], expected, rtol=1e-12, atol=1e-15)
    assert np.isfinite(v.errors[0]).all()


def test_all_zero_weights_give_zero_hidden_errors():
    trainer, x, t = make(("sigmoid", "sigmoid"), 1)
    for r in range(2):
        for c in range(3):
            trainer.set_parameter(f"W2[{r},{c}]", 0.0)
    check_iteration(trainer, x, t, ("sigmoid", "sigmoid"))
    assert not trainer.values.errors[0].any()
    assert not trainer.values.update_W[0].any()


def test_proportional_differs_from_chain():
    """Sanity: the two modes really compute different updates for the hidden layer."""
    t_prop, x, t = make(("sigmoid", "sigmoid"), 2)
    t_chain = create([2, 3, 2], "sigmoid", Dataset(x, t), seed=2, backprop="chain",
                     optimizer="sgd", learning_rate=LR)
    np.testing.assert_array_equal(t_prop.network.flat(), t_chain.network.flat())
    t_prop.step("iteration")
    t_chain.step("iteration")
    assert not np.allclose(t_prop.values.update_W[0], t_chain.values.update_W[0])
