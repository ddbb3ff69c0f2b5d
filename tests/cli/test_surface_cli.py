"""``nnviz surface`` and ``nnviz sweep``, called in-process through ``nnviz.cli.main``:
the files they write (npz keys and shapes, CSV columns, the figure as PNG and SVG), the numbers in them
against the core and against ``nnviz train``, and bad input (exit status 2, one line on
stderr, nothing written)."""

from __future__ import annotations

import csv
import re

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.analysis import surface
from nnviz.io import snapshot


def files(folder):
    return sorted(p.name for p in folder.iterdir())


# ================================================================== surface
def test_surface_npz_from_a_preset(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("surface", "--params", "w5", "W2[0,1]", "--grid", "21", "--out", "s.npz")
    assert rc == 0, err
    assert "written to s.npz" in out
    with np.load(workdir / "s.npz") as z:
        assert set(z.files) == {"a", "b", "loss", "params"}  # a preset has no trajectory yet
        a, b, loss = z["a"], z["b"], z["loss"]
        assert list(z["params"]) == ["W2[0,0]", "W2[0,1]"]
    t = presets.load("mazur")
    assert a.shape == b.shape == (21,) and loss.shape == (21, 21)
    assert (a[0], a[-1], b[0], b[-1]) == pytest.approx(surface.default_range(t, "w5", "w6"))
    np.testing.assert_array_equal(loss, surface.loss_grid(t, "w5", "w6", a, b))


def test_surface_npz_from_a_snapshot_with_a_trajectory(workdir, nnviz_cli):
    assert nnviz_cli("train", "--preset", "xor", "--iterations", "40", "--out", "x.json")[0] == 0
    rc, out, err = nnviz_cli("surface", "--snapshot", "x.json", "--params", "W1[0,1]", "b2[0]",
                       "--range", "-2", "2", "-3", "1.5", "--grid", "11", "--out", "x.npz")
    assert rc == 0, err
    with np.load(workdir / "x.npz") as z:
        assert z["trajectory"].shape == (41, 2)
        a, b, loss, traj = z["a"], z["b"], z["loss"], z["trajectory"]
    np.testing.assert_array_equal(a, np.linspace(-2, 2, 11))
    np.testing.assert_array_equal(b, np.linspace(-3, 1.5, 11))
    from nnviz.io import snapshot

    t = snapshot.load(workdir / "x.json")
    np.testing.assert_array_equal(traj, surface.trajectory_columns(t, "W1[0,1]", "b2[0]"))
    assert traj[-1] == pytest.approx([t.network.get("W1[0,1]"), t.network.get("b2[0]")])
    t.evaluate_loss()
    w = [np.array(x) for x in t.network.weights]
    bias = [np.array(x) for x in t.network.biases]
    w[0][0, 1], bias[1][0] = a[3], b[7]
    assert loss[3, 7] == pytest.approx(t.evaluate_loss(w, bias), rel=1e-12)


def test_surface_csv(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("surface", "--preset", "sine", "--seed", "4", "--params", "W1[2,0]", "b2[0]",
                     "--grid", "4", "--range", "-1", "1", "0", "3", "--out", "s.csv")
    assert rc == 0, err
    with open(workdir / "s.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["a", "b", "loss"]
    assert len(rows) == 1 + 16
    values = np.array(rows[1:], dtype=float)
    t = presets.load("sine", seed=4)
    grid = surface.loss_grid(t, "W1[2,0]", "b2[0]", np.linspace(-1, 1, 4), np.linspace(0, 3, 4))
    np.testing.assert_array_equal(values[:, 2].reshape(4, 4), grid)  # repr: exact round trip
    assert values[1, 0] == -1.0 and values[1, 1] == 1.0  # row-major: a outer, b inner


def read_image(path) -> np.ndarray:
    """The picture's pixels, rows x columns x RGB."""
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :3 * image.width()].reshape(image.height(), image.width(), 3).copy()


def near(img, colour, tolerance=40) -> np.ndarray:
    """Where the picture has ``colour`` (a #rrggbb name), within ``tolerance`` per channel."""
    rgb = np.array([int(colour[k:k + 2], 16) for k in (1, 3, 5)])
    return (np.abs(img.astype(int) - rgb) <= tolerance).all(axis=2)


def test_surface_figure_png_with_the_look_ahead(workdir, nnviz_cli):
    """The window's figure: the size asked, the path in white, the look-ahead at --lr in
    its pink, the current point in the highlight colour, viridis around them."""
    from nnviz.gui.panels.surface.heatmap import GHOST

    assert nnviz_cli("train", "--preset", "adaline", "--iterations", "12", "--lr", "0.4", "--out", "a.json")[0] == 0
    rc, out, err = nnviz_cli("surface", "--snapshot", "a.json", "--lr", "0.4", "--size", "800x600",
                       "--out", "a.png")
    assert rc == 0, err
    img = read_image(workdir / "a.png")
    assert img.shape == (600, 800, 3)
    assert near(img, "#ffffff", 10).sum() > 500  # the path (and the page around the plot)
    assert near(img, GHOST, 30).sum() > 100  # the look-ahead
    assert near(img, "#c2185b", 30).sum() > 30  # the current point
    assert near(img, "#440154", 30).sum() > 1000  # viridis' low end: the bowl's floor
    rc, _, err = nnviz_cli("surface", "--snapshot", "a.json", "--size", "800x600", "--out", "b.png")
    assert rc == 0, err
    assert near(read_image(workdir / "b.png"), GHOST, 30).sum() < 5  # no --lr: no look-ahead


def test_surface_figure_svg_keeps_its_text_as_text(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("surface", "--preset", "adaline", "--lr", "0.6", "--out", "a.svg")
    assert rc == 0, err
    text = (workdir / "a.svg").read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert "<title>adaline: the loss over w1 and w2 at iteration 0</title>" in text
    for words in (">w1 (W1[0,0])", ">w2 (W1[0,1])", ">loss", "next 30 steps at rate 0.6: diverged", ">start<"):
        assert words in text, words


def test_surface_params_default_to_the_windows_axes(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("surface", "--preset", "adaline", "--grid", "5", "--out", "s.npz")
    assert rc == 0, err
    with np.load(workdir / "s.npz") as z:
        assert list(z["params"]) == list(surface.default_axes(presets.load("adaline"))) == ["W1[0,0]", "W1[0,1]"]


@pytest.mark.parametrize("zoom", [1e-3, 1e-9])
def test_a_zoom_far_inside_the_path_draws_it_unbroken(workdir, nnviz_cli, zoom):
    """A window a tiny fraction of the path wide, around one of its points: the path
    crosses it as one line."""
    assert nnviz_cli("train", "--iterations", "100", "--lr", "3", "--out", "m.json")[0] == 0
    path = surface.trajectory_columns(snapshot.load("m.json"), "w5", "w6")
    x, y = ((path[40] + path[41]) / 2).tolist()  # mid-way along one step
    span = (np.ptp(path, axis=0) * zoom).tolist()
    rc, _, err = nnviz_cli("surface", "--snapshot", "m.json", "--params", "w5", "w6", "--grid", "41",
                     "--range", repr(x - span[0]), repr(x + span[0]), repr(y - span[1]), repr(y + span[1]),
                     "--out", "z.png")
    assert rc == 0, err
    img = read_image(workdir / "z.png")

    white = near(img, "#ffffff", 20)
    plot = near(img, "#440154", 30)  # the plot area: the loss is flat this close, all at the low end
    rows, cols = np.flatnonzero(plot.any(axis=1)), np.flatnonzero(plot.any(axis=0))
    inside = white[rows[0] + 2:rows[-1] - 1, cols[0] + 2:cols[-1] - 1]
    crossed = np.flatnonzero(inside.any(axis=0))
    assert crossed.size > 0.9 * inside.shape[1]  # the line runs from one side of the plot to the other


def test_surface_figure_with_non_finite_values(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("surface", "--preset", "sine", "--params", "W2[0,0]", "b2[0]",
                     "--range", "-" + "9" * 300, "9" * 300, "-" + "9" * 300, "9" * 300, "--grid", "3",
                     "--out", "s.png")
    assert rc == 0, err
    assert read_image(workdir / "s.png").shape == (760, 1000, 3)


@pytest.mark.parametrize("argv,message", [
    (["--params", "w5", "x9"], r"--params: bad parameter name 'x9'"),
    (["--params", "w5", "W3[0,0]"], r"--params: bad parameter name 'W3\[0,0\]': layer must be 1..2"),
    (["--params", "w5", "W2[0,0]"], r"--params: the two axes must be different parameters"),
    (["--params", "w5", "b1[0]"], r"--params: b1 \(b1\[0\]\) is frozen"),
    (["--params", "w5"], r"argument --params: expected 2 arguments"),
    (["--params", "w5", "w6", "--range", "0", "1", "x", "2"], r"argument --range: expected a number, got 'x'"),
    (["--params", "w5", "w6", "--range", "1", "0", "0", "1"], r"--range: expected A0 < A1 and B0 < B1"),
    (["--params", "w5", "w6", "--range", "0", "1", "1", "1"], r"--range: expected A0 < A1 and B0 < B1"),
    (["--params", "w5", "w6", "--range", "0", "nan", "0", "1"], r"--range: expected a finite number"),
    (["--params", "w5", "w6", "--range", "0", "1", "0"], r"argument --range: expected 4 arguments"),
    (["--params", "w5", "w6", "--grid", "1"], r"--grid: expected a whole number >= 2"),
    (["--params", "w5", "w6", "--grid", "ten"], r"--grid: expected a whole number"),
    (["--params", "w5", "w6", "--grid", "5000"], r"--grid: expected 2..2001"),
])
def test_surface_bad_input(workdir, nnviz_cli, argv, message):
    rc, out, err = nnviz_cli("surface", *argv, "--out", "s.npz")
    assert rc == 2
    assert err.count("\n") == 1 and re.search(message, err), err
    assert files(workdir) == []


@pytest.mark.parametrize("out,message", [
    ("s.txt", r"expected a \.npz, \.csv, \.png or \.svg file name"),
    ("missing/s.npz", r"the folder missing does not exist"),
])
def test_surface_bad_out(workdir, nnviz_cli, out, message):
    rc, _, err = nnviz_cli("surface", "--params", "w5", "w6", "--out", out)
    assert rc == 2 and err.count("\n") == 1 and re.search(message, err), err
    assert files(workdir) == []


def test_lr_is_for_a_figure(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("surface", "--params", "w5", "w6", "--lr", "0.5", "--out", "s.npz")
    assert rc == 2 and err.count("\n") == 1 and "--lr draws the look-ahead on a figure" in err
    assert files(workdir) == []


def test_surface_failure_keeps_an_existing_file(workdir, nnviz_cli):
    (workdir / "s.npz").write_bytes(b"old")
    rc, _, err = nnviz_cli("surface", "--params", "w5", "w5", "--out", "s.npz")
    assert rc == 2
    assert (workdir / "s.npz").read_bytes() == b"old"
    assert files(workdir) == ["s.npz"]


# ==================================================================== sweep
def final_loss_of_train(nnviz_cli, preset: str, lr: float, iterations: int) -> float:
    rc, out, err = nnviz_cli("train", "--preset", preset, "--lr", repr(float(lr)), "--iterations", str(iterations),
                       "--digits", "17")
    assert rc == 0, err
    return float(re.search(r"^final loss \(current parameters, [^)]*\): (\S+)$", out, re.M).group(1))


def test_sweep_csv_matches_nnviz_train(nnviz_cli, workdir):
    rc, out, err = nnviz_cli("sweep", "--preset", "xor", "--lr-range", "0.01", "10", "7",
                       "--iterations", "150", "--out", "sweep.csv")
    assert rc == 0, err
    with open(workdir / "sweep.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["learning_rate", "final_loss", "status"]
    rates = np.array([float(r["learning_rate"]) for r in rows])
    losses = np.array([float(r["final_loss"]) for r in rows])
    np.testing.assert_allclose(rates, np.geomspace(0.01, 10, 7), rtol=1e-15)
    assert {r["status"] for r in rows} <= {"converging", "zigzag", "oscillating", "diverged"}
    best = float(rates[np.argmin(losses)])
    assert f"best learning rate: {best!r}" in out
    for i in (0, 3, 6):
        assert losses[i] == pytest.approx(final_loss_of_train(nnviz_cli, "xor", rates[i], 150), rel=1e-15)


def test_sweep_same_seed_same_start(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("sweep", "--preset", "sine", "--seed", "3", "--lr-range", "0.02", "0.02", "1",
                     "--iterations", "30", "--out", "s.csv")
    assert rc == 0, err
    loss = float((workdir / "s.csv").read_text().splitlines()[1].split(",")[1])
    rc, out, _ = nnviz_cli("train", "--preset", "sine", "--seed", "3", "--lr", "0.02", "--iterations", "30",
                     "--digits", "17")
    assert loss == pytest.approx(float(re.search(r"^final loss[^:]*: (\S+)$", out, re.M).group(1)), rel=1e-15)


def test_sweep_from_a_snapshot_with_diverging_rates(workdir, nnviz_cli):
    assert nnviz_cli("train", "--preset", "sine", "--iterations", "20", "--out", "s.json")[0] == 0
    rc, out, err = nnviz_cli("sweep", "--snapshot", "s.json", "--lr-range", "0.001", "100", "6",
                       "--iterations", "50", "--out", "sweep.csv")
    assert rc == 0, err
    with open(workdir / "sweep.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[-1]["status"] == "diverged"
    from nnviz.io import snapshot

    t = snapshot.load(workdir / "s.json")
    res = surface.sweep(t, [float(r["learning_rate"]) for r in rows], 50)
    assert [float(r["final_loss"]) for r in rows] == pytest.approx(list(res.final_losses), rel=0, nan_ok=True)
    # a diverged rate's final loss is the one nnviz train reports for it (the state the Trainer keeps)
    rc, out, _ = nnviz_cli("train", "--snapshot", "s.json", "--lr", rows[-1]["learning_rate"],
                     "--iterations", "50", "--digits", "17")
    assert rc == 0 and "diverged" in out
    reported = float(re.search(r"^final loss[^:]*: (\S+)$", out, re.M).group(1))
    assert float(rows[-1]["final_loss"]) == pytest.approx(reported, rel=1e-15)


@pytest.mark.parametrize("argv,message", [
    (["--lr-range", "0.1", "x", "5"], r"--lr-range: expected a positive number, got 'x'"),
    (["--lr-range", "-1", "1", "5"], r"--lr-range: expected a positive number, got '-1'"),
    (["--lr-range", "1", "0.1", "5"], r"--lr-range: the lowest rate must be below the highest"),
    (["--lr-range", "0.1", "1", "0"], r"--lr-range: expected a whole number >= 1, got '0'"),
    (["--lr-range", "0.1", "1", "2.5"], r"--lr-range: expected a whole number, got '2.5'"),
    (["--lr-range", "0.1", "1", "1"], r"--lr-range: one rate needs the lowest and highest rate to be equal"),
    (["--lr-range", "0.1", "1"], r"argument --lr-range: expected 3 arguments"),
    (["--iterations", "0"], r"--iterations: expected a whole number >= 1"),
    (["--preset", "nope"], r"argument --preset: invalid choice"),
])
def test_sweep_bad_input(workdir, nnviz_cli, argv, message):
    rc, _, err = nnviz_cli("sweep", *argv, "--out", "s.csv")
    assert rc == 2 and err.count("\n") == 1 and re.search(message, err), err
    assert files(workdir) == []


def test_sweep_bad_out(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("sweep", "--out", "s.npz")
    assert rc == 2 and "expected a .csv file name" in err and err.count("\n") == 1
    rc, _, err = nnviz_cli("sweep", "--snapshot", "nothing.json", "--out", "s.csv")
    assert rc == 2 and "no such file" in err and err.count("\n") == 1
    assert files(workdir) == []
