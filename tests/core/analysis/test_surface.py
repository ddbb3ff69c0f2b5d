"""The loss surface and the learning-rate tools of nnviz.core.analysis.surface / nnviz.core.analysis.sweep:
grids against direct evaluation, the trajectory lying on the surface when only the two
axes train, curvature against an analytic Hessian, the look-ahead's verdict against
2/lambda on a quadratic, look-ahead and sweep against real Trainer runs (bit for bit),
and the Trainer left untouched by all of it."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.analysis import hessian, regimes, surface
from nnviz.core.analysis import sweep as sweep_mod
from nnviz.core.data.datasets import Dataset, sine
from nnviz.core.network import Param
from nnviz.core.trainer import create

ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")


def direct_loss(trainer, values: dict) -> float:
    """evaluate_loss with some parameters set: the reference every grid is checked against."""
    net = trainer.network
    W = [np.array(w) for w in net.weights]
    B = [np.array(b) for b in net.biases]
    for name, value in values.items():
        p = net.parse_param(name)
        (W if p.kind == "W" else B)[p.layer - 1][p.index] = value
    return trainer.evaluate_loss(W, B)


def random_trainer(seed: int):
    """A random network, data, output activation and a loss that fits it."""
    rng = np.random.default_rng(seed)
    L = int(rng.integers(1, 4))
    sizes = [int(rng.integers(1, 4))] + [int(rng.integers(1, 5)) for _ in range(L - 1)] + [int(rng.integers(1, 4))]
    hidden = [str(rng.choice(ACTIVATIONS)) for _ in range(L - 1)]
    out = str(rng.choice(["sigmoid", "linear", "softmax", "tanh"]))
    if out == "softmax" and sizes[-1] == 1:
        sizes[-1] = 2
    n = int(rng.integers(1, 25))
    x = rng.standard_normal((n, sizes[0])) * 2
    if out == "softmax":
        t = np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
        loss = str(rng.choice(["cross_entropy", "mse", "half_sse"]))
    elif out == "sigmoid":
        t = (rng.random((n, sizes[-1])) > 0.5).astype(float)
        loss = str(rng.choice(["cross_entropy", "mse", "half_sse"]))
    else:
        t = rng.standard_normal((n, sizes[-1]))
        loss = str(rng.choice(["mse", "half_sse"]))
    return create(sizes, hidden + [out], Dataset(x, t), seed=seed, loss=loss, init="normal" if seed % 3 else "uniform")


def snapshot_state(t):
    """Everything of a Trainer that none of the surface tools may change."""
    st = t.training_state()
    return {
        "weights": [w.copy() for w in t.network.weights], "biases": [b.copy() for b in t.network.biases],
        "opt": [tuple(a.copy() for a in s) for s in st.opt_state], "opt_name": st.opt_name, "opt_t": st.opt_t,
        "cursor": st.cursor, "order": np.array(st.order), "position": st.position, "epoch": st.epoch,
        "rng": st.rng_state, "iteration": st.iteration, "loss_history": list(st.loss_history),
        "trajectory": [p.copy() for p in st.trajectory], "status": st.status, "settings": t.settings,
        "can_back": t.can_step_back,
    }


def assert_same_state(before, after):
    for key in before:
        a, b = before[key], after[key]
        if key in ("weights", "biases", "trajectory"):
            assert len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b)), key
        elif key == "opt":
            assert len(a) == len(b) and all(len(x) == len(y) and all(np.array_equal(u, v) for u, v in zip(x, y))
                                            for x, y in zip(a, b)), key
        elif key == "order":
            assert np.array_equal(a, b), key
        else:
            assert a == b, key


# ===================================================================== grids
@pytest.mark.parametrize("seed", range(24))
def test_grid_equals_direct_evaluation(seed):
    t = random_trainer(seed)
    rng = np.random.default_rng(100 + seed)
    names = [p.name for p in t.network.params()]
    p1, p2 = rng.choice(names, 2, replace=False)
    a = np.sort(rng.uniform(-3, 3, 6))
    b = np.sort(rng.uniform(-3, 3, 5))
    grid = surface.loss_grid(t, p1, p2, a, b)
    assert grid.shape == (6, 5)
    for i in range(6):
        for j in range(5):
            ref = direct_loss(t, {p1: a[i], p2: b[j]})
            assert grid[i, j] == pytest.approx(ref, rel=1e-12, abs=1e-300), (p1, p2, i, j)


@pytest.mark.parametrize("p1,p2", [("W1[0,0]", "W1[0,1]"), ("W1[0,0]", "W1[3,1]"), ("b1[2]", "W1[2,0]"),
                                   ("W2[1,3]", "W1[0,1]"), ("W1[1,1]", "b3[0]"), ("W3[0,0]", "W3[0,2]"),
                                   ("b2[0]", "b2[1]"), ("W3[0,1]", "W2[1,1]")])
def test_grid_axes_in_any_layer_of_a_deeper_network(p1, p2):
    rng = np.random.default_rng(7)
    data = Dataset(rng.standard_normal((30, 2)), (rng.random((30, 1)) > 0.5).astype(float))
    t = create([2, 4, 3, 1], ["tanh", "sigmoid", "sigmoid"], data, seed=4)
    a, b = np.linspace(-2, 2, 9), np.linspace(-1.5, 3, 7)
    grid = surface.loss_grid(t, p1, p2, a, b)
    for i in (0, 3, 8):
        for j in (0, 4, 6):
            assert grid[i, j] == pytest.approx(direct_loss(t, {p1: a[i], p2: b[j]}), rel=1e-12)


def test_grid_orientation_and_display_names():
    t = presets.load("mazur")
    a, b = np.array([0.1, 0.4, 0.9]), np.array([-1.0, 0.45])
    grid = surface.loss_grid(t, "w5", "w6", a, b)
    assert grid[2, 0] == pytest.approx(direct_loss(t, {"W2[0,0]": 0.9, "W2[0,1]": -1.0}), rel=1e-13)
    # the swapped call is the transposed grid (p1 now in the earlier layer)
    swapped = surface.loss_grid(t, "w6", "w1", b, a)
    assert swapped.shape == (2, 3)
    assert swapped[1, 2] == pytest.approx(direct_loss(t, {"W2[0,1]": 0.45, "W1[0,0]": 0.9}), rel=1e-13)
    later_first = surface.loss_grid(t, Param("W", 2, 1, 1), "W1[0,1]", a, b)
    assert later_first[0, 1] == pytest.approx(direct_loss(t, {"W2[1,1]": 0.1, "W1[0,1]": 0.45}), rel=1e-13)
    # the grid at the current values is the current loss
    here = surface.loss_grid(t, "w5", "w6", [0.4], [0.45])
    assert here[0, 0] == pytest.approx(t.evaluate_loss(), rel=1e-14)


def test_chunks_do_not_change_the_grid(monkeypatch):
    rng = np.random.default_rng(3)
    data = Dataset(rng.standard_normal((50, 2)), rng.standard_normal((50, 1)))
    t = create([2, 6, 5, 1], ["tanh", "relu", "linear"], data, seed=2, loss="mse")
    a, b = np.linspace(-2, 2, 13), np.linspace(-2, 2, 11)
    for p1, p2 in (("W1[0,0]", "W1[5,1]"), ("W1[2,1]", "W2[3,4]")):
        whole = surface.loss_grid(t, p1, p2, a, b)
        monkeypatch.setattr(surface, "CHUNK_FLOATS", 1)  # one grid point per block
        tiny = surface.loss_grid(t, p1, p2, a, b)
        monkeypatch.setattr(surface, "CHUNK_FLOATS", 50 * 6 * 3)  # blocks of 3 points: rows split
        some = surface.loss_grid(t, p1, p2, a, b)
        monkeypatch.undo()
        np.testing.assert_allclose(tiny, whole, rtol=1e-14)
        np.testing.assert_allclose(some, whole, rtol=1e-14)


def test_grid_extreme_values_give_no_warnings():
    t = create([2, 3, 2], ["relu", "softmax"], presets.load("mazur").dataset, loss="cross_entropy", seed=1)
    extreme = [np.inf, -np.inf, np.nan, 1e308, -1e308, 0.0, 1e-320]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for p1, p2 in (("W1[0,0]", "b2[1]"), ("W2[0,1]", "W2[1,2]"), ("b1[0]", "W1[2,1]")):
            grid = surface.loss_grid(t, p1, p2, extreme, extreme)
            assert grid.shape == (7, 7)
            assert np.isfinite(grid[5, 5])
            assert grid[5, 5] == pytest.approx(direct_loss(t, {p1: 0.0, p2: 0.0}), rel=1e-12)
        m = presets.load("mazur")
        g = surface.loss_grid(m, "w5", "w1", extreme, extreme)
        assert np.isnan(g[2]).all()  # w5 = NaN
        assert surface.loss_grid(m, "w5", "w6", [], [1.0]).shape == (0, 1)


def test_grid_refuses_bad_input():
    t = presets.load("mazur")
    with pytest.raises(ValueError, match="different parameters"):
        surface.loss_grid(t, "w5", "W2[0,0]", [0], [0])
    with pytest.raises(ValueError, match="bad parameter name"):
        surface.loss_grid(t, "W9[0,0]", "w5", [0], [0])
    with pytest.raises(ValueError, match="1-D"):
        surface.loss_grid(t, "w5", "w6", [[0, 1]], [0])


def test_train_only_these_two_puts_the_trajectory_on_the_surface():
    t = presets.load("xor")
    p1, p2 = "W2[0,1]", "b1[2]"
    t.freeze([p.name for p in t.network.params() if p.name not in (p1, p2)])
    t.configure(learning_rate=3.0)
    t.run(60)
    traj = surface.trajectory_columns(t, p1, p2)
    assert traj.shape == (61, 2)
    net = t.network
    full = np.stack(t.trajectory)
    assert np.array_equal(full[:, net.flat_index(net.parse_param(p1))], traj[:, 0])
    # the surface evaluated exactly at each trajectory point is the loss the Trainer
    # recorded there (full batch: the forward pass of the next iteration)
    on_surface = np.array([surface.loss_grid(t, p1, p2, [x], [y])[0, 0] for x, y in traj])
    np.testing.assert_allclose(on_surface[:-1], t.loss_history, rtol=1e-13)
    assert on_surface[-1] == pytest.approx(t.evaluate_loss(), rel=1e-13)
    # and one grid over all of them holds the same numbers on its diagonal
    grid = surface.loss_grid(t, p1, p2, traj[:, 0], traj[:, 1])
    np.testing.assert_allclose(np.diag(grid), on_surface, rtol=1e-13)


# ================================================== axes and default range
def test_default_axes_are_curved_and_never_two_into_the_same_neuron():
    """On the worked example no pair is a bowl at the start (o1's weights curve down):
    w6 and w8 curve both ways, one per output, where w5, w6 (into o1) would be a valley
    of parallel lines."""
    t = presets.load("mazur")
    assert surface.default_axes(t) == ("W2[0,1]", "W2[1,1]")
    t.freeze(["W2[0,1]"])
    pair = surface.default_axes(t)
    assert "W2[0,1]" not in pair
    t.freeze([p.name for p in t.network.params() if p.layer == 2])
    assert all(p.startswith("W1") for p in surface.default_axes(t))  # only W1 is free
    t.configure(frozen=[p.name for p in t.network.params() if p.name != "W1[1,1]"])
    with pytest.raises(ValueError, match="two parameters"):
        surface.default_axes(t)


@pytest.mark.parametrize("name,iterations", [("mazur", 0), ("mazur", 50), ("xor", 0), ("xor", 300),
                                             ("sine", 0), ("sine", 200)])
def test_default_axes_feed_different_neurons_and_their_slice_is_curved(name, iterations):
    t = presets.load(name)
    t.run(iterations)
    p1, p2 = (t.network.parse_param(n) for n in surface.default_axes(t))
    assert (p1.layer, p1.row) != (p2.layer, p2.row)
    values = np.linalg.eigvalsh(hessian.hessian(t, [p1.name, p2.name]))
    assert np.all(np.abs(values) > 1e-6 * np.abs(values).max())  # curved along both eigen-directions


def test_default_axes_of_a_single_neuron_are_two_of_its_weights():
    """adaline: one neuron, whose bowl lies over w1 and w2 (curvatures 4 and 0.2)."""
    t = presets.load("adaline")
    assert surface.default_axes(t) == ("W1[0,0]", "W1[0,1]")
    t.freeze(["W1[0,1]"])
    assert surface.default_axes(t) == ("W1[0,0]", "b1[0]")  # fewer than two free weights: the bias


def test_check_axes():
    t = presets.load("mazur")
    assert surface.check_axes(t, "w5", "W2[0,1]") == (Param("W", 2, 0, 0), Param("W", 2, 0, 1))
    with pytest.raises(ValueError, match="different parameters, got w5 \\(W2\\[0,0\\]\\) twice"):
        surface.check_axes(t, "w5", "W2[0,0]")
    with pytest.raises(ValueError, match="frozen"):
        surface.check_axes(t, "w5", "b1[0]")  # mazur's biases are frozen
    with pytest.raises(ValueError, match="bad parameter name 'x'"):
        surface.check_axes(t, "x", "w5")
    for call in (lambda: surface.check_axes(t, "w5", "w5"), lambda: surface.check_axes(t, "w5", "b2[0]")):
        with pytest.raises(ValueError) as info:
            call()
        assert "\n" not in str(info.value)


def test_default_range_holds_the_trajectory_and_the_current_point():
    t = presets.load("mazur")
    a0, a1, b0, b1 = surface.default_range(t, "w5", "w6")
    assert a1 - a0 == pytest.approx(1.0) and b1 - b0 == pytest.approx(1.0)  # one point: never zero width
    assert a0 < 0.4 < a1 and b0 < 0.45 < b1
    t.configure(learning_rate=5.0)
    t.run(200)
    traj = surface.trajectory_columns(t, "w5", "w6")
    a0, a1, b0, b1 = surface.default_range(t, "w5", "w6", margin=0.25)
    span = traj[:, 0].max() - traj[:, 0].min()
    assert a0 == pytest.approx(traj[:, 0].min() - 0.25 * span) and a1 == pytest.approx(traj[:, 0].max() + 0.25 * span)
    assert b0 < traj[:, 1].min() and b1 > traj[:, 1].max()
    pts = np.array([[0.0, 0.0], [1.0, 2.0], [np.nan, 5.0]])
    a0, a1, b0, b1 = surface.default_range(t, "w5", "w6", points=pts, margin=0.0)
    assert a0 <= min(0.0, t.network.get("w5")) and a1 >= 1.0 and b1 >= 2.0 and b1 < 5.0


# ===================================================== the trajectory plane
def test_plane_grid_equals_direct_evaluation():
    t = random_trainer(5)
    rng = np.random.default_rng(1)
    P = t.network.n_params
    origin, d1, d2 = t.network.flat(), rng.standard_normal(P), rng.standard_normal(P)
    a, b = np.linspace(-1, 1, 5), np.linspace(-0.5, 2, 4)
    grid = surface.plane_grid(t, origin, d1, d2, a, b)
    for i in range(5):
        for j in range(4):
            w, bias = surface.split_flat(t.network, origin + a[i] * d1 + b[j] * d2)
            assert grid[i, j] == pytest.approx(t.evaluate_loss(w, bias), rel=1e-12)
    with pytest.raises(ValueError, match="flat parameter vector"):
        surface.plane_grid(t, origin[:-1], d1, d2, a, b)


def test_trajectory_plane_holds_a_two_parameter_trajectory():
    t = presets.load("xor")
    keep = ("W1[0,0]", "W2[0,3]")
    t.freeze([p.name for p in t.network.params() if p.name not in keep])
    t.run(80)
    origin, d1, d2, coords = surface.trajectory_plane(t)
    assert np.array_equal(origin, t.network.flat())
    assert d1.dot(d1) == pytest.approx(1) and d2.dot(d2) == pytest.approx(1) and abs(d1.dot(d2)) < 1e-12
    assert coords.shape == (81, 2)
    assert np.allclose(coords[-1], 0.0)
    # only two parameters moved: the plane holds the whole path, exactly
    rebuilt = origin + coords[:, :1] * d1 + coords[:, 1:] * d2
    np.testing.assert_allclose(rebuilt, np.stack(t.trajectory), atol=1e-12)
    assert coords[0, 0] <= 0 and coords[0, 1] <= 0  # the directions point from the start to here
    loss = surface.plane_grid(t, origin, d1, d2, coords[:, 0], coords[:, 1])
    np.testing.assert_allclose(np.diag(loss)[:-1], t.loss_history, rtol=1e-12)


def test_trajectory_plane_without_history():
    t = presets.load("mazur")
    origin, d1, d2, coords = surface.trajectory_plane(t)
    assert coords.shape == (1, 2) and np.allclose(coords, 0)
    assert d1.dot(d1) == pytest.approx(1) and d2.dot(d2) == pytest.approx(1) and abs(d1.dot(d2)) < 1e-12
    frozen = [t.network.flat_index(t.network.parse_param(n)) for n in t.frozen]
    g = -surface.gradient(t)
    g[frozen] = 0.0
    assert d1.dot(g / np.linalg.norm(g)) == pytest.approx(1)  # no history: the steepest descent first
    assert np.all(d1[frozen] == 0) and np.all(d2[frozen] == 0)  # frozen parameters never move


# ================================================================ curvature
def quadratic_trainer(n: int = 20, seed: int = 0):
    """A linear network with mse and its first layer frozen: the loss is exactly quadratic
    in the free parameters (W2, b2), with Hessian (2 / (n n_out)) A^T A (x) I, A = [h, 1]."""
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((n, 3)), rng.standard_normal((n, 2))
    t = create([3, 4, 2], "linear", Dataset(x, y), seed=1, loss="mse", init="xavier")
    t.freeze([p.name for p in t.network.params() if p.layer == 1])
    h = x @ t.network.weights[0].T + t.network.biases[0]
    A = np.hstack([h, np.ones((n, 1))])
    return t, 2.0 / (n * 2) * A.T @ A


def test_curvature_of_a_quadratic():
    t, H = quadratic_trainer()
    lam = np.linalg.eigvalsh(H)[-1]
    assert surface.curvature(t) == pytest.approx(lam, rel=1e-8)
    assert regimes.regime_marks(t).diverges_from == pytest.approx(2 / lam, rel=1e-8)
    # over two named parameters: the 2x2 block of the Hessian (W2[0,1] and W2[0,3] share output 0)
    sub = H[np.ix_([1, 3], [1, 3])]
    assert surface.curvature(t, ["W2[0,1]", "W2[0,3]"]) == pytest.approx(np.linalg.eigvalsh(sub)[-1], rel=1e-8)
    # parameters of different outputs do not interact
    assert surface.curvature(t, ["W2[0,1]", "W2[1,1]"]) == pytest.approx(H[1, 1], rel=1e-8)


def test_curvature_of_mazur_against_finite_differences():
    t = presets.load("mazur")
    idx = [t.network.flat_index(t.network.parse_param(n)) for n in ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")]
    theta = t.network.flat()
    eps = 1e-5
    H = np.empty((8, 8))
    for k, i in enumerate(idx):
        e = np.zeros_like(theta)
        e[i] = eps
        H[k] = (surface.gradient(t, theta + e)[idx] - surface.gradient(t, theta - e)[idx]) / (2 * eps)
    lam = np.linalg.eigvalsh(0.5 * (H + H.T))[-1]
    assert surface.curvature(t) == pytest.approx(lam, rel=1e-6)
    # over w5, w6 the Hessian is rank one and negative here: lambda_max = 0, no marks
    assert abs(surface.curvature(t, ["w5", "w6"])) < 1e-9
    assert regimes.regime_marks(t, ["w5", "w6"]).diverges_from is None


def test_gradient_is_the_trainers_gradient():
    t = presets.load("xor")
    t.step("phase")
    t.step("phase")
    t.step("phase")  # forward, loss, backward: the gradients of the full batch
    v = t.values
    expected = np.concatenate([x for gw, gb in zip(v.grad_W, v.grad_b) for x in (gw.ravel(), gb)])
    np.testing.assert_allclose(surface.gradient(t), expected, rtol=1e-13, atol=1e-16)


# ================================================================ look-ahead
@pytest.mark.parametrize("factor,status", [(0.1, "converging"), (0.45, "converging"), (0.55, "zigzag"),
                                           (0.8, "zigzag"), (0.95, "zigzag")])
def test_look_ahead_below_the_critical_rate(factor, status):
    """2/lambda_max is the critical rate: below half of it gradient descent converges,
    above half of it (1/lambda_max) it zig-zags."""
    t, _ = quadratic_trainer()
    la = surface.look_ahead(t, factor * regimes.regime_marks(t).diverges_from, 30)
    assert la.status == status
    assert la.final_loss < la.losses[0]


@pytest.mark.parametrize("factor", [1.05, 1.2, 2.0, 10.0])
def test_look_ahead_diverges_above_the_critical_rate(factor):
    t, _ = quadratic_trainer()
    la = surface.look_ahead(t, factor * regimes.regime_marks(t).diverges_from, 30)
    assert la.status == "diverged"


@pytest.mark.parametrize("factor,status", [(0.997, "zigzag"), (1.003, "diverged")])
def test_look_ahead_right_at_the_critical_rate(factor, status):
    """One free parameter: a parabola, the step multiplied by 1 - r lambda each time. Just
    below 2/lambda the zig-zag shrinks (0.994^20 < 0.98 from the first to the last third
    of the steps), just above it grows (1.006^20 > 1/0.98), though the loss stays below
    twice the start."""
    t, H = quadratic_trainer()
    t.configure(frozen=[p.name for p in t.network.params() if p.name != "W2[0,1]"])
    assert surface.curvature(t) == pytest.approx(H[1, 1], rel=1e-8)
    la = surface.look_ahead(t, factor * regimes.regime_marks(t).diverges_from, 30)
    assert la.status == status


CONFIGS = {
    "sgd full": dict(),
    "momentum minibatch shuffled": dict(optimizer="momentum", batch=3, shuffle=True),
    "adam online shuffled": dict(optimizer="adam", batch="online", shuffle=True, loss="half_sse"),
    "adagrad proportional": dict(optimizer="adagrad", batch=5, backprop="proportional"),
    "sgd proportional shuffled": dict(batch=7, shuffle=True, backprop="proportional"),
}


def config_trainer(name: str, warm: int = 7):
    t = create([1, 5, 3, 1], ["tanh", "relu", "linear"], sine(12), seed=3, learning_rate=0.1,
               loss=CONFIGS[name].get("loss", "mse"), **{k: v for k, v in CONFIGS[name].items() if k != "loss"})
    t.freeze(["W1[0,0]", "b2[1]"])
    t.run(warm)  # optimizer state, a batch position inside an epoch, a shuffled order
    return t


def trainer_path(t, lr: float, steps: int):
    """Flat parameters after each update of t.run(1) at lr, until it diverges."""
    t.configure(learning_rate=lr)
    points = [t.network.flat()]
    for _ in range(steps):
        if t.run(1).reason == "diverged":
            break
        points.append(t.network.flat())
    return np.array(points)


@pytest.mark.parametrize("name", list(CONFIGS))
@pytest.mark.parametrize("lr", [0.003, 0.2, 40.0])
def test_look_ahead_is_the_trainers_path_bit_for_bit(name, lr):
    t = config_trainer(name)
    before = snapshot_state(t)
    la = surface.look_ahead(t, lr, 12)
    assert_same_state(before, snapshot_state(t))
    path = trainer_path(config_trainer(name), lr, 12)
    assert np.array_equal(la.params[:len(path)], path)
    for k in range(len(path)):
        w, b = surface.split_flat(t.network, path[k])
        assert la.losses[k] == t.evaluate_loss(w, b)
    if la.stopped_at is None:
        assert len(path) == 13 and la.final_loss == la.losses[-1]
    else:
        assert la.status == "diverged" and la.final_loss == math.inf
        assert np.isnan(la.params[la.stopped_at + 1:]).all() and np.isnan(la.losses[la.stopped_at + 1:]).all()


def test_look_ahead_from_the_middle_of_an_iteration():
    t = config_trainer("momentum minibatch shuffled")
    for _ in range(5):
        t.step("micro")  # forward, loss, backward of a 3-layer net: cursor 5
    before = snapshot_state(t)
    la = surface.look_ahead(t, 0.05, 6)
    assert_same_state(before, snapshot_state(t))
    ref = config_trainer("momentum minibatch shuffled")
    for _ in range(5):
        ref.step("micro")
    assert np.array_equal(la.params, trainer_path(ref, 0.05, 6))


def test_look_ahead_diverging_run_stops_where_the_trainer_stops():
    t = create([1, 8, 1], ["tanh", "linear"], sine(), seed=0, learning_rate=0.05, loss="mse")
    la = surface.look_ahead(t, 50.0, 30)
    assert la.status == "diverged" and la.stopped_at is not None and la.final_loss == math.inf
    ref = create([1, 8, 1], ["tanh", "linear"], sine(), seed=0, learning_rate=50.0, loss="mse")
    done = 0
    while ref.run(1).reason != "diverged":
        done += 1
    assert done == la.stopped_at  # the Trainer's divergence rule fired at the same iteration


def test_look_ahead_refuses_bad_input():
    t = presets.load("mazur")
    for lr in (0, -1, math.nan, math.inf):
        with pytest.raises(ValueError, match="learning rate"):
            surface.look_ahead(t, lr)
    with pytest.raises(ValueError, match="at least one step"):
        surface.look_ahead(t, 0.5, 0)


# ======================================================== classification
def test_classify_synthetic_paths():
    k = np.arange(31)[:, None]
    u = np.array([[1.0, 0.0]])
    assert sweep_mod.classify(0.9 ** k * u, 1.0, 0.01) == "converging"  # monotone descent
    assert sweep_mod.classify((-0.9) ** k * u, 1.0, 0.01) == "zigzag"  # a dying zig-zag
    assert sweep_mod.classify((-1.0) ** k * u, 1.0, 1.0) == "oscillating"  # a lasting zig-zag
    assert sweep_mod.classify((-1.02) ** k * u, 1.0, 1.5) == "diverged"  # a growing zig-zag
    assert sweep_mod.classify((-1.1) ** k * u, 1.0, 300.0) == "diverged"  # the loss grew past 2x
    assert sweep_mod.classify(k * u, 1.0, 1.5) == "diverged"  # uphill without alternating
    assert sweep_mod.classify(1.1 ** k * u, 1.0, 0.5) == "converging"  # speeding up downhill
    assert sweep_mod.classify(np.ones((31, 2)), 1.0, 1.0) == "converging"  # not moving
    assert sweep_mod.classify(k * u, 1.0, 0.5, stopped=True) == "diverged"
    assert sweep_mod.classify(k * u, 1.0, math.nan) == "diverged"
    # a zig-zag across a valley that dies within a few steps, while the path creeps along it:
    # seen along the steep direction among the first points, not in the last ones
    across, along = np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])
    path = (-0.1) ** k * across + 0.95 ** k * along
    assert sweep_mod.classify(path, 1.0, 0.1, direction=across[0]) == "zigzag"
    assert sweep_mod.classify(path[-10:], 1.0, 0.1, direction=across[0], head=path[:10]) == "zigzag"
    assert sweep_mod.classify(path[-10:], 1.0, 0.1, direction=across[0]) == "converging"
    assert set(sweep_mod.STATUSES) == {"converging", "zigzag", "oscillating", "diverged"}


# ===================================================================== sweep
def independent_run(make, lr: float, n: int):
    t = make()
    warm = t.iteration
    t.configure(learning_rate=float(lr))
    t.run(n)
    curve = np.full(n, np.nan)
    curve[:len(t.loss_history) - warm] = t.loss_history[warm:]
    return t.evaluate_loss(), curve, t


@pytest.mark.parametrize("name", list(CONFIGS))
def test_sweep_equals_independent_trainer_runs(name):
    t = config_trainer(name)
    rates = np.geomspace(1e-3, 30, 7)
    before = snapshot_state(t)
    res = surface.sweep(t, rates, 40)
    assert_same_state(before, snapshot_state(t))
    assert res.loss_curves.shape == (7, 40) and res.completed == 40 and not res.cancelled
    for i, r in enumerate(rates):
        final, curve, ref = independent_run(lambda: config_trainer(name), r, 40)
        assert res.final_losses[i] == final or (math.isnan(final) and math.isnan(res.final_losses[i]))
        assert np.array_equal(res.loss_curves[i], curve, equal_nan=True)
        if ref.status == "diverged":
            assert res.statuses[i] == "diverged"
    assert set(res.statuses) <= set(sweep_mod.STATUSES)


def test_sweep_best_rate_is_the_smallest_final_loss():
    t = presets.load("xor")
    rates = surface.sweep_rates(1e-3, 10, 25)
    res = surface.sweep(t, rates, 200)
    ok = np.isfinite(res.final_losses) & (np.array(res.statuses) != "diverged")
    assert res.best_index == int(np.flatnonzero(ok)[np.argmin(res.final_losses[ok])])
    assert res.best_rate == rates[res.best_index]
    assert res.final_losses[res.best_index] == np.nanmin(res.final_losses[ok])
    for i in (0, 12, 24):
        final, curve, _ = independent_run(lambda: presets.load("xor"), rates[i], 200)
        assert res.final_losses[i] == final and np.array_equal(res.loss_curves[i], curve)


def test_sweep_excludes_diverged_runs_from_the_best():
    t = create([1, 8, 1], ["tanh", "linear"], sine(), seed=0, learning_rate=0.05, loss="mse")
    rates = np.array([0.01, 0.1, 5.0, 50.0])
    res = surface.sweep(t, rates, 60)
    assert res.statuses[-1] == "diverged" and np.isnan(res.loss_curves[-1, -1])
    assert res.best_rate in (0.01, 0.1)
    for i, r in enumerate(rates):
        final, curve, ref = independent_run(
            lambda: create([1, 8, 1], ["tanh", "linear"], sine(), seed=0, learning_rate=0.05, loss="mse"), r, 60)
        assert res.final_losses[i] == final or (math.isnan(final) and math.isnan(res.final_losses[i]))
        assert np.array_equal(res.loss_curves[i], curve, equal_nan=True)


def test_sweep_where_every_run_diverges():
    def make():
        return create([1, 8, 1], ["tanh", "linear"], sine(), seed=0, learning_rate=0.05, loss="mse")

    res = surface.sweep(make(), [50.0, 500.0], 100)
    assert res.statuses == ["diverged", "diverged"] and res.completed == 100 and not res.cancelled
    assert res.best_index == 0  # none converged: the smallest finite final loss of all
    for i, r in enumerate((50.0, 500.0)):
        final, curve, _ = independent_run(make, r, 100)
        assert res.final_losses[i] == final and np.array_equal(res.loss_curves[i], curve, equal_nan=True)


def test_sweep_from_the_middle_of_an_iteration():
    t = config_trainer("adam online shuffled")
    t.step("micro")
    t.step("micro")
    res = surface.sweep(t, [0.01, 0.1], 15)

    def make():
        r = config_trainer("adam online shuffled")
        r.step("micro")
        r.step("micro")
        return r

    for i, lr in enumerate((0.01, 0.1)):
        final, curve, _ = independent_run(make, lr, 15)
        assert res.final_losses[i] == final and np.array_equal(res.loss_curves[i], curve)


def test_sweep_progress_and_cancel():
    t = presets.load("xor")
    calls = []
    res = surface.sweep(t, [0.1, 1.0, 3.0], 50, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (150, 150) and all(b[0] > a[0] for a, b in zip(calls, calls[1:]))
    asked = []

    def stop():
        asked.append(1)
        return len(asked) >= 10

    res = surface.sweep(t, [0.1, 1.0, 3.0], 50, should_stop=stop)
    assert res.cancelled and res.completed == 10
    assert np.isnan(res.loss_curves[:, 10:]).all() and np.isfinite(res.loss_curves[:, :10]).all()
    final, _, _ = independent_run(lambda: presets.load("xor"), 1.0, 10)
    assert res.final_losses[1] == final


def test_sweep_refuses_bad_input():
    t = presets.load("xor")
    for rates in ([], [0.1, -1], [math.nan], [[0.1]]):
        with pytest.raises(ValueError):
            surface.sweep(t, rates, 10)
    with pytest.raises(ValueError, match="iterations"):
        surface.sweep(t, [0.1], 0)


def test_sweep_rates():
    r = surface.sweep_rates(1e-3, 10, 25)
    assert r[0] == 1e-3 and r[-1] == 10 and r.size == 25
    np.testing.assert_allclose(np.diff(np.log(r)), np.log(1e4) / 24)
    assert list(surface.sweep_rates(0.5, 0.5, 1)) == [0.5]
    for args in ((0, 1, 3), (1, 0.1, 3), (0.1, 1, 0), (0.1, 1, 1), (math.inf, 1, 2)):
        with pytest.raises(ValueError):
            surface.sweep_rates(*args)


# ============================================================ the Trainer untouched
def test_no_tool_changes_the_trainer_or_emits_events():
    t = presets.load("xor")
    t.configure(optimizer="momentum", batch=2, shuffle=True)
    t.run(25)
    t.step("micro")
    t.back()  # a history to step back through
    heard = []
    for signal in (t.micro_step, t.weights_changed, t.iteration_finished, t.settings_changed,
                   t.state_restored, t.status_changed):
        signal.connect(lambda *args, s=signal: heard.append(s))
    before = snapshot_state(t)
    rng_draw = np.random.Generator(type(t.rng.bit_generator)())
    rng_draw.bit_generator.state = t.rng.bit_generator.state
    p1, p2 = surface.default_axes(t)
    surface.loss_grid(t, p1, p2, np.linspace(-1, 1, 5), np.linspace(-1, 1, 4))
    origin, d1, d2, _ = surface.trajectory_plane(t)
    surface.plane_grid(t, origin, d1, d2, [0.0, 1.0], [0.0])
    surface.default_range(t, p1, p2)
    surface.curvature(t)
    surface.look_ahead(t, 0.7)
    surface.sweep(t, [0.1, 1.0], 20)
    t.step("micro")
    t.step("micro")
    surface.look_ahead(t, 0.7, 5)  # mid-iteration: through Trainer copies
    surface.sweep(t, [0.1, 1.0], 5)
    t.back(2)
    assert heard.count(t.state_restored) == 1 and heard.count(t.micro_step) == 2  # only our own steps
    assert_same_state(before, snapshot_state(t))
    assert t.rng.random() == rng_draw.random()  # the generator is where it was


@pytest.mark.parametrize("name", list(CONFIGS))
def test_resume_state_agrees_with_training_state(name):
    """The look-ahead reads the optimizer state, batch order and position without copying
    the histories: the same values training_state() gives, at and between iterations."""
    t = config_trainer(name, warm=9)
    for _ in range(4):
        st, fast = t.training_state(), t.resume_state()
        assert (fast.opt_name, fast.opt_t, fast.position, fast.rng_state) == \
            (st.opt_name, st.opt_t, st.position, st.rng_state)
        assert np.array_equal(fast.order, st.order)
        assert all(len(x) == len(y) and all(np.array_equal(u, v) for u, v in zip(x, y))
                   for x, y in zip(fast.opt_state, st.opt_state))
        t.step("micro")


def test_zigzag_marks_a_converging_look_ahead_that_crosses_the_valley():
    """On the quadratic sine slice: between 1/lambda and 2/lambda gradient descent
    converges while every step overshoots; below 1/lambda it does not zig-zag."""
    from nnviz.core import presets
    from nnviz.core.analysis.surface import look_ahead

    t = presets.load("sine")
    keep = {"W2[0,2]", "W2[0,5]"}
    t.configure(frozen=[p.name for p in t.network.params() if p.name not in keep])
    critical = regimes.regime_marks(t, sorted(keep)).diverges_from
    slow = look_ahead(t, 0.3 * critical)
    fast = look_ahead(t, 0.9 * critical)
    assert slow.status == "converging"
    assert fast.status == "zigzag"


def test_slice_minimum_is_found_inside_the_range_and_not_outside():
    """adaline's bowl: the minimum over (w1, w2) is the least-squares line's slope (the
    inputs are centred, so the bias does not move it)."""
    t = presets.load("adaline")
    x, y = t.dataset.inputs, t.dataset.targets[:, 0]
    exact = np.linalg.solve(x.T @ x, x.T @ (y - t.network.get("b1[0]")))
    rng = (-3.0, 4.0, -4.0, 3.0)
    found = surface.slice_minimum(t, "w1", "w2", rng)
    step = np.array([7.0, 7.0]) / (surface.MINIMUM_GRID - 1)
    assert np.all(np.abs(np.array(found) - exact) <= 2.5 * step)  # along the valley the floor is nearly flat
    assert surface.slice_minimum(t, "w1", "w2", (exact[0] + 0.5, exact[0] + 2, -4.0, 3.0)) is None  # to its right
