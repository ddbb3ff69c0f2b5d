"""The confusion matrix on hand-made outputs."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.analysis.metrics import accuracy, classes, confusion_matrix


def test_one_column_thresholds_at_one_half():
    outputs = np.array([[0.1], [0.5], [0.49], [0.9], [0.7], [0.2]])
    targets = np.array([[0], [0], [0], [1], [1], [1]])
    m = confusion_matrix(outputs, targets)
    # true 0: predicted 0, 1, 0 ; true 1: predicted 1, 1, 0
    assert m.tolist() == [[2, 1], [1, 2]]
    assert m.dtype.kind == "i"
    assert accuracy(m) == pytest.approx(4 / 6)


def test_several_columns_use_argmax():
    outputs = np.array([[0.8, 0.1, 0.1],
                        [0.2, 0.7, 0.1],
                        [0.3, 0.3, 0.4],
                        [0.6, 0.3, 0.1],
                        [0.1, 0.2, 0.7],
                        [0.1, 0.8, 0.1]])
    targets = np.eye(3)[[0, 1, 2, 1, 2, 2]]
    m = confusion_matrix(outputs, targets)
    assert m.tolist() == [[1, 0, 0],
                          [1, 1, 0],
                          [0, 1, 2]]
    assert m.sum() == 6
    assert accuracy(m) == pytest.approx(4 / 6)


def test_one_dimensional_arrays_and_absent_classes():
    m = confusion_matrix([0.9, 0.8], [1, 1])
    assert m.tolist() == [[0, 0], [0, 2]]
    assert classes([[0.2, 0.9]]).tolist() == [1]


def test_shape_mismatch_is_refused():
    with pytest.raises(ValueError):
        confusion_matrix(np.zeros((3, 2)), np.zeros((3, 1)))
    with pytest.raises(ValueError):
        confusion_matrix(np.zeros((3, 1)), np.zeros((4, 1)))


def test_agrees_with_the_trainers_accuracy():
    t = presets.load("xor")
    t.run(50)
    out = t.values.activations[-1]  # the outputs of the last iteration's forward pass
    m = confusion_matrix(out, t.dataset.targets)
    assert accuracy(m) == pytest.approx(t.accuracy_history[-1])
    assert accuracy(np.zeros((2, 2))) != accuracy(np.zeros((2, 2)))  # nan
