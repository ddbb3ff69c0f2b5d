"""The valley preset: adaline stretched into a narrow valley, for lesson 9."""

import numpy as np

from nnviz.core import presets
from nnviz.core.analysis import regimes


def test_the_valley_is_adaline_stretched():
    valley, adaline = presets.load("valley"), presets.load("adaline")
    e = regimes.eigen(valley, ["w1", "w2"])
    np.testing.assert_allclose(e.values, [4.0, 0.04], rtol=1e-12)  # condition number 100
    np.testing.assert_allclose(np.abs(e.vectors), np.abs(regimes.eigen(adaline, ["w1", "w2"]).vectors), atol=1e-12)
    assert valley.network.flat().tolist() == adaline.network.flat().tolist()  # the same start
    marks = regimes.regime_marks(valley)
    np.testing.assert_allclose((marks.zigzag_from, marks.diverges_from), (0.25, 0.5), rtol=1e-12)
    assert presets.load("adaline").dataset.name == "adaline" and valley.dataset.name == "valley"
