"""nnviz.core.recipes: the default output and loss for data, the softmax rules and the
size limits, answered once for the command line, the dialogs and the snapshot reader."""

import numpy as np
import pytest

from nnviz.core import recipes
from nnviz.core.data import datasets
from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network


@pytest.mark.parametrize("targets, output, loss", [
    ([[1, 0, 0], [0, 0, 1], [0, 1, 0]], "softmax", "cross_entropy"),  # one-hot classes
    ([[0], [1], [1]], "sigmoid", "cross_entropy"),  # one 0/1 column
    ([[1, 1], [0, 0], [1, 0]], "sigmoid", "cross_entropy"),  # several 0/1 columns, not one-hot
    ([[0.5], [2.0], [-1.0]], "linear", "mse"),  # real values
    ([[0.2, 0.8], [0.5, 0.5], [1.0, 0.0]], "linear", "mse"),  # rows summing to 1 but not 0/1
])
def test_default_output_and_loss(targets, output, loss):
    data = Dataset(np.zeros((3, 2)), np.array(targets, dtype=float))
    assert recipes.default_output(data) == (output, loss)


def test_the_builtin_data_sets_get_what_a_teacher_expects():
    assert recipes.default_output(datasets.generate("blobs", n_classes=4)) == ("softmax", "cross_entropy")
    assert recipes.default_output(datasets.generate("xor")) == ("sigmoid", "cross_entropy")
    assert recipes.default_output(datasets.generate("sine")) == ("linear", "mse")


def test_fitting_loss_keeps_a_choice_that_still_works():
    xor, sine = datasets.generate("xor"), datasets.generate("sine")
    assert recipes.fitting_loss("half_sse", "sigmoid", xor) == "half_sse"
    assert recipes.fitting_loss("cross_entropy", "linear", xor) == "mse"
    assert recipes.fitting_loss("cross_entropy", "tanh", sine) == "mse"
    assert recipes.fitting_loss("mse", "softmax", xor) == "mse"


@pytest.mark.parametrize("acts, n_out, message", [
    (["softmax", "sigmoid"], 1, "softmax is only allowed on the output layer, not layer 1"),
    (["tanh", "softmax"], 1, "softmax needs at least 2 outputs, the output layer has 1"),
])
def test_softmax_rules(acts, n_out, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        recipes.check_activations(acts, n_out)
    with pytest.raises(ValueError, match=f"^{message}$"):  # the Network applies the same rule
        Network([2, 3, n_out], acts)
    recipes.check_activations(["tanh", "softmax"], 2)


@pytest.mark.parametrize("sizes, n_samples, message", [
    ([2] + [3] * 9 + [1], None, "at most 8 hidden layers (the limit), got 9"),
    ([2, 129, 1], None, "hidden layer 1: at most 128 neurons (the limit), got 129"),
    ([2, 4, 0], None, "the output layer needs at least 1 neuron, got 0"),
    ([2, 0, 1], None, "hidden layer 1 needs at least 1 neuron, got 0"),
    ([2], None, "a network needs at least an input and an output layer"),
    ([2, 128, 128, 1], 77_822, "77,822 samples through the 2-128-128-1 network are 20,000,254 values a forward "
                               "pass, over the limit of 20,000,000; use fewer samples or neurons"),
])
def test_size_limits_name_the_limit(sizes, n_samples, message):
    with pytest.raises(ValueError) as e:
        recipes.check_size(sizes, n_samples)
    assert str(e.value) == message


def test_the_largest_network_and_data_within_the_limits():
    recipes.check_size([1000] + [128] * 8 + [1000])  # inputs and outputs come from the data
    recipes.check_size([2, 128, 128, 1], 77_821)  # 77,821 x 257 = 19,999,997 values
