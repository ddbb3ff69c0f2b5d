"""Training data: inputs (n_samples x n_in) and targets (n_samples x n_out), float64.

Built-in data sets are generated, never downloaded: ``generate(name, n_samples=...,
noise=..., seed=...)`` with a name from ``GENERATORS``. The same name, sizes, noise and
seed always give the same numbers (each call draws from its own
``numpy.random.Generator``; the global NumPy state is never used).

A Dataset may carry the names of its columns (a data file's header), the min-max
``transform`` it was scaled with (see ``nnviz.core.data.transform``) and a ``check`` set
held out from training (see ``split``); all three travel in the snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import numpy as np

from nnviz.core.data.transform import DataTransform
from nnviz.core.network import frozen_array
from nnviz.core.words import N_, T_


class DataError(ValueError):
    """Data that cannot be used; the message is one line for the user, naming the file,
    the line and the column where it can."""


@dataclass(frozen=True)
class Dataset:
    inputs: np.ndarray
    targets: np.ndarray
    name: str = ""
    transform: DataTransform | None = field(default=None, compare=False)
    check: Dataset | None = field(default=None, compare=False)
    input_names: tuple[str, ...] = field(default=(), compare=False)  # () or one per input column
    target_names: tuple[str, ...] = field(default=(), compare=False)  # () or one per target column
    is_classification: bool = field(init=False)

    def __post_init__(self) -> None:
        x, t = frozen_array(self.inputs), frozen_array(self.targets)
        if x.ndim == 1:
            x = frozen_array(x[:, None])
        if t.ndim == 1:
            t = frozen_array(t[:, None])
        if x.ndim != 2 or t.ndim != 2:
            raise ValueError(T_("DataError", "inputs and targets must be tables (n_samples x n_columns)"))
        if x.shape[0] != t.shape[0]:
            raise ValueError(T_("DataError", "%1 input rows but %2 target rows", x.shape[0], t.shape[0]))
        if x.shape[0] == 0:
            raise ValueError(T_("DataError", "the data set has no samples"))
        if not (np.isfinite(x).all() and np.isfinite(t).all()):
            raise ValueError(T_("DataError", "the data set holds a number that is not finite"))
        object.__setattr__(self, "inputs", x)
        object.__setattr__(self, "targets", t)
        object.__setattr__(self, "is_classification", bool(np.isin(t, (0.0, 1.0)).all()))
        for attr, n in (("input_names", x.shape[1]), ("target_names", t.shape[1])):
            names = tuple(map(str, getattr(self, attr)))
            if names and len(names) != n:
                raise ValueError(T_("DataError", "%1: expected %2 names (one per column), got %3", attr, n, len(names)))
            object.__setattr__(self, attr, names)
        c = self.check
        if c is not None:
            if not isinstance(c, Dataset):
                raise ValueError(T_("DataError", "the check set must be a Dataset"))
            if c.n_inputs != x.shape[1] or c.n_outputs != t.shape[1]:
                raise ValueError(T_("DataError", "the check set has %1 input and %2 target columns, the training set "
                                    "%3 and %4", c.n_inputs, c.n_outputs, x.shape[1], t.shape[1]))

    @property
    def n_samples(self) -> int:
        return self.inputs.shape[0]

    @property
    def n_inputs(self) -> int:
        return self.inputs.shape[1]

    @property
    def n_outputs(self) -> int:
        return self.targets.shape[1]

    @property
    def n_classes(self) -> int | None:
        """Classes of classification data (2 for a single 0/1 column), else None."""
        if not self.is_classification:
            return None
        return 2 if self.n_outputs == 1 else self.n_outputs


# ================================================================ splitting
def split(dataset: Dataset, ratio: float, seed: int = 0) -> tuple[Dataset, Dataset]:
    """Hold out ``ratio`` of the samples (rounded, at least one, leaving at least one) as
    a check set, chosen at random with ``seed``; both parts keep the file's order.

    Returns ``(train, check)``; ``train.check`` is ``check`` so that the check set
    travels with the training data (the trainer trains on ``train`` only).
    """
    train_idx, check_idx = split_rows(dataset.n_samples, ratio, seed)
    check = replace(dataset, inputs=dataset.inputs[check_idx], targets=dataset.targets[check_idx], check=None)
    train = replace(dataset, inputs=dataset.inputs[train_idx], targets=dataset.targets[train_idx], check=check)
    return train, check


def split_rows(n: int, ratio: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The rows ``split`` keeps for training and holds out for checking, each in order."""
    ratio = float(ratio)
    if not (0.0 < ratio < 1.0):
        raise ValueError(T_("DataError", "the check ratio must be between 0 and 1 (exclusive), got %1", repr(ratio)))
    if n < 2:
        raise ValueError(T_("DataError", "cannot split %1 sample into a training and a check set", n))
    n_check = min(max(round(ratio * n), 1), n - 1)
    order = np.random.default_rng(_seed(seed)).permutation(n)
    return np.sort(order[n_check:]), np.sort(order[:n_check])


# =============================================================== generators
class Generator(NamedTuple):
    function: Callable[..., Dataset]
    kind: str  # "classification" or "regression"
    n_samples: int  # defaults
    noise: float
    description: str


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(_seed(seed))


def _seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(T_("DataError", "the seed must be a whole number >= 0, got %1", repr(seed)))
    return int(seed)


def _check_args(n_samples, noise, low: int = 1) -> tuple[int, float]:
    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)) or n_samples < low:
        raise ValueError(T_("DataError", "the sample count must be a whole number >= %1, got %2", low, repr(n_samples)))
    try:
        noise = float(noise)
    except (TypeError, ValueError):
        raise ValueError(T_("DataError", "the noise must be a number >= 0, got %1", repr(noise))) from None
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(T_("DataError", "the noise must be a number >= 0, got %1", repr(noise)))
    return int(n_samples), noise


def _class_sizes(n: int, k: int) -> np.ndarray:
    """Class labels 0..k-1, as even as possible, in blocks."""
    return np.repeat(np.arange(k), [n // k + (c < n % k) for c in range(k)])


def _class_targets(labels: np.ndarray, k: int) -> np.ndarray:
    """A single 0/1 column for two classes, one-hot columns for more."""
    if k == 2:
        return labels[:, None].astype(np.float64)
    return np.eye(k)[labels]


_GATES = {"xor": (0, 1, 1, 0), "and": (0, 0, 0, 1), "or": (0, 1, 1, 1)}
_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


def _gate(name: str, n_samples: int, noise: float, seed: int) -> Dataset:
    n, noise = _check_args(n_samples, noise)
    idx = np.arange(n) % 4
    x = _CORNERS[idx].copy()
    if noise:
        x += _rng(seed).normal(0.0, noise, x.shape)
    else:
        _seed(seed)
    t = np.array(_GATES[name], dtype=np.float64)[idx]
    return Dataset(x, t[:, None], name)


def xor(n_samples: int = 4, noise: float = 0.0, seed: int = 0) -> Dataset:
    """The XOR truth table; more samples repeat the four corners, ``noise`` is the
    standard deviation of Gaussian jitter added to the inputs."""
    return _gate("xor", n_samples, noise, seed)


def and_(n_samples: int = 4, noise: float = 0.0, seed: int = 0) -> Dataset:
    """The AND truth table (see ``xor``)."""
    return _gate("and", n_samples, noise, seed)


def or_(n_samples: int = 4, noise: float = 0.0, seed: int = 0) -> Dataset:
    """The OR truth table (see ``xor``)."""
    return _gate("or", n_samples, noise, seed)


def circle(n_samples: int = 200, noise: float = 0.05, seed: int = 0, radius: float = 0.5) -> Dataset:
    """Points spread evenly over the disc of radius 1; class 1 inside ``radius``, class 0
    outside. ``noise`` jitters the points after labelling, so the classes overlap."""
    n, noise = _check_args(n_samples, noise, 2)
    rng = _rng(seed)
    labels = _class_sizes(n, 2)[::-1].copy()  # half inside (1), half outside (0)
    u = rng.uniform(0.0, 1.0, n)
    r = np.where(labels == 1, radius * np.sqrt(u), np.sqrt(radius ** 2 + u * (1.0 - radius ** 2)))
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = np.column_stack((r * np.cos(angle), r * np.sin(angle))) + rng.normal(0.0, 1.0, (n, 2)) * noise
    return Dataset(x, labels[:, None].astype(np.float64), "circle")


def two_moons(n_samples: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two interleaving half circles: class 0 the upper one, class 1 the lower one."""
    n, noise = _check_args(n_samples, noise, 2)
    rng = _rng(seed)
    labels = _class_sizes(n, 2)
    angle = np.empty(n)
    for c in (0, 1):
        m = int((labels == c).sum())
        angle[labels == c] = np.linspace(0.0, np.pi, m)
    upper = np.column_stack((np.cos(angle), np.sin(angle)))
    lower = np.column_stack((1.0 - np.cos(angle), 0.5 - np.sin(angle)))
    x = np.where((labels == 0)[:, None], upper, lower) + rng.normal(0.0, 1.0, (n, 2)) * noise
    return Dataset(x, labels[:, None].astype(np.float64), "two_moons")


def spiral(n_samples: int = 200, noise: float = 0.1, seed: int = 0, n_classes: int = 2,
           turns: float = 1.5) -> Dataset:
    """``n_classes`` interleaved spiral arms from the origin outwards (radius up to 1)."""
    k = _classes(n_classes)
    n, noise = _check_args(n_samples, noise, k)
    rng = _rng(seed)
    labels = _class_sizes(n, k)
    r = np.empty(n)
    for c in range(k):
        m = int((labels == c).sum())
        r[labels == c] = np.linspace(0.05, 1.0, m)
    angle = 2 * np.pi * (turns * r + labels / k)
    x = np.column_stack((r * np.cos(angle), r * np.sin(angle))) + rng.normal(0.0, 1.0, (n, 2)) * noise
    return Dataset(x, _class_targets(labels, k), "spiral")


def blobs(n_samples: int = 200, noise: float = 0.5, seed: int = 0, n_classes: int = 3,
          spread: float = 2.0) -> Dataset:
    """Gaussian blobs, one per class, centred evenly on a circle of radius ``spread``;
    ``noise`` is each blob's standard deviation. Two classes give a single 0/1 target
    column, more give one-hot columns."""
    k = _classes(n_classes)
    n, noise = _check_args(n_samples, noise, k)
    rng = _rng(seed)
    labels = _class_sizes(n, k)
    angle = 2 * np.pi * np.arange(k) / k
    centres = spread * np.column_stack((np.cos(angle), np.sin(angle)))
    x = centres[labels] + rng.normal(0.0, 1.0, (n, 2)) * noise
    return Dataset(x, _class_targets(labels, k), "blobs")


def sine(n_samples: int = 32, noise: float = 0.0, seed: int = 0) -> Dataset:
    """y = sin(x) at ``n_samples`` evenly spaced points of [-pi, pi], plus Gaussian noise
    of standard deviation ``noise``."""
    n, noise = _check_args(n_samples, noise)
    x = np.linspace(-np.pi, np.pi, n)
    y = np.sin(x)
    if noise:
        y = y + _rng(seed).normal(0.0, noise, n)
    else:
        _seed(seed)
    return Dataset(x[:, None], y[:, None], "sine")


def plane(n_samples: int = 100, noise: float = 0.05, seed: int = 0,
          a: float = 0.5, b: float = -0.3, c: float = 0.1) -> Dataset:
    """z = a x + b y + c + noise, with (x, y) uniform on [-1, 1]^2."""
    n, noise = _check_args(n_samples, noise)
    rng = _rng(seed)
    xy = rng.uniform(-1.0, 1.0, (n, 2))
    z = a * xy[:, 0] + b * xy[:, 1] + c + rng.normal(0.0, 1.0, n) * noise
    return Dataset(xy, z[:, None], "plane")


def scales(n_samples: int = 40, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two inputs two orders of magnitude apart: a flat's floor area in m² (uniform on
    [10, 60]) and its distance to the metro in km (uniform on [0.1, 0.9]); the target is
    its monthly rent in thousands, 0.05 area - 2 distance + 1, plus Gaussian noise of
    standard deviation ``noise``. Trained raw, the loss is a long narrow valley; min-max
    normalised, a round bowl."""
    n, noise = _check_args(n_samples, noise, 2)
    rng = _rng(seed)
    x = np.column_stack((rng.uniform(10.0, 60.0, n), rng.uniform(0.1, 0.9, n)))
    y = 0.05 * x[:, 0] - 2.0 * x[:, 1] + 1.0 + rng.normal(0.0, 1.0, n) * noise
    return Dataset(x, y[:, None], "scales")


def _classes(k) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 2 <= k <= 10:
        raise ValueError(T_("DataError", "the class count must be a whole number 2..10, got %1", repr(k)))
    return int(k)


GENERATORS: dict[str, Generator] = {
    "xor": Generator(xor, "classification", 4, 0.0, N_("datasets", "XOR of two inputs (the four corners)")),
    "and": Generator(and_, "classification", 4, 0.0, N_("datasets", "AND of two inputs (the four corners)")),
    "or": Generator(or_, "classification", 4, 0.0, N_("datasets", "OR of two inputs (the four corners)")),
    "circle": Generator(circle, "classification", 200, 0.05, N_("datasets", "a disc of class 1 inside a ring of class 0")),
    "two_moons": Generator(two_moons, "classification", 200, 0.1, N_("datasets", "two interleaving half circles")),
    "spiral": Generator(spiral, "classification", 200, 0.1, N_("datasets", "interleaved spiral arms")),
    "blobs": Generator(blobs, "classification", 200, 0.5, N_("datasets", "Gaussian blobs, one per class")),
    "sine": Generator(sine, "regression", 32, 0.0, N_("datasets", "y = sin(x) on [-pi, pi]")),
    "plane": Generator(plane, "regression", 100, 0.05, N_("datasets", "z = a x + b y + c")),
    "scales": Generator(scales, "regression", 40, 0.1,
                        N_("datasets", "rent from floor area (10-60 m²) and metro distance (0.1-0.9 km): inputs "
                                       "of very different sizes")),
}
_ALIASES = {"and_": "and", "or_": "or"}


def names() -> list[str]:
    return list(GENERATORS)


def generate(name: str, n_samples: int | None = None, noise: float | None = None, seed: int = 0,
             **options: Any) -> Dataset:
    """The built-in data set ``name`` (see ``GENERATORS``); ``None`` takes its default
    sample count or noise. ``options`` go to the generator (e.g. ``n_classes=4`` for
    blobs and spiral, ``a``, ``b``, ``c`` for plane)."""
    key = _ALIASES.get(name, name)
    try:
        gen = GENERATORS[key]
    except KeyError:
        raise ValueError(T_("DataError", "unknown data set %1; expected one of %2", repr(name),
                            ', '.join(GENERATORS))) from None
    return gen.function(n_samples=gen.n_samples if n_samples is None else n_samples,
                        noise=gen.noise if noise is None else noise, seed=seed, **options)
