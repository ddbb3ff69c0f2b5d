"""``nnviz export``: the flags of ``nnviz train`` with the same meaning, the equivalent
train command in the script, the weights as .npz, and bad requests (exit status 2, one
line on stderr, nothing written)."""

from __future__ import annotations

import re
import shlex

import numpy as np
import pytest

from nnviz import cli
from nnviz.core import presets
from nnviz.io import snapshot, weights


def options(capsys, command: str) -> set[str]:
    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    return set(re.findall(r"--[a-z][a-z-]*", capsys.readouterr().out))


def test_export_takes_every_flag_of_train(capsys):
    train, export = options(capsys, "train"), options(capsys, "export")
    assert train - {"--out"} <= export
    assert {"--format", "--print-every"} <= export


def test_the_script_names_the_train_command_of_the_same_run(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("export", "--preset", "xor", "--optimizer", "adam", "--batch", "3", "--shuffle",
                             "--format", "numpy", "--out", "train.py", "--iterations", "50", "--print-every", "0")
    assert rc == 0 and err == ""
    assert "written to train.py" in out and "python train.py" in out
    text = (workdir / "train.py").read_text()
    command = "nnviz train --preset xor --optimizer adam --batch 3 --shuffle --iterations 50"
    assert f"    {command}\n" in text
    rc, out, _ = nnviz_cli(*shlex.split(command)[1:])
    assert rc == 0 and f"adam, learning rate {presets.XOR_RATE:g}, mini-batches of 3" in out
    assert not re.search(r"^\s*(import|from) nnviz", text, re.M)


def bad(nnviz_error, *argv: str) -> str:
    err = nnviz_error(*argv)
    assert err.startswith("nnviz export: ")
    return err


def test_torch_refuses_the_proportional_mode(workdir, nnviz_cli, nnviz_error):
    err = bad(nnviz_error, "export", "--preset", "xor", "--backprop", "proportional", "--format", "torch",
              "--out", "t.py")
    assert "not a gradient" in err and "NumPy" in err
    assert list(workdir.iterdir()) == []
    assert nnviz_cli("export", "--preset", "xor", "--backprop", "proportional", "--out", "t.py")[0] == 0


@pytest.mark.parametrize("argv, words", [
    (["--out", "train.txt"], "expected a .py file name"),
    (["--format", "npz", "--out", "w.py"], "expected a .npz file name"),
    (["--out", "train.py", "--iterations", "0"], "at least 1 iteration"),
    (["--out", "no/such/folder/train.py"], "does not exist"),
    (["--out", "train.py", "--layers", "2,3,1"], "--layers needs --data"),
])
def test_bad_requests_write_nothing(workdir, argv, words, nnviz_error):
    err = bad(nnviz_error, "export", *argv)
    assert words in err
    assert list(workdir.iterdir()) == []


def test_a_half_done_update_cannot_change_the_learning_rate(workdir, nnviz_cli, nnviz_error):
    t = presets.load("xor")
    t.run(3)
    for _ in range(6):  # into the update phase: layer 2 updated with the preset's rate
        t.step("micro")
    snapshot.save(t, workdir / "mid.json")
    err = bad(nnviz_error, "export", "--snapshot", "mid.json", "--lr", "0.1", "--out", "t.py")
    assert "iteration 4 is half done" in err and f"learning rate {presets.XOR_RATE!r}, now 0.1" in err
    assert not (workdir / "t.py").exists()
    # with the rate the iteration began with, it exports; before its updates, any rate will do
    assert nnviz_cli("export", "--snapshot", "mid.json", "--out", "t.py")[0] == 0
    t.back(2)
    snapshot.save(t, workdir / "mid.json")
    assert nnviz_cli("export", "--snapshot", "mid.json", "--lr", "0.1", "--out", "t.py")[0] == 0


def test_a_diverged_run_is_refused(workdir, nnviz_error):
    t = presets.load("sine")
    t.learning_rate = 50.0
    t.run(200)
    assert t.status == "diverged"
    snapshot.save(t, workdir / "gone.json")
    assert "diverged" in bad(nnviz_error, "export", "--snapshot", "gone.json", "--out", "t.py")


def test_npz_weights_open_the_same_network(workdir, nnviz_cli):
    rc, out, _ = nnviz_cli("export", "--preset", "mazur", "--format", "npz", "--out", "w.npz")
    assert rc == 0 and "w.npz" in out
    with np.load(workdir / "w.npz") as npz:
        assert sorted(npz.files) == ["W1", "W2", "activations", "b1", "b2"]
        np.testing.assert_array_equal(npz["W1"], [[0.15, 0.20], [0.25, 0.30]])
        assert npz["activations"].tolist() == ["sigmoid", "sigmoid"]
    # the same network, names and frozen biases: the same run, line for line
    assert nnviz_cli("train", "--iterations", "5", "--weights", "w.npz")[1] == \
        nnviz_cli("train", "--iterations", "5")[1]
    assert isinstance(weights.read(workdir / "w.npz"), weights.ImportedWeights)
