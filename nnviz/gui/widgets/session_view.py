"""The base of every view of the Session: panels, controls, dialogs.

Mix it in before the Qt class and pass the session first::

    class LossCurve(SessionView, QWidget):
        def __init__(self, session, parent=None):
            super().__init__(session, parent)
            ...
        def _on_state_changed(self): ...       # called on session.stateChanged

A view follows a Session signal by defining its slot, named after the signal in
``SLOTS`` (``stateChanged`` -> ``_on_state_changed``); nothing else to connect. The
connections hold the view weakly and skip a view whose Qt object is gone; closing the
view (or ``detach()``) disconnects them, stops its throttles and cancels its jobs. A
palette change calls ``_on_palette_changed`` once, whatever the view's Qt class.
``schedule(throttle)`` asks for a redraw that a view out of sight keeps for when it is
shown: hidden views do no work. Out of sight is hidden, or in a dock behind another tab
(Qt calls such a widget visible): the window tells the view with ``set_exposed``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent

from nnviz.app.jobs import Job
from nnviz.gui.widgets.throttle import Throttle

SLOTS = (
    ("trainerReplaced", "_on_trainer_replaced"),
    ("stateChanged", "_on_state_changed"),
    ("settingsChanged", "_on_settings_changed"),
    ("statusChanged", "_on_status_changed"),
    ("selectionChanged", "_on_selection_changed"),
    ("hoverChanged", "_on_hover_changed"),
    ("sampleChanged", "_on_sample_changed"),
    ("edgeModeChanged", "_on_edge_mode_changed"),
    ("timelineChanged", "_on_timeline_changed"),
    ("playingChanged", "_on_playing_changed"),
    ("runsChanged", "_on_runs_changed"),
    ("message", "_on_message"),
)
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def _weak_slot(method: Callable) -> Callable:
    ref = weakref.WeakMethod(method)

    def call(*args) -> None:
        method = ref()
        if method is not None and shiboken6.isValid(method.__self__):
            method(*args)

    return call


class SessionView:
    """See the module notes."""

    DETACH_ON_CLOSE = True  # False for a dialog that is shown again after closing

    def __init__(self, session, parent=None, *args, **kwargs) -> None:
        super().__init__(parent, *args, **kwargs)
        self.session = session
        self._connections: list[tuple[object, Callable]] = []
        self._throttles: list[Throttle] = []
        self._stale: set[Throttle] = set()  # redraws asked for while out of sight
        self._exposed = True  # False while the view's dock is behind another tab
        self._jobs: list[Job] = []
        for signal_name, slot_name in SLOTS:
            method = getattr(self, slot_name, None)
            if callable(method):
                self.listen(getattr(session, signal_name), method)

    def listen(self, signal, method: Callable) -> None:
        """Connect ``signal`` (any Qt signal) to the view's ``method``, held weakly and
        undone by ``detach``."""
        slot = _weak_slot(method)
        signal.connect(slot)
        self._connections.append((signal, slot))

    @property
    def attached(self) -> bool:
        """Whether the view still follows the session."""
        return bool(self._connections)

    def detach(self) -> None:
        """Stop following the session: no slot is called again, no throttle fires, no job
        of this view reports back."""
        connections, self._connections = self._connections, []
        for signal, slot in connections:
            signal.disconnect(slot)
        for throttle in self._throttles:
            throttle.cancel()
        self._stale.clear()
        for job in self._jobs:
            if job.running:
                job.cancel(quiet=True)
        self._jobs = []

    def throttle(self, fn: Callable[[], None], interval_ms: float) -> Throttle:
        """A Throttle for ``fn`` that stops when the view closes."""
        t = Throttle(self, fn, interval_ms)
        self._throttles.append(t)
        return t

    @property
    def shown(self) -> bool:
        """Whether the view can be seen: visible, and not in a dock behind another tab."""
        return self._exposed and self.isVisible()

    def set_exposed(self, exposed: bool) -> None:
        """The window says whether the view's dock is in sight (its tab is the current one)."""
        was = self.shown
        self._exposed = exposed
        if self.shown and not was:
            self._on_shown()

    def schedule(self, throttle: Throttle, interval_ms: float | None = None, sync: bool = False) -> None:
        """``throttle.request(interval_ms, sync)`` while the view is shown; out of sight,
        the request waits until the view is shown."""
        if self.shown:
            throttle.request(interval_ms, sync)
        else:
            self._stale.add(throttle)

    def _on_shown(self) -> None:
        """The view came into sight: the redraws asked for meanwhile run now (views with
        work of their own to catch up extend this)."""
        stale, self._stale = self._stale, set()
        for throttle in stale:
            throttle.request(0)

    def submit(self, request, on_progress=None, on_finished=None) -> Job:
        """Start background work on the session's job runner; it is cancelled (and stays
        silent) when the view closes."""
        self._jobs = [job for job in self._jobs if job.running]
        job = self.session.jobs.submit(request, on_progress=on_progress, on_finished=on_finished)
        self._jobs.append(job)
        return job

    def play_interval(self, interval_ms: float) -> float:
        """How long a redraw may wait: ``interval_ms`` while Play uses every frame (the
        window is never idle then), else nothing, so that an idle window is up to date."""
        return interval_ms if self.session.flat_out else 0

    def redraw(self, throttle: Throttle, play_interval_ms: float) -> None:
        """Ask ``throttle`` for a redraw after a state change: at once (at the end of the
        event loop's turn) when the window is idle; while Play uses every frame, at most
        every ``play_interval_ms``, and then in the same turn as the step, so that the
        window paints once per step."""
        flat_out = self.session.flat_out
        self.schedule(throttle, play_interval_ms if flat_out else 0, sync=flat_out)

    # ------------------------------------------------------------ Qt events
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if self.DETACH_ON_CLOSE:
            self.detach()
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.shown:
            self._on_shown()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in _PALETTE_EVENTS:
            self._on_palette_changed()

    def _on_palette_changed(self) -> None:
        """Recolour for the new palette (views with colours of their own override it)."""


class RebuiltView(SessionView):
    """A view that builds its content afresh from the session (the inspector, the graph):
    every change of the session marks it ``stale``; ``rebuild()`` (the subclass's) runs
    while the view is shown — at once when the window is idle, at most every
    ``PLAY_REFRESH_MS`` while Play uses every frame — and out of sight it does no work."""

    PLAY_REFRESH_MS = 500

    def __init__(self, session, parent=None, *args, **kwargs) -> None:
        super().__init__(session, parent, *args, **kwargs)
        self.stale = True
        self._rebuild = self.throttle(self.refresh_if_stale, self.PLAY_REFRESH_MS)

    def rebuild(self) -> None:
        """Build the content from the session now (subclasses)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Build now (normally done lazily)."""
        self._rebuild.cancel()
        self.stale = False
        self.rebuild()

    def refresh_if_stale(self) -> None:
        if self.stale:
            self.refresh()

    def invalidate(self) -> None:
        """The session changed: build again when shown."""
        self.stale = True
        if self.shown:
            self.redraw(self._rebuild, self.PLAY_REFRESH_MS)

    def _on_shown(self) -> None:
        super()._on_shown()
        if self.stale:
            self.invalidate()

    def _on_trainer_replaced(self) -> None:
        self.invalidate()

    def _on_state_changed(self) -> None:
        self.invalidate()

    def _on_selection_changed(self) -> None:
        self.invalidate()

    def _on_timeline_changed(self) -> None:
        self.invalidate()

    def _on_sample_changed(self, index: int) -> None:
        self.invalidate()

    def _on_settings_changed(self, name: str) -> None:
        self.invalidate()

    def _on_playing_changed(self, playing: bool) -> None:
        if not playing:
            self.invalidate()
