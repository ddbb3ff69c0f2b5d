"""Draw a network to an image (PNG, JPEG, ...) or SVG file without a window (``nnviz render``).

Works headless: when there is no display, Qt's ``offscreen`` platform is used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nnviz.core.trainer import Trainer

SHOW = ("weights", "gradients", "updates", "auto")

_app = None  # the QApplication this module created, kept alive for later calls


def ensure_application():
    """The running QApplication, or a new one (offscreen when there is no display)."""
    global _app
    if "QT_QPA_PLATFORM" not in os.environ and sys.platform.startswith("linux") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = _app = QApplication(sys.argv[:1])
    return app


def _prepare(trainer: Trainer, show: str) -> None:
    """Step ``trainer`` until the values ``show`` needs exist: one iteration's forward,
    loss and backward steps for gradients, a whole iteration for updates."""
    v = trainer.values
    if show == "gradients" and any(g is None for g in v.grad_W):
        L = trainer.network.n_layers
        while trainer.cursor < 2 * L + 1 and any(g is None for g in trainer.values.grad_W):
            if trainer.step("micro") == 0:  # diverged: draw what there is
                break
    elif show == "updates" and any(u is None for u in v.update_W):
        trainer.step("iteration")


def render_to_file(trainer: Trainer, out: str, size: tuple[int, int] = (1200, 800),
                   show: str = "weights") -> None:
    """Write a picture of ``trainer``'s network to ``out`` in the format its name ends
    with (.png, .jpg, .svg, ...), ``size`` pixels, the edges coloured by ``show``
    (weights, gradients, updates or auto).

    For gradients or updates the trainer must have them: when it has not, it is first
    stepped through one iteration's forward, loss and backward steps (gradients) or one
    whole iteration (updates). Raises ValueError for another file type, a bad ``show``
    or size, OSError when the file cannot be written.
    """
    from nnviz.gui.canvas.export import check_format

    path = Path(out)
    check_format(path)
    if show not in SHOW:
        raise ValueError(f"show must be one of {', '.join(SHOW)}, got {show!r}")
    width, height = (int(x) for x in size)
    if width < 1 or height < 1:
        raise ValueError(f"image size must be positive, got {width} x {height}")
    ensure_application()
    from nnviz.app.session import Session
    from nnviz.gui.canvas import NetworkCanvas
    from nnviz.gui.qt_session import QtSession

    _prepare(trainer, show)
    session = QtSession(Session(trainer))
    canvas = NetworkCanvas(session)
    try:
        canvas.resize(width, height)
        canvas.export_image(str(path), width, height, show=None if show == "auto" else show)
    finally:
        session.close()
