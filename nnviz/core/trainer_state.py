"""What a Trainer holds, and how it is set up, copied, saved, loaded and reset: the
network and the data, the settings and their API, the state of the run (optimizer
state, step cursor, this iteration's values, batches, generator, counts, histories,
trajectory) and the checkpoints of it that Step back returns to. The step machine that
moves it on is ``nnviz.core.trainer.Trainer``, the class to use; this base class is
not meant to be made on its own.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from nnviz.core import kernels, losses, optimizers
from nnviz.core.data.datasets import Dataset
from nnviz.core.events import Signal
from nnviz.core.history import HISTORY_MICRO_STEPS, Checkpoint, History, Trajectory
from nnviz.core.network import Network, Param, frozen_array, initialise
from nnviz.core.schedules import Schedule
from nnviz.core.state import IterationValues, MicroStep, Settings, TrainingState, micro_steps
from nnviz.core.words import T_

DIVERGENCE_FACTOR = 1e6  # a loss this many times the starting loss (at least 1) has exploded


class TrainerState:
    """A Trainer's network, data, settings and state, and the signals it tells listeners.

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
            raise ValueError(T_("Trainer", "the data has %1 input columns but the network has %2 inputs",
                                dataset.n_inputs, network.sizes[0]))
        if dataset.n_outputs != network.sizes[-1]:
            raise ValueError(T_("Trainer", "the data has %1 target columns but the network has %2 outputs",
                                dataset.n_outputs, network.sizes[-1]))
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
        self._ops = [(getattr(self, "_" + s.phase), s.layer) for s in self.steps]  # the Trainer's micro-steps

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
    def divergence_limit(self) -> float:
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

    def keep_frozen(self, names: Iterable[str]) -> tuple[int, int]:
        """Freeze those of ``names`` (the frozen parameters of a network this one replaces)
        that this network has too. Returns how many were kept and how many dropped."""
        names = list(names)
        kept = []
        for name in names:
            try:
                kept.append(self.network.parse_param(str(name)).name)
            except ValueError:
                pass
        self.freeze(kept)
        return len(kept), len(names) - len(kept)

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
             history_limit: int | None = None) -> "TrainerState":
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
        c = type(self)(self.network.copy(), self.dataset, learning_rate=self._settings.learning_rate,
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
        self.set_parameters({name: value})

    def set_parameters(self, values: Mapping[str | Param, float], merge: bool = False) -> None:
        """Edit parameters by hand (name -> value) at once; one Step back undoes them all.
        ``merge``: when the last thing done was an edit, this one joins it, so that one
        Step back goes back to before both (a point dragged on the loss surface). A bad
        name or a value that is not finite raises ValueError and changes nothing."""
        edits = []
        for name, value in values.items():
            p = self.network.parse_param(name.name if isinstance(name, Param) else str(name))
            value = float(value)
            if not math.isfinite(value):
                raise ValueError(T_("Trainer", "%1: a parameter must be a finite number, got %2", p.name, value))
            edits.append((p, value))
        if not edits:
            return
        if not (merge and self._history.entries and self._history.entries[-1].kind == "edit"):
            self._history.add("edit", self._capture())
        self._pending = None
        for p, value in edits:
            arrays = self.network.weights if p.kind == "W" else self.network.biases
            new = np.array(arrays[p.layer - 1])
            new[p.index] = value
            arrays[p.layer - 1] = frozen_array(new)
        if self.status == "diverged":
            self._set_status("ready", "")
        layers = {p.layer for p, _ in edits}
        self.weights_changed.emit(layers.pop() if len(layers) == 1 else None)

    def _set_status(self, status: str, message: str) -> None:
        self.status, self.status_message = status, message
        self.status_changed.emit(status, message)

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

    @property
    def trajectory(self) -> list[np.ndarray]:
        """The flat parameter vector at the start and after each update (see
        ``trajectory_start``), W1 row by row, b1, W2, b2, ..."""
        return self._trajectory.points()

    @property
    def trajectory_start(self) -> int:
        """The number of updates before ``trajectory[0]`` (points dropped to bound memory)."""
        return self._trajectory.start
