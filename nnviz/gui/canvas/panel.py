"""The canvas with, under it, the focused-sample selector and the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from nnviz.core.words import fill
from nnviz.gui.canvas.scene import sample_words
from nnviz.gui.canvas.widget import NetworkCanvas
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets.session_view import SessionView


class CanvasPanel(SessionView, QWidget):
    """The canvas with, under it, the focused-sample selector and the timeline."""

    def __init__(self, session: QtSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.canvas = NetworkCanvas(session, self)

        self.sample_box = QComboBox()
        self.sample_box.setToolTip(self.tr("The sample whose values the neurons show"))
        self.sample_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setToolTip(self.tr("Scrub through the iterations already run; the right end is live"))
        self.timeline.setMinimumWidth(160)
        self.timeline_label = QLabel()
        self.timeline_label.setMinimumWidth(150)
        self.live_button = QToolButton()
        self.live_button.setText(self.tr("Live"))
        self.live_button.setToolTip(self.tr("Back to the current network"))

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 6)
        bar.addWidget(QLabel(self.tr("Neurons show")))
        bar.addWidget(self.sample_box)
        bar.addSpacing(18)
        bar.addWidget(QLabel(self.tr("Timeline")))
        bar.addWidget(self.timeline, 1)
        bar.addWidget(self.timeline_label)
        bar.addWidget(self.live_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(bar)

        self._sample_key: tuple | None = None
        self.sample_box.currentIndexChanged.connect(self._on_sample_chosen)
        self.timeline.valueChanged.connect(self._on_timeline_moved)
        self.live_button.clicked.connect(lambda: session.set_view_iteration(None))
        self._on_state_changed()

    # ------------------------------------------------------------ sample
    def _sample_rows(self) -> list[str]:
        s = self.session
        v = s.trainer.values
        n = s.batch_rows()
        rows = [int(v.batch[k]) if v.batch is not None else k for k in range(n)] \
            if (v.batch is not None or v.inputs is not None or s.trainer.batch_size >= s.trainer.n_samples) else None
        return [sample_words(k, n, None if rows is None else rows[k]) for k in range(n)]

    def _refresh_samples(self) -> None:
        items = self._sample_rows()
        key = tuple(items)
        if key != self._sample_key:
            self._sample_key = key
            self.sample_box.blockSignals(True)
            self.sample_box.clear()
            self.sample_box.addItems(items)
            self.sample_box.blockSignals(False)
        self.sample_box.blockSignals(True)
        self.sample_box.setCurrentIndex(min(self.session.sample, len(items) - 1))
        self.sample_box.blockSignals(False)
        self.sample_box.setEnabled(len(items) > 1)

    def _on_sample_chosen(self, index: int) -> None:
        if index >= 0:
            self.session.set_sample(index)

    def _on_sample_changed(self, index: int) -> None:
        self._refresh_samples()

    # ------------------------------------------------------------ timeline
    def _refresh_timeline(self) -> None:
        s = self.session
        t = s.trainer
        first, last = s.first_iteration, t.iteration
        shown = s.view_iteration if s.view_iteration is not None else last
        self.timeline.blockSignals(True)
        self.timeline.setRange(first, last)
        self.timeline.setValue(shown)
        self.timeline.setPageStep(max(1, (last - first) // 10))
        self.timeline.blockSignals(False)
        self.timeline.setEnabled(last > first)
        live = s.view_iteration is None
        self.timeline_label.setText(fill(self.tr("iteration %1 of %2 · live") if live else self.tr("iteration %1 of %2"),
                                         shown, last))
        self.live_button.setEnabled(not live)

    def _on_timeline_moved(self, value: int) -> None:
        self.session.set_view_iteration(value)

    def _on_timeline_changed(self) -> None:
        self._refresh_timeline()

    def _on_state_changed(self) -> None:
        self._refresh_samples()
        self._refresh_timeline()

    _on_trainer_replaced = _on_state_changed
