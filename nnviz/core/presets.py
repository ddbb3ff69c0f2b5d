"""Ready-made networks with their data: ``mazur``, ``xor`` and ``sine``.

``load(name)`` gives a fresh Trainer. The random presets draw their initial weights
from ``seed`` (each preset has a default), so the same name and seed always give the
same start.
"""

from __future__ import annotations

import numpy as np

from nnviz.core import trainer as trainer_mod
from nnviz.core.data import datasets
from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network
from nnviz.core.trainer import Trainer

DESCRIPTIONS = {
    "mazur": "2-2-2 sigmoid worked example (Mazur): inputs 0.05, 0.10 -> targets 0.01, 0.99",
    "xor": "2-4-1 sigmoid network on the four XOR points",
    "sine": "1-8-1 regression of sin(x) on [-pi, pi]: tanh hidden layer, linear output",
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


def _xor(seed: int | None) -> Trainer:
    return trainer_mod.create([2, 4, 1], "sigmoid", datasets.xor(), seed=1 if seed is None else seed,
                              learning_rate=2.0, loss="half_sse")


def _sine(seed: int | None) -> Trainer:
    return trainer_mod.create([1, 8, 1], ["tanh", "linear"], datasets.sine(),
                              seed=0 if seed is None else seed, learning_rate=0.05, loss="mse")


_BUILDERS = {"mazur": _mazur, "xor": _xor, "sine": _sine}
