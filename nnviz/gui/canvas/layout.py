"""Where everything on the canvas goes: pure geometry (NumPy), no Qt, no widget.

- :class:`Layout`: world positions of neurons, bias nodes and edges, from the layer sizes
  (and the view's aspect ratio, so that a wide view spreads the columns).
- :class:`View` and :func:`fit_view`: world -> pixels, fitted into a view of a given size.
- :func:`place`: the boxes of the annotations (names beside the input and output
  neurons, edge labels, output thumbnails, the chain-vs-proportional boxes) for a view,
  measured by a ``measure(text, role)`` function, so that nothing collides.
- :func:`hit_test`: what is under a pixel.

World units: a roomy layout has neurons 30 units in radius; :data:`BASE_SCALE` pixels
per unit is the scale at which text has its base size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.core.geometry import Box
from nnviz.core.network import Param

DENSE_EDGES = 1024  # a layer with more edges than this draws only its strongest ones
BIAS_EDGES_MAX = 32  # a layer with more units shows its biases on the bias node only
BASE_SCALE = 1.45  # pixels per world unit at which text and lines have their base size
UI_MAX = 1.6  # a small network in a big view grows, text and lines with it, up to this factor
R_MAX_PX = 64.0  # ... and its neurons up to this radius in pixels

Measure = Callable[[str, str], tuple[float, float]]  # (text, role) -> (width, height) in pixels


# ======================================================================== hits
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
    """World positions of everything, from the layer sizes alone. ``side_room`` (left,
    right) is room in pixels at text's base size that the view keeps beside the input
    and the output column for the names written there (long names, from a file's header)."""

    def __init__(self, sizes: Sequence[int], aspect: float | None = None,
                 side_room: tuple[float, float] = (0.0, 0.0)) -> None:
        self.sizes = list(sizes)
        self.aspect = aspect
        self.side_room = side_room
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


CAPTION = (470.0, 60.0)  # the caption's corner (top left), width x height in pixels at ui 1
LEGEND = (480.0, 76.0)  # the legend's corner (bottom right)


def fit_view(layout: Layout, width: float, height: float, x0: float = 0.0, y0: float = 0.0) -> View:
    """The view that shows the whole network in the ``width`` x ``height`` rectangle at
    (x0, y0), as large as it fits: a small network grows with the view up to neurons of
    :data:`R_MAX_PX` pixels, its text and lines by up to :data:`UI_MAX`. Tight margins
    first; if the network then runs into the caption (top left) or the legend (bottom
    right), margins that keep them apart. The result does not depend on the values, so
    the network does not jump while stepping."""
    b = layout.bounds
    cap = min(BASE_SCALE * UI_MAX, max(R_MAX_PX / layout.r, BASE_SCALE))
    side_left, side_right = layout.side_room
    view = None
    for roomy in (False, True):
        ui = 1.0
        for _ in range(20):  # the margins grow with the text, the text with the scale: settle
            # left: air (and the inputs' names); right: the outputs' names and targets;
            # top: the column headings
            left, right, top = (40.0 + side_left) * ui, (110.0 + side_right) * ui, 46.0 * ui
            bottom = (LEGEND[1] + 8) * ui if roomy else 16.0 * ui
            if roomy:
                top += CAPTION[1] * ui
            avail_w = max(width - left - right, 40.0)
            avail_h = max(height - top - bottom, 40.0)
            scale = min(avail_w / max(b.w, 1e-9), avail_h / max(b.h, 1e-9), cap)
            settled = float(np.clip(scale / BASE_SCALE, 1.0, UI_MAX))
            if abs(settled - ui) < 1e-6:
                break
            ui = settled
        cx, cy = x0 + left + avail_w / 2, y0 + top + avail_h / 2
        view = View(scale, cx - (b.x + b.w / 2) * scale, cy - (b.y + b.h / 2) * scale, ui)
        d = view.map_box(b)
        drawn = Box(d.x - (8 + side_left) * ui, d.y - 46 * ui, d.w + (108 + side_left + side_right) * ui,
                    d.h + 50 * ui)
        caption = Box(x0, y0, CAPTION[0] * ui, CAPTION[1] * ui)
        legend = Box(x0 + width - LEGEND[0] * ui, y0 + height - LEGEND[1] * ui, LEGEND[0] * ui, LEGEND[1] * ui)
        if not (drawn.intersects(caption) or drawn.intersects(legend)):
            break
    return view


def ring_gap(layout: Layout, view: View) -> float:
    """How far outside a neuron the ring marking "just computed" is drawn, in pixels."""
    return max(3.0, min(5.0, layout.r * view.scale * 0.18)) * view.ui


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
    """Where the annotations go, boxes in pixels. Nothing placed overlaps anything else
    placed, nor a neuron or a bias node (the ``obstacles``)."""

    obstacles: list[Box]  # neurons and bias nodes
    headings: list[Box]  # per column: heading and the line under it
    names: list[tuple[int, int, Box]]  # names beside input and output neurons: (column, unit, box)
    bias_labels: list[Box | None]  # per weight layer, beside its bias node (None: not written)
    targets: list[Box]  # beside the output neurons
    locks: list[Box]  # padlocks of frozen parameters
    overlays: list[tuple[int, int, Box]]  # chain vs proportional: (column, unit, box)
    thumbnails: list[tuple[int, int, Box]]  # (column, unit, box)
    edge_labels: list[tuple[Box, Hit, int]]  # (box, its edge, index of the label in its layer)
    left_out: set[str]  # what was asked for but has no room in this view: "overlays", "thumbnails"

    def boxes(self) -> list[tuple[str, Box]]:
        """Every box with what it is."""
        return ([("neuron or bias node", b) for b in self.obstacles] + [("heading", b) for b in self.headings]
                + [("name", b) for *_, b in self.names] + [("bias label", b) for b in self.bias_labels if b is not None]
                + [("target", b) for b in self.targets] + [("padlock", b) for b in self.locks]
                + [("overlay", b) for *_, b in self.overlays] + [("thumbnail", b) for *_, b in self.thumbnails]
                + [("edge label", b) for b, _, _ in self.edge_labels])


def target_box(layout: Layout, view: View, unit: int, width: float, height: float, after: Box | None = None) -> Box:
    """Where 'target 0.01' is written, right of output neuron ``unit`` (and right of its
    name, the box ``after``, when that is written beside it)."""
    cx, cy = view.map(*layout.neuron(layout.n_layers, unit))
    x = cx + layout.r * view.scale + 14 * view.ui
    if after is not None and after.right > x - 14 * view.ui:
        x = after.right + 10 * view.ui
    return Box(x, cy - height / 2, width, height)


def lock_size(layout: Layout, view: View) -> float:
    """The height of a frozen parameter's padlock in pixels."""
    return float(np.clip(layout.r * view.scale * 0.55, 7.0, 13.0 * view.ui))


def _free(box: Box, taken: list[Box], gap: float) -> bool:
    return not any(box.intersects(other, gap) for other in taken)


def _column_slots(layout: Layout, view: View, column: int, size: tuple[float, float], slots, taken: list[Box],
                  gap: float, area: Box | None = None) -> list[Box] | None:
    """Boxes of ``size`` beside every neuron of ``column``, all in the first slot (a
    function (centre x, centre y, w, h) -> Box) where none of them collides, nor leaves
    the ``area`` when its neuron is inside it; None when no slot has room."""
    w, h = size
    centres = [view.map(*layout.neuron(column, j)) for j in range(layout.sizes[column])]
    for slot in slots:
        boxes = [slot(cx, cy, w, h) for cx, cy in centres]
        if all(_free(b, taken, gap) and (area is None or not area.contains(cx, cy) or area.holds(b))
               for b, (cx, cy) in zip(boxes, centres)) and \
                not any(a.intersects(b, gap) for i, a in enumerate(boxes) for b in boxes[i + 1:]):
            return boxes
    return None


def place(layout: Layout, view: View, measure: Measure, *, headings: Sequence[tuple[str, str]] = (),
          names: Sequence[Sequence[str] | None] = (), bias_labels: Sequence[str | None] = (),
          targets: Sequence[str] | None = None, locks: Sequence[Hit] = (),
          overlays: Sequence[Sequence[str] | None] | None = None, thumbnails: bool = False,
          edge_labels: Sequence[Sequence[str] | None] = (), area: Box | None = None) -> Placement:
    """Where everything written beside the network goes in ``view``, text measured by
    ``measure(text, role)``: the column ``headings`` (head, line under it), the neuron
    ``names`` per column written beside the neurons (None: none; the input column's
    left of its neurons, the output column's right of them, else above or below), the
    ``bias_labels`` (None: not written), the ``targets`` beside the outputs, the padlocks
    of frozen parameters (``locks``), the ``overlays`` (a text per neuron of each column,
    None for none), output ``thumbnails`` beside the neurons and the ``edge_labels`` per
    weight layer (None: none). Names, overlays and thumbnails stay inside ``area`` (the
    picture, when given).

    Placed in that order, each clear of what came before: an overlay under its neuron
    (else right or left of it), a thumbnail left of its neuron (else above it, or right);
    a column uses one slot for all its neurons, and shows none when no slot has room.
    Thumbnails shrink to a third before they give up. An edge label sits on its edge, as
    close after the sending neuron as it can (before the receiving one where a layer fans
    out from few neurons to many); a layer whose labels do not all find room shows none."""
    ui = view.ui
    r_px = layout.r * view.scale
    gap = 2.0 * ui
    obstacles = []
    for c, n in enumerate(layout.sizes):
        for j in range(n):
            cx, cy = view.map(*layout.neuron(c, j))
            obstacles.append(Box(cx - r_px, cy - r_px, 2 * r_px, 2 * r_px))
    side = layout.bias_side * view.scale
    nodes = [view.map(bx, by) for bx, by in layout.bias_xy]
    obstacles += [Box(x - side / 2, y - side / 2, side, side) for x, y in nodes]
    taken = list(obstacles)

    column_gap = layout.dx * view.scale
    y_bottom = view.map(0.0, layout.top)[1] - 10 * ui
    heads = []
    for c, (head, sub) in enumerate(headings):
        (hw, hh), (sw, sh) = measure(head, "head"), measure(sub, "sub")
        w = min(max(hw, sw) + 8 * ui, column_gap)
        heads.append(Box(view.map(layout.x[c], 0.0)[0] - w / 2, y_bottom - hh - sh, w, hh + sh))
    taken += heads
    placed_names = []
    for c, texts in enumerate(names):
        if not texts:
            continue
        sizes = [measure(t, "name beside") for t in texts]
        size = (max(w for w, _ in sizes) + 4 * ui, max(h for _, h in sizes))
        away, up = r_px + 6 * ui, r_px + 2 * ui
        next_to = ((lambda x, y, w, h: Box(x - away - w, y - h / 2, w, h)) if c == 0 else
                   (lambda x, y, w, h: Box(x + away, y - h / 2, w, h)))
        slots = (next_to, lambda x, y, w, h: Box(x - w / 2, y - up - h, w, h),
                 lambda x, y, w, h: Box(x - w / 2, y + up, w, h))
        boxes = _column_slots(layout, view, c, size, slots, taken, gap, area)
        if boxes is not None:
            taken += boxes
            placed_names += [(c, j, b) for j, b in enumerate(boxes)]
    beside_outputs = {j: b for c, j, b in placed_names if c == layout.n_layers}
    bias_boxes: list[Box | None] = []
    for (x, y), text in zip(nodes, bias_labels):
        if text is None:
            bias_boxes.append(None)
            continue
        w, h = measure(text, "bias")
        bias_boxes.append(Box(x + side / 2 + 6 * ui, y - h / 2, w + 4, h))
    target_boxes = [target_box(layout, view, j, *measure(text, "target"), after=beside_outputs.get(j))
                    for j, text in enumerate(targets or ())]
    s = lock_size(layout, view)
    lock_boxes = []
    for hit in locks:
        x, y = view.map(*layout.midpoint(hit))
        lock_boxes.append(Box(x - 0.75 * s, y - 0.75 * s, 1.5 * s, 1.5 * s))
    taken += [b for b in bias_boxes if b is not None] + target_boxes + lock_boxes
    left_out: set[str] = set()

    placed_overlays = []
    if overlays is not None:
        below = r_px + ring_gap(layout, view) + 4 * ui  # clear of the ring of a computed neuron
        slots = (lambda x, y, w, h: Box(x - w / 2, y + below, w, h),
                 lambda x, y, w, h: Box(x + below, y - h / 2, w, h),
                 lambda x, y, w, h: Box(x - below - w, y - h / 2, w, h))
        for c, texts in enumerate(overlays):
            if not texts:
                continue
            sizes = [measure(t, "overlay") for t in texts]
            size = (max(w for w, _ in sizes) + 8 * ui, max(h for _, h in sizes) + 2 * ui)
            boxes = _column_slots(layout, view, c, size, slots, taken, gap, area) if r_px >= 8 else None
            if boxes is None:
                left_out.add("overlays")
                continue
            taken += boxes
            placed_overlays += [(c, j, b) for j, b in enumerate(boxes)]

    placed_thumbs = []
    if thumbnails:
        away = r_px + 6 * ui
        corner = 0.62 * r_px
        slots = (lambda x, y, w, h: Box(x - away - w, y - h / 2, w, h),
                 lambda x, y, w, h: Box(x - corner - w, y - corner - h, w, h),
                 lambda x, y, w, h: Box(x + corner, y - corner - h, w, h),
                 lambda x, y, w, h: Box(x + away, y - h / 2, w, h))
        largest = float(min(1.15 * r_px, 0.5 * layout.sy * view.scale, 56.0 * ui))
        for c in range(1, layout.n_layers + 1):
            boxes = None
            for size in (largest, 0.75 * largest, 0.55 * largest, 0.35 * largest):
                if size < 14:
                    break
                boxes = _column_slots(layout, view, c, (size, size), slots, taken, gap, area)
                if boxes is not None:
                    break
            if boxes is None:
                left_out.add("thumbnails")
                continue
            taken += boxes
            placed_thumbs += [(c, j, b) for j, b in enumerate(boxes)]

    labels: list[tuple[Box, Hit, int]] = []
    for l, texts in enumerate(edge_labels, start=1):
        if texts is None:
            continue
        seg = layout.edges[l - 1]
        n_in = layout.sizes[l - 1]
        # many edges leaving each neuron crowd its side: their labels start at the other end
        fan_out = layout.sizes[l] > max(4, n_in)
        layer: list[tuple[Box, Hit, int]] = []
        for k, text in enumerate(texts):
            tw, th = measure(text, "edge label")
            w, h = tw + 12 * ui, th + 3 * ui
            (ax, ay), (bx, by) = view.map(seg[k, 0], seg[k, 1]), view.map(seg[k, 2], seg[k, 3])
            if fan_out:
                (ax, ay), (bx, by) = (bx, by), (ax, ay)
            length = math.hypot(bx - ax, by - ay)
            d, last = r_px + 15 * ui + w / 2, length - r_px - 12 * ui - w / 2
            box = None
            while d <= last:  # slide along the edge until there is room
                t = d / length
                candidate = Box(ax + (bx - ax) * t - w / 2, ay + (by - ay) * t - h / 2, w, h)
                if _free(candidate, taken, gap) and _free(candidate, [b for b, _, _ in layer], gap):
                    box = candidate
                    break
                d += 0.5 * h
            if box is None:
                layer = []
                break
            layer.append((box, Hit("edge", l, k // n_in, k % n_in), k))
        labels += layer
        taken += [b for b, _, _ in layer]
    return Placement(obstacles, heads, placed_names, bias_boxes, target_boxes, lock_boxes, placed_overlays,
                     placed_thumbs, labels, left_out)


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
