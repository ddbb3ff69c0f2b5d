"""Activation functions, numerically stable at any input (no overflow warnings, no NaN).

Each activation maps net inputs ``z`` (n_samples x n_units) to outputs ``a`` and knows
its derivative. ``backward(z, a, g)`` turns dE/da into dE/dz; for the element-wise ones
that is ``g * f'(z)``, for softmax it is the Jacobian-vector product (the Jacobian is
symmetric, so ``backward(z, a, dz)`` is also how ``a`` moves when ``z`` moves by ``dz``).
``backward_tangent`` is how ``backward`` moves when ``z`` and ``g`` move: what exact
Hessian-vector products (``nnviz.core.analysis.hessian``) need.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.words import T_


class Activation:
    name = ""
    elementwise = True

    def forward(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """f'(z) element by element (for softmax: the diagonal of the Jacobian, a(1 - a))."""
        raise NotImplementedError

    def second_derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """f''(z) element by element (element-wise activations)."""
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, g: np.ndarray) -> np.ndarray:
        return g * self.derivative(z, a)

    def backward_tangent(self, z: np.ndarray, a: np.ndarray, g: np.ndarray, dz: np.ndarray,
                         dg: np.ndarray) -> np.ndarray:
        """The directional derivative of ``backward(z, f(z), g)`` when ``z`` moves by ``dz``
        and ``g`` by ``dg``: ``dg f'(z) + g f''(z) dz``."""
        return dg * self.derivative(z, a) + g * self.second_derivative(z, a) * dz

    def formula(self) -> str:
        """The derivative in words, for worked arithmetic: e.g. ``out*(1 - out)``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<activation {self.name}>"


class Sigmoid(Activation):
    name = "sigmoid"

    def forward(self, z):
        # Split form: exp only ever sees non-positive numbers, and small outputs keep
        # their relative precision (1/(1+exp(-z)) would overflow for z << 0).
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    def derivative(self, z, a):
        return a * (1.0 - a)

    def second_derivative(self, z, a):
        return a * (1.0 - a) * (1.0 - 2.0 * a)

    def formula(self):
        return "out*(1 - out)"


class Tanh(Activation):
    name = "tanh"

    def forward(self, z):
        return np.tanh(z)

    def derivative(self, z, a):
        return 1.0 - a * a

    def second_derivative(self, z, a):
        return -2.0 * a * (1.0 - a * a)

    def formula(self):
        return "1 - out^2"


class ReLU(Activation):
    name = "relu"

    def forward(self, z):
        return np.maximum(z, 0.0)

    def derivative(self, z, a):
        return (z > 0).astype(np.float64)

    def second_derivative(self, z, a):
        return np.zeros_like(z)

    def formula(self):
        return "(net > 0 ? 1 : 0)"


class Linear(Activation):
    name = "linear"

    def forward(self, z):
        return z

    def derivative(self, z, a):
        return np.ones_like(z)

    def second_derivative(self, z, a):
        return np.zeros_like(z)

    def backward(self, z, a, g):
        return g

    def backward_tangent(self, z, a, g, dz, dg):
        return dg

    def formula(self):
        return "1"


class Softmax(Activation):
    name = "softmax"
    elementwise = False

    def forward(self, z):
        with np.errstate(over="ignore"):  # z - max may reach -inf: exp gives 0, as it should
            e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    def derivative(self, z, a):
        return a * (1.0 - a)

    def backward(self, z, a, g):
        return a * (g - (g * a).sum(axis=-1, keepdims=True))

    def backward_tangent(self, z, a, g, dz, dg):
        da = self.backward(z, a, dz)
        return (da * (g - (g * a).sum(axis=-1, keepdims=True))
                + a * (dg - (dg * a).sum(axis=-1, keepdims=True) - (g * da).sum(axis=-1, keepdims=True)))

    def formula(self):
        return "out*(1 - out)"


ACTIVATIONS: dict[str, Activation] = {
    cls.name: cls() for cls in (Sigmoid, Tanh, ReLU, Linear, Softmax)
}


def get(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            T_("settings", "unknown activation %1; expected one of %2", repr(name), ', '.join(ACTIVATIONS))
        ) from None
