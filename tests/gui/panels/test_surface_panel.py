"""The loss-surface panel: grid, axes, trajectory, look-ahead under the slider, train only
these two, fork, sweep, and that Play stays smooth with the panel open."""

import re
import threading
import warnings

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from nnviz.app.session import FAST_PLAY
from nnviz.core import presets
from nnviz.core.analysis import surface
from nnviz.gui.controls.lr_slider import HIGH, STEPS, position_to_value, slider_x, value_to_position
from nnviz.gui.panels.surface import SurfacePanel
from nnviz.gui.panels.surface.dialogs import ForkDialog, RangeDialog
from nnviz.gui.panels.surface.grids import GRID_POINTS
from nnviz.gui.panels.surface.heatmap import CONTOURS, display_field
from nnviz.gui.panels.surface.paths import loss_of, stacked_losses
from nnviz.gui.widgets.isocurve import contour_segments


def _grid_ready(panel):
    return (panel.loss.shape == (GRID_POINTS, GRID_POINTS) and panel.grids.key == panel.grid_state()
            and not panel._refresh_throttle.pending)


def _settle(qtbot, panel):
    """Wait until the panel shows the current state (full grid, path, section)."""
    panel._refresh_throttle.flush()
    qtbot.waitUntil(lambda: _grid_ready(panel))


@pytest.fixture
def panel(qtbot, session):
    p = SurfacePanel(session)
    qtbot.addWidget(p)
    p.resize(480, 780)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: _grid_ready(p) and p.look.result is not None)
    return p


@pytest.fixture
def window_panel(qtbot, window):
    p = window.surface_panel
    qtbot.waitUntil(lambda: _grid_ready(p) and p.look.result is not None)
    return p


def _direct_loss(trainer, p1, p2, a, b):
    net = trainer.network
    flat = net.flat().copy()
    flat[net.flat_index(net.parse_param(p1))] = a
    flat[net.flat_index(net.parse_param(p2))] = b
    probe = net.copy()
    probe.set_flat(flat)
    return trainer.evaluate_loss(probe.weights, probe.biases)


def _steps(session, n):
    for _ in range(n):
        assert session.step("iteration")


# ------------------------------------------------------------------ building
@pytest.mark.parametrize("preset", ["mazur", "xor"])
def test_panel_builds_with_default_axes_and_a_clean_image(qtbot, session, preset):
    session.set_trainer(presets.load(preset))
    p = SurfacePanel(session)
    qtbot.addWidget(p)
    p.resize(480, 780)
    p.show()
    qtbot.waitUntil(lambda: _grid_ready(p) and p.look.result is not None)
    t = session.trainer
    assert p.axes == tuple(surface.default_axes(t))
    assert p.a_values.shape == p.b_values.shape == (GRID_POINTS,)
    image = p.heat.image.image
    assert image.dtype == np.float32 and image.flags.c_contiguous
    assert image.shape == (GRID_POINTS, GRID_POINTS)  # row-major: rows are the y parameter
    assert np.isfinite(image).all()
    low, high = p.heat.image.getLevels()
    assert low < high
    assert p.heat.image.lut is not None and len(p.heat.image.lut) <= 256
    assert len(p.heat.contours) == CONTOURS and all(iso.parentItem() is p.heat.image for iso in p.heat.contours)
    label = p.heat.plot.getAxis("bottom").labelText
    assert t.network.display_name(p.axes[0]) in label
    # the path starts at the initial point, the current point is marked
    x, y = p.heat.trail_item.getData()
    assert x.size == len(t.trajectory)
    assert len(p.heat.current_item.data) == 1 and len(p.heat.start_item.data) == 1
    qtbot.waitUntil(lambda: "over every parameter that trains" in p.look.stability_label.text())


def test_grid_equals_direct_evaluation_at_sampled_points(qtbot, panel, session):
    t = session.trainer
    _steps(session, 3)
    session.flush()
    p1, p2 = panel.axes
    rng = np.random.default_rng(0)
    _settle(qtbot, panel)  # the slice through the new point
    for i, j in rng.integers(0, GRID_POINTS, size=(6, 2)):
        expected = _direct_loss(t, p1, p2, panel.a_values[i], panel.b_values[j])
        assert panel.loss[i, j] == pytest.approx(expected, rel=1e-10, abs=1e-14)
        # and the image shows that value at column i (x), row j (y)
        assert panel.heat.image.image[j, i] == pytest.approx(np.float32(expected), rel=1e-6)


def test_grid_is_centred_on_the_image_pixels(panel):
    a, b = panel.a_values, panel.b_values
    rect = panel.heat.image.mapRectToParent(panel.heat.image.boundingRect())
    da, db = a[1] - a[0], b[1] - b[0]
    assert rect.left() == pytest.approx(a[0] - da / 2)
    assert rect.right() == pytest.approx(a[-1] + da / 2)
    assert rect.top() == pytest.approx(b[0] - db / 2)


# ---------------------------------------------------------------------- axes
def test_identical_axes_are_refused_with_a_message(qtbot, panel, session):
    before = panel.axes
    index = panel.controls.axis_a.currentIndex()
    with qtbot.waitSignal(session.message) as blocker:
        panel.controls.axis_b.setCurrentIndex(index)
        panel.controls.axis_b.activated.emit(index)
    assert "Axes refused" in blocker.args[0]
    assert panel.axes == before
    assert panel.controls.axis_b.currentData() == before[1]  # the box went back
    assert panel.error_label.isVisible() and "different" in panel.error_label.text()
    assert not panel.set_axes("W2[0,0]", "w5")  # the same parameter by two names


def test_a_frozen_axis_is_refused(qtbot, panel, session):
    assert "b2[0]" in session.trainer.frozen  # mazur's biases are frozen
    with qtbot.waitSignal(session.message):
        assert not panel.set_axes("W2[0,0]", "b2[0]")
    assert "frozen" in panel.error_label.text()
    assert "(frozen)" in panel.controls.axis_a.itemText(panel.controls.axis_a.findData("b2[0]"))


def test_axes_follow_the_last_two_parameters_clicked_on_the_canvas(qtbot, panel, session):
    session.select_param("W1[0,1]")
    assert panel.axes != ("W1[0,1]", "W2[1,0]")
    session.select_param("W2[1,0]")
    assert panel.axes == ("W1[0,1]", "W2[1,0]")
    assert panel.controls.axis_a.currentData() == "W1[0,1]" and panel.controls.axis_b.currentData() == "W2[1,0]"
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert "w2" in panel.heat.plot.getAxis("bottom").labelText
    assert "clicked" in panel.note.text()
    panel.controls.follow_box.setChecked(False)
    session.select_param("W2[0,0]")
    session.select_param("W2[1,1]")
    assert panel.axes == ("W1[0,1]", "W2[1,0]")


# ---------------------------------------------------------------- trajectory
def test_the_trajectory_grows_after_each_iteration(qtbot, panel, session):
    n = panel.heat.trail_item.getData()[0].size
    session.step("iteration")
    qtbot.waitUntil(lambda: panel.heat.trail_item.getData()[0].size == n + 1)
    x, y = panel.heat.trail_item.getData()
    flat = session.trainer.network.flat()
    i, j = panel._axis_columns()
    assert (x[-1], y[-1]) == (flat[i], flat[j])
    assert tuple(panel.heat.current_item.data[0])[:2] == (flat[i], flat[j])
    # Step back shortens it again
    session.back(len(session.trainer.steps))
    qtbot.waitUntil(lambda: panel.heat.trail_item.getData()[0].size == n)


def test_the_timeline_position_is_ringed_on_the_path(qtbot, panel, session):
    _steps(session, 6)
    _settle(qtbot, panel)
    assert len(panel.heat.timeline_item.data) == 0  # live: no ring
    session.set_view_iteration(2)
    x, y = panel.heat.trail_item.getData()
    assert tuple(panel.heat.timeline_item.data[0])[:2] == (x[2], y[2])
    session.set_view_iteration(None)
    assert len(panel.heat.timeline_item.data) == 0


def test_cross_section_is_the_loss_along_the_first_axis_with_the_steps(qtbot, panel, session):
    _steps(session, 5)
    _settle(qtbot, panel)
    t = session.trainer
    xs, ys = panel.section.curve.getData()
    p1, p2 = panel.axes
    b_now = t.network.get(p2)
    k = 57
    assert ys[k] == pytest.approx(_direct_loss(t, p1, p2, xs[k], b_now), rel=1e-10)
    sx, sy = panel.section.steps.getData()
    assert sx.size == len(t.trajectory)
    assert sy[-1] == pytest.approx(t.evaluate_loss(), rel=1e-12)
    assert sy[0] == pytest.approx(0.298371109, abs=1e-9)  # the worked example's first loss


def test_the_steps_losses_are_each_points_own_loss_in_blocks_of_any_size(monkeypatch):
    t = presets.load("xor")
    t.run(40)
    points = np.array(t.trajectory)
    one_by_one = [loss_of(t, v) for v in points]
    monkeypatch.setattr(surface, "CHUNK_FLOATS", 3 * (4 * 4 + t.network.n_params))  # blocks of 3 points
    assert stacked_losses(t, points) == pytest.approx(one_by_one, rel=1e-12)
    assert stacked_losses(t, points[:1]) == pytest.approx(one_by_one[:1], rel=1e-12)


# ------------------------------------------------------------ train only two
def test_train_only_these_two_freezes_the_rest_and_the_path_lies_on_the_surface(qtbot, panel, session):
    t = session.trainer
    before = t.frozen
    panel.controls.train_only_box.setChecked(True)
    assert t.frozen == frozenset(p.name for p in t.network.params()) - set(panel.axes)
    assert "lies exactly" in panel.note.text()
    qtbot.waitUntil(lambda: _grid_ready(panel))
    grid_key = panel.grids.key
    n0 = len(t.trajectory)
    _steps(session, 4)
    _settle(qtbot, panel)
    assert panel.grids.key == grid_key  # nothing but the axes moved: the surface stands
    p1, p2 = panel.axes
    for v in t.trajectory[n0 - 1:]:
        i, j = panel._axis_columns()
        on_surface = surface.loss_grid(t, p1, p2, np.array([v[i]]), np.array([v[j]]))[0, 0]
        assert on_surface == pytest.approx(loss_of(t, v), rel=1e-12)
    panel.controls.train_only_box.setChecked(False)
    assert t.frozen == before
    assert "slice" in panel.note.text()


def test_freezing_elsewhere_releases_train_only(qtbot, panel, session):
    panel.controls.train_only_box.setChecked(True)
    session.trainer.configure(frozen=[])
    assert not panel.controls.train_only_box.isChecked()
    assert session.trainer.frozen == frozenset()  # the other choice stands


# ---------------------------------------------------------- slider look-ahead
def _drag_slider(qtbot, panel, slider, start_rate, end_position, stride=12):
    """Drag the slider's handle with the mouse; after each move wait for the ghost of
    that rate and record (rate, ghost x, ghost y, indicator text, status)."""
    session = panel.session
    session.set_learning_rate(start_rate)
    qtbot.waitUntil(lambda: panel.look.drawn_rate == start_rate)
    y = slider.height() // 2
    start = QPoint(round(slider_x(slider, start_rate)), y)
    end_x = round(slider_x(slider, position_to_value(end_position)))
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    seen = []
    for x in list(range(start.x(), end_x, stride)) + [end_x]:
        qtbot.mouseMove(slider, QPoint(x, y))
        rate = session.trainer.learning_rate
        qtbot.waitUntil(lambda: panel.look.drawn_rate == rate)
        gx, gy = panel.heat.ghost_item.getData()
        if not seen or seen[-1][0] != rate:
            seen.append((rate, gx.copy(), gy.copy(), panel.look.indicator.text(), panel.look.result.status,
                         panel.look.last_redraw_ms))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(end_x, y))
    return seen


def test_dragging_the_slider_redraws_the_ghost_and_the_indicator_on_mazur(qtbot, window_panel, window):
    panel = window_panel
    panel.controls.train_only_box.setChecked(True)
    _steps(window.session, 20)
    slider = window.controls.learning_rate.slider
    seen = _drag_slider(qtbot, panel, slider, 0.01, STEPS)
    assert len(seen) >= 10
    rates = [s[0] for s in seen]
    assert rates[-1] == pytest.approx(HIGH) and rates == sorted(rates)
    # every move redrew the ghost: its path changed with the rate
    for before, after in zip(seen, seen[1:]):
        assert not (np.array_equal(before[1], after[1]) and np.array_equal(before[2], after[2]))
    texts = [s[3] for s in seen]
    assert len(set(texts)) == len(texts)  # the indicator followed every move
    assert texts[0].startswith("At rate 0.01: converging")
    # the section ghost is the same look-ahead: its loss column matches
    la = panel.look.result
    assert np.allclose(panel.section.ghost.getData()[1], la.losses)
    # the verdict agrees with the marks: beyond the divergence mark of the two axes the
    # look-ahead diverges; below half of it, it converges. On the worked example that rate
    # lies beyond the slider's end (its curvature is small), so every rate the slider
    # offers descends, and the slider names the marks at its right end.
    critical = panel.look.marks[0].diverges_from
    assert critical > HIGH
    assert window.controls.learning_rate.marks.diverges_from > HIGH
    assert all(s[4] == "converging" for s in seen)
    for rate, _, _, text, status, _ in seen:
        if rate < 0.4 * critical:
            assert status == "converging", (rate, critical, text)
        elif rate > 1.2 * critical:
            assert status == "diverged", (rate, critical, text)
    redraw = [s[5] for s in seen]
    print(f"\nmazur slider move redraw: median {np.median(redraw):.2f} ms, max {max(redraw):.2f} ms "
          f"(critical rate over the axes {critical:.3g})")
    assert np.median(redraw) < 50


def test_the_verdict_turns_from_converging_to_zigzag_to_diverged(qtbot, window_panel, window):
    """On a network whose marks lie inside the slider's range (sine, over two of its output
    weights, where the loss is quadratic), dragging up goes from descent to zig-zag to
    divergence at the marks."""
    window.session.set_trainer(presets.load("sine"))
    panel = window_panel
    panel.set_axes("W2[0,2]", "W2[0,5]")
    panel.controls.train_only_box.setChecked(True)
    panel._stability_throttle.flush()
    qtbot.waitUntil(lambda: _grid_ready(panel) and panel.look.marks[0] is not None)
    assert panel.look.marks[0].exact
    slider = window.controls.learning_rate.slider
    seen = _drag_slider(qtbot, panel, slider, 1e-3, STEPS, stride=8)
    statuses = [s[4] for s in seen]
    assert statuses[0] == "converging"
    first_bad = next(k for k, s in enumerate(statuses) if s != "converging")
    assert all(s != "converging" for s in statuses[first_bad:])
    assert "zigzag" in statuses
    assert statuses[-1] == "diverged"
    assert "diverged" in panel.look.indicator.text()
    critical = panel.look.marks[0].diverges_from
    assert seen[first_bad][0] == pytest.approx(critical / 2, rel=0.35)  # zig-zag from 1/lambda_max
    first_diverged = statuses.index("diverged")
    assert seen[first_diverged][0] == pytest.approx(critical, rel=0.35)


def test_the_slider_shows_the_sessions_marks_and_the_panel_names_them(qtbot, window_panel, window):
    control = window.controls.learning_rate
    qtbot.waitUntil(lambda: control.marks is not None)
    assert control.marks is window.session.regime_marks()  # one source: the session's
    assert "Diverges from here" in control.slider.toolTip()
    window.session.set_trainer(presets.load("sine"))
    qtbot.waitUntil(lambda: control.marks is not None and control.marks.diverges_from < HIGH)
    qtbot.waitUntil(lambda: "over every parameter that trains" in window_panel.look.stability_label.text())
    assert f"diverges from {control.marks.diverges_from:.3g}" in window_panel.look.stability_label.text()


# -------------------------------------------------------------------- modes
def test_plane_of_the_trajectory(qtbot, panel, session):
    panel.set_mode("plane")
    panel._refresh_throttle.flush()
    assert "at least" in panel.error_label.text() or panel.loss.size  # one point: no plane yet
    _steps(session, 6)
    qtbot.waitUntil(lambda: panel._plane is not None and _grid_ready(panel))
    origin, d1, d2, coords = panel._plane
    x, y = panel.heat.trail_item.getData()
    assert np.allclose(x, coords[:, 0]) and np.allclose(y, coords[:, 1])
    i, j = 10, 80
    expected = surface.plane_grid(session.trainer, origin, d1, d2, panel.a_values[[i]], panel.b_values[[j]])
    assert panel.loss[i, j] == pytest.approx(expected[0, 0], rel=1e-10)
    assert "direction" in panel.heat.plot.getAxis("bottom").labelText
    panel.set_mode("slice")
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert session.trainer.network.display_name(panel.axes[0]) in panel.heat.plot.getAxis("bottom").labelText


def test_log_colours_and_non_finite_loss_are_drawn_clipped(qtbot, panel, monkeypatch):
    real = surface.loss_grid

    def with_holes(*args):
        g = real(*args)
        g[:5, :5] = np.inf
        g[-3:, -3:] = np.nan
        return g

    monkeypatch.setattr(surface, "loss_grid", with_holes)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        panel.controls.log_box.setChecked(True)
        panel.fit()
        panel._refresh_throttle.flush()
    image = panel.heat.image.image
    assert np.isfinite(image).all()
    low, high = panel.heat.image.getLevels()
    assert image[0, 0] == pytest.approx(high) and image[-1, -1] == pytest.approx(high)
    assert high < 1  # log10 of mazur's losses
    assert "log" in panel.heat.colorbar.getAxis("right").labelText


def test_a_slow_grid_is_computed_off_the_gui_thread_after_a_coarse_one(qtbot, panel, session, monkeypatch):
    real = surface.loss_grid
    threads = []
    release = threading.Event()  # set by the GUI thread once it has shown the coarse grid

    def slow(*args):
        if len(args[3]) == GRID_POINTS:
            threads.append(threading.current_thread())
            # A full grid computed on the GUI thread would wait here in vain: the GUI
            # thread could not show the coarse grid and release it.
            assert release.wait(10)
        return real(*args)

    monkeypatch.setattr(surface, "loss_grid", slow)
    panel.grids.last_ms = 400.0  # large data
    session.step("iteration")
    qtbot.waitUntil(lambda: 0 < panel.loss.shape[0] < GRID_POINTS)  # the coarse grid first
    qtbot.waitUntil(lambda: len(threads) == 1)  # the full one has started meanwhile
    release.set()
    qtbot.waitUntil(lambda: _grid_ready(panel), timeout=10000)  # then the full one is drawn
    assert threads and all(t is not threading.main_thread() for t in threads)
    p1, p2 = panel.axes
    i, j = 33, 71
    expected = _direct_loss(session.trainer, p1, p2, panel.a_values[i], panel.b_values[j])
    assert panel.loss[i, j] == pytest.approx(expected, rel=1e-10)


def test_display_field_never_lets_nan_through():
    z, (low, high) = display_field(np.array([[np.nan, np.inf], [-np.inf, np.nan]]), log=True)
    assert np.isfinite(z).all() and low < high
    z, (low, high) = display_field(np.array([[0.0, 1.0], [2.0, np.inf]]), log=True)
    assert np.isfinite(z).all() and z[1, 1] == pytest.approx(high)
    z, (low, high) = display_field(np.full((3, 3), 2.0), log=False)
    assert low < high  # a flat surface still gets a valid scale


def test_contours_match_pyqtgraphs_marching_squares():
    rng = np.random.default_rng(3)
    d = rng.normal(size=(17, 23)).cumsum(axis=0)
    for level in (-1.0, 0.0, 0.7):
        x, y = contour_segments(d, level)
        ours = sorted(tuple(np.round(np.r_[x[k:k + 2], y[k:k + 2]], 9)) for k in range(0, x.size, 2))
        lines = pg.functions.isocurve(d, level, connected=False)
        theirs = sorted(tuple(np.round([a[0], b[0], a[1], b[1]], 9)) for a, b in lines)
        assert ours == theirs


# --------------------------------------------------------------------- range
def test_range_dialog_and_fork_dialog(qtbot, panel, session, monkeypatch):
    def accept_range(dialog):
        for edit, text in zip(dialog.edits, ("0.1", "0.3", "-0.2", "0.4")):
            edit.setText(text)
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(RangeDialog, "exec", accept_range)
    panel.controls.range_button.click()
    assert panel.range == (0.1, 0.3, -0.2, 0.4)
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert panel.a_values[0] == 0.1 and panel.b_values[-1] == pytest.approx(0.4)

    def bad_range(dialog):
        dialog.edits[1].setText("0.0")  # "to" below "from"
        dialog._check()
        assert dialog.error.text()
        return 0

    monkeypatch.setattr(RangeDialog, "exec", bad_range)
    panel.controls.range_button.click()
    assert panel.range == (0.1, 0.3, -0.2, 0.4)

    def accept_fork(dialog):
        dialog.rate.setText("1.5")
        dialog.optimizer.setCurrentIndex(dialog.optimizer.findData("adam"))
        return 1

    monkeypatch.setattr(ForkDialog, "exec", accept_fork)
    panel.controls.fork_button.click()
    f = session.fork_run.trainer
    assert f.learning_rate == 1.5 and f.optimizer.name == "adam"
    assert panel.controls.unfork_button.isVisibleTo(panel)


def test_range_by_hand_fit_and_zoom_with_the_wheel(qtbot, panel):
    panel.set_range(0.0, 0.5, 0.2, 0.6)
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert panel.a_values[0] == 0.0 and panel.a_values[-1] == 0.5
    assert panel.b_values[0] == 0.2 and panel.b_values[-1] == pytest.approx(0.6)
    with pytest.raises(ValueError):
        panel.set_range(1.0, 0.0, 0.0, 1.0)
    panel.controls.fit_button.click()
    qtbot.waitUntil(lambda: _grid_ready(panel) and panel.range != (0.0, 0.5, 0.2, 0.6))
    span = panel.a_values[-1] - panel.a_values[0]
    view = panel.plots.viewport()
    centre = panel.heat.view_box.mapViewToScene(QPointF(panel.a_values[50], panel.b_values[50]))
    pos = panel.plots.mapFromScene(centre)
    event = QWheelEvent(QPointF(pos), QPointF(view.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    pg.QtWidgets.QApplication.sendEvent(view, event)
    qtbot.waitUntil(lambda: _grid_ready(panel) and panel.a_values[-1] - panel.a_values[0] < 0.9 * span)


# ---------------------------------------------------------------------- fork
def test_fork_trains_alongside_and_can_be_removed(qtbot, panel, session):
    _steps(session, 2)
    assert session.fork(2.0, "momentum")
    f = session.fork_run.trainer
    assert f.learning_rate == 2.0 and f.optimizer.name == "momentum"
    assert session.trainer.learning_rate == 0.5 and session.trainer.optimizer.name == "sgd"
    _steps(session, 3)
    qtbot.waitUntil(lambda: f.iteration == session.trainer.iteration)
    item = panel.heat.fork_items[session.fork_run.slot]
    qtbot.waitUntil(lambda: item.getData()[0] is not None and item.getData()[0].size == 4)
    assert panel.section.forks[session.fork_run.slot].getData()[0].size == 4
    assert panel.fork_view.list.isVisible() and "momentum" in panel.fork_view.labels[0].text()
    # the fork really trained at its own settings
    x, _ = item.getData()
    assert not np.allclose(x, panel.heat.trail_item.getData()[0][-4:])
    panel.controls.unfork_button.click()
    assert session.fork_run is None and not panel.fork_view.list.isVisible()
    assert item.getData()[0] is None or item.getData()[0].size == 0


def test_three_forks_each_in_its_colour_named_and_removed_one_at_a_time(qtbot, panel, session):
    for rate, optimizer in ((2.0, "momentum"), (0.5, "adagrad"), (0.1, "adam")):
        assert session.fork(rate, optimizer)
    _steps(session, 4)
    forks = list(session.forks)
    heat = panel.heat
    qtbot.waitUntil(lambda: all(heat.fork_items[f.slot].getData()[0] is not None
                                and heat.fork_items[f.slot].getData()[0].size == 5 for f in forks))
    paths = [heat.fork_items[f.slot].getData() for f in forks]
    # one item per fork, each ending where its run stands, no two alike
    assert len({tuple(np.round(x, 12)) for x, _ in paths}) == 3
    for f in forks:
        end = heat.fork_ends[f.slot].getData()
        assert (end[0][0], end[1][0]) == (heat.fork_items[f.slot].getData()[0][-1],
                                          heat.fork_items[f.slot].getData()[1][-1])
    colours = {heat.fork_items[f.slot].opts["pen"].color().name() for f in forks}
    assert len(colours) == 3 and heat.trail_item.opts["pen"].color().name() not in colours
    section = {panel.section.forks[f.slot].opts["pen"].color().name() for f in forks}
    assert len(section) == 3
    # the legend over the heat map names the main run and each fork
    names = [label.text for _, label in panel.fork_view.legend.items]
    assert names == ["main: sgd · rate 0.5", "momentum · rate 2", "adagrad", "adam · rate 0.1"]
    assert panel.fork_view.legend.isVisible()
    # the list under the plots: a row per fork with its button
    rows = [label.text() for label in panel.fork_view.labels if label.isVisible()]
    assert len(rows) == 3 and "adagrad, from iteration 0" in rows[1]
    qtbot.mouseClick(panel.fork_view.remove_buttons[1], Qt.MouseButton.LeftButton)
    assert session.forks == [forks[0], forks[2]]
    gone = heat.fork_items[forks[1].slot].getData()[0]
    assert gone is None or gone.size == 0  # at once
    assert [label.text for _, label in panel.fork_view.legend.items] == [
        "main: sgd · rate 0.5", "momentum · rate 2", "adam · rate 0.1"]
    assert not panel.fork_view.remove_buttons[2].isVisible()
    qtbot.mouseClick(panel.controls.unfork_button, Qt.MouseButton.LeftButton)
    assert session.forks == [] and not panel.fork_view.legend.isVisible()
    assert all(item.getData()[0] is None or item.getData()[0].size == 0 for item in heat.fork_items)


def test_a_fork_copy_carries_on_exactly_like_the_original(session):
    t = session.trainer
    t.run(7)
    copy = t.copy()
    t.run(5)
    copy.run(5)
    assert np.array_equal(copy.network.flat(), t.network.flat())
    assert copy.iteration == t.iteration and len(copy.trajectory) == 6


# ---------------------------------------------------------------------- Play
def test_play_with_the_panel_open_redraws_it_while_playing(qtbot, window_panel, window):
    """Play trains in slices (tests/app/test_session.py checks their length with a
    clock of its own); between them the panel redraws. A Play that blocked until it
    stopped would show the path only at the end."""
    session = window.session
    lengths = []  # the path's length at each redraw while Play runs
    session.stateChanged.connect(lambda: lengths.append(window_panel.heat.shown_path.shape[0])
                                 if session.playing else None)
    session.set_play_speed(FAST_PLAY)
    assert session.play()
    qtbot.waitUntil(lambda: len(set(lengths)) >= 3, timeout=20000)
    session.pause()
    assert lengths == sorted(lengths)  # drawn growing, slice after slice
    qtbot.waitUntil(lambda: _grid_ready(window_panel))
    x, y = window_panel.heat.trail_item.getData()
    flat = session.trainer.network.flat()
    i, j = window_panel._axis_columns()
    assert (x[-1], y[-1]) == (flat[i], flat[j])


def test_a_hidden_panel_does_no_work_until_shown(qtbot, window_panel, window):
    window.surface_dock.close()
    key = window_panel.grids.key
    _steps(window.session, 3)
    qtbot.waitUntil(lambda: not window_panel._refresh_throttle.pending)  # the refresh came, and did nothing
    assert window_panel.grids.key == key
    window.surface_dock.show()
    window.surface_dock.raise_()  # back among its tabs: the current one again
    qtbot.waitUntil(lambda: _grid_ready(window_panel) and window_panel.grids.key != key)


def test_a_panel_behind_another_tab_does_no_work_until_raised(qtbot, window_panel, window):
    """Qt calls a widget behind another dock tab visible; the dock tells the panel."""
    window.training_dock.raise_()
    qtbot.waitUntil(lambda: not window_panel.shown)
    assert window_panel.isVisible()
    key = window_panel.grids.key
    _steps(window.session, 3)
    qtbot.waitUntil(lambda: not window_panel._refresh_throttle.pending)
    assert window_panel.grids.key == key
    window.surface_dock.raise_()
    qtbot.waitUntil(lambda: _grid_ready(window_panel) and window_panel.grids.key != key)


def test_during_play_a_costly_grid_is_coarse_and_full_again_when_play_stops(qtbot, window_panel, window,
                                                                             monkeypatch):
    monkeypatch.setattr("nnviz.gui.panels.surface.grids.PLAY_GRID_MS", 0.0)  # every grid costs too much
    session = window.session
    session.set_play_speed(FAST_PLAY)
    assert session.play()
    qtbot.waitUntil(lambda: 0 < window_panel.loss.shape[0] < GRID_POINTS, timeout=10000)
    assert not window_panel.grids.key  # a coarse grid is shown, none is taken for the full one
    session.pause()
    qtbot.waitUntil(lambda: _grid_ready(window_panel))
    p1, p2 = window_panel.axes
    i, j = 12, 88
    expected = _direct_loss(session.trainer, p1, p2, window_panel.a_values[i], window_panel.b_values[j])
    assert window_panel.loss[i, j] == pytest.approx(expected, rel=1e-10)


def test_log_colours_on_a_hidden_panel_after_a_new_network(qtbot, panel, session):
    """The random-action test: a new network while the panel was hidden left the old grid
    without a range; Log colours then drew it and raised."""
    panel.hide()
    session.load_preset("xor")
    panel.controls.log_box.setChecked(True)
    panel.show()
    _settle(qtbot, panel)
    assert panel.controls.log_box.isChecked() and panel.loss.shape == (GRID_POINTS, GRID_POINTS)


@pytest.mark.parametrize("rng, says", [
    ((-1e308, 1e308, 0.0, 1.0), "the x range -1e+308..1e+308 is too wide"),
    ((0.0, 1.0, 0.0, 1e-320), "the y range 0.0..1e-320 is too narrow to split into 201 distinct grid points"),
    ((0.0, 5e-324, 0.0, 1.0), "too narrow"),
    ((0.0, float("nan"), 0.0, 1.0), "is not a range"),
])
def test_a_range_no_grid_can_be_drawn_over_is_refused_with_one_line(qtbot, panel, monkeypatch, rng, says):
    """As `nnviz surface --range` refuses it (typed into the range dialog these gave
    overflow warnings and a heat map pyqtgraph could not place): the dialog says why and
    stays open, set_range raises."""
    before = panel.range
    with pytest.raises(ValueError, match=re.escape(says)):
        panel.set_range(*rng)

    def type_range(dialog):
        for edit, value in zip(dialog.edits, rng):
            edit.setText(repr(value))
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(RangeDialog, "exec", type_range)
    panel.controls.range_button.click()
    assert panel.range == before
    dialog = panel.findChildren(RangeDialog)[-1]
    assert dialog.error.text() and "\n" not in dialog.error.text()


def test_zooming_in_beyond_what_a_grid_can_split_keeps_the_last_range(qtbot, panel):
    before = panel.range
    panel.heat.view_box.setRange(xRange=(0.5, 0.5 + 1e-14), yRange=(0.0, 1.0), padding=0)  # ~230 wheel turns
    panel.heat.view_box.sigRangeChangedManually.emit([True, True])
    assert panel.range == before
    panel.heat.view_box.setRange(xRange=(0.4, 0.6), yRange=(0.0, 1.0), padding=0)
    panel.heat.view_box.sigRangeChangedManually.emit([True, True])
    assert panel.range[:2] == pytest.approx((0.4, 0.6))


@pytest.mark.parametrize("typed", ["", "abc", "0", "-1", "nan", "inf"])
def test_the_fork_dialog_says_why_it_refuses_a_rate(qtbot, typed):
    """OK with a rate that is no positive number used to close the dialog and do nothing."""
    dialog = ForkDialog(0.5, "sgd")
    qtbot.addWidget(dialog)
    dialog.rate.setText(typed)
    dialog.findChild(pg.QtWidgets.QDialogButtonBox).button(pg.QtWidgets.QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and repr(typed) in dialog.error.text()


def test_a_cross_section_series_with_no_drawable_point_is_empty(qtbot, panel):
    """(Found by the random-action test: a NaN current loss made pyqtgraph's bounds of
    an all-gap series warn while painting.) Nothing is drawn, nothing warns; a series
    with some points keeps its gaps."""
    import warnings

    section = panel.section
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        section.show_current(0.5, float("nan"))
        section.show_steps(np.array([0.0, 1.0]), np.array([np.inf, np.nan]))
        assert section.current.getData()[0] is None or len(section.current.getData()[0]) == 0
        assert section.steps.getData()[0] is None or len(section.steps.getData()[0]) == 0
        section.show_steps(np.array([0.0, 1.0, 2.0]), np.array([0.3, np.inf, 0.1]))
        panel.grab()
    x, y = section.steps.getData()
    assert list(x) == [0.0, 1.0, 2.0] and y[0] == 0.3 and np.isnan(y[1]) and y[2] == 0.1


def test_display_field_draws_losses_beyond_float32_at_the_end_of_the_scale():
    """(Found by a random-action run: the valley preset after a huge rate gave losses of
    1e39, finite in float64, and the cast to the image's float32 overflowed.)"""
    import warnings

    big = float(np.finfo(np.float32).max)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        z, (low, high) = display_field(np.array([[1.0, 1e39], [1e300, 2.0]]), log=False)
        zl, _ = display_field(np.array([[1.0, 1e39]]), log=True)
    assert np.isfinite(z).all() and z.max() == np.float32(big) and z.min() == 1.0
    assert low == 1.0 and high == big and np.isfinite(zl).all()
