"""The regime marks and per-direction factors against the analytic curvature of the
``adaline`` bowl (its Hessian written out from the data: 2/N [X 1]^T [X 1] under mse),
the momentum iteration's own matrix, and the optimizers without marks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.core import optimizers, presets
from nnviz.core.analysis import regimes

EXACT = 1e-9


def analytic_hessian(trainer) -> np.ndarray:
    """The Hessian of mse for one linear output over (w1, w2, b): 2/N A^T A, A = [X 1]."""
    x = trainer.dataset.inputs
    a = np.hstack([x, np.ones((x.shape[0], 1))])
    return 2.0 / x.shape[0] * a.T @ a


@pytest.fixture
def adaline():
    return presets.load("adaline")


def test_adaline_marks_are_the_analytic_ones(adaline):
    lam = np.linalg.eigvalsh(analytic_hessian(adaline))[-1]
    marks = regimes.regime_marks(adaline)
    assert marks.curvature == pytest.approx(lam, rel=EXACT)
    assert marks.zigzag_from == pytest.approx(1 / lam, rel=EXACT)
    assert marks.diverges_from == pytest.approx(2 / lam, rel=EXACT)
    assert marks.exact and marks.params == ("w1", "w2", "b") and marks.reason == ""
    assert marks.describe() == "zig-zag from 0.25, diverges from 0.5 (2/λmax, λmax = 4 over w1, w2, b)"
    # over the surface's two axes: the same, the bias's curvature (2) being below the bowl's largest
    two = regimes.regime_marks(adaline, ["w1", "w2"])
    assert two.diverges_from == pytest.approx(2 / lam, rel=EXACT) and two.params == ("w1", "w2")


def test_adaline_momentum_marks(adaline):
    adaline.configure(optimizer=optimizers.create("momentum", momentum=0.9))
    lam = np.linalg.eigvalsh(analytic_hessian(adaline))[-1]
    marks = regimes.regime_marks(adaline)
    assert marks.zigzag_from == pytest.approx(1.9 / lam, rel=EXACT)
    assert marks.diverges_from == pytest.approx(3.8 / lam, rel=EXACT)
    assert "μ = 0.9" in marks.describe()


@pytest.mark.parametrize("change,word", [
    (dict(optimizer=optimizers.create("adagrad")), "Adagrad"),
    (dict(optimizer=optimizers.create("adam")), "Adam"),
    (dict(backprop="proportional"), "proportional"),
])
def test_no_marks_where_the_rate_sets_no_limit(adaline, change, word):
    adaline.configure(**change)
    marks = regimes.regime_marks(adaline)
    assert marks.zigzag_from is None and marks.diverges_from is None
    assert word in marks.reason and marks.reason.endswith(".")
    assert marks.describe().startswith("no regime marks: ")


def test_marks_elsewhere_say_what_they_rest_on():
    mazur = presets.load("mazur")
    marks = regimes.regime_marks(mazur)
    assert not marks.exact and "at the current point" in marks.note
    assert marks.diverges_from == pytest.approx(2 / marks.curvature)
    assert marks.diverges_from > 10  # the worked example cannot diverge inside the slider's range
    assert "8 parameters" in marks.describe()
    # the slice over w5 and w6 (two weights into o1) does not curve upwards: no marks
    flat = regimes.regime_marks(mazur, ["w5", "w6"])
    assert flat.zigzag_from is None and "does not curve upwards" in flat.reason
    mazur.configure(frozen=[p.name for p in mazur.network.params()])
    assert regimes.regime_marks(mazur).reason == "every parameter is frozen: nothing moves"
    xor = presets.load("xor")
    xor.configure(batch=2)
    assert "each batch has a curvature of its own" in regimes.regime_marks(xor).note


def test_the_2x2_curvature_of_adaline_is_the_tilted_bowl(adaline):
    e = regimes.eigen_2x2(adaline, "w2", "w1")
    assert e.params == ("W1[0,0]", "W1[0,1]") and e.labels == ("w1", "w2") and e.exact
    np.testing.assert_allclose(e.matrix, analytic_hessian(adaline)[:2, :2], rtol=1e-12)
    np.testing.assert_allclose(e.values, [4.0, 0.2], rtol=EXACT)
    theta = math.radians(30)  # the steep axis, from w1 towards w2
    np.testing.assert_allclose(e.vectors, [[math.cos(theta), -math.sin(theta)],
                                           [math.sin(theta), math.cos(theta)]], atol=1e-12)
    with pytest.raises(ValueError, match="different"):
        regimes.eigen_2x2(adaline, "w1", "W1[0,0]")


@pytest.mark.parametrize("rate", [0.1, 0.3, 0.45, 0.55])
def test_the_error_along_each_eigen_direction_is_multiplied_by_its_factor(adaline, rate):
    """On the bowl the offsets (the distance to the slice's minimum along each
    eigen-direction) after k steps are the offsets times factor^k, factor = 1 - rate
    lambda: the eigen plot's numbers are what Trainer.run does."""
    adaline.configure(learning_rate=rate)
    start = regimes.eigen_2x2(adaline, "w1", "w2")
    factors = start.factors(adaline.optimizer, rate)
    np.testing.assert_allclose(factors, 1 - rate * np.array([4.0, 0.2]), rtol=1e-12)
    adaline.run(7)
    after = regimes.eigen_2x2(adaline, "w1", "w2")
    np.testing.assert_allclose(after.offsets, start.offsets * factors ** 7, rtol=1e-9, atol=1e-12)
    words = [regimes.factor_regime(f) for f in factors]
    assert words[1] == "converging"
    assert words[0] == {0.1: "converging", 0.3: "zigzag", 0.45: "zigzag", 0.55: "diverged"}[rate]


def test_factor_regimes():
    assert [regimes.factor_regime(f) for f in (0.5, -0.5, -1.0, 1.0, -1.5, math.nan)] == \
        ["converging", "zigzag", "oscillating", "oscillating", "diverged", None]


def momentum_matrix(rate: float, lam: float, mu: float) -> np.ndarray:
    """(error, velocity) -> the next: v' = mu v + lam e, e' = e - rate v'."""
    return np.array([[1 - rate * lam, -rate * mu], [lam, mu]])


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 0.99), st.floats(1e-3, 100.0), st.floats(1e-3, 4.5))
def test_momentum_factor_is_the_signed_spectral_radius(mu, lam, scaled_rate):
    rate = scaled_rate / lam
    opt = optimizers.create("momentum", momentum=mu)
    (factor,) = regimes.step_factors(opt, rate, [lam])
    roots = np.linalg.eigvals(momentum_matrix(rate, lam, mu))
    # rel 1e-7: at a double root the matrix is defective and eigvals is good to sqrt(eps) only
    assert abs(factor) == pytest.approx(np.abs(roots).max(), rel=1e-7, abs=1e-12)
    # negative where the roots' real part is: the error flips sign more often than not
    if abs(roots.real.sum()) > 1e-9:
        assert (factor < 0) == (roots.real.sum() < 0)
    zigzag, diverge = regimes.rate_limits(opt, lam)
    if abs(rate - diverge) > 1e-6 * diverge:
        assert (abs(factor) > 1) == (rate > diverge)
    if abs(rate - zigzag) > 1e-6 * zigzag:
        assert (factor < 0) == (rate > zigzag)


def test_momentum_without_momentum_is_sgd():
    lam = np.array([4.0, 0.2, 2.0])
    np.testing.assert_allclose(regimes.step_factors(optimizers.create("momentum", momentum=0.0), 0.3, lam),
                               regimes.step_factors(optimizers.create("sgd"), 0.3, lam), rtol=1e-12)
    assert np.isnan(regimes.step_factors(optimizers.create("adam"), 0.3, lam)).all()
    assert regimes.rate_limits(optimizers.create("adagrad"), 4.0) is None


@pytest.mark.parametrize("optimizer,rate,warm", [("sgd", 0.1, 0), ("sgd", 0.4, 3), ("momentum", 0.05, 0),
                                                 ("momentum", 0.3, 4)])
def test_error_path_is_the_runs_distance_to_the_minimum_along_each_direction(adaline, optimizer, rate, warm):
    """On the bowl the model is exact: the run's own steps, seen along the eigen-directions
    of (w1, w2) from the minimum, are the predicted errors (momentum: from the optimizer's
    velocity after ``warm`` iterations)."""
    t = adaline
    t.configure(optimizer=optimizer, learning_rate=rate)
    t.run(warm)
    e = regimes.eigen_2x2(t, "w1", "w2")
    cols = [t.network.flat_index(t.network.parse_param(n)) for n in ("w1", "w2")]
    here = t.network.flat()[cols]
    minimum = here - e.vectors @ e.offsets
    flat_v = regimes.velocity(t)
    velocity = None if flat_v is None else e.vectors.T @ flat_v[cols]
    assert (flat_v is None) == (optimizer == "sgd")
    predicted = regimes.error_path(t.optimizer, rate, e.values, e.offsets, 12, velocity)
    t.run(12)
    seen = np.array([(p[cols] - minimum) @ e.vectors for p in t.trajectory[warm:]])
    np.testing.assert_allclose(predicted, seen, rtol=1e-9, atol=1e-12)


def test_error_path_multiplies_by_the_factor_and_has_none_without_marks():
    sgd = optimizers.create("sgd")
    path = regimes.error_path(sgd, 0.3, [4.0, 0.2], [1.0, -2.0], 5)
    np.testing.assert_allclose(path, np.array([[(-0.2) ** k, -2.0 * 0.94 ** k] for k in range(6)]), rtol=1e-12)
    assert np.isnan(regimes.error_path(optimizers.create("adam"), 0.3, [4.0], [1.0], 3)[1:]).all()
