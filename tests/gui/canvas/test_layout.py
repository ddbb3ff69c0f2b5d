"""The canvas layout without a widget: positions, the fitted view, where annotations go,
hit testing. Text is measured by a stand-in: 7 pixels a character, 14 a line."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.gui.canvas.layout import Box, Hit, Layout, View, fit_view, hit_test, place


def measure(text: str, role: str) -> tuple[float, float]:
    return 7.0 * len(text), 14.0


sizes_st = st.lists(st.integers(1, 40), min_size=2, max_size=6)


# ------------------------------------------------------------------ world positions
@given(sizes_st, st.one_of(st.none(), st.floats(0.5, 3.0)))
@settings(max_examples=60, deadline=None)
def test_columns_are_evenly_spaced_and_neurons_centred(sizes, aspect):
    lay = Layout(sizes, aspect)
    assert np.allclose(np.diff(lay.x), lay.dx) and lay.x[0] == 0
    for c, n in enumerate(sizes):
        ys = lay.ys[c]
        assert len(ys) == n and abs(ys.mean()) < 1e-9
        if n > 1:  # evenly spaced, far enough apart that the circles do not touch
            gaps = np.diff(ys)
            assert np.allclose(gaps, gaps[0]) and gaps[0] > 2 * lay.r
    # the bias node of layer l sits under column l - 1, below its last neuron
    for l, (bx, by) in enumerate(lay.bias_xy, start=1):
        assert bx == lay.x[l - 1] and by > lay.ys[l - 1][-1] + lay.r


@given(sizes_st)
@settings(max_examples=40, deadline=None)
def test_edges_follow_the_weight_matrix_row_major(sizes):
    lay = Layout(sizes)
    for l in range(1, len(sizes)):
        n_in = sizes[l - 1]
        seg = lay.edges[l - 1]
        assert seg.shape == (sizes[l] * n_in, 4)
        for k in {0, len(seg) - 1, len(seg) // 2}:
            row, col = divmod(k, n_in)  # W[row, col]: from neuron col of l-1 to neuron row of l
            assert tuple(seg[k]) == (*lay.neuron(l - 1, col), *lay.neuron(l, row))
            assert tuple(lay.segment(Hit("edge", l, row, col))) == tuple(seg[k])


def test_bounds_hold_every_neuron_and_bias_node():
    lay = Layout([3, 7, 2])
    b = lay.bounds
    for c, n in enumerate(lay.sizes):
        for j in range(n):
            x, y = lay.neuron(c, j)
            assert b.x <= x - lay.r and x + lay.r <= b.right + 1e-9
            assert b.y <= y - lay.r and y + lay.r <= b.bottom + 1e-9
    for bx, by in lay.bias_xy:
        assert b.contains(bx, by)


# ------------------------------------------------------------------ the view
@pytest.mark.parametrize("sizes", [[2, 2, 2], [1, 8, 1], [2, 16, 16, 1], [64] * 8])
@pytest.mark.parametrize("size", [(640, 420), (1200, 800), (1900, 1000)])
def test_fitted_network_lies_inside_the_view_clear_of_caption_and_legend(sizes, size):
    w, h = size
    lay = Layout(sizes, w / h)
    view = fit_view(lay, w, h)
    d = view.map_box(lay.bounds)
    assert 0 < d.x and d.right < w and 0 < d.y and d.bottom < h
    assert abs((d.x + d.right) / 2 - (40 + (w - 110)) / 2) < 1  # centred between the margins


def test_the_view_depends_on_the_size_only():
    lay = Layout([2, 4, 1], 1.5)
    assert fit_view(lay, 900, 600) == fit_view(lay, 900, 600)
    assert fit_view(lay, 900, 600, 100, 50).tx == pytest.approx(fit_view(lay, 900, 600).tx + 100)


@given(st.floats(0.2, 20), st.floats(0, 1000), st.floats(0, 800))
def test_zooming_keeps_the_anchor_over_the_same_world_point(scale, ax, ay):
    view = View(1.3, 40.0, -20.0)
    before = view.inverse(ax, ay)
    after = view.zoomed(scale, (ax, ay)).inverse(ax, ay)
    assert after == pytest.approx(before, abs=1e-6)


# ------------------------------------------------------------------ annotations
def _mazur_labels():
    return [["w1 0.15", "w2 0.2", "w3 0.25", "w4 0.3"], ["w5 0.4", "w6 0.45", "w7 0.5", "w8 0.55"]]


def _distance_to_segment(px, py, a, b) -> float:
    a, b, p = np.array(a), np.array(b), np.array([px, py])
    t = np.clip(np.dot(p - a, b - a) / np.dot(b - a, b - a), 0, 1)
    return float(np.linalg.norm(a + t * (b - a) - p))


def test_edge_labels_sit_on_their_edges_without_overlapping():
    lay = Layout([2, 2, 2], 1.5)
    view = fit_view(lay, 1200, 800)
    p = place(lay, view, measure, edge_labels=_mazur_labels())
    assert len(p.edge_labels) == 8
    for box, hit, k in p.edge_labels:
        x0, y0, x1, y1 = lay.segment(hit)
        centre = (box.x + box.w / 2, box.y + box.h / 2)
        assert _distance_to_segment(*centre, view.map(x0, y0), view.map(x1, y1)) < 1.0
        assert hit == Hit("edge", hit.layer, k // 2, k % 2)
        assert box.w == pytest.approx(7 * len(_mazur_labels()[hit.layer - 1][k]) + 12)
    boxes = [b for b, _, _ in p.edge_labels]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert not any(b.intersects(o) for b in boxes for o in p.obstacles)


def test_a_layer_whose_labels_cannot_fit_shows_none():
    lay = Layout([2, 2, 2], 1.5)
    view = fit_view(lay, 1200, 800)
    long = [["a very long label that cannot fit between two columns of neurons" * 2] * 4, _mazur_labels()[1]]
    p = place(lay, view, measure, edge_labels=long)
    assert {hit.layer for _, hit, _ in p.edge_labels} == {2}


# ------------------------------------------------------------------ hit testing
def test_hit_test_finds_neurons_bias_nodes_edges_and_labels():
    lay = Layout([2, 2, 2], 1.5)
    view = fit_view(lay, 1200, 800)
    assert hit_test(lay, view, *view.map(*lay.neuron(1, 1))) == Hit("neuron", 1, 1)
    assert hit_test(lay, view, *view.map(*lay.bias_xy[1])) == Hit("bias_node", 2)
    w6 = Hit("edge", 2, 0, 1)
    assert hit_test(lay, view, *view.map(*lay.midpoint(w6))) == w6
    b2 = Hit("bias", 2, 1)
    assert hit_test(lay, view, *view.map(*lay.midpoint(b2))) == b2
    assert hit_test(lay, view, 3, 3) is None
    label = (Box(5, 5, 40, 14), Hit("edge", 1, 1, 0), 2)  # a label box wins over empty space
    assert hit_test(lay, view, 10, 10, [label]) == Hit("edge", 1, 1, 0)
