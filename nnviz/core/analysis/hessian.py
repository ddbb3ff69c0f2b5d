"""The exact curvature of the training loss: Hessian-vector products, Hessian blocks over
a few parameters and the largest eigenvalue with its direction. NumPy only; the Trainer
is never changed.

Hessian-vector products are exact (Pearlmutter 1994, "Fast exact multiplication by the
Hessian"): the forward and backward passes are differentiated once more along the
direction v (the R-operator), with the activations' second derivatives and the losses'
output-delta tangents. A product costs about two gradients and is exact up to rounding:
no finite-difference step. The loss is the training loss on all samples (the number
``trainer.evaluate_loss()`` gives) and its gradient the chain rule's, whatever the
backprop setting.

The largest eigenvalue (``top_eigen``) comes from power iteration accelerated with
Rayleigh-Ritz on the Krylov subspace (Lanczos with full reorthogonalisation): the largest
Ritz value of the vectors seen so far and its Ritz vector. Over d parameters it is exact
after at most d products.

``is_quadratic`` tells where these numbers hold everywhere and not only at the current
point: when the loss is a quadratic function of the parameters (a squared-error loss on
outputs that are affine in them).
"""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np

from nnviz.core import kernels
from nnviz.core.network import Param, split_flat
from nnviz.core.trainer import Trainer

SQUARED_ERROR_LOSSES = ("half_sse", "mse")


def param_indices(trainer: Trainer, params: Iterable[str | Param] | None = None) -> np.ndarray:
    """The flat indices (sorted, no repeats) of ``params`` (canonical or display names;
    None: every parameter that is not frozen). ValueError for a bad name or none."""
    net = trainer.network
    if params is None:
        chosen = [p for p in net.params() if p.name not in trainer.frozen]
        if not chosen:
            raise ValueError("every parameter is frozen: there is no curvature to measure")
    else:
        chosen = [net.parse_param(p.name if isinstance(p, Param) else str(p)) for p in params]
        if not chosen:
            raise ValueError("curvature needs at least one parameter")
    return np.array(sorted({net.flat_index(p) for p in chosen}))


def hessian_vector_product(trainer: Trainer, vectors: np.ndarray) -> np.ndarray:
    """H v for a flat vector v (n_params), or for each row of a stack of them (m x
    n_params -> m x n_params), H the exact Hessian of the training loss at the current
    parameters. Non-finite where the loss is not finite."""
    net = trainer.network
    v = np.asarray(vectors, dtype=np.float64)
    one = v.ndim == 1
    v = v[None] if one else v
    if v.shape[-1] != net.n_params:
        raise ValueError(f"expected vectors of {net.n_params} parameters, got shape {v.shape}")
    dW, dB = split_flat(net, v)  # m x n_out x n_in, m x n_out
    W, B, acts = net.weights, net.biases, net.activations
    x, t = trainer.dataset.inputs, trainer.dataset.targets
    n, L = x.shape[0], net.n_layers
    loss_fn = trainer.loss_fn
    with np.errstate(all="ignore"):
        zs, outs, dzs, das = [], [], [], []
        a, da = x, None
        for i in range(L):
            z, a_next = kernels.forward(a, W[i], B[i], acts[i])  # the net input, and how it moves:
            dz = np.matmul(a, np.swapaxes(dW[i], -1, -2)) + dB[i][:, None, :]
            if da is not None:
                dz += np.matmul(da, W[i].T)
            a, da = a_next, acts[i].backward(z, a_next, dz)
            zs.append(z), outs.append(a), dzs.append(dz), das.append(da)
        delta = loss_fn.output_delta(zs[-1], outs[-1], t)
        ddelta = loss_fn.output_delta_tangent(zs[-1], outs[-1], t, dzs[-1])
        parts: list = [None] * (2 * L)
        for i in range(L - 1, -1, -1):
            hw = np.matmul(np.swapaxes(ddelta, -1, -2), x if i == 0 else outs[i - 1])
            if i > 0:
                hw += np.matmul(delta.T, das[i - 1])
            parts[2 * i] = hw.reshape(hw.shape[0], -1) / n
            parts[2 * i + 1] = ddelta.sum(axis=-2) / n
            if i > 0:
                g, dg = delta.dot(W[i]), np.matmul(ddelta, W[i]) + np.matmul(delta, dW[i])
                delta, ddelta = (acts[i - 1].backward(zs[i - 1], outs[i - 1], g),
                                 acts[i - 1].backward_tangent(zs[i - 1], outs[i - 1], g, dzs[i - 1], dg))
        out = np.concatenate(parts, axis=1)
    return out[0] if one else out


def hessian(trainer: Trainer, params: Iterable[str | Param]) -> np.ndarray:
    """The exact Hessian block over ``params`` (k x k, in the order of the flat vector,
    see ``param_indices``; symmetric), at the current point: k products."""
    idx = param_indices(trainer, params)
    e = np.zeros((idx.size, trainer.network.n_params))
    e[np.arange(idx.size), idx] = 1.0
    h = hessian_vector_product(trainer, e)[:, idx]
    return 0.5 * (h + h.T)


def top_eigen(trainer: Trainer, params: Iterable[str | Param] | None = None,
              iterations: int = 50) -> tuple[float, np.ndarray]:
    """(the largest eigenvalue of the Hessian over ``params`` (None: every parameter that
    is not frozen), its unit eigenvector as a flat vector: zero outside ``params``), from
    at most ``iterations`` products (see the module notes). (NaN, NaN vector) where the
    curvature is not finite."""
    idx = param_indices(trainer, params)
    P, d = trainer.network.n_params, idx.size

    def hvp(q: np.ndarray) -> np.ndarray:
        e = np.zeros(P)
        e[idx] = q
        return hessian_vector_product(trainer, e)[idx]

    rng = np.random.default_rng(20180101)  # deterministic start, never the trainer's generator
    q = rng.standard_normal(d)
    q /= np.linalg.norm(q)
    Q, HQ = [], []
    lam = prev = math.nan
    y = np.ones(1)
    with np.errstate(all="ignore"):
        for k in range(max(1, min(int(iterations), d))):
            hq = hvp(q)
            if not np.isfinite(hq).all():
                return math.nan, np.full(P, math.nan)
            Q.append(q)
            HQ.append(hq)
            Qm, HQm = np.stack(Q, axis=1), np.stack(HQ, axis=1)
            T = Qm.T.dot(HQm)
            values, vectors = np.linalg.eigh(0.5 * (T + T.T))
            lam, y = float(values[-1]), vectors[:, -1]
            if k >= 2 and abs(lam - prev) <= 1e-12 * abs(lam):
                break
            prev = lam
            r = hq - Qm.dot(Qm.T.dot(hq))
            r -= Qm.dot(Qm.T.dot(r))  # twice is enough (Kahan)
            norm = np.linalg.norm(r)
            if norm <= 1e-10 * max(np.linalg.norm(hq), 1e-300):
                break  # the Krylov space is invariant: its Ritz values are eigenvalues
            q = r / norm
        v = np.zeros(P)
        v[idx] = np.stack(Q, axis=1).dot(y)
        v /= np.linalg.norm(v)
    return lam, v


def is_quadratic(trainer: Trainer, params: Iterable[str | Param] | None = None) -> bool:
    """Whether the training loss is exactly a quadratic function of ``params`` (None:
    every parameter that is not frozen), the others held: a squared-error loss
    (``half_sse``, ``mse``) on outputs affine in them — every one in the same weight
    layer, and that layer and all after it linear. Then the curvature is the same at
    every point."""
    net = trainer.network
    idx = set(param_indices(trainer, params).tolist())
    layers = {p.layer for p in net.params() if net.flat_index(p) in idx}
    return (trainer.loss in SQUARED_ERROR_LOSSES and len(layers) == 1
            and all(a.name == "linear" for a in net.activations[min(layers) - 1:]))
