"""nnviz.core.kernels: a stack of networks gives, network by network, the bits of one
network; the batch sampler walks every sample once per epoch; frozen entries stay."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.core import activations, kernels, losses, optimizers, presets
from nnviz.core.network import Network

ACTS = ["sigmoid", "tanh", "relu", "linear"]


def stack_case(seed, sizes, out_act, R, n):
    rng = np.random.default_rng(seed)
    L = len(sizes) - 1
    W = [rng.normal(size=(R, sizes[l + 1], sizes[l])) for l in range(L)]
    B = [rng.normal(size=(R, sizes[l + 1])) for l in range(L)]
    acts = [activations.get(ACTS[(seed + l) % len(ACTS)]) for l in range(L - 1)] + [activations.get(out_act)]
    x = rng.normal(size=(n, sizes[0]))
    if out_act == "softmax":
        t = np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
    else:
        t = rng.uniform(0, 1, (n, sizes[-1]))
    return W, B, acts, x, t


cases = st.tuples(st.integers(0, 10_000), st.lists(st.integers(1, 5), min_size=2, max_size=4),
                  st.sampled_from(["sigmoid", "linear", "softmax"]), st.integers(1, 4), st.integers(1, 6))


@settings(max_examples=60, deadline=None)
@given(cases, st.sampled_from(["half_sse", "mse", "cross_entropy"]), st.booleans())
def test_a_stack_gives_each_networks_bits(case, loss_name, chain):
    seed, sizes, out_act, R, n = case
    if out_act == "softmax" and sizes[-1] < 2:
        sizes = sizes[:-1] + [2]
    if loss_name == "cross_entropy" and out_act == "linear":
        loss_name = "mse"
    W, B, acts, x, t = stack_case(seed, sizes, out_act, R, n)
    loss_fn = losses.get(loss_name, acts[-1])
    with np.errstate(all="ignore"):
        nets, outs = kernels.forward_pass(x, W, B, acts)
        stacked_loss = kernels.loss(loss_fn, nets[-1], outs[-1], t)
        errs, g_ws, g_bs = kernels.backward_pass(chain, loss_fn, acts, x, t, nets, outs, W)
        for r in range(R):
            w, b = [a[r] for a in W], [a[r] for a in B]
            nets1, outs1 = kernels.forward_pass(x, w, b, acts)
            assert all(np.array_equal(p[r], q) for p, q in zip(nets, nets1))
            assert all(np.array_equal(p[r], q) for p, q in zip(outs, outs1))
            assert np.array_equal(stacked_loss[r], loss_fn.batch_loss(nets1[-1], outs1[-1], t), equal_nan=True)
            one = kernels.backward_pass(chain, loss_fn, acts, x, t, nets1, outs1, w)
            for stacked, single in zip((errs, g_ws, g_bs), one):
                assert all(np.array_equal(p[r], q, equal_nan=True) for p, q in zip(stacked, single))
        approx = kernels.stacked_loss(loss_fn, nets[-1], outs[-1], t)
    np.testing.assert_allclose(approx, stacked_loss, rtol=1e-12)


@pytest.mark.parametrize("name", list(optimizers.OPTIMIZERS))
def test_update_of_a_stack_of_rates_gives_each_rates_bits(name):
    rng = np.random.default_rng(5)
    opt = optimizers.create(name)
    R, shape = 3, (2, 3)
    w, b = rng.normal(size=(R,) + shape), rng.normal(size=(R, 2))
    g_w, g_b = rng.normal(size=(R,) + shape), rng.normal(size=(R, 2))
    state = (tuple(rng.uniform(0, 1, (R,) + shape) for _ in opt.state_names),
             tuple(rng.uniform(0, 1, (R, 2)) for _ in opt.state_names))
    rates = np.array([0.01, 0.5, 3.0])
    mask_w = np.array([[True, False, False], [False, False, True]])
    new = kernels.update(opt, rates, 4, w, b, g_w, g_b, state, mask_w, None)
    for r in range(R):
        one = kernels.update(opt, float(rates[r]), 4, w[r], b[r], g_w[r], g_b[r],
                             tuple(tuple(a[r] for a in s) for s in state), mask_w, None)
        assert np.array_equal(new[0][r], one[0]) and np.array_equal(new[1][r], one[1])
        for stacked, single in zip(new[2] + new[3], one[2] + one[3]):
            assert np.array_equal(stacked[r], single)
    assert (new[0][:, mask_w] == w[:, mask_w]).all()  # frozen entries keep their value ...
    for before, after in zip(state[0], new[2]):
        assert (after[:, mask_w] == before[:, mask_w]).all()  # ... and their optimizer state
    assert not new[0].flags.writeable and not new[1].flags.writeable


def test_a_wholly_frozen_array_is_returned_as_it_was():
    w, b = np.ones((2, 2)), np.zeros(2)
    new = kernels.update(optimizers.create("momentum"), 0.5, 1, w, b, np.ones((2, 2)), np.ones(2),
                         ((np.zeros((2, 2)),), (np.zeros(2),)), None, True)
    assert new[1] is b and new[3][0].tolist() == [0.0, 0.0]


def test_frozen_masks():
    net = presets.load("xor").network  # 2-4-1
    masks = kernels.frozen_masks(net, {"W1[0,1]", "b2[0]"})
    assert masks[0].tolist()[0] == [False, True] and masks[0].sum() == 1
    assert masks[1] is None and masks[2] is None and masks[3] is True


@pytest.mark.parametrize("n, size, shuffle", [(10, 3, False), (10, 3, True), (7, 1, True), (6, 2, False)])
def test_each_epoch_draws_every_sample_once(n, size, shuffle):
    rng = np.random.default_rng(0)
    order, position = np.arange(n), 0
    for _ in range(3):
        seen, end = [], False
        while not end:
            batch, order, position, end = kernels.draw_batch(n, size, shuffle, order, position, rng)
            assert 1 <= batch.size <= size
            seen += batch.tolist()
        assert sorted(seen) == list(range(n)) and position == 0
        assert (seen == list(range(n))) != shuffle or n == 1


def test_the_whole_data_as_one_batch():
    order = np.arange(5)
    assert kernels.draw_batch(5, 5, True, order, 0, None) == (None, order, 0, True)


def test_network_forward_at_other_parameters():
    t = presets.load("xor")
    t.run(10)
    before = [list(t.network.weights), list(t.network.biases)]
    t.run(10)
    x = t.dataset.inputs
    earlier = Network(t.network.sizes, t.network.activation_names, *before)
    assert np.array_equal(t.network.forward(x, *before), earlier.forward(x))
    assert not np.array_equal(t.network.forward(x), earlier.forward(x))
    nets, outs = kernels.forward_pass(x, t.network.weights, t.network.biases, t.network.activations)
    assert np.array_equal(t.network.forward(x), outs[-1])
    assert t.loss_fn.batch_loss(nets[-1], outs[-1], t.dataset.targets) == t.evaluate_loss()
