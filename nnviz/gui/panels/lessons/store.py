"""The progress of each lesson, kept between runs in the window's QSettings."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from nnviz.app.lessons.player import Progress

PREFIX = "lessons/progress/"


class SettingsStore:
    """``lessons/progress/<name>`` = {"step": k, "done": [...]} as JSON text; a value that
    cannot be read counts as no progress."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def load(self, name: str) -> Progress | None:
        raw = self.settings.value(PREFIX + name)
        if not isinstance(raw, str):
            return None
        try:
            doc = json.loads(raw)
            step = int(doc["step"])
            done = {int(i) for i in doc["done"]}
        except (ValueError, TypeError, KeyError):
            return None
        return Progress(step, done)

    def save(self, name: str, progress: Progress) -> None:
        self.settings.setValue(PREFIX + name, json.dumps({"step": progress.step, "done": sorted(progress.done)}))
