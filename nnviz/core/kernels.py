"""The arithmetic of training, written once: the forward pass, the loss, the backward
pass (chain rule or proportional split), the optimizer update, frozen parameters and
the drawing of batches. The Trainer, the look-ahead and sweep, the loss surface, the
comparison of the backprop modes, the views and the command line all call these, so
that they all give the same bits.

Shapes. One network: weights ``n_out x n_in``, biases ``n_out``, a batch of samples
``n x n_in``. Every function also takes a stack of networks with any leading
dimensions: weights ``... x n_out x n_in``, biases ``... x n_out`` (a stack of learning
rates, a grid of parameter values), with the samples either shared (``n x n_in``) or
stacked too (``... x n x n_in``). A stack gives, network by network, the bits the same
call gives for one network (stacked matrix products are NumPy's ``matmul``, which the
tests check against the one-network ``dot``).

The divergence rule (``train_step``, the Trainer's micro-steps and the sweep's stacks
apply it; ``finite`` and ``loss_ok`` are its tests): an iteration diverges, and nothing
of it is kept, when a net input stops being finite (forward), the loss stops being
finite or exceeds the threshold, the loss on the check set stops being finite (loss),
a gradient stops being finite (backward), or a new parameter or optimizer state does
(update). So every number a kept state holds is finite. The forward, loss and backward
problems come from parameters an earlier update made. The arithmetic functions check
nothing; run them under ``np.errstate(all="ignore")``.
"""

from __future__ import annotations

import math
from typing import NamedTuple, Sequence

import numpy as np

from nnviz.core.activations import Activation
from nnviz.core.losses import Loss
from nnviz.core.optimizers import Optimizer


# ================================================================ forward
def forward(a_prev: np.ndarray, w: np.ndarray, b: np.ndarray, act: Activation) -> tuple[np.ndarray, np.ndarray]:
    """(net, out) of one layer: ``net = a_prev W^T + b``, ``out = f(net)``."""
    if w.ndim == 2:
        z = a_prev.dot(w.T) + b  # ndarray.dot: the product of @, with less overhead on small arrays
    else:
        z = np.matmul(a_prev, np.swapaxes(w, -1, -2)) + b[..., None, :]
    return z, act.forward(z)


def forward_pass(x: np.ndarray, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray],
                 activations: Sequence[Activation]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(net inputs, outputs) of every layer, layer 1 first."""
    nets, outs = [], []
    a = x
    for w, b, act in zip(weights, biases, activations):
        z, a = forward(a, w, b, act)
        nets.append(z)
        outs.append(a)
    return nets, outs


def outputs(x: np.ndarray, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray],
            activations: Sequence[Activation]) -> np.ndarray:
    """The network's outputs for inputs ``x``."""
    return forward_pass(x, weights, biases, activations)[1][-1]


_ZEROS: dict[int, np.ndarray] = {}  # size -> read-only zeros (never written into: safe between threads)
_ONES: dict[int, np.ndarray] = {}  # size n -> a read-only column of n ones


def _constant(cache: dict, n: int, make) -> np.ndarray:
    a = cache.get(n)
    if a is None:
        a = cache[n] = make(n)
        a.flags.writeable = False
    return a


# ================================================================== loss
def loss(loss_fn: Loss, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> float | np.ndarray:
    """The batch loss (the mean over samples of each sample's loss) of the output
    layer's net inputs ``z`` and outputs ``a`` against the targets ``t``; for a stack,
    an array of them, each exactly the one-network number."""
    if z.ndim == 2:
        return loss_fn.batch_loss(z, a, t)
    out = np.empty(z.shape[:-2])
    for i in np.ndindex(out.shape):
        out[i] = loss_fn.batch_loss(z[i], a[i], t)
    return out


def stacked_loss(loss_fn: Loss, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> np.ndarray:
    """``loss`` for a large stack (points x n x n_out against shared targets n x n_out),
    vectorised: equal to ``loss`` up to the rounding of a sum in another order."""
    g, n, k = z.shape
    t2 = np.broadcast_to(t, (g, n, k)).reshape(g * n, k)
    terms = loss_fn.terms(z.reshape(g * n, k), a.reshape(g * n, k), t2)
    return terms.reshape(g, n * k).dot(np.ones(n * k)) / n  # a product: faster than sum(axis=1) on short rows


# ============================================================== backward
def _product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a.dot(b) if a.ndim == 2 and b.ndim == 2 else np.matmul(a, b)


def backward(chain: bool, loss_fn: Loss, act: Activation, z: np.ndarray, a: np.ndarray, a_prev: np.ndarray,
             targets: np.ndarray, err_next: np.ndarray | None = None,
             w_next: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(errors, dE/dW, dE/db) of one layer; ``err_next``/``w_next`` (the errors and
    weights of the layer above) are None at the output layer.

    ``chain``: the errors are deltas dE_sample/dnet. Otherwise the proportional split:
    the output error e = t - o is shared among the incoming weights in proportion to
    their size, and the pseudo-gradient is -mean(e f' a_prev) (e points downhill).
    Gradients are means over the batch."""
    n = a_prev.shape[-2]
    if chain:
        if err_next is None:
            err = loss_fn.output_delta(z, a, targets)
        else:
            err = act.backward(z, a, _product(err_next, w_next))
        local, scale = err, 1.0 / n
    else:
        if err_next is None:
            err = targets - a
        else:
            total = np.abs(w_next).sum(axis=-1, keepdims=True)
            share = np.divide(w_next, total, out=np.zeros_like(w_next), where=total > 0)
            err = _product(err_next, share)
        local, scale = err * act.derivative(z, a), -1.0 / n
    # dE/db = local^T 1: the product of dE/dW with a column of ones (a strided sum over
    # the samples is several times slower)
    ones = _ONES.get(n)
    if ones is None:
        ones = _constant(_ONES, n, lambda k: np.ones((k, 1)))
    if local.ndim == 2:
        local_t = local.T
        g_w, g_b = local_t.dot(a_prev), local_t.dot(ones)[:, 0]
    else:
        local_t = np.swapaxes(local, -1, -2)
        g_w, g_b = np.matmul(local_t, a_prev), np.matmul(local_t, ones)[..., 0]
    if scale != 1.0:  # (x * 1.0 is x: skipped for one sample)
        g_w *= scale
        g_b *= scale
    return err, g_w, g_b


def backward_pass(chain: bool, loss_fn: Loss, activations: Sequence[Activation], x: np.ndarray,
                  targets: np.ndarray, nets: Sequence[np.ndarray], outs: Sequence[np.ndarray],
                  weights: Sequence[np.ndarray]) -> tuple[list, list, list]:
    """(errors, dE/dW, dE/db) of every layer (lists indexed by layer - 1), from the
    forward pass ``nets``/``outs`` that ``weights`` gave."""
    L = len(nets)
    errs, g_ws, g_bs = [None] * L, [None] * L, [None] * L
    err = w_next = None
    for i in range(L - 1, -1, -1):
        err, g_ws[i], g_bs[i] = backward(chain, loss_fn, activations[i], nets[i], outs[i],
                                         x if i == 0 else outs[i - 1], targets, err, w_next)
        errs[i], w_next = err, weights[i]
    return errs, g_ws, g_bs


# ================================================================ update
def update(opt: Optimizer, lr: float | np.ndarray, t: int, w: np.ndarray, b: np.ndarray, g_w: np.ndarray,
           g_b: np.ndarray, state: tuple, mask_w=None, mask_b=None) -> tuple:
    """New (W, b, W state, b state) after one optimizer step with learning rate ``lr``
    (a number, or one per network of a stack) at step count ``t``; ``state`` is (W
    state, b state). A frozen entry (``mask`` True where frozen, True for the whole
    array, None for nothing frozen) keeps its value and its optimizer state. The new
    arrays are read-only; an array that is wholly frozen is returned as it was."""
    if isinstance(lr, np.ndarray):
        lr_w, lr_b = lr[..., None, None], lr[..., None]
    else:
        lr_w = lr_b = lr
    new_w, state_w = _step(opt, lr_w, t, w, g_w, state[0], mask_w)
    new_b, state_b = _step(opt, lr_b, t, b, g_b, state[1], mask_b)
    return new_w, new_b, state_w, state_b


def _step(opt: Optimizer, lr, t: int, param: np.ndarray, grad: np.ndarray, state: tuple, mask):
    if mask is True:
        return param, state
    if mask is not None:
        grad = np.where(mask, 0.0, grad)
    step, new_state = opt.step(grad, state, lr, t)
    if mask is not None:
        step = np.where(mask, 0.0, step)
        new_state = tuple(np.where(mask, old, s) for old, s in zip(state, new_state))
    new = param - step
    new.flags.writeable = False
    return new, new_state


def frozen_masks(network, frozen) -> list:
    """Per parameter array (W1, b1, W2, b2, ...): None (nothing frozen), True (all
    frozen) or a boolean mask of the frozen entries, for the parameter names ``frozen``."""
    masks: list = [None] * (2 * network.n_layers)
    for name in frozen:
        p = network.parse_param(name)
        j = 2 * (p.layer - 1) + (p.kind == "b")
        if masks[j] is None:
            arrays = network.weights if p.kind == "W" else network.biases
            masks[j] = np.zeros(arrays[p.layer - 1].shape, dtype=bool)
        masks[j][p.index] = True
    return [True if m is not None and m.all() else m for m in masks]


# ============================================================== classes
def classes(values: np.ndarray) -> np.ndarray:
    """The class of each row of outputs or targets: ``value >= 0.5`` for one column (two
    classes), else the column of the largest value."""
    if values.shape[-1] == 1:
        return (values[..., 0] >= 0.5).astype(np.int64)
    return values.argmax(axis=-1)


def accuracy(outputs: np.ndarray, targets: np.ndarray) -> float:
    """The share of rows whose output is of the target's class."""
    return np.count_nonzero(classes(outputs) == classes(targets)) / outputs.shape[0]


# =============================================================== batches
def draw_batch(n_samples: int, batch_size: int, shuffle: bool, order: np.ndarray, position: int,
               rng: np.random.Generator | None) -> tuple[np.ndarray | None, np.ndarray, int, bool]:
    """The next batch: (sample indices, or None for all samples in order; the batch
    order; the position after it; whether it ends an epoch). An epoch walks through
    ``order`` in steps of ``batch_size``; a new epoch draws a new order from ``rng``
    when ``shuffle`` is on, else goes back to the file's order. The last batch of an
    epoch may be smaller."""
    n = n_samples
    if batch_size >= n:
        return None, order, 0, True
    if position >= n:
        position = 0
    if position == 0:
        if shuffle:
            order = rng.permutation(n)
        elif not np.array_equal(order, np.arange(n)):
            order = np.arange(n)
    batch = order[position:position + batch_size]
    position += batch_size
    end = position >= n
    return batch, order, 0 if end else position, end


# ======================================================== one iteration
def finite(a: np.ndarray, lead: int = 0):
    """Whether every number of ``a`` is finite: one bool, or for a stack with ``lead``
    leading dimensions one per network."""
    if lead == 0:
        # The dot product with zeros is 0 exactly when every number is finite: 0 x inf
        # and 0 x nan are nan, and nothing can overflow. (Three times as fast as isfinite
        # + all on the small arrays of a step.)
        zeros = _ZEROS.get(a.size)
        if zeros is None:
            zeros = _constant(_ZEROS, a.size, np.zeros)
        return a.ravel().dot(zeros) == 0.0
    return np.isfinite(a).reshape(a.shape[:lead] + (-1,)).all(axis=-1)


def loss_ok(value, threshold: float):
    """A batch loss (or an array of them) that is finite and at most ``threshold``."""
    if isinstance(value, float):
        return math.isfinite(value) and value <= threshold
    return np.isfinite(value) & (value <= threshold)


class Step(NamedTuple):
    """Everything one iteration of one network computed (``train_step``); ``problem`` is
    None, or (what stopped being finite or exploded, its layer or None) when it diverged:
    then the fields after the problem's phase are None."""

    nets: list
    outs: list
    loss: float
    check_loss: float | None
    errs: list | None
    g_ws: list | None
    g_bs: list | None
    weights: list | None
    biases: list | None
    opt_state: list | None
    problem: tuple[str, int | None] | None


def train_step(x: np.ndarray, t: np.ndarray, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray],
               activations: Sequence[Activation], loss_fn: Loss, chain: bool, opt: Optimizer, lr: float,
               step_t: int, opt_state: Sequence[tuple], masks: Sequence, threshold: float,
               check: tuple[np.ndarray, np.ndarray] | None = None) -> Step:
    """One iteration of one network as its micro-steps compute it: the forward pass, the
    loss (and the loss on the ``check`` inputs and targets at the same parameters), the
    backward pass and the update of every layer, the last first, from the optimizer
    state ``opt_state`` (W1, b1, W2, ... states) at step count ``step_t``. The divergence
    rule (see the module notes) is checked once over everything the iteration made; a
    problem is then named as the micro-steps would name it, the first in their order."""
    L = len(weights)
    nets, outs = forward_pass(x, weights, biases, activations)
    value = loss_fn.batch_loss(nets[-1], outs[-1], t)
    ok = loss_ok(value, threshold)
    check_value = None
    if ok and check is not None:
        cn, co = forward_pass(check[0], weights, biases, activations)
        check_value = loss_fn.batch_loss(cn[-1], co[-1], check[1])
        ok = math.isfinite(check_value)
    errs, g_ws, g_bs = backward_pass(chain, loss_fn, activations, x, t, nets, outs, weights)
    new_w, new_b, state = list(weights), list(biases), list(opt_state)
    made = nets + g_ws + g_bs  # every array of the iteration that a kept state holds
    for i in range(L - 1, -1, -1):
        w, b, sw, sb = update(opt, lr, step_t, weights[i], biases[i], g_ws[i], g_bs[i],
                              (state[2 * i], state[2 * i + 1]), masks[2 * i], masks[2 * i + 1])
        new_w[i], new_b[i], state[2 * i], state[2 * i + 1] = w, b, sw, sb
        made += sw + sb
        if w is not weights[i]:
            made.append(w)
        if b is not biases[i]:
            made.append(b)
    if ok and finite(np.concatenate([a.ravel() for a in made])):
        return Step(nets, outs, value, check_value, errs, g_ws, g_bs, new_w, new_b, state, None)
    # the first problem in the order of the micro-steps
    problem = next((("net inputs", i + 1) for i in range(L) if not finite(nets[i])), None)
    if problem is None and not loss_ok(value, threshold):
        problem = ("loss", None)
    if problem is None and check_value is not None and not math.isfinite(check_value):
        problem = ("check loss", None)
    if problem is None:
        problem = next((("gradients", i + 1) for i in range(L - 1, -1, -1)
                        if not (finite(g_ws[i]) and finite(g_bs[i]))), None)
    if problem is None:
        problem = next(((what, i + 1) for i in range(L - 1, -1, -1) if (what := update_problem(
            new_w[i], new_b[i], state[2 * i], state[2 * i + 1], weights[i], biases[i])) is not None))
    return Step(nets, outs, value, check_value, errs, g_ws, g_bs, None, None, None, problem)


def update_problem(w: np.ndarray, b: np.ndarray, state_w: tuple, state_b: tuple, w_old: np.ndarray,
                   b_old: np.ndarray) -> str | None:
    """What of one layer's update stopped being finite: "parameters", "optimizer state"
    or None (arrays left as they were are not looked at again)."""
    if not ((w is w_old or finite(w)) and (b is b_old or finite(b))):
        return "parameters"
    for state in (state_w, state_b):
        for a in state:
            if not finite(a):
                return "optimizer state"
    return None
