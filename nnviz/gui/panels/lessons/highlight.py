"""Pointing at a control: a frame in the highlight colour drawn over a widget of the
window, following it as it moves, until it is cleared."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from nnviz.gui.widgets import palette as pal

MARGIN = 4  # pixels around the control
WIDTH = 3  # of the frame's line


class Highlight(QWidget):
    """A transparent overlay on ``window`` (mouse clicks pass through it)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lessonHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.target: QWidget | None = None
        self._watching: list[QObject] = []
        self.hide()

    def point_at(self, target: QWidget | None) -> None:
        """Frame ``target`` (None: nothing)."""
        for obj in self._watching:
            obj.removeEventFilter(self)
        self._watching = []
        self.target = target
        if target is None:
            self.hide()
            return
        w: QWidget | None = target
        while w is not None and w is not self.parentWidget():
            w.installEventFilter(self)
            self._watching.append(w)
            w = w.parentWidget()
        self.parentWidget().installEventFilter(self)
        self._watching.append(self.parentWidget())
        self.follow()

    def follow(self) -> None:
        t = self.target
        if t is None or not t.isVisible():
            self.hide()
            return
        top_left = t.mapTo(self.parentWidget(), t.rect().topLeft())
        rect = QRect(top_left, t.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.setGeometry(rect.intersected(self.parentWidget().rect()))
        self.show()
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide,
                            QEvent.Type.LayoutRequest):
            self.follow()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(pal.HIGHLIGHT if not pal.is_dark(self.palette()) else "#ff5cad")
        fill = QColor(colour)
        fill.setAlpha(28)
        p.setBrush(fill)
        p.setPen(QPen(colour, WIDTH))
        half = WIDTH / 2
        p.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 6, 6)
