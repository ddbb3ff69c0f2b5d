"""The learning-rate control: a logarithmic slider from 1e-4 to 10 with a number box kept
in step with it and with the Trainer, both ways."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QSlider, QStyle, QStyleOptionSlider,
                               QWidget)

from nnviz.gui.widgets.session_view import SessionView

LOW, HIGH = 1e-4, 10.0
STEPS = 1000  # slider positions


def position_to_value(position: int) -> float:
    """Slider position -> learning rate, rounded to 3 significant digits."""
    exponent = math.log10(LOW) + (math.log10(HIGH) - math.log10(LOW)) * position / STEPS
    value = 10.0 ** exponent
    return float(f"{value:.3g}")


def value_to_position(value: float) -> int:
    value = min(max(value, LOW), HIGH)
    fraction = (math.log10(value) - math.log10(LOW)) / (math.log10(HIGH) - math.log10(LOW))
    return round(fraction * STEPS)


def format_rate(value: float) -> str:
    return f"{value:.4g}"


STABILITY_COLOURS = ("#c62828", "#ff7373")  # (light, dark palette)


class StabilityMark(QWidget):
    """A mark painted over a slider at the critical learning rate 2/λmax: a tick across
    the groove and a small triangle under it (an arrow at the right end when the rate
    lies beyond the slider). Transparent to the mouse, so the slider works as before."""

    def __init__(self, slider: QSlider) -> None:
        super().__init__(slider)
        self.slider = slider
        self.rate: float | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(slider.rect())
        self.setVisible(False)
        slider.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.slider and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.slider.rect())
        return False

    def set_rate(self, rate: float | None) -> None:
        self.rate = rate if rate is not None and math.isfinite(rate) and rate > 0 else None
        self.setVisible(self.rate is not None)
        self.update()

    def x_for(self, position: int) -> float:
        """The x coordinate of a slider position (the handle's centre there)."""
        s = self.slider
        opt = QStyleOptionSlider()
        s.initStyleOption(opt)
        style = s.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, s)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, s)
        span = groove.width() - handle.width()
        return groove.x() + handle.width() / 2 + span * (position - s.minimum()) / max(s.maximum() - s.minimum(), 1)

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.rate is None:
            return
        dark = self.palette().color(self.palette().ColorRole.Window).lightness() < 128
        colour = QColor(STABILITY_COLOURS[dark])
        beyond = self.rate > HIGH
        x = self.x_for(value_to_position(self.rate))
        h = self.height()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(colour, 2))
        if not beyond and self.rate >= LOW:
            p.drawLine(QPointF(x, h / 2 - 6), QPointF(x, h / 2 + 6))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        if beyond:  # points right: the critical rate lies past the slider's end
            tri = QPolygonF([QPointF(x + 5, h - 4), QPointF(x - 1, h - 8), QPointF(x - 1, h)])
        else:
            tri = QPolygonF([QPointF(x, h - 7), QPointF(x - 4.5, h), QPointF(x + 4.5, h)])
        p.drawPolygon(tri)
        p.end()


class LearningRateControl(SessionView, QWidget):
    """Writes to the Trainer through the Session; follows the Trainer's setting."""

    previewed = Signal(float)  # the rate under the slider while it is dragged

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("learningRateControl")
        title = QLabel("Learning rate")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, STEPS)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(100)
        self.slider.setMinimumWidth(220)
        self.slider.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.slider.setToolTip("Learning rate on a logarithmic scale; the new rate applies from the next update")
        self.box = QLineEdit()
        self.box.setMaximumWidth(90)
        self.box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # arrow keys and Space step the network
        self.box.setToolTip(f"Type a learning rate between {LOW:g} and {HIGH:g}, then Enter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(QLabel(f"{LOW:g}"))
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel(f"{HIGH:g}"))
        layout.addWidget(self.box)

        self._slider_tip = self.slider.toolTip()
        self.stability_mark = StabilityMark(self.slider)

        self.slider.valueChanged.connect(self._on_slider_moved)
        self.box.editingFinished.connect(self._on_box_edited)
        self._on_trainer_replaced()

    def set_stability_mark(self, rate: float | None, tip: str = "") -> None:
        """Mark the critical learning rate on the slider (None removes the mark)."""
        self.stability_mark.set_rate(rate)
        if self.stability_mark.rate is None:
            self.slider.setToolTip(self._slider_tip)
            return
        where = (f"beyond the slider's end ({HIGH:g}), arrow at the right" if rate > HIGH
                 else "red tick")
        text = tip or f"Critical learning rate 2/λmax ≈ {rate:.3g}"
        self.slider.setToolTip(f"{self._slider_tip}\n{text} ({where})")

    @property
    def stability_rate(self) -> float | None:
        return self.stability_mark.rate

    @property
    def value(self) -> float:
        return self.session.trainer.learning_rate

    def _show(self, value: float) -> None:
        for widget in (self.slider, self.box):
            widget.blockSignals(True)
        self.slider.setValue(value_to_position(value))
        self.box.setText(format_rate(value))
        for widget in (self.slider, self.box):
            widget.blockSignals(False)

    def _on_trainer_replaced(self) -> None:
        self._show(self.session.trainer.learning_rate)

    def _on_settings_changed(self, name: str) -> None:
        if name == "learning_rate":
            self._show(self.session.trainer.learning_rate)

    def _on_slider_moved(self, position: int) -> None:
        value = position_to_value(position)
        self.previewed.emit(value)
        self.session.set_learning_rate(value)

    def _on_box_edited(self) -> None:
        text = self.box.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (LOW <= value <= HIGH):
            self.session.notify(f"Learning rate: expected a number from {LOW:g} to {HIGH:g}, got {text!r}")
            self._show(self.session.trainer.learning_rate)
            return
        self.session.set_learning_rate(value)
