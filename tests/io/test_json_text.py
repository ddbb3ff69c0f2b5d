"""nnviz.io.json_text: JSON written piece by piece from NumPy arrays reads back (with
``json``) as the very same numbers; a number that is not finite is refused naming its
place; the layout keeps a matrix one row a line."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnviz.io import json_text
from strategies import finite_floats, float64s

arrays = hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=4),
                    elements=float64s)
values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), finite_floats, st.text(max_size=8), arrays),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12)


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v.tolist() if isinstance(v, np.ndarray) else v


def same(a, b) -> bool:
    """Equal, with floats compared bit for bit (the sign of zero too)."""
    if isinstance(a, float) or isinstance(b, float):
        return type(a) is type(b) and np.float64(a).tobytes() == np.float64(b).tobytes()
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b and type(a) is type(b)


@settings(max_examples=200, deadline=None)
@given(values)
def test_text_reads_back_as_the_same_values(v):
    text = json_text.dumps(v)
    assert same(json.loads(text), plain(v))


@settings(max_examples=20, deadline=None)
@given(hnp.arrays(np.float64, st.tuples(st.integers(0, 5000), st.integers(0, 3)), elements=float64s))
def test_long_matrices_are_written_in_chunks_one_row_a_line(a):
    pieces = list(json_text.iter_json({"m": a}))
    text = "".join(pieces)
    assert same(json.loads(text)["m"], a.tolist())
    if a.shape[0] > 1:
        assert text.count("\n") == a.shape[0] + 3  # "{", "m": [, one line a row, "]", "}"
    assert max(p.count(",") for p in pieces) <= json_text.NUMBERS_PER_CHUNK  # never the whole matrix at once


@pytest.mark.parametrize("value, where", [
    ({"a": {"b": [np.array([[0.0, 1.0], [np.inf, 2.0]])]}}, "a.b[0][1][0]: inf is not a finite number"),
    ({"history": [0.5, float("nan")]}, "history[1]: nan is not a finite number"),
    ({"x": -float("inf")}, "x: -inf is not a finite number"),
])
def test_a_number_that_is_not_finite_is_refused_naming_its_place(value, where):
    with pytest.raises(ValueError) as e:
        json_text.dumps(value)
    assert str(e.value) == where


def test_layout():
    text = json_text.dumps({"sizes": [2, 1], "w": [np.array([[0.5, -0.25], [1.0, 2.0]])], "empty": [],
                            "none": None, "name": "x\ny"})
    assert text == ('{\n "sizes": [2, 1],\n "w": [\n  [\n   [0.5, -0.25],\n   [1.0, 2.0]\n  ]\n ],\n'
                    ' "empty": [],\n "none": null,\n "name": "x\\ny"\n}\n')
