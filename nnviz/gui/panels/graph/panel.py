"""The computational-graph dock: the chain rule drawn for the selected parameter, live
with the step controller.

It shows the parameter selected on the canvas (an edge or a bias; for a neuron, the
first weight into it), or else the last weight the current micro-step touched, for the
canvas's focused sample. The graph comes from ``nnviz.core.analysis.graph`` at the
Trainer's current micro-step, so forward values appear as the forward front passes their
layer, gradients as the backward micro-steps reach them, and Step back takes them away.
"Next node" / "Previous node" walk the backward pass one node at a time, highlighting the
local × upstream products being formed at that node, and write the arithmetic out.

Hovering a node previews it in the inspector (the parameter, or the neuron a value
belongs to) through the session's ``set_hover``; the graph itself follows the selection.
Numbers follow the session's digits setting. Wheel: zoom; drag: pan; Fit: the whole
graph. A click on a "rest of layer" node shows more of that layer (one layer at a time);
the context menu collapses it again and exports the drawing (SVG with its text as text,
or PNG), written atomically. Rebuilt only while visible, and at
most every ``PLAY_REFRESH_MS`` while Play uses every frame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from nnviz.app.session import Selection
from nnviz.core.analysis import graph as core_graph
from nnviz.core.analysis.graph_model import Graph
from nnviz.core.analysis.graph_layout import Layout
from nnviz.core.geometry import Box
from nnviz.core.network import Param
from nnviz.core.words import fill
from nnviz.gui.panels.graph import drawing
from nnviz.gui.widgets.session_view import RebuiltView
from nnviz.io.files import FileError, shown_name

MAX_FIT_SCALE = 1.5
READABLE = 0.8  # following the step, the view never zooms out further than this
VIEW_MODES = ("follow", "fit", "free")


def _filled(before: Graph, after: Graph) -> set[str]:
    """The nodes whose value or gradient appeared or went away between two graphs."""
    old = {n.id: (n.value is None, n.grad is None) for n in before.nodes}
    return {n.id for n in after.nodes if n.id in old and old[n.id] != (n.value is None, n.grad is None)}


class GraphView(QWidget):
    """Draws a Graph; wheel zooms, drag pans, a click on a rest-of-layer node asks to expand it.

    ``mode``: ``follow`` (the whole graph when it is readable so, else a readable zoom
    centred on the nodes the last step filled in), ``fit`` (the whole graph) or ``free``
    (where the user zoomed and panned)."""

    expandRequested = Signal(int)  # the layer
    collapseRequested = Signal(int)
    modeChanged = Signal(str)
    exportRequested = Signal(str)  # ".svg" or ".png"
    hovered = Signal(object)  # the id of the node under the mouse, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graphView")
        self.setMinimumSize(240, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._hovered: str | None = None
        self.graph: Graph | None = None
        self.layout_: Layout | None = None
        self.style_ = drawing.Style(self.palette(), self.font())
        self.expanded: set[int] = set()  # layers the context menu can collapse
        self.front: set[str] = set()  # nodes the last step filled in (outlined)
        self.focus: list[str] = []  # nodes the follow mode centres on
        self.scale, self.tx, self.ty = 1.0, 0.0, 0.0
        self.mode = "follow"
        self._drag: QPointF | None = None
        self._moved = False

    def set_graph(self, graph: Graph | None, front=(), focus=()) -> None:
        self.graph = graph
        self.front, self.focus = set(front), [i for i in focus if graph is not None and i in graph]
        self.layout_ = None if graph is None else drawing.graph_layout(graph, self.style_)
        self._apply_view()
        self.update()

    # ---------------------------------------------------------------- the view
    def set_mode(self, mode: str) -> None:
        if mode not in VIEW_MODES:
            raise ValueError(f"mode must be one of {VIEW_MODES}")
        if mode != self.mode:
            self.mode = mode
            self.modeChanged.emit(mode)
        self._apply_view()
        self.update()

    def fit(self) -> None:
        self.set_mode("fit")

    def _apply_view(self) -> None:
        if self.layout_ is None or self.mode == "free":
            return
        b = self.layout_.bounds
        whole = min(self.width() / max(b.w, 1.0), self.height() / max(b.h, 1.0), MAX_FIT_SCALE)
        if self.mode == "fit" or whole >= READABLE:
            self.scale = max(whole, 1e-3)
            self.tx = (self.width() - b.w * self.scale) / 2
            self.ty = (self.height() - b.h * self.scale) / 2
            return
        self.scale = max(min(self.height() / max(b.h, 1.0), 1.0), READABLE)
        boxes = [self.layout_.nodes[i] for i in self.focus] or [self.layout_.nodes["param"]]
        cx = (min(x.x for x in boxes) + max(x.right for x in boxes)) / 2
        cy = (min(x.y for x in boxes) + max(x.bottom for x in boxes)) / 2
        self.tx = self._clamp(self.width() / 2 - cx * self.scale, self.width(), b.w)
        self.ty = self._clamp(self.height() / 2 - cy * self.scale, self.height(), b.h)

    def _clamp(self, t: float, view: float, extent: float) -> float:
        """An offset that keeps the graph filling the view where it is big enough to."""
        size = extent * self.scale
        if size <= view:
            return (view - size) / 2
        return min(max(t, view - size), 0.0)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        anchor = anchor or QPointF(self.width() / 2, self.height() / 2)
        new = min(max(self.scale * factor, 0.05), 6.0)
        wx, wy = (anchor.x() - self.tx) / self.scale, (anchor.y() - self.ty) / self.scale
        self.scale = new
        self.tx, self.ty = anchor.x() - wx * new, anchor.y() - wy * new
        self.set_mode("free")

    def to_widget(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.scale + self.tx, y * self.scale + self.ty)

    def node_center(self, node_id: str) -> QPointF:
        """Where a node is drawn, in widget coordinates."""
        b = self.layout_.nodes[node_id]
        return self.to_widget(b.cx, b.cy)

    def node_at(self, pos: QPointF) -> str | None:
        if self.layout_ is None:
            return None
        x, y = (pos.x() - self.tx) / self.scale, (pos.y() - self.ty) / self.scale
        for node_id, b in self.layout_.nodes.items():
            if b.x <= x <= b.right and b.y <= y <= b.bottom:
                return node_id
        return None

    # ---------------------------------------------------------------- events
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_view()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.style_ = drawing.Style(self.palette(), self.font())
            self.set_graph(self.graph, self.front, self.focus)
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.style_.background)
        if self.graph is not None and self.layout_ is not None:
            p.translate(self.tx, self.ty)
            p.scale(self.scale, self.scale)
            top_left = QPointF(-self.tx / self.scale, -self.ty / self.scale)
            visible = Box(top_left.x(), top_left.y(), self.width() / self.scale, self.height() / self.scale)
            drawing.paint(p, self.graph, self.layout_, self.style_, self.front, visible)
        p.end()

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_by(1.0015 ** delta, event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag, self._moved = event.position(), False
        super().mousePressEvent(event)

    def _hover(self, node_id: str | None) -> None:
        if node_id != self._hovered:
            self._hovered = node_id
            self.hovered.emit(node_id)

    def leaveEvent(self, event) -> None:
        self._hover(None)
        super().leaveEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag is None:
            self._hover(self.node_at(event.position()))
        else:
            d = event.position() - self._drag
            if self._moved or abs(d.x()) + abs(d.y()) > 3:
                self._moved = True
                self.tx += d.x()
                self.ty += d.y()
                self._drag = event.position()
                self.set_mode("free")
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is not None:
            clicked = not self._moved
            self._drag = None
            if clicked and self.graph is not None:
                node_id = self.node_at(event.position())
                if node_id is not None and self.graph.node(node_id).expands is not None:
                    self.expandRequested.emit(self.graph.node(node_id).expands)
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:
        menu = self.build_menu()
        menu.exec(event.globalPos())

    def build_menu(self) -> QMenu:
        menu = QMenu(self)
        svg = menu.addAction(self.tr("Export as SVG…"), lambda: self.exportRequested.emit(".svg"))
        png = menu.addAction(self.tr("Export as PNG…"), lambda: self.exportRequested.emit(".png"))
        svg.setEnabled(self.graph is not None)
        png.setEnabled(self.graph is not None)
        menu.addAction(self.tr("Fit"), self.fit)
        menu.addAction(self.tr("Follow the step"), lambda: self.set_mode("follow"))
        for layer in sorted(self.expanded):
            menu.addAction(fill(self.tr("Collapse layer %1"), layer), lambda l=layer: self.collapseRequested.emit(l))
        return menu


class GraphPanel(RebuiltView, QWidget):
    """Dock content: what is shown, the walk buttons, the walk's arithmetic and the view."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("graphPanel")
        self.graph: Graph | None = None
        self.param: str | None = None  # canonical name of the parameter shown
        self.walk: int | None = None
        self.expanded: set[int] = set()
        self.builds = 0  # how many graphs were built (tests)

        self.header = QLabel()
        self.header.setObjectName("graphHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.caption = QLabel()
        self.caption.setObjectName("graphCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prev_button = QPushButton(self.tr("◀ Previous node"))
        self.next_button = QPushButton(self.tr("Next node ▶"))
        self.prev_button.setToolTip(self.tr("Walk the backward pass back by one node"))
        self.next_button.setToolTip(self.tr("Walk the backward pass one node further: the local × upstream "
                                            "products formed at that node, added up"))
        self.follow_button = QPushButton(self.tr("Follow"))
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setToolTip(self.tr("Keep the numbers readable and the part the last step filled in in view"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("The whole graph in view (wheel: zoom, drag: pan)"))
        self.view = GraphView(self)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.next_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.follow_button)
        buttons.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)

        self.prev_button.clicked.connect(self.previous_node)
        self.next_button.clicked.connect(self.next_node)
        self.fit_button.clicked.connect(self.view.fit)
        self.follow_button.toggled.connect(self._on_follow_toggled)
        self.view.modeChanged.connect(lambda mode: self.follow_button.setChecked(mode == "follow"))
        self.view.hovered.connect(lambda node_id: self.session.set_hover(self.item_of(node_id)))
        self.view.expandRequested.connect(self.expand_layer)
        self.view.collapseRequested.connect(self.collapse_layer)
        self.view.exportRequested.connect(self.export_dialog)

        self._update_buttons()

    # ------------------------------------------------------------- wiring
    def _on_follow_toggled(self, on: bool) -> None:
        if on:
            self.view.set_mode("follow")
        elif self.view.mode == "follow":  # unchecked by the user, not by Fit
            self.view.set_mode("free")

    def _on_state_changed(self) -> None:
        self.walk = None
        self.invalidate()

    def _on_sample_changed(self, index: int) -> None:
        self.walk = None
        self.invalidate()

    def _on_trainer_replaced(self) -> None:
        self.walk, self.param = None, None
        self.expanded.clear()
        self.invalidate()

    # ------------------------------------------------------------- content
    def chosen_param(self) -> tuple[str, bool]:
        """(canonical name, chosen by the user) of the parameter to show."""
        t = self.session.trainer
        sel = self.session.selection
        if sel is not None and sel.is_param:
            return sel.param, True
        if sel is not None and sel.layer is not None:
            layer, unit = sel.layer, sel.unit
            p = Param("W", layer, unit, 0) if layer >= 1 else Param("W", 1, 0, unit)
            return p.name, True
        return core_graph.default_param(t), False

    def item_of(self, node_id: str | None) -> Selection | None:
        """What node ``node_id`` shows, as the session names it: the parameter (its own
        node, its product and its update), or the neuron a value belongs to; None for the
        loss and collapsed nodes."""
        if node_id is None or self.graph is None or node_id not in self.graph:
            return None
        node = self.graph.node(node_id)
        if node.kind in ("param", "product", "update"):
            return Selection(param=self.graph.param)
        if node.kind in ("input", "net", "out", "loss_term", "combined") and node.unit is not None:
            return Selection(layer=node.layer, unit=node.unit)
        return None

    def rebuild(self) -> None:
        """Build the graph from the Trainer's current micro-step."""
        name, chosen = self.chosen_param()
        if name != self.param:
            self.param, self.walk = name, None
            self.expanded.clear()
        t = self.session.trainer
        previous = self.graph if self.graph is not None and self.graph.param == name else None
        self.graph = core_graph.build(t, name, sample=self.session.sample, digits=self.session.digits,
                                      expand=self.expanded, walk=self.walk)
        self.walk = self.graph.walk_position
        self.builds += 1
        self.view.expanded = set(self.expanded)
        front = _filled(previous, self.graph) if previous is not None else set()
        focus = [self.graph.walk_current] if self.graph.walk_current else sorted(front) or self.view.focus
        self.view.set_graph(self.graph, front, focus)
        how = self.tr("selected") if chosen else self.tr("the last weight the micro-step touched; click an edge on "
                                                         "the canvas to choose")
        header = fill(self.tr("%1 (%2) · %3"), f"<b>{self.graph.name}</b>", how, self.graph.subtitle)
        if self.session.viewing_past:
            past = fill(self.tr("the timeline shows iteration %1; the graph follows the live iteration"),
                        self.session.view_iteration)
            header += f" · <i>{past}</i>"
        self.header.setText(header)
        self._update_caption()
        self._update_buttons()

    def _update_caption(self) -> None:
        g = self.graph
        if g is None:
            self.caption.setText("")
        elif g.walk_current is not None:
            self.caption.setText(fill(self.tr("Node %1 of %2: %3"), g.walk_position + 1, len(g.walk_order),
                                      g.explain(g.walk_current)))
        elif g.walk_order:
            self.caption.setText(fill(self.tr("Next node walks the backward pass one node at a time, from E back to "
                                              "%1: each step multiplies local × upstream on the node's edges."), g.name))
        elif g.mode == "chain":
            self.caption.setText(self.tr("Forward values fill in as the forward pass reaches their layer; step into "
                                         "the backward pass to see the gradients flow back."))
        else:
            self.caption.setText(self.tr("Proportional split: step into the backward pass to see the output error "
                                         "shared back along the weights (not a gradient)."))

    def _update_buttons(self) -> None:
        n = len(self.graph.walk_order) if self.graph is not None else 0
        self.next_button.setEnabled(n > 0 and (self.walk is None or self.walk < n - 1))
        self.prev_button.setEnabled(self.walk is not None and self.walk > 0)

    # ------------------------------------------------------------- actions
    def next_node(self) -> None:
        self.refresh_if_stale()
        if self.graph is None or not self.graph.walk_order:
            return
        self.walk = 0 if self.walk is None else min(self.walk + 1, len(self.graph.walk_order) - 1)
        self.refresh()

    def previous_node(self) -> None:
        if self.walk is not None and self.walk > 0:
            self.walk -= 1
            self.refresh()

    def expand_layer(self, layer: int) -> None:
        """Show more of ``layer`` (one layer at a time: two expanded neighbours would
        multiply their edges)."""
        self.expanded = {layer}
        self.refresh()

    def collapse_layer(self, layer: int) -> None:
        self.expanded.discard(layer)
        self.refresh()

    # ------------------------------------------------------------- export
    def ask_save_path(self, title: str, filters: str, suggestion: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggestion, filters)
        return path or None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def export_dialog(self, suffix: str) -> None:
        if self.graph is None:
            return
        kind = self.tr("SVG drawing (*.svg)") if suffix == ".svg" else self.tr("PNG image (*.png)")
        safe = "".join(c if c.isalnum() else "_" for c in self.graph.name).strip("_") or "param"
        path = self.ask_save_path(self.tr("Export the computational graph"), kind, f"graph-{safe}{suffix}")
        if not path:
            return
        if Path(path).suffix.lower() != suffix:
            path += suffix
        self.export(path)

    def export(self, path: str) -> bool:
        """Write the graph as shown to ``path`` (.svg or .png); a message when it cannot."""
        try:
            drawing.export(self.graph, path, self.view.style_)
        except (FileError, ValueError, OSError) as exc:
            self.show_error(self.tr("Cannot export the graph"),
                            fill(self.tr("%1\nNothing was written; choose another place."), exc))
            return False
        self.session.notify(fill(self.tr("Exported %1"), shown_name(path)))
        return True
