"""The step machine: one training iteration as a fixed sequence of micro-steps.

For a network with L weight layers an iteration is 3L + 1 micro-steps, always in this
order:

1. ``forward`` layer 1 .. L   net = a_prev W^T + b, out = f(net)  (layer 1 first draws the batch)
2. ``loss``                   the batch loss of the outputs against the targets
3. ``backward`` layer L .. 1  errors (deltas dE/dnet in ``chain`` mode, split errors in
                              ``proportional`` mode) and the gradients dE/dW, dE/db
4. ``update`` layer L .. 1    the optimizer moves W and b of that layer

All backward steps come before any update, so a hidden layer's deltas use the weights
as they were before this iteration's update (the standard convention).

Errors are kept per sample (n_samples x n_units, dE_sample/dnet in ``chain`` mode); a
gradient is the mean over the batch of error x input, so it is the gradient of the
batch loss, which is the mean of the samples' losses.

``back()`` restores exactly the state before the last micro-step. Because every array
the Trainer holds is replaced rather than written into, the history keeps checkpoints
by reference and replays the few micro-steps after a checkpoint when it needs them.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import replace
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from nnviz.core import kernels, losses, optimizers
from nnviz.core.data.datasets import Dataset
from nnviz.core.events import Signal
from nnviz.core.history import HISTORY_MICRO_STEPS, Checkpoint, History, Trajectory
from nnviz.core.iteration import ComputedIteration
from nnviz.core.network import Network, Param, frozen_array, initialise
from nnviz.core.schedules import SCHEDULES, Schedule
from nnviz.core.state import (BACKPROP_MODES, PHASES, UNITS, HistoryExhausted, IterationValues, MicroStep,
                              RunResult, Settings, StepEvent, TrainingDiverged, TrainingError, TrainingState,
                              micro_steps, parse_batch)

__all__ = ["BACKPROP_MODES", "DEFAULT_ITERATIONS", "DIVERGENCE_FACTOR", "HISTORY_MICRO_STEPS", "PHASES",
           "SCHEDULES", "UNITS", "HistoryExhausted", "IterationValues", "MicroStep", "RunResult", "Schedule",
           "Settings", "StepEvent", "Trainer", "TrainingDiverged", "TrainingError", "TrainingState", "create",
           "micro_steps", "parse_batch"]

DEFAULT_ITERATIONS = 1000
DIVERGENCE_FACTOR = 1e6  # a loss this many times the starting loss (at least 1) has exploded


class _Diverged(Exception):
    """An iteration broke the divergence rule (``kernels``): ``what`` stopped being finite
    (or the loss exploded) in ``layer``; ``earlier``: the parameters that gave it came
    from an earlier update (a forward, loss or backward problem, not an update's own)."""

    def __init__(self, what: str, layer: int | None, iteration: int, value: float = math.nan) -> None:
        if what == "loss" and math.isfinite(value):
            text = f"the loss exploded to {value:.4g}"
        elif what in ("loss", "check loss"):
            text = f"the {'loss' if what == 'loss' else 'loss on the check set'} is not a number any more"
        else:
            text = f"the {what} of layer {layer} stopped being finite"
        super().__init__(f"{text} at iteration {iteration}")
        self.earlier = what not in ("parameters", "optimizer state")


class Trainer:
    """Trains a Network on a Dataset one micro-step at a time, and tells listeners.

    Signals (connect a callable with ``trainer.<signal>.connect(fn)``):

    - ``micro_step(StepEvent)``: a micro-step finished; its arrays are in ``event.values``
    - ``weights_changed(layer | None)``: parameters changed (one layer, or all when None)
    - ``iteration_finished(iteration, loss)``: an iteration finished; loss from its forward pass
    - ``settings_changed(name, value)``: a setting changed
    - ``state_restored()``: Step back, a reset or a new initialisation replaced the state
    - ``status_changed(status, message)``: ``"ready"`` or ``"diverged"``
    """

    def __init__(
        self,
        network: Network,
        dataset: Dataset,
        *,
        learning_rate: float = 0.5,
        optimizer: str | optimizers.Optimizer = "sgd",
        optimizer_params: dict[str, float] | None = None,
        loss: str = "half_sse",
        backprop: str = "chain",
        batch: str | int = "full",
        shuffle: bool = False,
        frozen: Iterable[str] = (),
        schedule: Schedule | str | dict = "constant",
        seed: int = 0,
        rng: np.random.Generator | None = None,
        init_scheme: str | None = None,
        history_limit: int = HISTORY_MICRO_STEPS,
    ) -> None:
        if dataset.n_inputs != network.sizes[0]:
            raise ValueError(
                f"the data has {dataset.n_inputs} input columns but the network has "
                f"{network.sizes[0]} inputs"
            )
        if dataset.n_outputs != network.sizes[-1]:
            raise ValueError(
                f"the data has {dataset.n_outputs} target columns but the network has "
                f"{network.sizes[-1]} outputs"
            )
        self.network = network
        self._n_params = network.n_params
        self.dataset = dataset
        self._classes = dataset.is_classification
        self.seed = int(seed)
        self.init_scheme = init_scheme
        self.rng = rng if rng is not None else np.random.default_rng(self.seed)

        self.micro_step = Signal()
        self.weights_changed = Signal()
        self.iteration_finished = Signal()
        self.settings_changed = Signal()
        self.state_restored = Signal()
        self.status_changed = Signal()

        L = self._L = network.n_layers
        self.steps = micro_steps(L)
        self._per = len(self.steps)
        self._ops = [(getattr(self, "_" + s.phase), s.layer) for s in self.steps]

        if not isinstance(optimizer, optimizers.Optimizer):
            optimizer = optimizers.create(optimizer, **(optimizer_params or {}))
        self._settings = Settings().with_changes(
            network, learning_rate=learning_rate, optimizer=optimizer, loss=loss, backprop=backprop,
            batch=batch, shuffle=shuffle, frozen=frozen, schedule=schedule)
        self._loss_fn = losses.get(self._settings.loss, network.activations[-1])
        self._masks_key: frozenset | None = None
        self._masks: list = []

        self._initial = (list(network.weights), list(network.biases), self.rng.bit_generator.state)
        self._set_reference_loss()
        self._history = History(history_limit)
        self._set_fresh_state()

    # ================================================================ settings
    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def learning_rate(self) -> float:
        return self._settings.learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self.configure(learning_rate=value)

    @property
    def optimizer(self) -> optimizers.Optimizer:
        return self._settings.optimizer

    @property
    def loss(self) -> str:
        return self._settings.loss

    @property
    def backprop(self) -> str:
        return self._settings.backprop

    @property
    def batch(self) -> str | int:
        return self._settings.batch

    @property
    def frozen(self) -> frozenset:
        return self._settings.frozen

    @property
    def loss_fn(self) -> losses.Loss:
        """The loss function of the current settings, for the network's output activation."""
        return self._loss_fn

    @property
    def divergence_threshold(self) -> float:
        """A batch loss above this has exploded: DIVERGENCE_FACTOR x the loss of the
        initial parameters (at least 1)."""
        return self._explosion

    @property
    def applied_learning_rate(self) -> float:
        """The rate the next update uses: the learning rate after the schedule."""
        return self._settings.schedule.rate(self._settings.learning_rate, self.iteration)

    def configure(self, **changes: Any) -> None:
        """Change settings: learning_rate, optimizer (a name or an Optimizer),
        optimizer_params, loss, backprop, batch, shuffle, frozen (names).

        Everything is checked before anything changes. A new learning rate applies from
        the next update micro-step. The other settings apply from the next phase that uses
        them: a phase that has begun finishes with the settings it began with (the backward
        phase with the loss function of the loss step and its backprop mode, the update
        phase with its optimizer), so that an iteration's numbers belong together. A new
        optimizer starts from a fresh state.
        """
        new = self._settings.with_changes(self.network, **changes)
        changed = [k for k in Settings.__dataclass_fields__ if getattr(new, k) != getattr(self._settings, k)]
        if not changed:
            return
        self._settings = new
        if "loss" in changed:
            self._loss_fn = losses.get(new.loss, self.network.activations[-1])
        if self.status == "diverged":
            self._set_status("ready", "")
        for name in changed:
            self.settings_changed.emit(name, getattr(new, name))

    def freeze(self, names: Iterable[str | Param], frozen: bool = True) -> None:
        names = {self.network.parse_param(str(n)).name for n in names}
        current = set(self._settings.frozen)
        self.configure(frozen=current | names if frozen else current - names)

    def freeze_biases(self, frozen: bool = True) -> None:
        self.freeze([p.name for p in self.network.params() if p.kind == "b"], frozen)

    def is_frozen(self, name: str | Param) -> bool:
        return self.network.parse_param(str(name)).name in self._settings.frozen

    # ================================================================== state
    @property
    def values(self) -> IterationValues:
        """The intermediate values of the current iteration, or of the last one at an
        iteration boundary."""
        if self._raw_values is not None:
            self._values, self._raw_values = self._raw_values.values(self.steps), None
        return self._values

    @property
    def cursor(self) -> int:
        """Index of the next micro-step within the iteration (0 at an iteration start)."""
        return self._cursor

    @property
    def next_step(self) -> MicroStep:
        return self.steps[self._cursor]

    @property
    def last_step(self) -> MicroStep | None:
        """The micro-step that ran last (within the current iteration or the one before)."""
        if self._cursor:
            return self.steps[self._cursor - 1]
        return self.steps[-1] if self.iteration else None

    @property
    def phase(self) -> str:
        """The phase the iteration stands in: that of the next micro-step."""
        return self.steps[self._cursor].phase

    @property
    def n_samples(self) -> int:
        return self.dataset.n_samples

    @property
    def batch_size(self) -> int:
        b = self._settings.batch
        n = self.dataset.n_samples
        return n if b == "full" else 1 if b == "online" else min(int(b), n)

    @property
    def can_step_back(self) -> bool:
        return self._history.can_step_back

    @property
    def history_limit(self) -> int:
        """Step back reaches at least this many micro-steps back."""
        return self._history.limit

    def evaluate_loss(self, weights: Sequence[np.ndarray] | None = None,
                      biases: Sequence[np.ndarray] | None = None, data: Dataset | None = None) -> float:
        """The loss on all samples of the training data (or of ``data``, e.g. the check
        set) at the current parameters, or at the given ones (changes nothing)."""
        weights = self.network.weights if weights is None else weights
        biases = self.network.biases if biases is None else biases
        data = self.dataset if data is None else data
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            nets, outs = kernels.forward_pass(data.inputs, weights, biases, self.network.activations)
            return self._loss_fn.batch_loss(nets[-1], outs[-1], data.targets)


    def resume_state(self) -> TrainingState:
        """What carrying on exactly depends on besides the network, the data and the
        settings, without the past: the optimizer state, the step cursor and this
        iteration's values, the batch order and position, the generator, the counts and
        the status. The histories are empty and the trajectory too (a Trainer loading it
        starts its trajectory at its current parameters). Cheap after long runs."""
        return TrainingState(
            opt_state=list(self._opt_state), opt_name=self._opt_name, opt_t=self._opt_t,
            cursor=self._cursor, values=self.values.copy(), order=self._order,
            position=self._position, epoch=self.epoch, rng_state=self.rng.bit_generator.state,
            iteration=self.iteration, loss_history=[], accuracy_history=[], trajectory=[],
            status=self.status, status_message=self.status_message, trajectory_start=self.iteration,
        )

    def training_state(self) -> TrainingState:
        """``resume_state()`` with the histories and the trajectory: what a snapshot stores."""
        return replace(self.resume_state(), loss_history=list(self.loss_history),
                       accuracy_history=list(self.accuracy_history), trajectory=list(self.trajectory),
                       check_loss_history=list(self.check_loss_history),
                       trajectory_start=self._trajectory.start)

    def copy(self, *, learning_rate: float | None = None, optimizer: str | optimizers.Optimizer | None = None,
             optimizer_params: dict[str, float] | None = None, backprop: str | None = None,
             history_limit: int | None = None) -> "Trainer":
        """An independent Trainer that carries on exactly as this one would: the same
        network, data, settings (the learning-rate schedule, frozen parameters, batches
        and all), optimizer state, generator, counts and initial parameters (for Reset),
        and, in the middle of an iteration, the same cursor and values, so that it
        finishes that iteration as this one would.

        It keeps none of the past (see ``resume_state``): its loss, accuracy and check
        histories start empty, its trajectory starts at the current parameters
        (``trajectory_start`` = this one's iteration) and it has nothing to step back to.
        It starts ``ready`` even when this one has diverged (the state kept after a
        divergence is sound; it is the run that diverged that waits for a new setting).

        The overrides are then applied as ``configure`` applies them, from the next
        micro-step that uses them (a new optimizer from the next update that begins, with
        a fresh state); ``history_limit`` defaults to this Trainer's."""
        c = Trainer(self.network.copy(), self.dataset, learning_rate=self._settings.learning_rate,
                    optimizer=self._settings.optimizer, seed=self.seed, init_scheme=self.init_scheme,
                    rng=np.random.Generator(type(self.rng.bit_generator)()),
                    history_limit=self.history_limit if history_limit is None else history_limit)
        c._settings = self._settings
        c._loss_fn = self._loss_fn
        c._initial = self._initial
        c._reference_loss, c._explosion = self._reference_loss, self._explosion
        c.load_training_state(replace(self.resume_state(), status="ready", status_message=""))
        changes: dict[str, Any] = {}
        for key, value in (("learning_rate", learning_rate), ("optimizer", optimizer),
                           ("optimizer_params", optimizer_params), ("backprop", backprop)):
            if value is not None:
                changes[key] = value
        c.configure(**changes)
        return c

    def load_training_state(self, st: TrainingState) -> None:
        """Carry on from ``st`` (what a snapshot stored); the step history starts afresh."""
        L = self.network.n_layers
        if not 0 <= st.cursor < len(self.steps):
            raise ValueError(f"step cursor must be 0..{len(self.steps) - 1}, got {st.cursor}")
        if sorted(np.asarray(st.order).tolist()) != list(range(self.dataset.n_samples)):
            raise ValueError("the batch order must be a permutation of the samples")
        self._opt_state = [tuple(frozen_array(a) for a in s) for s in st.opt_state]
        self._opt_name, self._opt_t = st.opt_name, int(st.opt_t)
        self._cursor = int(st.cursor)
        self._values = st.values.copy() if st.values is not None else IterationValues(L)
        self._raw_values = self._pending = None
        self._order = np.asarray(st.order, dtype=np.intp)
        self._position, self.epoch = int(st.position), int(st.epoch)
        self.rng.bit_generator.state = st.rng_state
        self._rng_state = self.rng.bit_generator.state
        self.iteration = int(st.iteration)
        self.loss_history = list(map(float, st.loss_history))
        self.accuracy_history = list(map(float, st.accuracy_history))
        self.check_loss_history = list(map(float, st.check_loss_history))
        self._trajectory = Trajectory(st.trajectory or [self.network.flat()],
                                      st.trajectory_start if st.trajectory else self.iteration, self._n_params)
        self.status, self.status_message = st.status, st.status_message
        self._clear_history()
        self.state_restored.emit()
        self.weights_changed.emit(None)

    def reseed(self, seed: int) -> None:
        """A new seed for the batch shuffling from now on (the weights stay)."""
        self.seed = int(seed)
        self.rng.bit_generator.state = np.random.default_rng(self.seed).bit_generator.state
        self._rng_state = self.rng.bit_generator.state
        self._clear_history()

    def set_initial(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray],
                    rng_state: dict) -> None:
        """The parameters and generator state that ``reset()`` returns to."""
        probe = self.network.copy()
        probe.set_parameters(weights, biases)
        self._initial = (list(probe.weights), list(probe.biases), rng_state)
        self._set_reference_loss()
        self._pending = None  # its divergence rule used the old threshold

    def _set_reference_loss(self) -> None:
        """Divergence is judged against the loss of the initial parameters."""
        ref = self.evaluate_loss(*self._initial[:2])
        self._reference_loss = ref if math.isfinite(ref) else 1.0
        self._explosion = DIVERGENCE_FACTOR * max(self._reference_loss, 1.0)

    @property
    def initial(self) -> tuple[list[np.ndarray], list[np.ndarray], dict]:
        return self._initial

    @property
    def divergence_limit(self) -> float:
        """A batch loss above this has exploded: DIVERGENCE_FACTOR times the loss of the
        initial parameters (at least 1)."""
        return self._explosion

    def _set_fresh_state(self) -> None:
        L = self.network.n_layers
        self._opt_state = [()] * (2 * L)
        self._opt_name: str | None = None
        self._opt_t = 0
        self._cursor = 0
        self._values = IterationValues(L)
        self._raw_values = self._pending = None
        self._order = np.arange(self.dataset.n_samples)
        self._position = 0
        self.epoch = 0
        self._rng_state = self.rng.bit_generator.state
        self.iteration = 0
        self.loss_history: list[float] = []
        self.accuracy_history: list[float] = []
        self.check_loss_history: list[float] = []  # loss on dataset.check, when the data has one
        self._trajectory = Trajectory([self.network.flat()], 0, self._n_params)
        self.status = "ready"
        self.status_message = ""
        self._clear_history()

    def _clear_history(self) -> None:
        # An entry keeps parameters, optimizer state and one iteration's values.
        n_state = 1 + max(len(self._settings.optimizer.state_names), 1)
        values_floats = 3 * self.batch_size * sum(self.network.sizes[1:]) + 3 * self.network.n_params
        self._history.clear(8 * (self.network.n_params * n_state + values_floats) + 2000, len(self.steps))

    def reset(self) -> None:
        """Back to the initial parameters, with a fresh optimizer and an empty history."""
        weights, biases, rng_state = self._initial
        self.network.set_parameters(weights, biases)
        self.rng.bit_generator.state = rng_state
        self._set_fresh_state()
        self.state_restored.emit()
        self.weights_changed.emit(None)
        self.status_changed.emit(self.status, "")

    def reinitialise(self, seed: int | None = None, scheme: str | None = None) -> None:
        """A fresh initialisation drawn with ``seed`` (a new random one when None)."""
        self.seed = int(np.random.SeedSequence().entropy % 2**32) if seed is None else int(seed)
        self.init_scheme = scheme or self.init_scheme or "uniform"
        self.rng = np.random.default_rng(self.seed)
        weights, biases = initialise(self.network.sizes, self.init_scheme, self.rng)
        self.set_initial(weights, biases, self.rng.bit_generator.state)
        self.reset()

    def set_parameter(self, name: str | Param, value: float) -> None:
        """Edit one parameter by hand; Step back undoes the edit."""
        p = self.network.parse_param(str(name))
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"{p.name}: a parameter must be a finite number, got {value}")
        self._history.add("edit", self._capture())
        self._pending = None
        i = p.layer - 1
        arrays = self.network.weights if p.kind == "W" else self.network.biases
        new = np.array(arrays[i])
        new[p.index] = value
        arrays[i] = frozen_array(new)
        if self.status == "diverged":
            self._set_status("ready", "")
        self.weights_changed.emit(p.layer)

    def _set_status(self, status: str, message: str) -> None:
        self.status, self.status_message = status, message
        self.status_changed.emit(status, message)

    # ============================================================== stepping
    def step(self, unit: str = "micro") -> int:
        """Run one ``micro``-step, the rest of the ``phase``, of the ``iteration``, or of
        the ``epoch``. Returns how many micro-steps ran."""
        if self.status == "diverged":
            self._refuse_if_diverged()
        if unit == "micro":
            return self._guarded_micro()
        if unit not in UNITS:
            raise ValueError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
        if unit == "phase":
            phase, count = self.phase, 0
            while True:
                count += self._guarded_micro()
                if self.status == "diverged" or self._cursor == 0 or self.phase != phase:
                    return count
        count = 0
        while True:
            count += self._guarded_micro()
            if self.status == "diverged":
                return count
            if self._cursor == 0 and (unit == "iteration" or self.values.epoch_end):
                return count
            if count > self._per * (self.dataset.n_samples + 1):  # an epoch is at most n_samples iterations
                return count

    def _guarded_micro(self) -> int:
        """One micro-step; on divergence nothing of it is kept."""
        h, cursor = self._history, self._cursor
        if h.needs_checkpoint(self._settings, cursor, self._per):
            h.add("base", self._capture())
        try:
            self._run_op(cursor)
        except _Diverged as exc:
            h.drop_empty_top()
            self._diverged(exc)
            return 0
        h.ran(1)
        return 1

    def _run_op(self, cursor: int) -> None:
        """Micro-step ``cursor``: at an iteration's start the whole iteration is computed
        and then shown step by step; after a change mid-iteration, step by step."""
        if cursor == 0:
            with np.errstate(all="ignore"):
                p = self._pending = self._compute_iteration()
            self._values = IterationValues(self._L, p.batch, p.inputs, p.targets, p.epoch_end)
            self._raw_values = None
            self._pending_values = self._values  # Step back and loading replace the values: then it is stale
        p = self._pending
        if p is not None and p.settings is self._settings and self._pending_values is self._values:
            self._reveal(p, cursor)
        else:
            self._pending = None
            fn, layer = self._ops[cursor]
            with np.errstate(all="ignore"):
                fn(layer)

    def _reveal(self, p: ComputedIteration, cursor: int) -> None:
        """Micro-step ``cursor`` of the computed iteration ``p``: its numbers go into the
        values, and an update commits its layer, as the step-by-step micro-step would."""
        if cursor == p.fails_at:
            raise _Diverged(*p.step.problem, self.iteration + 1, p.step.loss)
        micro = self.steps[cursor]
        payload = p.fill(self._values, micro)
        update = micro.phase == "update"
        if update:
            i = micro.layer - 1
            state = list(p.opt_state if micro.layer == self._L else self._opt_state)
            state[2 * i], state[2 * i + 1] = p.step.opt_state[2 * i], p.step.opt_state[2 * i + 1]
            self._opt_state, self._opt_name, self._opt_t = state, p.optimizer.name, p.opt_t
            self.network.weights[i], self.network.biases[i] = p.step.weights[i], p.step.biases[i]
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(micro, payload))
        if update:
            if self.weights_changed:
                self.weights_changed.emit(micro.layer)
            if micro.layer == 1:
                self._finish_iteration(p.step.loss, p.epoch_end, p.step.outs[-1], p.targets, p.step.check_loss)

    def run(
        self,
        n: int = DEFAULT_ITERATIONS,
        until_loss: float | None = None,
        *,
        should_stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> RunResult:
        """Run ``n`` iterations (finishing a half-done one counts as one), or fewer when
        an iteration's loss falls below ``until_loss`` (that iteration still completes),
        when the loss stops being finite or explodes (status ``diverged``; the iteration
        that diverged is undone), or when ``should_stop()`` says so."""
        n = int(n)
        if n < 0:
            raise ValueError(f"the number of iterations must be >= 0, got {n}")
        if until_loss is not None and not (isinstance(until_loss, numbers.Real) and math.isfinite(until_loss)):
            raise ValueError(f"until_loss must be a finite number, got {until_loss!r}")
        self._refuse_if_diverged()
        done, reason = 0, "iterations"
        per, h = self._per, self._history
        first_iteration = self.iteration
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            while done < n:
                if should_stop is not None and should_stop():
                    reason = "stopped"
                    break
                start = self._cursor
                if h.needs_checkpoint(self._settings, start, per):
                    h.add("base", self._capture())
                entry = h.entries[-1]
                k_start = entry.k
                try:
                    if start == 0 and not self.micro_step:
                        self._fast_iteration()
                    else:
                        for cursor in range(start, per):
                            self._run_op(cursor)
                except _Diverged as exc:
                    self._land(entry.state, k_start)
                    self.state_restored.emit()
                    self.weights_changed.emit(None)
                    self._diverged(exc)
                    done = max(0, min(done, self.iteration - first_iteration))
                    reason = "diverged"
                    break
                h.ran(per - start)
                done += 1
                if progress is not None and (done % 256 == 0 or done == n):
                    progress(done, n)
                if until_loss is not None and self.loss_history[-1] < until_loss:
                    reason = "until_loss"
                    break
        last = self.loss_history[-1] if self.loss_history else None
        return RunResult(done, last, reason, self.status_message if reason == "diverged" else "")

    def _diverged(self, exc: "_Diverged") -> None:
        """Stop in the ``diverged`` state. When a net input, the loss or a gradient blew
        up, the parameters that gave it came from the previous update: that update is
        undone too (where the history reaches it), so that a smaller learning rate can
        carry on from a sound state."""
        message = str(exc)
        if exc.earlier and self.iteration > 0:
            n = self._cursor + self.network.n_layers  # this iteration's steps + the last updates
            try:
                self.back(n)
                message += f"; the update of iteration {self.iteration + 1} that caused it is undone"
            except HistoryExhausted:
                pass
        self._set_status("diverged", message)

    def _refuse_if_diverged(self) -> None:
        if self.status == "diverged":
            raise TrainingDiverged(
                f"{self.status_message}; lower the learning rate (or change another setting), "
                "step back or reset first")

    # ---------------------------------------------------------- the history
    def back(self, n: int = 1) -> None:
        """Undo the last ``n`` micro-steps (an edit counts as one), restoring the exact
        state before them. Settings stay as they are now."""
        if n < 1:
            return
        self._land(*self._history.undo(n))
        if self.status == "diverged":
            self._set_status("ready", "")
        self.state_restored.emit()
        self.weights_changed.emit(None)

    def back_to_iteration_start(self) -> None:
        """Undo back to the start of the current iteration (or of the previous one when
        standing at a boundary)."""
        self.back(self._cursor or len(self.steps))

    def _land(self, state: Checkpoint, k: int) -> None:
        """Set the state to a checkpoint plus ``k`` micro-steps replayed with its settings."""
        current = self._settings
        self._restore(state)
        self._settings = state.settings
        self._loss_fn = losses.get(self._settings.loss, self.network.activations[-1])
        try:
            with self.micro_step.blocked(), self.weights_changed.blocked(), \
                    self.iteration_finished.blocked():
                for _ in range(k):
                    self._run_op(self._cursor)
        finally:
            self._settings = current
            self._loss_fn = losses.get(current.loss, self.network.activations[-1])

    def _capture(self) -> Checkpoint:
        return Checkpoint(
            weights=list(self.network.weights), biases=list(self.network.biases),
            opt_state=list(self._opt_state), opt_name=self._opt_name, opt_t=self._opt_t,
            cursor=self._cursor, raw_values=self._raw_values,
            values=None if self._raw_values is not None else self._values.copy(),
            order=self._order, position=self._position,
            epoch=self.epoch, rng_state=self._rng_state, iteration=self.iteration,
            n_loss=len(self.loss_history), n_trajectory=self._trajectory.end,
            status=self.status, status_message=self.status_message, settings=self._settings,
        )

    def _restore(self, s: Checkpoint) -> None:
        self.network.weights[:] = s.weights
        self.network.biases[:] = s.biases
        self._opt_state = list(s.opt_state)
        self._opt_name, self._opt_t = s.opt_name, s.opt_t
        self._cursor = s.cursor
        self._values = None if s.values is None else s.values.copy()
        self._raw_values = s.raw_values
        self._order, self._position, self.epoch = s.order, s.position, s.epoch
        if s.rng_state is not self._rng_state:
            self.rng.bit_generator.state = s.rng_state
            self._rng_state = s.rng_state
        self.iteration = s.iteration
        del self.loss_history[s.n_loss:]
        del self.accuracy_history[s.n_loss:]
        del self.check_loss_history[s.n_loss:]
        self._trajectory.truncate(s.n_trajectory)
        self.status, self.status_message = s.status, s.status_message

    # ------------------------------------------------------- the micro-steps
    # The arithmetic lives in the module-level functions below, shared by the
    # micro-step path and the fast path of run(), so both give the same bits.
    def _next_batch(self):
        """(batch indices or None, inputs, targets, ends an epoch) for a new iteration."""
        order = self._order
        batch, self._order, self._position, end = kernels.draw_batch(
            self.dataset.n_samples, self.batch_size, self._settings.shuffle, order, self._position, self.rng)
        if self._order is not order and self._settings.shuffle:
            self._rng_state = self.rng.bit_generator.state
        x, t = self.dataset.inputs, self.dataset.targets
        if batch is not None:
            x, t = x[batch], t[batch]
            x.flags.writeable = t.flags.writeable = False
        return batch, x, t, end

    def _forward(self, layer: int) -> None:
        i = layer - 1
        v = self._values
        z, a = kernels.forward(v.inputs if i == 0 else v.activations[i - 1], self.network.weights[i],
                               self.network.biases[i], self.network.activations[i])
        if not kernels.finite(z):
            raise _Diverged("net inputs", layer, self.iteration + 1)
        z.flags.writeable = a.flags.writeable = False  # kept by reference for Step back
        v.net[i], v.activations[i] = z, a
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1], {"net": z, "activations": a}))

    def _loss(self, _: None) -> None:
        v = self._values
        loss = self._loss_fn.batch_loss(v.net[-1], v.activations[-1], v.targets)
        if not kernels.loss_ok(loss, self._explosion):
            raise _Diverged("loss", None, self.iteration + 1, loss)
        check = None
        if self.dataset.check is not None:  # at the parameters of this forward pass
            check = self.evaluate_loss(data=self.dataset.check)
            if not math.isfinite(check):
                raise _Diverged("check loss", None, self.iteration + 1)
        per_sample = _readonly(self._loss_fn.per_sample(v.net[-1], v.activations[-1], v.targets))
        v.loss_fn = self._loss_fn
        v.per_sample_loss, v.loss, v.check_loss = per_sample, loss, check
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1],
                                           {"loss": loss, "per_sample_loss": per_sample}))

    def _backward(self, layer: int) -> None:
        i = layer - 1
        v = self._values
        net = self.network
        last = layer == self._L
        # the phase finishes with the mode it began with, for the loss the loss step computed
        mode = self._settings.backprop if last or v.backprop is None else v.backprop
        err, g_w, g_b = kernels.backward(
            mode == "chain", v.loss_fn or self._loss_fn, net.activations[i],
            v.net[i], v.activations[i], v.inputs if i == 0 else v.activations[i - 1], v.targets,
            None if last else v.errors[i + 1], None if last else net.weights[i + 1])
        if not (kernels.finite(g_w) and kernels.finite(g_b)):
            raise _Diverged("gradients", layer, self.iteration + 1)
        err.flags.writeable = g_w.flags.writeable = g_b.flags.writeable = False
        v.errors[i], v.grad_W[i], v.grad_b[i] = err, g_w, g_b
        v.backprop = mode
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1],
                                           {"errors": err, "grad_W": g_w, "grad_b": g_b}))

    def _optimizer_for_update(self, opt: optimizers.Optimizer) -> tuple[list, int]:
        """The optimizer state (a list to commit) and step count that an update phase with
        ``opt`` starts from: a fresh state when the state held is another optimizer's."""
        if opt.name != self._opt_name:
            net = self.network
            return [opt.init_state(a.shape) for w, b in zip(net.weights, net.biases) for a in (w, b)], 1
        return list(self._opt_state), self._opt_t + 1

    def _phase_optimizer(self, v: IterationValues) -> optimizers.Optimizer:
        """The optimizer of the update phase under way: the one it began with, whatever
        the settings say now (values read from an older snapshot do not name it)."""
        if v.optimizer is not None:
            return v.optimizer
        s = self._settings
        return s.optimizer if s.optimizer.name == self._opt_name else optimizers.create(self._opt_name)

    def _update(self, layer: int) -> None:
        i = layer - 1
        v = self._values
        net = self.network
        s = self._settings
        if layer == self._L:  # the update phase begins with the optimizer of the settings
            opt = s.optimizer
            opt_state, t = self._optimizer_for_update(opt)
        else:  # and finishes with it, whatever the settings say since
            opt = self._phase_optimizer(v)
            opt_state, t = list(self._opt_state), self._opt_t
        before = (opt_state[2 * i], opt_state[2 * i + 1])
        masks = self._frozen_masks()
        w_old, b_old = net.weights[i], net.biases[i]
        lr = s.schedule.rate(s.learning_rate, self.iteration)
        w, b, sw, sb = kernels.update(opt, lr, t, w_old, b_old, v.grad_W[i],
                                      v.grad_b[i], before, masks[2 * i], masks[2 * i + 1])
        problem = kernels.update_problem(w, b, sw, sb, w_old, b_old)
        if problem is not None:
            raise _Diverged(problem, layer, self.iteration + 1)
        opt_state[2 * i], opt_state[2 * i + 1] = sw, sb
        self._opt_state, self._opt_name, self._opt_t = opt_state, opt.name, t
        net.weights[i], net.biases[i] = w, b
        v.optimizer = opt
        v.params_before[i] = (w_old, b_old)
        v.update_W[i], v.update_b[i] = _readonly(w - w_old), _readonly(b - b_old)
        v.opt_before[i] = before
        v.opt_t, v.learning_rate = t, lr
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1], {
                "update_W": v.update_W[i], "update_b": v.update_b[i], "W": w, "b": b}))
        if self.weights_changed:
            self.weights_changed.emit(layer)
        if layer == 1:
            check = v.check_loss
            if check is None and self.dataset.check is not None:  # values from an older snapshot
                weights, biases = zip(*v.params_before)
                check = self.evaluate_loss(weights, biases, data=self.dataset.check)
            self._finish_iteration(v.loss, v.epoch_end, v.activations[-1], v.targets, check)

    def _finish_iteration(self, loss: float, epoch_end: bool, outputs, targets, check_loss) -> None:
        self._cursor = 0
        self.iteration += 1
        if epoch_end:
            self.epoch += 1
        self.loss_history.append(loss)
        if self._classes:
            self.accuracy_history.append(kernels.accuracy(outputs, targets))
        if check_loss is not None:
            self.check_loss_history.append(check_loss)
        self._trajectory.append(self.network.weights, self.network.biases)
        if self.iteration_finished:
            self.iteration_finished.emit(self.iteration, loss)

    def _compute_iteration(self) -> ComputedIteration:
        """The next iteration, computed whole from its start (the batch is drawn)."""
        net = self.network
        s = self._settings
        batch, x, t, end = self._next_batch()
        opt = s.optimizer
        opt_state, step_t = self._optimizer_for_update(opt)
        lr = s.schedule.rate(s.learning_rate, self.iteration)
        check = self.dataset.check
        step = kernels.train_step(x, t, net.weights, net.biases, net.activations, self._loss_fn,
                                  s.backprop == "chain", opt, lr, step_t, opt_state, self._frozen_masks(),
                                  self._explosion, None if check is None else (check.inputs, check.targets))
        return ComputedIteration(batch, x, t, end, step, tuple(net.weights), tuple(net.biases), opt_state,
                                 step_t, lr, self._loss_fn, s)

    def _fast_iteration(self) -> None:
        """One whole iteration, as the micro-steps would run it, with no events per step
        and the intermediate values kept raw (``values`` builds them when asked)."""
        p = self._compute_iteration()
        step = p.step
        if step.problem is not None:
            raise _Diverged(*step.problem, self.iteration + 1, step.loss)
        net = self.network
        net.weights[:], net.biases[:] = step.weights, step.biases
        self._opt_state, self._opt_name, self._opt_t = step.opt_state, p.optimizer.name, p.opt_t
        self._raw_values = p
        if self.weights_changed:
            self.weights_changed.emit(None)
        self._finish_iteration(step.loss, p.epoch_end, step.outs[-1], p.targets, step.check_loss)

    def _frozen_masks(self) -> list:
        """``kernels.frozen_masks`` of the current settings, built once per change."""
        frozen = self._settings.frozen
        if frozen is not self._masks_key:
            self._masks, self._masks_key = kernels.frozen_masks(self.network, frozen), frozen
        return self._masks

    @property
    def trajectory(self) -> list[np.ndarray]:
        """The flat parameter vector at the start and after each update (see
        ``trajectory_start``), W1 row by row, b1, W2, b2, ..."""
        return self._trajectory.points()

    @property
    def trajectory_start(self) -> int:
        """The number of updates before ``trajectory[0]`` (points dropped to bound memory)."""
        return self._trajectory.start


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def create(
    sizes: Sequence[int],
    activations: Sequence[str] | str,
    dataset: Dataset,
    *,
    init: str = "uniform",
    seed: int = 0,
    **settings: Any,
) -> Trainer:
    """A Trainer for a new network whose parameters are drawn with ``seed``. The same
    generator then shuffles the batches, so one seed reproduces the whole run."""
    rng = np.random.default_rng(seed)
    weights, biases = initialise(sizes, init, rng)
    network = Network(sizes, activations, weights, biases)
    return Trainer(network, dataset, seed=seed, rng=rng, init_scheme=init, **settings)
