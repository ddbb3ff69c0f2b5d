"""nnviz.core.analysis.gradcheck: central finite differences against the Trainer's backprop
gradients, at the parameters the backward pass used, without touching the Trainer."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nnviz.core import presets
from nnviz.core.analysis import gradcheck
from nnviz.core.data.datasets import Dataset
from nnviz.core.analysis.gradcheck import backprop_value, central_difference, finite_difference
from nnviz.core.trainer import create
from strategies import BATCHES, OPTIMIZERS, problems

RTOL = 1e-6
KINK = 1e-3  # relu net inputs closer than this to 0: the difference quotient would straddle the kink


def agree(fd: float, bp: float, loss: float) -> bool:
    """Within 1e-6 relative; gradients below ~1e-9 of the loss's size are compared absolutely
    (the difference quotient cannot resolve them relatively)."""
    return abs(fd - bp) <= RTOL * abs(bp) + 1e-9 * max(1.0, abs(loss))


@st.composite
def checked_runs(draw):
    """(trainer, iterations run before, updates into the iteration) of a drawn problem."""
    sizes, acts, loss, data, seed = draw(problems())
    trainer = create(sizes, acts, data, seed=seed, loss=loss, batch=draw(st.sampled_from(BATCHES)),
                     optimizer=draw(st.sampled_from(OPTIMIZERS)), learning_rate=0.1, shuffle=draw(st.booleans()))
    # how far into the iteration: 0 = just after the last backward step, k = after k updates
    return trainer, draw(st.integers(0, 2)), draw(st.integers(0, len(sizes) - 1))


def state_of(trainer):
    """Everything a gradient check must leave alone, by identity where arrays are kept."""
    v = trainer.values
    return (
        [id(w) for w in trainer.network.weights], [id(b) for b in trainer.network.biases],
        trainer.network.flat().tobytes(), trainer.cursor, trainer.iteration, id(v),
        [id(getattr(v, name)) for name in v.__slots__],
        [[id(a) for a in getattr(v, name)] for name in ("net", "activations", "errors", "grad_W",
                                                         "grad_b", "params_before")],
        repr(trainer.rng.bit_generator.state), list(trainer.loss_history), trainer.can_step_back,
    )


def listen_to_everything(trainer) -> list:
    heard = []
    for name in ("micro_step", "weights_changed", "iteration_finished", "settings_changed",
                 "state_restored", "status_changed"):
        getattr(trainer, name).connect(lambda *args, n=name: heard.append(n))
    return heard


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(checked_runs())
def test_finite_differences_match_backprop_anywhere_after_the_backward_pass(problem):
    trainer, iterations_before, updates = problem
    L = trainer.network.n_layers
    if iterations_before:
        trainer.run(iterations_before)
    assume(trainer.status == "ready")
    trainer.step("phase")  # the forward pass
    assert trainer.phase == "loss"
    for act, z in zip(trainer.network.activation_names, trainer.values.net):
        if act == "relu":
            assume(np.abs(z).min() > KINK)
    trainer.step("phase")  # loss
    trainer.step("phase")  # backward
    assert trainer.phase == "update"
    for _ in range(updates):  # some layers updated already: params_before is what backprop used
        trainer.step("micro")
    assume(trainer.status == "ready")
    if updates == L:
        assert trainer.cursor == 0  # at the boundary: the values are those of the iteration just done

    before = state_of(trainer)
    heard = listen_to_everything(trainer)
    loss = trainer.values.loss
    for p in trainer.network.params():
        bp = backprop_value(trainer, p)
        assert bp is not None
        fd = finite_difference(trainer, p)
        assert agree(fd, bp, loss), (p.name, fd, bp)
    assert central_difference(trainer, trainer.network.params()[0]).matches_iteration(trainer)
    assert state_of(trainer) == before
    assert heard == []


@settings(max_examples=40, deadline=None)
@given(checked_runs())
def test_backprop_value_is_none_before_the_backward_step_of_its_layer(problem):
    trainer, _, _ = problem
    L = trainer.network.n_layers
    params = trainer.network.params()
    assert all(backprop_value(trainer, p) is None for p in params)
    trainer.step("phase")
    trainer.step("phase")
    for layer in range(L, 0, -1):  # backward runs from the last layer to the first
        for p in params:
            assert (backprop_value(trainer, p) is None) == (p.layer <= layer)
        trainer.step("micro")
    assert all(backprop_value(trainer, p) is not None for p in params)


def test_mazur_w5():
    t = presets.load("mazur")
    assert backprop_value(t, "W2[0,0]") is None
    # before anything ran, the full batch is the next iteration's batch
    assert finite_difference(t, "w5") == pytest.approx(0.082167041, abs=5e-10)
    for _ in range(4):  # forward 1, forward 2, loss, backward 2
        t.step("micro")
    assert backprop_value(t, "W2[0,0]") == pytest.approx(0.082167041, abs=5e-10)
    assert backprop_value(t, "w5") == backprop_value(t, "W2[0,0]")  # display names work too
    assert backprop_value(t, "w1") is None
    d = central_difference(t, "w5")
    assert d.name == "W2[0,0]" and d.value == 0.4 and d.h == 1e-6
    assert d.loss_plus > t.values.loss > d.loss_minus
    assert d.loss_change == pytest.approx(2e-6 * 0.082167041, rel=1e-8)
    assert gradcheck.relative_difference(d.estimate, backprop_value(t, "w5")) < 1e-9


def test_after_the_update_the_check_uses_the_parameters_from_before_it():
    t = presets.load("mazur")
    t.step("phase")
    t.step("phase")
    t.step("phase")
    t.step("micro")  # update of layer 2: w5 is now 0.35891648
    assert t.network.get("w5") == pytest.approx(0.35891648, abs=5e-9)
    assert central_difference(t, "w5").value == 0.4
    assert finite_difference(t, "w5") == pytest.approx(backprop_value(t, "w5"), rel=1e-9)
    # layer 1 is not updated yet: its current weights are the ones backprop used
    assert central_difference(t, "w1").value == 0.15
    assert finite_difference(t, "w1") == pytest.approx(backprop_value(t, "w1"), rel=1e-8)
    t.step("micro")  # the iteration ends; the values stay those of iteration 1
    assert t.cursor == 0 and t.iteration == 1
    assert finite_difference(t, "w1") == pytest.approx(0.000438568, abs=5e-10)
    # a gradient at the updated weights is a different number
    probe = presets.load("mazur")
    probe.network.set_parameters(t.network.weights, t.network.biases)
    assert abs(finite_difference(probe, "w5") - 0.082167041) > 1e-4


def test_a_mini_batch_is_the_batch_of_the_iteration():
    x = np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0], [0.1, 0.2]])
    y = np.array([[0.2], [0.9], [0.4], [0.6]])
    t = create([2, 3, 1], ["tanh", "sigmoid"], Dataset(x, y), seed=4, batch=2, shuffle=True)
    with pytest.raises(ValueError, match="no batch drawn yet"):
        finite_difference(t, "W1[0,0]")
    t.run(1)
    t.step("phase")
    t.step("phase")
    t.step("phase")
    assert t.values.inputs.shape == (2, 2)
    for p in t.network.params():
        assert finite_difference(t, p) == pytest.approx(backprop_value(t, p), rel=1e-7, abs=1e-12)
    full = create([2, 3, 1], ["tanh", "sigmoid"], Dataset(x, y), seed=4)
    full.network.set_parameters(t.network.weights, t.network.biases)
    assert finite_difference(full, "W2[0,0]") != pytest.approx(finite_difference(t, "W2[0,0]"), rel=1e-3)


def test_proportional_mode_is_not_the_gradient():
    t = presets.load("mazur")
    t.configure(backprop="proportional")
    t.step("phase")
    t.step("phase")
    t.step("phase")
    fd, heuristic = finite_difference(t, "w1"), backprop_value(t, "w1")
    assert fd == pytest.approx(0.000438568, abs=5e-10)  # the true gradient does not depend on the mode
    assert gradcheck.relative_difference(fd, heuristic) > 0.5


@pytest.mark.parametrize("change", ["edit", "loss"])
def test_a_change_after_the_forward_pass_is_detected(change):
    """An edit or a new loss setting after the backward pass: the difference quotient is of
    another function than the one backprop differentiated, and the check says so."""
    t = presets.load("mazur")
    t.step("phase")
    t.step("phase")
    t.step("phase")
    assert central_difference(t, "w5").matches_iteration(t)
    if change == "edit":
        t.set_parameter("w6", 0.9)
    else:
        t.configure(loss="cross_entropy")  # (mse equals half_sse with two outputs)
    d = central_difference(t, "w5")
    assert not d.matches_iteration(t)
    assert d.loss_centre != pytest.approx(t.values.loss, rel=1e-6)
    assert backprop_value(t, "w5") == pytest.approx(0.082167041, abs=5e-10)  # what backprop computed then


def test_frozen_parameters_are_checked_too():
    t = presets.load("mazur")  # biases frozen
    t.step("phase")
    t.step("phase")
    t.step("phase")
    assert finite_difference(t, "b2[0]") == pytest.approx(backprop_value(t, "b2[0]"), rel=1e-8)


def test_bad_input():
    t = presets.load("mazur")
    with pytest.raises(ValueError, match="bad parameter name"):
        finite_difference(t, "W3[0,0]")
    with pytest.raises(ValueError, match="bad parameter name"):
        backprop_value(t, "nonsense")
    for h in (0, -1e-6, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="h must be"):
            finite_difference(t, "w5", h=h)


def test_a_larger_step_is_a_coarser_estimate():
    t = presets.load("mazur")
    t.step("phase")
    t.step("phase")
    t.step("phase")
    bp = backprop_value(t, "w5")
    fine = abs(finite_difference(t, "w5") - bp)
    coarse = abs(finite_difference(t, "w5", h=0.1) - bp)
    assert coarse > 100 * fine
    assert coarse < 1e-3  # central differences are second order: still close


def test_relative_difference():
    assert gradcheck.relative_difference(0.0, 0.0) == 0.0
    assert gradcheck.relative_difference(1.0, 1.0) == 0.0
    assert gradcheck.relative_difference(2.0, 1.0) == 0.5
    assert gradcheck.relative_difference(-1.0, 1.0) == 2.0
