"""Typed access to a JSON document with the path of each value (``network.weights[1]``),
so that every problem is one line naming the field. Numbers are checked in bulk (types
collected in C), so a list of millions of numbers costs little more than NumPy's copy."""

from __future__ import annotations

import json
import math
import re
from itertools import chain
from typing import Any

import numpy as np

from nnviz.core.words import N_, T_, translate
from nnviz.io.files import QUOTE_LIMIT, quote

MAX_NAME = 100  # characters of a display name
MAX_LINE = 1000  # characters of a message kept in a file


class Field:
    """Typed access to a JSON value with its path, for one-line error messages; each
    check raises ``error`` (a subclass sets its own) with ``path: problem``."""

    error: type[ValueError] = ValueError

    def __init__(self, value: Any, path: str) -> None:
        self.value, self.path = value, path

    def fail(self, problem: str):
        raise self.error(f"{self.path}: {problem}")

    def __getitem__(self, key: str) -> "Field":
        if not isinstance(self.value, dict):
            self.fail(T_("Field", "expected an object"))
        if key not in self.value:
            raise self.error(T_("Field", "%1: missing", self._child(key)))
        return type(self)(self.value[key], self._child(key))

    def get(self, key: str) -> "Field | None":
        if not isinstance(self.value, dict):
            self.fail(T_("Field", "expected an object"))
        if key not in self.value or self.value[key] is None:
            return None
        return type(self)(self.value[key], self._child(key))

    def _child(self, key: str) -> str:
        return child_path(self.path, key)

    def child(self, key: str, value: Any) -> "Field":
        """A reader of ``value`` found under ``key`` (a key of a free-form object)."""
        return type(self)(value, child_path(self.path, key))

    def items(self) -> list["Field"]:
        if not isinstance(self.value, list):
            self.fail(T_("Field", "expected a list, got %1", kind(self.value)))
        return [type(self)(v, f"{self.path}[{i}]") for i, v in enumerate(self.value)]

    def dict(self) -> dict:
        if not isinstance(self.value, dict):
            self.fail(T_("Field", "expected an object, got %1", kind(self.value)))
        return self.value

    def str(self, choices: tuple | None = None) -> str:
        if not isinstance(self.value, str):
            self.fail(T_("Field", "expected text, got %1", kind(self.value)))
        if choices is not None and self.value not in choices:
            self.fail(T_("Field", "expected one of %1, got %2", ', '.join(map(str, choices)), quote(self.value)))
        return self.value

    def name(self) -> str:
        """A display name: one line of at most ``MAX_NAME`` characters."""
        v = self.str()
        if len(v) > MAX_NAME:
            self.fail(T_("Field", "expected a name of at most %1 characters, got %2", MAX_NAME, f"{len(v):,}"))
        if not v.isprintable():
            self.fail(T_("Field", "expected a name without line breaks or control characters, got %1", quote(v)))
        return v

    def line(self) -> str:
        """A message kept in a file (a divergence's): one line of at most ``MAX_LINE`` characters."""
        v = self.str()
        if len(v) > MAX_LINE:
            self.fail(T_("Field", "expected one line of at most %1 characters, got %2", MAX_LINE, f"{len(v):,}"))
        if not v.isprintable():
            self.fail(T_("Field", "expected one line without control characters, got %1", quote(v)))
        return v

    def names(self, n: int) -> tuple[str, ...]:
        """A list of ``n`` names (see ``name``)."""
        items = self.items()
        if len(items) != n:
            self.fail(T_("Field", "expected %1 names (one per column), got %2", n, len(items)))
        return tuple(x.name() for x in items)

    def bool(self) -> bool:
        if not isinstance(self.value, bool):
            self.fail(T_("Field", "expected true or false, got %1", kind(self.value)))
        return self.value

    def int(self, low: int | None = 0, high: int | None = None) -> int:
        v = self.value
        if isinstance(v, bool) or not isinstance(v, int):
            self.fail(T_("Field", "expected a whole number, got %1", kind(v)))
        if low is not None and v < low or high is not None and v > high:
            bounds = f"{low}..{high}" if high is not None else f">= {low}"
            self.fail(T_("Field", "expected a whole number %1, got %2", bounds, v))
        return v

    def ints(self, low: int, high: int) -> np.ndarray:
        """A list of whole numbers low..high (checked in NumPy when they are plain ints)."""
        v = self.value
        if isinstance(v, list) and set(map(type, v)) <= {int}:
            try:
                arr = np.array(v, dtype=np.int64)
            except OverflowError:
                arr = None
            if arr is not None and (arr.size == 0 or low <= arr.min() and arr.max() <= high):
                return arr.astype(np.intp)
        return np.array([x.int(low, high) for x in self.items()], dtype=np.intp)  # names the bad one

    def float(self, positive: bool = False) -> float:
        v = self.value
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            self.fail(T_("Field", "expected a number, got %1", kind(v)))
        try:
            v = float(v)
        except OverflowError:
            self.fail(T_("Field", "expected a finite number, got a number too large for a float"))
        if not math.isfinite(v):
            self.fail(T_("Field", "expected a finite number, got %1", v))
        if positive and v <= 0:
            self.fail(T_("Field", "expected a positive number, got %1", v))
        return float(v)

    def array(self, shape: tuple[int, ...] | None = None, ndim: int | None = None) -> np.ndarray:
        arr = self._to_array()
        if ndim is not None and arr.ndim != ndim:
            self.fail(T_("Field", "expected a list of lists of numbers") if ndim == 2
                      else T_("Field", "expected a list of numbers"))
        if shape is not None and arr.shape != shape:
            self.fail(T_("Field", "expected shape %1, got %2", shape, arr.shape))
        if not np.isfinite(arr).all():
            bad = tuple(int(i) for i in np.argwhere(~np.isfinite(arr))[0])
            where = "".join(f"[{i}]" for i in bad)
            raise self.error(T_("Field", "%1%2: expected a finite number, got %3", self.path, where, arr[bad]))
        return arr

    def _to_array(self) -> np.ndarray:
        def check(v, path):
            if isinstance(v, list):
                if _numbers_only(v) or all(type(x) is list for x in v) and _numbers_only(chain.from_iterable(v)):
                    return
                for i, x in enumerate(v):  # find the first bad entry
                    check(x, f"{path}[{i}]")
            elif isinstance(v, bool) or not isinstance(v, (int, float)):
                raise self.error(T_("Field", "%1: expected a number, got %2", path, kind(v)))
            elif isinstance(v, int) and abs(v) > 1.7976931348623157e308:
                raise self.error(T_("Field", "%1: expected a finite number, got a number too large for a float", path))
        if not isinstance(self.value, list):
            self.fail(T_("Field", "expected a list, got %1", kind(self.value)))
        check(self.value, self.path)  # before NumPy, which would take "0.25", true or null as numbers
        try:
            return np.array(self.value, dtype=np.float64)
        except (ValueError, TypeError):
            self.fail(T_("Field", "rows of different lengths"))


def clean_name(text: str) -> str:
    """``text`` as a name ``Field.name`` accepts: line breaks, tabs and other characters
    that are not printable become spaces, runs of spaces one, and a name longer than
    ``MAX_NAME`` characters is cut, ending in "…"."""
    name = " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1].rstrip() + "…"


def child_path(path: str, key: str) -> str:
    """``path.key``, or ``path['odd key']`` for a key that is not a plain name."""
    key = str(key)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_\[\],]{0,39}", key):
        return f"{path}.{key}" if path else key
    return f"{path}[{quote(key)}]"


def shown(v: Any) -> str:
    """A JSON value for a message: text quoted, anything else as JSON, cut to a few words."""
    if isinstance(v, str):
        return quote(v)
    text = json.dumps(v)
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + f"... ({len(text):,} characters)"


def kind(v: Any) -> str:
    if v is None:
        return "null"
    found = KINDS.get(type(v))
    return type(v).__name__ if found is None else translate("Field", found)


KINDS = {bool: "true/false", int: N_("Field", "a number"), float: N_("Field", "a number"),
         str: N_("Field", "text"), list: N_("Field", "a list"), dict: N_("Field", "an object")}


_NUMBERS = {float, int}


def _numbers_only(values) -> bool:
    """Whether ``values`` (an iterable) holds only floats and ints that fit a float; the
    types are collected in C (``set(map(type, ...))``), so millions of numbers take little time."""
    values = list(values) if not isinstance(values, list) else values
    kinds = set(map(type, values))
    if not kinds <= _NUMBERS:
        return False
    return int not in kinds or all(abs(x) <= 1.7976931348623157e308 for x in values if type(x) is int)
