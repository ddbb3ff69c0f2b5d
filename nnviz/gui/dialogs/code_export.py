"""File ▸ Export as code: the options of the script (how many iterations, how often it
prints the loss, the digits), and the one call that writes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QSpinBox, QWidget

from nnviz.core.trainer import DEFAULT_ITERATIONS
from nnviz.gui.widgets.forms import ok_cancel
from nnviz.gui.widgets.session_view import SessionView
from nnviz.io import export
from nnviz.io.files import shown_name


class ExportOptionsDialog(SessionView, QDialog):
    """The options of a ``fmt`` ('numpy' or 'torch') script for the session's run."""

    def __init__(self, session, fmt: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(f"Export as {export.FORMATS[fmt]} script")
        self.setObjectName("exportOptionsDialog")
        self.iterations = QSpinBox()
        self.iterations.setObjectName("exportIterations")
        self.iterations.setRange(1, 10_000_000)
        self.iterations.setValue(DEFAULT_ITERATIONS)
        self.iterations.setToolTip("The script trains this many iterations from the current state")
        self.print_every = QSpinBox()
        self.print_every.setObjectName("exportPrintEvery")
        self.print_every.setRange(0, 10_000_000)
        self.print_every.setValue(DEFAULT_ITERATIONS // 10)
        self.print_every.setSpecialValueText("never (only the summary)")
        self.print_every.setToolTip("The script prints the loss every so many iterations")
        self.digits = QSpinBox()
        self.digits.setObjectName("exportDigits")
        self.digits.setRange(1, 17)
        self.digits.setValue(9)
        self.digits.setToolTip("Decimal places of the numbers the script prints")
        self.note = note = QLabel()
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self._on_state_changed()
        buttons = ok_cancel(self, "Choose file…")
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow("Iterations", self.iterations)
        form.addRow("Print the loss every", self.print_every)
        form.addRow("Digits", self.digits)
        form.addRow(buttons)

    def _on_state_changed(self) -> None:
        t = self.session.trainer
        if t.cursor:
            where = (f"Iteration {t.iteration + 1} is half done: the script runs it again from its "
                     "start, with the same batch, and prints the numbers nnviz gets by finishing it.")
        else:
            where = f"The script starts after iteration {t.iteration}, from the network as it is now."
        self.note.setText(where + " It ends with the summary that nnviz train prints for the same run.")

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
    extra = f", data in {shown_name(written[0])}" if len(written) > 1 else ""
    return (f"Exported {shown_name(target)} ({export.FORMATS[fmt]}, {plan.iterations} iterations from iteration "
            f"{plan.iteration}{extra}): run it with python {shown_name(target)}")
