"""The surface panel's controls: the two axes, follow the canvas, slice or plane, the
cross-section's line, train only these two, log colours, and the Fit, Range, Fork and
Sweep buttons."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nnviz.core.words import N_, fill, translate
from nnviz.gui.panels.surface.cross_section import ALONG

MODES = (("slice", N_("SurfaceControls", "Slice through the current point")),
         ("plane", N_("SurfaceControls", "Plane of the trajectory")))


class SurfaceControls(QWidget):
    """Three rows of controls; the panel wires them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis_a = QComboBox()
        self.axis_b = QComboBox()
        for box, tip in ((self.axis_a, self.tr("The parameter across (x); also the cross-section's axis")),
                         (self.axis_b, self.tr("The parameter up (y)"))):
            box.setToolTip(tip)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
        self.follow_box = QCheckBox(self.tr("Follow canvas"))
        self.follow_box.setChecked(True)
        self.follow_box.setToolTip(self.tr("Click two weights or biases on the network: they become the axes "
                                           "(the first clicked across, the second up)"))
        self.mode_box = QComboBox()
        for key, text in MODES:
            self.mode_box.addItem(translate("SurfaceControls", text), key)
        self.mode_box.setToolTip(self.tr("Slice: the loss over the two parameters, all others at their current "
                                         "values.\nPlane of the trajectory: the loss over the plane through the "
                                         "current point spanned by the two main directions of the path so far "
                                         "(Li et al. 2018), with the path projected onto it."))
        self.section_box = QComboBox()
        for key, text in ALONG:
            self.section_box.addItem(translate("SurfaceControls", text), key)
        self.section_box.setToolTip(self.tr("The cross-section under the heat map: the loss along the first axis, or "
                                            "along the steepest eigen-direction of the curvature over the two axes "
                                            "through the current point, where a zig-zag bounces from wall to wall "
                                            "(slices only)"))
        self.section_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section_box.setMinimumContentsLength(12)
        self.train_only_box = QCheckBox(self.tr("Train only these two"))
        self.train_only_box.setToolTip(self.tr("Freeze every other parameter, so that the path lies exactly on "
                                               "the surface; unchecking restores what was frozen before"))
        self.log_box = QCheckBox(self.tr("Log colours"))
        self.log_box.setToolTip(self.tr("Colour by log10 of the loss (shows the valley floor)"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit the range to the path, the current point and the dashed look-ahead "
                                           "(unless it diverges), and keep following the path"))
        self.range_button = QPushButton(self.tr("Range…"))
        self.range_button.setToolTip(self.tr("Set the range by hand"))
        self.fork_button = QPushButton(self.tr("Fork…"))
        self.fork_button.setToolTip(self.tr("Train a copy of the current state with another learning rate, "
                                            "optimizer, batch mode or loss alongside the main run (up to three "
                                            "at once, each in its own colour)"))
        self.unfork_button = QPushButton(self.tr("Remove forks"))
        self.unfork_button.setToolTip(self.tr("Remove every fork (✕ beside a fork in the list under the plots "
                                              "removes that one)"))
        self.unfork_button.setVisible(False)
        self.sweep_button = QPushButton(self.tr("Sweep…"))
        self.sweep_button.setToolTip(self.tr("Learning-rate sweep: train copies at many rates and compare"))
        buttons = (self.fit_button, self.range_button, self.fork_button, self.unfork_button, self.sweep_button)
        for b in buttons:
            b.setAutoDefault(False)
        for w in (*buttons, self.axis_a, self.axis_b, self.follow_box, self.mode_box, self.section_box,
                  self.train_only_box, self.log_box):
            w.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the arrow keys and Space keep stepping the network

        row1 = QHBoxLayout()
        row1.setSpacing(4)
        row1.addWidget(QLabel("x"))
        row1.addWidget(self.axis_a, 1)
        row1.addWidget(QLabel("y"))
        row1.addWidget(self.axis_b, 1)
        row1.addWidget(self.follow_box)
        row2 = QHBoxLayout()
        row2.setSpacing(6)
        row2.addWidget(self.mode_box, 1)
        row2.addWidget(self.train_only_box)
        row3 = QHBoxLayout()
        row3.setSpacing(4)
        row3.addWidget(self.section_box, 1)
        row3.addWidget(self.log_box)
        row4 = QHBoxLayout()
        row4.setSpacing(4)
        row4.addStretch(1)
        for b in buttons:
            row4.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for row in (row1, row2, row3, row4):
            layout.addLayout(row)

    def fill_axes(self, net, frozen: frozenset) -> None:
        """Every parameter of ``net`` in both axis boxes, the frozen ones marked."""
        for box in (self.axis_a, self.axis_b):
            with QSignalBlocker(box):
                box.clear()
                for p in net.params():
                    shown = net.display_name(p)
                    text = p.name if shown == p.name else f"{shown}  [{p.name}]"
                    box.addItem(fill(self.tr("%1  (frozen)"), text) if p.name in frozen else text, p.name)

    def show_axes(self, axes: tuple[str, str]) -> None:
        for box, name in zip((self.axis_a, self.axis_b), axes):
            with QSignalBlocker(box):
                box.setCurrentIndex(box.findData(name))
