"""The loss surface as a figure for slides, drawn offscreen: the heat map over two
parameters with the axes named, the colour bar and contour lines, the trajectory from its
start to the current point with an arrow on each recent step, the look-ahead at a rate
with its verdict, a legend and a title. PNG (or any image format Qt writes, by the file
name's ending) or SVG, whose text stays text. ``nnviz surface --out`` and the window's
File ▸ Export loss surface draw with it (the window passes what its panel shows)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

from nnviz.core.analysis import surface
from nnviz.core.analysis.verdict import word as verdict_word
from nnviz.core.trainer import Trainer
from nnviz.core.words import T_
from nnviz.gui.panels.surface.framing import cut_at_edge, exit_arrow, framed_range, ghost_points
from nnviz.gui.panels.surface.heatmap import ARROWS_SHOWN, HeatMap, colorbar_label
from nnviz.gui.panels.surface.look_ahead import LOOK_AHEAD_STEPS
from nnviz.gui.panels.surface.paths import stacked_losses
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets import pictures
from nnviz.io.files import FileError, write_atomic

SIZE = (1000, 760)  # pixels, the default


@dataclass
class FigureData:
    """What the figure shows: the grid (``loss[i, j]`` at ``a[i]``, ``b[j]``), the path
    (rows of x, y) and the loss at its points (NaN where not known), the current point,
    the look-ahead (rows, or None) with its rate and word, the axes' and the figure's
    titles, and whether the colours are log10 of the loss."""

    a: np.ndarray
    b: np.ndarray
    loss: np.ndarray
    path: np.ndarray
    path_losses: np.ndarray
    current: np.ndarray
    labels: tuple[str, str]
    title: str
    ghost: np.ndarray | None = None
    rate: float | None = None
    word: str = ""
    log: bool = False


def axis_name(trainer: Trainer, name: str) -> str:
    net = trainer.network
    p = net.parse_param(name)
    shown = net.display_name(p)
    return p.name if shown == p.name else f"{shown} ({p.name})"


def path_losses(trainer: Trainer, count: int) -> np.ndarray:
    """The loss at the trajectory's points, the last ``count + 1`` of them (NaN before)."""
    traj = trainer.trajectory
    out = np.full(len(traj), np.nan)
    first = max(len(traj) - count - 1, 0)
    if len(traj) > first:
        out[first:] = stacked_losses(trainer, np.array(traj[first:]))
    return out


def slice_data(trainer: Trainer, axes: tuple[str, str], rng: tuple[float, float, float, float] | None = None,
               grid: int = surface.DEFAULT_GRID, rate: float | None = None, log: bool = False) -> FigureData:
    """The figure of a slice over ``axes`` (every other parameter at its value now), over
    ``rng`` or the range the window would fit (path, look-ahead, the slice's minimum),
    with the look-ahead at ``rate`` when given."""
    net = trainer.network
    p1, p2 = (net.parse_param(n).name for n in axes)
    path = surface.trajectory_columns(trainer, p1, p2)
    current = np.array([net.get(p1), net.get(p2)])
    ghost, word = None, ""
    if rate is not None:
        la = surface.look_ahead(trainer, rate, LOOK_AHEAD_STEPS)
        cols = [net.flat_index(net.parse_param(n)) for n in (p1, p2)]
        ghost, word = np.asarray(la.params, dtype=np.float64)[:, cols], la.status
    if rng is None:
        rng = framed_range(trainer, (p1, p2), path, ghost_points(ghost, word), current)
    a0, a1, b0, b1 = rng
    a, b = np.linspace(a0, a1, grid), np.linspace(b0, b1, grid)
    name = trainer.dataset.name or "-".join(map(str, net.sizes))
    title = T_("figure", "%1: the loss over %2 and %3 at iteration %4", name, net.display_name(net.parse_param(p1)),
               net.display_name(net.parse_param(p2)), trainer.iteration)
    return FigureData(a, b, surface.loss_grid(trainer, p1, p2, a, b), path, path_losses(trainer, ARROWS_SHOWN),
                      current, (axis_name(trainer, p1), axis_name(trainer, p2)), title, ghost, rate, word, log)


def panel_data(panel) -> FigureData:
    """What a SurfacePanel shows now, as a figure (the window's File ▸ Export loss
    surface). ValueError when it shows no surface yet."""
    t = panel.trainer
    if panel.axes is None or not panel.loss.size or panel.heat.shown_path is None:
        raise ValueError(T_("figure", "there is no loss surface to export yet"))
    current = panel.heat.current_item.getData()
    la = panel.look.result if panel.look.xy.shape[0] else None  # a look-ahead not drawn is not exported
    name = t.dataset.name or "-".join(map(str, t.network.sizes))
    if panel.mode == "plane":
        labels = (T_("SurfacePanel", "direction 1 (main)"), T_("SurfacePanel", "direction 2"))
        title = T_("figure", "%1: the loss over the plane of the trajectory at iteration %2", name, t.iteration)
    else:
        labels = tuple(axis_name(t, n) for n in panel.axes)
        title = T_("figure", "%1: the loss over %2 and %3 at iteration %4", name,
                   t.network.display_name(panel.axes[0]), t.network.display_name(panel.axes[1]), t.iteration)
    return FigureData(panel.a_values, panel.b_values, panel.loss, panel.heat.shown_path,
                      path_losses(t, ARROWS_SHOWN), np.array([current[0][0], current[1][0]]), labels, title,
                      None if la is None else panel.look.xy, panel.look.drawn_rate, "" if la is None else la.status,
                      panel.controls.log_box.isChecked())


class Figure:
    """The figure's widget (offscreen), built from a ``FigureData``; ``close()`` when done."""

    def __init__(self, data: FigureData, size: tuple[int, int] = SIZE) -> None:
        self.data = data
        w = self.widget = pg.GraphicsLayoutWidget()
        w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        palette = QApplication.style().standardPalette()  # light, whatever the window's theme: for slides
        w.setPalette(palette)
        w.setBackground("w")
        w.ci.layout.setContentsMargins(12, 8, 12, 8)
        self.title = w.addLabel(row=0, col=0, colspan=2, size="13pt", color="#202020")
        self.heat = heat = HeatMap(w, row=1)
        heat.plot.getViewBox().setMouseEnabled(x=False, y=False)
        heat.recolour(palette)
        rng = (float(data.a[0]), float(data.a[-1]), float(data.b[0]), float(data.b[-1]))
        self._style_for_slides(pal.text_color(palette).name())
        heat.show_grid(data.a, data.b, data.loss, data.log, rng)
        heat.show_path(data.path, data.current)
        heat.arrows.opts["useCache"] = False  # the heads as paths, also in SVG (no pixmap atlas)
        if data.ghost is not None:  # cut at the edge: an SVG's drawing is not clipped to the plot
            xy = cut_at_edge(data.ghost, rng)
            heat.ghost_item.setData(xy[:, 0], xy[:, 1])
        self.legend = pg.LegendItem(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 215),
                                    pen=pg.mkPen("#808080"), labelTextColor="#202020")
        self.legend.setParentItem(heat.plot.getViewBox())
        n = data.path.shape[0] - 1
        steps = T_("Figure", "gradient descent, 1 step") if n == 1 else T_("Figure", "gradient descent, %n steps", n=n)
        self.legend.addItem(heat.trail_item, steps)
        self.legend.addItem(heat.start_item, T_("Figure", "start"))
        self.legend.addItem(heat.current_item, T_("Figure", "now"))
        word = verdict_word(data.word) if data.word else ""
        if data.ghost is not None:
            self.legend.addItem(heat.ghost_item, T_("Figure", "next %1 steps at rate %2: %3", LOOK_AHEAD_STEPS,
                                                    f"{data.rate:g}", word))
        lines = [data.title]
        if data.ghost is not None:
            colour = pal.REGIME_COLOURS.get(data.word, ("#202020", ""))[0]
            look = T_("Figure", "look-ahead at rate %1: %2", f"{data.rate:g}", word)
            lines.append(f"<span style='font-size:11pt;color:{colour}'>{look}</span>")
        self.title.setText("<br>".join(lines))
        w.resize(*size)
        w.show()
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        heat.show_arrows(data.path, data.path_losses)  # their directions need the laid-out view
        if data.ghost is not None:
            heat.show_edge_arrow(exit_arrow(data.ghost, rng, heat.pixel_scale()))

    def _style_for_slides(self, text: str) -> None:
        """Larger text than the panel's, stronger contour lines."""
        heat, data = self.heat, self.data
        font = QFont(QApplication.font())
        font.setPointSizeF(11)
        for plot, names in ((heat.plot, ("left", "bottom")), (heat.colorbar, ("right",))):
            for name in names:
                plot.getAxis(name).setStyle(tickFont=font)
        for axis in (heat.plot.getAxis("left"), heat.colorbar.getAxis("right")):
            axis.setWidth(76)  # room for the larger tick labels and the axis title
        size = {"font-size": "12pt"}
        heat.plot.setLabel("bottom", data.labels[0], color=text, **size)
        heat.plot.setLabel("left", data.labels[1], color=text, **size)
        heat.colorbar.getAxis("right").setLabel(colorbar_label(data.log), color=text, **size)
        for iso in heat.contours:
            iso.setPen(pg.mkPen(QColor(255, 255, 255, 140), width=1.2))

    def png(self, fmt: str = "png") -> bytes:
        return pictures.encode(self.widget.grab().toImage(), fmt)

    def svg(self) -> bytes:
        w, h = self.widget.width(), self.widget.height()
        return pictures.svg_bytes(w, h, self.data.title, "loss surface drawn by nnviz", self.widget.render)

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()


def export(data: FigureData, path: str | Path, size: tuple[int, int] = SIZE) -> None:
    """Write the figure to ``path`` in the format its name ends with, whole or not at all.
    ValueError for an ending Qt cannot write, OSError when it cannot be written."""
    from nnviz.gui.canvas.export import check_format

    fmt = check_format(path)
    figure = Figure(data, size)
    try:
        payload = figure.svg() if fmt == "svg" else figure.png(fmt)
    finally:
        figure.close()
    try:
        write_atomic(Path(path), payload)
    except FileError as exc:
        raise OSError(str(exc)) from None
