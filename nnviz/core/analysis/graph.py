"""The computational graph (计算图) of one parameter, from the parameter to the loss E,
read from the Trainer at its current micro-step.

Forward, each node computes its value from its inputs. Backward, each edge multiplies
the gradient arriving from above (the upstream gradient, 上游梯度) by its own local
derivative (局部梯度) and passes the product down (the downstream gradient, 下游梯度):
downstream = local × upstream. Where a value feeds several nodes, the downstream
gradients coming back along the paths add up (链式法则): that node shows the sum written
out. Edges point forward (src feeds dst); an edge's downstream gradient lands on src.

The graph holds only what the Trainer has computed: forward values appear once the
forward pass has reached their layer, gradients once the backward pass has, the update
node once the parameter's layer is updated; Step back takes them away again. Texts are
built here, with the numbers written as ``nnviz trace`` writes them, so that the window,
``nnviz graph`` and the tests read the same lines; a text also comes with a ``reserve``
(its numbers at full width) that the layout sizes boxes by, so that nothing moves when
the numbers arrive.

The graph follows one sample of the batch (``sample``); the other samples' paths to the
parameter are one collapsed node, and E is the batch mean. Layers after the parameter's
with more than ``max_units`` neurons show the neurons through which the most weight
leads and one "rest of layer" node with the summed contribution of the others
(``expand`` shows up to ``MAX_EXPANDED``). Softmax outputs and cross-entropy losses are
one combined node whose local derivative is the output delta (p − t for cross-entropy).
In ``proportional`` mode the edges carry shares of the output error, which is not a
gradient, and the graph says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core.analysis.explain import Formatter, Names
from nnviz.core.analysis.graph_model import Edge, Graph, Node, Text
from nnviz.core.network import Param
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, T_, translate

__all__ = ["Edge", "Graph", "Node", "Text", "PHASES", "MAX_UNITS", "MAX_EXPANDED", "build", "default_param",
           "run_to"]

PHASES = ("forward", "backward", "update")
MAX_UNITS = 4  # a later layer with more neurons than this is partly collapsed
MAX_EXPANDED = 12  # neurons an expanded layer shows at most (its edges to the next layer's multiply)
OP_WIDTH = 20  # characters: a longer sum in a node's heading is cut into lines at its + signs
PHASE_WORDS = {"forward": N_("graph", "forward"), "backward": N_("graph", "backward"), "update": N_("graph", "update")}


# ==================================================================== helpers
def default_param(trainer: Trainer) -> str:
    """The last weight the current micro-step touched (the first weight before any step)."""
    net = trainer.network
    step = trainer.last_step
    if step is None:
        return Param("W", 1, 0, 0).name
    layer = step.layer or net.n_layers
    return Param("W", layer, net.sizes[layer] - 1, net.sizes[layer - 1] - 1).name


def run_to(trainer: Trainer, phase: str) -> int:
    """Step ``trainer`` until its iteration has finished ``phase`` (forward includes the
    loss); nothing when it has got there, or when a finished iteration is shown. Returns
    the micro-steps run (fewer when the run diverges)."""
    if phase not in PHASES:
        raise ValueError(f"phase must be one of {', '.join(PHASES)}, got {phase!r}")
    L = trainer.network.n_layers
    if trainer.cursor == 0 and trainer.iteration > 0:
        return 0
    if phase == "update":
        return trainer.step("iteration")
    end = L + 1 if phase == "forward" else 2 * L + 1
    count = 0
    while trainer.cursor < end:
        ran = trainer.step("micro")
        count += ran
        if not ran or trainer.cursor == 0:
            break
    return count


class _Fmt:
    """Numbers as ``nnviz trace`` writes them, '?' for those still to come, and the
    widest a number gets for the reserve."""

    def __init__(self, digits: int) -> None:
        self.f = Formatter(digits)
        self.wide = "-0." + "0" * digits

    def line(self, template: str, *values, role: str = "op") -> Text:
        shown = [self.f.factor(x.x) if isinstance(x, _Factor) and x.x is not None else
                 "?" if x is None or isinstance(x, _Factor) else self.f.num(x) for x in values]
        wide = [f"({self.wide})" if isinstance(x, _Factor) else self.wide for x in values]
        return Text(template.format(*shown), template.format(*wide), role)


@dataclass(frozen=True)
class _Factor:
    """A number written as a factor: in parentheses when negative."""

    x: float | None


def _wrap_sum(op: str) -> list[str]:
    """``op`` in lines of at most OP_WIDTH characters, cut before its + signs."""
    if not op:
        return []
    lines = [""]
    for k, term in enumerate(op.split(" + ")):
        piece = term if k == 0 else f"+ {term}"
        if lines[-1] and len(lines[-1]) + 1 + len(piece) > OP_WIDTH:
            lines.append(piece)
        else:
            lines[-1] = f"{lines[-1]} {piece}".strip()
    return lines


# ==================================================================== the build
def build(trainer: Trainer, param: str | Param, *, sample: int = 0, digits: int = 9,
          phase: str | None = None, expand=(), max_units: int = MAX_UNITS, walk: int | None = None) -> Graph:
    """The graph of ``param`` (``'w1'``, ``'W1[0,0]'``, ``'b2[0]'``; ValueError when the
    network has no such parameter) for row ``sample`` of the batch, as the Trainer stands,
    or as it stood at the end of ``phase`` of this iteration (later values left out).
    ``walk``: show the backward pass only up to that node of ``walk_order`` (clipped)."""
    if phase is not None and phase not in PHASES:
        raise ValueError(f"phase must be one of {', '.join(PHASES)}, got {phase!r}")
    if max_units < 2:
        raise ValueError(f"max_units must be at least 2, got {max_units}")
    return _Builder(trainer, param, sample, digits, phase, frozenset(expand), max_units).graph(walk)


class _Builder:
    def __init__(self, trainer, param, sample, digits, phase, expand, max_units) -> None:
        net = trainer.network
        self.t, self.net, self.v = trainer, net, trainer.values
        self.p = param if isinstance(param, Param) else net.parse_param(str(param))
        self.L, self.l = net.n_layers, self.p.layer
        self.phase, self.expand, self.max_units = phase, expand, max_units
        v = self.v
        self.m = v.inputs.shape[0] if v.inputs is not None else trainer.batch_size
        self.s = int(min(max(sample, 0), self.m - 1))
        self.chain = (v.backprop or trainer.settings.backprop) == "chain"
        self.loss_fn = v.loss_fn or trainer.loss_fn
        out_act = net.activations[-1].name
        self.combined = self.chain and (self.loss_fn.name == "cross_entropy" or out_act == "softmax")
        self.per_output = self.combined and out_act != "softmax"  # sigmoid + cross-entropy
        self.names = Names(net)
        self.fmt = _Fmt(digits)
        self.digits = digits
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self.notes: list[str] = []

    # ------------------------------------------------------------ the state
    def fwd(self, layer: int) -> bool:
        return self.v.net[layer - 1] is not None

    def bwd(self, layer: int) -> bool:
        return self.phase != "forward" and self.v.errors[layer - 1] is not None

    def weights(self, layer: int) -> np.ndarray:
        """W of ``layer`` as this iteration's forward and backward passes used it."""
        before = self.v.params_before[layer - 1]
        return before[0] if before is not None else self.net.weights[layer - 1]

    def param_value(self) -> float:
        before = self.v.params_before[self.l - 1]
        arrays = before if before is not None else (self.net.weights[self.l - 1], self.net.biases[self.l - 1])
        return float(arrays[0 if self.p.kind == "W" else 1][self.p.index])

    def input_value(self) -> float | None:
        v, i = self.v, self.p.col
        a = v.inputs if self.l == 1 else v.activations[self.l - 2]
        return None if a is None else float(a[self.s, i])

    def shown_units(self) -> dict[int, tuple[list[int], list[int]]]:
        """(shown, collapsed) neurons per layer from the parameter's on: the ones through
        which the most weight leads from the parameter's neuron."""
        units = {self.l: ([self.p.row], [])}
        reach = np.zeros(self.net.sizes[self.l])
        reach[self.p.row] = 1.0
        for layer in range(self.l + 1, self.L + 1):
            reach = np.abs(self.weights(layer)) @ reach
            peak = reach.max()
            reach = reach / peak if peak > 0 else reach
            n = reach.size
            cap = MAX_EXPANDED if layer in self.expand else self.max_units
            keep = n if n <= cap else cap - 1
            order = np.argsort(-reach, kind="stable")
            units[layer] = (sorted(order[:keep].tolist()), sorted(order[keep:].tolist()))
        return units

    # ------------------------------------------------------------ building
    def add(self, node: Node) -> Node:
        self.nodes.append(node)
        return node

    def link(self, src: str, dst: str, **kw) -> Edge:
        e = Edge(src, dst, **kw)
        self.edges.append(e)
        return e

    def graph(self, walk: int | None) -> Graph:
        self.build_nodes()
        self.backward()
        order = {nd.id: k for k, nd in enumerate(self.nodes)}
        walk_order = [nd.id for nd in sorted(self.nodes, key=lambda nd: (-nd.column, order[nd.id])) if nd.reached]
        if walk is not None and walk_order:
            walk = min(max(walk, 0), len(walk_order) - 1)
            hidden = set(walk_order[walk + 1:])
            for nd in self.nodes:
                if nd.id in hidden:
                    nd.grad = None
            for e in self.edges:
                if e.src in hidden:
                    e.local = e.upstream = e.downstream = None
        else:
            walk = None
        self.write_texts()
        pn = self.names.own(self.p)
        if self.chain:
            title = T_("graph", "Computational graph of %1: the chain rule", f"dE/d{pn}")
        else:
            title = T_("graph", "Computational graph of %1: the proportional split (not a gradient)", f"g_{pn}")
        return Graph(self.p.name, pn, "chain" if self.chain else "proportional", self.s, self.m,
                     self.digits, title, self.subtitle(), self.notes, self.nodes, self.edges, walk_order, walk)

    def subtitle(self) -> str:
        t = self.t
        if self.phase is not None:
            it = t.iteration + (1 if t.cursor else 0)
            where = T_("graph", "iteration %1 · end of the %2 phase", it, translate("graph", PHASE_WORDS[self.phase]))
        elif t.cursor == 0:
            where = (T_("graph", "iteration %1 done", t.iteration) if t.iteration
                     else T_("graph", "before the first step"))
        else:
            where = T_("graph", "iteration %1 · after %2", t.iteration + 1, t.last_step.describe(self.L))
        if self.m > 1:
            row = self.v.batch[self.s] if self.v.batch is not None else self.s
            where += " · " + T_("graph", "sample %1 of %2 (data row %3)", self.s + 1, self.m, int(row) + 1)
        return where

    def build_nodes(self) -> None:
        n, p, l, L = self.names, self.p, self.l, self.L
        pn = n.own(p)
        is_w = p.kind == "W"
        frozen = self.t.is_frozen(p)
        self.add(Node("update", "update", 0, T_("graph", "update (%1)", self.t.settings.optimizer.name), layer=l))
        self.add(Node("param", "param", 0, pn, T_("graph", "frozen parameter") if frozen else T_("graph", "parameter"),
                      l, p.row,
                      value=self.param_value(),
                      grad_symbol=f"dE/d{pn}" if self.chain else f"g_{pn}"))
        self.link("param", "update")
        c0 = 2 if is_w else 1
        a_name = n.out(l - 1, p.col) if is_w else "1"
        first = f"net{l}_{p.row}"
        if is_w:
            self.add(Node("input", "input", 0, a_name, T_("graph", "input") if l == 1 else T_("graph", "activation"),
                          l - 1, p.col, value=self.input_value()))
            prod_value = None if not self.fwd(l) else self.param_value() * self.input_value()
            self.add(Node("product", "product", 1, f"{pn}·{a_name}", T_("graph", "product"), l, p.row,
                          value=prod_value, grad_symbol="dE/d(w·a)" if self.chain else "e·f′"))
            self.link("param", "product", symbol=a_name, partial=f"∂(w·a)/∂{pn}", step=l)
            self.link("input", "product")
            self.link("product", first, symbol="1", partial=f"∂{n.net(l, p.row)}/∂(w·a)", step=l)
        else:
            self.link("param", first, symbol="1", partial=f"∂{n.net(l, p.row)}/∂{pn}", step=l)
        if self.m > 1:
            others = T_("graph", "other samples")
            self.add(Node("samples", "samples", 1, others, T_("graph", "%n more in the batch", n=self.m - 1), l))
            self.link("param", "samples", symbol=others,
                      partial=T_("graph", "(other samples' %1)", f"dE/d{pn}"), step=l, fixed=True)
            self.notes.append(T_("graph", "One sample's paths are drawn; the other %n samples of the batch add "
                                 "their share at the parameter, and E is the mean over the %1 samples.",
                                 self.m, n=self.m - 1))

        units = self.units = self.shown_units()
        col = {layer: c0 + 2 * (layer - l) for layer in range(l, L + 1)}
        for layer in range(l, L + 1):
            shown, rest = units[layer]
            act = self.net.activations[layer - 1]
            for k in shown:
                gsym = f"dE/d{n.net(layer, k)}" if self.chain else "e·f′" if layer == l else ""
                self.add(Node(f"net{layer}_{k}", "net", col[layer], n.net(layer, k), self.sum_op(layer, k),
                              layer, k, grad_symbol=gsym))
                if not (layer == L and self.combined):
                    self.add(Node(f"out{layer}_{k}", "out", col[layer] + 1, n.out(layer, k),
                                  f"{act.name}({n.net(layer, k)})", layer, k,
                                  grad_symbol=f"dE/d{n.out(layer, k)}" if self.chain else n.error(layer, k)))
                    on_path = self.chain or layer == l
                    self.link(f"net{layer}_{k}", f"out{layer}_{k}", symbol=f"{act.name}′",
                              partial=f"∂{n.out(layer, k)}/∂{n.net(layer, k)}", step=layer if on_path else None)
            if rest:
                self.add(Node(f"rest{layer}", "rest", col[layer], T_("graph", "rest of layer %1", layer),
                              T_("graph", "%n more neurons", n=len(rest)), layer, expands=layer))
                self.notes.append(T_("graph", "Rest of layer %1: %n neurons drawn as one node with their summed "
                                     "contribution (click it to show more).", layer, n=len(rest)))
            if layer > l:
                self.link_layers(layer, units[layer - 1][0], shown, rest)
        self.loss_part(units[L][0], col[L])
        for node in self.nodes:
            self.forward_value(node)

    def sum_op(self, layer: int, k: int) -> str:
        n = self.names
        n_in = self.net.sizes[layer - 1]
        terms = [f"{n.param(Param('W', layer, k, i))}·{n.out(layer - 1, i)}" for i in range(min(n_in, 4))]
        text = " + ".join(terms + [n.param(Param("b", layer, k))])
        return text if n_in <= 3 and len(text) <= 2 * OP_WIDTH else "Σ w·a + b"

    def link_layers(self, layer: int, sources: list[int], shown: list[int], rest: list[int]) -> None:
        n = self.names
        for x in sources:
            src = f"out{layer - 1}_{x}"
            for k in shown:
                w = n.param(Param("W", layer, k, x))
                if self.chain:
                    self.link(src, f"net{layer}_{k}", symbol=w, partial=f"∂{n.net(layer, k)}/∂{n.out(layer - 1, x)}",
                              step=layer - 1)
                else:
                    self.link(src, f"net{layer}_{k}", symbol=f"{w}/Σ|w|", partial=f"{w}/Σ|w|",
                              step=layer - 1, via=f"out{layer}_{k}")
            if rest:
                what = "δ·w" if self.chain else "e·w/Σ|w|"
                self.link(src, f"rest{layer}", symbol=T_("graph", "rest: Σ %1", what),
                          partial=f"({T_('graph', 'rest of layer %1', layer)})", step=layer - 1, fixed=True)

    def loss_part(self, outputs: list[int], net_col: int) -> None:
        """Output layer to E: each output's loss term, the sample's loss (several outputs of a
        batch), and E, the batch mean; softmax or cross-entropy make one combined node."""
        n, L, m, fn = self.names, self.L, self.m, self.loss_fn
        n_out = self.net.sizes[-1]
        g = (lambda sym: sym) if self.chain else (lambda sym: "")
        if self.combined and not self.per_output:  # softmax: one node from all the net inputs
            what = T_("graph", "cross-entropy") if fn.name == "cross_entropy" else fn.name
            cid = "E" if m == 1 else "Es"
            self.add(Node(cid, "combined", net_col + 1, "E" if m == 1 else "E_sample", f"softmax + {what}",
                          grad_symbol="dE/dE" if m == 1 else "dE/dE_sample"))
            for k in outputs:
                self.link(f"net{L}_{k}", cid, symbol="p − t" if fn.name == "cross_entropy" else "δ (softmax)",
                          partial=f"∂E_sample/∂{n.net(L, k)}", step=L)
            self.notes.append(
                T_("graph", "Softmax and cross-entropy as one node: the softmax's Jacobian and the log's 1/p cancel, "
                   "so its local derivative is simply p − t (and stays finite where p rounds to 0 or 1).")
                if fn.name == "cross_entropy" else
                T_("graph", "Softmax couples the outputs, so softmax and the loss are one node whose local derivative "
                   "is the output delta p_k(dE/dp_k − Σ_j p_j dE/dp_j)."))
            last = net_col + 2
        else:
            term_col = net_col + (1 if self.combined else 2)
            into = "Es" if m > 1 and n_out > 1 else "E"
            for k in outputs:
                tid, term = f"E{k}", n.loss_term(k)
                if self.combined:  # sigmoid + cross-entropy, per output
                    self.add(Node(tid, "combined", term_col, term, f"sigmoid + {T_('graph', 'cross-entropy')}", L, k,
                                  grad_symbol=f"dE/d{term}"))
                    self.link(f"net{L}_{k}", tid, symbol="p − t", partial=f"∂{term}/∂{n.net(L, k)}", step=L)
                else:
                    op = {"half_sse": "½({t} − {o})²", "mse": "({t} − {o})²/" + str(n_out),
                          "cross_entropy": "−{t} log {o}" if self.net.activations[-1].name == "softmax"
                          else "−[{t} log {o} + (1 − {t}) log(1 − {o})]"}[fn.name]
                    self.add(Node(tid, "loss_term", term_col, term, op.format(t=n.target(k), o=n.out(L, k)),
                                  L, k, grad_symbol=g(f"dE/d{term}")))
                    sym = {"half_sse": "out − t", "mse": f"2(out − t)/{n_out}"}.get(fn.name, "∂E/∂out")
                    self.link(f"out{L}_{k}", tid, symbol=sym, partial=f"∂{term}/∂{n.out(L, k)}",
                              step=L if self.chain else None)
                self.link(tid, into, symbol=f"1/{m}" if into == "E" and m > 1 else "1",
                          partial=f"∂{'E' if into == 'E' else 'E_sample'}/∂{term}", step=L if self.chain else None)
            if self.combined:
                self.notes.append(T_("graph", "Sigmoid and cross-entropy as one node: σ′ = p(1 − p) cancels the "
                                     "loss's 1/(p(1 − p)), so its local derivative is simply p − t."))
            last = term_col + 1
            if into == "Es":
                self.add(Node("Es", "sample_loss", last, "E_sample", "Σ_k E_k", grad_symbol=g("dE/dE_sample")))
                last += 1
            elif m == 1:
                terms = [n.loss_term(k) for k in range(n_out)]
                op = " + ".join(terms) if 1 < n_out <= 3 else "Σ_k E_k" if n_out > 1 else ""
                self.add(Node("E", "loss", last, "E", op, grad_symbol=g("dE/dE")))
        if m > 1:
            self.add(Node("E", "loss", last, "E", T_("graph", "mean over %n samples", n=m), grad_symbol=g("dE/dE")))
            if any(nd.id == "Es" for nd in self.nodes):
                self.link("Es", "E", symbol=f"1/{m}", partial="∂E/∂E_sample", step=L if self.chain else None)
        if self.chain:
            self.notes.insert(0, T_("graph", "Each edge label: the local derivative, then × the upstream gradient = "
                                    "the downstream gradient, which flows back to the node on the left; where several "
                                    "paths leave a node, their downstream gradients add up."))
        else:
            self.notes.append(T_(
                "graph", "Proportional split, a heuristic and not a gradient: the output error e = t − out is shared "
                "back in proportion to the weights, e_j = Σ_k e_k·w_kj/Σ_i|w_ki|; the edges carry shares of "
                "the error, not derivatives, and g is not dE/dw."))

    def forward_value(self, node: Node) -> None:
        v, s, L = self.v, self.s, self.L
        layer, k = node.layer, node.unit
        if node.kind == "net" and self.fwd(layer):
            node.value = float(v.net[layer - 1][s, k])
        elif node.kind == "out" and self.fwd(layer):
            node.value = float(v.activations[layer - 1][s, k])
        elif v.loss is not None and node.kind in ("loss_term", "combined", "sample_loss", "loss"):
            if node.id == "E":
                node.value = float(v.loss)
            elif node.id == "Es":
                node.value = float(v.per_sample_loss[s])
            else:
                node.value = float(self.loss_fn.terms(v.net[-1][s:s + 1], v.activations[-1][s:s + 1],
                                                      v.targets[s:s + 1])[0, k])
        elif node.kind == "update" and self.phase in (None, "update") and v.update_W[self.l - 1] is not None:
            delta = (v.update_W if self.p.kind == "W" else v.update_b)[self.l - 1][self.p.index]
            node.value = self.param_value() + float(delta)

    # ------------------------------------------------------------ backward
    def local(self, e: Edge) -> float:
        """The local derivative ∂dst/∂src at the focused sample."""
        v, s, net = self.v, self.s, self.net
        src, dst = self.node_by_id(e.src), self.node_by_id(e.dst)
        if e.src == "param":
            return 1.0 if self.p.kind == "b" else self.input_value()
        if dst.kind == "net" and src.kind == "out":
            w = self.weights(dst.layer)
            if self.chain:
                return float(w[dst.unit, src.unit])
            total = np.abs(w[dst.unit]).sum()
            return float(w[dst.unit, src.unit] / total) if total > 0 else 0.0
        if dst.kind == "out":
            layer, k = dst.layer, dst.unit
            act = net.activations[layer - 1]
            z, a = v.net[layer - 1][s:s + 1], v.activations[layer - 1][s:s + 1]
            return float(act.derivative(z, a)[0, k])
        if dst.kind == "loss_term":
            return float(self.loss_fn.output_grad(v.activations[-1][s:s + 1], v.targets[s:s + 1])[0, dst.unit])
        if src.kind == "net" and dst.kind in ("combined", "sample_loss"):
            return float(v.errors[-1][s, src.unit])
        if e.dst == "E" and self.m > 1:
            return 1.0 / self.m  # E is the mean over the batch
        return 1.0  # product -> net, loss term -> the sample's loss

    def fixed_contribution(self, e: Edge) -> float:
        v, s, p = self.v, self.s, self.p
        if e.dst == "samples":
            others = np.arange(self.m) != s
            err = v.errors[self.l - 1][others, p.row]
            if not self.chain:
                act = self.net.activations[self.l - 1]
                err = err * act.derivative(v.net[self.l - 1][others], v.activations[self.l - 1][others])[:, p.row]
            x = v.layer_input(self.l)[others, p.col] if p.kind == "W" else np.ones(err.size)
            total = float(err @ x)
            return total / self.m if self.chain else total
        layer = self.node_by_id(e.dst).layer
        x = self.node_by_id(e.src).unit
        _, rest = self.units[layer]
        w = self.weights(layer)
        delta = v.errors[layer - 1][s, rest]
        if self.chain:
            return float(delta @ w[rest, x]) / self.m
        totals = np.abs(w[rest]).sum(axis=1)
        shares = np.divide(w[rest, x], totals, out=np.zeros(len(rest)), where=totals > 0)
        return float(delta @ shares)

    def node_by_id(self, node_id: str) -> Node:
        return self._by_id[node_id]

    def backward(self) -> None:
        self._by_id = {n.id: n for n in self.nodes}
        L = self.L
        if self.bwd(L):  # where the backward pass starts: dE/dE = 1, or the output errors t − out
            for node in self.nodes:
                if self.chain and node.id == "E":
                    node.grad = 1.0
                elif not self.chain and node.kind == "out" and node.layer == L:
                    node.grad = float(self.v.errors[-1][self.s, node.unit])
        for node in sorted(self.nodes, key=lambda nd: -nd.column):
            outs = [e for e in self.edges if e.src == node.id and e.step is not None]
            for e in outs:
                if not self.bwd(e.step):
                    continue
                if e.fixed:
                    e.downstream = self.fixed_contribution(e)
                    continue
                up = self.node_by_id(e.via or e.dst).grad
                if up is None:
                    continue
                e.local, e.upstream = self.local(e), up
                e.downstream = e.local * up
            if node.grad is None and outs and all(e.reached for e in outs):
                total = sum(e.downstream for e in outs)
                node.grad = -total / self.m if (node.id == "param" and not self.chain) else total

    # ------------------------------------------------------------ texts
    def write_texts(self) -> None:
        fm = self.fmt
        for node in self.nodes:
            lines = [Text(node.label, node.label, "title")]
            if node.kind == "update":
                lines += self.update_lines(node)
            else:
                lines += [Text(part, part, "op") for part in _wrap_sum(node.op)]
                if node.kind not in ("rest", "samples"):
                    lines.append(fm.line("= {}", node.value, role="value"))
                lines += self.extra_lines(node)
                if node.grad_symbol:
                    lines += self.grad_lines(node)
            node.lines = tuple(lines)
        for e in self.edges:
            if e.step is None:
                continue
            if e.fixed:
                e.label = (Text(e.symbol, e.symbol, "local"), fm.line("= {}", e.downstream, role="grad"))
                continue
            # written like a multiplication on paper: local, × upstream, = downstream
            label = [Text(e.symbol, e.symbol, "local")]
            if e.symbol != "1":
                label.append(fm.line("{}", e.local, role="local"))
            label += [fm.line("× {}", _Factor(e.upstream), role="local"), fm.line("= {}", e.downstream, role="grad")]
            e.label = tuple(label)

    def extra_lines(self, node: Node) -> list[Text]:
        v, s, fm, n = self.v, self.s, self.fmt, self.names
        if node.kind in ("loss_term", "combined") and node.unit is not None:
            t = None if v.targets is None else float(v.targets[s, node.unit])
            lines = [fm.line(n.target(node.unit) + " = {}", t)]
            if node.kind == "combined":
                p = None if v.activations[-1] is None else float(v.activations[-1][s, node.unit])
                lines.insert(0, fm.line("p = {}", p))
            return lines
        if node.kind == "combined":  # softmax: one node for all the outputs
            lines = []
            for e in self.edges:
                if e.dst == node.id:
                    k = self.node_by_id(e.src).unit
                    p = None if v.activations[-1] is None else float(v.activations[-1][s, k])
                    t = None if v.targets is None else float(v.targets[s, k])
                    lines.append(fm.line(f"p{k + 1} = {{}}, t{k + 1} = {{}}", p, t))
            return lines
        return []

    def grad_lines(self, node: Node) -> list[Text]:
        fm = self.fmt
        outs = [e for e in self.edges if e.src == node.id and e.step is not None]
        sym = node.grad_symbol
        prop_leaf = node.id == "param" and not self.chain
        lines = [Text(sym, sym, "grad")]
        if len(outs) <= 1 and not prop_leaf:
            return lines + [fm.line("= {}", node.grad, role="grad")]
        if len(outs) == 1:  # the proportional leaf of one sample: g = −(e·f′·a)
            return lines + [fm.line("= −{}", _Factor(outs[0].downstream), role="grad"),
                            fm.line("= {}", node.grad, role="grad")]
        if prop_leaf:
            head = f"= −1/{self.m} × (" if self.m > 1 else "= −("
            lines.append(Text(head, head, "grad"))
        elif node.id == "param":
            both = T_("graph", "this sample + others")
            lines.append(Text(both, both, "op"))
        for k, e in enumerate(outs):  # the sum written out, one term a line
            first = "" if prop_leaf else "= "
            lines.append(fm.line((first if k == 0 else "+ ") + "{}", _Factor(e.downstream), role="grad"))
        if prop_leaf:
            lines.append(Text(")", ")", "grad"))
        lines.append(fm.line("= {}", node.grad, role="grad"))
        return lines

    def update_lines(self, node: Node) -> list[Text]:
        fm, v = self.fmt, self.v
        pn = self.names.own(self.p)
        old = self.param_value()
        opt = self.t.settings.optimizer.name
        if self.t.is_frozen(self.p):
            frozen = T_("graph", "%1 is frozen", pn)
            return [Text(frozen, frozen), fm.line(T_("graph", "stays %1", "{}"), old, role="value")]
        g = f"dE/d{pn}" if self.chain else f"g_{pn}"
        reached = node.value is not None
        lr = v.learning_rate if v.learning_rate is not None else self.t.applied_learning_rate
        head = Text(f"{pn} ← {pn} − lr·{g}", f"{pn} ← {pn} − lr·{g}")
        if opt != "sgd":
            head = Text(f"{pn} ← {pn} + Δ ({opt})", f"{pn} ← {pn} + Δ ({opt})")
        start = fm.line(f"= {fm.f.num(old)}", role="value")  # known before the update: written as it stands
        if opt == "sgd":
            grad = self.node_by_id("param").grad if reached else None
            step = fm.line(f"− {fm.f.num(lr)}·{{}}", _Factor(grad), role="value")
        else:
            step = fm.line("+ {}", _Factor(None if not reached else node.value - old), role="value")
        return [head, start, step, fm.line("= {}", node.value, role="value")]
