"""Modal dialogs the window opens for one answer."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_once(dialog: QDialog) -> int:
    """``dialog.exec()``, then the dialog is deleted (when control returns to the event
    loop, so its answer can still be read): a dialog parented to the window would
    otherwise live as long as the window, with what it loaded (a data file's table)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
