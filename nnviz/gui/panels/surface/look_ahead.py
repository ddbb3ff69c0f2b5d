"""The look-ahead: the next 30 updates at the slider's rate, drawn dashed on the heat map
and the cross-section, with a verdict (converging, zigzag, oscillating, diverged); the
regime marks over the two axes and over every parameter that trains; and, on a network
that cannot oscillate inside the slider, the first-contact hint (``first_contact``)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt

from nnviz.core.analysis import regimes, surface
from nnviz.core.analysis.verdict import word
from nnviz.core.trainer import Trainer, TrainingError
from nnviz.core.words import T_
from nnviz.gui.panels.surface import first_contact
from nnviz.gui.panels.surface.cross_section import CrossSection
from nnviz.gui.panels.surface.heatmap import HeatMap
from nnviz.gui.panels.surface.framing import cut_at_edge
from nnviz.gui.panels.surface.paths import clip_to_view, inside
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.labels import wrapping_label

LOOK_AHEAD_STEPS = 30


def fmt(x: float, digits: int = 4) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else T_("look_ahead", "not finite")
    return f"{x:.{digits}g}"


def verdict_text(rate: float, la: surface.LookAhead) -> str:
    return T_("look_ahead", "At rate %1: %2 · loss after %3 steps %4", f"{rate:.4g}", word(la.status), LOOK_AHEAD_STEPS,
              fmt(float(la.final_loss)))


def marks_text(axes_marks: regimes.Marks | None, all_marks: regimes.Marks) -> str:
    """The marks over the two axes (None: not a slice) and over every parameter that
    trains (the slider's), in one short line."""
    def short(m: regimes.Marks) -> str:
        if m.zigzag_from is None:
            return T_("look_ahead", "none")
        return T_("look_ahead", "zig-zag from %1, diverges from %2", f"{m.zigzag_from:.3g}", f"{m.diverges_from:.3g}")

    where = T_("look_ahead", "exact") if all_marks.exact else T_("look_ahead", "here and now")
    if axes_marks is None or axes_marks.params == all_marks.params:
        over = T_("look_ahead", "every parameter that trains") if axes_marks is None else ", ".join(axes_marks.params)
        return T_("look_ahead", "Marks over %1: %2 (%3)", over, short(all_marks), where)
    same = short(axes_marks) == short(all_marks)
    return T_("look_ahead", "Marks over %1: %2; over every parameter that trains (the slider's): %3 (%4)",
              ", ".join(axes_marks.params), short(axes_marks),
              T_("look_ahead", "the same") if same else short(all_marks), where)


class LookAheadView:
    """The look-ahead drawn on the heat map and the cross-section, its verdict, and the
    critical rate (two labels for the panel's layout)."""

    def __init__(self, heat: HeatMap, section: CrossSection) -> None:
        self.heat, self.section = heat, section
        self.indicator = wrapping_label("lookAheadIndicator", T_(
            "LookAheadView", "Where the next %1 updates at the slider's learning rate would go (dashed): converging, "
            "zigzag (converging while the steps flip sign along the steepest direction), oscillating (bounded but "
            "not shrinking) or diverged", LOOK_AHEAD_STEPS))
        self.indicator.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.indicator.font()
        font.setWeight(font.Weight.DemiBold)
        self.indicator.setFont(font)
        self.stability_label = wrapping_label("stabilityLabel", T_(
            "LookAheadView", "Where the steps start to zig-zag (1/λmax) and to diverge (2/λmax), with λmax the "
            "largest curvature of the loss, over the two axes and over every parameter that trains (the slider's "
            "marks)"))
        self.hint = wrapping_label("firstContactHint")
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.hint.setVisible(False)
        self.rate: float | None = None  # the rate asked for (None: the trainer's)
        self.key = None  # what the drawn look-ahead was computed for (None: draw again)
        self.result: surface.LookAhead | None = None
        self.xy = np.empty((0, 2))  # the look-ahead in the heat map's coordinates, not clipped
        self.last_redraw_ms: float | None = None  # computing and drawing the last one
        self.marks: tuple[regimes.Marks | None, regimes.Marks | None] = (None, None)  # (axes, all)
        self._dark = False

    @property
    def drawn_rate(self) -> float | None:
        """The rate of the look-ahead drawn (None before the first one)."""
        return None if self.key is None else self.key[1]

    def update(self, trainer: Trainer, view: tuple, to_panel: Callable[[np.ndarray], np.ndarray],
               rng: tuple[float, float, float, float], to_section: Callable[[np.ndarray], np.ndarray]) -> None:
        """Compute and draw the look-ahead unless the one drawn is for the same state
        and ``view`` (what the panel shows); ``to_panel`` maps parameter vectors (rows) to
        the heat map's coordinates (rows of x, y), ``to_section`` to the cross-section's x."""
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
            self.xy = np.empty((0, 2))
            self.heat.ghost_item.setData([], [])
            self.section.ghost.setData([], [])
            self.indicator.setText(T_("LookAheadView", "No look-ahead: %1", exc))
            return
        self.result = la
        params = np.asarray(la.params, dtype=np.float64)
        self.xy = to_panel(params)
        xy = clip_to_view(self.xy, rng)
        n = xy.shape[0]
        if n and inside(xy[0], rng, 0.0):  # drawn up to where it leaves the view: an arrow marks the rest
            drawn = cut_at_edge(xy, rng)
            self.heat.ghost_item.setData(drawn[:, 0], drawn[:, 1])
        else:
            self.heat.ghost_item.setData(xy[:, 0], xy[:, 1])
        self.section.show_ghost(to_section(params[:n]), np.asarray(la.losses, dtype=np.float64)[:n])
        self.show_verdict()
        self.last_redraw_ms = (time.perf_counter() - start) * 1000.0

    def show_verdict(self) -> None:
        la = self.result
        if la is None or self.drawn_rate is None:
            return
        colour = pal.REGIME_COLOURS.get(la.status, ("#000000", "#ffffff"))[self._dark]
        self.indicator.setText(verdict_text(self.drawn_rate, la))
        self.indicator.setStyleSheet(f"color: {colour}")
        self.indicator.setProperty("status", la.status)

    def update_stability(self, trainer: Trainer, axes: tuple[str, str] | None, all_marks: regimes.Marks) -> None:
        """The marks' line (``all_marks``: the session's, over every parameter that trains;
        over ``axes`` computed here) and the first-contact hint."""
        axes_marks = None if axes is None else regimes.regime_marks(trainer, axes)
        self.marks = (axes_marks, all_marks)
        self.stability_label.setText(marks_text(axes_marks, all_marks))
        self.stability_label.setToolTip("\n".join(m.describe() + (f"; {m.note}" if m.note else "")
                                                  for m in (axes_marks, all_marks) if m is not None))
        stuck = first_contact.cannot_oscillate(all_marks)
        if stuck:
            self.hint.setText(first_contact.hint_html(all_marks, first_contact.bowl_rate()))
        self.hint.setVisible(stuck)

    def recolour(self, dark: bool) -> None:
        self._dark = dark
        self.show_verdict()
