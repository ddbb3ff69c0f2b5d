"""The canvas scene without a widget: colour bins, labels, fills, frozen marks and the
values behind them, built from a Session."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnviz.gui.canvas import scene as scenes
from nnviz.gui.canvas.layout import Hit, Layout
from nnviz.gui.canvas.scene import EDGE_BUDGET, LEVELS, bin_color, bins, build, layer_values
from nnviz.app.session import Session
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets import palette


def _scene(session: QtSession, show=None):
    return build(session, Layout(session.trainer.network.sizes), show)


def _edges_by_bin(scene, lay: Layout) -> dict[tuple, int]:
    """Segment (as a tuple) -> the bin it is drawn in."""
    out = {}
    for k, seg in scene.edge_bins:
        for row in seg:
            key = tuple(row)
            assert key not in out  # drawn once
            out[key] = k
    return out


@given(arrays(np.float64, st.integers(1, 50), elements=st.floats(-1, 1)))
def test_bins_keep_the_sign_and_the_order(u):
    k = bins(u)
    assert np.array_equal(np.sign(k), np.sign(u))  # even a tiny value keeps its sign
    assert np.all(np.abs(k) <= LEVELS)
    order = np.argsort(u, kind="stable")
    assert np.all(np.diff(k[order]) >= 0)


def test_every_edge_is_drawn_once_in_the_bin_of_its_value(session):
    session.trainer.set_parameter("W1[0,0]", -0.3)  # w1 negative, the rest as in Mazur's example
    lay = Layout(session.trainer.network.sizes)
    scene = build(session, lay)
    assert scene.scales["weights"] == 0.6  # the largest parameter is b2 = 0.60
    drawn = _edges_by_bin(scene, lay)
    W = session.trainer.network.weights
    assert len(drawn) == sum(w.size for w in W)
    for l, w in enumerate(W, start=1):
        for (r, c), value in np.ndenumerate(w):
            expected = int(np.sign(value) * max(1, round(abs(value) / 0.6 * LEVELS)))
            assert drawn[tuple(lay.segment(Hit("edge", l, r, c)))] == expected
    # the weak bins are drawn first, so that strong edges end up on top
    assert [abs(k) for k, _ in scene.edge_bins] == sorted(abs(k) for k, _ in scene.edge_bins)


def test_bin_colours_are_blue_below_zero_orange_above_and_stronger_with_size(qapp):
    bg = palette.canvas_background()
    for k in range(1, LEVELS + 1):
        assert 10 <= bin_color(k, bg).hsvHue() <= 45
        assert 190 <= bin_color(-k, bg).hsvHue() <= 230
    contrast = [abs(bin_color(k, bg).lightness() - bg.lightness()) for k in range(LEVELS + 1)]
    assert contrast == sorted(contrast) and contrast[-1] > contrast[0] + 60


def test_dense_layers_draw_their_strongest_edges_within_a_budget(qapp, trainer_of):
    session = QtSession(Session(trainer_of("8x64")))
    lay = Layout(session.trainer.network.sizes)
    scene = build(session, lay)
    drawn = _edges_by_bin(scene, lay)
    assert len(drawn) <= EDGE_BUDGET
    assert [layer for layer, _, _ in scene.dense] == list(range(1, 8)) and all(t == 4096 for _, _, t in scene.dense)
    for l, w in enumerate(session.trainer.network.weights, start=1):
        kept = np.array([tuple(lay.edges[l - 1][k]) in drawn for k in range(w.size)])
        assert kept.sum() == scene.dense[l - 1][1]
        assert np.abs(w.ravel()[kept]).min() >= np.abs(w.ravel()[~kept]).max()
    assert len(scene.hulls) == 7


def test_gradient_labels_and_legend_after_the_backward_pass(session):
    t = session.trainer
    while t.next_step.phase != "update":
        session.step("micro")
    scene = _scene(session, "gradients")
    assert scene.kinds == ["gradients", "gradients"]
    assert scene.edge_labels[1][0] == "dE/dw5 0.0822"  # dE/dw5 = 0.082167041 in Mazur's example, 4 decimals
    kind, title, scale = scene.legend[0]
    assert kind == "gradients" and title == "gradients dE/dw"
    assert scale >= np.abs(np.concatenate([g.ravel() for g in t.values.grad_W + t.values.grad_b])).max()


def test_neurons_are_filled_by_their_output(session):
    session.step("phase")  # the forward pass
    scene = _scene(session)
    assert scene.fill_levels[2].tolist() == [8, 8]  # o1 = 0.7514, o2 = 0.7729
    assert scene.fill_levels[1].tolist() == [6, 6]  # h1 = 0.5933, h2 = 0.5969
    assert scene.computed_column == 2


def test_frozen_parameters_are_marked(session, trainer_of):
    biases = [Hit("bias", 1, 0), Hit("bias", 1, 1), Hit("bias", 2, 0), Hit("bias", 2, 1)]
    assert sorted(_scene(session).frozen, key=str) == sorted(biases, key=str)  # Mazur trains the weights only
    session.freeze(["w5"])
    assert Hit("edge", 2, 0, 0) in _scene(session).frozen
    big = QtSession(Session(trainer_of("8x64")))
    big.freeze_biases()
    big.freeze(["W3[5,7]"])
    assert _scene(big).frozen == [Hit("edge", 3, 5, 7)]  # 64 biases per layer have no edge to mark


def test_layer_values_are_the_forward_pass_of_the_trainer(xor_session):
    t = xor_session.trainer
    xor_session.step("phase")
    net = t.network
    nets, outs = layer_values(net, t.values.inputs, net.weights, net.biases)
    assert nets[0] is None and np.array_equal(outs[0], t.values.inputs)
    for i in range(net.n_layers):
        np.testing.assert_allclose(nets[i + 1], t.values.net[i], rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(outs[i + 1], t.values.activations[i], rtol=1e-13, atol=1e-15)


def test_a_bad_show_is_refused(session):
    with pytest.raises(ValueError, match="show must be one of"):
        _scene(session, "errors")


@pytest.mark.parametrize("x, fewer, text", [(0.0, 0, "0"), (-0.5, 0, "-0.5"), (1.23456e-15, 0, "1.235e-15"),
                                             (123456.0, 0, "123456"), (0.593269992, 0, "0.5933"),
                                             (0.593269992, 1, "0.593"), (None, 0, "–")])
def test_scene_numbers_follow_the_sessions_rule(session, x, fewer, text):
    assert _scene(session).num(x, fewer) == text  # 4 decimal places, the window's default
