"""The Session: the window's model, in plain Python (no Qt).

It holds the main Trainer and what the user looks at (selection, focused sample,
timeline position, edge colouring), the follower runs (up to three forks, a race), the stopping
rules and the initialisation lesson, and the job runner for background work. Every
command of the window goes through it: views never set a Trainer field themselves.

It tells listeners through plain-Python events (``nnviz.core.events.Signal``); the Qt
adapter (``nnviz.gui.qt_session``) turns them into Qt signals. The core's events are
coalesced: however many micro-steps run, ``state_changed`` fires once per ``flush()``;
the adapter flushes once per turn of the event loop, commands flush when they are done.

Play and the stopping rules are in ``nnviz.app.play`` (the mixin ``Playing``): time-sliced,
``tick()`` trains for a slice of time, then advances the followers and the sliced jobs.
Time comes from ``clock``, which tests replace with their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from nnviz.app.jobs import JobRunner, RaceRequest
from nnviz.app.marks import MarksCache
from nnviz.app.play import FAST_PLAY, FRAME_PLAY, FRAME_RATE, Playing  # noqa: F401 (views import them from here)
from nnviz.app import runs
from nnviz.app.runs import MAX_FORKS, Fork, RaceRun
from nnviz.core import presets
from nnviz.core.analysis.explain import Formatter
from nnviz.core.analysis.regimes import Marks
from nnviz.core.events import Signal
from nnviz.core.network import Network
from nnviz.core.trainer import UNITS, Trainer, TrainingError
from nnviz.core.words import N_, T_, shown, translate
from nnviz.io import snapshot
from nnviz.io.files import shown_name

EDGE_MODES = ("auto", "weights", "gradients", "updates")
DIGITS = 4  # the window's numbers: decimal places (``Formatter``), until the user chooses
LESSONS = {
    "zeros": N_("Session", "zeros: every hidden unit stays identical for ever"),
    "large": N_("Session", "large: sigmoids saturate, gradients vanish"),
}


@dataclass(frozen=True)
class Selection:
    """A selected parameter (``param`` = 'W2[0,1]') or neuron (``layer``, ``unit``)."""

    param: str | None = None
    layer: int | None = None
    unit: int | None = None

    @property
    def is_param(self) -> bool:
        return self.param is not None


class Session(Playing):
    """The window's model; see the module notes. Events (connect with ``.connect(fn)``):

    trainer_replaced()        a different Trainer: views rebuild everything
    state_changed()           weights, values, cursor or iteration changed (coalesced)
    settings_changed(name)    a Trainer setting, "stop_rules" or "digits"
    status_changed(status, message)
    selection_changed()       sample_changed(index)      edge_mode_changed(mode)
    hover_changed()           the item under the mouse (``hover``) changed
    timeline_changed()        playing_changed(playing)
    runs_changed(name)        "fork" (any of the forks) or "race": started, advanced, finished or removed
    message(text)             one line for the status bar
    pending()                 the core changed since the last flush (the adapter flushes later)
    work_changed()            Play or a follower started or stopped: the timer checks wants_ticks
    """

    def __init__(self, trainer: Trainer, path: str | None = None, *,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.jobs = JobRunner(clock=clock)
        for name in ("trainer_replaced", "state_changed", "settings_changed", "status_changed",
                     "selection_changed", "hover_changed", "sample_changed", "edge_mode_changed", "timeline_changed",
                     "playing_changed", "runs_changed", "message", "pending", "work_changed"):
            setattr(self, name, Signal())
        self.jobs.slices_changed = self.work_changed.emit
        self._trainer: Trainer | None = None
        self.path: str | None = None
        self.selection: Selection | None = None
        self.hover: Selection | None = None  # the item under the mouse, in any view
        self.selected_params: list[str] = []  # the last two parameters clicked, oldest first
        self.sample = 0
        self.edge_mode = "auto"
        self.view_iteration: int | None = None  # None: live; else an iteration of the past
        self.play_unit = "iteration"
        self.play_speed: float | str = FRAME_PLAY  # units per second, FAST_PLAY ("max") or FRAME_PLAY
        self.frame_rate = FRAME_RATE
        self.digits = DIGITS
        self.formatter = Formatter(DIGITS)  # the one rule for the numbers every view writes
        self.until_loss: float | None = None
        self.max_iterations: int | None = None
        self.forks: list[Fork] = []  # oldest first, at most MAX_FORKS
        self.race_run: RaceRun | None = None
        self._fork_behind = False
        self._before_lesson = None  # (initial parameters, scheme, seed) before a lesson
        self._pending = False
        self._playing = False
        # Play uses every frame: the last slice used all its time, or Play steps once a frame
        # (the window is never idle; views redraw with the step, the costly ones less often)
        self.flat_out = False
        self._play_credit = 0.0
        self._last_tick = 0.0
        self._slice_end = 0.0
        self._drawing = 0.0  # the window's drawing time per frame, smoothed
        self.marks_cache = MarksCache()
        self.set_trainer(trainer, path)

    # ------------------------------------------------------------- the trainer
    @property
    def trainer(self) -> Trainer:
        return self._trainer

    def close(self) -> None:
        """Stop Play and the followers, and stop listening to the trainer (which lives on)."""
        self.pause()
        self.remove_forks()
        self.cancel_race()
        old = self._trainer
        if old is not None:
            for sig in (old.weights_changed, old.iteration_finished, old.state_restored):
                sig.disconnect(self._on_core_changed)
            old.settings_changed.disconnect(self._on_core_settings_changed)
            old.status_changed.disconnect(self._on_core_status_changed)

    def set_trainer(self, trainer: Trainer, path: str | None = None) -> None:
        self.close()
        self.race_run = None
        self._trainer = trainer
        self.path = path
        self.marks_cache.clear()
        for sig in (trainer.weights_changed, trainer.iteration_finished, trainer.state_restored):
            sig.connect(self._on_core_changed)
        trainer.settings_changed.connect(self._on_core_settings_changed)
        trainer.status_changed.connect(self._on_core_status_changed)
        self.selection = None
        self.hover = None
        self.selected_params = []
        self.sample = 0
        self.view_iteration = None
        self._before_lesson = None
        self._pending = False
        self.trainer_replaced.emit()
        self.state_changed.emit()

    def load_preset(self, name: str) -> None:
        self.set_trainer(presets.load(name))
        self.message.emit(T_("Session", "New network from the preset %1: %2", name,
                             translate("presets", presets.DESCRIPTIONS[name])))

    def open_snapshot(self, path: str) -> None:
        """Load ``path``; on a bad file raise SnapshotError and keep the current network."""
        trainer = snapshot.load(path)
        self.set_trainer(trainer, str(path))
        self.message.emit(T_("Session", "Opened %1: iteration %2", shown_name(path), trainer.iteration))

    def save_snapshot(self, path: str) -> None:
        """Save atomically; raise SnapshotError when it cannot be written (nothing is lost)."""
        snapshot.save(self._trainer, path)
        self.path = str(path)
        self.message.emit(T_("Session", "Saved %1", shown_name(path)))

    # ------------------------------------------------------------ core events
    def _on_core_changed(self, *args) -> None:
        if not self._pending:
            self._pending = True
            self.pending.emit()

    def flush(self, force: bool = False) -> None:
        """Emit ``state_changed`` now if the core changed since the last emission (the
        forks first catch up with the main run)."""
        if self._pending or force:
            self._pending = False
            self._clamp_sample()
            self._follow()
            self.state_changed.emit()

    def _on_core_settings_changed(self, name: str, value) -> None:
        self.settings_changed.emit(name)

    def _on_core_status_changed(self, status: str, message: str) -> None:
        self.status_changed.emit(status, message)
        if status == "diverged":
            self.pause()
            self.message.emit(T_("Session", "Training diverged: %1. Step back, reset or lower the learning rate.",
                                 shown(message)))

    def _clamp_sample(self) -> None:
        if self.sample >= self.batch_rows():
            self.sample = 0
            self.sample_changed.emit(0)

    # --------------------------------------------------------------- commands
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
        """Back to the initial weights. The forks that branched there start again with the
        run (the same settings, from the same start); those that branched later go."""
        self.pause()
        self.view_iteration = None
        self._trainer.reset()
        later = [f for f in self.forks if f.start > self._trainer.iteration]
        if self.forks:
            self.forks = [f.again(self._trainer) for f in self.forks if f not in later]
            self._set_fork_behind(False)
            self.runs_changed.emit("fork")
        self.timeline_changed.emit()
        self.flush()
        self.message.emit(T_("Session", "Reset to the initial weights; the forks that branched later are removed: %1",
                             ", ".join(f.label for f in later)) if later else T_("Session", "Reset to the initial weights"))

    def notify(self, text: str) -> None:
        """One line for the status bar."""
        self.message.emit(text)

    def configure(self, **changes) -> bool:
        """Change Trainer settings (``Trainer.configure``); False, with the core's reason
        as a message, when it refuses (nothing changes then)."""
        try:
            self._trainer.configure(**changes)
        except (ValueError, TypeError) as exc:
            self.message.emit(str(exc))
            return False
        return True

    def set_learning_rate(self, value: float) -> bool:
        return self.configure(learning_rate=float(value))

    def freeze(self, names: Iterable[str], frozen: bool = True) -> bool:
        """Freeze (or unfreeze) the parameters ``names`` (canonical or display names):
        training leaves a frozen one unchanged. The status bar says so; a bad name gives a
        message and changes nothing (False)."""
        names = list(names)
        try:
            self._trainer.freeze(names, frozen)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        net = self._trainer.network
        if len(names) == 1:
            what = net.display_name(net.parse_param(str(names[0])))
            text = (T_("Session", "%1 frozen: training leaves it unchanged", what) if frozen
                    else T_("Session", "%1 unfrozen", what))
        else:
            text = (T_("Session", "%n parameters frozen: training leaves them unchanged", n=len(names)) if frozen
                    else T_("Session", "%n parameters unfrozen", n=len(names)))
        self.message.emit(text)
        return True

    def freeze_biases(self, frozen: bool = True) -> bool:
        """Freeze (or unfreeze) every bias; the status bar says so."""
        try:
            self._trainer.freeze_biases(bool(frozen))
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        self.message.emit(T_("Session", "All biases frozen: training leaves them unchanged") if frozen
                          else T_("Session", "All biases unfrozen"))
        return True

    def edit_parameter(self, name: str, value: float) -> bool:
        """Set one parameter by hand (Step back undoes it); False, with a message, for a
        bad name or value."""
        return self.edit_parameters({name: value})

    def edit_parameters(self, values: dict[str, float], merge: bool = False) -> bool:
        """Set parameters by hand, all at once: one Step back undoes them (``merge``: joined
        to the edit just before, as the moves of a drag are). False, with a message, for a
        bad name or value; nothing changes then."""
        try:
            self._trainer.set_parameters(values, merge=merge)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        self.flush()
        net = self._trainer.network
        if len(values) == 1:
            (n, v), = values.items()
            text = T_("Session", "%1 set to %2 (Step back undoes it)", net.display_name(net.parse_param(n)), f"{v:g}")
        else:
            what = ", ".join(f"{net.display_name(net.parse_param(n))} = {v:g}" for n, v in values.items())
            text = T_("Session", "%1 (Step back undoes it)", what)
        self.message.emit(text)
        return True

    def regime_marks(self) -> Marks:
        """Where the trainer's steps start to zig-zag and to diverge, here and now
        (``regimes.regime_marks`` over every parameter that trains; computed once per
        state, see ``nnviz.app.marks``)."""
        return self.marks_cache.get(self._trainer)

    # ------------------------------------------------------------- lessons
    @property
    def lesson(self) -> str | None:
        """The initialisation lesson under way ('zeros' or 'large'), or None."""
        scheme = self._trainer.init_scheme
        return scheme if scheme in LESSONS else None

    def start_lesson(self, scheme: str) -> bool:
        """Start again from the ``scheme`` initialisation ('zeros' or 'large', drawn with
        the trainer's seed); ``end_lesson`` goes back to the weights from before."""
        if scheme not in LESSONS:
            raise ValueError(f"lesson must be one of {', '.join(LESSONS)}")
        t = self._trainer
        self.pause()
        self.set_view_iteration(None)
        if self.lesson is None or self._before_lesson is None:
            self._before_lesson = (t.initial, t.init_scheme, t.seed)
        try:
            t.reinitialise(t.seed, scheme)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        self.flush(force=True)
        self.message.emit(translate("Session", LESSONS[scheme]))
        return True

    def end_lesson(self) -> None:
        """Back to the initial weights from before the lesson."""
        t = self._trainer
        self.pause()
        self.set_view_iteration(None)
        if self._before_lesson is None:  # a network that started with a lesson's scheme
            t.reinitialise(t.seed, "uniform")
        else:
            (weights, biases, rng_state), scheme, seed = self._before_lesson
            t.set_initial(weights, biases, rng_state)
            t.init_scheme, t.seed = scheme, seed
            t.reset()
            self._before_lesson = None
        self.flush(force=True)
        self.message.emit(T_("Session", "Back to the initial weights from before the lesson"))

    # -------------------------------------------------------- follower runs
    @property
    def fork_run(self) -> Fork | None:
        """The newest fork, or None."""
        return self.forks[-1] if self.forks else None

    def fork(self, learning_rate: float, optimizer: str | None = None, *, batch: str | int | None = None,
             loss: str | None = None) -> bool:
        """Branch the current state with another rate, optimizer, batch mode or loss; the
        fork then trains along with the main run (to the same iteration). Beside
        MAX_FORKS forks, the new one replaces the oldest (the status line says so)."""
        t = self._trainer
        if t.status == "diverged":
            self.message.emit(T_("Session", "Cannot fork a diverged run: step back or reset first"))
            return False
        oldest = self.forks[0] if len(self.forks) >= MAX_FORKS else None
        free = [k for k in range(MAX_FORKS) if all(f.slot != k for f in self.forks if f is not oldest)]
        try:
            f = Fork(t, learning_rate, optimizer, batch, loss, slot=free[0])
        except ValueError as exc:
            self.message.emit(T_("Session", "Fork: %1", exc))
            return False
        self.forks = [g for g in self.forks if g is not oldest] + [f]
        self.runs_changed.emit("fork")
        extra = "".join(f", {what} {getattr(f.trainer, what)}" for what, given in (("batch", batch), ("loss", loss))
                        if given is not None)  # setting names and values: as typed, in any language
        text = T_("Session", "Forked at iteration %1: the fork trains at rate %2 with %3 alongside the main run",
                  t.iteration, f"{learning_rate:.4g}", f.trainer.optimizer.name + extra)
        if oldest is not None:
            text = T_("Session", "%1; it replaces the oldest fork (%2): at most %3 forks run at once",
                      text, oldest.label, MAX_FORKS)
        self.message.emit(text)
        return True

    def remove_fork(self, fork: Fork) -> None:
        """Remove one fork (nothing if it is gone already)."""
        if fork in self.forks:
            self.forks = [f for f in self.forks if f is not fork]
            if not self.forks:
                self._set_fork_behind(False)
            self.runs_changed.emit("fork")

    def remove_forks(self) -> None:
        if self.forks:
            self.forks = []
            self._set_fork_behind(False)
            self.runs_changed.emit("fork")

    def _set_fork_behind(self, behind: bool) -> None:
        if behind != self._fork_behind:
            self._fork_behind = behind
            self.work_changed.emit()  # the timer checks wants_ticks

    def _follow(self) -> None:
        if not self.forks:
            return
        share = max(1, runs.FORK_CHUNK // len(self.forks))  # a catch-up blocks no longer with more forks
        behind = changed = False
        for f in self.forks:
            before = (f.trainer.iteration, f.note)
            behind |= f.follow(self._trainer, share)
            changed |= (f.trainer.iteration, f.note) != before
        self._set_fork_behind(behind)
        if changed:
            self.runs_changed.emit("fork")

    def start_race(self, iterations: int) -> bool:
        """Race two copies of the current state, one per backprop mode."""
        t = self._trainer
        if self.race_run is not None and self.race_run.running:
            return False
        if t.status == "diverged":
            self.message.emit(T_("Session", "The trainer has diverged: reset or step back before a race."))
            return False
        request = RaceRequest(t, iterations)
        start, half_done = t.iteration, bool(t.cursor)
        self.race_run = None
        job = self.jobs.submit(request, on_progress=lambda job: self.runs_changed.emit("race"),
                               on_finished=lambda job: self.runs_changed.emit("race"))
        self.race_run = RaceRun(job, start, half_done)
        self.runs_changed.emit("race")
        return True

    def cancel_race(self) -> None:
        if self.race_run is not None and self.race_run.running:
            self.race_run.job.cancel()

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
        self.selection_changed.emit()

    def select_neuron(self, layer: int, unit: int) -> None:
        self.selection = Selection(layer=layer, unit=unit)
        self.selection_changed.emit()

    def clear_selection(self) -> None:
        self.selection = None
        self.selection_changed.emit()

    def set_hover(self, item: Selection | None) -> None:
        """The item under the mouse (a parameter or a neuron, as in a Selection; None when
        the mouse is over none): the inspector previews it, the canvas marks it."""
        if item is not None and item.is_param:
            item = Selection(param=self._trainer.network.parse_param(item.param).name)
        if item != self.hover:
            self.hover = item
            self.hover_changed.emit()

    @property
    def inspected(self) -> Selection | None:
        """What the inspector explains: the hovered item, else the selection."""
        return self.hover if self.hover is not None else self.selection

    def set_digits(self, digits: int) -> None:
        """The decimal places of the numbers the window writes (``Formatter``'s rule, as
        ``nnviz trace --digits``); ValueError outside 1..17."""
        formatter = Formatter(int(digits))
        if formatter.digits != self.digits:
            self.digits, self.formatter = formatter.digits, formatter
            self.settings_changed.emit("digits")

    def batch_rows(self) -> int:
        v = self._trainer.values
        return v.inputs.shape[0] if v.inputs is not None else self._trainer.batch_size

    def set_sample(self, index: int) -> None:
        index = int(np.clip(index, 0, max(self.batch_rows() - 1, 0)))
        if index != self.sample:
            self.sample = index
            self.sample_changed.emit(index)

    def set_edge_mode(self, mode: str) -> None:
        if mode not in EDGE_MODES:
            raise ValueError(f"edge mode must be one of {EDGE_MODES}")
        if mode != self.edge_mode:
            self.edge_mode = mode
            self.edge_mode_changed.emit(mode)

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
            self.timeline_changed.emit()

    @property
    def viewing_past(self) -> bool:
        return self.view_iteration is not None

    def display_network(self) -> Network:
        """The network as shown: the live one, or a copy as it was at the iteration the
        timeline shows."""
        t = self._trainer
        if self.view_iteration is None:
            return t.network
        probe = t.network.copy()
        probe.set_flat(t.trajectory[self.view_iteration - t.trajectory_start])
        return probe

    def display_parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """(weights, biases) as shown: live, or from the trajectory when scrubbing."""
        net = self.display_network()
        return net.weights, net.biases

    def resume_from_view(self) -> bool:
        """Discard the iterations after the one shown and carry on from there."""
        if self.view_iteration is None:
            return True
        t = self._trainer
        n = (t.iteration - self.view_iteration) * len(t.steps) + t.cursor
        try:
            t.back(n)
        except TrainingError:
            self.message.emit(T_("Session", "That point is older than the kept step history; "
                                 "only the recent iterations can be resumed"))
            return False
        self.view_iteration = None
        self.timeline_changed.emit()
        self.flush(force=True)
        return True
