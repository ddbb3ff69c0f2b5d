"""File ▸ Record…: what to record (canvas, loss surface, whole window), one frame per how
many micro-steps, phases or iterations, how many frames or until stopped, the frame rate,
the size, an optional caption line, and the file (.gif, or .mp4 with the video extra)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QSpinBox, QWidget)

from nnviz.core.state import micro_steps
from nnviz.core.words import N_, fill, translate
from nnviz.gui.recording import SHOWS, UNITS, RecordOptions
from nnviz.gui.widgets.forms import ok_cancel
from nnviz.io import animation

FILTERS = N_("RecordDialog", "Animated GIF (*.gif);;MP4 video (*.mp4)")


class RecordDialog(QDialog):
    def __init__(self, path: str, parent: QWidget | None = None, previous: RecordOptions | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record"))
        self.setObjectName("recordDialog")
        o = previous or RecordOptions()

        self.show_box = QComboBox()
        shows = {"canvas": self.tr("The network canvas"), "surface": self.tr("The loss surface"),
                 "window": self.tr("The whole window")}
        for key in SHOWS:
            self.show_box.addItem(shows[key], key)
        self.show_box.setCurrentIndex(self.show_box.findData(o.show))
        self.every = QSpinBox()
        self.every.setRange(1, animation.MAX_EVERY)
        self.every.setValue(o.every)
        self.unit_box = QComboBox()
        units = {"micro": self.tr("micro-steps"), "phase": self.tr("phases"), "iteration": self.tr("iterations")}
        for key in UNITS:
            self.unit_box.addItem(units[key], key)
        self.unit_box.setCurrentIndex(self.unit_box.findData(o.unit))
        every_row = QHBoxLayout()
        every_row.addWidget(QLabel(self.tr("after every")))
        every_row.addWidget(self.every)
        every_row.addWidget(self.unit_box, 1)

        self.until_stopped = QRadioButton(self.tr("until I press Stop"))
        self.until_stopped.setToolTip(fill(self.tr("At most %1 frames after the first: the recording stops by "
                                                   "itself there"), f"{animation.MAX_FRAMES:,}"))
        self.stop_after = QRadioButton(self.tr("stop after"))
        self.frames = QSpinBox()
        self.frames.setRange(1, animation.MAX_FRAMES)
        self.frames.setValue(o.frames or 7)
        self.frames.setSuffix(self.tr(" frames"))
        self.frames.setToolTip(self.tr("Frames after the first, which shows the start (7 micro-steps are one "
                                       "iteration of a 2-layer network)"))
        (self.stop_after if o.frames else self.until_stopped).setChecked(True)
        length_row = QHBoxLayout()
        length_row.addWidget(self.until_stopped)
        length_row.addWidget(self.stop_after)
        length_row.addWidget(self.frames)
        length_row.addStretch(1)

        self.fps = QDoubleSpinBox()
        self.fps.setRange(animation.MIN_FPS, animation.MAX_FPS)
        self.fps.setDecimals(1)
        self.fps.setValue(o.fps)
        self.fps.setSuffix(self.tr(" frames a second"))
        self.fps.setToolTip(self.tr("GIF delays are whole hundredths of a second: 1/fps is rounded to the nearest"))
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, value in ((self.width_box, o.size[0]), (self.height_box, o.size[1])):
            box.setRange(animation.MIN_SIDE, animation.MAX_SIDE)
            box.setSuffix(" px")
            box.setValue(value)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        size_row.addStretch(1)
        self.caption = QCheckBox(fill(self.tr('Caption line: the phase, e.g. "%1"'), micro_steps(2)[3].describe(2)))
        self.caption.setChecked(o.caption)

        self.path_edit = QLineEdit(path)
        self.path_edit.setMinimumWidth(320)
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("recordError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        self.buttons = ok_cancel(self, self.tr("Start recording"))

        form = QFormLayout(self)
        form.addRow(self.tr("Record"), self.show_box)
        form.addRow(self.tr("A frame"), every_row)
        form.addRow(self.tr("Length"), length_row)
        form.addRow(self.tr("Frame rate"), self.fps)
        form.addRow(self.tr("Size"), size_row)
        form.addRow("", self.caption)
        form.addRow(self.tr("File"), path_row)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.frames.setEnabled(self.stop_after.isChecked())
        self.stop_after.toggled.connect(self.frames.setEnabled)
        self.frames.valueChanged.connect(lambda _: self.stop_after.setChecked(True))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Record to"), self.path_edit.text(),
                                              translate("RecordDialog", FILTERS))
        if path:
            self.path_edit.setText(path)

    def options(self) -> RecordOptions:
        return RecordOptions(show=self.show_box.currentData(), unit=self.unit_box.currentData(),
                             every=self.every.value(),
                             frames=self.frames.value() if self.stop_after.isChecked() else None,
                             fps=self.fps.value(), size=(self.width_box.value(), self.height_box.value()),
                             caption=self.caption.isChecked())

    @property
    def path(self) -> str:
        """The file name, .gif added when it has no extension."""
        text = self.path_edit.text().strip()
        if not text:
            return ""
        return str(Path(text).expanduser()) + (".gif" if not Path(text).suffix else "")

    def accept(self) -> None:
        """Start only with a file that can be written: otherwise one line says why."""
        try:
            if not self.path:
                raise animation.AnimationError(self.tr("choose a file to record to"))
            animation.check_output(self.path)
            folder = Path(self.path).parent
            if not folder.is_dir():
                raise animation.AnimationError(fill(self.tr("the folder %1 does not exist"), folder))
        except animation.AnimationError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()

