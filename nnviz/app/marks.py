"""The regime marks of a trainer (``nnviz.core.analysis.regimes.regime_marks``: where the
steps start to zig-zag and to diverge), computed once per state however many views ask:
the learning-rate slider, the loss surface and the first-contact hint read the same
object. On a loss quadratic in the parameters that train the marks hold at every point,
so training does not make them stale; elsewhere a new point computes them again. A new
learning rate never does: the marks do not depend on it."""

from __future__ import annotations

from nnviz.core.analysis import regimes
from nnviz.core.trainer import Trainer


def _settings_key(trainer: Trainer) -> tuple:
    """What the marks depend on besides the parameters."""
    s = trainer.settings
    opt = s.optimizer
    return (id(trainer), id(trainer.dataset), opt.name, tuple(sorted(opt.params.items())), s.loss, s.backprop,
            trainer.batch_size, s.frozen, s.schedule.kind)


class MarksCache:
    """``get(trainer)``: the trainer's marks, from the last call when nothing they depend on
    has changed since."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._params: bytes | None = None  # the point of the marks kept (None: exact, any point)
        self._marks: regimes.Marks | None = None
        self.computed = 0  # how many times the marks were computed (tests read it)

    def get(self, trainer: Trainer) -> regimes.Marks:
        key = _settings_key(trainer)
        params = trainer.network.flat().tobytes()
        if self._marks is not None and key == self._key and self._params in (None, params):
            return self._marks
        marks = regimes.regime_marks(trainer)
        self.computed += 1
        self._key, self._marks = key, marks
        self._params = None if marks.exact else params
        return marks

    def clear(self) -> None:
        self._key = self._params = self._marks = None
