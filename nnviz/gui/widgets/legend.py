"""A legend that sits in a plot's title row, above the data."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt


class LegendSample(pg.ItemSample):
    """A legend sample that only shows the line: pyqtgraph's hides its curve on a click,
    which would go behind the back of the view's own toggles."""

    def mouseClickEvent(self, event) -> None:  # noqa: N802
        event.ignore()


class HeaderLegend(pg.LegendItem):
    """A one-row legend in the plot's title row, above the data, so it never covers a
    curve. pyqtgraph's legend places itself; this one tells the layout its size and
    stays where the layout puts it. ``install(plot_item)`` puts it there."""

    def __init__(self, **kwargs) -> None:
        super().__init__(sampleType=LegendSample, **kwargs)

    def install(self, plot_item: pg.PlotItem) -> None:
        """Take the plot's (otherwise empty) title row, right-aligned."""
        plot_item.layout.removeItem(plot_item.titleLabel)
        plot_item.titleLabel.setVisible(False)
        plot_item.layout.addItem(self, 0, 1)
        plot_item.layout.setAlignment(self, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        plot_item.layout.setRowFixedHeight(0, 18)

    def recolour(self, text) -> None:
        """Labels in ``text`` colour, no frame (after a palette change)."""
        self.setBrush(None)
        self.setPen(None)
        self.setLabelTextColor(text)
        for _, label in self.items:
            label.setText(label.text)  # re-render in the new colour

    def hoverEvent(self, event) -> None:  # noqa: N802
        pass  # no drag to offer

    def mouseDragEvent(self, event) -> None:  # noqa: N802
        event.ignore()

    def updateSize(self) -> None:  # noqa: N802
        width = height = 0.0
        for row in range(self.layout.rowCount()):
            row_width = row_height = 0.0
            for col in range(self.layout.columnCount()):
                item = self.layout.itemAt(row, col)
                if item:
                    row_width += item.preferredWidth() + self.layout.horizontalSpacing()
                    row_height = max(row_height, item.preferredHeight())
            width, height = max(width, row_width), height + row_height
        width += 8  # the labels' own measure falls a little short of the rendered text
        self.setPreferredSize(width, height)
        self.setMinimumSize(width, height)
        self.setMaximumSize(width, height)
        self.updateGeometry()
