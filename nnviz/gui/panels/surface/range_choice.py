"""The surface panel's range: fitted to the path, the current point, the slice's minimum
and the look-ahead (and kept following the path), set by hand (``RangeDialog``), or
wherever the user zoomed and panned; widened smoothly to follow the look-ahead as the
slider moves (``framing``). A mixin of ``SurfacePanel``, which draws over the range."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDialog

from nnviz.core.words import T_

from nnviz.gui.panels.surface import framing
from nnviz.gui.panels.surface.dialogs import RangeDialog
from nnviz.gui.panels.surface.grids import check_range
from nnviz.gui.widgets.forms import run_once

VIEW_REFRESH_MS = 120  # after zoom or pan


class RangeChoice:
    """The range of ``SurfacePanel`` (see the module notes)."""

    def fit(self) -> None:
        """Fit the range to the path, the current point, the slice's minimum and the
        look-ahead (of one that diverges, its first steps), and keep following the path."""
        self._auto_fit = True
        self.range = None
        self.animation.cancel()
        self.grids.key = None
        self._request_refresh(now=True)

    def set_range(self, a0: float, a1: float, b0: float, b1: float) -> None:
        """Draw over this range (ValueError, one line, for one no grid can be drawn over)."""
        check_range((a0, a1, b0, b1))
        self._auto_fit = False
        self.animation.cancel()
        self.range = (float(a0), float(a1), float(b0), float(b1))
        self._request_refresh(now=True)

    def ask_range(self) -> None:
        if self.range is None or self.axes is None:
            return
        labels = ((T_("SurfacePanel", "direction 1"), T_("SurfacePanel", "direction 2")) if self.mode == "plane"
                  else tuple(self.trainer.network.display_name(n) for n in self.axes))
        dialog = RangeDialog(labels, self.range, check_range, self)
        if run_once(dialog) == QDialog.DialogCode.Accepted:
            self.set_range(*dialog.values())

    def _on_view_moved(self, *args) -> None:
        (a0, a1), (b0, b1) = self.heat.view_box.viewRange()
        try:
            check_range((a0, a1, b0, b1))
        except ValueError:  # zoomed in or out beyond what a grid can be drawn over: the last range stays
            return
        self._auto_fit = False
        self.animation.cancel()
        self.range = (a0, a1, b0, b1)
        self._refresh_throttle.request(VIEW_REFRESH_MS)

    def _ghost_to_frame(self) -> np.ndarray:
        la = self.look.result
        return framing.ghost_points(self.look.xy, None if la is None else la.status)

    def _fitted_range(self, current: np.ndarray) -> tuple[float, float, float, float]:
        axes = None if self.mode == "plane" else self.axes
        return framing.framed_range(self.trainer, axes, self._path_xy(), self._ghost_to_frame(), current)

    def _widen(self) -> None:
        """Widen the view (smoothly) to hold the look-ahead too."""
        if not self._auto_fit or self.range is None or self.pointer.dragging or not self.shown:
            return
        ghost = self._ghost_to_frame()
        if framing.holds(self.range, ghost):
            return
        current = self._current_point()
        if current is None:
            return
        fitted = self._fitted_range(current)
        old = self.range
        new = (min(old[0], fitted[0]), max(old[1], fitted[1]), min(old[2], fitted[2]), max(old[3], fitted[3]))
        (x0, x1), (y0, y1) = self.heat.view_box.viewRange()
        self.range = new
        self.animation.start((x0, x1, y0, y1), new)  # the grid for the new range is drawn at the end

    def _on_widened(self) -> None:
        self._request_refresh(now=True)

