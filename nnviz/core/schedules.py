"""Learning-rate schedules: how the rate each update applies follows the update count."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnviz.core.words import T_

SCHEDULES = ("constant", "step", "exponential", "inverse")


@dataclass(frozen=True)
class Schedule:
    """How the applied learning rate follows the iteration count t (updates so far):

    - ``constant``: lr
    - ``step``: lr * gamma ** (t // step_size)   (step decay)
    - ``exponential``: lr * gamma ** t
    - ``inverse``: lr / (1 + decay * t)         (1/t decay)
    """

    kind: str = "constant"
    step_size: int = 100
    gamma: float = 0.5
    decay: float = 0.01

    def __post_init__(self) -> None:
        if self.kind not in SCHEDULES:
            raise ValueError(T_("settings", "schedule must be one of %1, got %2", ', '.join(SCHEDULES),
                                repr(self.kind)))
        if isinstance(self.step_size, bool) or not isinstance(self.step_size, (int, np.integer)) \
                or self.step_size < 1:
            raise ValueError(T_("settings", "schedule step_size must be a whole number >= 1, got %1",
                                repr(self.step_size)))
        if not (isinstance(self.gamma, (int, float)) and 0 < self.gamma <= 1):
            raise ValueError(T_("settings", "schedule gamma must be in (0, 1], got %1", repr(self.gamma)))
        if not (isinstance(self.decay, (int, float)) and math.isfinite(self.decay) and self.decay >= 0):
            raise ValueError(T_("settings", "schedule decay must be a number >= 0, got %1", repr(self.decay)))

    def rate(self, learning_rate: float, t: int) -> float:
        if self.kind == "constant":
            return learning_rate
        if self.kind == "step":
            return learning_rate * self.gamma ** (t // self.step_size)
        if self.kind == "exponential":
            return learning_rate * self.gamma ** t
        return learning_rate / (1.0 + self.decay * t)
