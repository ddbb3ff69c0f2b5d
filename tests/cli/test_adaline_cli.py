"""The ``adaline`` preset through the commands: ``nnviz train``, ``trace``, ``surface``
and ``sweep`` (the four words at the right rates and the regime marks)."""

from __future__ import annotations

import csv
import re

import numpy as np
import pytest

from nnviz.core import presets


def test_train_trace_and_surface(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("train", "--preset", "adaline", "--iterations", "100", "--digits", "17")
    assert rc == 0, err
    t = presets.load("adaline")
    t.run(100)
    assert float(re.search(r"^final loss[^:]*: (\S+)$", out, re.M).group(1)) == pytest.approx(t.evaluate_loss(),
                                                                                             rel=1e-15)
    rc, out, err = nnviz_cli("trace", "--preset", "adaline")
    assert rc == 0, err
    assert out.startswith("== iteration 1 · 40 of 40 samples · learning rate 0.15 · sgd · mse")
    assert "net_y = w1*x1 + w2*x2 + b" in out
    rc, out, err = nnviz_cli("surface", "--preset", "adaline", "--params", "w1", "w2", "--grid", "11",
                       "--out", "s.npz")
    assert rc == 0, err
    with np.load(workdir / "s.npz") as z:
        assert list(z["params"]) == ["W1[0,0]", "W1[0,1]"] and np.isfinite(z["loss"]).all()


def test_sweep_on_the_adaline_bowl_reports_the_four_words(workdir, nnviz_cli):
    """lambda_max = 4 on the bowl (2 x the largest eigenvalue of X^T X / N = 2): zig-zag
    from 0.25, the edge at 0.5, divergence above."""
    rc, out, err = nnviz_cli("sweep", "--preset", "adaline", "--lr-range", "0.1", "0.8", "4",
                       "--out", "a.csv")
    assert rc == 0, err
    with open(workdir / "a.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["converging", "converging", "zigzag", "diverged"]  # 0.1 0.2 0.4 0.8
    assert re.search(r"^  lr 0\.4 +final loss \S+ +zigzag$", out, re.M)
    assert "regimes: zig-zag from 0.25, diverges from 0.5 (2/λmax, λmax = 4 over w1, w2, b); exact" in out
    rc, out, err = nnviz_cli("sweep", "--preset", "adaline", "--lr-range", "0.5", "0.5", "1", "--out", "b.csv")
    assert rc == 0, err
    assert (workdir / "b.csv").read_text().splitlines()[1].endswith(",oscillating")
    assert nnviz_cli("train", "--preset", "adaline", "--optimizer", "adam", "--iterations", "1",
               "--out", "adam.json")[0] == 0
    rc, out, err = nnviz_cli("sweep", "--snapshot", "adam.json", "--lr-range", "0.1", "1", "2", "--out", "c.csv")
    assert rc == 0, err
    assert "regimes: no regime marks: Adam divides each step" in out
