"""What a user does with the keyboard, shared by the GUI tests."""

from PySide6.QtCore import Qt


def choose(qtbot, combo, key) -> None:
    """Pick the item whose data is ``key`` with the keyboard, as a user would (it emits
    ``activated``)."""
    target = combo.findData(key)
    assert target >= 0, key
    combo.setFocus()
    for _ in range(combo.count() + 1):
        if combo.currentIndex() == target:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert combo.currentIndex() == target
