"""Every number field the window takes, typed into as a hostile user would (issue 12's
class "numeric extremes"): NaN, infinities, 1e308, -0, huge integers, subnormals, empty
and garbage text, each followed by Return and, in a dialog, OK. Nothing raises (pytest-qt
fails the test on an exception in a slot), nothing warns, a field never holds a number
outside its range, every number the trainer keeps stays finite, and what a dialog
refuses it says in one line."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit,
                               QWidget)

from nnviz.gui.dialogs.code_export import ExportOptionsDialog
from nnviz.gui.dialogs.data_dialog import DataDialog
from nnviz.gui.dialogs.network_editor import NetworkEditor
from nnviz.gui.dialogs.record_dialog import RecordDialog
from nnviz.gui.dialogs.sweep_dialog import SweepDialog
from nnviz.gui.panels.surface.dialogs import ForkDialog, RangeDialog
from nnviz.gui.panels.surface.grids import check_range

HOSTILE = ["nan", "NaN", "inf", "-inf", "1e308", "-1e308", "1e309", "-0", "0", "99999999999999999999999",
           "1e-320", "5e-324", "", " ", "abc", "1e", "-", "0x10", "1,5", "-1"]


def number_fields(root: QWidget) -> list[QWidget]:
    """The spin boxes and the line edits (not a spin box's or a combo box's own) of ``root``."""
    found = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QAbstractSpinBox) or (
                isinstance(w, QLineEdit) and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))):
            found.append(w)
    return found


def type_text(qtbot, field: QWidget, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def check_field(field: QWidget) -> None:
    if isinstance(field, QAbstractSpinBox) and hasattr(field, "value"):
        v = field.value()
        assert math.isfinite(v) and field.minimum() <= v <= field.maximum(), (field.objectName(), v)


def check_trainer(session) -> None:
    t = session.trainer
    for a in list(t.network.weights) + list(t.network.biases):
        assert np.isfinite(a).all()
    assert math.isfinite(t.learning_rate) and t.learning_rate > 0


def one_line_texts(root: QWidget) -> None:
    """What a dialog says about a refused value (its red error label) is one line."""
    for label in root.findChildren(QLabel):
        if label.objectName().lower().endswith("error") or "c62828" in label.styleSheet():
            assert "\n" not in label.text(), label.text()


def hammer(qtbot, root: QWidget, session, ok=None) -> None:
    """Every hostile text into every number field of ``root``, then OK when given."""
    for field in number_fields(root):
        for text in HOSTILE:
            if not field.isEnabled():
                break
            type_text(qtbot, field, text)
            check_field(field)
            if ok is not None:
                ok()
            check_trainer(session)
            one_line_texts(root)


def press_ok(dialog: QDialog):
    def ok():
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()
        dialog.setResult(0)  # opened again for the next value
    return ok


@pytest.fixture
def no_exec(monkeypatch):
    """A dialog's exec answers Cancel at once (a dialog OK opens stays closed)."""
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)


def test_the_panels_number_fields(qtbot, window, no_exec):
    s = window.session
    s.step("iteration")
    for root in (window.controls, window.training_panel, window.surface_panel, window.compare_panel,
                 window.graph_panel, window.canvas_panel):
        hammer(qtbot, root, s)
    box = window.controls.learning_rate.box
    assert float(box.text()) == pytest.approx(s.trainer.learning_rate, rel=1e-3)  # refused text is put back


@pytest.mark.parametrize("make", [
    lambda s, p: DataDialog(s, p), lambda s, p: NetworkEditor(s, p), lambda s, p: SweepDialog(s, p),
    lambda s, p: RecordDialog("/nonexistent-folder/r.gif", p),
    lambda s, p: ExportOptionsDialog(s, "numpy", p),
    lambda s, p: RangeDialog(("w5", "w6"), (0.0, 1.0, 0.0, 1.0), check_range, p),
    lambda s, p: ForkDialog(0.5, "sgd", p, n_samples=4, losses_allowed=("mse",)),
], ids=["data", "network editor", "sweep", "record", "export code", "surface range", "fork"])
def test_the_dialogs_number_fields_then_ok(qtbot, window, no_exec, make):
    s = window.session
    dialog = make(s, window)
    qtbot.addWidget(dialog)
    if isinstance(dialog, SweepDialog):
        def run_and_cancel():  # its Run; a run that starts is cancelled at once
            if dialog.run():
                dialog.cancel()
                qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
        hammer(qtbot, dialog, s, run_and_cancel)
        return
    hammer(qtbot, dialog, s, press_ok(dialog))
    if isinstance(dialog, RangeDialog):
        assert dialog.values() is None or check_range(dialog.values())
    if isinstance(dialog, ForkDialog) and dialog.values() is not None:
        rate = dialog.values()[0]
        assert math.isfinite(rate) and rate > 0
