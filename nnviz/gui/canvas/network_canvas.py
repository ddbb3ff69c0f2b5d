"""The network canvas: the centre of the window.

Layers are columns, neurons circles labelled with their name and value, biases small
square nodes under the column that feeds them. Edges are coloured on the shared
diverging map (blue negative, orange positive) by the quantity shown — weights,
gradients dE/dw or the last updates Δw — and grow wider and stronger with |value|.

Drawing fast: the values are quantised into a few colour/width bins and each bin is one
QPainterPath built from NumPy arrays (``pg.arrayToQPath(..., connect='pairs')``), kept
in world coordinates and rebuilt only when the values change. The painted picture is
cached as a pixmap and rebuilt only when the values, the view (zoom/pan/size) or the
palette change; selection and hover are drawn on top of it. Translucent line drawing is
slow in Qt's raster engine, so the bin colours are blended with the background first and
drawn opaque (weak bins first, so that strong edges stay on top). A layer with more than
``DENSE_EDGES`` edges draws its strongest ones (``EDGE_BUDGET`` over all dense layers)
over a faint band that stands for all of its connections; hovering still finds any edge.

The same painting code (:meth:`NetworkCanvas.paint`) draws the widget, :meth:`render_image`
and the PNG/SVG exports.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (QAction, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath,
                           QPalette, QPen, QPixmap, QPolygonF, QTransform)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QMenu, QSizePolicy, QSlider,
                               QToolButton, QToolTip, QVBoxLayout, QWidget)

from nnviz.core.analysis.explain import Formatter, Names
from nnviz.core.network import Param
from nnviz.gui.widgets import palette
from nnviz.gui.session import Session

QUANTITIES = ("weights", "gradients", "updates")
LEVELS = 6  # colour/width steps per sign: edges fall into 2 * LEVELS + 1 bins
FILL_LEVELS = 10  # neuron fill steps per sign
DENSE_EDGES = 1024  # a layer with more edges than this draws only its strongest ones
EDGE_BUDGET = 2000  # edges drawn over all dense layers together
MAX_FIT_SCALE = 1.45  # small networks are not blown up beyond this when fitted
BIAS_EDGES_MAX = 32  # a layer with more units shows its biases on the bias node only

_BOUNDED = ("sigmoid", "tanh", "softmax")


# ======================================================================== helpers
def _nice_ceil(x: float) -> float:
    """The smallest 'round' number >= x (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k)."""
    if not math.isfinite(x) or x <= 0:
        return 1.0
    e = 10.0 ** math.floor(math.log10(x))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * e >= x * (1 - 1e-9):
            return float(f"{m * e:.6g}")
    return 10 * e


def short(x: float | None, digits: int = 4) -> str:
    """A number for the canvas: four significant digits and a real minus sign."""
    if x is None:
        return "–"
    x = float(x)
    if x == 0:
        return "0"
    if abs(x) < 1e-12:
        return "≈0"  # rounding noise of float64 (the tooltip has the exact number)
    return f"{x:.{digits}g}".replace("-", "−")


def _signed(x: float) -> str:
    s = short(x)
    return s if s.startswith("−") or s == "0" else "+" + s


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> '1–3, 5'."""
    parts, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(str(start) if start == n else f"{start}–{n}" if n > start + 1 else f"{start}, {n}")
            start = None
    return ", ".join(parts)


def _bins(u: np.ndarray) -> np.ndarray:
    """Colour bins -LEVELS..LEVELS of values scaled to [-1, 1]; only an exact zero lands
    in bin 0, so that the sign of even a tiny value stays visible."""
    k = np.rint(u * LEVELS)
    return (np.sign(u) * np.maximum(np.abs(k), u != 0)).astype(np.int16)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` blended towards ``b`` by ``t`` (0: a, 1: b), opaque."""
    t = float(min(max(t, 0.0), 1.0))
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def _luminance(c: QColor) -> float:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


_LUT = palette.DIVERGING.getLookupTable(0.0, 1.0, 1001, alpha=False)  # colormap.map is slow per call


def _diverging(t: float) -> QColor:
    """The diverging colour at ``t`` in [0, 1] (0.5: zero)."""
    r, g, b = _LUT[int(round(min(max(t, 0.0), 1.0) * 1000))]
    return QColor(int(r), int(g), int(b))


def _pairs_path(x0, y0, x1, y1) -> QPainterPath:
    if len(x0) == 0:
        return QPainterPath()
    x = np.column_stack((x0, x1)).ravel()
    y = np.column_stack((y0, y1)).ravel()
    return pg.arrayToQPath(x, y, connect="pairs", finiteCheck=False)


def _draw_lock(p: QPainter, c: QPointF, size: float, fg: QColor, bg: QColor, muted: QColor) -> None:
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


@dataclass(frozen=True)
class Hit:
    """What is under the mouse: an ``edge`` (weight), a ``bias`` edge, a ``neuron`` or a
    ``bias_node``. ``layer`` is the weight layer (1..L) for edges, biases and bias nodes,
    the column (0..L) for neurons."""

    kind: str
    layer: int
    row: int = 0
    col: int | None = None

    @property
    def param(self) -> str | None:
        if self.kind == "edge":
            return Param("W", self.layer, self.row, self.col).name
        if self.kind == "bias":
            return Param("b", self.layer, self.row).name
        return None


# ======================================================================== layout
class _Layout:
    """World positions of everything, from the layer sizes alone."""

    def __init__(self, sizes: list[int], aspect: float | None = None) -> None:
        self.sizes = list(sizes)
        self.aspect = aspect
        L = len(sizes) - 1
        self.n_layers = L
        n_max = max(sizes)
        # spacing in the biggest layer; a wide, low view packs the rows closer
        cap = 150.0 if not aspect or aspect <= 1.6 else max(90.0, 150.0 * 1.6 / aspect)
        self.sy = float(np.clip(620.0 / max(n_max - 1, 1), 12.0, cap))
        self.r = min(30.0, 0.36 * self.sy)
        height = (n_max - 1) * self.sy
        # smaller layers spread out up to the height of the biggest one
        spacing = [min(150.0, height / (n - 1)) if n > 1 else self.sy for n in sizes]
        # columns far enough apart that a tall network is not a thin stripe
        self.dx = max(150.0, 260.0 * min(1.0, 4.0 / L), min(420.0, 0.9 * height / L))
        if aspect:  # a wide view spreads the columns (room for edge labels), up to a limit
            world_h = height + 3.0 * self.r + 0.7 * self.sy + 120.0
            self.dx = float(np.clip(0.8 * aspect * world_h / L, self.dx, 520.0))
        self.x = [l * self.dx for l in range(L + 1)]
        self.ys = [(np.arange(n) - (n - 1) / 2.0) * sp for n, sp in zip(sizes, spacing)]
        self.bias_side = 0.95 * self.r
        # the bias node of weight layer l sits under column l - 1
        self.bias_xy = [(self.x[l - 1], float(self.ys[l - 1][-1]) + max(0.7 * self.sy, 2.8 * self.r))
                        for l in range(1, L + 1)]
        # segments (x0, y0, x1, y1): edges of layer l in the order of W's entries (row-major)
        self.edges: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        for l in range(1, L + 1):
            n_out, n_in = sizes[l], sizes[l - 1]
            ys_in, ys_out = self.ys[l - 1], self.ys[l]
            seg = np.empty((n_out * n_in, 4))
            seg[:, 0] = self.x[l - 1]
            seg[:, 1] = np.tile(ys_in, n_out)
            seg[:, 2] = self.x[l]
            seg[:, 3] = np.repeat(ys_out, n_in)
            self.edges.append(seg)
            bx, by = self.bias_xy[l - 1]
            bseg = np.empty((n_out, 4))
            bseg[:, 0], bseg[:, 1] = bx, by
            bseg[:, 2], bseg[:, 3] = self.x[l], ys_out
            self.biases.append(bseg)
        # big layers show their biases on the bias node only (its tooltip lists them)
        self.bias_drawn = [sizes[l] <= BIAS_EDGES_MAX for l in range(1, L + 1)]
        # everything hit-testable as segments, with what each one is
        self.seg = np.concatenate(self.edges + [b for b, d in zip(self.biases, self.bias_drawn) if d])
        kinds, layers, rows, cols = [], [], [], []
        for l in range(1, L + 1):
            n_out, n_in = sizes[l], sizes[l - 1]
            kinds.append(np.zeros(n_out * n_in, dtype=np.int8))
            layers.append(np.full(n_out * n_in, l))
            rows.append(np.repeat(np.arange(n_out), n_in))
            cols.append(np.tile(np.arange(n_in), n_out))
        for l in range(1, L + 1):
            n_out = sizes[l]
            if not self.bias_drawn[l - 1]:
                continue
            kinds.append(np.ones(n_out, dtype=np.int8))
            layers.append(np.full(n_out, l))
            rows.append(np.arange(n_out))
            cols.append(np.full(n_out, -1))
        self.seg_kind = np.concatenate(kinds)
        self.seg_layer = np.concatenate(layers)
        self.seg_row = np.concatenate(rows)
        self.seg_col = np.concatenate(cols)
        # neuron centres, flat
        self.nx = np.concatenate([np.full(n, self.x[c]) for c, n in enumerate(sizes)])
        self.ny = np.concatenate(self.ys)
        self.ncol = np.concatenate([np.full(n, c) for c, n in enumerate(sizes)])
        self.nunit = np.concatenate([np.arange(n) for n in sizes])
        top = min(float(y[0]) for y in self.ys) - self.r
        bottom = max(max(float(y[-1]) for y in self.ys) + self.r,
                     max(by for _, by in self.bias_xy) + self.bias_side / 2)
        self.bounds = QRectF(-self.r, top, self.x[-1] + 2 * self.r, bottom - top)
        self.top = top

    def column_extent(self, c: int) -> tuple[float, float]:
        return float(self.ys[c][0]), float(self.ys[c][-1])


# ========================================================================= scene
@dataclass
class _View:
    """World -> device: x' = x * scale + tx."""

    scale: float
    tx: float
    ty: float

    def transform(self) -> QTransform:
        return QTransform(self.scale, 0, 0, self.scale, self.tx, self.ty)

    def map(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.scale + self.tx, y * self.scale + self.ty)

    def inverse(self, p: QPointF) -> tuple[float, float]:
        return (p.x() - self.tx) / self.scale, (p.y() - self.ty) / self.scale


@dataclass
class _Scene:
    """What is drawn, from the session's values; built only when they change."""

    kinds: list[str]  # per weight layer: weights, gradients, updates or none (nothing to show yet)
    shown_W: list[np.ndarray | None]
    shown_b: list[np.ndarray | None]
    scales: dict[str, float]
    edge_bins: list[tuple[int, QPainterPath]]  # (signed bin, path in world coordinates)
    bias_bins: list[tuple[int, QPainterPath]]
    faint_edges: QPainterPath  # layers with nothing to show yet
    hulls: list[QPolygonF]  # dense layers: the band of all their connections
    dense: list[tuple[int, int, int]]  # (layer, drawn, total) of layers drawn in part
    out: list[np.ndarray | None]  # per column: the focused sample's outputs (None: not computed)
    net: list[np.ndarray | None]
    errors: list[np.ndarray | None]
    targets: np.ndarray | None
    fill_bins: list[tuple[int, QPainterPath]]  # computed neurons by fill colour
    empty_neurons: QPainterPath  # neurons not computed yet
    active_layer: int | None  # the weight layer of the step shown (loss: the output layer)
    active_phase: str | None  # forward, loss, backward, update; None when nothing ran
    is_next: bool  # the active layer is the next step (after a reset), not the last one
    computed_column: int | None  # neurons the last micro-step computed
    caption: tuple[str, str]
    sample_row: int | None
    past: bool
    edge_labels: list[list[str] | None] = field(default_factory=list)  # per layer, small layers only


def _param_label(display: str, canonical: str) -> str:
    return display if display != canonical and len(display) <= 5 else ""


# ======================================================================== canvas
class NetworkCanvas(QWidget):
    """Draws the session's network; hover, click, double-click, wheel and drag interact."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._layout: _Layout | None = None
        self._scene: _Scene | None = None
        self._pixmap: QPixmap | None = None
        self._pixmap_key: tuple | None = None
        self._view = _View(1.0, 0.0, 0.0)
        self._auto_fit = True
        self._hover: Hit | None = None
        self._tip: tuple[Hit, QPoint] | None = None
        self._press: QPointF | None = None
        self._press_hit: Hit | None = None
        self._pan_from: tuple[float, float] | None = None
        self._panning = False
        self._label_rects: list[tuple[QRectF, Hit]] = []
        self._fmt = Formatter(9)
        self.scene_builds = 0  # how many times the scene was rebuilt (tests, benchmarks)
        self._show_thumbnails = False  # per-neuron output thumbnails (2-input networks)
        self._show_comparison = False  # chain delta beside proportional error under each neuron
        self._thumb_cache: tuple | None = None  # (key, xs, ys, per-column value grids, images)
        self._cmp_cache: tuple | None = None  # (scene, Comparison or None)
        self.thumbnail_builds = 0  # how many times the thumbnails were computed (tests)
        session.trainerReplaced.connect(self._on_trainer_changed)
        session.stateChanged.connect(self._on_state_changed)
        session.edgeModeChanged.connect(self._on_values_changed)
        session.timelineChanged.connect(self._on_values_changed)
        session.sampleChanged.connect(self._on_values_changed)
        session.selectionChanged.connect(self._on_selection_changed)
        session.settingsChanged.connect(self._on_settings_changed)
        self.context_menu: QMenu | None = None  # the last context menu opened (tests drive it)
        self._on_trainer_changed()

    # ------------------------------------------------------------ sizes
    def sizeHint(self) -> QSize:
        return QSize(960, 620)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 220)

    # ------------------------------------------------------------ session events
    def _aspect(self) -> float | None:
        return self.width() / self.height() if self.width() > 0 and self.height() > 0 else None

    def _on_trainer_changed(self) -> None:
        self._layout = _Layout(self.session.trainer.network.sizes, self._aspect())
        self._hover = None
        self._tip = None
        QToolTip.hideText()
        self._auto_fit = True
        self._apply_fit()
        self.invalidate()

    def _on_state_changed(self) -> None:
        self.invalidate()
        self._refresh_tooltip()

    def _on_values_changed(self, *args) -> None:
        self.invalidate()
        self._refresh_tooltip()

    def _on_selection_changed(self) -> None:
        self.update()

    def _on_settings_changed(self, name: str) -> None:
        if name == "frozen":  # frozen parameters are drawn differently
            self._pixmap = None
            self.update()
            self._refresh_tooltip()

    def invalidate(self) -> None:
        """Forget the scene (paths) and the cached picture; the next paint rebuilds them."""
        self._scene = None
        self._pixmap = None
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._pixmap = None
            self.update()
        super().changeEvent(event)

    # ------------------------------------------------------------ public state
    @property
    def layout_info(self) -> _Layout:
        return self._layout

    @property
    def scene(self) -> _Scene:
        if self._scene is None:
            self._scene = self._build_scene(None)
        return self._scene

    @property
    def active_layer(self) -> int | None:
        """The weight layer of the highlighted step (the output layer for the loss)."""
        return self.scene.active_layer

    @property
    def active_phase(self) -> str | None:
        return self.scene.active_phase

    @property
    def computed_column(self) -> int | None:
        """The column of neurons the last micro-step computed (None for an update)."""
        return self.scene.computed_column

    @property
    def shown_kinds(self) -> list[str]:
        """Per weight layer, what its edges show: weights, gradients, updates or none."""
        return list(self.scene.kinds)

    def shown_values(self, layer: int) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(W, b) values drawn for weight layer ``layer`` (1-based)."""
        s = self.scene
        return s.shown_W[layer - 1], s.shown_b[layer - 1]

    @property
    def scale(self) -> float:
        """Device pixels per world unit of the current view."""
        return self._view.scale

    # ------------------------------------------------------------ view
    def _fit_view(self, rect: QRectF) -> _View:
        """The view that shows the whole network in ``rect``. Tight margins first; if the
        network then runs into the caption (top left) or the legend (bottom right),
        margins that keep them apart. The estimate does not depend on the values, so the
        network does not jump while stepping."""
        b = self._layout.bounds
        caption = QRectF(rect.x(), rect.y(), 470, 60)
        legend = QRectF(rect.right() - 480, rect.bottom() - 76, 480, 76)
        view = None
        for left, right, top, bottom in ((40.0, 110.0, 46.0, 16.0), (40.0, 110.0, 96.0, 84.0)):
            avail_w = max(rect.width() - left - right, 40.0)
            avail_h = max(rect.height() - top - bottom, 40.0)
            scale = min(avail_w / max(b.width(), 1e-9), avail_h / max(b.height(), 1e-9), MAX_FIT_SCALE)
            cx = rect.x() + left + avail_w / 2
            cy = rect.y() + top + avail_h / 2
            view = _View(scale, cx - b.center().x() * scale, cy - b.center().y() * scale)
            drawn = QTransform(scale, 0, 0, scale, view.tx, view.ty).mapRect(b).adjusted(-8, -40, 100, 4)
            if not (drawn.intersects(caption) or drawn.intersects(legend)):
                break
        return view

    def _apply_fit(self) -> None:
        if self._layout is not None and self.width() > 0 and self.height() > 0:
            view = self._fit_view(QRectF(self.rect()))
            if view != self._view:
                self._view = view
                self._pixmap = None

    def fit(self) -> None:
        """Fit the whole network into the widget (and keep it fitted while resizing)."""
        self._auto_fit = True
        self._apply_fit()
        self.update()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping ``anchor`` (widget coordinates; default the centre) still."""
        if anchor is None:
            anchor = QPointF(self.width() / 2, self.height() / 2)
        fit_scale = self._fit_view(QRectF(self.rect())).scale
        old = self._view.scale
        new = float(np.clip(old * factor, fit_scale * 0.25, max(fit_scale * 25, 8.0)))
        if new == old:
            return
        wx, wy = self._view.inverse(anchor)
        self._view = _View(new, anchor.x() - wx * new, anchor.y() - wy * new)
        self._auto_fit = False
        self._pixmap = None
        self.update()

    def resizeEvent(self, event) -> None:
        aspect, old = self._aspect(), self._layout.aspect if self._layout else None
        if self._layout is not None and aspect and (old is None or abs(aspect / old - 1) > 0.15):
            self._layout = _Layout(self._layout.sizes, aspect)  # columns follow the view's shape
            self.invalidate()
        if self._auto_fit:
            self._apply_fit()  # the cached picture is keyed by the size as well
        super().resizeEvent(event)

    # ------------------------------------------------------------ geometry queries
    def _world_midpoint(self, name: str) -> tuple[float, float]:
        p = self.session.trainer.network.parse_param(name)
        seg = (self._layout.edges if p.kind == "W" else self._layout.biases)[p.layer - 1]
        k = p.row * self._layout.sizes[p.layer - 1] + p.col if p.kind == "W" else p.row
        x0, y0, x1, y1 = seg[k]
        return (x0 + x1) / 2, (y0 + y1) / 2

    def edge_midpoint(self, name: str, size: QSize | tuple[int, int] | None = None) -> QPointF:
        """The middle of the edge of parameter ``name`` (also a display name such as
        'w5'), in widget coordinates, or in those of ``render_image(*size)``."""
        x, y = self._world_midpoint(name)
        if size is None:
            return self._view.map(x, y)
        w, h = (size.width(), size.height()) if isinstance(size, QSize) else size
        ui = self._export_ui(w, h)
        return self._fit_view(QRectF(0, 0, w / ui, h / ui)).map(x, y) * ui

    def neuron_center(self, column: int, unit: int) -> QPointF:
        return self._view.map(self._layout.x[column], float(self._layout.ys[column][unit]))

    # ============================================================ the scene
    def _step_state(self):
        t = self.session.trainer
        L = t.network.n_layers
        if self.session.viewing_past:
            return None, None, False, None
        last = t.last_step
        if last is None:
            nxt = t.next_step
            return nxt.layer or L, nxt.phase, True, None
        layer = last.layer if last.layer is not None else L
        computed = None
        if last.phase in ("forward", "backward"):
            computed = last.layer
        elif last.phase == "loss":
            computed = L
        return layer, last.phase, False, computed

    def _build_scene(self, show: str | None) -> _Scene:
        self.scene_builds += 1
        s = self.session
        t = s.trainer
        net = t.network
        v = t.values
        lay = self._layout
        L = net.n_layers
        past = s.viewing_past
        mode = show or s.edge_mode
        W, B = s.display_parameters()
        active_layer, active_phase, is_next, computed = self._step_state()

        # ---- what each layer shows
        kinds, shown_W, shown_b = [], [], []
        for l in range(1, L + 1):
            i = l - 1
            if past or mode == "weights":
                kind = "weights"
            elif mode == "gradients":
                kind = "gradients" if v.grad_W[i] is not None else "none"
            elif mode == "updates":
                kind = "updates" if v.update_W[i] is not None else "none"
            else:  # auto
                kind = "weights"
                if not is_next and active_layer == l:
                    if active_phase == "backward" and v.grad_W[i] is not None:
                        kind = "gradients"
                    elif active_phase == "update" and v.update_W[i] is not None:
                        kind = "updates"
            if kind == "weights":
                w, b = W[i], B[i]
            elif kind == "gradients":
                w, b = v.grad_W[i], v.grad_b[i]
            elif kind == "updates":
                w, b = v.update_W[i], v.update_b[i]
            else:
                w = b = None
            kinds.append(kind)
            shown_W.append(w)
            shown_b.append(b)

        def peak(arrays) -> float:
            m = [float(np.max(np.abs(a))) for a in arrays if a is not None and a.size]
            m = [x for x in m if math.isfinite(x)]
            return max(m) if m else 0.0

        scales = {"weights": _nice_ceil(peak(list(W) + list(B)))}
        if not past:
            scales["gradients"] = _nice_ceil(peak(v.grad_W + v.grad_b))
            scales["updates"] = _nice_ceil(peak(v.update_W + v.update_b))

        # ---- edges into bins
        dense_layers = [l for l in range(1, L + 1) if lay.sizes[l] * lay.sizes[l - 1] > DENSE_EDGES]
        cap = max(200, EDGE_BUDGET // max(len(dense_layers), 1))
        e_seg, e_bin, b_seg, b_bin = [], [], [], []
        faint_parts, hulls, dense = [], [], []
        for l in range(1, L + 1):
            i = l - 1
            seg, bseg = lay.edges[i], lay.biases[i]
            if l in dense_layers:
                (t0, b0), (t1, b1) = lay.column_extent(l - 1), lay.column_extent(l)
                hulls.append(QPolygonF([QPointF(lay.x[l - 1], t0), QPointF(lay.x[l], t1),
                                        QPointF(lay.x[l], b1), QPointF(lay.x[l - 1], b0)]))
            if not lay.bias_drawn[i]:
                bseg = bseg[:0]
            if kinds[i] == "none":
                if l not in dense_layers:
                    faint_parts.append(seg)
                faint_parts.append(bseg)
                continue
            scale = scales[kinds[i]]
            u = np.clip(np.nan_to_num(shown_W[i].ravel() / scale), -1.0, 1.0)
            bins = _bins(u)
            if l in dense_layers:
                keep = np.argpartition(-np.abs(u), cap - 1)[:cap]
                seg, bins = seg[keep], bins[keep]
                dense.append((l, cap, u.size))
            e_seg.append(seg)
            e_bin.append(bins)
            if len(bseg):
                ub = np.clip(np.nan_to_num(shown_b[i] / scale), -1.0, 1.0)
                b_seg.append(bseg)
                b_bin.append(_bins(ub))

        def by_bin(segs, bins) -> list[tuple[int, QPainterPath]]:
            """One path per bin, weak bins first. Crowded bins are cut into a few chunks
            drawn alternately with the opposite sign's, so that neither sign always
            ends up on top where edges cross."""
            if not segs:
                return []
            seg, b = np.concatenate(segs), np.concatenate(bins)
            pieces = []
            for k in set(b.tolist()):
                idx = np.flatnonzero(b == k)
                n_chunks = min(4, 1 + len(idx) // 60)
                for c, part in enumerate(np.array_split(idx, n_chunks)):
                    pieces.append(((abs(k), c, k), k, part))
            pieces.sort(key=lambda piece: piece[0])
            return [(k, _pairs_path(seg[i, 0], seg[i, 1], seg[i, 2], seg[i, 3])) for _, k, i in pieces]

        faint = np.concatenate(faint_parts) if faint_parts else np.empty((0, 4))
        faint_path = _pairs_path(faint[:, 0], faint[:, 1], faint[:, 2], faint[:, 3])

        # ---- neuron values of the focused sample
        out, net_in, errors, targets, sample_row = self._neuron_values(W, B)
        fill_paths: dict[int, QPainterPath] = {}
        empty = QPainterPath()
        r = lay.r
        for c, n in enumerate(lay.sizes):
            vals = out[c]
            xs, ys = lay.x[c], lay.ys[c]
            if vals is None:
                for y in ys:
                    empty.addEllipse(QPointF(xs, float(y)), r, r)
                continue
            col_scale = self._fill_scale(c, vals)
            fb = np.rint(np.clip(np.nan_to_num(vals / col_scale), -1, 1) * FILL_LEVELS).astype(int)
            for y, k in zip(ys, fb):
                fill_paths.setdefault(int(k), QPainterPath()).addEllipse(QPointF(xs, float(y)), r, r)

        # ---- small layers get value labels on their edges
        edge_labels: list[list[str] | None] = []
        for l in range(1, L + 1):
            n_out, n_in = lay.sizes[l], lay.sizes[l - 1]
            if kinds[l - 1] == "none" or n_out * n_in > 8:
                edge_labels.append(None)
                continue
            names = []
            prefix = {"gradients": "dE/d" if t.backprop == "chain" else "≈dE/d",
                      "updates": "Δ"}.get(kinds[l - 1], "")
            for rr in range(n_out):
                for cc in range(n_in):
                    p = Param("W", l, rr, cc)
                    disp = _param_label(net.display_name(p), p.name)
                    val = short(shown_W[l - 1][rr, cc])
                    names.append(f"{prefix}{disp} {val}" if disp else val)
            edge_labels.append(names)

        return _Scene(
            kinds=kinds, shown_W=shown_W, shown_b=shown_b, scales=scales,
            edge_bins=by_bin(e_seg, e_bin), bias_bins=by_bin(b_seg, b_bin), faint_edges=faint_path,
            hulls=hulls, dense=dense, out=out, net=net_in, errors=errors, targets=targets,
            fill_bins=sorted(fill_paths.items()), empty_neurons=empty,
            active_layer=active_layer, active_phase=active_phase, is_next=is_next,
            computed_column=computed, caption=self._caption(active_phase, is_next, sample_row),
            sample_row=sample_row, past=past, edge_labels=edge_labels,
        )

    def _neuron_values(self, W, B):
        """(out, net, errors, targets, data row) per column for the focused sample."""
        s = self.session
        t = s.trainer
        v = t.values
        L = t.network.n_layers
        full_batch = t.batch_size >= t.dataset.n_samples
        rows = v.inputs.shape[0] if v.inputs is not None else t.batch_size
        k = min(s.sample, max(rows - 1, 0))
        if v.batch is not None:
            row = int(v.batch[k])
        elif v.inputs is not None or full_batch:
            row = k
        else:
            row = None
        out: list = [None] * (L + 1)
        net_in: list = [None] * (L + 1)
        errors: list = [None] * (L + 1)
        targets = None
        if s.viewing_past:
            row = k if row is None else row
            a = t.dataset.inputs[row]
            out[0] = a
            with np.errstate(all="ignore"):
                for i, act in enumerate(t.network.activations):
                    z = a @ W[i].T + B[i]
                    a = act.forward(z[None, :])[0]
                    net_in[i + 1], out[i + 1] = z, a
            return out, net_in, errors, t.dataset.targets[row], row
        if v.inputs is not None:
            out[0] = v.inputs[k]
            targets = v.targets[k]
        elif full_batch:
            out[0] = t.dataset.inputs[k]
            targets = t.dataset.targets[k]
        for i in range(L):
            if v.activations[i] is not None:
                out[i + 1] = v.activations[i][k]
                net_in[i + 1] = v.net[i][k]
            if v.errors[i] is not None:
                errors[i + 1] = v.errors[i][k]
        return out, net_in, errors, targets, row

    def _caption(self, phase, is_next, row) -> tuple[str, str]:
        s = self.session
        t = s.trainer
        L = t.network.n_layers
        rows = s.batch_rows()
        sample = f"sample {min(s.sample, rows - 1) + 1} of {rows}"
        if row is not None:
            sample += f" (data row {row + 1})"
        if s.viewing_past:
            head = f"History · after iteration {s.view_iteration} of {t.iteration}"
            sub = f"weights as they were then · neurons: forward pass of {sample}"
            return head, sub
        if is_next:
            head = f"Ready · next: {t.next_step.describe(L)}"
        else:
            head = t.last_step.describe(L)
            if t.cursor == 0:
                head += " · iteration done"
        if t.cursor:
            running = f"iteration {t.iteration + 1} running"
        else:
            running = (f"{t.iteration} iteration{'s' if t.iteration != 1 else ''} done" if t.iteration
                       else "no iteration run yet")
        parts = [running, f"neurons: {sample}"]
        if t.values.loss is not None and (t.cursor == 0 or t.cursor > L):
            parts.append(f"loss {short(t.values.loss)}")
        if t.status == "diverged":
            parts.append("diverged")
        return head, " · ".join(parts)

    # ============================================================ painting
    def _colours(self, pal: QPalette) -> dict[str, QColor]:
        bg = palette.canvas_background(pal)
        fg = palette.text_color(pal)
        return {
            "bg": bg, "fg": fg, "dim": _mix(bg, fg, 0.62), "faint": _mix(bg, fg, 0.16),
            "hull": _mix(bg, _diverging(0.5), 0.16),
            "outline": _mix(bg, fg, 0.55), "empty_outline": _mix(bg, fg, 0.32),
            "highlight": QColor(palette.HIGHLIGHT),
            "band": _mix(bg, QColor(palette.HIGHLIGHT), 0.13 if palette.is_dark(pal) else 0.09),
            "band_gap": _mix(bg, QColor(palette.HIGHLIGHT), 0.07 if palette.is_dark(pal) else 0.045),
            "label_bg": _mix(bg, fg, 0.04),
        }

    def _bin_color(self, k: int, bg: QColor, density: float = 1.0) -> QColor:
        level = abs(k) / LEVELS
        if k == 0:
            return _mix(bg, _diverging(0.5), 0.3 * (0.6 + 0.4 * density))
        # Even the weakest non-zero bin starts from a clear blue or orange, so that the
        # sign stays readable for small values; magnitude shows as depth and width.
        position = 0.5 + math.copysign(0.25 + 0.25 * level, k)
        strength = (0.5 + 0.5 * level) * (0.6 + 0.4 * density)
        return _mix(bg, _diverging(position), strength)

    def _density(self, view: _View) -> float:
        """1 for roomy layouts, down to 0.25 when neurons are a few pixels apart or
        layers so wide that many edges meet at every neuron."""
        lay = self._layout
        fan = min(1.0, 4.0 / math.sqrt(max(lay.sizes)))
        return float(np.clip(lay.sy * view.scale / 60.0 * fan, 0.25, 1.0))

    def _edge_width(self, k: int, view: _View, bias: bool = False) -> float:
        """Pen width of bin ``k``. Crowded layouts keep every edge at most 1 px wide, which
        Qt draws on its fast path; there the colour alone tells the magnitude."""
        level = abs(k) / LEVELS
        density = self._density(view)
        w = (0.7 + 3.6 * level) * density
        if bias:
            w *= 0.6
        if density < 0.4:
            return 1.0
        return max(w, 0.6)

    def _font(self, px: float, bold: bool = False, italic: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(int(round(px)), 6))
        f.setBold(bold)
        f.setItalic(italic)
        return f

    def paint(self, p: QPainter, rect: QRectF, *, show: str | None = None, view: _View | None = None,
              overlays: bool = True, labels_out: list | None = None) -> None:
        """Paint the network into ``rect`` of ``p``: fitted (or with ``view``), the edges
        showing ``show`` (weights, gradients, updates; default: the session's choice).
        Shared by the widget, :meth:`render_image` and the exports."""
        if show is not None and show not in QUANTITIES + ("auto",):
            raise ValueError(f"show must be one of {', '.join(QUANTITIES)}, got {show!r}")
        scene = self.scene if show is None else self._build_scene(show)
        view = view or self._fit_view(rect)
        pal = self.palette()
        col = self._colours(pal)
        lay = self._layout
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setClipRect(rect)
        p.fillRect(rect, col["bg"])
        T = view.transform()
        r_px = lay.r * view.scale

        # ---- dense layers: a faint band standing for all their connections
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(col["hull"])
        for hull in scene.hulls:
            p.drawPolygon(T.map(hull))

        # ---- the front: a band behind the active column and its edges
        if scene.active_layer is not None:
            l = scene.active_layer
            top, bottom = lay.column_extent(l)
            pad = lay.r + 10 / view.scale
            band = QRectF(lay.x[l] - pad, top - pad, 2 * pad, bottom - top + 2 * pad)
            if scene.active_phase in ("backward", "update", "forward") and l >= 1:
                t0, b0 = lay.column_extent(l - 1)
                gap = QRectF(QPointF(lay.x[l - 1] + lay.r, min(t0, top) - pad),
                             QPointF(lay.x[l] - pad, max(b0, bottom) + pad))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(col["band_gap"])
                p.drawRect(T.mapRect(gap))
            p.setBrush(col["band"])
            if scene.is_next:
                pen = QPen(QColor(palette.HIGHLIGHT), 1.4, Qt.PenStyle.DashLine)
                p.setPen(pen)
            else:
                p.setPen(Qt.PenStyle.NoPen)
            radius = min(pad * view.scale, 18.0)
            p.drawRoundedRect(T.mapRect(band), radius, radius)

        # ---- edges
        p.setBrush(Qt.BrushStyle.NoBrush)
        if not scene.faint_edges.isEmpty():
            pen = QPen(col["faint"], max(0.6, 1.0 * self._density(view)))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            p.drawPath(T.map(scene.faint_edges))
        density = self._density(view)
        for bins, bias in ((scene.bias_bins, True), (scene.edge_bins, False)):
            for k, path in bins:
                pen = QPen(self._bin_color(k, col["bg"], density), self._edge_width(k, view, bias))
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                if bias:
                    pen.setStyle(Qt.PenStyle.DashLine if r_px > 6 else Qt.PenStyle.SolidLine)
                p.setPen(pen)
                p.drawPath(T.map(path))

        # ---- bias nodes
        side = lay.bias_side * view.scale
        for l in range(1, lay.n_layers + 1):
            bx, by = lay.bias_xy[l - 1]
            c = view.map(bx, by)
            sq = QRectF(c.x() - side / 2, c.y() - side / 2, side, side)
            p.setPen(QPen(col["outline"], 1.2))
            p.setBrush(col["label_bg"])
            p.drawRoundedRect(sq, min(3.0, side / 5), min(3.0, side / 5))

        # ---- neurons
        p.setPen(Qt.PenStyle.NoPen)
        fills = {}
        for k, path in scene.fill_bins:
            fills[k] = _diverging(0.5 + 0.5 * k / FILL_LEVELS)
            p.setBrush(fills[k])
            p.drawPath(T.map(path))
        outline_w = 1.3 if r_px > 8 else 0.8
        if not scene.empty_neurons.isEmpty():
            p.setBrush(col["bg"])
            p.setPen(QPen(col["empty_outline"], outline_w, Qt.PenStyle.DashLine if r_px > 10 else Qt.PenStyle.SolidLine))
            p.drawPath(T.map(scene.empty_neurons))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(col["outline"], outline_w))
        for _, path in scene.fill_bins:
            p.drawPath(T.map(path))
        if scene.computed_column is not None:
            c = scene.computed_column
            ring = QPainterPath()
            rr = r_px + max(3.0, min(5.0, r_px * 0.18))
            for y in lay.ys[c]:
                ring.addEllipse(view.map(lay.x[c], float(y)), rr, rr)
            p.setPen(QPen(col["highlight"], 2.6 if r_px > 6 else 1.6))
            p.drawPath(ring)

        # ---- text
        labels: list = []
        self._paint_edge_labels(p, scene, view, col, labels)
        if labels_out is not None:
            labels_out.extend(labels)
        self._paint_bias_labels(p, scene, view, col)
        self._paint_neuron_labels(p, scene, view, col, fills)
        self._paint_headings(p, rect, view, col)

        self._paint_frozen(p, view, col)
        if self._show_thumbnails:
            self._paint_thumbnails(p, view, col)
        if self._show_comparison:
            self._paint_comparison(p, scene, view, col)

        if overlays:
            self._paint_selection(p, scene, view, col, labels)
        self._paint_caption(p, rect, scene, col)
        self._paint_legend(p, rect, scene, col)
        p.restore()

    # -------------------------------------------------------------- frozen parameters
    def _paint_frozen(self, p, view, col) -> None:
        """Frozen parameters: a muted dotted line over the edge and a small padlock at its
        middle (biases of big layers, drawn on the bias node only, get no mark)."""
        frozen = self.session.trainer.frozen
        if not frozen:
            return
        net = self.session.trainer.network
        lay = self._layout
        muted = QColor(col["faint"])
        over = QPen(col["bg"], max(1.2, 0.5 * self._edge_width(LEVELS // 2, view)), Qt.PenStyle.DotLine)
        over.setCapStyle(Qt.PenCapStyle.FlatCap)
        size = float(np.clip(lay.r * view.scale * 0.55, 7.0, 13.0))
        for name in sorted(frozen):
            try:
                prm = net.parse_param(name)
            except ValueError:
                continue
            if prm.kind == "b" and not lay.bias_drawn[prm.layer - 1]:
                continue
            hit = Hit("edge" if prm.kind == "W" else "bias", prm.layer, prm.row, prm.col)
            line = self._edge_screen_line(hit, view)
            if line is None:
                continue
            p.setPen(over)
            p.drawLine(*line)
            mx, my = self._world_midpoint(prm.name)
            _draw_lock(p, view.map(mx, my), size, col["fg"], col["label_bg"], muted)

    # -------------------------------------------------------------- thumbnails
    THUMB_GRID = 24  # samples per axis of the input plane

    @property
    def show_thumbnails(self) -> bool:
        return self._show_thumbnails

    def set_show_thumbnails(self, on: bool) -> None:
        """Small per-neuron output maps over the input plane (2-input networks only)."""
        on = bool(on)
        if on != self._show_thumbnails:
            self._show_thumbnails = on
            if not on:
                self._thumb_cache = None
            self._pixmap = None
            self.update()

    @property
    def thumbnails_available(self) -> bool:
        """Thumbnails are drawn for networks with exactly 2 inputs."""
        return self.session.trainer.network.sizes[0] == 2

    def _thumb_range(self) -> tuple[float, float, float, float]:
        x = np.asarray(self.session.trainer.dataset.inputs, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != 2 or x.shape[0] == 0 or not np.all(np.isfinite(x)):
            return -1.0, 1.0, -1.0, 1.0
        lo, hi = x.min(axis=0), x.max(axis=0)
        span = np.maximum(hi - lo, 1e-9)
        lo, hi = lo - 0.1 * span, hi + 0.1 * span
        return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])

    def _thumbnails(self):
        """(xs, ys, grids, images) for the shown parameters, or None when not available.
        ``grids[c]`` is n_units x G x G (row i: ys[i], column j: xs[j]); recomputed only
        when the parameters, activations or data range change."""
        if not self.thumbnails_available:
            self._thumb_cache = None
            return None
        net = self.session.trainer.network
        W, B = self.session.display_parameters()
        rng = self._thumb_range()
        key = (tuple(net.sizes), tuple(net.activation_names), rng,
               hash(b"".join(np.ascontiguousarray(a, dtype=np.float64).tobytes() for a in list(W) + list(B))))
        if self._thumb_cache is not None and self._thumb_cache[0] == key:
            return self._thumb_cache[1:]
        self.thumbnail_builds += 1
        G = self.THUMB_GRID
        xs, ys = np.linspace(rng[0], rng[1], G), np.linspace(rng[2], rng[3], G)
        gx, gy = np.meshgrid(xs, ys)  # gx[i, j] = xs[j], gy[i, j] = ys[i]
        a = np.column_stack((gx.ravel(), gy.ravel()))
        grids: list[np.ndarray | None] = [None]
        images: list[list[QImage] | None] = [None]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            for w, b, act in zip(W, B, net.activations):
                a = act.forward(a @ np.asarray(w).T + b)
                g = a.T.reshape(-1, G, G)
                grids.append(g)
                if act.name in ("sigmoid", "softmax"):
                    t = g
                elif act.name == "tanh":
                    t = 0.5 + 0.5 * g
                else:
                    m = np.nanmax(np.abs(g), axis=(1, 2), keepdims=True)
                    t = 0.5 + 0.5 * g / np.where(np.isfinite(m) & (m > 0), m, 1.0)
                idx = np.rint(np.clip(np.nan_to_num(t, nan=0.5), 0, 1) * 1000).astype(np.intp)
                rgb = np.ascontiguousarray(_LUT[idx][:, ::-1].astype(np.uint8))  # y up
                imgs = []
                for k in range(rgb.shape[0]):
                    buf = np.ascontiguousarray(rgb[k])
                    imgs.append(QImage(buf.data, G, G, 3 * G, QImage.Format.Format_RGB888).copy())
                images.append(imgs)
        self._thumb_cache = (key, xs, ys, grids, images)
        return self._thumb_cache[1:]

    def thumbnail_grid(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(xs, ys): the input-plane sample points of the thumbnails (None: no thumbnails)."""
        th = self._thumbnails()
        return None if th is None else (th[0], th[1])

    def thumbnail_values(self, layer: int, unit: int) -> np.ndarray | None:
        """The activation of neuron ``unit`` of weight layer ``layer`` (1-based) over the
        input plane: a G x G array, ``[i, j]`` at input (xs[j], ys[i]); None for networks
        with other than 2 inputs."""
        th = self._thumbnails()
        if th is None:
            return None
        if not 1 <= layer <= len(th[2]) - 1:
            raise ValueError(f"layer must be 1..{len(th[2]) - 1}, got {layer}")
        return th[2][layer][unit]

    def _paint_thumbnails(self, p, view, col) -> None:
        lay = self._layout
        r_px = lay.r * view.scale
        if r_px < 12 or not self.thumbnails_available:
            return
        th = self._thumbnails()
        if th is None:
            return
        images = th[3]
        size = float(min(1.15 * r_px, 0.5 * lay.sy * view.scale, 56.0))
        if size < 14:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.setPen(QPen(col["outline"], 1.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for c in range(1, lay.n_layers + 1):
            for j in range(lay.sizes[c]):
                centre = view.map(lay.x[c], float(lay.ys[c][j]))
                target = QRectF(centre.x() + 0.62 * r_px, centre.y() - 0.62 * r_px - size, size, size)
                p.drawImage(target, images[c][j])
                p.drawRect(target)
        p.restore()

    # -------------------------------------------------------------- chain vs proportional
    @property
    def show_comparison(self) -> bool:
        return self._show_comparison

    def set_show_comparison(self, on: bool) -> None:
        """Under each non-input neuron its chain-rule delta beside its proportional error."""
        on = bool(on)
        if on != self._show_comparison:
            self._show_comparison = on
            self._cmp_cache = None
            self._pixmap = None
            self.update()

    def _comparison(self, scene):
        if self._cmp_cache is not None and self._cmp_cache[0] is scene:
            return self._cmp_cache[1]
        from nnviz.core.analysis import compare

        try:
            cmp = None if scene.past else compare.chain_vs_proportional(self.session.trainer)
        except (ValueError, IndexError, TypeError, FloatingPointError):  # never break painting
            cmp = None
        self._cmp_cache = (scene, cmp)
        return cmp

    def comparison_text(self, layer: int, unit: int) -> str | None:
        """The overlay's text under neuron ``unit`` of weight layer ``layer`` (1-based):
        'δ 0.1385 · e −0.7414' (None while viewing the past)."""
        cmp = self._comparison(self.scene)
        if cmp is None:
            return None
        lc = cmp[layer - 1]
        return f"δ {short(lc.chain[unit])} · e {short(lc.proportional[unit])}"

    def comparison_disagrees(self, layer: int, unit: int) -> bool | None:
        """True where the proportional error and -delta point different ways."""
        cmp = self._comparison(self.scene)
        return None if cmp is None else not bool(cmp[layer - 1].agree[unit])

    def _paint_comparison(self, p, scene, view, col) -> None:
        lay = self._layout
        r_px = lay.r * view.scale
        if r_px < 8:
            return
        cmp = self._comparison(scene)
        if cmp is None:
            return
        px = float(np.clip(r_px * 0.36, 9, 12))
        font = self._font(px)
        fm = QFontMetricsF(font)
        warn = QColor("#d32f2f") if not palette.is_dark(self.palette()) else QColor("#ff6e6e")
        p.save()
        p.setFont(font)
        for lc in cmp:
            c = lc.layer
            for j in range(lay.sizes[c]):
                text = f"δ {short(lc.chain[j])} · e {short(lc.proportional[j])}"
                bad = not bool(lc.agree[j])
                if bad:
                    text = "≠ " + text
                centre = view.map(lay.x[c], float(lay.ys[c][j]))
                w = fm.horizontalAdvance(text) + 8
                box = QRectF(centre.x() - w / 2, centre.y() + r_px + max(3.0, min(5.0, r_px * 0.18)) + 4,
                             w, fm.height() + 2)
                p.setPen(QPen(warn if bad else col["outline"], 1.2 if bad else 0.8))
                p.setBrush(col["label_bg"])
                p.drawRoundedRect(box, 3, 3)
                p.setPen(warn if bad else col["fg"])
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.restore()

    # -------------------------------------------------------------- context menu
    def context_actions(self, hit: Hit | None) -> list[QAction]:
        """The actions of the context menu for ``hit`` (an edge or a bias); empty for
        anything else. Each action's ``data()`` names what it does (tests trigger them)."""
        if hit is None or hit.param is None:
            return []
        s = self.session
        t = s.trainer
        net = t.network
        name = hit.param
        display = net.display_name(name)
        frozen = t.is_frozen(name)
        actions = []

        def add(text: str, key: str, slot, tip: str = "") -> QAction:
            a = QAction(text, self)
            a.setData(key)
            if tip:
                a.setToolTip(tip)
                a.setStatusTip(tip)
            a.triggered.connect(slot)
            actions.append(a)
            return a

        add(f"Unfreeze {display}" if frozen else f"Freeze {display}", "freeze",
            lambda: self.set_frozen([name], not frozen),
            "A frozen parameter keeps its value while training")
        biases = [p.name for p in net.params() if p.kind == "b"]
        all_frozen = bool(biases) and all(b in t.frozen for b in biases)
        add("Unfreeze all biases" if all_frozen else "Freeze all biases", "freeze_biases",
            lambda: self.set_frozen(biases, not all_frozen))
        sep = QAction(self)
        sep.setSeparator(True)
        actions.append(sep)
        edit = add("Edit value\u2026", "edit", lambda: self.edit_parameter(name))
        edit.setEnabled(not s.viewing_past)
        add("Select", "select", lambda: s.select_param(name))
        return actions

    def set_frozen(self, names: list[str], frozen: bool) -> None:
        """Freeze (or unfreeze) parameters ``names`` and say so in the status bar."""
        t = self.session.trainer
        try:
            t.freeze(names, frozen)
        except ValueError as exc:
            self.session.message.emit(str(exc))
            return
        net = t.network
        what = net.display_name(names[0]) if len(names) == 1 else f"{len(names)} parameters"
        self.session.message.emit(f"{what} {'frozen: training leaves it unchanged' if frozen else 'unfrozen'}")
        self._pixmap = None
        self.update()

    def open_context_menu(self, pos: QPointF, global_pos: QPoint | None = None) -> QMenu | None:
        """Open the context menu for the item at widget position ``pos`` (not blocking)."""
        hit = self.hit_test(pos)
        actions = self.context_actions(hit)
        if not actions:
            return None
        if self.context_menu is not None:
            self.context_menu.close()
            self.context_menu.deleteLater()
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        for a in actions:
            a.setParent(menu)
            menu.addAction(a)
        self.context_menu = menu
        self._hover = hit
        self.update()
        menu.popup(global_pos if global_pos is not None else self.mapToGlobal(QPointF(pos).toPoint()))
        return menu

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Mouse:
            event.accept()  # the right button press opened it already
            return
        sel = self._selection_hit()  # the keyboard's menu key: the selected parameter
        if sel is not None and sel.param is not None:
            self.open_context_menu(self.edge_midpoint(sel.param), None)
        event.accept()

    # -------------------------------------------------------------- text pieces
    def _label_font(self) -> QFont:
        return self._font(11.5)

    def _paint_edge_labels(self, p, scene, view, col, labels_out: list) -> None:
        """Value labels on the edges of small layers, just after the sending neuron;
        a layer whose labels would overlap at this zoom shows none."""
        lay = self._layout
        font = self._label_font()
        fm = QFontMetricsF(font)
        h = fm.height() + 3
        r_px = lay.r * view.scale
        for l, labels in enumerate(scene.edge_labels, start=1):
            if labels is None:
                continue
            seg = lay.edges[l - 1]
            gap = (lay.x[l] - lay.x[l - 1]) * view.scale
            vals = scene.shown_W[l - 1].ravel()
            scale = scene.scales[scene.kinds[l - 1]]
            n_in = lay.sizes[l - 1]
            placed = []
            for k, text in enumerate(labels):
                w = fm.horizontalAdvance(text) + 12
                dx = r_px + 15 + w / 2
                if dx + w / 2 > gap - r_px - 12:
                    placed = None
                    break
                a = view.map(seg[k, 0], seg[k, 1])
                b = view.map(seg[k, 2], seg[k, 3])
                cy = a.y() + (b.y() - a.y()) * dx / gap
                box = QRectF(a.x() + dx - w / 2, cy - h / 2, w, h)
                if any(box.adjusted(-2, -2, 2, 2).intersects(other) for other, *_ in placed):
                    placed = None
                    break
                edge_colour = _diverging(0.5 + 0.5 * float(np.clip(vals[k] / scale, -1, 1)))
                placed.append((box, Hit("edge", l, k // n_in, k % n_in), text, _mix(col["bg"], edge_colour, 0.9)))
            if placed:
                labels_out.extend(placed)
        self._draw_labels(p, labels_out, col)

    def _draw_labels(self, p, labels, col) -> None:
        if not labels:
            return
        p.setFont(self._label_font())
        for box, _, text, border in labels:
            p.setPen(QPen(border, 1.2))
            p.setBrush(col["bg"])
            p.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            p.setPen(col["fg"])
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_bias_labels(self, p, scene, view, col) -> None:
        lay = self._layout
        side = lay.bias_side * view.scale
        net = self.session.trainer.network
        font = self._font(float(np.clip(side * 0.5, 10, 13)), bold=True)
        fm = QFontMetricsF(font)
        if fm.height() > max(side * 1.6, 12):
            return
        p.setFont(font)
        for l in range(1, lay.n_layers + 1):
            names = {net.display_name(Param("b", l, r)) for r in range(lay.sizes[l])}
            name = names.pop() if len(names) == 1 else f"b{l}"
            if name == Param("b", l, 0).name:
                name = f"b{l}"  # a one-unit layer: no index needed
            bx, by = lay.bias_xy[l - 1]
            c = view.map(bx, by)
            text = name
            vals = scene.shown_b[l - 1]
            if vals is not None and len(vals) and np.all(vals == vals[0]) and side > 14:
                prefix = {"gradients": "dE/d" if self.session.trainer.backprop == "chain" else "≈dE/d",
                          "updates": "Δ"}.get(scene.kinds[l - 1], "")
                text = f"{prefix}{name} {short(vals[0])}"
            box = QRectF(c.x() + side / 2 + 6, c.y() - fm.height() / 2, fm.horizontalAdvance(text) + 4, fm.height())
            p.setPen(col["dim"])
            p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            if side > fm.horizontalAdvance("1") + 6:
                p.setFont(self._font(min(side * 0.55, 12)))
                p.drawText(QRectF(c.x() - side / 2, c.y() - side / 2, side, side), Qt.AlignmentFlag.AlignCenter, "1")
                p.setFont(font)

    def _neuron_name(self, c: int, j: int) -> str:
        name = self.session.trainer.network.neuron_name(c, j)
        return name if name is not None else f"a[{c}][{j}]"

    def _paint_neuron_labels(self, p, scene, view, col, fills) -> None:
        """Name, value and (once computed) delta inside each circle; a column shows the
        same lines for all of its neurons, as many as fit, or none."""
        lay = self._layout
        r_px = lay.r * view.scale
        if r_px < 7:
            return
        px = float(np.clip(r_px * 0.42, 9, 16))
        f_name, f_val, f_small = self._font(px, bold=True), self._font(px), self._font(max(px * 0.82, 8.5))
        fm_name, fm_val, fm_small = QFontMetricsF(f_name), QFontMetricsF(f_val), QFontMetricsF(f_small)
        f_tiny = self._font(8)
        fm_tiny = QFontMetricsF(f_tiny)
        inner = 1.72 * r_px  # usable width inside the circle
        dark_text, light_text = QColor("#17181a"), QColor("#ffffff")
        net = self.session.trainer.network
        named = net.neuron_names is not None
        sym = "δ" if self.session.trainer.backprop == "chain" else "e"
        for c, n in enumerate(lay.sizes):
            vals, errs = scene.out[c], scene.errors[c]
            N = ([self._neuron_name(c, j) for j in range(n)], f_name, fm_name)
            V = (["–"] * n if vals is None else [short(x) for x in vals], f_val, fm_val)
            V3 = (["–"] * n if vals is None else [short(x, 3) for x in vals], f_val, fm_val)
            options = []
            E = None if errs is None else ([f"{sym} {short(x)}" for x in errs], f_small, fm_small)
            if E is not None:
                options.append([N, V, E])
            options += [[N, V], [N, V3]]
            if E is not None and not named:
                options.append([V, E])
            options += [[N], [V], [V3]] if named else [[V], [V3], [N]]
            options.append([(V3[0], f_tiny, fm_tiny)])
            chosen = None
            for lines in options:
                height = sum(fm.height() for _, _, fm in lines)
                if height <= 1.62 * r_px and all(fm.horizontalAdvance(t) <= inner for texts, _, fm in lines
                                                 for t in texts):
                    chosen = lines
                    break
            if chosen is not None:
                height = sum(fm.height() for _, _, fm in chosen)
                for j in range(n):
                    centre = view.map(lay.x[c], float(lay.ys[c][j]))
                    if vals is None:
                        colour = col["dim"]
                    else:
                        k = int(np.rint(np.clip(vals[j] / self._fill_scale(c, vals), -1, 1) * FILL_LEVELS))
                        colour = dark_text if _luminance(fills.get(k, col["bg"])) > 0.45 else light_text
                    p.setPen(colour)
                    y = centre.y() - height / 2
                    for texts, font, fm in chosen:
                        p.setFont(font)
                        p.drawText(QRectF(centre.x() - r_px, y, 2 * r_px, fm.height()),
                                   Qt.AlignmentFlag.AlignCenter, texts[j])
                        y += fm.height()
            # targets beside the output neurons
            if c == lay.n_layers and scene.targets is not None and lay.sy * view.scale >= 16:
                f_t = self._font(float(np.clip(r_px * 0.36, 10, 13)))
                fm_t = QFontMetricsF(f_t)
                p.setFont(f_t)
                p.setPen(col["dim"])
                for j in range(n):
                    centre = view.map(lay.x[c], float(lay.ys[c][j]))
                    p.drawText(QRectF(centre.x() + r_px + 14, centre.y() - fm_t.height() / 2, 200, fm_t.height()),
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                               f"target {short(scene.targets[j])}")

    def _fill_scale(self, c: int, vals: np.ndarray) -> float:
        t = self.session.trainer
        if c == 0:
            return max(1.0, float(np.max(np.abs(t.dataset.inputs))))
        if t.network.activations[c - 1].name in _BOUNDED:
            return 1.0
        return max(1.0, float(np.max(np.abs(vals))))

    def _paint_headings(self, p, rect, view, col) -> None:
        lay = self._layout
        net = self.session.trainer.network
        L = lay.n_layers
        gap = lay.dx * view.scale
        f_head, f_sub = self._font(13, bold=True), self._font(11)
        fm_head, fm_sub = QFontMetricsF(f_head), QFontMetricsF(f_sub)
        y_bottom = lay.top * view.scale + view.ty - 10
        for c, n in enumerate(lay.sizes):
            if c == 0:
                head = "input"
            elif c == L:
                head = "output"
            else:
                head = f"hidden {c}" if L > 2 else "hidden"
            sub = [] if c == 0 else [net.activations[c - 1].name]
            if n > 4 or c == 0:
                sub.append(f"{n} unit{'s' if n != 1 else ''}")
            sub_text = " · ".join(sub)
            x = view.map(lay.x[c], 0).x()
            w = max(fm_head.horizontalAdvance(head), fm_sub.horizontalAdvance(sub_text)) + 8
            if w > gap * 0.98 and c > 0:
                sub_text = net.activations[c - 1].name if fm_sub.horizontalAdvance(net.activations[c - 1].name) < gap else ""
                if fm_head.horizontalAdvance(head) > gap * 0.98:
                    head = f"h{c}" if 0 < c < L else head[:3]
            p.setFont(f_head)
            p.setPen(col["fg"])
            p.drawText(QRectF(x - gap / 2, y_bottom - fm_sub.height() - fm_head.height(), gap, fm_head.height()),
                       Qt.AlignmentFlag.AlignCenter, head)
            p.setFont(f_sub)
            p.setPen(col["dim"])
            p.drawText(QRectF(x - gap / 2, y_bottom - fm_sub.height(), gap, fm_sub.height()),
                       Qt.AlignmentFlag.AlignCenter, sub_text)

    def _paint_caption(self, p, rect, scene, col) -> None:
        head, sub = scene.caption
        f_head, f_sub = self._font(15, bold=True), self._font(12)
        fm_head, fm_sub = QFontMetricsF(f_head), QFontMetricsF(f_sub)
        x, y = rect.x() + 16, rect.y() + 12
        dot = 9.0
        width = max(fm_head.horizontalAdvance(head), fm_sub.horizontalAdvance(sub)) + dot + 8
        self._plate(p, QRectF(x - 8, y - 5, min(width + 16, rect.width() - 16),
                              fm_head.height() + fm_sub.height() + 12), col)
        if scene.active_phase is not None and not scene.past:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(palette.HIGHLIGHT) if not scene.is_next else col["dim"])
            p.drawEllipse(QRectF(x, y + (fm_head.height() - dot) / 2, dot, dot))
            x_text = x + dot + 8
        else:
            x_text = x
        p.setFont(f_head)
        p.setPen(col["fg"])
        p.drawText(QPointF(x_text, y + fm_head.ascent()), head)
        p.setFont(f_sub)
        p.setPen(col["dim"])
        p.drawText(QPointF(x_text, y + fm_head.height() + 2 + fm_sub.ascent()),
                   fm_sub.elidedText(sub, Qt.TextElideMode.ElideRight, rect.width() - x_text - 16))

    def _plate(self, p, rect: QRectF, col) -> None:
        """A quiet backing for the caption and the legend, so they stay readable over a
        zoomed-in network."""
        plate = QColor(col["bg"])
        plate.setAlphaF(0.93)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(plate)
        p.drawRoundedRect(rect, 6, 6)

    def _legend_entries(self, scene) -> list[tuple[str, str, float]]:
        """(kind, title, scale) of the quantities drawn."""
        t = self.session.trainer
        L = len(scene.kinds)
        entries = []
        for kind in QUANTITIES:
            layers = [l for l, k in enumerate(scene.kinds, start=1) if k == kind]
            if not layers:
                continue
            if kind == "weights":
                title = "weights w, biases b"
            elif kind == "gradients":
                title = ("gradients dE/dw" if t.backprop == "chain"
                         else "pseudo-gradients −e·f′·a (proportional)")
            else:
                title = "updates Δw = new − old"
            if len(layers) < L:
                title += f" · layer{'s' if len(layers) > 1 else ''} {_ranges(layers)}"
            if scene.past and kind == "weights":
                title += f" · after iteration {self.session.view_iteration}"
            entries.append((kind, title, scene.scales[kind]))
        return entries

    def _paint_legend(self, p, rect, scene, col) -> None:
        entries = self._legend_entries(scene)
        notes = []
        if "none" in scene.kinds:
            what = "gradients" if (self.session.edge_mode == "gradients") else "updates"
            notes.append(f"grey: no {what} yet in this iteration")
        for l, drawn, total in scene.dense[:1]:
            notes.append(f"dense layers: the strongest {drawn:,} of {total:,} edges drawn; hover for any")
        f_title, f_num, f_note = self._font(12, bold=True), self._font(11), self._font(11, italic=True)
        fm_title, fm_num, fm_note = QFontMetricsF(f_title), QFontMetricsF(f_num), QFontMetricsF(f_note)
        bar_w, bar_h = 200.0, 11.0
        block_h = fm_title.height() + 4 + bar_h + 3 + fm_num.height()
        x_right = rect.right() - 16
        y_bottom = rect.bottom() - 12
        y_top = y_bottom - block_h
        if notes:
            y_top -= len(notes) * fm_note.height() + 4
        widths = [max(bar_w, fm_title.horizontalAdvance(title)) for _, title, _ in entries]
        total = max([sum(widths) + 28 * max(len(widths) - 1, 0)] + [fm_note.horizontalAdvance(n) for n in notes])
        if total > 0:
            self._plate(p, QRectF(x_right - total - 8, y_top - 5, total + 16, y_bottom - y_top + 10), col)
        if notes:
            p.setFont(f_note)
            p.setPen(col["dim"])
            for i, note in enumerate(notes):
                p.drawText(QRectF(rect.x(), y_bottom - (len(notes) - i) * fm_note.height(), x_right - rect.x(),
                                  fm_note.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, note)
        x = x_right
        n_bins = 2 * LEVELS + 1
        for kind, title, scale in reversed(entries):
            w = max(bar_w, fm_title.horizontalAdvance(title))
            x0 = x - w
            bar_x = x - bar_w
            p.setFont(f_title)
            p.setPen(col["fg"])
            p.drawText(QRectF(x0, y_top, w, fm_title.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, title)
            by = y_top + fm_title.height() + 4
            cell = bar_w / n_bins
            p.setPen(Qt.PenStyle.NoPen)
            for i, k in enumerate(range(-LEVELS, LEVELS + 1)):
                p.setBrush(self._bin_color(k, col["bg"]))
                p.drawRect(QRectF(bar_x + i * cell, by, cell + 0.5, bar_h))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(col["outline"], 0.8))
            p.drawRect(QRectF(bar_x, by, bar_w, bar_h))
            p.setFont(f_num)
            p.setPen(col["dim"])
            ny = by + bar_h + 3
            p.drawText(QRectF(bar_x, ny, bar_w, fm_num.height()), Qt.AlignmentFlag.AlignLeft, _signed(-scale))
            p.drawText(QRectF(bar_x, ny, bar_w, fm_num.height()), Qt.AlignmentFlag.AlignHCenter, "0")
            p.drawText(QRectF(bar_x, ny, bar_w, fm_num.height()), Qt.AlignmentFlag.AlignRight, _signed(scale))
            x = x0 - 28

    # -------------------------------------------------------------- selection and hover
    def _edge_screen_line(self, hit: Hit, view: _View) -> tuple[QPointF, QPointF] | None:
        lay = self._layout
        if hit.kind == "edge":
            x0, y0, x1, y1 = lay.edges[hit.layer - 1][hit.row * lay.sizes[hit.layer - 1] + hit.col]
            start_r = lay.r
        elif hit.kind == "bias":
            x0, y0, x1, y1 = lay.biases[hit.layer - 1][hit.row]
            start_r = lay.bias_side * 0.7
        else:
            return None
        length = math.hypot(x1 - x0, y1 - y0)
        if length <= lay.r + start_r:
            return None
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        a = view.map(x0 + ux * start_r, y0 + uy * start_r)
        b = view.map(x1 - ux * lay.r, y1 - uy * lay.r)
        return a, b

    def _hit_colour(self, hit: Hit, scene: _Scene) -> QColor:
        i = hit.layer - 1
        if scene.kinds[i] == "none":
            return _diverging(0.5)
        vals = scene.shown_W[i][hit.row, hit.col] if hit.kind == "edge" else scene.shown_b[i][hit.row]
        return _diverging(0.5 + 0.5 * float(np.clip(vals / scene.scales[scene.kinds[i]], -1, 1)))

    def _paint_item_emphasis(self, p, hit: Hit, scene, view, col, strong: bool) -> None:
        lay = self._layout
        if hit.kind in ("edge", "bias"):
            line = self._edge_screen_line(hit, view)
            if line is None:
                return
            a, b = line
            width = max(self._edge_width(LEVELS // 2, view), 2.0)
            halo = QPen(col["fg"] if strong else col["dim"], width + (3.5 if strong else 2.5))
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(halo)
            p.drawLine(a, b)
            inner = QPen(self._hit_colour(hit, scene), width + 0.5)
            inner.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(inner)
            p.drawLine(a, b)
        elif hit.kind == "neuron":
            c = view.map(lay.x[hit.layer], float(lay.ys[hit.layer][hit.row]))
            rr = lay.r * view.scale + (7 if strong else 4)
            pen = QPen(col["fg"] if strong else col["dim"], 2.2 if strong else 1.5)
            if strong:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(c, rr, rr)

    def _selection_hit(self) -> Hit | None:
        sel = self.session.selection
        if sel is None:
            return None
        if sel.is_param:
            try:
                prm = self.session.trainer.network.parse_param(sel.param)
            except ValueError:
                return None
            return Hit("edge" if prm.kind == "W" else "bias", prm.layer, prm.row, prm.col)
        if sel.layer is not None and sel.unit is not None and 0 <= sel.layer < len(self._layout.sizes) \
                and 0 <= sel.unit < self._layout.sizes[sel.layer]:
            return Hit("neuron", sel.layer, sel.unit)
        return None

    def _paint_selection(self, p, scene, view, col, labels: list) -> None:
        sel = self._selection_hit()
        if sel is not None:
            self._paint_item_emphasis(p, sel, scene, view, col, strong=True)
            self._draw_labels(p, [lab for lab in labels if lab[1] == sel], col)

    # -------------------------------------------------------------- the widget's paint
    def paintEvent(self, event) -> None:
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr, self.palette().cacheKey())
        if self._pixmap is None or self._pixmap_key != key:
            pix = QPixmap(QSize(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr))))
            pix.setDevicePixelRatio(dpr)
            painter = QPainter(pix)
            labels: list = []
            self.paint(painter, QRectF(self.rect()), view=self._view, overlays=False, labels_out=labels)
            painter.end()
            self._label_rects = labels
            self._pixmap, self._pixmap_key = pix, key
        p = QPainter(self)
        p.drawPixmap(0, 0, self._pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        col = self._colours(self.palette())
        scene = self.scene
        if self._hover is not None and self._hover != self._selection_hit():
            self._paint_item_emphasis(p, self._hover, scene, self._view, col, strong=False)
            self._draw_labels(p, [lab for lab in self._label_rects if lab[1] == self._hover], col)
        self._paint_selection(p, scene, self._view, col, self._label_rects)
        p.end()

    # ============================================================ hit testing
    def hit_test(self, pos: QPointF) -> Hit | None:
        """The item at widget position ``pos``: neurons first, then bias nodes, edge
        labels and edges (the nearest within a few pixels)."""
        lay = self._layout
        view = self._view
        wx, wy = view.inverse(QPointF(pos))
        slack = 3.0 / view.scale
        d2 = (lay.nx - wx) ** 2 + (lay.ny - wy) ** 2
        j = int(np.argmin(d2))
        if d2[j] <= (lay.r + slack) ** 2:
            return Hit("neuron", int(lay.ncol[j]), int(lay.nunit[j]))
        half = lay.bias_side / 2 + slack
        for l, (bx, by) in enumerate(lay.bias_xy, start=1):
            if abs(wx - bx) <= half and abs(wy - by) <= half:
                return Hit("bias_node", l)
        for rect, hit, *_ in self._label_rects:
            if rect.contains(QPointF(pos)):
                return hit
        seg = lay.seg
        ax, ay, bx, by = seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3]
        dx, dy = bx - ax, by - ay
        t = np.clip(((wx - ax) * dx + (wy - ay) * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0.0, 1.0)
        dist2 = (ax + t * dx - wx) ** 2 + (ay + t * dy - wy) ** 2
        k = int(np.argmin(dist2))
        tol = max(5.0, self._edge_width(LEVELS, view) / 2 + 2) / view.scale
        if dist2[k] > tol * tol:
            return None
        kind = "edge" if lay.seg_kind[k] == 0 else "bias"
        col = int(lay.seg_col[k])
        return Hit(kind, int(lay.seg_layer[k]), int(lay.seg_row[k]), col if kind == "edge" else None)

    # ============================================================ tooltips
    def tooltip_text(self, hit: Hit | None) -> str:
        """Rich text for the item ``hit``: names, value, gradient, last change (edges),
        net, out, delta (neurons)."""
        if hit is None:
            return ""
        if hit.kind in ("edge", "bias"):
            return self._param_tooltip(hit)
        if hit.kind == "neuron":
            return self._neuron_tooltip(hit)
        if hit.kind == "bias_node":
            return self._bias_node_tooltip(hit)
        return ""

    def _row(self, label: str, value: str) -> str:
        return f"<tr><td style='padding-right:10px'>{label}</td><td>{value}</td></tr>"

    def _param_tooltip(self, hit: Hit) -> str:
        s = self.session
        t = s.trainer
        net = t.network
        v = t.values
        f = self._fmt.num
        name = hit.param
        prm = net.parse_param(name)
        display = net.display_name(prm)
        i = prm.layer - 1
        W, B = s.display_parameters()
        value = float((W if prm.kind == "W" else B)[i][prm.index])
        title = f"<b>{html.escape(display)}</b>"
        if display != name:
            title += f" &nbsp;({html.escape(name)})"
        if prm.kind == "W":
            what = (f"weight from {html.escape(self._neuron_name(prm.layer - 1, prm.col))} "
                    f"to {html.escape(self._neuron_name(prm.layer, prm.row))}")
        else:
            what = f"bias of {html.escape(self._neuron_name(prm.layer, prm.row))}"
        rows = [self._row("value", f(value) if not s.viewing_past else f"{f(value)} (after iteration {s.view_iteration})")]
        grad_name = "dE/d" + display if t.backprop == "chain" else "pseudo-gradient"
        if s.viewing_past:
            rows.append(self._row(grad_name, "not kept for past iterations"))
        else:
            g = (v.grad_W if prm.kind == "W" else v.grad_b)[i]
            rows.append(self._row(grad_name, f(g[prm.index]) if g is not None else "not computed yet"))
            u = (v.update_W if prm.kind == "W" else v.update_b)[i]
            if u is not None:
                change = f"{f(u[prm.index])} (update of this iteration)"
            elif len(t.trajectory) >= 2:
                k = net.flat_index(prm)
                change = f"{f(t.trajectory[-1][k] - t.trajectory[-2][k])} (update of iteration {t.iteration})"
            else:
                change = "none yet"
            rows.append(self._row("last change Δ" + display, change))
        extra = "<br><i>frozen: training leaves it unchanged</i>" if t.is_frozen(prm) else ""
        return (f"{title}<br>{what}<table>{''.join(rows)}</table>{extra}"
                f"<br><small>click to select · double-click to edit · right-click to freeze</small>")

    def _neuron_tooltip(self, hit: Hit) -> str:
        s = self.session
        t = s.trainer
        scene = self.scene
        f = self._fmt.num
        c, j = hit.layer, hit.row
        L = t.network.n_layers
        names = Names(t.network)
        name = self._neuron_name(c, j)
        where = "input" if c == 0 else ("output" if c == L else f"hidden layer {c}")
        act = "" if c == 0 else f", {t.network.activations[c - 1].name}"
        title = f"<b>{html.escape(name)}</b> &nbsp;({where}{act}, unit {j})"
        rows = []
        rows_n = s.batch_rows()
        sample = f"sample {min(s.sample, rows_n - 1) + 1} of {rows_n}"
        if scene.sample_row is not None:
            sample += f" (data row {scene.sample_row + 1})"
        if c == 0:
            x = scene.out[0]
            rows.append(self._row(html.escape(names.out(0, j)), f(x[j]) if x is not None else "not drawn yet"))
        else:
            z, a, e = scene.net[c], scene.out[c], scene.errors[c]
            rows.append(self._row(html.escape(names.net(c, j)), f(z[j]) if z is not None else "not computed yet"))
            rows.append(self._row(html.escape(names.out(c, j)), f(a[j]) if a is not None else "not computed yet"))
            if c == L and scene.targets is not None:
                rows.append(self._row("target " + html.escape(names.target(j)), f(scene.targets[j])))
            if not s.viewing_past:
                if t.backprop == "chain":
                    label = f"{names.delta(c, j)} = dE/dnet"
                else:
                    label = f"{names.error(c, j)} (error share)"
                rows.append(self._row(html.escape(label), f(e[j]) if e is not None else "not computed yet"))
        return f"{title}<br>{sample}<table>{''.join(rows)}</table>"

    def _bias_node_tooltip(self, hit: Hit) -> str:
        s = self.session
        net = s.trainer.network
        W, B = s.display_parameters()
        l = hit.layer
        rows = [self._row(html.escape(f"{net.display_name(Param('b', l, r))} → "
                                      f"{self._neuron_name(l, r)}"), self._fmt.num(B[l - 1][r]))
                for r in range(min(net.sizes[l], 12))]
        more = f"<br>… {net.sizes[l] - 12} more" if net.sizes[l] > 12 else ""
        return f"<b>bias node of layer {l}</b><br>a constant input 1, weighted by the biases<table>{''.join(rows)}</table>{more}"

    def _refresh_tooltip(self) -> None:
        if self._tip is None or not QToolTip.isVisible():
            return
        hit, pos = self._tip
        text = self.tooltip_text(hit)
        if text:
            QToolTip.showText(pos, text, self)

    @property
    def tooltip_hit(self) -> Hit | None:
        """The item whose tooltip is showing (or was last shown)."""
        return self._tip[0] if self._tip else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self.hit_test(QPointF(event.pos()))
            text = self.tooltip_text(hit)
            if text:
                self._tip = (hit, event.globalPos())
                QToolTip.showText(event.globalPos(), text, self)
            else:
                self._tip = None
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # ============================================================ mouse
    def mousePressEvent(self, event) -> None:
        if (event.button() == Qt.MouseButton.RightButton
                and self.open_context_menu(event.position(), event.globalPosition().toPoint()) is not None):
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_hit = self.hit_test(event.position())
            self._pan_from = (self._view.tx, self._view.ty)
            self._panning = False
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            d = pos - self._press
            if self._press_hit is None and (self._panning or abs(d.x()) + abs(d.y()) > 4):
                self._panning = True
                self._auto_fit = False
                self._view = _View(self._view.scale, self._pan_from[0] + d.x(), self._pan_from[1] + d.y())
                self._pixmap = None
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
            return
        hit = self.hit_test(pos)
        if hit != self._hover:
            self._hover = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit is not None else Qt.CursorShape.ArrowCursor)
            self.update()
            if QToolTip.isVisible():
                text = self.tooltip_text(hit)
                if text:
                    gpos = event.globalPosition().toPoint()
                    self._tip = (hit, gpos)
                    QToolTip.showText(gpos, text, self)
                else:
                    self._tip = None
                    QToolTip.hideText()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        panned = self._panning
        hit = self._press_hit
        self._press = None
        self._press_hit = None
        self._panning = False
        self.unsetCursor()
        if panned:
            return
        if hit is None:
            if self.session.selection is not None:
                self.session.clear_selection()
        elif hit.param is not None:
            self.session.select_param(hit.param)
        elif hit.kind == "neuron":
            self.session.select_neuron(hit.layer, hit.row)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.hit_test(event.position())
        if hit is None:
            self.fit()
            return
        if hit.param is None:
            return
        self.edit_parameter(hit.param)

    def edit_parameter(self, name: str) -> bool:
        """Ask for a new value of parameter ``name`` and apply it (Step back undoes it)."""
        s = self.session
        if s.viewing_past:
            s.message.emit("Move the timeline to the right end (live) to edit the network")
            return False
        prm = s.trainer.network.parse_param(name)
        value = self._ask_value(prm.name, s.trainer.network.get(prm))
        if value is None:
            return False
        return s.edit_parameter(prm.name, value)

    def _ask_value(self, name: str, current: float) -> float | None:
        """The one place that opens the edit dialog (tests patch it)."""
        net = self.session.trainer.network
        display = net.display_name(name)
        label = f"New value of {display}" + (f" ({name})" if display != name else "") + ":"
        value, ok = QInputDialog.getDouble(self, "Edit parameter", label, current, -1e9, 1e9, 9)
        return float(value) if ok else None

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_by(1.0015 ** delta, event.position())
        event.accept()

    def leaveEvent(self, event) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    # ============================================================ exports
    @staticmethod
    def _export_ui(width: int, height: int) -> float:
        """Exports larger than 1200 x 800 scale text and lines up, so they look like the window."""
        return max(1.0, min(width / 1200.0, height / 800.0))

    def render_image(self, width: int, height: int, show: str | None = None) -> QImage:
        """The scene fitted into a ``width`` x ``height`` image (independent of the
        widget's zoom), with caption and legend. ``show`` forces weights, gradients or
        updates for every layer."""
        width, height = int(width), int(height)
        if width < 1 or height < 1:
            raise ValueError(f"image size must be positive, got {width} x {height}")
        ui = self._export_ui(width, height)
        img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(ui)
        img.fill(palette.canvas_background(self.palette()))
        p = QPainter(img)
        self.paint(p, QRectF(0, 0, width / ui, height / ui), show=show)
        p.end()
        img.setDevicePixelRatio(1.0)
        return img

    def export_png(self, path: str, width: int, height: int, show: str | None = None) -> None:
        img = self.render_image(width, height, show)
        if not img.save(str(path), "PNG"):
            raise OSError(f"could not write the image {path}")

    def export_svg(self, path: str, width: int, height: int, show: str | None = None) -> None:
        from PySide6.QtSvg import QSvgGenerator

        width, height = int(width), int(height)
        if width < 1 or height < 1:
            raise ValueError(f"image size must be positive, got {width} x {height}")
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(width, height))
        gen.setViewBox(QRect(0, 0, width, height))
        gen.setTitle("nnviz network")
        sizes = "-".join(map(str, self.session.trainer.network.sizes))
        gen.setDescription(f"{sizes} network drawn by nnviz")
        p = QPainter()
        if not p.begin(gen):
            raise OSError(f"could not write the drawing {path}")
        ui = self._export_ui(width, height)
        p.scale(ui, ui)
        self.paint(p, QRectF(0, 0, width / ui, height / ui), show=show)
        if not p.end():
            raise OSError(f"could not write the drawing {path}")


# ======================================================================== panel
class CanvasPanel(QWidget):
    """The canvas with, under it, the focused-sample selector and the timeline."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.canvas = NetworkCanvas(session, self)

        self.sample_box = QComboBox()
        self.sample_box.setToolTip("The sample whose values the neurons show")
        self.sample_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setToolTip("Scrub through the iterations already run; the right end is live")
        self.timeline.setMinimumWidth(160)
        self.timeline_label = QLabel()
        self.timeline_label.setMinimumWidth(150)
        self.live_button = QToolButton()
        self.live_button.setText("Live")
        self.live_button.setToolTip("Back to the current network")

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 6)
        bar.addWidget(QLabel("Neurons show"))
        bar.addWidget(self.sample_box)
        bar.addSpacing(18)
        bar.addWidget(QLabel("Timeline"))
        bar.addWidget(self.timeline, 1)
        bar.addWidget(self.timeline_label)
        bar.addWidget(self.live_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(bar)

        self._sample_key: tuple | None = None
        self.sample_box.currentIndexChanged.connect(self._on_sample_chosen)
        self.timeline.valueChanged.connect(self._on_timeline_moved)
        self.live_button.clicked.connect(lambda: session.set_view_iteration(None))
        session.stateChanged.connect(self._on_state_changed)
        session.trainerReplaced.connect(self._on_state_changed)
        session.sampleChanged.connect(self._on_sample_changed)
        session.timelineChanged.connect(self._on_timeline_changed)
        self._on_state_changed()

    # ------------------------------------------------------------ sample
    def _sample_rows(self) -> list[str]:
        s = self.session
        v = s.trainer.values
        n = s.batch_rows()
        rows = [int(v.batch[k]) if v.batch is not None else k for k in range(n)] \
            if (v.batch is not None or v.inputs is not None or s.trainer.batch_size >= s.trainer.n_samples) else None
        if rows is None:
            return [f"sample {k + 1} of {n}" for k in range(n)]
        return [f"sample {k + 1} of {n} (data row {r + 1})" for k, r in enumerate(rows)]

    def _refresh_samples(self) -> None:
        items = self._sample_rows()
        key = tuple(items)
        if key != self._sample_key:
            self._sample_key = key
            self.sample_box.blockSignals(True)
            self.sample_box.clear()
            self.sample_box.addItems(items)
            self.sample_box.blockSignals(False)
        self.sample_box.blockSignals(True)
        self.sample_box.setCurrentIndex(min(self.session.sample, len(items) - 1))
        self.sample_box.blockSignals(False)
        self.sample_box.setEnabled(len(items) > 1)

    def _on_sample_chosen(self, index: int) -> None:
        if index >= 0:
            self.session.set_sample(index)

    def _on_sample_changed(self, index: int) -> None:
        self._refresh_samples()

    # ------------------------------------------------------------ timeline
    def _refresh_timeline(self) -> None:
        s = self.session
        t = s.trainer
        first, last = s.first_iteration, t.iteration
        shown = s.view_iteration if s.view_iteration is not None else last
        self.timeline.blockSignals(True)
        self.timeline.setRange(first, last)
        self.timeline.setValue(shown)
        self.timeline.setPageStep(max(1, (last - first) // 10))
        self.timeline.blockSignals(False)
        self.timeline.setEnabled(last > first)
        live = s.view_iteration is None
        self.timeline_label.setText(f"iteration {shown} of {last}" + (" · live" if live else ""))
        self.live_button.setEnabled(not live)

    def _on_timeline_moved(self, value: int) -> None:
        self.session.set_view_iteration(value)

    def _on_timeline_changed(self) -> None:
        self._refresh_timeline()

    def _on_state_changed(self) -> None:
        self._refresh_samples()
        self._refresh_timeline()
