"""Built-in data sets (shapes, classes, seeds, noise), the train/check split and the
min-max normalisation round trip."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from nnviz.core.data import datasets
from nnviz.core.data import transform
from nnviz.core.data.datasets import Dataset

CLASSIFICATION = ["xor", "and", "or", "circle", "two_moons", "spiral", "blobs"]
REGRESSION = ["sine", "plane", "scales"]


def test_registry_lists_every_generator():
    assert set(datasets.GENERATORS) == set(CLASSIFICATION + REGRESSION)
    for name, gen in datasets.GENERATORS.items():
        assert gen.kind == ("classification" if name in CLASSIFICATION else "regression")
        assert gen.description


@pytest.mark.parametrize("name", CLASSIFICATION + REGRESSION)
@pytest.mark.parametrize("n", [4, 9, 50])
def test_shapes_and_types(name, n):
    ds = datasets.generate(name, n_samples=n, noise=0.1, seed=3)
    assert ds.n_samples == n
    assert ds.inputs.dtype == np.float64 and ds.targets.dtype == np.float64
    assert not ds.inputs.flags.writeable and not ds.targets.flags.writeable
    assert ds.n_inputs == (1 if name == "sine" else 2)
    assert ds.is_classification == (name in CLASSIFICATION)
    assert ds.name == name
    assert np.isfinite(ds.inputs).all() and np.isfinite(ds.targets).all()


@pytest.mark.parametrize("name", CLASSIFICATION)
def test_classes_are_balanced_0_1_columns(name):
    ds = datasets.generate(name, n_samples=60, seed=1)
    assert ds.n_outputs == (3 if name == "blobs" else 1)
    if ds.n_outputs == 1:
        counts = np.bincount(ds.targets[:, 0].astype(int), minlength=2)
        assert counts.min() >= 15 and counts.sum() == 60
    else:
        assert (ds.targets.sum(axis=1) == 1).all()
        assert (ds.targets.sum(axis=0) == 20).all()


@pytest.mark.parametrize("k", [2, 3, 5])
@pytest.mark.parametrize("name", ["blobs", "spiral"])
def test_class_count(name, k):
    ds = datasets.generate(name, n_samples=50, seed=0, n_classes=k)
    assert ds.n_classes == k
    assert ds.n_outputs == (1 if k == 2 else k)
    if k > 2:
        assert set(np.unique(ds.targets.argmax(axis=1))) == set(range(k))


@pytest.mark.parametrize("name", CLASSIFICATION + REGRESSION)
def test_seed_reproducible_and_global_state_untouched(name):
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    a = datasets.generate(name, n_samples=40, noise=0.2, seed=7)
    b = datasets.generate(name, n_samples=40, noise=0.2, seed=7)
    assert np.array_equal(a.inputs, b.inputs) and np.array_equal(a.targets, b.targets)
    assert np.array_equal(np.random.get_state()[1], before)
    c = datasets.generate(name, n_samples=40, noise=0.2, seed=8)
    assert not (np.array_equal(a.inputs, c.inputs) and np.array_equal(a.targets, c.targets))


@pytest.mark.parametrize("name", CLASSIFICATION + REGRESSION)
def test_noise_changes_the_data(name):
    a = datasets.generate(name, n_samples=40, noise=0.0, seed=2)
    b = datasets.generate(name, n_samples=40, noise=0.3, seed=2)
    assert not (np.array_equal(a.inputs, b.inputs) and np.array_equal(a.targets, b.targets))


def test_gates_are_truth_tables():
    corners = [[0, 0], [0, 1], [1, 0], [1, 1]]
    for name, fn, want in (("xor", datasets.xor, [0, 1, 1, 0]), ("and", datasets.and_, [0, 0, 0, 1]),
                           ("or", datasets.or_, [0, 1, 1, 1])):
        ds = fn()
        assert ds.inputs.tolist() == corners and ds.targets[:, 0].tolist() == want
        assert np.array_equal(datasets.generate(name).targets, ds.targets)
    assert np.array_equal(datasets.generate("and_").targets, datasets.and_().targets)
    noisy = datasets.xor(n_samples=12, noise=0.05, seed=1)
    assert np.abs(noisy.inputs - np.array(corners * 3)).max() < 0.5
    assert noisy.targets[:, 0].tolist() == [0, 1, 1, 0] * 3


def test_sine_default_is_the_old_preset_data():
    ds = datasets.sine()
    x = np.linspace(-np.pi, np.pi, 32)
    assert np.array_equal(ds.inputs[:, 0], x) and np.array_equal(ds.targets[:, 0], np.sin(x))


def test_circle_inside_is_class_one_without_noise():
    ds = datasets.circle(n_samples=100, noise=0.0, seed=4)
    r = np.hypot(ds.inputs[:, 0], ds.inputs[:, 1])
    assert (r[ds.targets[:, 0] == 1] <= 0.5).all() and (r[ds.targets[:, 0] == 0] >= 0.5).all()


def test_plane_coefficients():
    ds = datasets.plane(n_samples=30, noise=0.0, seed=5, a=2.0, b=-1.0, c=0.5)
    x, y = ds.inputs.T
    np.testing.assert_allclose(ds.targets[:, 0], 2 * x - y + 0.5, rtol=0, atol=1e-15)


def test_blobs_noise_is_the_spread():
    tight = datasets.blobs(n_samples=300, noise=0.1, seed=0, n_classes=2)
    wide = datasets.blobs(n_samples=300, noise=1.0, seed=0, n_classes=2)
    assert tight.inputs[tight.targets[:, 0] == 0].std(axis=0).max() < 0.2
    assert wide.inputs[wide.targets[:, 0] == 0].std(axis=0).min() > 0.7


@pytest.mark.parametrize("kwargs, match", [
    ({"n_samples": 0}, "sample count"), ({"n_samples": 2.5}, "sample count"),
    ({"noise": -1}, "noise"), ({"noise": float("nan")}, "noise"), ({"seed": -1}, "seed"),
    ({"n_classes": 1}, "class count"), ({"n_samples": 2, "n_classes": 3}, "sample count"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        datasets.generate("blobs", **kwargs)


def test_unknown_name():
    with pytest.raises(ValueError, match="unknown data set 'nope'; expected one of xor"):
        datasets.generate("nope")


# ------------------------------------------------------------------- split
def test_split_reproducible_and_disjoint():
    ds = datasets.generate("two_moons", n_samples=40, seed=0)
    train, check = datasets.split(ds, 0.25, seed=3)
    again, check2 = datasets.split(ds, 0.25, seed=3)
    assert check.n_samples == 10 and train.n_samples == 30
    assert np.array_equal(train.inputs, again.inputs) and np.array_equal(check.inputs, check2.inputs)
    assert train.check is check and check.check is None
    rows = {tuple(r) for r in ds.inputs.tolist()}
    assert {tuple(r) for r in train.inputs.tolist()} | {tuple(r) for r in check.inputs.tolist()} == rows
    assert not {tuple(r) for r in train.inputs.tolist()} & {tuple(r) for r in check.inputs.tolist()}
    other, _ = datasets.split(ds, 0.25, seed=4)
    assert not np.array_equal(train.inputs, other.inputs)


def test_split_keeps_order_and_at_least_one_each():
    ds = Dataset(np.arange(5.0), np.arange(5.0) * 2)
    train, check = datasets.split(ds, 0.01, seed=0)
    assert check.n_samples == 1 and train.n_samples == 4
    assert (np.diff(train.inputs[:, 0]) > 0).all()
    train, check = datasets.split(ds, 0.99, seed=0)
    assert train.n_samples == 1 and check.n_samples == 4


@pytest.mark.parametrize("ratio", [0, 1, -0.5, 1.5])
def test_split_bad_ratio(ratio):
    with pytest.raises(ValueError, match="check ratio"):
        datasets.split(datasets.sine(), ratio, 0)


def test_split_one_sample():
    with pytest.raises(ValueError, match="cannot split"):
        datasets.split(Dataset([[1.0]], [[0.0]]), 0.5, 0)


def test_check_set_must_fit():
    with pytest.raises(ValueError, match="check set"):
        Dataset([[1.0, 2.0]], [[0.0]], check=Dataset([[1.0]], [[0.0]]))


# ------------------------------------------------------------ normalisation
def _random_data(seed=0, n=50):
    rng = np.random.default_rng(seed)
    x = rng.normal(5.0, 30.0, (n, 3))
    x[:, 2] = 7.25  # a constant column
    t = rng.uniform(-40.0, 900.0, (n, 2))
    return Dataset(x, t, "random")


@pytest.mark.parametrize("act, rng", [("sigmoid", (0.0, 1.0)), ("softmax", (0.0, 1.0)),
                                      ("tanh", (-1.0, 1.0)), ("linear", None), ("relu", None), (None, None)])
def test_normalize_ranges_and_round_trip(act, rng):
    ds = _random_data()
    scaled = transform.normalize(ds, act)
    tr = scaled.transform
    assert tr is not None and tr.target_range == rng
    np.testing.assert_allclose(scaled.inputs[:, :2].min(axis=0), -1.0, atol=1e-15)
    np.testing.assert_allclose(scaled.inputs[:, :2].max(axis=0), 1.0, atol=1e-15)
    assert (scaled.inputs[:, 2] == 0.0).all()  # constant column: the middle
    if rng is None:
        assert np.array_equal(scaled.targets, ds.targets)
    else:
        np.testing.assert_allclose(scaled.targets.min(axis=0), rng[0], atol=1e-15)
        np.testing.assert_allclose(scaled.targets.max(axis=0), rng[1], atol=1e-15)
    np.testing.assert_allclose(tr.inverse_inputs(scaled.inputs), ds.inputs, rtol=0, atol=1e-12)
    np.testing.assert_allclose(tr.inverse_targets(scaled.targets), ds.targets, rtol=0, atol=1e-12)
    back = tr.invert(scaled)
    assert back.transform is None
    np.testing.assert_allclose(back.inputs, ds.inputs, rtol=0, atol=1e-12)
    np.testing.assert_allclose(back.targets, ds.targets, rtol=0, atol=1e-12)


def test_normalize_carries_the_check_set():
    train, check = datasets.split(_random_data(), 0.3, seed=1)
    scaled = transform.normalize(train, "tanh")
    assert scaled.check is not None and scaled.check.transform is scaled.transform
    np.testing.assert_allclose(scaled.check.inputs, scaled.transform.apply_inputs(check.inputs))


def test_transform_dict_and_describe():
    tr = transform.fit(_random_data(), "sigmoid")
    doc = tr.to_dict()
    assert transform.DataTransform(**{k: tuple(v) for k, v in doc.items()}) == tr
    lines = tr.describe()
    assert len(lines) == 5 and lines[0].startswith("input 1: [") and lines[0].endswith("-> [-1, 1]")
    assert transform.fit(_random_data(), "linear").describe()[-1] == "targets: not scaled"


def test_transform_validation():
    with pytest.raises(ValueError, match="minimum"):
        transform.DataTransform((2.0,), (1.0,))
    with pytest.raises(ValueError, match="low < high"):
        transform.DataTransform((0.0,), (1.0,), input_range=(1.0, -1.0))
    with pytest.raises(ValueError, match="unknown activation"):
        transform.fit(_random_data(), "swish")
    tr = transform.fit(_random_data(), None)
    with pytest.raises(ValueError, match="3 input columns"):
        tr.apply(datasets.sine())


def test_classification_survives_sigmoid_normalisation():
    ds = datasets.generate("blobs", n_samples=30, seed=0)
    scaled = transform.normalize(ds, "sigmoid")
    assert scaled.is_classification and np.array_equal(scaled.targets, ds.targets)
    assert replace(scaled, name="x").transform is scaled.transform


def test_scales_has_inputs_two_orders_of_magnitude_apart():
    ds = datasets.generate("scales", n_samples=200, noise=0.0, seed=4)
    area, metro = ds.inputs[:, 0], ds.inputs[:, 1]
    assert 10 <= area.min() and area.max() <= 60 and 0.1 <= metro.min() and metro.max() <= 0.9
    assert 30 < area.mean() / metro.mean() < 130
    np.testing.assert_allclose(ds.targets[:, 0], 0.05 * area - 2.0 * metro + 1.0, rtol=0, atol=1e-12)
    scaled = transform.normalize(ds, "linear")  # min-max: both columns on [-1, 1]
    assert scaled.inputs.min() == -1.0 and scaled.inputs.max() == 1.0
