"""Pictures of the canvas at a chosen size: an image in any format Qt can write (PNG,
JPEG, WebP, TIFF, BMP, ...), chosen by the file name's ending, or a drawing (SVG).

An export is fitted to its own size, independent of the widget's zoom; larger than
1200 x 800 it scales text and lines up, so that it looks like the window. It is drawn
and encoded in memory, then written by the one atomic writer: a failed or interrupted
export leaves the previous file as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QImageWriter, QPainter

from nnviz.core.words import T_
from nnviz.gui.widgets import pictures
from nnviz.io.files import FileError, shown_name, write_atomic


def image_formats() -> list[str]:
    """The file name endings an export can write (without the dot): Qt's image writers
    and svg."""
    return sorted({bytes(f).decode().lower() for f in QImageWriter.supportedImageFormats()} | {"svg"})


def check_format(path: str | Path) -> str:
    """The format of an export to ``path``, from its ending (``png``, ``jpg``, ``svg``,
    ...); ValueError with one line naming the endings that work for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    formats = image_formats()
    if suffix not in formats:
        endings = ", ".join("." + f for f in formats)
        raise ValueError(T_("export", "cannot export to %1: the name must end in %2 (got '.%3')", shown_name(path),
                            endings, suffix) if suffix else
                         T_("export", "cannot export to %1: the name must end in %2 (got no ending)",
                            shown_name(path), endings))
    return suffix


def ui_scale(width: int, height: int) -> float:
    """How much an export of ``width`` x ``height`` scales text and lines."""
    return max(1.0, min(width / 1200.0, height / 800.0))


def _check_size(width, height) -> tuple[int, int]:
    width, height = int(width), int(height)
    if width < 1 or height < 1:
        raise ValueError(T_("export", "image size must be positive, got %1 x %2", width, height))
    return width, height


def render_image(canvas, width: int, height: int, show: str | None = None) -> QImage:
    """``canvas``'s scene fitted into a ``width`` x ``height`` image with caption and
    legend; ``show`` forces weights, gradients or updates for every layer."""
    width, height = _check_size(width, height)
    ui = ui_scale(width, height)
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(ui)
    p = QPainter(img)
    canvas.paint(p, QRectF(0, 0, width / ui, height / ui), show=show)
    p.end()
    img.setDevicePixelRatio(1.0)
    return img


def image_bytes(canvas, fmt: str, width: int, height: int, show: str | None = None) -> bytes:
    """The picture encoded as ``fmt`` (a Qt image format such as ``png`` or ``jpg``)."""
    return pictures.encode(render_image(canvas, width, height, show), fmt)


def svg_bytes(canvas, width: int, height: int, show: str | None = None) -> bytes:
    """The picture as an SVG drawing."""
    width, height = _check_size(width, height)
    sizes = "-".join(map(str, canvas.session.trainer.network.sizes))
    ui = ui_scale(width, height)

    def draw(p: QPainter) -> None:
        p.scale(ui, ui)
        canvas.paint(p, QRectF(0, 0, width / ui, height / ui), show=show)

    return pictures.svg_bytes(width, height, "nnviz network", f"{sizes} network drawn by nnviz", draw)


def export(canvas, path: str | Path, width: int, height: int, show: str | None = None) -> None:
    """Write ``canvas``'s picture to ``path`` in the format its name ends with, whole or
    not at all. Raises ValueError for an unknown ending or a bad size, OSError when it
    cannot be written."""
    fmt = check_format(path)
    if fmt == "svg":
        data = svg_bytes(canvas, width, height, show)
    else:
        data = image_bytes(canvas, fmt, width, height, show)
    try:
        write_atomic(Path(path), data)
    except FileError as exc:
        raise OSError(str(exc)) from None
