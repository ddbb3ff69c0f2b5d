"""The look-ahead: the next 30 updates at the slider's rate, drawn dashed on the heat map
and the cross-section, with a verdict (converging, zigzag, oscillating, diverged); and the
critical learning rate 2/λmax over the two axes and over every parameter that trains."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt

from nnviz.core.analysis import surface
from nnviz.core.trainer import Trainer, TrainingError
from nnviz.gui.panels.surface.cross_section import CrossSection
from nnviz.gui.panels.surface.heatmap import HeatMap
from nnviz.gui.panels.surface.paths import clip_to_view
from nnviz.gui.widgets.labels import wrapping_label

LOOK_AHEAD_STEPS = 30
# (light, dark) palette colours of the verdicts
STATUS_COLOURS = {"converging": ("#00796b", "#4dd0b5"), "zigzag": ("#1565c0", "#64b5f6"),
                  "oscillating": ("#b25d00", "#ffb74d"), "diverged": ("#c62828", "#ff7373")}


def fmt(x: float, digits: int = 4) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else "not finite"
    return f"{x:.{digits}g}"


def verdict_text(rate: float, la: surface.LookAhead) -> str:
    return f"At rate {rate:.4g}: {la.status} · loss after {LOOK_AHEAD_STEPS} steps {fmt(float(la.final_loss))}"


def critical_rates(trainer: Trainer, axes: tuple[str, str] | None) -> tuple[float | None, float]:
    """2/λmax over the two axes (None without axes) and over every parameter that trains.
    Raises ValueError, FloatingPointError or LinAlgError when it cannot be computed."""
    axes_rate = None if axes is None else float(surface.critical_learning_rate(trainer, list(axes)))
    return axes_rate, float(surface.critical_learning_rate(trainer))


def stability_text(trainer: Trainer, axes: tuple[str, str] | None, rates: tuple[float | None, float]) -> str:
    axes_rate, all_rate = rates
    t = trainer
    trains = {p.name for p in t.network.params() if p.name not in t.frozen}
    parts = []
    only_axes = axes is not None and trains == set(axes)
    if axes_rate is not None:
        names = ", ".join(t.network.display_name(n) for n in axes)
        parts.append(f"{fmt(axes_rate, 3)} over {names}{' (the only parameters that train)' if only_axes else ''}")
    if all_rate is not None and not (axes_rate is not None and only_axes):
        parts.append(f"{fmt(all_rate, 3)} over every parameter that trains")
    text = "Critical rate 2/λmax: " + " · ".join(parts)
    if t.optimizer.name != "sgd":
        text += f" (plain gradient descent; {t.optimizer.name} behaves differently)"
    return text


def stability_tip(rate: float) -> str:
    """The slider's tooltip for its critical-rate mark."""
    return (f"Critical learning rate 2/λmax ≈ {rate:.3g} at the current point (all parameters): above it, "
            "gradient descent diverges (from 1/λmax it zig-zags)")


class LookAheadView:
    """The look-ahead drawn on the heat map and the cross-section, its verdict, and the
    critical rate (two labels for the panel's layout)."""

    def __init__(self, heat: HeatMap, section: CrossSection) -> None:
        self.heat, self.section = heat, section
        self.indicator = wrapping_label("lookAheadIndicator",
                                f"Where the next {LOOK_AHEAD_STEPS} updates at the slider's learning rate would "
                                "go (dashed): converging, zigzag (converging while the steps flip sign along "
                                "the steepest direction), oscillating (bounded but not shrinking) or diverged")
        self.indicator.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.indicator.font()
        font.setWeight(font.Weight.DemiBold)
        self.indicator.setFont(font)
        self.stability_label = wrapping_label("stabilityLabel",
                                      "The critical learning rate 2/λmax, with λmax the largest curvature of the "
                                      "loss at the current point: above it plain gradient descent diverges (from "
                                      "1/λmax it zig-zags)")
        self.rate: float | None = None  # the rate asked for (None: the trainer's)
        self.key = None  # what the drawn look-ahead was computed for (None: draw again)
        self.result: surface.LookAhead | None = None
        self.last_redraw_ms: float | None = None  # computing and drawing the last one
        self.critical_rates: tuple[float | None, float | None] = (None, None)  # (axes, all)
        self._dark = False

    @property
    def drawn_rate(self) -> float | None:
        """The rate of the look-ahead drawn (None before the first one)."""
        return None if self.key is None else self.key[1]

    def update(self, trainer: Trainer, view: tuple, to_panel: Callable[[np.ndarray], np.ndarray],
               rng: tuple[float, float, float, float]) -> None:
        """Compute and draw the look-ahead unless the one drawn is for the same state
        and ``view`` (what the panel shows); ``to_panel`` maps parameter vectors to the
        panel's coordinates."""
        t = trainer
        rate = self.rate if self.rate is not None else t.learning_rate
        key = (t.network.flat().tobytes(), rate, t.settings, t.iteration, t.cursor, view)
        if key == self.key:
            return
        start = time.perf_counter()
        self.key = key
        try:
            la = surface.look_ahead(t, rate, LOOK_AHEAD_STEPS)
        except (ValueError, TrainingError) as exc:
            self.result = None
            self.heat.ghost_item.setData([], [])
            self.section.ghost.setData([], [])
            self.indicator.setText(f"No look-ahead: {exc}")
            return
        self.result = la
        xy = clip_to_view(to_panel(np.asarray(la.params, dtype=np.float64)), rng)
        self.heat.ghost_item.setData(xy[:, 0], xy[:, 1])
        self.section.show_ghost(xy[:, 0], np.asarray(la.losses, dtype=np.float64)[:xy.shape[0]])
        self.show_verdict()
        self.last_redraw_ms = (time.perf_counter() - start) * 1000.0

    def show_verdict(self) -> None:
        la = self.result
        if la is None or self.drawn_rate is None:
            return
        colour = STATUS_COLOURS.get(la.status, ("#000000", "#ffffff"))[self._dark]
        self.indicator.setText(verdict_text(self.drawn_rate, la))
        self.indicator.setStyleSheet(f"color: {colour}")
        self.indicator.setProperty("status", la.status)

    def points(self) -> np.ndarray | None:
        """The look-ahead path as drawn, if it stays finite and does not diverge (for
        fitting the range: a diverging path would blow it up)."""
        la = self.result
        if la is None or la.status == "diverged" or self.drawn_rate is None:
            return None
        x, y = self.heat.ghost_item.getData()
        if x is None or x.size == 0:
            return None
        pts = np.column_stack([x, y])
        return pts if np.isfinite(pts).all() else None

    def update_stability(self, trainer: Trainer, axes: tuple[str, str] | None) -> bool:
        """The critical rates and their line; False when they cannot be computed."""
        try:
            self.critical_rates = critical_rates(trainer, axes)
        except (ValueError, FloatingPointError, np.linalg.LinAlgError) as exc:
            self.stability_label.setText(f"Critical rate unavailable: {exc}")
            return False
        self.stability_label.setText(stability_text(trainer, axes, self.critical_rates))
        return True

    def recolour(self, dark: bool) -> None:
        self._dark = dark
        self.show_verdict()
