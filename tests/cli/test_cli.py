"""The ``nnviz`` command: ``train`` and ``trace`` called in-process through
``nnviz.cli.main``, bad input (exit status 2, one line on stderr, nothing on disk
touched), and one subprocess run of ``python -m nnviz``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

from nnviz import cli
from nnviz.core import presets
from nnviz.core.analysis.explain import Formatter
from nnviz.io import snapshot

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "example-snapshot.json"

MAZUR_PARAMS = {  # the published worked example after one iteration
    "w1": "0.149780716", "w2": "0.199561432", "w3": "0.249751144", "w4": "0.299502287",
    "w5": "0.35891648", "w6": "0.408666186", "w7": "0.51130127", "w8": "0.561370121",
}


def tree(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every file and folder below ``folder`` with its bytes and modification time."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.stat()
        out[str(p.relative_to(folder))] = (p.read_bytes() if p.is_file() else None, st.st_mtime_ns)
    return out


def params_printed(out: str) -> dict[str, str]:
    """'  w5 (W2[0,0]) = 0.35891648' -> {'w5': '0.35891648', 'W2[0,0]': '0.35891648'}."""
    found = {}
    for m in re.finditer(r"^  (\S+?)(?: \((\S+)\))? = (\S+)", out, re.M):
        found[m.group(1)] = m.group(3)
        if m.group(2):
            found[m.group(2)] = m.group(3)
    return found


def make_snapshot(path: Path, name: str = "xor", iterations: int = 5, **settings) -> Path:
    t = presets.load(name)
    if settings:
        t.configure(**settings)
    t.run(iterations)
    snapshot.save(t, path)
    return path


# ====================================================================== train
def test_train_mazur_prints_the_published_numbers(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("train", "--preset", "mazur", "--iterations", "1")
    assert rc == 0 and err == ""
    assert "out_o1 = 0.75136507" in out
    assert "out_o2 = 0.772928465" in out
    assert "loss of iteration 1 (forward pass): 0.298371109" in out
    printed = params_printed(out)
    for name, value in MAZUR_PARAMS.items():
        assert printed[name] == value, name
    assert printed["b1[0]"] == "0.35" and printed["b2[1]"] == "0.6"  # frozen in the preset
    assert "(frozen)" in out
    assert os.listdir(workdir) == []  # nothing written without --out


def test_train_summary_has_what_the_readme_lists(workdir, nnviz_cli):
    rc, out, _ = nnviz_cli("train", "--preset", "xor", "--iterations", "30")
    assert rc == 0
    t = presets.load("xor")
    t.run(30)
    assert "trained 30 iterations (iterations 1..30)" in out
    assert "stopped because: ran the 30 iteration" in out
    assert f"loss of iteration 1 (forward pass): {Formatter(9).num(t.loss_history[0])}" in out
    assert f"loss of iteration 30 (forward pass): {Formatter(9).num(t.loss_history[-1])}" in out
    assert f"final loss (current parameters, all 4 samples): {Formatter(9).num(t.evaluate_loss())}" in out
    assert "accuracy of the last iteration" in out
    assert out.count("outputs of the last forward pass: sample") == 4
    printed = params_printed(out)
    assert printed["W2[0,3]"] == Formatter(9).num(t.network.get("W2[0,3]"))


def test_out_writes_a_snapshot_equal_to_the_python_api_run(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("train", "--preset", "xor", "--seed", "4", "--iterations", "37", "--lr", "1.5",
                       "--optimizer", "momentum", "--batch", "3", "--shuffle", "--out", "run.json")
    assert rc == 0 and err == ""
    assert "snapshot written to run.json" in out
    assert sorted(os.listdir(workdir)) == ["run.json"]  # no temporary file left
    loaded = snapshot.load("run.json")

    t = presets.load("xor", seed=4)
    t.configure(learning_rate=1.5, optimizer="momentum", batch=3, shuffle=True)
    t.run(37)
    assert all(np.array_equal(a, b) for a, b in zip(loaded.network.weights, t.network.weights))
    assert all(np.array_equal(a, b) for a, b in zip(loaded.network.biases, t.network.biases))
    assert loaded.loss_history == t.loss_history
    assert (workdir / "run.json").read_text(encoding="utf-8") == snapshot.dumps(t)


def test_train_carries_on_from_a_snapshot(workdir, nnviz_cli):
    make_snapshot(workdir / "s.json", "xor", 10, optimizer="adam", batch="online", shuffle=True)
    rc, out, _ = nnviz_cli("train", "--snapshot", "s.json", "--iterations", "15", "--out", "o.json")
    assert rc == 0
    assert "trained 15 iterations (iterations 11..25)" in out
    assert "adam" in out and "online" in out  # the file's settings
    t = snapshot.load("s.json")
    t.run(15)
    assert (workdir / "o.json").read_text(encoding="utf-8") == snapshot.dumps(t)


def test_train_defaults_to_mazur_and_1000_iterations(workdir, nnviz_cli):
    rc, out, _ = nnviz_cli("train", "--out", "o.json")
    assert rc == 0
    assert "trained 1000 iterations (iterations 1..1000)" in out
    o = snapshot.load("o.json")
    assert o.iteration == 1000 and o.network.neuron_names[1] == ["h1", "h2"]


def test_out_may_replace_the_snapshot_it_started_from(workdir, nnviz_cli):
    make_snapshot(workdir / "s.json", "xor", 4)
    rc, _, err = nnviz_cli("train", "--snapshot", "s.json", "--iterations", "6", "--out", "s.json")
    assert rc == 0 and err == ""
    assert os.listdir(workdir) == ["s.json"]
    assert snapshot.load("s.json").iteration == 10


def test_all_flags_override_the_snapshot_settings(workdir, nnviz_cli):
    make_snapshot(workdir / "s.json", "xor", 5)
    rc, _, err = nnviz_cli("train", "--snapshot", "s.json", "--lr", "0.25", "--optimizer", "adam",
                     "--batch", "2", "--shuffle", "--loss", "cross_entropy", "--backprop", "proportional",
                     "--freeze-biases", "--iterations", "6", "--out", "o.json")
    assert rc == 0 and err == ""
    o = snapshot.load("o.json")
    s = o.settings
    assert s.learning_rate == 0.25 and s.optimizer.name == "adam" and s.batch == 2 and s.shuffle
    assert s.loss == "cross_entropy" and s.backprop == "proportional"
    assert s.frozen == {p.name for p in o.network.params() if p.kind == "b"}
    t = snapshot.load("s.json")
    t.configure(learning_rate=0.25, optimizer="adam", batch=2, shuffle=True, loss="cross_entropy",
                backprop="proportional")
    t.freeze_biases()
    t.run(6)
    assert (workdir / "o.json").read_text(encoding="utf-8") == snapshot.dumps(t)


@pytest.mark.parametrize("flag, value, setting, check", [
    ("--lr", "0.3", "learning_rate", lambda s: s.learning_rate == 0.3),
    ("--optimizer", "adagrad", "optimizer", lambda s: s.optimizer.name == "adagrad"),
    ("--batch", "online", "batch", lambda s: s.batch == "online"),
    ("--batch", "3", "batch", lambda s: s.batch == 3),
    ("--batch", "full", "batch", lambda s: s.batch == "full"),
    ("--shuffle", None, "shuffle", lambda s: s.shuffle is True),
    ("--loss", "mse", "loss", lambda s: s.loss == "mse"),
    ("--backprop", "proportional", "backprop", lambda s: s.backprop == "proportional"),
    ("--freeze-biases", None, "frozen", lambda s: s.frozen == {"b1[0]", "b1[1]", "b1[2]", "b1[3]", "b2[0]"}),
])
def test_each_flag_overrides_the_snapshot(workdir, nnviz_cli, flag, value, setting, check):
    make_snapshot(workdir / "s.json", "xor", 3, batch=2, optimizer="momentum", learning_rate=0.7)
    before = snapshot.load("s.json").settings
    args = [flag] if value is None else [flag, value]
    rc, _, _ = nnviz_cli("train", "--snapshot", "s.json", *args, "--iterations", "2", "--out", "o.json")
    assert rc == 0
    after = snapshot.load("o.json").settings
    assert check(after)
    for name in ("learning_rate", "optimizer", "loss", "backprop", "batch", "shuffle", "frozen"):
        if name != setting:  # everything else is the file's
            assert getattr(after, name) == getattr(before, name), name


def test_until_loss_stops_early(workdir, nnviz_cli):
    rc, out, _ = nnviz_cli("train", "--preset", "mazur", "--iterations", "1000", "--until-loss", "0.25",
                     "--out", "o.json")
    assert rc == 0
    assert "stopped because: the loss fell below 0.25" in out
    h = snapshot.load("o.json").loss_history
    assert 1 < len(h) < 1000
    assert h[-1] < 0.25 and all(x >= 0.25 for x in h[:-1])  # that iteration completes, no more


@pytest.mark.parametrize("name", ["xor", "sine"])
def test_seed_gives_the_presets_initial_weights(workdir, nnviz_cli, name):
    for seed in ("5", "6"):
        rc, _, _ = nnviz_cli("train", "--preset", name, "--seed", seed, "--iterations", "0",
                       "--out", f"s{seed}.json")
        assert rc == 0
    s5, s6 = snapshot.load("s5.json"), snapshot.load("s6.json")
    ref = presets.load(name, seed=5)
    assert all(np.array_equal(a, b) for a, b in zip(s5.network.weights, ref.network.weights))
    assert all(np.array_equal(a, b) for a, b in zip(s5.network.biases, ref.network.biases))
    assert not all(np.array_equal(a, b) for a, b in zip(s6.network.weights, ref.network.weights))
    assert s5.seed == 5 and s6.seed == 6


def test_seed_with_a_snapshot_reseeds_only_the_shuffling(workdir, nnviz_cli):
    make_snapshot(workdir / "s.json", "xor", 3, batch="online", shuffle=True)
    file_weights = snapshot.load("s.json").network.flat()
    outs = []
    for i, seed in enumerate(["11", "11", "12"]):
        rc, _, _ = nnviz_cli("train", "--snapshot", "s.json", "--seed", seed, "--iterations", "0",
                       "--out", f"z{i}.json")
        assert rc == 0
        assert np.array_equal(snapshot.load(f"z{i}.json").network.flat(), file_weights)  # from the file
        rc, _, _ = nnviz_cli("train", "--snapshot", "s.json", "--seed", seed, "--iterations", "9",
                       "--out", f"o{i}.json")
        outs.append(snapshot.load(f"o{i}.json"))
    assert outs[0].loss_history == outs[1].loss_history  # same seed, same run
    assert outs[0].loss_history != outs[2].loss_history  # another seed shuffles otherwise


def test_a_diverging_run_is_reported_without_a_traceback(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("train", "--preset", "sine", "--lr", "50", "--iterations", "200",
                       "--out", "d.json")
    assert rc == 0
    assert "stopped because: diverged" in out
    assert "Traceback" not in out + err and err == ""
    assert "nan" not in out.lower()
    d = snapshot.load("d.json")
    assert d.status == "diverged" and np.isfinite(d.network.flat()).all()
    # carrying on from the diverged file needs a changed setting
    rc, out, err = nnviz_cli("train", "--snapshot", "d.json", "--iterations", "5")
    assert rc == 2 and out == "" and len(err.splitlines()) == 1 and "diverged" in err
    rc, out, err = nnviz_cli("train", "--snapshot", "d.json", "--lr", "0.001", "--iterations", "5")
    assert rc == 0 and err == ""


def test_a_failed_save_at_the_end_keeps_the_existing_file(workdir, nnviz_cli):
    make_snapshot(workdir / "o.json", "mazur", 1)
    before = tree(workdir)
    with mock.patch("os.replace", side_effect=OSError(28, "No space left on device")):
        rc, _, err = nnviz_cli("train", "--preset", "xor", "--iterations", "3", "--out", "o.json")
    assert rc == 2
    assert len(err.splitlines()) == 1 and "No space left on device" in err
    assert tree(workdir) == before


# ===================================================================== trace
TRACE_LINES = [
    "== iteration 1 · 1 of 1 samples · learning rate 0.5 · sgd · half_sse · chain rule ==",
    "net_h1 = w1*i1 + w2*i2 + b1 = 0.15*0.05 + 0.2*0.1 + 0.35 = 0.3775",
    "out_h1 = sigmoid(net_h1) = sigmoid(0.3775) = 0.593269992",
    "E_o1 = 1/2*(t_o1 - out_o1)^2 = 1/2*(0.01 - 0.75136507)^2 = 0.274811083",
    "E_o2 = 1/2*(t_o2 - out_o2)^2 = 1/2*(0.99 - 0.772928465)^2 = 0.023560026",
    "E_total = E_o1 + E_o2 = 0.274811083 + 0.023560026 = 0.298371109",
    "dE/dw5 = dE/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5 = 0.74136507*0.186815602*0.593269992 = 0.082167041",
    "w5 <- w5 - lr*dE/dw5 = 0.4 - 0.5*0.082167041 = 0.35891648",
    "w1 <- w1 - lr*dE/dw1 = 0.15 - 0.5*0.000438568 = 0.149780716",
]


def test_trace_mazur_prints_the_worked_example(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("trace", "--preset", "mazur")
    assert rc == 0 and err == ""
    lines = out.splitlines()
    for line in TRACE_LINES:
        assert line in lines, line
    # the README's example block, line for line (its '...' elide lines)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ nnviz trace --preset mazur\n", 1)[1].split("```", 1)[0]
    shown = [x for x in block.splitlines() if x.strip() and x.strip() != "..."]
    assert all(x in lines for x in shown), [x for x in shown if x not in lines]
    assert "nan" not in out.lower()
    assert lines[-1] == "iteration 1 done: loss (forward pass) 0.298371109, loss now 0.291027774"
    assert os.listdir(workdir) == []


def test_trace_digits_and_iterations(workdir, nnviz_cli):
    rc, out, _ = nnviz_cli("trace", "--preset", "mazur", "--digits", "4", "--iterations", "2")
    assert rc == 0
    assert "out_h1 = sigmoid(net_h1) = sigmoid(0.3775) = 0.5933" in out.splitlines()
    assert "== iteration 2 · " in out
    assert out.count(" done: loss (forward pass) ") == 2
    numbers = re.findall(r"-?\d+\.\d+(?:e[-+]\d+)?", out)
    assert numbers
    for n in numbers:  # 4 decimals; below 0.01 (3 significant digits) 4 significant digits
        if abs(float(n)) >= 0.01:
            assert len(n.split(".")[1]) <= 4, n
        else:
            assert len(n.split("e")[0].replace("-", "").replace(".", "").lstrip("0")) <= 4, n


def test_trace_the_documented_example_snapshot(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("trace", "--snapshot", str(EXAMPLE))
    assert rc == 0 and err == ""
    assert "momentum" in out and "cross_entropy" in out and "1 of 2 samples" in out
    assert "b2[0] is frozen" in out
    assert "nan" not in out.lower()


# ================================================================ bad input
def _corrupt(folder: Path) -> None:
    (folder / "corrupt.json").write_text('{"format": "nnviz-snapshot", "version": 1,\n', encoding="utf-8")


BAD = [
    pytest.param(["train", "--lr", "-1"], id="lr-negative"),
    pytest.param(["train", "--lr", "abc"], id="lr-text"),
    pytest.param(["train", "--lr", "nan"], id="lr-nan"),
    pytest.param(["train", "--lr", "inf"], id="lr-inf"),
    pytest.param(["train", "--lr", "0"], id="lr-zero"),
    pytest.param(["train", "--snapshot", "missing.json"], id="missing-snapshot"),
    pytest.param(["train", "--snapshot", "corrupt.json"], id="corrupt-snapshot"),
    pytest.param(["trace", "--snapshot", "corrupt.json"], id="trace-corrupt-snapshot"),
    pytest.param(["train", "--snapshot", "sub"], id="snapshot-is-a-folder"),
    pytest.param(["train", "--out", "missing/run.json"], id="out-in-missing-folder"),
    pytest.param(["train", "--out", "sub"], id="out-is-a-folder"),
    pytest.param(["train", "--batch", "0"], id="batch-zero"),
    pytest.param(["train", "--batch", "half"], id="batch-text"),
    pytest.param(["train", "--iterations", "-3"], id="iterations-negative"),
    pytest.param(["train", "--iterations", "2.5"], id="iterations-fraction"),
    pytest.param(["train", "--preset", "bogus"], id="unknown-preset"),
    pytest.param(["trace", "--preset", "bogus"], id="trace-unknown-preset"),
    pytest.param(["train", "--optimizer", "rmsprop"], id="unknown-optimizer"),
    pytest.param(["train", "--preset", "sine", "--loss", "cross_entropy"], id="loss-needs-sigmoid"),
    pytest.param(["train", "--until-loss", "nan"], id="until-loss-nan"),
    pytest.param(["train", "--seed", "-1"], id="seed-negative"),
    pytest.param(["train", "--digits", "0"], id="digits-zero"),
    pytest.param(["trace", "--iterations", "0"], id="trace-zero-iterations"),
    pytest.param(["train", "--preset", "xor", "--snapshot", "corrupt.json"], id="preset-and-snapshot"),
    pytest.param(["train", "--no-such-flag"], id="unknown-flag"),
    pytest.param(["teach"], id="unknown-command"),
]


@pytest.mark.parametrize("argv", BAD)
def test_bad_input_exit_2_one_line_nothing_touched(workdir, nnviz_cli, argv):
    _corrupt(workdir)
    (workdir / "sub").mkdir()
    before = tree(workdir)
    rc, out, err = nnviz_cli(*argv)
    assert rc == 2
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and "usage:" not in err
    assert out == ""
    assert tree(workdir) == before


@pytest.mark.parametrize("argv", [
    pytest.param(["--lr", "-1"], id="lr-negative"),
    pytest.param(["--snapshot", "corrupt.json"], id="corrupt-snapshot"),
    pytest.param(["--snapshot", "missing.json"], id="missing-snapshot"),
    pytest.param(["--batch", "0"], id="batch-zero"),
    pytest.param(["--preset", "sine", "--loss", "cross_entropy"], id="bad-setting"),
])
def test_existing_out_file_is_kept_when_the_command_fails(workdir, nnviz_cli, argv):
    _corrupt(workdir)
    make_snapshot(workdir / "keep.json", "mazur", 2)
    before = tree(workdir)
    rc, _, err = nnviz_cli("train", *argv, "--out", "keep.json")
    assert rc == 2 and len(err.splitlines()) == 1
    assert tree(workdir) == before


def test_error_messages_name_the_problem(workdir, nnviz_cli):
    _corrupt(workdir)
    cases = {
        ("train", "--lr", "-1"): "--lr",
        ("train", "--snapshot", "missing.json"): "missing.json",
        ("train", "--snapshot", "corrupt.json"): "line 2",
        ("train", "--out", "missing/run.json"): "missing",
        ("train", "--batch", "0"): "--batch",
        ("train", "--iterations", "-3"): "--iterations",
        ("train", "--preset", "bogus"): "bogus",
    }
    for argv, word in cases.items():
        rc, _, err = nnviz_cli(*argv)
        assert rc == 2 and word in err, (argv, err)


def test_snapshot_with_a_bad_field_gives_one_line(workdir, nnviz_cli):
    doc = json.loads(snapshot.dumps(presets.load("mazur")))
    doc["network"]["weights"][1] = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    (workdir / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    rc, out, err = nnviz_cli("train", "--snapshot", "bad.json")
    assert rc == 2 and out == ""
    assert err.splitlines() == [err.strip()]
    assert "network.weights[1]: expected shape (2, 2), got (2, 3)" in err


def test_snapshot_with_an_overflowing_number_gives_one_line(workdir, nnviz_cli):
    doc = json.loads(snapshot.dumps(presets.load("mazur")))
    text = json.dumps(doc).replace("0.15", "1" + "0" * 400, 1)
    (workdir / "big.json").write_text(text, encoding="utf-8")
    rc, out, err = nnviz_cli("train", "--snapshot", "big.json")
    assert rc == 2 and len(err.splitlines()) == 1


# ============================================================ no subcommand
def test_no_subcommand_without_a_display_prints_a_clear_message(workdir, nnviz_cli, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    rc, out, err = nnviz_cli()
    assert rc == 2 and out == "" and len(err.splitlines()) == 1
    assert "no display" in err and "render" in err


def test_open_with_a_bad_snapshot_fails_before_any_window(workdir, nnviz_cli, fake_window):
    (workdir / "bad.json").write_text("{", encoding="utf-8")
    rc, out, err = nnviz_cli("--open", "bad.json")
    assert rc == 2 and len(err.splitlines()) == 1 and "not valid JSON" in err
    assert fake_window == []


@pytest.fixture
def fake_window(monkeypatch):
    """Stand in for nnviz.gui.app so that no window opens; records the call."""
    calls = []
    module = types.ModuleType("nnviz.gui.app")

    def fake_run(*args, **kwargs):
        calls.append((args, kwargs))
        return 0

    module.run = fake_run
    monkeypatch.setitem(sys.modules, "nnviz.gui.app", module)
    return calls


def test_no_subcommand_starts_the_window(workdir, capsys, fake_window):
    assert cli.main([]) == 0
    assert len(fake_window) == 1
    assert cli.main(["--preset", "xor"]) == 0
    assert fake_window[1][1].get("preset") == "xor"


@pytest.mark.parametrize("argv", [["--open", "corrupt.json"], ["--open", "missing.json"], ["--preset", "bogus"]])
def test_window_with_bad_input_exits_2_before_opening(workdir, nnviz_cli, fake_window, argv):
    _corrupt(workdir)
    rc, out, err = nnviz_cli(*argv)
    assert rc == 2 and len(err.splitlines()) == 1
    assert fake_window == []


# ============================================================ python -m nnviz
def test_python_dash_m_nnviz_runs(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "nnviz", "train", "--iterations", "1"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "loss of iteration 1 (forward pass): 0.298371109" in proc.stdout
    printed = params_printed(proc.stdout)
    assert all(printed[k] == v for k, v in MAZUR_PARAMS.items())
    assert os.listdir(tmp_path) == []


def test_a_batch_above_the_sample_count_takes_them_all_with_a_note(nnviz_cli):
    """--batch 100 on xor's 4 samples: each iteration uses the 4 (as the window's training
    options show it), the summary says so, and a note says why."""
    rc, out, err = nnviz_cli("train", "--preset", "xor", "--batch", "100", "--iterations", "3")
    assert rc == 0
    assert err == "nnviz train: note: --batch 100 is more than the 4 training samples: each mini-batch takes all 4\n"
    assert "mini-batches of 4," in out.splitlines()[0]
    t = presets.load("xor")
    t.configure(batch=4)
    t.run(3)
    assert f"final loss (current parameters, all 4 samples): {Formatter(9).num(t.evaluate_loss())}" in out


# ================================================================ --lesson
def test_lesson_starts_the_window_on_it(workdir, capsys, fake_window):
    assert cli.main(["--lesson", "one-iteration"]) == 0
    assert cli.main(["--lesson", "3"]) == 0
    assert [kwargs.get("lesson") for _, kwargs in fake_window] == ["one-iteration", "3"]


@pytest.mark.parametrize("argv,message", [
    (["--lesson", "nope"], "nnviz: --lesson: no lesson 'nope'; expected one of one-iteration, "),
    (["--lesson", "1", "--preset", "xor"], "nnviz: --lesson sets up its own network"),
])
def test_lesson_with_bad_input_exits_2_before_opening(workdir, nnviz_cli, fake_window, argv, message):
    rc, out, err = nnviz_cli(*argv)
    assert rc == 2 and len(err.splitlines()) == 1 and err.startswith(message)
    assert fake_window == []


def test_lesson_whose_file_is_broken_prints_its_line(workdir, nnviz_cli, fake_window, monkeypatch):
    from nnviz.app.lessons import format as lesson_format

    folder = workdir / "lessons"
    folder.mkdir()
    (folder / "04-broken.toml").write_text('title = "x"\n[[steps]]\ntitle = "a"\ntext = "{nope}"\n')
    shipped = lesson_format.library
    monkeypatch.setattr(lesson_format, "library", lambda: shipped(folder))
    for name in ("broken", "4"):
        rc, out, err = nnviz_cli("--lesson", name)
        assert rc == 2 and err == ("nnviz: --lesson: 04-broken.toml, line 4: steps[0].text: unknown quantity "
                                   "'nope'; expected one of " + ", ".join(lesson_format.quantities.QUANTITIES) + "\n")
    assert fake_window == []
