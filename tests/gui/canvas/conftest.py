"""Fixtures of the canvas tests: sessions, canvases shown on the offscreen platform, and
helpers that read what was drawn."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from nnviz.core import presets
from nnviz.core import trainer as trainer_mod
from nnviz.core.data.datasets import Dataset
from nnviz.gui.canvas import NetworkCanvas
from nnviz.app.session import Session
from nnviz.gui.qt_session import QtSession


def make_trainer(kind: str):
    """A preset (mazur, xor, sine) or a seeded network: 2-16-16-1 (tanh) or 8x64 (sigmoid)."""
    if kind in presets.DESCRIPTIONS:
        return presets.load(kind)
    rng = np.random.default_rng(0)
    if kind == "2-16-16-1":
        data = Dataset(rng.normal(size=(40, 2)), (rng.uniform(size=(40, 1)) > 0.5).astype(float))
        return trainer_mod.create([2, 16, 16, 1], "tanh", data, seed=0)
    if kind == "8x64":
        data = Dataset(rng.normal(size=(8, 64)), rng.uniform(size=(8, 64)))
        return trainer_mod.create([64] * 8, "sigmoid", data, seed=0)
    raise ValueError(kind)


@pytest.fixture
def trainer_of():
    return make_trainer


@pytest.fixture
def mazur_session(qapp):
    return QtSession(Session(presets.load("mazur")))


@pytest.fixture
def xor_session(qapp):
    return QtSession(Session(presets.load("xor")))


@pytest.fixture
def make_canvas(show):
    def make(session, size=(1200, 800)) -> NetworkCanvas:
        return show(NetworkCanvas(session), size)

    return make


@pytest.fixture
def canvas(make_canvas, mazur_session):
    return make_canvas(mazur_session)


class Pixels:
    """Reading a picture."""

    @staticmethod
    def hue_near(img: QImage, point: QPointF, radius: int = 2) -> QColor:
        """The most saturated pixel around ``point`` (the core of a line, not its antialiased rim)."""
        best = None
        for dx in range(-radius, radius + 1):
            for dy in range(-radius, radius + 1):
                c = img.pixelColor(round(point.x()) + dx, round(point.y()) + dy)
                if best is None or c.hsvSaturation() > best.hsvSaturation():
                    best = c
        return best

    @staticmethod
    def dominant(img: QImage, centre: QPointF, r_lo: float, r_hi: float) -> QColor:
        """The most frequent colour among the pixels r_lo..r_hi from ``centre`` (inside a
        neuron: its fill, whatever text is written on it)."""
        counts: Counter = Counter()
        R = int(np.ceil(r_hi))
        cx, cy = round(centre.x()), round(centre.y())
        for dx in range(-R, R + 1):
            for dy in range(-R, R + 1):
                if r_lo <= np.hypot(dx, dy) <= r_hi:
                    counts[img.pixel(cx + dx, cy + dy)] += 1
        return QColor.fromRgb(counts.most_common(1)[0][0])

    @staticmethod
    def close(a: QColor, b: QColor, tol: int = 6) -> bool:
        return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tol


@pytest.fixture
def pixels():
    return Pixels
