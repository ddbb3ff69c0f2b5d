"""The live numbers a lesson can quote in its text and test in its checks.

A quantity is named in a lesson as ``name`` or ``name:argument`` (``loss``, ``grad:w5``,
``out:h1``); in a step's text it is written in braces, ``{grad:w5}``, optionally with the
number of digits after a bar, ``{loss|4}``. Each is read from the Session as it stands:
a number, or None while it does not exist yet (a gradient before the backward pass has
reached its layer), which the text shows as "—".

Parameters are named as on the canvas and in the inspector (``w5``, ``W2[0,1]``,
``b1[0]``); neurons by their names (``h1``, ``o2``; networks without names use ``h1``,
``h2`` ... for one hidden layer, ``h2.1`` for layer 2, ``o1`` ... for the output). Neuron
numbers are those of the focused sample of the current (or last) iteration's batch.
The forks' quantities read the newest fork, or with an argument the newest fork whose
optimizer, batch mode (``full``, ``online`` or a size) or loss it names:
``{fork_loss:momentum}``, ``{fork_loss:online}``, ``{fork_loss:8}``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnviz.core import losses, optimizers
from nnviz.core.analysis import compare, regimes
from nnviz.core.analysis.explain import Formatter
from nnviz.core.network import Param
from nnviz.core.trainer import Trainer, parse_batch
from nnviz.core.words import T_

MISSING = "—"  # shown for a number that does not exist yet
DIGITS = 9  # as the inspector and nnviz trace write numbers
RISES_WINDOW = 100  # loss_rises looks at this many iterations
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([^}|]+))?(?:\|(\d+))?\}")


@dataclass(frozen=True)
class Quantity:
    """``argument``: None (takes none), "param", "neuron", "layer" or "fork" (optional:
    which fork); ``read(reader, arg)``."""

    name: str
    argument: str | None
    read: Callable
    doc: str

    @property
    def optional(self) -> bool:
        return self.argument == "fork"


class Reader:
    """Reads quantities from a Session; curvatures are cached per state."""

    def __init__(self, session) -> None:
        self.session = session
        self._marks: tuple[object, regimes.Marks] | None = None

    @property
    def trainer(self) -> Trainer:
        return self.session.trainer

    def value(self, name: str, arg: str | None = None) -> float | None:
        """The quantity ``name`` (with ``arg``) now, or None while it does not exist."""
        q = QUANTITIES[name]
        try:
            x = q.read(self, arg)
        except (ValueError, IndexError, FloatingPointError, np.linalg.LinAlgError):
            return None
        return None if x is None else float(x)

    # ------------------------------------------------------------ helpers
    def param(self, name: str) -> Param:
        return self.trainer.network.parse_param(name)

    def neuron(self, name: str) -> tuple[int, int]:
        """(weight layer 1..L, unit) of the neuron called ``name``; ValueError if none is."""
        for layer, names in enumerate(compare.neuron_names(self.trainer), start=1):
            if name in names:
                return layer, names.index(name)
        raise ValueError(T_("LessonError", "no neuron %1", repr(name)))

    def row(self, array: np.ndarray | None, unit: int) -> float | None:
        """Entry ``unit`` of the focused sample's row of ``array`` (None if not computed)."""
        if array is None:
            return None
        sample = min(self.session.sample, array.shape[0] - 1)
        return array[sample, unit]

    def weights_used(self, layer: int) -> np.ndarray:
        """W of ``layer`` as this iteration's forward and backward passes used it."""
        before = self.trainer.values.params_before[layer - 1]
        return before[0] if before is not None else self.trainer.network.weights[layer - 1]

    def marks(self) -> regimes.Marks:
        """The rates where the steps start to zig-zag and to diverge here (over every
        parameter that trains), computed once per state."""
        t = self.trainer
        key = (id(t), t.iteration, t.cursor, tuple(map(id, t.network.weights + t.network.biases)),
               t.frozen, t.loss, t.optimizer, t.backprop, id(t.dataset))
        if self._marks is None or self._marks[0] != key:
            self._marks = (key, regimes.regime_marks(t))
        return self._marks[1]


# ================================================================ readers
def _loss(r: Reader, _) -> float | None:
    return r.trainer.values.loss


def _check_loss(r: Reader, _) -> float | None:
    t = r.trainer
    return t.check_loss_history[-1] if t.check_loss_history else None


def _param_value(weights: str, biases: str):
    """The quantity of a parameter read from the iteration's per-layer lists ``weights``
    (for a W) or ``biases`` (for a b): None until the step that computes them has run."""
    def read(r: Reader, arg: str) -> float | None:
        p = r.param(arg)
        layers = getattr(r.trainer.values, weights if p.kind == "W" else biases)
        a = layers[p.layer - 1]
        return None if a is None else a[p.index]
    return read


def _out(r: Reader, arg: str) -> float | None:
    layer, unit = r.neuron(arg)
    return r.row(r.trainer.values.activations[layer - 1], unit)


def _net(r: Reader, arg: str) -> float | None:
    layer, unit = r.neuron(arg)
    return r.row(r.trainer.values.net[layer - 1], unit)


def _error(r: Reader, arg: str) -> float | None:
    layer, unit = r.neuron(arg)
    return r.row(r.trainer.values.errors[layer - 1], unit)


def _deriv(r: Reader, arg: str) -> float | None:
    layer, unit = r.neuron(arg)
    v = r.trainer.values
    z, a = v.net[layer - 1], v.activations[layer - 1]
    if z is None:
        return None
    act = r.trainer.network.activations[layer - 1]
    return r.row(act.derivative(z, a), unit)


def _dout(r: Reader, arg: str) -> float | None:
    """dE/dout of a neuron for the focused sample: from the loss at the output, the sum
    over the paths through the next layer (its deltas times the weights) elsewhere."""
    t = r.trainer
    layer, unit = r.neuron(arg)
    v = t.values
    if layer == t.network.n_layers:
        if v.loss_fn is None:  # the loss step has not run yet
            return None
        return r.row(v.loss_fn.output_grad(v.activations[-1], v.targets), unit)
    nxt = v.errors[layer]
    if nxt is None or (v.backprop or t.backprop) != "chain":
        return None
    return r.row(nxt.dot(r.weights_used(layer + 1)), unit)


def _hidden_spread(r: Reader, _) -> float | None:
    """The largest difference between two neurons' outputs of one hidden layer, over
    every sample, at the current parameters: 0 while the units are copies of each other."""
    t = r.trainer
    net = t.network
    if net.n_layers < 2:
        return None
    a = t.dataset.inputs
    spread = 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        for w, b, act in zip(net.weights[:-1], net.biases[:-1], net.activations[:-1]):
            a = act.forward(a @ w.T + b)
            spread = max(spread, float(np.ptp(a, axis=1).max()))
    return spread


def _max_grad(r: Reader, arg: str) -> float | None:
    layer = int(arg)
    g = r.trainer.values.grad_W[layer - 1]
    return None if g is None else float(np.abs(g).max())


def _loss_rises(r: Reader, _) -> float | None:
    h = r.trainer.loss_history[-RISES_WINDOW - 1:]
    return sum(b > a for a, b in zip(h, h[1:]))


def _the_fork(r: Reader, key: str | None):
    """The newest fork, or the newest that ``key`` names (see the module notes); None."""
    forks = [f for f in r.session.forks if key is None or f.matches(key)]
    return forks[-1] if forks else None


def _fork_loss(r: Reader, key: str | None) -> float | None:
    f = _the_fork(r, key)
    return f.trainer.loss_history[-1] if f is not None and f.trainer.loss_history else None


def _fork_out(r: Reader, arg: str) -> float | None:
    f = r.session.fork_run
    if f is None:
        return None
    layer, unit = r.neuron(arg)
    return r.row(f.trainer.values.activations[layer - 1], unit)


def _fork_iterations(r: Reader, key: str | None) -> float | None:
    f = _the_fork(r, key)
    return None if f is None else f.trainer.iteration - f.start


def _race(mode: str) -> Callable:
    def read(r: Reader, _) -> float | None:
        run = r.session.race_run
        losses = [] if run is None else run.race.losses(mode)
        return losses[-1] if losses else None
    return read


def _layer_arg(text: str) -> None:
    if not text.isdigit() or int(text) < 1:
        raise ValueError(T_("LessonError", "expected a weight layer 1, 2, ..., got %1", repr(text)))


def _fork_arg(text: str) -> None:
    if text in optimizers.OPTIMIZERS or text in losses.LOSSES:
        return
    try:
        parse_batch(text)
    except ValueError:
        raise ValueError(T_("LessonError", "expected an optimizer (%1), a batch mode (full, online or a size) or a "
                            "loss (%2), got %3", ", ".join(optimizers.OPTIMIZERS), ", ".join(losses.LOSSES),
                            repr(text))) from None


QUANTITIES: dict[str, Quantity] = {q.name: q for q in (
    Quantity("iteration", None, lambda r, _: r.trainer.iteration, "iterations completed"),
    Quantity("loss", None, _loss, "the loss of the current (or last) iteration's forward pass"),
    Quantity("loss_now", None, lambda r, _: r.trainer.evaluate_loss(),
             "the loss on all training samples at the current parameters"),
    Quantity("check_loss", None, _check_loss, "the loss on the check set after the last iteration"),
    Quantity("rate", None, lambda r, _: r.trainer.learning_rate, "the learning rate"),
    Quantity("applied_rate", None, lambda r, _: r.trainer.applied_learning_rate,
             "the rate the next update applies (after the schedule)"),
    Quantity("param", "param", lambda r, arg: r.trainer.network.get(arg), "a parameter's value now"),
    Quantity("grad", "param", _param_value("grad_W", "grad_b"), "dE/d(parameter) of the current iteration"),
    Quantity("update", "param", _param_value("update_W", "update_b"),
             "the change the current iteration's update made to a parameter"),
    Quantity("out", "neuron", _out, "a neuron's output"),
    Quantity("net", "neuron", _net, "a neuron's net input"),
    Quantity("error", "neuron", _error,
             "a neuron's backward number: delta = dE/dnet (chain rule) or its share e of the error "
             "(proportional split)"),
    Quantity("dout", "neuron", _dout, "dE/dout of a neuron (chain rule): the upstream gradient"),
    Quantity("deriv", "neuron", _deriv, "dout/dnet of a neuron: its activation's local derivative"),
    Quantity("hidden_spread", None, _hidden_spread,
             "the largest difference between two hidden neurons' outputs of one layer, over all samples"),
    Quantity("max_grad", "layer", _max_grad, "the largest |dE/dW| of a weight layer in the current iteration"),
    Quantity("zigzag_rate", None, lambda r, _: r.marks().zigzag_from,
             "the rate from which the steps zig-zag: 1/λmax for plain gradient descent, (1 + μ)/λmax with "
             "momentum μ; none for Adagrad and Adam (λmax over every parameter that trains)"),
    Quantity("diverge_rate", None, lambda r, _: r.marks().diverges_from,
             "the rate from which the steps diverge: 2/λmax for plain gradient descent, 2(1 + μ)/λmax with "
             "momentum"),
    Quantity("loss_rises", None, _loss_rises,
             f"how many of the last {RISES_WINDOW} iterations' losses are above the one before: a saw-tooth "
             "curve has many"),
    Quantity("fork_loss", "fork", _fork_loss, "the newest fork's loss in its last iteration; "
             "``fork_loss:momentum``, ``fork_loss:online``, ``fork_loss:8``: that of the fork with this optimizer, "
             "batch mode or loss"),
    Quantity("fork_out", "neuron", _fork_out, "a neuron's output in the newest fork's last iteration"),
    Quantity("fork_iterations", "fork", _fork_iterations, "iterations the newest fork (or the one named as for "
             "``fork_loss``) has run since it branched"),
    Quantity("race_chain", None, _race("chain"), "the race's last chain-rule loss"),
    Quantity("race_proportional", None, _race("proportional"), "the race's last proportional-split loss"),
)}
ARGUMENT_SYNTAX = {"param": "a parameter such as w5 or W2[0,1]", "neuron": "a neuron such as h1 or o2",
                   "layer": "a weight layer 1, 2, ...", "fork": "a fork's optimizer, batch mode or loss"}


def check_reference(name: str, arg: str | None) -> None:
    """ValueError (one phrase) unless ``name:arg`` names a quantity correctly."""
    q = QUANTITIES.get(name)
    if q is None:
        raise ValueError(T_("LessonError", "unknown quantity %1; expected one of %2", repr(name),
                            ', '.join(QUANTITIES)))
    if q.argument is None and arg is not None:
        raise ValueError(T_("LessonError", "%1 takes no argument, got %2:%3", name, name, arg))
    if q.argument is not None and not arg and not q.optional:
        raise ValueError(T_("LessonError", "%1 needs %2: %3:...", name, ARGUMENT_SYNTAX[q.argument], name))
    if q.argument == "layer":
        _layer_arg(arg)
    if q.argument == "fork" and arg:
        _fork_arg(arg)


def parse_reference(text: str) -> tuple[str, str | None]:
    """``'grad:w5'`` -> ('grad', 'w5'), checked."""
    name, _, arg = text.partition(":")
    arg = arg.strip() or None
    check_reference(name.strip(), arg)
    return name.strip(), arg


def placeholders(text: str) -> list[tuple[str, str | None]]:
    """The quantities a step's text quotes, checked; ValueError names a bad one. A brace
    that does not open a placeholder is an error too (write text without braces)."""
    found = []
    for m in _PLACEHOLDER.finditer(text):
        check_reference(m[1], m[2].strip() if m[2] else None)
        found.append((m[1], m[2].strip() if m[2] else None))
    stray = _PLACEHOLDER.sub("", text)
    if "{" in stray or "}" in stray:
        bad = stray[max(stray.find("{"), 0):][:30] if "{" in stray else "}"
        raise ValueError(T_("LessonError", "a brace that is not a quantity such as {loss} or {grad:w5}: %1", repr(bad)))
    return found


def fill(text: str, reader: Reader) -> list[tuple[str, bool]]:
    """``text`` cut into pieces (text, is_live): the placeholders replaced by their
    numbers now (MISSING while they do not exist)."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(text):
        if m.start() > pos:
            pieces.append((text[pos:m.start()], False))
        x = reader.value(m[1], m[2].strip() if m[2] else None)
        digits = int(m[3]) if m[3] else DIGITS
        pieces.append((MISSING if x is None or not math.isfinite(x) else Formatter(max(1, min(digits, 17))).num(x),
                       True))
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces
