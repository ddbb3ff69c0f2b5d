"""The confusion view: matches nnviz.core.analysis.metrics on XOR and on three blobs, follows
training (throttled), the timeline and a new trainer, and shows a note for regression."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.data import datasets
from nnviz.core import trainer as trainer_mod
from nnviz.core.analysis.metrics import accuracy, confusion_matrix
from nnviz.gui.panels.confusion import MAX_REFRESH_PER_SECOND, ConfusionView


@pytest.fixture
def make_view(show):
    return lambda session: show(ConfusionView(session), (360, 260))


def blobs_trainer():
    data = datasets.generate("blobs", n_samples=90, noise=0.6, seed=1, n_classes=3)
    return trainer_mod.create([2, 6, 3], "sigmoid", data, seed=0, learning_rate=0.5)


def expected(trainer):
    return confusion_matrix(trainer.network.forward(trainer.dataset.inputs), trainer.dataset.targets)


def test_matches_metrics_on_xor(qtbot, make_session, make_view):
    s = make_session("xor")
    v = make_view(s)
    assert v.counts().shape == (2, 2)
    assert np.array_equal(v.counts(), expected(s.trainer))
    for _ in range(200):
        s.step("iteration")
    qtbot.waitUntil(lambda: np.array_equal(v.counts(), expected(s.trainer)), timeout=2000)
    assert f"{accuracy(v.matrix):.1%}" in v.header.text()
    assert v.counts().sum() == 4


def test_matches_metrics_on_three_blobs(qtbot, make_session, make_view):
    s = make_session(blobs_trainer())
    v = make_view(s)
    assert v.counts().shape == (3, 3)
    assert np.array_equal(v.counts(), expected(s.trainer))
    s.trainer.run(300)
    s.flush(force=True)
    qtbot.waitUntil(lambda: np.array_equal(v.counts(), expected(s.trainer)), timeout=2000)
    assert v.counts().sum() == 90
    assert accuracy(v.matrix) > 0.8
    assert v.table.horizontalHeaderItem(2).text() == "pred 2"
    assert v.table.verticalHeaderItem(1).text() == "true 1"
    # the diagonal stands out from the cells beside it
    diag = v.table.item(0, 0).background().color()
    off = v.table.item(0, 1).background().color()
    assert diag != off


def test_refresh_is_throttled(qtbot, make_session, make_view):
    s = make_session("xor")
    v = make_view(s)
    start = v.refreshes
    for _ in range(40):
        s.step("iteration")  # each flushes stateChanged at once
    assert v.refreshes - start <= 2
    qtbot.waitUntil(lambda: np.array_equal(v.counts(), expected(s.trainer)), timeout=1000)
    assert v.refreshes - start <= 3
    assert MAX_REFRESH_PER_SECOND <= 5


def test_follows_the_timeline(qtbot, make_session, make_view):
    s = make_session(blobs_trainer())
    v = make_view(s)
    first = v.counts().copy()
    s.trainer.run(300)
    s.flush(force=True)
    qtbot.waitUntil(lambda: not np.array_equal(v.counts(), first), timeout=2000)
    assert s.first_iteration == 0
    s.set_view_iteration(0)
    qtbot.waitUntil(lambda: "after iteration 0" in v.header.text(), timeout=2000)
    assert np.array_equal(v.counts(), first)


def test_regression_shows_a_note_and_new_trainer_brings_the_table_back(qtbot, make_session, make_view):
    s = make_session("mazur")
    v = make_view(s)
    assert v.matrix is None
    assert v.note.isVisible() and not v.table.isVisible()
    s.set_trainer(presets.load("xor"))
    assert v.table.isVisible() and not v.note.isVisible()
    assert np.array_equal(v.counts(), expected(s.trainer))


def test_classes_are_named_by_the_target_columns(qtbot, make_session, make_view):
    """One-hot targets: the classes are the target columns' names; one 0/1 column:
    ``name = 0`` and ``name = 1``."""
    blobs = datasets.generate("blobs", n_samples=30, seed=1, n_classes=3)
    named = datasets.Dataset(blobs.inputs, blobs.targets, input_names=("x", "y"),
                             target_names=("setosa", "versicolor", "virginica"))
    s = make_session(trainer_mod.create([2, 4, 3], ["tanh", "softmax"], named, seed=0))
    v = make_view(s)
    assert [v.table.horizontalHeaderItem(j).text() for j in range(3)] == \
        ["pred setosa", "pred versicolor", "pred virginica"]
    assert v.table.verticalHeaderItem(2).text() == "true virginica"
    assert "true class setosa, predicted versicolor" in v.table.item(0, 1).toolTip()
    xor = datasets.xor()
    s.set_trainer(trainer_mod.create([2, 2, 1], "sigmoid", datasets.Dataset(
        xor.inputs, xor.targets, input_names=("a", "b"), target_names=("a xor b",)), seed=0))
    qtbot.waitUntil(lambda: v.table.rowCount() == 2)
    assert v.table.verticalHeaderItem(1).text() == "true a xor b = 1"
    assert v.table.horizontalHeaderItem(0).text() == "pred a xor b = 0"
