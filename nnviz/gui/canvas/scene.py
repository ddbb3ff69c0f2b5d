"""What the canvas draws, built from the Session's state: no widget, no painting.

:func:`build` turns the trainer's values into a :class:`Scene`: per layer what its edges
show (weights, gradients dE/dw or updates Δw), the edges sorted into colour bins on the
shared diverging map (blue negative, orange positive), neuron fills, labels, the
highlighted step, frozen parameters, the caption and the legend. A scene is rebuilt
only when the values change; the painter draws it for any view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QColor

from nnviz.app.session import DIGITS
from nnviz.core import kernels
from nnviz.core.analysis.explain import Formatter
from nnviz.core.network import Network, Param
from nnviz.core.words import T_
from nnviz.gui.canvas.layout import Hit, Layout
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets.palette import diverging, mix

QUANTITIES = ("weights", "gradients", "updates")
LEVELS = 6  # colour/width steps per sign: edges fall into 2 * LEVELS + 1 bins
FILL_LEVELS = 10  # neuron fill steps per sign
EDGE_BUDGET = 2000  # edges drawn over all dense layers together
BOUNDED = ("sigmoid", "tanh", "softmax")


# ======================================================================== numbers
def nice_ceil(x: float) -> float:
    """The smallest 'round' number >= x (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k)."""
    if not math.isfinite(x) or x <= 0:
        return 1.0
    e = 10.0 ** math.floor(math.log10(x))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * e >= x * (1 - 1e-9):
            return float(f"{m * e:.6g}")
    return 10 * e


def ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> '1–3, 5'."""
    parts, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(str(start) if start == n else f"{start}–{n}" if n > start + 1 else f"{start}, {n}")
            start = None
    return ", ".join(parts)


def bins(u: np.ndarray) -> np.ndarray:
    """Colour bins -LEVELS..LEVELS of values scaled to [-1, 1]; only an exact zero lands
    in bin 0, so that the sign of even a tiny value stays visible."""
    k = np.rint(u * LEVELS)
    return (np.sign(u) * np.maximum(np.abs(k), u != 0)).astype(np.int16)


# ======================================================================== colours
def luminance(c: QColor) -> float:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


def bin_color(k: int, bg: QColor, dens: float = 1.0) -> QColor:
    """The colour of edge bin ``k``, blended with the background ``bg`` beforehand
    (translucent lines are slow in Qt's raster engine)."""
    level = abs(k) / LEVELS
    if k == 0:
        return mix(bg, diverging(0.5), 0.3 * (0.6 + 0.4 * dens))
    # Even the weakest non-zero bin starts from a clear blue or orange, so that the sign
    # stays readable for small values; magnitude shows as depth and width.
    position = 0.5 + math.copysign(0.25 + 0.25 * level, k)
    strength = (0.5 + 0.5 * level) * (0.6 + 0.4 * dens)
    return mix(bg, diverging(position), strength)


def fill_color(k: int) -> QColor:
    """The fill of a neuron in fill bin ``k`` (-FILL_LEVELS..FILL_LEVELS)."""
    return diverging(0.5 + 0.5 * k / FILL_LEVELS)


# ======================================================================== the scene
@dataclass
class Scene:
    """What is drawn, from the session's values; world coordinates, no Qt objects but
    colours. Segments are (x0, y0, x1, y1) rows."""

    kinds: list[str]  # per weight layer: weights, gradients, updates or none (nothing to show yet)
    shown_W: list[np.ndarray | None]
    shown_b: list[np.ndarray | None]
    scales: dict[str, float]
    edge_bins: list[tuple[int, np.ndarray]]  # (signed bin, segments), in drawing order
    bias_bins: list[tuple[int, np.ndarray]]
    faint_edges: np.ndarray  # layers with nothing to show yet
    hulls: list[np.ndarray]  # dense layers: the band of all their connections (4 x 2 corners)
    dense: list[tuple[int, int, int]]  # (layer, drawn, total) of layers drawn in part
    out: list[np.ndarray | None]  # per column: the focused sample's outputs (None: not computed)
    net: list[np.ndarray | None]
    errors: list[np.ndarray | None]
    targets: np.ndarray | None
    fill_levels: list[np.ndarray | None]  # per column: fill bin per neuron (None: not computed)
    active_layer: int | None  # the weight layer of the step shown (loss: the output layer)
    active_phase: str | None  # forward, loss, backward, update; None when nothing ran
    is_next: bool  # the active layer is the next step (after a reset), not the last one
    computed_column: int | None  # neurons the last micro-step computed
    caption: tuple[str, str]
    sample_row: int | None
    past: bool
    neuron_names: list[list[str]] = field(default_factory=list)
    named: bool = False  # the network names its neurons (i1, h1, o1), else a[c][j]
    error_symbol: str = "δ"  # δ (chain rule) or e (proportional error)
    headings: list[tuple[str, str, str]] = field(default_factory=list)  # (head, sub, activation) per column
    bias_labels: list[tuple[str, str | None]] = field(default_factory=list)  # (name, with value) per layer
    edge_labels: list[list[str] | None] = field(default_factory=list)  # per layer, small layers only
    frozen: list[Hit] = field(default_factory=list)  # frozen parameters drawn with a padlock
    legend: list[tuple[str, str, float]] = field(default_factory=list)  # (kind, title, scale)
    notes: list[str] = field(default_factory=list)  # lines under the legend
    fmt: Formatter = field(default_factory=lambda: Formatter(DIGITS))  # the session's rule for numbers

    def num(self, x: float | None, fewer: int = 0) -> str:
        """``x`` as every view writes it (the session's Formatter); ``fewer`` digits where
        room is short; '–' for a value not computed."""
        if x is None:
            return "–"
        return (Formatter(max(1, self.fmt.digits - fewer)) if fewer else self.fmt).num(x)

    def signed(self, x: float) -> str:
        """A legend's end: the number with its sign, '+' too."""
        text = self.num(x)
        return text if text.startswith("-") or text == "0" else "+" + text

    def value_color(self, hit: Hit) -> QColor:
        """The diverging colour of the value shown on edge or bias ``hit``."""
        i = hit.layer - 1
        if self.kinds[i] == "none":
            return diverging(0.5)
        v = self.shown_W[i][hit.row, hit.col] if hit.kind == "edge" else self.shown_b[i][hit.row]
        return diverging(0.5 + 0.5 * float(np.clip(v / self.scales[self.kinds[i]], -1, 1)))


def _step_state(session: QtSession):
    """(active layer, phase, is the next step, computed column) of the step shown."""
    t = session.trainer
    L = t.network.n_layers
    if session.viewing_past:
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


def _shown(session: QtSession, mode: str, active_layer, active_phase, is_next):
    """Per weight layer: what its edges show and the (W, b) values of that."""
    t = session.trainer
    v = t.values
    W, B = session.display_parameters()
    kinds, shown_W, shown_b = [], [], []
    for i in range(t.network.n_layers):
        l = i + 1
        if session.viewing_past or mode == "weights":
            kind = "weights"
        elif mode == "gradients":
            kind = "gradients" if v.grad_W[i] is not None else "none"
        elif mode == "updates":
            kind = "updates" if v.update_W[i] is not None else "none"
        else:  # auto: the active layer shows what its step computed
            kind = "weights"
            if not is_next and active_layer == l:
                if active_phase == "backward" and v.grad_W[i] is not None:
                    kind = "gradients"
                elif active_phase == "update" and v.update_W[i] is not None:
                    kind = "updates"
        w, b = {"weights": (W[i], B[i]), "gradients": (v.grad_W[i], v.grad_b[i]),
                "updates": (v.update_W[i], v.update_b[i])}.get(kind, (None, None))
        kinds.append(kind)
        shown_W.append(w)
        shown_b.append(b)
    return kinds, shown_W, shown_b


def _peak(arrays) -> float:
    m = [float(np.max(np.abs(a))) for a in arrays if a is not None and a.size]
    m = [x for x in m if math.isfinite(x)]
    return max(m) if m else 0.0


def _by_bin(segs: list[np.ndarray], bin_lists: list[np.ndarray]) -> list[tuple[int, np.ndarray]]:
    """One group of segments per bin, weak bins first. Crowded bins are cut into a few
    chunks drawn alternately with the opposite sign's, so that neither sign always ends up
    on top where edges cross."""
    if not segs:
        return []
    seg, b = np.concatenate(segs), np.concatenate(bin_lists)
    pieces = []
    for k in set(b.tolist()):
        idx = np.flatnonzero(b == k)
        n_chunks = min(4, 1 + len(idx) // 60)
        for c, part in enumerate(np.array_split(idx, n_chunks)):
            pieces.append(((abs(k), c, k), k, part))
    pieces.sort(key=lambda piece: piece[0])
    return [(k, seg[i]) for _, k, i in pieces]


def build(session: QtSession, layout: Layout, show: str | None = None) -> Scene:
    """The scene of ``session`` drawn on ``layout``; ``show`` forces weights, gradients or
    updates for every layer (default: the session's edge mode)."""
    if show is not None and show not in QUANTITIES + ("auto",):
        raise ValueError(f"show must be one of {', '.join(QUANTITIES)}, got {show!r}")
    t = session.trainer
    net = t.network
    v = t.values
    lay = layout
    L = net.n_layers
    past = session.viewing_past
    W, B = session.display_parameters()
    active_layer, active_phase, is_next, computed = _step_state(session)
    kinds, shown_W, shown_b = _shown(session, show or session.edge_mode, active_layer, active_phase, is_next)
    scales = {"weights": nice_ceil(_peak(list(W) + list(B)))}
    if not past:
        scales["gradients"] = nice_ceil(_peak(v.grad_W + v.grad_b))
        scales["updates"] = nice_ceil(_peak(v.update_W + v.update_b))

    # ---- edges into bins
    n_dense = sum(lay.dense)
    cap = max(200, EDGE_BUDGET // max(n_dense, 1))
    e_seg, e_bin, b_seg, b_bin = [], [], [], []
    faint_parts, hulls, dense = [], [], []
    for i in range(L):
        l = i + 1
        seg, bseg = lay.edges[i], lay.biases[i]
        if lay.dense[i]:
            (t0, b0), (t1, b1) = lay.column_extent(i), lay.column_extent(l)
            hulls.append(np.array([[lay.x[i], t0], [lay.x[l], t1], [lay.x[l], b1], [lay.x[i], b0]]))
        if not lay.bias_drawn[i]:
            bseg = bseg[:0]
        if kinds[i] == "none":
            if not lay.dense[i]:
                faint_parts.append(seg)
            faint_parts.append(bseg)
            continue
        scale = scales[kinds[i]]
        u = np.clip(np.nan_to_num(shown_W[i].ravel() / scale), -1.0, 1.0)
        k = bins(u)
        if lay.dense[i]:
            keep = np.argpartition(-np.abs(u), cap - 1)[:cap]
            seg, k = seg[keep], k[keep]
            dense.append((l, cap, u.size))
        e_seg.append(seg)
        e_bin.append(k)
        if len(bseg):
            b_seg.append(bseg)
            b_bin.append(bins(np.clip(np.nan_to_num(shown_b[i] / scale), -1.0, 1.0)))

    # ---- neurons of the focused sample
    out, net_in, errors, targets, sample_row = _neuron_values(session, W, B)
    fill_levels = []
    for c in range(L + 1):
        vals = out[c]
        fill_levels.append(None if vals is None else np.rint(
            np.clip(np.nan_to_num(vals / _fill_scale(session, c, vals)), -1, 1) * FILL_LEVELS).astype(int))

    frozen = []
    for name in sorted(t.frozen):
        prm = net.parse_param(name)
        if prm.kind == "W" or lay.bias_drawn[prm.layer - 1]:  # big layers' biases have no edge to mark
            frozen.append(Hit.of_param(prm))

    grad_prefix = "dE/d" if t.backprop == "chain" else "≈dE/d"
    prefixes = {"gradients": grad_prefix, "updates": "Δ"}
    scene = Scene(
        kinds=kinds, shown_W=shown_W, shown_b=shown_b, scales=scales,
        edge_bins=_by_bin(e_seg, e_bin), bias_bins=_by_bin(b_seg, b_bin),
        faint_edges=np.concatenate(faint_parts) if faint_parts else np.empty((0, 4)),
        hulls=hulls, dense=dense, out=out, net=net_in, errors=errors, targets=targets, fill_levels=fill_levels,
        active_layer=active_layer, active_phase=active_phase, is_next=is_next, computed_column=computed,
        caption=_caption(session, active_phase, is_next, sample_row), sample_row=sample_row, past=past,
        neuron_names=[[neuron_name(net, c, j) for j in range(n)] for c, n in enumerate(lay.sizes)],
        named=net.neuron_names is not None, error_symbol="δ" if t.backprop == "chain" else "e",
        headings=_headings(session), bias_labels=_bias_labels(session, kinds, shown_b, prefixes),
        edge_labels=_edge_labels(session, lay, kinds, shown_W, prefixes), frozen=frozen, fmt=session.formatter,
    )
    scene.legend = _legend(session, scene)
    scene.notes = _notes(session, scene)
    return scene


def neuron_name(net, c: int, j: int) -> str:
    name = net.neuron_name(c, j)
    return name if name is not None else f"a[{c}][{j}]"


def _param_label(display: str, canonical: str) -> str:
    return display if display != canonical and len(display) <= 5 else ""


def _edge_labels(session, lay, kinds, shown_W, prefixes) -> list[list[str] | None]:
    """Value labels of the edges of small layers (at most 8 edges), row-major."""
    net = session.trainer.network
    fmt = session.formatter
    labels: list[list[str] | None] = []
    for l in range(1, net.n_layers + 1):
        n_out, n_in = lay.sizes[l], lay.sizes[l - 1]
        if kinds[l - 1] == "none" or n_out * n_in > 8:
            labels.append(None)
            continue
        prefix = prefixes.get(kinds[l - 1], "")
        names = []
        for r in range(n_out):
            for c in range(n_in):
                p = Param("W", l, r, c)
                disp = _param_label(net.display_name(p), p.name)
                val = fmt.num(shown_W[l - 1][r, c])
                names.append(f"{prefix}{disp} {val}" if disp else val)
        labels.append(names)
    return labels


def _bias_labels(session, kinds, shown_b, prefixes) -> list[tuple[str, str | None]]:
    """Per layer the bias node's name, and the name with the value when all its biases
    are equal (None otherwise)."""
    net = session.trainer.network
    out = []
    for l in range(1, net.n_layers + 1):
        names = {net.display_name(Param("b", l, r)) for r in range(net.sizes[l])}
        name = names.pop() if len(names) == 1 else f"b{l}"
        if name == Param("b", l, 0).name:
            name = f"b{l}"  # a one-unit layer: no index needed
        vals = shown_b[l - 1]
        with_value = None
        if vals is not None and len(vals) and np.all(vals == vals[0]):
            with_value = f"{prefixes.get(kinds[l - 1], '')}{name} {session.formatter.num(vals[0])}"
        out.append((name, with_value))
    return out


def _headings(session) -> list[tuple[str, str, str]]:
    net = session.trainer.network
    L = net.n_layers
    out = []
    for c, n in enumerate(net.sizes):
        head = (T_("scene", "input") if c == 0 else T_("scene", "output") if c == L
                else T_("scene", "hidden %1", c) if L > 2 else T_("scene", "hidden"))
        act = "" if c == 0 else net.activations[c - 1].name
        sub = [] if c == 0 else [act]
        if n > 4 or c == 0:
            sub.append(T_("scene", "%n units", n=n))
        out.append((head, " · ".join(sub), act))
    return out


def layer_values(network: Network, x: np.ndarray, weights, biases) -> tuple[list, list]:
    """(net inputs, outputs) of every column for inputs ``x`` (n x n_in) under ``weights``
    and ``biases``, from the core's forward pass (``kernels.forward_pass``): column 0 is
    ``x`` (net None)."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(all="ignore"):
        nets, outs = kernels.forward_pass(x, [np.asarray(w) for w in weights], [np.asarray(b) for b in biases],
                                          network.activations)
    return [None] + nets, [x] + outs


def _neuron_values(session: QtSession, W, B):
    """(out, net, errors, targets, data row) per column for the focused sample."""
    t = session.trainer
    v = t.values
    L = t.network.n_layers
    full_batch = t.batch_size >= t.dataset.n_samples
    rows = v.inputs.shape[0] if v.inputs is not None else t.batch_size
    k = min(session.sample, max(rows - 1, 0))
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
    if session.viewing_past:  # a forward pass of the data row with the parameters of then
        row = k if row is None else row
        nets, outs = layer_values(t.network, t.dataset.inputs[row][None, :], W, B)
        return ([a[0] for a in outs], [None if z is None else z[0] for z in nets], errors,
                t.dataset.targets[row], row)
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


def _fill_scale(session: QtSession, c: int, vals: np.ndarray) -> float:
    t = session.trainer
    if c == 0:
        return max(1.0, float(np.max(np.abs(t.dataset.inputs))))
    if t.network.activations[c - 1].name in BOUNDED:
        return 1.0
    return max(1.0, float(np.max(np.abs(vals))))


def _caption(session: QtSession, phase, is_next, row) -> tuple[str, str]:
    t = session.trainer
    L = t.network.n_layers
    rows = session.batch_rows()
    sample = sample_words(min(session.sample, rows - 1), rows, row)
    if session.viewing_past:
        head = T_("scene", "History · after iteration %1 of %2", session.view_iteration, t.iteration)
        return head, T_("scene", "weights as they were then · neurons: forward pass of %1", sample)
    if is_next:
        head = T_("scene", "Ready · next: %1", t.next_step.describe(L))
    else:
        head = t.last_step.describe(L)
        if t.cursor == 0:
            head = T_("scene", "%1 · iteration done", head)
    if t.cursor:
        running = T_("scene", "iteration %1 running", t.iteration + 1)
    else:
        running = (T_("scene", "no iteration run yet") if t.iteration == 0
                   else T_("scene", "%n iterations done", n=t.iteration))
    parts = [running, T_("scene", "neurons: %1", sample)]
    if t.values.loss is not None and (t.cursor == 0 or t.cursor > L):
        parts.append(T_("scene", "loss %1", session.formatter.num(t.values.loss)))
    if t.status == "diverged":
        parts.append(T_("scene", "diverged"))
    return head, " · ".join(parts)


def sample_words(k: int, rows: int, row: int | None) -> str:
    """'sample 2 of 4 (data row 3)': the focused sample ``k`` (0-based) of the batch's
    ``rows``, and its row of the data (0-based; None when not known)."""
    if row is None:
        return T_("scene", "sample %1 of %2", k + 1, rows)
    return T_("scene", "sample %1 of %2 (data row %3)", k + 1, rows, row + 1)


def _legend(session: QtSession, scene: Scene) -> list[tuple[str, str, float]]:
    """(kind, title, scale) of the quantities drawn."""
    t = session.trainer
    L = len(scene.kinds)
    entries = []
    for kind in QUANTITIES:
        layers = [l for l, k in enumerate(scene.kinds, start=1) if k == kind]
        if not layers:
            continue
        if kind == "weights":
            title = T_("scene", "weights w, biases b")
        elif kind == "gradients":
            title = (T_("scene", "gradients dE/dw") if t.backprop == "chain"
                     else T_("scene", "pseudo-gradients −e·f′·a (proportional)"))
        else:
            title = T_("scene", "updates Δw = new − old")
        if len(layers) < L:
            title += " · " + (T_("scene", "layers %1", ranges(layers)) if len(layers) > 1
                              else T_("scene", "layer %1", ranges(layers)))
        if scene.past and kind == "weights":
            title += " · " + T_("scene", "after iteration %1", session.view_iteration)
        entries.append((kind, title, scene.scales[kind]))
    return entries


def _notes(session: QtSession, scene: Scene) -> list[str]:
    notes = []
    if "none" in scene.kinds:
        notes.append(T_("scene", "grey: no gradients yet in this iteration") if session.edge_mode == "gradients"
                     else T_("scene", "grey: no updates yet in this iteration"))
    for _, drawn, total in scene.dense[:1]:
        notes.append(T_("scene", "dense layers: the strongest %1 of %2 edges drawn; hover for any",
                        f"{drawn:,}", f"{total:,}"))
    return notes
