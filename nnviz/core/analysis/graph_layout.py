"""A layered left-to-right layout of a computational graph: pure geometry, no Qt.

Nodes stand in the columns the graph gives them (the parameter on the left, E on the
right), in the graph's order within a column; each column is as wide as its widest node,
and the gap between two columns as wide as the widest edge label in it, so that a label
never reaches into a column. Within a column the nodes are moved towards the mean height
of the nodes they feed, from E leftwards, while keeping their order and a gap (an
isotonic regression, pool adjacent violators): chains come out straight and a node that
sums several paths sits among them. Edge labels sit in their gap
where the edge would cross it, pushed apart the same way; the drawing routes each edge
through its label. The title goes above, the notes (wrapped) below.

Texts are measured by ``measure(text, role) -> (width, height)``: the window passes its
font metrics, the default estimates from the number of characters. Every text is sized
by the larger of what it shows and its reserve, so the layout does not move when the
numbers of a later micro-step arrive.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from nnviz.core.analysis.graph_model import Graph, Text
from nnviz.core.geometry import Box

Measure = Callable[[str, str], tuple[float, float]]

FONT_PX = {"heading": 18, "subheading": 13, "title": 15, "op": 12, "value": 13, "grad": 13,
           "local": 12, "note": 12}
NODE_PAD_X, NODE_PAD_Y = 10.0, 6.0
LABEL_PAD_X, LABEL_PAD_Y = 6.0, 3.0
LINE_GAP = 1.0
NODE_GAP = 18.0  # between nodes in a column
LABEL_GAP = 8.0  # between labels in a gap
GAP_MARGIN = 12.0  # between a label and the columns on either side
MIN_GAP = 48.0
SECTION_GAP = 18.0  # between the title, the graph and the notes
MARGIN = 16.0
NOTES_MIN_WIDTH = 520.0


def estimate(text: str, role: str) -> tuple[float, float]:
    """Width and height of ``text`` estimated from its length (no fonts needed)."""
    px = FONT_PX.get(role, 12)
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)  # a CJK character is about 1 em
    return px * (0.62 * (len(text) - wide) + wide), 1.3 * px


@dataclass
class Layout:
    nodes: dict[str, Box]  # node id -> box
    labels: dict[int, Box]  # index into graph.edges -> label box
    title: Box  # title and subtitle
    notes: Box | None
    note_lines: list[str]
    bounds: Box
    ends: dict[int, tuple[tuple[float, float], tuple[float, float]]]  # edge index -> (from, to)

    def text_boxes(self) -> list[tuple[str, Box]]:
        """Every box that holds text, named: the ones that must not overlap."""
        boxes = [(f"node {k}", b) for k, b in self.nodes.items()]
        boxes += [(f"label {k}", b) for k, b in self.labels.items()]
        boxes.append(("title", self.title))
        if self.notes is not None:
            boxes.append(("notes", self.notes))
        return boxes

    def anchors(self, index: int) -> tuple[tuple[float, float], tuple[float, float]]:
        """Where edge ``index`` leaves its source and enters its destination."""
        return self.ends[index]


def text_size(lines: tuple[Text, ...] | list[Text], measure: Measure) -> tuple[float, float]:
    """The size of a stack of lines, each sized by the larger of its text and its reserve."""
    width = height = 0.0
    for line in lines:
        w1, h = measure(line.text, line.role)
        w2, _ = measure(line.reserve, line.role)
        width = max(width, w1, w2)
        height += h + LINE_GAP
    return width, max(height - LINE_GAP, 0.0)


def _isotonic(values: list[float]) -> list[float]:
    """The non-decreasing sequence nearest to ``values`` (least squares): pool adjacent violators."""
    blocks: list[list[float]] = []  # [mean, count]
    for v in values:
        blocks.append([v, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, n2 = blocks.pop()
            m1, n1 = blocks[-1]
            blocks[-1] = [(m1 * n1 + m2 * n2) / (n1 + n2), n1 + n2]
    out: list[float] = []
    for mean, count in blocks:
        out += [mean] * int(count)
    return out


def place(targets: list[float], heights: list[float], gap: float) -> list[float]:
    """Centres as near to ``targets`` as can be, in order, ``gap`` apart between boxes of ``heights``."""
    offsets = [0.0]
    for k in range(1, len(heights)):
        offsets.append(offsets[-1] + (heights[k - 1] + heights[k]) / 2 + gap)
    fitted = _isotonic([t - o for t, o in zip(targets, offsets)])
    return [u + o for u, o in zip(fitted, offsets)]


# where a line may break in text without spaces (Chinese): before a CJK character, not
# before the punctuation that closes a clause
_PIECE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff][，。、：；！？）」』》]*|[^\u2e80-\u9fff\uf900-\ufaff]+")


def _wrap(text: str, width: float, measure: Measure) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        for k, piece in enumerate(_PIECE.findall(word)):
            trial = f"{line} {piece}".strip() if k == 0 else line + piece
            if line and measure(trial, "note")[0] > width:
                lines.append(line)
                line = piece
            else:
                line = trial
    return lines + ([line] if line else [])


def layout(graph: Graph, measure: Measure = estimate) -> Layout:
    columns: dict[int, list[str]] = {}
    for n in graph.nodes:
        columns.setdefault(n.column, []).append(n.id)
    cols = sorted(columns)
    size = {}
    for n in graph.nodes:
        w, h = text_size(n.lines, measure)
        size[n.id] = (w + 2 * NODE_PAD_X, h + 2 * NODE_PAD_Y)
    label_size = {}
    for k, e in enumerate(graph.edges):
        if e.label:
            w, h = text_size(e.label, measure)
            label_size[k] = (w + 2 * LABEL_PAD_X, h + 2 * LABEL_PAD_Y)

    def gap_of(k: int) -> int:
        """The gap (left column) an edge's label sits in: the one before its destination."""
        e = graph.edges[k]
        return graph.node(e.dst).column - 1

    col_width = {c: max(size[i][0] for i in columns[c]) for c in cols}
    gap_width = {c: MIN_GAP for c in cols}
    for k, (w, _) in label_size.items():
        c = gap_of(k)
        gap_width[c] = max(gap_width.get(c, MIN_GAP), w + 2 * GAP_MARGIN)
    left, x = {}, 0.0
    for c in range(cols[0], cols[-1] + 1):
        left[c] = x
        x += col_width.get(c, 0.0) + gap_width.get(c, MIN_GAP)

    # ---- heights: right to left, each node level with the mean of the nodes it feeds
    # (a tree converging on E, chains straight); then the dead ends (other samples, rest
    # of a layer) level with what feeds them, the update right above its parameter
    column_of = {n.id: n.column for n in graph.nodes}
    right: dict[str, list[str]] = {n.id: [] for n in graph.nodes}
    fed_by: dict[str, list[str]] = {n.id: [] for n in graph.nodes}
    above: dict[str, str] = {}
    for e in graph.edges:
        if column_of[e.src] == column_of[e.dst]:
            above[e.dst] = e.src
        else:
            right[e.src].append(e.dst)
            fed_by[e.dst].append(e.src)
    y: dict[str, float] = {}
    for c in cols:
        heights = [size[i][1] for i in columns[c]]
        centres = place([0.0] * len(heights), heights, NODE_GAP)
        shift = (centres[0] + centres[-1]) / 2
        y.update({i: cy - shift for i, cy in zip(columns[c], centres)})

    def settle(c: int, target) -> None:
        ids = columns[c]
        y.update(zip(ids, place([target(i) for i in ids], [size[i][1] for i in ids], NODE_GAP)))

    def mean(ids: list[str]) -> float:
        return sum(y[j] for j in ids) / len(ids)

    for c in cols[::-1]:
        settle(c, lambda i: mean(right[i]) if right[i] else y[i])
    for c in cols:
        settle(c, lambda i: y[i] if right[i] else mean(fed_by[i]) if fed_by[i] else
               y[above[i]] - (size[i][1] + size[above[i]][1]) / 2 - NODE_GAP if i in above else y[i])
    nodes = {}
    for c in cols:
        for i in columns[c]:
            w, h = size[i]
            nodes[i] = Box(left[c] + (col_width[c] - w) / 2, y[i] - h / 2, w, h)

    ends = _ends(graph, nodes)

    # ---- edge labels: where the edge crosses its gap, pushed apart
    by_gap: dict[int, list[int]] = {}
    for k in label_size:
        by_gap.setdefault(gap_of(k), []).append(k)
    labels: dict[int, Box] = {}
    for c, ks in by_gap.items():
        x0 = left[c] + col_width.get(c, 0.0)
        xc = x0 + gap_width[c] / 2
        targets = {}
        for k in ks:
            (ax, ay), (bx, by) = ends[k]
            t = 0.5 if bx <= ax else min(max((xc - ax) / (bx - ax), 0.0), 1.0)
            targets[k] = ay + t * (by - ay)
        ks = sorted(ks, key=lambda k: (targets[k], k))
        centres = place([targets[k] for k in ks], [label_size[k][1] for k in ks], LABEL_GAP)
        for k, cy in zip(ks, centres):
            w, h = label_size[k]
            labels[k] = Box(xc - w / 2, cy - h / 2, w, h)

    # ---- title above, notes below, everything moved to start at the margin
    parts = list(nodes.values()) + list(labels.values())
    gx0, gy0 = min(b.x for b in parts), min(b.y for b in parts)
    gx1, gy1 = max(b.right for b in parts), max(b.bottom for b in parts)
    title_w, title_h = text_size([Text(graph.title, graph.title, "heading"),
                                  Text(graph.subtitle, graph.subtitle, "subheading")], measure)
    title = Box(MARGIN, MARGIN, title_w, title_h)
    dx, dy = MARGIN - gx0, title.bottom + SECTION_GAP - gy0
    nodes = {i: b.moved(dx, dy) for i, b in nodes.items()}
    labels = {k: b.moved(dx, dy) for k, b in labels.items()}
    ends = {k: ((x0 + dx, y0 + dy), (x1 + dx, y1 + dy)) for k, ((x0, y0), (x1, y1)) in ends.items()}
    graph_bottom = gy1 + dy
    width = max(gx1 - gx0, title_w)
    note_lines: list[str] = []
    for note in graph.notes:
        note_lines += _wrap(note, max(width, NOTES_MIN_WIDTH), measure)
    notes = None
    if note_lines:
        nw, nh = text_size([Text(s, s, "note") for s in note_lines], measure)
        notes = Box(MARGIN, graph_bottom + SECTION_GAP, nw, nh)
        width = max(width, nw)
    bottom = notes.bottom if notes is not None else graph_bottom
    bounds = Box(0.0, 0.0, width + 2 * MARGIN, bottom + MARGIN)
    return Layout(nodes, labels, title, notes, note_lines, bounds, ends)


def _ends(graph: Graph, nodes: dict[str, Box]) -> dict[int, tuple[tuple[float, float], tuple[float, float]]]:
    """Edge ends: out of a node's right side, into the next one's left side, several edges
    on one side spread along it in the order of the nodes at their other ends; the update
    hangs above its parameter."""
    column = {n.id: n.column for n in graph.nodes}
    out: dict[str, list[int]] = {}
    into: dict[str, list[int]] = {}
    ends = {}
    for k, e in enumerate(graph.edges):
        if column[e.src] == column[e.dst]:
            a, b = nodes[e.src], nodes[e.dst]
            ends[k] = ((a.cx, a.y), (b.cx, b.bottom))
        else:
            out.setdefault(e.src, []).append(k)
            into.setdefault(e.dst, []).append(k)

    def spread(side: dict[str, list[int]], other) -> dict[int, float]:
        y = {}
        for node_id, ks in side.items():
            box = nodes[node_id]
            ks = sorted(ks, key=lambda k: nodes[other(graph.edges[k])].cy)
            for rank, k in enumerate(ks):
                y[k] = box.y + box.h * (rank + 1) / (len(ks) + 1)
        return y

    y_out = spread(out, lambda e: e.dst)
    y_in = spread(into, lambda e: e.src)
    for k in y_out:
        e = graph.edges[k]
        ends[k] = ((nodes[e.src].right, y_out[k]), (nodes[e.dst].x, y_in[k]))
    return ends
