"""Drawings as SVG, with their text kept as text: one QPainter session on Qt's SVG
generator, in memory (the caller writes the bytes with the one atomic writer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter


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
        raise OSError(f"could not draw {title} as SVG")
    try:
        draw(p)
    finally:
        p.end()
    return bytes(buffer.data())
