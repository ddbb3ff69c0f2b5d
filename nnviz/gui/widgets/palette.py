"""Colours shared by every view.

One diverging map for everything signed (weights, gradients, updates): blue for
negative, orange for positive, grey at zero — a pair that stays distinct for
colour-blind readers. A sequential map for magnitudes (loss heat maps), and one
highlight colour for "where the step is now".
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

NEGATIVE = "#1f64ad"
POSITIVE = "#e0680f"
NEUTRAL = "#a6a6a6"
HIGHLIGHT = "#c2185b"
# (light, dark palette) pairs used by several views. Teal for the loss stays clear of the
# blue/orange of signed values and of the highlight; the fork is amber in every view.
LOSS_COLOURS = ("#00897b", "#3fd0bd")
FORK_COLOURS = ("#d17d00", "#ffb300")
SEQUENTIAL = "viridis"
# the four words of what a learning rate does (look-ahead verdict, slider marks, eigen plot)
REGIME_COLOURS = {"converging": ("#00796b", "#4dd0b5"), "zigzag": ("#1565c0", "#64b5f6"),
                  "oscillating": ("#b25d00", "#ffb74d"), "diverged": ("#c62828", "#ff7373")}

DIVERGING = pg.ColorMap(
    pos=np.array([0.0, 0.25, 0.5, 0.75, 1.0]),
    color=[NEGATIVE, "#6fa3d8", NEUTRAL, "#f5a55c", POSITIVE],
    name="nnviz-diverging",
)


def signed_color(value: float, scale: float) -> QColor:
    """The diverging colour of ``value`` on a scale from -scale to +scale."""
    t = 0.5 if scale <= 0 else 0.5 + 0.5 * float(np.clip(value / scale, -1.0, 1.0))
    return DIVERGING.map(t, mode="qcolor")


def diverging_lut(n: int = 256) -> np.ndarray:
    return DIVERGING.getLookupTable(0.0, 1.0, n, alpha=False)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def text_color(palette: QPalette | None = None) -> QColor:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.WindowText)


def canvas_background(palette: QPalette | None = None) -> QColor:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base)


def style_axes(plot, palette: QPalette, names=("left", "bottom")) -> None:
    """Axis lines faint, tick labels and titles in the palette's text colour, for a
    pyqtgraph PlotItem (or PlotWidget)."""
    text = text_color(palette)
    faint = QColor(text)
    faint.setAlpha(110)
    for name in names:
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(faint))
        axis.setTextPen(pg.mkPen(text))
        axis.label.setDefaultTextColor(text)


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (View ▸ Dark theme, and the tests)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d31", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#2b2d31",
        QPalette.ColorRole.ToolTipBase: "#3a3d42", QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#35373c",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d6fb6", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb2f0", QPalette.ColorRole.PlaceholderText: "#8a8d93",
        QPalette.ColorRole.Light: "#55585e", QPalette.ColorRole.Midlight: "#45484d",
        QPalette.ColorRole.Mid: "#3a3c41", QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Shadow: "#0e0e10",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d83"))
    return p
