"""Optimizers against hand-written reference loops (scalar Python, no NumPy maths)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnviz.core import optimizers

# A known gradient sequence for a 2 x 3 parameter: signs flip, one entry stays 0,
# magnitudes span several orders so that eps and the bias corrections matter.
GRADS = [
    np.array([[0.5, -1.0, 0.0], [2.0, 1e-3, -0.25]]),
    np.array([[0.4, 1.5, 0.0], [-2.0, 1e-3, -0.5]]),
    np.array([[-0.1, 0.3, 0.0], [1.0, -1e-3, 3.0]]),
    np.array([[0.0, -0.7, 0.0], [0.5, 2e-3, -1.0]]),
    np.array([[1.2, 0.05, 0.0], [-0.3, 0.0, 0.2]]),
    np.array([[-0.6, 0.9, 0.0], [0.1, 5e-4, 0.0]]),
]
P0 = np.array([[0.1, -0.2, 0.3], [1.0, 0.0, -0.5]])
LR = 0.05


def flat(a):
    return [float(x) for x in np.asarray(a).ravel()]


def ref_sgd(lr, grads, p0):
    p = flat(p0)
    out = []
    for g in grads:
        p = [pi - lr * gi for pi, gi in zip(p, flat(g))]
        out.append(list(p))
    return out


def ref_momentum(lr, grads, p0, mu):
    p, v = flat(p0), [0.0] * P0.size
    out = []
    for g in grads:
        v = [mu * vi + gi for vi, gi in zip(v, flat(g))]
        p = [pi - lr * vi for pi, vi in zip(p, v)]
        out.append(list(p))
    return out


def ref_adagrad(lr, grads, p0, eps):
    p, s = flat(p0), [0.0] * P0.size
    out = []
    for g in grads:
        g = flat(g)
        s = [si + gi * gi for si, gi in zip(s, g)]
        p = [pi - lr * gi / (math.sqrt(si) + eps) for pi, gi, si in zip(p, g, s)]
        out.append(list(p))
    return out


def ref_adam(lr, grads, p0, b1, b2, eps):
    p, m, v = flat(p0), [0.0] * P0.size, [0.0] * P0.size
    out = []
    for t, g in enumerate(grads, start=1):
        g = flat(g)
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g)]
        new = []
        for pi, mi, vi in zip(p, m, v):
            m_hat = mi / (1 - b1**t)
            v_hat = vi / (1 - b2**t)
            new.append(pi - lr * m_hat / (math.sqrt(v_hat) + eps))
        p = new
        out.append(list(p))
    return out


def run_optimizer(opt, grads, p0, lr):
    state = opt.init_state(p0.shape)
    p = p0.copy()
    out = []
    for t, g in enumerate(grads, start=1):
        step, state = opt.step(g, state, lr, t)
        p = p - step
        out.append(flat(p))
    return out, state


CASES = [
    ("sgd", {}, lambda: ref_sgd(LR, GRADS, P0)),
    ("momentum", {}, lambda: ref_momentum(LR, GRADS, P0, 0.9)),
    ("momentum", {"momentum": 0.5}, lambda: ref_momentum(LR, GRADS, P0, 0.5)),
    ("adagrad", {}, lambda: ref_adagrad(LR, GRADS, P0, 1e-10)),
    ("adagrad", {"eps": 0.1}, lambda: ref_adagrad(LR, GRADS, P0, 0.1)),
    ("adam", {}, lambda: ref_adam(LR, GRADS, P0, 0.9, 0.999, 1e-8)),
    ("adam", {"beta1": 0.5, "beta2": 0.9, "eps": 1e-3}, lambda: ref_adam(LR, GRADS, P0, 0.5, 0.9, 1e-3)),
]


@pytest.mark.parametrize("name, params, reference", CASES, ids=lambda x: str(x) if not callable(x) else "")
def test_steps_match_reference_loop(name, params, reference):
    opt = optimizers.create(name, **params)
    got, _ = run_optimizer(opt, GRADS, P0, LR)
    expected = reference()
    assert len(got) == len(expected) == len(GRADS)
    for step_no, (g_row, e_row) in enumerate(zip(got, expected), start=1):
        np.testing.assert_allclose(g_row, e_row, rtol=1e-13, atol=1e-15, err_msg=f"after step {step_no}")


def test_defaults_are_the_pytorch_ones():
    assert optimizers.create("sgd").params == {}
    assert optimizers.create("momentum").params == {"momentum": 0.9}
    assert optimizers.create("adagrad").params == {"eps": 1e-10}
    assert optimizers.create("adam").params == {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


def test_adam_first_step_is_lr_times_sign():
    """With bias correction the first Adam step is lr * g / (|g| + eps)."""
    opt = optimizers.create("adam")
    g = np.array([3.0, -0.02, 0.0])
    step, _ = opt.step(g, opt.init_state(g.shape), 0.1, 1)
    np.testing.assert_allclose(step, [0.1 * 3 / (3 + 1e-8), -0.1 * 0.02 / (0.02 + 1e-8), 0.0], rtol=1e-12)


def test_state_after_steps():
    mom = optimizers.create("momentum", momentum=0.5)
    _, (v,) = run_optimizer(mom, GRADS[:2], P0, LR)
    np.testing.assert_allclose(v, 0.5 * GRADS[0] + GRADS[1], rtol=1e-15)
    ada = optimizers.create("adagrad")
    _, (s,) = run_optimizer(ada, GRADS[:3], P0, LR)
    np.testing.assert_allclose(s, GRADS[0] ** 2 + GRADS[1] ** 2 + GRADS[2] ** 2, rtol=1e-15)
    adam = optimizers.create("adam", beta1=0.5, beta2=0.75)
    _, (m, v2) = run_optimizer(adam, GRADS[:2], P0, LR)
    np.testing.assert_allclose(m, 0.5 * (0.5 * GRADS[0]) + 0.5 * GRADS[1], rtol=1e-15)
    np.testing.assert_allclose(v2, 0.75 * (0.25 * GRADS[0] ** 2) + 0.25 * GRADS[1] ** 2, rtol=1e-15)


def test_init_state_shapes():
    assert optimizers.create("sgd").init_state((2, 3)) == ()
    for name, n in (("momentum", 1), ("adagrad", 1), ("adam", 2)):
        state = optimizers.create(name).init_state((2, 3))
        assert len(state) == n
        for s in state:
            assert s.shape == (2, 3) and not s.any()


# ------------------------------------------------------------------ purity
@pytest.mark.parametrize("name", sorted(optimizers.OPTIMIZERS))
def test_step_never_modifies_its_inputs(name):
    opt = optimizers.create(name)
    state = opt.init_state(P0.shape)
    for t, g in enumerate(GRADS, start=1):
        g = g.copy()
        g_before = g.copy()
        state_before = tuple(s.copy() for s in state)
        # Read-only inputs: any in-place write would raise.
        g.flags.writeable = False
        for s in state:
            s.flags.writeable = False
        step, new_state = opt.step(g, state, LR, t)
        np.testing.assert_array_equal(g, g_before)
        assert len(state) == len(state_before)
        for s, sb in zip(state, state_before):
            np.testing.assert_array_equal(s, sb)
        for s_new, s_old in zip(new_state, state):
            if name != "sgd":
                assert s_new is not s_old
        assert step is not g
        state = tuple(np.array(s) for s in new_state)


# ------------------------------------------------------------------ errors
def test_unknown_optimizer_is_a_value_error():
    with pytest.raises(ValueError, match="unknown optimizer"):
        optimizers.create("rmsprop")


@pytest.mark.parametrize(
    "name, params",
    [("sgd", {"momentum": 0.9}), ("momentum", {"beta1": 0.9}), ("adagrad", {"lr": 0.1}),
     ("adam", {"betas": 0.9}), ("adam", {"eps": 1e-8, "weight_decay": 0.1})],
)
def test_unknown_optimizer_parameter_is_a_value_error(name, params):
    with pytest.raises(ValueError, match="no parameter"):
        optimizers.create(name, **params)


@pytest.mark.parametrize(
    "name, params",
    [("momentum", {"momentum": 1.0}), ("momentum", {"momentum": -0.1}), ("adam", {"beta1": 1.0}),
     ("adam", {"beta2": 1.5}), ("adam", {"eps": float("nan")}), ("adagrad", {"eps": float("inf")}),
     ("adagrad", {"eps": -1e-10})],
)
def test_out_of_range_parameter_is_a_value_error(name, params):
    with pytest.raises(ValueError):
        optimizers.create(name, **params)


def test_equality_by_name_and_params():
    assert optimizers.create("adam") == optimizers.create("adam")
    assert optimizers.create("adam") != optimizers.create("adam", beta1=0.8)
    assert optimizers.create("momentum") != optimizers.create("sgd")
