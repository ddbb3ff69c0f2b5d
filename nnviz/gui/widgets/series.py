"""A NumPy copy of a growing Python list, updated in O(new items)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MIN_CAPACITY = 1024


class GrowingSeries:
    """A float64 copy of a Python list that only ever appends (Trainer histories).

    ``sync`` copies the new tail; it starts over when the list is a different object,
    got shorter, or its last copied value changed (Step back then a different step).
    """

    def __init__(self) -> None:
        self.buf = np.empty(MIN_CAPACITY)
        self.n = 0
        self.nonpositive = 0  # how many values are <= 0 (they have no logarithm)
        self._source: list | None = None

    def clear(self) -> None:
        self.n = 0
        self.nonpositive = 0
        self._source = None

    def sync(self, values: Sequence[float]) -> bool:
        """Bring the copy up to date with ``values``; True when anything changed."""
        n_old, n_new = self.n, len(values)
        if (values is not self._source or n_new < n_old
                or (n_old and self.buf[n_old - 1] != values[n_old - 1])):
            changed = n_old > 0 or n_new > 0
            self.n = n_old = 0
            self.nonpositive = 0
            self._source = values
        else:
            changed = n_new != n_old
        if n_new > n_old:
            if n_new > self.buf.shape[0]:
                grown = np.empty(max(2 * self.buf.shape[0], n_new))
                grown[:n_old] = self.buf[:n_old]
                self.buf = grown
            tail = self.buf[n_old:n_new]
            tail[:] = values[n_old:n_new]
            self.nonpositive += int(np.count_nonzero(~(tail > 0)))
            self.n = n_new
        return changed

    @property
    def data(self) -> np.ndarray:
        return self.buf[:self.n]
