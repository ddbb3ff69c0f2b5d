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
        for job in self._jobs:
            if job.running:
                job.cancel(quiet=True)
        self._jobs = []

    def throttle(self, fn: Callable[[], None], interval_ms: float) -> Throttle:
        """A Throttle for ``fn`` that stops when the view closes."""
        t = Throttle(self, fn, interval_ms)
        self._throttles.append(t)
        return t

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

    # ------------------------------------------------------------ Qt events
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if self.DETACH_ON_CLOSE:
            self.detach()
        super().closeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in _PALETTE_EVENTS:
            self._on_palette_changed()

    def _on_palette_changed(self) -> None:
        """Recolour for the new palette (views with colours of their own override it)."""
