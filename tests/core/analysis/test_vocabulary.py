"""The four words (converging, zigzag, oscillating, diverged) of the look-ahead and the
sweep agree with the curvature on quadratic losses under gradient descent: below
1/lambda_max converging, up to 2/lambda_max zigzag, above it diverged — lambda_max from
the analytic Hessian (2/N [X 1]^T [X 1] for one linear output under mse), never from
the code under test. With momentum mu the limit moves to 2(1 + mu)/lambda_max."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nnviz.core import optimizers, presets
from nnviz.core.analysis import sweep as sweep_mod
from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network
from nnviz.core.trainer import Trainer


def analytic_lambda_max(trainer) -> float:
    x = trainer.dataset.inputs
    a = np.hstack([x, np.ones((x.shape[0], 1))])
    return float(np.linalg.eigvalsh(2.0 / x.shape[0] * a.T @ a)[-1])


def expected(scaled_rate: float) -> str:
    """The word at rate = scaled_rate / lambda_max, away from the boundaries."""
    return "converging" if scaled_rate < 1 else "zigzag" if scaled_rate < 2 else "diverged"


# scaled rates (rate x lambda_max): the three, and a fine grid at least 3% from 1 and 2
GRID = [0.5, 1.5, 2.5] + [s for s in np.round(np.arange(0.05, 3.0, 0.05), 2).tolist()
                          if abs(s - 1) >= 0.03 and abs(s - 2) >= 0.03]


def test_adaline_look_ahead_words_follow_the_curvature():
    t = presets.load("adaline")
    lam = analytic_lambda_max(t)
    got = {s: sweep_mod.look_ahead(t, s / lam).status for s in GRID}
    assert got == {s: expected(s) for s in GRID}


def test_adaline_sweep_words_follow_the_curvature():
    t = presets.load("adaline")
    lam = analytic_lambda_max(t)
    res = sweep_mod.sweep(t, np.array(GRID) / lam, 200)
    assert dict(zip(GRID, res.statuses)) == {s: expected(s) for s in GRID}


def test_adaline_at_the_edge_oscillates():
    """At 2/lambda_max exactly the steep direction keeps its size: bounded, not shrinking."""
    t = presets.load("adaline")
    rate = 2 / analytic_lambda_max(t)
    assert sweep_mod.look_ahead(t, rate).status == "oscillating"
    assert sweep_mod.sweep(t, [rate], 200).statuses == ["oscillating"]


@pytest.mark.parametrize("scaled,words", [(0.97, {"converging", "zigzag"}), (1.03, {"diverged"})])
def test_the_momentum_limit_on_the_bowl(scaled, words):
    t = presets.load("adaline")
    mu = 0.9
    t.configure(optimizer=optimizers.create("momentum", momentum=mu))
    rate = scaled * 2 * (1 + mu) / analytic_lambda_max(t)
    assert sweep_mod.look_ahead(t, rate).status in words
    assert sweep_mod.sweep(t, [rate], 200).statuses[0] in words


@st.composite
def bowls(draw):
    """One linear neuron under mse on random data (any condition number up to ~1e4), from
    a random start that is not already at the bottom along the steepest direction."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    d = draw(st.integers(1, 4))
    n = draw(st.integers(d + 2, 30))
    scales = 10.0 ** rng.uniform(-2, 1, d)
    x = rng.standard_normal((n, d)) @ (rng.standard_normal((d, d)) * scales) + rng.uniform(-1, 1, d)
    t = x @ rng.standard_normal(d) + rng.standard_normal() + 0.1 * rng.standard_normal(n)
    net = Network([d, 1], "linear", weights=[rng.standard_normal((1, d)) * 3], biases=[rng.standard_normal(1)])
    trainer = Trainer(net, Dataset(x, t[:, None]), loss="mse")
    a = np.hstack([x, np.ones((n, 1))])
    h = 2.0 / n * a.T @ a
    values, vectors = np.linalg.eigh(h)
    assume(values[-1] < 1e4 * values[0])
    gradient = h @ net.flat() - 2.0 / n * a.T @ t
    assume(abs(vectors[:, -1] @ gradient) > 1e-3 * np.linalg.norm(gradient))
    return trainer, float(values[-1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(bowls(), st.sampled_from([0.3, 0.8, 1.2, 1.5, 1.8, 2.2, 3.0]))
def test_random_bowls_look_ahead_words_follow_the_curvature(bowl, scaled):
    trainer, lam = bowl
    assert sweep_mod.look_ahead(trainer, scaled / lam).status == expected(scaled)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(bowls(), st.floats(0.0, 0.95), st.sampled_from([0.9, 1.1]))
def test_random_bowls_momentum_limit(bowl, mu, scaled):
    """Over 200 iterations (in 30 the velocity building up can first raise the loss:
    momentum's transient, not the limit)."""
    trainer, lam = bowl
    trainer.configure(optimizer=optimizers.create("momentum", momentum=mu))
    (status,) = sweep_mod.sweep(trainer, [scaled * 2 * (1 + mu) / lam], 200).statuses
    assert status in ({"converging", "zigzag"} if scaled < 1 else {"diverged"})
