"""Gradient checking: the chain rule's answer against a central finite difference.

``finite_difference(trainer, "W2[0,0]")`` nudges one parameter up and down by ``h`` and
measures how the loss of the current iteration's batch moves:

    dE/dw  ~  (E(w + h) - E(w - h)) / 2h

It evaluates the loss at the parameters the iteration's backward pass used — the
parameters from before this iteration's update for layers already updated
(``values.params_before``), the current ones for the others — so it estimates the very
gradient the Trainer computed, also after the update step. Nothing in the Trainer
changes: the loss is computed from copies, no signal fires.

The two losses differ only in their sixth or seventh significant digit, so their
difference loses most of float64's precision. The forward pass here therefore runs in
NumPy's extended precision (``longdouble``, 64-bit mantissa on x86) where the platform
has it; that makes the estimate good to about 1e-10 relative instead of 1e-7. On
platforms where ``longdouble`` is plain float64 it is the ordinary estimate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core import kernels
from nnviz.core.network import Param
from nnviz.core.trainer import Trainer

DEFAULT_H = 1e-6
_WIDE = np.longdouble


@dataclass(frozen=True)
class Difference:
    """A central difference and its ingredients: ``estimate`` = (loss_plus - loss_minus) / (2h)."""

    name: str  # canonical parameter name, e.g. W2[0,0]
    value: float  # the parameter's value the backward pass used
    h: float
    loss_plus: float  # E(value + h)
    loss_minus: float  # E(value - h)
    loss_change: float  # loss_plus - loss_minus, computed before rounding to float64
    estimate: float
    loss_centre: float  # E(value): equals the iteration's loss unless something changed since

    def matches_iteration(self, trainer: Trainer, rtol: float = 1e-9) -> bool:
        """Whether E at the unperturbed parameters is the loss the iteration's forward pass
        computed. False when a parameter was edited or the loss setting changed since then:
        the backprop gradient then belongs to another function than the one differenced."""
        loss = trainer.values.loss
        return loss is None or abs(self.loss_centre - loss) <= rtol * max(1.0, abs(loss))


def _param(trainer: Trainer, name: str | Param) -> Param:
    return trainer.network.parse_param(str(name))


def _batch(trainer: Trainer) -> tuple[np.ndarray, np.ndarray]:
    """The inputs and targets of the current iteration (of the last one at a boundary)."""
    v = trainer.values
    if v.inputs is not None:
        return v.inputs, v.targets
    if trainer.batch_size >= trainer.n_samples:  # the next iteration's batch is all the data
        return trainer.dataset.inputs, trainer.dataset.targets
    raise ValueError("no batch drawn yet: the first forward step of an iteration draws it")


def backward_parameters(trainer: Trainer) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(weights, biases) as the current iteration's forward and backward passes used them."""
    v, net = trainer.values, trainer.network
    weights, biases = [], []
    for layer in range(net.n_layers):
        before = v.params_before[layer]
        w, b = before if before is not None else (net.weights[layer], net.biases[layer])
        weights.append(w)
        biases.append(b)
    return weights, biases


def _loss(trainer: Trainer, weights, biases, x, t) -> np.floating:
    nets, outs = kernels.forward_pass(x, weights, biases, trainer.network.activations)
    return trainer.loss_fn.per_sample(nets[-1], outs[-1], t).mean()


def central_difference(trainer: Trainer, name: str | Param, h: float = DEFAULT_H) -> Difference:
    """The central difference of the batch loss with respect to one parameter, with the
    two losses it came from. Raises ValueError for a bad name, a non-positive ``h`` or
    when no batch has been drawn yet (and the next one is not the whole data)."""
    if not (isinstance(h, (int, float)) and np.isfinite(h) and h > 0):
        raise ValueError(f"h must be a positive number, got {h!r}")
    p = _param(trainer, name)
    x, t = (np.asarray(a, dtype=_WIDE) for a in _batch(trainer))
    weights, biases = backward_parameters(trainer)
    weights = [np.array(w, dtype=_WIDE) for w in weights]
    biases = [np.array(b, dtype=_WIDE) for b in biases]
    target = (weights if p.kind == "W" else biases)[p.layer - 1]
    centre = target[p.index]
    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        up, down = centre + _WIDE(h), centre - _WIDE(h)
        target[p.index] = up
        loss_plus = _loss(trainer, weights, biases, x, t)
        target[p.index] = down
        loss_minus = _loss(trainer, weights, biases, x, t)
        change = loss_plus - loss_minus
        estimate = change / (up - down)  # the step as represented, not the nominal 2h
        target[p.index] = centre
        loss_centre = _loss(trainer, weights, biases, x, t)
    return Difference(p.name, float(centre), float(h), float(loss_plus), float(loss_minus),
                      float(change), float(estimate), float(loss_centre))


def finite_difference(trainer: Trainer, name: str | Param, h: float = DEFAULT_H) -> float:
    """The central-difference estimate of dE/d``name`` for the current iteration's batch
    at the parameters its backward pass used, with the Trainer's loss function. Changes
    nothing in the Trainer."""
    return central_difference(trainer, name, h).estimate


def backprop_value(trainer: Trainer, name: str | Param) -> float | None:
    """The gradient the Trainer computed for ``name`` in the current iteration (the last
    one at an iteration boundary); None before the backward step of its layer. In
    ``proportional`` mode this is the heuristic's pseudo-gradient -e·f'·input, which is
    not the derivative of the loss."""
    p = _param(trainer, name)
    v = trainer.values
    grads = (v.grad_W if p.kind == "W" else v.grad_b)[p.layer - 1]
    if grads is None:
        return None
    return float(grads[p.index])


def relative_difference(a: float, b: float) -> float:
    """|a - b| / max(|a|, |b|), and 0 when both are 0."""
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale
