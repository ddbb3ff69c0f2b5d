"""The decision-boundary panel: the grid is the network's output, the batch ring follows
stepping, other input counts get a note, and redraws are throttled during Play."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from nnviz.core.data import datasets
from nnviz.core import trainer as trainer_mod
from nnviz.gui.widgets import palette as pal
from nnviz.app.session import FAST_PLAY
from nnviz.gui.panels.boundary_panel import GRID, BoundaryPanel, REFRESH_MS


@pytest.fixture
def make_panel(show):
    return lambda session: show(BoundaryPanel(session), (420, 400))


def _sampled(x, y, z, net, rng, k=25):
    rows = rng.integers(0, y.size, k)
    cols = rng.integers(0, x.size, k)
    pts = np.column_stack([x[cols], y[rows]])
    return z[rows, cols], net.forward(pts)


def test_grid_matches_network_forward_at_sampled_points(make_panel, xor_session):
    panel = make_panel(xor_session)
    xor_session.step("iteration")
    xor_session.trainer.run(500)
    xor_session.flush(force=True)
    x, y, z = panel.grid_values()
    assert x.shape == (GRID,) and y.shape == (GRID,) and z.shape == (GRID, GRID)
    data = xor_session.trainer.dataset.inputs
    assert x[0] < data[:, 0].min() and x[-1] > data[:, 0].max()  # a margin around the data
    assert y[0] < data[:, 1].min() and y[-1] > data[:, 1].max()
    drawn, expected = _sampled(x, y, z, xor_session.trainer.network, np.random.default_rng(0))
    np.testing.assert_allclose(drawn, expected[:, 0], rtol=1e-12, atol=1e-15)
    # the whole grid too, with one call, row j at y[j] and column i at x[i]
    gx, gy = np.meshgrid(x, y)
    full = xor_session.trainer.network.forward(np.column_stack([gx.ravel(), gy.ravel()]))
    np.testing.assert_allclose(z, full[:, 0].reshape(GRID, GRID), rtol=1e-12, atol=1e-15)
    # the image holds the same numbers as float32, with explicit levels (sigmoid: 0..1)
    assert panel.image.image.dtype == np.float32
    np.testing.assert_array_equal(panel.image.image, z.astype(np.float32))
    assert tuple(panel.image.levels) == (0.0, 1.0)
    assert panel.contour.isVisible()  # classification: the 0.5 line
    assert not np.isnan(panel.image.image).any()


def test_several_outputs_shade_the_argmax_class(make_panel, make_session):
    data = datasets.generate("blobs", 60, seed=1)
    t = trainer_mod.create([2, 6, data.n_outputs], ["tanh", "softmax"], data, seed=2,
                           loss="cross_entropy", learning_rate=0.5)
    t.run(30)
    panel = make_panel(make_session(t))
    x, y, z = panel.grid_values()
    drawn, expected = _sampled(x, y, z, t.network, np.random.default_rng(1), 40)
    np.testing.assert_array_equal(drawn, expected.argmax(axis=1))
    assert not panel.contour.isVisible()
    assert set(np.unique(z)) <= set(range(data.n_outputs))


def test_tanh_output_on_two_classes_changes_colour_at_the_half_line(make_panel, make_session):
    data = datasets.xor()
    t = trainer_mod.create([2, 3, 1], "tanh", data, seed=0, learning_rate=0.1)
    panel = make_panel(make_session(t))
    z = panel.grid_values()[2]
    assert tuple(panel.image.levels) == (-1.0, 2.0)  # centred on 0.5, as far as tanh reaches (-1 .. 1)
    assert panel.contour.level == 0.5 and panel.contour.isVisible() == bool(z.min() < 0.5 < z.max())


def test_tanh_output_on_other_data_is_centred_at_zero(make_panel, make_session):
    data = datasets.Dataset(np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0]]), np.array([[-0.5], [0.7], [0.2]]))
    t = trainer_mod.create([2, 3, 1], "tanh", data, seed=0)
    panel = make_panel(make_session(t))
    assert tuple(panel.image.levels) == (-1.0, 1.0) and not panel.contour.isVisible()


def test_batch_highlight_follows_online_stepping(make_panel, xor_session):
    panel = make_panel(xor_session)
    xor_session.trainer.configure(batch="online")
    inputs = xor_session.trainer.dataset.inputs
    seen = []
    for _ in range(6):
        xor_session.step("micro")  # the first forward step draws the next sample
        panel.grid_values()  # brings the redraw forward
        batch = xor_session.trainer.values.batch
        bx, by = panel.batch_item.getData()
        np.testing.assert_array_equal(np.column_stack([bx, by]), inputs[batch])
        assert list(panel.batch_indices()) == list(batch)
        seen.append(int(batch[0]))
        xor_session.step("iteration")  # finish it
    assert seen == [0, 1, 2, 3, 0, 1]
    assert "batch of 1" in panel.caption.text()
    # full batch: no ring (every point would be ringed)
    xor_session.trainer.configure(batch="full")
    xor_session.step("iteration")
    panel.grid_values()
    assert len(panel.batch_item.getData()[0]) == 0


def test_other_input_counts_get_a_note(make_panel, make_session):
    session = make_session("sine")
    panel = make_panel(session)
    assert panel.stack.currentWidget() is panel.note
    assert panel.note.isVisible()
    assert "the decision boundary needs 2 inputs" in panel.note.text().lower()
    x, _, z = panel.grid_values()
    assert x.size == 0 and z.size == 0
    session.step("iteration")  # nothing to draw, nothing breaks
    session.load_preset("xor")
    assert panel.stack.currentWidget() is not panel.note
    assert panel.grid_values()[2].shape == (GRID, GRID)


def test_timeline_shows_the_network_as_it_was(make_panel, xor_session):
    panel = make_panel(xor_session)
    t = xor_session.trainer
    t.run(20)
    xor_session.flush(force=True)
    xor_session.set_view_iteration(5)
    x, y, z = panel.grid_values()
    probe = t.network.copy()
    probe.set_flat(t.trajectory[5 - t.trajectory_start])
    drawn, expected = _sampled(x, y, z, probe, np.random.default_rng(2))
    np.testing.assert_allclose(drawn, expected[:, 0], rtol=1e-12, atol=1e-15)


def test_redraws_wait_only_while_play_uses_every_frame(qtbot, make_panel, xor_session, monkeypatch):
    """While Play trains flat out the window is never idle: redraws wait REFRESH_MS and
    then run in the step's own turn, so the window paints once per step (the Throttle
    merges them, see tests/gui/widgets/test_throttle.py); a single step, or Play at a
    speed that leaves the window idle, redraws at the end of the turn."""
    panel = make_panel(xor_session)
    asked = []
    request = panel._throttle.request
    monkeypatch.setattr(panel._throttle, "request",
                        lambda ms=None, sync=False: (asked.append((ms, sync)), request(ms, sync)))
    xor_session.step("iteration")
    assert asked == [(0, False)]
    asked.clear()
    xor_session.set_play_speed(FAST_PLAY)
    xor_session.play()
    qtbot.waitUntil(lambda: len(asked) >= 3)
    xor_session.pause()
    assert set(asked) == {(REFRESH_MS, True)}
    asked.clear()
    xor_session.step("micro")
    assert asked == [(0, False)]
    qtbot.waitUntil(lambda: panel._throttle.runs >= 1 and not panel._throttle.pending)
    x, y, z = panel.grid_values()
    np.testing.assert_allclose(z[0, 0], xor_session.trainer.network.forward([[x[0], y[0]]])[0, 0], rtol=1e-12)


def test_dark_palette_redraws(make_panel, xor_session):
    panel = make_panel(xor_session)
    panel.setPalette(pal.dark_palette())
    z = panel.grid_values()[2]
    assert z.shape == (GRID, GRID)
    assert panel.plot.backgroundBrush().color() == pal.canvas_background(pal.dark_palette())


def test_closing_disconnects(make_panel, xor_session):
    panel = make_panel(xor_session)
    panel.close()
    xor_session.step("iteration")  # no redraw of a closed panel, no error
    assert not panel._throttle.pending


def test_axes_are_named_by_the_data_columns(qtbot, make_panel, xor_session):
    panel = make_panel(xor_session)
    axis = panel.plot.getPlotItem().getAxis("bottom")
    assert axis.labelText == "x1"  # unnamed inputs
    moons = datasets.generate("two_moons", n_samples=40, seed=0)
    named = datasets.Dataset(moons.inputs, moons.targets, input_names=("Länge", "宽度"), target_names=("klasse",))
    xor_session.set_trainer(trainer_mod.create([2, 4, 1], ["tanh", "sigmoid"], named, seed=0))
    qtbot.waitUntil(lambda: axis.labelText == "Länge")
    assert panel.plot.getPlotItem().getAxis("left").labelText == "宽度"


def test_outputs_beyond_float32_draw_without_warnings(make_panel, make_session):
    """A linear output of 1e39 (an edited weight, a diverging run) overflowed the image's
    float32 with a RuntimeWarning (found by the random-action test): it is drawn at the
    end of the colour scale."""
    data = datasets.generate("plane", 20, seed=1)
    t = trainer_mod.create([2, 1], ["linear"], data, seed=2, loss="mse")
    t.set_parameter("W1[0,0]", 1e40)
    panel = make_panel(make_session(t))
    x, y, z = panel.grid_values()
    assert np.isfinite(panel.image.image).all()
    assert np.abs(panel.image.image).max() == np.finfo(np.float32).max


def test_the_two_class_regions_are_the_canvas_blue_and_orange_at_a_readable_strength(qtbot, make_panel, make_session,
                                                                                  dark):
    """Where the trained xor network says class 0 the map is clearly blue, where it says
    class 1 clearly orange, right from the 0.5 line (where a plain diverging map is
    grey), in both palettes; the line is drawn."""
    session = make_session("xor")
    session.trainer.run(400)
    panel = make_panel(session)
    x, y, z = panel.grid_values()
    img = panel.plot.grab().toImage()
    vb = panel.plot.getPlotItem().vb
    bg = pal.canvas_background(panel.palette())

    def pixel(i, j):
        scene = vb.mapViewToScene(QPointF(x[i], y[j]))
        p = panel.plot.mapFromScene(scene)
        return img.pixelColor(p.x(), p.y())

    def distance(a, b):
        return sum((u - v) ** 2 for u, v in zip(a.getRgb()[:3], b.getRgb()[:3])) ** 0.5

    data = session.trainer.dataset.inputs
    far_from_points = np.min(np.hypot(x[None, :, None] - data[:, 0, None, None],
                                      y[None, None, :] - data[:, 1, None, None]), axis=0).T > 0.12
    for lo, hi, colour, saturation in ((0.0, 0.25, "blue", 0.35), (0.75, 1.0, "orange", 0.35),
                                       (0.42, 0.49, "blue", 0.18), (0.51, 0.58, "orange", 0.18)):
        rows, cols = np.nonzero((z >= lo) & (z <= hi) & far_from_points)
        assert rows.size, (lo, hi)
        for k in np.linspace(0, rows.size - 1, 5).astype(int):
            c = pixel(cols[k], rows[k])
            assert distance(c, bg) > 45, (lo, hi, c.name())  # clearly not the background
            assert c.hsvSaturationF() >= saturation, (lo, hi, c.name())  # a colour, not a grey
            warm = c.red() - c.blue()
            assert (warm < -25) if colour == "blue" else (warm > 25), (lo, hi, c.name())
    assert panel.contour.isVisible() and panel.contour.level == 0.5
