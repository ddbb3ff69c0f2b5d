"""``render_to_file``: a picture of a network without a window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QImageReader

from nnviz.core import presets
from nnviz.gui.render import render_to_file


def test_png_has_the_requested_size(qapp, tmp_path):
    out = tmp_path / "mazur.png"
    render_to_file(presets.load("mazur"), str(out), size=(640, 480))
    img = QImage(str(out))
    assert not img.isNull()
    assert (img.width(), img.height()) == (640, 480)


def test_svg_is_written(qapp, tmp_path):
    out = tmp_path / "mazur.svg"
    render_to_file(presets.load("xor"), str(out))
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and 'viewBox="0 0 1200 800"' in text


def test_uppercase_extension_is_accepted(qapp, tmp_path):
    out = tmp_path / "net.PNG"
    render_to_file(presets.load("mazur"), str(out), size=(300, 200))
    assert QImage(str(out)).width() == 300


def test_jpeg_is_written_by_its_ending(qapp, tmp_path):
    out = tmp_path / "net.jpg"
    render_to_file(presets.load("mazur"), str(out), size=(300, 200))
    assert [p.name for p in tmp_path.iterdir()] == ["net.jpg"]
    assert bytes(QImageReader(str(out)).format()) == b"jpeg"


def test_other_extensions_are_refused(qapp, tmp_path):
    with pytest.raises(ValueError, match=r"net\.foo: the name must end in .*\.png"):
        render_to_file(presets.load("mazur"), str(tmp_path / "net.foo"))
    assert list(tmp_path.iterdir()) == []


def test_bad_show_is_refused(qapp, tmp_path):
    with pytest.raises(ValueError, match="show"):
        render_to_file(presets.load("mazur"), str(tmp_path / "net.png"), show="errors")


def test_gradients_step_a_fresh_trainer_through_forward_loss_and_backward(qapp, tmp_path):
    t = presets.load("mazur")
    render_to_file(t, str(tmp_path / "g.png"), show="gradients")
    L = t.network.n_layers
    assert t.cursor == 2 * L + 1  # stands before the first update
    assert all(g is not None for g in t.values.grad_W)
    assert t.network.get("W2[0,0]") == 0.4  # no update ran


def test_updates_run_one_whole_iteration(qapp, tmp_path):
    t = presets.load("mazur")
    render_to_file(t, str(tmp_path / "u.png"), show="updates")
    assert t.iteration == 1 and t.cursor == 0
    assert t.network.get("W2[0,0]") == pytest.approx(0.35891648)


def test_trainer_with_values_is_not_stepped(qapp, tmp_path):
    t = presets.load("mazur")
    t.step("iteration")
    render_to_file(t, str(tmp_path / "g.png"), show="gradients")
    render_to_file(t, str(tmp_path / "u.png"), show="updates")
    assert t.iteration == 1 and t.cursor == 0


def test_the_trainer_is_left_without_listeners(qapp, tmp_path):
    t = presets.load("mazur")
    before = len(t.weights_changed), len(t.settings_changed), len(t.status_changed)
    render_to_file(t, str(tmp_path / "x.png"), size=(200, 150))
    assert (len(t.weights_changed), len(t.settings_changed), len(t.status_changed)) == before


def test_unwritable_place_raises_oserror(qapp, tmp_path):
    with pytest.raises(OSError):
        render_to_file(presets.load("mazur"), str(tmp_path / "missing" / "x.png"), size=(200, 150))
