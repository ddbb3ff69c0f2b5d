"""How the canvas answers the mouse: hover (emphasis and tooltips), click to select,
double-click to edit, right-click to freeze, wheel to zoom, drag to pan, double-click on
empty space to fit.

:class:`CanvasInteraction` is the widget base of
:class:`~nnviz.gui.canvas.widget.NetworkCanvas`; it owns the view (zoom and pan) and
asks the canvas for ``layout_info``, ``scene``, ``labels`` (the edge labels painted
last) and ``view_changed()`` (forget the painted picture).
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QToolTip, QWidget

from nnviz.app.session import Selection
from nnviz.core.analysis.explain import Names
from nnviz.core.network import Param
from nnviz.core.words import fill
from nnviz.gui.canvas import layout as geo
from nnviz.gui.canvas.layout import Hit, View
from nnviz.gui.canvas.painter import target_text
from nnviz.gui.canvas.scene import neuron_name, sample_words
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets.session_view import SessionView


def selection_of(hit: Hit | None) -> Selection | None:
    """A canvas item as the session names it: a parameter or a neuron (None for others)."""
    if hit is None:
        return None
    if hit.param is not None:
        return Selection(param=hit.param)
    if hit.kind == "neuron":
        return Selection(layer=hit.layer, unit=hit.row)
    return None


class CanvasInteraction(SessionView, QWidget):
    def __init__(self, session: QtSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._view = View(1.0, 0.0, 0.0)
        self._auto_fit = True
        self._hover: Hit | None = None
        self._tip: tuple[Hit, QPoint] | None = None
        self._press: QPointF | None = None
        self._press_hit: Hit | None = None
        self._pan_from: tuple[float, float] | None = None
        self._panning = False
        self.context_menu: QMenu | None = None  # the last context menu opened (tests drive it)

    # ------------------------------------------------------------ the view
    @property
    def view(self) -> View:
        return self._view

    @property
    def scale(self) -> float:
        """Device pixels per world unit of the current view."""
        return self._view.scale

    @property
    def hover(self) -> Hit | None:
        """The item under the mouse (emphasised), or the one hovered in another view."""
        return self._hover if self._hover is not None else self.hit_of(self.session.hover)

    def _fitted(self) -> View:
        return geo.fit_view(self.layout_info, self.width(), self.height())

    def _apply_fit(self) -> None:
        if self.layout_info is not None and self.width() > 0 and self.height() > 0:
            view = self._fitted()
            if view != self._view:
                self._view = view
                self.view_changed()

    def fit(self) -> None:
        """Fit the whole network into the widget (and keep it fitted while resizing)."""
        self._auto_fit = True
        self._apply_fit()
        self.update()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping ``anchor`` (widget coordinates; default the centre) still."""
        if anchor is None:
            anchor = QPointF(self.width() / 2, self.height() / 2)
        fit_scale = self._fitted().scale
        old = self._view.scale
        new = float(np.clip(old * factor, fit_scale * 0.25, max(fit_scale * 25, 8.0)))
        if new == old:
            return
        self._view = self._view.zoomed(new, (anchor.x(), anchor.y()))
        self._auto_fit = False
        self.view_changed()

    def resizeEvent(self, event) -> None:
        if self._auto_fit:
            self._apply_fit()
        super().resizeEvent(event)

    def hit_test(self, pos: QPointF) -> Hit | None:
        """The item at widget position ``pos``: neurons first, then bias nodes, edge
        labels and edges (the nearest within a few pixels)."""
        return geo.hit_test(self.layout_info, self._view, pos.x(), pos.y(), self.labels)

    # ------------------------------------------------------------ mouse
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
                self._view = self._view.panned(self._pan_from[0] + d.x(), self._pan_from[1] + d.y())
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.view_changed()
            return
        hit = self.hit_test(pos)
        if hit != self._hover:
            self._hover = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit is not None else Qt.CursorShape.ArrowCursor)
            self.update()
            self.session.set_hover(selection_of(hit))  # the inspector previews it
            if QToolTip.isVisible():
                self._show_tip(hit, event.globalPosition().toPoint())

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        panned, hit = self._panning, self._press_hit
        self._press = self._press_hit = None
        self._panning = False
        self.unsetCursor()
        if panned:
            return
        s = self.session
        if hit is None:
            if s.selection is not None:
                s.clear_selection()
        elif hit.param is not None:
            s.select_param(hit.param)
        elif hit.kind == "neuron":
            s.select_neuron(hit.layer, hit.row)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.hit_test(event.position())
        if hit is None:
            self.fit()
        elif hit.param is not None:
            self.edit_parameter(hit.param)

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_by(1.0015 ** delta, event.position())
        event.accept()

    def leaveEvent(self, event) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
            self.session.set_hover(None)  # the inspector shows the selection again
        super().leaveEvent(event)

    # ------------------------------------------------------------ edit
    def edit_parameter(self, name: str) -> bool:
        """Ask for a new value of parameter ``name`` and apply it (Step back undoes it)."""
        s = self.session
        if s.viewing_past:
            s.message.emit(self.tr("Move the timeline to the right end (live) to edit the network"))
            return False
        prm = s.trainer.network.parse_param(name)
        value = self._ask_value(prm.name, s.trainer.network.get(prm))
        if value is None:
            return False
        return s.edit_parameter(prm.name, value)

    def _ask_value(self, name: str, current: float) -> float | None:
        """The one place that opens the edit dialog (tests patch it)."""
        display = self.session.trainer.network.display_name(name)
        label = (fill(self.tr("New value of %1 (%2):"), display, name) if display != name
                 else fill(self.tr("New value of %1:"), display))
        value, ok = QInputDialog.getDouble(self, self.tr("Edit parameter"), label, current, -1e9, 1e9, 9)
        return float(value) if ok else None

    # ------------------------------------------------------------ context menu
    def context_actions(self, hit: Hit | None) -> list[QAction]:
        """The actions of the context menu for ``hit`` (an edge or a bias); empty for
        anything else. Each action's ``data()`` names what it does (tests trigger them)."""
        if hit is None or hit.param is None:
            return []
        s = self.session
        t = s.trainer
        name = hit.param
        display = t.network.display_name(name)
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

        add(fill(self.tr("Unfreeze %1") if frozen else self.tr("Freeze %1"), display), "freeze",
            lambda: s.freeze([name], not frozen), self.tr("A frozen parameter keeps its value while training"))
        all_frozen = all(t.is_frozen(p) for p in t.network.params() if p.kind == "b")
        add(self.tr("Unfreeze all biases") if all_frozen else self.tr("Freeze all biases"), "freeze_biases",
            lambda: s.freeze_biases(not all_frozen))
        sep = QAction(self)
        sep.setSeparator(True)
        actions.append(sep)
        edit = add(self.tr("Edit value…"), "edit", lambda: self.edit_parameter(name))
        edit.setEnabled(not s.viewing_past)
        add(self.tr("Select"), "select", lambda: s.select_param(name))
        return actions

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
        sel = self.selection_hit()  # the keyboard's menu key: the selected parameter
        if sel is not None and sel.param is not None:
            self.open_context_menu(self.edge_midpoint(sel.param), None)
        event.accept()

    def selection_hit(self) -> Hit | None:
        """The session's selection as a canvas item (None when it is not on the canvas)."""
        return self.hit_of(self.session.selection)

    def hit_of(self, sel: Selection | None) -> Hit | None:
        """A parameter or neuron of the session as a canvas item (None when it is not on
        the canvas)."""
        if sel is None:
            return None
        if sel.is_param:
            try:
                return Hit.of_param(self.session.trainer.network.parse_param(sel.param))
            except ValueError:
                return None
        sizes = self.layout_info.sizes
        if sel.layer is not None and sel.unit is not None and 0 <= sel.layer < len(sizes) \
                and 0 <= sel.unit < sizes[sel.layer]:
            return Hit("neuron", sel.layer, sel.unit)
        return None

    # ------------------------------------------------------------ tooltips
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self.hit_test(QPointF(event.pos()))
            if not self._show_tip(hit, event.globalPos()):
                event.ignore()
            return True
        return super().event(event)

    def _show_tip(self, hit: Hit | None, global_pos: QPoint) -> bool:
        text = self.tooltip_text(hit)
        if text:
            self._tip = (hit, global_pos)
            QToolTip.showText(global_pos, text, self)
            return True
        self._tip = None
        QToolTip.hideText()
        return False

    def refresh_tooltip(self) -> None:
        """Rewrite a showing tooltip with the current values."""
        if self._tip is not None and QToolTip.isVisible():
            text = self.tooltip_text(self._tip[0])
            if text:
                QToolTip.showText(self._tip[1], text, self)

    def forget_hover(self) -> None:
        self._hover = None
        self._tip = None
        QToolTip.hideText()

    @property
    def tooltip_hit(self) -> Hit | None:
        """The item whose tooltip is showing (or was last shown)."""
        return self._tip[0] if self._tip else None

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

    @staticmethod
    def _row(label: str, value: str) -> str:
        return f"<tr><td style='padding-right:10px'>{label}</td><td>{value}</td></tr>"

    def _param_tooltip(self, hit: Hit) -> str:
        s = self.session
        t = s.trainer
        net = t.network
        v = t.values
        f = s.formatter.num
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
            what = fill(self.tr("weight from %1 to %2"), html.escape(neuron_name(net, prm.layer - 1, prm.col)),
                        html.escape(neuron_name(net, prm.layer, prm.row)))
        else:
            what = fill(self.tr("bias of %1"), html.escape(neuron_name(net, prm.layer, prm.row)))
        not_yet = self.tr("not computed yet")
        rows = [self._row(self.tr("value"), f(value) if not s.viewing_past
                          else fill(self.tr("%1 (after iteration %2)"), f(value), s.view_iteration))]
        grad_name = "dE/d" + display if t.backprop == "chain" else self.tr("pseudo-gradient")
        if s.viewing_past:
            rows.append(self._row(grad_name, self.tr("not kept for past iterations")))
        else:
            g = (v.grad_W if prm.kind == "W" else v.grad_b)[i]
            rows.append(self._row(grad_name, f(g[prm.index]) if g is not None else not_yet))
            u = (v.update_W if prm.kind == "W" else v.update_b)[i]
            if u is not None:
                change = fill(self.tr("%1 (update of this iteration)"), f(u[prm.index]))
            elif len(t.trajectory) >= 2:
                k = net.flat_index(prm)
                change = fill(self.tr("%1 (update of iteration %2)"), f(t.trajectory[-1][k] - t.trajectory[-2][k]),
                              t.iteration)
            else:
                change = self.tr("none yet")
            rows.append(self._row(fill(self.tr("last change Δ%1"), display), change))
        extra = "<br><i>" + self.tr("frozen: training leaves it unchanged") + "</i>" if t.is_frozen(prm) else ""
        return (f"{title}<br>{what}<table>{''.join(rows)}</table>{extra}<br><small>"
                + self.tr("click to select · double-click to edit · right-click to freeze") + "</small>")

    def _neuron_tooltip(self, hit: Hit) -> str:
        s = self.session
        t = s.trainer
        scene = self.scene
        f = s.formatter.num
        c, j = hit.layer, hit.row
        L = t.network.n_layers
        names = Names(t.network)
        where = self.tr("input") if c == 0 else (self.tr("output") if c == L else fill(self.tr("hidden layer %1"), c))
        if c:
            where = f"{where}, {t.network.activations[c - 1].name}"
        title = (f"<b>{html.escape(neuron_name(t.network, c, j))}</b> &nbsp;("
                 + fill(self.tr("%1, unit %2"), where, j) + ")")
        rows = []
        rows_n = s.batch_rows()
        sample = sample_words(min(s.sample, rows_n - 1), rows_n, scene.sample_row)
        not_yet = self.tr("not computed yet")
        if c == 0:
            x = scene.out[0]
            rows.append(self._row(html.escape(names.out(0, j)), f(x[j]) if x is not None else self.tr("not drawn yet")))
        else:
            z, a, e = scene.net[c], scene.out[c], scene.errors[c]
            rows.append(self._row(html.escape(names.net(c, j)), f(z[j]) if z is not None else not_yet))
            rows.append(self._row(html.escape(names.out(c, j)), f(a[j]) if a is not None else not_yet))
            if c == L and scene.targets is not None:
                rows.append(self._row(html.escape(target_text(names.target(j))), f(scene.targets[j])))
            if not s.viewing_past:
                label = (f"{names.delta(c, j)} = dE/dnet" if t.backprop == "chain"
                         else fill(self.tr("%1 (error share)"), names.error(c, j)))
                rows.append(self._row(html.escape(label), f(e[j]) if e is not None else not_yet))
        return f"{title}<br>{sample}<table>{''.join(rows)}</table>"

    def _bias_node_tooltip(self, hit: Hit) -> str:
        s = self.session
        net = s.trainer.network
        _, B = s.display_parameters()
        l = hit.layer
        rows = [self._row(html.escape(f"{net.display_name(Param('b', l, r))} → {neuron_name(net, l, r)}"),
                          s.formatter.num(B[l - 1][r])) for r in range(min(net.sizes[l], 12))]
        more = "<br>" + fill(self.tr("… %1 more"), net.sizes[l] - 12) if net.sizes[l] > 12 else ""
        return ("<b>" + fill(self.tr("bias node of layer %1"), l) + "</b><br>"
                + self.tr("a constant input 1, weighted by the biases") + f"<table>{''.join(rows)}</table>{more}")
