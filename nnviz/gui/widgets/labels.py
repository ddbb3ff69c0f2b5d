"""Labels shared by the panels."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy


def wrapping_label(object_name: str, tip: str = "") -> QLabel:
    """A label for a line of status text: it wraps, and never widens its panel."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setToolTip(tip)
    return label
