"""The canvas's words: the fonts of a view, and which text goes where — the column
headings, the bias labels, the edge labels' texts, and the names written beside the
input and output neurons when they are too wide for the circles."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QFont, QFontMetricsF

from nnviz.gui.canvas.layout import BASE_SCALE, Box, Hit, Layout, View
from nnviz.gui.canvas.scene import Scene


class Fonts:
    """The canvas's fonts for a view: sizes in pixels, grown by the view's ``ui``; text
    near the neurons also follows their size on screen."""

    def __init__(self, base: QFont, layout: Layout, view: View) -> None:
        self.base = base
        self.ui = view.ui
        self.r_px = layout.r * view.scale
        self.side = layout.bias_side * view.scale
        ui = self.ui
        inside = float(np.clip(self.r_px * 0.42, 9, 16 * ui))  # text in the neurons
        self.roles = {
            "name": self.font(inside, bold=True),
            "name beside": self.font(max(inside, 12.5 * ui), bold=True),
            "value": self.font(inside),
            "small": self.font(max(inside * 0.82, 8.5)),
            "bias": self.font(float(np.clip(self.side * 0.5, 10, 13 * ui)), bold=True),
            "edge label": self.font(11.5 * ui),
            "overlay": self.font(float(np.clip(self.r_px * 0.36, 9, 12 * ui))),
            "target": self.font(float(np.clip(self.r_px * 0.36, 10, 13 * ui))),
            "head": self.font(13 * ui, bold=True),
            "sub": self.font(11 * ui),
        }
        self._metrics = {role: QFontMetricsF(f) for role, f in self.roles.items()}

    def font(self, px: float, bold: bool = False, italic: bool = False) -> QFont:
        f = QFont(self.base)
        f.setPixelSize(max(int(round(px)), 6))
        f.setBold(bold)
        f.setItalic(italic)
        return f

    def measure(self, text: str, role: str) -> tuple[float, float]:
        fm = self._metrics[role]
        return fm.horizontalAdvance(text), fm.height()

    @property
    def inner(self) -> float:
        """The width for text inside a neuron's circle, in pixels."""
        return 1.72 * self.r_px

    def metrics(self, role: str) -> QFontMetricsF:
        return self._metrics[role]


def label_texts(labels, scene: Scene) -> list[tuple[Box, Hit, str]]:
    """Placed edge labels (box, edge, index) with their texts."""
    return [(box, hit, scene.edge_labels[hit.layer - 1][k]) for box, hit, k in labels]


def heading_texts(lay: Layout, scene: Scene, view: View, fonts: Fonts) -> list[tuple[str, str]]:
    """(heading, line under it) per column, shortened where the columns are close."""
    gap = lay.dx * view.scale
    out = []
    for c, (head, sub, act) in enumerate(scene.headings):
        head_w, sub_w = fonts.measure(head, "head")[0], fonts.measure(sub, "sub")[0]
        if max(head_w, sub_w) + 8 * fonts.ui > gap * 0.98 and c > 0:
            sub = act if fonts.measure(act, "sub")[0] < gap else ""
            if head_w > gap * 0.98:
                head = f"h{c}" if 0 < c < lay.n_layers else head[:3]
        out.append((head, sub))
    return out


def side_room(lay: Layout, names: list[list[str]] | None, base: QFont) -> tuple[float, float]:
    """(left, right): the pixels at text's base size that the names of the input and of
    the output neurons need beside them when they are too wide for the circles."""
    if names is None:
        return 0.0, 0.0
    fonts = Fonts(base, lay, View(BASE_SCALE, 0.0, 0.0))
    room = []
    for c in (0, lay.n_layers):
        inside = max(fonts.measure(name, "name")[0] for name in names[c])
        room.append(max(fonts.measure(name, "name beside")[0] for name in names[c]) + 12.0
                    if inside > fonts.inner else 0.0)
    return room[0], room[1]


def side_names(lay: Layout, scene: Scene, fonts: Fonts) -> list[list[str] | None]:
    """Per column the names to write beside its neurons: the input and output columns'
    when a name of the network's own (from a file's header, say) is too wide for the
    circle; None where the names go inside (or are canonical a[c][j])."""
    out: list[list[str] | None] = [None] * len(lay.sizes)
    if not scene.named:
        return out
    for c in (0, lay.n_layers):
        names = scene.neuron_names[c]
        if fonts.r_px < 7 or any(fonts.measure(name, "name")[0] > fonts.inner for name in names):
            out[c] = names
    return out


def bias_texts(scene: Scene, fonts: Fonts) -> list[str | None]:
    """Per bias node its label: the name, with the value where all its biases are equal
    and the node is big enough; None when the node is too small for text."""
    if fonts.measure("b", "bias")[1] > max(fonts.side * 1.6, 12):
        return [None] * len(scene.bias_labels)
    return [with_value if with_value is not None and fonts.side > 14 else name
            for name, with_value in scene.bias_labels]
