"""Hypothesis strategies the tests share: float64 numbers (with the awkward ones), small
networks with a loss that suits their output, data sets for them, training settings, and
Trainers built from all of these and stopped anywhere (between iterations or between
micro-steps)."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from nnviz.core.data.datasets import Dataset
from nnviz.core.trainer import Trainer, TrainingError, create

HIDDEN = ("sigmoid", "tanh", "linear", "relu")
OUTPUT = ("sigmoid", "tanh", "linear", "softmax")
OPTIMIZERS = ("sgd", "momentum", "adagrad", "adam")
BATCHES = ("full", "online", 2)
BACKPROP = ("chain", "proportional")

finite_floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
# signed zeros, subnormals, the extremes, numbers with no short decimal form
edge_floats = st.sampled_from([0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300,
                               1.7976931348623157e308, -1.7976931348623157e308, 0.1, 1 / 3,
                               float(np.nextafter(1.0, 2.0)), -float(np.nextafter(0.0, 1.0))])
float64s = st.one_of(finite_floats, edge_floats)
seeds = st.integers(0, 2**32 - 1)


def losses_for(output_activation: str) -> tuple[str, ...]:
    """The losses that fit an output activation (cross-entropy needs sigmoid or softmax)."""
    return ("half_sse", "mse", "cross_entropy") if output_activation in ("sigmoid", "softmax") \
        else ("half_sse", "mse")


@st.composite
def networks(draw, max_layers: int = 3, max_width: int = 4) -> tuple[list[int], list[str], str]:
    """(layer sizes, activations, loss): 1..max_layers weight layers of 1..max_width
    neurons, softmax only on the output layer and with at least 2 outputs, a loss that
    suits the output."""
    n_layers = draw(st.integers(1, max_layers))
    sizes = draw(st.lists(st.integers(1, max_width), min_size=n_layers + 1, max_size=n_layers + 1))
    acts = [draw(st.sampled_from(HIDDEN)) for _ in range(n_layers - 1)] + [draw(st.sampled_from(OUTPUT))]
    if acts[-1] == "softmax":
        sizes[-1] = max(2, sizes[-1])
    return sizes, acts, draw(st.sampled_from(losses_for(acts[-1])))


@st.composite
def datasets(draw, n_inputs: int, n_outputs: int, loss: str = "mse", max_samples: int = 5) -> Dataset:
    """Inputs uniform in [-2, 2]; targets in [0, 1] for cross-entropy (sometimes hard 0/1),
    else in [-1.5, 1.5]."""
    n = draw(st.integers(1, max_samples))
    rng = np.random.default_rng(draw(seeds))
    x = rng.uniform(-2, 2, (n, n_inputs))
    if loss == "cross_entropy":
        t = rng.uniform(0, 1, (n, n_outputs))
        if draw(st.booleans()):
            t = np.round(t)
    else:
        t = rng.uniform(-1.5, 1.5, (n, n_outputs))
    return Dataset(x, t)


@st.composite
def problems(draw, max_layers: int = 3, max_width: int = 4, max_samples: int = 5):
    """(sizes, activations, loss, data set, seed of the initial weights)."""
    sizes, acts, loss = draw(networks(max_layers, max_width))
    data = draw(datasets(sizes[0], sizes[-1], loss, max_samples))
    return sizes, acts, loss, data, draw(st.integers(0, 2**16))


@st.composite
def training_settings(draw, learning_rate=st.floats(1e-3, 2.0)) -> dict:
    """Keyword arguments of a Trainer: batch mode, shuffling, optimizer, backprop mode,
    learning rate."""
    return dict(batch=draw(st.sampled_from(BATCHES)), shuffle=draw(st.booleans()),
                optimizer=draw(st.sampled_from(OPTIMIZERS)), backprop=draw(st.sampled_from(BACKPROP)),
                learning_rate=draw(learning_rate))


@st.composite
def trainers(draw, max_iterations: int = 3, max_layers: int = 3, max_width: int = 4,
             max_samples: int = 5) -> Trainer:
    """A Trainer of a drawn problem and settings after 0..max_iterations iterations and
    then 0..all micro-steps of the next one. Large rates can make it diverge on the way:
    it then stops there (status ``diverged``, every kept number finite), a state the tests
    must handle too, since a user can save it."""
    sizes, acts, loss, data, seed = draw(problems(max_layers, max_width, max_samples))
    trainer = create(sizes, acts, data, seed=seed, loss=loss, **draw(training_settings()))
    try:
        trainer.run(draw(st.integers(0, max_iterations)))
        for _ in range(draw(st.integers(0, len(trainer.steps) - 1))):
            trainer.step("micro")
    except TrainingError:  # a drawn rate made the run diverge: it stays where it stopped
        pass
    return trainer
