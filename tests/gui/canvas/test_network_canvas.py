"""The network canvas and its panel: drawing, the moving front, colours, hover, click,
double-click editing, zoom and pan, the timeline, the sample selector and exports."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from nnviz.core import trainer as trainer_mod
from nnviz.core.data.datasets import Dataset
from nnviz.gui.canvas import CanvasPanel, Hit, NetworkCanvas
from nnviz.gui.canvas.layout import R_MAX_PX
from nnviz.gui.canvas.scene import fill_color
from nnviz.app.session import Session
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets import palette


def _fill(value: float, scale: float = 1.0) -> QColor:
    """A neuron's fill: its value on the diverging map, in steps of a tenth of the scale."""
    return fill_color(int(np.rint(np.clip(value / scale, -1, 1) * 10)))


# ------------------------------------------------------------------ building
@pytest.mark.parametrize("kind", ["mazur", "xor", "2-16-16-1", "8x64"])
def test_canvas_draws_networks_of_every_size(make_canvas, trainer_of, pixels, kind):
    """Through a whole iteration and a bit, each micro-step repaints the neurons: those
    computed so far are filled with the colour of their output, the others are empty."""
    session = QtSession(Session(trainer_of(kind)))
    t = session.trainer
    canvas = make_canvas(session)
    bg = palette.canvas_background(canvas.palette())
    for _ in range(len(t.steps) + 2):
        session.step("micro")
        img = canvas.grab().toImage()
        r = canvas.layout_info.r * canvas.scale
        for c, n in enumerate(t.network.sizes):
            acts = t.values.activations[c - 1] if c else t.values.inputs
            for j in (0, n - 1):
                drawn = pixels.dominant(img, canvas.neuron_center(c, j), 0, 0.6 * r)
                if acts is None:
                    assert pixels.close(drawn, bg), (c, j, drawn.name())
                elif c == 0:
                    assert pixels.close(drawn, _fill(acts[0, j], max(1.0, np.abs(t.dataset.inputs).max())))
                elif t.network.activations[c - 1].name in ("sigmoid", "tanh"):
                    assert pixels.close(drawn, _fill(acts[0, j])), (c, j, drawn.name())
    img = canvas.render_image(640, 400)
    assert (img.width(), img.height()) == (640, 400)


def test_size_hint_is_sensible(canvas):
    hint = canvas.sizeHint()
    assert hint.width() >= 600 and hint.height() >= 400


def test_scene_is_cached_until_values_change(canvas, mazur_session):
    canvas.grab()
    builds = canvas.scene_builds
    canvas.grab()
    canvas.update()
    canvas.grab()
    assert canvas.scene_builds == builds  # repaint without changes reuses the paths
    mazur_session.step("micro")
    canvas.grab()
    canvas.grab()
    assert canvas.scene_builds == builds + 1
    mazur_session.set_edge_mode("gradients")
    canvas.grab()
    assert canvas.scene_builds == builds + 2


# ------------------------------------------------------------------ the front
def test_highlight_follows_each_micro_step(canvas, mazur_session):
    t = mazur_session.trainer
    L = t.network.n_layers
    assert canvas.active_layer == 1 and canvas.active_phase == "forward"  # the next step, after a reset
    assert canvas.computed_column is None
    assert canvas.scene.caption[0].startswith("Ready")
    seen = []
    for _ in range(len(t.steps)):
        mazur_session.step("micro")
        step = t.last_step
        expected_layer = step.layer if step.layer is not None else L
        assert canvas.active_layer == expected_layer
        assert canvas.active_phase == step.phase
        expected_column = {"forward": step.layer, "backward": step.layer, "loss": L}.get(step.phase)
        assert canvas.computed_column == expected_column
        assert canvas.scene.caption[0].startswith(step.describe(L))
        seen.append((step.phase, canvas.active_layer))
    assert seen == [("forward", 1), ("forward", 2), ("loss", 2), ("backward", 2), ("backward", 1),
                    ("update", 2), ("update", 1)]


def test_highlight_is_drawn_where_the_front_is(canvas, mazur_session):
    """The ring around the computed neurons appears in the picture, in the highlight colour."""
    mazur_session.step("micro")  # forward layer 1: h1, h2 computed
    img = canvas.grab().toImage()
    centre = canvas.neuron_center(1, 0)
    r = canvas.layout_info.r * canvas.scale
    ring = QPointF(centre.x() + r + 3.5, centre.y())
    colours = [img.pixelColor(round(ring.x()) + d, round(ring.y())) for d in range(-2, 3)]
    hl = QColor(palette.HIGHLIGHT)
    assert any(abs(c.hsvHue() - hl.hsvHue()) < 15 and c.hsvSaturation() > 120 for c in colours)


def test_auto_mode_shows_gradients_then_updates_of_the_active_layer(canvas, mazur_session):
    assert canvas.shown_kinds == ["weights", "weights"]
    for _ in range(4):  # forward 1, forward 2, loss, backward 2
        mazur_session.step("micro")
    assert canvas.shown_kinds == ["weights", "gradients"]
    W, _ = canvas.shown_values(2)
    np.testing.assert_array_equal(W, mazur_session.trainer.values.grad_W[1])
    assert any("gradients" in title for _, title, _ in canvas.scene.legend)
    mazur_session.step("micro")  # backward 1
    assert canvas.shown_kinds == ["gradients", "weights"]
    mazur_session.step("micro")  # update 2
    assert canvas.shown_kinds == ["weights", "updates"]
    W, _ = canvas.shown_values(2)
    np.testing.assert_array_equal(W, mazur_session.trainer.values.update_W[1])


@pytest.mark.parametrize("mode, field", [("gradients", "grad_W"), ("updates", "update_W")])
def test_forced_modes_colour_every_layer_or_draw_it_faint(canvas, mazur_session, mode, field):
    mazur_session.set_edge_mode(mode)
    assert canvas.shown_kinds == ["none", "none"]  # nothing computed yet: faint
    mazur_session.step("iteration")
    assert canvas.shown_kinds == [mode, mode]
    for l in (1, 2):
        np.testing.assert_array_equal(canvas.shown_values(l)[0], getattr(mazur_session.trainer.values, field)[l - 1])
    mazur_session.set_edge_mode("weights")
    assert canvas.shown_kinds == ["weights", "weights"]


# ------------------------------------------------------------------ colours
def test_positive_and_negative_edges_have_orange_and_blue_hues(make_canvas, mazur_session, pixels):
    t = mazur_session.trainer
    t.set_parameter("W2[0,0]", 3.0)  # w5: strongly positive
    t.set_parameter("W2[1,1]", -3.0)  # w8: strongly negative
    canvas = make_canvas(mazur_session)
    size = (1200, 800)
    img = canvas.render_image(*size, show="weights")
    pos = pixels.hue_near(img, canvas.edge_midpoint("w5", size))
    neg = pixels.hue_near(img, canvas.edge_midpoint("w8", size))
    assert pos.hsvSaturation() > 120 and neg.hsvSaturation() > 120
    assert 10 <= pos.hsvHue() <= 45, pos.name()  # orange
    assert 190 <= neg.hsvHue() <= 230, neg.name()  # blue
    # the same in the widget itself
    shot = canvas.grab().toImage()
    assert 10 <= pixels.hue_near(shot, canvas.edge_midpoint("W2[0,0]")).hsvHue() <= 45
    assert 190 <= pixels.hue_near(shot, canvas.edge_midpoint("W2[1,1]")).hsvHue() <= 230


def test_legend_names_the_quantity_and_its_range(canvas, mazur_session):
    entries = canvas.scene.legend
    assert [kind for kind, _, _ in entries] == ["weights"]
    kind, title, scale = entries[0]
    assert "weights" in title and scale == pytest.approx(0.6)  # max |w| and |b| of the preset


def test_dark_palette_renders_with_readable_text(canvas):
    dark = palette.dark_palette()
    canvas.setPalette(dark)
    img = canvas.render_image(1200, 800)
    assert img.pixelColor(3, 3) == palette.canvas_background(dark)
    text = palette.text_color(dark)
    # the caption (top left) is written in the palette's text colour
    caption = [img.pixelColor(x, y) for x in range(16, 300) for y in range(8, 34)]
    assert any(abs(c.lightness() - text.lightness()) < 30 for c in caption)
    assert all(c.lightness() >= palette.canvas_background(dark).lightness() - 5 for c in caption)
    shot = canvas.grab().toImage()
    assert shot.pixelColor(3, 3) == palette.canvas_background(dark)


# ------------------------------------------------------------------ hover
def _show_tooltip(canvas: NetworkCanvas, pos: QPointF) -> None:
    p = pos.toPoint()
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, p, canvas.mapToGlobal(p)))


def test_hover_tooltip_of_w5_gives_its_numbers_and_stays_live(qtbot, canvas, mazur_session):
    mazur_session.set_digits(9)  # the worked example's digits
    _show_tooltip(canvas, canvas.edge_midpoint("w5"))
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert "w5" in text and "W2[0,0]" in text and "0.4" in text
    assert canvas.tooltip_hit == Hit("edge", 2, 0, 0)
    # the tooltip follows the steps while it shows: after the update of layer 2 it has the new value
    for _ in range(6):
        mazur_session.step("micro")
    qtbot.waitUntil(lambda: "0.35891648" in QToolTip.text())
    assert "0.082167041" in QToolTip.text()  # dE/dw5 of the worked example
    QToolTip.hideText()


def test_neuron_tooltip_has_net_out_and_delta(canvas, mazur_session):
    mazur_session.set_digits(9)
    for _ in range(4):
        mazur_session.step("micro")
    hit = canvas.hit_test(canvas.neuron_center(2, 0))
    assert hit == Hit("neuron", 2, 0)
    text = canvas.tooltip_text(hit)
    assert "o1" in text and "net_o1" in text and "1.105905967" in text
    assert "out_o1" in text and "0.75136507" in text
    assert "t_o1" in text and "0.01" in text  # the target
    assert "delta_o1" in text and "0.138498562" in text  # delta_o1 of the worked example
    assert "not computed yet" not in text


def test_tooltip_before_any_step_says_not_computed(canvas):
    text = canvas.tooltip_text(Hit("neuron", 1, 0))
    assert "not computed yet" in text
    text = canvas.tooltip_text(canvas.hit_test(canvas.edge_midpoint("w1")))
    assert "w1" in text and "0.15" in text and "not computed yet" in text


def test_hover_emphasis_follows_the_mouse(qtbot, canvas):
    qtbot.mouseMove(canvas, canvas.edge_midpoint("w5").toPoint())
    qtbot.waitUntil(lambda: canvas.hover == Hit("edge", 2, 0, 0))


# ------------------------------------------------------------------ click and edit
def test_click_on_w5_selects_it_and_empty_space_clears(qtbot, canvas, mazur_session):
    with qtbot.waitSignal(mazur_session.selectionChanged):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.edge_midpoint("w5").toPoint())
    assert mazur_session.selection.param == "W2[0,0]"
    with qtbot.waitSignal(mazur_session.selectionChanged):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.neuron_center(1, 1).toPoint())
    assert (mazur_session.selection.layer, mazur_session.selection.unit) == (1, 1)
    with qtbot.waitSignal(mazur_session.selectionChanged):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(canvas.width() // 2, 60))
    assert mazur_session.selection is None


def test_click_on_a_bias_edge_selects_the_bias(qtbot, canvas, mazur_session):
    with qtbot.waitSignal(mazur_session.selectionChanged):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.edge_midpoint("b2[1]").toPoint())
    assert mazur_session.selection.param == "b2[1]"


def test_selection_is_drawn(canvas, mazur_session):
    point = canvas.edge_midpoint("w5")
    before = canvas.grab().toImage()
    mazur_session.select_param("w5")
    after = canvas.grab().toImage()
    # the selected edge gets a halo in the text colour around it
    x, y = round(point.x()), round(point.y())
    changed = [(dx, dy) for dx in range(-4, 5) for dy in range(-4, 5)
               if before.pixelColor(x + dx, y + dy) != after.pixelColor(x + dx, y + dy)]
    assert any(abs(dy) >= 2 for _, dy in changed)  # wider than the edge itself
    dark = [after.pixelColor(x, y + dy).lightness() for dy in range(-4, 5)]
    assert min(dark) < 80  # the halo is drawn in the (dark) text colour of the light palette


def test_double_click_edits_the_weight_and_step_back_undoes_it(qtbot, canvas, mazur_session, monkeypatch):
    asked = []

    def fake_ask(name, current):
        asked.append((name, current))
        return 0.9

    monkeypatch.setattr(canvas, "_ask_value", fake_ask)
    with qtbot.waitSignal(mazur_session.stateChanged):
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.edge_midpoint("w5").toPoint())
    assert asked == [("W2[0,0]", 0.4)]
    assert mazur_session.trainer.network.get("W2[0,0]") == 0.9
    assert canvas.shown_values(2)[0][0, 0] == 0.9
    mazur_session.trainer.back()
    assert mazur_session.trainer.network.get("W2[0,0]") == 0.4


def test_cancelled_edit_changes_nothing(qtbot, canvas, mazur_session, monkeypatch):
    monkeypatch.setattr(canvas, "_ask_value", lambda name, current: None)
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.edge_midpoint("w1").toPoint())
    assert mazur_session.trainer.network.get("W1[0,0]") == 0.15
    assert not mazur_session.trainer.can_step_back


# ------------------------------------------------------------------ zoom and pan
def _wheel(canvas, pos: QPointF, delta: int) -> None:
    event = QWheelEvent(pos, QPointF(canvas.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, delta),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(canvas, event)


def test_wheel_zooms_around_the_cursor_and_fit_restores(canvas, pixels):
    scale = canvas.scale
    anchor = canvas.neuron_center(1, 0)
    _wheel(canvas, anchor, 240)
    assert canvas.scale > scale * 1.2
    after = canvas.neuron_center(1, 0)
    assert abs(after.x() - anchor.x()) < 0.5 and abs(after.y() - anchor.y()) < 0.5  # the point under the cursor stays
    _wheel(canvas, anchor, -480)
    assert canvas.scale < scale
    zoomed_out = canvas.scale
    canvas.zoom_by(2.0)
    assert canvas.scale == pytest.approx(zoomed_out * 2.0)
    canvas.fit()
    assert canvas.scale == pytest.approx(scale)
    # the picture follows: i1 (0.05 of a scale of 1: the grey of zero) is drawn where the view puts it
    img = canvas.grab().toImage()
    r = canvas.layout_info.r * canvas.scale
    assert pixels.close(pixels.dominant(img, canvas.neuron_center(0, 0), 0, 0.6 * r), _fill(0.05))


def test_zoom_by_scales_and_labels_appear_when_zoomed_in(make_canvas, trainer_of):
    canvas = make_canvas(QtSession(Session(trainer_of("2-16-16-1"))))
    scale = canvas.scale
    canvas.zoom_by(1.5)
    assert canvas.scale == pytest.approx(scale * 1.5)
    canvas.zoom_by(1 / 1.5)
    assert canvas.scale == pytest.approx(scale)


def test_drag_on_empty_space_pans(qtbot, canvas, mazur_session):
    start = QPoint(canvas.width() // 2, 70)
    before = canvas.neuron_center(0, 0)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(40, 30))
    qtbot.mouseMove(canvas, start + QPoint(80, 60))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(80, 60))
    after = canvas.neuron_center(0, 0)
    assert after.x() - before.x() == pytest.approx(80, abs=1)
    assert after.y() - before.y() == pytest.approx(60, abs=1)
    assert mazur_session.selection is None  # a drag is not a click


def _drawn_radius(img, centre: QPointF, bg: QColor) -> int:
    """How far up from ``centre`` the first background pixel is: the circle's radius,
    outline included (nothing is drawn right above the top neuron but its heading, which
    starts further up)."""
    x, y = round(centre.x()), round(centre.y())
    d = 1
    while img.pixelColor(x, y - d) != bg:
        d += 1
    return d


def test_a_small_network_grows_with_the_canvas(qtbot, canvas, pixels):
    """mazur (2-2-2) in a big canvas is drawn big, not small in the middle: neurons,
    their text and the labels grow with the canvas."""
    bg = palette.canvas_background(canvas.palette())
    small = _drawn_radius(canvas.grab().toImage(), canvas.neuron_center(0, 0), bg)
    label_h = canvas.placement().edge_labels[0][0].h
    canvas.resize(2000, 1300)
    qtbot.waitUntil(lambda: canvas.width() == 2000)
    big = _drawn_radius(canvas.grab().toImage(), canvas.neuron_center(0, 0), bg)
    assert big > 1.2 * small and big == pytest.approx(canvas.layout_info.r * canvas.scale, abs=3)
    assert canvas.placement().edge_labels[0][0].h > 1.2 * label_h
    canvas.resize(3800, 2500)  # ... up to a cap
    qtbot.waitUntil(lambda: canvas.width() == 3800)
    assert _drawn_radius(canvas.grab().toImage(), canvas.neuron_center(0, 0), bg) <= R_MAX_PX + 3


def test_resize_keeps_the_network_fitted(qtbot, canvas):
    canvas.resize(700, 500)
    qtbot.waitUntil(lambda: canvas.width() == 700)
    lay = canvas.layout_info
    for c in range(len(lay.sizes)):
        for j in range(lay.sizes[c]):
            p = canvas.neuron_center(c, j)
            assert 0 < p.x() < 700 and 0 < p.y() < 500


# ------------------------------------------------------------------ panel: timeline and sample
@pytest.fixture
def panel(qtbot, mazur_session):
    p = CanvasPanel(mazur_session)
    qtbot.addWidget(p)
    p.resize(1200, 860)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_timeline_scrubs_the_past_and_returns_to_live(qtbot, panel, mazur_session, pixels):
    t = mazur_session.trainer
    assert not panel.timeline.isEnabled()
    for _ in range(3):
        mazur_session.step("iteration")
    assert (panel.timeline.minimum(), panel.timeline.maximum(), panel.timeline.value()) == (0, 3, 3)
    assert panel.timeline.isEnabled()
    assert "iteration 3 of 3" in panel.timeline_label.text()
    with qtbot.waitSignal(mazur_session.timelineChanged):
        panel.timeline.setValue(1)
    assert mazur_session.view_iteration == 1
    assert "iteration 1 of 3" in panel.timeline_label.text()
    probe = t.network.copy()
    probe.set_flat(t.trajectory[1])
    for l in (1, 2):
        np.testing.assert_array_equal(panel.canvas.shown_values(l)[0], probe.weights[l - 1])
        np.testing.assert_array_equal(panel.canvas.shown_values(l)[1], probe.biases[l - 1])
    assert panel.canvas.shown_kinds == ["weights", "weights"]
    assert panel.canvas.active_layer is None  # no front in the past
    # neurons: a plain forward pass of the data row with those parameters
    np.testing.assert_allclose(panel.canvas.scene.out[2], probe.forward(t.dataset.inputs[:1])[0])
    assert "History" in panel.canvas.scene.caption[0]
    img = panel.canvas.grab().toImage()  # o1 is filled with the colour of its output then
    r = panel.canvas.layout_info.r * panel.canvas.scale
    o1 = probe.forward(t.dataset.inputs[:1])[0, 0]
    assert pixels.close(pixels.dominant(img, panel.canvas.neuron_center(2, 0), 0, 0.6 * r), _fill(o1))
    with qtbot.waitSignal(mazur_session.timelineChanged):
        panel.timeline.setValue(3)
    assert mazur_session.view_iteration is None
    np.testing.assert_array_equal(panel.canvas.shown_values(2)[0], t.network.weights[1])
    # live: the slider follows new iterations
    mazur_session.step("iteration")
    assert (panel.timeline.maximum(), panel.timeline.value()) == (4, 4)
    assert "live" in panel.timeline_label.text()


def test_live_button_returns_from_the_past(qtbot, panel, mazur_session):
    for _ in range(2):
        mazur_session.step("iteration")
    panel.timeline.setValue(0)
    assert panel.live_button.isEnabled()
    panel.live_button.click()
    assert mazur_session.view_iteration is None and panel.timeline.value() == 2


def test_editing_in_the_past_is_refused_with_a_message(qtbot, panel, mazur_session, monkeypatch):
    mazur_session.step("iteration")
    panel.timeline.setValue(0)
    monkeypatch.setattr(panel.canvas, "_ask_value", lambda *a: pytest.fail("no dialog in the past"))
    with qtbot.waitSignal(mazur_session.message):
        assert not panel.canvas.edit_parameter("w5")


def test_sample_box_focuses_a_row_of_the_batch(qtbot, xor_session):
    session = xor_session
    p = CanvasPanel(session)
    qtbot.addWidget(p)
    p.show()
    assert p.sample_box.count() == 4 and p.sample_box.isEnabled()
    assert p.sample_box.itemText(2) == "sample 3 of 4 (data row 3)"
    session.step("micro")
    with qtbot.waitSignal(session.sampleChanged):
        p.sample_box.setCurrentIndex(2)
    assert session.sample == 2
    np.testing.assert_array_equal(p.canvas.scene.out[0], session.trainer.dataset.inputs[2])
    np.testing.assert_array_equal(p.canvas.scene.out[1], session.trainer.values.activations[0][2])
    session.set_sample(1)
    assert p.sample_box.currentIndex() == 1


def test_sample_box_is_disabled_for_one_row(panel):
    assert panel.sample_box.count() == 1 and not panel.sample_box.isEnabled()
    assert panel.sample_box.currentText() == "sample 1 of 1 (data row 1)"


def test_new_trainer_rebuilds_the_canvas(qtbot, panel, mazur_session, pixels):
    mazur_session.load_preset("xor")
    canvas = panel.canvas
    assert canvas.layout_info.sizes == [2, 4, 1]
    assert panel.sample_box.count() == 4
    # xor is drawn: its 4 hidden neurons (empty before a step) and its edges' signs
    img = canvas.grab().toImage()
    r = canvas.layout_info.r * canvas.scale
    bg = palette.canvas_background(canvas.palette())
    for j in range(4):
        assert pixels.close(pixels.dominant(img, canvas.neuron_center(1, j), 0, 0.6 * r), bg)
    W1 = mazur_session.trainer.network.weights[0]
    for j in range(4):
        hue = pixels.hue_near(img, canvas.edge_point(f"W1[{j},0]", 0.8)).hsvHue()  # edges cross mid-way
        assert (10 <= hue <= 45) if W1[j, 0] > 0 else (190 <= hue <= 230)


def test_long_names_from_a_header_are_written_beside_the_neurons(make_canvas, pixels, dark):
    """Names too wide for a circle (a CSV header's "Temperatur") are written left of the
    inputs and right of the outputs, clear of everything else; the circles keep the values."""
    rng = np.random.default_rng(1)
    data = Dataset(rng.uniform(-1, 1, (12, 2)), (rng.uniform(size=(12, 1)) > 0.5).astype(float),
                   input_names=("Temperatur", "Luftfeuchtigkeit"), target_names=("Regenwahrscheinlichkeit",))
    session = QtSession(Session(trainer_mod.create([2, 4, 1], ["tanh", "sigmoid"], data, seed=1)))
    canvas = make_canvas(session, (1000, 460))
    session.step("phase")
    img = canvas.grab().toImage()
    p = canvas.placement()
    names = {(c, j): box for c, j, box in p.names}
    assert set(names) == {(0, 0), (0, 1), (2, 0)}
    fg = palette.text_color(canvas.palette())
    for (c, j), box in names.items():
        centre = canvas.neuron_center(c, j)
        assert (box.right < centre.x()) if c == 0 else (box.x > centre.x())
        assert 0 <= box.x and box.right <= canvas.width()
        assert any(pixels.close(img.pixelColor(round(x), round(box.y + box.h / 2 + dy)), fg, 60)
                   for x in np.arange(box.x, box.right) for dy in (-2, 0, 2))  # the name is drawn there
    boxes = p.boxes()
    assert not any(a.intersects(b) for i, (_, a) in enumerate(boxes) for _, b in boxes[i + 1:])
    session.close()


def test_the_canvas_and_its_panel_follow_the_session_until_closed(qtbot, make_canvas, mazur_session):
    """Both are SessionViews: weak connections, undone when they close."""
    from nnviz.gui.widgets.session_view import SessionView

    panel = CanvasPanel(mazur_session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    canvas = panel.canvas
    assert isinstance(canvas, SessionView) and isinstance(panel, SessionView)
    mazur_session.step("iteration")
    canvas.scene  # built for the new values
    builds = canvas.scene_builds
    assert panel.timeline_label.text() == "iteration 1 of 1 · live"
    panel.close()
    canvas.close()
    assert not canvas.attached and not panel.attached
    mazur_session.step("iteration")
    canvas.scene
    assert canvas.scene_builds == builds  # the closed canvas did not hear of the step
    assert panel.timeline_label.text() == "iteration 1 of 1 · live"
