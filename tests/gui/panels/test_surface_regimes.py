"""The loss surface as a place to learn what a learning rate does (issue 9): the eigen
plot's factors, the range that frames the look-ahead and the slice's minimum, the arrow
at the edge, the step arrows, click and drag to put the point, the cross-section along
the steepest direction, and the first-contact hint."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from nnviz.core import presets
from nnviz.core.analysis import surface
from nnviz.core.network import split_flat
from nnviz.gui.panels.surface import SurfacePanel
from nnviz.gui.panels.surface.framing import FIT_DIVERGED_STEPS, cut_at_edge, ghost_points
from nnviz.gui.panels.surface.grids import GRID_POINTS
from nnviz.gui.panels.surface.heatmap import DOWN, MIN_ARROW_STEP_PX, UP
from nnviz.gui.widgets import palette as pal


def _settled(panel) -> bool:
    return (panel.loss.shape == (GRID_POINTS, GRID_POINTS) and panel.grids.key == panel.grid_state()
            and not panel._refresh_throttle.pending and not panel._ghost_throttle.pending
            and not panel._widen_throttle.pending and not panel.animation.running and panel.look.result is not None)


def _analytic_block(trainer) -> np.ndarray:
    """adaline under mse: the Hessian over (w1, w2) is 2/N X^T X."""
    x = trainer.dataset.inputs
    return 2.0 / x.shape[0] * x.T @ x


@pytest.fixture
def adaline(qtbot, make_session):
    session = make_session("adaline")
    p = SurfacePanel(session)
    qtbot.addWidget(p)
    p.resize(480, 900)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: _settled(p))
    return p


def _rate(qtbot, panel, rate):
    panel.session.set_learning_rate(rate)
    qtbot.waitUntil(lambda: panel.look.drawn_rate == rate and _settled(panel))


def _view(panel):
    (x0, x1), (y0, y1) = panel.heat.view_box.viewRange()
    return x0, x1, y0, y1


def _inside(points, rng):
    x0, x1, y0, y1 = rng
    return bool(np.all((points[:, 0] >= x0) & (points[:, 0] <= x1) & (points[:, 1] >= y0) & (points[:, 1] <= y1)))


# ------------------------------------------------------------------ eigen plot
@pytest.mark.parametrize("rate,words", [(0.1, ("converging", "converging")), (0.35, ("zigzag", "converging")),
                                        (0.6, ("diverged", "converging"))])
def test_the_eigen_plots_factors_are_one_minus_rate_times_curvature(qtbot, adaline, rate, words):
    _rate(qtbot, adaline, rate)
    lam = np.linalg.eigvalsh(_analytic_block(adaline.trainer))[::-1]
    plot = adaline.eigen_plot
    np.testing.assert_allclose(plot.factors, 1 - rate * lam, rtol=1e-9)
    assert plot.words == words
    # each curve is its error scaled to start at ±1, multiplied by the factor each step
    for k, curve in enumerate(plot.curves):
        x, y = curve.getData()
        steps = np.arange(len(y))
        expected = np.sign(y[0]) * (1 - rate * lam[k]) ** steps
        shown = np.isfinite(y)
        np.testing.assert_allclose(y[shown], expected[shown], rtol=1e-7, atol=1e-12)
    text = plot.label.text()
    assert f"1 − {rate:.3g}·4 = {1 - rate * 4:.3g}" in text and "exact" in plot.label.toolTip()


def test_the_eigen_plot_follows_the_slider_while_it_moves(qtbot, adaline):
    adaline.preview_rate(0.45)
    qtbot.waitUntil(lambda: adaline.eigen_plot.rate == 0.45)
    assert adaline.eigen_plot.factors[0] == pytest.approx(1 - 0.45 * 4, rel=1e-9)
    assert adaline.trainer.learning_rate == 0.15  # a preview: the trainer's rate is unchanged


def test_with_momentum_the_eigen_plot_uses_the_momentum_factor(qtbot, adaline):
    adaline.session.configure(optimizer="momentum", optimizer_params={"momentum": 0.5})
    _rate(qtbot, adaline, 0.2)
    from nnviz.core.analysis import regimes

    np.testing.assert_allclose(adaline.eigen_plot.factors,
                               regimes.step_factors(adaline.trainer.optimizer, 0.2, [4.0, 0.2]), rtol=1e-9)
    assert "(momentum)" in adaline.eigen_plot.label.text()


def test_on_a_network_that_is_not_quadratic_the_eigen_plot_says_so(qtbot, make_session):
    session = make_session("mazur")
    p = SurfacePanel(session)
    qtbot.addWidget(p)
    p.resize(480, 900)
    p.show()
    qtbot.waitUntil(lambda: _settled(p) and p.eigen_plot.eigen is not None)
    assert "the curvature here and now" in p.eigen_plot.label.text()
    assert "not quadratic in w6 and w8" in p.eigen_plot.label.toolTip()


# -------------------------------------------------------------------- framing
def test_a_path_is_cut_where_it_leaves_the_view_and_an_empty_one_stays_empty():
    """(Found by the long random-action run: exporting the surface figure with an empty
    look-ahead raised IndexError.)"""
    rng = (0.0, 1.0, 0.0, 1.0)
    assert cut_at_edge(np.empty((0, 2)), rng).shape == (0, 2)
    cut = cut_at_edge(np.array([[0.5, 0.5], [0.5, 0.9], [0.5, 1.5]]), rng)
    assert cut.tolist() == [[0.5, 0.5], [0.5, 0.9], [0.5, 1.0]]
    assert cut_at_edge(np.array([[2.0, 2.0], [3.0, 3.0]]), rng).shape == (0, 2)


def test_the_range_holds_the_path_the_look_ahead_and_the_slices_minimum(qtbot, adaline):
    t = adaline.trainer
    x, y = t.dataset.inputs, t.dataset.targets[:, 0]
    minimum = np.linalg.solve(x.T @ x, x.T @ (y - t.network.get("b1[0]")))
    assert _inside(minimum[None, :], adaline.range)
    assert _inside(ghost_points(adaline.look.xy, adaline.look.result.status), adaline.range)
    assert _inside(adaline.heat.shown_path, adaline.range)


@pytest.mark.parametrize("rate", [0.05, 0.2, 0.45, 0.49])
def test_the_ghost_stays_in_view_after_a_drag(qtbot, adaline, rate):
    """The view widens (smoothly, then the grid) to hold the whole look-ahead."""
    adaline.set_range(-1.2, -0.8, 1.8, 2.2)  # a tight view around the start ...
    adaline.fit()  # ... and Fit follows again
    _rate(qtbot, adaline, rate)
    assert _inside(ghost_points(adaline.look.xy, adaline.look.result.status), _view(adaline))
    assert not adaline.heat.edge_arrow.isVisible()


def test_a_diverging_ghost_is_followed_for_its_first_steps_and_an_arrow_marks_the_rest(qtbot, adaline):
    _rate(qtbot, adaline, 0.8)
    assert adaline.look.result.status == "diverged"
    xy = adaline.look.xy
    assert _inside(xy[:FIT_DIVERGED_STEPS + 1], _view(adaline))
    assert not _inside(xy, _view(adaline))
    arrow = adaline.heat.edge_arrow
    assert arrow.isVisible()
    x0, x1, y0, y1 = _view(adaline)
    ax, ay = arrow.pos().x(), arrow.pos().y()
    on_edge = min(abs(ax - x0), abs(ax - x1)) < 1e-9 * (x1 - x0) or min(abs(ay - y0), abs(ay - y1)) < 1e-9 * (y1 - y0)
    assert on_edge


def test_with_a_range_by_hand_the_view_stays_and_an_arrow_marks_where_the_ghost_went(qtbot, adaline):
    adaline.set_range(-1.5, -0.5, 1.5, 2.5)
    _rate(qtbot, adaline, 0.3)
    assert _view(adaline) == pytest.approx((-1.5, -0.5, 1.5, 2.5))
    assert adaline.heat.edge_arrow.isVisible()
    adaline.controls.fit_button.click()  # Fit: the path and the ghost
    qtbot.waitUntil(lambda: _settled(adaline) and adaline._auto_fit)
    assert _inside(ghost_points(adaline.look.xy, adaline.look.result.status), _view(adaline))
    assert not adaline.heat.edge_arrow.isVisible()


# --------------------------------------------------------------- step arrows
def _visible_steps(panel, n):
    """How many of the last ``n`` steps are long enough on screen for an arrow."""
    xy = panel.heat.shown_path[-(n + 1):]
    (x0, x1), (y0, y1) = panel.heat.view_box.viewRange()
    sx, sy = panel.heat.view_box.width() / (x1 - x0), panel.heat.view_box.height() / (y1 - y0)
    d = np.diff(xy, axis=0)
    return int(np.sum(np.hypot(d[:, 0] * sx, d[:, 1] * sy) >= MIN_ARROW_STEP_PX))


def test_each_step_has_an_arrow_green_and_filled_down_red_and_hollow_up(qtbot, adaline):
    for _ in range(6):
        adaline.session.step("iteration")
    qtbot.waitUntil(lambda: _settled(adaline))
    arrows = adaline.heat.arrows
    assert len(arrows.data) == _visible_steps(adaline, 6) >= 3
    assert all(spot.data() for spot in arrows.points())  # 0.15: every step lowers the loss
    assert arrows.points()[0].brush().color().name() == DOWN
    adaline.session.reset()
    adaline.session.set_learning_rate(0.6)  # past 2/λmax: the steep direction blows up
    for _ in range(10):
        adaline.session.step("iteration")
    qtbot.waitUntil(lambda: _settled(adaline))
    t = adaline.trainer
    losses = [surface.loss_grid(t, "w1", "w2", [x], [y])[0, 0] for x, y in adaline.heat.shown_path]
    assert np.all(np.diff(losses) > 0)  # every step raised the loss ...
    assert len(arrows.data) == _visible_steps(adaline, 10) >= 5
    for spot in arrows.points():  # ... and every arrow is red and hollow
        assert not spot.data()
        assert spot.pen().color().name() == UP and spot.brush().style() == Qt.BrushStyle.NoBrush


def test_the_ghost_and_the_path_differ_in_style_in_both_palettes(qtbot, adaline):
    for palette in (pal.dark_palette(), adaline.style().standardPalette()):
        adaline.setPalette(palette)
        for path, ghost in ((adaline.heat.trail_item, adaline.heat.ghost_item),
                            (adaline.section.steps, adaline.section.ghost)):
            p, g = path.opts["pen"], ghost.opts["pen"]
            assert p.style() == Qt.PenStyle.SolidLine and g.style() == Qt.PenStyle.DashLine
            assert p.widthF() > g.widthF() + 0.3
            assert ghost.opts["symbolBrush"].style() == Qt.BrushStyle.NoBrush  # hollow rings
            assert path.opts["symbolBrush"].style() != Qt.BrushStyle.NoBrush  # filled dots


# ----------------------------------------------------------- click and drag
def _pixel(panel, x, y) -> QPoint:
    scene = panel.heat.view_box.mapViewToScene(QPointF(x, y))
    return panel.plots.mapFromScene(scene)


def _points(item) -> int:
    x = item.getData()[0]
    return 0 if x is None else len(x)


def test_a_click_on_the_surface_puts_the_point_there_and_step_back_undoes_it(qtbot, adaline):
    t = adaline.trainer
    before = t.network.flat().copy()
    x0, x1, y0, y1 = _view(adaline)
    target = (x0 + 0.7 * (x1 - x0), y0 + 0.3 * (y1 - y0))
    qtbot.mouseClick(adaline.plots.viewport(), Qt.MouseButton.LeftButton, pos=_pixel(adaline, *target))
    w1, w2 = t.network.get("w1"), t.network.get("w2")
    vb = adaline.heat.view_box
    assert abs(w1 - target[0]) < 2 * (x1 - x0) / vb.width() and abs(w2 - target[1]) < 2 * (y1 - y0) / vb.height()
    qtbot.waitUntil(lambda: _settled(adaline))
    cx, cy = adaline.heat.current_item.getData()
    assert (cx[0], cy[0]) == (w1, w2)
    # the path starts again from the point put there: the earlier path is drawn faint
    adaline.session.step("iteration")
    qtbot.waitUntil(lambda: _settled(adaline))
    x, y = adaline.heat.trail_item.getData()
    assert (x[0], y[0]) == (w1, w2) and len(x) == 2
    assert _points(adaline.heat.before_item) == 1
    adaline.session.back(5)  # the iteration's four micro-steps, then the click
    assert np.array_equal(t.network.flat(), before)
    qtbot.waitUntil(lambda: _settled(adaline))
    assert adaline.pointer.drop is None and _points(adaline.heat.before_item) == 0


def test_dragging_the_point_moves_it_and_one_step_back_undoes_the_drag(qtbot, adaline):
    t = adaline.trainer
    before = t.network.flat().copy()
    view = adaline.plots.viewport()
    start = _pixel(adaline, t.network.get("w1"), t.network.get("w2"))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 8):
        qtbot.mouseMove(view, start + QPoint(6 * k, 4 * k))
    end = start + QPoint(42, 28)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    where = adaline.heat.view_box.mapSceneToView(adaline.plots.mapToScene(end))
    assert t.network.get("w1") == pytest.approx(where.x(), abs=0.05)
    assert t.network.get("w2") == pytest.approx(where.y(), abs=0.05)
    assert adaline.session.back()
    assert np.array_equal(t.network.flat(), before)


def test_in_the_plane_of_the_trajectory_a_click_does_not_move_the_point(qtbot, adaline):
    for _ in range(5):
        adaline.session.step("iteration")
    adaline.set_mode("plane")
    qtbot.waitUntil(lambda: _settled(adaline))
    before = adaline.trainer.network.flat().copy()
    messages = []
    adaline.session.message.connect(messages.append)
    assert not adaline.pointer.put(0.1, 0.1)
    assert np.array_equal(adaline.trainer.network.flat(), before) and "choose a slice" in messages[-1]


# ------------------------------------------------------------- cross-section
def test_the_cross_section_along_the_steepest_direction(qtbot, adaline):
    adaline.set_section("steep")
    _rate(qtbot, adaline, 0.4)  # between the marks: the steps bounce from wall to wall
    for _ in range(6):
        adaline.session.step("iteration")
    qtbot.waitUntil(lambda: _settled(adaline))
    t = adaline.trainer
    e = adaline.eigen_plot.eigen
    u = e.vectors[:, 0]
    xs, ys = adaline.section.curve.getData()
    flat = t.network.flat()
    cols = [t.network.flat_index(t.network.parse_param(n)) for n in e.params]
    for k in (0, 50, 150, -1):
        probe = flat.copy()
        probe[cols] += xs[k] * u
        assert ys[k] == pytest.approx(t.evaluate_loss(*split_flat(t.network, probe)), rel=1e-12)
    sx, _ = adaline.section.steps.getData()
    assert sx[-1] == 0.0  # the current point
    assert np.all(np.sign(sx[-6:-2]) == -np.sign(sx[-5:-1]))  # the steps before flip side: a zig-zag
    assert adaline.section.current.getData()[0][0] == 0.0
    assert "steepest direction" in adaline.section.plot.getAxis("bottom").labelText
    # the line it follows is drawn on the heat map, through the current point along u
    line = np.column_stack(adaline.heat.section_line.getData())
    d = line[1] - line[0]
    assert abs(d[0] * u[1] - d[1] * u[0]) < 1e-9 * np.linalg.norm(d)


# ------------------------------------------------------------- first contact
def test_the_worked_example_says_it_cannot_oscillate_and_opens_the_bowl_in_one_click(qtbot, window):
    panel = window.surface_panel
    qtbot.waitUntil(lambda: panel.look.hint.isVisible())
    text = panel.look.hint.text()
    assert "No rate on the slider makes this network oscillate" in text and "Open the adaline bowl" in text
    panel.look.hint.linkActivated.emit("open-bowl")
    t = window.session.trainer
    assert t.dataset.name == "adaline" or t.network.sizes == [2, 1]
    assert t.learning_rate == 0.24 and window.controls.learning_rate.box.text() == "0.24"
    qtbot.waitUntil(lambda: not panel.look.hint.isVisible() and window.controls.learning_rate.marks is not None
                    and window.controls.learning_rate.marks.zigzag_from == pytest.approx(0.25))


def test_arrow_heads_point_along_the_step_on_screen():
    """Screen angles: y grows downwards on screen, upwards in the data; the pixels per
    unit of each axis count (a step up and right on a plot twice as tall as wide)."""
    from nnviz.gui.panels.surface.heatmap import screen_angles

    d = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [1.0, 1.0]])
    np.testing.assert_allclose(np.abs(screen_angles(d, (1.0, 1.0))), [0.0, 90.0, 180.0, 45.0])
    assert screen_angles(d, (1.0, 1.0))[1] == -90.0  # up in the data: up on screen
    assert screen_angles(np.array([[1.0, 1.0]]), (1.0, 2.0))[0] == pytest.approx(-np.degrees(np.arctan(2.0)))
