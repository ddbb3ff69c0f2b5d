"""A fully connected network: weights, biases, activations, and the names users see.

Layer 0 is the input. Weight layer ``l`` (1-based) maps layer l-1 to layer l:
``W_l`` has shape (n_out, n_in) and ``b_l`` shape (n_out,). Parameters are named as in
files and on screen: ``W1[0,1]`` is matrix 1, row 0 (receiving neuron), column 1
(sending neuron); ``b2[0]`` is the bias of neuron 0 of layer 2.

The arrays are read-only: a change replaces the array instead of writing into it, so
earlier states can be kept by reference (that is how Step back stays cheap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from nnviz.core import activations, kernels, recipes
from nnviz.core.words import T_

INIT_SCHEMES = ("uniform", "normal", "xavier", "he", "zeros", "large")

_PARAM_RE = re.compile(r"^\s*([Wb])(\d+)\[\s*(\d+)\s*(?:,\s*(\d+)\s*)?\]\s*$")


@dataclass(frozen=True)
class Param:
    """One scalar parameter: ``kind`` 'W' or 'b', 1-based ``layer``, ``row`` and ``col``."""

    kind: str
    layer: int
    row: int
    col: int | None = None

    @property
    def name(self) -> str:
        if self.kind == "W":
            return f"W{self.layer}[{self.row},{self.col}]"
        return f"b{self.layer}[{self.row}]"

    @property
    def index(self) -> tuple[int, ...]:
        return (self.row, self.col) if self.kind == "W" else (self.row,)

    def __str__(self) -> str:
        return self.name


def frozen_array(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.float64)
    a.flags.writeable = False
    return a


class Network:
    def __init__(
        self,
        sizes: Sequence[int],
        activations_: Sequence[str] | str = "sigmoid",
        weights: Sequence[np.ndarray] | None = None,
        biases: Sequence[np.ndarray] | None = None,
        neuron_names: Sequence[Sequence[str]] | None = None,
        param_names: dict[str, str] | None = None,
    ) -> None:
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2:
            raise ValueError(T_("Network", "a network needs at least an input and an output layer"))
        if any(s < 1 for s in sizes):
            raise ValueError(T_("Network", "every layer needs at least one neuron, got sizes %1", sizes))
        n_layers = len(sizes) - 1
        if isinstance(activations_, str):
            activations_ = [activations_] * n_layers
        if len(activations_) != n_layers:
            raise ValueError(
                T_("Network", "expected %1 activations (one per weight layer), got %2", n_layers, len(activations_))
            )
        acts = [activations.get(name) for name in activations_]
        recipes.check_activations([a.name for a in acts], sizes[-1])
        self.sizes = sizes
        self.activations = acts
        if weights is None:
            weights = [np.zeros((sizes[l + 1], sizes[l])) for l in range(n_layers)]
        if biases is None:
            biases = [np.zeros(sizes[l + 1]) for l in range(n_layers)]
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        self.set_parameters(weights, biases)
        self.neuron_names = self._check_neuron_names(neuron_names)
        self.param_names: dict[str, str] = dict(param_names or {})
        for key in self.param_names:
            self.parse_param(key)

    # ----------------------------------------------------------------- structure
    @property
    def n_layers(self) -> int:
        """Number of weight layers (L)."""
        return len(self.sizes) - 1

    @property
    def activation_names(self) -> list[str]:
        return [a.name for a in self.activations]

    @property
    def n_params(self) -> int:
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases))

    def set_parameters(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        if len(weights) != self.n_layers or len(biases) != self.n_layers:
            raise ValueError(T_("Network", "expected %1 weight matrices and bias vectors", self.n_layers))
        new_w, new_b = [], []
        for l in range(self.n_layers):
            w, b = frozen_array(weights[l]), frozen_array(biases[l])
            shape_w = (self.sizes[l + 1], self.sizes[l])
            if w.shape != shape_w:
                raise ValueError(T_("Network", "W%1: expected shape %2, got %3", l + 1, shape_w, w.shape))
            if b.shape != (self.sizes[l + 1],):
                raise ValueError(T_("Network", "b%1: expected shape %2, got %3", l + 1, (self.sizes[l + 1],), b.shape))
            new_w.append(w)
            new_b.append(b)
        self.weights, self.biases = new_w, new_b

    def _check_neuron_names(self, names):
        if names is None:
            return None
        names = [list(map(str, layer)) for layer in names]
        if [len(layer) for layer in names] != self.sizes:
            raise ValueError(T_("Network", "neuron names must match the layer sizes %1", self.sizes))
        return names

    def copy(self) -> "Network":
        # Arrays are read-only, so sharing them is safe.
        return Network(self.sizes, self.activation_names, self.weights, self.biases,
                       self.neuron_names, self.param_names)

    # ------------------------------------------------------------------ forward
    def forward(self, x: np.ndarray, weights: Sequence[np.ndarray] | None = None,
                biases: Sequence[np.ndarray] | None = None) -> np.ndarray:
        """Outputs for inputs ``x`` (n_samples x n_in), with the network's own parameters
        or with ``weights`` and ``biases`` of the same shapes given instead (a view
        showing other parameters, such as an iteration of the past). No warning at any
        input; a value that overflows comes out as inf or nan."""
        weights = self.weights if weights is None else weights
        biases = self.biases if biases is None else biases
        if len(weights) != self.n_layers or len(biases) != self.n_layers:
            raise ValueError(T_("Network", "expected %1 weight matrices and bias vectors", self.n_layers))
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            return kernels.outputs(np.asarray(x, dtype=np.float64), [np.asarray(w) for w in weights],
                                   [np.asarray(b) for b in biases], self.activations)

    # ---------------------------------------------------------------- parameters
    def parse_param(self, name: str) -> Param:
        """``'W2[0,1]'`` -> Param('W', 2, 0, 1), or a display name such as ``'w5'``."""
        for key, display in self.param_names.items():
            if display == name and list(self.param_names.values()).count(name) == 1:
                name = key
                break
        m = _PARAM_RE.match(name)
        if not m:
            raise ValueError(
                T_("Network", "bad parameter name %1: expected W<layer>[<row>,<col>] or b<layer>[<row>]", repr(name))
            )
        kind, layer, row, col = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
        if kind == "W" and col is None or kind == "b" and col is not None:
            raise ValueError(
                T_("Network", "bad parameter name %1: weights take [row,col], biases take [row]", repr(name))
            )
        if not 1 <= layer <= self.n_layers:
            raise ValueError(T_("Network", "bad parameter name %1: layer must be 1..%2", repr(name), self.n_layers))
        n_out, n_in = self.sizes[layer], self.sizes[layer - 1]
        if row >= n_out:
            raise ValueError(T_("Network", "bad parameter name %1: row must be 0..%2", repr(name), n_out - 1))
        if col is not None and int(col) >= n_in:
            raise ValueError(T_("Network", "bad parameter name %1: column must be 0..%2", repr(name), n_in - 1))
        return Param(kind, layer, row, None if col is None else int(col))

    def params(self) -> list[Param]:
        """Every scalar parameter, in the order of the flat parameter vector:
        W1 (row by row), b1, W2, b2, ..."""
        out = []
        for l in range(1, self.n_layers + 1):
            n_out, n_in = self.sizes[l], self.sizes[l - 1]
            out += [Param("W", l, r, c) for r in range(n_out) for c in range(n_in)]
            out += [Param("b", l, r) for r in range(n_out)]
        return out

    def flat_index(self, p: Param) -> int:
        offset = 0
        for l in range(1, p.layer):
            offset += self.sizes[l] * (self.sizes[l - 1] + 1)
        n_in = self.sizes[p.layer - 1]
        if p.kind == "W":
            return offset + p.row * n_in + p.col
        return offset + self.sizes[p.layer] * n_in + p.row

    def get(self, p: Param | str) -> float:
        p = self.parse_param(p) if isinstance(p, str) else p
        arr = self.weights if p.kind == "W" else self.biases
        return float(arr[p.layer - 1][p.index])

    def flat(self) -> np.ndarray:
        return np.concatenate([x for w, b in zip(self.weights, self.biases) for x in (w.ravel(), b)])

    def set_flat(self, vector: np.ndarray) -> None:
        vector = np.asarray(vector, dtype=np.float64)
        if vector.shape != (self.n_params,):
            raise ValueError(T_("Network", "expected %1 parameters, got shape %2", self.n_params, vector.shape))
        self.set_parameters(*split_flat(self, vector))

    def display_name(self, p: Param | str) -> str:
        """The name users see: the preset's name (``w5``) or the canonical one (``W2[0,0]``)."""
        key = p.name if isinstance(p, Param) else p
        return self.param_names.get(key, key)

    def neuron_name(self, layer: int, unit: int) -> str | None:
        return self.neuron_names[layer][unit] if self.neuron_names else None


def default_neuron_names(sizes: Sequence[int], input_names: Sequence[str] = (),
                         output_names: Sequence[str] = ()) -> list[list[str]]:
    """A name for every neuron: the inputs' and outputs' names where given (a data file's
    header), else i1, i2, ... and o1, o2, ...; hidden neurons h1, h2, ... (one hidden
    layer) or h1.1, h1.2, ..., h2.1, ... (several)."""
    L = len(sizes) - 1
    names = [list(input_names) or [f"i{j + 1}" for j in range(sizes[0])]]
    for l in range(1, L):
        names.append([f"h{j + 1}" if L == 2 else f"h{l}.{j + 1}" for j in range(sizes[l])])
    names.append(list(output_names) or [f"o{j + 1}" for j in range(sizes[-1])])
    return names


def split_flat(net: Network, vector: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Weights and biases (views) of a flat parameter vector (W1 row by row, b1, W2, ...),
    or of a stack of them (... x n_params -> ... x n_out x n_in and ... x n_out)."""
    weights, biases, i = [], [], 0
    lead = vector.shape[:-1]
    for l in range(net.n_layers):
        n_out, n_in = net.sizes[l + 1], net.sizes[l]
        weights.append(vector[..., i:i + n_out * n_in].reshape(lead + (n_out, n_in)))
        i += n_out * n_in
        biases.append(vector[..., i:i + n_out])
        i += n_out
    return weights, biases


def initialise(
    sizes: Sequence[int], scheme: str, rng: np.random.Generator
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Weights and biases for ``sizes`` under an initialisation scheme, drawn from ``rng``.

    - ``uniform``: weights and biases uniform in [-1, 1], never exactly 0 (default)
    - ``normal``: weights randn x 0.1, biases 0
    - ``xavier``: weights uniform in +-sqrt(6 / (n_in + n_out)), biases 0
    - ``he``: weights normal with std sqrt(2 / n_in), biases 0
    - ``zeros``: everything 0 -- hidden units stay identical for ever (a pitfall, on purpose)
    - ``large``: weights and biases uniform in [-10, 10] -- sigmoids saturate and
      gradients vanish (a pitfall, on purpose)
    """
    if scheme not in INIT_SCHEMES:
        raise ValueError(T_("Network", "unknown initialisation %1; expected one of %2", repr(scheme),
                            ', '.join(INIT_SCHEMES)))
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        if scheme == "uniform":
            w, b = _nonzero_uniform(rng, (n_out, n_in), 1.0), _nonzero_uniform(rng, (n_out,), 1.0)
        elif scheme == "normal":
            w, b = rng.standard_normal((n_out, n_in)) * 0.1, np.zeros(n_out)
        elif scheme == "xavier":
            limit = np.sqrt(6.0 / (n_in + n_out))
            w, b = rng.uniform(-limit, limit, (n_out, n_in)), np.zeros(n_out)
        elif scheme == "he":
            w, b = rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in), np.zeros(n_out)
        elif scheme == "zeros":
            w, b = np.zeros((n_out, n_in)), np.zeros(n_out)
        else:  # large
            w, b = rng.uniform(-10.0, 10.0, (n_out, n_in)), rng.uniform(-10.0, 10.0, n_out)
        weights.append(w)
        biases.append(b)
    return weights, biases


def _nonzero_uniform(rng: np.random.Generator, shape, limit: float) -> np.ndarray:
    x = rng.uniform(-limit, limit, shape)
    while (x == 0).any():  # vanishingly rare; redraw so that no weight starts at exactly 0
        zeros = x == 0
        x[zeros] = rng.uniform(-limit, limit, int(zeros.sum()))
    return x
