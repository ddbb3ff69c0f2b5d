"""Putting the current point somewhere by hand on the loss surface, as the web
gradient-descent demos do: a click on the heat map puts it there, a drag moves it. The
two axis parameters are set through the Session (``edit_parameters``), so Step back
undoes a click, and a whole drag (its moves merge into one edit).

A point put somewhere by hand (here, or by editing a weight on the canvas) starts the
path again: the path before it is drawn faint, the one after it from the new point.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt

from nnviz.core.trainer import Trainer
from nnviz.core.words import T_


class Pointer:
    """Click and drag on ``panel``'s heat map; where the path starts again."""

    def __init__(self, panel) -> None:
        self.panel = panel
        self.drop: tuple[int, np.ndarray] | None = None  # (iteration, flat parameters) of the last point put
        panel.heat.current_item.on_drag = self._dragged
        panel.plots.scene().sigMouseClicked.connect(self._clicked)

    @property
    def dragging(self) -> bool:
        return self.panel.heat.current_item.dragging

    def forget(self) -> None:
        self.drop = None

    # ------------------------------------------------------------ the mouse
    def put(self, x: float, y: float, merge: bool = False) -> bool:
        """Set the two axes to (x, y) (``merge``: as the next move of a drag); False, with
        a message, where the point cannot be put (the plane of the trajectory)."""
        panel = self.panel
        if panel.axes is None:
            return False
        if panel.mode != "slice":
            panel.session.notify(T_("SurfacePanel", "Surface: in the plane of the trajectory a point stands for "
                                                    "every parameter; choose a slice to put the point somewhere by hand"))
            return False
        return panel.session.edit_parameters({panel.axes[0]: float(x), panel.axes[1]: float(y)}, merge=merge)

    def _clicked(self, ev) -> None:
        vb = self.panel.heat.view_box
        if ev.button() != Qt.MouseButton.LeftButton or ev.double() or self.dragging:
            return
        if not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        point = vb.mapSceneToView(ev.scenePos())
        if len(self.panel.heat.current_item.pointsAt(self.panel.heat.current_item.mapFromScene(ev.scenePos()))):
            return  # on the point itself: it is there already
        ev.accept()
        self.put(point.x(), point.y())

    def _dragged(self, x: float, y: float, first: bool) -> None:
        self.put(x, y, merge=not first)

    # ------------------------------------------------------ the path drawn
    def follow(self, trainer: Trainer) -> None:
        """Note a point put by hand since the last update (between iterations the
        parameters then differ from the trajectory's last point), and forget one that
        Step back has undone."""
        if trainer.cursor == 0:
            flat = trainer.network.flat()
            if not np.array_equal(flat, trainer.trajectory[-1]):
                if self.drop is None or self.drop[0] != trainer.iteration or not np.array_equal(flat, self.drop[1]):
                    self.drop = (trainer.iteration, flat.copy())
            elif self.drop is not None and self.drop[0] >= trainer.iteration:
                self.drop = None
        elif self.drop is not None and self.drop[0] > trainer.iteration:
            self.drop = None

    def split(self, path: np.ndarray, trainer: Trainer,
              to_panel: Callable[[list], np.ndarray]) -> tuple[np.ndarray | None, np.ndarray]:
        """(the path before the point was put by hand, or None; the path from it on, its
        first row the point put)."""
        if self.drop is None:
            return None, path
        iteration, flat = self.drop
        k = iteration - trainer.trajectory_start
        if not 0 <= k < path.shape[0]:
            return None, path
        return path[:k + 1], np.vstack([to_panel([flat]), path[k + 1:]])
