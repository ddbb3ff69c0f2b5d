"""A minimal observer: Qt-style signals for plain Python objects, with no Qt.

Emitting a signal that nobody listens to costs one truth test, so the Trainer can
announce every micro-step without slowing down a run that nobody watches.
"""

from __future__ import annotations

from typing import Any, Callable


class Signal:
    """A list of callbacks; ``emit`` calls each in the order they connected."""

    __slots__ = ("_slots", "_blocked")

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []
        self._blocked = False

    def connect(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        if callback not in self._slots:
            self._slots.append(callback)
        return callback

    def disconnect(self, callback: Callable[..., Any] | None = None) -> None:
        """Remove ``callback`` (or every callback when None); unknown callbacks are ignored."""
        if callback is None:
            self._slots.clear()
        elif callback in self._slots:
            self._slots.remove(callback)

    def emit(self, *args: Any) -> None:
        if self._slots and not self._blocked:
            for slot in tuple(self._slots):
                slot(*args)

    def __bool__(self) -> bool:
        """True when somebody listens and the signal is not blocked."""
        return bool(self._slots) and not self._blocked

    def __len__(self) -> int:
        return len(self._slots)

    def blocked(self) -> "_Blocker":
        """Context manager that silences the signal, e.g. while replaying history."""
        return _Blocker(self)


class _Blocker:
    __slots__ = ("_signal", "_was")

    def __init__(self, signal: Signal) -> None:
        self._signal = signal
        self._was = False

    def __enter__(self) -> Signal:
        self._was = self._signal._blocked
        self._signal._blocked = True
        return self._signal

    def __exit__(self, *exc: object) -> None:
        self._signal._blocked = self._was
