"""Hostile input, interrupted writes and hard limits on the command line (issue 12): each
case ends in exit status 2 and exactly one line on stderr (or a finished run), with every
earlier file byte for byte as it was and no temporary file left behind. Cases where the
point is that memory stays bounded run in a child process under an address-space limit,
so that a regression fails with MemoryError instead of filling the machine."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from nnviz import cli
from nnviz.core import presets
from nnviz.core import trainer as trainer_mod
from nnviz.core.data.datasets import Dataset
from nnviz.io import snapshot
from strategies import finite_floats

ROOT = Path(__file__).resolve().parents[2]


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every entry below ``folder`` (hidden temporaries too) with its bytes."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in sorted(folder.rglob("*"))}


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def child(args: list[str], cwd: Path, *, memory: int | None = None, file_size: int | None = None,
          timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m nnviz ARGS`` in a child process, optionally with its address space or
    the size of any file it writes limited (SIGXFSZ ignored: the write fails instead)."""
    def limits():
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "nnviz", *args], cwd=cwd, capture_output=True, text=True,
                          preexec_fn=limits, timeout=timeout, env=env)


GiB = 1 << 30

# =========================================================== atomic writes
OUTPUTS = {
    "render.png": ["render", "--size", "64x48", "--out", "prev.png"],
    "render.svg": ["render", "--size", "64x48", "--out", "prev.svg"],
    "surface.npz": ["surface", "--params", "w5", "w6", "--grid", "5", "--out", "prev.npz"],
    "surface.csv": ["surface", "--params", "w5", "w6", "--grid", "5", "--out", "prev.csv"],
    "surface.png": ["surface", "--params", "w5", "w6", "--grid", "5", "--out", "prev.png"],
    "sweep.csv": ["sweep", "--lr-range", "0.1", "1", "3", "--iterations", "2", "--out", "prev.csv"],
    "train.json": ["train", "--iterations", "1", "--out", "prev.json"],
    "graph.svg": ["graph", "--param", "w1", "--out", "prev.svg"],
    "record.gif": ["record", "--frames", "2", "--size", "64x48", "--out", "prev.gif"],
}


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_a_disk_that_fills_up_midway_keeps_the_earlier_file(tmp_path, name):
    """Each file may grow to 100 bytes, then the write fails (as on a full disk)."""
    args = OUTPUTS[name]
    target = tmp_path / args[-1]
    target.write_bytes(b"the earlier file")
    before = tree(tmp_path)
    proc = child(args, tmp_path, file_size=100)
    assert proc.returncode == 2 and "written" not in proc.stdout and "drawn" not in proc.stdout
    assert re.fullmatch(rf"nnviz: cannot write {args[-1]}: File too large\n", one_line(proc.stderr))
    assert tree(tmp_path) == before


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_a_failed_rename_keeps_the_earlier_file(workdir, nnviz_cli, monkeypatch, name):
    args = OUTPUTS[name]
    (workdir / args[-1]).write_bytes(b"the earlier file")
    before = tree(workdir)

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    rc, _, err = nnviz_cli(*args)
    assert rc == 2 and "No space left on device" in one_line(err)
    assert tree(workdir) == before


KILLED_MID_SAVE = textwrap.dedent("""
    import os, sys
    real_fsync = os.fsync

    def fsync_then_wait(fd):  # the new file is written in full, not yet renamed
        real_fsync(fd)
        print("saving", flush=True)
        sys.stdin.readline()

    os.fsync = fsync_then_wait
    from nnviz import cli
    sys.exit(cli.main(sys.argv[1:]))
""")


def start_and_stop_at_the_rename(tmp_path: Path, args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_MID_SAVE, *args], cwd=tmp_path, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in proc.stdout:  # train prints its summary first
        if line == "saving\n":
            return proc
    raise AssertionError(f"the child ended before saving: {proc.communicate()}")


@pytest.mark.parametrize("how", ["kill -9", "SIGTERM", "Ctrl-C"])
def test_a_render_killed_while_saving_keeps_prev_png(tmp_path, nnviz_cli, monkeypatch, how):
    old = tmp_path / "prev.png"
    old.write_bytes(b"\x89PNG the earlier picture")
    proc = start_and_stop_at_the_rename(tmp_path, ["render", "--size", "400x300", "--out", "prev.png"])
    proc.send_signal({"kill -9": signal.SIGKILL, "SIGTERM": signal.SIGTERM, "Ctrl-C": signal.SIGINT}[how])
    _, err = proc.communicate(timeout=60)
    assert old.read_bytes() == b"\x89PNG the earlier picture"
    if how == "kill -9":
        assert proc.returncode == -signal.SIGKILL and len(os.listdir(tmp_path)) == 2  # a temporary is left
    elif how == "SIGTERM":
        assert proc.returncode == -signal.SIGTERM and os.listdir(tmp_path) == ["prev.png"]
    else:
        assert proc.returncode == 130 and err == "nnviz: interrupted\n" and os.listdir(tmp_path) == ["prev.png"]
    monkeypatch.chdir(tmp_path)  # the next render replaces the file and removes what was left
    rc, _, err = nnviz_cli("render", "--size", "64x48", "--out", "prev.png")
    assert rc == 0 and err == "" and os.listdir(tmp_path) == ["prev.png"]
    assert old.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_sigterm_while_train_saves_its_snapshot(tmp_path):
    snapshot.save(presets.load("mazur"), tmp_path / "prev.json")
    before = tree(tmp_path)
    proc = start_and_stop_at_the_rename(tmp_path, ["train", "--preset", "xor", "--iterations", "3",
                                                   "--out", "prev.json"])
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGTERM
    assert tree(tmp_path) == before


# ===================================================== files that are not files
@pytest.mark.parametrize("argv", [
    ["train", "--snapshot", "{fifo}"], ["trace", "--snapshot", "{fifo}"], ["render", "--snapshot", "{fifo}", "--out", "x.png"],
    ["train", "--data", "{fifo}"], ["--open", "{fifo}"],
])
def test_a_fifo_is_refused_without_waiting(workdir, nnviz_cli, fifo, argv):
    argv = [a.format(fifo=fifo) for a in argv]
    rc, out, err = nnviz_cli(*argv)
    assert rc == 2 and out == ""
    assert f"{fifo}: not a regular file (a FIFO)" in one_line(err)


@pytest.mark.parametrize("argv, what", [
    (["train", "--snapshot", "/dev/zero"], "snapshot file"),
    (["train", "--data", "/dev/zero"], "data file"),
    (["sweep", "--snapshot", "/dev/zero", "--out", "s.csv"], "snapshot file"),
    (["--open", "/dev/zero"], "snapshot file"),
])
def test_dev_zero_is_refused_with_memory_bounded(tmp_path, argv, what):
    proc = child(argv, tmp_path, memory=GiB)
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"/dev/zero: not a regular file (a device), expected a {what}" in one_line(proc.stderr)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("flag, size, limit", [("--snapshot", 3 * GiB, "2,048 MiB"), ("--data", GiB, "256 MiB")])
def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, flag, size, limit):
    big = tmp_path / "big"
    with open(big, "wb") as fh:
        fh.truncate(size)  # sparse: takes no disk space
    proc = child(["train", flag, "big"], tmp_path, memory=GiB)
    assert proc.returncode == 2
    assert f"big: {size // (1 << 20):,} MiB is over the limit of {limit}" in one_line(proc.stderr)


# ====================================================== names that are no file
@pytest.fixture
def odd_places(workdir):
    (workdir / "dir").mkdir()
    (workdir / "loop1").symlink_to("loop2")
    (workdir / "loop2").symlink_to("loop1")
    return workdir


ODD_OUT = {
    "": "cannot write to an empty file name",
    "dir/sub/": "the name ends with a slash",
    "dir/": "the name ends with a slash",
    "dir": "it is a folder",
    "loop1": "a loop of symbolic links",
    "/proc/version": "cannot create a file in the folder /proc",
    "/proc/self/x.json": "cannot create a file in the folder /proc/self",
    "/sys/kernel/x.json": "cannot create a file in the folder /sys/kernel",
    "missing/x.json": "the folder missing does not exist",
    "/dev/null": "not a regular file (a device)",
}


@pytest.mark.parametrize("command", [["train", "--iterations", "5"], ["render"], ["surface", "--params", "w5", "w6"],
                                     ["sweep"], ["graph", "--param", "w1"], ["record", "--frames", "2"]])
@pytest.mark.parametrize("out", list(ODD_OUT))
def test_an_out_that_cannot_be_written_is_refused_before_any_work(odd_places, nnviz_cli, command, out):
    if out.startswith(("/proc", "/sys")) and not Path(out).parent.is_dir():
        pytest.skip(f"no {Path(out).parent} here")
    before = tree(odd_places)
    rc, stdout, err = nnviz_cli(*command, "--out", out)
    assert rc == 2 and stdout == ""  # nothing ran
    assert ODD_OUT[out] in one_line(err) and "--out" in err
    assert tree(odd_places) == before


@pytest.mark.parametrize("argv, what", [
    (["train", "--snapshot", ""], "snapshot file"), (["trace", "--snapshot", ""], "snapshot file"),
    (["train", "--data", ""], "data file"), (["--open", ""], "snapshot file"),
])
def test_an_empty_file_name_is_not_the_worked_example(workdir, nnviz_cli, argv, what):
    rc, out, err = nnviz_cli(*argv)
    assert rc == 2 and out == ""
    assert f"an empty file name (expected a {what})" in one_line(err)


# ========================================================= sizes with a ceiling
@pytest.fixture
def rows(workdir):
    """A data file of 20,000 rows: 2 inputs, 1 target."""
    x = np.random.default_rng(0).uniform(-1, 1, (20_000, 2))
    (workdir / "f.csv").write_text("\n".join(f"{a!r},{b!r},{float(a * b > 0)!r}" for a, b in x.tolist()))
    return workdir / "f.csv"


WIDE = ",".join(["2"] + ["128"] * 8 + ["1"])


@pytest.mark.parametrize("argv, limit", [
    (["train", "--data", "f.csv", "--layers", "2,100000,100000,1"], "hidden layer 1: at most 128 neurons (the limit), got 100,000"),
    (["train", "--data", "f.csv", "--layers", "2,20000,20000,1"], "at most 128 neurons (the limit)"),
    (["train", "--data", "f.csv", "--layers", ",".join(["2"] + ["4"] * 9 + ["1"])], "at most 8 hidden layers (the limit), got 9"),
    (["train", "--data", "f.csv", "--layers", WIDE], "20,000 samples through the 2-128-128-128-128-128-128-128-128-1 "
                                                      "network are 20,500,000 values a forward pass, over the limit of 20,000,000"),
    (["train", "--iterations", "1000000000000"], "--iterations: at most 10,000,000 (the limit)"),
    (["trace", "--iterations", "1000000000000"], "--iterations: at most 10,000 (the limit)"),
    (["sweep", "--lr-range", "0.1", "1", "1000000000000", "--out", "s.csv"], "--lr-range: at most 1,000 (the limit)"),
    (["sweep", "--iterations", "1000000000000", "--out", "s.csv"], "--iterations: at most 100,000 (the limit)"),
    (["sweep", "--lr-range", "0.1", "1", "1000", "--iterations", "100000", "--out", "s.csv"],
     "1,000 rates x 100,000 iterations is over the limit of 10,000,000"),
    (["train", "--iterations", "9" * 100_000], "--iterations: expected a whole number, got '9999"),
    (["record", "--frames", "1000000000000", "--out", "r.gif"], "--frames: at most 10,000 (the limit)"),
    (["record", "--every", "1000000000000", "--out", "r.gif"], "--every: at most 100,000 (the limit)"),
    (["record", "--frames", "10000", "--every", "100000", "--unit", "iteration", "--out", "r.gif"],
     "10,000 frames x every 100,000 units is over the limit of 10,000,000 units"),
    (["record", "--size", "5000x5000", "--out", "r.gif"], "--size: expected a size from 32x32 to 4000x4000 (the limit)"),
])
def test_sizes_beyond_the_limits_are_one_line_naming_the_limit(rows, nnviz_cli, argv, limit):
    before = tree(rows.parent)
    rc, out, err = nnviz_cli(*argv)
    assert rc == 2 and out == ""
    assert limit in one_line(err) and len(err) < 300
    assert tree(rows.parent) == before


def test_a_surface_grid_beyond_the_limit_is_one_line(workdir, nnviz_cli):
    n = 100_001
    t = trainer_mod.create([2, 2, 1], ["tanh", "linear"], Dataset(np.zeros((n, 2)), np.zeros((n, 1))), seed=0,
                           loss="mse")
    snapshot.save(t, workdir / "many.json")
    rc, out, err = nnviz_cli("surface", "--snapshot", "many.json", "--params", "W1[0,0]", "W1[0,1]",
                       "--grid", "101", "--out", "s.npz")
    assert rc == 2 and out == ""
    assert ("a 101 x 101 grid over 100,001 samples is 1,020,110,201 loss evaluations, over the limit of "
            "1,000,000,000; use a smaller --grid") in one_line(err)
    assert os.listdir(workdir) == ["many.json"]


@pytest.mark.parametrize("rng, problem", [
    (["0", "1e-320", "0", "1e-320"], "A0..A1 = 0.0..1e-320 is too narrow to split into 101 distinct grid points"),
    (["0", "1", "0.5", "0.5000000000000001"], "B0..B1 = 0.5..0.5000000000000001 is too narrow"),
    (["-1e308", "1e308", "0", "1"], "A0..A1 = -1e+308..1e+308 is too wide: its width is beyond the largest float"),
])
def test_degenerate_surface_ranges_are_one_line(workdir, nnviz_cli, rng, problem):
    rc, out, err = nnviz_cli("surface", "--params", "w5", "w6", "--range", *rng, "--out", "s.png")
    assert rc == 2 and out == "" and problem in one_line(err)
    assert os.listdir(workdir) == []


def test_a_narrow_range_far_from_the_point_is_drawn_without_warnings(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("surface", "--params", "w5", "w6", "--range", "0", "1e-300", "0", "1e-300",
                       "--out", "s.png")  # RuntimeWarnings from nnviz are errors in the tests
    assert rc == 0 and err == ""
    assert (workdir / "s.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


# ======================================================= numbers are numbers
def test_negative_numbers_in_exponent_form_are_values_not_options(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("train", "--until-loss", "-1e-3", "--iterations", "2")
    assert rc == 0 and err == "" and "trained 2 iterations" in out
    rc, out, err = nnviz_cli("surface", "--params", "w5", "w6", "--range", "-1e-3", "1e-3", "-1E-3", "1e-3",
                       "--grid", "3", "--out", "s.csv")
    assert rc == 0 and err == "" and "W2[0,0] in [-0.001, 0.001]" in out


@settings(max_examples=40, deadline=None)
@given(x=finite_floats)
def test_any_finite_number_is_taken_by_until_loss(x):
    rc = cli.main(["train", "--until-loss", repr(x), "--iterations", "0"])
    assert rc == 0


# ========================================================= one line, one line
def mazur_doc() -> dict:
    return json.loads(snapshot.dumps(presets.load("mazur")))


def set_in(doc: dict, where: str, value) -> dict:
    *parents, last = where.split("/")
    node = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return doc


INJECTED = "x\nINJECTED"


@pytest.mark.parametrize("where", [
    "training/optimizer/name", "training/loss", "network/activations/0", "dataset/name",
    "network/neuron_names/1/0", "network/param_names/W1[0,0]", "format",
])
@pytest.mark.parametrize("command", ["train", "trace"])
def test_a_line_break_in_a_snapshot_field_stays_on_one_line(workdir, nnviz_cli, where, command):
    (workdir / "s.json").write_text(json.dumps(set_in(mazur_doc(), where, INJECTED)), encoding="utf-8")
    rc, out, err = nnviz_cli(command, "--snapshot", "s.json")
    assert rc == 2 and out == ""
    assert "x\\nINJECTED" in one_line(err)


def test_a_line_break_in_a_parameter_name_key_stays_on_one_line(workdir, nnviz_cli):
    doc = mazur_doc()
    doc["network"]["param_names"][INJECTED] = "w"
    (workdir / "s.json").write_text(json.dumps(doc), encoding="utf-8")
    rc, out, err = nnviz_cli("train", "--snapshot", "s.json")
    assert rc == 2 and out == "" and "x\\nINJECTED" in one_line(err)


def test_a_diverged_runs_message_must_be_one_line(workdir, nnviz_cli):
    doc = mazur_doc()
    doc["training"]["status"] = "diverged"
    doc["training"]["status_message"] = "boom" + INJECTED + "\x1b[2J" + "z" * 10_000
    (workdir / "s.json").write_text(json.dumps(doc), encoding="utf-8")
    for command in ("train", "trace"):
        rc, out, err = nnviz_cli(command, "--snapshot", "s.json")
        assert rc == 2 and out == ""
        assert "training.status_message: expected one line of at most 1000 characters" in err and len(err) < 400
    doc["training"]["status_message"] = "boom" + INJECTED + "\x1b[2J"  # the window shows it as well: refused
    (workdir / "s.json").write_text(json.dumps(doc), encoding="utf-8")
    rc, out, err = nnviz_cli("train", "--snapshot", "s.json")
    assert rc == 2 and "training.status_message: expected one line without control characters, got " \
        "'boomx\\nINJECTED\\x1b[2J'" in one_line(err)


@pytest.mark.parametrize("edit, words", [
    (lambda text: text.replace('"seed": 0', '"seed": ' + "9" * 5000), "a number with too many digits"),
    (lambda text: text.replace('"loss": "half_sse"', '"loss": "' + "x" * 1_000_000 + '"'), "(1,000,000 characters)"),
])
def test_huge_values_in_a_snapshot_are_cut_in_the_message(workdir, nnviz_cli, edit, words):
    (workdir / "s.json").write_text(edit(json.dumps(mazur_doc())), encoding="utf-8")
    rc, out, err = nnviz_cli("train", "--snapshot", "s.json")
    assert rc == 2 and words in one_line(err) and len(err) < 300


@pytest.mark.parametrize("where", [
    "training/batch/mode", "training/frozen/0", "training/schedule/kind", "training/init", "training/status",
    "training/optimizer/state_of", "iteration_values/loss_function", "iteration_values/backprop",
    "network/neuron_names/0/1", "dataset/name",
])
def test_long_text_in_any_snapshot_field_is_one_short_line(workdir, nnviz_cli, where):
    t = presets.load("mazur")
    t.step("micro")  # so that the snapshot has iteration values
    doc = set_in(json.loads(snapshot.dumps(t)), where, "y" * 100_000 + INJECTED)
    (workdir / "s.json").write_text(json.dumps(doc), encoding="utf-8")
    rc, out, err = nnviz_cli("train", "--snapshot", "s.json")
    field = where.replace("/", ".")
    field = re.sub(r"\.(\d+)", r"[\1]", field)
    assert rc == 2 and one_line(err).startswith(f"nnviz train: --snapshot: s.json: {field}: ") and err.count(field) == 1
    assert len(err) < 300


def test_normalising_a_table_of_extremes_names_file_line_and_column(workdir, nnviz_cli):
    (workdir / "x.csv").write_text("a,b,y\n1,2,0\n-1e308,0,1\n1e308,1,0\n")
    rc, out, err = nnviz_cli("train", "--data", "x.csv", "--normalize", "--iterations", "1")
    assert rc == 2 and out == ""  # and no RuntimeWarning (an error in the tests)
    assert one_line(err) == ("nnviz train: --normalize: x.csv: column 1: cannot normalise values from -1e+308 "
                             "(line 3) to 1e+308 (line 4): their difference is beyond the largest float\n")


def test_a_five_million_digit_cell_is_cut(workdir, nnviz_cli):
    (workdir / "x.csv").write_text("a,y\n1,0\n" + "9" * 5_000_000 + ",1\n")
    rc, out, err = nnviz_cli("train", "--data", "x.csv")
    assert rc == 2 and "x.csv: line 3, column 1: '9999" in one_line(err) and len(err) < 200


def test_a_picture_larger_than_the_windows_limit_is_refused(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("render", "--size", "20000x20000", "--out", "big.png")
    assert rc == 2 and "from 16x16 to 10000x10000 (the limit), got '20000x20000'" in one_line(err)
    assert os.listdir(workdir) == []


@pytest.mark.parametrize("argv", [["train", "--preset", "y" * 100_000], ["train", "--lr", "1" * 100_000],
                                  ["train", "--optimizer", "z" * 100_000], ["render", "--size", "9" * 100_000]])
def test_long_arguments_are_cut_in_the_message(workdir, nnviz_cli, argv):
    rc, out, err = nnviz_cli(*argv)
    assert rc == 2 and "(100,000 characters)" in one_line(err) and len(err) < 300


# ================================================================ big inputs
@pytest.fixture
def thousand(workdir):
    x = np.random.default_rng(3).uniform(-1, 1, (1000, 2))
    t = trainer_mod.create([2, 3, 1], ["tanh", "sigmoid"], Dataset(x, (x[:, :1] > 0).astype(float)), seed=0)
    snapshot.save(t, workdir / "k.json")
    return workdir / "k.json"


def test_trace_on_a_large_batch_shows_a_few_samples_and_the_count(thousand, nnviz_cli):
    rc, out, err = nnviz_cli("trace", "--snapshot", str(thousand))
    assert rc == 0 and err == ""
    lines = out.splitlines()
    assert "sample 8 of 1000 (data row 8):" in lines and "sample 9 of 1000 (data row 9):" not in lines
    assert lines.count("… and 992 more samples") == 5  # forward x2, loss, backward x2
    assert len(lines) < 300
    rc, out, _ = nnviz_cli("trace", "--snapshot", str(thousand), "--all-samples")
    assert rc == 0 and "sample 1000 of 1000 (data row 1000):" in out and "more samples" not in out
