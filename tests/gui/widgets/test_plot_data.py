"""Data as pyqtgraph takes it: no all-gap series (its bounds warn while painting; found
by the random-action test, where PySide then nested the error messages until memory ran
out), no image value beyond float32."""

import warnings

import numpy as np
import pyqtgraph as pg

from nnviz.gui.widgets.plot_data import FLOAT32_MAX, clip_to_float32, set_series


def test_a_series_with_no_drawable_point_is_set_empty_and_paints_without_warnings(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    item = pg.PlotDataItem(pen=None, symbol="o")
    plot.addItem(item)
    plot.show()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        set_series(item, [1.0, 2.0, 3.0], [0.5, np.nan, 0.2], symbol=["o", "t", "s"])
        plot.grab()
        x, y = item.getData()
        assert list(x) == [1.0, 2.0, 3.0] and np.isnan(y[1])  # a gap stays a gap
        set_series(item, [1.0, 2.0], [np.nan, np.inf], symbol=["o", "t"])
        plot.grab()
    x, _ = item.getData()
    assert x is None or len(x) == 0


def test_image_values_are_clipped_into_float32():
    assert clip_to_float32(1e39) == FLOAT32_MAX and clip_to_float32(-1e300) == -FLOAT32_MAX
    assert np.array_equal(clip_to_float32(np.array([1.0, -2.0])), [1.0, -2.0])
