"""The snapshot's sections read and checked one field at a time: each reader takes the
``Reader`` of its part of the document and raises ``SnapshotError`` with one line naming
the field (``dataset.transform.input_min``) and what was expected."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.core import optimizers
from nnviz.core.data.datasets import Dataset
from nnviz.core.data.transform import DataTransform
from nnviz.core.trainer import SCHEDULES, Schedule, parse_batch
from nnviz.core.words import T_
from nnviz.io.json_fields import Field


class SnapshotError(ValueError):
    """A snapshot that cannot be read or written; the message is one line for the user."""


class Reader(Field):
    error = SnapshotError


def transform(r: Reader, sizes: list[int]) -> DataTransform:
    """dataset.transform: the min-max normalisation the data went through."""
    r.dict()
    n_in, n_out = sizes[0], sizes[-1]
    fields: dict[str, Any] = {}
    for key, n in (("input_min", n_in), ("input_max", n_in)):
        fields[key] = tuple(r[key].array(shape=(n,)).tolist())
    if r.get("input_range") is not None:
        fields["input_range"] = tuple(r["input_range"].array(shape=(2,)).tolist())
    if r.get("target_range") is not None:
        fields["target_range"] = tuple(r["target_range"].array(shape=(2,)).tolist())
        for key in ("target_min", "target_max"):
            fields[key] = tuple(r[key].array(shape=(n_out,)).tolist())
    else:
        for key in ("target_min", "target_max"):
            if r.get(key) is not None:
                r[key].fail(T_("SnapshotError", "not allowed without target_range (the targets were not scaled)"))
    for key in ("input_range", "target_range"):
        if key in fields and not fields[key][0] < fields[key][1]:
            r[key].fail(T_("SnapshotError", "expected [low, high] with low < high, got %1", list(fields[key])))
    for a, b, what in (("input_min", "input_max", "input"), ("target_min", "target_max", "target")):
        for j, (lo, hi) in enumerate(zip(fields.get(a, ()), fields.get(b, ()))):
            if lo > hi:
                r[a].fail(T_("SnapshotError", "column %1: minimum %2 is above the maximum %3", j, repr(lo), repr(hi)))
    try:
        return DataTransform(**fields)
    except ValueError as exc:
        r.fail(str(exc))


def check_set(r: Reader, sizes: list[int], name: str, transform, names: dict) -> Dataset:
    """dataset.check: samples held out from training, to measure the check loss."""
    r.dict()
    inputs, targets = samples(r, sizes)
    return Dataset(inputs, targets, name, transform=transform, **names)


def samples(r: Reader, sizes: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """``inputs`` and ``targets`` of ``r``: at least one row, one per sample, with the
    network's input and output counts as columns."""
    if r["inputs"].value == []:
        r["inputs"].fail(T_("SnapshotError", "expected at least one sample"))
    inputs = r["inputs"].array(ndim=2)
    targets = r["targets"].array(ndim=2)
    if inputs.shape[1] != sizes[0]:
        r["inputs"].fail(T_("SnapshotError", "expected %1 columns (the network's inputs), got %2", sizes[0],
                            inputs.shape[1]))
    if targets.shape[1] != sizes[-1]:
        r["targets"].fail(T_("SnapshotError", "expected %1 columns (the network's outputs), got %2", sizes[-1],
                             targets.shape[1]))
    if targets.shape[0] != inputs.shape[0]:
        r["targets"].fail(T_("SnapshotError", "expected %1 row (one per input row), got %2", 1, targets.shape[0])
                          if inputs.shape[0] == 1 else
                          T_("SnapshotError", "expected %1 rows (one per input row), got %2", inputs.shape[0],
                             targets.shape[0]))
    return inputs, targets


def optimizer(r: Reader) -> optimizers.Optimizer:
    """``{"name": ..., "params": {...}}``."""
    name = r["name"].str(tuple(optimizers.OPTIMIZERS))
    pr = r.get("params")
    params = {k: pr.child(k, v).float() for k, v in pr.dict().items()} if pr is not None else {}
    try:
        return optimizers.create(name, **params)
    except ValueError as exc:
        raise SnapshotError(T_("SnapshotError", "%1.params: %2", r.path, exc)) from None


def schedule(r: Reader) -> Schedule:
    if isinstance(r.value, str):
        fields = {"kind": r.str(SCHEDULES)}
    else:
        fields = {"kind": r["kind"].str(SCHEDULES)}
        if r.get("step_size") is not None:
            fields["step_size"] = r["step_size"].int(low=1)
        for key in ("gamma", "decay"):
            if r.get(key) is not None:
                fields[key] = r[key].float()
    try:
        return Schedule(**fields)
    except ValueError as exc:
        r.fail(str(exc))


def batch(r: Reader):
    if isinstance(r.value, str):
        r.name()  # no line breaks, not too long for the message
    try:
        return parse_batch(r.value)
    except ValueError as exc:
        r.fail(str(exc))


def rng_state(r: Reader, rng: np.random.Generator) -> dict:
    state = r.dict()
    kind = type(rng.bit_generator).__name__
    if state.get("bit_generator") != kind:
        r.fail(T_("SnapshotError", "expected a %1 generator state (bit_generator: \"%2\")", kind, kind))
    inner = r["state"].dict()
    for key in ("state", "inc"):
        r["state"][key].int(0, 2**128 - 1)
    for key in ("has_uint32", "uinteger"):
        if key in state:
            r[key].int(0, 2**32 - 1)
    probe = np.random.default_rng()
    try:
        probe.bit_generator.state = {"bit_generator": kind, "state": dict(inner),
                                     "has_uint32": state.get("has_uint32", 0),
                                     "uinteger": state.get("uinteger", 0)}
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        r.fail(T_("SnapshotError", "not a valid generator state (%1)", exc))
    return probe.bit_generator.state


def layer_arrays(r: Reader, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
    items = r.items()
    if len(items) != len(shapes):
        r.fail(T_("SnapshotError", "expected %1 arrays (one per weight layer), got %2", len(shapes), len(items)))
    return [x.array(shape=shape) for x, shape in zip(items, shapes)]
