import os

# Qt must not look for a display: set before any test imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
