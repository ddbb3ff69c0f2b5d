"""The step machine: micro-step order, step units, batching, Step back, reset, run,
divergence, freezing, events, settings changes, and the Mazur worked example."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.core import presets
from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network
from nnviz.core.trainer import (
    HistoryExhausted,
    MicroStep,
    RunResult,
    Trainer,
    TrainingDiverged,
    create,
    micro_steps,
)

OPTIMIZERS = ("sgd", "momentum", "adagrad", "adam")


# ================================================================== helpers
def cp(x):
    """A deep copy of nested lists / tuples / dicts of arrays and scalars."""
    if isinstance(x, np.ndarray):
        return np.array(x, copy=True)
    if isinstance(x, (list, tuple)):
        return type(x)(cp(e) for e in x)
    if isinstance(x, dict):
        return {k: cp(e) for k, e in x.items()}
    return x


def snapshot(tr) -> dict:
    """Everything a Step back must restore, copied."""
    v = tr.values
    st_ = tr.training_state()
    return dict(
        weights=cp(list(tr.network.weights)),
        biases=cp(list(tr.network.biases)),
        cursor=tr.cursor,
        iteration=tr.iteration,
        epoch=tr.epoch,
        loss_history=list(tr.loss_history),
        accuracy_history=list(tr.accuracy_history),
        values={name: cp(getattr(v, name)) for name in type(v).__slots__},
        opt_state=cp(list(st_.opt_state)),
        opt_name=st_.opt_name,
        opt_t=st_.opt_t,
        order=cp(st_.order),
        position=st_.position,
        rng_state=cp(st_.rng_state),
        trajectory=cp(list(tr.trajectory)),
        status=tr.status,
    )


def assert_same(a, b, path="state"):
    """Bit-for-bit equality of two snapshots, with the path of the first difference."""
    if isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), f"{path}: keys differ"
        for k in a:
            assert_same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple)) and len(a) == len(b), f"{path}: {a!r} != {b!r}"
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, f"{path}[{i}]")
    elif isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        assert isinstance(a, np.ndarray) and isinstance(b, np.ndarray), f"{path}: {a!r} != {b!r}"
        assert a.shape == b.shape and a.dtype == b.dtype, f"{path}: shape/dtype differ"
        assert a.tobytes() == b.tobytes(), f"{path}: {a!r} != {b!r}"
    else:
        assert type(a) is type(b) and a == b, f"{path}: {a!r} != {b!r}"


def four_points() -> Dataset:
    x = np.array([[0.0, 0.5], [1.0, -0.5], [0.25, 0.75], [-1.0, 0.0]])
    t = np.array([[0.1], [0.9], [0.4], [0.6]])
    return Dataset(x, t)


def small(batch="full", shuffle=False, sizes=(2, 3, 1), seed=4, **kw):
    return create(list(sizes), "sigmoid", four_points(), seed=seed, batch=batch, shuffle=shuffle, **kw)


# ============================================================ micro-step order
def test_schedule_explicit():
    assert micro_steps(1) == (
        MicroStep(0, "forward", 1), MicroStep(1, "loss", None),
        MicroStep(2, "backward", 1), MicroStep(3, "update", 1),
    )
    assert [(s.phase, s.layer) for s in micro_steps(3)] == [
        ("forward", 1), ("forward", 2), ("forward", 3), ("loss", None),
        ("backward", 3), ("backward", 2), ("backward", 1),
        ("update", 3), ("update", 2), ("update", 1),
    ]


@pytest.mark.parametrize("L", [1, 2, 3, 5])
def test_schedule_shape(L):
    steps = micro_steps(L)
    assert len(steps) == 3 * L + 1
    assert [s.index for s in steps] == list(range(3 * L + 1))
    assert [s.layer for s in steps if s.phase == "forward"] == list(range(1, L + 1))
    assert [s.layer for s in steps if s.phase == "backward"] == list(range(L, 0, -1))
    assert [s.layer for s in steps if s.phase == "update"] == list(range(L, 0, -1))
    assert [s.phase for s in steps] == ["forward"] * L + ["loss"] + ["backward"] * L + ["update"] * L


def test_micro_steps_run_in_schedule_order():
    tr = small(sizes=(2, 3, 2, 1))
    assert tr.steps == micro_steps(3)
    seen = []
    tr.micro_step.connect(lambda ev: seen.append(ev.step))
    for i, expected in enumerate(micro_steps(3)):
        assert tr.cursor == i
        assert tr.next_step == expected
        assert tr.phase == expected.phase
        assert tr.step("micro") == 1
        assert tr.last_step == expected
    assert seen == list(micro_steps(3))
    assert tr.cursor == 0 and tr.iteration == 1
    assert tr.last_step == micro_steps(3)[-1]


def test_values_fill_in_as_steps_run():
    tr = small(sizes=(2, 3, 1))
    v = tr.values
    assert v.net == [None, None] and v.loss is None
    tr.step()  # forward 1
    assert tr.values.net[0] is not None and tr.values.net[1] is None
    tr.step()  # forward 2
    tr.step()  # loss
    assert tr.values.loss is not None and tr.values.errors == [None, None]
    tr.step()  # backward 2
    assert tr.values.errors[1] is not None and tr.values.errors[0] is None
    tr.step()  # backward 1
    assert tr.values.grad_W[0] is not None and tr.values.update_W == [None, None]
    w1_before = tr.network.weights[0]
    tr.step()  # update 2
    assert tr.network.weights[0] is w1_before  # layer 1 not yet updated
    assert tr.values.update_W[1] is not None and tr.values.update_W[0] is None
    tr.step()  # update 1
    assert tr.network.weights[0] is not w1_before


def test_hidden_deltas_use_weights_from_before_the_update():
    """All backward steps come before any update: the iteration's result equals a plain
    gradient step computed from the old weights."""
    tr = small(sizes=(2, 3, 1), learning_rate=0.7)
    x, t = tr.dataset.inputs, tr.dataset.targets
    W1, W2 = tr.network.weights
    b1, b2 = tr.network.biases
    a1 = 1 / (1 + np.exp(-(x @ W1.T + b1)))
    a2 = 1 / (1 + np.exp(-(a1 @ W2.T + b2)))
    d2 = (a2 - t) * a2 * (1 - a2)
    d1 = (d2 @ W2) * a1 * (1 - a1)
    n = x.shape[0]
    tr.step("iteration")
    np.testing.assert_allclose(tr.network.weights[1], W2 - 0.7 * d2.T @ a1 / n, rtol=1e-14)
    np.testing.assert_allclose(tr.network.weights[0], W1 - 0.7 * d1.T @ x / n, rtol=1e-14)
    np.testing.assert_allclose(tr.network.biases[0], b1 - 0.7 * d1.mean(axis=0), rtol=1e-14)


def test_describe():
    assert MicroStep(0, "forward", 1).describe(2) == "Forward · layer 1 of 2"
    assert MicroStep(2, "loss", None).describe(2) == "Loss"


# ================================================================ step units
def test_step_units_return_micro_step_counts():
    tr = small(sizes=(2, 3, 2, 1))  # L = 3, 10 micro-steps
    assert tr.step("phase") == 3 and tr.phase == "loss"
    assert tr.step("phase") == 1 and tr.phase == "backward"
    assert tr.step("phase") == 3 and tr.phase == "update"
    assert tr.step("phase") == 3 and tr.cursor == 0 and tr.iteration == 1
    assert tr.step("micro") == 1
    assert tr.step("phase") == 2  # rest of the forward phase
    assert tr.step("iteration") == 10 - 3
    assert tr.iteration == 2 and tr.cursor == 0
    assert tr.step("iteration") == 10
    assert tr.iteration == 3


def test_unknown_step_unit():
    tr = small()
    with pytest.raises(ValueError, match="unit"):
        tr.step("sample")
    assert tr.cursor == 0


def test_full_batch_epoch_is_one_iteration():
    tr = small(batch="full")
    assert tr.step("epoch") == 7
    assert tr.iteration == 1 and tr.epoch == 1
    assert tr.values.batch is None or list(tr.values.batch) == [0, 1, 2, 3]
    np.testing.assert_array_equal(tr.values.inputs, tr.dataset.inputs)


def test_online_epoch_is_four_iterations():
    tr = small(batch="online")
    batches = []
    tr.iteration_finished.connect(lambda i, loss: batches.append(list(tr.values.batch)))
    assert tr.step("epoch") == 4 * 7
    assert tr.iteration == 4 and tr.epoch == 1 and tr.cursor == 0
    assert batches == [[0], [1], [2], [3]]
    assert tr.step("iteration") == 7
    assert tr.epoch == 1
    assert tr.step("epoch") == 3 * 7  # the rest of the second epoch
    assert tr.iteration == 8 and tr.epoch == 2
    assert batches[4:] == [[0], [1], [2], [3]]


def test_online_iteration_uses_one_sample():
    tr = small(batch="online")
    tr.step("iteration")
    tr.step("iteration")
    v = tr.values
    assert v.inputs.shape == (1, 2)
    np.testing.assert_array_equal(v.inputs, tr.dataset.inputs[[1]])
    np.testing.assert_array_equal(v.targets, tr.dataset.targets[[1]])
    assert tr.loss_history[-1] == pytest.approx(float(v.per_sample_loss[0]), rel=0)


def test_mini_batch_three_of_four():
    tr = small(batch=3)
    assert tr.batch_size == 3
    batches, sizes = [], []
    tr.iteration_finished.connect(lambda i, loss: (batches.append(list(tr.values.batch)),
                                                   sizes.append(tr.values.inputs.shape[0])))
    assert tr.step("epoch") == 2 * 7
    assert tr.epoch == 1 and tr.iteration == 2
    assert batches == [[0, 1, 2], [3]] and sizes == [3, 1]
    tr.step("epoch")
    assert batches[2:] == [[0, 1, 2], [3]] and tr.epoch == 2


def test_mini_batch_larger_than_data_is_full():
    tr = small(batch=10)
    assert tr.batch_size == 4
    assert tr.step("epoch") == 7 and tr.iteration == 1


def epoch_orders(seed, n_epochs=3, batch="online"):
    tr = small(batch=batch, shuffle=True, seed=seed)
    rows = []
    tr.iteration_finished.connect(lambda i, loss: rows.extend(int(r) for r in tr.values.batch))
    for _ in range(n_epochs):
        tr.step("epoch")
    return [rows[i:i + 4] for i in range(0, len(rows), 4)]


@pytest.mark.parametrize("batch", ["online", 3])
def test_shuffled_order_reproducible_from_seed(batch):
    a = epoch_orders(11, batch=batch)
    b = epoch_orders(11, batch=batch)
    assert a == b
    for epoch in a:
        assert sorted(epoch) == [0, 1, 2, 3]
    # shuffling really happens: across seeds and epochs not every order is 0,1,2,3
    all_orders = [tuple(e) for s in range(5) for e in epoch_orders(s, batch=batch)]
    assert any(o != (0, 1, 2, 3) for o in all_orders)
    assert len(set(all_orders)) > 1
    assert any(epoch_orders(s, batch=batch) != a for s in range(5))


def test_shuffled_run_reproducible_after_reset():
    tr = small(batch="online", shuffle=True, seed=3)
    tr.run(12)
    first = (list(tr.loss_history), tr.network.flat())
    tr.reset()
    tr.run(12)
    assert tr.loss_history == first[0]
    np.testing.assert_array_equal(tr.network.flat(), first[1])


# ================================================================ Step back
UNITS_ST = st.sampled_from(["micro", "micro", "micro", "phase", "iteration", "epoch"])


@st.composite
def trainer_setups(draw):
    sizes = draw(st.sampled_from([(2, 3, 1), (2, 2, 2, 1), (2, 1)]))
    batch = draw(st.sampled_from(["full", "online", 3]))
    shuffle = draw(st.booleans())
    optimizer = draw(st.sampled_from(OPTIMIZERS))
    seed = draw(st.integers(0, 1000))
    return dict(sizes=sizes, batch=batch, shuffle=shuffle, optimizer=optimizer, seed=seed)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(setup=trainer_setups(), data=st.data())
def test_back_restores_exact_earlier_states(setup, data):
    tr = small(**setup)
    params = [p.name for p in tr.network.params()]
    # states[i] is the state after i undoable micro-steps/edits; None where a multi-step
    # call ran through it without us seeing it.
    states = [snapshot(tr)]
    n_ops = data.draw(st.integers(1, 25), label="n_ops")
    for _ in range(n_ops):
        op = data.draw(st.sampled_from(["step", "step", "back", "edit", "lr", "run"]), label="op")
        if op == "step":
            unit = data.draw(UNITS_ST, label="unit")
            count = tr.step(unit)
            assert count >= 1
            states += [None] * (count - 1) + [snapshot(tr)]
        elif op == "run":
            k = data.draw(st.integers(0, 2), label="run")
            per, start = len(tr.steps), tr.cursor
            result = tr.run(k)
            assert result.iterations == k and result.reason == "iterations"
            count = 0 if k == 0 else (per - start) + (k - 1) * per
            if count:
                states += [None] * (count - 1) + [snapshot(tr)]
        elif op == "edit":
            name = data.draw(st.sampled_from(params), label="param")
            value = data.draw(st.floats(-2, 2, allow_nan=False), label="value")
            tr.set_parameter(name, value)
            assert tr.network.get(name) == value
            states.append(snapshot(tr))
        elif op == "lr":
            tr.configure(learning_rate=data.draw(st.sampled_from([0.05, 0.5, 1.5]), label="lr"))
        else:
            available = len(states) - 1
            if available == 0:
                with pytest.raises(HistoryExhausted):
                    tr.back(1)
                continue
            n = data.draw(st.integers(1, available), label="back")
            tr.back(n)
            del states[len(states) - n:]
            if states[-1] is not None:
                assert_same(states[-1], snapshot(tr))
    # All the way back to the start, then no further.
    available = len(states) - 1
    assert tr.can_step_back == (available > 0)
    before = snapshot(tr)
    with pytest.raises(HistoryExhausted):
        tr.back(available + 1)
    assert_same(before, snapshot(tr))  # a refused back changes nothing
    if available:
        tr.back(available)
    assert_same(states[0], snapshot(tr))
    assert not tr.can_step_back
    with pytest.raises(HistoryExhausted):
        tr.back()


def test_back_one_micro_step_at_a_time():
    tr = small(sizes=(2, 3, 2, 1), batch=3, shuffle=True, optimizer="adam")
    states = [snapshot(tr)]
    for _ in range(35):
        tr.step("micro")
        states.append(snapshot(tr))
    for expected in reversed(states[:-1]):
        tr.back()
        assert_same(expected, snapshot(tr))
    with pytest.raises(HistoryExhausted):
        tr.back()


def test_back_then_step_again_reproduces_the_same_future():
    tr = small(batch="online", shuffle=True, optimizer="momentum")
    tr.step("iteration")
    tr.step("micro")
    mid = snapshot(tr)
    n_epoch = tr.step("epoch")
    assert n_epoch == 6 + 7 + 7  # the rest of iteration 2, then iterations 3 and 4
    ahead = snapshot(tr)
    n = tr.step("micro")
    tr.back(n)
    assert_same(ahead, snapshot(tr))
    tr.back(n_epoch)
    assert_same(mid, snapshot(tr))
    assert tr.step("epoch") == n_epoch
    assert_same(ahead, snapshot(tr))


def test_back_past_the_start_raises():
    tr = small()
    assert not tr.can_step_back
    with pytest.raises(HistoryExhausted):
        tr.back()
    tr.step("micro")
    tr.step("micro")
    with pytest.raises(HistoryExhausted, match="at most 2"):
        tr.back(3)
    assert tr.cursor == 2
    tr.back(2)
    assert tr.cursor == 0
    with pytest.raises(HistoryExhausted):
        tr.back()


def test_back_undoes_an_edit_as_one_step():
    tr = small()
    start = snapshot(tr)
    tr.set_parameter("W1[0,1]", 3.25)
    assert tr.network.get("W1[0,1]") == 3.25
    tr.back()
    assert_same(start, snapshot(tr))


def test_editing_several_parameters_at_once_is_one_step_back():
    tr = small()
    tr.step("iteration")
    start = snapshot(tr)
    tr.set_parameters({"W1[0,1]": 3.25, "b1[0]": -0.5})
    assert (tr.network.get("W1[0,1]"), tr.network.get("b1[0]")) == (3.25, -0.5)
    tr.back()
    assert_same(start, snapshot(tr))


def test_merged_edits_are_undone_together_and_only_after_an_edit():
    """A drag: each move an edit merged into the first, so one Step back undoes the drag."""
    tr = small()
    start = snapshot(tr)
    tr.set_parameters({"W1[0,0]": 1.0})
    for value in (1.5, 2.0, 2.5):
        tr.set_parameters({"W1[0,0]": value}, merge=True)
    assert tr.network.get("W1[0,0]") == 2.5
    tr.back()
    assert_same(start, snapshot(tr))
    tr.step("iteration")
    after_step = snapshot(tr)
    tr.set_parameters({"W1[0,0]": 4.0}, merge=True)  # nothing to merge with: a step came last
    tr.back()
    assert_same(after_step, snapshot(tr))


def test_a_bad_edit_changes_nothing():
    tr = small()
    start = snapshot(tr)
    for bad in ({"W1[0,0]": 1.0, "W9[0,0]": 2.0}, {"W1[0,0]": 1.0, "b1[0]": math.inf}):
        with pytest.raises(ValueError):
            tr.set_parameters(bad)
        assert_same(start, snapshot(tr))
    with pytest.raises(HistoryExhausted):
        tr.back()


def test_back_keeps_current_settings():
    tr = small(learning_rate=0.5)
    tr.step("iteration")
    tr.configure(learning_rate=0.1)
    tr.back(3)
    assert tr.learning_rate == 0.1


def test_back_to_iteration_start():
    tr = small()
    tr.step("iteration")
    boundary = snapshot(tr)
    tr.step("micro")
    tr.step("micro")
    tr.back_to_iteration_start()
    assert_same(boundary, snapshot(tr))
    tr.back_to_iteration_start()  # at a boundary: the previous iteration
    assert tr.iteration == 0 and tr.loss_history == []


def test_back_over_an_edit_keeps_the_current_loss_function():
    tr = presets.load("xor")  # one output: half_sse and mse differ by a factor 2
    tr.set_parameter("W1[0,0]", 0.15)
    tr.configure(loss="mse")
    mse_value = tr.evaluate_loss()
    tr.back()  # undoes the edit; the setting stays mse
    assert tr.loss == "mse"
    tr.set_parameter("W1[0,0]", 0.15)
    assert tr.evaluate_loss() == pytest.approx(mse_value, rel=1e-15)


def test_back_to_the_oldest_kept_step_restores_values():
    tr = small(sizes=(2, 3, 1), history_limit=10)
    states = [snapshot(tr)]
    for _ in range(40):
        tr.step("micro")
        states.append(snapshot(tr))
    n = 0
    while True:
        try:
            tr.back()
        except HistoryExhausted:
            break
        n += 1
        assert_same(states[-1 - n], snapshot(tr))
    assert n >= 10


# ==================================================================== reset
def test_reset_returns_to_initial_weights():
    tr = small(optimizer="adam", batch="online", shuffle=True)
    w0, b0 = cp(list(tr.network.weights)), cp(list(tr.network.biases))
    start = snapshot(tr)
    tr.run(7)
    tr.step("micro")
    tr.set_parameter("b1[0]", 5.0)
    assert not np.array_equal(tr.network.weights[0], w0[0])
    restored = []
    tr.state_restored.connect(lambda: restored.append(True))
    tr.reset()
    assert restored == [True]
    assert_same(start, snapshot(tr))
    for a, b in zip(tr.network.weights + tr.network.biases, w0 + b0):
        np.testing.assert_array_equal(a, b)
    assert tr.iteration == 0 and tr.cursor == 0 and tr.loss_history == []
    assert not tr.can_step_back


# ====================================================================== run
def test_run_n_iterations():
    tr = small()
    result = tr.run(5)
    assert isinstance(result, RunResult)
    assert result.iterations == 5 and result.reason == "iterations"
    assert tr.iteration == 5 and len(tr.loss_history) == 5
    assert result.loss == tr.loss_history[-1]
    assert tr.run(0) == RunResult(0, tr.loss_history[-1], "iterations", "")


def test_run_zero_on_a_fresh_trainer():
    result = small().run(0)
    assert result.iterations == 0 and result.loss is None and result.reason == "iterations"


def test_run_equals_stepping():
    a, b = small(batch=3, shuffle=True), small(batch=3, shuffle=True)
    a.run(6)
    for _ in range(6):
        b.step("iteration")
    assert_same(snapshot(a), snapshot(b))


def test_run_finishing_a_half_done_iteration_counts_as_one():
    tr = small()
    tr.step("micro")
    tr.step("micro")
    result = tr.run(1)
    assert result.iterations == 1 and tr.iteration == 1 and tr.cursor == 0


def test_run_until_loss():
    reference = small(learning_rate=2.0)
    reference.run(200)
    history = reference.loss_history
    assert history[0] > history[-1]
    threshold = (history[0] + history[-1]) / 2
    expected = next(i for i, loss in enumerate(history, start=1) if loss < threshold)
    tr = small(learning_rate=2.0)
    result = tr.run(200, until_loss=threshold)
    assert result.reason == "until_loss"
    assert result.iterations == expected == tr.iteration
    assert result.loss == history[expected - 1] < threshold
    assert all(loss >= threshold for loss in tr.loss_history[:-1])
    assert tr.cursor == 0  # the iteration that got below still completes


def test_run_until_unreached_loss_runs_all_iterations():
    tr = small()
    result = tr.run(10, until_loss=-1.0)
    assert result.reason == "iterations" and result.iterations == 10


def test_run_should_stop():
    tr = small()
    calls = []

    def stop():
        calls.append(tr.iteration)
        return tr.iteration >= 3

    result = tr.run(100, should_stop=stop)
    assert result.reason == "stopped" and result.iterations == 3 and tr.iteration == 3


def test_run_progress():
    tr = small()
    seen = []
    tr.run(300, progress=lambda done, n: seen.append((done, n)))
    assert seen and seen[-1] == (300, 300)
    assert all(n == 300 for _, n in seen)
    assert [d for d, _ in seen] == sorted({d for d, _ in seen})


@pytest.mark.parametrize("kwargs", [dict(n=-1), dict(n=3, until_loss=float("nan")),
                                    dict(n=3, until_loss=float("inf"))])
def test_run_rejects_bad_arguments(kwargs):
    tr = small()
    with pytest.raises(ValueError):
        tr.run(**kwargs)
    assert tr.iteration == 0


# =============================================================== divergence
def line_data() -> Dataset:
    x = np.array([[1.0], [2.0], [3.0]])
    return Dataset(x, 2 * x)


@pytest.mark.parametrize("sizes", [(1, 1), (1, 2, 1)])
@pytest.mark.parametrize("lr", [10.0, 1e300])
def test_divergence_in_run(sizes, lr):
    tr = create(list(sizes), "linear", line_data(), seed=0, learning_rate=lr)
    statuses = []
    tr.status_changed.connect(lambda s, m: statuses.append(s))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = tr.run(1000)
    assert result.reason == "diverged" and result.message
    assert tr.status == "diverged" and statuses == ["diverged"]
    assert result.iterations == tr.iteration < 1000
    for a in tr.network.weights + tr.network.biases:
        assert np.isfinite(a).all()
    assert all(math.isfinite(x) for x in tr.loss_history)
    # The iteration that diverged is undone, and so is the update that blew the loss up:
    # the trainer stands before that update, ready to redo it with a smaller rate.
    assert tr.cursor == 0 or (tr.phase == "update" and "undone" in result.message)
    with pytest.raises(TrainingDiverged):
        tr.step()
    with pytest.raises(TrainingDiverged):
        tr.run(1)
    # A settings change clears the status
    tr.configure(learning_rate=1e-3)
    assert tr.status == "ready"
    tr.step("iteration")


@pytest.mark.parametrize("lr", [10.0, 1e300])
def test_divergence_while_stepping(lr):
    tr = create([1, 2, 1], "linear", line_data(), seed=0, learning_rate=lr)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(100):
            tr.step("iteration")
            if tr.status == "diverged":
                break
    assert tr.status == "diverged" and tr.status_message
    for a in tr.network.weights + tr.network.biases:
        assert np.isfinite(a).all()
    state = snapshot(tr)
    with pytest.raises(TrainingDiverged):
        tr.step("micro")
    assert_same(state, snapshot(tr))
    tr.back()
    assert tr.status == "ready"


def test_listeners_learn_about_the_rollback_after_divergence_in_run():
    # Layer 2's update is huge but finite; layer 1's overflows: the divergence is found
    # after weights_changed(2) went out.
    net = Network([1, 1, 1], "linear", [np.array([[1e-3]]), np.array([[1e9]])], [np.zeros(1), np.zeros(1)])
    tr = Trainer(net, Dataset(np.array([[1.0]]), np.array([[2.0]])), learning_rate=1e295)
    seen = []
    tr.weights_changed.connect(lambda layer: seen.append(tr.network.flat()))
    result = tr.run(1)
    assert result.reason == "diverged" and "layer 1" in result.message
    assert seen, "the test needs a weights_changed before the divergence"
    np.testing.assert_array_equal(seen[-1], tr.network.flat())


def test_finite_but_huge_parameters_are_not_reported_as_non_finite():
    # Inputs 0: the gradient of W is 0, so the update leaves W = [1e308, 1e308] as it is.
    net = Network([2, 1], "linear", [np.array([[1e308, 1e308]])], [np.zeros(1)])
    tr = Trainer(net, Dataset(np.array([[0.0, 0.0]]), np.array([[1.0]])), learning_rate=0.1)
    tr.step("iteration")
    assert tr.status == "ready", tr.status_message
    assert tr.network.weights[0].tolist() == [[1e308, 1e308]]


def test_divergence_is_not_raised_for_a_sane_run():
    tr = presets.load("sine")
    result = tr.run(300)
    assert result.reason == "iterations" and tr.status == "ready"


# ================================================================= freezing
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_freezing_keeps_parameters_exactly(optimizer):
    tr = small(optimizer=optimizer, learning_rate=0.3)
    tr.freeze(["W1[0,1]"])
    tr.freeze_biases()
    assert tr.is_frozen("W1[0,1]") and tr.is_frozen("b2[0]") and not tr.is_frozen("W1[0,0]")
    frozen = {"W1[0,1]"} | {p.name for p in tr.network.params() if p.kind == "b"}
    assert tr.frozen == frozenset(frozen)
    before = {p.name: tr.network.get(p) for p in tr.network.params()}
    tr.run(6)
    assert tr.cursor == 0  # values are those of the last iteration
    after = {p.name: tr.network.get(p) for p in tr.network.params()}
    for name in before:
        if name in frozen:
            assert after[name] == before[name], name
        else:
            assert after[name] != before[name], name
    # The recorded change of a frozen parameter is exactly 0.
    assert tr.values.update_W[0][0, 1] == 0.0
    assert not tr.values.update_b[0].any() and not tr.values.update_b[1].any()
    # Unfreezing lets them move again.
    tr.freeze_biases(False)
    tr.freeze(["W1[0,1]"], False)
    assert tr.frozen == frozenset()
    tr.run(2)
    assert tr.network.get("W1[0,1]") != before["W1[0,1]"]
    assert tr.network.get("b1[0]") != before["b1[0]"]


def test_frozen_in_constructor_and_display_names():
    tr = presets.load("mazur")
    assert tr.is_frozen("b1[0]") and tr.is_frozen("b2[1]")
    tr.freeze(["w5"])  # a display name
    assert tr.is_frozen("W2[0,0]")
    w5 = tr.network.get("w5")
    tr.run(3)
    assert tr.network.get("w5") == w5
    assert tr.network.biases[0].tolist() == [0.35, 0.35]


def test_freeze_unknown_parameter():
    tr = small()
    with pytest.raises(ValueError):
        tr.freeze(["W3[0,0]"])
    with pytest.raises(ValueError):
        tr.freeze(["W1[5,0]"])
    assert tr.frozen == frozenset()


# =================================================================== events
def test_events_over_an_iteration():
    tr = small(sizes=(2, 3, 2, 1))
    log = []
    tr.micro_step.connect(lambda ev: log.append(("micro", ev.step)))
    tr.weights_changed.connect(lambda layer: log.append(("weights", layer)))
    tr.iteration_finished.connect(lambda i, loss: log.append(("iteration", i, loss)))
    tr.step("iteration")
    steps = micro_steps(3)
    expected = []
    for s in steps:
        expected.append(("micro", s))
        if s.phase == "update":
            expected.append(("weights", s.layer))
    expected.append(("iteration", 1, tr.loss_history[0]))
    assert log == expected
    assert tr.loss_history[0] == tr.values.loss


def test_micro_step_event_payloads():
    tr = small()
    events = []
    tr.micro_step.connect(events.append)
    tr.step("iteration")
    assert [e.step for e in events] == list(tr.steps)
    forward, loss = events[0], events[2]
    assert forward.values["net"] is tr.values.net[0]
    assert loss.values["loss"] == tr.values.loss
    backward = events[3]
    assert backward.values["grad_W"] is tr.values.grad_W[1]
    update = events[-1]
    assert update.values["W"] is tr.network.weights[0]


def test_iteration_finished_in_run():
    tr = small(batch="online")
    seen = []
    tr.iteration_finished.connect(lambda i, loss: seen.append((i, loss)))
    micro = []
    tr.micro_step.connect(lambda ev: micro.append(ev.step.index))
    tr.run(5)
    assert seen == list(zip(range(1, 6), tr.loss_history))
    assert micro == list(range(7)) * 5


def test_settings_changed():
    tr = small()
    seen = []
    tr.settings_changed.connect(lambda name, value: seen.append((name, value)))
    tr.configure(learning_rate=0.25)
    assert seen == [("learning_rate", 0.25)]
    tr.configure(learning_rate=0.25)  # no change, no signal
    assert len(seen) == 1
    tr.learning_rate = 0.125
    assert seen[-1] == ("learning_rate", 0.125)
    tr.configure(batch="online", shuffle=True)
    assert set(seen[-2:]) == {("batch", "online"), ("shuffle", True)}
    tr.freeze(["W1[0,0]"])
    assert seen[-1] == ("frozen", frozenset({"W1[0,0]"}))
    tr.configure(optimizer="adam")
    assert seen[-1][0] == "optimizer" and seen[-1][1].name == "adam"
    n = len(seen)
    with pytest.raises(ValueError):
        tr.configure(learning_rate=-1.0)
    with pytest.raises(ValueError):
        tr.configure(learning_rate=0.3, batch="most")  # all checked before anything changes
    assert tr.learning_rate == 0.125 and len(seen) == n


def test_edit_and_back_signals():
    tr = small()
    log = []
    tr.weights_changed.connect(lambda layer: log.append(("weights", layer)))
    tr.state_restored.connect(lambda: log.append(("restored",)))
    tr.micro_step.connect(lambda ev: log.append(("micro",)))
    tr.set_parameter("W2[0,1]", 0.5)
    assert log == [("weights", 2)]
    tr.step("micro")
    log.clear()
    tr.back(2)
    assert log == [("restored",), ("weights", None)]


def test_disconnected_listener_hears_nothing():
    tr = small()
    seen = []
    cb = tr.micro_step.connect(lambda ev: seen.append(ev))
    tr.step()
    tr.micro_step.disconnect(cb)
    tr.step()
    assert len(seen) == 1


# ======================================================= learning-rate change
def test_learning_rate_change_mid_iteration_applies_from_next_update():
    tr = small(sizes=(2, 3, 1), learning_rate=0.5)
    for _ in range(3):
        tr.step("phase")  # forward, loss, backward
    assert tr.phase == "update"
    W1, W2 = tr.network.weights
    gW1, gW2 = np.array(tr.values.grad_W[0]), np.array(tr.values.grad_W[1])
    tr.configure(learning_rate=0.1)
    tr.step("micro")  # update layer 2 with the new rate
    np.testing.assert_allclose(tr.network.weights[1], W2 - 0.1 * gW2, rtol=1e-15)
    tr.configure(learning_rate=2.0)
    tr.step("micro")  # update layer 1 with the newer one
    np.testing.assert_allclose(tr.network.weights[0], W1 - 2.0 * gW1, rtol=1e-15)


def test_learning_rate_change_before_backward_does_not_change_gradients():
    a, b = small(learning_rate=0.5), small(learning_rate=0.5)
    a.step("phase")
    b.step("phase")
    b.configure(learning_rate=0.05)
    a.step("phase"), b.step("phase")
    a.step("phase"), b.step("phase")
    for ga, gb in zip(a.values.grad_W, b.values.grad_W):
        np.testing.assert_array_equal(ga, gb)
    W2 = b.network.weights[1]
    b.step("micro")
    np.testing.assert_allclose(b.network.weights[1], W2 - 0.05 * b.values.grad_W[1], rtol=1e-15)


@pytest.mark.parametrize("bad", [0, -0.5, float("nan"), float("inf"), True, "0.5"])
def test_bad_learning_rate(bad):
    tr = small()
    with pytest.raises(ValueError):
        tr.configure(learning_rate=bad)


# ============================================================ Mazur example
def published(value: float, text: str) -> None:
    """``value`` rounded to the digits of the published ``text`` gives ``text``."""
    decimals = len(text.split(".")[1])
    assert f"{value:.{decimals}f}" == text, f"{value!r} vs published {text}"


def sig9(value: float, text: str) -> None:
    """Equal at 9 significant digits, or to the digits published when fewer are given."""
    digits = len(text.split(".")[1].lstrip("0"))
    if digits >= 9:
        assert f"{value:.9g}" == f"{float(text):.9g}", f"{value!r} vs published {text}"
    else:
        published(value, text)


def test_mazur_first_iteration():
    tr = presets.load("mazur")
    tr.step("iteration")
    v = tr.values
    sig9(v.net[0][0, 0], "0.3775")
    sig9(v.activations[0][0, 0], "0.593269992")
    sig9(v.activations[0][0, 1], "0.596884378")
    sig9(v.net[1][0, 0], "1.105905967")
    sig9(v.activations[1][0, 0], "0.75136507")
    sig9(v.activations[1][0, 1], "0.772928465")
    sig9(v.loss, "0.298371109")
    sig9(tr.loss_history[0], "0.298371109")
    net = tr.network
    for name, text in [("w5", "0.35891648"), ("w6", "0.408666186"), ("w7", "0.511301270"),
                       ("w8", "0.561370121"), ("w1", "0.149780716"), ("w2", "0.19956143"),
                       ("w3", "0.24975114"), ("w4", "0.29950229")]:
        sig9(net.get(name), text)
    # the biases are frozen in the published example
    assert net.biases[0].tolist() == [0.35, 0.35] and net.biases[1].tolist() == [0.6, 0.6]


def test_mazur_ten_thousand_iterations():
    tr = presets.load("mazur")
    result = tr.run(10_000)
    assert result.iterations == 10_000 and len(tr.loss_history) == 10_000
    published(tr.loss_history[-1], "0.0000351085")


def test_helpers_can_fail():
    """The comparison helpers used above do reject wrong numbers."""
    with pytest.raises(AssertionError):
        sig9(0.5932699, "0.593269992")
    with pytest.raises(AssertionError):
        published(0.19956153, "0.19956143")
    a = snapshot(small())
    b = snapshot(small())
    assert_same(a, b)
    b["values"]["loss"] = 1.0
    with pytest.raises(AssertionError):
        assert_same(a, b)
    b = snapshot(small())
    b["weights"][0] = b["weights"][0] + 0.0
    b["weights"][0][0, 0] = np.nextafter(b["weights"][0][0, 0], 2.0)
    with pytest.raises(AssertionError):
        assert_same(a, b)
