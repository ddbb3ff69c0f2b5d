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
# blue/orange of signed values and of the highlight. The forks (up to three, by their
# slot): amber, blue and vermilion in every view, clear of the teal loss, the purple
# check loss and the white path on the heat map (which draws the dark palette's).
LOSS_COLOURS = ("#00897b", "#3fd0bd")
FORK_COLOURS = (("#d17d00", "#ffb300"), ("#1e6fd0", "#79a6ff"), ("#d1402a", "#ff7a66"))
SEQUENTIAL = "viridis"
# the four words of what a learning rate does (look-ahead verdict, slider marks, eigen plot)
REGIME_COLOURS = {"converging": ("#00796b", "#4dd0b5"), "zigzag": ("#1565c0", "#64b5f6"),
                  "oscillating": ("#b25d00", "#ffb74d"), "diverged": ("#c62828", "#ff7373")}

DIVERGING = pg.ColorMap(
    pos=np.array([0.0, 0.25, 0.5, 0.75, 1.0]),
    color=[NEGATIVE, "#6fa3d8", NEUTRAL, "#f5a55c", POSITIVE],
    name="nnviz-diverging",
)


DIVERGING_LUT = DIVERGING.getLookupTable(0.0, 1.0, 1001, alpha=False)  # colormap.map is slow per call
REGION_STRENGTH = (0.45, 0.75)  # a class region's colour over the background: at the boundary, far from it


def diverging(t: float) -> QColor:
    """The diverging colour at ``t`` in [0, 1] (0.5: zero)."""
    r, g, b = DIVERGING_LUT[int(round(min(max(t, 0.0), 1.0) * 1000))]
    return QColor(int(r), int(g), int(b))


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` blended towards ``b`` by ``t`` (0: a, 1: b), opaque."""
    t = float(min(max(t, 0.0), 1.0))
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def region_lut(background: QColor, n: int = 256) -> np.ndarray:
    """A table of ``n`` colours for two classes over a plane (0: the first class's end,
    1: the second's, the boundary in the middle): the canvas's blue below the middle,
    its orange above, each at a readable strength right from the boundary and deeper
    with the distance from it, blended with ``background`` (so it reads in both palettes
    and the data points, drawn in the full colours, stand out)."""
    lo, hi = REGION_STRENGTH
    out = np.empty((n, 3), dtype=np.ubyte)
    for i, t in enumerate((np.arange(n) + 0.5) / n):
        far = min(abs(2 * t - 1), 1.0)  # 0 at the boundary, 1 at the ends
        side = 1.0 if t > 0.5 else -1.0
        c = mix(background, diverging(0.5 + side * (0.3 + 0.2 * far)), lo + (hi - lo) * far)
        out[i] = (c.red(), c.green(), c.blue())
    return out


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
