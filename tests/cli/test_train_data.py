"""``nnviz train --data FILE ...``: a network built for the file, trained like a
preset, the snapshot carrying the data, its transform and check set; bad files and
flags give exit status 2 and one line."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from nnviz import cli
from nnviz.core.data import datasets
from nnviz.core import trainer as trainer_mod
from nnviz.io import snapshot


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    rc = cli.main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def save_csv(path, ds, header="x,y,label", sep=","):
    rows = np.hstack([ds.inputs, ds.targets])
    lines = [header] + [sep.join(repr(float(v)) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_classification_end_to_end(workdir, capsys):
    save_csv(workdir / "moons.csv", datasets.generate("two_moons", n_samples=40, seed=0))
    rc, out, err = run(capsys, "train", "--data", "moons.csv", "--layers", "2,5,1", "--activation", "tanh",
                       "--iterations", "50", "--lr", "0.5", "--seed", "3", "--out", "run.json")
    assert rc == 0, err
    assert "trained 50 iterations" in out and "snapshot written to" in out
    t = snapshot.load(workdir / "run.json")
    assert t.network.sizes == [2, 5, 1] and t.network.activation_names == ["tanh", "sigmoid"]
    assert t.iteration == 50 and t.seed == 3 and t.settings.loss == "cross_entropy"
    assert t.dataset.name == "moons" and t.dataset.n_samples == 40
    assert t.dataset.transform is None and t.dataset.check is None
    # the same run by hand from the same data and seed
    ref = trainer_mod.create([2, 5, 1], ["tanh", "sigmoid"], t.dataset, seed=3, loss="cross_entropy",
                             learning_rate=0.5)
    ref.run(50)
    assert ref.loss_history == t.loss_history
    assert all(np.array_equal(a, b) for a, b in zip(ref.network.weights, t.network.weights))


def test_regression_defaults_normalize_and_check(workdir, capsys):
    save_csv(workdir / "plane.txt", datasets.generate("plane", n_samples=40, seed=1), header="x y z", sep="  ")
    rc, out, err = run(capsys, "train", "--data", "plane.txt", "--normalize", "--check-ratio", "0.25",
                       "--iterations", "20", "--lr", "0.1", "--out", "p.json")
    assert rc == 0, err
    assert "check loss (current parameters, 10 held-out samples):" in out
    assert "normalisation (min-max, file -> network):" in out and "targets: not scaled" in out
    t = snapshot.load(workdir / "p.json")
    assert t.network.sizes == [2, 4, 1] and t.network.activation_names == ["tanh", "linear"]
    assert t.dataset.n_samples == 30 and t.dataset.check.n_samples == 10
    tr = t.dataset.transform
    assert tr is not None and tr.target_range is None
    raw = datasets.generate("plane", n_samples=40, seed=1)
    assert tr.input_min == tuple(raw.inputs.min(axis=0).tolist())
    both = np.vstack([tr.inverse_inputs(t.dataset.inputs), tr.inverse_inputs(t.dataset.check.inputs)])
    assert np.allclose(np.sort(both, axis=0), np.sort(raw.inputs, axis=0), rtol=0, atol=1e-12)
    doc = json.loads((workdir / "p.json").read_text())
    assert "transform" in doc["dataset"] and "check" in doc["dataset"]


def test_targets_output_activation_and_init(workdir, capsys):
    ds = datasets.generate("blobs", n_samples=30, seed=0)
    save_csv(workdir / "b.csv", ds, header="x,y,c0,c1,c2")
    rc, _out, err = run(capsys, "train", "--data", "b.csv", "--targets", "3", "--layers", "2,6,6,3",
                       "--activation", "relu,softmax", "--init", "he", "--loss", "cross_entropy",
                       "--normalize", "--iterations", "5", "--out", "b.json")
    assert rc == 0, err
    t = snapshot.load(workdir / "b.json")
    assert t.network.activation_names == ["relu", "relu", "softmax"]
    assert t.init_scheme == "he" and t.settings.loss == "cross_entropy"
    assert t.dataset.transform.target_range == (0.0, 1.0)
    rc, _out, err = run(capsys, "train", "--data", "b.csv", "--targets", "3", "--layers", "2,3,3,3",
                       "--activation", "sigmoid,tanh,linear", "--iterations", "1", "--out", "c.json")
    assert rc == 0, err
    assert snapshot.load(workdir / "c.json").network.activation_names == ["sigmoid", "tanh", "linear"]


@pytest.mark.parametrize("name, options, output, loss", [
    ("blobs", {"n_classes": 3}, "softmax", "cross_entropy"),  # one-hot classes
    ("two_moons", {}, "sigmoid", "cross_entropy"),  # one 0/1 column
    ("plane", {}, "linear", "mse"),  # real values
])
def test_the_default_output_and_loss_are_the_data_dialogs(workdir, capsys, name, options, output, loss):
    from nnviz.gui.dialogs.data_dialog import default_network

    ds = datasets.generate(name, n_samples=30, seed=0, **options)
    header = ",".join(f"c{j}" for j in range(ds.n_inputs + ds.n_outputs))
    save_csv(workdir / "d.csv", ds, header=header)
    rc, _out, err = run(capsys, "train", "--data", "d.csv", "--targets", str(ds.n_outputs),
                        "--iterations", "2", "--out", "d.json")
    assert rc == 0, err
    t = snapshot.load(workdir / "d.json")
    assert t.network.activation_names == ["tanh", output] and t.settings.loss == loss
    assert default_network(ds) == (t.network.sizes, t.network.activation_names)


def test_snapshot_of_a_data_run_carries_on(workdir, capsys):
    save_csv(workdir / "s.csv", datasets.generate("sine", n_samples=16, noise=0.1, seed=2), header="x,y")
    assert run(capsys, "train", "--data", "s.csv", "--normalize", "--check-ratio", "0.2",
               "--iterations", "10", "--lr", "0.05", "--out", "a.json")[0] == 0
    rc, _out, err = run(capsys, "train", "--snapshot", "a.json", "--iterations", "5", "--out", "b.json")
    assert rc == 0, err
    a, b = snapshot.load(workdir / "a.json"), snapshot.load(workdir / "b.json")
    assert b.iteration == 15 and b.dataset.transform == a.dataset.transform
    assert np.array_equal(b.dataset.check.inputs, a.dataset.check.inputs)


BAD = [
    (["--data", "bad.csv"], "nnviz train: --data: bad.csv: line 3, column 2: 'abc' is not a number"),
    (["--data", "ragged.csv"], "nnviz train: --data: ragged.csv: line 3, column 3: missing"),
    (["--data", "nan.csv"], "nnviz train: --data: nan.csv: line 2, column 1: 'NaN' is not a finite number"),
    (["--data", "empty.csv"], "nnviz train: --data: empty.csv: line 1: no data"),
    (["--data", "good.csv", "--targets", "3"], "nnviz train: --data: good.csv: line 2: 3 target columns asked for"),
    (["--data", "good.csv", "--layers", "3,4,1"], "nnviz train: --data: good.csv: line 2: 2 input columns (3 columns, 1 of them targets) but the 3-4-1 network has 3 inputs"),
    (["--data", "good.csv", "--layers", "2,4,2"], "nnviz train: --data: good.csv: line 2: 1 target column but the 2-4-2 network has 2 outputs"),
    (["--data", "missing.csv"], "nnviz train: --data: missing.csv: no such file"),
    (["--data", "good.csv", "--layers", "2,x,1"], "nnviz train: argument --layers: expected layer sizes such as 2,4,1"),
    (["--data", "good.csv", "--layers", "2"], "nnviz train: argument --layers: expected at least two sizes"),
    (["--data", "good.csv", "--layers", "2,0,1"], "nnviz train: argument --layers: expected at least two sizes >= 1"),
    (["--data", "good.csv", "--activation", "swish"], "nnviz train: argument --activation: unknown activation 'swish'"),
    (["--data", "good.csv", "--activation", "softmax,sigmoid"], "nnviz train: --activation: softmax is only allowed on the output layer"),
    (["--data", "good.csv", "--layers", "2,3,3,3,1", "--activation", "tanh,tanh,tanh"], "nnviz train: --activation: expected 1, 2 or 4 names"),
    (["--data", "good.csv", "--init", "bad"], "nnviz train: argument --init: invalid choice"),
    (["--data", "good.csv", "--check-ratio", "1"], "nnviz train: argument --check-ratio: expected a number between 0 and 1"),
    (["--data", "good.csv", "--check-ratio", "x"], "nnviz train: argument --check-ratio: expected a number between 0 and 1"),
    (["--data", "one.csv", "--check-ratio", "0.5"], "nnviz train: --check-ratio: cannot split 1 sample"),
    (["--data", "good.csv", "--preset", "xor"], "nnviz train: give either --data or --preset, not both"),
    (["--data", "good.csv", "--snapshot", "x.json"], "nnviz train: give either --data or --snapshot, not both"),
    (["--layers", "2,4,1"], "nnviz train: --layers needs --data FILE"),
    (["--normalize"], "nnviz train: --normalize needs --data FILE"),
    (["--preset", "xor", "--check-ratio", "0.5"], "nnviz train: --check-ratio needs --data FILE"),
    (["--data", "good.csv", "--loss", "cross_entropy"], "nnviz train:"),
]


@pytest.mark.parametrize("args, message", BAD)
def test_bad_input_exit_2_one_line_nothing_written(workdir, capsys, args, message):
    (workdir / "bad.csv").write_text("a,b,c\n1,2,3\n4,abc,6\n")
    (workdir / "ragged.csv").write_text("1,2,3\n# c\n4,5\n")
    (workdir / "nan.csv").write_text("1,2,3\nNaN,2,3\n")
    (workdir / "empty.csv").write_text("")
    (workdir / "good.csv").write_text("x,y,t\n1,2,0.5\n3,4,1.5\n")
    (workdir / "one.csv").write_text("1,2,3\n")
    before = sorted(p.name for p in workdir.iterdir())
    rc, _out, err = run(capsys, "train", *args, "--iterations", "3", "--out", "out.json")
    assert rc == 2
    assert err.startswith(message), err
    assert err.count("\n") == 1
    assert sorted(p.name for p in workdir.iterdir()) == before


def test_subprocess_bad_file(tmp_path):
    (tmp_path / "d.csv").write_text("1 2 3\n4 5 6\n7 8 x9\n")
    proc = subprocess.run([sys.executable, "-m", "nnviz", "train", "--data", "d.csv"], check=False,
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr == "nnviz train: --data: d.csv: line 3, column 3: 'x9' is not a number\n"
    assert proc.stdout == ""
