"""Exact Hessian-vector products against central differences of the exact gradient, for
random small networks, activations and losses; symmetry, blocks, the largest eigenvalue
and where the loss is quadratic."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nnviz.core import presets
from nnviz.core.analysis import hessian, surface
from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create

HIDDEN = ("sigmoid", "tanh", "linear", "relu")
OUTPUT = ("sigmoid", "tanh", "linear", "softmax")
KINK = 1e-3  # relu net inputs closer than this to 0 are skipped (finite differences would cross)
EPS = 1e-5


@st.composite
def trainers(draw):
    n_layers = draw(st.integers(1, 3))
    sizes = draw(st.lists(st.integers(1, 4), min_size=n_layers + 1, max_size=n_layers + 1))
    acts = [draw(st.sampled_from(HIDDEN)) for _ in range(n_layers - 1)]
    acts.append(draw(st.sampled_from(OUTPUT if sizes[-1] > 1 else OUTPUT[:3])))
    losses = ["half_sse", "mse"] + (["cross_entropy"] if acts[-1] in ("sigmoid", "softmax") else [])
    loss = draw(st.sampled_from(losses))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n = draw(st.integers(1, 5))
    x = rng.uniform(-2, 2, (n, sizes[0]))
    if loss == "cross_entropy":
        t = rng.uniform(0, 1, (n, sizes[-1]))
    else:
        t = rng.uniform(-1.5, 1.5, (n, sizes[-1]))
    trainer = create(sizes, acts, Dataset(x, t), seed=draw(st.integers(0, 2**16)), loss=loss)
    a = x
    for w, b, f in zip(trainer.network.weights, trainer.network.biases, trainer.network.activations):
        z = a @ w.T + b
        if f.name == "relu":
            assume(np.abs(z).min() > KINK)
        a = f.forward(z)
    return trainer, rng.standard_normal((2, trainer.network.n_params))


def central_difference(trainer, v: np.ndarray) -> np.ndarray:
    theta = trainer.network.flat()
    return (surface.gradient(trainer, theta + EPS * v) - surface.gradient(trainer, theta - EPS * v)) / (2 * EPS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(trainers())
def test_products_match_central_differences_of_the_gradient(case):
    trainer, (u, v) = case
    hv = hessian.hessian_vector_product(trainer, v)
    np.testing.assert_allclose(hv, central_difference(trainer, v), rtol=1e-5, atol=1e-7)
    # a stack of directions gives each product; the Hessian is symmetric
    both = hessian.hessian_vector_product(trainer, np.stack([u, v]))
    np.testing.assert_allclose(both[1], hv, rtol=1e-13, atol=1e-15)
    hu = both[0]
    assert u.dot(hv) == pytest.approx(v.dot(hu), rel=1e-9, abs=1e-12)


def test_hessian_block_and_top_eigen_on_mazur():
    t = presets.load("mazur")  # biases frozen: eight weights train
    names = [p.name for p in t.network.params() if p.name not in t.frozen]
    block = hessian.hessian(t, names)
    idx = hessian.param_indices(t)
    e = np.zeros((idx.size, t.network.n_params))
    e[np.arange(idx.size), idx] = 1.0
    np.testing.assert_allclose(block, hessian.hessian_vector_product(t, e)[:, idx], rtol=1e-12, atol=1e-15)
    lam, vec = hessian.top_eigen(t)
    assert lam == pytest.approx(np.linalg.eigvalsh(block)[-1], rel=1e-12)
    assert np.linalg.norm(vec) == pytest.approx(1.0)
    assert np.all(vec[[t.network.flat_index(t.network.parse_param(n)) for n in t.frozen]] == 0)
    np.testing.assert_allclose(block.dot(vec[idx]), lam * vec[idx], atol=1e-10 * abs(lam))


def test_param_indices_refuse_nothing_to_measure():
    t = presets.load("adaline")
    t.configure(frozen=["w1", "w2", "b"])
    with pytest.raises(ValueError, match="every parameter is frozen"):
        hessian.param_indices(t)
    with pytest.raises(ValueError, match="at least one parameter"):
        hessian.param_indices(t, [])
    with pytest.raises(ValueError, match="bad parameter name"):
        hessian.param_indices(t, ["w9"])


def test_where_the_loss_is_quadratic():
    assert hessian.is_quadratic(presets.load("adaline"))  # one linear layer under mse
    sine = presets.load("sine")  # tanh hidden layer, linear output, mse
    assert hessian.is_quadratic(sine, ["W2[0,2]", "W2[0,5]", "b2[0]"])
    assert not hessian.is_quadratic(sine, ["W1[0,0]"])  # through the tanh
    assert not hessian.is_quadratic(sine, ["W1[0,0]", "W2[0,0]"])
    assert not hessian.is_quadratic(sine)
    assert not hessian.is_quadratic(presets.load("mazur"))  # sigmoid output
    linear = create([2, 3, 1], "linear", Dataset(np.eye(2), np.ones((2, 1))), seed=0, loss="mse")
    assert hessian.is_quadratic(linear, ["W1[0,0]", "W1[1,1]"])  # affine through the fixed layer 2
    assert not hessian.is_quadratic(linear)  # products of the two layers' weights


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 4))
def test_quadratic_losses_have_the_same_curvature_everywhere(seed, k):
    """Where ``is_quadratic`` says so, the Hessian over those parameters does not change
    when they move."""
    rng = np.random.default_rng(seed)
    data = Dataset(rng.standard_normal((6, 3)), rng.standard_normal((6, 2)))
    t = create([3, 4, 2], ["tanh", "linear"], data, seed=seed % 1000, loss="half_sse")
    names = [p.name for p in t.network.params() if p.layer == 2][:k + 1]
    assert hessian.is_quadratic(t, names)
    before = hessian.hessian(t, names)
    idx = hessian.param_indices(t, names)
    theta = t.network.flat()
    theta[idx] += rng.standard_normal(idx.size) * 3
    t.network.set_flat(theta)
    np.testing.assert_allclose(hessian.hessian(t, names), before, rtol=1e-12, atol=1e-14)
