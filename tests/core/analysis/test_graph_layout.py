"""The graph's layout (nnviz.core.analysis.graph_layout): no two text boxes overlap (on
the worked example's w1 and w5, on a 2-4-4-1 network's first-layer weight, at every
micro-step, and on random networks), nothing moves while an iteration fills in, the
columns run left to right, and the placement keeps order and gaps."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from nnviz.core import presets
from nnviz.core.analysis import graph, graph_layout
from nnviz.core.analysis.graph_layout import estimate, layout, place
from nnviz.core.geometry import Box
from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create


def overlaps(lay) -> list[tuple[str, str]]:
    boxes = lay.text_boxes()
    return [(a, b) for (a, x), (b, y) in itertools.combinations(boxes, 2) if x.intersects(y)]


def net_2441(batch="full"):
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1.0]])
    y = np.array([[0], [1], [1], [0.0]])
    return create([2, 4, 4, 1], "sigmoid", Dataset(x, y), seed=3, batch=batch, learning_rate=1.0)


def every_micro_step(trainer, iterations: int = 1):
    yield trainer
    for _ in range(iterations * len(trainer.steps)):
        trainer.step("micro")
        yield trainer


@pytest.mark.parametrize("param", ["w1", "w5", "b1[0]"])
def test_no_labels_overlap_on_the_worked_example(param):
    for t in every_micro_step(presets.load("mazur"), 2):
        assert overlaps(layout(graph.build(t, param))) == []


@pytest.mark.parametrize("batch", ["full", "online"])
def test_no_labels_overlap_on_a_2_4_4_1_networks_first_layer_weight(batch):
    for t in every_micro_step(net_2441(batch)):
        for sample in range(t.batch_size):
            g = graph.build(t, "W1[0,0]", sample=sample)
            assert len([n for n in g.nodes if n.kind == "net" and n.layer == 2]) == 4  # every path drawn
            lay = layout(g)
            assert overlaps(lay) == []
            assert all(lay.bounds.x <= b.x and b.right <= lay.bounds.right and b.bottom <= lay.bounds.bottom
                       for _, b in lay.text_boxes())


def test_the_layout_stays_put_while_an_iteration_fills_in():
    for make, param in ((lambda: presets.load("mazur"), "w1"), (net_2441, "W1[0,0]")):
        t = make()
        seen = set()
        for t in every_micro_step(t, 2):
            lay = layout(graph.build(t, param))
            seen.add((tuple(sorted(lay.nodes.items())), tuple(sorted(lay.labels.items()))))
        assert len(seen) == 1  # every box sized by its reserve: nothing moves as numbers come and go


def test_columns_run_left_to_right_and_labels_sit_in_their_gap():
    t = presets.load("mazur")
    t.step("iteration")
    g = graph.build(t, "w1")
    lay = layout(g)
    for k, e in enumerate(g.edges):
        a, b = lay.nodes[e.src], lay.nodes[e.dst]
        if g.node(e.src).column == g.node(e.dst).column:
            assert b.bottom <= a.y  # the update right above its parameter
            continue
        assert a.right < b.x
        if k in lay.labels:
            label = lay.labels[k]
            column_right = max(lay.nodes[n.id].right for n in g.nodes if n.column == g.node(e.src).column)
            assert column_right < label.x and label.right < b.x
    # a chain comes out straight: each node of w5's path level with the next
    lay5 = layout(graph.build(t, "w5"))
    ys = [lay5.nodes[i].cy for i in ("product", "net2_0", "out2_0", "E0", "E")]
    assert max(ys) - min(ys) < 1e-6


def test_the_sum_node_sits_among_the_paths_it_adds_up():
    t = presets.load("mazur")
    t.step("iteration")
    lay = layout(graph.build(t, "w1"))
    assert lay.nodes["net2_0"].cy < lay.nodes["out1_0"].cy < lay.nodes["net2_1"].cy


def test_place_keeps_order_and_gaps_and_meets_targets_where_there_is_room():
    assert place([0.0, 100.0], [10.0, 10.0], 5.0) == [0.0, 100.0]
    c = place([0.0, 0.0, 0.0], [10.0, 20.0, 10.0], 5.0)
    assert c == pytest.approx([-20.0, 0.0, 20.0])  # pushed apart symmetrically
    c = place([50.0, 0.0], [10.0, 10.0], 2.0)  # out of order: pooled, order kept
    assert c[1] - c[0] == pytest.approx(12.0) and sum(c) / 2 == pytest.approx(25.0)


def test_estimate_and_box():
    w, h = estimate("0.000438568", "grad")
    assert w > 0 and h > 0 and estimate("0.000438568" * 2, "grad")[0] == pytest.approx(2 * w)
    a = Box(0, 0, 10, 10)
    assert a.intersects(Box(5, 5, 10, 10)) and not a.intersects(Box(10, 0, 5, 5))  # touching is not overlapping


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 7), min_size=2, max_size=4), st.integers(0, 1000), st.integers(1, 5),
       st.sampled_from(["forward", "backward", "update"]), st.sampled_from([(), (2,), (2, 3)]),
       st.sampled_from(["chain", "proportional"]))
def test_no_overlaps_on_random_networks(sizes, seed, samples, phase, expand, backprop):
    rng = np.random.default_rng(seed)
    x, y = rng.uniform(-1, 1, (samples, 2)), rng.uniform(0.1, 0.9, (samples, sizes[-1]))
    t = create([2, *sizes], "sigmoid", Dataset(x, y), seed=seed, backprop=backprop)
    graph.run_to(t, phase)
    params = t.network.params()
    p = params[int(rng.integers(len(params)))]
    lay = layout(graph.build(t, p.name, sample=samples - 1, expand=expand, phase=phase))
    assert overlaps(lay) == []
    assert graph_layout.MIN_GAP > 0 and lay.bounds.w > 0
