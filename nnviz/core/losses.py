"""Loss functions, each averaged over the samples of a batch.

``per_sample(z, a, t)`` gives each sample's loss (n_samples,); the batch loss is their
mean. ``output_delta(z, a, t)`` gives each sample's dE_sample/dnet at the output layer,
so the batch gradient of a weight is the mean over samples of delta * input;
``output_delta_tangent`` how that delta moves when the net input moves (for exact
Hessian-vector products).

- ``half_sse``: 1/2 sum over outputs of (t - o)^2 (the classic worked-example loss)
- ``mse``: mean over all outputs of (t - o)^2
- ``cross_entropy``: -sum t log p with a softmax output, or the binary form
  -[t log o + (1 - t) log(1 - o)] summed over sigmoid outputs; computed from the net
  input (log-sum-exp, softplus) so that it stays finite where o rounds to 0 or 1.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.activations import Activation
from nnviz.core.words import T_


class Loss:
    name = ""

    def __init__(self, activation: Activation) -> None:
        self.activation = activation

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.activation.name == self.activation.name

    def __hash__(self) -> int:
        return hash((self.name, self.activation.name))

    def terms(self, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Each output's share of each sample's loss (n_samples x n_out; leading stack
        dimensions are kept, here and in ``per_sample`` and ``output_delta``)."""
        raise NotImplementedError

    def per_sample(self, z, a, t) -> np.ndarray:
        terms = self.terms(z, a, t)
        return terms.dot(np.ones(terms.shape[-1]))  # the sum over the outputs (a product: faster than sum)

    def batch_loss(self, z, a, t) -> float:
        """The batch loss: the mean over samples of each sample's loss."""
        return float(self.per_sample(z, a, t).sum()) / z.shape[0]

    def output_grad(self, a, t) -> np.ndarray:
        """dE_sample/dout, per sample and output."""
        raise NotImplementedError

    def output_grad_tangent(self, da: np.ndarray) -> np.ndarray:
        """How ``output_grad`` moves when the outputs move by ``da`` (it is linear in them)."""
        raise NotImplementedError

    def output_delta(self, z, a, t) -> np.ndarray:
        return self.activation.backward(z, a, self.output_grad(a, t))

    def output_delta_tangent(self, z, a, t, dz: np.ndarray) -> np.ndarray:
        """The directional derivative of ``output_delta`` when the net input moves by ``dz``."""
        da = self.activation.backward(z, a, dz)
        return self.activation.backward_tangent(z, a, self.output_grad(a, t), dz, self.output_grad_tangent(da))


class HalfSSE(Loss):
    name = "half_sse"

    def terms(self, z, a, t):
        d = t - a
        return 0.5 * d * d

    def batch_loss(self, z, a, t):
        d = (t - a).ravel()
        return 0.5 * float(d.dot(d)) / z.shape[0]

    def output_grad(self, a, t):
        return a - t

    def output_grad_tangent(self, da):
        return da


class MSE(Loss):
    name = "mse"

    def terms(self, z, a, t):
        d = t - a
        return d * d / a.shape[-1]

    def batch_loss(self, z, a, t):
        d = (t - a).ravel()
        return float(d.dot(d)) / d.size

    def output_grad(self, a, t):
        return 2.0 * (a - t) / a.shape[-1]

    def output_grad_tangent(self, da):
        return 2.0 * da / da.shape[-1]


class CrossEntropy(Loss):
    name = "cross_entropy"

    def __init__(self, activation: Activation) -> None:
        if activation.name not in ("softmax", "sigmoid"):
            raise ValueError(T_("losses", "loss cross_entropy needs a softmax or sigmoid output layer, got %1",
                                activation.name))
        super().__init__(activation)

    def terms(self, z, a, t):
        if self.activation.name == "softmax":
            with np.errstate(over="ignore", invalid="ignore"):
                shifted = z - z.max(axis=-1, keepdims=True)
                log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
                return np.where(t == 0, 0.0, -t * log_p)  # 0 log 0 = 0
        # -[t log s(z) + (1 - t) log(1 - s(z))] = softplus(z) - t z
        return np.logaddexp(0.0, z) - t * z

    def output_grad(self, a, t):
        # Only used for display; the delta below avoids dividing by a saturated output.
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.activation.name == "softmax":
                return -t / a
            return (a - t) / (a * (1.0 - a))

    def output_delta(self, z, a, t):
        if self.activation.name == "softmax":
            return a * t.sum(axis=-1, keepdims=True) - t
        return a - t

    def output_delta_tangent(self, z, a, t, dz):
        da = self.activation.backward(z, a, dz)
        if self.activation.name == "softmax":
            return da * t.sum(axis=1, keepdims=True)
        return da


LOSSES = {cls.name: cls for cls in (HalfSSE, MSE, CrossEntropy)}


def get(name: str, output_activation: Activation) -> Loss:
    try:
        cls = LOSSES[name]
    except KeyError:
        raise ValueError(T_("settings", "unknown loss %1; expected one of %2", repr(name), ', '.join(LOSSES))) from None
    return cls(output_activation)
