"""Where a learning rate makes the steps zig-zag or diverge, from the exact curvature.
NumPy only; the Trainer is never changed.

Along an eigen-direction of the Hessian with curvature lambda > 0, near a minimum (and
everywhere on a quadratic loss), the error e (the distance to the minimum along it) is
multiplied at every step by a factor:

- ``sgd`` at rate r: e <- (1 - r lambda) e. Below 1/lambda the factor is in (0, 1): the
  steps keep their direction (``converging``); from 1/lambda to 2/lambda it is in
  (-1, 0): the steps flip sign every time and shrink (``zigzag``); at 2/lambda it is -1
  (``oscillating``); above, |1 - r lambda| > 1 (``diverged``).
- ``momentum`` (v <- mu v + g, step r v): the pair (e, v) is multiplied by the matrix
  [[1 - r lambda, -r mu], [lambda, mu]], whose eigenvalues z solve
  z^2 - (1 + mu - r lambda) z + mu = 0. Both lie inside the unit circle exactly when
  0 < r lambda < 2 (1 + mu) (Jury's test: |mu| < 1 and |1 + mu - r lambda| < 1 + mu), so
  it diverges from 2 (1 + mu)/lambda. Between (1 - sqrt mu)^2/lambda and
  (1 + sqrt mu)^2/lambda the roots are complex, of modulus sqrt(mu), at an angle phi:
  the path rings like a spring and the error changes sign in a share phi/pi of the
  steps. That share passes one half — the steps flip more often than not — where the
  roots' real part (1 + mu - r lambda)/2 turns negative: from r = (1 + mu)/lambda, the
  zig-zag mark. Above (1 + sqrt mu)^2/lambda both roots are real and negative: every
  step flips. With mu = 0 these are sgd's 1/lambda and 2/lambda. The factor reported per
  direction is the spectral radius with the sign of the roots' real part, so that a
  negative factor means zig-zag and |factor| > 1 divergence, as for sgd.
- ``adagrad``, ``adam`` and the proportional backprop mode have no such rate (``NO_MARKS``
  says why).

The marks (``regime_marks``) take lambda_max over the parameters that train (or those
given): 1/lambda_max "zig-zag from here", 2/lambda_max "diverges from here" for sgd.
They compare with the rate the update applies (with a schedule, the scheduled rate).
On a network whose loss is not quadratic in those parameters the curvature, and so the
marks, hold at the current point only (``exact`` is False); with mini-batches or online
learning each batch has a curvature of its own, and the marks are those of the loss on
all samples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from nnviz.core.analysis import hessian
from nnviz.core.analysis.surface import gradient
from nnviz.core.network import Param
from nnviz.core.optimizers import Optimizer
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, T_, translate

# the reasons stay English as data (compared by the slider); ``Marks.reason_text`` shows them
NO_MARKS = {
    "adagrad": N_("regimes", "Adagrad divides each step by the root of the gradients' summed squares, so its steps "
                             "do not scale with rate × curvature and shrink as it goes: no learning rate makes it "
                             "zig-zag or diverge from a fixed point on."),
    "adam": N_("regimes", "Adam divides each step by a running root mean square of the gradient, so a step is about "
                          "the learning rate long whatever the curvature: there is no rate where it starts to "
                          "diverge; too large a rate makes it hover around the minimum."),
    "proportional": N_("regimes", "The proportional mode's steps are not gradient steps (the output error is shared "
                                  "among the weights by their size), so the curvature of the loss does not tell "
                                  "where they zig-zag or diverge."),
}
EDGE = 1e-9  # |factor| within this of 1: at the edge (oscillating)
MAX_NAMED = 6  # Marks.describe names up to this many parameters, else counts them


# ========================================================== per direction
def step_factors(optimizer: Optimizer, rate: float, curvatures: np.ndarray | Iterable[float]) -> np.ndarray:
    """The factor by which one step multiplies the error along an eigen-direction of
    each curvature (see the module notes): ``1 - rate * lambda`` for sgd; for momentum
    the spectral radius of the direction's 2 x 2 iteration matrix, negative where its
    eigenvalues' real part is; NaN for the optimizers without marks."""
    lam = np.asarray(curvatures, dtype=np.float64)
    a = float(rate) * lam
    if optimizer.name == "sgd":
        return 1.0 - a
    if optimizer.name != "momentum":
        return np.full(lam.shape, math.nan)
    mu = optimizer.params["momentum"]
    trace = 1.0 + mu - a
    with np.errstate(invalid="ignore"):
        root = np.sqrt(trace * trace - 4.0 * mu + 0j)
    radius = np.maximum(np.abs(trace + root), np.abs(trace - root)) / 2.0
    return np.where(trace < 0, -radius, radius)


def error_path(optimizer: Optimizer, rate: float, curvatures: np.ndarray | Iterable[float],
               errors: np.ndarray | Iterable[float], steps: int,
               velocity: np.ndarray | Iterable[float] | None = None) -> np.ndarray:
    """The error along each eigen-direction over the next ``steps`` steps, as the quadratic
    model with these ``curvatures`` predicts ((steps + 1) x k, row 0 ``errors``): sgd
    multiplies it by ``1 - rate * lambda`` at every step; momentum moves (error, velocity)
    by [[1 - r lambda, -r mu], [lambda, mu]] (``velocity``: the optimizer's velocity along
    each direction, default 0); NaN for the optimizers without marks. Exact on a quadratic
    loss (the distance to the minimum along each direction); elsewhere the local model."""
    lam = np.asarray(curvatures, dtype=np.float64)
    e = np.array(errors, dtype=np.float64)
    out = np.full((int(steps) + 1, lam.size), math.nan)
    out[0] = e
    if optimizer.name not in ("sgd", "momentum"):
        return out
    mu = optimizer.params.get("momentum", 0.0) if optimizer.name == "momentum" else 0.0
    v = np.zeros(lam.size) if velocity is None else np.array(velocity, dtype=np.float64)
    with np.errstate(all="ignore"):
        for k in range(1, int(steps) + 1):
            v = mu * v + lam * e
            e = e - float(rate) * v
            out[k] = e
    return out


def velocity(trainer: Trainer) -> np.ndarray | None:
    """The momentum optimizer's velocity as a flat parameter vector (zeros before its
    first update), for ``error_path``; None for the other optimizers."""
    if trainer.optimizer.name != "momentum":
        return None
    state = trainer.resume_state()
    if state.opt_name != "momentum" or not all(state.opt_state):
        return np.zeros(trainer.network.n_params)
    return np.concatenate([s[0].ravel() for s in state.opt_state])


def factor_regime(factor: float) -> str | None:
    """The word for a direction whose error is multiplied by ``factor`` per step (for a
    curvature > 0): converging, zigzag (factor < 0), oscillating (|factor| = 1) or
    diverged (|factor| > 1); None for NaN."""
    if not math.isfinite(factor):
        return None
    if abs(factor) > 1.0 + EDGE:
        return "diverged"
    if abs(factor) >= 1.0 - EDGE:
        return "oscillating"
    return "zigzag" if factor < 0 else "converging"


def rate_limits(optimizer: Optimizer, curvature: float) -> tuple[float, float] | None:
    """(zig-zag from, diverges from) for ``optimizer`` at largest curvature
    ``curvature`` > 0: (1/lambda, 2/lambda) for sgd, ((1 + mu)/lambda, 2 (1 + mu)/lambda)
    for momentum mu; None for the optimizers without marks."""
    if optimizer.name == "sgd":
        scale = 1.0
    elif optimizer.name == "momentum":
        scale = 1.0 + optimizer.params["momentum"]
    else:
        return None
    return scale / curvature, 2.0 * scale / curvature


# ================================================================ marks
@dataclass(frozen=True)
class Marks:
    """The rates where the steps start to zig-zag and to diverge (None, None and a
    ``reason`` when there are none). ``curvature``: lambda_max (NaN when not measured),
    over the parameters ``params`` (display names); ``exact``: the loss is quadratic in
    them, so the marks hold at every point (else at the current point only); ``formula``
    the rule used, e.g. ``2/λmax``; ``note`` a sentence on what the numbers rest on."""

    optimizer: str
    zigzag_from: float | None
    diverges_from: float | None
    curvature: float
    params: tuple[str, ...]
    exact: bool
    formula: tuple[str, str] | None = None
    reason: str = ""
    note: str = ""

    def describe(self) -> str:
        """One line, e.g. ``zig-zag from 0.25, diverges from 0.5 (2/λmax, λmax = 4 over
        w1, w2, b)``."""
        if self.zigzag_from is None:
            return T_("regimes", "no regime marks: %1", self.reason_text())
        over = ", ".join(self.params) if len(self.params) <= MAX_NAMED else \
            T_("regimes", "%n parameters", n=len(self.params))
        return T_("regimes", "zig-zag from %1, diverges from %2 (%3, λmax = %4 over %5)", f"{self.zigzag_from:.4g}",
                  f"{self.diverges_from:.4g}", self.formula[1], f"{self.curvature:.4g}", over)

    def reason_text(self) -> str:
        """``reason`` in the language in use."""
        return translate("regimes", self.reason)


def regime_marks(trainer: Trainer, params: Iterable[str | Param] | None = None) -> Marks:
    """The marks for the Trainer's optimizer and backprop mode at the current point,
    with lambda_max over ``params`` (None: every parameter that trains). See ``Marks``
    and the module notes. ValueError for a bad parameter name."""
    net = trainer.network
    opt = trainer.optimizer
    if params is None and trainer.frozen >= {p.name for p in net.params()}:
        return Marks(opt.name, None, None, math.nan, (), False, reason=N_("regimes", "every parameter is frozen: nothing moves"))
    idx = hessian.param_indices(trainer, params)
    all_params = net.params()
    labels = tuple(net.display_name(all_params[i]) for i in idx)
    exact = hessian.is_quadratic(trainer, params)
    kind = "proportional" if trainer.backprop == "proportional" else opt.name
    if kind in NO_MARKS:
        return Marks(opt.name, None, None, math.nan, labels, exact, reason=NO_MARKS[kind])
    lam = hessian.top_eigen(trainer, params)[0]
    if not math.isfinite(lam):
        return Marks(opt.name, None, None, lam, labels, exact,
                     reason=N_("regimes", "the loss or its gradient is not finite here"))
    if lam <= 0:
        return Marks(opt.name, None, None, lam, labels, exact,
                     reason=T_("regimes", "the loss does not curve upwards here (λmax = %1): no rate makes the "
                                          "steps flip", f"{lam:.4g}"))
    zigzag, diverge = rate_limits(opt, lam)
    if opt.name == "sgd":
        formula = ("1/λmax", "2/λmax")
    else:
        formula = ("(1 + μ)/λmax", T_("regimes", "2(1 + μ)/λmax with μ = %1", f"{opt.params['momentum']:g}"))
    notes = [T_("regimes", "exact: the loss is quadratic in these parameters") if exact
             else T_("regimes", "at the current point: the curvature changes as the network learns")]
    if trainer.batch_size < trainer.n_samples:
        notes.append(T_("regimes", "of the loss on all samples; each batch has a curvature of its own"))
    if trainer.settings.schedule.kind != "constant":
        notes.append(T_("regimes", "compare them with the rate the schedule applies"))
    return Marks(opt.name, zigzag, diverge, lam, labels, exact, formula, note="; ".join(notes))


# ========================================================== eigen-directions
@dataclass(frozen=True)
class Eigen:
    """The exact curvature over a few parameters at the current point.

    ``params``/``labels``: canonical and display names, in the order of the flat vector;
    ``matrix`` the Hessian block (k x k); ``values`` its eigenvalues, largest first;
    ``vectors`` (k x k) column i the unit eigenvector of ``values[i]`` (its largest
    entry positive); ``gradient`` the gradient over the parameters; ``exact``: the loss
    is quadratic in them (the numbers hold at every point, else here only)."""

    params: tuple[str, ...]
    labels: tuple[str, ...]
    matrix: np.ndarray
    values: np.ndarray
    vectors: np.ndarray
    gradient: np.ndarray
    exact: bool

    @property
    def offsets(self) -> np.ndarray:
        """The current point's distance from the minimum of the local quadratic model
        along each eigen-direction, (gradient . v_i) / lambda_i (NaN where lambda_i <= 0):
        the error that each step multiplies by ``step_factors``. Exact on a quadratic."""
        along = self.vectors.T.dot(self.gradient)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.values > 0, along / self.values, math.nan)

    def factors(self, optimizer: Optimizer, rate: float) -> np.ndarray:
        """``step_factors`` of the eigenvalues."""
        return step_factors(optimizer, rate, self.values)


def eigen(trainer: Trainer, params: Iterable[str | Param] | None = None) -> Eigen:
    """The exact curvature (``Eigen``) over ``params`` (names; None: every parameter that
    trains), one Hessian-vector product per parameter: for a few parameters or a small
    network."""
    net = trainer.network
    idx = hessian.param_indices(trainer, params)
    matrix = hessian.hessian(trainer, params)
    values, vectors = np.linalg.eigh(matrix)
    values, vectors = values[::-1], vectors[:, ::-1]
    signs = np.where(vectors[np.abs(vectors).argmax(axis=0), np.arange(idx.size)] < 0, -1.0, 1.0)
    all_params = net.params()
    return Eigen(tuple(all_params[i].name for i in idx), tuple(net.display_name(all_params[i]) for i in idx),
                 matrix, values, vectors * signs, gradient(trainer)[idx], hessian.is_quadratic(trainer, params))


def eigen_2x2(trainer: Trainer, p1: str | Param, p2: str | Param) -> Eigen:
    """``eigen`` over two different parameters (e.g. the surface's axes)."""
    if hessian.param_indices(trainer, [p1, p2]).size < 2:
        raise ValueError("the two parameters must be different")
    return eigen(trainer, [p1, p2])
