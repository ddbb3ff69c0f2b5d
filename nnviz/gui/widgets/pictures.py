"""Pictures as bytes, in memory (the caller writes them with the one atomic writer): an
image encoded in a format Qt can write, and a drawing as SVG with its text kept as text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QPainter

from nnviz.core.words import T_

LOSSY = ("jpg", "jpeg", "jfif", "webp")  # encoded at quality 95 (for PNG "quality" would turn compression down)


def encode(image: QImage, fmt: str) -> bytes:
    """``image`` in the format ``fmt`` (``png``, ``jpg``, ...); OSError when Qt cannot."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt.upper(), 95 if fmt.lower() in LOSSY else -1):
        raise OSError(T_("pictures", "could not encode the picture as %1", fmt.upper()))
    return bytes(buffer.data())


def svg_bytes(width: int, height: int, title: str, description: str, draw: Callable[[QPainter], None]) -> bytes:
    """What ``draw(painter)`` paints on a ``width`` x ``height`` drawing, as SVG.
    Raises OSError when Qt cannot draw it."""
    from PySide6.QtSvg import QSvgGenerator  # imported when first needed: start-up need not wait

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(width, height))
    gen.setViewBox(QRect(0, 0, width, height))
    gen.setTitle(title)
    gen.setDescription(description)
    p = QPainter()
    if not p.begin(gen):
        raise OSError(T_("pictures", "could not draw %1 as SVG", title))
    try:
        draw(p)
    finally:
        p.end()
    return bytes(buffer.data())
