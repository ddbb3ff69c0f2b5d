"""The canvas layout without a widget: positions, the fitted view, where annotations go,
hit testing. Text is measured by a stand-in: 7 pixels a character, 14 a line."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.gui.canvas.layout import (CAPTION, LEGEND, R_MAX_PX, UI_MAX, Box, Hit, Layout, View, fit_view, hit_test,
                                    place)


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
    ui = view.ui  # the margins (air left, targets right) grow with the text
    assert abs((d.x + d.right) / 2 - (40 * ui + (w - 110 * ui)) / 2) < 1  # centred between them


SIZES = [(800, 520), (1200, 800), (1600, 1050), (2400, 1560), (4000, 2600)]


@pytest.mark.parametrize("sizes", [[2, 2, 2], [1, 8, 1], [2, 4, 1]])
def test_small_networks_grow_with_the_view_up_to_a_cap(sizes):
    """A small network is not left small in the middle of a big view: its neurons grow
    with the view (and text and lines with them) up to a radius of R_MAX_PX."""
    views = [fit_view(Layout(sizes, w / h), w, h) for w, h in SIZES]
    radii = [Layout(sizes, w / h).r * v.scale for (w, h), v in zip(SIZES, views)]
    assert np.all(np.diff(radii) > -1e-9) and radii[3] > 1.2 * radii[1]
    assert max(radii) == pytest.approx(R_MAX_PX)  # the cap, reached in the biggest view
    uis = [v.ui for v in views]
    assert np.all(np.diff(uis) > -1e-9) and uis[0] == 1.0 and 1.2 < uis[-1] <= UI_MAX


def _everything(lay: Layout, view: View):
    """A placement with every kind of annotation, measured by the stand-in."""
    L = lay.n_layers
    heads = [("input", "2 units")] + [("hidden", "sigmoid")] * (L - 1) + [("output", "sigmoid")]
    labels = [[f"w{k} 0.{k}5" for k in range(lay.sizes[l] * lay.sizes[l - 1])] if lay.sizes[l] * lay.sizes[l - 1] <= 8
              else None for l in range(1, L + 1)]
    overlays = [None] + [["δ 0.008771 · e −0.2455"] * n for n in lay.sizes[1:]]
    return place(lay, view, measure, headings=heads, bias_labels=["b1 0.35"] + ["b2"] * (L - 1),
                 targets=["target 0.01"] * lay.sizes[-1], locks=[Hit("bias", 1, 0), Hit("edge", L, 0, 0)],
                 overlays=overlays, thumbnails=True, edge_labels=labels)


@pytest.mark.parametrize("sizes", [[2, 2, 2], [2, 4, 1], [1, 8, 1], [2, 3, 3, 2]])
@pytest.mark.parametrize("w, h", SIZES)
def test_nothing_placed_overlaps(sizes, w, h):
    """Neurons, bias nodes, headings, bias labels, targets, padlocks, overlay boxes,
    thumbnails and edge labels: no two boxes meet, all inside the view, none under the
    caption or the legend."""
    lay = Layout(sizes, w / h)
    view = fit_view(lay, w, h)
    p = _everything(lay, view)
    boxes = p.boxes()
    for i, (what, a) in enumerate(boxes):
        assert 0 <= a.x and a.right <= w and 0 <= a.y and a.bottom <= h, what
        for other, b in boxes[i + 1:]:
            assert not a.intersects(b), (what, a, other, b)
    ui = view.ui
    caption, legend = Box(0, 0, CAPTION[0] * ui, CAPTION[1] * ui), Box(w - LEGEND[0] * ui, h - LEGEND[1] * ui,
                                                                      LEGEND[0] * ui, LEGEND[1] * ui)
    assert not any(b.intersects(caption) or b.intersects(legend) for _, b in boxes)


LONG_NAMES = (["Temperatur", "Luftfeuchtigkeit", "Windgeschwindigkeit"], ["Regenwahrscheinlichkeit", "Hagel"])


@pytest.mark.parametrize("sizes", [[3, 4, 2], [3, 2, 5, 2], [3, 8, 2]])
@pytest.mark.parametrize("w, h", SIZES[:3])
def test_long_names_go_beside_their_neurons_clear_of_everything(sizes, w, h):
    """Names too wide for the circles: the inputs' left of them, the outputs' right of
    them with the targets after them; no box meets another, all inside the view."""
    inputs, outputs = LONG_NAMES
    room = (7.0 * max(map(len, inputs)) + 12, 7.0 * max(map(len, outputs)) + 12)  # as the canvas asks
    lay = Layout(sizes, w / h, side_room=room)
    view = fit_view(lay, w, h)
    L = lay.n_layers
    names = [inputs] + [None] * (L - 1) + [outputs]
    p = place(lay, view, measure, headings=[("input", "3 units")] + [("hidden", "tanh")] * (L - 1) + [("out", "")],
              names=names, bias_labels=["b1"] * L, targets=["target 0.5"] * 2,
              edge_labels=[[f"{k / 10:.4f}" for k in range(sizes[l] * sizes[l - 1])]
                           if sizes[l] * sizes[l - 1] <= 8 else None for l in range(1, L + 1)])
    placed = {(c, j): b for c, j, b in p.names}
    assert set(placed) == {(0, j) for j in range(3)} | {(L, j) for j in range(2)}
    for (c, j), box in placed.items():
        x, y = view.map(*lay.neuron(c, j))
        assert (box.right < x) if c == 0 else (box.x > x)  # left of the inputs, right of the outputs
        assert box.y < y < box.bottom  # level with its neuron
        assert box.w >= measure(names[c][j], "name beside")[0]
    for j, target in enumerate(p.targets):
        assert target.x > placed[L, j].right
    boxes = p.boxes()
    for i, (what, a) in enumerate(boxes):
        assert 0 <= a.x and a.right <= w and 0 <= a.y and a.bottom <= h, (what, a)
        for other, b in boxes[i + 1:]:
            assert not a.intersects(b), (what, a, other, b)


def test_a_name_without_room_beside_goes_above_its_neuron_inside_the_picture():
    lay = Layout([2, 3, 1])  # no side room kept: the output's long name does not fit on its right
    view = fit_view(lay, 700, 460)
    area = Box(0, 0, 700, 460)
    p = place(lay, view, measure, names=[["Temp", "Feuchte"], None, ["Regenwahrscheinlichkeit in Prozent"]],
              area=area)
    assert {(c, j) for c, j, _ in p.names} == {(0, 0), (0, 1), (2, 0)}
    [(_, _, out)] = [n for n in p.names if n[0] == 2]
    x, y = view.map(*lay.neuron(2, 0))
    assert area.holds(out) and out.bottom < y - lay.r * view.scale  # above the circle
    assert all(box.right < view.map(*lay.neuron(0, 0))[0] for c, _, box in p.names if c == 0)  # room on the left
    boxes = p.boxes()
    assert not any(a.intersects(b) for i, (_, a) in enumerate(boxes) for _, b in boxes[i + 1:])


def test_overlays_and_thumbnails_find_room_beside_small_networks():
    lay = Layout([2, 4, 1], 1.5)
    p = _everything(lay, fit_view(lay, 1200, 800))
    assert len(p.overlays) == 5 and len(p.thumbnails) == 5 and not p.left_out
    assert len(p.edge_labels) == 12  # every label of both layers
    for c, j, box in p.thumbnails:  # beside their own neuron
        x, y = fit_view(lay, 1200, 800).map(*lay.neuron(c, j))
        assert abs(box.y + box.h / 2 - y) < box.h and abs(box.x + box.w / 2 - x) < 2 * box.w + lay.r * 2


def test_a_crowded_column_leaves_its_overlays_out_and_says_so():
    lay = Layout([2, 16, 16, 1], 1.5)
    p = _everything(lay, fit_view(lay, 700, 460))
    assert "overlays" in p.left_out and "thumbnails" in p.left_out
    assert not any(a.intersects(b) for i, (_, a) in enumerate(p.boxes()) for _, b in p.boxes()[i + 1:])


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
        assert box.w == pytest.approx(7 * len(_mazur_labels()[hit.layer - 1][k]) + 12 * view.ui)
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
