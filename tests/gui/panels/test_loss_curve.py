"""The loss curve: follows the Trainer's history (step, Play, Step back, reset, a new
Trainer), keeps its plot items, log y, the mouse read-out, accuracy, check loss, colours."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from nnviz.core import presets
from nnviz.gui.widgets import palette as pal
from nnviz.gui.panels.loss_curve import EMPTY_HINT, LossCurve
from nnviz.gui.widgets.decimate import minmax
from nnviz.io import snapshot
from nnviz.app.session import FAST_PLAY


@pytest.fixture
def make_curve(show):
    return lambda session: show(LossCurve(session), (560, 300))


@pytest.fixture
def curve(make_curve, xor_session):
    return make_curve(xor_session)


def shown(curve) -> tuple[np.ndarray, np.ndarray]:
    """The whole training-loss curve the plot holds (what it draws is that curve, pixel by
    pixel once it is longer than the plot is wide)."""
    return curve.train_curve.x, curve.train_curve.y


def assert_matches_history(curve, trainer):
    x, y = shown(curve)
    n = len(trainer.loss_history)
    assert np.array_equal(x, np.arange(1, n + 1))
    assert np.array_equal(y, np.array(trainer.loss_history, dtype=float))  # exactly, not approximately


def items(curve):
    return list(curve.plot.getPlotItem().items) + list(curve.accuracy_view.addedItems)


def step_iterations(session, n):
    for _ in range(n):
        assert session.step("iteration")


# =================================================================== the data
def test_starts_empty(curve):
    assert shown(curve)[0].size == 0
    assert curve.readout.text() == "no iterations yet"
    assert curve.empty_hint.isVisible()


def test_follows_iterations_with_the_same_items(curve, xor_session):
    item, before = curve.train_item, items(curve)
    step_iterations(xor_session, 30)
    assert_matches_history(curve, xor_session.trainer)
    step_iterations(xor_session, 7)
    assert_matches_history(curve, xor_session.trainer)
    assert curve.train_item is item
    assert items(curve) == before  # nothing added or re-created
    assert curve.readout.text().startswith("iteration 37 · loss ")
    assert not curve.empty_hint.isVisible()


def test_buffer_grows_past_its_first_capacity(curve, xor_session):
    xor_session.trainer.run(2500)
    xor_session.flush()
    assert_matches_history(curve, xor_session.trainer)


def test_step_back_and_a_different_step_resync(curve, xor_session):
    t = xor_session.trainer
    step_iterations(xor_session, 10)
    assert xor_session.back(3 * len(t.steps))
    assert_matches_history(curve, t)
    assert len(shown(curve)[1]) == 7
    # in one turn of the event loop: back one iteration and take a different one
    t.back(len(t.steps))
    t.configure(learning_rate=0.3)
    t.step("iteration")
    xor_session.flush()
    assert len(t.loss_history) == 7
    assert_matches_history(curve, t)


def test_reset_clears_the_curve(curve, xor_session):
    step_iterations(xor_session, 5)
    xor_session.reset()
    assert shown(curve)[0].size == 0
    assert curve.readout.text() == "no iterations yet"
    step_iterations(xor_session, 2)
    assert_matches_history(curve, xor_session.trainer)


def test_trainer_replaced_clears_everything(curve, xor_session):
    step_iterations(xor_session, 20)
    curve.set_check_history([0.3] * 20)
    item = curve.train_item
    xor_session.set_trainer(presets.load("mazur"))
    assert shown(curve)[0].size == 0
    assert curve.check_item.getOriginalDataset()[0] is None or len(curve.check_item.getOriginalDataset()[0]) == 0
    assert "check loss" not in legend_names(curve)
    assert curve.readout.text() == "no iterations yet"
    assert not curve.accuracy_box.isVisibleTo(curve)  # mazur is not classification data
    step_iterations(xor_session, 3)
    assert_matches_history(curve, xor_session.trainer)
    assert curve.train_item is item


def test_play_leaves_the_curve_matching_the_history(qtbot, curve, xor_session):
    item = curve.train_item
    xor_session.set_play_speed(FAST_PLAY)
    assert xor_session.play()
    qtbot.waitUntil(lambda: xor_session.trainer.iteration > 200, timeout=15000)
    # the curve follows while playing, not only at the end
    qtbot.waitUntil(lambda: len(shown(curve)[1]) > 0, timeout=5000)
    xor_session.pause()
    assert not xor_session.playing
    assert_matches_history(curve, xor_session.trainer)
    assert curve.train_item is item


# ================================================================== the marker
def marker_point(curve):
    x, y = curve.marker.getOriginalDataset()
    return (float(x[0]), float(y[0])) if x is not None and len(x) else None


def test_marker_sits_on_the_current_iteration(curve, xor_session):
    assert marker_point(curve) is None
    step_iterations(xor_session, 12)
    t = xor_session.trainer
    assert marker_point(curve) == (12.0, t.loss_history[-1])


def test_marker_shows_the_loss_of_an_iteration_in_progress(qtbot, make_curve, session):
    curve = make_curve(session)
    step_iterations(session, 2)
    t = session.trainer
    for _ in range(t.network.n_layers + 1):  # the forward pass and the loss of iteration 3
        session.step("micro")
    assert marker_point(curve) == (3.0, t.values.loss)
    assert "iteration 3" in curve.readout.text() and "in progress" in curve.readout.text()
    assert_matches_history(curve, t)  # the history itself has 2 iterations


def test_marker_follows_the_timeline(curve, xor_session):
    step_iterations(xor_session, 20)
    xor_session.set_view_iteration(5)
    assert marker_point(curve) == (5.0, xor_session.trainer.loss_history[4])
    xor_session.set_view_iteration(None)
    assert marker_point(curve)[0] == 20.0


# ================================================================== log y
def test_log_checkbox_switches_log_mode_with_a_real_click(qtbot, curve, xor_session):
    step_iterations(xor_session, 30)
    pi = curve.plot.getPlotItem()
    assert curve.train_item.opts["logMode"] == [False, False]
    qtbot.mouseClick(curve.log_box, Qt.MouseButton.LeftButton)
    assert curve.log_box.isChecked()
    assert curve.train_item.opts["logMode"] == [False, True]
    assert pi.getAxis("left").logMode
    assert not pi.getAxis("right").logMode  # accuracy stays on its linear 0..1 axis
    assert_matches_history(curve, xor_session.trainer)  # the data itself is unchanged
    qtbot.mouseClick(curve.log_box, Qt.MouseButton.LeftButton)
    assert not curve.log_box.isChecked()
    assert curve.train_item.opts["logMode"] == [False, False]


def test_log_mode_leaves_out_zero_and_negative_losses(qtbot, curve, xor_session):
    t = presets.load("xor")
    t.run(6)
    t.loss_history[1] = 0.0  # as if a loss had underflowed: the view must cope
    t.loss_history[3] = -1e-3  # (and with a nonsense value)
    xor_session.set_trainer(t)
    curve.log_box.setChecked(True)
    _, y = curve.train_item.getData()
    assert np.isnan(y[1]) and np.isnan(y[3])
    assert np.isfinite(y[[0, 2, 4, 5]]).all()
    (x0, x1), (y0, y1) = curve.plot.getPlotItem().vb.viewRange()
    assert np.isfinite([x0, x1, y0, y1]).all()
    step_iterations(xor_session, 2)
    assert np.isnan(curve.train_item.getData()[1][1])
    curve.log_box.setChecked(False)
    assert curve.train_item.getData()[1][1] == 0.0


# =============================================================== the mouse
def viewport_point(curve, x: float) -> QPoint:
    vb = curve.plot.getPlotItem().vb
    (_, _), (y0, y1) = vb.viewRange()
    scene = vb.mapViewToScene(QPointF(x, 0.5 * (y0 + y1)))
    return curve.plot.mapFromScene(scene)


def test_mouse_over_the_plot_reads_off_an_iteration(qtbot, curve, xor_session, monkeypatch):
    # pyqtgraph drops a mouse move that comes within 10 ms of the last (its mouseRateLimit);
    # the test's moves may come that fast
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)
    step_iterations(xor_session, 40)
    t = xor_session.trainer
    vb = curve.plot.getPlotItem().vb
    qtbot.waitUntil(lambda: vb.viewRange()[0][1] >= 40)
    viewport = curve.plot.viewport()
    qtbot.mouseMove(viewport, viewport_point(curve, 10.2))
    qtbot.waitUntil(lambda: curve.readout.text().startswith("iteration 10 "))
    assert f"loss {t.loss_history[9]:.4f}" in curve.readout.text()  # the window's default digits
    xor_session.set_digits(9)
    assert f"loss {t.loss_history[9]:.9f}".rstrip("0") in curve.readout.text()
    assert curve.cursor_line.isVisible() and curve.cursor_line.value() == 10
    qtbot.mouseMove(viewport, viewport_point(curve, 25.8))
    qtbot.waitUntil(lambda: curve.readout.text().startswith("iteration 26 "))
    assert "accuracy" in curve.readout.toolTip() + curve.readout.text()
    # leaving the plot shows the latest iteration again
    QApplication.sendEvent(viewport, QEvent(QEvent.Type.Leave))
    assert curve.readout.text().startswith("iteration 40 ")
    assert not curve.cursor_line.isVisible()


def test_double_click_follows_the_whole_curve_again(qtbot, curve, xor_session):
    step_iterations(xor_session, 30)
    vb = curve.plot.getPlotItem().vb
    vb.scaleBy((0.5, 0.5))  # the user zoomed in: the view stops following
    assert not any(vb.autoRangeEnabled())
    step_iterations(xor_session, 30)
    qtbot.mouseDClick(curve.plot.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(curve, 20))
    qtbot.waitUntil(lambda: all(vb.autoRangeEnabled()))
    qtbot.waitUntil(lambda: vb.viewRange()[0][1] >= 60)


def test_mouse_over_an_empty_plot_is_harmless(qtbot, curve):
    viewport = curve.plot.viewport()
    qtbot.mouseMove(viewport, QPoint(viewport.width() // 2, viewport.height() // 2))
    qtbot.mouseMove(viewport, QPoint(viewport.width() // 3, viewport.height() // 2))
    assert curve.readout.text() == "no iterations yet"
    assert not curve.cursor_line.isVisible()


# ============================================================ accuracy, check
def legend_names(curve) -> list[str]:
    return [label.text for _, label in curve.legend.items]


def test_accuracy_on_a_second_axis_for_classification(qtbot, curve, xor_session):
    step_iterations(xor_session, 25)
    t = xor_session.trainer
    assert curve.accuracy_box.isVisibleTo(curve) and curve.accuracy_box.isChecked()
    x, y = curve.accuracy_item.getOriginalDataset()
    assert np.array_equal(x, np.arange(1, 26)) and np.array_equal(y, t.accuracy_history)
    assert curve.plot.getPlotItem().getAxis("right").isVisible()
    assert "accuracy" in legend_names(curve)
    assert "accuracy" in curve.readout.text()
    qtbot.mouseClick(curve.accuracy_box, Qt.MouseButton.LeftButton)
    assert not curve.accuracy_view.isVisible()
    assert not curve.plot.getPlotItem().getAxis("right").isVisible()
    assert "accuracy" not in legend_names(curve)
    assert "accuracy" not in curve.readout.text()


def test_no_accuracy_for_regression_or_mazur(qtbot, make_curve, session):
    curve = make_curve(session)
    step_iterations(session, 5)
    assert not curve.accuracy_box.isVisibleTo(curve)
    assert not curve.plot.getPlotItem().getAxis("right").isVisible()
    assert legend_names(curve) == ["training loss"]


# ================================================================= the forks
def test_each_fork_is_drawn_beside_the_run_in_its_colour_and_labelled(qtbot, curve, xor_session):
    step_iterations(xor_session, 3)
    twin = snapshot.from_dict(snapshot.to_dict(xor_session.trainer))  # the same start, trained apart
    assert xor_session.fork(4.0, "momentum")
    step_iterations(xor_session, 2)
    assert xor_session.fork(xor_session.trainer.learning_rate, batch="online")
    step_iterations(xor_session, 3)
    momentum, online = xor_session.forks
    x, y = curve.fork_data(momentum.slot)
    assert list(x) == [4, 5, 6, 7, 8]  # the iterations the fork ran itself
    twin.configure(learning_rate=4.0, optimizer="momentum")
    twin.run(5)
    assert list(y) == twin.loss_history[3:]
    drawn_x, drawn_y = curve.fork_items[momentum.slot].getOriginalDataset()
    assert list(drawn_x) == list(x) and list(drawn_y) == list(y)
    x2, y2 = curve.fork_data(online.slot)
    assert list(x2) == [6, 7, 8] and list(y2) == online.trainer.loss_history
    labels = [label.text for _, label in curve.legend.items]
    assert labels == [f"training loss (sgd · full batch · rate {xor_session.trainer.learning_rate:.4g})",
                      "momentum · rate 4", "online", "accuracy"]
    # each curve in its own colour, none the main run's
    pens = [curve.fork_items[f.slot].opts["pen"].color().name() for f in xor_session.forks]
    assert len(set(pens + [curve.train_item.opts["pen"].color().name()])) == 3
    assert f"online: {y2[-1]:.4f}" in curve.readout.toolTip() + curve.readout.text()
    xor_session.remove_fork(momentum)
    assert curve.fork_data(momentum.slot)[0].size == 0
    assert curve.fork_items[momentum.slot].getOriginalDataset()[0] is None
    assert [label.text for _, label in curve.legend.items][1:] == ["online", "accuracy"]
    xor_session.remove_forks()
    assert [label.text for _, label in curve.legend.items] == ["training loss", "accuracy"]


# ========================================================= the empty-state hint
def _hint_fits(curve) -> bool:
    vb = curve.plot.getPlotItem().vb
    hint = curve.empty_hint
    box = hint.mapRectToParent(hint.boundingRect())
    return (hint.textItem.toPlainText() == EMPTY_HINT and box.left() >= 0 and box.right() <= vb.rect().width()
            and box.top() >= 0 and box.bottom() <= vb.rect().height())


def test_the_empty_hint_fits_the_dock_of_the_default_window(window):
    """Issue 16: at the default window size the hint was cut off at both ends."""
    curve = window.loss_curve
    assert window.size().width() == 1360 and curve.empty_hint.isVisible()
    assert _hint_fits(curve)


def test_the_empty_hint_wraps_down_to_the_smallest_curve(show, xor_session):
    curve = LossCurve(xor_session)
    show(curve, (curve.minimumSizeHint().width(), 300))
    assert curve.width() < 300 and _hint_fits(curve)
    curve.resize(900, 300)
    assert _hint_fits(curve)


def test_check_history_adds_a_curve_with_a_legend_entry(curve, xor_session):
    step_iterations(xor_session, 10)
    item = curve.check_item
    values = [v * 1.1 for v in xor_session.trainer.loss_history]
    curve.set_check_history(values)
    x, y = curve.check_item.getOriginalDataset()
    assert np.array_equal(x, np.arange(1, 11)) and np.array_equal(y, values)
    assert "check loss" in legend_names(curve)
    assert f"check {values[-1]:.4f}" in curve.readout.text() + curve.readout.toolTip()
    curve.set_check_history([0.5, 0.4], iterations=[5, 10])  # evaluated every 5 iterations
    assert np.array_equal(curve.check_item.getOriginalDataset()[0], [5, 10])
    curve.set_check_history(None)
    assert "check loss" not in legend_names(curve)
    assert curve.check_item is item
    with pytest.raises(ValueError):
        curve.set_check_history([0.1, 0.2], iterations=[1])


# ================================================================== colours
def test_colours_follow_the_palette(qtbot, curve, xor_session):
    step_iterations(xor_session, 5)
    light_bg = curve.plot.backgroundBrush().color()
    assert light_bg == pal.canvas_background(curve.palette())
    curve.setPalette(pal.dark_palette())
    dark = pal.dark_palette()
    assert curve.plot.backgroundBrush().color() == dark.color(QPalette.ColorRole.Base)
    axis = curve.plot.getPlotItem().getAxis("left")
    assert axis.textPen().color() == dark.color(QPalette.ColorRole.WindowText)
    train = curve.train_item.opts["pen"].color()
    for other in (pal.POSITIVE, pal.NEGATIVE, pal.HIGHLIGHT):
        assert train != QColor(other)
    # the training loss stands out from the dark background
    assert abs(train.lightness() - dark.color(QPalette.ColorRole.Base).lightness()) > 80


def test_closing_disconnects(qtbot, curve, xor_session):
    step_iterations(xor_session, 3)
    curve.close()
    step_iterations(xor_session, 3)
    assert len(shown(curve)[1]) == 3


# ================================================================ one paint a step
def test_a_step_paints_the_plot_once(qtbot, curve, xor_session):
    """pyqtgraph settles an automatic range at the start of a paint; a range that moves
    then asks for a second paint. The curve settles its ranges when its data changes."""
    from PySide6.QtCore import QObject

    paints = []

    class Count(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                paints.append(event.region().boundingRect())
            return False

    counter = Count()
    curve.plot.viewport().installEventFilter(counter)
    for n in (3, 30, 300):  # each step moves both axes' ranges (the loss's and the accuracy's)
        xor_session.trainer.run(n)
        paints.clear()
        xor_session.flush(force=True)
        qtbot.waitUntil(lambda: len(paints) >= 1)
        for _ in range(5):
            QApplication.processEvents()
        assert len(paints) == 1


def test_a_long_legend_wraps_and_the_accuracy_axis_stays_in_sight(qtbot, make_curve, xor_session):
    """A legend fitted to the plot's old width held the plot wider than the view: the
    accuracy axis was laid out beyond its right edge."""
    curve = make_curve(xor_session)
    step_iterations(xor_session, 3)
    assert xor_session.fork(3.0, "momentum")
    step_iterations(xor_session, 3)
    columns = {}
    for width in (560, 344, 300, 480):
        curve.resize(width, 230)
        pi = curve.plot.getPlotItem()
        axis = pi.getAxis("right")
        view = curve.plot.viewport().width()

        def fitted():
            return pi.geometry().width() <= view + 0.5 and axis.isVisible() and axis.geometry().right() <= view + 0.5

        qtbot.waitUntil(fitted)
        assert curve.legend.geometry().right() <= view + 0.5
        columns[width] = curve.legend.columnCount
    assert columns[560] == 3 and columns[300] < 3  # the three entries wrap when the plot narrows


# ============================================================ long histories
def _envelope_kept(x_full, y_full, x_drawn, y_drawn, bins, lo, hi):
    """Every pixel's largest and smallest value of the whole curve is drawn in that pixel."""
    edges = np.linspace(lo, hi, bins + 1)
    for a, b in zip(edges[:-1], edges[1:]):
        inside = (x_full >= a) & (x_full < b)
        if not inside.any():
            continue
        near = (x_drawn >= a - (hi - lo) / bins) & (x_drawn < b + (hi - lo) / bins)
        assert y_drawn[near].max() >= y_full[inside].max() - 1e-12
        assert y_drawn[near].min() <= y_full[inside].min() + 1e-12


def test_an_alternating_history_is_drawn_with_its_full_height():
    """A loss that alternates between two levels, shrinking slowly, over 100,000
    iterations on 400 pixels: a mean per pixel would draw a smooth line in the middle."""
    n = 100_000
    x = np.arange(1.0, n + 1)
    y = 1.0 + 0.5 * (-1.0) ** np.arange(n) * np.exp(-x / n)
    xd, yd = minmax(x, y, 1.0, float(n), 400)
    assert xd.size <= 2 * 400 + 2 + 2
    _envelope_kept(x, y, xd, yd, 400, 1.0, float(n))
    assert (xd[0], yd[0]) == (x[0], y[0]) and (xd[-1], yd[-1]) == (x[-1], y[-1])  # to the newest
    assert np.all(np.diff(xd) >= 0)
    # a short curve is drawn whole; a gap (NaN, the log's) stays a gap
    assert np.array_equal(minmax(x[:500], y[:500], 1.0, 500.0, 400)[1], y[:500])
    gap = y.copy()
    gap[1000:2000] = np.nan
    _, yg = minmax(x, gap, 1.0, float(n), 400)
    assert np.isnan(yg).any() and np.isfinite(yg).sum() > 700


def test_the_loss_curve_draws_a_long_saw_tooth_pixel_by_pixel(curve):
    n = 60_000
    values = 1.0 + 0.3 * (-1.0) ** np.arange(n)
    curve.set_check_history(values)
    vb = curve.plot.getPlotItem().vb
    x, y = curve.check_item.getOriginalDataset()
    assert x.size <= 2 * vb.width() + 4  # pixel by pixel ...
    assert y.max() == 1.3 and y.min() == 0.7  # ... and the saw-tooth's full height
    _envelope_kept(np.arange(1.0, n + 1), values, x, y, int(vb.width()), 1.0, float(n))
    vb.setXRange(1000, 1100, padding=0)  # zoomed in: every iteration again
    x, y = curve.check_item.getOriginalDataset()
    assert set(np.arange(1000, 1101)) <= set(x.astype(int))


def test_a_real_network_at_a_large_rate_saw_tooths_in_the_curve(qtbot, make_curve, make_session):
    """sine at 0.3 (above its divergence mark over the output weights, below the one of
    the whole net): the loss goes up and down for thousands of iterations."""
    session = make_session("sine")
    curve = make_curve(session)
    session.set_learning_rate(0.3)
    session.trainer.run(5000)
    session.flush()
    full = np.array(session.trainer.loss_history)
    rises = np.sum(np.diff(full[-1000:]) > 0)
    assert rises > 100  # the run saw-tooths ...
    x, y = curve.train_item.getOriginalDataset()
    vb = curve.plot.getPlotItem().vb
    assert x.size <= 2 * vb.width() + 4
    _envelope_kept(np.arange(1.0, full.size + 1), full, x, y, int(vb.width()), 1.0, float(full.size))
