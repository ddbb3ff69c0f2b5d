"""The ``split`` preset is the tutorial's own example of sharing out an error in
proportion to the weights: e = 2 over 0.58, 0.21, 0.36 gives 1.01, 0.37, 0.63."""

import numpy as np

from nnviz.core import presets

TUTORIAL = (1.01, 0.37, 0.63)  # 000_6bd791bf9226436b.txt, section 3


def _after_backward():
    t = presets.load("split")
    assert t.backprop == "proportional"
    for _ in range(t.network.n_layers + 1 + t.network.n_layers):  # forward, loss, backward
        t.step("micro")
    assert t.next_step.phase == "update"
    return t


def test_the_hidden_errors_are_the_tutorials_to_two_decimals():
    t = _after_backward()
    e_hidden = t.values.errors[0][0]
    assert [round(float(x), 2) for x in e_hidden] == list(TUTORIAL)


def test_the_hidden_errors_are_exact_against_the_formula():
    t = _after_backward()
    e = float(t.values.errors[1][0, 0])
    assert abs(e - 2.0) <= 1e-12  # the output error e = t - o
    w = np.array([0.58, 0.21, 0.36])  # the tutorial's w'11, w'21, w'31
    np.testing.assert_allclose(t.network.weights[1][0], w, rtol=0, atol=0)
    expected = 2.0 * w / (0.58 + 0.21 + 0.36)  # e_yj = e * w'j1 / (w'11 + w'21 + w'31)
    np.testing.assert_allclose(t.values.errors[0][0], expected, rtol=0, atol=1e-12)


def test_the_network_reads_like_the_tutorials():
    t = presets.load("split")
    net = t.network
    assert net.sizes == [2, 3, 1] and net.neuron_names == [["x1", "x2"], ["y1", "y2", "y3"], ["z1"]]
    assert [net.display_name(f"W2[0,{j}]") for j in range(3)] == ["w'11", "w'21", "w'31"]
    assert net.display_name("W1[0,1]") == "w21"  # x2 -> y1, as the tutorial writes y1 = f(x1 w11 + x2 w21)
    assert all(t.is_frozen(p) for p in net.params() if p.kind == "b")  # the tutorial has no biases
    t.run(50)  # and it trains, in either mode
    assert t.loss_history[-1] < 1e-3 * t.loss_history[0]
