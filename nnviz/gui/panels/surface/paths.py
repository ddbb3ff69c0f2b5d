"""Paths on the loss surface: the trajectory's two columns copied as it grows, the loss
at trajectory points (each computed once), and thinning for long paths."""

from __future__ import annotations

import math
import time

import numpy as np

from nnviz.core import kernels
from nnviz.core.analysis import surface
from nnviz.core.network import split_flat
from nnviz.core.trainer import Trainer

STEPS_SHOWN = 300  # the cross-section draws the last this many steps (fewer on large data):
STEPS_BUDGET_S = 0.008  # as many as their losses take this long to compute when all are new,
FLAT_OUT_STEPS_BUDGET_S = 0.004  # and this long while Play uses every frame


def loss_of(trainer: Trainer, flat: np.ndarray) -> float:
    """The training loss at the flat parameter vector ``flat``."""
    return trainer.evaluate_loss(*split_flat(trainer.network, np.asarray(flat)))


def thin(xy: np.ndarray, limit: int, recent: int = 500) -> np.ndarray:
    """At most about ``limit`` rows: every row of the last ``recent``, a stride before."""
    n = xy.shape[0]
    if n <= limit:
        return xy
    head = xy[:n - recent]
    stride = math.ceil(head.shape[0] / max(limit - recent, 1))
    return np.concatenate([head[::stride], xy[n - recent:]])


def clip_to_view(xy: np.ndarray, rng: tuple[float, float, float, float]) -> np.ndarray:
    """A diverging path runs off to huge numbers or non-finite values: keep it drawable
    (its points up to the first that is not finite, at most ten ranges away from ``rng``).
    The rows kept are the first ones, so other columns can be cut to match."""
    finite = np.isfinite(xy).all(axis=1)
    if not finite.all():
        stop = int(np.argmin(finite))
        xy = xy[:max(stop, 1)]
        if not np.isfinite(xy).all():
            return np.empty((0, 2))
    a0, a1, b0, b1 = rng
    wa, wb = a1 - a0, b1 - b0
    return np.column_stack([np.clip(xy[:, 0], a0 - 10 * wa, a1 + 10 * wa),
                            np.clip(xy[:, 1], b0 - 10 * wb, b1 + 10 * wb)])


def inside(point: np.ndarray, rng: tuple[float, float, float, float], margin: float) -> bool:
    """Whether ``point`` lies in ``rng`` with a ``margin`` (a share of each side) to spare."""
    a0, a1, b0, b1 = rng
    ma, mb = margin * (a1 - a0), margin * (b1 - b0)
    return a0 + ma <= point[0] <= a1 - ma and b0 + mb <= point[1] <= b1 - mb


def plane_range(points: np.ndarray) -> tuple[float, float, float, float]:
    """A range around ``points`` (rows) in the plane of the trajectory, with a margin."""
    pts = points[np.isfinite(points).all(axis=1)]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, 0.2 * max(float(np.abs(pts).max()), 0.5))
    # the two directions are in the same units: keep the picture from being a sliver
    span = np.maximum(span, 0.5 * span.max())
    centre = 0.5 * (lo + hi)
    lo, hi = centre - 0.75 * span, centre + 0.75 * span
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


class Trail:
    """Two columns of ``trainer.trajectory``, copied incrementally (Play appends; Step
    back or a new trainer starts over)."""

    def __init__(self) -> None:
        self.xy = np.empty((1024, 2))
        self.clear()

    def clear(self) -> None:
        self.n = 0
        self._source = None
        self._cols: tuple[int, int] | None = None
        self._start = -1
        self._last = None

    def sync(self, trainer: Trainer, cols: tuple[int, int]) -> bool:
        traj = trainer.trajectory
        n_new = len(traj)
        changed = False
        if (traj is not self._source or cols != self._cols or trainer.trajectory_start != self._start
                or n_new < self.n or (self.n and traj[self.n - 1] is not self._last)):
            changed = self.n > 0
            self.n = 0
            self._source, self._cols, self._start = traj, cols, trainer.trajectory_start
        if n_new > self.n:
            if n_new > self.xy.shape[0]:
                grown = np.empty((max(2 * self.xy.shape[0], n_new), 2))
                grown[:self.n] = self.xy[:self.n]
                self.xy = grown
            i, j = cols
            self.xy[self.n:n_new] = [(v[i], v[j]) for v in traj[self.n:n_new]]
            self.n = n_new
            self._last = traj[n_new - 1]
            changed = True
        return changed

    @property
    def data(self) -> np.ndarray:
        return self.xy[:self.n]


class PointLosses:
    """The training loss at trajectory points, computed once per point; the new points
    of a refresh together, as a stack of networks (``kernels.forward_pass``)."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[object, float]] = {}
        self.seconds_each: float | None = None  # what one evaluation costs (measured)

    def clear(self) -> None:
        self._cache.clear()
        self.seconds_each = None

    def affordable(self, budget_s: float = STEPS_BUDGET_S, most: int = STEPS_SHOWN) -> int:
        """How many points fit in ``budget_s`` when all of them are new (Play)."""
        if self.seconds_each is None:
            return most
        return int(np.clip(budget_s / max(self.seconds_each, 1e-9), 20, most))

    def losses(self, trainer: Trainer, first: int, vectors: list) -> np.ndarray:
        """Losses of ``vectors``, the trajectory points ``first``, ``first + 1``, ..."""
        out = np.empty(len(vectors))
        fresh = []
        for k, v in enumerate(vectors):
            hit = self._cache.get(first + k)
            if hit is None or hit[0] is not v:
                fresh.append(k)
            else:
                out[k] = hit[1]
        if fresh:
            start = time.perf_counter()
            out[fresh] = stacked_losses(trainer, np.array([vectors[k] for k in fresh]))
            for k in fresh:
                self._cache[first + k] = (vectors[k], out[k])
            if len(fresh) >= 4:
                self.seconds_each = (time.perf_counter() - start) / len(fresh)
        if len(self._cache) > 4 * max(len(vectors), 64):
            for key in [k for k in self._cache if not first <= k < first + len(vectors)]:
                del self._cache[key]
        return out


def stacked_losses(trainer: Trainer, points: np.ndarray) -> np.ndarray:
    """The training loss at each row of ``points`` (flat parameter vectors), in blocks
    of at most ``surface.CHUNK_FLOATS`` floats per layer (``loss_of`` to rounding)."""
    net, data = trainer.network, trainer.dataset
    x, t = data.inputs, data.targets
    per = max(1, surface.CHUNK_FLOATS // (x.shape[0] * max(net.sizes[1:]) + net.n_params))
    out = np.empty(points.shape[0])
    with np.errstate(all="ignore"):
        for s in range(0, points.shape[0], per):
            nets, outs = kernels.forward_pass(x, *split_flat(net, points[s:s + per]), net.activations)
            out[s:s + per] = kernels.stacked_loss(trainer.loss_fn, nets[-1], outs[-1], t)
    return out
