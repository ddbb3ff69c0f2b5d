"""Plot axes shared by the views: whole iterations, the loss on a log scale, a linear
axis beside a log plot, learning rates written plainly."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem


def settle_ranges(view: pg.GraphicsView) -> None:
    """Bring the automatic ranges of ``view``'s plots up to date now, after new data.
    pyqtgraph does it at the start of a paint, and the new range then marks the plot for
    another paint: a plot updated every Play step would paint twice a frame. Twice: a
    view box linked to another (the accuracy axis) takes the other's new range the
    first time round."""
    view.scene().prepareForPaint()
    view.scene().prepareForPaint()


class IterationAxis(pg.AxisItem):
    """Iterations are whole numbers: no ticks between them."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802
        levels = [(sp, off) for sp, off in super().tickSpacing(minVal, maxVal, size) if sp >= 1]
        return levels or [(1.0, 0.0)]


class LossAxis(pg.AxisItem):
    """In log mode, a range of less than a decade gets labelled ticks at 1-2-5 steps
    (pyqtgraph labels only the powers of ten, which may leave one label or none)."""

    _fine = False

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802
        self._fine = (maxVal - minVal < 1.0 and math.isfinite(minVal) and math.isfinite(maxVal))
        if not self._fine:
            return super().logTickValues(minVal, maxVal, size, stdTicks)
        lo, hi = 10.0 ** minVal, 10.0 ** maxVal
        ticks, taken = [], np.empty(0)
        for spacing, offset in super().tickSpacing(lo, hi, size)[:2]:
            start = math.ceil((lo - offset) / spacing) * spacing + offset
            values = np.arange(start, hi, spacing)
            values = values[values > 0]
            # a value already on a coarser level is not drawn (and labelled) twice
            fresh = values[~np.isclose(values[:, None], taken[None, :], rtol=1e-9, atol=0).any(axis=1)]
            taken = np.concatenate([taken, fresh])
            ticks.append((spacing, list(np.log10(fresh))))
        return ticks

    def logTickStrings(self, values, scale, spacing):  # noqa: N802
        if not self._fine or not spacing:
            return super().logTickStrings(values, scale, spacing)
        places = max(0, math.ceil(-math.log10(spacing)))
        return [f"{10.0 ** v * scale:.{places}f}" for v in values]


class CompactLossAxis(LossAxis):
    """The loss axis for small plots: over more than a decade only the powers of ten are
    labelled, so that short plots stay legible."""

    def logTickStrings(self, values, scale, spacing):  # noqa: N802
        strings = super().logTickStrings(values, scale, spacing)
        if self._fine:
            return strings
        return [text if abs(v - round(v)) < 1e-9 else "" for v, text in zip(values, strings)]


class LinearAxis(pg.AxisItem):
    """An axis that ignores the plot's log mode (the accuracy axis stays 0..1 linear)."""

    def setLogMode(self, *args, **kwargs) -> None:  # noqa: N802 (Qt naming)
        self.logMode = False


class RateAxis(pg.AxisItem):
    """Learning rates on a log axis written plainly (0.01, 1, 10)."""

    def logTickStrings(self, values, scale, spacing):  # noqa: N802
        return [f"{10.0 ** v * scale:g}" if abs(v - round(v)) < 1e-9 else "" for v in values]


def cache_axes(plot: pg.PlotItem) -> None:
    """Keep ``plot``'s axes as pixmaps, painted again only when they change: pyqtgraph
    replays each axis's recorded drawing (its text included) on every repaint of the
    plot, which during Play costs more than the curves."""
    for name in ("left", "bottom", "right", "top"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

