"""Frames for an animation: what counts as one unit, the caption, frames drawn at the
chosen size, and the headless ``record``."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from nnviz.core import presets
from nnviz.gui import recording
from nnviz.gui.recording import RecordOptions


@pytest.mark.parametrize("unit", ["micro", "phase", "iteration"])
def test_one_step_of_a_unit_is_one_more_position(qapp, unit):
    t = presets.load("mazur")
    seen = [recording.position(t, unit)]
    for _ in range(10):
        t.step(unit)
        seen.append(recording.position(t, unit))
    assert seen == list(range(11))


def test_micro_steps_inside_a_phase_do_not_finish_it(qapp):
    t = presets.load("mazur")  # forward 1, forward 2, loss, backward 2, backward 1, update 2, update 1
    phases = []
    for _ in range(7):
        t.step("micro")
        phases.append(recording.position(t, "phase"))
    assert phases == [0, 1, 2, 2, 3, 3, 4]


def test_the_caption_says_where_the_iteration_stands(qapp):
    t = presets.load("mazur")
    assert recording.caption_text(t) == "Ready"
    t.step("micro")
    assert recording.caption_text(t) == "Iteration 1 · Forward · layer 1 of 2 · h1 h2"
    for _ in range(3):
        t.step("micro")
    assert recording.caption_text(t) == "Iteration 1 · Backward · layer 2 of 2 · o1 o2"
    t.step("phase")
    t.step("phase")
    assert recording.caption_text(t) == "Iteration 1 done"


def test_options_are_checked(qapp):
    for bad in ({"show": "inspector"}, {"unit": "epoch"}, {"every": 0}, {"frames": 0}, {"fps": 0},
                {"fps": 60}, {"size": (10, 500)}, {"size": (800, 5000)}):
        with pytest.raises(ValueError):
            RecordOptions(**bad)


def test_a_picture_is_fitted_into_the_frame_keeping_its_shape(qapp):
    tall = QImage(100, 400, QImage.Format.Format_RGB32)
    tall.fill(QColor("black"))
    fitted = recording.to_rgb(recording.fit_image(tall, 200, 200, QColor("white")))
    assert fitted.shape == (200, 200, 3)
    assert (fitted[:, 100] == 0).all()  # the picture, 50 wide, in the middle
    assert (fitted[:, :70] == 255).all() and (fitted[:, 130:] == 255).all()


def test_headless_canvas_frames_have_the_size_and_the_caption_line(qapp):
    t = presets.load("mazur")
    plain = recording.record(t, RecordOptions(frames=2, size=(400, 300)))
    assert len(plain) == 3 and plain.shape == (300, 400)
    assert t.cursor == 2  # the recording took the steps
    captioned = recording.record(presets.load("mazur"), RecordOptions(frames=2, size=(400, 300), caption=True))
    band = slice(300 - recording.caption_height(300), 300)
    # the caption line holds text (dark pixels) where the plain frame has the canvas' legend or nothing
    assert (captioned[2][band] < 100).any()
    assert not np.array_equal(captioned[2][band], plain[2][band])


def test_the_default_length_is_one_iteration_of_micro_steps(qapp):
    t = presets.load("xor")
    frames = recording.record(t, RecordOptions(size=(200, 150)))
    assert len(frames) == len(t.steps) + 1 and t.cursor == 0 and t.iteration == 1


def test_a_diverging_run_keeps_the_frames_before(qapp):
    t = presets.load("sine")
    t.configure(learning_rate=1e6)
    frames = recording.record(t, RecordOptions(unit="iteration", frames=50, size=(200, 150)))
    assert t.status == "diverged"
    assert 1 <= len(frames) < 51


def test_the_whole_window_needs_the_window(qapp):
    with pytest.raises(ValueError, match="window"):
        recording.record(presets.load("mazur"), RecordOptions(show="window"))


def test_keep_colours_hold_the_diverging_scale_ends(qapp):
    keep = recording.keep_colours()
    for colour in ("#1f64ad", "#e0680f"):  # palette.NEGATIVE, palette.POSITIVE
        c = QColor(colour)
        assert ((keep == (c.red(), c.green(), c.blue())).all(axis=1)).any()
