"""``Network.forward(x, weights=None, biases=None)``: the views' one forward pass."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core import presets


def test_forward_gives_the_worked_example_outputs():
    t = presets.load("mazur")
    out = t.network.forward(t.dataset.inputs)
    np.testing.assert_allclose(out[0], [0.75136507, 0.772928465], atol=1e-8)  # Mazur's o1, o2


def test_given_parameters_replace_the_networks_own_and_leave_it_unchanged():
    t = presets.load("xor")
    net = t.network
    rng = np.random.default_rng(1)
    weights = [rng.normal(size=w.shape) for w in net.weights]
    biases = [rng.normal(size=b.shape) for b in net.biases]
    before = net.flat().copy()
    got = net.forward(t.dataset.inputs, weights, biases)
    probe = net.copy()
    probe.set_parameters(weights, biases)
    np.testing.assert_array_equal(got, probe.forward(t.dataset.inputs))
    np.testing.assert_array_equal(net.flat(), before)


def test_wrong_number_of_layers_is_refused():
    net = presets.load("mazur").network
    with pytest.raises(ValueError, match="expected 2 weight matrices"):
        net.forward(np.zeros((1, 2)), net.weights[:1], net.biases[:1])
