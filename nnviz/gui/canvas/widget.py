"""The network canvas widget: the centre of the window.

Layers are columns, neurons circles labelled with their name and value, biases small
square nodes under the column that feeds them. Edges are coloured on the shared
diverging map (blue negative, orange positive) by the quantity shown — weights,
gradients dE/dw or the last updates Δw — and grow wider and stronger with |value|.

The canvas ties the parts together: the :mod:`layout` (where), the :mod:`scene` (what,
rebuilt when the values change), the :mod:`painter` (drawing, with the painted picture
cached), the :mod:`overlays`, the :mod:`interaction` (its base class) and the
:mod:`export`. The same :meth:`NetworkCanvas.paint` draws the widget and the exports.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnviz.gui.canvas import export, overlays
from nnviz.gui.canvas import layout as geo
from nnviz.gui.canvas import scene as scenes
from nnviz.gui.canvas.interaction import CanvasInteraction
from nnviz.gui.canvas.layout import Box, Hit, Layout, View
from nnviz.gui.canvas.painter import CachedPicture, ScenePainter
from nnviz.gui.canvas.texts import Fonts, side_room
from nnviz.gui.canvas.scene import Scene
from nnviz.gui.qt_session import QtSession


class NetworkCanvas(CanvasInteraction):
    """Draws the session's network; hover, click, double-click, wheel and drag interact."""

    THUMB_GRID = overlays.THUMB_GRID

    def __init__(self, session: QtSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._layout: Layout | None = None
        self._scene: Scene | None = None
        self._painter = ScenePainter()
        self._picture = CachedPicture()
        self._labels: list[tuple[Box, Hit, int]] = []
        self._thumbnails = overlays.Thumbnails()
        self._comparison = overlays.Comparison()
        self._show_thumbnails = False  # per-neuron output thumbnails (2-input networks)
        self._show_comparison = False  # chain delta beside proportional error under each neuron
        self.scene_builds = 0  # how many times the scene was rebuilt (tests, benchmarks)
        self._on_trainer_replaced()

    def sizeHint(self) -> QSize:
        return QSize(960, 620)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 220)

    # ------------------------------------------------------------ session events
    def _aspect(self) -> float | None:
        return self.width() / self.height() if self.width() > 0 and self.height() > 0 else None

    def _new_layout(self, aspect: float | None) -> Layout:
        net = self.session.trainer.network
        lay = Layout(net.sizes, aspect)
        names = None if net.neuron_names is None else [
            [scenes.neuron_name(net, c, j) for j in range(n)] for c, n in enumerate(net.sizes)]
        room = side_room(lay, names, self.font())
        return lay if room == (0.0, 0.0) else Layout(net.sizes, aspect, room)

    def _on_trainer_replaced(self) -> None:
        self._layout = self._new_layout(self._aspect())
        self.forget_hover()
        self.fit()
        self.invalidate()

    def _on_state_changed(self, *args) -> None:
        self.invalidate()
        self.refresh_tooltip()

    _on_edge_mode_changed = _on_timeline_changed = _on_sample_changed = _on_state_changed

    def _on_settings_changed(self, name: str) -> None:
        if name in ("frozen", "digits"):  # padlocks on frozen parameters; every number
            self._on_state_changed()

    def _on_selection_changed(self) -> None:
        self.update()

    def _on_hover_changed(self) -> None:
        self.update()  # an item hovered in another view (the graph) is marked here too

    def _on_palette_changed(self) -> None:
        self.view_changed()

    def invalidate(self) -> None:
        """Forget the scene and the painted picture; the next paint rebuilds them."""
        self._scene = None
        self.view_changed()

    def view_changed(self) -> None:
        """Forget the painted picture (the view, the overlays or the palette changed)."""
        self._picture.forget()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.view_changed()
        super().changeEvent(event)  # the palette: SessionView calls _on_palette_changed

    def resizeEvent(self, event) -> None:
        aspect, old = self._aspect(), self._layout.aspect if self._layout else None
        if self._layout is not None and aspect and (old is None or abs(aspect / old - 1) > 0.15):
            self._layout = self._new_layout(aspect)  # columns follow the view's shape
            self.invalidate()
        super().resizeEvent(event)  # refits

    # ------------------------------------------------------------ public state
    @property
    def layout_info(self) -> Layout:
        return self._layout

    @property
    def scene(self) -> Scene:
        if self._scene is None:
            self.scene_builds += 1
            self._scene = scenes.build(self.session, self._layout)
        return self._scene

    @property
    def labels(self) -> list[tuple[Box, Hit, int]]:
        """The edge labels painted last: (box, edge, index in its layer)."""
        return self._labels

    @property
    def picture_builds(self) -> int:
        """How many times the cached picture was painted (tests, benchmarks)."""
        return self._picture.builds

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
        return self.scene.shown_W[layer - 1], self.scene.shown_b[layer - 1]

    # ------------------------------------------------------------ geometry queries
    def edge_midpoint(self, name: str, size: QSize | tuple[int, int] | None = None) -> QPointF:
        """The middle of the edge of parameter ``name`` (also a display name such as
        'w5'), in widget coordinates, or in those of ``render_image(*size)``."""
        return self.edge_point(name, 0.5, size)

    def edge_point(self, name: str, t: float, size: QSize | tuple[int, int] | None = None) -> QPointF:
        """The point a fraction ``t`` along the edge of parameter ``name`` from what sends."""
        x0, y0, x1, y1 = self._layout.segment(Hit.of_param(self.session.trainer.network.parse_param(name)))
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        if size is None:
            return QPointF(*self.view.map(x, y))
        w, h = (size.width(), size.height()) if isinstance(size, QSize) else size
        ui = export.ui_scale(w, h)
        px, py = geo.fit_view(self._layout, w / ui, h / ui).map(x, y)
        return QPointF(px * ui, py * ui)

    def neuron_center(self, column: int, unit: int) -> QPointF:
        return QPointF(*self.view.map(*self._layout.neuron(column, unit)))

    def placement(self, width: float | None = None, height: float | None = None) -> geo.Placement:
        """Where the text and the overlays go in the current view, or fitted to ``width``
        x ``height`` (as in ``render_image``)."""
        view = self.view if width is None else geo.fit_view(self._layout, width, height)
        area = Box(0.0, 0.0, self.width(), self.height()) if width is None else Box(0.0, 0.0, width, height)
        scene = self.scene
        return self._painter.placement(self._layout, scene, view, Fonts(self.font(), self._layout, view),
                                       thumbnails=self._thumbnail_images() is not None,
                                       comparison=self._comparison_texts(scene), area=area)

    # ------------------------------------------------------------ painting
    def paint(self, p: QPainter, rect: QRectF, *, show: str | None = None, view: View | None = None,
              selection: bool = True) -> None:
        """Paint the network into ``rect`` of ``p``: fitted (or with ``view``), the edges
        showing ``show`` (weights, gradients, updates; default: the session's choice),
        with the selected item marked unless ``selection`` is False. Shared by the widget
        and the exports."""
        scene = self.scene if show is None else scenes.build(self.session, self._layout, show)
        view = view or geo.fit_view(self._layout, rect.width(), rect.height(), rect.x(), rect.y())
        placement = self._painter.paint(p, rect, self._layout, scene, view, self.palette(), self.font(),
                                        thumbnails=self._thumbnail_images(),
                                        comparison=self._comparison_texts(scene))
        if view is self.view:
            self._labels = placement.edge_labels
        if selection:
            self._painter.paint_marks(p, self._layout, scene, view, self.palette(), self.font(),
                                      placement.edge_labels, None, self.selection_hit())

    def paintEvent(self, event) -> None:
        def draw(painter: QPainter) -> None:
            self.paint(painter, QRectF(self.rect()), view=self.view, selection=False)

        pixmap = self._picture.get(self.width(), self.height(), self.devicePixelRatioF(), self.palette(), draw)
        p = QPainter(self)
        p.drawPixmap(0, 0, pixmap)
        self._painter.paint_marks(p, self._layout, self.scene, self.view, self.palette(), self.font(), self._labels,
                                  self.hover, self.selection_hit())
        p.end()

    # ------------------------------------------------------------ overlays
    @property
    def show_thumbnails(self) -> bool:
        return self._show_thumbnails

    def set_show_thumbnails(self, on: bool) -> None:
        """Small per-neuron output maps over the input plane (2-input networks only)."""
        on = bool(on)
        if on != self._show_thumbnails:
            self._show_thumbnails = on
            if not on:
                self._thumbnails.clear()
            self.view_changed()

    @property
    def thumbnails_available(self) -> bool:
        """Thumbnails are drawn for networks with exactly 2 inputs."""
        return overlays.available(self.session)

    @property
    def thumbnail_builds(self) -> int:
        """How many times the thumbnails were computed (tests)."""
        return self._thumbnails.builds

    def _thumbnail_images(self):
        if not self._show_thumbnails:
            return None
        th = self._thumbnails.get(self.session)
        return None if th is None else th[3]

    def thumbnail_grid(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(xs, ys): the input-plane sample points of the thumbnails (None: no thumbnails)."""
        th = self._thumbnails.get(self.session)
        return None if th is None else (th[0], th[1])

    def thumbnail_values(self, layer: int, unit: int) -> np.ndarray | None:
        """The activation of neuron ``unit`` of weight layer ``layer`` (1-based) over the
        input plane: a G x G array, ``[i, j]`` at input (xs[j], ys[i]); None for networks
        with other than 2 inputs."""
        th = self._thumbnails.get(self.session)
        if th is None:
            return None
        if not 1 <= layer <= len(th[2]) - 1:
            raise ValueError(f"layer must be 1..{len(th[2]) - 1}, got {layer}")
        return th[2][layer][unit]

    @property
    def show_comparison(self) -> bool:
        return self._show_comparison

    def set_show_comparison(self, on: bool) -> None:
        """Under each non-input neuron its chain-rule delta beside its proportional error."""
        on = bool(on)
        if on != self._show_comparison:
            self._show_comparison = on
            self._comparison.clear()
            self.view_changed()

    def _comparison_texts(self, scene: Scene):
        if not self._show_comparison:
            return None
        cmp = self._comparison.get(self.session, scene)
        return None if cmp is None else overlays.comparison_texts(cmp, scene.fmt)

    def comparison_text(self, layer: int, unit: int) -> str | None:
        """The overlay's text under neuron ``unit`` of weight layer ``layer`` (1-based):
        'δ 0.1385 · e -0.7414' (None while viewing the past)."""
        scene = self.scene
        cmp = self._comparison.get(self.session, scene)
        return None if cmp is None else overlays.comparison_text(cmp[layer - 1], unit, scene.fmt)

    def comparison_disagrees(self, layer: int, unit: int) -> bool | None:
        """True where the proportional error and -delta point different ways."""
        cmp = self._comparison.get(self.session, self.scene)
        return None if cmp is None else not bool(cmp[layer - 1].agree[unit])

    # ------------------------------------------------------------ exports
    def render_image(self, width: int, height: int, show: str | None = None) -> QImage:
        """The scene fitted into a ``width`` x ``height`` image (independent of the
        widget's zoom), with caption and legend. ``show`` forces weights, gradients or
        updates for every layer."""
        return export.render_image(self, width, height, show)

    def export_image(self, path: str, width: int, height: int, show: str | None = None) -> None:
        """Write the picture to ``path`` in the format its name ends with (.png, .jpg,
        .svg, ...: :func:`nnviz.gui.canvas.export.image_formats`). Raises ValueError for
        another ending or a bad size, OSError when it cannot be written."""
        export.export(self, path, width, height, show)
