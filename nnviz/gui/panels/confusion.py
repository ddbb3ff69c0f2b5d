"""The confusion matrix of a classification data set: rows are the true classes,
columns the classes the network predicts, on the whole data set at the current
parameters (or those of the iteration the timeline shows). The diagonal (right) is
highlighted; the header line gives the accuracy. Refreshed once per state change, at
most ``MAX_REFRESH_PER_SECOND`` times a second while Play uses every frame, so Play stays
fast. Regression data: a note instead of the table.

It is the window's "Confusion matrix" dock (nnviz.gui.docks).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.analysis.metrics import accuracy, class_names, confusion_matrix
from nnviz.core.words import fill
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.session_view import SessionView

MAX_REFRESH_PER_SECOND = 5


class ConfusionView(SessionView, QWidget):
    """A small table of counts following the Session."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("confusionView")
        self.matrix: np.ndarray | None = None  # what the table shows (None: regression)
        self.class_names: list[str] = []  # its rows' and columns' classes
        self.refreshes = 0  # how many times the matrix was computed (tests)
        self._throttle = self.throttle(self.refresh, 1000 / MAX_REFRESH_PER_SECOND)

        self.header = QLabel()
        self.header.setObjectName("confusionHeader")
        self.header.setWordWrap(True)
        self.note = QLabel(self.tr("The confusion matrix is for classification data (targets 0 or 1); "
                                   "this data set is a regression."))
        self.note.setObjectName("confusionNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.table = QTableWidget()
        self.table.setObjectName("confusionTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.setToolTip(self.tr("Rows: the true class; columns: the class the network predicts "
                                      "(largest output, or output ≥ 0.5 for a single output)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

        self.refresh()

    # ---------------------------------------------------------------- refresh
    def _on_trainer_replaced(self) -> None:
        self.refresh()

    def _on_state_changed(self) -> None:
        self.redraw(self._throttle, self._throttle.interval_ms)

    _on_timeline_changed = _on_state_changed

    def _outputs(self) -> np.ndarray:
        return self.session.display_network().forward(self.session.trainer.dataset.inputs)

    def refresh(self) -> None:
        self._throttle.cancel()
        data = self.session.trainer.dataset
        if not data.is_classification:
            self.matrix = None
            self.note.setVisible(True)
            self.table.setVisible(False)
            self.header.setText("")
            self.header.setVisible(False)
            return
        self.refreshes += 1
        m = confusion_matrix(self._outputs(), data.targets)
        self.note.setVisible(False)
        self.header.setVisible(True)
        self.table.setVisible(True)
        self._show(m)

    def _show(self, m: np.ndarray) -> None:
        k = m.shape[0]
        data = self.session.trainer.dataset
        names = class_names(data.target_names, data.n_outputs)
        new_shape = self.matrix is None or self.matrix.shape != m.shape or names != self.class_names
        self.matrix = m
        self.class_names = names
        acc = accuracy(m)
        s = self.session
        when = (fill(self.tr("after iteration %1"), s.view_iteration) if s.view_iteration is not None
                else fill(self.tr("iteration %1"), s.trainer.iteration))
        self.header.setText(fill(self.tr("<b>accuracy %1</b> · %2 of %3 samples right · whole data set, %4"),
                                 f"{acc:.1%}", int(np.trace(m)), int(m.sum()), when))
        if new_shape:
            self.table.clear()
            self.table.setRowCount(k)
            self.table.setColumnCount(k)
            self.table.setHorizontalHeaderLabels([fill(self.tr("pred %1"), name) for name in names])
            self.table.setVerticalHeaderLabels([fill(self.tr("true %1"), name) for name in names])
            for i in range(k):
                for j in range(k):
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if i == j:
                        f = QFont(item.font())
                        f.setBold(True)
                        item.setFont(f)
                    self.table.setItem(i, j, item)
        hi = QColor(pal.HIGHLIGHT)
        for i in range(k):
            row_total = int(m[i].sum())
            for j in range(k):
                item = self.table.item(i, j)
                item.setText(str(int(m[i, j])))
                share = m[i, j] / row_total if row_total else 0.0
                if i == j:
                    c = QColor(0, 150, 110)
                    c.setAlpha(int(40 + 120 * share))
                else:
                    c = QColor(hi)
                    c.setAlpha(int(35 + 110 * share) if m[i, j] else 0)
                item.setBackground(QBrush(c))
                tip = fill(self.tr("true class %1, predicted %2: %3 samples"), names[i], names[j], int(m[i, j]))
                if row_total:
                    tip = fill(self.tr("%1 (%2 of class %3)"), tip, f"{share:.0%}", names[i])
                item.setToolTip(tip)

    def counts(self) -> np.ndarray:
        """The numbers the table shows, read back from its cells (tests)."""
        k = self.table.rowCount()
        return np.array([[int(self.table.item(i, j).text()) for j in range(k)] for i in range(k)], dtype=np.int64)
