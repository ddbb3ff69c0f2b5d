"""The computational graph (nnviz.core.analysis.graph): the published worked example's
chains and sums, the leaf's dE/dw against the Trainer's gradient for every activation
and loss the core supports (both backprop modes, every layer, batches, collapsed
layers), sums equal to their paths, the graph following the micro-steps forward and
back, softmax + cross-entropy and the proportional split as the issue asks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from nnviz.core import losses, presets
from nnviz.core.activations import ACTIVATIONS
from nnviz.core.analysis import graph
from nnviz.core.analysis.explain import Formatter, trace
from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import create

# Mazur's worked example ("A Step by Step Backpropagation Example"), published to 9 digits
DE_DOUT_O1 = 0.74136507
DOUT_O1_DNET_O1 = 0.186815602
OUT_H1 = 0.593269992
DE_DW5 = 0.082167041
DE_DOUT_H1_VIA_O1 = 0.055399425
DE_DOUT_H1_VIA_O2 = -0.019049119
DE_DOUT_H1 = 0.036350306
DOUT_H1_DNET_H1 = 0.241300709
DE_DW1 = 0.000438568
W1_AFTER = 0.149780716
PUBLISHED = 1.5e-9  # the published numbers are rounded to 9 decimal places

PAIRS = [(out, loss) for out in ACTIVATIONS for loss in losses.LOSSES
         if not (loss == "cross_entropy" and out not in ("softmax", "sigmoid"))]
HIDDEN = ["sigmoid", "tanh", "relu", "linear"]


def mazur_after(unit: str = "iteration"):
    t = presets.load("mazur")
    t.step(unit)
    return t


def network(sizes, hidden, output, loss, backprop="chain", batch="full", seed=0, n=3):
    rng = np.random.default_rng(10 + seed)
    x = rng.uniform(-1.5, 1.5, (n, sizes[0]))
    k = sizes[-1]
    if loss == "cross_entropy" and output == "softmax":
        y = np.eye(k)[rng.integers(0, k, n)]
    elif loss == "cross_entropy":
        y = (rng.uniform(size=(n, k)) > 0.5).astype(float)
    elif output in ("linear", "tanh"):
        y = rng.uniform(-0.8, 0.8, (n, k))
    else:
        y = rng.uniform(0.05, 0.95, (n, k))
    acts = [hidden] * (len(sizes) - 2) + [output]
    return create(list(sizes), acts, Dataset(x, y), seed=seed, loss=loss, backprop=backprop, batch=batch,
                  learning_rate=0.3)


def to_end_of_backward(t) -> None:
    graph.run_to(t, "backward")


def core_gradient(t, name: str) -> float:
    p = t.network.parse_param(name)
    arrays = t.values.grad_W if p.kind == "W" else t.values.grad_b
    return float(arrays[p.layer - 1][p.index])


# ======================================================== the worked example
def test_w5_chain_is_the_published_product():
    g = graph.build(mazur_after("iteration"), "w5")
    [path] = g.paths()
    assert [e.local for e in path] == pytest.approx([OUT_H1, 1.0, DOUT_O1_DNET_O1, DE_DOUT_O1, 1.0],
                                                    abs=PUBLISHED)
    assert math.prod(e.local for e in path) == pytest.approx(DE_DW5, abs=PUBLISHED)
    assert g.gradient == pytest.approx(DE_DW5, abs=PUBLISHED)
    texts = [line.text for e in path for line in e.label]
    for published in ("0.74136507", "0.186815602", "0.593269992", "= 0.082167041"):
        assert published in texts
    assert g.explain("param").endswith("= 0.593269992 × 0.138498562 = 0.082167041")


def test_w1_adds_up_its_two_paths_to_the_published_gradient():
    g = graph.build(mazur_after("iteration"), "w1")
    out_h1 = g.node("out1_0")
    via_o1, via_o2 = g.outgoing("out1_0")
    assert (via_o1.dst, via_o2.dst) == ("net2_0", "net2_1")
    assert (via_o1.local, via_o2.local) == (0.40, 0.50)  # w5 and w7
    assert via_o1.downstream == pytest.approx(DE_DOUT_H1_VIA_O1, abs=PUBLISHED)
    assert via_o2.downstream == pytest.approx(DE_DOUT_H1_VIA_O2, abs=PUBLISHED)
    assert out_h1.grad == via_o1.downstream + via_o2.downstream
    assert out_h1.grad == pytest.approx(DE_DOUT_H1, abs=PUBLISHED)
    assert g.outgoing("net1_0")[0].local == pytest.approx(DOUT_H1_DNET_H1, abs=PUBLISHED)
    assert len(g.paths()) == 2
    assert sum(math.prod(e.local for e in path) for path in g.paths()) == pytest.approx(DE_DW1, abs=PUBLISHED)
    assert g.gradient == pytest.approx(DE_DW1, abs=PUBLISHED)
    # the sum is written out in the node, one term a line
    lines = [line.text for line in out_h1.lines]
    assert lines[-4:] == ["dE/dout_h1", "= 0.055399425", "+ (-0.019049118)", "= 0.036350306"]


def test_numbers_are_written_as_nnviz_trace_writes_them():
    trace_lines = list(trace(presets.load("mazur"), 1, 6))
    g = graph.build(mazur_after("iteration"), "w1", digits=6)
    gradient = Formatter(6).num(g.gradient)
    assert any(line.startswith("dE/dw1 =") and line.endswith(f"= {gradient}") for line in trace_lines)
    assert f"= {gradient}" in [line.text for line in g.node("param").lines]
    update = [line for line in trace_lines if line.startswith("w1 <-")][0]
    assert [line.text for line in g.node("update").lines][-1] == "= " + update.rsplit(" = ", 1)[1]
    assert update.endswith(str(round(W1_AFTER, 6)))


def test_the_update_node_appears_with_the_update():
    t = presets.load("mazur")
    while t.cursor != 6:  # up to and with the update of layer 2
        t.step("micro")
    assert graph.build(t, "w1").node("update").value is None
    assert graph.build(t, "w5").node("update").value == pytest.approx(0.35891648, abs=PUBLISHED)
    t.step("micro")
    g = graph.build(t, "w1")
    assert g.node("update").value == pytest.approx(W1_AFTER, abs=PUBLISHED)
    assert g.node("param").value == 0.15  # the leaf keeps the value the iteration used
    assert [line.text for line in g.node("update").lines][1:] == [
        "w1 ← w1 − lr·dE/dw1", "= 0.15", "− 0.5·0.000438568", "= 0.149780716"]


# =========================================================== live with the steps
def snapshot_of(g) -> tuple:
    return (tuple((n.id, n.value, n.grad, tuple(line.text for line in n.lines)) for n in g.nodes),
            tuple((e.src, e.dst, e.local, e.upstream, e.downstream) for e in g.edges))


def test_the_graph_fills_in_forward_then_backward_and_step_back_takes_it_away():
    t = presets.load("mazur")
    seen = [snapshot_of(graph.build(t, "w1"))]
    g = graph.build(t, "w1")
    assert all(n.value is None for n in g.nodes if n.kind not in ("param",))
    t.step("micro")  # forward layer 1
    g = graph.build(t, "w1")
    assert g.node("net1_0").value == pytest.approx(0.3775) and g.node("out1_0").value is not None
    assert g.node("net2_0").value is None and g.node("E").value is None
    seen.append(snapshot_of(g))
    t.step("micro")  # forward layer 2
    g = graph.build(t, "w1")
    assert g.node("out2_0").value == pytest.approx(0.75136507, abs=PUBLISHED) and g.node("E").value is None
    seen.append(snapshot_of(g))
    t.step("micro")  # loss
    g = graph.build(t, "w1")
    assert g.node("E").value == pytest.approx(0.298371109, abs=PUBLISHED)
    assert not any(n.reached for n in g.nodes) and not any(e.reached for e in g.edges)
    seen.append(snapshot_of(g))
    t.step("micro")  # backward layer 2: the gradient reaches the output layer, not yet h1
    g = graph.build(t, "w1")
    assert g.node("E").grad == 1.0 and g.node("net2_0").grad is not None
    assert g.node("out1_0").grad is None and g.gradient is None
    assert all(not e.reached for e in g.outgoing("out1_0"))
    seen.append(snapshot_of(g))
    t.step("micro")  # backward layer 1: both paths, added up, down to w1
    g = graph.build(t, "w1")
    assert g.gradient == pytest.approx(DE_DW1, abs=PUBLISHED)
    seen.append(snapshot_of(g))
    for _ in range(2):  # the updates of layers 2 and 1
        t.step("micro")
        seen.append(snapshot_of(graph.build(t, "w1")))
    assert t.cursor == 0 and graph.build(t, "w1").node("update").value == pytest.approx(W1_AFTER, abs=PUBLISHED)
    for expected in reversed(seen[:-1]):
        t.back()
        assert snapshot_of(graph.build(t, "w1")) == expected


def test_phase_shows_the_graph_as_it_stood_then():
    t = mazur_after("iteration")
    forward = graph.build(t, "w1", phase="forward")
    assert forward.node("E").value is not None and forward.gradient is None
    assert forward.node("update").value is None
    backward = graph.build(t, "w1", phase="backward")
    assert backward.gradient == pytest.approx(DE_DW1, abs=PUBLISHED) and backward.node("update").value is None
    assert "end of the backward phase" in backward.subtitle


def test_run_to_steps_until_the_phase_is_done():
    t = presets.load("mazur")
    assert graph.run_to(t, "forward") == 3 and t.cursor == 3  # forward 1, 2 and the loss
    assert graph.run_to(t, "forward") == 0
    assert graph.run_to(t, "backward") == 2 and t.cursor == 5
    assert graph.run_to(t, "update") == 2 and (t.cursor, t.iteration) == (0, 1)
    assert graph.run_to(t, "backward") == 0  # the finished iteration has got there
    with pytest.raises(ValueError, match="phase"):
        graph.run_to(t, "loss")


def test_the_walk_goes_from_E_to_the_parameter_and_hides_what_comes_later():
    t = mazur_after("iteration")
    g = graph.build(t, "w1")
    assert g.walk_order[0] == "E" and g.walk_order[-1] == "param"
    assert g.walk_order.index("out1_0") > max(g.walk_order.index("net2_0"), g.walk_order.index("net2_1"))
    k = g.walk_order.index("out1_0")
    walked = graph.build(t, "w1", walk=k)
    assert walked.walk_current == "out1_0" and walked.node("out1_0").grad == pytest.approx(DE_DOUT_H1, abs=PUBLISHED)
    assert walked.node("net1_0").grad is None and walked.gradient is None
    assert [e.reached for e in walked.outgoing("out1_0")] == [True, True]
    assert not walked.outgoing("net1_0")[0].reached
    assert walked.explain("out1_0").endswith("= 0.055399425 + (-0.019049118) = 0.036350306")
    assert graph.build(t, "w1", walk=99).walk_current == "param"  # clipped


# ========================================================== every pair, every layer
@pytest.mark.parametrize("backprop", ["chain", "proportional"])
@pytest.mark.parametrize("output,loss", PAIRS, ids=[f"{o}-{l}" for o, l in PAIRS])
def test_the_leaf_is_the_core_gradient_for_every_pair_and_layer(output, loss, backprop):
    for k, hidden in enumerate(HIDDEN):
        for batch, sample in (("full", 2), ("online", 0)):
            t = network((2, 3, 3, 2), hidden, output, loss, backprop, batch, seed=k)
            to_end_of_backward(t)
            for p in t.network.params():
                for max_units in (2, graph.MAX_UNITS):  # with and without a collapsed layer
                    g = graph.build(t, p.name, sample=sample, max_units=max_units)
                    assert g.gradient == pytest.approx(core_gradient(t, p.name), rel=1e-9, abs=1e-15), \
                        (hidden, batch, p.name, max_units)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=2, max_size=4), st.sampled_from(HIDDEN),
       st.sampled_from(PAIRS), st.integers(0, 10_000), st.integers(1, 4))
def test_every_sum_node_equals_its_paths(hidden_sizes, hidden, pair, seed, samples):
    sizes = [2, *hidden_sizes[:-1], max(hidden_sizes[-1], 2 if pair[0] == "softmax" else 1)]
    t = network(sizes, hidden, *pair, seed=seed, n=samples)
    to_end_of_backward(t)
    rng = np.random.default_rng(seed)
    params = t.network.params()
    for p in (params[i] for i in rng.choice(len(params), min(4, len(params)), replace=False)):
        g = graph.build(t, p.name, sample=samples - 1, max_units=99)
        for n in g.nodes:
            outs = [e for e in g.outgoing(n.id) if e.step is not None]
            if n.reached and len(outs) > 1 and n.id != "param":
                assert n.grad == pytest.approx(sum(e.downstream for e in outs), rel=1e-12, abs=1e-300)
        if samples == 1:  # nothing collapsed: the leaf is the sum over its paths of their products
            total = sum(math.prod(e.local for e in path) for path in g.paths())
            assert g.gradient == pytest.approx(total, rel=1e-9, abs=1e-15)
        assert g.gradient == pytest.approx(core_gradient(t, p.name), rel=1e-9, abs=1e-15)


# ========================================================== the special cases
def test_softmax_with_cross_entropy_is_one_node_with_local_p_minus_t():
    t = network((2, 3, 3), "tanh", "softmax", "cross_entropy", n=1)
    to_end_of_backward(t)
    g = graph.build(t, "W1[0,1]")
    combined = [n for n in g.nodes if n.kind == "combined"]
    assert [n.id for n in combined] == ["E"] and combined[0].op == "softmax + cross-entropy"
    p, target = t.values.activations[-1][0], t.values.targets[0]
    into = [e for e in g.edges if e.dst == "E"]
    assert [e.local for e in into] == pytest.approx(list(p - target), rel=1e-12)
    assert all(e.symbol == "p − t" for e in into)
    assert any("p − t" in note and "cancel" in note for note in g.notes)
    assert not any(n.kind == "out" and n.layer == 2 for n in g.nodes)


def test_sigmoid_with_cross_entropy_is_one_node_per_output():
    t = network((2, 2, 2), "relu", "sigmoid", "cross_entropy", n=1)
    to_end_of_backward(t)
    g = graph.build(t, "W2[1,0]")
    assert g.node("E1").kind == "combined" and g.outgoing("net2_1")[0].local == pytest.approx(
        float(t.values.activations[-1][0, 1] - t.values.targets[0, 1]), rel=1e-12)


def test_the_proportional_split_is_drawn_as_shares_and_says_it_is_not_a_gradient():
    t = presets.load("mazur")
    t.configure(backprop="proportional")
    to_end_of_backward(t)
    g = graph.build(t, "w1")
    assert g.mode == "proportional" and "not a gradient" in g.title
    assert any("not a gradient" in note for note in g.notes)
    w2 = t.network.weights[1]
    shares = [e.local for e in g.outgoing("out1_0")]
    assert shares == pytest.approx([w2[0, 0] / np.abs(w2[0]).sum(), w2[1, 0] / np.abs(w2[1]).sum()])
    e_out = t.values.errors[1][0]
    assert g.node("out2_0").grad == pytest.approx(0.01 - 0.75136507, abs=PUBLISHED)  # e = t − out
    assert g.node("out1_0").grad == pytest.approx(float(e_out @ [s for s in shares]), rel=1e-12)
    assert g.gradient == pytest.approx(core_gradient(t, "w1"), rel=1e-12)
    assert g.node("param").grad_symbol == "g_w1" and g.paths() == []


def test_a_wide_layer_is_collapsed_into_rest_of_layer_and_expands():
    t = network((2, 8, 6, 1), "tanh", "sigmoid", "half_sse", n=1, seed=4)
    to_end_of_backward(t)
    g = graph.build(t, "W1[2,1]")
    rest = g.node("rest2")
    assert rest.kind == "rest" and rest.expands == 2 and "3 more neurons" in rest.op
    assert len([n for n in g.nodes if n.kind == "net" and n.layer == 2]) == graph.MAX_UNITS - 1
    # the rest node carries the collapsed neurons' summed contribution to dE/dout of the selected neuron
    delta2, w2 = t.values.errors[1][0], t.network.weights[1]
    shown = [n.unit for n in g.nodes if n.kind == "net" and n.layer == 2]
    hidden = [k for k in range(6) if k not in shown]
    [to_rest] = [e for e in g.outgoing("out1_2") if e.dst == "rest2"]
    assert to_rest.downstream == pytest.approx(float(delta2[hidden] @ w2[hidden, 2]), rel=1e-12)
    assert g.node("out1_2").grad == pytest.approx(float(delta2 @ w2[:, 2]), rel=1e-12)
    assert any("Rest of layer 2" in note for note in g.notes)
    # the neurons shown are those the most weight leads to from the selected neuron
    assert set(shown) == set(np.argsort(-np.abs(w2[:, 2]))[:3])
    expanded = graph.build(t, "W1[2,1]", expand={2})
    assert "rest2" not in expanded and len([n for n in expanded.nodes if n.kind == "net" and n.layer == 2]) == 6
    assert expanded.gradient == pytest.approx(g.gradient, rel=1e-12)


def test_a_batch_shows_one_sample_the_others_as_one_node_and_the_mean():
    t = presets.load("xor")
    to_end_of_backward(t)
    g = graph.build(t, "W2[0,3]", sample=2)
    assert g.sample == 2 and g.batch_size == 4 and "sample 3 of 4" in g.subtitle
    assert g.node("E").op == "mean over 4 samples"
    [into_e] = [e for e in g.edges if e.dst == "E"]
    assert into_e.local == 0.25 and into_e.symbol == "1/4"
    a = t.values.activations[0][:, 3]
    delta = t.values.errors[1][:, 0]
    [to_others] = [e for e in g.outgoing("param") if e.dst == "samples"]
    assert to_others.downstream == pytest.approx(float(np.delete(delta * a, 2).sum()) / 4, rel=1e-12)
    assert g.gradient == pytest.approx(core_gradient(t, "W2[0,3]"), rel=1e-12)
    assert graph.build(t, "W2[0,3]", sample=99).sample == 3  # clipped to the batch


def test_an_unknown_parameter_is_refused():
    t = presets.load("mazur")
    for name in ("w99", "W3[0,0]", "W1[5,0]", "b1[0,0]"):
        with pytest.raises(ValueError, match="bad parameter name"):
            graph.build(t, name)


def test_the_default_is_the_last_weight_the_micro_step_touched():
    t = presets.load("mazur")
    assert graph.default_param(t) == "W1[0,0]"
    t.step("micro")
    assert graph.default_param(t) == "W1[1,1]"
    t.step("micro")
    t.step("micro")  # the loss: the output layer
    assert graph.default_param(t) == "W2[1,1]"


def test_a_bias_goes_straight_into_its_sum():
    t = mazur_after("iteration")
    g = graph.build(t, "b2[1]")
    assert g.name == "b2(o2)" and "product" not in g
    [edge] = [e for e in g.outgoing("param") if e.step is not None]
    assert edge.dst == "net2_1" and edge.local == 1.0
    assert g.gradient == pytest.approx(core_gradient(t, "b2[1]"), rel=1e-12)
    assert g.node("update").lines[1].text == "b2(o2) is frozen"
