"""The lesson player: the lesson under way, its current step, which steps are done, and
the progress of every lesson, kept between runs in a ``store``. Free of Qt.

Entering a step applies its set-up through the Session's commands (Next: that step's
own; opening or restarting a lesson at step k: the set-ups from the last one that loads
a preset up to k, so that the network is what step k expects). Back only shows the
earlier step again (its dock and highlight), without touching the network.

A step's checks are evaluated on the Session's events; once they all hold the step is
ticked, and stays ticked (the progress is saved at once). Next is always available:
the checks guide, they do not gate. A step without checks is ticked when the user goes
on from it.

Events (plain ``Signal``s): ``changed()`` — the lesson, the step or a tick changed;
``show_dock(name)`` and ``highlight(name or None)`` — what a step's set-up asks of the
window; ``numbers_changed()`` — the live numbers in the text may have changed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from nnviz.app.jobs import DONE, SweepRequest
from nnviz.app.lessons import checks, quantities
from nnviz.app.lessons.format import Lesson, Library, SetUp, Step
from nnviz.core import presets
from nnviz.core.events import Signal
from nnviz.core.words import T_

_STATE_EVENTS = ("state_changed", "settings_changed", "selection_changed", "runs_changed", "trainer_replaced",
                 "status_changed")


@dataclass
class Progress:
    """Where a lesson was left: its step and the steps done."""

    step: int = 0
    done: set[int] = field(default_factory=set)


class Store(Protocol):
    def load(self, name: str) -> Progress | None: ...

    def save(self, name: str, progress: Progress) -> None: ...


class MemoryStore:
    """A store that forgets when the program ends (tests, scripts)."""

    def __init__(self) -> None:
        self.data: dict[str, Progress] = {}

    def load(self, name: str) -> Progress | None:
        p = self.data.get(name)
        return None if p is None else Progress(p.step, set(p.done))

    def save(self, name: str, progress: Progress) -> None:
        self.data[name] = Progress(progress.step, set(progress.done))


@dataclass(frozen=True)
class Paragraph:
    """Lines of (text, is_live) pieces; ``display``: lines set apart, one per line (in
    the file, each starts with "> "), else one flowing line."""

    lines: list[list[tuple[str, bool]]]
    display: bool = False


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one: with a space between them, except where either side
    is Chinese (written without spaces)."""
    out = ""
    for line in lines:
        out += ("" if not out or _wide(out[-1]) or _wide(line[0]) else " ") + line
    return out


def paragraphs(text: str, reader: quantities.Reader) -> list[Paragraph]:
    """``text`` (paragraphs separated by blank lines) filled in from ``reader``."""
    out = []
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(">") for line in lines):
            out.append(Paragraph([quantities.fill(" ".join(line[1:].split()), reader) for line in lines], True))
        else:
            out.append(Paragraph([quantities.fill(join_lines([" ".join(line.split()) for line in lines]), reader)]))
    return out


class LessonPlayer:
    """See the module notes. ``session``: the plain Session (``nnviz.app.session``)."""

    def __init__(self, session, library: Library, store: Store | None = None) -> None:
        self.session = session
        self.library = library
        self.store = store if store is not None else MemoryStore()
        self.reader = quantities.Reader(session)
        self.context = checks.Context(session, self.reader)
        self.lesson: Lesson | None = None
        self.index = 0
        self.done: set[int] = set()
        self.changed = Signal()
        self.show_dock = Signal()
        self.highlight = Signal()
        self.numbers_changed = Signal()
        self._listening: list[tuple[Signal, Callable]] = []
        self._entering = False  # a step's set-up is being applied: its events are not checks
        for name in _STATE_EVENTS:
            self._listen(getattr(session, name), self._on_session_event)
        self._listen(session.jobs.finished, self._on_job_finished)

    def _listen(self, signal: Signal, slot: Callable) -> None:
        signal.connect(slot)
        self._listening.append((signal, slot))

    def detach(self) -> None:
        """Stop following the session (the window is closing)."""
        for signal, slot in self._listening:
            signal.disconnect(slot)
        self._listening = []

    # ---------------------------------------------------------------- reading
    @property
    def step(self) -> Step | None:
        return None if self.lesson is None else self.lesson.steps[self.index]

    @property
    def can_back(self) -> bool:
        return self.lesson is not None and self.index > 0

    @property
    def can_next(self) -> bool:
        return self.lesson is not None and self.index + 1 < len(self.lesson.steps)

    def passed(self, index: int | None = None) -> bool:
        """Whether step ``index`` (default: the current one) is ticked."""
        return (self.index if index is None else index) in self.done

    def progress(self, name: str) -> tuple[int, int]:
        """(steps done, steps) of the lesson ``name`` as saved."""
        lesson = self.library.find(name)
        if lesson is None:
            return 0, 0
        p = self.store.load(lesson.name) if lesson is not self.lesson else Progress(self.index, self.done)
        done = {i for i in (p.done if p else ()) if 0 <= i < len(lesson.steps)}
        return len(done), len(lesson.steps)

    def text(self) -> list[Paragraph]:
        """The current step's text with the quantities filled in as they are now."""
        step = self.step
        return [] if step is None else paragraphs(step.text, self.reader)

    # --------------------------------------------------------------- commands
    def open(self, name: str, step: int | None = None) -> bool:
        """Open the lesson ``name`` (or number) at ``step`` (default: where it was left)
        and set the network up for that step; False when there is no such lesson."""
        lesson = self.library.find(name)
        if lesson is None:
            return False
        saved = self.store.load(lesson.name) or Progress()
        self.lesson = lesson
        self.done = {i for i in saved.done if 0 <= i < len(lesson.steps)}
        index = saved.step if step is None else step
        self.index = min(max(int(index), 0), len(lesson.steps) - 1)
        self._enter(self._setups_for(self.index))
        return True

    def next(self) -> None:
        if not self.can_next:
            return
        if not self.step.checks:
            self.done.add(self.index)
        self.index += 1
        self._enter([self.step.setup])

    def back(self) -> None:
        if not self.can_back:
            return
        self.index -= 1
        self._enter([], views_only=True)

    def restart(self) -> None:
        """The lesson from its first step, with nothing ticked."""
        if self.lesson is None:
            return
        self.index = 0
        self.done = set()
        self._enter([self.step.setup])

    def close(self) -> None:
        if self.lesson is not None:
            self._save()
        self.lesson = None
        self.index = 0
        self.done = set()
        self.highlight.emit(None)
        self.changed.emit()

    # ---------------------------------------------------------------- inside
    def _setups_for(self, index: int) -> list[SetUp]:
        """The set-ups that bring the network to where step ``index`` begins."""
        steps = self.lesson.steps
        first = max((i for i in range(index + 1) if steps[i].setup.preset), default=0)
        return [steps[i].setup for i in range(first, index + 1)]

    def _enter(self, setups: list[SetUp], views_only: bool = False) -> None:
        self._entering = True
        try:
            for setup in setups:
                self._apply(setup)
        finally:
            self._entering = False
        self.context.begin()
        step = self.step
        if step.setup.dock:
            self.show_dock.emit(step.setup.dock)
        self.highlight.emit(step.setup.highlight)
        self._save()
        self.changed.emit()
        if not views_only:
            self.evaluate()

    def _apply(self, setup: SetUp) -> None:
        s = self.session
        if setup.preset:
            if setup.seed is None:
                s.load_preset(setup.preset)
            else:
                s.set_trainer(presets.load(setup.preset, setup.seed))
        if setup.settings:
            s.configure(**setup.settings)
        if setup.rate is not None:
            s.set_learning_rate(setup.rate)
        if setup.stop_rules is not None:
            s.set_stop_rules(setup.stop_rules["until_loss"], setup.stop_rules["max_iterations"])
        if setup.reset:
            s.remove_forks()
            s.reset()
        if setup.select:
            try:
                s.select_param(setup.select)
            except ValueError as exc:
                s.notify(T_("LessonPlayer", "Lesson: %1", exc))

    def evaluate(self) -> bool:
        """Tick the current step if its checks hold now; True when it is ticked."""
        step = self.step
        if step is None:
            return False
        if self.index in self.done:
            return True
        self.context.observe()
        if step.checks and all(checks.PREDICATES[c.kind].test(self.context, c.params) for c in step.checks):
            self.done.add(self.index)
            self._save()
            self.changed.emit()
            return True
        return False

    def _save(self) -> None:
        if self.lesson is not None:
            self.store.save(self.lesson.name, Progress(self.index, set(self.done)))

    def _on_session_event(self, *args) -> None:
        if self.lesson is None or self._entering:
            return
        self.evaluate()
        self.numbers_changed.emit()

    def _on_job_finished(self, job) -> None:
        if self.lesson is not None and isinstance(job.request, SweepRequest) and job.status == DONE:
            self.context.sweep = job.result
            self.evaluate()
