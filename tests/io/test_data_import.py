"""read_table on good and bad files, and data with a transform and a check set in
the snapshot."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.core.data import datasets
from nnviz.core.data import transform
from nnviz.core import trainer as trainer_mod
from nnviz.io import snapshot
from nnviz.io.tables import DataError, parse_table, read_table
from strategies import float64s


def write(tmp_path, text, name="data.csv", mode="w"):
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


# ---------------------------------------------------------------- good files
def test_csv_with_header_comments_and_blank_lines(tmp_path):
    p = write(tmp_path, "# my data\n\nx1, x2 ,label\n0,0,0  # first\n\n0,1,1\n1,0,1\n# end\n1,1,0\n")
    ds = read_table(p)
    assert ds.inputs.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert ds.targets[:, 0].tolist() == [0, 1, 1, 0]
    assert ds.name == "data" and ds.is_classification and ds.transform is None


def test_whitespace_without_header(tmp_path):
    p = write(tmp_path, "1.5\t-2e-3   7\n  .25 3. +4\n-1E2 0 0.5\n", "data.txt")
    ds = read_table(p)
    assert ds.inputs.tolist() == [[1.5, -0.002], [0.25, 3.0], [-100.0, 0.0]]
    assert ds.targets[:, 0].tolist() == [7.0, 4.0, 0.5]
    assert not ds.is_classification


def test_several_targets_and_name(tmp_path):
    p = write(tmp_path, "a b c d\n1 2 1 0\n3 4 0 1\n", "t.txt")
    ds = read_table(p, targets=2, name="mine")
    assert ds.n_inputs == 2 and ds.n_outputs == 2 and ds.name == "mine"
    assert ds.targets.tolist() == [[1, 0], [0, 1]]


def test_exact_floats_and_bom(tmp_path):
    values = np.random.default_rng(0).normal(size=(5, 3))
    text = "\n".join(",".join(repr(float(v)) for v in row) for row in values)
    ds = read_table(write(tmp_path, b"\xef\xbb\xbf" + text.encode()))
    assert np.array_equal(np.hstack([ds.inputs, ds.targets]), values)


def test_normalize_on_read(tmp_path):
    p = write(tmp_path, "x,y\n-10,0\n0,5\n30,10\n")
    ds = read_table(p, normalize=True, output_activation="sigmoid")
    assert ds.inputs[:, 0].tolist() == [-1.0, -0.5, 1.0]
    assert ds.targets[:, 0].tolist() == [0.0, 0.5, 1.0]
    assert ds.transform.input_min == (-10.0,) and ds.transform.target_max == (10.0,)
    raw = read_table(p)
    np.testing.assert_allclose(ds.transform.inverse_inputs(ds.inputs), raw.inputs, rtol=0, atol=1e-12)
    np.testing.assert_allclose(ds.transform.inverse_targets(ds.targets), raw.targets, rtol=0, atol=1e-12)
    lin = read_table(p, normalize=True)
    assert lin.transform.target_range is None and lin.targets.tolist() == raw.targets.tolist()


def test_sizes_that_fit(tmp_path):
    p = write(tmp_path, "1,2,3,4\n5,6,7,8\n")
    assert read_table(p, targets=2, sizes=[2, 5, 2]).n_outputs == 2


def test_split_from_tables_is_reproducible(tmp_path):
    from nnviz.io.tables import split

    rows = "\n".join(f"{i},{i % 2}" for i in range(20))
    ds = read_table(write(tmp_path, rows))
    a, ca = split(ds, 0.3, 5)
    b, cb = split(ds, 0.3, 5)
    assert np.array_equal(a.inputs, b.inputs) and np.array_equal(ca.inputs, cb.inputs) and ca.n_samples == 6


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(float64s, min_size=3, max_size=3), min_size=1, max_size=8),
       sep=st.sampled_from([",", ", ", "\t", " "]), end=st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_floats_written_with_repr_read_back_exactly(rows, sep, end):
    text = end.join(sep.join(repr(v) for v in row) for row in rows) + end
    ds = parse_table(text, targets=1)
    back = np.hstack([ds.inputs, ds.targets])
    assert back.tobytes() == np.array(rows).tobytes()  # the sign of zero too


@pytest.mark.parametrize("separator", ["\f", "\v", "\x1c", "\x85", "\u2028", "\u2029"])
def test_only_editor_line_breaks_count(separator):
    """Form feeds and Unicode line separators are not line breaks: line numbers agree with
    an editor's (and such a character inside a row is an error on that row's line)."""
    text = f"x,y\n1,2\n3{separator},4\n5,z\n"
    with pytest.raises(DataError) as info:
        parse_table(text, source="d.csv")
    assert str(info.value).startswith("d.csv: line 3, column 1:") or \
        str(info.value) == "d.csv: line 4, column 2: 'z' is not a number"


def test_line_numbers_with_windows_and_old_mac_line_ends():
    for end in ("\r\n", "\r"):
        with pytest.raises(DataError, match="^d.csv: line 3, column 2: 'z' is not a number$"):
            parse_table(end.join(["x,y", "1,2", "3,z", "5,6"]), source="d.csv")


def test_a_five_million_digit_cell_is_cut_in_the_message():
    cell = "9" * 5_000_000
    with pytest.raises(DataError) as info:
        parse_table(f"1,2\n3,{cell}\n", source="d.csv")
    message = str(info.value)
    assert message == f"d.csv: line 2, column 2: '{'9' * 40}...' (5,000,000 characters) is too large for a float"
    with pytest.raises(DataError) as info:
        parse_table(f"1,2\n3,{cell}x\n", source="d.csv")
    assert len(str(info.value)) < 120 and "line 2, column 2" in str(info.value)


@pytest.mark.parametrize("column", [1, 2])
def test_normalising_values_whose_span_overflows_is_one_line_with_file_line_and_column(tmp_path, column):
    rows = [["0.5", "0.25"], ["1e308", "0.5"], ["-1e308", "0.0"]]
    if column == 2:
        rows = [[b, a] for a, b in rows]
    path = write(tmp_path, "a,b\n# note\n" + "\n".join(",".join(r) for r in rows) + "\n")
    raw = read_table(path)  # reading alone is fine
    assert raw.n_samples == 3
    with pytest.raises(DataError) as info:
        read_table(path, normalize=True, output_activation="sigmoid")
    assert str(info.value) == (f"{path}: column {column}: cannot normalise values from -1e+308 (line 5) to "
                               "1e+308 (line 4): their difference is beyond the largest float")


# ----------------------------------------------------------------- bad files
BAD = [
    ("x,y,z\n1,2,3\n4,abc,6\n", {}, "data.csv: line 3, column 2: 'abc' is not a number"),
    ("1,2,3\n4,5\n", {}, "data.csv: line 2, column 3: missing (this row has 2 columns, line 1 has 3)"),
    ("# c\nx y\n1 2\n3 4 5\n", {}, "data.csv: line 4, column 3: one cell too many (this row has 3 columns, line 2 has 2)"),
    ("1,2\n3,nan\n", {}, "data.csv: line 2, column 2: 'nan' is not a finite number"),
    ("1,2\n-inf,2\n", {}, "data.csv: line 2, column 1: '-inf' is not a finite number"),
    ("1,2\n1e999,2\n", {}, "data.csv: line 2, column 1: '1e999' is too large for a float"),
    ("1,,2\n", {}, "data.csv: line 1, column 2: empty cell (expected a number)"),
    ("1,2\n3,1_0\n", {}, "data.csv: line 2, column 2: '1_0' is not a number"),
    ("1,2,x\n", {}, "data.csv: line 1, column 3: 'x' is not a number"),
    ("", {}, "data.csv: line 1: no data (the file is empty or holds only comments)"),
    ("# only\n\n# comments\n", {}, "data.csv: line 3: no data (the file is empty or holds only comments)"),
    ("a,b\n", {}, "data.csv: line 1: a header but no data rows"),
    ("a,b\n1,2\n", {"targets": 2}, "data.csv: line 2: 2 target columns asked for but the rows have 2 columns"),
    ("1,2,3\n", {"sizes": [3, 4, 1]}, "data.csv: line 1: 2 input columns (3 columns, 1 of them targets) but the 3-4-1 network has 3 inputs"),
    ("1,2,3\n", {"sizes": [1, 4, 2]}, "data.csv: line 1: 2 input columns (3 columns, 1 of them targets) but the 1-4-2 network has 1 input"),
    ("1,2,3\n", {"sizes": [2, 4, 2]}, "data.csv: line 1: 1 target column but the 2-4-2 network has 2 outputs"),
]


@pytest.mark.parametrize("text, kwargs, message", BAD)
def test_bad_files_one_line_with_line_number(tmp_path, monkeypatch, text, kwargs, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, text)
    with pytest.raises(DataError) as info:
        read_table("data.csv", **kwargs)
    msg = str(info.value)
    assert msg.startswith(message)
    assert "\n" not in msg and "line " in msg
    assert isinstance(info.value, ValueError)


def test_bad_cells_name_the_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for text in ("1 2 3\n4 5 x6\n", "1,2\n3,4\n5,6,\n"):
        write(tmp_path, text)
        with pytest.raises(DataError, match=r"line 2, column 3|line 3, column 3"):
            read_table("data.csv")


def test_missing_binary_and_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError, match="^nope.csv: no such file$"):
        read_table("nope.csv")
    with pytest.raises(DataError, match="is a folder"):
        read_table(tmp_path)
    write(tmp_path, b"1,2\n\xff\xfe\x00\n", "bin.csv")
    with pytest.raises(DataError, match="^bin.csv: line 2: not UTF-8 text"):
        read_table("bin.csv")


def test_bad_targets_argument():
    with pytest.raises(DataError, match="whole number >= 1"):
        parse_table("1,2\n", targets=0)


def test_long_cell_is_shortened():
    with pytest.raises(DataError) as info:
        parse_table("1," + "z" * 500 + "\n", source="s")
    assert len(str(info.value)) < 100


# --------------------------------------------------------- in the snapshot
def _trainer_with_data(tmp_path):
    rows = "\n".join(f"{x!r},{3 * x + 1!r}" for x in np.linspace(-5, 5, 21).tolist())
    data = read_table(write(tmp_path, "x,y\n" + rows), normalize=True, output_activation="tanh")
    train, _check = datasets.split(data, 0.25, seed=2)
    return trainer_mod.create([1, 3, 1], ["tanh", "tanh"], train, seed=0, loss="mse", learning_rate=0.1)


def test_snapshot_round_trip_with_transform_and_check(tmp_path):
    t = _trainer_with_data(tmp_path)
    t.run(5)
    path = tmp_path / "run.json"
    snapshot.save(t, path)
    doc = json.loads(path.read_text())
    assert doc["dataset"]["transform"]["input_min"] == [-5.0]
    assert doc["dataset"]["transform"]["target_range"] == [-1.0, 1.0]
    assert len(doc["dataset"]["check"]["inputs"]) == 5
    back = snapshot.load(path)
    assert back.dataset.transform == t.dataset.transform
    assert np.array_equal(back.dataset.check.inputs, t.dataset.check.inputs)
    assert np.array_equal(back.dataset.check.targets, t.dataset.check.targets)
    assert back.dataset.check.transform == t.dataset.transform
    assert snapshot.dumps(back) == snapshot.dumps(t)
    back.run(3)
    t.run(3)
    assert back.loss_history == t.loss_history


def test_snapshot_without_the_new_fields_is_unchanged(tmp_path):
    t = trainer_mod.create([2, 2, 1], "sigmoid", datasets.xor(), seed=0)
    doc = snapshot.to_dict(t)
    assert set(doc["dataset"]) == {"inputs", "targets", "name"}
    back = snapshot.from_dict(doc)
    assert back.dataset.transform is None and back.dataset.check is None


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["transform"].__setitem__("input_min", [1.0, 2.0]), "dataset.transform.input_min: expected shape (1,)"),
    (lambda d: d["transform"].__setitem__("input_max", ["a"]), "dataset.transform.input_max[0]: expected a number"),
    (lambda d: d["transform"].__setitem__("input_max", [-9.0]), "dataset.transform.input_min: column 0: minimum -5.0 is above"),
    (lambda d: d["transform"].__setitem__("target_range", [1, 0]), "dataset.transform.target_range: expected [low, high]"),
    (lambda d: d["transform"].pop("target_range"), "dataset.transform.target_min: not allowed without target_range"),
    (lambda d: d["transform"].pop("input_max"), "dataset.transform.input_max: missing"),
    (lambda d: d.__setitem__("transform", 3), "dataset.transform: expected an object"),
    (lambda d: d["check"].__setitem__("inputs", [[1.0, 2.0]]), "dataset.check.inputs: expected 1 columns"),
    (lambda d: d["check"].__setitem__("inputs", []), "dataset.check.inputs: expected at least one sample"),
    (lambda d: d["check"]["targets"].pop(), "dataset.check.targets: expected 5 rows"),
    (lambda d: d["check"].pop("targets"), "dataset.check.targets: missing"),
])
def test_snapshot_bad_new_fields(tmp_path, edit, message):
    doc = snapshot.to_dict(_trainer_with_data(tmp_path))
    edit(doc["dataset"])
    with pytest.raises(snapshot.SnapshotError) as info:
        snapshot.from_dict(doc)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_transform_of_generated_data_in_snapshot():
    data = transform.normalize(datasets.generate("blobs", n_samples=30, seed=1), "softmax")
    t = trainer_mod.create([2, 4, 3], ["tanh", "softmax"], data, seed=0, loss="cross_entropy")
    back = snapshot.loads(snapshot.dumps(t))
    assert back.dataset.transform == data.transform


# ------------------------------------------------------------ column names
def test_header_names_name_the_neurons_and_survive_the_snapshot(tmp_path):
    data = read_table(write(tmp_path, "温度,湿度,下雨\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n"), normalize=True,
                      output_activation="sigmoid")
    train, _ = datasets.split(data, 0.25, seed=0)
    assert train.check.input_names == ("温度", "湿度")  # the check set keeps them
    t = trainer_mod.create([2, 3, 1], ["tanh", "sigmoid"], train, seed=0)
    assert t.network.neuron_names == [["温度", "湿度"], ["h1", "h2", "h3"], ["下雨"]]
    doc = snapshot.to_dict(t)
    assert doc["dataset"]["input_names"] == ["温度", "湿度"] and doc["dataset"]["target_names"] == ["下雨"]
    back = snapshot.loads(snapshot.dumps(t))
    assert back.dataset.input_names == ("温度", "湿度") and back.dataset.target_names == ("下雨",)
    assert back.dataset.check.target_names == ("下雨",)
    assert back.network.neuron_names == t.network.neuron_names


@pytest.mark.parametrize("key, value, message", [
    ("input_names", ["a"], "dataset.input_names: expected 2 names (one per column), got 1"),
    ("input_names", ["a", "b\nc"], "dataset.input_names[1]: expected a name without line breaks"),
    ("target_names", ["x" * 101], "dataset.target_names[0]: expected a name of at most 100 characters"),
    ("target_names", "t", "dataset.target_names: expected a list"),
])
def test_snapshot_bad_column_names(key, value, message):
    doc = snapshot.to_dict(trainer_mod.create([2, 2, 1], "sigmoid", datasets.xor(), seed=0))
    doc["dataset"][key] = value
    with pytest.raises(snapshot.SnapshotError) as info:
        snapshot.from_dict(doc)
    assert str(info.value).startswith(message)


def test_a_dataset_takes_one_name_per_column():
    with pytest.raises(ValueError, match="input_names: expected 2 names"):
        datasets.Dataset(np.zeros((3, 2)), np.zeros((3, 1)), input_names=("a",))
    d = datasets.Dataset(np.zeros((3, 2)), np.zeros((3, 1)), input_names=["a", "b"], target_names=["t"])
    assert d.input_names == ("a", "b") and d.target_names == ("t",)
