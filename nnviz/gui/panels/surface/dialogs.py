"""The surface panel's two small dialogs: the range by hand, and a fork's settings."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QSpinBox, QWidget)

from nnviz.core import optimizers
from nnviz.core.words import fill
from nnviz.gui.widgets.forms import ErrorLine, ok_cancel


class RangeDialog(QDialog):
    """Set the heat map's range by hand."""

    def __init__(self, labels: tuple[str, str], rng: tuple[float, float, float, float],
                 check: Callable[[tuple], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Surface range"))
        self.check = check  # raises ValueError (one line) for a range that cannot be drawn
        form = QFormLayout(self)
        self.edits = []
        for k, text in enumerate((fill(self.tr("%1 from"), labels[0]), self.tr("to"), fill(self.tr("%1 from"), labels[1]),
                                  self.tr("to"))):
            edit = QLineEdit(f"{rng[k]:.6g}")
            edit.setValidator(QDoubleValidator(-1e6, 1e6, 12, edit))
            form.addRow(text, edit)
            self.edits.append(edit)
        self.error = ErrorLine("rangeError")
        form.addRow(self.error)
        form.addRow(ok_cancel(self, on_ok=self._check))

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
            self.error.say(self.tr("Each range needs two numbers, the first smaller"))
            return
        if self.check is not None:
            try:
                self.check(values)
            except ValueError as exc:
                self.error.say(str(exc)[0].upper() + str(exc)[1:])
                return
        self.accept()


class ForkDialog(QDialog):
    """The learning rate, optimizer, batch mode and loss of a fork (the last two: the main
    run's unless changed)."""

    SAME = "same"

    def __init__(self, rate: float, optimizer: str, parent: QWidget | None = None, *,
                 n_samples: int = 1, losses_allowed: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fork the run"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Train a copy of the current state alongside the main run,\n"
                                   "with another learning rate, optimizer, batch mode or loss.")))
        self.rate = QLineEdit(f"{rate:.4g}")
        validator = QDoubleValidator(1e-8, 1e4, 10, self.rate)
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.rate.setValidator(validator)
        self.optimizer = QComboBox()
        for name in optimizers.OPTIMIZERS:
            self.optimizer.addItem(name, name)
        self.optimizer.setCurrentIndex(max(self.optimizer.findData(optimizer), 0))
        self.batch = QComboBox()
        self.batch.setObjectName("forkBatch")
        for text, key in ((self.tr("as the main run"), self.SAME), (self.tr("full batch"), "full"),
                          (self.tr("online (one sample)"), "online"), (self.tr("mini-batch"), "mini")):
            self.batch.addItem(text, key)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, max(n_samples, 1))
        self.batch_size.setValue(max(1, min(n_samples, 8)))
        self.batch_size.setPrefix("N = ")
        self.batch_size.setEnabled(False)
        self.batch.currentIndexChanged.connect(lambda _: self.batch_size.setEnabled(self.batch.currentData() == "mini"))
        batch_row = QHBoxLayout()
        batch_row.addWidget(self.batch, 1)
        batch_row.addWidget(self.batch_size)
        self.loss = QComboBox()
        self.loss.setObjectName("forkLoss")
        self.loss.addItem(self.tr("as the main run"), self.SAME)
        for name in losses_allowed:
            self.loss.addItem(name, name)
        form.addRow(self.tr("Learning rate"), self.rate)
        form.addRow(self.tr("Optimizer"), self.optimizer)
        form.addRow(self.tr("Batch"), batch_row)
        form.addRow(self.tr("Loss"), self.loss)
        self.error = ErrorLine("forkError")
        form.addRow(self.error)
        form.addRow(ok_cancel(self, on_ok=self._check))

    def _check(self) -> None:
        if self.values() is None:
            self.error.say(fill(self.tr("The learning rate must be a positive number, got %1"), repr(self.rate.text())))
            return
        self.accept()

    def values(self) -> tuple[float, str, str | int | None, str | None] | None:
        """(rate, optimizer, batch, loss); batch and loss None where the main run's stay."""
        try:
            rate = float(self.rate.text())
        except ValueError:
            return None
        if not (math.isfinite(rate) and rate > 0):
            return None
        batch = self.batch.currentData()
        batch = None if batch == self.SAME else self.batch_size.value() if batch == "mini" else batch
        loss = self.loss.currentData()
        return rate, self.optimizer.currentData(), batch, None if loss == self.SAME else loss
