"""Data as pyqtgraph's items can take it.

Images hold float32: a float64 beyond its range is drawn at the end of the colour scale
instead of overflowing the cast. A series with no drawable point (every value a gap)
is given as empty: pyqtgraph's bounds of an all-NaN series warn while painting.
"""

from __future__ import annotations

import numpy as np

FLOAT32_MAX = float(np.finfo(np.float32).max)


def clip_to_float32(values):
    """``values`` (an array or a number) clipped into float32's finite range."""
    return np.clip(values, -FLOAT32_MAX, FLOAT32_MAX)


def set_series(item, x, y, **options) -> None:
    """``item.setData(x, y, **options)`` (NaN values are gaps), or no data at all when no
    point has both coordinates finite; per-point options (a symbol list) go with it."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if (np.isfinite(x) & np.isfinite(y)).any():
        item.setData(x, y, **options)
    else:
        item.setData([], [], **{k: [] for k, v in options.items() if isinstance(v, list)})
