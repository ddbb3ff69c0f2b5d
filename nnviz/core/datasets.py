"""Training data: inputs (n_samples x n_in) and targets (n_samples x n_out), float64."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnviz.core.network import frozen_array


@dataclass(frozen=True)
class Dataset:
    inputs: np.ndarray
    targets: np.ndarray
    name: str = ""
    is_classification: bool = field(init=False)

    def __post_init__(self) -> None:
        x, t = frozen_array(self.inputs), frozen_array(self.targets)
        if x.ndim == 1:
            x = frozen_array(x[:, None])
        if t.ndim == 1:
            t = frozen_array(t[:, None])
        if x.ndim != 2 or t.ndim != 2:
            raise ValueError("inputs and targets must be tables (n_samples x n_columns)")
        if x.shape[0] != t.shape[0]:
            raise ValueError(f"{x.shape[0]} input rows but {t.shape[0]} target rows")
        if x.shape[0] == 0:
            raise ValueError("the data set has no samples")
        if not (np.isfinite(x).all() and np.isfinite(t).all()):
            raise ValueError("the data set holds a number that is not finite")
        object.__setattr__(self, "inputs", x)
        object.__setattr__(self, "targets", t)
        object.__setattr__(self, "is_classification", bool(np.isin(t, (0.0, 1.0)).all()))

    @property
    def n_samples(self) -> int:
        return self.inputs.shape[0]

    @property
    def n_inputs(self) -> int:
        return self.inputs.shape[1]

    @property
    def n_outputs(self) -> int:
        return self.targets.shape[1]


def xor() -> Dataset:
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return Dataset(x, np.array([[0.0], [1.0], [1.0], [0.0]]), "xor")


def sine(n_samples: int = 32) -> Dataset:
    """y = sin(x) at ``n_samples`` evenly spaced points of [-pi, pi]."""
    x = np.linspace(-np.pi, np.pi, n_samples)
    return Dataset(x[:, None], np.sin(x)[:, None], "sine")
