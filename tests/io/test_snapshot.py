"""Snapshot format v1: save/load round trip, exact floats, bit-identical resume (also
half-way through an iteration), Reset after load, the documented example, and atomic
saving."""

from __future__ import annotations

import json
import os
import re
import stat
import tracemalloc
from pathlib import Path
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.core import presets
from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network
from nnviz.core.trainer import Trainer, create
from nnviz.io import snapshot
from nnviz.io.snapshot import SnapshotError
from strategies import float64s, trainers

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "example-snapshot.json"
OPTIMIZERS = ("sgd", "momentum", "adagrad", "adam")


# ================================================================== helpers
def _data(n: int = 6, n_in: int = 3, n_out: int = 2, seed: int = 5, classification: bool = True) -> Dataset:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, (n, n_in))
    if classification:
        y = (rng.uniform(size=(n, n_out)) > 0.5).astype(float)
    else:
        y = rng.uniform(-0.5, 0.5, (n, n_out))
    return Dataset(x, y, "random")


def _trainer(optimizer: str = "adam", batch="full", shuffle: bool = False, **kw) -> Trainer:
    return create([3, 4, 3, 2], ["tanh", "relu", "sigmoid"], _data(), seed=7, learning_rate=0.1,
                  optimizer=optimizer, batch=batch, shuffle=shuffle, **kw)


def _eq(a, b) -> bool:
    """Exact, recursive equality of arrays / lists / tuples / dicts / scalars."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if a is None or b is None:
            return a is b
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and np.array_equal(a, b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_eq(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_eq(a[k], b[k]) for k in a)
    return a == b


def _bits(arrays) -> list[bytes]:
    return [np.ascontiguousarray(a, dtype=np.float64).tobytes() for a in arrays]


def assert_same_state(a: Trainer, b: Trainer) -> None:
    """Everything a run depends on and everything a user sees, compared exactly."""
    # network
    assert a.network.sizes == b.network.sizes
    assert a.network.activation_names == b.network.activation_names
    assert _bits(a.network.weights) == _bits(b.network.weights)
    assert _bits(a.network.biases) == _bits(b.network.biases)
    assert a.network.neuron_names == b.network.neuron_names
    assert a.network.param_names == b.network.param_names
    # dataset
    assert np.array_equal(a.dataset.inputs, b.dataset.inputs)
    assert np.array_equal(a.dataset.targets, b.dataset.targets)
    assert a.dataset.name == b.dataset.name
    # settings (Settings is a frozen dataclass; the optimizer compares by name + params)
    sa, sb = a.settings, b.settings
    assert (sa.learning_rate, sa.loss, sa.backprop, sa.batch, sa.shuffle, sa.frozen) == \
           (sb.learning_rate, sb.loss, sb.backprop, sb.batch, sb.shuffle, sb.frozen)
    assert sa.optimizer.name == sb.optimizer.name
    assert dict(sa.optimizer.params) == dict(sb.optimizer.params)
    assert a.seed == b.seed and a.init_scheme == b.init_scheme
    # histories and counters
    assert a.loss_history == b.loss_history
    assert a.accuracy_history == b.accuracy_history
    assert len(a.trajectory) == len(b.trajectory)
    assert all(np.array_equal(x, y) for x, y in zip(a.trajectory, b.trajectory))
    assert a.iteration == b.iteration and a.epoch == b.epoch
    assert a.cursor == b.cursor
    assert a.status == b.status and a.status_message == b.status_message
    # training state
    ta, tb = a.training_state(), b.training_state()
    assert ta.opt_name == tb.opt_name and ta.opt_t == tb.opt_t
    assert _eq(list(ta.opt_state), list(tb.opt_state))
    assert np.array_equal(ta.order, tb.order) and ta.position == tb.position
    assert ta.rng_state == tb.rng_state
    # the initial parameters Reset returns to
    (wa, ba, ra), (wb, bb, rb) = a.initial, b.initial
    assert _bits(wa) == _bits(wb) and _bits(ba) == _bits(bb) and ra == rb
    # intermediate values of the current (or last) iteration
    va, vb = a.values, b.values
    for name in type(va).__slots__:
        assert _eq(getattr(va, name), getattr(vb, name)), f"values.{name} differs"


def roundtrip(t: Trainer, tmp_path: Path | None = None) -> Trainer:
    if tmp_path is None:
        return snapshot.loads(snapshot.dumps(t))
    path = tmp_path / "run.json"
    snapshot.save(t, path)
    return snapshot.load(path)


# =========================================================== round trip
@pytest.mark.parametrize("micro", [0, 1, 4, 7, 9])
def test_save_load_gives_identical_state(tmp_path, micro):
    t = _trainer("adam", batch=4, shuffle=True, frozen=["W1[0,1]", "b3[1]"])
    t.run(5)
    for _ in range(micro):
        t.step("micro")
    t2 = roundtrip(t, tmp_path)
    assert_same_state(t, t2)
    # and saving the loaded trainer gives the same document
    assert snapshot.dumps(t2) == snapshot.dumps(t)


def test_fresh_trainer_round_trips(tmp_path):
    t = presets.load("mazur")
    t2 = roundtrip(t, tmp_path)
    assert_same_state(t, t2)
    assert t2.iteration == 0 and t2.loss_history == [] and t2.cursor == 0
    assert snapshot.dumps(t2) == snapshot.dumps(t)


@pytest.mark.parametrize("name", presets.names())
def test_presets_round_trip_and_keep_names(name, tmp_path):
    t = presets.load(name)
    t.run(3)
    t.step("micro")
    t2 = roundtrip(t, tmp_path)
    assert_same_state(t, t2)
    if name == "mazur":
        assert t2.network.display_name("W2[0,0]") == "w5"
        assert t2.network.neuron_name(1, 0) == "h1"
        assert t2.frozen == t.frozen and len(t2.frozen) == 4


def test_changed_optimizer_keeps_old_state_until_next_update(tmp_path):
    """state_of names the optimizer the state belongs to, not the selected one."""
    t = _trainer("momentum")
    t.run(3)
    t.configure(optimizer="adam")
    t2 = roundtrip(t, tmp_path)
    assert t2.training_state().opt_name == "momentum"
    assert_same_state(t, t2)
    t.run(4)
    t2.run(4)
    assert_same_state(t, t2)


def test_proportional_and_edits_round_trip(tmp_path):
    t = _trainer("sgd", backprop="proportional", loss="mse")
    t.run(2)
    t.set_parameter("W2[1,2]", 0.125)
    t.step("micro")
    t2 = roundtrip(t, tmp_path)
    assert_same_state(t, t2)
    t.run(3)
    t2.run(3)
    assert_same_state(t, t2)


def test_readme_api_example_round_trips(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (40, 2))
    y = (x[:, :1] * x[:, 1:] > 0).astype(float)
    t = create([2, 8, 1], ["tanh", "sigmoid"], Dataset(x, y), init="xavier", seed=3, learning_rate=0.1,
               optimizer="adam", loss="cross_entropy", batch=16, shuffle=True)
    t.run(7)
    t.step("micro")
    t2 = roundtrip(t, tmp_path)
    assert_same_state(t, t2)
    t.run(10)
    t2.run(10)
    assert_same_state(t, t2)


def test_saved_document_is_plain_json_with_documented_fields(tmp_path):
    t = _trainer("momentum", batch="online", shuffle=True)
    t.run(3)
    t.step("micro")
    path = tmp_path / "s.json"
    snapshot.save(t, path)
    text = path.read_text(encoding="utf-8")
    assert "NaN" not in text and "Infinity" not in text
    doc = json.loads(text)
    assert doc["format"] == "nnviz-snapshot" and doc["version"] == 1
    assert doc["cursor"]["index"] == 1
    assert doc["cursor"]["next_phase"] == "forward" and doc["cursor"]["next_layer"] == 2
    assert doc["training"]["optimizer"]["name"] == "momentum"
    assert set(doc["training"]["optimizer"]["state"]) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert set(doc["training"]["optimizer"]["state"]["W2"]) == {"velocity"}
    assert doc["training"]["batch"]["mode"] == "online" and doc["training"]["batch"]["shuffle"] is True
    assert len(doc["history"]["trajectory"]) == 4  # start + 3 updates


# ==================================================== exact float round trip
numbers = float64s


def _params(v: list[float]):
    """17 numbers -> the weights and biases of a 2-3-2 network."""
    return ([np.array(v[0:6]).reshape(3, 2), np.array(v[9:15]).reshape(2, 3)],
            [np.array(v[6:9]), np.array(v[15:17])])


@settings(max_examples=60, deadline=None)
@given(w=st.lists(numbers, min_size=17, max_size=17), w0=st.lists(numbers, min_size=17, max_size=17),
       data=st.lists(numbers, min_size=12, max_size=12),
       lr=st.floats(min_value=5e-324, max_value=1e300, allow_nan=False, allow_infinity=False))
def test_floats_round_trip_exactly(w, w0, data, lr):
    net = Network([2, 3, 2], ["tanh", "linear"], *_params(w))
    ds = Dataset(np.array(data[:6]).reshape(3, 2), np.array(data[6:]).reshape(3, 2))
    t = Trainer(net, ds, learning_rate=lr, loss="mse")
    t.set_initial(*_params(w0), t.initial[2])
    t2 = snapshot.loads(snapshot.dumps(t))
    for a, b in zip(t.network.weights + t.network.biases, t2.network.weights + t2.network.biases):
        assert (a == b).all()
        assert a.tobytes() == b.tobytes()  # also keeps the sign of zero
    for a, b in zip(t.initial[0] + t.initial[1], t2.initial[0] + t2.initial[1]):
        assert a.tobytes() == b.tobytes()
    assert t2.dataset.inputs.tobytes() == t.dataset.inputs.tobytes()
    assert t2.dataset.targets.tobytes() == t.dataset.targets.tobytes()
    assert t2.learning_rate == lr


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=5, max_size=5))
def test_histories_and_optimizer_state_round_trip_exactly(xs):
    t = create([1, 2, 1], ["tanh", "linear"], Dataset(np.array(xs)[:, None], np.array(xs[::-1])[:, None]),
               seed=1, learning_rate=1e-9, optimizer="adam", loss="mse", batch=2, shuffle=True)
    t.run(4)
    t.step("micro")
    t2 = snapshot.loads(snapshot.dumps(t))
    assert t2.loss_history == t.loss_history
    assert all(a.tobytes() == b.tobytes() for a, b in zip(t.trajectory, t2.trajectory))
    assert _eq(t.training_state().opt_state, t2.training_state().opt_state)


# ============================================== resume is bit-identical
@settings(deadline=None)  # examples: the profile's (tests/conftest.py; --hypothesis-profile thorough)
@given(t=trainers())
def test_any_trainer_saved_anywhere_resumes_bit_identically(t, tmp_path_factory):
    """Saved anywhere, diverged or not, and carried on for two iterations (which may
    diverge: see the next test), the loaded copy ends exactly as the original."""
    path = tmp_path_factory.mktemp("resume") / "t.json"
    snapshot.save(t, path)
    text = path.read_text(encoding="utf-8")
    assert text == snapshot.dumps(t)  # the streamed file is the documented text
    assert json.loads(text) == snapshot.to_dict(t)
    t2 = snapshot.load(path)
    assert snapshot.dumps(t2) == text
    assert (t2.status, t2.status_message) == (t.status, t.status_message)
    if t.status == "diverged":
        return
    mid_iteration = t.cursor > 0
    t.run(2)
    t2.run(2)
    if mid_iteration and t.status_message != t2.status_message:
        # Saved mid-iteration, and that iteration diverged: the original undid the update
        # before it through its step history, which a snapshot does not keep (README,
        # Python API, Divergence). Both stop there, finite, one update apart.
        assert t2.status == "diverged" and t.status_message.startswith(t2.status_message + "; the update")
        assert t2.loss_history[:-1] == t.loss_history and t2.iteration == t.iteration + 1
        return
    assert (t2.status, t2.status_message) == (t.status, t.status_message)
    assert t2.loss_history == t.loss_history
    assert t2.network.flat().tobytes() == t.network.flat().tobytes()


def test_a_divergence_right_after_loading_ends_as_without_the_save():
    t = presets.load("sine")
    t.configure(learning_rate=1000.0)
    t.run(1)
    t2 = snapshot.loads(snapshot.dumps(t))
    t.run(3)
    t2.run(3)
    assert t.status == t2.status == "diverged"
    assert t2.loss_history == t.loss_history
    assert t2.network.flat().tobytes() == t.network.flat().tobytes()


BATCHES = {
    "full": dict(batch="full", shuffle=False),
    "online-shuffled": dict(batch="online", shuffle=True),
    "mini-batch": dict(batch=4, shuffle=True),
}


@pytest.mark.parametrize("micro", [0, 3, 8], ids=["boundary", "3-micro-steps", "8-micro-steps"])
@pytest.mark.parametrize("batch", list(BATCHES))
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_resume_is_bit_identical(optimizer, batch, micro, tmp_path):
    t = _trainer(optimizer, **BATCHES[batch])
    t.run(5)  # some optimizer state and a position within the epoch
    for _ in range(micro):
        t.step("micro")
    t2 = roundtrip(t, tmp_path)
    assert_same_state(t, t2)
    # carry on side by side: a few micro-steps, the rest of an iteration, then a run
    for _ in range(5):
        assert t.step("micro") == t2.step("micro") == 1
        assert_same_state(t, t2)
    assert t.step("iteration") == t2.step("iteration")
    r1, r2 = t.run(13), t2.run(13)
    assert r1 == r2
    assert np.array_equal(t.network.flat(), t2.network.flat())
    assert t.loss_history == t2.loss_history
    assert all(np.array_equal(a, b) for a, b in zip(t.trajectory, t2.trajectory))
    assert_same_state(t, t2)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_resume_matches_a_run_that_never_stopped(optimizer, tmp_path):
    """Stop half-way, save, load, finish; compare with a run that never stopped."""
    straight = _trainer(optimizer, batch=4, shuffle=True)
    straight.run(20)

    t = _trainer(optimizer, batch=4, shuffle=True)
    t.run(8)
    for _ in range(6):
        t.step("micro")
    path = tmp_path / "half.json"
    snapshot.save(t, path)
    del t
    t2 = snapshot.load(path)
    assert t2.cursor == 6
    t2.run(12)  # finishing the half-done iteration counts as one
    assert t2.iteration == 20
    assert np.array_equal(t2.network.flat(), straight.network.flat())
    assert t2.loss_history == straight.loss_history
    assert t2.accuracy_history == straight.accuracy_history
    assert all(np.array_equal(a, b) for a, b in zip(t2.trajectory, straight.trajectory))


def test_back_after_load_steps_within_the_loaded_run(tmp_path):
    t = _trainer("momentum", batch="online", shuffle=True)
    t.run(3)
    t.step("micro")
    t2 = roundtrip(t, tmp_path)
    t.step("micro"), t2.step("micro")
    t.back(), t2.back()
    assert_same_state(t, t2)


def test_diverged_status_round_trips(tmp_path):
    t = presets.load("sine")
    t.learning_rate = 50
    assert t.run(100).reason == "diverged"
    t2 = roundtrip(t, tmp_path)
    assert t2.status == "diverged" and t2.status_message == t.status_message
    assert_same_state(t, t2)
    t.learning_rate = t2.learning_rate = 0.01  # a changed setting lets it carry on
    assert t.run(3) == t2.run(3)
    assert_same_state(t, t2)


def test_trajectory_start_round_trips(monkeypatch, tmp_path):
    from nnviz.core import history

    monkeypatch.setattr(history, "TRAJECTORY_FLOATS", 200)  # xor has 17 parameters
    t = presets.load("xor")
    t.run(30)
    assert t.trajectory_start > 0
    t2 = roundtrip(t, tmp_path)
    assert t2.trajectory_start == t.trajectory_start


@pytest.mark.parametrize("micro", [0, 2, 5])
def test_worked_arithmetic_is_the_same_after_load(micro, tmp_path):
    """The intermediate values a snapshot keeps are enough to explain the steps already
    taken and to trace on: the lines equal those of the run that never stopped."""
    from nnviz.core.analysis.explain import Explainer, trace

    t = _trainer("momentum", batch=4, shuffle=True)
    t.run(3)
    for _ in range(micro):
        t.step("micro")
    t2 = roundtrip(t, tmp_path)
    taken = t.steps[:micro] if micro else t.steps
    for step in taken:
        assert [x.text for x in Explainer(t).step(step)] == [x.text for x in Explainer(t2).step(step)]
    assert list(trace(t, 2)) == list(trace(t2, 2))


# ================================================ initial / Reset after load
@pytest.mark.parametrize("name", ["xor", "mazur"])
def test_reset_after_load_returns_to_the_original_initial_weights(name, tmp_path):
    t = presets.load(name)
    w0 = [np.array(w) for w in t.network.weights]
    b0 = [np.array(b) for b in t.network.biases]
    t.run(25)
    t.step("micro")
    t2 = roundtrip(t, tmp_path)
    assert not all(np.array_equal(a, b) for a, b in zip(w0, t2.network.weights))
    t2.reset()
    assert all(np.array_equal(a, b) for a, b in zip(w0, t2.network.weights))
    assert all(np.array_equal(a, b) for a, b in zip(b0, t2.network.biases))
    assert t2.iteration == 0 and t2.loss_history == [] and t2.cursor == 0
    # and the run after Reset repeats the original run exactly
    fresh = presets.load(name)
    fresh.run(10)
    t2.run(10)
    assert fresh.loss_history == t2.loss_history
    assert np.array_equal(fresh.network.flat(), t2.network.flat())


def test_reset_after_load_restores_the_shuffling_generator(tmp_path):
    t = _trainer("sgd", batch="online", shuffle=True)
    t.run(9)
    t2 = roundtrip(t, tmp_path)
    t.reset(), t2.reset()
    t.run(9), t2.run(9)
    assert_same_state(t, t2)
    straight = _trainer("sgd", batch="online", shuffle=True)
    straight.run(9)
    assert t2.loss_history == straight.loss_history


# ========================================================= the documented example
def test_example_snapshot_loads_and_trains():
    t = snapshot.load(EXAMPLE)
    assert t.network.sizes == [2, 2, 1]
    assert t.network.activation_names == ["tanh", "sigmoid"]
    assert t.loss == "cross_entropy" and t.learning_rate == 0.1
    assert t.optimizer.name == "momentum" and t.optimizer.params["momentum"] == 0.9
    assert t.batch == "online" and t.frozen == frozenset({"b2[0]"})
    assert t.iteration == 0 and t.cursor == 0 and t.loss_history == []
    assert t.training_state().opt_name is None  # not updated yet
    b2 = float(t.network.biases[1][0])
    before = t.evaluate_loss()
    result = t.run(40)
    assert result.iterations == 40 and result.reason == "iterations"
    assert all(np.isfinite(t.loss_history))
    assert t.evaluate_loss() < before
    assert float(t.network.biases[1][0]) == b2  # frozen
    # and it carries on from a save as well
    t2 = snapshot.loads(snapshot.dumps(t))
    t.run(5), t2.run(5)
    assert_same_state(t, t2)


def test_example_in_the_docs_is_the_example_file():
    text = (ROOT / "docs" / "snapshot-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.S)
    assert len(blocks) == 1
    assert json.loads(blocks[0]) == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_documented_error_message_example():
    """The docs' example message, verbatim."""
    doc = json.loads(snapshot.dumps(presets.load("mazur")))
    doc["network"]["weights"][1] = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    with pytest.raises(SnapshotError) as e:
        snapshot.loads(json.dumps(doc))
    assert "network.weights[1]: expected shape (2, 2), got (2, 3)" in str(e.value)


# ================================================================ large data
def _large(n: int) -> Trainer:
    x = np.random.default_rng(0).uniform(-1, 1, (n, 2))
    return create([2, 3, 1], ["tanh", "sigmoid"], Dataset(x, (x[:, :1] > 0).astype(float)), seed=0)


def test_saving_streams_the_arrays_with_memory_bounded(tmp_path):
    """The old save built the whole text (and Python lists of every number) first: ten
    times the file's size and more, growing with the data. Streaming holds a few thousand
    numbers at a time: four times the samples, about the same peak."""
    peaks, sizes = [], []
    for n in (5_000, 20_000):
        t = _large(n)
        t.run(1)
        t.step("micro")  # inside an iteration: its values (arrays of n x 3) are saved too
        tracemalloc.start()
        try:
            snapshot.save(t, tmp_path / f"{n}.json")
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        sizes.append((tmp_path / f"{n}.json").stat().st_size)
    assert sizes[1] > 3.9 * sizes[0] and sizes[1] > 3_000_000
    assert peaks[1] < 1.5 * peaks[0] and peaks[1] < sizes[1] / 5
    back = snapshot.load(tmp_path / "20000.json")
    t.run(1)
    back.run(1)
    assert back.network.flat().tobytes() == t.network.flat().tobytes()


@pytest.mark.parametrize("n, kept", [(snapshot.MAX_KEPT_BATCH, True), (snapshot.MAX_KEPT_BATCH + 1, False)])
def test_at_an_iteration_boundary_only_small_batches_keep_their_values(n, kept):
    t = _large(n)
    t.run(2)
    doc = snapshot.to_dict(t)
    assert ("iteration_values" in doc) is kept
    back = snapshot.from_dict(doc)
    assert (back.values.net[0] is not None) is kept
    t.step("micro")  # inside an iteration they are needed, whatever the size
    assert "iteration_values" in snapshot.to_dict(t)
    back.step("micro")
    back.run(2)
    t.run(2)
    assert back.loss_history == t.loss_history


# ================================================================ atomic saving
def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _one_line(exc: BaseException) -> str:
    msg = str(exc)
    assert msg and "\n" not in msg and "\r" not in msg
    return msg


def test_save_writes_a_loadable_file_and_no_leftovers(tmp_path):
    t = presets.load("xor")
    t.run(3)
    snapshot.save(t, tmp_path / "a.json")
    snapshot.save(t, str(tmp_path / "b.json"))  # str paths too
    assert sorted(os.listdir(tmp_path)) == ["a.json", "b.json"]
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_save_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    snapshot.save(presets.load("mazur"), "here.json")
    assert os.listdir(tmp_path) == ["here.json"]
    snapshot.load("here.json")


@pytest.mark.parametrize("failing", ["os.replace", "os.fsync"])
def test_failed_save_leaves_existing_file_and_no_temporary_file(tmp_path, failing):
    target = tmp_path / "run.json"
    old = presets.load("mazur")
    snapshot.save(old, target)
    before = _listing(tmp_path)
    t = presets.load("xor")
    t.run(2)
    with mock.patch(failing, side_effect=OSError(28, "No space left on device")):
        with pytest.raises(SnapshotError) as e:
            snapshot.save(t, target)
    msg = _one_line(e.value)
    assert "No space left on device" in msg and "run.json" in msg
    assert _listing(tmp_path) == before  # same bytes, no .tmp left behind
    snapshot.load(target)


def test_save_into_a_missing_folder_raises_one_line(tmp_path):
    with pytest.raises(SnapshotError) as e:
        snapshot.save(presets.load("mazur"), tmp_path / "missing" / "run.json")
    _one_line(e.value)
    assert os.listdir(tmp_path) == []


def test_save_into_an_unwritable_folder_raises_one_line(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # root writes through chmod 0o500: use a "folder" that is a regular file instead
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("x")
        target = blocker / "run.json"
        with pytest.raises(SnapshotError) as e:
            snapshot.save(presets.load("mazur"), target)
        _one_line(e.value)
        assert os.listdir(tmp_path) == ["not-a-folder"] and blocker.read_text() == "x"
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SnapshotError) as e:
            snapshot.save(presets.load("mazur"), folder / "run.json")
        _one_line(e.value)
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


def test_save_over_a_folder_raises_one_line_and_leaves_it(tmp_path):
    (tmp_path / "run.json").mkdir()
    with pytest.raises(SnapshotError) as e:
        snapshot.save(presets.load("mazur"), tmp_path / "run.json")
    _one_line(e.value)
    assert os.listdir(tmp_path) == ["run.json"] and (tmp_path / "run.json").is_dir()


def test_saved_file_gets_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "run.json"
        target.write_text("{}")
        target.chmod(0o644)
        snapshot.save(presets.load("mazur"), target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)
