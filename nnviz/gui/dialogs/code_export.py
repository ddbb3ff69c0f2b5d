"""File ▸ Export as code: the options of the script (how many iterations, how often it
prints the loss, the digits), and the one call that writes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QSpinBox, QWidget

from nnviz.core.trainer import DEFAULT_ITERATIONS
from nnviz.core.words import T_, fill
from nnviz.gui.widgets.forms import ok_cancel
from nnviz.gui.widgets.session_view import SessionView
from nnviz.io import export
from nnviz.io.files import shown_name


class ExportOptionsDialog(SessionView, QDialog):
    """The options of a ``fmt`` ('numpy' or 'torch') script for the session's run."""

    def __init__(self, session, fmt: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(fill(self.tr("Export as %1 script"), export.FORMATS[fmt]))
        self.setObjectName("exportOptionsDialog")
        self.iterations = QSpinBox()
        self.iterations.setObjectName("exportIterations")
        self.iterations.setRange(1, 10_000_000)
        self.iterations.setValue(DEFAULT_ITERATIONS)
        self.iterations.setToolTip(self.tr("The script trains this many iterations from the current state"))
        self.print_every = QSpinBox()
        self.print_every.setObjectName("exportPrintEvery")
        self.print_every.setRange(0, 10_000_000)
        self.print_every.setValue(DEFAULT_ITERATIONS // 10)
        self.print_every.setSpecialValueText(self.tr("never (only the summary)"))
        self.print_every.setToolTip(self.tr("The script prints the loss every so many iterations"))
        self.digits = QSpinBox()
        self.digits.setObjectName("exportDigits")
        self.digits.setRange(1, 17)
        self.digits.setValue(9)
        self.digits.setToolTip(self.tr("Decimal places of the numbers the script prints"))
        self.note = note = QLabel()
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self._on_state_changed()
        buttons = ok_cancel(self, self.tr("Choose file…"))
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Iterations"), self.iterations)
        form.addRow(self.tr("Print the loss every"), self.print_every)
        form.addRow(self.tr("Digits"), self.digits)
        form.addRow(buttons)

    def _on_state_changed(self) -> None:
        t = self.session.trainer
        if t.cursor:
            where = fill(self.tr("Iteration %1 is half done: the script runs it again from its start, with the "
                                 "same batch, and prints the numbers nnviz gets by finishing it."), t.iteration + 1)
        else:
            where = fill(self.tr("The script starts after iteration %1, from the network as it is now."), t.iteration)
        self.note.setText(fill(self.tr("%1 It ends with the summary that nnviz train prints for the same run."), where))

    def options(self) -> dict:
        return {"iterations": self.iterations.value(), "print_every": self.print_every.value(),
                "digits": self.digits.value()}


def check(session, fmt: str, options: dict) -> export.Plan:
    """The plan of the script of the session's run; raises ExportError for what cannot
    be exported (before a file is chosen)."""
    plan = export.make_plan(session.trainer, options["iterations"], digits=options["digits"],
                            print_every=options["print_every"])
    export.script(plan, fmt)
    return plan


def write(plan: export.Plan, fmt: str, path: str) -> str:
    """Write the script (``.py`` added when missing); the status-bar line that says so."""
    target = Path(path if path.lower().endswith(".py") else path + ".py")
    written = export.write(plan, fmt, target)
    name, kind = shown_name(target), export.FORMATS[fmt]
    if len(written) > 1:
        return T_("code_export", "Exported %1 (%2, %3 iterations from iteration %4, data in %5): run it with python %1",
                  name, kind, plan.iterations, plan.iteration, shown_name(written[0]))
    return T_("code_export", "Exported %1 (%2, %3 iterations from iteration %4): run it with python %1",
              name, kind, plan.iterations, plan.iteration)
