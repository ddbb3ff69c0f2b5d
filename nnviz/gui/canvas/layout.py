"""Where everything on the canvas goes: pure geometry (NumPy), no Qt, no widget.

- :class:`Layout`: world positions of neurons, bias nodes and edges, from the layer sizes
  (and the view's aspect ratio, so that a wide view spreads the columns).
- :class:`View` and :func:`fit_view`: world -> pixels, fitted into a view of a given size.
- :func:`place`: the boxes of the annotations (edge labels, output thumbnails, the
  chain-vs-proportional boxes) for a view, measured by a ``measure(text, role)``
  function, so that nothing collides.
- :func:`hit_test`: what is under a pixel.

World units: a roomy layout has neurons 30 units in radius; :data:`BASE_SCALE` pixels
per unit is the scale at which text has its base size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.core.network import Param

DENSE_EDGES = 1024  # a layer with more edges than this draws only its strongest ones
BIAS_EDGES_MAX = 32  # a layer with more units shows its biases on the bias node only
BASE_SCALE = 1.45  # pixels per world unit at which text and lines have their base size
UI_MAX = 1.0  # text and lines grow with the fitted scale up to this factor

Measure = Callable[[str, str], tuple[float, float]]  # (text, role) -> (width, height) in pixels


# ======================================================================== boxes and hits
@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels: top left (x, y), width w, height h."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: "Box", gap: float = 0.0) -> bool:
        """True when the boxes overlap or come closer than ``gap``."""
        return (self.x < other.right + gap and other.x < self.right + gap
                and self.y < other.bottom + gap and other.y < self.bottom + gap)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


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

    @staticmethod
    def of_param(p: Param) -> "Hit":
        return Hit("edge" if p.kind == "W" else "bias", p.layer, p.row, p.col)


# ======================================================================== world layout
class Layout:
    """World positions of everything, from the layer sizes alone."""

    def __init__(self, sizes: Sequence[int], aspect: float | None = None) -> None:
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
            seg = np.empty((n_out * n_in, 4))
            seg[:, 0] = self.x[l - 1]
            seg[:, 1] = np.tile(self.ys[l - 1], n_out)
            seg[:, 2] = self.x[l]
            seg[:, 3] = np.repeat(self.ys[l], n_in)
            self.edges.append(seg)
            bx, by = self.bias_xy[l - 1]
            bseg = np.empty((n_out, 4))
            bseg[:, 0], bseg[:, 1] = bx, by
            bseg[:, 2], bseg[:, 3] = self.x[l], self.ys[l]
            self.biases.append(bseg)
        # big layers show their biases on the bias node only (its tooltip lists them)
        self.bias_drawn = [sizes[l] <= BIAS_EDGES_MAX for l in range(1, L + 1)]
        self.dense = [sizes[l] * sizes[l - 1] > DENSE_EDGES for l in range(1, L + 1)]
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
            if self.bias_drawn[l - 1]:
                kinds.append(np.ones(sizes[l], dtype=np.int8))
                layers.append(np.full(sizes[l], l))
                rows.append(np.arange(sizes[l]))
                cols.append(np.full(sizes[l], -1))
        self.seg_kind = np.concatenate(kinds)
        self.seg_layer = np.concatenate(layers)
        self.seg_row = np.concatenate(rows)
        self.seg_col = np.concatenate(cols)
        # neuron centres, flat
        self.nx = np.concatenate([np.full(n, self.x[c]) for c, n in enumerate(sizes)])
        self.ny = np.concatenate(self.ys)
        self.ncol = np.concatenate([np.full(n, c) for c, n in enumerate(sizes)])
        self.nunit = np.concatenate([np.arange(n) for n in sizes])
        self.top = min(float(y[0]) for y in self.ys) - self.r
        bottom = max(max(float(y[-1]) for y in self.ys) + self.r,
                     max(by for _, by in self.bias_xy) + self.bias_side / 2)
        self.bounds = Box(-self.r, self.top, self.x[-1] + 2 * self.r, bottom - self.top)

    def column_extent(self, c: int) -> tuple[float, float]:
        return float(self.ys[c][0]), float(self.ys[c][-1])

    def neuron(self, column: int, unit: int) -> tuple[float, float]:
        return self.x[column], float(self.ys[column][unit])

    def segment(self, hit: Hit) -> np.ndarray:
        """(x0, y0, x1, y1) of an edge or bias edge, in world units."""
        if hit.kind == "edge":
            return self.edges[hit.layer - 1][hit.row * self.sizes[hit.layer - 1] + hit.col]
        return self.biases[hit.layer - 1][hit.row]

    def midpoint(self, hit: Hit) -> tuple[float, float]:
        x0, y0, x1, y1 = self.segment(hit)
        return (x0 + x1) / 2, (y0 + y1) / 2


# ======================================================================== the view
@dataclass(frozen=True)
class View:
    """World -> pixels: x' = x * scale + tx. ``ui`` scales text and lines; it follows the
    fitted scale (a small network in a big view gets bigger text), not the user's zoom."""

    scale: float
    tx: float
    ty: float
    ui: float = 1.0

    def map(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale + self.tx, y * self.scale + self.ty

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.tx) / self.scale, (y - self.ty) / self.scale

    def map_box(self, b: Box) -> Box:
        x, y = self.map(b.x, b.y)
        return Box(x, y, b.w * self.scale, b.h * self.scale)

    def zoomed(self, scale: float, anchor: tuple[float, float]) -> "View":
        """The view at ``scale`` that keeps the pixel ``anchor`` over the same world point."""
        wx, wy = self.inverse(*anchor)
        return View(scale, anchor[0] - wx * scale, anchor[1] - wy * scale, self.ui)

    def panned(self, tx: float, ty: float) -> "View":
        return View(self.scale, tx, ty, self.ui)


CAPTION = (470.0, 60.0)  # the caption's corner (top left), width x height in pixels
LEGEND = (480.0, 76.0)  # the legend's corner (bottom right)


def fit_view(layout: Layout, width: float, height: float, x0: float = 0.0, y0: float = 0.0) -> View:
    """The view that shows the whole network in the ``width`` x ``height`` rectangle at
    (x0, y0). Tight margins first; if the network then runs into the caption (top left)
    or the legend (bottom right), margins that keep them apart. The result does not
    depend on the values, so the network does not jump while stepping."""
    b = layout.bounds
    caption = Box(x0, y0, *CAPTION)
    legend = Box(x0 + width - LEGEND[0], y0 + height - LEGEND[1], *LEGEND)
    view = None
    for left, right, top, bottom in ((40.0, 110.0, 46.0, 16.0), (40.0, 110.0, 96.0, 84.0)):
        avail_w = max(width - left - right, 40.0)
        avail_h = max(height - top - bottom, 40.0)
        scale = min(avail_w / max(b.w, 1e-9), avail_h / max(b.h, 1e-9), BASE_SCALE * UI_MAX)
        ui = float(np.clip(scale / BASE_SCALE, 1.0, UI_MAX))
        cx, cy = x0 + left + avail_w / 2, y0 + top + avail_h / 2
        view = View(scale, cx - (b.x + b.w / 2) * scale, cy - (b.y + b.h / 2) * scale, ui)
        d = view.map_box(b)
        drawn = Box(d.x - 8, d.y - 40, d.w + 108, d.h + 44)
        if not (drawn.intersects(caption) or drawn.intersects(legend)):
            break
    return view


def density(layout: Layout, view: View) -> float:
    """1 for roomy layouts, down to 0.25 when neurons are a few pixels apart or layers so
    wide that many edges meet at every neuron."""
    fan = min(1.0, 4.0 / math.sqrt(max(layout.sizes)))
    return float(np.clip(layout.sy * view.scale / 60.0 * fan, 0.25, 1.0))


def edge_width(level: float, dens: float, bias: bool = False) -> float:
    """Pen width of an edge whose |value| is ``level`` (0..1) of the scale. Crowded layouts
    keep every edge at most 1 px wide, which Qt draws on its fast path; there the colour
    alone tells the magnitude."""
    if dens < 0.4:
        return 1.0
    w = (0.7 + 3.6 * level) * dens
    return max(w * 0.6 if bias else w, 0.6)


def screen_line(layout: Layout, view: View, hit: Hit) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The visible part of an edge or bias edge in pixels: from the rim of what sends to
    the rim of the receiving neuron (None when they touch)."""
    if hit.kind not in ("edge", "bias"):
        return None
    x0, y0, x1, y1 = layout.segment(hit)
    start_r = layout.r if hit.kind == "edge" else layout.bias_side * 0.7
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= layout.r + start_r:
        return None
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    return view.map(x0 + ux * start_r, y0 + uy * start_r), view.map(x1 - ux * layout.r, y1 - uy * layout.r)


# ======================================================================== annotations
@dataclass
class Placement:
    """Boxes in pixels of what is written or drawn beside the network."""

    obstacles: list[Box]  # neurons, bias nodes, target labels: annotations keep off them
    edge_labels: list[tuple[Box, Hit, int]]  # (box, its edge, index of the label in its layer)
    thumbnails: list[tuple[int, int, Box]]  # (column, unit, box)
    overlays: list[tuple[int, int, Box]]  # chain vs proportional: (column, unit, box)

    def boxes(self) -> list[tuple[str, Box]]:
        """Every annotation box with what it is: edge label, thumbnail or overlay."""
        return ([("edge label", b) for b, _, _ in self.edge_labels] + [("thumbnail", b) for *_, b in self.thumbnails]
                + [("overlay", b) for *_, b in self.overlays])


def target_box(layout: Layout, view: View, unit: int, width: float, height: float) -> Box:
    """Where 'target 0.01' is written, right of output neuron ``unit``."""
    cx, cy = view.map(*layout.neuron(layout.n_layers, unit))
    return Box(cx + layout.r * view.scale + 14 * view.ui, cy - height / 2, width, height)


def place(layout: Layout, view: View, measure: Measure, *, edge_labels: Sequence[Sequence[str] | None] = (),
          targets: Sequence[str] | None = None, overlays: Sequence[Sequence[str] | None] | None = None,
          thumbnails: bool = False) -> Placement:
    """The boxes of the annotations for ``view``: ``edge_labels`` per weight layer (None:
    none), ``targets`` beside the output neurons, ``overlays`` (a text per neuron of each
    column, None for none) under the neurons and ``thumbnails`` beside them.

    Edge labels sit on their edge just after the sending neuron; a layer whose labels
    would overlap shows none."""
    r_px = layout.r * view.scale
    obstacles = []
    for c, n in enumerate(layout.sizes):
        for j in range(n):
            cx, cy = view.map(*layout.neuron(c, j))
            obstacles.append(Box(cx - r_px, cy - r_px, 2 * r_px, 2 * r_px))
    side = layout.bias_side * view.scale
    for bx, by in layout.bias_xy:
        cx, cy = view.map(bx, by)
        obstacles.append(Box(cx - side / 2, cy - side / 2, side, side))
    if targets is not None and layout.sy * view.scale >= 16:
        for j, text in enumerate(targets):
            obstacles.append(target_box(layout, view, j, *measure(text, "target")))

    placed_overlays = []
    if overlays is not None and r_px >= 8:
        ring = max(3.0, min(5.0, r_px * 0.18))
        for c, texts in enumerate(overlays):
            for j, text in enumerate(texts or ()):
                w, h = measure(text, "overlay")
                cx, cy = view.map(*layout.neuron(c, j))
                placed_overlays.append((c, j, Box(cx - (w + 8) / 2, cy + r_px + ring + 4, w + 8, h + 2)))

    placed_thumbs = []
    size = float(min(1.15 * r_px, 0.5 * layout.sy * view.scale, 56.0))
    if thumbnails and r_px >= 12 and size >= 14:
        for c in range(1, layout.n_layers + 1):
            for j in range(layout.sizes[c]):
                cx, cy = view.map(*layout.neuron(c, j))
                placed_thumbs.append((c, j, Box(cx + 0.62 * r_px, cy - 0.62 * r_px - size, size, size)))

    labels: list[tuple[Box, Hit, int]] = []
    for l, texts in enumerate(edge_labels, start=1):
        if texts is None:
            continue
        seg = layout.edges[l - 1]
        gap = (layout.x[l] - layout.x[l - 1]) * view.scale
        n_in = layout.sizes[l - 1]
        layer: list[tuple[Box, Hit, int]] | None = []
        for k, text in enumerate(texts):
            tw, th = measure(text, "edge label")
            w, h = tw + 12, th + 3
            dx = r_px + 15 + w / 2
            if dx + w / 2 > gap - r_px - 12:
                layer = None
                break
            ax, ay = view.map(seg[k, 0], seg[k, 1])
            _, by = view.map(seg[k, 2], seg[k, 3])
            cy = ay + (by - ay) * dx / gap
            box = Box(ax + dx - w / 2, cy - h / 2, w, h)
            if any(box.intersects(other, 2.0) for other, *_ in layer):
                layer = None
                break
            layer.append((box, Hit("edge", l, k // n_in, k % n_in), k))
        if layer:
            labels.extend(layer)
    return Placement(obstacles, labels, placed_thumbs, placed_overlays)


# ======================================================================== hit testing
def hit_test(layout: Layout, view: View, x: float, y: float,
             labels: Sequence[tuple[Box, Hit, int]] = ()) -> Hit | None:
    """The item at pixel (x, y): neurons first, then bias nodes, edge labels and edges
    (the nearest within a few pixels)."""
    wx, wy = view.inverse(x, y)
    slack = 3.0 / view.scale
    d2 = (layout.nx - wx) ** 2 + (layout.ny - wy) ** 2
    j = int(np.argmin(d2))
    if d2[j] <= (layout.r + slack) ** 2:
        return Hit("neuron", int(layout.ncol[j]), int(layout.nunit[j]))
    half = layout.bias_side / 2 + slack
    for l, (bx, by) in enumerate(layout.bias_xy, start=1):
        if abs(wx - bx) <= half and abs(wy - by) <= half:
            return Hit("bias_node", l)
    for box, hit, _ in labels:
        if box.contains(x, y):
            return hit
    seg = layout.seg
    ax, ay, bx, by = seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3]
    dx, dy = bx - ax, by - ay
    t = np.clip(((wx - ax) * dx + (wy - ay) * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0.0, 1.0)
    dist2 = (ax + t * dx - wx) ** 2 + (ay + t * dy - wy) ** 2
    k = int(np.argmin(dist2))
    tol = max(5.0, edge_width(1.0, density(layout, view)) / 2 + 2) / view.scale
    if dist2[k] > tol * tol:
        return None
    kind = "edge" if layout.seg_kind[k] == 0 else "bias"
    return Hit(kind, int(layout.seg_layer[k]), int(layout.seg_row[k]), int(layout.seg_col[k]) if kind == "edge" else None)
