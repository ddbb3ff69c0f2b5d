"""Worked arithmetic (nnviz.core.analysis.explain): every number a line ends with is the number
the Trainer computed, the arithmetic written out adds up, names follow the network
(generic a[1][0], W2[0,1], b1[0] when it has none), ``digits`` sets the precision and
no line ever shows nan or inf."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.data.datasets import Dataset
from nnviz.core.analysis.explain import Explainer, Formatter, trace
from nnviz.core.trainer import Trainer, create

NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?"
PARAM = r"(?:W(\d+)\[(\d+),(\d+)\]|b(\d+)\[(\d+)\])"


# ================================================================== the cases
@dataclass(frozen=True)
class Case:
    hidden: str
    output: str
    loss: str
    backprop: str
    optimizer: str
    batch: object = "full"
    sizes: tuple = (3, 4, 2)
    frozen: tuple = ()
    init: str = "uniform"
    seed: int = 0

    def __str__(self) -> str:
        return (f"{'-'.join(map(str, self.sizes))}-{self.hidden}-{self.output}-{self.loss}-"
                f"{self.backprop}-{self.optimizer}-{self.batch}{'-frozen' if self.frozen else ''}")


OUTPUT_LOSSES = [("sigmoid", "half_sse"), ("linear", "mse"), ("softmax", "cross_entropy"),
                 ("sigmoid", "cross_entropy"), ("tanh", "mse"), ("softmax", "half_sse"),
                 ("relu", "half_sse"), ("sigmoid", "mse")]
HIDDEN = ["sigmoid", "tanh", "relu", "linear"]
OPTIMIZERS = ["sgd", "momentum", "adagrad", "adam"]
BATCHES = ["full", "online", 2]


def _cases() -> list[Case]:
    cases = []
    for k, (output, loss) in enumerate(OUTPUT_LOSSES):
        for backprop in ("chain", "proportional"):
            i = 2 * k + (backprop == "proportional")
            cases.append(Case(
                hidden=HIDDEN[i % 4], output=output, loss=loss, backprop=backprop,
                optimizer=OPTIMIZERS[(i // 2 + i) % 4], batch=BATCHES[i % 3],
                sizes=(3, 4, 2) if i % 5 else (2, 3, 3, 2),
                frozen=("W1[0,1]", "b2[1]") if i % 4 == 1 else (), seed=i))
    return cases


CASES = _cases()


def test_the_cases_cover_every_choice():
    assert {c.hidden for c in CASES} == set(HIDDEN)
    assert {(c.output, c.loss) for c in CASES} == set(OUTPUT_LOSSES)
    assert {c.backprop for c in CASES} == {"chain", "proportional"}
    assert {c.optimizer for c in CASES} == set(OPTIMIZERS)
    assert {c.batch for c in CASES} == set(BATCHES)
    for opt in OPTIMIZERS:
        assert {c.backprop for c in CASES if c.optimizer == opt} == {"chain", "proportional"}
    assert any(c.frozen for c in CASES) and any(len(c.sizes) == 4 for c in CASES)


def build(case: Case) -> Trainer:
    rng = np.random.default_rng(100 + case.seed)
    n_in, n_out = case.sizes[0], case.sizes[-1]
    x = rng.uniform(-1.5, 1.5, (3, n_in))
    if case.loss == "cross_entropy" and case.output == "softmax":
        y = np.eye(n_out)[[0, n_out - 1, 0]]
    elif case.loss == "cross_entropy":
        y = (rng.uniform(size=(3, n_out)) > 0.5).astype(float)
    else:
        y = rng.uniform(-0.8, 0.8, (3, n_out)) if case.output in ("linear", "tanh") else rng.uniform(0.05, 0.95, (3, n_out))
    acts = [case.hidden] * (len(case.sizes) - 2) + [case.output]
    t = create(list(case.sizes), acts, Dataset(x, y), init=case.init, seed=case.seed, learning_rate=0.3,
               optimizer=case.optimizer, loss=case.loss, backprop=case.backprop, batch=case.batch,
               shuffle=case.batch != "full", frozen=case.frozen)
    return t


# ============================================== the values a line should show
def _f_prime(name: str, z: float, a: float) -> float:
    return {"sigmoid": a * (1 - a), "softmax": a * (1 - a), "tanh": 1 - a * a,
            "relu": float(z > 0), "linear": 1.0}[name]


def _loss_term(loss: str, output: str, z: np.ndarray, a: np.ndarray, t: np.ndarray, j: int) -> float:
    n_out = a.shape[0]
    if loss == "half_sse":
        return 0.5 * (t[j] - a[j]) ** 2
    if loss == "mse":
        return (t[j] - a[j]) ** 2 / n_out
    if output == "softmax":
        m = z.max()
        return -t[j] * (z[j] - m - math.log(np.exp(z - m).sum()))
    return float(np.logaddexp(0.0, z[j]) - t[j] * z[j])


def _param(m: re.Match) -> tuple[str, int, tuple]:
    """A PARAM match -> ('W' | 'b', layer, index)."""
    if m.group(1) is not None:
        return "W", int(m.group(1)), (int(m.group(2)), int(m.group(3)))
    return "b", int(m.group(4)), (int(m.group(5)),)


class Expected:
    """What each kind of line must end with, taken from the Trainer right after the
    micro-step ran (and, for the weights an iteration used, from its start)."""

    def __init__(self, trainer: Trainer, w_start, b_start, state_after=None) -> None:
        self.t = trainer
        self.v = trainer.values
        self.w_start, self.b_start = w_start, b_start
        self.state_after = state_after

    def __call__(self, lhs: str, s: int | None) -> float | None:
        t, v = self.t, self.v
        L = t.network.n_layers
        acts = t.network.activation_names
        if m := re.fullmatch(r"net\[(\d+)\]\[(\d+)\]", lhs):
            return v.net[int(m.group(1)) - 1][s, int(m.group(2))]
        if m := re.fullmatch(r"a\[(\d+)\]\[(\d+)\]", lhs):
            return v.activations[int(m.group(1)) - 1][s, int(m.group(2))]
        if m := re.fullmatch(r"E\[(\d+)\]", lhs):
            return _loss_term(t.loss, acts[-1], v.net[-1][s], v.activations[-1][s], v.targets[s], int(m.group(1)))
        if lhs == "E_total":
            return v.per_sample_loss[s]
        if lhs == "E":
            return v.loss
        if m := re.fullmatch(r"dE/da\[(\d+)\]\[(\d+)\]", lhs):
            l, j = int(m.group(1)), int(m.group(2))
            a, y = v.activations[l - 1][s], v.targets[s]
            if l == L:
                return (a[j] - y[j]) * (1.0 if t.loss == "half_sse" else 2.0 / a.shape[0])
            return float(v.errors[l][s] @ self.w_start[l][:, j])
        if m := re.fullmatch(r"da\[(\d+)\]\[(\d+)\]/dnet\[(\d+)\]\[(\d+)\]", lhs):
            l, j = int(m.group(1)), int(m.group(2))
            return _f_prime(acts[l - 1], v.net[l - 1][s, j], v.activations[l - 1][s, j])
        if m := re.fullmatch(r"(?:delta|e)\[(\d+)\]\[(\d+)\]", lhs):
            return v.errors[int(m.group(1)) - 1][s, int(m.group(2))]
        if m := re.fullmatch(r"(?:dE/d|g_)" + PARAM, lhs):
            kind, l, idx = _param(m)
            return (v.grad_W if kind == "W" else v.grad_b)[l - 1][idx]
        if m := re.fullmatch(PARAM, lhs):  # an update: the new value
            kind, l, idx = _param(m)
            return (t.network.weights if kind == "W" else t.network.biases)[l - 1][idx]
        if m := re.fullmatch(r"(v|m|G)_" + PARAM, lhs):  # optimizer state after the update
            if self.state_after is None:
                return None
            kind, l, idx = _param(re.fullmatch(PARAM, lhs[2:]))
            arrays = self.state_after[2 * (l - 1) + (kind == "b")]
            which = {"v": 0 if t.optimizer.name == "momentum" else 1, "m": 0, "G": 0}[m.group(1)]
            return arrays[which][idx]
        raise AssertionError(f"a line of an unknown kind: {lhs!r}")


def close(printed: str, value: float, digits: int) -> bool:
    """``printed`` is ``value`` at the printed precision: ``digits`` decimals, or
    ``digits`` significant digits for tiny (< 10^-(digits-2)) and huge (>= 1e7) numbers."""
    x = float(printed)
    value = float(value)
    if not math.isfinite(x) or not math.isfinite(value):
        return False
    if value == 0 or 10.0 ** -(digits - 2) <= abs(value) < 1e7:
        tol = 0.5 * 10.0 ** -digits
    else:
        tol = 0.5 * 10.0 ** (math.floor(math.log10(abs(value))) - digits + 1)
    return abs(x - value) <= tol * (1 + 1e-9) + 1e-15 * abs(value)


def final_number(text: str) -> str:
    tail = text.rsplit("=", 1)[1].strip() if "=" in text else text.rsplit("stays", 1)[1].strip()
    token = tail.split()[0]
    assert re.fullmatch(NUMBER, token), f"no number at the end of {text!r}"
    return token


def lhs_of(text: str) -> str:
    if " <- " in text:
        return text.split(" <- ", 1)[0]
    if " is frozen: stays " in text:
        return text.split(" is frozen", 1)[0]
    return text.split(" = ", 1)[0]


def walk(trainer: Trainer, iterations: int, digits: int = 9, state_lines: bool = False):
    """Step micro-step by micro-step; yield (line, expected value or None, digits)."""
    ex = Explainer(trainer, digits)
    for _ in range(iterations):
        w_start, b_start = list(trainer.network.weights), list(trainer.network.biases)
        while True:
            step = trainer.next_step
            assert trainer.step("micro") == 1
            want = Expected(trainer, w_start, b_start,
                            trainer.training_state().opt_state if state_lines else None)
            s = 0 if trainer.values.inputs.shape[0] == 1 else None
            for line in ex.step(step):
                text = line.text
                if m := re.fullmatch(r"sample (\d+) of (\d+) \(data row (\d+)\):", text):
                    s = int(m.group(1)) - 1
                    batch = trainer.values.batch
                    assert int(m.group(3)) - 1 == (s if batch is None else int(batch[s]))
                    continue
                lhs = lhs_of(text)
                if " is frozen: stays " in text:
                    assert trainer.is_frozen(lhs) or any(
                        trainer.network.display_name(p) == lhs and trainer.is_frozen(p)
                        for p in trainer.network.params())
                yield step, text, want(lhs, s), lhs
            if trainer.cursor == 0:
                break


# ================================================================ the tests
@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_line_ends_with_the_trainers_number(case):
    t = build(case)
    t.run(1)  # so that the optimizer has state
    n = 0
    for step, text, want, lhs in walk(t, 2):
        assert "nan" not in text.lower() and "inf" not in text.lower(), text
        if want is None:  # optimizer state lines: see test_optimizer_state_lines_*
            assert re.match(r"(v|m|G)_", lhs), text
            continue
        assert close(final_number(text), want, 9), f"{text!r}: expected {want!r}"
        n += 1
    assert n > 50


@pytest.mark.parametrize("digits", [4, 6, 12])
@pytest.mark.parametrize("case", CASES[:4], ids=str)
def test_digits_set_the_precision_of_every_final_number(case, digits):
    t = build(case)
    t.run(1)
    for _, text, want, lhs in walk(t, 1, digits):
        if want is None:
            continue
        token = final_number(text)
        assert close(token, want, digits), f"{text!r}: expected {want!r}"
        if "e" not in token and 10.0 ** -(digits - 2) <= abs(want) < 1e7:
            assert len(token.split(".")[1]) <= digits if "." in token else True, text


def _evaluable(expr: str) -> bool:
    return "…" not in expr and re.fullmatch(r"[-+*/()^ .0-9e]*(?:(?:sqrt|exp|log|sigmoid|tanh|relu|linear)"
                                             r"[-+*/()^ .0-9e]*)*", expr) is not None


_FUNCS = {"sqrt": math.sqrt, "exp": math.exp, "log": math.log, "tanh": math.tanh,
          "sigmoid": lambda z: 1 / (1 + math.exp(-z)), "relu": lambda z: max(z, 0.0), "linear": lambda z: z}


def _arithmetic_adds_up(text: str, digits: int) -> bool | None:
    """The last arithmetic shown (between the last two '=') evaluates to the final
    number, up to the rounding of the numbers shown; None when there is none."""
    parts = text.split(" = ")
    if len(parts) < 3:
        return None
    expr, result = parts[-2].strip(), final_number(text)
    expr = re.sub(r"^mean over (?:the \d+ )?samples? .*$", "", expr)
    if not expr or not _evaluable(expr):
        return None
    try:
        got = eval(expr.replace("^", "**"), {"__builtins__": {}}, _FUNCS)  # our own printed numbers
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    numbers = [abs(float(x)) for x in re.findall(NUMBER, expr)] + [abs(float(result))]
    scale = max(numbers + [1e-300])
    tol = (2e-3 if "sqrt" in expr else 1e-6) * scale + 10.0 ** -digits * len(numbers)
    return abs(got - float(result)) <= tol


@pytest.mark.parametrize("case", [c for c in CASES if c.optimizer == "sgd"] + [
    Case("tanh", "sigmoid", "half_sse", "chain", "sgd", "online", (2, 3, 3, 1)),
    Case("relu", "softmax", "cross_entropy", "proportional", "sgd", 2)], ids=str)
def test_the_arithmetic_written_out_adds_up(case):
    t = build(case)
    t.run(1)
    checked = 0
    for _, text, _, _ in walk(t, 2):
        ok = _arithmetic_adds_up(text, 9)
        if ok is None:
            continue
        assert ok, text
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("optimizer", ["momentum", "adagrad", "adam"])
def test_values_opt_before_is_the_state_before_the_update(optimizer):
    t = presets.load("xor")
    t.configure(optimizer=optimizer)
    t.run(2)
    for _ in range(len(t.steps) - 1):  # up to the last update (layer 1)
        t.step("micro")
    before = [np.array(a) for a in t.training_state().opt_state[0]]
    t.step("micro")
    recorded = t.values.opt_before[0][0]  # layer 1, the W1 state arrays
    assert all(np.array_equal(a, b) for a, b in zip(recorded, before))


@pytest.mark.parametrize("optimizer", ["momentum", "adagrad", "adam"])
def test_optimizer_state_lines_match_the_trainer(optimizer):
    case = Case("tanh", "sigmoid", "half_sse", "chain", optimizer, "full", (2, 3, 1), seed=3)
    t = build(case)
    t.run(2)
    bad = []
    for step, text, want, lhs in walk(t, 1, state_lines=True):
        if step.phase != "update":
            continue
        if want is not None and not close(final_number(text), want, 9):
            bad.append(text)
        if _arithmetic_adds_up(text, 9) is False:
            bad.append(text)
    assert bad == []


def test_sgd_update_lines_match_the_trainer_and_add_up():
    """The same checks as the xfail above pass for plain SGD (no state)."""
    t = build(Case("tanh", "sigmoid", "half_sse", "chain", "sgd", "full", (2, 3, 1), seed=3))
    t.run(2)
    lines = [text for step, text, want, _ in walk(t, 1) if step.phase == "update"]
    assert lines and all(_arithmetic_adds_up(x, 9) for x in lines)


# ======================================================================= names
def test_generic_names_in_a_three_layer_net():
    rng = np.random.default_rng(4)
    t = create([2, 3, 2, 1], ["tanh", "sigmoid", "linear"],
               Dataset(rng.uniform(-1, 1, (1, 2)), rng.uniform(-1, 1, (1, 1))), seed=4, loss="mse")
    lines = list(trace(t, 1))
    text = "\n".join(lines)
    for name in ("a[1][0]", "W2[0,1]", "b1[0]", "a[0][1]", "net[3][0]", "delta[2][1]", "W3[0,1]", "b3[0]"):
        assert name in text, name
    starts = {ln.split(" = ")[0].split(" <- ")[0] for ln in lines}
    assert {"net[1][0]", "a[1][0]", "net[2][1]", "a[3][0]", "E[0]", "dE/dW2[0,1]", "dE/db1[0]",
            "W2[0,1]", "b1[0]", "delta[1][2]"} <= starts
    assert any(ln.startswith("net[2][0] = W2[0,0]*a[1][0] + W2[0,1]*a[1][1] + W2[0,2]*a[1][2] + b2[0] = ")
               for ln in lines)
    assert any(ln.startswith("W2[0,1] <- W2[0,1] - lr*dE/dW2[0,1] = ") for ln in lines)
    headings = [ln for ln in lines if ln.startswith("--")]
    assert headings == ["-- Forward · layer 1 of 3 --", "-- Forward · layer 2 of 3 --", "-- Forward · layer 3 of 3 --",
                        "-- Loss --", "-- Backward · layer 3 of 3 --", "-- Backward · layer 2 of 3 --",
                        "-- Backward · layer 1 of 3 --", "-- Update · layer 3 of 3 --", "-- Update · layer 2 of 3 --",
                        "-- Update · layer 1 of 3 --"]
    assert lines[0].startswith("== iteration 1 · 1 of 1 samples · learning rate 0.5 · sgd · mse · chain rule ==")
    assert lines[-1] == (f"iteration 1 done: loss (forward pass) {Formatter(9).num(t.loss_history[-1])}, "
                         f"loss now {Formatter(9).num(t.evaluate_loss())}")
    assert not any(re.search(r"\b[hio]\d\b|w\d\b", ln) for ln in lines[1:])  # no preset names


def test_preset_names_in_the_mazur_trace():
    lines = list(trace(presets.load("mazur"), 1))
    assert "net_h1 = w1*i1 + w2*i2 + b1 = 0.15*0.05 + 0.2*0.1 + 0.35 = 0.3775" in lines
    assert "out_h1 = sigmoid(net_h1) = sigmoid(0.3775) = 0.593269992" in lines
    assert "E_total = E_o1 + E_o2 = 0.274811083 + 0.023560026 = 0.298371109" in lines
    assert "w5 <- w5 - lr*dE/dw5 = 0.4 - 0.5*0.082167041 = 0.35891648" in lines
    assert "b1(h2) is frozen: stays 0.35" in lines


def test_digits_4_on_the_worked_example():
    lines = list(trace(presets.load("mazur"), 1, digits=4))
    assert "out_h1 = sigmoid(net_h1) = sigmoid(0.3775) = 0.5933" in lines
    assert "E_total = E_o1 + E_o2 = 0.2748 + 0.0236 = 0.2984" in lines
    assert "w5 <- w5 - lr*dE/dw5 = 0.4 - 0.5*0.0822 = 0.3589" in lines
    # the default is 9 places
    assert "out_h1 = sigmoid(net_h1) = sigmoid(0.3775) = 0.593269992" in list(trace(presets.load("mazur"), 1))


@pytest.mark.parametrize("x, digits, text", [
    (0.75136507, 9, "0.75136507"), (0.5, 9, "0.5"), (-0.0227, 4, "-0.0227"), (0.0, 9, "0"),
    (1.23456789e-12, 9, "1.23456789e-12"), (12345678.9, 4, "1.235e+07"), (0.59326999, 4, "0.5933"),
    (3.0, 9, "3"),
])
def test_formatter(x, digits, text):
    assert Formatter(digits).num(x) == text


@pytest.mark.parametrize("digits", [0, 18])
def test_formatter_rejects_digits_out_of_range(digits):
    with pytest.raises(ValueError):
        Formatter(digits)


# ============================================================= no nan, no inf
NASTY = [
    Case("sigmoid", "sigmoid", "cross_entropy", "chain", "adam", "full", (2, 3, 2), init="large", seed=1),
    Case("tanh", "softmax", "cross_entropy", "chain", "adagrad", "online", (2, 3, 3), init="large", seed=2),
    Case("relu", "sigmoid", "half_sse", "proportional", "momentum", "full", (2, 3, 1), init="zeros", seed=3),
    Case("tanh", "tanh", "mse", "proportional", "sgd", 2, (2, 4, 2), init="zeros", seed=4),
    Case("relu", "linear", "mse", "chain", "adam", "full", (3, 5, 2), init="large", seed=5),
]


@pytest.mark.parametrize("case", NASTY, ids=str)
def test_lines_never_contain_nan_or_inf(case):
    t = build(case)
    if case.init == "large":  # push the net inputs far into saturation
        t.set_parameter("W1[0,0]", 900.0)
        t.set_parameter("b1[0]", -900.0)
    for digits in (9, 3):
        for line in trace(t, 2, digits):
            low = line.lower()
            assert "nan" not in low and "inf" not in low, line
    assert t.status == "ready"


def test_trace_with_huge_inputs_has_no_nan():
    x = np.array([[1e6, -1e6], [-1e6, 1e6]])
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    t = create([2, 3, 2], ["sigmoid", "softmax"], Dataset(x, y), seed=1, loss="cross_entropy", init="large")
    for line in trace(t, 2):
        assert "nan" not in line.lower() and "inf" not in line.lower(), line
