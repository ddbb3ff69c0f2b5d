"""Learning-rate look-ahead and sweep: the Trainer's next updates at other learning
rates, computed on copies. NumPy only; the Trainer is never changed.

Both run R copies of the network side by side, one learning rate each, as stacks of
arrays (R x n_out x n_in): the same forward pass, loss, backward pass (``chain`` or
``proportional``), optimizer update (any optimizer, with its state carried on from the
Trainer's), frozen parameters, batches (full, online or mini-batches, shuffled by a copy
of the Trainer's generator) and divergence rule as ``Trainer.run``, with the Trainer's
own arithmetic (``nnviz.core.kernels``, for one copy or for a stack of them; stacked
matrix products give the same bits as the Trainer's one-network products, which the
tests check). So a copy reaches bit for bit what ``trainer.run`` would reach at that rate.
Real Trainer copies (slower, the same numbers) are used where the Trainer's own rules
decide: when it stands in the middle of an iteration, and to replay a sweep's run that
diverged, so that what is kept after a divergence (and the loss history) is exactly
what the Trainer keeps.

The runs' paths are classified by ``nnviz.core.analysis.verdict.classify``: converging,
zigzag, oscillating or diverged (``STATUSES``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np

from nnviz.core import kernels
from nnviz.core.analysis.verdict import STATUSES, classify, steepest_direction  # noqa: F401 (re-exported)
from nnviz.core.network import split_flat
from nnviz.core.trainer import Trainer
from nnviz.core.words import T_

DEFAULT_LOOK_AHEAD_STEPS = 30
DEFAULT_SWEEP_ITERATIONS = 200
DEFAULT_SWEEP_RANGE = (1e-3, 10.0, 25)  # min rate, max rate, count (log-spaced)
CLASSIFY_WINDOW = 64  # the sweep classifies the first and the last min(half, this) iterations of each run
MAX_RATES = 1000
MAX_ITERATIONS = 100_000  # per learning rate
MAX_RATE_ITERATIONS = 10_000_000  # rates x iterations: the loss curves kept (80 MB)


# ==================================================================== results
@dataclass
class LookAhead:
    """The next ``steps`` updates from the current state at ``learning_rate``.

    ``params`` (steps + 1) x n_params: flat vectors, row 0 the current point, row k the
    point after k updates; ``losses`` (steps + 1): the training loss on all samples at
    each point. Rows after the point where the Trainer's divergence rule would stop the
    run are NaN (``stopped_at`` = the updates done before it, else None).
    ``final_loss``: the loss after ``steps`` updates (inf when the run would stop)."""

    learning_rate: float
    params: np.ndarray
    losses: np.ndarray
    status: str
    final_loss: float
    stopped_at: int | None = None

    @property
    def steps(self) -> int:
        return self.params.shape[0] - 1


@dataclass
class SweepResult:
    """A learning-rate sweep from one state: for each rate, ``iterations`` updates.

    ``final_losses[r]``: the training loss on all samples of the parameters after the
    run, the number ``nnviz train --lr r --iterations N`` reports as the final loss (for
    a run that diverged, of the parameters the Trainer keeps: those before the iteration
    that diverged); ``statuses[r]`` one of ``STATUSES`` (see the module notes);
    ``loss_curves[r, k]`` the loss of iteration k + 1 as the Trainer records it
    (``loss_history``: the forward-pass loss of its batch), NaN from the iteration that
    diverged on; ``best_index``/``best_rate`` the rate with the smallest finite final
    loss among the runs that did not diverge (among all if every run diverged; None/NaN
    if no final loss is finite). ``completed`` < ``iterations`` when ``should_stop``
    cancelled the sweep: then the numbers are those after ``completed`` iterations."""

    rates: np.ndarray
    final_losses: np.ndarray
    statuses: list[str]
    loss_curves: np.ndarray
    best_index: int | None
    best_rate: float
    iterations: int
    completed: int
    start_loss: float

    @property
    def cancelled(self) -> bool:
        return self.completed < self.iterations


def check_sweep_size(rates: int, iterations: int) -> None:
    """The sweep's size limits (``nnviz sweep``, the window's sweep), checked before
    anything is allocated: ValueError, one line naming the limit."""
    if rates > MAX_RATES:
        raise ValueError(T_("sweep", "at most %1 learning rates (the limit), got %2", f"{MAX_RATES:,}", f"{rates:,}"))
    if iterations > MAX_ITERATIONS:
        raise ValueError(T_("sweep", "at most %1 iterations per rate (the limit), got %2", f"{MAX_ITERATIONS:,}",
                            f"{iterations:,}"))
    if rates * iterations > MAX_RATE_ITERATIONS:
        raise ValueError(T_("sweep", "%1 rates x %2 iterations is over the limit of %3; use fewer rates or iterations",
                            f"{rates:,}", f"{iterations:,}", f"{MAX_RATE_ITERATIONS:,}"))


def sweep_rates(low: float = DEFAULT_SWEEP_RANGE[0], high: float = DEFAULT_SWEEP_RANGE[1],
                count: int = DEFAULT_SWEEP_RANGE[2]) -> np.ndarray:
    """``count`` learning rates log-spaced from ``low`` to ``high`` (both included)."""
    for name, v in (("the lowest rate", low), ("the highest rate", high)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
            raise ValueError(f"{name} must be a positive number, got {v!r}")
    count = int(count)
    if count < 1:
        raise ValueError(f"the number of rates must be >= 1, got {count}")
    if count == 1:
        if low != high:
            raise ValueError("one rate needs the lowest and highest rate to be equal")
        return np.array([float(low)])
    if not low < high:
        raise ValueError(f"the lowest rate must be below the highest, got {low!r} and {high!r}")
    rates = np.geomspace(low, high, count)
    rates[0], rates[-1] = low, high
    return rates


def _rates(rates: Iterable[float]) -> np.ndarray:
    r = np.asarray(list(rates) if not isinstance(rates, np.ndarray) else rates, dtype=np.float64)
    if r.ndim != 1 or r.size == 0:
        raise ValueError("give at least one learning rate (a 1-D sequence)")
    if not (np.isfinite(r).all() and (r > 0).all()):
        raise ValueError("every learning rate must be a positive number")
    return r


# ============================================================ the stacked runs
class _Copies:
    """What copies of the Trainer's state at an iteration boundary share: settings,
    data, batches, optimizer start and divergence threshold."""

    def __init__(self, trainer: Trainer) -> None:
        net, s = trainer.network, trainer.settings
        st = trainer.resume_state()
        self.net = net
        self.acts = net.activations
        self.L = net.n_layers
        self.loss_fn = trainer.loss_fn
        self.chain = s.backprop == "chain"
        self.opt = s.optimizer
        # the first update starts a fresh optimizer when the Trainer's state is another's
        self.fresh = st.opt_name != self.opt.name
        self.opt_state = None if self.fresh else list(st.opt_state)
        self.t = 0 if self.fresh else st.opt_t
        self.masks = kernels.frozen_masks(net, s.frozen)
        self.x, self.targets = trainer.dataset.inputs, trainer.dataset.targets
        check = trainer.dataset.check
        self.check = None if check is None else (check.inputs, check.targets)
        self.n = self.x.shape[0]
        self.batch_size = trainer.batch_size
        self.shuffle = s.shuffle
        self.order = np.array(st.order, dtype=np.intp)
        self.position = st.position
        self.rng = None
        if self.shuffle and self.batch_size < self.n:
            self.rng = np.random.Generator(type(trainer.rng.bit_generator)())
            self.rng.bit_generator.state = st.rng_state
        self.explosion = trainer.divergence_limit

    def _optimizer_step(self, shapes) -> None:
        if self.fresh:
            self.opt_state = [self.opt.init_state(shape) for shape in shapes]
            self.t, self.fresh = 1, False
        else:
            self.t += 1

    def _next_batch(self):
        """(inputs, targets) of the next iteration, drawn as the Trainer draws them."""
        batch, self.order, self.position, _ = kernels.draw_batch(
            self.n, self.batch_size, self.shuffle, self.order, self.position, self.rng)
        if batch is None:
            return self.x, self.targets
        return self.x[batch], self.targets[batch]


class _Stack(_Copies):
    """R copies trained side by side, one learning rate each, as stacks: weights
    R x n_out x n_in, biases R x n_out, optimizer state likewise."""

    def __init__(self, trainer: Trainer, rates: np.ndarray) -> None:
        super().__init__(trainer)
        R = rates.size
        self.W = [np.repeat(w[None], R, axis=0) for w in self.net.weights]
        self.B = [np.repeat(b[None], R, axis=0) for b in self.net.biases]
        self.lr = rates
        self.rows = np.arange(R)  # the original index of each stacked run still going
        if self.opt_state is not None:
            self.opt_state = [tuple(np.repeat(a[None], R, axis=0) for a in state) for state in self.opt_state]

    def flat(self) -> np.ndarray:
        """The flat parameter vectors of the runs still going (R x n_params)."""
        parts = []
        for w, b in zip(self.W, self.B):
            parts += [w.reshape(w.shape[0], w.shape[1] * w.shape[2]), b]
        return np.concatenate(parts, axis=1)

    def parameters(self, k: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Weights and biases of stacked run k, as the Trainer holds them."""
        return [w[k] for w in self.W], [b[k] for b in self.B]

    def step(self) -> tuple[np.ndarray, np.ndarray]:
        """One iteration of every run still going. Returns the forward-pass losses (in
        stack order) and a boolean mask of the runs that diverged in it; those are
        dropped from the stack, their parameters left as they were before the iteration
        (what the Trainer keeps)."""
        x, t = self._next_batch()
        L, W, B, finite = self.L, self.W, self.B, kernels.finite
        # the divergence rule of kernels.train_step, network by network
        nets, outs = kernels.forward_pass(x, W, B, self.acts)
        loss = kernels.loss(self.loss_fn, nets[-1], outs[-1], t)
        bad = ~kernels.loss_ok(loss, self.explosion)
        for z in nets:
            bad |= ~finite(z, 1)
        if self.check is not None:
            cn, co = kernels.forward_pass(self.check[0], W, B, self.acts)
            bad |= ~np.isfinite(kernels.loss(self.loss_fn, cn[-1], co[-1], self.check[1]))
        _, g_w, g_b = kernels.backward_pass(self.chain, self.loss_fn, self.acts, x, t, nets, outs, W)
        self._optimizer_step([a.shape for w, b in zip(W, B) for a in (w, b)])
        new = [None] * L
        for i in range(L - 1, -1, -1):
            w, b, sw, sb = kernels.update(self.opt, self.lr, self.t, W[i], B[i], g_w[i], g_b[i],
                                          (self.opt_state[2 * i], self.opt_state[2 * i + 1]),
                                          self.masks[2 * i], self.masks[2 * i + 1])
            bad |= ~(finite(g_w[i], 1) & finite(g_b[i], 1) & finite(w, 1) & finite(b, 1))
            for a in sw + sb:
                bad |= ~finite(a, 1)
            new[i] = (w, b, sw, sb)
        for i, (w, b, sw, sb) in enumerate(new):
            W[i], B[i] = w, b
            self.opt_state[2 * i], self.opt_state[2 * i + 1] = sw, sb
        if bad.any():
            self._drop(bad)
        return loss, bad

    def _drop(self, bad: np.ndarray) -> None:
        keep = ~bad
        self.W = [w[keep] for w in self.W]
        self.B = [b[keep] for b in self.B]
        self.opt_state = [tuple(a[keep] for a in state) for state in self.opt_state]
        self.lr = self.lr[keep]
        self.rows = self.rows[keep]


class _Single(_Copies):
    """One copy, with the Trainer's own one-network functions (the look-ahead's path:
    fewer array operations than a stack of one)."""

    def __init__(self, trainer: Trainer, rate: float) -> None:
        super().__init__(trainer)
        self.W, self.B = list(self.net.weights), list(self.net.biases)
        self.lr = rate

    def step(self) -> tuple[float, bool]:
        """One iteration: (its forward-pass loss, diverged). A diverged iteration
        changes nothing."""
        x, t = self._next_batch()
        fresh, state_before, t_before = self.fresh, self.opt_state, self.t
        self._optimizer_step([a.shape for w, b in zip(self.W, self.B) for a in (w, b)])
        step = kernels.train_step(x, t, self.W, self.B, self.acts, self.loss_fn, self.chain, self.opt, self.lr,
                                  self.t, self.opt_state, self.masks, self.explosion, self.check)
        if step.problem is not None:  # as the Trainer: nothing of the iteration is kept
            self.fresh, self.opt_state, self.t = fresh, state_before, t_before
            return step.loss, True
        self.W, self.B, self.opt_state = step.weights, step.biases, step.opt_state
        self.last_flat = np.concatenate([a for w, b in zip(self.W, self.B) for a in (w.ravel(), b)])
        return step.loss, False


# ===================================================== real Trainer copies
def _run_copy(c: Trainer, n: int) -> tuple[list[np.ndarray], bool]:
    """Run n more iterations of a copy: (its flat parameters after each update it
    keeps, since its start; diverged). Its ``loss_history`` is then its loss curve."""
    result = c.run(n)
    return c.trajectory[1:], result.reason == "diverged"


# ================================================================ look-ahead
def look_ahead(trainer: Trainer, learning_rate: float, steps: int = DEFAULT_LOOK_AHEAD_STEPS) -> LookAhead:
    """The next ``steps`` updates from the current state at ``learning_rate``, with the
    Trainer's optimizer (and its state), batches, backprop mode and frozen parameters,
    computed on a copy: the Trainer is not changed. See ``LookAhead``; ``status`` is
    ``classify``'s verdict on the path."""
    lr = float(learning_rate)
    if not math.isfinite(lr) or lr <= 0:
        raise ValueError(f"learning rate must be a positive number, got {learning_rate!r}")
    steps = int(steps)
    if steps < 1:
        raise ValueError(f"the look-ahead needs at least one step, got {steps}")
    net = trainer.network
    P = net.n_params
    params = np.full((steps + 1, P), np.nan)
    loss = np.full(steps + 1, np.nan)
    params[0] = net.flat()
    full = trainer.batch_size >= trainer.n_samples
    stopped_at = None
    with np.errstate(all="ignore"):
        if trainer.cursor == 0 and trainer.settings.schedule.kind == "constant":
            run = _Single(trainer, lr)
            for k in range(steps):
                forward, bad = run.step()
                if full:
                    loss[k] = forward
                if bad:
                    stopped_at = k
                    break
                params[k + 1] = run.last_flat
        else:
            c = trainer.copy(learning_rate=lr)
            traj, diverged = _run_copy(c, steps)
            params[1:1 + len(traj)] = traj
            if diverged:
                stopped_at = len(traj)
            full = False
        done = steps if stopped_at is None else stopped_at
        for k in range(done + 1):
            if not (full and k < done):
                loss[k] = trainer.evaluate_loss(*split_flat(net, params[k]))
        if stopped_at is not None:
            loss[stopped_at + 1:] = np.nan
        direction = steepest_direction(trainer) if stopped_at is None else None
        status = classify(params[:done + 1], loss[0], loss[done], stopped_at is not None, direction)
    final = math.inf if stopped_at is not None else float(loss[-1])
    return LookAhead(lr, params, loss, status, final, stopped_at)


# ===================================================================== sweep
def sweep(trainer: Trainer, rates: Sequence[float] | np.ndarray,
          iterations: int = DEFAULT_SWEEP_ITERATIONS,
          progress: Callable[[int, int], None] | None = None,
          should_stop: Callable[[], bool] | None = None) -> SweepResult:
    """From the current state, ``iterations`` updates at each learning rate, on copies
    (the Trainer is not changed). All rates run side by side as one stack (see the
    module notes); the numbers equal independent ``trainer.run`` calls at each rate.
    ``progress(done, total)`` is called along the way (units: rate-iterations, total =
    len(rates) x iterations, about 100 calls); ``should_stop()`` is asked before every
    iteration (every 10 when the Trainer stands mid-iteration) and, when true, ends the
    sweep early (``SweepResult.completed`` tells how far it got)."""
    rates = _rates(rates)
    N = int(iterations)
    if N < 1:
        raise ValueError(f"the number of iterations must be >= 1, got {iterations!r}")
    R = rates.size
    net = trainer.network
    curves = np.full((R, N), np.nan)
    final = np.full(R, np.nan)
    diverged = np.zeros(R, dtype=bool)
    # the first and last points of each run that the classification looks at (at most ~20M numbers)
    window = max(2, min(N // 2, CLASSIFY_WINDOW, 10_000_000 // (R * net.n_params)))
    total = R * N
    start_loss = trainer.evaluate_loss()
    done = 0
    with np.errstate(all="ignore"):
        if trainer.cursor == 0 and trainer.settings.schedule.kind == "constant":
            runs = _Stack(trainer, rates)
            ring = np.empty((window + 1, R, net.n_params))  # the last points of each run
            count = np.ones(R, dtype=int)  # points of each run so far (the start included)
            ring[0] = runs.flat()
            head = np.empty((window + 1, R, net.n_params))  # the first points of each run
            head[0] = ring[0]
            every = max(1, N // 100)
            for k in range(N):
                if not runs.rows.size:  # every run diverged: nothing left to do
                    done = N
                    break
                if should_stop is not None and k and should_stop():
                    break
                rows = runs.rows
                forward, bad = runs.step()
                curves[rows[~bad], k] = forward[~bad]
                diverged[rows[bad]] = True
                going = runs.rows
                ring[(k + 1) % (window + 1), going] = runs.flat()
                if k < window:
                    head[k + 1, going] = ring[(k + 1) % (window + 1), going]
                count[going] += 1
                done = k + 1
                if progress is not None and (done % every == 0 or done == N):
                    progress(done * R, total)
            paths, heads = {}, {}
            for j, r in enumerate(runs.rows):
                final[r] = trainer.evaluate_loss(*runs.parameters(j))
                n_pts = np.arange(max(0, count[r] - window - 1), count[r])
                paths[r] = ring[n_pts % (window + 1), r]
                heads[r] = head[:min(done, window) + 1, r]
            # A run that diverged is replayed by a Trainer copy: what the Trainer keeps
            # after a divergence (and its loss history) is then exactly the Trainer's.
            for r in np.flatnonzero(diverged):
                c = trainer.copy(learning_rate=float(rates[r]))
                _, diverged[r] = _run_copy(c, done)
                curves[r] = np.nan
                curves[r, :len(c.loss_history)] = c.loss_history
                final[r] = c.evaluate_loss()
                paths[r] = np.stack(c.trajectory[-(window + 1):])
                heads[r] = np.stack(c.trajectory[:window + 1])
        else:
            paths, heads = {}, {}
            copies = [trainer.copy(learning_rate=float(r)) for r in rates]
            every = 10
            while done < N:
                if should_stop is not None and done and should_stop():
                    break
                n = min(every, N - done)
                for r, c in enumerate(copies):
                    if not diverged[r]:
                        _, diverged[r] = _run_copy(c, n)
                done += n
                if progress is not None:
                    progress(done * R, total)
            for r, c in enumerate(copies):
                curves[r, :len(c.loss_history)] = c.loss_history
                final[r] = c.evaluate_loss()
                paths[r] = np.stack(c.trajectory[-(window + 1):])
                heads[r] = np.stack(c.trajectory[:window + 1])
    direction = steepest_direction(trainer) if not diverged.all() else None
    statuses = [classify(paths[r], start_loss, final[r], bool(diverged[r]), direction, heads[r]) for r in range(R)]
    ok = np.isfinite(final) & ~diverged
    if not ok.any():
        ok = np.isfinite(final)
    best = int(np.flatnonzero(ok)[np.argmin(final[ok])]) if ok.any() else None
    return SweepResult(rates, final, statuses, curves, best,
                       float(rates[best]) if best is not None else math.nan, N, done, start_loss)
