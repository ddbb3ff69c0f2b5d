"""What the loss surface frames: a range that holds the path, the current point, the
slice's minimum (where one is found near the range the path suggests) and the
look-ahead's first steps; where the look-ahead leaves the view (an arrow marks it); and
the smooth widening of the view that follows the look-ahead as the slider moves."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer

from nnviz.core.analysis import surface
from nnviz.core.trainer import Trainer
from nnviz.gui.panels.surface.heatmap import screen_angles
from nnviz.gui.panels.surface.paths import inside, plane_range

Range = tuple[float, float, float, float]
FIT_DIVERGED_STEPS = 4  # of a diverging look-ahead the range holds the first steps; an arrow marks the rest
MINIMUM_SEARCH = 2.0  # the slice's minimum is looked for in the range the path suggests, this many times as wide
ANIMATION_MS = 160  # the view widens over this long ...
ANIMATION_FRAMES = 8  # ... in this many frames


def ghost_points(xy: np.ndarray | None, status: str | None) -> np.ndarray:
    """The look-ahead's points (rows, panel coordinates) the range should hold: all of
    them, or of one that diverges its first FIT_DIVERGED_STEPS steps."""
    if xy is None or xy.shape[0] == 0:
        return np.empty((0, 2))
    if status == "diverged":
        xy = xy[:FIT_DIVERGED_STEPS + 1]
    return xy[np.isfinite(xy).all(axis=1)]


def widened(rng: Range, factor: float) -> Range:
    """``rng`` scaled by ``factor`` about its centre."""
    a0, a1, b0, b1 = rng
    ca, cb, ha, hb = 0.5 * (a0 + a1), 0.5 * (b0 + b1), 0.5 * factor * (a1 - a0), 0.5 * factor * (b1 - b0)
    return ca - ha, ca + ha, cb - hb, cb + hb


def slice_range(trainer: Trainer, axes: tuple[str, str], points: np.ndarray) -> Range:
    """The range of a slice: ``points`` (rows: the path, the look-ahead's) and the current
    point with a margin, and the slice's minimum when one lies within MINIMUM_SEARCH
    times that range."""
    rng = surface.default_range(trainer, *axes, points=points)
    low = surface.slice_minimum(trainer, *axes, widened(rng, MINIMUM_SEARCH))
    if low is not None and not inside(np.array(low), rng, 0.05):
        rng = surface.default_range(trainer, *axes, points=np.vstack([points, [low]]))
    return rng


def framed_range(trainer: Trainer, axes: tuple[str, str] | None, path: np.ndarray, ghost: np.ndarray,
                 current: np.ndarray) -> Range:
    """The range that frames ``path``, ``ghost`` (rows) and ``current``: a slice's over
    ``axes``, or in the plane of the trajectory (``axes`` None) ``plane_range``'s."""
    points = np.vstack([path, ghost, current[None, :]])
    if axes is None:
        return plane_range(points)
    return tuple(float(v) for v in slice_range(trainer, axes, points))  # type: ignore[return-value]


def holds(rng: Range, points: np.ndarray, margin: float = 0.02) -> bool:
    """Whether every finite row of ``points`` lies in ``rng`` (``margin``: a share of each
    side to spare)."""
    pts = points[np.isfinite(points).all(axis=1)]
    return all(inside(p, rng, margin) for p in pts)


def exit_arrow(xy: np.ndarray, rng: Range, scale: tuple[float, float]) -> tuple[float, float, float] | None:
    """Where the path ``xy`` (rows, from a point in view) first leaves ``rng``: (x, y) on
    the edge and the screen angle (degrees, y down; ``scale``: pixels per unit) it goes
    in; None when it stays in view, or starts outside it."""
    if xy.shape[0] < 2 or not inside(xy[0], rng, 0.0):
        return None
    a0, a1, b0, b1 = rng
    for k in range(1, xy.shape[0]):
        p, q = xy[k - 1], xy[k]
        if not np.isfinite(q).all():
            return None
        if inside(q, rng, 0.0):
            continue
        d = q - p
        t_out = 1.0
        for lo, hi, pk, dk in ((a0, a1, p[0], d[0]), (b0, b1, p[1], d[1])):
            if dk > 0:
                t_out = min(t_out, (hi - pk) / dk)
            elif dk < 0:
                t_out = min(t_out, (lo - pk) / dk)
        x, y = p + max(t_out, 0.0) * d
        return float(x), float(y), float(screen_angles(d[None, :], scale)[0])
    return None


def cut_at_edge(xy: np.ndarray, rng: Range) -> np.ndarray:
    """The path ``xy`` (rows, from a point in view) up to where it first leaves ``rng``,
    ending on the edge (for pictures whose drawing is not clipped, such as SVG); an
    empty path stays empty."""
    if xy.shape[0] == 0:
        return np.empty((0, 2))
    arrow = exit_arrow(xy, rng, (1.0, 1.0))
    if arrow is None:
        return xy[np.isfinite(xy).all(axis=1)] if inside(xy[0], rng, 0.0) else np.empty((0, 2))
    k = next(k for k in range(1, xy.shape[0]) if not inside(xy[k], rng, 0.0))
    return np.vstack([xy[:k], [arrow[:2]]])


class RangeAnimation(QObject):
    """Moves a view's range from one to another over ANIMATION_MS, eased; ``show(range)``
    sets the view's range, ``done()`` runs at the end."""

    def __init__(self, parent: QObject, show: Callable[[Range], None], done: Callable[[], None]) -> None:
        super().__init__(parent)
        self._show, self._done = show, done
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, ANIMATION_MS // ANIMATION_FRAMES))
        self._timer.timeout.connect(self._frame)
        self._from: np.ndarray | None = None
        self._to: np.ndarray | None = None
        self._frame_no = 0

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, old: Range, new: Range) -> None:
        self._from, self._to = np.array(old, dtype=np.float64), np.array(new, dtype=np.float64)
        self._frame_no = 0
        if not np.isfinite(self._from).all():
            self.finish()
            return
        self._timer.start()

    def _frame(self) -> None:
        self._frame_no += 1
        if self._frame_no >= ANIMATION_FRAMES:
            self.finish()
            return
        t = self._frame_no / ANIMATION_FRAMES
        ease = 0.5 - 0.5 * math.cos(math.pi * t)
        self._show(tuple(self._from + ease * (self._to - self._from)))

    def finish(self) -> None:
        """Jump to the end now."""
        self._timer.stop()
        if self._to is not None:
            self._show(tuple(self._to))
            self._to = None
            self._done()

    def cancel(self) -> None:
        self._timer.stop()
        self._to = None
