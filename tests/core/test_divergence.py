"""After a divergence the state kept is entirely finite, so it saves, loads and carries
on at a smaller rate, whatever the optimizer, loss, batch mode or rate (the divergence
rule of nnviz.core.kernels: a net input, loss, gradient, parameter or optimizer state
that stops being finite ends the iteration, and nothing of it is kept)."""

import itertools

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.analysis import sweep
from nnviz.core.data import datasets
from nnviz.core.trainer import create
from nnviz.io import snapshot

OPTIMIZERS = ("sgd", "momentum", "adagrad", "adam")
LOSSES = ("half_sse", "mse", "cross_entropy")
BATCHES = ("full", "online", 3)
RATES = (1e3, 1e30, 1e150, 1e308)


def sigmoid_net():
    return presets.load("xor")  # 2-4-1 sigmoid


def softmax_net():  # relu hidden layer, softmax output, a check set
    data, _ = datasets.split(datasets.generate("blobs", n_samples=24, seed=1), 0.25, seed=3)
    return create([2, 5, 3], ["relu", "softmax"], data, seed=2)


def every_number(t):
    """Every array and number the Trainer would save."""
    st = t.training_state()
    yield from t.network.weights + t.network.biases
    yield from (a for pair in st.opt_state for a in pair)
    v = st.values
    for name in ("net", "activations", "errors", "grad_W", "grad_b", "update_W", "update_b"):
        yield from (a for a in getattr(v, name) if a is not None)
    yield from (a for pair in v.params_before if pair is not None for a in pair)
    yield from (a for pair in v.opt_before if pair is not None for part in pair for a in part)
    yield from (np.asarray(x) for x in (v.loss, v.check_loss, v.per_sample_loss) if x is not None)
    yield np.array(st.loss_history + st.accuracy_history + st.check_loss_history)
    yield from st.trajectory


def assert_kept_state_is_sound(t, tmp_path):
    assert all(np.isfinite(a).all() for a in every_number(t))
    snapshot.save(t, tmp_path / "kept.json")
    loaded = snapshot.load(tmp_path / "kept.json")
    for a, b in zip(t.network.weights + t.network.biases, loaded.network.weights + loaded.network.biases):
        assert np.array_equal(a, b)
    results = []
    for tr in (t, loaded):  # both carry on alike at a smaller rate (the weights may already be too
        tr.configure(learning_rate=1e-3)  # large for other samples: then that diverges again, soundly)
        results.append(tr.run(5))
        assert all(np.isfinite(a).all() for a in every_number(tr))
    assert results[0] == results[1] and t.loss_history == loaded.loss_history[-len(t.loss_history):]
    return results[0]


@pytest.mark.parametrize("optimizer, loss, batch", list(itertools.product(OPTIMIZERS, LOSSES, BATCHES)))
def test_what_is_kept_after_a_run_at_an_extreme_rate_saves_and_carries_on(optimizer, loss, batch, tmp_path):
    for make, lr in itertools.product((sigmoid_net, softmax_net), RATES):
        t = make()
        if loss == "cross_entropy" or t.network.activation_names[-1] != "softmax":
            t.configure(optimizer=optimizer, loss=loss, batch=batch, shuffle=batch != "full", learning_rate=lr)
        t.run(60)
        assert_kept_state_is_sound(t, tmp_path)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("backprop", ["chain", "proportional"])
def test_stepping_into_a_divergence_keeps_a_sound_state(optimizer, backprop, tmp_path):
    for make in (sigmoid_net, softmax_net):
        t = make()
        t.configure(optimizer=optimizer, backprop=backprop, batch=3, shuffle=True, learning_rate=1e308)
        for _ in range(400):
            if t.status == "diverged":
                break
            t.step("micro")
        assert_kept_state_is_sound(t, tmp_path)


def test_the_reported_run_says_why_and_saves(tmp_path):
    from nnviz import cli

    out = tmp_path / "x.json"
    assert cli.main(["train", "--preset", "xor", "--optimizer", "adam", "--lr", "1e308",
                     "--iterations", "300", "--out", str(out)]) == 0
    t = snapshot.load(out)
    assert t.status == "diverged" and "net inputs of layer 1 stopped being finite" in t.status_message


def test_a_net_input_that_overflows_is_a_divergence_even_when_the_loss_is_finite():
    t = presets.load("xor")  # sigmoid output: an infinite net input saturates to a finite output
    t.configure(optimizer="adam", learning_rate=1e308)
    t.run(1)  # the first update drives the weights to about 1e308
    t.step("micro")
    assert t.status == "diverged" and t.status_message.startswith("the net inputs of layer 1")
    assert t.iteration == 0 and t.cursor == 2 * t.network.n_layers + 1  # before the update that caused it


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_the_sweep_follows_the_rule_at_extreme_rates(optimizer):
    def make():
        t = softmax_net()
        t.configure(optimizer=optimizer, batch=5, shuffle=True)
        t.run(3)
        return t

    rates = [0.1, 1e30, 1e150, 1e308]
    result = sweep.sweep(make(), rates, 12)
    for i, lr in enumerate(rates):
        ref = make()
        ref.configure(learning_rate=lr)
        ran = ref.run(12)
        assert ran.reason != "diverged" or result.statuses[i] == "diverged"
        curve = result.loss_curves[i]
        assert curve[~np.isnan(curve)].tolist() == ref.loss_history[3:]
        assert np.isnan(curve[len(ref.loss_history) - 3:]).all()
        assert result.final_losses[i] == ref.evaluate_loss()


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("frozen", [(), ("W1[0,1]", "b2[1]")])
def test_run_and_micro_steps_diverge_at_the_same_step_for_the_same_reason(optimizer, frozen):
    for make, lr in itertools.product((sigmoid_net, softmax_net), RATES):
        fast, slow = make(), make()
        for t in (fast, slow):
            t.configure(optimizer=optimizer, batch=3, shuffle=True, learning_rate=lr)
            t.freeze([name for name in frozen if t.network.sizes[-1] > 1 or not name.startswith("b2[1")])
        result = fast.run(40)
        while slow.iteration < 40 and slow.status != "diverged":
            slow.step("micro")
        assert fast.status_message == slow.status_message
        if result.reason == "diverged" and "stopped being finite" in fast.status_message and \
                ("parameters" in fast.status_message or "optimizer state" in fast.status_message):
            slow.back_to_iteration_start()  # run() undoes the whole iteration, micro-steps stop before the update
        assert slow.iteration == fast.iteration and slow.cursor == fast.cursor
        assert all(np.array_equal(a, b) for a, b in zip(fast.network.weights, slow.network.weights))


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("micro", [False, True])
def test_without_a_step_history_the_last_values_undo_the_update_that_caused_it(optimizer, micro):
    """A divergence right after loading (no step history yet) ends where the run that
    never stopped ends: the last iteration's values recorded what its update started from."""
    def make():
        t = presets.load("sine")
        t.configure(optimizer=optimizer, learning_rate=1000.0, batch=5, shuffle=True)
        t.run(2)
        return t

    kept, fresh = make(), snapshot.loads(snapshot.dumps(make()))  # loaded: no step history yet
    for t in (kept, fresh):
        while t.status != "diverged":
            t.step("micro") if micro else t.run(1)
    assert fresh.status_message == kept.status_message and "undone" in kept.status_message
    assert fresh.cursor == kept.cursor and fresh.iteration == kept.iteration
    assert fresh.loss_history == kept.loss_history and fresh.network.flat().tobytes() == kept.network.flat().tobytes()
    for t in (kept, fresh):
        t.configure(learning_rate=0.01)
        t.run(5)
    assert fresh.loss_history == kept.loss_history and fresh.network.flat().tobytes() == kept.network.flat().tobytes()
