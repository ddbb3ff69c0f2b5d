"""Ready-made networks with their data: ``mazur``, ``adaline``, ``valley``, ``split``,
``xor``, ``sine``, ``scales`` and ``saturated``.

``load(name)`` gives a fresh Trainer. The random presets draw their initial weights
from ``seed`` (each preset has a default), so the same name and seed always give the
same start.

``adaline``: one linear neuron y = w1 x1 + w2 x2 + b under ``mse``, on a table whose
curvature is known exactly. With one linear output the loss is quadratic, its Hessian
over (w1, w2, b) is 2 [[C, m], [m^T, 1]] with C = X^T X / N and m the inputs' mean. The
inputs are made with m = 0 and C = A A^T, A = R(THETA) diag(sqrt(S1), sqrt(S2)): so the
bias decouples (its curvature is 2) and the bowl over (w1, w2) has the eigenvalues
2 S1 = 4 and 2 S2 = 0.2 (condition number 20) along the axes tilted by THETA = 30°.
Gradient descent zig-zags from 1/4 and diverges from 2/4 = 0.5; the default rate 0.15
descends smoothly.
"""

from __future__ import annotations

import math

import numpy as np

from nnviz.core import trainer as trainer_mod
from nnviz.core.data import datasets
from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_

DESCRIPTIONS = {
    "mazur": N_("presets", "2-2-2 sigmoid worked example (Mazur): inputs 0.05, 0.10 -> targets 0.01, 0.99"),
    "adaline": N_("presets", "one linear neuron (adaptive linear unit) on 40 correlated, centred points: "
                             "mse is a tilted elliptic bowl over w1, w2"),
    "valley": N_("presets", "adaline stretched into a narrow valley: curvatures 4 and 0.04 over w1, w2 (condition number 100)"),
    "split": N_("presets", "2-3-1, the tutorial's error split: an output error e = 2 shared over the weights "
                           "0.58, 0.21, 0.36 gives 1.01, 0.37, 0.63 (proportional backprop)"),
    "xor": N_("presets", "2-4-1 network on the four XOR points: tanh hidden layer, sigmoid output; learns in about "
                         "100 iterations"),
    "sine": N_("presets", "1-8-1 regression of sin(x) on [-pi, pi]: tanh hidden layer, linear output"),
    "scales": N_("presets", "one linear neuron on inputs two orders of magnitude apart (area 10-60 m², metro 0.1-0.9 km): "
                            "a long narrow valley until the data is normalised"),
    "saturated": N_("presets", "one sigmoid neuron saturated on the wrong side: output 0.0025 against the target 1"),
}


def names() -> list[str]:
    return list(DESCRIPTIONS)


def load(name: str, seed: int | None = None) -> Trainer:
    try:
        build = _BUILDERS[name]
    except KeyError:
        raise ValueError(f"unknown preset {name!r}; expected one of {', '.join(names())}") from None
    return build(seed)


def _mazur(seed: int | None) -> Trainer:
    """The classic worked example. Its published numbers update the weights only, so
    the biases are frozen (unfreeze them to train them too)."""
    network = Network(
        [2, 2, 2],
        "sigmoid",
        weights=[np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])],
        biases=[np.array([0.35, 0.35]), np.array([0.60, 0.60])],
        neuron_names=[["i1", "i2"], ["h1", "h2"], ["o1", "o2"]],
        param_names={
            "W1[0,0]": "w1", "W1[0,1]": "w2", "W1[1,0]": "w3", "W1[1,1]": "w4",
            "W2[0,0]": "w5", "W2[0,1]": "w6", "W2[1,0]": "w7", "W2[1,1]": "w8",
            "b1[0]": "b1", "b1[1]": "b1", "b2[0]": "b2", "b2[1]": "b2",
        },
    )
    data = Dataset(np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]]), "mazur")
    t = Trainer(network, data, learning_rate=0.5, loss="half_sse", seed=0 if seed is None else seed)
    t.freeze_biases()
    return t


ADALINE_SAMPLES = 40
S1, S2 = 2.0, 0.1  # eigenvalues of C = X^T X / N; the Hessian over (w1, w2) has 2 S1, 2 S2
THETA = math.radians(30.0)  # the steep axis of the bowl, from the w1 axis towards w2
ADALINE_LINE = (2.0, -1.0, 0.5)  # the known line the targets come from: w1, w2, b
ADALINE_NOISE = 0.1
ADALINE_START = (-1.0, 2.0, 0.0)  # w1, w2, b: away from the minimum along both axes
ADALINE_RATE = 0.15


VALLEY_S2 = 0.02  # ``valley``: the shallow eigenvalue of C, so the Hessian has 4 and 0.04


def adaline_data(s1: float = S1, s2: float = S2, name: str = "adaline") -> Dataset:
    """The ``adaline`` table (see the module notes), with C's eigenvalues ``s1``, ``s2``:
    the same numbers on every call."""
    rng = np.random.default_rng(20240609)
    z = rng.standard_normal((ADALINE_SAMPLES, 2))
    z -= z.mean(axis=0)
    q, _ = np.linalg.qr(z)  # orthonormal columns, still of mean zero
    z = q * math.sqrt(ADALINE_SAMPLES)  # Z^T Z / N = I
    c, s = math.cos(THETA), math.sin(THETA)
    a = np.array([[c, -s], [s, c]]).dot(np.diag([math.sqrt(s1), math.sqrt(s2)]))
    x = z.dot(a.T)
    x -= x.mean(axis=0)  # the mean to the last bit
    w1, w2, b = ADALINE_LINE
    t = x.dot([w1, w2]) + b + ADALINE_NOISE * rng.standard_normal(ADALINE_SAMPLES)
    return Dataset(x, t[:, None], name)


def _adaline(seed: int | None, data: Dataset | None = None) -> Trainer:
    w1, w2, b = ADALINE_START
    network = Network([2, 1], "linear", weights=[np.array([[w1, w2]])], biases=[np.array([b])],
                      neuron_names=[["x1", "x2"], ["y"]],
                      param_names={"W1[0,0]": "w1", "W1[0,1]": "w2", "b1[0]": "b"})
    return Trainer(network, data or adaline_data(), learning_rate=ADALINE_RATE, loss="mse",
                   seed=0 if seed is None else seed)


def _valley(seed: int | None) -> Trainer:
    """``adaline`` stretched: the same tilted bowl, its shallow direction 5 times flatter
    (curvatures 4 and 0.04 over w1, w2). Plain gradient descent must keep its rate below
    2/4 = 0.5 for the steep direction and then crawls along the flat one."""
    return _adaline(seed, adaline_data(S1, VALLEY_S2, "valley"))
SPLIT_WEIGHTS = (0.58, 0.21, 0.36)  # the tutorial's w'11, w'21, w'31 into the output
SPLIT_ERROR = 2.0  # the tutorial's output error e = t - o


def _split(seed: int | None) -> Trainer:
    """The tutorial's example of sharing out an error in proportion to the weights: x1,
    x2 -> y1, y2, y3 (sigmoid) -> z1 (linear), no biases (frozen at 0), one sample. The
    hidden weights cancel on the input (1, 1), so every hidden neuron outputs 0.5 and
    z1 = 0.5 (0.58 + 0.21 + 0.36) = 0.575; the target 2.575 makes e = t - o = 2. In
    proportional mode the backward pass shares it out as e_yj = e w'j1 / (w'11 + w'21 +
    w'31): 1.0087, 0.3652, 0.6261, the tutorial's 1.01, 0.37, 0.63."""
    hidden = np.array([[0.5, -0.5], [-0.3, 0.3], [0.2, -0.2]])
    out = np.array([SPLIT_WEIGHTS])
    names = {f"W1[{j},{i}]": f"w{i + 1}{j + 1}" for j in range(3) for i in range(2)}
    names.update({f"W2[0,{j}]": f"w'{j + 1}1" for j in range(3)})
    network = Network([2, 3, 1], ["sigmoid", "linear"], weights=[hidden, out], biases=[np.zeros(3), np.zeros(1)],
                      neuron_names=[["x1", "x2"], ["y1", "y2", "y3"], ["z1"]], param_names=names)
    z1 = 0.5 * sum(SPLIT_WEIGHTS)
    data = Dataset(np.array([[1.0, 1.0]]), np.array([[z1 + SPLIT_ERROR]]), "split")
    t = Trainer(network, data, learning_rate=0.1, loss="half_sse", backprop="proportional",
                seed=0 if seed is None else seed)
    t.freeze_biases()
    return t


XOR_RATE = 1.0
XOR_SEED = 1


def _xor(seed: int | None) -> Trainer:
    """Tanh hidden units learn XOR without the long plateau of sigmoid ones: at rate 1.0
    every seed 0..99 reaches 100% accuracy within 600 iterations (ten seconds of Play at
    60 iterations a second), the default seed after about 100, while the loss falls
    from the first iterations on."""
    return trainer_mod.create([2, 4, 1], ["tanh", "sigmoid"], datasets.xor(),
                              seed=XOR_SEED if seed is None else seed, learning_rate=XOR_RATE, loss="half_sse")


def _sine(seed: int | None) -> Trainer:
    return trainer_mod.create([1, 8, 1], ["tanh", "linear"], datasets.sine(),
                              seed=0 if seed is None else seed, learning_rate=0.05, loss="mse")


def _scales(seed: int | None) -> Trainer:
    """A linear neuron rent = w1 area + w2 metro + b from zero weights, on the ``scales``
    data (seed: the data's). Raw, the curvature along w1 is thousands of times that along
    w2: a rate below 2/λmax (about 6e-4) fits w1 at once and leaves w2 nearly still."""
    network = Network([2, 1], "linear", weights=[np.zeros((1, 2))], biases=[np.zeros(1)],
                      neuron_names=[["area", "metro"], ["rent"]],
                      param_names={"W1[0,0]": "w1", "W1[0,1]": "w2", "b1[0]": "b"})
    data = datasets.scales(seed=0 if seed is None else seed)
    return Trainer(network, data, learning_rate=5e-4, loss="mse", seed=0 if seed is None else seed)


def _saturated(seed: int | None) -> Trainer:
    """One sigmoid neuron o = sigmoid(w x + b) with w = b = -3 on the single sample x = 1,
    target 1: net = -6, o = 0.0025, where the sigmoid is flat. Under mse its gradient is
    about 0.005; under cross-entropy, o - t = -0.9975."""
    network = Network([1, 1], "sigmoid", weights=[np.array([[-3.0]])], biases=[np.array([-3.0])],
                      neuron_names=[["x"], ["o"]], param_names={"W1[0,0]": "w", "b1[0]": "b"})
    data = Dataset(np.array([[1.0]]), np.array([[1.0]]), "saturated")
    return Trainer(network, data, learning_rate=0.5, loss="mse", seed=0 if seed is None else seed)


_BUILDERS = {"mazur": _mazur, "adaline": _adaline, "valley": _valley, "split": _split, "xor": _xor,
             "sine": _sine, "scales": _scales, "saturated": _saturated}
