"""Issue 9's "done when", as a newcomer meets it: the window opens on the worked example,
which cannot oscillate inside the slider; its own hint opens the adaline bowl; dragging
the slider across the two marks turns the path from descent to zig-zag to divergence
exactly at the marks — in the verdict, the eigen plot, the surface, the cross-section
along the steepest direction and the loss curve."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnviz.gui.controls.lr_slider import position_to_value, slider_x, value_to_position
from nnviz.gui.panels.surface.grids import GRID_POINTS


def _settled(panel) -> bool:
    return (panel.loss.shape == (GRID_POINTS, GRID_POINTS) and panel.grids.key == panel.grid_state()
            and not panel._refresh_throttle.pending and not panel._ghost_throttle.pending
            and not panel._widen_throttle.pending and not panel.animation.running and panel.look.result is not None)


def _drag_to(qtbot, control, rate) -> float:
    """Drag the slider's handle with the mouse to ``rate`` (as near as its positions go)."""
    slider = control.slider
    y = slider.height() // 2
    start = QPoint(round(slider_x(slider, control.value)), y)
    end = QPoint(round(slider_x(slider, rate)), y)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 6):
        qtbot.mouseMove(slider, start + (end - start) * k / 5)
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=end)
    if abs(slider.value() - value_to_position(rate)) > 1:  # a pixel is coarser than a position: fine-tune
        slider.setValue(value_to_position(rate))
    return position_to_value(slider.value())


def _steep_components(panel, trainer) -> np.ndarray:
    """The path's steps along the steepest eigen-direction of the bowl (w1, w2)."""
    e = panel.eigen_plot.eigen
    path = panel.heat.shown_path
    u = np.array([e.vectors[e.params.index(n), 0] for n in panel.axes])
    return np.diff(path, axis=0) @ u


def test_a_newcomer_follows_the_hint_and_sees_the_regimes_change_at_the_marks(qtbot, window):
    session, panel, control = window.session, window.surface_panel, window.controls.learning_rate
    # the worked example: no rate on the slider oscillates, and the verdict line says so
    qtbot.waitUntil(lambda: panel.look.hint.isVisible())
    assert "No rate on the slider makes this network oscillate" in panel.look.hint.text()
    assert control.marks.diverges_from > 10
    # one click: the bowl, just below its zig-zag mark
    panel.look.hint.linkActivated.emit("open-bowl")
    qtbot.waitUntil(lambda: session.trainer.network.sizes == [2, 1] and control.marks is not None
                    and control.marks.zigzag_from == pytest.approx(0.25) and _settled(panel))
    assert not panel.look.hint.isVisible() and session.trainer.learning_rate == 0.24
    zig, div = control.marks.zigzag_from, control.marks.diverges_from
    assert (zig, div) == (pytest.approx(0.25, rel=1e-9), pytest.approx(0.5, rel=1e-9))
    panel.set_section("steep")

    # just either side of each mark, the verdict and the factors change sides
    for rate, word, signs in ((0.95 * zig, "converging", (1, 1)), (1.05 * zig, "zigzag", (-1, 1)),
                              (0.95 * div, "zigzag", (-1, 1)), (1.05 * div, "diverged", (-1, 1))):
        got = _drag_to(qtbot, control, rate)
        assert got == pytest.approx(rate, rel=0.02)
        qtbot.waitUntil(lambda: panel.look.drawn_rate == got and panel.eigen_plot.rate == got and _settled(panel))
        assert panel.look.result.status == word, (got, panel.look.indicator.text())
        assert panel.look.indicator.text().startswith(f"At rate {got:.4g}: {word}")
        factors = panel.eigen_plot.factors
        assert tuple(np.sign(factors)) == signs
        assert (abs(factors[0]) > 1) == (word == "diverged")
        assert panel.eigen_plot.words[0] == word

    # and the run itself: descent, zig-zag, divergence on the surface, the cross-section
    # along the steepest direction and the loss curve
    for rate, word in ((0.8 * zig, "converging"), (1.6 * zig, "zigzag"), (1.2 * div, "diverged")):
        session.reset()
        got = _drag_to(qtbot, control, rate)
        for _ in range(12):
            session.step("iteration")
        qtbot.waitUntil(lambda: _settled(panel) and panel.heat.shown_path.shape[0] == 13)
        along = _steep_components(panel, session.trainer)
        flips = np.sign(along[1:]) != np.sign(along[:-1])
        losses = np.array(session.trainer.loss_history)
        sx, _ = panel.section.steps.getData()
        sides = np.sign(sx[:-1])  # the steps' points either side of the current point (0)
        x, y = window.loss_curve.train_curve.x, window.loss_curve.train_curve.y
        assert np.array_equal(y, losses) and x.size == 12
        if word == "converging":
            assert not flips.any()  # every step on the same side: straight down the valley
            assert np.all(np.diff(losses) < 0)
        elif word == "zigzag":
            assert flips[:4].all()  # across the valley and back ...
            assert np.all(np.abs(along[1:4]) < np.abs(along[:3]))  # ... shorter each time
            assert np.all(np.diff(losses) < 0)  # on a bowl the loss still falls every step
            assert (sides[-5:-1] != sides[-4:]).all()  # the cross-section bounces from wall to wall
        else:
            assert flips.all() and np.all(np.abs(along[1:]) > np.abs(along[:-1]))  # wider and wider
            assert np.all(np.diff(losses[3:]) > 0) and losses[-1] > 10 * losses[0]  # the loss climbs
            red = [s for s in panel.heat.arrows.points() if not s.data()]
            assert red  # steps that raised the loss: red arrows
        assert panel.look.result is not None and panel.eigen_plot.rate == got
