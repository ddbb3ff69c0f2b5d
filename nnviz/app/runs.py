"""Follower runs: copies of the main run that the Session owns and trains beside it.

- A ``Fork`` branches the main run at its current iteration with another learning rate,
  optimizer, batch mode or loss and then follows it: whenever the main run has done more
  iterations, the fork catches up to the same count (a chunk at a time, so that a long
  catch-up never blocks); when the main run steps back, so does the fork. The Session
  keeps up to ``MAX_FORKS`` at once, each in its own colour ``slot``; ``label`` names
  what a fork changed ("momentum · rate 0.1", "online"), ``main_label`` the main run in
  the same terms.
- A ``RaceRun`` trains two copies from the current state, one per backprop mode, for a
  fixed number of iterations, as a sliced job of the Session's job runner.

Both are driven by the Session (its one timer), whichever view shows them.
"""

from __future__ import annotations

import numpy as np

from nnviz.app.jobs import DONE, Job
from nnviz.core.analysis import compare
from nnviz.core.trainer import Trainer, TrainingError, parse_batch
from nnviz.core.words import T_

FORK_CHUNK = 5000  # fork iterations per catch-up (shared by the forks), so that catching up never blocks for long
MAX_FORKS = 3  # forks beside the main run: four runs overlaid
ASPECTS = ("optimizer", "batch", "loss", "learning_rate")  # what a fork may change, in the order labels name them


class Fork:
    """A branch of the main run at iteration ``start``, trained with its own rate, or
    optimizer, batch mode or loss."""

    def __init__(self, main: Trainer, learning_rate: float, optimizer: str | None = None,
                 batch: str | int | None = None, loss: str | None = None, slot: int = 0) -> None:
        same = optimizer is None or optimizer == main.optimizer.name  # then its state carries on
        # ValueError for a setting the core refuses
        self.trainer = main.copy(learning_rate=float(learning_rate), optimizer=None if same else optimizer)
        changes = {name: value for name, value in (("batch", batch), ("loss", loss)) if value is not None}
        if changes:
            self.trainer.configure(**changes)
        self.asked = (float(learning_rate), optimizer, batch, loss)  # to branch again (``again``)
        self.start = main.iteration
        self.slot = slot  # its colour, among the Session's forks
        self.note = ""  # why the fork does not follow just now, if it does not
        changed = tuple(a for a in ASPECTS if setting(self.trainer, a) != setting(main, a))
        self.aspects = changed or ("learning_rate",)  # what ``label`` names

    @property
    def label(self) -> str:
        """What the fork changed, in a few words: "momentum · rate 0.1", "online"."""
        return describe(self.trainer, self.aspects)

    def again(self, main: Trainer) -> Fork:
        """The same fork branched afresh from ``main`` as it stands (after a Reset)."""
        return Fork(main, *self.asked, slot=self.slot)

    def matches(self, key: str) -> bool:
        """Whether ``key`` names the fork's optimizer, batch mode (full, online or a size)
        or loss."""
        t = self.trainer
        if key in (t.optimizer.name, t.loss):
            return True
        try:
            return parse_batch(key) == t.batch
        except ValueError:
            return False

    def follow(self, main: Trainer, most: int | None = None) -> bool:
        """Bring the fork to the main run's iteration (at most ``most`` iterations now,
        FORK_CHUNK by default). Returns True while it is still behind and should be
        called again."""
        f = self.trainer
        most = FORK_CHUNK if most is None else most
        behind = main.iteration - f.iteration
        self.note = ""
        if main.iteration < self.start:
            self.note = "the main run stepped back before the fork point"
        elif behind < 0 and f.cursor == 0:
            try:
                f.back(-behind * len(f.steps))
            except TrainingError:
                self.note = "the fork's step history is too short to step back with the main run"
        elif behind > 0 and f.status != "diverged":
            try:
                f.run(min(behind, most))
            except TrainingError as exc:
                self.note = str(exc)
                return False
            return main.iteration > f.iteration and f.status != "diverged"
        return False

    def losses(self) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, losses) of the iterations the fork ran itself (after ``start``; a
        copy's loss history starts empty)."""
        y = np.asarray(self.trainer.loss_history, dtype=np.float64)
        return np.arange(self.start + 1.0, self.start + 1.0 + y.size), y


def setting(trainer: Trainer, aspect: str):
    return trainer.optimizer.name if aspect == "optimizer" else getattr(trainer, aspect)


def describe(trainer: Trainer, aspects) -> str:
    """The ``aspects`` (of ASPECTS) of ``trainer``'s settings in a few words."""
    words = []
    for aspect in ASPECTS:
        if aspect not in aspects:
            continue
        value = setting(trainer, aspect)
        if aspect == "learning_rate":
            words.append(T_("Fork", "rate %1", f"{value:.4g}"))
        elif aspect == "batch":
            words.append(T_("Fork", "full batch") if value == "full" else T_("Fork", "online") if value == "online"
                         else T_("Fork", "mini-batch %1", value))
        else:
            words.append(str(value))  # optimizer and loss identifiers, as in the training options
    return " · ".join(words)


def main_label(main: Trainer, forks) -> str:
    """The main run in the terms its forks are named in ("full batch" beside "online")."""
    aspects = {a for f in forks for a in f.aspects}
    return describe(main, aspects or ("learning_rate",))


class RaceRun:
    """A race and the job that trains it: ``race`` holds the two copies and their losses."""

    def __init__(self, job: Job, start: int, half_done: bool) -> None:
        self.job = job
        self.start = start  # the main run's iteration when the race began
        self.half_done = half_done  # the main run stood mid-iteration (the copies finish it)

    @property
    def race(self) -> compare.Race:
        return self.job.request.race

    @property
    def total(self) -> int:
        return self.job.request.iterations

    @property
    def running(self) -> bool:
        return self.job.running

    @property
    def complete(self) -> bool:
        return self.job.status == DONE

    def summary(self) -> str:
        r = self.race
        parts = []
        for mode, label in (("chain", T_("RaceRun", "chain rule")), ("proportional", T_("RaceRun", "proportional split"))):
            losses = r.losses(mode)
            text = f"{label}: {losses[-1]:.6g}" if losses else f"{label}: —"
            if mode in r.stopped:
                text += T_("RaceRun", " (stopped after %1: diverged)", len(losses))
            parts.append(text)
        return " · ".join([T_("RaceRun", "After %n iterations", n=r.done)] + parts)
