"""Recording what nnviz shows, frame by frame, for an animation (``nnviz record`` and
File ▸ Record…).

A frame is drawn at the chosen size, not grabbed from the screen: the network canvas is
painted into an image of that size; the loss-surface panel is laid out at that size for
the moment of the grab (never smaller than it can be, then scaled down to fit); the
whole window is grabbed as it is and scaled to fit. An optional caption line under the
picture holds the phase indicator's words ("Iteration 1 · Backward · layer 2 of 2 · o1 o2").

A frame is taken after every ``every`` units (micro-steps, phases or iterations): the
headless :func:`record` takes the steps itself; in the window a :class:`Recorder`
follows the Session, so whatever steps the network (Next, Play, Step back, Reset) is
recorded. When Play runs several steps within one redraw, they share one frame: the
recording holds what the window showed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QLayout, QWidget

from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, T_
from nnviz.gui.controls.step_controls import phase_text
from nnviz.gui.qt_session import QtSession
from nnviz.gui.widgets import palette
from nnviz.io.animation import MAX_EVERY, MAX_FRAMES, MAX_SIDE, MIN_SIDE, Frames, check_fps

# what a recording shows and counts, in words marked for translation (the Record dialog shows them)
SHOWS = {"canvas": N_("recording", "the network canvas"), "surface": N_("recording", "the loss surface"),
         "window": N_("recording", "the whole window")}
UNITS = {"micro": N_("recording", "micro-step"), "phase": N_("recording", "phase"),
         "iteration": N_("recording", "iteration")}
DEFAULT_SIZE = (800, 500)
DEFAULT_FPS = 2.0

Picture = Callable[[int, int], QImage]  # draws the picture at (width, height)


@dataclass(frozen=True)
class RecordOptions:
    show: str = "canvas"
    unit: str = "micro"
    every: int = 1  # units per frame
    frames: int | None = None  # frames after the first (the start); None: until stopped
    fps: float = DEFAULT_FPS
    size: tuple[int, int] = DEFAULT_SIZE
    caption: bool = False

    def __post_init__(self) -> None:
        if self.show not in SHOWS:
            raise ValueError(f"show must be one of {', '.join(SHOWS)}, got {self.show!r}")
        if self.unit not in UNITS:
            raise ValueError(f"the unit must be one of {', '.join(UNITS)}, got {self.unit!r}")
        if not 1 <= self.every <= MAX_EVERY:
            raise ValueError(f"every must be from 1 to {MAX_EVERY:,}, got {self.every}")
        if self.frames is not None and not 1 <= self.frames <= MAX_FRAMES:
            raise ValueError(f"frames must be from 1 to {MAX_FRAMES:,} (the limit), got {self.frames}")
        check_fps(self.fps)
        w, h = self.size
        if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
            raise ValueError(f"the size must be from {MIN_SIDE}x{MIN_SIDE} to {MAX_SIDE}x{MAX_SIDE}, got {w}x{h}")


# ================================================================ what a frame is
def position(trainer: Trainer, unit: str) -> int:
    """How many ``unit``s the trainer has done: micro-steps, whole phases or iterations."""
    if unit == "iteration":
        return trainer.iteration
    if unit == "micro":
        return trainer.iteration * len(trainer.steps) + trainer.cursor
    done = {s.phase for s in trainer.steps[:trainer.cursor]}
    done.discard(trainer.next_step.phase if trainer.cursor else None)  # a phase half done
    return trainer.iteration * n_phases(trainer) + len(done)


def n_phases(trainer: Trainer) -> int:
    return len({s.phase for s in trainer.steps})


def caption_text(trainer: Trainer) -> str:
    text = phase_text(trainer)
    return T_("recording", "Iteration %1 · %2", trainer.iteration + 1, text) if trainer.cursor else text


def keep_colours() -> np.ndarray:
    """Colours a GIF palette keeps exact: the diverging blue/orange scale and the
    highlight, so that signs and magnitudes read as in the window."""
    highlight = QColor(palette.HIGHLIGHT)
    return np.concatenate([palette.diverging_lut(64)[:, :3],
                           [[highlight.red(), highlight.green(), highlight.blue()]]]).astype(np.uint8)


def to_rgb(image: QImage) -> np.ndarray:
    """(height, width, 3) uint8 copy of ``image``."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return rows.reshape(h, image.bytesPerLine())[:, :3 * w].reshape(h, w, 3).copy()


def fit_image(image: QImage, width: int, height: int, background: QColor) -> QImage:
    """``image`` scaled to fit ``width`` x ``height`` (aspect kept), centred on ``background``."""
    if image.width() == width and image.height() == height:
        return image
    out = QImage(width, height, QImage.Format.Format_RGB32)
    out.fill(background)
    scaled = image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    p = QPainter(out)
    p.drawImage((width - scaled.width()) // 2, (height - scaled.height()) // 2, scaled)
    p.end()
    return out


def canvas_picture(canvas) -> Picture:
    """The network canvas painted at the size (fitted, whatever the widget's zoom)."""
    return lambda w, h: canvas.render_image(w, h)


def widget_picture(widget: QWidget, before: Callable[[], None] | None = None, resize: bool = True) -> Picture:
    """``widget`` drawn at the size: laid out at it for the grab and put back (``resize``;
    never smaller than its layout allows, then scaled to fit), or grabbed as it is and
    scaled to fit. ``before`` brings it up to date first."""
    def draw(w: int, h: int) -> QImage:
        if before is not None:
            before()
        if resize:
            old, least = widget.size(), widget.minimumSizeHint()
            widget.resize(QSize(max(w, least.width()), max(h, least.height())))
            try:
                image = widget.grab().toImage()
            finally:
                widget.resize(old)
        else:
            image = widget.grab().toImage()
        return fit_image(image, w, h, widget.palette().color(widget.backgroundRole()))
    return draw


def caption_height(height: int) -> int:
    return max(18, round(height * 0.06))


def draw_frame(trainer: Trainer, picture: Picture, size: tuple[int, int], caption: bool,
               background: QColor, text: QColor) -> np.ndarray:
    """One frame: the picture, and under it the caption line when asked for."""
    w, h = size
    band = caption_height(h) if caption else 0
    image = picture(w, h - band)
    if not band:
        return to_rgb(image)
    frame = QImage(w, h, QImage.Format.Format_RGB32)
    frame.fill(background)
    p = QPainter(frame)
    p.drawImage(0, 0, image)
    font = QFont()
    font.setPixelSize(max(10, round(band * 0.58)))
    font.setWeight(QFont.Weight.DemiBold)
    p.setFont(font)
    p.setPen(text)
    p.drawText(QRectF(8, h - band, w - 16, band), Qt.AlignmentFlag.AlignCenter, caption_text(trainer))
    p.end()
    return to_rgb(frame)


# ================================================================ in the window
class Recorder(QObject):
    """Takes a frame whenever the Session's trainer has done ``every`` more units (or
    fewer: Step back and Reset are recorded too), and while the learning rate is dragged
    (a frame at most every ``RATE_FRAME_MS``: the look-ahead and the slider move), from
    :meth:`start` to :meth:`stop`."""

    RATE_FRAME_MS = 100

    frameAdded = Signal(int)  # the number of frames so far
    full = Signal()  # the asked number of frames is there (the owner stops and writes)

    def __init__(self, session: QtSession, picture: Picture, options: RecordOptions,
                 background: QColor, text: QColor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.picture = picture
        self.options = options
        self.background, self.text = QColor(background), QColor(text)
        self.frames = Frames()
        self._bucket: int | None = None
        self.recording = False
        self._rate_frame = QTimer(self)
        self._rate_frame.setSingleShot(True)
        self._rate_frame.setInterval(self.RATE_FRAME_MS)
        self._rate_frame.timeout.connect(self._on_rate_frame)

    @property
    def wanted(self) -> int | None:
        """Frames in all when the recording stops by itself (the start and ``frames`` more)."""
        return None if self.options.frames is None else self.options.frames + 1

    @property
    def at_limit(self) -> bool:
        """A recording "until Stop" has taken the most frames there may be."""
        return len(self.frames) > MAX_FRAMES

    def start(self) -> None:
        self.frames.clear()
        self.recording = True
        self.session.stateChanged.connect(self._on_state_changed)
        self.session.trainerReplaced.connect(self._on_trainer_replaced)
        self.session.settingsChanged.connect(self._on_setting_changed)
        self.take()

    def stop(self) -> None:
        if self.recording:
            self.recording = False
            self.session.stateChanged.disconnect(self._on_state_changed)
            self.session.trainerReplaced.disconnect(self._on_trainer_replaced)
            self.session.settingsChanged.disconnect(self._on_setting_changed)
            self._rate_frame.stop()

    def take(self) -> None:
        """Add a frame of what is shown now."""
        t = self.session.trainer
        self._bucket = position(t, self.options.unit) // self.options.every
        self.frames.add(draw_frame(t, self.picture, self.options.size, self.options.caption,
                                   self.background, self.text))
        self.frameAdded.emit(len(self.frames))
        if self.wanted is not None and len(self.frames) >= self.wanted or self.at_limit:
            self.full.emit()

    def _on_state_changed(self) -> None:
        if self.recording and position(self.session.trainer, self.options.unit) // self.options.every != self._bucket:
            self.take()

    def _on_setting_changed(self, name: str) -> None:
        if self.recording and name == "learning_rate" and not self._rate_frame.isActive():
            self._rate_frame.start()

    def _on_rate_frame(self) -> None:
        if self.recording:
            self.take()

    def _on_trainer_replaced(self) -> None:
        self._bucket = None  # a new network: its first state is a frame


# ================================================================ headless
def record(trainer: Trainer, options: RecordOptions,
           progress: Callable[[int, int], None] | None = None) -> Frames:
    """Step ``trainer`` and draw a frame before the first step and after every
    ``options.every`` units, ``options.frames`` times (default: one iteration's
    micro-steps or phases, or 10 iterations). Stops early when the trainer refuses a
    step (it diverged): the frames so far are returned. Needs no display."""
    from nnviz.gui.render import ensure_application

    if options.show == "window":
        raise ValueError("the whole window can only be recorded from the window (File ▸ Record…)")
    ensure_application()
    from nnviz.app.session import Session
    from nnviz.gui.canvas import NetworkCanvas
    from nnviz.gui.panels.surface import SurfacePanel

    count = options.frames if options.frames is not None else default_frames(trainer, options.unit)
    session = QtSession(Session(trainer))
    w, h = options.size
    band = caption_height(h) if options.caption else 0
    if options.show == "canvas":
        widget = NetworkCanvas(session)
        picture = canvas_picture(widget)
        background = palette.canvas_background(widget.palette())
    else:
        widget = SurfacePanel(session)
        widget.grids.always_full = True
        widget.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # no size hints to a window system
        picture = widget_picture(widget, before=widget.refresh_now)
        background = widget.palette().color(widget.backgroundRole())
    # shown off screen: laid out at the picture's size (the canvas's columns follow its
    # shape), and the surface panel draws only while visible
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(w, h - band)
    widget.show()
    text = palette.text_color(widget.palette())
    frames = Frames()
    try:
        frames.add(draw_frame(trainer, picture, options.size, options.caption, background, text))
        for i in range(count):
            if not all(session.step(options.unit) for _ in range(options.every)):
                break
            frames.add(draw_frame(trainer, picture, options.size, options.caption, background, text))
            if progress is not None:
                progress(i + 1, count)
    finally:
        if options.show == "surface":
            widget.detach()
        widget.close()
        widget.deleteLater()
        session.close()
    return frames


def default_frames(trainer: Trainer, unit: str) -> int:
    """The frames after the start when none are asked for: one iteration's micro-steps
    or phases; 10 iterations."""
    if unit == "micro":
        return len(trainer.steps)
    if unit == "phase":
        return n_phases(trainer)
    return 10
