"""What a Trainer holds besides its network and data: the settings the user chooses,
the order of an iteration's micro-steps, every intermediate number of the iteration
(``IterationValues``), what a snapshot stores to carry on (``TrainingState``) and the
results and errors the Trainer reports."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import numpy as np

from nnviz.core import losses, optimizers
from nnviz.core.schedules import SCHEDULES, Schedule
from nnviz.core.words import N_, T_, fill, translate

PHASES = ("forward", "loss", "backward", "update")
PHASE_NAMES = {"forward": N_("state", "Forward"), "loss": N_("state", "Loss"), "backward": N_("state", "Backward"),
               "update": N_("state", "Update")}
LAYER_OF = N_("state", "%1 · layer %2 of %3")  # a phase's name, its layer, how many
UNITS = ("micro", "phase", "iteration", "epoch")
BACKPROP_MODES = ("chain", "proportional")


class TrainingError(RuntimeError):
    """A request the Trainer refuses, with a message meant for the user."""


class HistoryExhausted(TrainingError):
    pass


class TrainingDiverged(TrainingError):
    pass


@dataclass(frozen=True)
class MicroStep:
    index: int  # position within the iteration, 0 .. 3L
    phase: str  # forward, loss, backward or update
    layer: int | None  # weight layer 1..L; None for the loss

    def describe(self, n_layers: int, translated: bool = True) -> str:
        """'Forward · layer 1 of 2', 'Loss', in the language in use (``translated``) or in
        English (for files, which stay English)."""
        def words(text: str) -> str:
            return translate("state", text) if translated else text

        name = words(PHASE_NAMES[self.phase])
        return name if self.layer is None else fill(words(LAYER_OF), name, self.layer, n_layers)


def micro_steps(n_layers: int) -> tuple[MicroStep, ...]:
    """The micro-steps of one iteration, in order."""
    order = [("forward", l) for l in range(1, n_layers + 1)] + [("loss", None)]
    order += [("backward", l) for l in range(n_layers, 0, -1)]
    order += [("update", l) for l in range(n_layers, 0, -1)]
    return tuple(MicroStep(i, phase, layer) for i, (phase, layer) in enumerate(order))


@dataclass(frozen=True)
class Settings:
    """What the user chooses. Immutable: a change makes a new object."""

    learning_rate: float = 0.5
    optimizer: optimizers.Optimizer = field(default_factory=optimizers.SGD)
    loss: str = "half_sse"
    backprop: str = "chain"
    batch: str | int = "full"  # "full", "online" or a mini-batch size
    shuffle: bool = False
    frozen: frozenset = frozenset()  # canonical parameter names
    schedule: Schedule = field(default_factory=Schedule)

    def carried(self) -> dict[str, Any]:
        """The training settings that a new network or new data keeps, as keywords of
        ``Trainer`` and ``create``: all but the frozen parameters, which belong to a
        network (``Trainer.keep_frozen`` carries them to one of the same shape)."""
        return dict(learning_rate=self.learning_rate, optimizer=self.optimizer, loss=self.loss,
                    backprop=self.backprop, batch=self.batch, shuffle=self.shuffle, schedule=self.schedule)

    def with_changes(self, network, **changes: Any) -> "Settings":
        """These settings with ``changes`` (names of fields, or ``optimizer`` as a name
        with ``optimizer_params``; a schedule as a name, a dict or a Schedule; frozen
        parameters in any spelling the network understands), every value checked:
        raises ValueError with one line."""
        if "optimizer_params" in changes or isinstance(changes.get("optimizer"), str):
            name = changes.pop("optimizer", self.optimizer)
            name = name if isinstance(name, str) else name.name
            params = changes.pop("optimizer_params", None)
            if params is None:
                params = self.optimizer.params if name == self.optimizer.name else {}
            changes["optimizer"] = optimizers.create(name, **params)
        for key in changes:
            if key not in Settings.__dataclass_fields__:
                raise ValueError(T_("settings", "unknown setting %1", repr(key)))
        s = replace(self, **changes)
        lr = s.learning_rate
        if isinstance(lr, bool) or not isinstance(lr, (int, float)) or not math.isfinite(lr) or lr <= 0:
            raise ValueError(T_("settings", "learning rate must be a positive number, got %1", repr(lr)))
        if not isinstance(s.optimizer, optimizers.Optimizer):
            raise ValueError(T_("settings", "optimizer must be one of %1", ', '.join(optimizers.OPTIMIZERS)))
        losses.get(s.loss, network.activations[-1])  # raises on a bad name or combination
        if s.backprop not in BACKPROP_MODES:
            raise ValueError(T_("settings", "backprop must be one of %1, got %2", ', '.join(BACKPROP_MODES),
                                repr(s.backprop)))
        schedule = s.schedule
        if isinstance(schedule, str):
            schedule = Schedule(schedule)
        elif isinstance(schedule, dict):
            schedule = Schedule(**schedule)
        elif not isinstance(schedule, Schedule):
            raise ValueError(T_("settings", "schedule must be one of %1", ', '.join(SCHEDULES)))
        return replace(s, learning_rate=float(lr), batch=parse_batch(s.batch), shuffle=bool(s.shuffle),
                       schedule=schedule, frozen=frozenset(network.parse_param(str(n)).name for n in s.frozen))


class IterationValues:
    """Every intermediate number of one iteration, lists indexed by weight layer - 1.

    Filled in as the micro-steps run; entries of steps not yet taken are None.
    ``update_W``/``update_b`` hold the change applied (new - old); ``params_before`` the
    (W, b) and ``opt_before`` the optimizer state that the update started from;
    ``optimizer`` the optimizer of the update phase (set when it begins: a phase that
    has begun finishes with it, whatever the settings say since).
    """

    __slots__ = ("batch", "inputs", "targets", "net", "activations", "per_sample_loss", "loss",
                 "errors", "grad_W", "grad_b", "update_W", "update_b", "params_before", "opt_before", "opt_t",
                 "learning_rate", "epoch_end", "loss_fn", "backprop", "optimizer", "check_loss")

    def __init__(self, n_layers: int, batch: np.ndarray | None = None,
                 inputs: np.ndarray | None = None, targets: np.ndarray | None = None,
                 epoch_end: bool = False) -> None:
        self.batch = batch
        self.inputs = inputs
        self.targets = targets
        self.epoch_end = epoch_end
        self.per_sample_loss: np.ndarray | None = None
        self.loss: float | None = None
        self.opt_t = 0
        self.learning_rate: float | None = None  # the rate the update used
        self.loss_fn = None  # the loss function and backprop mode this iteration used
        self.backprop: str | None = None
        self.optimizer: optimizers.Optimizer | None = None
        self.check_loss: float | None = None  # the loss on the check set at this forward pass's parameters
        none = [None] * n_layers
        self.net, self.activations, self.errors = none[:], none[:], none[:]
        self.grad_W, self.grad_b, self.update_W, self.update_b = none[:], none[:], none[:], none[:]
        self.params_before, self.opt_before = none[:], none

    def copy(self) -> "IterationValues":
        c = IterationValues.__new__(IterationValues)
        for name in self.__slots__:
            value = getattr(self, name)
            setattr(c, name, list(value) if isinstance(value, list) else value)
        return c

    def layer_input(self, layer: int) -> np.ndarray | None:
        """The activations feeding weight layer ``layer`` (the inputs for layer 1)."""
        return self.inputs if layer == 1 else self.activations[layer - 2]


class StepEvent(NamedTuple):  # a named tuple: built on every micro-step that has a listener
    """Payload of ``Trainer.micro_step``: which step ran and the arrays it computed."""

    step: MicroStep
    values: dict[str, Any]


@dataclass(frozen=True)
class RunResult:
    iterations: int  # iterations completed by this call
    loss: float | None  # the forward-pass loss of the last completed iteration
    reason: str  # "iterations", "until_loss", "diverged" or "stopped"
    message: str = ""


@dataclass
class TrainingState:
    """Everything besides the network, the data and the settings that a run depends on;
    what a snapshot stores to carry on exactly."""

    opt_state: list[tuple[np.ndarray, ...]]
    opt_name: str | None
    opt_t: int
    cursor: int
    values: IterationValues | None
    order: np.ndarray
    position: int
    epoch: int
    rng_state: dict
    iteration: int
    loss_history: list[float]
    accuracy_history: list[float]
    trajectory: list[np.ndarray]
    status: str
    status_message: str
    trajectory_start: int = 0
    check_loss_history: list[float] = field(default_factory=list)


def parse_batch(batch: str | int) -> str | int:
    """``'full'``, ``'online'`` or a mini-batch size N >= 1 (also given as text)."""
    if isinstance(batch, str):
        if batch in ("full", "online"):
            return batch
        if batch.strip().isdigit():
            batch = int(batch)
        else:
            raise ValueError(T_("settings", "batch must be full, online or a number N >= 1, got %1", repr(batch)))
    if isinstance(batch, bool) or not isinstance(batch, (int, np.integer)) or batch < 1:
        raise ValueError(T_("settings", "batch must be full, online or a number N >= 1, got %1", repr(batch)))
    return int(batch)
