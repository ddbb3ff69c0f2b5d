"""The exported scripts, run by the project's Python in a fresh process, against ``nnviz
train`` from the same snapshot with the same flags: the same summary lines word for word,
every loss and every final parameter to 1e-12 relative (NumPy) or 1e-10 (PyTorch).

The cases cover every optimizer, the batch modes with shuffling, the schedules, frozen
parameters (whole arrays and single entries), the losses and activations, the
proportional mode, a run that stops at --until-loss, data in a CSV file beside the
script, snapshots taken between iterations (optimizer state, mid-epoch order) and in the
middle of one (in the backward pass at the start of an epoch, in the update phase).
The NumPy scripts run one process each; the PyTorch scripts share one process (importing
torch takes seconds) and are skipped where torch is not installed.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from nnviz import cli
from nnviz.core import presets
from nnviz.core import trainer as trainer_mod
from nnviz.core.analysis.explain import Formatter
from nnviz.core.data import datasets
from nnviz.io import snapshot

# Runs each script given with runpy in this fresh interpreter and reports, per script, what
# it printed, its losses and its final parameters, and whether anything imported nnviz.
RUNNER = r"""
import contextlib, io, json, runpy, sys
results = []
for path in sys.argv[1:]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        g = runpy.run_path(path, run_name="__main__")
    results.append({"stdout": out.getvalue(), "losses": [float(x) for x in g["losses"]],
                    "W": [g["W"][l].tolist() for l in sorted(g["W"])],
                    "b": [g["b"][l].tolist() for l in sorted(g["b"])],
                    "nnviz": sorted(m for m in sys.modules if m.split(".")[0] == "nnviz")})
print(json.dumps(results))
"""


def xor(**settings):
    return trainer_mod.create([2, 4, 1], "sigmoid", datasets.xor(), seed=1, **{"learning_rate": 0.5, **settings})


def mazur():
    return presets.load("mazur")  # full batch, the biases frozen


def momentum_between_iterations():
    t = xor(optimizer="momentum", batch="online", shuffle=True)
    t.run(6)  # velocities built up, two samples into the second epoch
    return t


def adagrad_partly_frozen():
    t = xor(optimizer="adagrad", batch=3, shuffle=True, schedule={"kind": "step", "step_size": 7, "gamma": 0.5})
    t.run(5)
    t.freeze(["W1[0,1]", "b2[0]", "b1[3]"])  # frozen after updates: their Adagrad sums are not zero
    return t


def adam_in_the_update_phase():
    t = xor(optimizer="adam", batch=3, shuffle=True, schedule={"kind": "exponential", "gamma": 0.97})
    t.run(4)
    for _ in range(6):  # forward 1, 2, loss, backward 2, 1, update 2: update 1 still to come
        t.step("micro")
    assert t.next_step.phase == "update"
    return t


def backward_at_an_epoch_start():
    t = xor(batch=2, shuffle=True)
    t.run(2)  # an epoch ends: the next batch draws a new order
    for _ in range(4):
        t.step("micro")
    assert t.next_step.phase == "backward"
    return t


def proportional():
    return xor(backprop="proportional", batch="online", shuffle=True, learning_rate=1.0)


def softmax_from_a_csv_file():
    data = datasets.blobs(120, seed=2)  # more than fits inline: the data goes to a CSV file
    return trainer_mod.create([2, 5, 3], ["tanh", "softmax"], data, seed=3, learning_rate=0.3,
                              loss="cross_entropy", batch=16, shuffle=True,
                              schedule={"kind": "inverse", "decay": 0.1})


def deep_regression():
    return trainer_mod.create([1, 6, 3, 1], ["tanh", "relu", "linear"], datasets.sine(), seed=3,
                              learning_rate=0.05, loss="mse")


# name: (start state, iterations, flags of both commands)
CASES = {
    "mazur-until-loss": (mazur, 40, ["--until-loss", "0.288"]),
    "momentum-online-shuffle-cross-entropy": (momentum_between_iterations, 30, ["--loss", "cross_entropy"]),
    "adagrad-step-schedule-partly-frozen": (adagrad_partly_frozen, 30, []),
    "adam-half-done-update": (adam_in_the_update_phase, 30, []),
    "half-done-backward-new-epoch": (backward_at_an_epoch_start, 20, ["--lr", "0.8"]),
    "proportional": (proportional, 25, []),
    "softmax-csv": (softmax_from_a_csv_file, 15, []),
    "deep-regression": (deep_regression, 30, ["--loss", "half_sse", "--freeze-biases"]),
}
TORCH_CASES = [name for name in CASES if name != "proportional"]
PRINT_EVERY = 7


@dataclass
class Run:
    script_lines: list[str]
    result: dict
    train_lines: list[str]
    trained: trainer_mod.Trainer
    start: int
    folder: Path


def quiet(*argv: str) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(list(argv)) == 0
    return out.getvalue().splitlines()


def prepare(folder: Path, name: str, fmt: str):
    """Export the case and run nnviz train on it; the script is still to run."""
    build, n, flags = CASES[name]
    trainer = build()
    folder.mkdir(parents=True, exist_ok=True)
    snap = folder / "start.json"
    snapshot.save(trainer, snap)
    script = folder / f"train_{fmt}.py"
    quiet("export", "--snapshot", str(snap), "--format", fmt, "--out", str(script), "--iterations", str(n),
          "--print-every", str(PRINT_EVERY), *flags)
    after = folder / "after.json"
    lines = quiet("train", "--snapshot", str(snap), "--iterations", str(n), "--out", str(after), *flags)
    assert lines[-1].startswith("snapshot written to")
    return script, lines[:-1], snapshot.load(after), trainer.iteration


def run_scripts(paths: list[Path]) -> list[dict]:
    proc = subprocess.run([sys.executable, "-c", RUNNER, *map(str, paths)], capture_output=True, text=True,
                          cwd=paths[0].parent, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr == ""  # no warnings either
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def numpy_runs(tmp_path_factory):
    runs = {}
    for name in CASES:
        folder = tmp_path_factory.mktemp(name)
        script, lines, trained, start = prepare(folder, name, "numpy")
        [result] = run_scripts([script])  # one process per script
        runs[name] = Run(result["stdout"].splitlines(), result, lines, trained, start, folder)
    return runs


@pytest.fixture(scope="module")
def torch_runs(tmp_path_factory):
    pytest.importorskip("torch", reason="PyTorch is not installed (pip install -e '.[torch]')")
    prepared = {}
    for name in TORCH_CASES:
        folder = tmp_path_factory.mktemp(name)
        prepared[name] = (*prepare(folder, name, "torch"), folder)
    results = run_scripts([script for script, *_ in prepared.values()])
    return {name: Run(result["stdout"].splitlines(), result, lines, trained, start, folder)
            for (name, (_, lines, trained, start, folder)), result in zip(prepared.items(), results)}


NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def check(run: Run, rtol: float, atol: float, exact_text: bool) -> None:
    assert run.result["nnviz"] == []  # the script never imported nnviz
    trained = run.trained
    losses = trained.loss_history[run.start:]
    assert len(run.result["losses"]) == len(losses) >= 1
    np.testing.assert_allclose(run.result["losses"], losses, rtol=rtol, atol=atol)
    for got, want in zip(run.result["W"] + run.result["b"], trained.network.weights + trained.network.biases):
        np.testing.assert_allclose(np.array(got), want, rtol=rtol, atol=atol)

    f = Formatter(9)
    progress = [line for line in run.script_lines if line.startswith("iteration ")]
    summary = [line for line in run.script_lines if not line.startswith("iteration ")]
    expected = [f"iteration {k}: loss {f.num(trained.loss_history[k - 1])}"
                for k in range(run.start + 1, trained.iteration + 1) if k % PRINT_EVERY == 0]
    assert len(summary) == len(run.train_lines) and len(progress) == len(expected)
    for got, want in zip(summary + progress, run.train_lines + expected):
        if exact_text:
            assert got == want
        else:  # the same words; the numbers as printed, rounded to 9 digits
            assert NUMBER.sub("#", got) == NUMBER.sub("#", want)
            for a, b in zip(NUMBER.findall(got), NUMBER.findall(want)):
                assert float(a) == pytest.approx(float(b), rel=1e-8, abs=2e-9)


@pytest.mark.parametrize("name", list(CASES))
def test_numpy_script_prints_what_nnviz_train_prints(numpy_runs, name):
    check(numpy_runs[name], rtol=1e-12, atol=0.0, exact_text=True)


@pytest.mark.parametrize("name", TORCH_CASES)
def test_torch_script_reproduces_nnviz_train(torch_runs, name):
    check(torch_runs[name], rtol=1e-10, atol=1e-13, exact_text=False)


def test_the_cases_reach_what_they_are_named_for(numpy_runs):
    until = numpy_runs["mazur-until-loss"]
    assert "stopped because: the loss fell below 0.288" in until.script_lines
    assert until.trained.iteration - until.start < 40
    assert (numpy_runs["softmax-csv"].folder / "train_numpy_data.csv").exists()
    assert not (numpy_runs["proportional"].folder / "train_numpy_data.csv").exists()
    text = (numpy_runs["adam-half-done-update"].folder / "train_numpy.py").read_text()
    assert "Iteration 5 was half done (after Update · layer 2 of 2)" in text


def test_a_data_file_run_with_a_check_set(tmp_path):
    """--data with --normalize and --check-ratio, from a semicolon file with decimal
    commas: the script also prints the check loss and the normalisation (fitted on the
    training rows, named by the header), as nnviz train does."""
    rng = np.random.default_rng(5)
    x = rng.uniform(-3, 3, (40, 2))
    table = np.column_stack([x, np.sin(x[:, 0]) * x[:, 1]])
    (tmp_path / "d.csv").write_text("a;b;y\n" + "\n".join(";".join(repr(v).replace(".", ",") for v in row)
                                                           for row in table.tolist()))
    flags = ["--data", str(tmp_path / "d.csv"), "--decimal", ",", "--check-ratio", "0.25", "--normalize",
             "--layers", "2,5,1", "--optimizer", "momentum", "--lr", "0.05", "--batch", "8", "--shuffle",
             "--iterations", "60"]
    quiet("export", *flags, "--out", str(tmp_path / "train.py"), "--print-every", "0")
    [result] = run_scripts([tmp_path / "train.py"])
    expected = quiet("train", *flags)
    assert result["stdout"].splitlines() == expected
    assert expected[-5].startswith("check loss (current parameters, 10 held-out samples): ")
    assert expected[-4] == "normalisation (min-max of the training samples, file -> network):"
    train, _ = datasets.split(datasets.Dataset(x, table[:, 2:]), 0.25, 0)
    lo, hi = train.inputs[:, 0].min(), train.inputs[:, 0].max()
    assert expected[-3] == f"  a: [{lo:.6g}, {hi:.6g}] -> [-1, 1]"
