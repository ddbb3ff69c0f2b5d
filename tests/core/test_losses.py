"""Loss functions: values on hand-computed cases, output deltas, saturation, refusals."""

from __future__ import annotations

import math
import warnings
from contextlib import contextmanager

import numpy as np
import pytest

from nnviz.core import activations, losses
from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create


@contextmanager
def strict_numerics():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
            yield


def loss_for(name: str, act_name: str) -> losses.Loss:
    return losses.get(name, activations.get(act_name))


def sig(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# ------------------------------------------------------------------ values
def test_half_sse_hand_computed():
    o = np.array([[0.75, 0.25], [0.5, 0.1]])
    t = np.array([[1.0, 0.0], [0.0, 0.3]])
    # sample 0: 0.5 * (0.25^2 + 0.25^2) = 0.0625
    # sample 1: 0.5 * (0.5^2 + 0.2^2) = 0.5 * 0.29 = 0.145
    loss = loss_for("half_sse", "linear")
    np.testing.assert_allclose(loss.per_sample(o, o, t), [0.0625, 0.145], rtol=1e-15)
    assert loss.batch_loss(o, o, t) == pytest.approx((0.0625 + 0.145) / 2, rel=1e-15)
    np.testing.assert_allclose(loss.terms(o, o, t), [[0.03125, 0.03125], [0.125, 0.02]], rtol=1e-14)


def test_half_sse_mazur_total_error():
    """The worked example's E_total from its outputs: 0.274811083 + 0.023560026."""
    o = np.array([[0.75136507, 0.772928465]])
    t = np.array([[0.01, 0.99]])
    expected = 0.5 * (0.01 - 0.75136507) ** 2 + 0.5 * (0.99 - 0.772928465) ** 2
    got = loss_for("half_sse", "sigmoid").batch_loss(o, o, t)
    assert got == pytest.approx(expected, rel=1e-15)
    assert got == pytest.approx(0.298371109, abs=5e-10)


def test_mse_hand_computed():
    o = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    t = np.array([[1.5, 2.0, 1.0], [1.0, -1.0, 2.0]])
    # sample 0: (0.25 + 0 + 4) / 3 = 4.25 / 3 ; sample 1: (1 + 1 + 4) / 3 = 2
    loss = loss_for("mse", "linear")
    np.testing.assert_allclose(loss.per_sample(o, o, t), [4.25 / 3, 2.0], rtol=1e-15)
    assert loss.batch_loss(o, o, t) == pytest.approx((4.25 / 3 + 2.0) / 2, rel=1e-15)


def test_mse_and_half_sse_differ_by_output_count():
    rng = np.random.default_rng(3)
    o, t = rng.uniform(-1, 1, (4, 5)), rng.uniform(-1, 1, (4, 5))
    half = loss_for("half_sse", "linear").per_sample(o, o, t)
    mse = loss_for("mse", "linear").per_sample(o, o, t)
    np.testing.assert_allclose(mse, half * 2 / 5, rtol=1e-14)


def test_cross_entropy_softmax_hand_computed():
    z = np.array([[1.0, 2.0, 3.0], [0.5, -0.5, 0.0]])
    t = np.array([[0.0, 0.0, 1.0], [0.2, 0.5, 0.3]])
    act = activations.get("softmax")
    a = act.forward(z)
    expected = []
    for zs, ts in zip(z.tolist(), t.tolist()):
        log_norm = math.log(sum(math.exp(v) for v in zs))
        expected.append(-sum(tj * (zj - log_norm) for tj, zj in zip(ts, zs)))
    # sample 0 by hand: log(e + e^2 + e^3) - 3 = 0.40760596444...
    assert expected[0] == pytest.approx(0.4076059644443803, rel=1e-14)
    loss = loss_for("cross_entropy", "softmax")
    np.testing.assert_allclose(loss.per_sample(z, a, t), expected, rtol=1e-14)
    assert loss.batch_loss(z, a, t) == pytest.approx(sum(expected) / 2, rel=1e-14)


def test_cross_entropy_sigmoid_hand_computed():
    z = np.array([[0.0, 2.0], [-1.0, 0.5]])
    t = np.array([[1.0, 0.0], [0.25, 1.0]])
    a = activations.get("sigmoid").forward(z)
    expected = []
    for zs, ts in zip(z.tolist(), t.tolist()):
        total = 0.0
        for zj, tj in zip(zs, ts):
            o = sig(zj)
            total += -(tj * math.log(o) + (1 - tj) * math.log(1 - o))
        expected.append(total)
    # sample 0 by hand: -log(0.5) - log(1 - sigmoid(2)) = log 2 + log(1 + e^2)
    assert expected[0] == pytest.approx(math.log(2) + math.log(1 + math.e**2), rel=1e-14)
    loss = loss_for("cross_entropy", "sigmoid")
    np.testing.assert_allclose(loss.per_sample(z, a, t), expected, rtol=1e-13)
    assert loss.batch_loss(z, a, t) == pytest.approx(sum(expected) / 2, rel=1e-13)


@pytest.mark.parametrize(
    "name, act_name",
    [("half_sse", "sigmoid"), ("mse", "tanh"), ("cross_entropy", "softmax"), ("cross_entropy", "sigmoid")],
)
def test_terms_sum_to_per_sample_and_value_is_the_mean(name, act_name):
    rng = np.random.default_rng(7)
    act = activations.get(act_name)
    z = rng.uniform(-2, 2, (5, 3))
    t = rng.uniform(0, 1, (5, 3))
    a = act.forward(z)
    loss = loss_for(name, act_name)
    per = loss.per_sample(z, a, t)
    assert per.shape == (5,)
    np.testing.assert_allclose(loss.terms(z, a, t).sum(axis=1), per, rtol=1e-14)
    assert loss.batch_loss(z, a, t) == pytest.approx(float(np.mean(per)), rel=1e-15)


# ----------------------------------------------------------- output deltas
COMBOS = [("half_sse", a) for a in ("sigmoid", "tanh", "relu", "linear", "softmax")]
COMBOS += [("mse", a) for a in ("sigmoid", "tanh", "relu", "linear", "softmax")]
COMBOS += [("cross_entropy", "softmax"), ("cross_entropy", "sigmoid")]


@pytest.mark.parametrize("name, act_name", COMBOS)
@pytest.mark.parametrize("seed", range(3))
def test_output_delta_matches_finite_differences(name, act_name, seed):
    rng = np.random.default_rng(seed)
    act = activations.get(act_name)
    loss = loss_for(name, act_name)
    n_samples, n_out = 4, 1 + seed
    z = rng.uniform(-2.5, 2.5, (n_samples, n_out))
    z[np.abs(z) < 1e-2] = 0.3  # away from the relu kink
    if name == "cross_entropy":
        t = rng.uniform(0, 1, (n_samples, n_out))
    else:
        t = rng.uniform(-1, 1, (n_samples, n_out))
    delta = loss.output_delta(z, act.forward(z), t)
    assert delta.shape == z.shape

    def per_sample(zz):
        return loss.per_sample(zz, act.forward(zz), t)

    h = 1e-6
    numeric = np.empty_like(z)
    for j in range(n_out):
        dz = np.zeros_like(z)
        dz[:, j] = h
        numeric[:, j] = (per_sample(z + dz) - per_sample(z - dz)) / (2 * h)
    np.testing.assert_allclose(delta, numeric, rtol=1e-6, atol=1e-8)


def test_output_grad_is_derivative_wrt_output():
    rng = np.random.default_rng(11)
    o = rng.uniform(-1, 1, (3, 2))
    t = rng.uniform(-1, 1, (3, 2))
    np.testing.assert_allclose(loss_for("half_sse", "linear").output_grad(o, t), o - t, rtol=1e-15)
    np.testing.assert_allclose(loss_for("mse", "linear").output_grad(o, t), (o - t), rtol=1e-15)


# --------------------------------------------------------------- saturation
@pytest.mark.parametrize("act_name", ["softmax", "sigmoid"])
@pytest.mark.parametrize(
    "t, expected",
    [([1.0, 0.0], 0.0), ([0.0, 1.0], 2000.0)],
)
def test_cross_entropy_finite_at_saturated_logits(act_name, t, expected):
    z = np.array([[1000.0, -1000.0]])
    t = np.array([t])
    loss = loss_for("cross_entropy", act_name)
    with strict_numerics():
        a = activations.get(act_name).forward(z)
        per = loss.per_sample(z, a, t)
        delta = loss.output_delta(z, a, t)
    assert np.isfinite(per).all() and np.isfinite(delta).all()
    # softmax: -log p(class) = 0 or 2000; sigmoid: softplus(-1000) + softplus(-1000) ~ 0,
    # or softplus(1000) + softplus(1000) = 2000
    assert per[0] == pytest.approx(expected, abs=1e-12)
    np.testing.assert_allclose(delta, np.array([[1.0, 0.0]]) - t, atol=1e-15)


@pytest.mark.parametrize("act_name", ["softmax", "sigmoid"])
def test_cross_entropy_finite_at_saturated_batch(act_name):
    z = np.array([[1000.0, -1000.0], [-1000.0, 1000.0], [1000.0, 1000.0], [-1000.0, -1000.0]])
    t = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    loss = loss_for("cross_entropy", act_name)
    with strict_numerics():
        a = activations.get(act_name).forward(z)
        value = loss.batch_loss(z, a, t)
        delta = loss.output_delta(z, a, t)
    assert math.isfinite(value) and value > 0
    assert np.isfinite(delta).all()


def test_cross_entropy_softmax_at_opposite_huge_logits():
    z = np.array([[1e308, -1e308]])
    t = np.array([[1.0, 0.0]])
    with np.errstate(all="ignore"):
        a = activations.get("softmax").forward(z)
        per = loss_for("cross_entropy", "softmax").per_sample(z, a, t)
    assert per[0] == 0.0


# ----------------------------------------------------------------- refusals
@pytest.mark.parametrize("act_name", ["tanh", "linear", "relu"])
def test_cross_entropy_refuses_non_probability_outputs(act_name):
    with pytest.raises(ValueError, match="softmax or sigmoid"):
        loss_for("cross_entropy", act_name)


@pytest.mark.parametrize("act_name", ["tanh", "linear", "relu"])
def test_trainer_refuses_cross_entropy_on_non_probability_outputs(act_name):
    data = Dataset(np.array([[0.1, 0.2]]), np.array([[1.0]]))
    with pytest.raises(ValueError, match="cross_entropy"):
        create([2, 2, 1], ["sigmoid", act_name], data, loss="cross_entropy")


def test_trainer_refuses_switching_to_cross_entropy_on_linear_output():
    data = Dataset(np.array([[0.1, 0.2]]), np.array([[1.0]]))
    trainer = create([2, 2, 1], ["sigmoid", "linear"], data, loss="mse")
    with pytest.raises(ValueError):
        trainer.configure(loss="cross_entropy")
    assert trainer.loss == "mse"


def test_unknown_loss_is_a_value_error():
    with pytest.raises(ValueError, match="unknown loss"):
        losses.get("hinge", activations.get("sigmoid"))
