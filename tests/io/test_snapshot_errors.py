"""Bad snapshot files: each is rejected with SnapshotError whose message is one line,
names the field and states the problem. Loading never runs code from the file."""

from __future__ import annotations

import builtins
import copy
import json
import os
import pickle
from pathlib import Path
from unittest import mock

import pytest

from nnviz.core import presets
from nnviz.io import snapshot
from nnviz.io.snapshot import SnapshotError


def _base_doc() -> dict:
    """A valid mazur (2-2-2) snapshot with momentum state, standing inside an iteration."""
    t = presets.load("mazur")
    t.configure(optimizer="momentum")
    t.run(2)
    t.step("micro")
    t.step("micro")
    return json.loads(snapshot.dumps(t))


BASE = _base_doc()
BASE_TEXT = json.dumps(BASE, indent=1)


def _set(path: str, value):
    """A mutation that sets doc[a][b][...] (keys separated by '/', ints for lists)."""
    keys = [int(k) if k.lstrip("-").isdigit() else k for k in path.split("/")]

    def mutate(doc):
        for k in keys[:-1]:
            doc = doc[k]
        doc[keys[-1]] = value
    return mutate


def _pop(path: str):
    keys = path.split("/")

    def mutate(doc):
        for k in keys[:-1]:
            doc = doc[k]
        del doc[keys[-1]]
    return mutate


def _both(*mutations):
    def mutate(doc):
        for m in mutations:
            m(doc)
    return mutate


MARKER = 0.987654321012345  # written into W1[0,1]; occurs nowhere else in the text


def _raw_weight(token: str) -> str:
    """The base document as text with W1[0,1] written as a raw JSON token."""
    doc = copy.deepcopy(BASE)
    doc["network"]["weights"][0][0][1] = MARKER
    text = json.dumps(doc, indent=1)
    assert text.count(repr(MARKER)) == 1
    return text.replace(repr(MARKER), token)


_RNG_OK = BASE["training"]["rng_state"]



# Each case: id -> (mutation of the doc | raw text, field the message must name, problem words)
CASES = [
    pytest.param(_set("format", "nnviz-snapshotx"), "format", 'expected "nnviz-snapshot"', id="wrong-format"),
    pytest.param(_set("format", 1), "format", "expected", id="format-not-text"),
    pytest.param(_pop("format"), "format", "missing", id="missing-format"),
    pytest.param(_set("version", 2), "version", "unsupported version 2", id="version-2"),
    pytest.param(_set("version", "1"), "version", "unsupported version", id="version-text-1"),
    pytest.param(_set("version", True), "version", "unsupported version", id="version-true"),
    pytest.param(_pop("version"), "version", "missing", id="missing-version"),
    pytest.param('{\n  "format": "nnviz-snapshot",\n  "version": 1,\n  "network": {,\n}', "line 4",
                 "not valid JSON", id="not-json"),
    pytest.param("", "", "the file is empty", id="empty-file"),
    pytest.param("[1, 2, 3]", "top level", "expected a JSON object", id="top-level-list"),
    pytest.param("null", "top level", "expected a JSON object", id="top-level-null"),
    pytest.param(_pop("network/sizes"), "network.sizes", "missing", id="missing-network.sizes"),
    pytest.param(_pop("network"), "network", "missing", id="missing-network"),
    pytest.param(_set("network/sizes", [2, 0, 2]), "network.sizes[1]", "expected a whole number >= 1",
                 id="zero-size-layer"),
    pytest.param(_set("network/sizes", [2]), "network.sizes", "at least two layers", id="one-layer"),
    pytest.param(_set("network/weights/1", [[0.4, 0.45, 0.1], [0.5, 0.55, 0.1]]), "network.weights[1]",
                 "expected shape (2, 2), got (2, 3)", id="weights-shape"),
    pytest.param(_set("network/biases/0", [0.35]), "network.biases[0]", "expected shape (2,), got (1,)",
                 id="biases-shape"),
    pytest.param(_set("network/weights", BASE["network"]["weights"][:1]), "network.weights",
                 "expected 2 arrays", id="too-few-weight-matrices"),
    pytest.param(_raw_weight("NaN"), "network.weights[0][0][1]", "finite", id="raw-NaN-in-weights"),
    pytest.param(_raw_weight("Infinity"), "network.weights[0][0][1]", "finite",
                 id="raw-Infinity-in-weights"),
    pytest.param(_raw_weight("-Infinity"), "network.weights[0][0][1]", "finite",
                 id="raw-minus-Infinity-in-weights"),
    pytest.param(_raw_weight("1e400"), "network.weights[0][0][1]", "finite",
                 id="overflowing-float-in-weights"),
    pytest.param(_set("network/weights/0/1/0", "abc"), "network.weights[0][1][0]", "expected a number, got text",
                 id="string-in-weights"),
    pytest.param(_set("network/weights/0/1/0", "__import__('os').getcwd()"), "network.weights[0][1][0]",
                 "expected a number", id="code-string-in-weights"),
    pytest.param(_set("network/weights/0/1/0", "0.25"), "network.weights[0][1][0]", "expected a number",
                 id="numeric-string-in-weights"),
    pytest.param(_set("network/weights/0/1/0", True), "network.weights[0][1][0]", "expected a number",
                 id="boolean-in-weights"),
    pytest.param(_set("network/weights/0/1/0", None), "network.weights[0][1][0]", "expected a number",
                 id="null-in-weights"),
    pytest.param(_set("network/weights/0/1/0", 10 ** 400), "network.weights[0][1][0]", "finite",
                 id="huge-integer-in-weights"),
    pytest.param(_set("network/weights/0/1", [0.25]), "network.weights[0]", "rows of different lengths",
                 id="ragged-rows"),
    pytest.param(_set("network/weights/0/1", [0.25, [0.3]]), "network.weights[0]", "", id="nested-too-deep"),
    pytest.param(_set("network/weights/0", 0.5), "network.weights[0]", "expected a list", id="matrix-is-number"),
    pytest.param(_set("dataset/inputs", [[0.05, 0.1, 0.2]]), "dataset.inputs",
                 "expected 2 columns (the network's inputs), got 3", id="inputs-wrong-columns"),
    pytest.param(_set("dataset/targets", [[0.01]]), "dataset.targets", "expected 2 columns", id="targets-wrong-columns"),
    pytest.param(_set("dataset/targets", [[0.01, 0.99], [0.5, 0.5]]), "dataset.targets",
                 "expected 1 row (one per input row), got 2", id="targets-wrong-rows"),
    pytest.param(_both(_set("dataset/inputs", []), _set("dataset/targets", [])), "dataset.inputs", "",
                 id="no-samples"),
    pytest.param(_set("network/activations", ["swish", "sigmoid"]), "network.activations[0]",
                 "got 'swish'", id="unknown-activation"),
    pytest.param(_set("network/activations", ["softmax", "sigmoid"]), "network.activations",
                 "softmax is only allowed on the output layer, not layer 1", id="softmax-in-hidden-layer"),
    pytest.param(_set("network/sizes", [2, 129, 2]), "network.sizes", "hidden layer 1: at most 128 neurons (the limit), got 129",
                 id="beyond-the-neuron-limit"),
    pytest.param(_set("network/activations", ["sigmoid"]), "network.activations", "expected 2 activations",
                 id="too-few-activations"),
    pytest.param(_set("network/neuron_names", [["a", "b"], ["c"], ["d", "e"]]), "network.neuron_names",
                 "one name per neuron", id="neuron-names-count"),
    pytest.param(_set("training/optimizer/name", "rmsprop"), "training.optimizer.name", "'rmsprop'",
                 id="unknown-optimizer"),
    pytest.param(_set("training/optimizer", "rmsprop"), "training.optimizer", "'rmsprop'",
                 id="unknown-optimizer-as-text"),
    pytest.param(_set("training/optimizer/state_of", "rmsprop"), "training.optimizer.state_of", "'rmsprop'",
                 id="unknown-optimizer-state-of"),
    pytest.param(_set("training/optimizer/params", {"momentum": -0.5}), "training.optimizer.params",
                 "momentum", id="negative-momentum"),
    pytest.param(_set("training/learning_rate", -0.5), "training.learning_rate",
                 "expected a positive number, got -0.5", id="negative-learning-rate"),
    pytest.param(_set("training/learning_rate", 0), "training.learning_rate", "positive", id="zero-learning-rate"),
    pytest.param(_set("training/learning_rate", "0.5"), "training.learning_rate", "expected a number, got text",
                 id="learning-rate-as-text"),
    pytest.param(_set("training/learning_rate", 10 ** 400), "training.learning_rate", "finite",
                 id="huge-integer-learning-rate"),
    pytest.param(_set("training/loss", "hinge"), "training.loss", "got 'hinge'", id="unknown-loss"),
    pytest.param(_set("training/batch/mode", "half"), "training.batch.mode", "full, online",
                 id="bad-batch-mode"),
    pytest.param(_set("training/batch", 0), "training.batch", "N >= 1", id="batch-zero"),
    pytest.param(_set("training/batch/shuffle", "yes"), "training.batch.shuffle", "true or false",
                 id="shuffle-not-bool"),
    pytest.param(_set("training/batch/order", [0, 0]), "training.batch.order", "", id="order-out-of-range"),
    pytest.param(_set("training/backprop", "magic"), "training.backprop", "'magic'", id="bad-backprop"),
    pytest.param(_set("training/frozen", ["W9[0,0]"]), "training.frozen[0]", "W9[0,0]", id="bad-frozen-name"),
    pytest.param(_set("training/frozen", "b1[0]"), "training.frozen", "expected a list", id="frozen-not-a-list"),
    pytest.param(_set("training/status", "running"), "training.status", "'running'", id="bad-status"),
    pytest.param(_set("training/seed", 1.5), "training.seed", "whole number", id="seed-not-whole"),
    pytest.param(_set("training/seed", -1), "training.seed", "", id="negative-seed"),
    pytest.param(_set("training/init", "bogus"), "training.init", "bogus", id="unknown-init-scheme"),
    pytest.param(_pop("iteration_values"), "iteration_values", "missing (the cursor stands inside an iteration)",
                 id="cursor-inside-iteration-without-values"),
    pytest.param(_set("iteration_values/net", [BASE["iteration_values"]["net"][0], None]),
                 "iteration_values.net[1]", "missing", id="cursor-inside-iteration-values-incomplete"),
    pytest.param(_set("cursor/index", 7), "cursor.index", "0..6", id="cursor-out-of-range"),
    pytest.param(_set("training/rng_state", "abc"), "training.rng_state", "expected an object",
                 id="rng-state-text"),
    pytest.param(_set("training/rng_state", {"bit_generator": "PCG64"}), "training.rng_state.state",
                 "missing", id="rng-state-incomplete"),
    pytest.param(_set("training/rng_state", {**_RNG_OK, "bit_generator": "MT19937"}), "training.rng_state",
                 "PCG64", id="rng-state-wrong-generator"),
    pytest.param(_set("training/rng_state", {**_RNG_OK, "state": {"state": -1, "inc": 1}}),
                 "training.rng_state", "", id="rng-state-negative-integer"),
    pytest.param(_set("training/optimizer/state/W1/velocity", [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
                 "training.optimizer.state.W1.velocity", "expected shape (2, 2), got (2, 3)",
                 id="optimizer-state-wrong-shape"),
    pytest.param(_pop("training/optimizer/state/b2"), "training.optimizer.state.b2", "missing",
                 id="optimizer-state-missing-array"),
    pytest.param(_both(_set("training/optimizer/state_of", None), _set("training/optimizer/t", 3)),
                 "training.optimizer.t", "expected 0", id="optimizer-t-without-state"),
    pytest.param(_set("initial/weights/0", [[1.0]]), "initial.weights[0]", "expected shape (2, 2)",
                 id="initial-weights-shape"),
    pytest.param(_set("history/loss", [0.3, "x"]), "history.loss[1]", "expected a number", id="history-loss-text"),
    pytest.param(_set("history/trajectory", [[0.0] * 3]), "history.trajectory[0]", "expected shape (12,)",
                 id="trajectory-point-wrong-length"),
]


def _write(tmp_path: Path, case) -> Path:
    path = tmp_path / "bad.json"
    if isinstance(case, str):
        path.write_text(case, encoding="utf-8")
    else:
        doc = copy.deepcopy(BASE)
        case(doc)
        path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def test_the_base_document_is_valid(tmp_path):
    path = _write(tmp_path, lambda doc: None)
    t = snapshot.load(path)
    assert t.cursor == 2 and t.optimizer.name == "momentum"
    t.run(2)


@pytest.mark.parametrize("case, field, problem", CASES)
def test_bad_snapshot_is_rejected_with_one_line(tmp_path, case, field, problem):
    path = _write(tmp_path, case)
    with pytest.raises(SnapshotError) as e:
        snapshot.load(path)
    msg = str(e.value)
    assert msg.strip() and "\n" not in msg and "\r" not in msg, msg
    assert field in msg, msg
    assert problem in msg, msg
    assert msg.startswith(f"{path}: "), msg  # the file, then the field and the problem
    assert msg.count(f"{field}:") <= 1, f"field named twice: {msg}"
    assert "Traceback" not in msg
    # loads() gives the same message without the file name
    text = path.read_text(encoding="utf-8")
    with pytest.raises(SnapshotError) as e2:
        snapshot.loads(text)
    assert msg == f"{path}: {e2.value}"


def test_not_json_message_has_the_line_number(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n "format": "nnviz-snapshot",\n "version": 1,\n\n "network": [}\n', encoding="utf-8")
    with pytest.raises(SnapshotError) as e:
        snapshot.load(path)
    assert "line 5" in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("kind", ["missing", "folder", "binary"])
def test_unreadable_files_give_one_line(tmp_path, kind):
    path = tmp_path / "x.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(SnapshotError) as e:
        snapshot.load(path)
    msg = str(e.value)
    assert "\n" not in msg and str(path) in msg
    assert {"missing": "no such file", "folder": "folder", "binary": "not a text file"}[kind] in msg


def test_deeply_nested_json_is_rejected_with_one_line():
    text = '{"format": "nnviz-snapshot", "version": 1, "network": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(SnapshotError) as e:
        snapshot.loads(text)
    assert "\n" not in str(e.value)


# ======================================================== no code from the file
CODE = "__import__('os').system('touch PWNED') or __import__('pickle')"


def test_code_in_a_text_field_is_harmless(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = copy.deepcopy(BASE)
    doc["dataset"]["name"] = CODE
    doc["network"]["param_names"]["W1[0,0]"] = CODE
    doc["training"]["status_message"] = CODE
    path = tmp_path / "code.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with mock.patch.object(pickle, "loads", side_effect=AssertionError("pickle used")), \
            mock.patch.object(pickle, "load", side_effect=AssertionError("pickle used")), \
            mock.patch.object(builtins, "eval", side_effect=AssertionError("eval used")), \
            mock.patch.object(builtins, "exec", side_effect=AssertionError("exec used")):
        t = snapshot.load(path)
    assert t.dataset.name == CODE  # kept as plain text
    assert t.network.display_name("W1[0,0]") == CODE
    assert sorted(os.listdir(tmp_path)) == ["code.json"]  # nothing ran


@pytest.mark.parametrize("where", ["network/activations/0", "training/loss", "training/optimizer/name",
                                   "training/backprop", "training/frozen/0", "format"])
def test_code_in_a_choice_field_is_rejected(tmp_path, monkeypatch, where):
    monkeypatch.chdir(tmp_path)
    doc = copy.deepcopy(BASE)
    _set(where, CODE)(doc)
    path = tmp_path / "code.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with mock.patch.object(builtins, "eval", side_effect=AssertionError("eval used")):
        with pytest.raises(SnapshotError) as e:
            snapshot.load(path)
    assert "\n" not in str(e.value)
    assert sorted(os.listdir(tmp_path)) == ["code.json"]


def test_a_pickle_is_not_a_snapshot(tmp_path):
    path = tmp_path / "p.json"
    path.write_bytes(pickle.dumps({"format": "nnviz-snapshot", "version": 1}))
    with pytest.raises(SnapshotError) as e:
        snapshot.load(path)
    assert "\n" not in str(e.value)


def test_too_much_data_for_the_network_is_refused_before_the_tables_are_read(tmp_path, monkeypatch):
    from nnviz.core import recipes

    path = _write(tmp_path, lambda doc: None)  # one sample
    monkeypatch.setattr(recipes, "MAX_VALUES", 3)
    monkeypatch.setattr(snapshot.fields, "samples", lambda *a: pytest.fail("the tables were read"))
    with pytest.raises(SnapshotError) as e:
        snapshot.load(path)
    assert str(e.value) == (f"{path}: dataset: 1 sample through the 2-2-2 network are 4 values a forward pass, "
                            "over the limit of 3; use fewer samples or neurons")
