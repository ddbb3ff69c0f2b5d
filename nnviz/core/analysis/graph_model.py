"""What a computational graph is made of (``nnviz.core.analysis.graph`` builds it):
nodes with their forward values and gradients, edges with local derivative, upstream and
downstream gradient, and the lines each box draws."""

from __future__ import annotations

from dataclasses import dataclass, field

from nnviz.core.analysis.explain import Formatter
from nnviz.core.words import T_


@dataclass(frozen=True)
class Text:
    """One line of a box: ``text`` as shown ('?' for a number still to come) and
    ``reserve``, the same line with its numbers at full width. ``role`` says how it is
    drawn: title, op, value, grad, local or note."""

    text: str
    reserve: str
    role: str = "op"


@dataclass
class Node:
    id: str
    kind: str  # param input product net out loss_term sample_loss loss combined rest samples update
    column: int
    label: str
    op: str = ""
    layer: int | None = None
    unit: int | None = None
    value: float | None = None  # the forward value, None until computed
    grad: float | None = None  # dE/d(node) (proportional: the error share), None until reached
    grad_symbol: str = ""  # "dE/dnet_o1", "e_h1"; empty where no gradient ever arrives
    lines: tuple[Text, ...] = ()
    expands: int | None = None  # a rest-of-layer node: the layer a click expands

    @property
    def reached(self) -> bool:
        return self.grad is not None


@dataclass
class Edge:
    """``src`` feeds ``dst``. Backward: downstream = local × upstream lands on ``src``."""

    src: str
    dst: str
    symbol: str = ""  # the local derivative, short: "w5", "sigmoid′", "out − t"
    partial: str = ""  # the local derivative as a partial: "∂net_o1/∂out_h1"
    step: int | None = None  # the backward micro-step (layer) that forms it; None: no gradient here
    via: str | None = None  # the node whose gradient is the upstream (default ``dst``)
    local: float | None = None
    upstream: float | None = None
    downstream: float | None = None
    fixed: bool = False  # a collapsed contribution: the downstream is given, no local × upstream
    label: tuple[Text, ...] = ()

    @property
    def reached(self) -> bool:
        return self.downstream is not None


@dataclass
class Graph:
    param: str  # canonical name, W1[0,0]
    name: str  # as the user sees it, w1
    mode: str  # chain or proportional
    sample: int  # row within the batch
    batch_size: int
    digits: int
    title: str
    subtitle: str
    notes: list[str]
    nodes: list[Node]
    edges: list[Edge]
    walk_order: list[str] = field(default_factory=list)  # the reached nodes, as the backward pass reaches them
    walk_position: int | None = None  # shown up to this node of walk_order (None: everything reached)
    _index: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {n.id: n for n in self.nodes}

    def node(self, node_id: str) -> Node:
        return self._index[node_id]

    def __contains__(self, node_id: str) -> bool:
        return node_id in self._index

    def outgoing(self, node_id: str) -> list[Edge]:
        return [e for e in self.edges if e.src == node_id]

    @property
    def gradient(self) -> float | None:
        """The leaf's dE/dw (proportional: the g the optimizer receives)."""
        return self.node("param").grad

    @property
    def walk_current(self) -> str | None:
        """The node whose gradient the walk is forming now."""
        return None if self.walk_position is None else self.walk_order[self.walk_position]

    def explain(self, node_id: str) -> str:
        """How the node's gradient is formed: local × upstream on each outgoing edge, added up."""
        n = self.node(node_id)
        f = Formatter(self.digits)
        if not n.reached:
            return T_("graph", "%1: not reached yet", n.grad_symbol or n.label)
        edges = [e for e in self.outgoing(node_id) if e.reached]
        if not edges:
            where = (T_("graph", "the start of the backward pass") if n.kind in ("loss", "combined")
                     else T_("graph", "the output error t − out"))
            return T_("graph", "%1 = %2 (%3)", n.grad_symbol, f.num(n.grad), where)
        sym = " + ".join(e.partial if e.fixed else f"{e.partial} × {self.node(e.via or e.dst).grad_symbol}"
                         for e in edges)
        nums = " + ".join(f.factor(e.downstream) if e.fixed else f"{f.factor(e.local)} × {f.factor(e.upstream)}"
                          for e in edges)
        if n.kind == "param" and self.mode == "proportional":
            body = f"−({sym})/{self.batch_size} = −({nums})/{self.batch_size}"
        else:
            body = f"{sym} = {nums}"
            if len(edges) > 1:
                body += " = " + " + ".join(f.factor(e.downstream) for e in edges)
        return f"{n.grad_symbol} = {body} = {f.num(n.grad)}"

    def paths(self) -> list[list[Edge]]:
        """Every drawn path of local derivatives from the parameter to E, in forward order
        (chain rule; the proportional split has none)."""
        out: list[list[Edge]] = []

        def follow(node_id: str, path: list[Edge]) -> None:
            if node_id == "E":
                out.append(path)
                return
            for e in self.outgoing(node_id):
                if e.step is not None and not e.fixed:
                    follow(e.dst, path + [e])

        follow("param", [])
        return out
