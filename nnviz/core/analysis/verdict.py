"""What a path of updates does, in four words: ``classify``. NumPy only.

The same four words in the look-ahead, the sweep, ``nnviz sweep`` and the window
(``nnviz.core.analysis.sweep``).

- ``converging``: the steps keep their direction (and the loss does not go up);
- ``zigzag``: converging while the steps flip sign along the steepest direction;
- ``oscillating``: bounded but not shrinking (at the edge, or a cycle in a nonlinear
  net), or going back and forth while the loss went up;
- ``diverged``: a loss or a parameter stops being finite, the Trainer's divergence rule
  would stop the run (a loss above 1e6 times the initial loss: the path ends there), the
  loss at the end is more than ``DIVERGING_GROWTH`` (2) times the loss at the start, the
  steps grow while they flip or while the loss goes up, or the loss went up without
  any flipping.

"The steps flip" (``flips``): the steps' components along a direction change sign in
at least half of the consecutive pairs of steps where both are more than 1e-6 of the
longest step (at least two such pairs). The direction is the steepest one at the start
(``steepest_direction``: the eigenvector of the Hessian's largest eigenvalue over the
parameters that train), looked at in the first steps (the look-ahead's whole path, the
sweep's first iterations), where a zig-zag that dies out quickly still shows; and the
main direction of motion of the last steps (their first principal direction), where a
lasting cycle shows. "Grow"/"shrink": the mean step length of the last third of the
(last) steps is above 1/``SHRINK`` / below ``SHRINK`` (0.98) times that of the first
third.

On a quadratic loss with plain gradient descent at rate r the error along an
eigen-direction of curvature lambda is multiplied by 1 - r lambda at every step, so the
words follow the curvature (``nnviz.core.analysis.regimes``): ``converging`` below
1/lambda_max, ``zigzag`` from 1/lambda_max, ``oscillating`` at 2/lambda_max, ``diverged``
above it (close to a boundary either neighbour may be reported).
"""

from __future__ import annotations

import math

import numpy as np

from nnviz.core.analysis import hessian
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, translate

DIVERGING_GROWTH = 2.0
SHRINK = 0.98
DIRECTION_ITERATIONS = 20  # Hessian-vector products for the steepest direction a path is classified along
STATUSES = ("converging", "zigzag", "oscillating", "diverged")
# the words as a reader sees them, and what each means (the statuses themselves stay as data: CSV, lessons)
WORDS = {"converging": N_("verdict", "converging"), "zigzag": N_("verdict", "zigzag"),
         "oscillating": N_("verdict", "oscillating"), "diverged": N_("verdict", "diverged")}
MEANINGS = {"converging": N_("verdict", "the steps keep their direction and the loss goes down"),
            "zigzag": N_("verdict", "converging while the steps flip sign along the steepest direction"),
            "oscillating": N_("verdict", "bounded but not shrinking"),
            "diverged": N_("verdict", "the loss or the steps grow without bound")}


def word(status: str) -> str:
    """A status in the language in use (converging → 收敛)."""
    return translate("verdict", WORDS[status])


def meaning(status: str) -> str:
    """What a status means, in the language in use."""
    return translate("verdict", MEANINGS[status])


def flips(steps: np.ndarray, direction: np.ndarray | None = None, scale: float = 1.0) -> bool:
    """Whether the steps (steps x n_params) flip sign along ``direction`` (a unit flat
    vector; None: their first principal direction), see the module notes. ``scale``: the
    size of the parameters (steps below 1e-12 of it are rounding)."""
    if steps.shape[0] < 3:
        return False
    if direction is None:
        direction = np.linalg.svd(steps, full_matrices=False)[2][0]
    along = steps.dot(direction)
    big = np.abs(along) > max(1e-6 * float(np.linalg.norm(steps, axis=1).max()), 1e-12 * scale)
    pairs = big[:-1] & big[1:]
    n = int(pairs.sum())
    return n >= 2 and int(((along[:-1] * along[1:] < 0) & pairs).sum()) >= 0.5 * n


def classify(params: np.ndarray, loss_start: float, loss_end: float, stopped: bool = False,
             direction: np.ndarray | None = None, head: np.ndarray | None = None) -> str:
    """converging, zigzag, oscillating or diverged (see the module notes) for a path of
    flat parameter vectors (points x n_params: its last points, up to where it stopped)
    whose training loss went from ``loss_start`` to ``loss_end``. ``stopped``: the
    Trainer's divergence rule ended it; ``direction``: the steepest direction at the
    start (unit flat vector; None: the first principal direction of the first steps);
    ``head``: the path's first points when ``params`` holds only its last ones."""
    params = np.asarray(params, dtype=np.float64)
    head = params if head is None else np.asarray(head, dtype=np.float64)
    with np.errstate(all="ignore"):
        if stopped or not (math.isfinite(loss_start) and math.isfinite(loss_end)) \
                or not (np.isfinite(params).all() and np.isfinite(head).all()):
            return "diverged"
        if loss_end > DIVERGING_GROWTH * loss_start and loss_end > loss_start:
            return "diverged"
        went_up = loss_end > loss_start + 1e-9 * abs(loss_start)
        steps = np.diff(params, axis=0)
        if steps.shape[0] == 0:
            return "converging"
        lengths = np.linalg.norm(steps, axis=1)
        scale = 1.0 + float(np.abs(params).max())
        if lengths.max() <= 1e-12 * scale:
            return "converging"
        third = max(1, lengths.size // 3)
        change = lengths[-third:].mean() / lengths[:third].mean()
        lasting = flips(steps[steps.shape[0] // 2:], None, scale)
        flipping = lasting or flips(np.diff(head, axis=0), direction, scale)
        if change > 1.0 / SHRINK:
            return "diverged" if flipping or went_up else "converging"
        if went_up:
            return "oscillating" if flipping else "diverged"
        if lasting and change >= SHRINK:
            return "oscillating"
        return "zigzag" if flipping else "converging"


def steepest_direction(trainer: Trainer) -> np.ndarray | None:
    """The unit flat vector along which the loss curves most at the current point, over
    the parameters that train (None when nothing trains or the loss does not curve
    upwards there)."""
    try:
        lam, v = hessian.top_eigen(trainer, None, DIRECTION_ITERATIONS)
    except ValueError:
        return None
    return v if lam > 0 and np.isfinite(v).all() else None
