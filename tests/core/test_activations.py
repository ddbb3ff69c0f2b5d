"""Activation functions: values, derivatives, softmax's backward, numerical stability."""

from __future__ import annotations

import math
import warnings
from contextlib import contextmanager

import numpy as np
import pytest

from nnviz.core import activations

NAMES = ("sigmoid", "tanh", "relu", "linear", "softmax")
ELEMENTWISE = ("sigmoid", "tanh", "relu", "linear")


@contextmanager
def strict_numerics():
    """Every RuntimeWarning is an error and overflow / divide / invalid raise.

    Underflow is left alone: exp(-1000) rounding to 0 (or to a subnormal) is the
    correct result, not a numerical accident.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
            yield


def ref_sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def ref_softmax(row):
    m = max(row)
    e = [math.exp(v - m) for v in row]
    s = sum(e)
    return [v / s for v in e]


def as_batch(values) -> np.ndarray:
    return np.array(values, dtype=np.float64).reshape(1, -1)


# ------------------------------------------------------------------ registry
def test_registry_knows_every_activation():
    for name in NAMES:
        act = activations.get(name)
        assert act.name == name
    assert activations.get("softmax").elementwise is False
    for name in ELEMENTWISE:
        assert activations.get(name).elementwise is True


def test_unknown_activation_is_a_value_error():
    with pytest.raises(ValueError, match="unknown activation"):
        activations.get("swish")


# ------------------------------------------------------------- known values
KNOWN_POINTS = [-3.0, -1.0, -0.25, 0.0, 0.5, 1.0, 2.5]


@pytest.mark.parametrize(
    "name, reference",
    [
        ("sigmoid", ref_sigmoid),
        ("tanh", math.tanh),
        ("relu", lambda x: x if x > 0 else 0.0),
        ("linear", lambda x: x),
    ],
)
def test_elementwise_values_at_known_points(name, reference):
    z = np.array([KNOWN_POINTS, [2 * x for x in KNOWN_POINTS]])
    a = activations.get(name).forward(z)
    expected = np.vectorize(reference)(z)
    assert a.shape == z.shape
    np.testing.assert_allclose(a, expected, rtol=1e-15, atol=0)


def test_sigmoid_landmarks():
    s = activations.get("sigmoid")
    assert s.forward(as_batch([0.0]))[0, 0] == 0.5
    # 1 / (1 + e^-1) = 0.7310585786300049
    assert s.forward(as_batch([1.0]))[0, 0] == pytest.approx(0.7310585786300049, rel=1e-15)
    assert s.forward(as_batch([-1.0]))[0, 0] == pytest.approx(0.2689414213699951, rel=1e-15)


def test_relu_and_linear_exact():
    z = as_batch([-2.0, -0.0, 0.0, 3.5])
    assert activations.get("relu").forward(z).tolist() == [[0.0, 0.0, 0.0, 3.5]]
    assert activations.get("linear").forward(z).tolist() == z.tolist()


@pytest.mark.parametrize(
    "rows",
    [
        [[1.0, 2.0, 3.0]],
        [[0.0, 0.0], [5.0, -5.0]],
        [[-1.5, 0.25, 4.0, 0.0], [10.0, 10.0, 10.0, 10.0]],
        [[7.0]],
    ],
)
def test_softmax_values(rows):
    z = np.array(rows)
    a = activations.get("softmax").forward(z)
    expected = np.array([ref_softmax(r) for r in rows])
    np.testing.assert_allclose(a, expected, rtol=1e-14, atol=0)
    np.testing.assert_allclose(a.sum(axis=1), 1.0, rtol=1e-15)


def test_softmax_is_row_wise():
    """Each sample is normalised on its own: scaling another row changes nothing."""
    z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    a = activations.get("softmax").forward(z)
    np.testing.assert_allclose(a[1], [1 / 3, 1 / 3, 1 / 3], rtol=1e-15)
    z2 = z.copy()
    z2[1] = [100.0, -3.0, 8.0]
    np.testing.assert_array_equal(activations.get("softmax").forward(z2)[0], a[0])


# --------------------------------------------------------------- derivatives
def central_difference(f, z: np.ndarray, h: float = 1e-6) -> np.ndarray:
    return (f(z + h) - f(z - h)) / (2 * h)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_finite_differences(name):
    act = activations.get(name)
    rng = np.random.default_rng(1)
    z = rng.uniform(-4, 4, (5, 3))
    z[np.abs(z) < 1e-3] = 0.5  # keep away from the relu kink
    a = act.forward(z)
    numeric = central_difference(act.forward, z)
    np.testing.assert_allclose(act.derivative(z, a), numeric, rtol=1e-7, atol=1e-9)
    g = rng.standard_normal(z.shape)
    np.testing.assert_allclose(act.backward(z, a, g), g * numeric, rtol=1e-7, atol=1e-9)


def test_derivative_closed_forms():
    z = as_batch([-2.0, -0.5, 0.5, 2.0])
    s = np.array([[ref_sigmoid(x) for x in z[0]]])
    t = np.tanh(z)
    np.testing.assert_allclose(activations.get("sigmoid").derivative(z, s), s * (1 - s), rtol=1e-15)
    np.testing.assert_allclose(activations.get("tanh").derivative(z, t), 1 - t**2, rtol=1e-15)
    assert activations.get("relu").derivative(z, np.maximum(z, 0)).tolist() == [[0, 0, 1, 1]]
    assert activations.get("linear").derivative(z, z).tolist() == [[1, 1, 1, 1]]


def test_relu_derivative_at_zero_is_zero():
    z = as_batch([0.0])
    assert activations.get("relu").derivative(z, z)[0, 0] == 0.0


def test_softmax_derivative_is_jacobian_diagonal():
    act = activations.get("softmax")
    z = np.array([[0.3, -1.2, 2.0], [1.0, 1.0, -4.0]])
    a = act.forward(z)
    h = 1e-6
    diag = np.empty_like(z)
    for j in range(z.shape[1]):
        dz = np.zeros_like(z)
        dz[:, j] = h
        diag[:, j] = (act.forward(z + dz)[:, j] - act.forward(z - dz)[:, j]) / (2 * h)
    np.testing.assert_allclose(act.derivative(z, a), diag, rtol=1e-7, atol=1e-10)


def softmax_jacobian_fd(act, row: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """J[i, j] = d a_i / d z_j by central differences, for one sample."""
    n = row.size
    jac = np.empty((n, n))
    for j in range(n):
        dz = np.zeros(n)
        dz[j] = h
        jac[:, j] = (act.forward((row + dz)[None])[0] - act.forward((row - dz)[None])[0]) / (2 * h)
    return jac


@pytest.mark.parametrize("seed", range(4))
def test_softmax_backward_is_jacobian_vector_product(seed):
    act = activations.get("softmax")
    rng = np.random.default_rng(seed)
    n_samples, n_units = 3, 2 + seed
    z = rng.uniform(-3, 3, (n_samples, n_units))
    g = rng.standard_normal((n_samples, n_units))
    a = act.forward(z)
    out = act.backward(z, a, g)
    assert out.shape == z.shape
    for s in range(n_samples):
        jac = softmax_jacobian_fd(act, z[s])
        # dE/dz_j = sum_i dE/da_i * da_i/dz_j
        np.testing.assert_allclose(out[s], jac.T @ g[s], rtol=1e-6, atol=1e-9)
        # and the same from the closed form diag(a) - a a^T
        exact = np.diag(a[s]) - np.outer(a[s], a[s])
        np.testing.assert_allclose(out[s], exact.T @ g[s], rtol=1e-12, atol=1e-15)


def test_softmax_backward_ignores_a_constant_shift_of_the_gradient():
    """Adding the same number to every dE/da changes nothing (outputs sum to 1)."""
    act = activations.get("softmax")
    z = np.array([[0.2, 1.4, -0.7]])
    a = act.forward(z)
    g = np.array([[0.5, -1.0, 2.0]])
    np.testing.assert_allclose(act.backward(z, a, g), act.backward(z, a, g + 7.0), atol=1e-14)


# ---------------------------------------------------------------- stability
STABILITY_INPUTS = [
    [1e308, -1e308],
    [-1e308, 1e308],
    [1000.0, -1000.0],
    [-745.0, 745.0],
    [-1000.0, -1000.0],
    [1000.0, 1000.0],
    [-745.0, -40.0],
    [1e308, 1e308],
    [-1e308, -1e308],
]


def _check_stable(name, values):
    act = activations.get(name)
    z = as_batch(values)
    with strict_numerics():
        a = act.forward(z)
        d = act.derivative(z, a)
        b = act.backward(z, a, np.ones_like(z))
    for arr in (a, d, b):
        assert not np.isnan(arr).any()
    return a


@pytest.mark.parametrize("values", STABILITY_INPUTS, ids=str)
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_stable_at_extreme_inputs(name, values):
    a = _check_stable(name, values)
    if name in ("sigmoid", "tanh"):
        assert np.isfinite(a).all()
        lo = 0.0 if name == "sigmoid" else -1.0
        assert ((a >= lo) & (a <= 1.0)).all()
    # saturation goes the right way
    z = as_batch(values)
    if name == "sigmoid":
        assert (a[z >= 1000] == 1.0).all() and (a[z <= -1000] == 0.0).all()
    if name == "tanh":
        assert (a[z >= 1000] == 1.0).all() and (a[z <= -1000] == -1.0).all()


SOFTMAX_OK = [v for v in STABILITY_INPUTS if not (abs(v[0]) == 1e308 and v[0] == -v[1])]


@pytest.mark.parametrize("values", SOFTMAX_OK, ids=str)
def test_softmax_stable_at_extreme_inputs(values):
    a = _check_stable("softmax", values)
    assert np.isfinite(a).all()
    assert a.sum() == pytest.approx(1.0, rel=1e-15)
    expected = ref_softmax(values) if max(values) - min(values) < 1e300 else None
    if expected is not None:
        np.testing.assert_allclose(a[0], expected, rtol=1e-14, atol=0)


@pytest.mark.parametrize("values", [[1e308, -1e308], [-1e308, 1e308]], ids=str)
def test_softmax_no_overflow_warning_at_opposite_huge_inputs(values):
    a = _check_stable("softmax", values)
    assert sorted(a[0].tolist()) == [0.0, 1.0]


def test_sigmoid_keeps_relative_precision_of_tiny_outputs():
    s = activations.get("sigmoid")
    for x in (-40.0, -100.0, -700.0):
        expected = math.exp(x) / (1.0 + math.exp(x))
        got = s.forward(as_batch([x]))[0, 0]
        assert got == pytest.approx(expected, rel=1e-14, abs=0)
    assert s.forward(as_batch([-40.0]))[0, 0] == pytest.approx(4.248354255291589e-18, rel=1e-14, abs=0)
    # 1 - sigmoid(40) rounds to 0, but sigmoid(-40) must not
    assert s.forward(as_batch([-745.0]))[0, 0] > 0.0


def test_sigmoid_symmetry():
    s = activations.get("sigmoid")
    z = as_batch(np.linspace(-30, 30, 61))
    np.testing.assert_allclose(s.forward(z) + s.forward(-z), 1.0, rtol=1e-15)


def test_forward_does_not_modify_input():
    z = as_batch([-2.0, 0.0, 3.0])
    z.flags.writeable = False
    for name in NAMES:
        act = activations.get(name)
        a = act.forward(z)
        act.backward(z, a, np.ones_like(z))
    assert z.tolist() == [[-2.0, 0.0, 3.0]]
