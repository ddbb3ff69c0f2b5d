"""What the canvas can draw over the network on request.

- Output thumbnails (networks with 2 inputs): beside each neuron a small map of its
  output over the input plane, from one forward pass of a grid of inputs
  (:func:`nnviz.gui.canvas.scene.layer_values`, i.e. ``kernels.forward_pass``); recomputed
  only when the parameters or the data range change.
- Chain vs proportional: under each neuron its chain-rule delta beside its
  proportional error (``nnviz.core.analysis.compare``), marked where they disagree.

Where they go is decided by :func:`nnviz.gui.canvas.layout.place`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from nnviz.core.analysis import compare
from nnviz.gui.canvas.layout import Placement
from nnviz.core.analysis.explain import Formatter
from nnviz.gui.canvas.scene import Scene, layer_values
from nnviz.gui.widgets.palette import DIVERGING_LUT
from nnviz.gui.qt_session import QtSession

THUMB_GRID = 24  # samples per axis of the input plane


def available(session: QtSession) -> bool:
    """Thumbnails are drawn for networks with exactly 2 inputs."""
    return session.trainer.network.sizes[0] == 2


def _plane(session: QtSession) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1): the data's range with a margin of a tenth on each side."""
    x = np.asarray(session.trainer.dataset.inputs, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != 2 or x.shape[0] == 0 or not np.all(np.isfinite(x)):
        return -1.0, 1.0, -1.0, 1.0
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    lo, hi = lo - 0.1 * span, hi + 0.1 * span
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def _image(t: np.ndarray) -> QImage:
    """A G x G image of ``t`` in [0, 1] on the diverging map, y up."""
    idx = np.rint(np.clip(np.nan_to_num(t, nan=0.5), 0, 1) * 1000).astype(np.intp)
    rgb = np.ascontiguousarray(DIVERGING_LUT[idx][::-1].astype(np.uint8))
    g = rgb.shape[0]
    return QImage(rgb.data, rgb.shape[1], g, 3 * rgb.shape[1], QImage.Format.Format_RGB888).copy()


class Thumbnails:
    """Per-neuron outputs over the input plane, cached until the parameters change."""

    def __init__(self) -> None:
        self._cache: tuple | None = None  # (key, xs, ys, grids, images)
        self.builds = 0  # how many times they were computed (tests)

    def clear(self) -> None:
        self._cache = None

    def get(self, session: QtSession):
        """(xs, ys, grids, images), or None for other than 2 inputs. ``grids[c]`` is
        n_units x G x G (row i: ys[i], column j: xs[j]); ``images[c]`` one image per unit."""
        if not available(session):
            self._cache = None
            return None
        net = session.trainer.network
        W, B = session.display_parameters()
        plane = _plane(session)
        key = (tuple(net.sizes), tuple(net.activation_names), plane,
               hash(b"".join(np.ascontiguousarray(a, dtype=np.float64).tobytes() for a in list(W) + list(B))))
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1:]
        self.builds += 1
        xs, ys = np.linspace(plane[0], plane[1], THUMB_GRID), np.linspace(plane[2], plane[3], THUMB_GRID)
        gx, gy = np.meshgrid(xs, ys)  # gx[i, j] = xs[j], gy[i, j] = ys[i]
        _, outs = layer_values(net, np.column_stack((gx.ravel(), gy.ravel())), W, B)
        grids: list[np.ndarray | None] = [None]
        images: list[list[QImage] | None] = [None]
        for act, a in zip(net.activations, outs[1:]):
            g = a.T.reshape(-1, THUMB_GRID, THUMB_GRID)
            grids.append(g)
            if act.name in ("sigmoid", "softmax"):
                t = g
            elif act.name == "tanh":
                t = 0.5 + 0.5 * g
            else:  # unbounded: each neuron on its own scale
                m = np.nanmax(np.abs(g), axis=(1, 2), keepdims=True)
                t = 0.5 + 0.5 * g / np.where(np.isfinite(m) & (m > 0), m, 1.0)
            images.append([_image(t[k]) for k in range(t.shape[0])])
        self._cache = (key, xs, ys, grids, images)
        return self._cache[1:]


def paint_thumbnails(p: QPainter, placement: Placement, images, outline: QColor) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    p.setPen(QPen(outline, 1.0))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for c, j, box in placement.thumbnails:
        target = QRectF(box.x, box.y, box.w, box.h)
        p.drawImage(target, images[c][j])
        p.drawRect(target)
    p.restore()


class Comparison:
    """The chain-rule deltas beside the proportional errors of the current batch, computed
    once per scene."""

    def __init__(self) -> None:
        self._cache: tuple | None = None  # (scene, list of LayerComparison or None)

    def clear(self) -> None:
        self._cache = None

    def get(self, session: QtSession, scene: Scene):
        if self._cache is not None and self._cache[0] is scene:
            return self._cache[1]
        try:
            cmp = None if scene.past else compare.chain_vs_proportional(session.trainer)
        except (ValueError, IndexError, TypeError, FloatingPointError):  # never break painting
            cmp = None
        self._cache = (scene, cmp)
        return cmp


def comparison_text(lc, unit: int, fmt: Formatter) -> str:
    """'δ 0.1385 · e -0.7414': the delta and the proportional error of one neuron."""
    return f"δ {fmt.num(lc.chain[unit])} · e {fmt.num(lc.proportional[unit])}"


def comparison_texts(cmp, fmt: Formatter) -> list[list[str] | None]:
    """Per column the text under each neuron ('≠ ' marks a disagreement); None for the
    input column."""
    out: list[list[str] | None] = [None]
    for lc in cmp:
        out.append([("≠ " if not lc.agree[j] else "") + comparison_text(lc, j, fmt) for j in range(len(lc.chain))])
    return out


def paint_comparison(p: QPainter, placement: Placement, texts, font: QFont, fg: QColor, outline: QColor,
                     bg: QColor, dark: bool) -> None:
    warn = QColor("#ff6e6e") if dark else QColor("#d32f2f")
    p.save()
    p.setFont(font)
    for c, j, box in placement.overlays:
        text = texts[c][j]
        bad = text.startswith("≠")
        rect = QRectF(box.x, box.y, box.w, box.h)
        p.setPen(QPen(warn if bad else outline, 1.2 if bad else 0.8))
        p.setBrush(bg)
        p.drawRoundedRect(rect, 3, 3)
        p.setPen(warn if bad else fg)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    p.restore()
