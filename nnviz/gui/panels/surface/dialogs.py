"""The surface panel's two small dialogs: the range by hand, and a fork's settings."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from nnviz.core import optimizers


class RangeDialog(QDialog):
    """Set the heat map's range by hand."""

    def __init__(self, labels: tuple[str, str], rng: tuple[float, float, float, float],
                 check: Callable[[tuple], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Surface range")
        self.check = check  # raises ValueError (one line) for a range that cannot be drawn
        form = QFormLayout(self)
        self.edits = []
        for k, text in enumerate((f"{labels[0]} from", "to", f"{labels[1]} from", "to")):
            edit = QLineEdit(f"{rng[k]:.6g}")
            edit.setValidator(QDoubleValidator(-1e6, 1e6, 12, edit))
            form.addRow(text, edit)
            self.edits.append(edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[float, float, float, float] | None:
        try:
            a0, a1, b0, b1 = (float(e.text()) for e in self.edits)
        except ValueError:
            return None
        if not all(math.isfinite(v) for v in (a0, a1, b0, b1)) or a1 <= a0 or b1 <= b0:
            return None
        return a0, a1, b0, b1

    def _check(self) -> None:
        values = self.values()
        if values is None:
            self.error.setText("Each range needs two numbers, the first smaller")
            return
        if self.check is not None:
            try:
                self.check(values)
            except ValueError as exc:
                self.error.setText(str(exc)[0].upper() + str(exc)[1:])
                return
        self.accept()


class ForkDialog(QDialog):
    """The learning rate and optimizer of a fork."""

    def __init__(self, rate: float, optimizer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fork the run")
        form = QFormLayout(self)
        form.addRow(QLabel("Train a copy of the current state alongside the main run,\n"
                           "with another learning rate or optimizer."))
        self.rate = QLineEdit(f"{rate:.4g}")
        validator = QDoubleValidator(1e-8, 1e4, 10, self.rate)
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.rate.setValidator(validator)
        self.optimizer = QComboBox()
        for name in optimizers.OPTIMIZERS:
            self.optimizer.addItem(name, name)
        self.optimizer.setCurrentIndex(max(self.optimizer.findData(optimizer), 0))
        form.addRow("Learning rate", self.rate)
        form.addRow("Optimizer", self.optimizer)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.values() is None:
            self.error.setText(f"The learning rate must be a positive number, got {self.rate.text()!r}")
            return
        self.accept()

    def values(self) -> tuple[float, str] | None:
        try:
            rate = float(self.rate.text())
        except ValueError:
            return None
        if not (math.isfinite(rate) and rate > 0):
            return None
        return rate, self.optimizer.currentData()
