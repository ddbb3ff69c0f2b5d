"""The loss-surface panel's numbers: grids, the learning-rate look-ahead and the sweep.

Grids, 101 x 101, side by side in one run:

- ``mazur`` (the preset, 1 sample) over W2[0,0] x W2[0,1] (w5 x w6);
- ``2-16-16-1`` (sigmoid, half_sse, the 200-sample blobs of bench_trainer,
  ``trainer.create(seed=0)``) over W1[0,0] x W1[0,1]: both axes in the first layer, the
  worst case, since everything after the input is recomputed for every grid point.

Rows per network:

- ``loss_grid``: ``nnviz.core.analysis.surface.loss_grid``;
- ``bare vectorised NumPy``: written here, the straightforward vectorised way: the layers
  before the axes' layer once, that layer's net input once and corrected per grid point
  for the two changed weights, then every later layer as one batched product and sigmoid
  over a block of grid points (blocks of the same size as loss_grid's);
- ``naive loop``: ``trainer.evaluate_loss`` once per grid point with the two weights set
  (a fresh copy of the two weight arrays each time). Timed on an evenly spaced sample of
  the grid points and extrapolated to all 10,201 (the sample size is in the row's name).

First, all three are checked to give the same losses (relative 1e-12) on the sampled
points. The three are timed in interleaved rounds; ``ms`` is a row's best round and the
speed-up is the median over rounds of (row's time / loss_grid's time in the same round).

Then: ``look_ahead`` (30 steps on mazur at learning rate 0.5, first checked to be the
Trainer's own path bit for bit), ``sweep`` (25 rates log-spaced 1e-3..10, 200 iterations
each, on xor, first checked against independent ``Trainer.run`` calls, bit for bit)
next to those 25 independent runs, and ``curvature`` over all free parameters of mazur.
"""

from __future__ import annotations

import statistics
import time
from typing import Any, Callable

import numpy as np

from benchmarks.bench_trainer import blobs
from nnviz.core import presets, trainer as trainer_mod
from nnviz.core.analysis import regimes, surface

TITLE = "Loss surface: 101 x 101 grids, look-ahead, learning-rate sweep"
NOTES: list[str] = []

GRID = 101
TARGET_LOOP = 50.0  # loss_grid at least this many times faster than the loop (mazur)
TARGET_BARE = 1.5  # loss_grid at most this many times the bare version's time
TARGET_LOOK_AHEAD_MS = 5.0
TARGET_SWEEP_MS = 1000.0

# (rounds, loop sample points for mazur, for the deep net, look-ahead calls, sweep repeats)
FULL = (7, 2000, 300, 200, 5)
QUICK = (2, 300, 40, 20, 1)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(z))  # nnviz's stable sigmoid formula
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def bare_grid(t: trainer_mod.Trainer, p1: str, p2: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The straightforward vectorised grid, for two weights of one layer of a sigmoid
    network with half_sse (what this benchmark's networks are)."""
    net = t.network
    q1, q2 = net.parse_param(p1), net.parse_param(p2)
    assert q1.kind == q2.kind == "W" and q1.layer == q2.layer
    W, B = net.weights, net.biases
    x, target = t.dataset.inputs, t.dataset.targets
    n = x.shape[0]
    layer = q1.layer - 1
    h = x
    for l in range(layer):
        h = _sigmoid(h @ W[l].T + B[l])
    z0 = h @ W[layer].T + B[layer]
    wa, wb = np.meshgrid(a, b, indexing="ij")
    wa, wb = wa.ravel() - W[layer][q1.row, q1.col], wb.ravel() - W[layer][q2.row, q2.col]
    out = np.empty(wa.size)
    per = max(1, surface.CHUNK_FLOATS // (n * max(net.sizes[layer + 1:])))
    for s in range(0, wa.size, per):
        z = np.repeat(z0[None], min(per, wa.size - s), axis=0)
        z[:, :, q1.row] += wa[s:s + per, None] * h[:, q1.col]
        z[:, :, q2.row] += wb[s:s + per, None] * h[:, q2.col]
        act = _sigmoid(z)
        for w, bias in zip(W[layer + 1:], B[layer + 1:]):
            act = _sigmoid(act @ w.T + bias)
        d = (act - target).reshape(act.shape[0], -1)
        out[s:s + per] = 0.5 * np.einsum("ij,ij->i", d, d) / n
    return out.reshape(a.size, b.size)


def loop_points(t: trainer_mod.Trainer, p1: str, p2: str, a, b, points: np.ndarray) -> np.ndarray:
    """The naive loop: evaluate_loss once per grid point (flat indices ``points``)."""
    net = t.network
    q1, q2 = net.parse_param(p1), net.parse_param(p2)
    out = np.empty(points.size)
    for k, g in enumerate(points):
        W, B = list(net.weights), list(net.biases)
        for q, v in ((q1, a[g // b.size]), (q2, b[g % b.size])):
            arrays = W if q.kind == "W" else B
            arrays[q.layer - 1] = arr = np.array(arrays[q.layer - 1])
            arr[q.index] = v
        out[k] = t.evaluate_loss(W, B)
    return out


def _deep() -> trainer_mod.Trainer:
    return trainer_mod.create([2, 16, 16, 1], "sigmoid", blobs(), seed=0, learning_rate=0.5)


GRIDS = [
    ("mazur 2-2-2", lambda: presets.load("mazur"), "W2[0,0]", "W2[0,1]", 1),
    ("2-16-16-1, 200 samples", _deep, "W1[0,0]", "W1[0,1]", 2),
]


def _grid_rows(rounds: int, samples: dict[int, int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for label, make, p1, p2, key in GRIDS:
        t = make()
        a0, a1, b0, b1 = surface.default_range(t, p1, p2)
        a, b = np.linspace(a0 - 1, a1 + 1, GRID), np.linspace(b0 - 1, b1 + 1, GRID)
        sample = np.unique(np.linspace(0, GRID * GRID - 1, samples[key]).round().astype(int))
        grid, bare = surface.loss_grid(t, p1, p2, a, b), bare_grid(t, p1, p2, a, b)
        loop = loop_points(t, p1, p2, a, b, sample)
        for name, values in (("bare vectorised NumPy", bare.ravel()[sample]), ("naive loop", loop)):
            ref = grid.ravel()[sample]
            if not np.allclose(values, ref, rtol=1e-12, atol=0):
                raise AssertionError(f"{name} on {label}: losses differ from loss_grid's")
        times: dict[str, list[float]] = {"loss_grid": [], "bare": [], "loop": []}
        jobs: dict[str, Callable[[], Any]] = {
            "loss_grid": lambda t=t, p1=p1, p2=p2, a=a, b=b: surface.loss_grid(t, p1, p2, a, b),
            "bare": lambda t=t, p1=p1, p2=p2, a=a, b=b: bare_grid(t, p1, p2, a, b),
            "loop": lambda t=t, p1=p1, p2=p2, a=a, b=b, sample=sample: loop_points(t, p1, p2, a, b, sample),
        }
        scale = {"loss_grid": 1.0, "bare": 1.0, "loop": GRID * GRID / sample.size}
        names = list(jobs)
        for r in range(rounds):
            for name in names[r % 3:] + names[:r % 3]:
                s = time.perf_counter()
                jobs[name]()
                times[name].append((time.perf_counter() - s) * scale[name])

        def speedup(name: str, times=times) -> float:
            return statistics.median(x / g for x, g in zip(times[name], times["loss_grid"]))

        target_bare = speedup("bare") >= 1.0 / TARGET_BARE
        target_loop = speedup("loop") >= TARGET_LOOP
        rows.append({"benchmark": f"loss_grid {GRID} x {GRID} ({p1} x {p2})", "net": label,
                     "ms": f"{min(times['loss_grid']) * 1e3:,.1f}", "loss_grid faster by": "-",
                     "target": "-", "met": "-"})
        rows.append({"benchmark": "bare vectorised NumPy", "net": label,
                     "ms": f"{min(times['bare']) * 1e3:,.1f}", "loss_grid faster by": _times(speedup("bare")),
                     "target": f"loss_grid within {TARGET_BARE:g}x", "met": "yes" if target_bare else "no"})
        rows.append({"benchmark": f"naive loop (timed on {sample.size} points)", "net": label,
                     "ms": f"{min(times['loop']) * 1e3:,.0f}", "loss_grid faster by": _times(speedup("loop")),
                     "target": f">= {TARGET_LOOP:g}x" if key == 1 else "-",
                     "met": ("yes" if target_loop else "no") if key == 1 else "-"})
    return rows


def _times(x: float) -> str:
    return f"{x:,.0f}x" if x >= 10 else f"{x:.2f}x"


def _best_ms(fn: Callable[[], Any], repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        s = time.perf_counter()
        fn()
        times.append(time.perf_counter() - s)
    return min(times) * 1e3, statistics.median(times) * 1e3


def run(quick: bool) -> list[dict[str, Any]]:
    rounds, loop_mazur, loop_deep, calls, sweeps = QUICK if quick else FULL
    NOTES.clear()
    rows = _grid_rows(rounds, {1: loop_mazur, 2: loop_deep})

    # look-ahead: first the Trainer's own path, bit for bit
    t = presets.load("mazur")
    la = surface.look_ahead(t, 0.5, 30)
    ref = presets.load("mazur")
    ref.run(30)
    if not (np.array_equal(la.params[-1], ref.network.flat()) and la.final_loss == ref.evaluate_loss()):
        raise AssertionError("look_ahead on mazur differs from Trainer.run")
    surface.look_ahead(t, 0.5, 30)
    best, median = _best_ms(lambda: surface.look_ahead(t, 0.5, 30), calls)
    rows.append({"benchmark": f"look_ahead, 30 steps (median; best {best:.2f} ms)", "net": "mazur 2-2-2",
                 "ms": f"{median:.2f}",
                 "loss_grid faster by": "-", "target": f"< {TARGET_LOOK_AHEAD_MS:g} ms",
                 "met": "yes" if median < TARGET_LOOK_AHEAD_MS else "no"})
    _, curv_median = _best_ms(lambda: regimes.regime_marks(t), max(5, calls // 4))
    rows.append({"benchmark": "regime_marks, all free parameters (median)", "net": "mazur 2-2-2",
                 "ms": f"{curv_median:.2f}", "loss_grid faster by": "-", "target": "-", "met": "-"})

    # sweep: first independent Trainer runs, bit for bit
    x = presets.load("xor")
    rates = surface.sweep_rates(1e-3, 10.0, 25)

    def independent():
        out = []
        for r in rates:
            c = presets.load("xor")
            c.configure(learning_rate=float(r))
            c.run(200)
            out.append(c.evaluate_loss())
        return out

    res = surface.sweep(x, rates, 200)
    if list(res.final_losses) != independent():
        raise AssertionError("sweep on xor differs from independent Trainer runs")
    sweep_best, sweep_median = _best_ms(lambda: surface.sweep(x, rates, 200), sweeps)
    loop_best, _ = _best_ms(independent, max(1, sweeps // 2))
    rows.append({"benchmark": f"sweep, 25 rates x 200 iterations (median; best {sweep_best:,.0f} ms)",
                 "net": "xor 2-4-1",
                 "ms": f"{sweep_median:,.0f}", "loss_grid faster by": "-", "target": f"< {TARGET_SWEEP_MS:g} ms",
                 "met": "yes" if sweep_median < TARGET_SWEEP_MS else "no"})
    rows.append({"benchmark": "25 independent Trainer.run(200)", "net": "xor 2-4-1",
                 "ms": f"{loop_best:,.0f}", "loss_grid faster by": "-", "target": "-", "met": "-"})

    NOTES.append(
        "Checked first: bare NumPy and the loop give loss_grid's losses (rel. 1e-12) on the sampled points; "
        "look_ahead is Trainer.run's path and sweep's final losses are independent Trainer runs', bit for bit.")
    NOTES.append(
        f"Grids: {rounds} interleaved rounds; ms is the best round, the loop's extrapolated from its sample "
        "to all 10,201 points; 'faster by' is the median over rounds of row time / loss_grid time. "
        f"look_ahead: median of {calls} calls; sweep: median of {sweeps}.")
    return rows
