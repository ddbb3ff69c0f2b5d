"""What a Trainer remembers of its past: the Step-back history and the trajectory.

Step back. Every array a Trainer holds is replaced rather than written into, so a
checkpoint keeps the state by reference. The history is a row of entries, each a
checkpoint and the number of micro-steps run since it; going back lands on an entry and
replays the few micro-steps after it. A new checkpoint is taken at the start of an
iteration every ``checkpoint_every`` iterations, when a setting changed, and before a
hand edit. At least ``limit`` micro-steps are kept; checkpoints are spaced so that
their arrays stay within ``CHECKPOINT_BUDGET`` bytes.

The trajectory is the flat parameter vector at the start and after each update. Points
are kept as references to the parameter arrays and flattened in batches; past
``TRAJECTORY_FLOATS`` numbers the oldest half is dropped (``start`` counts them).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from nnviz.core.network import frozen_array
from nnviz.core.state import HistoryExhausted
from nnviz.core.words import T_

HISTORY_MICRO_STEPS = 10_000
CHECKPOINT_BUDGET = 64 * 2**20  # bytes of parameters, optimizer state and values kept for Step back
MIN_CHECKPOINT_ITERATIONS = 8  # Step back replays at most this many iterations (more for big nets)
TRAJECTORY_FLOATS = 5_000_000  # past this the oldest half of the trajectory is dropped
TRAJECTORY_BATCH = 256  # points kept as references to the parameter arrays before flattening


@dataclass
class Checkpoint:
    """The Trainer's whole state at one moment (arrays by reference)."""

    weights: list
    biases: list
    opt_state: list
    opt_name: str | None
    opt_t: int
    cursor: int
    values: Any  # IterationValues, or None when ...
    raw_values: Any  # ... the last iteration's values are still raw (built only when viewed)
    order: np.ndarray
    position: int
    epoch: int
    rng_state: dict
    iteration: int
    n_loss: int  # length of the loss (and accuracy, check loss) history
    n_trajectory: int  # trajectory points, the dropped ones included
    status: str
    status_message: str
    settings: Any  # Settings


@dataclass
class Entry:
    kind: str  # "base": the checkpoint + k replayed micro-steps; "edit": the state before an edit
    state: Checkpoint
    k: int = 0


class History:
    def __init__(self, limit: int = HISTORY_MICRO_STEPS) -> None:
        self.limit = int(limit)
        self.entries: deque[Entry] = deque()
        self.steps = 0  # micro-steps counted in the entries
        self.checkpoint_every = MIN_CHECKPOINT_ITERATIONS

    def clear(self, entry_bytes: int, steps_per_iteration: int) -> None:
        """Forget everything; ``entry_bytes`` is what one checkpoint keeps."""
        self.entries.clear()
        self.steps = 0
        self.checkpoint_every = max(MIN_CHECKPOINT_ITERATIONS, math.ceil(
            self.limit * entry_bytes / (steps_per_iteration * CHECKPOINT_BUDGET)))

    def needs_checkpoint(self, settings: Any, cursor: int, steps_per_iteration: int) -> bool:
        """Whether the next micro-step needs a new checkpoint first: none yet, an edit on
        top, other settings, or a new iteration when the last checkpoint is old enough."""
        if not self.entries:
            return True
        top = self.entries[-1]
        return not (top.kind == "base" and top.state.settings is settings
                    and (cursor or top.k < self.checkpoint_every * steps_per_iteration))

    def add(self, kind: str, state: Checkpoint) -> None:
        self.entries.append(Entry(kind, state))
        self.trim()

    def ran(self, k: int) -> None:
        """``k`` more micro-steps ran after the top checkpoint."""
        h = self.entries
        h[-1].k += k
        self.steps += k
        if self.steps - h[0].k >= self.limit:
            self.trim()

    def drop_empty_top(self) -> None:
        """Remove a checkpoint taken for a micro-step that did not happen."""
        if self.entries and self.entries[-1].kind == "base" and self.entries[-1].k == 0:
            self.entries.pop()

    def trim(self) -> None:
        h = self.entries
        while len(h) > 1 and self.steps - h[0].k >= self.limit:
            self.steps -= h.popleft().k

    @property
    def can_step_back(self) -> bool:
        return any(e.kind == "edit" or e.k for e in self.entries)

    def undo(self, n: int) -> tuple[Checkpoint, int]:
        """Forget the last ``n`` micro-steps (an edit counts as one): the checkpoint to
        restore and the micro-steps to replay after it, with its settings."""
        available = sum(e.k + (e.kind == "edit") for e in self.entries)
        if n > available:
            if available == 0:
                raise HistoryExhausted(T_("Trainer", "nothing to step back to: this is the start of the kept history "
                                          "(the last %1 micro-steps are kept)", f"{self.limit:,}"))
            raise HistoryExhausted(T_("Trainer", "can step back at most %n micro-steps", n=available))
        h = self.entries
        while True:
            top = h[-1]
            if top.kind == "edit":
                h.pop()
                n -= 1
                if n == 0:
                    return top.state, 0
                continue
            if top.k >= n:
                top.k -= n
                self.steps -= n
                if top.k == 0 and len(h) > 1:
                    h.pop()
                return top.state, top.k
            n -= top.k
            self.steps -= top.k
            h.pop()


class Trajectory:
    def __init__(self, points: Sequence[np.ndarray], start: int, n_params: int) -> None:
        self._points: list = [frozen_array(p) for p in points]
        self._flat = len(self._points)  # points before this index are flat arrays
        self.start = int(start)  # updates before the first point kept
        self._n_params = n_params

    def __len__(self) -> int:
        return len(self._points)

    @property
    def end(self) -> int:
        """Points recorded so far, the dropped ones included."""
        return self.start + len(self._points)

    def append(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        points = self._points
        points.append((tuple(weights), tuple(biases)))
        if len(points) - self._flat >= TRAJECTORY_BATCH:
            self._flatten()
        if len(points) * self._n_params > TRAJECTORY_FLOATS:
            self._flatten()
            half = len(points) // 2
            del points[:half]
            self._flat -= half
            self.start += half

    def truncate(self, end: int) -> None:
        """Keep the points before ``end`` (counted with the dropped ones), at least one."""
        del self._points[max(end - self.start, 1):]
        self._flat = min(self._flat, len(self._points))

    def points(self) -> list[np.ndarray]:
        self._flatten()
        return self._points

    def _flatten(self) -> None:
        """The points kept as parameter arrays become rows of one read-only block."""
        points, start = self._points, self._flat
        pending = points[start:]
        if not pending:
            return
        parts = []  # (np.array of a list of arrays: several times faster than np.stack)
        for l in range(len(pending[0][0])):
            parts.append(np.array([p[0][l] for p in pending]).reshape(len(pending), -1))
            parts.append(np.array([p[1][l] for p in pending]))
        block = np.concatenate(parts, axis=1)
        block.flags.writeable = False
        points[start:] = list(block)
        self._flat = len(points)
