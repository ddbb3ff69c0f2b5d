"""The Session: the window's model. It holds the current Trainer and what the user is
looking at (selection, focused sample, timeline position, edge colouring), runs Play in
time slices, and turns the core's plain-Python events into Qt signals.

Views take the Session in their constructor, connect to its signals and read the
Trainer; they never train. Core events are coalesced: however many micro-steps run in
one turn of the event loop, ``stateChanged`` fires once, so Play redraws at frame rate.
"""

from __future__ import annotations

import math
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from nnviz.core import presets
from nnviz.core.trainer import UNITS, Trainer, TrainingError
from nnviz.io import snapshot

EDGE_MODES = ("auto", "weights", "gradients", "updates")
FAST_PLAY = math.inf  # steps per second meaning "as fast as the machine goes"
_SLICE_SECONDS = 0.012  # work per Play tick, leaving the rest of a 60 Hz frame to drawing
_MAX_SLICE_SECONDS = 0.25  # the window answers within this even when drawing is slow
_TICK_MS = 16


class Subscriptions:
    """A view's connections to the Session's signals, made one by one and undone together
    when the view closes, so that a closed view is never called again."""

    def __init__(self) -> None:
        self._pairs: list = []

    def connect(self, signal, slot) -> None:
        signal.connect(slot)
        # Weakly: a strong bound method would tie the view to itself in a cycle, and a
        # widget freed by the cycle collector at a random moment can crash Qt.
        self._pairs.append((signal, weakref.WeakMethod(slot)))

    @property
    def active(self) -> bool:
        return bool(self._pairs)

    def disconnect_all(self) -> bool:
        """Undo every connection; False when there was none (already closed)."""
        pairs, self._pairs = self._pairs, []
        for signal, ref in pairs:
            slot = ref()
            if slot is not None:
                signal.disconnect(slot)
        return bool(pairs)


@dataclass(frozen=True)
class Selection:
    """A selected parameter (``param`` = 'W2[0,1]') or neuron (``layer``, ``unit``)."""

    param: str | None = None
    layer: int | None = None
    unit: int | None = None

    @property
    def is_param(self) -> bool:
        return self.param is not None


class Session(QObject):
    trainerReplaced = Signal()  # a different Trainer: views rebuild everything
    stateChanged = Signal()  # weights, values, cursor or iteration changed
    settingsChanged = Signal(str)  # the name of the setting
    statusChanged = Signal(str, str)  # "ready"/"diverged", message
    selectionChanged = Signal()
    sampleChanged = Signal(int)
    edgeModeChanged = Signal(str)
    timelineChanged = Signal()  # the iteration shown changed (or back to live)
    playingChanged = Signal(bool)
    message = Signal(str)  # one line for the status bar

    def __init__(self, trainer: Trainer, path: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._trainer: Trainer | None = None
        self.path: str | None = None
        self.selection: Selection | None = None
        self.selected_params: list[str] = []  # the last two parameters clicked, oldest first
        self.sample = 0
        self.edge_mode = "auto"
        self.view_iteration: int | None = None  # None: live; else an iteration of the past
        self.play_unit = "iteration"
        self.play_speed = 10.0  # units per second, FAST_PLAY for "max"
        self.until_loss: float | None = None
        self.max_iterations: int | None = None
        self._pending = False
        self._play_timer = QTimer(self)
        self._play_timer.timeout.connect(self._tick)
        self._play_credit = 0.0
        self._last_tick = 0.0
        self._slice_end = 0.0
        self.set_trainer(trainer, path)

    # ------------------------------------------------------------- the trainer
    @property
    def trainer(self) -> Trainer:
        return self._trainer

    def close(self) -> None:
        """Stop Play and stop listening to the trainer (which lives on)."""
        self.pause()
        old = self._trainer
        if old is not None:
            for sig in (old.weights_changed, old.iteration_finished, old.state_restored):
                sig.disconnect(self._on_core_changed)
            old.settings_changed.disconnect(self._on_core_settings_changed)
            old.status_changed.disconnect(self._on_core_status_changed)

    def set_trainer(self, trainer: Trainer, path: str | None = None) -> None:
        self.close()
        self._trainer = trainer
        self.path = path
        for sig in (trainer.weights_changed, trainer.iteration_finished, trainer.state_restored):
            sig.connect(self._on_core_changed)
        trainer.settings_changed.connect(self._on_core_settings_changed)
        trainer.status_changed.connect(self._on_core_status_changed)
        self.selection = None
        self.selected_params = []
        self.sample = 0
        self.view_iteration = None
        self._pending = False
        self.trainerReplaced.emit()
        self.stateChanged.emit()

    def load_preset(self, name: str) -> None:
        self.set_trainer(presets.load(name))
        self.message.emit(f"New network from the preset {name}: {presets.DESCRIPTIONS[name]}")

    def open_snapshot(self, path: str) -> None:
        """Load ``path``; on a bad file raise SnapshotError and keep the current network."""
        trainer = snapshot.load(path)
        self.set_trainer(trainer, str(path))
        self.message.emit(f"Opened {Path(path).name}: iteration {trainer.iteration}")

    def save_snapshot(self, path: str) -> None:
        """Save atomically; raise SnapshotError when it cannot be written (nothing is lost)."""
        snapshot.save(self._trainer, path)
        self.path = str(path)
        self.message.emit(f"Saved {Path(path).name}")

    # --------------------------------------------------------- core -> Qt
    def _on_core_changed(self, *args) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.flush)

    def flush(self, force: bool = False) -> None:
        """Emit ``stateChanged`` now if the core changed since the last emission."""
        if self._pending or force:
            self._pending = False
            self._clamp_sample()
            self.stateChanged.emit()

    def _on_core_settings_changed(self, name: str, value) -> None:
        self.settingsChanged.emit(name)

    def _on_core_status_changed(self, status: str, message: str) -> None:
        self.statusChanged.emit(status, message)
        if status == "diverged":
            self.pause()
            self.message.emit(f"Training diverged: {message}. Step back, reset or lower the learning rate.")

    def _clamp_sample(self) -> None:
        n = self.batch_rows()
        if self.sample >= n:
            self.sample = 0
            self.sampleChanged.emit(0)

    # -------------------------------------------------------------- actions
    def step(self, unit: str = "micro") -> bool:
        """One step of ``unit``; False (with a message) when the trainer refuses."""
        if unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}")
        try:
            self._trainer.step(unit)
        except TrainingError as exc:
            self.message.emit(str(exc))
            return False
        self.flush(force=True)
        return self._trainer.status != "diverged"

    def back(self, n: int = 1) -> bool:
        try:
            self._trainer.back(n)
        except TrainingError as exc:
            self.message.emit(str(exc))
            return False
        self.flush()
        return True

    def reset(self) -> None:
        self.pause()
        self.view_iteration = None
        self._trainer.reset()
        self.timelineChanged.emit()
        self.flush()
        self.message.emit("Reset to the initial weights")

    def set_learning_rate(self, value: float) -> None:
        try:
            self._trainer.configure(learning_rate=float(value))
        except ValueError as exc:
            self.message.emit(str(exc))

    def edit_parameter(self, name: str, value: float) -> bool:
        try:
            self._trainer.set_parameter(name, value)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        self.flush()
        self.message.emit(f"{self._trainer.network.display_name(self._trainer.network.parse_param(name))} "
                          f"set to {value:g} (Step back undoes it)")
        return True

    def freeze(self, names, frozen: bool = True) -> bool:
        """Freeze (or unfreeze) the parameters ``names`` (canonical or display names):
        training leaves a frozen one unchanged. The status bar says so; a bad name gives a
        message and changes nothing (False)."""
        t = self._trainer
        names = list(names)
        try:
            t.freeze(names, frozen)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        net = t.network
        what = net.display_name(net.parse_param(str(names[0]))) if len(names) == 1 else f"{len(names)} parameters"
        self.message.emit(f"{what} {'frozen: training leaves it unchanged' if frozen else 'unfrozen'}")
        return True

    def freeze_biases(self, frozen: bool = True) -> None:
        """Freeze (or unfreeze) every bias; the status bar says so."""
        self._trainer.freeze_biases(frozen)
        self.message.emit("All biases frozen: training leaves them unchanged" if frozen else "All biases unfrozen")

    # ------------------------------------------------------------ what is shown
    def select_param(self, name: str | None) -> None:
        if name is None:
            self.selection = None
        else:
            name = self._trainer.network.parse_param(name).name
            self.selection = Selection(param=name)
            if name in self.selected_params:
                self.selected_params.remove(name)
            self.selected_params = (self.selected_params + [name])[-2:]
        self.selectionChanged.emit()

    def select_neuron(self, layer: int, unit: int) -> None:
        self.selection = Selection(layer=layer, unit=unit)
        self.selectionChanged.emit()

    def clear_selection(self) -> None:
        self.selection = None
        self.selectionChanged.emit()

    def batch_rows(self) -> int:
        v = self._trainer.values
        return v.inputs.shape[0] if v.inputs is not None else self._trainer.batch_size

    def set_sample(self, index: int) -> None:
        index = int(np.clip(index, 0, max(self.batch_rows() - 1, 0)))
        if index != self.sample:
            self.sample = index
            self.sampleChanged.emit(index)

    def set_edge_mode(self, mode: str) -> None:
        if mode not in EDGE_MODES:
            raise ValueError(f"edge mode must be one of {EDGE_MODES}")
        if mode != self.edge_mode:
            self.edge_mode = mode
            self.edgeModeChanged.emit(mode)

    # -------------------------------------------------------------- timeline
    @property
    def first_iteration(self) -> int:
        """The oldest iteration the timeline can show."""
        return self._trainer.trajectory_start

    def set_view_iteration(self, iteration: int | None) -> None:
        """Show the network as it was after ``iteration`` updates (None: live)."""
        t = self._trainer
        if iteration is not None:
            iteration = int(np.clip(iteration, self.first_iteration, t.iteration))
            if iteration == t.iteration:
                iteration = None
        if iteration != self.view_iteration:
            self.view_iteration = iteration
            self.timelineChanged.emit()

    @property
    def viewing_past(self) -> bool:
        return self.view_iteration is not None

    def display_parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """(weights, biases) as shown: live, or from the trajectory when scrubbing."""
        t = self._trainer
        if self.view_iteration is None:
            return t.network.weights, t.network.biases
        flat = t.trajectory[self.view_iteration - t.trajectory_start]
        probe = t.network.copy()
        probe.set_flat(flat)
        return probe.weights, probe.biases

    def resume_from_view(self) -> bool:
        """Discard the iterations after the one shown and carry on from there."""
        if self.view_iteration is None:
            return True
        t = self._trainer
        n = (t.iteration - self.view_iteration) * len(t.steps) + t.cursor
        try:
            t.back(n)
        except TrainingError:
            self.message.emit("That point is older than the kept step history; "
                              "only the recent iterations can be resumed")
            return False
        self.view_iteration = None
        self.timelineChanged.emit()
        self.flush(force=True)
        return True

    # ------------------------------------------------------------------ Play
    @property
    def playing(self) -> bool:
        return self._play_timer.isActive()

    def set_play_unit(self, unit: str) -> None:
        if unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}")
        self.play_unit = unit

    def set_play_speed(self, per_second: float) -> None:
        self.play_speed = per_second
        if self.playing:
            self._play_timer.setInterval(self._interval())

    def _interval(self) -> int:
        if self.play_speed == FAST_PLAY or self.play_speed >= 1000 / _TICK_MS:
            return _TICK_MS
        return max(_TICK_MS, int(1000 / self.play_speed))

    def play(self) -> bool:
        if self.playing:
            return True
        if self._trainer.status == "diverged":
            self.message.emit(f"{self._trainer.status_message}: reset, step back or change the learning rate")
            return False
        if self.view_iteration is not None and not self.resume_from_view():
            return False
        self._play_credit = 0.0
        self._last_tick = time.perf_counter()
        self._slice_end = 0.0
        self._play_timer.start(self._interval())
        self.playingChanged.emit(True)
        return True

    def pause(self) -> None:
        if self._play_timer.isActive():
            self._play_timer.stop()
            self.flush()
            self.playingChanged.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def _tick(self) -> None:
        t = self._trainer
        now = time.perf_counter()
        # Train longer than the window spent drawing since the last slice, so that Play
        # keeps well over half of the headless speed however slow the redraw.
        drawing = now - self._slice_end if self._slice_end else 0.0
        deadline = now + min(max(_SLICE_SECONDS, 2.0 * drawing), _MAX_SLICE_SECONDS)
        if self.play_speed == FAST_PLAY:
            budget = math.inf
        else:
            self._play_credit = min(self._play_credit + (now - self._last_tick) * self.play_speed,
                                    max(1.0, self.play_speed * 0.25))
            budget = math.floor(self._play_credit) if self._interval() == _TICK_MS else 1
        self._last_tick = now
        done = 0
        try:
            if self.play_unit == "iteration" and budget > 1:
                limit = self._iterations_allowed(budget)
                result = t.run(limit, self.until_loss,
                               should_stop=lambda: time.perf_counter() > deadline)
                done = result.iterations
                if result.reason == "until_loss":
                    self._stop_with(f"Stopped: the loss fell below {self.until_loss:g}")
            else:
                while done < budget and time.perf_counter() < deadline:
                    t.step(self.play_unit)
                    done += 1
                    if t.status == "diverged" or self._check_rules():
                        break
        except TrainingError as exc:
            self._stop_with(str(exc))
        self._play_credit = max(0.0, self._play_credit - done)
        self._slice_end = time.perf_counter()  # what follows (views updating, painting) is drawing
        if self.max_iterations is not None and t.iteration >= self.max_iterations:
            self._stop_with(f"Stopped: reached {self.max_iterations} iterations")
        self.flush(force=done > 0)

    def _iterations_allowed(self, budget: float) -> int:
        limit = 10**9 if budget == math.inf else int(budget)
        if self.max_iterations is not None:
            limit = min(limit, max(self.max_iterations - self._trainer.iteration, 0))
        return limit

    def _check_rules(self) -> bool:
        t = self._trainer
        if (self.until_loss is not None and t.cursor == 0 and t.loss_history
                and t.loss_history[-1] < self.until_loss):
            self._stop_with(f"Stopped: the loss fell below {self.until_loss:g}")
            return True
        return False

    def _stop_with(self, text: str) -> None:
        self.pause()
        self.message.emit(text)
