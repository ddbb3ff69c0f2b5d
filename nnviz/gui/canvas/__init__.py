"""The network canvas: ``layout`` and ``scene`` (testable without a widget), ``painter``,
``overlays``, ``interaction``, ``export``, the ``widget`` that ties them together and the
``panel`` with the sample selector and the timeline under it."""

from nnviz.gui.canvas.layout import Box, Hit, Layout, View
from nnviz.gui.canvas.panel import CanvasPanel
from nnviz.gui.canvas.widget import NetworkCanvas

__all__ = ["Box", "CanvasPanel", "Hit", "Layout", "NetworkCanvas", "View"]
