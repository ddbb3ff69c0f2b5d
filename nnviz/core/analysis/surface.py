"""The loss surface: exact two-parameter slices, the plane of the trajectory, curvature.

Everything here reads a Trainer and changes nothing in it. NumPy only (no Qt).

Slices
    ``loss_grid(trainer, p1, p2, a, b)[i, j]`` is the training loss on all samples (the
    number ``trainer.evaluate_loss()`` gives) with ``p1 = a[i]``, ``p2 = b[j]`` and every
    other parameter at its current value. The grid is computed vectorised over the grid
    points, from the earliest weight layer the two axes touch (the layers before it are
    computed once). Within that layer only the rows (receiving neurons) of the two axes
    change, so only those columns are recomputed, and the next layer gets them as a
    rank-1 or rank-2 correction of a net input computed once; an axis in a later layer
    is handled the same way where it enters. Grid points are processed in blocks of at
    most ``CHUNK_FLOATS`` floats per intermediate array, so memory stays bounded at any
    grid size. The result equals direct evaluation up to rounding (about 1e-15 relative;
    only the order of some sums differs). Non-finite values are allowed in the result;
    no warning is ever raised.

The plane of the trajectory (Li et al. 2018, "Visualizing the Loss Landscape of Neural
Nets")
    ``trajectory_plane(trainer)`` gives the current point and the two main principal
    directions of the parameter history (PCA of the trajectory points), and the
    trajectory projected onto them; ``plane_grid`` the loss over that plane.

Curvature
    ``curvature(trainer)`` is the largest eigenvalue of the Hessian of the training loss
    at the current point, over some or all parameters, from exact Hessian-vector
    products by power iteration accelerated with Rayleigh-Ritz on the Krylov subspace
    (``nnviz.core.analysis.hessian``). On a space of d parameters it is exact (up to
    rounding) after at most d products.
    The rates where gradient descent starts to zig-zag and to diverge (1/lambda_max and
    2/lambda_max) are ``nnviz.core.analysis.regimes``'s.

Learning-rate look-ahead and sweep (``look_ahead``, ``sweep``) live in
``nnviz.core.analysis.sweep`` and are re-exported here.
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

import numpy as np

from nnviz.core import kernels
from nnviz.core.network import Network, Param, split_flat
from nnviz.core.analysis import hessian
from nnviz.core.analysis.sweep import (  # re-exported: the panel imports them from here
    DEFAULT_LOOK_AHEAD_STEPS, DEFAULT_SWEEP_ITERATIONS, LookAhead, SweepResult, classify,
    look_ahead, sweep, sweep_rates,
)
from nnviz.core.trainer import Trainer
from nnviz.core.words import T_

__all__ = [
    "DEFAULT_GRID", "CHUNK_FLOATS", "default_axes", "check_axes", "slice_minimum", "loss_grid", "plane_grid",
    "trajectory_plane", "trajectory_columns", "default_range", "gradient", "curvature",
    "LookAhead", "look_ahead", "SweepResult", "sweep", "sweep_rates",
    "classify", "DEFAULT_LOOK_AHEAD_STEPS", "DEFAULT_SWEEP_ITERATIONS",
]

DEFAULT_GRID = 101  # grid points per axis
CHUNK_FLOATS = 1 << 14  # floats in one array of a block of grid points: 128 kB, so that a
# block's arrays stay in a 1 MB level-2 cache (a sigmoid over larger arrays runs at half speed)
PCA_POINTS = 400  # trajectory points (evenly spaced, the current one always) used for the PCA
MIN_WIDTH = 1.0  # default_range: an axis is at least this wide ...
MIN_RELATIVE_WIDTH = 0.2  # ... or this fraction of the largest magnitude on it, if larger
AXIS_CANDIDATES = 8  # default_axes: the pair is chosen among this many parameters
MINIMUM_GRID = 31  # slice_minimum: grid points per axis


# =============================================================== the axes
def _param(net: Network, p: str | Param) -> Param:
    return net.parse_param(p.name if isinstance(p, Param) else str(p))


def _pair(net: Network, p1: str | Param, p2: str | Param) -> tuple[Param, Param]:
    q1, q2 = _param(net, p1), _param(net, p2)
    if q1 == q2:
        raise ValueError(T_("surface", "the two axes must be different parameters, got %1 twice", _label(net, q1)))
    return q1, q2


def _label(net: Network, p: Param) -> str:
    shown = net.display_name(p)
    return p.name if shown == p.name else f"{shown} ({p.name})"


def check_axes(trainer: Trainer, p1: str | Param, p2: str | Param) -> tuple[Param, Param]:
    """The two axis parameters, parsed from canonical (``W2[0,1]``, ``b1[0]``) or display
    names (``w5``). Raises ValueError with one line for a bad name, identical axes or a
    frozen axis parameter."""
    net = trainer.network
    q1, q2 = _pair(net, p1, p2)
    for q in (q1, q2):
        if q.name in trainer.frozen:
            raise ValueError(T_("surface", "%1 is frozen: unfreeze it or choose another parameter", _label(net, q)))
    return q1, q2


def default_axes(trainer: Trainer) -> tuple[str, str]:
    """A pair of axes (canonical names, in the order of the flat vector) whose slice is
    curved: of the free weights with the largest |gradient| (at most
    ``AXIS_CANDIDATES``, two per neuron; biases only where fewer than two weights are
    free), the pair whose 2 x 2 curvature (the exact Hessian block at the current point)
    curves upwards both ways most (its smaller eigenvalue the largest): a bowl, not a
    valley of parallel lines. Two parameters into the same neuron are never
    paired, except in a network of a single neuron (``adaline``: its bowl lies over
    w1, w2): elsewhere their slice depends on little more than one combination of the two
    (with one sample, only w5·h1 + w6·h2 on the worked example). Where no pair is a
    bowl, the one whose curvature is farthest from flat along both directions (a saddle,
    as over w6, w8 on the worked example at its start); ties go to the larger |gradient|.
    ValueError when fewer than two parameters are free."""
    net = trainer.network
    params = net.params()
    free = [i for i, p in enumerate(params) if p.name not in trainer.frozen]
    if len(free) < 2:
        raise ValueError(T_("surface", "a loss surface needs two parameters that are not frozen"))
    g = np.abs(gradient(trainer))
    g = np.where(np.isfinite(g), g, 0.0)
    weights = [i for i in free if params[i].kind == "W"]
    pool = sorted(weights if len(weights) >= 2 else free, key=lambda i: (-g[i], i))
    one_neuron = sum(net.sizes[1:]) == 1
    per_neuron: dict[tuple[int, int], int] = {}
    candidates = []
    for i in pool:
        neuron = (params[i].layer, params[i].row)
        if per_neuron.get(neuron, 0) < 2 and len(candidates) < AXIS_CANDIDATES:
            per_neuron[neuron] = per_neuron.get(neuron, 0) + 1
            candidates.append(i)
    pairs = [(i, j) for k, i in enumerate(candidates) for j in candidates[k + 1:]
             if one_neuron or (params[i].layer, params[i].row) != (params[j].layer, params[j].row)]
    if not pairs:  # every candidate feeds one neuron: the two with the largest |gradient|
        pairs = [tuple(candidates[:2])]
    h = hessian.hessian(trainer, [params[i].name for i in candidates])
    at = {i: k for k, i in enumerate(sorted(candidates))}  # the Hessian's order: the flat vector's

    def score(pair: tuple[int, int]) -> tuple[bool, float, float]:
        a, b = at[pair[0]], at[pair[1]]
        d, e, f = h[a, a], h[a, b], h[b, b]
        centre, radius = 0.5 * (d + f), math.hypot(0.5 * (d - f), e)
        if not (math.isfinite(centre) and math.isfinite(radius)):
            return False, 0.0, float(g[pair[0]] + g[pair[1]])
        # a bowl first; else curved both ways (a saddle), not flat along one direction
        return centre - radius > 0, min(abs(centre - radius), abs(centre + radius)), float(g[pair[0]] + g[pair[1]])

    best = max(pairs, key=score)
    return tuple(params[i].name for i in sorted(best))  # type: ignore[return-value]


def trajectory_columns(trainer: Trainer, p1: str | Param, p2: str | Param) -> np.ndarray:
    """The trajectory's values of ``p1`` and ``p2`` (n_points x 2): the start and the
    point after each update (see ``Trainer.trajectory``)."""
    net = trainer.network
    cols = [net.flat_index(_param(net, p)) for p in (p1, p2)]
    traj = trainer.trajectory
    out = np.empty((len(traj), 2))
    for s, block in _blocks(traj, net.n_params):
        out[s:s + len(block)] = block[:, cols]
    return out


def _blocks(traj: Sequence[np.ndarray], n_params: int):
    """(start, points x n_params) for consecutive blocks of the trajectory, about a
    million numbers each (concatenating is faster than stacking many small arrays)."""
    step = max(1, (1 << 20) // n_params)
    for s in range(0, len(traj), step):
        yield s, np.concatenate(traj[s:s + step]).reshape(-1, n_params)


def default_range(trainer: Trainer, p1: str | Param, p2: str | Param,
                  points: np.ndarray | None = None, margin: float = 0.25
                  ) -> tuple[float, float, float, float]:
    """(a0, a1, b0, b1): a range for the two axes that holds the trajectory (or the given
    ``points``, n x 2, instead) and the current point, with ``margin`` times the span
    added on each side. An axis is never narrower than MIN_WIDTH (1.0) or
    MIN_RELATIVE_WIDTH (20%) of its largest magnitude, centred on what it holds.
    Non-finite points are ignored."""
    net = trainer.network
    q1, q2 = _pair(net, p1, p2)
    pts = trajectory_columns(trainer, q1, q2) if points is None else np.asarray(points, float).reshape(-1, 2)
    pts = np.vstack([pts, [[net.get(q1), net.get(q2)]]])
    pts = pts[np.isfinite(pts).all(axis=1)]
    out: list[float] = []
    for col in pts.T:
        lo, hi = float(col.min()), float(col.max())
        centre, half = 0.5 * (lo + hi), 0.5 * (hi - lo) * (1.0 + 2.0 * margin)
        half = max(half, 0.5 * MIN_WIDTH, 0.5 * MIN_RELATIVE_WIDTH * max(abs(lo), abs(hi)))
        out += [centre - half, centre + half]
    return tuple(out)  # type: ignore[return-value]


def grid_axis(lo: float, hi: float, n: int) -> np.ndarray:
    """``n`` points from ``lo`` to ``hi``; ValueError (one line) when they would not be
    ``n`` distinct finite numbers a normal float apart: a range not increasing, too wide
    to subtract, or too narrow for the floats there. The rule of every range a grid is
    drawn over (``nnviz surface --range``, the window's loss surface)."""
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise ValueError(T_("surface", "%1..%2 is not a range: expected two finite numbers, the first smaller", repr(lo), repr(hi)))
    with np.errstate(all="ignore"):
        values = np.linspace(lo, hi, n)
        steps = np.diff(values)
    if not (math.isfinite(hi - lo) and np.isfinite(values).all()):
        raise ValueError(T_("surface", "%1..%2 is too wide: its width is beyond the largest float", repr(lo), repr(hi)))
    if not (steps >= np.finfo(float).tiny).all():
        raise ValueError(T_("surface", "%1..%2 is too narrow to split into %3 distinct grid points", repr(lo), repr(hi), n))
    return values


def slice_minimum(trainer: Trainer, p1: str | Param, p2: str | Param,
                  rng: tuple[float, float, float, float], points: int = MINIMUM_GRID) -> tuple[float, float] | None:
    """The lowest point of the slice over ``p1`` x ``p2`` in ``rng`` = (a0, a1, b0, b1),
    found on a coarse ``points`` x ``points`` grid: (a, b), or None when the lowest grid
    point lies on the range's edge (the minimum, if any, lies outside) or no loss there is
    finite. Good to a grid step: for framing a picture, not for optimisation."""
    a0, a1, b0, b1 = rng
    loss = loss_grid(trainer, p1, p2, np.linspace(a0, a1, points), np.linspace(b0, b1, points))
    if not np.isfinite(loss).any():
        return None
    i, j = np.unravel_index(int(np.nanargmin(np.where(np.isfinite(loss), loss, np.nan))), loss.shape)
    if i in (0, points - 1) or j in (0, points - 1):
        return None
    return float(np.linspace(a0, a1, points)[i]), float(np.linspace(b0, b1, points)[j])


def _axis_values(values: Iterable[float], name: str) -> np.ndarray:
    v = np.asarray(values, dtype=np.float64)
    if v.ndim != 1:
        raise ValueError(f"{name} must be a 1-D sequence of numbers, got shape {v.shape}")
    return v


# ================================================================ the grid
class _Stage:
    """Net inputs or activations at some layer for ``len(base) * m`` grid points:
    point ``g = i * m + j`` has ``base[i]`` (n x k) except in the columns ``cols``,
    which are ``vals[g]`` (n x len(cols)). ``cols`` None: ``base`` is complete (m = 1)."""

    __slots__ = ("base", "m", "cols", "vals")

    def __init__(self, base, m=1, cols=None, vals=None):
        self.base, self.m, self.cols, self.vals = base, m, cols, vals

    def map(self, fn) -> "_Stage":
        return _Stage(fn(self.base), self.m, self.cols, None if self.vals is None else fn(self.vals))

    def full(self) -> np.ndarray:
        if self.cols is None:
            return self.base
        bb, n, k = self.base.shape
        out = np.empty((bb, self.m, n, k))
        out[...] = self.base[:, None]
        out = out.reshape(bb * self.m, n, k)
        out[:, :, self.cols] = self.vals
        return out

    def column(self, c: int) -> np.ndarray:
        """Column ``c`` for every point (points x n)."""
        if self.cols is not None and c in self.cols:
            return self.vals[:, :, self.cols.index(c)]
        col = self.base[:, :, c]
        if self.m == 1:
            return col
        bb, n = col.shape
        return np.broadcast_to(col[:, None], (bb, self.m, n)).reshape(bb * self.m, n)

    def base_net(self, w: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The next layer's net input from ``base`` without the columns ``cols``."""
        bb, n, k = self.base.shape
        wz = np.array(w)
        wz[:, self.cols] = 0.0
        return (self.base.reshape(-1, k).dot(wz.T) + b).reshape(bb, 1, n, w.shape[0])

    def next_net(self, w: np.ndarray, b: np.ndarray, zb: np.ndarray | None = None) -> np.ndarray:
        """The next layer's net input (points x n x k_out); ``zb``: ``base_net(w, b)``
        if known."""
        bb, n, k = self.base.shape
        k_out = w.shape[0]
        if self.cols is None:
            return (self.base.reshape(-1, k).dot(w.T) + b).reshape(bb, n, k_out)
        if zb is None:
            zb = self.base_net(w, b)
        corr = self.vals.reshape(-1, len(self.cols)).dot(w[:, self.cols].T).reshape(bb, self.m, n, k_out)
        corr += zb
        return corr.reshape(bb * self.m, n, k_out)


def _zeroed(w: np.ndarray, b: np.ndarray, params: Sequence[Param]) -> tuple[np.ndarray, np.ndarray]:
    w, b = np.array(w), np.array(b)
    for p in params:
        if p.kind == "W":
            w[p.row, p.col] = 0.0
        else:
            b[p.row] = 0.0
    return w, b


class _GridPlan:
    """What a loss grid over ``lo`` x ``hi`` shares between its blocks of points.
    ``lo`` is in the earlier (or the same) weight layer as ``hi``."""

    def __init__(self, trainer: Trainer, lo: Param, hi: Param) -> None:
        net = trainer.network
        self.W, self.B, self.acts = net.weights, net.biases, net.activations
        self.L = net.n_layers
        self.loss_fn = trainer.loss_fn
        x, self.t = trainer.dataset.inputs, trainer.dataset.targets
        self.n = x.shape[0]
        self.l0, self.l1 = lo.layer - 1, hi.layer - 1
        self.lo, self.hi = lo, hi
        self.same = self.l0 == self.l1
        a = x
        for i in range(self.l0):
            _, a = kernels.forward(a, self.W[i], self.B[i], self.acts[i])
        first = [lo, hi] if self.same else [lo]
        wz, bz = _zeroed(self.W[self.l0], self.B[self.l0], first)
        self.rows = sorted({p.row for p in first})
        self.zpart = (a.dot(wz.T) + bz)[None]  # 1 x n x k: net inputs without the axes' terms
        self.terms = [(self.rows.index(p.row), None if p.kind == "b" else a[:, p.col])
                      for p in first]
        if not self.same:
            self.w_hi, self.b_hi = _zeroed(self.W[self.l1], self.B[self.l1], [hi])
        # floats per grid point in the widest array of a block: the layers after hi's are
        # computed whole for every point, before them only the axes' columns
        after = [net.sizes[i + 1] for i in range(self.l1 + 1, self.L)]
        self.per_point = self.n * max([len(self.rows)] + after)
        # the same for every block: the activations of zpart, and the next layer's net
        # input from them without the axes' columns
        self.zb_next = None
        if self.l0 < self.L - 1:
            base = _Stage(self.acts[self.l0].forward(self.zpart), cols=self.rows)
            self.base_act = base.base
            k = self.l0 + 1
            self.zb_next = base.base_net(*((self.w_hi, self.b_hi) if k == self.l1 and not self.same
                                           else (self.W[k], self.B[k])))

    def blocks(self, nu: int, nv: int):
        per = max(1, CHUNK_FLOATS // self.per_point)  # grid points per block
        if nv >= per:
            for i in range(nu):
                for j in range(0, nv, per):
                    yield i, i + 1, j, min(j + per, nv)
        else:
            rows = per // nv
            for i in range(0, nu, rows):
                yield i, min(i + rows, nu), 0, nv

    def _first_layer(self, u: np.ndarray, v: np.ndarray) -> _Stage:
        n, rows = self.n, self.rows
        base_cols = self.zpart[0][:, rows]  # n x len(rows)
        if self.same:
            vals = np.empty((u.size, v.size, n, len(rows)))
            vals[...] = base_cols
            for (ri, col), values, axis in zip(self.terms, (u, v), (0, 1)):
                add = values[:, None] if col is None else values[:, None] * col  # len x n (or len x 1)
                vals[..., ri] += add[:, None, :] if axis == 0 else add[None, :, :]
            return _Stage(self.zpart, u.size * v.size, rows, vals.reshape(-1, n, len(rows)))
        (ri, col), = self.terms
        add = u[:, None] if col is None else u[:, None] * col
        vals = (base_cols[None, :, 0] + add)[:, :, None]
        return _Stage(self.zpart, u.size, rows, vals)

    def block(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """loss[i, j] with lo = u[i], hi = v[j] (len(u) x len(v))."""
        stage = self._first_layer(u, v)
        L, hi = self.L, self.hi
        for i in range(self.l0, L):
            zb = self.zb_next if i == self.l0 + 1 else None
            if i > self.l0:
                if i == self.l1 and not self.same:
                    z = stage.next_net(self.w_hi, self.b_hi, zb)  # without hi's term in its row
                    add = v[None, :, None] if hi.kind == "b" else v[None, :, None] * stage.column(hi.col)[:, None, :]
                    vals = z[:, None, :, hi.row] + add  # len(u) x len(v) x n
                    stage = _Stage(z, v.size, [hi.row], vals.reshape(-1, self.n, 1))
                else:
                    stage = _Stage(stage.next_net(self.W[i], self.B[i], zb))
            act = self.acts[i]
            if i == L - 1:
                z = stage.full()
                return kernels.stacked_loss(self.loss_fn, z, act.forward(z), self.t).reshape(u.size, v.size)
            if i == self.l0:
                stage = _Stage(self.base_act, stage.m, stage.cols, act.forward(stage.vals))
            else:
                stage = stage.map(act.forward)
        raise AssertionError("unreachable")


def loss_grid(trainer: Trainer, p1: str | Param, p2: str | Param,
              a_values: Iterable[float], b_values: Iterable[float]) -> np.ndarray:
    """The training loss on all samples over a grid of two parameters (len(a) x len(b)):
    ``loss[i, j]`` with ``p1 = a_values[i]``, ``p2 = b_values[j]``, every other
    parameter at its current value. The axes may be any two different parameters (also
    frozen ones: ``check_axes`` is what refuses those for the panel). Changes nothing."""
    net = trainer.network
    q1, q2 = _pair(net, p1, p2)
    a, b = _axis_values(a_values, "a_values"), _axis_values(b_values, "b_values")
    out = np.empty((a.size, b.size))
    if out.size == 0:
        return out
    swap = q2.layer < q1.layer
    lo, hi, u, v = (q2, q1, b, a) if swap else (q1, q2, a, b)
    res = out.T if swap else out  # res[i, j]: lo = u[i], hi = v[j]
    with np.errstate(all="ignore"):
        plan = _GridPlan(trainer, lo, hi)
        for i0, i1, j0, j1 in plan.blocks(u.size, v.size):
            res[i0:i1, j0:j1] = plan.block(u[i0:i1], v[j0:j1])
    return out


# ================================================= the plane of the trajectory
def plane_grid(trainer: Trainer, origin: np.ndarray, d1: np.ndarray, d2: np.ndarray,
               a_values: Iterable[float], b_values: Iterable[float]) -> np.ndarray:
    """The training loss on all samples at ``origin + a[i] * d1 + b[j] * d2`` (flat
    parameter vectors), len(a) x len(b). Each point's parameters are formed exactly as
    written and used as ``evaluate_loss`` would. Changes nothing."""
    net = trainer.network
    origin, d1, d2 = (np.asarray(v, dtype=np.float64) for v in (origin, d1, d2))
    for name, v in (("origin", origin), ("d1", d1), ("d2", d2)):
        if v.shape != (net.n_params,):
            raise ValueError(f"{name} must be a flat parameter vector of {net.n_params} numbers, got shape {v.shape}")
    a, b = _axis_values(a_values, "a_values"), _axis_values(b_values, "b_values")
    out = np.empty((a.size, b.size))
    if out.size == 0:
        return out
    x, t = trainer.dataset.inputs, trainer.dataset.targets
    n = x.shape[0]
    loss_fn = trainer.loss_fn
    per = max(1, CHUNK_FLOATS // (n * max(net.sizes[1:]) + net.n_params))
    flat = out.reshape(-1)
    with np.errstate(all="ignore"):
        for s in range(0, out.size, per):
            g = np.arange(s, min(s + per, out.size))
            ai, bj = a[g // b.size], b[g % b.size]
            params = origin + ai[:, None] * d1 + bj[:, None] * d2  # points x n_params
            nets, outs = kernels.forward_pass(x, *split_flat(net, params), net.activations)
            flat[g] = kernels.stacked_loss(loss_fn, nets[-1], outs[-1], t)
    return out


def trajectory_plane(trainer: Trainer) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(origin, d1, d2, coords): the plane through the current point spanned by the two
    main principal directions of the trajectory (PCA of its points; at most PCA_POINTS
    of them, evenly spaced, are used to find the directions), as in Li et al. 2018.
    d1, d2 are orthonormal flat vectors; coords (n_points x 2) is the whole trajectory
    projected onto them, relative to the origin (the current point is (0, 0) when it
    ends the trajectory). Each direction points from the start towards the current point.

    With fewer than two directions of motion (no or one update, or a straight path)
    the missing directions are taken, in this order, from the negative gradient of the
    non-frozen parameters at the current point and from the axes of the non-frozen
    parameters (then of the frozen ones), each made orthogonal to those before."""
    net = trainer.network
    origin = net.flat()
    traj = trainer.trajectory
    N = len(traj)
    pick = np.unique(np.linspace(0, N - 1, min(N, PCA_POINTS)).round().astype(int))
    M = np.stack([traj[i] for i in pick])
    dirs: list[np.ndarray] = []
    with np.errstate(all="ignore"):
        X = M - M.mean(axis=0)
        if N >= 2 and np.isfinite(X).all():
            _, s, vt = np.linalg.svd(X, full_matrices=False)
            for k in range(min(2, s.size)):
                if s[k] > 1e-12 * max(s[0], 1e-300) and s[k] > 0:
                    dirs.append(vt[k])
        free = [net.flat_index(p) for p in net.params() if p.name not in trainer.frozen]
        others = [net.flat_index(p) for p in net.params() if p.name in trainer.frozen]
        descent = np.zeros(net.n_params)
        descent[free] = -gradient(trainer)[free]  # frozen parameters never move
        candidates = [descent]
        for i in free + others:
            e = np.zeros(net.n_params)
            e[i] = 1.0
            candidates.append(e)
        for c in candidates:
            if len(dirs) == 2:
                break
            c = np.where(np.isfinite(c), c, 0.0)
            before = np.linalg.norm(c)
            for d in dirs:
                c = c - c.dot(d) * d
            norm = np.linalg.norm(c)
            if norm > 1e-6 * before:
                dirs.append(c / norm)
        start = traj[0] - origin
        dirs = [-d if d.dot(start) > 0 else d for d in dirs]
        D = np.stack(dirs, axis=1)  # n_params x 2
        coords = np.empty((N, 2))
        for s0, block in _blocks(traj, net.n_params):
            coords[s0:s0 + len(block)] = (block - origin).dot(D)
    return origin, dirs[0], dirs[1], coords


# =============================================================== curvature
def gradient(trainer: Trainer, vector: np.ndarray | None = None) -> np.ndarray:
    """The exact gradient (chain rule, whatever the backprop setting) of the training
    loss on all samples, as a flat vector, at the current parameters or at ``vector``."""
    net = trainer.network
    if vector is None:
        weights, biases = net.weights, net.biases
    else:
        weights, biases = split_flat(net, np.asarray(vector, dtype=np.float64))
    x, t = trainer.dataset.inputs, trainer.dataset.targets
    with np.errstate(all="ignore"):
        nets, outs = kernels.forward_pass(x, weights, biases, net.activations)
        _, g_ws, g_bs = kernels.backward_pass(True, trainer.loss_fn, net.activations, x, t, nets, outs, weights)
    return np.concatenate([g for g_w, g_b in zip(g_ws, g_bs) for g in (g_w.ravel(), g_b)])


def curvature(trainer: Trainer, params: Iterable[str | Param] | None = None,
              iterations: int = 50) -> float:
    """The largest eigenvalue of the Hessian of the training loss (all samples) at the
    current point, over ``params`` (names; None: every non-frozen parameter), from at
    most ``iterations`` exact Hessian-vector products (see the module notes). NaN when
    the gradient is not finite there."""
    return hessian.top_eigen(trainer, params, iterations)[0]
