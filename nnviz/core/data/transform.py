"""Min-max normalisation of a data set, kept as a small invertible transform.

Works on anything with ``inputs``/``targets`` tables and dataclass fields (a
``Dataset``) without importing it, so that ``datasets`` can name the transform its data
went through.

Inputs go to [-1, 1] per column; targets to the range of the output activation
([0, 1] for sigmoid and softmax, [-1, 1] for tanh) or stay as they are (linear, relu).
A constant column maps to the middle of its range and back to its value.

``fit`` looks at a data set's own rows only, never at its ``check`` set, and ``apply``
scales both: split first, then fit on the training part, so that the check loss is
measured on data whose scale the training did not see (check values may fall outside
the ranges).

    transform = fit(dataset, "sigmoid")
    scaled = transform.apply(dataset)          # a new Dataset carrying the transform
    transform.inverse_inputs(scaled.inputs)    # the original inputs (to rounding)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import numpy as np

from nnviz.core.words import T_

D = TypeVar("D")  # a Dataset

INPUT_RANGE = (-1.0, 1.0)
TARGET_RANGES: dict[str, tuple[float, float] | None] = {
    "sigmoid": (0.0, 1.0),
    "softmax": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "linear": None,
    "relu": None,
}


def target_range(output_activation: str) -> tuple[float, float] | None:
    """The range targets are scaled to for this output activation (None: left alone)."""
    try:
        return TARGET_RANGES[output_activation]
    except KeyError:
        raise ValueError(f"unknown activation {output_activation!r}; expected one of "
                         f"{', '.join(TARGET_RANGES)}") from None


@dataclass(frozen=True)
class DataTransform:
    """Per-column minima and maxima of the raw data and the ranges they were mapped to.

    ``target_range`` is None when the targets were left as they are (then
    ``target_min``/``target_max`` are empty).
    """

    input_min: tuple[float, ...]
    input_max: tuple[float, ...]
    input_range: tuple[float, float] = INPUT_RANGE
    target_min: tuple[float, ...] = ()
    target_max: tuple[float, ...] = ()
    target_range: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        for name in ("input_min", "input_max", "target_min", "target_max"):
            object.__setattr__(self, name, tuple(float(v) for v in getattr(self, name)))
        for name in ("input_range", "target_range"):
            r = getattr(self, name)
            if r is not None:
                r = (float(r[0]), float(r[1]))
                if not (np.isfinite(r).all() and r[0] < r[1]):
                    raise ValueError(f"{name}: expected two finite numbers low < high, got {list(r)}")
                object.__setattr__(self, name, r)
        if len(self.input_min) != len(self.input_max) or not self.input_min:
            raise ValueError("input_min and input_max: expected one value per input column each")
        if self.target_range is None:
            if self.target_min or self.target_max:
                raise ValueError("target_min and target_max: expected none when targets are not scaled")
        elif len(self.target_min) != len(self.target_max) or not self.target_min:
            raise ValueError("target_min and target_max: expected one value per target column each")
        values = self.input_min + self.input_max + self.target_min + self.target_max
        if not np.isfinite(values).all():
            raise ValueError("the transform holds a number that is not finite")
        for lo, hi, what in ((self.input_min, self.input_max, "input"),
                             (self.target_min, self.target_max, "target")):
            for j, (a, b) in enumerate(zip(lo, hi)):
                if a > b:
                    raise ValueError(f"{what} column {j + 1}: minimum {a!r} is above maximum {b!r}")

    # ------------------------------------------------------------- properties
    @property
    def n_inputs(self) -> int:
        return len(self.input_min)

    @property
    def n_targets(self) -> int | None:
        """Target columns scaled, or None when the targets are left alone."""
        return None if self.target_range is None else len(self.target_min)

    @property
    def scales_targets(self) -> bool:
        return self.target_range is not None

    # -------------------------------------------------------------- applying
    def apply_inputs(self, x: np.ndarray) -> np.ndarray:
        return _scale(x, self.input_min, self.input_max, self.input_range)

    def inverse_inputs(self, x: np.ndarray) -> np.ndarray:
        return _unscale(x, self.input_min, self.input_max, self.input_range)

    def apply_targets(self, t: np.ndarray) -> np.ndarray:
        if self.target_range is None:
            return np.array(t, dtype=np.float64)
        return _scale(t, self.target_min, self.target_max, self.target_range)

    def inverse_targets(self, t: np.ndarray) -> np.ndarray:
        """Network outputs (or scaled targets) back in the units of the file."""
        if self.target_range is None:
            return np.array(t, dtype=np.float64)
        return _unscale(t, self.target_min, self.target_max, self.target_range)

    def apply(self, dataset: D) -> D:
        """The scaled data set, carrying this transform (a check set is scaled too)."""
        self._check_fits(dataset)
        check = None if dataset.check is None else self.apply(replace(dataset.check, transform=None))
        return replace(dataset, inputs=self.apply_inputs(dataset.inputs),
                       targets=self.apply_targets(dataset.targets), transform=self, check=check)

    def invert(self, dataset: D) -> D:
        """The data set in the units of the file, without a transform."""
        self._check_fits(dataset)
        check = None if dataset.check is None else self.invert(dataset.check)
        return replace(dataset, inputs=self.inverse_inputs(dataset.inputs),
                       targets=self.inverse_targets(dataset.targets), transform=None, check=check)

    def _check_fits(self, dataset) -> None:
        if dataset.n_inputs != self.n_inputs:
            raise ValueError(T_("DataTransform", "the transform is for %1 input columns, the data has %2",
                                self.n_inputs, dataset.n_inputs))
        if self.target_range is not None and dataset.n_outputs != len(self.target_min):
            raise ValueError(T_("DataTransform", "the transform is for %1 target columns, the data has %2",
                                len(self.target_min), dataset.n_outputs))

    # ------------------------------------------------------- showing, saving
    def describe(self, input_names: Sequence[str] | None = None,
                 target_names: Sequence[str] | None = None) -> list[str]:
        """One line per column, e.g. ``x1: [-3, 5] -> [-1, 1]``."""
        lines = []
        lo, hi = self.input_range
        for j, (a, b) in enumerate(zip(self.input_min, self.input_max)):
            name = input_names[j] if input_names else T_("DataTransform", "input %1", j + 1)
            lines.append(f"{name}: [{a:.6g}, {b:.6g}] -> [{lo:.6g}, {hi:.6g}]")
        if self.target_range is None:
            lines.append(T_("DataTransform", "targets: not scaled"))
        else:
            lo, hi = self.target_range
            for j, (a, b) in enumerate(zip(self.target_min, self.target_max)):
                name = target_names[j] if target_names else T_("DataTransform", "target %1", j + 1)
                lines.append(f"{name}: [{a:.6g}, {b:.6g}] -> [{lo:.6g}, {hi:.6g}]")
        return lines

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"input_min": list(self.input_min), "input_max": list(self.input_max),
                               "input_range": list(self.input_range)}
        if self.target_range is not None:
            doc.update(target_min=list(self.target_min), target_max=list(self.target_max),
                       target_range=list(self.target_range))
        return doc


def fit(dataset, output_activation: str | None = None) -> DataTransform:
    """The min-max transform of ``dataset``: inputs to [-1, 1], targets to the range of
    ``output_activation`` (None, ``linear`` or ``relu``: targets left alone)."""
    rng = None if output_activation is None else target_range(output_activation)
    x, t = dataset.inputs, dataset.targets
    kwargs: dict[str, Any] = {}
    if rng is not None:
        kwargs = {"target_min": t.min(axis=0), "target_max": t.max(axis=0), "target_range": rng}
    return DataTransform(input_min=x.min(axis=0), input_max=x.max(axis=0), **kwargs)


def normalize(dataset: D, output_activation: str | None = None) -> D:
    """``fit(dataset, output_activation).apply(dataset)``."""
    return fit(dataset, output_activation).apply(dataset)


def _scale(x, mins, maxs, rng) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    mins, maxs = np.asarray(mins), np.asarray(maxs)
    lo, hi = rng
    span = maxs - mins
    flat = span == 0
    safe = np.where(flat, 1.0, span)
    return np.where(flat, (lo + hi) / 2, lo + (x - mins) * ((hi - lo) / safe))


def _unscale(x, mins, maxs, rng) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    mins, maxs = np.asarray(mins), np.asarray(maxs)
    lo, hi = rng
    span = maxs - mins
    return np.where(span == 0, mins + 0.0 * x, mins + (x - lo) * (span / (hi - lo)))
