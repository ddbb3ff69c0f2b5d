"""Each check holds when the user has done the thing, and not before."""

import math

import pytest

from nnviz.app.jobs import SweepRequest
from nnviz.app.lessons import checks, quantities
from nnviz.app.session import Session
from nnviz.core import presets
from nnviz.core.analysis import surface


def holds(session, kind, context=None, **params):
    ctx = context or begun(session)
    ctx.observe()
    return checks.PREDICATES[kind].test(ctx, checks.check_params(kind, params))


def begun(session):
    ctx = checks.Context(session, quantities.Reader(session))
    ctx.begin()
    return ctx


@pytest.fixture
def session():
    return Session(presets.load("mazur"))


def test_reached_follows_the_micro_steps(session):
    ctx = begun(session)
    assert not holds(session, "reached", ctx, phase="forward", layer=1)
    session.step()
    assert holds(session, "reached", ctx, phase="forward", layer=1)
    assert not holds(session, "reached", ctx, phase="forward", layer=2)
    assert not holds(session, "reached", ctx, phase="forward")  # the whole phase: both layers
    session.step()
    assert holds(session, "reached", ctx, phase="forward")
    assert not holds(session, "reached", ctx, phase="loss")
    for _ in range(4):
        session.step()
    assert holds(session, "reached", ctx, phase="backward")
    assert not holds(session, "reached", ctx, phase="update", layer=1)
    session.step("iteration")
    assert holds(session, "reached", ctx, phase="update", layer=1)  # the iteration is complete
    assert not holds(session, "reached", ctx, phase="forward", layer=1, iteration=2)
    session.back(7)  # Step back undoes it
    assert not holds(session, "reached", ctx, phase="update", layer=1)


def test_iterations_count_from_the_step_and_start_again_after_a_reset(session):
    session.trainer.run(50)
    ctx = begun(session)
    session.trainer.run(150)
    assert not holds(session, "iterations", ctx, at_least=200)  # 150 since the step began
    session.trainer.run(50)
    assert holds(session, "iterations", ctx, at_least=200)
    session.start_lesson("zeros")  # a new initialisation: the count starts again
    assert not holds(session, "iterations", ctx, at_least=200)
    session.trainer.run(199)
    assert not holds(session, "iterations", ctx, at_least=200)
    session.trainer.run(1)
    assert holds(session, "iterations", ctx, at_least=200) and holds(session, "init", ctx, scheme="zeros")
    assert not holds(session, "init", ctx, scheme="large")
    session.load_preset("xor")  # a new network counts from its own start
    assert not holds(session, "iterations", ctx, at_least=1)


def test_rate_and_regime(session):
    session.load_preset("sine")
    lam = surface.curvature(session.trainer)
    for rate, regime in ((0.5 / lam, "converging"), (1.5 / lam, "zigzag"), (2.0 / lam, "oscillating"),
                         (2.5 / lam, "diverged")):
        session.set_learning_rate(rate)
        for name in checks.REGIMES:
            assert holds(session, "regime", name=name) == (name == regime), (rate, name)
    session.set_learning_rate(0.9 / lam)  # just below 1/λmax: no zig-zag yet
    assert not holds(session, "regime", name="zigzag")
    assert holds(session, "rate", below=1.0 / lam) and not holds(session, "rate", above=1.0 / lam)


def test_value_near_above_below(session):
    assert not holds(session, "value", quantity="out:h1", near=0.593269992, within=5e-10)  # not computed yet
    session.step()
    assert holds(session, "value", quantity="out:h1", near=0.593269992, within=5e-10)
    assert not holds(session, "value", quantity="out:h1", near=0.5932, within=5e-10)
    assert holds(session, "value", quantity="iteration", below=0.5)
    assert holds(session, "value", quantity="loss_now", above=0.29, below=0.3)


def test_setting_selected_status(session):
    assert holds(session, "setting", name="batch", value="full")
    assert not holds(session, "setting", name="loss", value="cross_entropy")
    session.configure(loss="cross_entropy", batch=1, optimizer="adam")
    assert holds(session, "setting", name="loss", value="cross_entropy")
    assert holds(session, "setting", name="batch", value=1)
    assert not holds(session, "setting", name="batch", value="full")
    assert holds(session, "setting", name="optimizer", value="adam")
    assert not holds(session, "selected", param="w5")
    session.select_param("w1")
    assert not holds(session, "selected", param="w5")
    session.select_param("W2[0,0]")
    assert holds(session, "selected", param="w5")
    assert holds(session, "status", value="ready") and not holds(session, "status", value="diverged")
    session.load_preset("sine")
    session.set_learning_rate(10.0)
    session.trainer.run(50)
    assert holds(session, "status", value="diverged")


def test_fork_race_and_sweep(session):
    ctx = begun(session)
    assert not holds(session, "fork", ctx, batch="online")
    session.load_preset("sine")
    session.fork(0.05, batch="online", loss="half_sse")
    assert holds(session, "fork", ctx, batch="online", loss="half_sse")
    assert not holds(session, "fork", ctx, batch="online", at_least=10)
    assert not holds(session, "fork", ctx, batch=8)
    session.trainer.run(10)
    session.flush(force=True)
    assert holds(session, "fork", ctx, batch="online", at_least=10)
    assert holds(session, "fork", ctx, optimizer="sgd") and not holds(session, "fork", ctx, optimizer="adam")

    assert not holds(session, "race", ctx, at_least=20)
    session.start_race(20)
    assert not holds(session, "race", ctx, at_least=20)  # started, not finished
    while session.race_run.running:
        session.tick()
    assert holds(session, "race", ctx, at_least=20) and not holds(session, "race", ctx, at_least=21)

    assert not holds(session, "sweep", ctx)
    job = session.jobs.submit(SweepRequest(session.trainer.copy(), [0.01, 0.05, 0.1], 20))
    ctx.sweep = job.result  # what the player records when a sweep finishes
    assert holds(session, "sweep", ctx) and not holds(session, "sweep", ctx, used=True)
    session.set_learning_rate(float(job.result.best_rate))
    assert holds(session, "sweep", ctx, used=True)


def test_stop_rules_stopped_and_data(session):
    assert not holds(session, "stop_rules", until_loss=True)
    session.set_stop_rules(0.001, 1000)
    assert holds(session, "stop_rules", until_loss=True, max_iterations=1000)
    assert holds(session, "stop_rules", until_loss=0.001) and not holds(session, "stop_rules", max_iterations=999)
    assert not holds(session, "stopped")
    session.trainer.run(999)
    assert not holds(session, "stopped")
    session.trainer.run(1)
    assert holds(session, "stopped")
    session.set_stop_rules(0.5, None)  # the loss is below this one
    assert holds(session, "stopped")
    assert holds(session, "data", normalised=False, check=False)
    assert not holds(session, "data", normalised=True)


def test_bad_parameters_are_refused_with_the_field():
    for kind, params, message in (
            ("reached", {"phase": "sideways"}, "phase: expected one of forward, loss, backward, update"),
            ("reached", {}, "phase: a reached check needs it"),
            ("iterations", {"at_least": 0}, "at_least: expected a whole number >= 1"),
            ("iterations", {"at_least": 2.5}, "at_least: expected a whole number >= 1"),
            ("rate", {"above": math.inf}, "above: expected a number"),
            ("regime", {"name": "zig-zag"}, "name: expected one of converging, zigzag, oscillating, diverged"),
            ("setting", {"name": "batch", "value": "halves"}, "value: batch must be full, online or a number"),
            ("setting", {"name": "shuffle", "value": "yes"}, "value: shuffle is true or false"),
            ("value", {"quantity": "grad"}, "quantity: grad needs a parameter such as w5"),
            ("value", {"quantity": "max_grad:x", "below": 1}, "quantity: expected a weight layer"),
            ("stopped", {"now": True}, "now: stopped takes no parameters"),
            ("data", {"normalised": 1}, "normalised: expected true or false"),
            ("unknown", {}, "kind: unknown check 'unknown'")):
        with pytest.raises(ValueError) as info:
            checks.check_params(kind, params)
        assert str(info.value).startswith(message), (kind, str(info.value))
