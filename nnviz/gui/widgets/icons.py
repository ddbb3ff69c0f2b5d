"""Icons drawn from the SVG files in resources/icons, tinted with the palette's text colour
so that they read in light and dark themes and stay crisp on high-DPI screens."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication


def _svg_text(name: str) -> str:
    return (files("nnviz.resources") / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _icon(name: str, colour: str) -> QIcon:
    data = QByteArray(_svg_text(name).replace("#000000", colour).encode())
    renderer = QSvgRenderer(data)
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    colour = QApplication.palette().color(QPalette.ColorRole.ButtonText).name()
    return _icon(name, colour)
