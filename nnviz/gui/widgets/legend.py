"""A legend that sits in a plot's title row, above the data."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt


class LegendSample(pg.ItemSample):
    """A legend sample that only shows the line: pyqtgraph's hides its curve on a click,
    which would go behind the back of the view's own toggles."""

    def mouseClickEvent(self, event) -> None:  # noqa: N802
        event.ignore()


ROW_HEIGHT = 18


class HeaderLegend(pg.LegendItem):
    """A legend in the plot's title row, above the data, so it never covers a curve.
    pyqtgraph's legend places itself; this one tells the layout its size and stays where
    the layout puts it. ``install(plot_item)`` puts it there, over the data's and the
    right axis's columns; ``fit()`` puts as many entries in a row as fit (at most
    ``colCount``), the title row growing with them."""

    def __init__(self, **kwargs) -> None:
        super().__init__(sampleType=LegendSample, **kwargs)
        self.max_columns = self.columnCount
        self._plot_item: pg.PlotItem | None = None

    def install(self, plot_item: pg.PlotItem) -> None:
        """Take the plot's (otherwise empty) title row, right-aligned."""
        self._plot_item = plot_item
        plot_item.layout.removeItem(plot_item.titleLabel)
        plot_item.titleLabel.setVisible(False)
        plot_item.layout.addItem(self, 0, 1, 1, 2)
        plot_item.layout.setAlignment(self, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        plot_item.layout.setRowFixedHeight(0, ROW_HEIGHT)

    def room(self) -> float:
        """The width the legend may take: the view's, less the plot's margins and its
        left axis. Not the plot's columns: they follow the view a turn later, and a
        legend fitted to an old, wider width would hold them, and the right axis, beyond
        the view."""
        pi = self._plot_item
        left, _, right, _ = pi.getContentsMargins()
        axis = pi.getAxis("left")
        return pi.getViewWidget().viewport().width() - left - right - (axis.width() if axis.isVisible() else 0)

    def fit(self, width: float | None = None) -> None:
        """Lay the entries out in as many columns as fit in ``width`` pixels (by default
        ``room()``)."""
        width = self.room() if width is None else width
        spacing = self.layout.horizontalSpacing()
        widths = [sample.preferredWidth() + label.preferredWidth() + 2 * spacing for sample, label in self.items]
        columns = 1
        for n in range(self.max_columns, 0, -1):
            rows = [widths[k:k + n] for k in range(0, len(widths), n)]
            if max((sum(r) for r in rows), default=0) + 8 <= width:
                columns = n
                break
        for i in range(self.layout.count() - 1, -1, -1):
            self.layout.removeAt(i)
        for k, (sample, label) in enumerate(self.items):
            row, col = divmod(k, columns)
            self.layout.addItem(sample, row, 2 * col, alignment=Qt.AlignmentFlag.AlignVCenter)
            self.layout.addItem(label, row, 2 * col + 1)
        self.columnCount = columns
        self.updateSize()
        if self._plot_item is not None:
            rows = max(1, -(-len(self.items) // columns))
            self._plot_item.layout.setRowFixedHeight(0, ROW_HEIGHT * rows)
            # the view sized its plot before the legend let go of its old width (a plot in a
            # layout of several is sized by the layout)
            view = self._plot_item.getViewWidget()
            if getattr(view, "plotItem", None) is self._plot_item:
                self._plot_item.setGeometry(view.range)

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
