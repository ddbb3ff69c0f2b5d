"""QPainter drawing of a :class:`~nnviz.gui.canvas.scene.Scene` on a
:class:`~nnviz.gui.canvas.layout.Layout` for a :class:`~nnviz.gui.canvas.layout.View`.

Drawing fast: each colour bin of edges is one QPainterPath built from NumPy arrays
(``pg.arrayToQPath(..., connect='pairs')``) in world coordinates, once per scene.
Translucent line drawing is slow in Qt's raster engine, so the bin colours are blended
with the background first and drawn opaque (weak bins first, so that strong edges stay
on top). The widget keeps the painted picture in a :class:`CachedPicture`, rebuilt only
when the values, the view or the palette change; selection and hover go on top of it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QPixmap,
                           QPolygonF, QTransform)

from nnviz.core.words import N_, T_, translate
from nnviz.gui.canvas import layout as geo
from nnviz.gui.canvas import overlays, texts
from nnviz.gui.canvas.layout import Box, Hit, Layout, Placement, View
from nnviz.gui.canvas.scene import LEVELS, Scene, bin_color, fill_color, luminance
from nnviz.gui.widgets import palette
from nnviz.gui.widgets.palette import diverging, mix


def colours(pal: QPalette) -> dict[str, QColor]:
    bg = palette.canvas_background(pal)
    fg = palette.text_color(pal)
    dark = palette.is_dark(pal)
    return {
        "bg": bg, "fg": fg, "dim": mix(bg, fg, 0.62), "faint": mix(bg, fg, 0.16),
        "hull": mix(bg, diverging(0.5), 0.16),
        "outline": mix(bg, fg, 0.55), "empty_outline": mix(bg, fg, 0.32),
        "highlight": QColor(palette.HIGHLIGHT),
        "band": mix(bg, QColor(palette.HIGHLIGHT), 0.13 if dark else 0.09),
        "band_gap": mix(bg, QColor(palette.HIGHLIGHT), 0.07 if dark else 0.045),
        "label_bg": mix(bg, fg, 0.04),
    }


def _pairs_path(seg: np.ndarray) -> QPainterPath:
    if len(seg) == 0:
        return QPainterPath()
    x = np.column_stack((seg[:, 0], seg[:, 2])).ravel()
    y = np.column_stack((seg[:, 1], seg[:, 3])).ravel()
    return pg.arrayToQPath(x, y, connect="pairs", finiteCheck=False)


def _circles(centres, r: float) -> QPainterPath:
    path = QPainterPath()
    for x, y in centres:
        path.addEllipse(QPointF(float(x), float(y)), r, r)
    return path


class _Paths:
    """The scene's shapes as QPainterPaths in world coordinates."""

    def __init__(self, scene: Scene, lay: Layout) -> None:
        self.edges = [(k, _pairs_path(seg)) for k, seg in scene.edge_bins]
        self.biases = [(k, _pairs_path(seg)) for k, seg in scene.bias_bins]
        self.faint = _pairs_path(scene.faint_edges)
        self.hulls = [QPolygonF([QPointF(float(x), float(y)) for x, y in h]) for h in scene.hulls]
        fills: dict[int, list] = {}
        empty = []
        for c, levels in enumerate(scene.fill_levels):
            for j, y in enumerate(lay.ys[c]):
                if levels is None:
                    empty.append((lay.x[c], y))
                else:
                    fills.setdefault(int(levels[j]), []).append((lay.x[c], y))
        self.fills = [(k, _circles(centres, lay.r)) for k, centres in sorted(fills.items())]
        self.empty = _circles(empty, lay.r)


class ScenePainter:
    """Paints scenes; keeps the paths of the last scene drawn."""

    def __init__(self) -> None:
        self._paths: tuple[Scene, _Paths] | None = None

    def _paths_of(self, scene: Scene, lay: Layout) -> _Paths:
        if self._paths is None or self._paths[0] is not scene:
            self._paths = (scene, _Paths(scene, lay))
        return self._paths[1]

    def placement(self, lay: Layout, scene: Scene, view: View, fonts: texts.Fonts, *, thumbnails: bool = False,
                  comparison=None, area: Box | None = None) -> Placement:
        """Where the text and the overlays of ``scene`` go in ``view`` (inside ``area``)."""
        targets = None
        if scene.targets is not None and lay.sy * view.scale >= 16:
            targets = [target_text(scene.num(x)) for x in scene.targets]
        return geo.place(lay, view, fonts.measure, headings=texts.heading_texts(lay, scene, view, fonts),
                         names=texts.side_names(lay, scene, fonts), bias_labels=texts.bias_texts(scene, fonts),
                         targets=targets, locks=scene.frozen,
                         overlays=comparison, thumbnails=thumbnails, edge_labels=scene.edge_labels, area=area)

    def paint(self, p: QPainter, rect: QRectF, lay: Layout, scene: Scene, view: View, pal: QPalette,
              base_font: QFont, *, thumbnails=None, comparison=None) -> Placement:
        """Paint ``scene`` into ``rect`` of ``p``; ``thumbnails`` (images per column) and
        ``comparison`` (texts per column) when those overlays are on. Returns where the
        annotations went (the widget hit-tests the edge labels)."""
        paths = self._paths_of(scene, lay)
        col = colours(pal)
        fonts = texts.Fonts(base_font, lay, view)
        placement = self.placement(lay, scene, view, fonts, thumbnails=thumbnails is not None, comparison=comparison,
                                   area=Box(rect.x(), rect.y(), rect.width(), rect.height()))
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setClipRect(rect)
        p.fillRect(rect, col["bg"])
        T = QTransform(view.scale, 0, 0, view.scale, view.tx, view.ty)
        dens = geo.density(lay, view)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(col["hull"])
        for hull in paths.hulls:  # dense layers: a faint band standing for all their connections
            p.drawPolygon(T.map(hull))
        self._paint_front(p, lay, scene, view, T, col)
        self._paint_edges(p, paths, view, T, dens, col, lay.r * view.scale)
        self._paint_bias_nodes(p, lay, view, fonts, col)
        fills = self._paint_neurons(p, lay, scene, paths, view, T, col)
        self.draw_labels(p, fonts, texts.label_texts(placement.edge_labels, scene), scene, col)
        self._paint_texts(p, lay, view, placement, scene, fonts, col)
        self._paint_neuron_labels(p, lay, scene, view, fonts, col, fills, {c for c, _, _ in placement.names})
        self._paint_frozen(p, lay, scene, view, placement, dens, col)
        if thumbnails is not None:
            overlays.paint_thumbnails(p, placement, thumbnails, col["outline"])
        if comparison is not None:
            overlays.paint_comparison(p, placement, comparison, fonts.roles["overlay"], col["fg"], col["outline"],
                                      col["label_bg"], palette.is_dark(pal))
        self._paint_caption(p, rect, scene, fonts, col)
        notes = scene.notes + [translate("painter", LEFT_OUT[what]) for what in sorted(placement.left_out)]
        self._paint_legend(p, rect, scene, notes, fonts, col)
        p.restore()
        return placement

    # -------------------------------------------------------------- network
    def _paint_front(self, p, lay, scene, view, T, col) -> None:
        """The band behind the active column (and the gap its edges cross)."""
        if scene.active_layer is None:
            return
        l = scene.active_layer
        top, bottom = lay.column_extent(l)
        pad = lay.r + 10 / view.scale
        band = QRectF(lay.x[l] - pad, top - pad, 2 * pad, bottom - top + 2 * pad)
        if scene.active_phase in ("backward", "update", "forward") and l >= 1:
            t0, b0 = lay.column_extent(l - 1)
            gap = QRectF(QPointF(lay.x[l - 1] + lay.r, min(t0, top) - pad), QPointF(lay.x[l] - pad, max(b0, bottom) + pad))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(col["band_gap"])
            p.drawRect(T.mapRect(gap))
        p.setBrush(col["band"])
        if scene.is_next:
            p.setPen(QPen(col["highlight"], 1.4, Qt.PenStyle.DashLine))
        else:
            p.setPen(Qt.PenStyle.NoPen)
        radius = min(pad * view.scale, 18.0)
        p.drawRoundedRect(T.mapRect(band), radius, radius)

    def _paint_edges(self, p, paths, view, T, dens, col, r_px) -> None:
        p.setBrush(Qt.BrushStyle.NoBrush)
        if not paths.faint.isEmpty():
            pen = QPen(col["faint"], max(0.6, dens) * view.ui)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            p.drawPath(T.map(paths.faint))
        for group, bias in ((paths.biases, True), (paths.edges, False)):
            for k, path in group:
                pen = QPen(bin_color(k, col["bg"], dens), geo.edge_width(abs(k) / LEVELS, dens, bias) * view.ui)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                if bias:
                    pen.setStyle(Qt.PenStyle.DashLine if r_px > 6 else Qt.PenStyle.SolidLine)
                p.setPen(pen)
                p.drawPath(T.map(path))

    def _paint_bias_nodes(self, p, lay, view, fonts, col) -> None:
        """The bias nodes: a square with a "1" (a constant input) in it."""
        side = fonts.side
        one = fonts.font(min(side * 0.55, 12 * view.ui))
        with_one = side > QFontMetricsF(fonts.roles["bias"]).horizontalAdvance("1") + 6
        p.setFont(one)
        for bx, by in lay.bias_xy:
            x, y = view.map(bx, by)
            square = QRectF(x - side / 2, y - side / 2, side, side)
            p.setPen(QPen(col["outline"], 1.2))
            p.setBrush(col["label_bg"])
            p.drawRoundedRect(square, min(3.0, side / 5), min(3.0, side / 5))
            if with_one:
                p.setPen(col["dim"])
                p.drawText(square, Qt.AlignmentFlag.AlignCenter, "1")

    def _paint_neurons(self, p, lay, scene, paths, view, T, col) -> dict[int, QColor]:
        r_px = lay.r * view.scale
        p.setPen(Qt.PenStyle.NoPen)
        fills = {}
        for k, path in paths.fills:
            fills[k] = fill_color(k)
            p.setBrush(fills[k])
            p.drawPath(T.map(path))
        outline_w = (1.3 if r_px > 8 else 0.8) * view.ui
        if not paths.empty.isEmpty():
            p.setBrush(col["bg"])
            p.setPen(QPen(col["empty_outline"], outline_w, Qt.PenStyle.DashLine if r_px > 10 else Qt.PenStyle.SolidLine))
            p.drawPath(T.map(paths.empty))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(col["outline"], outline_w))
        for _, path in paths.fills:
            p.drawPath(T.map(path))
        if scene.computed_column is not None:
            c = scene.computed_column
            rr = r_px + geo.ring_gap(lay, view)
            ring = _circles([view.map(lay.x[c], float(y)) for y in lay.ys[c]], rr)
            p.setPen(QPen(col["highlight"], (2.6 if r_px > 6 else 1.6) * view.ui))
            p.drawPath(ring)
        return fills

    def _paint_frozen(self, p, lay, scene, view, placement, dens, col) -> None:
        """Frozen parameters: a muted dotted line over the edge and a small padlock at its
        middle."""
        over = QPen(col["bg"], max(1.2, 0.5 * geo.edge_width(0.5, dens)), Qt.PenStyle.DotLine)
        over.setCapStyle(Qt.PenCapStyle.FlatCap)
        size = geo.lock_size(lay, view)
        for hit, box in zip(scene.frozen, placement.locks):
            line = geo.screen_line(lay, view, hit)
            if line is None:
                continue
            p.setPen(over)
            p.drawLine(QPointF(*line[0]), QPointF(*line[1]))
            draw_lock(p, QPointF(box.x + box.w / 2, box.y + box.h / 2), size, col["fg"], col["label_bg"], col["faint"])

    # -------------------------------------------------------------- text
    def draw_labels(self, p, fonts: texts.Fonts, labels, scene: Scene, col) -> None:
        """Edge labels, (box, edge, text) each: a pill bordered in the edge's colour."""
        if not labels:
            return
        p.setFont(fonts.roles["edge label"])
        for box, hit, text in labels:
            rect = QRectF(box.x, box.y, box.w, box.h)
            p.setPen(QPen(mix(col["bg"], scene.value_color(hit), 0.9), 1.2))
            p.setBrush(col["bg"])
            p.drawRoundedRect(rect, box.h / 2, box.h / 2)
            p.setPen(col["fg"])
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_texts(self, p, lay: Layout, view: View, placement: Placement, scene: Scene, fonts: texts.Fonts,
                     col) -> None:
        """Names beside neurons, bias labels, targets and column headings, in the boxes
        placed for them."""
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.setFont(fonts.roles["name beside"])
        p.setPen(col["fg"])
        for c, j, box in placement.names:
            align = Qt.AlignmentFlag.AlignRight if box.right <= view.map(lay.x[c], 0.0)[0] else \
                Qt.AlignmentFlag.AlignLeft if box.x >= view.map(lay.x[c], 0.0)[0] else Qt.AlignmentFlag.AlignHCenter
            p.drawText(_rect(box), align | Qt.AlignmentFlag.AlignVCenter, scene.neuron_names[c][j])
        p.setFont(fonts.roles["bias"])
        for box, text in zip(placement.bias_labels, texts.bias_texts(scene, fonts)):
            if box is not None:
                _plate(p, _rect(box), col, radius=3.0)
                p.setPen(col["dim"])
                p.drawText(_rect(box), left, text)
        p.setFont(fonts.roles["target"])
        p.setPen(col["dim"])
        for box, x in zip(placement.targets, scene.targets if scene.targets is not None else ()):
            p.drawText(_rect(box).adjusted(0, 0, 4, 0), left, target_text(scene.num(x)))
        head_h = QFontMetricsF(fonts.roles["head"]).height()
        for box, (head, sub) in zip(placement.headings, texts.heading_texts(lay, scene, view, fonts)):
            top = QRectF(box.x, box.y, box.w, head_h)
            p.setFont(fonts.roles["head"])
            p.setPen(col["fg"])
            p.drawText(top, Qt.AlignmentFlag.AlignCenter, head)
            p.setFont(fonts.roles["sub"])
            p.setPen(col["dim"])
            p.drawText(QRectF(box.x, box.y + head_h, box.w, box.h - head_h), Qt.AlignmentFlag.AlignCenter, sub)

    def _paint_neuron_labels(self, p, lay, scene, view, fonts, col, fills, beside: set[int]) -> None:
        """Name (unless written ``beside`` the column), value and (once computed) delta
        inside each circle; a column shows the same lines for all of its neurons, as
        many as fit, or none."""
        r_px = lay.r * view.scale
        if r_px < 7:
            return
        f_name, f_val, f_small = fonts.roles["name"], fonts.roles["value"], fonts.roles["small"]
        fm_name, fm_val, fm_small = fonts.metrics("name"), fonts.metrics("value"), fonts.metrics("small")
        f_tiny = fonts.font(8)
        fm_tiny = QFontMetricsF(f_tiny)
        inner = fonts.inner
        dark_text, light_text = QColor("#17181a"), QColor("#ffffff")
        for c, n in enumerate(lay.sizes):
            vals, errs = scene.out[c], scene.errors[c]
            N = ([""] * n if c in beside else scene.neuron_names[c], f_name, fm_name)
            V = (["–"] * n if vals is None else [scene.num(x) for x in vals], f_val, fm_val)
            V3 = (["–"] * n if vals is None else [scene.num(x, fewer=1) for x in vals], f_val, fm_val)
            options = []
            E = None if errs is None else ([f"{scene.error_symbol} {scene.num(x)}" for x in errs], f_small, fm_small)
            if E is not None and c not in beside:
                options.append([N, V, E])
            if c in beside:  # the name is written beside: the circle holds the numbers
                options += [[V, E]] if E is not None else []
                options += [[V], [V3]]
            else:
                options += [[N, V], [N, V3]]
                if E is not None and not scene.named:
                    options.append([V, E])
                options += [[N], [V], [V3]] if scene.named else [[V], [V3], [N]]
            options.append([(V3[0], f_tiny, fm_tiny)])
            chosen = None
            for lines in options:
                height = sum(fm.height() for _, _, fm in lines)
                if height <= 1.62 * r_px and all(fm.horizontalAdvance(t) <= inner for texts, _, fm in lines
                                                 for t in texts):
                    chosen = lines
                    break
            if chosen is None:
                continue
            height = sum(fm.height() for _, _, fm in chosen)
            levels = scene.fill_levels[c]
            for j in range(n):
                cx, cy = view.map(*lay.neuron(c, j))
                if levels is None:
                    colour = col["dim"]
                else:
                    colour = dark_text if luminance(fills.get(int(levels[j]), col["bg"])) > 0.45 else light_text
                p.setPen(colour)
                y = cy - height / 2
                for texts, font, fm in chosen:
                    p.setFont(font)
                    p.drawText(QRectF(cx - r_px, y, 2 * r_px, fm.height()), Qt.AlignmentFlag.AlignCenter, texts[j])
                    y += fm.height()

    def _paint_caption(self, p, rect, scene, fonts, col) -> None:
        ui = fonts.ui
        head, sub = scene.caption
        f_head, f_sub = fonts.font(15 * ui, bold=True), fonts.font(12 * ui)
        fm_head, fm_sub = QFontMetricsF(f_head), QFontMetricsF(f_sub)
        x, y = rect.x() + 16 * ui, rect.y() + 12 * ui
        dot = 9.0 * ui
        width = max(fm_head.horizontalAdvance(head), fm_sub.horizontalAdvance(sub)) + dot + 8 * ui
        _plate(p, QRectF(x - 8 * ui, y - 5 * ui, min(width + 16 * ui, rect.width() - 16 * ui),
                         fm_head.height() + fm_sub.height() + 12 * ui), col)
        x_text = x
        if scene.active_phase is not None and not scene.past:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(col["highlight"] if not scene.is_next else col["dim"])
            p.drawEllipse(QRectF(x, y + (fm_head.height() - dot) / 2, dot, dot))
            x_text = x + dot + 8 * ui
        p.setFont(f_head)
        p.setPen(col["fg"])
        p.drawText(QPointF(x_text, y + fm_head.ascent()), head)
        p.setFont(f_sub)
        p.setPen(col["dim"])
        p.drawText(QPointF(x_text, y + fm_head.height() + 2 * ui + fm_sub.ascent()),
                   fm_sub.elidedText(sub, Qt.TextElideMode.ElideRight, rect.width() - x_text - 16 * ui))

    def _paint_legend(self, p, rect, scene, notes, fonts, col) -> None:
        entries = scene.legend
        ui = fonts.ui
        f_title, f_num, f_note = fonts.font(12 * ui, bold=True), fonts.font(11 * ui), fonts.font(11 * ui, italic=True)
        fm_title, fm_num, fm_note = QFontMetricsF(f_title), QFontMetricsF(f_num), QFontMetricsF(f_note)
        bar_w, bar_h, space = 200.0 * ui, 11.0 * ui, 28.0 * ui
        block_h = fm_title.height() + 4 * ui + bar_h + 3 * ui + fm_num.height()
        x_right = rect.right() - 16 * ui
        y_bottom = rect.bottom() - 12 * ui
        y_top = y_bottom - block_h
        if notes:
            y_top -= len(notes) * fm_note.height() + 4 * ui
        widths = [max(bar_w, fm_title.horizontalAdvance(title)) for _, title, _ in entries]
        total = max([sum(widths) + space * max(len(widths) - 1, 0)] + [fm_note.horizontalAdvance(n) for n in notes])
        if total > 0:
            _plate(p, QRectF(x_right - total - 8 * ui, y_top - 5 * ui, total + 16 * ui, y_bottom - y_top + 10 * ui), col)
        p.setFont(f_note)
        p.setPen(col["dim"])
        for i, note in enumerate(notes):
            p.drawText(QRectF(rect.x(), y_bottom - (len(notes) - i) * fm_note.height(), x_right - rect.x(),
                              fm_note.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, note)
        x = x_right
        cell = bar_w / (2 * LEVELS + 1)
        for _, title, scale in reversed(entries):
            w = max(bar_w, fm_title.horizontalAdvance(title))
            bar_x = x - bar_w
            p.setFont(f_title)
            p.setPen(col["fg"])
            p.drawText(QRectF(x - w, y_top, w, fm_title.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       title)
            by = y_top + fm_title.height() + 4 * ui
            p.setPen(Qt.PenStyle.NoPen)
            for i, k in enumerate(range(-LEVELS, LEVELS + 1)):
                p.setBrush(bin_color(k, col["bg"]))
                p.drawRect(QRectF(bar_x + i * cell, by, cell + 0.5, bar_h))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(col["outline"], 0.8 * ui))
            p.drawRect(QRectF(bar_x, by, bar_w, bar_h))
            p.setFont(f_num)
            p.setPen(col["dim"])
            ny = by + bar_h + 3 * ui
            ends = ((Qt.AlignmentFlag.AlignLeft, scene.signed(-scale)), (Qt.AlignmentFlag.AlignHCenter, "0"),
                    (Qt.AlignmentFlag.AlignRight, scene.signed(scale)))
            for align, text in ends:
                p.drawText(QRectF(bar_x, ny, bar_w, fm_num.height()), align, text)
            x -= w + space

    # -------------------------------------------------------------- hover and selection
    def paint_marks(self, p, lay: Layout, scene: Scene, view: View, pal: QPalette, base_font: QFont, labels,
                    hover: Hit | None, selected: Hit | None) -> None:
        """The hovered and the selected item over the cached picture, each with its edge
        label (from ``labels``, the placed ones) on top."""
        col = colours(pal)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for hit, strong in ((hover, False), (selected, True)):
            if hit is None or (not strong and hit == selected):
                continue
            self._paint_emphasis(p, lay, scene, view, col, hit, strong)
            mine = [lab for lab in labels if lab[1] == hit]
            if mine:
                self.draw_labels(p, texts.Fonts(base_font, lay, view), texts.label_texts(mine, scene), scene, col)

    def _paint_emphasis(self, p, lay: Layout, scene: Scene, view: View, col, hit: Hit, strong: bool) -> None:
        """A halo around edge or bias ``hit`` (strong: selected; else hovered), or a ring
        around a neuron."""
        if hit.kind in ("edge", "bias"):
            line = geo.screen_line(lay, view, hit)
            if line is None:
                return
            a, b = QPointF(*line[0]), QPointF(*line[1])
            width = max(geo.edge_width(0.5, geo.density(lay, view)), 2.0) * view.ui
            halo = QPen(col["fg"] if strong else col["dim"], width + (3.5 if strong else 2.5))
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(halo)
            p.drawLine(a, b)
            inner = QPen(scene.value_color(hit), width + 0.5)
            inner.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(inner)
            p.drawLine(a, b)
        elif hit.kind == "neuron":
            c = QPointF(*view.map(*lay.neuron(hit.layer, hit.row)))
            rr = lay.r * view.scale + (7 if strong else 4) * view.ui
            pen = QPen(col["fg"] if strong else col["dim"], (2.2 if strong else 1.5) * view.ui)
            if strong:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(c, rr, rr)


LEFT_OUT = {"overlays": N_("painter", "δ · e boxes: no room beside every neuron at this size; zoom in"),
            "thumbnails": N_("painter", "thumbnails: no room beside every neuron at this size; zoom in")}


def target_text(value: str) -> str:
    """The words beside an output neuron: its target."""
    return T_("painter", "target %1", value)


def _rect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.w, box.h)


def _plate(p, rect: QRectF, col, radius: float = 6.0) -> None:
    """A quiet backing for the caption, the legend and bias labels, so they stay readable
    over edges."""
    plate = QColor(col["bg"])
    plate.setAlphaF(0.93)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(plate)
    p.drawRoundedRect(rect, radius, radius)


def draw_lock(p: QPainter, c: QPointF, size: float, fg: QColor, bg: QColor, muted: QColor) -> None:
    """A small padlock centred at ``c`` (``size`` px high): a frozen parameter."""
    w = size * 0.8
    body = QRectF(c.x() - w / 2, c.y() - size * 0.1, w, size * 0.6)
    p.save()
    p.setPen(QPen(muted, 1.0))
    p.setBrush(bg)
    p.drawEllipse(c, size * 0.75, size * 0.75)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(fg, max(1.2, size * 0.13)))
    sw = w * 0.62
    p.drawArc(QRectF(c.x() - sw / 2, c.y() - size * 0.5, sw, size * 0.8), 0, 180 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawRoundedRect(body, size * 0.1, size * 0.1)
    p.restore()


class CachedPicture:
    """The painted canvas as a pixmap, repainted only when forgotten or when the size,
    pixel ratio or palette (the key) change."""

    def __init__(self) -> None:
        self._pixmap: QPixmap | None = None
        self._key: tuple | None = None
        self.builds = 0  # how many times the picture was painted (tests, benchmarks)

    def forget(self) -> None:
        self._pixmap = None

    @property
    def valid(self) -> bool:
        return self._pixmap is not None

    def get(self, width: int, height: int, dpr: float, pal: QPalette, draw: Callable[[QPainter], None]) -> QPixmap:
        key = (width, height, dpr, pal.cacheKey())
        if self._pixmap is None or self._key != key:
            pix = QPixmap(QSize(max(1, round(width * dpr)), max(1, round(height * dpr))))
            pix.setDevicePixelRatio(dpr)
            painter = QPainter(pix)
            draw(painter)
            painter.end()
            self._pixmap, self._key = pix, key
            self.builds += 1
        return self._pixmap
