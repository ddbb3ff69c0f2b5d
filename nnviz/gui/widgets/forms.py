"""What several dialogs share: the line that says what is wrong, OK / Cancel, and being
deleted once answered."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel

from nnviz.gui.widgets import palette

ERROR_COLOURS = ("#b00020", "#ff6b6b")  # light, dark palette


class ErrorLine(QLabel):
    """One line saying what is wrong (hidden while nothing is), selectable for copying."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)
        self._restyle()

    def _restyle(self) -> None:
        colour = ERROR_COLOURS[palette.is_dark(QApplication.palette())]
        self.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:  # not PaletteChange: the style sheet sends those
            self._restyle()

    def say(self, text: str | None) -> None:
        """Show ``text``; nothing (hidden) for an empty one."""
        self.setText(text or "")
        self.setVisible(bool(text))


def ok_cancel(dialog: QDialog, ok_text: str | None = None, on_ok=None) -> QDialogButtonBox:
    """OK (named ``ok_text``, else Qt's own) and Cancel, wired to ``on_ok`` (a check
    that accepts; default the dialog's accept) and the dialog's reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept if on_ok is None else on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def run_once(dialog: QDialog) -> int:
    """``dialog.exec()``, then the dialog is deleted (when control returns to the event
    loop, so its answer can still be read): a dialog parented to the window would
    otherwise live as long as the window, with what it loaded (a data file's table)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
