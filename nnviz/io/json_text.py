"""JSON text written piece by piece, so that a document holding large NumPy arrays is
never built as one giant string or as Python lists of floats.

Layout: each member of an object on its own line, indented by one space per level; a
list of numbers (or a 1-D array) on one line; a matrix one row a line. Floats are
written with ``repr`` (as ``json`` does), so they read back as the very same float64.
"""

from __future__ import annotations

import json
import math
from typing import Any, Iterator

import numpy as np

NUMBERS_PER_CHUNK = 4096  # numbers formatted at a time (whole matrix rows)


def iter_json(value: Any, path: str = "") -> Iterator[str]:
    """The JSON text of ``value`` (dicts, lists, tuples, text, numbers, booleans, None and
    NumPy arrays) in pieces. A non-finite number raises ValueError naming its place
    (``network.weights[0][1][0]: inf is not a finite number``)."""
    yield from _value(value, path, 0)


def dumps(value: Any) -> str:
    return "".join(iter_json(value)) + "\n"


def _value(v: Any, path: str, depth: int) -> Iterator[str]:
    if isinstance(v, dict):
        yield from _object(v, path, depth)
    elif isinstance(v, np.ndarray) and v.ndim > 0:
        yield from _array(v, path, depth)
    elif isinstance(v, (list, tuple)):
        yield from _list(v, path, depth)
    else:
        yield _scalar(v, path)


def _object(d: dict, path: str, depth: int) -> Iterator[str]:
    if not d:
        yield "{}"
        return
    pad = " " * (depth + 1)
    yield "{\n"
    for i, (key, v) in enumerate(d.items()):
        yield f",\n{pad}" if i else pad
        yield json.dumps(str(key)) + ": "
        yield from _value(v, f"{path}.{key}" if path else str(key), depth + 1)
    yield "\n" + " " * depth + "}"


def _is_scalar(v: Any) -> bool:
    return not isinstance(v, (dict, list, tuple)) and not (isinstance(v, np.ndarray) and v.ndim > 0)


def _list(items: list | tuple, path: str, depth: int) -> Iterator[str]:
    if all(_is_scalar(x) for x in items):
        yield "["
        for start in range(0, len(items), NUMBERS_PER_CHUNK):
            part = items[start:start + NUMBERS_PER_CHUNK]
            yield (", " if start else "") + ", ".join(_scalar(x, path, start + i) for i, x in enumerate(part))
        yield "]"
        return
    pad = " " * (depth + 1)
    yield "[\n"
    for i, x in enumerate(items):
        yield f",\n{pad}" if i else pad
        yield from _value(x, f"{path}[{i}]", depth + 1)
    yield "\n" + " " * depth + "]"


def _scalar(x: Any, path: str, index: int | None = None) -> str:
    if type(x) is int:
        return repr(x)
    if type(x) is float:
        if math.isfinite(x):
            return repr(x)
        where = path if index is None else f"{path}[{index}]"
        raise ValueError(f"{where}: {x!r} is not a finite number")
    if isinstance(x, np.generic):
        return _scalar(x.item(), path, index)
    if isinstance(x, float):  # a float subclass
        return _scalar(float(x), path, index)
    return json.dumps(x)


def _array(a: np.ndarray, path: str, depth: int) -> Iterator[str]:
    if a.dtype.kind not in "fiu":
        raise TypeError(f"{path}: cannot write an array of {a.dtype}")
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(a))[0])
        raise ValueError(f"{path}{''.join(f'[{i}]' for i in bad)}: {float(a[bad])!r} is not a finite number")
    if a.ndim == 1 or a.shape[0] == 0:
        yield "["
        for start in range(0, a.size, NUMBERS_PER_CHUNK):
            yield (", " if start else "") + ", ".join(map(repr, a[start:start + NUMBERS_PER_CHUNK].tolist()))
        yield "]"
        return
    pad = " " * (depth + 1)
    yield "[\n"
    if a.ndim == 2:
        # one %-format per chunk of rows: "%r" writes a float as repr does
        row = "[" + ", ".join(["%r"] * a.shape[1]) + "]"
        rows = max(1, NUMBERS_PER_CHUNK // max(a.shape[1], 1))
        for start in range(0, a.shape[0], rows):
            chunk = a[start:start + rows]
            text = f",\n{pad}".join([row] * chunk.shape[0]) % tuple(chunk.ravel().tolist())
            yield (f",\n{pad}" if start else pad) + text
    else:
        for i in range(a.shape[0]):
            yield f",\n{pad}" if i else pad
            yield from _array(a[i], f"{path}[{i}]", depth + 1)
    yield "\n" + " " * depth + "]"
