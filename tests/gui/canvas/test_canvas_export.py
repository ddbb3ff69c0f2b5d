"""Exports of the canvas: any format Qt can write, chosen by the file name, or SVG; an
unknown ending is refused with one line and nothing is written."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageReader

from nnviz.gui.canvas.export import check_format, image_formats
from nnviz.gui.canvas.scene import LEVELS, bin_color
from nnviz.gui.widgets import palette


def test_render_image_is_independent_of_the_zoom(canvas):
    a = canvas.render_image(800, 600)
    canvas.zoom_by(3.0)
    b = canvas.render_image(800, 600)
    assert a == b
    with pytest.raises(ValueError):
        canvas.render_image(800, 600, show="nonsense")


def test_export_png_and_svg(canvas, tmp_path, pixels):
    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    canvas.export_image(str(png), 900, 600)
    img = QImage(str(png))
    assert (img.width(), img.height()) == (900, 600)
    assert png.stat().st_size < 900 * 600 * 4 / 5  # compressed: flat colours take far less than raw pixels
    assert 10 <= pixels.hue_near(img, canvas.edge_midpoint("w5", (900, 600))).hsvHue() <= 45  # w5 = 0.4: orange
    canvas.export_image(str(svg), 900, 600)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and 'viewBox="0 0 900 600"' in text
    assert "Ready" in text and ">w5 0.4<" in text  # the caption and w5's label, as text
    bg = palette.canvas_background(canvas.palette())
    k = int(np.rint(0.4 / 0.6 * LEVELS))  # w5 on the weights' scale of 0.6
    assert bin_color(k, bg).name() in text  # w5's stroke colour


@pytest.mark.parametrize("name, fmt", [("net.jpg", b"jpeg"), ("NET.JPEG", b"jpeg"), ("net.webp", b"webp"),
                                       ("net.tif", b"tiff"), ("net.bmp", b"bmp")])
def test_the_ending_picks_the_format(canvas, tmp_path, pixels, name, fmt):
    out = tmp_path / name
    canvas.export_image(str(out), 600, 400)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # not net.jpg.png
    assert bytes(QImageReader(str(out)).format()) == fmt  # what the file holds, read from its bytes
    img = QImage(str(out))
    assert (img.width(), img.height()) == (600, 400)
    assert 10 <= pixels.hue_near(img, canvas.edge_midpoint("w5", (600, 400))).hsvHue() <= 45


@pytest.mark.parametrize("name", ["net.foo", "net", "net.png.txt"])
def test_an_unknown_ending_is_refused_with_one_line(canvas, tmp_path, name):
    with pytest.raises(ValueError) as info:
        canvas.export_image(str(tmp_path / name), 300, 200)
    message = str(info.value)
    assert "\n" not in message and name in message and ".png" in message and ".jpg" in message
    assert list(tmp_path.iterdir()) == []


def test_the_formats_are_what_qt_can_write_and_svg():
    formats = image_formats()
    assert {"png", "jpg", "jpeg", "svg"} <= set(formats)
    assert check_format("a/b/Net.PNG") == "png" and check_format("x.svg") == "svg"


def test_export_to_a_missing_folder_raises_oserror(canvas, tmp_path):
    with pytest.raises(OSError):
        canvas.export_image(str(tmp_path / "missing" / "net.png"), 300, 200)


# ------------------------------------------------------------------ atomic
@pytest.fixture
def previous(tmp_path):
    """An earlier export that must survive a failed one."""
    def make(name: str) -> tuple:
        path = tmp_path / name
        path.write_bytes(b"the previous picture")
        return path, b"the previous picture"

    return make


@pytest.mark.parametrize("name", ["net.svg", "net.png"])
def test_an_export_interrupted_while_drawing_leaves_the_previous_file(canvas, previous, monkeypatch, name):
    path, before = previous(name)
    drawn = []

    def interrupted(p, rect, **kw):
        p.fillRect(rect, canvas.palette().base())  # part of the picture is drawn, then ...
        drawn.append(rect)
        raise KeyboardInterrupt

    monkeypatch.setattr(canvas, "paint", interrupted)
    with pytest.raises(KeyboardInterrupt):
        canvas.export_image(str(path), 400, 300)
    assert drawn and path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [name]  # no half-written file beside it


def test_a_failed_write_leaves_the_previous_file(canvas, previous, monkeypatch):
    path, before = previous("net.jpg")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", refuse)  # the last step of the writer: renaming into place
    with pytest.raises(OSError, match="cannot write .*net.jpg"):
        canvas.export_image(str(path), 400, 300)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["net.jpg"]


def test_an_export_replaces_the_previous_file_whole(canvas, previous):
    path, before = previous("net.png")
    canvas.export_image(str(path), 400, 300)
    assert QImage(str(path)).width() == 400
