"""Canvas overlays: per-neuron output thumbnails (2-input networks) and the chain-rule
delta beside the proportional error under each neuron."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core.analysis import compare
from nnviz.gui.widgets.palette import DIVERGING_LUT as LUT
from nnviz.app.session import Session
from nnviz.gui.qt_session import QtSession


def _bytes(canvas) -> bytes:
    img = canvas.grab().toImage()
    return bytes(img.constBits())


# ------------------------------------------------------------------ thumbnails
def test_thumbnails_off_by_default(make_canvas, xor_session):
    canvas = make_canvas(xor_session)
    assert canvas.show_thumbnails is False
    canvas.grab()
    assert canvas.thumbnail_builds == 0  # nothing computed while off


def test_output_thumbnail_equals_forward_on_grid_points(make_canvas, xor_session):
    canvas = make_canvas(xor_session)
    canvas.set_show_thumbnails(True)
    assert canvas.show_thumbnails
    net = xor_session.trainer.network
    vals = canvas.thumbnail_values(2, 0)
    xs, ys = canvas.thumbnail_grid()
    assert vals.shape == (canvas.THUMB_GRID, canvas.THUMB_GRID)
    rng = np.random.default_rng(3)
    for i, j in rng.integers(0, canvas.THUMB_GRID, size=(12, 2)):
        expected = net.forward(np.array([[xs[j], ys[i]]]))[0, 0]
        assert vals[i, j] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    # the plane covers the data (XOR: the unit square)
    assert xs[0] < 0 and xs[-1] > 1 and ys[0] < 0 and ys[-1] > 1


def test_hidden_thumbnail_equals_first_layer_activation(make_canvas, xor_session):
    canvas = make_canvas(xor_session)
    canvas.set_show_thumbnails(True)
    net = xor_session.trainer.network
    xs, ys = canvas.thumbnail_grid()
    for unit in range(net.sizes[1]):
        vals = canvas.thumbnail_values(1, unit)
        for i, j in ((0, 0), (5, 17), (23, 11)):
            x = np.array([[xs[j], ys[i]]])
            h = net.activations[0].forward(x @ net.weights[0].T + net.biases[0])
            assert vals[i, j] == pytest.approx(h[0, unit], abs=1e-12)


def test_thumbnails_cached_until_the_weights_change(make_canvas, xor_session):
    canvas = make_canvas(xor_session)
    canvas.set_show_thumbnails(True)
    canvas.grab()
    builds = canvas.thumbnail_builds
    assert builds == 1
    before = canvas.thumbnail_values(2, 0).copy()
    canvas.zoom_by(1.3)
    canvas.grab()
    xor_session.step("micro")  # a forward step: values change, weights do not
    canvas.grab()
    assert canvas.thumbnail_builds == builds
    xor_session.step("iteration")  # through the update
    canvas.grab()
    assert canvas.thumbnail_builds == builds + 1
    assert not np.array_equal(canvas.thumbnail_values(2, 0), before)


def test_thumbnails_off_for_other_than_two_inputs(make_canvas):
    # mazur has 2 inputs; make a 3-input network
    from nnviz.core import trainer as trainer_mod
    from nnviz.core.data.datasets import Dataset

    rng = np.random.default_rng(0)
    data = Dataset(rng.normal(size=(10, 3)), rng.uniform(size=(10, 1)))
    session = QtSession(Session(trainer_mod.create([3, 4, 1], "sigmoid", data, seed=0)))
    canvas = make_canvas(session)
    canvas.set_show_thumbnails(True)
    assert not canvas.thumbnails_available
    assert canvas.thumbnail_values(1, 0) is None
    off = canvas.grab().toImage()
    canvas.set_show_thumbnails(False)
    assert canvas.grab().toImage() == off  # nothing drawn


def test_toggling_thumbnails_repaints(make_canvas, xor_session):
    canvas = make_canvas(xor_session)
    off = _bytes(canvas)
    canvas.set_show_thumbnails(True)
    on = _bytes(canvas)
    assert on != off
    canvas.set_show_thumbnails(False)
    assert _bytes(canvas) == off


def test_thumbnails_follow_state_changes(make_canvas, xor_session):
    canvas = make_canvas(xor_session)
    canvas.set_show_thumbnails(True)
    first = _bytes(canvas)
    builds = canvas.picture_builds
    xor_session.step("iteration")
    assert _bytes(canvas) != first
    assert canvas.picture_builds == builds + 1  # stateChanged invalidated the picture


# ------------------------------------------------------------------ chain vs proportional
def test_comparison_off_by_default(make_canvas, mazur_session):
    canvas = make_canvas(mazur_session)
    assert canvas.show_comparison is False


def test_comparison_text_for_mazur_o1_after_backward(make_canvas, mazur_session):
    canvas = make_canvas(mazur_session)
    canvas.set_show_comparison(True)
    t = mazur_session.trainer
    while t.next_step.phase != "update":
        mazur_session.step("micro")
    cmp = compare.chain_vs_proportional(t)
    out = cmp[-1]
    assert out.names[0] == "o1"
    assert f"{out.chain[0]:.4g}" == "0.1385"
    assert f"{out.proportional[0]:.4g}" == "-0.7414"
    text = canvas.comparison_text(2, 0)
    assert text == "δ 0.1385 · e -0.7414"  # the window's rule: 4 decimal places by default
    assert canvas.comparison_disagrees(2, 0) is False  # e and -δ both negative


def test_comparison_disagreement_flag_matches_compare(make_canvas, mazur_session):
    canvas = make_canvas(mazur_session)
    canvas.set_show_comparison(True)
    mazur_session.step("iteration")
    cmp = compare.chain_vs_proportional(mazur_session.trainer)
    for lc in cmp:
        for j in range(len(lc.names)):
            assert canvas.comparison_disagrees(lc.layer, j) == (not bool(lc.agree[j]))


def test_toggling_comparison_repaints(make_canvas, mazur_session):
    canvas = make_canvas(mazur_session)
    off = _bytes(canvas)
    canvas.set_show_comparison(True)
    on = _bytes(canvas)
    assert on != off
    mazur_session.step("phase")
    assert _bytes(canvas) != on
    canvas.set_show_comparison(False)
    mazur_session.reset()
    assert _bytes(canvas) == off


def test_render_image_draws_overlays(make_canvas, mazur_session):
    canvas = make_canvas(mazur_session)
    plain = canvas.render_image(900, 600)
    canvas.set_show_comparison(True)
    canvas.set_show_thumbnails(True)
    assert canvas.render_image(900, 600) != plain


# ------------------------------------------------------------------ nothing collides
@pytest.mark.parametrize("preset", ["mazur", "xor", "sine"])
@pytest.mark.parametrize("size", [(900, 600), (1200, 800), (2000, 1300)])
def test_overlays_thumbnails_and_labels_do_not_collide(make_canvas, trainer_of, preset, size):
    """With both overlays on, in the middle of the backward pass: the boxes the canvas
    paints (measured with its real fonts) meet neither each other nor a neuron."""
    session = QtSession(Session(trainer_of(preset)))
    for _ in range(4):
        session.step("micro")
    canvas = make_canvas(session, size)
    canvas.set_show_thumbnails(True)
    canvas.set_show_comparison(True)
    canvas.grab()
    p = canvas.placement()
    boxes = p.boxes()
    for i, (what, a) in enumerate(boxes):
        for other, b in boxes[i + 1:]:
            assert not a.intersects(b), (what, a, other, b)
    assert p.edge_labels == canvas.labels  # what hit-testing uses is what was painted
    if preset != "sine" and size != (900, 600):  # room for everything
        n = sum(session.trainer.network.sizes[1:])
        assert len(p.overlays) == n and len(p.thumbnails) == n and not p.left_out
        assert {hit.layer for _, hit, _ in p.edge_labels} == {1, 2}


def test_thumbnails_are_drawn_in_their_boxes(make_canvas, xor_session):
    canvas = make_canvas(xor_session)
    canvas.set_show_thumbnails(True)
    img = canvas.grab().toImage()
    (c, j, box), = [t for t in canvas.placement().thumbnails if t[0] == 2]  # the output's
    vals = canvas.thumbnail_values(2, 0)
    G = canvas.THUMB_GRID
    for i, k in ((3, 4), (12, 12), (20, 6)):  # cell i from the top (y up), column k
        x, y = box.x + (k + 0.5) * box.w / G, box.y + (i + 0.5) * box.h / G
        expected = LUT[int(np.rint(vals[G - 1 - i, k] * 1000))]  # sigmoid output on the diverging map
        got = img.pixelColor(int(x), int(y))
        assert max(abs(got.red() - expected[0]), abs(got.green() - expected[1]), abs(got.blue() - expected[2])) <= 8


def test_a_crowded_canvas_says_where_overlays_have_no_room(make_canvas, trainer_of):
    canvas = make_canvas(QtSession(Session(trainer_of("2-16-16-1"))), (700, 460))
    canvas.set_show_comparison(True)
    canvas.grab()
    assert "overlays" in canvas.placement().left_out
    canvas.zoom_by(4.0)  # zoomed in there is room beside the neurons on screen
    canvas.grab()
    assert canvas.placement().overlays
