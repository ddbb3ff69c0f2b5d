"""``nnviz train --data FILE ...``: a network built for the file, trained like a
preset, the snapshot carrying the data, its transform and check set; bad files and
flags give exit status 2 and one line."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from nnviz.core.data import datasets
from nnviz.core import trainer as trainer_mod
from nnviz.io import snapshot


def save_csv(path, ds, header="x,y,label", sep=","):
    rows = np.hstack([ds.inputs, ds.targets])
    lines = [header] + [sep.join(repr(float(v)) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_classification_end_to_end(workdir, nnviz_cli):
    save_csv(workdir / "moons.csv", datasets.generate("two_moons", n_samples=40, seed=0))
    rc, out, err = nnviz_cli("train", "--data", "moons.csv", "--layers", "2,5,1", "--activation", "tanh",
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


def test_regression_defaults_normalize_and_check(workdir, nnviz_cli):
    save_csv(workdir / "plane.txt", datasets.generate("plane", n_samples=40, seed=1), header="x y z", sep="  ")
    rc, out, err = nnviz_cli("train", "--data", "plane.txt", "--normalize", "--check-ratio", "0.25",
                       "--iterations", "20", "--lr", "0.1", "--out", "p.json")
    assert rc == 0, err
    assert "check loss (current parameters, 10 held-out samples):" in out
    assert "normalisation (min-max of the training samples, file -> network):" in out
    assert "  x: [" in out and "targets: not scaled" in out  # the header's names
    t = snapshot.load(workdir / "p.json")
    assert t.network.sizes == [2, 4, 1] and t.network.activation_names == ["tanh", "linear"]
    assert t.network.neuron_names[0] == ["x", "y"] and t.network.neuron_names[-1] == ["z"]
    assert t.dataset.n_samples == 30 and t.dataset.check.n_samples == 10
    tr = t.dataset.transform
    assert tr is not None and tr.target_range is None
    raw = datasets.generate("plane", n_samples=40, seed=1)
    train, _ = datasets.split(raw, 0.25, 0)  # --seed's default
    assert tr.input_min == tuple(train.inputs.min(axis=0).tolist())
    both = np.vstack([tr.inverse_inputs(t.dataset.inputs), tr.inverse_inputs(t.dataset.check.inputs)])
    assert np.allclose(np.sort(both, axis=0), np.sort(raw.inputs, axis=0), rtol=0, atol=1e-12)
    doc = json.loads((workdir / "p.json").read_text())
    assert "transform" in doc["dataset"] and "check" in doc["dataset"]


def test_targets_output_activation_and_init(workdir, nnviz_cli):
    ds = datasets.generate("blobs", n_samples=30, seed=0)
    save_csv(workdir / "b.csv", ds, header="x,y,c0,c1,c2")
    rc, _out, err = nnviz_cli("train", "--data", "b.csv", "--targets", "3", "--layers", "2,6,6,3",
                       "--activation", "relu,softmax", "--init", "he", "--loss", "cross_entropy",
                       "--normalize", "--iterations", "5", "--out", "b.json")
    assert rc == 0, err
    t = snapshot.load(workdir / "b.json")
    assert t.network.activation_names == ["relu", "relu", "softmax"]
    assert t.init_scheme == "he" and t.settings.loss == "cross_entropy"
    assert t.dataset.transform.target_range == (0.0, 1.0)
    rc, _out, err = nnviz_cli("train", "--data", "b.csv", "--targets", "3", "--layers", "2,3,3,3",
                       "--activation", "sigmoid,tanh,linear", "--iterations", "1", "--out", "c.json")
    assert rc == 0, err
    assert snapshot.load(workdir / "c.json").network.activation_names == ["sigmoid", "tanh", "linear"]


@pytest.mark.parametrize("name, options, output, loss", [
    ("blobs", {"n_classes": 3}, "softmax", "cross_entropy"),  # one-hot classes
    ("two_moons", {}, "sigmoid", "cross_entropy"),  # one 0/1 column
    ("plane", {}, "linear", "mse"),  # real values
])
def test_the_default_output_and_loss_are_the_data_dialogs(workdir, nnviz_cli, name, options, output, loss):
    from nnviz.gui.dialogs.data_dialog import default_network

    ds = datasets.generate(name, n_samples=30, seed=0, **options)
    header = ",".join(f"c{j}" for j in range(ds.n_inputs + ds.n_outputs))
    save_csv(workdir / "d.csv", ds, header=header)
    rc, _out, err = nnviz_cli("train", "--data", "d.csv", "--targets", str(ds.n_outputs),
                        "--iterations", "2", "--out", "d.json")
    assert rc == 0, err
    t = snapshot.load(workdir / "d.json")
    assert t.network.activation_names == ["tanh", output] and t.settings.loss == loss
    assert default_network(ds) == (t.network.sizes, t.network.activation_names)


def test_snapshot_of_a_data_run_carries_on(workdir, nnviz_cli):
    save_csv(workdir / "s.csv", datasets.generate("sine", n_samples=16, noise=0.1, seed=2), header="x,y")
    assert nnviz_cli("train", "--data", "s.csv", "--normalize", "--check-ratio", "0.2",
               "--iterations", "10", "--lr", "0.05", "--out", "a.json")[0] == 0
    rc, _out, err = nnviz_cli("train", "--snapshot", "a.json", "--iterations", "5", "--out", "b.json")
    assert rc == 0, err
    a, b = snapshot.load(workdir / "a.json"), snapshot.load(workdir / "b.json")
    assert b.iteration == 15 and b.dataset.transform == a.dataset.transform
    assert np.array_equal(b.dataset.check.inputs, a.dataset.check.inputs)


def test_normalisation_is_fitted_on_the_training_rows_only(workdir, nnviz_cli):
    """The check rows' values outside the training rows' range come out outside [-1, 1]:
    the check loss is measured on data whose scale the training did not see."""
    x = np.arange(20.0)
    (workdir / "line.csv").write_text("x,t\n" + "".join(f"{v:g},{v % 2:g}\n" for v in x))
    train_rows, check_rows = datasets.split_rows(20, 0.25, 0)
    assert 19 in check_rows  # the largest x is held out with this seed (and 0 is not)
    rc, out, err = nnviz_cli("train", "--data", "line.csv", "--normalize", "--check-ratio", "0.25",
                       "--seed", "0", "--iterations", "1", "--out", "n.json")
    assert rc == 0, err
    d = snapshot.load(workdir / "n.json").dataset
    lo, hi = x[train_rows].min(), x[train_rows].max()
    assert d.transform.input_min == (lo,) and d.transform.input_max == (hi,)
    assert d.inputs.min() == -1.0 and d.inputs.max() == 1.0
    assert d.check.inputs.max() == pytest.approx(-1 + 2 * (19 - lo) / (hi - lo)) and d.check.inputs.max() > 1.0
    assert f"x: [{lo:g}, {hi:g}] -> [-1, 1]" in out


GERMAN_EXCEL = ("\ufeffGröße (cm);Gewicht;\"Klasse; \"\"A\"\"\"\r\n"
                "1,5;-2,25;1\r\n"
                "\"3,75\";1,00E-02;0\r\n"
                ";;\r\n"
                "0,5;7;1\r\n")


def test_a_german_spreadsheet_export(workdir, nnviz_cli):
    """Excel in a German locale, "CSV UTF-8": a byte-order mark, semicolons, decimal
    commas, CRLF, a quoted cell holding the delimiter and quotes, an empty last row."""
    (workdir / "de.csv").write_bytes(GERMAN_EXCEL.encode("utf-8"))
    rc, out, err = nnviz_cli("train", "--data", "de.csv", "--iterations", "1", "--out", "de.json")
    assert rc == 0, err
    t = snapshot.load(workdir / "de.json")
    assert t.dataset.inputs.tolist() == [[1.5, -2.25], [3.75, 0.01], [0.5, 7.0]]
    assert t.dataset.targets[:, 0].tolist() == [1.0, 0.0, 1.0]
    assert t.dataset.input_names == ("Größe (cm)", "Gewicht") and t.dataset.target_names == ('Klasse; "A"',)
    assert t.network.neuron_names[1] == ["h1", "h2", "h3", "h4"]
    assert 'out_Klasse; "A" = ' in out


def test_a_spreadsheet_csv_in_its_locales_encoding(workdir, nnviz_cli):
    """Excel's plain "CSV" is in the system's code page: Windows-1252 in Germany, GBK in
    China. --encoding reads it, names and all."""
    (workdir / "de.csv").write_bytes("Größe;Klasse\r\n1,5;0\r\n2,5;1\r\n".encode("cp1252"))
    (workdir / "zh.csv").write_bytes("宽度,类别\r\n1.5,0\r\n2.5,1\r\n".encode("gb18030"))
    for name, encoding, names in (("de", "cp1252", ("Größe", "Klasse")), ("zh", "gb18030", ("宽度", "类别"))):
        rc, out, err = nnviz_cli("train", "--data", f"{name}.csv", "--encoding", encoding, "--iterations", "1",
                                 "--out", f"{name}.json")
        assert rc == 0, err
        t = snapshot.load(workdir / f"{name}.json")
        assert (t.dataset.input_names[0], t.dataset.target_names[0]) == names
        assert t.dataset.inputs[:, 0].tolist() == [1.5, 2.5]


def test_delimiter_and_decimal_flags_settle_what_guessing_cannot(workdir, nnviz_cli):
    (workdir / "one.csv").write_text("x;t\n1,5;0\n2,5;1\n")
    (workdir / "pairs.csv").write_text("1,5\n2,5\n")  # two columns, or one of decimal commas?
    assert nnviz_cli("train", "--data", "one.csv", "--iterations", "1", "--out", "a.json")[0] == 0
    assert snapshot.load(workdir / "a.json").dataset.inputs[:, 0].tolist() == [1.5, 2.5]
    assert nnviz_cli("train", "--data", "pairs.csv", "--iterations", "1", "--out", "b.json")[0] == 0
    assert snapshot.load(workdir / "b.json").dataset.inputs[:, 0].tolist() == [1.0, 2.0]  # guessed: commas
    rc, _out, err = nnviz_cli("train", "--data", "pairs.csv", "--delimiter", "tab", "--decimal", ",",
                        "--iterations", "1")
    assert rc == 2 and "1 target column asked for but the rows have 1 column" in err
    rc, _out, err = nnviz_cli("train", "--data", "one.csv", "--decimal", ".", "--iterations", "1")
    assert rc == 2 and err == ("nnviz train: --data: one.csv: line 2, column 1: '1,5' is not a number with the "
                               "decimal mark '.'\n")


def test_a_long_or_broken_header_name_is_a_note_not_an_error(workdir, nnviz_cli):
    (workdir / "h.csv").write_text('"two\nlines",' + "n" * 150 + ',t\n1,2,3\n4,5,6\n')
    rc, _out, err = nnviz_cli("train", "--data", "h.csv", "--iterations", "1", "--out", "h.json")
    assert rc == 0
    assert err.count("note:") == 2 and "'two\\nlines' is kept as 'two lines'" in err
    t = snapshot.load(workdir / "h.json")
    assert t.dataset.input_names[0] == "two lines" and len(t.dataset.input_names[1]) == 100


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
    (["--preset", "xor", "--delimiter", ";"], "nnviz train: --delimiter needs --data FILE"),
    (["--data", "good.csv", "--delimiter", "|"], "nnviz train: argument --delimiter: expected auto, ',', ';', tab"),
    (["--data", "good.csv", "--decimal", ";"], "nnviz train: argument --decimal: invalid choice"),
    (["--data", "good.csv", "--delimiter", ",", "--decimal", ","], "nnviz train: --decimal: a comma cannot be both"),
    (["--data", "open.csv"], "nnviz train: --data: open.csv: line 2: a quoted cell is not closed"),
    (["--data", "latin1.csv"], "nnviz train: --data: latin1.csv: line 1: not UTF-8 text (byte 0xf6); give the file's encoding"),
    (["--data", "latin1.csv", "--encoding", "klingon"], "nnviz train: --encoding: unknown encoding 'klingon'"),
    (["--preset", "xor", "--encoding", "cp1252"], "nnviz train: --encoding needs --data FILE"),
    (["--data", "far.csv", "--normalize", "--check-ratio", "0.5", "--seed", "1"], "nnviz train: --normalize: far.csv: line 3, column 1: 1e+308 is too far outside"),
    (["--data", "good.csv", "--loss", "cross_entropy"], "nnviz train:"),
]


@pytest.mark.parametrize("args, message", BAD)
def test_bad_input_exit_2_one_line_nothing_written(workdir, nnviz_cli, args, message):
    (workdir / "bad.csv").write_text("a,b,c\n1,2,3\n4,abc,6\n")
    (workdir / "ragged.csv").write_text("1,2,3\n# c\n4,5\n")
    (workdir / "nan.csv").write_text("1,2,3\nNaN,2,3\n")
    (workdir / "empty.csv").write_text("")
    (workdir / "good.csv").write_text("x,y,t\n1,2,0.5\n3,4,1.5\n")
    (workdir / "one.csv").write_text("1,2,3\n")
    (workdir / "open.csv").write_text('x,y\n"1,2\n3,4\n')
    (workdir / "latin1.csv").write_bytes("Größe;t\n1;2\n".encode("latin-1"))
    (workdir / "far.csv").write_text("x,t\n0,0\n1e308,1\n-1e-300,0\n1e-300,1\n")
    before = sorted(p.name for p in workdir.iterdir())
    rc, _out, err = nnviz_cli("train", *args, "--iterations", "3", "--out", "out.json")
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
