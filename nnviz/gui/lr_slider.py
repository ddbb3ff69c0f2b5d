"""The learning-rate control: a logarithmic slider from 1e-4 to 10 with a number box kept
in step with it and with the Trainer, both ways."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSlider, QWidget

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


class LearningRateControl(QWidget):
    """Writes to the Trainer through the Session; follows the Trainer's setting."""

    previewed = Signal(float)  # the rate under the slider while it is dragged

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
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
        validator = QDoubleValidator(LOW, HIGH, 10, self.box)
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.box.setValidator(validator)
        self.box.setToolTip(f"Type a learning rate between {LOW:g} and {HIGH:g}, then Enter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(QLabel(f"{LOW:g}"))
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel(f"{HIGH:g}"))
        layout.addWidget(self.box)

        self.slider.valueChanged.connect(self._on_slider_moved)
        self.box.editingFinished.connect(self._on_box_edited)
        session.settingsChanged.connect(self._on_settings_changed)
        session.trainerReplaced.connect(self._on_trainer_replaced)
        self._on_trainer_replaced()

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
            self.session.message.emit(f"Learning rate: expected a number from {LOW:g} to {HIGH:g}, got {text!r}")
            self._show(self.session.trainer.learning_rate)
            return
        self.session.set_learning_rate(value)
