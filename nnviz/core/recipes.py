"""The rules that several places ask about, answered once: the command line, the data
dialog, the network editor, the snapshot reader and the Network itself call these.

A new network for a data set (``default_output``)
    - one-hot targets (two or more 0/1 columns, exactly one 1 in each row): a softmax
      output with ``cross_entropy`` — one probability per class;
    - other 0/1 targets (one column, or several that are not one-hot): a sigmoid output
      per column with ``cross_entropy`` (its binary form);
    - any other targets: a linear output with ``mse``.
  Cross-entropy for classification and mean squared error for regression, as the
  tutorials nnviz follows teach it. ``fitting_loss`` keeps a loss the user chose
  wherever it still works with the output activation.

Softmax (``check_activations``)
    Only on the output layer, and only with at least 2 outputs (a softmax of one number
    is always 1).

Size limits (``check_size``), checked on the numbers before any array is made, each
refused with one line that names the limit:
    - at most ``MAX_HIDDEN_LAYERS`` (8) hidden layers of 1 to ``MAX_NEURONS`` (128)
      neurons each;
    - at most ``MAX_VALUES`` (20,000,000) values in a forward pass over all samples
      (samples x neurons of the layers after the inputs): this bounds the memory a run
      needs, and so the size of the data (the files read are bounded by ``nnviz.io``).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from nnviz.core import activations, losses
from nnviz.core.words import T_

MAX_HIDDEN_LAYERS = 8
MAX_NEURONS = 128  # per hidden layer
MAX_VALUES = 20_000_000  # samples x neurons after the inputs, in one forward pass
OUTPUT_ONLY = ("softmax",)  # activations allowed on the output layer only


# ============================================================ outputs and losses
def is_one_hot(targets: np.ndarray) -> bool:
    """Two or more 0/1 columns with exactly one 1 in each row."""
    t = np.asarray(targets)
    return t.ndim == 2 and t.shape[1] >= 2 and bool(np.isin(t, (0.0, 1.0)).all() and (t.sum(axis=1) == 1.0).all())


def default_loss(output_activation: str, dataset) -> str:
    """The loss for a new network with this output activation on ``dataset``:
    cross_entropy for softmax, and for sigmoid on 0/1 targets; mse otherwise."""
    if output_activation == "softmax" or output_activation == "sigmoid" and dataset.is_classification:
        return "cross_entropy"
    return "mse"


def default_output(dataset) -> tuple[str, str]:
    """(output activation, loss) of a new network for ``dataset`` (see the module notes)."""
    if is_one_hot(dataset.targets):
        activation = "softmax"
    elif dataset.is_classification:
        activation = "sigmoid"
    else:
        activation = "linear"
    return activation, default_loss(activation, dataset)


def fitting_loss(current: str, output_activation: str, dataset) -> str:
    """``current`` where it works with ``output_activation``, else ``default_loss``."""
    try:
        losses.get(current, activations.get(output_activation))
        return current
    except ValueError:
        return default_loss(output_activation, dataset)


# ================================================================= softmax
def check_activations(names: Sequence[str], n_outputs: int) -> None:
    """Raise ValueError (one line) for an output-only activation on a hidden layer or a
    softmax with fewer than 2 outputs."""
    for layer, name in enumerate(names[:-1], start=1):
        if name in OUTPUT_ONLY:
            raise ValueError(T_("recipes", "%1 is only allowed on the output layer, not layer %2", name, layer))
    if names and names[-1] == "softmax" and n_outputs < 2:
        raise ValueError(T_("recipes", "softmax needs at least 2 outputs, the output layer has %1", n_outputs))


# ============================================================ size limits
def layer_name(index: int, n_layers: int) -> str:
    """``the input layer``, ``hidden layer 2``, ``the output layer`` for layer ``index``
    (0 = inputs) of a network with ``n_layers`` layers, inputs included."""
    if index == 0:
        return T_("recipes", "the input layer")
    return T_("recipes", "the output layer") if index == n_layers - 1 else T_("recipes", "hidden layer %1", index)


def check_size(sizes: Sequence[int], n_samples: int | None = None) -> None:
    """Raise ValueError (one line naming the limit) when a network of layer ``sizes``
    (inputs first) on ``n_samples`` samples is beyond the limits in the module notes.
    Only looks at the numbers: call it before making anything."""
    sizes = [int(s) for s in sizes]
    if len(sizes) < 2:
        raise ValueError(T_("recipes", "a network needs at least an input and an output layer"))
    if len(sizes) - 2 > MAX_HIDDEN_LAYERS:
        raise ValueError(T_("recipes", "at most %1 hidden layers (the limit), got %2", MAX_HIDDEN_LAYERS,
                            len(sizes) - 2))
    for i, n in enumerate(sizes):
        if n < 1:
            raise ValueError(T_("recipes", "%1 needs at least 1 neuron, got %2", layer_name(i, len(sizes)), n))
        if 0 < i < len(sizes) - 1 and n > MAX_NEURONS:
            raise ValueError(T_("recipes", "%1: at most %2 neurons (the limit), got %3", layer_name(i, len(sizes)),
                                MAX_NEURONS, f"{n:,}"))
    if n_samples is not None and n_samples * sum(sizes[1:]) > MAX_VALUES:
        args = f"{n_samples:,}", "-".join(map(str, sizes)), f"{n_samples * sum(sizes[1:]):,}", f"{MAX_VALUES:,}"
        raise ValueError(T_("recipes", "%1 sample through the %2 network are %3 values a forward pass, over the limit "
                            "of %4; use fewer samples or neurons", *args) if n_samples == 1 else
                         T_("recipes", "%1 samples through the %2 network are %3 values a forward pass, over the "
                            "limit of %4; use fewer samples or neurons", *args))
