"""The checks a lesson step can ask for: a small set of named predicates with parameters.

A check is written in a lesson file as a table, ``{ kind = "reached", phase = "update",
layer = 2 }``, or as a list of such tables that must all hold. ``PREDICATES`` holds each
kind with its parameters (checked when the lesson is loaded), the test (run on the
Session's events) and a sentence saying what it asks, which the player shows when a
step has no ``task`` of its own. ``docs/lessons.md`` lists them.

The tests read the Session through a ``Context``, which also remembers what a step has
seen since it began: the iteration count it counts from (lowered when the run is reset
or reinitialised, renewed when the network is replaced) and the last learning-rate
sweep that finished.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nnviz.app.lessons import quantities
from nnviz.core.analysis import regimes
from nnviz.core.network import INIT_SCHEMES
from nnviz.core.state import PHASE_NAMES
from nnviz.core.trainer import PHASES, parse_batch
from nnviz.core.words import T_, translate

REGIMES = ("converging", "zigzag", "oscillating", "diverged")
SETTINGS = ("batch", "optimizer", "loss", "backprop", "shuffle", "schedule")


@dataclass(frozen=True)
class Param:
    """A predicate's parameter: ``kind`` number, count, bool, text, choice, quantity or
    setting (text, number or bool); ``low`` the smallest count."""

    kind: str
    required: bool = False
    choices: tuple = ()
    low: int = 0


@dataclass(frozen=True)
class Predicate:
    name: str
    params: dict[str, Param]
    test: Callable[["Context", dict], bool]
    describe: Callable[[dict], str]
    doc: str
    needs_one_of: tuple[str, ...] = ()  # at least one of these parameters must be given


@dataclass
class Context:
    """What the checks read: the Session, a quantity reader, and what the current step
    has seen (see the module notes)."""

    session: Any
    reader: quantities.Reader
    base: int = 0  # iterations are counted from here
    sweep: Any = None  # the last sweep that finished during the step (a SweepResult)
    _trainer: Any = field(default=None, repr=False)

    def begin(self) -> None:
        """A step begins: count from here, forget earlier sweeps."""
        self._trainer = self.session.trainer
        self.base = self._trainer.iteration
        self.sweep = None

    def observe(self) -> None:
        """Follow the run: a new network counts from its own start, a reset from 0."""
        t = self.session.trainer
        if t is not self._trainer:
            self._trainer = t
            self.base = t.iteration
        elif t.iteration < self.base:
            self.base = t.iteration


# ================================================================ the tests
def _step_index(trainer, phase: str, layer: int | None) -> int | None:
    """The index in the iteration of micro-step (phase, layer); without a layer, the
    phase's last micro-step; None if the network has no such step."""
    found = [s.index for s in trainer.steps if s.phase == phase and (layer is None or s.layer == layer)]
    return found[-1] if found else None


def _reached(ctx: Context, p: dict) -> bool:
    t = ctx.session.trainer
    target = p.get("iteration") or ctx.base + 1
    index = _step_index(t, p["phase"], p.get("layer"))
    if index is None:
        return False
    return t.iteration >= target or (t.iteration == target - 1 and t.cursor > index)


def _describe_reached(p: dict) -> str:
    where = translate("state", PHASE_NAMES[p["phase"]])
    if p.get("layer"):
        where = T_("checks", "%1 · layer %2", where, p["layer"])
    if p.get("iteration"):
        return T_("checks", "Step until %1 of iteration %2 has run", where, p["iteration"])
    return T_("checks", "Step until %1 has run", where)


def _iterations(ctx: Context, p: dict) -> bool:
    return ctx.session.trainer.iteration - ctx.base >= p["at_least"]


def _within(x: float | None, p: dict) -> bool:
    if x is None or not math.isfinite(x):
        return False
    if "above" in p and not x > p["above"]:
        return False
    if "below" in p and not x < p["below"]:
        return False
    if "near" in p and not abs(x - p["near"]) <= p.get("within", 1e-9):
        return False
    return True


def _and(parts: list[str]) -> str:
    """'a and b and c' in the language in use (the empty parts left out)."""
    parts = [x for x in parts if x]
    out = parts[0] if parts else ""
    for x in parts[1:]:
        out = T_("checks", "%1 and %2", out, x)
    return out


def _bounds(p: dict) -> str:
    return _and([T_("checks", "above %1", f"{p['above']:g}") if "above" in p else "",
                 T_("checks", "below %1", f"{p['below']:g}") if "below" in p else "",
                 f"{p['near']:.10g} ± {p.get('within', 1e-9):g}" if "near" in p else ""])


def regime_of(ctx: Context) -> str | None:
    """What the rate the next update applies does here, in the words of
    ``nnviz.core.analysis.regimes`` (converging, zigzag, oscillating, diverged) for the
    steepest direction; None where the optimizer or the mode has no such rate."""
    marks = ctx.reader.marks()
    if marks.zigzag_from is None:
        return None
    t = ctx.session.trainer
    factor = regimes.step_factors(t.optimizer, t.applied_learning_rate, [marks.curvature])[0]
    return regimes.factor_regime(float(factor))


def _setting_value(trainer, name: str):
    s = trainer.settings
    if name == "optimizer":
        return s.optimizer.name
    if name == "schedule":
        return s.schedule.kind
    return getattr(s, name)


def _same_setting(name: str, have, want) -> bool:
    if name == "batch":
        try:
            return have == parse_batch(want)
        except ValueError:
            return False
    return have == want


def _setting(ctx: Context, p: dict) -> bool:
    return _same_setting(p["name"], _setting_value(ctx.session.trainer, p["name"]), p["value"])


def _selected(ctx: Context, p: dict) -> bool:
    sel = ctx.session.selection
    if sel is None or sel.param is None:
        return False
    try:
        return ctx.session.trainer.network.parse_param(p["param"]).name == sel.param
    except ValueError:
        return False


def _fork(ctx: Context, p: dict) -> bool:
    """Any of the forks has these settings and has run ``at_least`` iterations."""
    def holds(f) -> bool:
        ft = f.trainer
        return (all(_same_setting(name, _setting_value(ft, name), p[name]) for name in ("optimizer", "batch", "loss")
                    if name in p) and ft.iteration - f.start >= p.get("at_least", 0))
    return any(holds(f) for f in ctx.session.forks)


def _race(ctx: Context, p: dict) -> bool:
    run = ctx.session.race_run
    return run is not None and run.complete and run.race.done >= p["at_least"]


def _sweep(ctx: Context, p: dict) -> bool:
    if ctx.sweep is None:
        return False
    if not p.get("used"):
        return True
    best = float(ctx.sweep.best_rate)
    return math.isfinite(best) and abs(ctx.session.trainer.learning_rate - best) <= 1e-12 * best


def _stop_rules(ctx: Context, p: dict) -> bool:
    s = ctx.session
    if "until_loss" in p:
        want = p["until_loss"]
        if s.until_loss is None or (not isinstance(want, bool) and s.until_loss != want):
            return False
    if "max_iterations" in p and s.max_iterations != p["max_iterations"]:
        return False
    return True


def _stopped(ctx: Context, p: dict) -> bool:
    """Play is not running and one of its stopping rules holds: the rules stopped it."""
    s = ctx.session
    t = s.trainer
    if s.playing:
        return False
    by_count = s.max_iterations is not None and t.iteration >= s.max_iterations
    by_loss = s.until_loss is not None and bool(t.loss_history) and t.loss_history[-1] < s.until_loss
    return by_count or by_loss


def _data(ctx: Context, p: dict) -> bool:
    d = ctx.session.trainer.dataset
    if "normalised" in p and (d.transform is not None) != p["normalised"]:
        return False
    if "check" in p and (d.check is not None) != p["check"]:
        return False
    return True


def _describe_stop_rules(p: dict) -> str:
    if "until_loss" in p and "max_iterations" in p:
        return T_("checks", "Set Play to stop below a loss at %n iterations", n=p["max_iterations"])
    if "until_loss" in p:
        return T_("checks", "Set Play to stop below a loss")
    return T_("checks", "Set Play to stop at %n iterations", n=p["max_iterations"])


def _describe_data(p: dict) -> str:
    normalised = check = ""
    if "normalised" in p:
        normalised = (T_("checks", "normalised (min-max)") if p["normalised"]
                      else T_("checks", "not normalised (min-max)"))
    if "check" in p:
        check = T_("checks", "with a check set") if p["check"] else T_("checks", "without a check set")
    return T_("checks", "Use data %1", _and([normalised, check]))


def _describe_fork(p: dict) -> str:
    text = T_("checks", "Fork the run") + "".join(f", {k} {p[k]}" for k in ("optimizer", "batch", "loss") if k in p)
    if p.get("at_least"):
        text += T_("checks", ", and let the fork run %n iterations", n=p["at_least"])
    return text


NUMBER, COUNT1 = Param("number"), Param("count", low=1)
PREDICATES: dict[str, Predicate] = {q.name: q for q in (
    Predicate("reached", {"phase": Param("choice", True, PHASES), "layer": COUNT1, "iteration": COUNT1},
              _reached, _describe_reached,
              "the run has got past micro-step (phase, layer) of iteration ``iteration`` (default: the "
              "iteration under way when the step began); without a layer, past the whole phase"),
    Predicate("iterations", {"at_least": Param("count", True, low=1)}, _iterations,
              lambda p: T_("checks", "Run %n iterations", n=p["at_least"]),
              "at least ``at_least`` iterations since the step began (a reset or a new initialisation "
              "starts the count again)"),
    Predicate("rate", {"above": NUMBER, "below": NUMBER},
              lambda ctx, p: _within(ctx.session.trainer.learning_rate, p),
              lambda p: T_("checks", "Set the learning rate %1", _bounds(p)), "the learning rate is above and/or below "
              "the numbers given", needs_one_of=("above", "below")),
    Predicate("regime", {"name": Param("choice", True, REGIMES)}, lambda ctx, p: regime_of(ctx) == p["name"],
              lambda p: {"converging": T_("checks", "Set a rate below 1/λmax"),
                         "zigzag": T_("checks", "Set a rate between 1/λmax and 2/λmax"),
                         "oscillating": T_("checks", "Set the rate to 2/λmax"),
                         "diverged": T_("checks", "Set a rate above 2/λmax")}[p["name"]],
              "where the rate stands against the curvature (the regime marks): for plain gradient descent "
              "converging below 1/λmax, zigzag from 1/λmax, oscillating at 2/λmax, diverged above"),
    Predicate("status", {"value": Param("choice", True, ("ready", "diverged"))},
              lambda ctx, p: ctx.session.trainer.status == p["value"],
              lambda p: T_("checks", "Let the run diverge") if p["value"] == "diverged"
              else T_("checks", "Keep the run from diverging"),
              "the trainer's status: ready, or diverged (it stopped: the loss or a parameter blew up)"),
    Predicate("value", {"quantity": Param("quantity", True), "above": NUMBER, "below": NUMBER, "near": NUMBER,
                        "within": NUMBER},
              lambda ctx, p: _within(ctx.reader.value(*quantities.parse_reference(p["quantity"])), p),
              lambda p: f"{p['quantity']} {_bounds(p)}",
              "a quantity (see the list of quantities) is above, below, or within ``within`` (default 1e-9) "
              "of ``near``", needs_one_of=("above", "below", "near")),
    Predicate("setting", {"name": Param("choice", True, SETTINGS), "value": Param("setting", True)}, _setting,
              lambda p: T_("checks", "Set %1 to %2", p["name"], p["value"]),
              "a training setting (batch: full, online or a size; optimizer; loss; backprop; shuffle; "
              "schedule: its kind) has the value given"),
    Predicate("init", {"scheme": Param("choice", True, INIT_SCHEMES)},
              lambda ctx, p: ctx.session.trainer.init_scheme == p["scheme"],
              lambda p: T_("checks", "Start from the %1 initialisation", p["scheme"]),
              "the network's initial weights came from this scheme (Zeros and Large in the training options)"),
    Predicate("selected", {"param": Param("text", True)}, _selected,
              lambda p: T_("checks", "Select %1 on the canvas", p["param"]),
              "the parameter is selected (click its edge)"),
    Predicate("fork", {"optimizer": Param("text"), "batch": Param("setting"), "loss": Param("text"),
                       "at_least": Param("count")}, _fork,
              _describe_fork,
              "one of the forks has these settings and has run ``at_least`` iterations since it branched (a list "
              "of fork checks with different settings: a fork for each)"),
    Predicate("race", {"at_least": Param("count", True, low=1)}, _race,
              lambda p: T_("checks", "Race the two backprop modes for %n iterations", n=p["at_least"]),
              "a chain-vs-proportional race of at least ``at_least`` iterations has finished"),
    Predicate("sweep", {"used": Param("bool")}, _sweep,
              lambda p: T_("checks", "Run a learning-rate sweep and use its best rate") if p.get("used")
              else T_("checks", "Run a learning-rate sweep"),
              "a learning-rate sweep finished during the step (``used``: and its best rate is the rate)"),
    Predicate("stop_rules", {"until_loss": Param("setting"), "max_iterations": COUNT1}, _stop_rules,
              _describe_stop_rules,
              "Play's stopping rules: a loss threshold (true: any, or the number) and/or an iteration count",
              needs_one_of=("until_loss", "max_iterations")),
    Predicate("stopped", {}, _stopped, lambda p: T_("checks", "Play until a stopping rule stops it"),
              "Play has stopped and a stopping rule holds (the loss below its threshold, or the iteration "
              "count reached)"),
    Predicate("data", {"normalised": Param("bool"), "check": Param("bool")}, _data,
              _describe_data,
              "the training data is (not) normalised, has (no) check set", needs_one_of=("normalised", "check")),
)}


def check_params(kind: str, params: dict) -> dict:
    """``params`` of a check of ``kind``, checked (ValueError: 'field: what was expected')."""
    pred = PREDICATES.get(kind)
    if pred is None:
        raise ValueError(T_("LessonError", "kind: unknown check %1; expected one of %2", repr(kind),
                            ', '.join(PREDICATES)))
    out = {}
    for name, value in params.items():
        spec = pred.params.get(name)
        if spec is None:
            expected = ", ".join(pred.params) or "no parameters"
            raise ValueError(T_("LessonError", "%1: %2 takes %3", name, kind, expected))
        out[name] = _value(name, spec, value)
    for name, spec in pred.params.items():
        if spec.required and name not in out:
            raise ValueError(T_("LessonError", "%1: a %2 check needs it", name, kind))
    if pred.needs_one_of and not any(n in out for n in pred.needs_one_of):
        raise ValueError(T_("LessonError", "%1: a %2 check needs one of %3", pred.needs_one_of[0], kind,
                            ', '.join(pred.needs_one_of)))
    if kind == "setting":
        _check_setting(out["name"], out["value"])
    if kind == "fork" and "batch" in out:
        _check_setting("batch", out["batch"])
    return out


def _value(name: str, spec: Param, value):
    kind = spec.kind
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueError(T_("LessonError", "%1: expected a number, got %2", name, repr(value)))
        return float(value)
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < spec.low:
            raise ValueError(T_("LessonError", "%1: expected a whole number >= %2, got %3", name, spec.low,
                                repr(value)))
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(T_("LessonError", "%1: expected true or false, got %2", name, repr(value)))
        return value
    if kind == "setting":
        if not isinstance(value, (str, int, float, bool)):
            raise ValueError(T_("LessonError", "%1: expected text, a number or true/false, got %2", name, repr(value)))
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError(T_("LessonError", "%1: expected text, got %2", name, repr(value)))
    if kind == "choice" and value not in spec.choices:
        raise ValueError(T_("LessonError", "%1: expected one of %2, got %3", name, ', '.join(map(str, spec.choices)),
                            repr(value)))
    if kind == "quantity":
        try:
            quantities.parse_reference(value)
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
    return value


def _check_setting(name: str, value) -> None:
    if name == "batch":
        try:
            parse_batch(value)
        except ValueError as exc:
            raise ValueError(T_("LessonError", "value: %1", exc)) from None
    elif name == "shuffle" and not isinstance(value, bool):
        raise ValueError(T_("LessonError", "value: shuffle is true or false, got %1", repr(value)))
