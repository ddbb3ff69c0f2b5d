"""Iterations per second of full-batch SGD training: nnviz's Trainer against its floor.

Two networks, both sigmoid everywhere, loss half_sse, learning rate 0.5, full batch:

- ``mazur``: the preset (2-2-2, one sample, biases frozen);
- ``2-16-16-1``: 200 samples of two Gaussian blobs (targets 0/1), ``trainer.create(seed=0)``.

Rows per network:

- ``bare numpy``: a hand-written NumPy loop of exactly the same maths (forward, loss,
  backward, SGD update; the stable sigmoid of nnviz/core/activations.py), with none of the
  Trainer's bookkeeping and with in-place updates: the floor;
- ``Trainer.run``: ``trainer.run(n)`` with nobody listening;
- ``Trainer.step("micro")``: ``trainer.step("micro")`` in a loop with one subscriber on
  ``trainer.micro_step`` that touches every payload;
- ``PyTorch (CPU)``: the same loop in float64 torch tensors, one thread, autograd and
  ``torch.optim.SGD`` (only when ``import torch`` works).

Before timing, each implementation trains a fresh copy of the network for the same number
of iterations and its loss and parameters are checked against the bare loop's, so all rows
compute the same thing.

Timing: ``time.perf_counter``. Every row warms up first (the Trainer rows, except with
--quick, long enough to fill the Step-back history, so that the steady state is measured),
then the rows of one network are timed in interleaved rounds: each round runs one batch of
iterations (~0.05 s) of every row, on the same, still-training objects. ``µs/iteration`` is
a row's best round (the least disturbed by the rest of the machine); the ratio is the median
over rounds of the row's time divided by bare numpy's time in the same round, which stays
put even when a shared machine's speed changes by 2x from one second to the next. The
targets are judged on the ratios.
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from nnviz.core import presets, trainer as trainer_mod
from nnviz.core.data.datasets import Dataset

TITLE = "Trainer: full-batch SGD iterations per second"
NOTES: list[str] = []

LEARNING_RATE = 0.5
CHECK_ITERATIONS = 50  # iterations trained by every implementation for the equality check
RATIO_TRAINER_RUN = 1.5  # Trainer.run: at most this many times the bare loop's time
RATIO_MICRO_STEP = 3.0  # Trainer.step("micro") with a subscriber: at most this many times

# (seconds per timed repeat, repeats, seconds of warm-up)
FULL = (0.05, 25, 0.3)
QUICK = (0.01, 5, 0.03)


# ------------------------------------------------------------------ the networks
@dataclass
class Net:
    name: str
    make_trainer: Callable[[], trainer_mod.Trainer]
    train_biases: bool

    def initial(self) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray, np.ndarray]:
        t = self.make_trainer()
        return (list(t.network.weights), list(t.network.biases),
                t.dataset.inputs, t.dataset.targets)


def blobs(n: int = 200, seed: int = 2024) -> Dataset:
    """Two Gaussian blobs in the plane, half labelled 0 and half 1 (fixed by ``seed``)."""
    rng = np.random.default_rng(seed)
    half = n // 2
    x = np.concatenate([rng.normal((-1.0, -0.5), 0.8, (half, 2)),
                        rng.normal((1.0, 0.5), 0.8, (n - half, 2))])
    t = np.concatenate([np.zeros(half), np.ones(n - half)])[:, None]
    return Dataset(x, t, "blobs")


def _mazur() -> trainer_mod.Trainer:
    return presets.load("mazur")


_BLOBS = blobs()


def _deep() -> trainer_mod.Trainer:
    return trainer_mod.create([2, 16, 16, 1], "sigmoid", _BLOBS, seed=0, learning_rate=LEARNING_RATE)


NETS = [
    Net("mazur 2-2-2", _mazur, train_biases=False),
    Net("2-16-16-1, 200 samples", _deep, train_biases=True),
]


# ----------------------------------------------------------- the implementations
# Each maker returns (train, state): ``train(n)`` runs n more iterations and returns the
# last iteration's forward-pass loss; ``state()`` gives (weights, biases) now.

def _sigmoid(z: np.ndarray) -> np.ndarray:
    # The formula of nnviz.core.activations.Sigmoid.forward.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def make_bare(net: Net):
    weights, biases, x, t = net.initial()
    W = [np.array(w) for w in weights]
    b = [np.array(v) for v in biases]
    L = len(W)
    n = x.shape[0]
    lr = LEARNING_RATE
    scale = lr / n
    train_biases = net.train_biases
    sigmoid = _sigmoid

    def train(iterations: int) -> float:
        loss = math.nan
        for _ in range(iterations):
            acts = [x]
            a = x
            for l in range(L):  # forward
                a = sigmoid(a @ W[l].T + b[l])
                acts.append(a)
            d = a - t  # loss: mean over samples of 1/2 sum (t - o)^2
            loss = 0.5 * float(np.vdot(d, d)) / n
            delta = d * a * (1.0 - a)  # backward: dE/dnet, then the gradients
            grads = []
            for l in range(L - 1, -1, -1):
                a_prev = acts[l]
                grads.append((l, delta.T @ a_prev, delta.sum(axis=0) if train_biases else None))
                if l:
                    delta = (delta @ W[l]) * a_prev * (1.0 - a_prev)
            for l, g_w, g_b in grads:  # SGD update, after all of backward
                W[l] -= scale * g_w
                if train_biases:
                    b[l] -= scale * g_b
        return loss

    return train, lambda: (W, b)


def make_trainer_run(net: Net):
    tr = net.make_trainer()

    def train(iterations: int) -> float:
        result = tr.run(iterations)
        assert result.iterations == iterations, result
        return result.loss

    return train, lambda: (tr.network.weights, tr.network.biases)


def make_trainer_micro(net: Net):
    tr = net.make_trainer()
    seen = [0, 0]

    def on_step(event: trainer_mod.StepEvent) -> None:  # a trivial listener
        seen[0] += 1
        seen[1] += len(event.values)

    tr.micro_step.connect(on_step)
    per = len(tr.steps)
    step = tr.step

    def train(iterations: int) -> float:
        before = seen[0]
        for _ in range(iterations * per):
            step("micro")
        assert seen[0] - before == iterations * per
        return tr.loss_history[-1]

    return train, lambda: (tr.network.weights, tr.network.biases)


def torch_version() -> str | None:
    try:
        import torch
    except (ImportError, OSError):  # not installed, or a broken install
        return None
    return torch.__version__


def make_torch(net: Net):
    import torch

    torch.set_num_threads(1)
    weights, biases, x_np, t_np = net.initial()
    x = torch.tensor(x_np, dtype=torch.float64)
    t = torch.tensor(t_np, dtype=torch.float64)
    W = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in weights]
    b = [torch.tensor(v, dtype=torch.float64, requires_grad=net.train_biases) for v in biases]
    params = W + (b if net.train_biases else [])
    opt = torch.optim.SGD(params, lr=LEARNING_RATE)
    linear, sigmoid = torch.nn.functional.linear, torch.sigmoid

    def train(iterations: int) -> float:
        loss_value = math.nan
        for _ in range(iterations):
            a = x
            for w, v in zip(W, b):
                a = sigmoid(linear(a, w, v))
            loss = 0.5 * ((t - a) ** 2).sum(dim=1).mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_value = loss.item()
        return loss_value

    def state():
        with torch.no_grad():
            return [w.numpy().copy() for w in W], [v.numpy().copy() for v in b]

    return train, state


# ------------------------------------------------------------------ the check
def check_same_result(net: Net, makers: dict[str, Callable]) -> None:
    """Every implementation, trained CHECK_ITERATIONS iterations from the same start,
    reaches the bare loop's loss and parameters (up to rounding)."""
    ref_train, ref_state = make_bare(net)
    ref_loss = ref_train(CHECK_ITERATIONS)
    ref_w, ref_b = ref_state()
    for name, maker in makers.items():
        train, state = maker(net)
        loss = train(CHECK_ITERATIONS)
        w, b = state()
        where = f"{name} on {net.name} after {CHECK_ITERATIONS} iterations"
        if not math.isclose(loss, ref_loss, rel_tol=1e-9, abs_tol=1e-15):
            raise AssertionError(f"{where}: loss {loss!r}, bare numpy {ref_loss!r}")
        for mine, ref in zip(list(w) + list(b), ref_w + ref_b):
            if not np.allclose(mine, ref, rtol=1e-9, atol=1e-12):
                raise AssertionError(f"{where}: parameters differ from bare numpy's")


# ------------------------------------------------------------------ timing
def calibrate(train: Callable[[int], float], seconds: float, warmup: float,
              min_iterations: int = 0) -> int:
    """Warm ``train`` up for ``warmup`` seconds and at least ``min_iterations`` iterations;
    return how many iterations take about ``seconds``."""
    clock = time.perf_counter
    done, n, t0 = 0, 4, clock()
    while True:
        s = clock()
        train(n)
        per = (clock() - s) / n
        done += n
        if clock() - t0 >= warmup and done >= min_iterations:
            return max(1, round(seconds / per))
        n = min(n * 2, max(1, min_iterations - done, int(warmup / 4 / per)))


def measure(trains: dict[str, Callable[[int], float]], batches: dict[str, int],
            repeats: int) -> dict[str, list[float]]:
    """Seconds per iteration of each ``train`` in each of ``repeats`` rounds.

    A round times one batch of every implementation, in a rotating order, so that the
    implementations of one round see the same state of a shared machine (whose speed can
    change by 2x from one second to the next); ratios are taken within a round."""
    clock = time.perf_counter
    names = list(trains)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeats):
        for name in names[r % len(names):] + names[:r % len(names)]:
            n = batches[name]
            s = clock()
            trains[name](n)
            times[name].append((clock() - s) / n)
    return times


def ratio(times: dict[str, list[float]], name: str, base: str) -> float:
    """The median over rounds of name's time / base's time in the same round."""
    return statistics.median(a / b for a, b in zip(times[name], times[base]))


def run(quick: bool) -> list[dict[str, Any]]:
    seconds, repeats, warmup = QUICK if quick else FULL
    version = torch_version()
    makers: dict[str, Callable] = {
        "Trainer.run": make_trainer_run,
        'Trainer.step("micro")': make_trainer_micro,
    }
    if version is not None:
        makers["PyTorch (CPU)"] = make_torch

    NOTES.clear()
    rows: list[dict[str, Any]] = []
    for net in NETS:
        check_same_result(net, makers)
        probe = net.make_trainer()
        # Fill the Trainer's Step-back history during warm-up, so that the steady state
        # (old checkpoints being dropped) is measured; --quick skips this.
        history_iterations = 0 if quick else probe.history_limit // len(probe.steps) + 1

        trains = {"bare numpy": make_bare(net)[0]}
        trains.update((name, maker(net)[0]) for name, maker in makers.items())
        batches = {name: calibrate(train, seconds, warmup,
                                   history_iterations if name.startswith("Trainer") else 0)
                   for name, train in trains.items()}
        times = measure(trains, batches, repeats)

        targets: dict[str, tuple[str, bool | None]] = {"bare numpy": ("floor", None)}
        targets["Trainer.run"] = (f"<= {RATIO_TRAINER_RUN:g}x",
                                  ratio(times, "Trainer.run", "bare numpy") <= RATIO_TRAINER_RUN)
        targets['Trainer.step("micro")'] = (
            f"<= {RATIO_MICRO_STEP:g}x",
            ratio(times, 'Trainer.step("micro")', "bare numpy") <= RATIO_MICRO_STEP)
        if version is not None:
            targets["PyTorch (CPU)"] = ("slower than Trainer.run",
                                        ratio(times, "PyTorch (CPU)", "Trainer.run") > 1.0)
        for name in trains:
            best = min(times[name])
            target, met = targets[name]
            rows.append({
                "benchmark": name,
                "net": net.name,
                "iterations/s": f"{1.0 / best:,.0f}",
                "µs/iteration": f"{best * 1e6:,.1f}",
                "ratio to bare numpy": f"{ratio(times, name, 'bare numpy'):.2f}",
                "target": target,
                "met": "-" if met is None else ("yes" if met else "no"),
            })
        if version is None:
            rows.append({"benchmark": "PyTorch (CPU)", "net": net.name,
                         "iterations/s": "not installed", "µs/iteration": "-",
                         "ratio to bare numpy": "-", "target": "slower than Trainer.run",
                         "met": "-"})
    NOTES.append(
        f"Checked first: after {CHECK_ITERATIONS} iterations from the same start, "
        f"{', '.join(makers)} reach the loss and parameters of bare numpy (rel. 1e-9)."
    )
    NOTES.append(
        f"Timing: {repeats} interleaved rounds of ~{seconds:g} s per row after warm-up; "
        "µs/iteration and iterations/s are the best round, the ratio is the median over "
        "rounds of the row's time / bare numpy's time in the same round."
    )
    if version is None:
        NOTES.append('PyTorch rows: pip install -e ".[bench]" (the CPU build torch==2.13.0).')
    return rows
