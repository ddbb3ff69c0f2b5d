"""What a widget shows, for the tests that check a view in Chinese: every visible text
(labels, buttons, group titles, tooltips, combo items, spin box words, window titles,
plot axis labels), and whether a text is still the English source."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDoubleSpinBox, QGroupBox, QLabel,
                               QLineEdit, QSpinBox, QWidget)

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<[^>]+>|&nbsp;|&[a-z]+;")
# words that stay as they are in any language: identifiers, names, units, formulas
KEPT = {
    "sigmoid", "tanh", "relu", "linear", "softmax", "uniform", "normal", "xavier", "he", "zeros", "large",
    "mse", "half_sse", "cross_entropy", "sgd", "momentum", "adagrad", "adam", "nnviz", "train", "python",
    "NumPy", "PyTorch", "px", "fps", "dE", "dw", "dnet", "net", "out", "pi", "sin", "gif", "mp4", "csv", "txt",
    "dat", "tsv", "npz", "py", "min", "max", "in", "Xavier", "Glorot", "He", "std", "GIF", "MP4", "CSV",
}


def is_english(text: str, kept: set[str] = frozenset()) -> bool:
    """True when ``text`` has no Chinese but English words (not identifiers or names)."""
    text = TAG.sub(" ", text)
    if CJK.search(text):
        return False
    return any(w not in KEPT and w not in kept for w in WORD.findall(text))


def texts(root: QWidget, combos: bool = True) -> list[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show."""
    out = [("window title", root.windowTitle()), ("tooltip", root.toolTip())]
    for w in [root] + root.findChildren(QWidget):
        out.append((f"{type(w).__name__} tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            out.append(("label", w.text()))
        elif isinstance(w, QAbstractButton):
            out.append(("button", w.text()))
        elif isinstance(w, QGroupBox):
            out.append(("group", w.title()))
        elif isinstance(w, QLineEdit):
            out.append(("placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out.append(("placeholder", w.placeholderText()))
            for i in range(w.count()) if combos else ():
                out.append(("combo item", w.itemText(i)))
                out.append(("combo item tooltip", str(w.itemData(i, 3) or "")))  # Qt.ToolTipRole
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            out.append(("spin suffix", w.suffix()))
            out.append(("spin special", w.specialValueText()))
    return [(where, t) for where, t in out if t]


def english_left(root: QWidget, kept: set[str] = frozenset(), combos: bool = True) -> list[tuple[str, str]]:
    """The texts of ``root`` that are still English."""
    return [(where, t) for where, t in texts(root, combos) if is_english(t, kept)]


def clipped(root: QWidget) -> list[str]:
    """The visible labels and buttons of ``root`` narrower than their text (or, wrapped,
    shorter than the lines they need)."""
    out = []
    for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not w.isVisible() or not w.text():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            if w.hasHeightForWidth() and w.height() < w.heightForWidth(w.width()) - 1:
                out.append(w.text())
        elif w.width() < w.sizeHint().width() - 1:
            out.append(w.text())
    return out
