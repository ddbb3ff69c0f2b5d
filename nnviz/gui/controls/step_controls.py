"""The step controller: Reset, Step back, Next micro-step, Finish phase, Finish iteration,
Play/Pause with its speed and granularity, and an indicator of where the iteration stands."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMessageBox, QSlider, QToolButton,
                               QVBoxLayout, QWidget)

from nnviz.core.network import Param
from nnviz.core.trainer import MicroStep, Trainer
from nnviz.core.words import N_, T_, fill, shown, translate
from nnviz.app.session import FAST_PLAY, FRAME_PLAY
from nnviz.gui.controls.lr_slider import LearningRateControl
from nnviz.gui.widgets import icons
from nnviz.gui.widgets.session_view import SessionView

PLAY_UNITS = [("micro", N_("StepControls", "micro-step")), ("phase", N_("StepControls", "phase")),
              ("iteration", N_("StepControls", "iteration")), ("epoch", N_("StepControls", "epoch"))]
SPEED_STEPS = 100  # slider positions: 0.5 per second .. 500 per second, then "max"
_SPEED_LOW, _SPEED_HIGH = 0.5, 500.0


def speed_from_position(position: int, frame_rate: float = 60.0) -> float | str:
    """Positions 0 .. SPEED_STEPS - 1 are 0.5 .. 500 per second, but the position of
    ``frame_rate`` is FRAME_PLAY (one step per frame of the screen); SPEED_STEPS is "max"."""
    if position >= SPEED_STEPS:
        return FAST_PLAY
    if position == position_from_speed(frame_rate):
        return FRAME_PLAY
    exponent = math.log10(_SPEED_LOW) + (math.log10(_SPEED_HIGH) - math.log10(_SPEED_LOW)) * position / (SPEED_STEPS - 1)
    return float(f"{10 ** exponent:.2g}")


def position_from_speed(speed: float | str, frame_rate: float = 60.0) -> int:
    if speed == FAST_PLAY:
        return SPEED_STEPS
    if speed == FRAME_PLAY:
        speed = frame_rate
    speed = min(max(speed, _SPEED_LOW), _SPEED_HIGH)
    return round((math.log10(speed) - math.log10(_SPEED_LOW))
                 / (math.log10(_SPEED_HIGH) - math.log10(_SPEED_LOW)) * (SPEED_STEPS - 1))


def layer_members(trainer: Trainer, step: MicroStep) -> str:
    """What a micro-step touches, in the network's names: 'h1 h2' or 'w5..w8'."""
    net = trainer.network
    if step.layer is None:
        return ""
    l = step.layer
    if step.phase == "update":
        first = net.display_name(Param("W", l, 0, 0))
        last = net.display_name(Param("W", l, net.sizes[l] - 1, net.sizes[l - 1] - 1))
        return f"{first}..{last}"
    names = [net.neuron_name(l, j) or f"a[{l}][{j}]" for j in range(net.sizes[l])]
    return " ".join(names) if len(names) <= 4 else f"{names[0]}..{names[-1]}"


def describe(trainer: Trainer, step: MicroStep) -> str:
    members = layer_members(trainer, step)
    text = step.describe(trainer.network.n_layers)
    return f"{text} · {members}" if members else text


def phase_text(trainer: Trainer) -> str:
    """The phase indicator's words: where the iteration stands after the last step."""
    last = trainer.last_step
    if last is None:
        return T_("StepControls", "Ready")
    if trainer.cursor == 0:
        return T_("StepControls", "Iteration %1 done", trainer.iteration)
    return describe(trainer, last)


class StepControls(SessionView, QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("stepControls")
        self.reset_button = self._button("reset", self.tr("Reset"), self.tr("Back to the initial weights"))
        self.back_button = self._button("back", self.tr("Step back"), self.tr("Undo the last micro-step (Left)"))
        self.next_button = self._button("next", self.tr("Next"), self.tr("Next micro-step (Right)"))
        self.phase_button = self._button("phase", self.tr("Finish phase"),
                                         self.tr("Run to the end of the current phase"))
        self.iteration_button = self._button("iteration", self.tr("Finish iteration"),
                                             self.tr("Run to the end of the iteration"))
        self.play_button = self._button("play", self.tr("Play"), self.tr("Play / pause (Space)"))
        self.play_button.setCheckable(True)
        self.record_button = self._button("record", self.tr("Record"),
                                          self.tr("Record what you do as an animated GIF or MP4 (File ▸ Record…); "
                                                  "press again to stop"))
        self.record_button.setCheckable(True)

        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, SPEED_STEPS)
        self.speed.setFixedWidth(120)
        self.speed.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.speed.setToolTip(fill(self.tr("Play speed: steps per second; “screen”: one step per frame "
                                           "the screen shows (%1 a second), the default; right end: as fast as "
                                           "possible"), f"{session.frame_rate:g}"))
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(52)
        self.unit_box = QComboBox()
        for key, label in PLAY_UNITS:
            self.unit_box.addItem(translate("StepControls", label), key)
        self.unit_box.setToolTip(self.tr("What one Play step runs"))
        self.unit_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.phase_label = QLabel()
        font = self.phase_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        self.phase_label.setFont(font)
        self.next_label = QLabel()
        self.counter_label = QLabel()
        self.loss_label = QLabel()
        self.loss_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.learning_rate = LearningRateControl(session)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for b in (self.reset_button, self.back_button, self.next_button, self.phase_button,
                  self.iteration_button, self.play_button, self.record_button):
            buttons.addWidget(b)
        buttons.addSpacing(8)
        buttons.addWidget(QLabel(self.tr("speed")))
        buttons.addWidget(self.speed)
        buttons.addWidget(self.speed_label)
        buttons.addWidget(QLabel(self.tr("by")))
        buttons.addWidget(self.unit_box)
        buttons.addStretch(1)
        buttons.addWidget(self.counter_label)

        status = QHBoxLayout()
        status.setSpacing(12)
        status.addWidget(self.phase_label)
        status.addWidget(self.next_label)
        status.addStretch(1)
        status.addWidget(self.loss_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.learning_rate)
        layout.addLayout(status)

        self.reset_button.clicked.connect(session.reset)
        self.back_button.clicked.connect(lambda: session.back())
        self.next_button.clicked.connect(lambda: self.step("micro"))
        self.phase_button.clicked.connect(lambda: self.step("phase"))
        self.iteration_button.clicked.connect(lambda: self.step("iteration"))
        self.play_button.clicked.connect(self._on_play_clicked)
        self.speed.valueChanged.connect(self._on_speed_moved)
        self.unit_box.currentIndexChanged.connect(
            lambda i: session.set_play_unit(self.unit_box.itemData(i)))

        self.speed.setValue(self.position_of(session.play_speed))
        self.unit_box.setCurrentIndex([k for k, _ in PLAY_UNITS].index(session.play_unit))
        self._on_speed_moved(self.speed.value())
        self._on_state_changed()

    def _button(self, icon_name: str, text: str, tip: str) -> QToolButton:
        b = QToolButton()
        b.setIcon(icons.icon(icon_name))
        b.setText(text)
        b.setToolTip(tip)
        b.setIconSize(QSize(20, 20))
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.setAutoRaise(False)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return b

    # ------------------------------------------------------------ actions
    def step(self, unit: str) -> bool:
        if self.session.viewing_past and not self.confirm_resume():
            return False
        if not self.session.resume_from_view():
            return False
        return self.session.step(unit)

    def confirm_resume(self) -> bool:
        """Ask before discarding the iterations after the one the timeline shows."""
        t = self.session.trainer
        k = self.session.view_iteration
        answer = QMessageBox.question(
            self, self.tr("Continue from the past?"),
            fill(self.tr("The timeline shows iteration %1. Continuing from there discards iterations %2..%3. "
                         "Continue?"), k, k + 1, t.iteration))
        return answer == QMessageBox.StandardButton.Yes

    def toggle_play(self) -> None:
        """Play or pause, as the Space key does."""
        self._on_play_clicked()

    def _on_play_clicked(self) -> None:
        if self.session.playing:
            self.session.pause()
            return
        if self.session.viewing_past and not self.confirm_resume():
            self.play_button.setChecked(False)
            return
        if not self.session.play():
            self.play_button.setChecked(False)

    def position_of(self, speed: float | str) -> int:
        """The speed slider's position for ``speed`` (a number a second, FAST_PLAY or FRAME_PLAY)."""
        return position_from_speed(speed, self.session.frame_rate)

    def _on_speed_moved(self, position: int) -> None:
        speed = speed_from_position(position, self.session.frame_rate)
        self.session.set_play_speed(speed)
        self.speed_label.setText(self.tr("max") if speed == FAST_PLAY else self.tr("screen") if speed == FRAME_PLAY
                                 else fill(self.tr("%1/s"), f"{speed:g}"))

    # ------------------------------------------------------------- display
    def show_recording(self, recording: bool) -> None:
        """The record button: Record, or a red Stop while recording."""
        self.record_button.setChecked(recording)
        self.record_button.setText(self.tr("Stop") if recording else self.tr("Record"))
        self.record_button.setIcon(icons.icon("stop" if recording else "record"))

    def _on_playing_changed(self, playing: bool) -> None:
        self.play_button.setChecked(playing)
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setIcon(icons.icon("pause" if playing else "play"))

    def _on_status_changed(self, status: str, message: str) -> None:
        self._on_state_changed()

    def _on_trainer_replaced(self) -> None:
        self._on_state_changed()

    def _on_timeline_changed(self) -> None:
        self._on_state_changed()

    def _on_settings_changed(self, name: str) -> None:
        if name == "digits":
            self._on_state_changed()

    def _on_state_changed(self) -> None:
        t = self.session.trainer
        f = self.session.formatter
        self.phase_label.setText(phase_text(t))
        self.next_label.setText(fill(self.tr("next: %1"), describe(t, t.next_step)))
        counter = fill(self.tr("iteration %1"), t.iteration + (1 if t.cursor else 0))
        if t.batch_size < t.n_samples:
            counter += " · " + T_("StepControls", "%n epochs done", n=t.epoch)
        self.counter_label.setText(counter)
        v = t.values
        if t.status == "diverged":
            self.loss_label.setText(fill(self.tr("diverged: %1"), shown(t.status_message)))
        elif v.loss is not None:
            self.loss_label.setText(fill(self.tr("loss %1"), f.num(v.loss)))
        elif t.iteration:
            self.loss_label.setText(fill(self.tr("loss %1 (current weights)"), f.num(t.evaluate_loss())))
        else:
            self.loss_label.setText(fill(self.tr("loss %1 (before training)"), f.num(t.evaluate_loss())))
        self.back_button.setEnabled(t.can_step_back)
