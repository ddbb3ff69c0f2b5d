"""Optimizers as pure functions of (gradient, state) -> (step, new state).

The parameter moves by ``-step``. Every call returns new arrays and never changes the
old ones, so the Trainer can keep earlier states by reference for Step back.
The formulas follow the common (PyTorch) conventions:

- ``sgd``:      step = lr g
- ``momentum``: v = momentum v + g;                  step = lr v
- ``adagrad``:  G = G + g^2;                         step = lr g / (sqrt(G) + eps)
- ``adam``:     m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2;
                step = lr m_hat / (sqrt(v_hat) + eps), m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t)

``t`` counts the updates made with this optimizer, starting at 1.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nnviz.core.words import T_


class Optimizer:
    name = ""
    state_names: tuple[str, ...] = ()
    defaults: dict[str, float] = {}

    def __init__(self, **params: Any) -> None:
        unknown = set(params) - set(self.defaults)
        if unknown:
            raise ValueError(
                f"optimizer {self.name} has no parameter {sorted(unknown)[0]!r}"
                + (f"; it takes {', '.join(self.defaults)}" if self.defaults else "")
            )
        self.params: dict[str, float] = dict(self.defaults)
        for key, value in params.items():
            value = float(value)
            if not math.isfinite(value) or value < 0:
                raise ValueError(T_("settings", "optimizer %1: %2 must be a finite number >= 0, got %3", self.name, key,
                                    value))
            self.params[key] = value
        for key in ("beta1", "beta2", "momentum"):
            if key in self.params and not self.params[key] < 1:
                raise ValueError(T_("settings", "optimizer %1: %2 must be below 1, got %3", self.name, key,
                                    self.params[key]))

    def init_state(self, shape: tuple[int, ...]) -> tuple[np.ndarray, ...]:
        return tuple(np.zeros(shape) for _ in self.state_names)

    def step(self, g: np.ndarray, state: tuple, lr: float, t: int) -> tuple[np.ndarray, tuple]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Optimizer) and (self.name, self.params) == (other.name, other.params)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    name = "sgd"

    def step(self, g, state, lr, t):
        return lr * g, state


class Momentum(Optimizer):
    name = "momentum"
    state_names = ("velocity",)
    defaults = {"momentum": 0.9}

    def step(self, g, state, lr, t):
        v = self.params["momentum"] * state[0] + g
        return lr * v, (v,)


class Adagrad(Optimizer):
    name = "adagrad"
    state_names = ("sum_sq",)
    defaults = {"eps": 1e-10}

    def step(self, g, state, lr, t):
        s = state[0] + g * g
        return lr * g / (np.sqrt(s) + self.params["eps"]), (s,)


class Adam(Optimizer):
    name = "adam"
    state_names = ("m", "v")
    defaults = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}

    def step(self, g, state, lr, t):
        b1, b2, eps = self.params["beta1"], self.params["beta2"], self.params["eps"]
        m = b1 * state[0] + (1.0 - b1) * g
        v = b2 * state[1] + (1.0 - b2) * (g * g)
        m_hat = m / (1.0 - b1**t)
        v_hat = v / (1.0 - b2**t)
        return lr * m_hat / (np.sqrt(v_hat) + eps), (m, v)


OPTIMIZERS = {cls.name: cls for cls in (SGD, Momentum, Adagrad, Adam)}


def create(name: str, **params: Any) -> Optimizer:
    try:
        cls = OPTIMIZERS[name]
    except KeyError:
        raise ValueError(
            T_("settings", "unknown optimizer %1; expected one of %2", repr(name), ', '.join(OPTIMIZERS))
        ) from None
    return cls(**params)
