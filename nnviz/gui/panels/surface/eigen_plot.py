"""The eigen plot under the cross-section: where the next steps go along the two
eigen-directions of the curvature over the surface's axes, as in Distill's "Why Momentum
Really Works", but on the real network.

The exact 2 x 2 Hessian block over the two axes (``regimes.eigen_2x2``) has two
eigen-directions: the steep one (largest curvature λ₁) and the shallow one. Along each,
the error — the distance from the minimum of the local quadratic model — is multiplied
at every step by a factor (``regimes.step_factors``): 1 − rate·λ for plain gradient
descent, the momentum iteration's own for momentum. The plot draws that error over the
next steps (``regimes.error_path``), each direction scaled by its error now, so that a
factor below 0 shows as a saw-tooth (the steps flip: zig-zag) and one beyond ±1 as a
curve leaving the frame (it blows up). A line under the plots (``label``) gives each
direction's λ and factor and the word for it. On a loss that is not quadratic in the axes the curvature is the one at
the current point, and the plot says so.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from nnviz.core.analysis import regimes
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, T_, translate
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.axes import cache_axes
from nnviz.gui.widgets.labels import wrapping_label

STEPS = 30  # as many as the look-ahead
Y_LIMIT = 1.6  # the frame: errors scaled to start at ±1; beyond this a curve has blown up
SYMBOLS = ("o", "s")  # steep, shallow: the shape tells the directions apart, the colour the regime
NAMES = (N_("EigenPlot", "steep"), N_("EigenPlot", "shallow"))
WORDS = {"converging": N_("EigenPlot", "converges"), "zigzag": N_("EigenPlot", "zig-zags"),
         "oscillating": N_("EigenPlot", "oscillates at the edge"), "diverged": N_("EigenPlot", "blows up")}


def direction_text(k: int, value: float, factor: float, optimizer: str, rate: float) -> tuple[str, str]:
    """(one short line for direction ``k``, its regime word, or "" without one)."""
    lam = f"λ{'₁₂'[k]} = {value:.3g}"
    name = translate("EigenPlot", NAMES[k])
    if not math.isfinite(factor):
        return f"{name}, {lam}", ""
    if value <= 0:
        return T_("EigenPlot", "%1, %2: curves down, the steps move away (×%3)", name, lam, f"{factor:.3g}"), "diverged"
    word = regimes.factor_regime(float(factor))
    how = (f"1 − {rate:.3g}·{value:.3g} = {factor:.3g}" if optimizer == "sgd"
           else T_("EigenPlot", "%1 (momentum)", f"{factor:.3g}"))
    return T_("EigenPlot", "%1, %2: ×%3 per step — %4", name, lam, how, translate("EigenPlot", WORDS[word])), word


class EigenPlot:
    """The plot's items, in row ``row`` of ``layout``, and its ``label`` for the panel's
    layout; ``measure`` takes the curvature, ``show`` draws at a rate."""

    def __init__(self, layout: pg.GraphicsLayoutWidget, row: int) -> None:
        self.plot = layout.addPlot(row=row, col=0, enableMenu=False)
        self.plot.hideButtons()
        cache_axes(self.plot)
        self.plot.setMouseEnabled(x=False, y=False)
        vb = self.plot.getViewBox()
        vb.disableAutoRange()
        vb.setRange(xRange=(-0.5, STEPS + 0.5), yRange=(-Y_LIMIT, Y_LIMIT), padding=0)
        self.plot.getAxis("left").setWidth(52)
        self.plot.getAxis("left").setTicks([[(-1, "−1"), (0, "0"), (1, "1")]])
        self.plot.setLabel("bottom", T_("EigenPlot", "step"))
        self.plot.setLabel("left", T_("EigenPlot", "error"))
        self.zero = pg.InfiniteLine(pos=0.0, angle=0, movable=False)
        self.plot.addItem(self.zero, ignoreBounds=True)
        self.curves = [pg.PlotDataItem(symbol=s, symbolSize=5) for s in SYMBOLS]
        for c in self.curves:
            c.setClipToView(False)
            self.plot.addItem(c)
        self.label = wrapping_label("eigenLabel", T_("EigenPlot", "The error along each eigen-direction of the "
                                                               "curvature over the two axes, multiplied at every "
                                                               "step by its factor"))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.eigen: regimes.Eigen | None = None
        self.factors = np.full(2, math.nan)  # per direction, at the rate drawn
        self.words = ("", "")
        self.note = ""  # where the curvature holds
        self.rate: float | None = None
        self._velocity: np.ndarray | None = None  # momentum's, along the directions
        self._lines: list[tuple[str, str]] = []
        self._dark = False
        self._key = None
        self._drawn = None  # (curvature, rate, optimizer) of the curves drawn

    def measure(self, trainer: Trainer, axes: tuple[str, str], state_key) -> None:
        """The curvature over ``axes`` at the current point (again only when ``state_key``,
        what the point depends on, changed). ValueError when it cannot be measured."""
        if state_key == self._key:
            return
        self._key = state_key
        self.eigen = regimes.eigen_2x2(trainer, *axes)
        names = T_("EigenPlot", "%1 and %2", *self.eigen.labels)
        self.note = (T_("EigenPlot", "exact, the loss being quadratic in %1", names) if self.eigen.exact else
                     T_("EigenPlot", "the curvature at the current point — the loss is not quadratic in %1, so the "
                                     "directions and factors change as the network learns", names))
        velocity = regimes.velocity(trainer)
        if velocity is not None:
            cols = [trainer.network.flat_index(trainer.network.parse_param(n)) for n in self.eigen.params]
            velocity = self.eigen.vectors.T.dot(velocity[cols])
        self._velocity = velocity

    def forget(self) -> None:
        self._key = self._drawn = None
        self.eigen = None

    def show(self, trainer: Trainer, rate: float) -> None:
        """Draw the error paths at ``rate`` (``measure`` first; nothing to do when they are
        drawn for this curvature and rate)."""
        e = self.eigen
        if e is None:
            self.clear()
            return
        opt = trainer.optimizer
        drawn = (id(e), float(rate), opt)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self.rate = float(rate)
        self.factors = e.factors(opt, rate)
        errors = np.where(np.isfinite(e.offsets), e.offsets, 1.0)  # curving down: no minimum, from 1
        path = regimes.error_path(opt, rate, e.values, errors, STEPS, self._velocity)
        lines, words = [], []
        for k in range(2):
            text, word = direction_text(k, float(e.values[k]), float(self.factors[k]), opt.name, rate)
            lines.append((text, word))
            words.append(word)
            scale = abs(errors[k])
            y = path[:, k] / scale if scale > 0 else np.zeros(STEPS + 1)
            with np.errstate(all="ignore"):
                out = np.flatnonzero(~(np.abs(y) <= Y_LIMIT))
            if out.size:  # a blow-up: drawn until it leaves the frame (a NaN is not drawn)
                y = y[:out[0] + int(np.isfinite(y[out[0]]))]
            self.curves[k].setData(np.arange(y.size, dtype=float), y)
        self.words = tuple(words)
        self._lines = lines
        self._title()
        self._colour()

    def _title(self) -> None:
        if self.eigen is None:
            self.label.setText("")
            return
        rows = []
        for k, (text, word) in enumerate(self._lines):
            colour = pal.REGIME_COLOURS[word][self._dark] if word else pal.text_color().name()
            glyph = "●" if SYMBOLS[k] == "o" else "■"
            rows.append(f"<span style='color:{colour}'>{glyph} {text}</span>")
        if not self.eigen.exact:
            rows[-1] += f" <span style='font-size:small'>{T_('EigenPlot', '(the curvature here and now)')}</span>"
        self.label.setText("<br>".join(rows))
        self.label.setToolTip(T_("EigenPlot", "The error along each eigen-direction of the curvature over the two "
                                              "axes, multiplied at every step by its factor; %1.", self.note))

    def say(self, text: str) -> None:
        """No curves, only ``text`` (why)."""
        self.clear()
        self.label.setText(text)

    def _colour(self) -> None:
        for k, curve in enumerate(self.curves):
            word = self.words[k] if k < len(self.words) else ""
            colour = QColor(pal.REGIME_COLOURS[word][self._dark] if word else pal.text_color())
            curve.setPen(pg.mkPen(colour, width=1.6))
            curve.setSymbolPen(pg.mkPen(colour))
            curve.setSymbolBrush(pg.mkBrush(colour))

    def clear(self) -> None:
        self._drawn = None
        for c in self.curves:
            c.setData([], [])
        self.factors = np.full(2, math.nan)
        self.words = ("", "")
        self.label.setText("")

    def recolour(self, p: QPalette) -> None:
        self._dark = pal.is_dark(p)
        pal.style_axes(self.plot, p, ("left", "bottom"))
        faint = QColor(pal.text_color(p))
        faint.setAlpha(90)
        self.zero.setPen(pg.mkPen(faint, width=1))
        if self.eigen is not None and self.rate is not None:
            self._title()
        self._colour()
