"""The loss-surface panel: grid, axes, trajectory, look-ahead under the slider, train only
these two, fork, sweep, and that Play stays smooth with the panel open."""

import threading
import time
import warnings

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from nnviz.core import presets
from nnviz.core.analysis import surface
from nnviz.gui.panels import surface_panel as sp
from nnviz.gui.controls.lr_slider import HIGH, STEPS, value_to_position
from nnviz.gui.session import FAST_PLAY
from nnviz.gui.panels.surface_panel import GRID_POINTS, SurfacePanel, contour_segments, display_field
from nnviz.gui.dialogs.sweep_dialog import SweepDialog


def _grid_ready(panel):
    return (panel.loss.shape == (GRID_POINTS, GRID_POINTS) and panel._grid_key == panel._grid_state()
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
    qtbot.waitUntil(lambda: _grid_ready(p) and p.lookahead is not None)
    return p


@pytest.fixture
def window_panel(qtbot, window):
    p = window.surface_panel
    qtbot.waitUntil(lambda: _grid_ready(p) and p.lookahead is not None)
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
    qtbot.waitUntil(lambda: _grid_ready(p) and p.lookahead is not None)
    t = session.trainer
    assert p.axes == tuple(surface.default_axes(t))
    assert p.a_values.shape == p.b_values.shape == (GRID_POINTS,)
    image = p.image.image
    assert image.dtype == np.float32 and image.flags.c_contiguous
    assert image.shape == (GRID_POINTS, GRID_POINTS)  # row-major: rows are the y parameter
    assert np.isfinite(image).all()
    low, high = p.image.getLevels()
    assert low < high
    assert p.image.lut is not None and len(p.image.lut) <= 256
    assert len(p.contours) == sp.CONTOURS and all(iso.parentItem() is p.image for iso in p.contours)
    label = p.heat.getAxis("bottom").labelText
    assert t.network.display_name(p.axes[0]) in label
    # the path starts at the initial point, the current point is marked
    x, y = p.trail_item.getData()
    assert x.size == len(t.trajectory)
    assert len(p.current_item.data) == 1 and len(p.start_item.data) == 1
    assert "over every parameter that trains" in p.stability_label.text()


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
        assert panel.image.image[j, i] == pytest.approx(np.float32(expected), rel=1e-6)


def test_grid_is_centred_on_the_image_pixels(panel):
    a, b = panel.a_values, panel.b_values
    rect = panel.image.mapRectToParent(panel.image.boundingRect())
    da, db = a[1] - a[0], b[1] - b[0]
    assert rect.left() == pytest.approx(a[0] - da / 2)
    assert rect.right() == pytest.approx(a[-1] + da / 2)
    assert rect.top() == pytest.approx(b[0] - db / 2)


# ---------------------------------------------------------------------- axes
def test_identical_axes_are_refused_with_a_message(qtbot, panel, session):
    before = panel.axes
    index = panel.axis_a.currentIndex()
    with qtbot.waitSignal(session.message) as blocker:
        panel.axis_b.setCurrentIndex(index)
        panel.axis_b.activated.emit(index)
    assert "Axes refused" in blocker.args[0]
    assert panel.axes == before
    assert panel.axis_b.currentData() == before[1]  # the box went back
    assert panel.error_label.isVisible() and "different" in panel.error_label.text()
    assert not panel.set_axes("W2[0,0]", "w5")  # the same parameter by two names


def test_a_frozen_axis_is_refused(qtbot, panel, session):
    assert "b2[0]" in session.trainer.frozen  # mazur's biases are frozen
    with qtbot.waitSignal(session.message):
        assert not panel.set_axes("W2[0,0]", "b2[0]")
    assert "frozen" in panel.error_label.text()
    assert "(frozen)" in panel.axis_a.itemText(panel.axis_a.findData("b2[0]"))


def test_axes_follow_the_last_two_parameters_clicked_on_the_canvas(qtbot, panel, session):
    session.select_param("W1[0,1]")
    assert panel.axes != ("W1[0,1]", "W2[1,0]")
    session.select_param("W2[1,0]")
    assert panel.axes == ("W1[0,1]", "W2[1,0]")
    assert panel.axis_a.currentData() == "W1[0,1]" and panel.axis_b.currentData() == "W2[1,0]"
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert "w2" in panel.heat.getAxis("bottom").labelText
    assert "clicked" in panel.note.text()
    panel.follow_box.setChecked(False)
    session.select_param("W2[0,0]")
    session.select_param("W2[1,1]")
    assert panel.axes == ("W1[0,1]", "W2[1,0]")


# ---------------------------------------------------------------- trajectory
def test_the_trajectory_grows_after_each_iteration(qtbot, panel, session):
    n = panel.trail_item.getData()[0].size
    session.step("iteration")
    qtbot.waitUntil(lambda: panel.trail_item.getData()[0].size == n + 1)
    x, y = panel.trail_item.getData()
    flat = session.trainer.network.flat()
    i, j = panel._axis_columns()
    assert (x[-1], y[-1]) == (flat[i], flat[j])
    assert tuple(panel.current_item.data[0])[:2] == (flat[i], flat[j])
    # Step back shortens it again
    session.back(len(session.trainer.steps))
    qtbot.waitUntil(lambda: panel.trail_item.getData()[0].size == n)


def test_the_timeline_position_is_ringed_on_the_path(qtbot, panel, session):
    _steps(session, 6)
    _settle(qtbot, panel)
    assert len(panel.timeline_item.data) == 0  # live: no ring
    session.set_view_iteration(2)
    x, y = panel.trail_item.getData()
    assert tuple(panel.timeline_item.data[0])[:2] == (x[2], y[2])
    session.set_view_iteration(None)
    assert len(panel.timeline_item.data) == 0


def test_cross_section_is_the_loss_along_the_first_axis_with_the_steps(qtbot, panel, session):
    _steps(session, 5)
    _settle(qtbot, panel)
    t = session.trainer
    xs, ys = panel.section_curve.getData()
    p1, p2 = panel.axes
    b_now = t.network.get(p2)
    k = 57
    assert ys[k] == pytest.approx(_direct_loss(t, p1, p2, xs[k], b_now), rel=1e-10)
    sx, sy = panel.section_steps.getData()
    assert sx.size == len(t.trajectory)
    assert sy[-1] == pytest.approx(t.evaluate_loss(), rel=1e-12)
    assert sy[0] == pytest.approx(0.298371109, abs=1e-9)  # the worked example's first loss


# ------------------------------------------------------------ train only two
def test_train_only_these_two_freezes_the_rest_and_the_path_lies_on_the_surface(qtbot, panel, session):
    t = session.trainer
    before = t.frozen
    panel.train_only_box.setChecked(True)
    assert t.frozen == frozenset(p.name for p in t.network.params()) - set(panel.axes)
    assert "lies exactly" in panel.note.text()
    qtbot.waitUntil(lambda: _grid_ready(panel))
    grid_key = panel._grid_key
    n0 = len(t.trajectory)
    _steps(session, 4)
    _settle(qtbot, panel)
    assert panel._grid_key == grid_key  # nothing but the axes moved: the surface stands
    p1, p2 = panel.axes
    for v in t.trajectory[n0 - 1:]:
        i, j = panel._axis_columns()
        on_surface = surface.loss_grid(t, p1, p2, np.array([v[i]]), np.array([v[j]]))[0, 0]
        assert on_surface == pytest.approx(sp._loss_of(t, v), rel=1e-12)
    panel.train_only_box.setChecked(False)
    assert t.frozen == before
    assert "slice" in panel.note.text()


def test_freezing_elsewhere_releases_train_only(qtbot, panel, session):
    panel.train_only_box.setChecked(True)
    session.trainer.configure(frozen=[])
    assert not panel.train_only_box.isChecked()
    assert session.trainer.frozen == frozenset()  # the other choice stands


# ---------------------------------------------------------- slider look-ahead
def _handle_x(slider, value):
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    groove = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                           QStyle.SubControl.SC_SliderGroove, slider)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                           QStyle.SubControl.SC_SliderHandle, slider)
    span = groove.width() - handle.width()
    return groove.x() + handle.width() // 2 + round(span * value / STEPS)


def _drag_slider(qtbot, panel, slider, start_rate, end_position, stride=12):
    """Drag the slider's handle with the mouse; after each move wait for the ghost of
    that rate and record (rate, ghost x, ghost y, indicator text, status)."""
    session = panel.session
    session.set_learning_rate(start_rate)
    qtbot.waitUntil(lambda: panel.ghost_rate == start_rate)
    y = slider.height() // 2
    start = QPoint(_handle_x(slider, slider.value()), y)
    end_x = _handle_x(slider, end_position)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    seen = []
    for x in list(range(start.x(), end_x, stride)) + [end_x]:
        qtbot.mouseMove(slider, QPoint(x, y))
        rate = session.trainer.learning_rate
        qtbot.waitUntil(lambda: panel.ghost_rate == rate)
        gx, gy = panel.ghost_item.getData()
        if not seen or seen[-1][0] != rate:
            seen.append((rate, gx.copy(), gy.copy(), panel.indicator.text(), panel.lookahead.status,
                         panel.last_redraw_ms))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(end_x, y))
    return seen


def test_dragging_the_slider_redraws_the_ghost_and_the_indicator_on_mazur(qtbot, window_panel, window):
    panel = window_panel
    panel.train_only_box.setChecked(True)
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
    la = panel.lookahead
    assert np.allclose(panel.section_ghost.getData()[1], la.losses)
    # the verdict agrees with the stability mark: beyond the critical rate of the two
    # axes the look-ahead diverges; below half of it, it converges. On the worked example
    # that rate lies beyond the slider's end (its curvature is small), so every rate the
    # slider offers descends, and the mark is an arrow past the end.
    critical = panel.critical_rates[0]
    assert critical > HIGH
    assert window.controls.learning_rate.stability_rate > HIGH
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
    """On a network whose critical rate lies inside the slider's range (sine), dragging
    up goes from descent to zig-zag to divergence."""
    window.session.set_trainer(presets.load("sine"))
    panel = window_panel
    qtbot.waitUntil(lambda: _grid_ready(panel) and panel.critical_rates[0] is not None)
    panel.train_only_box.setChecked(True)
    slider = window.controls.learning_rate.slider
    seen = _drag_slider(qtbot, panel, slider, 1e-3, STEPS, stride=8)
    statuses = [s[4] for s in seen]
    assert statuses[0] == "converging"
    first_bad = next(k for k, s in enumerate(statuses) if s != "converging")
    assert all(s != "converging" for s in statuses[first_bad:])
    assert "zigzag" in statuses
    assert statuses[-1] == "diverged"
    assert "diverged" in panel.indicator.text()
    critical = panel.critical_rates[0]
    assert seen[first_bad][0] == pytest.approx(critical / 2, rel=0.35)  # zig-zag from 1/lambda_max
    first_diverged = statuses.index("diverged")
    assert seen[first_diverged][0] == pytest.approx(critical, rel=0.35)


def test_the_stability_mark_sits_on_the_slider_at_the_critical_rate(qtbot, window_panel, window):
    control = window.controls.learning_rate
    qtbot.waitUntil(lambda: control.stability_rate is not None)
    assert control.stability_rate == pytest.approx(window_panel.critical_rates[1])
    assert "2/λmax" in control.slider.toolTip()
    window.session.set_trainer(presets.load("sine"))
    qtbot.waitUntil(lambda: control.stability_rate is not None and control.stability_rate < HIGH)
    mark = control.stability_mark
    x = mark.x_for(value_to_position(control.stability_rate))
    assert 0 < x < control.slider.width()
    assert mark.isVisible()
    image = control.slider.grab().toImage()
    assert image.width() > 0


# -------------------------------------------------------------------- modes
def test_plane_of_the_trajectory(qtbot, panel, session):
    panel.set_mode("plane")
    panel._refresh_throttle.flush()
    assert "at least" in panel.error_label.text() or panel.loss.size  # one point: no plane yet
    _steps(session, 6)
    qtbot.waitUntil(lambda: panel._plane is not None and _grid_ready(panel))
    origin, d1, d2, coords = panel._plane
    x, y = panel.trail_item.getData()
    assert np.allclose(x, coords[:, 0]) and np.allclose(y, coords[:, 1])
    i, j = 10, 80
    expected = surface.plane_grid(session.trainer, origin, d1, d2, panel.a_values[[i]], panel.b_values[[j]])
    assert panel.loss[i, j] == pytest.approx(expected[0, 0], rel=1e-10)
    assert "direction" in panel.heat.getAxis("bottom").labelText
    panel.set_mode("slice")
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert "w5" in panel.heat.getAxis("bottom").labelText


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
        panel.log_box.setChecked(True)
        panel.fit()
        panel._refresh_throttle.flush()
    image = panel.image.image
    assert np.isfinite(image).all()
    low, high = panel.image.getLevels()
    assert image[0, 0] == pytest.approx(high) and image[-1, -1] == pytest.approx(high)
    assert high < 1  # log10 of mazur's losses
    assert "log" in panel.colorbar.getAxis("right").labelText


def test_a_slow_grid_is_computed_off_the_gui_thread_after_a_coarse_one(qtbot, panel, session, monkeypatch):
    real = surface.loss_grid
    threads = []

    def slow(*args):
        if len(args[3]) == GRID_POINTS:
            threads.append(threading.current_thread())
            time.sleep(0.4)  # large data
        return real(*args)

    monkeypatch.setattr(surface, "loss_grid", slow)
    panel.last_grid_ms = 400.0
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    session.step("iteration")
    qtbot.waitUntil(lambda: 0 < panel.loss.shape[0] < GRID_POINTS)  # the coarse grid first
    qtbot.waitUntil(lambda: _grid_ready(panel), timeout=10000)  # then the full one
    timer.stop()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert np.diff(ticks).max() < 0.2  # the window kept answering while it was computed
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

    monkeypatch.setattr(sp.RangeDialog, "exec", accept_range)
    panel.range_button.click()
    assert panel.range == (0.1, 0.3, -0.2, 0.4)
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert panel.a_values[0] == 0.1 and panel.b_values[-1] == pytest.approx(0.4)

    def bad_range(dialog):
        dialog.edits[1].setText("0.0")  # "to" below "from"
        dialog._check()
        assert dialog.error.text()
        return 0

    monkeypatch.setattr(sp.RangeDialog, "exec", bad_range)
    panel.range_button.click()
    assert panel.range == (0.1, 0.3, -0.2, 0.4)

    def accept_fork(dialog):
        dialog.rate.setText("1.5")
        dialog.optimizer.setCurrentIndex(dialog.optimizer.findData("adam"))
        return 1

    monkeypatch.setattr(sp.ForkDialog, "exec", accept_fork)
    panel.fork_button.click()
    assert panel.fork_trainer.learning_rate == 1.5 and panel.fork_trainer.optimizer.name == "adam"
    assert panel.unfork_button.isVisibleTo(panel)


def test_range_by_hand_fit_and_zoom_with_the_wheel(qtbot, panel):
    panel.set_range(0.0, 0.5, 0.2, 0.6)
    qtbot.waitUntil(lambda: _grid_ready(panel))
    assert panel.a_values[0] == 0.0 and panel.a_values[-1] == 0.5
    assert panel.b_values[0] == 0.2 and panel.b_values[-1] == pytest.approx(0.6)
    with pytest.raises(ValueError):
        panel.set_range(1.0, 0.0, 0.0, 1.0)
    panel.fit_button.click()
    qtbot.waitUntil(lambda: _grid_ready(panel) and panel.range != (0.0, 0.5, 0.2, 0.6))
    span = panel.a_values[-1] - panel.a_values[0]
    view = panel.plots.viewport()
    centre = panel.heat.getViewBox().mapViewToScene(QPointF(panel.a_values[50], panel.b_values[50]))
    pos = panel.plots.mapFromScene(centre)
    event = QWheelEvent(QPointF(pos), QPointF(view.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    pg.QtWidgets.QApplication.sendEvent(view, event)
    qtbot.waitUntil(lambda: _grid_ready(panel) and panel.a_values[-1] - panel.a_values[0] < 0.9 * span)


# ---------------------------------------------------------------------- fork
def test_fork_trains_alongside_and_can_be_removed(qtbot, panel, session):
    _steps(session, 2)
    assert panel.fork(2.0, "momentum")
    f = panel.fork_trainer
    assert f.learning_rate == 2.0 and f.optimizer.name == "momentum"
    assert session.trainer.learning_rate == 0.5 and session.trainer.optimizer.name == "sgd"
    _steps(session, 3)
    qtbot.waitUntil(lambda: f.iteration == session.trainer.iteration)
    qtbot.waitUntil(lambda: panel.fork_item.getData()[0] is not None and panel.fork_item.getData()[0].size == 4)
    assert panel.section_fork.getData()[0].size == 4
    assert panel.fork_label.isVisible() and "momentum" in panel.fork_label.text()
    # the fork really trained at its own settings
    x, _ = panel.fork_item.getData()
    assert not np.allclose(x, panel.trail_item.getData()[0][-4:])
    panel.unfork_button.click()
    assert panel.fork_trainer is None and not panel.fork_label.isVisible()
    assert panel.fork_item.getData()[0] is None or panel.fork_item.getData()[0].size == 0


def test_a_fork_copy_carries_on_exactly_like_the_original(session):
    t = session.trainer
    t.run(7)
    copy = t.copy()
    t.run(5)
    copy.run(5)
    assert np.array_equal(copy.network.flat(), t.network.flat())
    assert copy.iteration == t.iteration and len(copy.trajectory) == 6


# --------------------------------------------------------------------- sweep
def test_sweep_dialog_runs_and_use_best_sets_the_rate(qtbot, session):
    dialog = SweepDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.count.setValue(6)
    dialog.iterations.setValue(20)
    with qtbot.waitSignal(dialog.finished_sweep, timeout=20000):
        dialog.run_button.click()
    r = dialog.result
    assert r is not None and len(r.rates) == 6
    assert r.rates[0] == pytest.approx(1e-3) and r.rates[-1] == pytest.approx(10.0)
    finals = np.where(np.isfinite(r.final_losses), r.final_losses, np.inf)
    assert r.best_rate == pytest.approx(r.rates[int(np.argmin(finals))])
    assert dialog.best_item.getData()[0].size == 1
    assert "Best rate" in dialog.status.text()
    assert dialog.use_best_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running)
    dialog.use_best_button.click()
    assert session.trainer.learning_rate == pytest.approx(r.best_rate)


def test_sweep_can_be_cancelled(qtbot, session):
    dialog = SweepDialog(session)
    qtbot.addWidget(dialog)
    dialog.count.setValue(60)
    dialog.iterations.setValue(3000)
    assert dialog.run()
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.result is None
    assert dialog.run_button.isEnabled()


def test_sweep_menu_action_opens_the_dialog(qtbot, window):
    window.sweep_action.trigger()
    dialog = window.surface_panel.sweep_dialog
    assert dialog.isVisible()
    dialog.close()


# ---------------------------------------------------------------------- Play
def test_play_with_the_panel_open_keeps_the_window_responsive(qtbot, window_panel, window):
    session = window.session
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    session.set_play_speed(FAST_PLAY)
    start = session.trainer.iteration
    n_before = window_panel.trail_item.getData()[0].size
    began = time.perf_counter()
    assert session.play()
    qtbot.waitUntil(lambda: session.trainer.iteration > start + 300 and time.perf_counter() - began > 1.5,
                    timeout=20000)
    qtbot.waitUntil(lambda: window_panel.trail_item.getData()[0].size > n_before, timeout=5000)
    session.pause()
    timer.stop()
    gaps = np.diff(ticks)
    assert gaps.size >= 5
    # Play trains in slices of at most 0.25 s (twice the drawing time): the event loop
    # keeps turning between them with the panel redrawing (the bound leaves room for a
    # busy machine; a blocking Play would leave one gap of the whole run)
    assert np.percentile(gaps, 90) < 1.0
    qtbot.waitUntil(lambda: _grid_ready(window_panel))
    x, y = window_panel.trail_item.getData()
    flat = session.trainer.network.flat()
    i, j = window_panel._axis_columns()
    assert (x[-1], y[-1]) == (flat[i], flat[j])


def test_a_hidden_panel_does_no_work_until_shown(qtbot, window_panel, window):
    window.surface_dock.close()
    key = window_panel._grid_key
    _steps(window.session, 3)
    qtbot.wait(50)
    assert window_panel._grid_key == key
    window.surface_dock.show()
    qtbot.waitUntil(lambda: _grid_ready(window_panel) and window_panel._grid_key != key)
