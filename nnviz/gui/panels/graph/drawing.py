"""Painting a computational graph (``nnviz.core.analysis.graph``) in its layout
(``graph_layout``): shared by the dock, its exports and ``nnviz graph``.

Nodes are rounded boxes tinted by their forward value on the canvas's diverging scale
(blue negative, orange positive); gradients are written in the colour of their sign. An
edge is a thin grey arrow forward; once the backward pass has reached it, it is drawn in
the colour of its downstream gradient, as wide as that gradient is strong, with an arrow
head pointing back to the node the gradient flows to. Each edge runs through its label
(local derivative, × upstream, = downstream). Numbers still to come are '?', drawn faint.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from nnviz.core.analysis.graph_model import Graph, Node, Text
from nnviz.core.analysis.graph_layout import FONT_PX, LABEL_PAD_X, LABEL_PAD_Y, NODE_PAD_Y, Layout, layout
from nnviz.core.geometry import Box
from nnviz.core.words import T_
from nnviz.gui.widgets import palette, pictures
from nnviz.gui.widgets.palette import mix
from nnviz.io.files import write_atomic

FORMATS = (".svg", ".png")
# Chinese, Japanese and Korean script (radicals, punctuation, kana, ideographs, hangul,
# full-width forms): it has no italic, and Qt would slant it synthetically
CJK = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))


def has_cjk(text: str) -> bool:
    return any(lo <= ord(c) <= hi for c in text for lo, hi in CJK)
PNG_SCALE = 1.5  # pixels per layout unit in a PNG export: sharp when projected


class Style:
    """Colours and fonts for one palette; ``measure`` is what the layout sizes text by."""

    def __init__(self, pal: QPalette | None = None, font: QFont | None = None) -> None:
        from PySide6.QtWidgets import QApplication

        pal = pal or QApplication.palette()
        self.dark = palette.is_dark(pal)
        self.background = palette.canvas_background(pal)
        self.text = palette.text_color(pal)
        self.muted = mix(self.text, self.background, 0.42)
        self.faint = mix(self.text, self.background, 0.72)
        self.highlight = QColor(palette.HIGHLIGHT)
        if self.dark:
            self.highlight = mix(self.highlight, QColor("white"), 0.3)
        base = QFont(font) if font is not None else QFont(QApplication.font())
        self.fonts: dict[str, QFont] = {}
        for role, px in FONT_PX.items():
            f = QFont(base)
            f.setPixelSize(px)
            f.setBold(role in ("heading", "title"))
            f.setItalic(role == "op")
            self.fonts[role] = f
        # an italic role's words in CJK script are drawn upright; its Latin symbols stay italic
        self._upright = {role: QFont(f) for role, f in self.fonts.items() if f.italic()}
        for f in self._upright.values():
            f.setItalic(False)
        self._metrics = {role: QFontMetricsF(f) for role, f in self.fonts.items()}
        self._upright_metrics = {role: QFontMetricsF(f) for role, f in self._upright.items()}

    def font(self, text: str, role: str) -> QFont:
        """The font ``text`` is drawn in, in ``role``."""
        if role in self._upright and has_cjk(text):
            return self._upright[role]
        return self.fonts[role]

    def measure(self, text: str, role: str) -> tuple[float, float]:
        if role not in self._metrics:
            role = "op"
        fm = self._upright_metrics[role] if role in self._upright and has_cjk(text) else self._metrics[role]
        return fm.horizontalAdvance(text) + 1.0, fm.height()

    def signed(self, value: float, scale: float) -> QColor:
        """The canvas's diverging colour of ``value``."""
        return palette.signed_color(value, scale)

    def fill(self, value: float, scale: float) -> QColor:
        """A node's background: the background tinted with the value's diverging colour."""
        return mix(self.background, self.signed(value, scale), 0.30 if self.dark else 0.22)

    def signed_text(self, value: float) -> QColor:
        """A readable text colour for the sign of ``value`` (grey for zero)."""
        if value == 0 or not math.isfinite(value):
            return self.muted
        c = QColor(palette.POSITIVE if value > 0 else palette.NEGATIVE)
        return mix(c, QColor("white"), 0.35) if self.dark else mix(c, QColor("black"), 0.15)


@dataclass
class Scales:
    value: float  # forward values
    grad: float  # gradients

    @classmethod
    def of(cls, graph: Graph) -> "Scales":
        values = [abs(n.value) for n in graph.nodes if n.value is not None and n.kind != "update"]
        grads = [abs(e.downstream) for e in graph.edges if e.downstream is not None]
        grads += [abs(n.grad) for n in graph.nodes if n.grad is not None]
        finite = lambda xs: [x for x in xs if math.isfinite(x)]
        return cls(max(finite(values), default=1.0) or 1.0, max(finite(grads), default=1.0) or 1.0)


def graph_layout(graph: Graph, style: Style) -> Layout:
    return layout(graph, style.measure)


# ======================================================================= painting
def paint(p: QPainter, graph: Graph, lay: Layout, style: Style, front=(), visible: Box | None = None) -> None:
    """Paint ``graph`` in layout coordinates (the caller sets the transform and the
    background); the nodes in ``front`` (just filled in) are outlined in the highlight
    colour. Only what meets ``visible`` (layout coordinates; None: everything) is drawn."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    scales = Scales.of(graph)
    current = graph.walk_current
    seen = (lambda box: True) if visible is None else visible.intersects
    for k, e in enumerate(graph.edges):
        (x0, y0), (x1, y1) = lay.anchors(k)
        reach = [y0, y1] + ([lay.labels[k].y, lay.labels[k].bottom] if k in lay.labels else [])
        if seen(Box(min(x0, x1), min(reach) - 10, abs(x1 - x0) + 1, max(reach) - min(reach) + 20)):
            _paint_edge(p, graph, lay, k, style, scales, forming=current is not None and e.src == current)
    for n in graph.nodes:
        if seen(lay.nodes[n.id]):
            _paint_node(p, n, lay.nodes[n.id], style, scales,
                        3.0 if n.id == current else 2.0 if n.id in front else 0)
    for k, e in enumerate(graph.edges):
        if k in lay.labels and seen(lay.labels[k]):
            _paint_label(p, e.label, lay.labels[k], style, e.downstream, e.src == current)
    _lines(p, [Text(graph.title, graph.title, "heading"), Text(graph.subtitle, graph.subtitle, "subheading")],
           lay.title, style, lambda line: style.text if line.role == "heading" else style.muted, "left")
    if lay.notes is not None:
        _lines(p, [Text(s, s, "note") for s in lay.note_lines], lay.notes, style, lambda line: style.muted, "left")


def _lines(p: QPainter, lines, box: Box, style: Style, colour, align: str = "centre", pad_x: float = 0.0,
           pad_y: float = 0.0) -> None:
    y = box.y + pad_y
    for line in lines:
        w, h = style.measure(line.text, line.role)
        p.setFont(style.font(line.text, line.role))
        p.setPen(colour(line))
        x = {"centre": box.cx - w / 2, "left": box.x + pad_x, "right": box.right - pad_x - w}[align]
        p.drawText(QRectF(x, y, w + 2, h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line.text)
        y += h + 1.0


def _paint_node(p: QPainter, n: Node, box: Box, style: Style, scales: Scales, highlight: float) -> None:
    pending = n.kind == "update" and n.value is None
    fill = style.background
    if n.value is not None and n.kind != "update" and math.isfinite(n.value):
        fill = style.fill(n.value, scales.value)
    border = style.faint if pending else style.muted
    width = 1.3
    if n.kind in ("param", "loss") or (n.kind == "combined" and n.id == "E"):
        border, width = style.text, 2.2
    if highlight:
        border, width = style.highlight, highlight
    pen = QPen(border, width)
    if n.kind in ("rest", "samples") or pending:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(fill)
    p.drawRoundedRect(QRectF(box.x, box.y, box.w, box.h), 7, 7)

    def colour(line: Text) -> QColor:
        if pending or "?" in line.text or line.role == "grad" and n.grad is None:
            return style.faint
        if line.role == "grad":
            return style.signed_text(n.grad)
        return style.muted if line.role == "op" else style.text

    _lines(p, n.lines, box, style, colour, pad_y=NODE_PAD_Y)


def _paint_label(p: QPainter, lines, box: Box, style: Style, downstream, current: bool) -> None:
    p.setPen(QPen(style.highlight if current else style.faint, 2.0 if current else 1.0))
    p.setBrush(style.background)
    p.drawRoundedRect(QRectF(box.x, box.y, box.w, box.h), 5, 5)

    def colour(line: Text) -> QColor:
        if "?" in line.text or downstream is None and line.role != "local":
            return style.faint
        if line.role == "grad" and downstream is not None:
            return style.signed_text(downstream)
        return style.muted if downstream is None else style.text

    _lines(p, lines, box, style, colour, "right", pad_x=LABEL_PAD_X, pad_y=LABEL_PAD_Y)


def _arrow(p: QPainter, tip: QPointF, direction: float, size: float, colour: QColor) -> None:
    """A filled arrow head at ``tip`` pointing along ``direction`` (radians)."""
    a, b = direction + math.pi * 0.85, direction - math.pi * 0.85
    head = QPolygonF([tip, tip + QPointF(math.cos(a), math.sin(a)) * size,
                      tip + QPointF(math.cos(b), math.sin(b)) * size])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPolygon(head)


def _curve(path: QPainterPath, a: QPointF, b: QPointF) -> None:
    dx = (b.x() - a.x()) / 2
    path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)


def _paint_edge(p: QPainter, graph: Graph, lay: Layout, k: int, style: Style, scales: Scales,
                forming: bool) -> None:
    e = graph.edges[k]
    (x0, y0), (x1, y1) = lay.anchors(k)
    a, b = QPointF(x0, y0), QPointF(x1, y1)
    path = QPainterPath(a)
    label = lay.labels.get(k)
    if graph.node(e.src).column == graph.node(e.dst).column:
        path.lineTo(b)
    elif label is not None:
        _curve(path, a, QPointF(label.x, label.cy))
        path.lineTo(QPointF(label.right, label.cy))
        _curve(path, QPointF(label.right, label.cy), b)
    else:
        _curve(path, a, b)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if e.downstream is not None and math.isfinite(e.downstream):
        strength = min(abs(e.downstream) / scales.grad, 1.0)
        # at least a third of the way along the scale, so that a reached edge never looks grey
        shade = math.copysign(max(strength, 0.35), e.downstream) if e.downstream else 0.0
        colour = style.highlight if forming else style.signed(shade, 1.0)
        width = 3.5 if forming else 1.6 + 3.4 * strength
        p.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPath(path)
        _arrow(p, a, math.pi, 6 + 0.8 * width, colour)  # the gradient flows back to the source
        return
    colour = style.faint if e.step is None or graph.node(e.dst).kind == "update" else style.muted
    p.setPen(QPen(colour, 1.3))
    p.drawPath(path)
    direction = -math.pi / 2 if graph.node(e.src).column == graph.node(e.dst).column else 0.0
    _arrow(p, b, direction, 8, colour)


# ======================================================================= exports
def render_image(graph: Graph, lay: Layout, style: Style, scale: float = PNG_SCALE) -> QImage:
    w, h = max(1, math.ceil(lay.bounds.w * scale)), max(1, math.ceil(lay.bounds.h * scale))
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(style.background)
    p = QPainter(img)
    p.scale(scale, scale)
    paint(p, graph, lay, style)
    p.end()
    return img


def svg_bytes(graph: Graph, lay: Layout, style: Style) -> bytes:
    w, h = math.ceil(lay.bounds.w), math.ceil(lay.bounds.h)

    def draw(p: QPainter) -> None:
        p.fillRect(QRectF(0, 0, w, h), style.background)
        paint(p, graph, lay, style)

    return pictures.svg_bytes(w, h, graph.title, f"{graph.subtitle} · drawn by nnviz", draw)


def png_bytes(graph: Graph, lay: Layout, style: Style, scale: float = PNG_SCALE) -> bytes:
    return pictures.encode(render_image(graph, lay, style, scale), "png")


def export(graph: Graph, path: str | Path, style: Style | None = None) -> None:
    """Write ``graph`` to ``path`` (.svg: text stays text; .png: PNG_SCALE times the layout's size),
    atomically. Raises ValueError for another file type, FileError when it cannot be written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(T_("drawing", "cannot export the graph to %1: the file name must end in .svg or .png",
                            repr(path.name)))
    style = style or Style()
    lay = graph_layout(graph, style)
    data = svg_bytes(graph, lay, style) if suffix == ".svg" else png_bytes(graph, lay, style)
    write_atomic(path, data)
