"""Worked arithmetic: each micro-step written out with the real numbers.

The same text serves ``nnviz trace``, the window's equation inspector and the tests,
so every number a user reads is the number the Trainer computed. Lines look like::

    net_h1 = w1*i1 + w2*i2 + b1 = 0.15*0.05 + 0.2*0.1 + 0.35 = 0.3775
    out_h1 = sigmoid(net_h1) = sigmoid(0.3775) = 0.593269992

Names come from the network where it has them (i1, h1, w5), else the canonical ones
(a[1][0] for neuron 0 of layer 1, W2[0,1], b2[0]).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import numpy as np

from nnviz.core.network import Network, Param
from nnviz.core.trainer import IterationValues, MicroStep, Trainer
from nnviz.core import words
from nnviz.core.words import T_

MAX_TERMS = 12  # longer sums show their first and last terms around an ellipsis


@dataclass(frozen=True)
class Line:
    """One line of worked arithmetic: ``layer``/``unit`` name the neuron it belongs to
    (the receiving neuron for a weight), ``param`` the parameter it computes, if any."""

    text: str
    layer: int | None = None
    unit: int | None = None
    param: str | None = None

    def __str__(self) -> str:
        return self.text


class Names:
    """The symbols of one network: ``out(l, j)``, ``net(l, j)``, ``param(p)`` ..."""

    def __init__(self, network: Network) -> None:
        self.network = network

    def _base(self, layer: int, unit: int) -> str | None:
        return self.network.neuron_name(layer, unit)

    def out(self, layer: int, unit: int) -> str:
        base = self._base(layer, unit)
        if base is None:
            return f"a[{layer}][{unit}]"
        return base if layer == 0 else f"out_{base}"

    def net(self, layer: int, unit: int) -> str:
        base = self._base(layer, unit)
        return f"net_{base}" if base else f"net[{layer}][{unit}]"

    def _sub(self, symbol: str, layer: int, unit: int) -> str:
        base = self._base(layer, unit)
        return f"{symbol}_{base}" if base else f"{symbol}[{layer}][{unit}]"

    def delta(self, layer: int, unit: int) -> str:
        return self._sub("delta", layer, unit)

    def error(self, layer: int, unit: int) -> str:
        return self._sub("e", layer, unit)

    def target(self, unit: int) -> str:
        base = self._base(self.network.n_layers, unit)
        return f"t_{base}" if base else f"t[{unit}]"

    def loss_term(self, unit: int) -> str:
        base = self._base(self.network.n_layers, unit)
        return f"E_{base}" if base else f"E[{unit}]"

    def param(self, p: Param) -> str:
        return self.network.display_name(p)

    def own(self, p: Param) -> str:
        """The parameter's name where it is the subject of a line: a display name that
        several parameters share (the worked example's b1 feeds both h1 and h2) gets the
        receiving neuron, b1(h1)."""
        name = self.network.display_name(p)
        if name != p.name and list(self.network.param_names.values()).count(name) > 1:
            return f"{name}({self.network.neuron_name(p.layer, p.row) or p.row})"
        return name


class Formatter:
    """Numbers with ``digits`` decimal places, trailing zeros dropped, as worked examples
    print them (0.75136507, 1.105905967). Numbers too small to keep three significant
    digits that way, and very large ones, use ``digits`` significant digits instead."""

    def __init__(self, digits: int = 9) -> None:
        if not 1 <= digits <= 17:
            raise ValueError(f"digits must be 1..17, got {digits}")
        self.digits = digits
        self._fixed_from = 10.0 ** -(digits - 2)

    def num(self, x: float) -> str:
        x = float(x)
        if x == 0:
            return "0"
        if self._fixed_from <= abs(x) < 1e7:
            s = f"{x:.{self.digits}f}"
            if "." in s:
                s = s.rstrip("0").rstrip(".")
            return s
        return f"{x:.{self.digits}g}"

    def factor(self, x: float) -> str:
        """A number as a factor or term: negative numbers in parentheses."""
        s = self.num(x)
        return f"({s})" if s.startswith("-") else s


def _join(terms: list[str], sep: str) -> str:
    return _join_over(len(terms), terms.__getitem__, sep)


def _join_over(m: int, term: Callable[[int], str], sep: str) -> str:
    """``term(0) .. term(m - 1)`` joined; a longer sum shows its first and last terms around
    an ellipsis, and only the terms shown are formatted (a sum over millions of samples
    costs as little as one over twelve)."""
    if m <= MAX_TERMS:
        return sep.join(term(s) for s in range(m))
    shown = [term(s) for s in range(MAX_TERMS - 2)] + [T_("explain", "… (%n more)", n=m - MAX_TERMS + 1),
                                                       term(m - 1)]
    return sep.join(shown)


class Explainer:
    """Worked arithmetic for the micro-steps of a Trainer's current iteration."""

    def __init__(self, trainer: Trainer, digits: int = 9) -> None:
        self.trainer = trainer
        self.names = Names(trainer.network)
        self.f = Formatter(digits)

    # ------------------------------------------------------------------ helpers
    @property
    def _values(self) -> IterationValues:
        return self.trainer.values

    @property
    def _loss_fn(self):
        """The loss function this iteration used (the setting may have changed since)."""
        return self._values.loss_fn or self.trainer.loss_fn

    @property
    def _backprop(self) -> str:
        return self._values.backprop or self.trainer.backprop

    def _samples(self, sample: int | Sequence[int] | None) -> list[tuple[int, str]]:
        """(row within the batch, heading) for the samples to show: all (None), one, or
        the rows listed."""
        v = self._values
        n = v.inputs.shape[0]
        rows = range(n) if sample is None else [sample] if isinstance(sample, (int, np.integer)) else sample
        if n == 1:
            return [(0, "")]
        out = []
        for s in rows:
            data_row = int(v.batch[s]) if v.batch is not None else s
            out.append((s, T_("explain", "sample %1 of %2 (data row %3):", s + 1, n, data_row + 1)))
        return out

    def _before(self, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """(W, b) of ``layer`` as this iteration's forward and backward passes used them."""
        before = self._values.params_before[layer - 1]
        net = self.trainer.network
        return before if before is not None else (net.weights[layer - 1], net.biases[layer - 1])

    def _weights(self, layer: int) -> np.ndarray:
        return self._before(layer)[0]

    def _unit_range(self, layer: int, unit: int | None) -> range:
        n = self.trainer.network.sizes[layer]
        return range(n) if unit is None else range(unit, unit + 1)

    # -------------------------------------------------------------- the steps
    def step(self, step: MicroStep, sample: int | None = None, unit: int | None = None) -> list[Line]:
        """The lines of one micro-step already taken in the current (or last) iteration.
        ``unit`` narrows it to one neuron of the step's layer (weights into it)."""
        if step.phase == "forward":
            return list(self._forward(step.layer, sample, unit))
        if step.phase == "loss":
            return list(self._loss(sample, unit))
        if step.phase == "backward":
            return list(self._backward(step.layer, sample, unit))
        return list(self._update(step.layer, unit))

    def heading(self, step: MicroStep) -> str:
        return f"-- {step.describe(self.trainer.network.n_layers)} --"

    def _forward(self, layer: int, sample, unit) -> Iterator[Line]:
        v, n, f = self._values, self.names, self.f
        net = self.trainer.network
        w, b = self._before(layer)
        act = net.activations[layer - 1]
        a_prev = v.layer_input(layer)
        for s, head in self._samples(sample):
            if head:
                yield Line(head)
            for j in self._unit_range(layer, unit):
                sym, nums = [], []
                for i in range(net.sizes[layer - 1]):
                    sym.append(f"{n.param(Param('W', layer, j, i))}*{n.out(layer - 1, i)}")
                    nums.append(f"{f.factor(w[j, i])}*{f.factor(a_prev[s, i])}")
                sym.append(n.param(Param("b", layer, j)))
                nums.append(f.factor(b[j]))
                z = v.net[layer - 1][s, j]
                yield Line(f"{n.net(layer, j)} = {_join(sym, ' + ')} = {_join(nums, ' + ')} = {f.num(z)}",
                           layer, j)
                a = v.activations[layer - 1][s, j]
                if act.name == "softmax":
                    k_all = range(net.sizes[layer])
                    den_sym = " + ".join(f"exp({n.net(layer, k)})" for k in k_all)
                    den_num = " + ".join(f"exp({f.num(v.net[layer - 1][s, k])})" for k in k_all)
                    yield Line(f"{n.out(layer, j)} = exp({n.net(layer, j)}) / ({den_sym}) = "
                               f"exp({f.num(z)}) / ({den_num}) = {f.num(a)}", layer, j)
                else:
                    yield Line(f"{n.out(layer, j)} = {act.name}({n.net(layer, j)}) = "
                               f"{act.name}({f.num(z)}) = {f.num(a)}", layer, j)

    def _loss(self, sample, unit) -> Iterator[Line]:
        t = self.trainer
        v, n, f = self._values, self.names, self.f
        L = t.network.n_layers
        loss_fn = self._loss_fn
        terms = loss_fn.terms(v.net[-1], v.activations[-1], v.targets)
        n_out = t.network.sizes[-1]
        samples = self._samples(sample)
        for s, head in samples:
            if head:
                yield Line(head)
            for j in range(n_out) if unit is None else [unit]:
                o, tt = f.factor(v.activations[-1][s, j]), f.factor(v.targets[s, j])
                os_, ts = n.out(L, j), n.target(j)
                if loss_fn.name == "half_sse":
                    expr = f"1/2*({ts} - {os_})^2 = 1/2*({tt} - {o})^2"
                elif loss_fn.name == "mse":
                    expr = f"({ts} - {os_})^2/{n_out} = ({tt} - {o})^2/{n_out}"
                elif loss_fn.activation.name == "softmax":
                    expr = f"-{ts}*log({os_}) = -{tt}*log({o})"
                else:
                    expr = (f"-({ts}*log({os_}) + (1 - {ts})*log(1 - {os_})) = "
                            f"-({tt}*log({o}) + (1 - {tt})*log(1 - {o}))")
                yield Line(f"{n.loss_term(j)} = {expr} = {f.num(terms[s, j])}", L, j)
            if unit is None and n_out > 1:
                sym = " + ".join(n.loss_term(j) for j in range(n_out))
                nums = " + ".join(f.factor(terms[s, j]) for j in range(n_out))
                yield Line(f"E_total = {sym} = {nums} = {f.num(v.per_sample_loss[s])}")
        if unit is None and v.inputs.shape[0] > 1 and not isinstance(sample, (int, np.integer)):
            m = v.inputs.shape[0]
            nums = _join_over(m, lambda s: f.factor(v.per_sample_loss[s]), " + ")
            yield Line(T_("explain", "E = mean over the %n samples = (%1)/%n = %2", nums, f.num(v.loss), n=m))

    def _backward(self, layer: int, sample, unit) -> Iterator[Line]:
        if self._backprop == "proportional":
            yield from self._backward_proportional(layer, sample, unit)
        else:
            yield from self._backward_chain(layer, sample, unit)
        yield from self._gradients(layer, unit)

    def _backward_chain(self, layer: int, sample, unit) -> Iterator[Line]:
        t = self.trainer
        v, n, f = self._values, self.names, self.f
        net = t.network
        L = net.n_layers
        act = net.activations[layer - 1]
        a = v.activations[layer - 1]
        delta = v.errors[layer - 1]
        loss_fn = self._loss_fn
        for s, head in self._samples(sample):
            if head:
                yield Line(head)
            for j in self._unit_range(layer, unit):
                o, d = n.out(layer, j), n.delta(layer, j)
                if layer == L and loss_fn.name == "cross_entropy":
                    yield Line(f"{d} = {o} - {n.target(j)} = {f.factor(a[s, j])} - "
                               f"{f.factor(v.targets[s, j])} = {f.num(delta[s, j])}   "
                               + T_("explain", "(cross-entropy with %1: f' cancels)", act.name), layer, j)
                    continue
                if layer == L:
                    g = loss_fn.output_grad(a[s:s + 1], v.targets[s:s + 1])[0, j]
                    diff_sym = f"{o} - {n.target(j)}"
                    diff_num = f"{f.factor(a[s, j])} - {f.factor(v.targets[s, j])}"
                    if loss_fn.name != "half_sse":  # mse: 2/n_out (out - t)
                        diff_sym = f"2/{net.sizes[-1]}*({diff_sym})"
                        diff_num = f"2/{net.sizes[-1]}*({diff_num})"
                    yield Line(f"dE/d{o} = {diff_sym} = {diff_num} = {f.num(g)}", layer, j)
                else:
                    nxt = v.errors[layer]
                    w = self._weights(layer + 1)
                    ks = range(net.sizes[layer + 1])
                    sym = _join([f"{n.delta(layer + 1, k)}*{n.param(Param('W', layer + 1, k, j))}" for k in ks], " + ")
                    nums = _join([f"{f.factor(nxt[s, k])}*{f.factor(w[k, j])}" for k in ks], " + ")
                    g = float(nxt[s] @ w[:, j])
                    yield Line(f"dE/d{o} = {sym} = {nums} = {f.num(g)}", layer, j)
                if act.name == "softmax":
                    yield Line(f"{d} = {o}*(dE/d{o} - sum_k dE/dout_k*out_k) = {f.num(delta[s, j])}", layer, j)
                    continue
                z = v.net[layer - 1][s, j]
                deriv = act.derivative(v.net[layer - 1][s:s + 1, j], a[s:s + 1, j])[0]
                sym = act.formula().replace("out", o).replace("net", n.net(layer, j))
                filled = act.formula().replace("out", f.factor(a[s, j])).replace("net", f.factor(z))
                steps = [x for x in dict.fromkeys((sym, filled)) if x != f.num(deriv)]
                yield Line(" = ".join([f"d{o}/d{n.net(layer, j)}", *steps, f.num(deriv)]), layer, j)
                yield Line(f"{d} = dE/d{o} * d{o}/d{n.net(layer, j)} = {f.factor(g)}*{f.factor(deriv)} = "
                           f"{f.num(delta[s, j])}", layer, j)

    def _backward_proportional(self, layer: int, sample, unit) -> Iterator[Line]:
        v, n, f = self._values, self.names, self.f
        net = self.trainer.network
        L = net.n_layers
        e = v.errors[layer - 1]
        for s, head in self._samples(sample):
            if head:
                yield Line(head)
            for j in self._unit_range(layer, unit):
                if layer == L:
                    yield Line(f"{n.error(layer, j)} = {n.target(j)} - {n.out(layer, j)} = "
                               f"{f.factor(v.targets[s, j])} - {f.factor(v.activations[-1][s, j])} = "
                               f"{f.num(e[s, j])}", layer, j)
                    continue
                w = self._weights(layer + 1)
                nxt = v.errors[layer]
                sym, nums = [], []
                for k in range(net.sizes[layer + 1]):
                    row = [n.param(Param("W", layer + 1, k, i)) for i in range(net.sizes[layer])]
                    denom = " + ".join(f"|{r}|" for r in row)
                    sym.append(f"{n.error(layer + 1, k)}*{n.param(Param('W', layer + 1, k, j))}/({denom})")
                    nums.append(f"{f.factor(nxt[s, k])}*{f.factor(w[k, j])}/{f.factor(np.abs(w[k]).sum())}")
                yield Line(f"{n.error(layer, j)} = {_join(sym, ' + ')} = {_join(nums, ' + ')} = "
                           f"{f.num(e[s, j])}", layer, j)

    def _gradients(self, layer: int, unit) -> Iterator[Line]:
        """dE/dw for each parameter of the layer, as its chain-rule product."""
        t = self.trainer
        v, n, f = self._values, self.names, self.f
        net = t.network
        act = net.activations[layer - 1]
        a_prev = v.layer_input(layer)
        m = a_prev.shape[0]
        chain = self._backprop == "chain"
        for j in self._unit_range(layer, unit):
            o = n.out(layer, j)
            for i in list(range(net.sizes[layer - 1])) + [None]:
                p = Param("W", layer, j, i) if i is not None else Param("b", layer, j)
                pn = n.own(p)
                grad = v.grad_W[layer - 1][j, i] if i is not None else v.grad_b[layer - 1][j]
                x = a_prev[:, i] if i is not None else np.ones(m)
                x_name = n.out(layer - 1, i) if i is not None else "1"
                if chain:
                    lhs = f"dE/d{pn}"
                    if m == 1:
                        text = self._chain_product(layer, j, pn, x_name, x[0])
                        yield Line(f"{lhs} = {text} = {f.num(grad)}", layer, j, p.name)
                        continue
                    terms = _join_over(m, lambda s: f"{f.factor(v.errors[layer - 1][s, j])}*{f.factor(x[s])}", " + ")
                    mean = T_("explain", "mean over samples of %1", f"{n.delta(layer, j)}*{x_name}")
                    yield Line(f"{lhs} = {mean} = ({terms})/{m} = {f.num(grad)}", layer, j, p.name)
                else:
                    z, a = v.net[layer - 1][:, j], v.activations[layer - 1][:, j]
                    deriv = act.derivative(z, a)
                    e = v.errors[layer - 1][:, j]
                    terms = _join_over(m, lambda s: f"{f.factor(e[s])}*{f.factor(deriv[s])}*{f.factor(x[s])}", " + ")
                    body = terms if m == 1 else f"({terms})/{m}"
                    yield Line(f"g_{pn} = -{n.error(layer, j)}*d{o}/d{n.net(layer, j)}*{x_name} = -{body} = "
                               f"{f.num(grad)}", layer, j, p.name)

    def _chain_product(self, layer: int, j: int, pn: str, x_name: str, x: float) -> str:
        """dE/dout * dout/dnet * dnet/dw with each factor's value (one sample)."""
        t = self.trainer
        v, n, f = self._values, self.names, self.f
        net = t.network
        act = net.activations[layer - 1]
        o, netname = n.out(layer, j), n.net(layer, j)
        if layer == net.n_layers and self._loss_fn.name == "cross_entropy" or act.name == "softmax":
            d = v.errors[layer - 1][0, j]
            return f"{n.delta(layer, j)} * d{netname}/d{pn} = {f.factor(d)}*{f.factor(x)}"
        if layer == net.n_layers:
            g = self._loss_fn.output_grad(v.activations[-1][:1], v.targets[:1])[0, j]
        else:
            g = float(v.errors[layer][0] @ self._weights(layer + 1)[:, j])
        deriv = act.derivative(v.net[layer - 1][:1, j], v.activations[layer - 1][:1, j])[0]
        return (f"dE/d{o} * d{o}/d{netname} * d{netname}/d{pn} = "
                f"{f.factor(g)}*{f.factor(deriv)}*{f.factor(x)}")

    def _update(self, layer: int, unit) -> Iterator[Line]:
        t = self.trainer
        v, n, f = self._values, self.names, self.f
        net = t.network
        opt = v.optimizer or t.optimizer  # the optimizer this update phase used
        lr = f.num(v.learning_rate)
        chain = self._backprop == "chain"
        state_w, state_b = v.opt_before[layer - 1]
        tt = v.opt_t
        for j in self._unit_range(layer, unit):
            for i in list(range(net.sizes[layer - 1])) + [None]:
                p = Param("W", layer, j, i) if i is not None else Param("b", layer, j)
                pn, idx = n.own(p), p.index
                new = (net.weights if i is not None else net.biases)[layer - 1][idx]
                old = self._before(layer)[0 if i is not None else 1][idx]
                if t.is_frozen(p):
                    yield Line(T_("explain", "%1 is frozen: stays %2", pn, f.num(old)), layer, j, p.name)
                    continue
                grad = (v.grad_W if i is not None else v.grad_b)[layer - 1][idx]
                g_sym = f"dE/d{pn}" if chain else f"g_{pn}"
                state = [s[idx] for s in (state_w if i is not None else state_b)]
                for text in self._optimizer_lines(opt, pn, g_sym, grad, state, old, new, lr, tt):
                    yield Line(text, layer, j, p.name)

    def _optimizer_lines(self, opt, pn, g_sym, g, state, old, new, lr, t) -> list[str]:
        f = self.f
        name = opt.name
        if name == "sgd":
            return [f"{pn} <- {pn} - lr*{g_sym} = {f.factor(old)} - {lr}*{f.factor(g)} = {f.num(new)}"]
        if name == "momentum":
            mu = opt.params["momentum"]
            v_new = mu * state[0] + g
            return [f"v_{pn} = {f.num(mu)}*v_{pn} + {g_sym} = {f.num(mu)}*{f.factor(state[0])} + {f.factor(g)} = {f.num(v_new)}",
                    f"{pn} <- {pn} - lr*v_{pn} = {f.factor(old)} - {lr}*{f.factor(v_new)} = {f.num(new)}"]
        if name == "adagrad":
            eps = f.num(opt.params["eps"])
            s_new = state[0] + g * g
            return [f"G_{pn} = G_{pn} + {g_sym}^2 = {f.factor(state[0])} + {f.factor(g)}^2 = {f.num(s_new)}",
                    f"{pn} <- {pn} - lr*{g_sym}/(sqrt(G_{pn}) + {eps}) = {f.factor(old)} - {lr}*{f.factor(g)}/"
                    f"(sqrt({f.num(s_new)}) + {eps}) = {f.num(new)}"]
        b1, b2, eps = opt.params["beta1"], opt.params["beta2"], opt.params["eps"]
        m_new = b1 * state[0] + (1 - b1) * g
        v_new = b2 * state[1] + (1 - b2) * g * g
        return [f"m_{pn} = {f.num(b1)}*m_{pn} + {f.num(1 - b1)}*{g_sym} = {f.num(b1)}*{f.factor(state[0])} + "
                f"{f.num(1 - b1)}*{f.factor(g)} = {f.num(m_new)}",
                f"v_{pn} = {f.num(b2)}*v_{pn} + {f.num(1 - b2)}*{g_sym}^2 = {f.num(b2)}*{f.factor(state[1])} + "
                f"{f.num(1 - b2)}*{f.factor(g)}^2 = {f.num(v_new)}",
                f"{pn} <- {pn} - lr*(m_{pn}/(1 - {f.num(b1)}^{t}))/(sqrt(v_{pn}/(1 - {f.num(b2)}^{t})) + {f.num(eps)}) = "
                f"{f.factor(old)} - {lr}*({f.factor(m_new)}/{f.num(1 - b1 ** t)})/(sqrt({f.num(v_new)}/"
                f"{f.num(1 - b2 ** t)}) + {f.num(eps)}) = {f.num(new)}"]


def trace(trainer: Trainer, iterations: int = 1, digits: int = 9,
          max_samples: int | None = None) -> Iterator[str]:
    """Run ``iterations`` iterations (finishing a half-done one first counts as one) and
    yield every micro-step as worked arithmetic; with ``max_samples``, the per-sample lines
    of a step show that many samples of a larger batch, then how many more there are."""
    ex = Explainer(trainer, digits)
    for _ in range(iterations):
        mode = T_("explain", "chain rule") if trainer.backprop == "chain" else T_("explain", "proportional error split")
        yield T_("explain", "== iteration %1 · %2 of %n samples · learning rate %3 · %4 · %5 · %6 ==",
                 trainer.iteration + 1, trainer.batch_size, ex.f.num(trainer.learning_rate), trainer.optimizer.name,
                 trainer.loss, mode, n=trainer.n_samples)
        while True:
            step = trainer.next_step
            if not trainer.step("micro"):
                yield T_("explain", "stopped: %1", words.shown(trainer.status_message))
                return
            yield ex.heading(step)
            m = trainer.values.inputs.shape[0]
            rows = None if max_samples is None or m <= max_samples or step.phase == "update" \
                else range(max_samples)
            for line in ex.step(step, sample=rows):
                yield line.text
            if rows is not None:
                yield T_("explain", "… and %1 more samples", f"{m - max_samples:,}", n=m - max_samples)
            if trainer.cursor == 0:
                break
        yield T_("explain", "iteration %1 done: loss (forward pass) %2, loss now %3", trainer.iteration,
                 ex.f.num(trainer.loss_history[-1]), ex.f.num(trainer.evaluate_loss()))
