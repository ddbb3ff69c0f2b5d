"""Values for pyqtgraph's images, which hold float32: a float64 beyond float32's range is
drawn at the end of the colour scale instead of overflowing the cast."""

from __future__ import annotations

import numpy as np

FLOAT32_MAX = float(np.finfo(np.float32).max)


def clip_to_float32(values):
    """``values`` (an array or a number) clipped into float32's finite range."""
    return np.clip(values, -FLOAT32_MAX, FLOAT32_MAX)
