"""Animations without Qt: frames (RGB NumPy arrays) to an animated GIF or an MP4 video.

- GIF through Pillow: one palette for the whole animation (255 colours: the colours the
  caller must keep exact, e.g. the diverging blue/orange scale, and the rest fitted to
  the frames), no dithering, each frame after the first stored as the rectangle that
  changed with the unchanged pixels transparent, looping for ever.
  A GIF's frame delay is a whole number of centiseconds: 1/fps is rounded to the
  nearest one (12 fps plays at 1/0.08 s = 12.5 fps) and at most 50 fps (2 cs) is
  allowed, because browsers play shorter delays as 10 cs.
- MP4 (H.264, yuv420p, for slides and web pages) through PyAV, which ships its own
  FFmpeg; it is the optional extra ``video`` (``pip install "nnviz[video]"``).

Files are written atomically (``write_atomic``): a cancelled or failed write leaves an
existing file as it was and no partial file.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import numpy as np

from nnviz.core.words import T_
from nnviz.io.files import write_atomic

FORMATS = (".gif", ".mp4")
MIN_FPS = 0.1  # a frame of 10 s: far below, a GIF's delay (at most 655 s) would not hold it
MAX_FPS = 50.0  # a GIF delay below 2 cs is played as 10 cs by browsers
MAX_FRAMES = 10_000  # frames after the first; each is kept (compressed) until the file is written
MAX_EVERY = 100_000  # units between frames
MIN_SIDE, MAX_SIDE = 32, 4000  # frame width and height in pixels
GIF_COLOURS = 255  # one palette index stays free for the transparent "unchanged" pixels
VIDEO_EXTRA = 'MP4 needs the optional video encoder: pip install "nnviz[video]"'
_PALETTE_SAMPLE = 1_000_000  # pixels the adaptive palette is fitted to, at most


class AnimationError(ValueError):
    """An animation that cannot be made as asked; the message is one line for the user."""


class Cancelled(Exception):
    """The caller's ``should_stop`` said stop; nothing was written."""


def check_output(path: str | Path) -> str:
    """The format of ``path`` ('.gif' or '.mp4'); AnimationError for another file type,
    or for .mp4 when the video extra is not installed."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise AnimationError(T_("AnimationError", "cannot record to %1: the file name must end in .gif or .mp4",
                                repr(str(path))))
    if suffix == ".mp4" and not video_available():
        raise AnimationError(VIDEO_EXTRA)
    return suffix


def video_available() -> bool:
    try:
        import av  # noqa: F401
    except ImportError:
        return False
    return True


def check_fps(fps: float) -> float:
    fps = float(fps)
    if not MIN_FPS <= fps <= MAX_FPS:
        raise AnimationError(T_("AnimationError", "the frame rate must be from %1 to %2 per second, got %3",
                                f"{MIN_FPS:g}", f"{MAX_FPS:g}", f"{fps:g}"))
    return fps


def gif_delay_cs(fps: float) -> int:
    """The GIF frame delay for ``fps``, in centiseconds (rounded, at least 2)."""
    return max(2, round(100.0 / check_fps(fps)))


class Frames:
    """The frames of a recording, all the same size, kept compressed in memory (a canvas
    frame shrinks about thirty-fold), so that long recordings fit."""

    def __init__(self) -> None:
        self._data: list[bytes] = []
        self.shape: tuple[int, int] | None = None  # (height, width)

    def add(self, rgb: np.ndarray) -> None:
        """Append an (height, width, 3) uint8 frame."""
        rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
        if rgb.ndim != 3 or rgb.shape[2] != 3:
            raise ValueError(T_("AnimationError", "a frame must be height x width x 3 (RGB), got shape %1", rgb.shape))
        if self.shape is None:
            self.shape = rgb.shape[:2]
        elif rgb.shape[:2] != self.shape:
            raise ValueError(T_("AnimationError", "every frame must be %1 x %2, got %3 x %4", self.shape[1],
                                self.shape[0], rgb.shape[1], rgb.shape[0]))
        self._data.append(zlib.compress(rgb.tobytes(), 1))

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, index: int) -> np.ndarray:
        h, w = self.shape
        return np.frombuffer(zlib.decompress(self._data[index]), dtype=np.uint8).reshape(h, w, 3)

    def __iter__(self) -> Iterator[np.ndarray]:
        return (self[i] for i in range(len(self)))

    def clear(self) -> None:
        self._data.clear()
        self.shape = None


Progress = Callable[[int, int], None]  # (frames done, frames in all)
ShouldStop = Callable[[], bool]


def encode(frames: Frames, fps: float, suffix: str, keep_colours: np.ndarray | None = None,
           progress: Progress | None = None, should_stop: ShouldStop | None = None) -> bytes:
    """The animation of ``frames`` as GIF or MP4 bytes. Raises Cancelled when
    ``should_stop()`` turns true, AnimationError when there is nothing to encode."""
    if not len(frames):
        raise AnimationError(T_("AnimationError", "no frames were recorded"))
    check_fps(fps)
    if suffix == ".gif":
        return encode_gif(frames, fps, keep_colours, progress, should_stop)
    if suffix == ".mp4":
        return encode_mp4(frames, fps, progress, should_stop)
    raise AnimationError(T_("AnimationError", "unknown animation format %1; expected .gif or .mp4", repr(suffix)))


def write(path: str | Path, frames: Frames, fps: float, keep_colours: np.ndarray | None = None,
          progress: Progress | None = None, should_stop: ShouldStop | None = None) -> None:
    """Encode ``frames`` (format from the file name) and write them atomically to ``path``.
    Raises AnimationError, Cancelled (nothing written) or FileError (cannot write)."""
    data = encode(frames, fps, check_output(path), keep_colours, progress, should_stop)
    if should_stop is not None and should_stop():
        raise Cancelled()
    write_atomic(Path(path), data)


# ======================================================================== GIF
def gif_palette(frames: Frames, keep_colours: np.ndarray | None = None) -> np.ndarray:
    """(GIF_COLOURS, 3) uint8: ``keep_colours`` first, then colours fitted (median cut)
    to pixels sampled evenly from all frames."""
    from PIL import Image

    keep = np.zeros((0, 3), np.uint8) if keep_colours is None else \
        _unique_colours(np.asarray(keep_colours, dtype=np.uint8).reshape(-1, 3))[:GIF_COLOURS]
    h, w = frames.shape
    n = len(frames)
    stride = max(1, int(np.ceil(np.sqrt(h * w * n / _PALETTE_SAMPLE))))
    chosen = range(n) if stride == 1 else np.unique(np.linspace(0, n - 1, min(n, 64)).round().astype(int))
    sample = np.concatenate([frames[int(i)][::stride, ::stride].reshape(-1, 3) for i in chosen])
    colours = _unique_colours(sample)
    room = GIF_COLOURS - len(keep)
    if len(colours) > room:
        image = Image.fromarray(sample.reshape(1, -1, 3), "RGB")
        fitted = image.quantize(colors=room, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        colours = np.asarray(fitted.getpalette()[:3 * room], np.uint8).reshape(-1, 3)
    palette = np.concatenate([keep, colours])
    return np.concatenate([palette, np.repeat(palette[-1:], GIF_COLOURS - len(palette), axis=0)])


def _unique_colours(rgb: np.ndarray) -> np.ndarray:
    """The distinct rows of an (n, 3) uint8 array (packed into one integer each: fast)."""
    packed = np.unique((rgb[:, 0].astype(np.uint32) << 16) | (rgb[:, 1].astype(np.uint32) << 8) | rgb[:, 2])
    return np.stack([(packed >> 16) & 255, (packed >> 8) & 255, packed & 255], axis=1).astype(np.uint8)


def encode_gif(frames: Frames, fps: float, keep_colours: np.ndarray | None = None,
               progress: Progress | None = None, should_stop: ShouldStop | None = None) -> bytes:
    from PIL import Image

    palette = gif_palette(frames, keep_colours)
    palette_image = Image.new("P", (1, 1))
    palette_image.putpalette(palette.tobytes())
    n = len(frames)

    def indexed(i: int):
        if should_stop is not None and should_stop():
            raise Cancelled()
        image = Image.fromarray(frames[i], "RGB").quantize(palette=palette_image, dither=Image.Dither.NONE)
        if progress is not None:
            progress(i + 1, n)
        return image

    first = indexed(0)
    out = io.BytesIO()
    # Pillow reads the delay in milliseconds and truncates it to centiseconds: give whole ones.
    first.save(out, format="GIF", save_all=True, append_images=(indexed(i) for i in range(1, n)),
               duration=10 * gif_delay_cs(fps), loop=0, optimize=True, disposal=1)
    return out.getvalue()


# ======================================================================== MP4
def encode_mp4(frames: Frames, fps: float, progress: Progress | None = None,
               should_stop: ShouldStop | None = None) -> bytes:
    """H.264 in an MP4 container. yuv420p needs even sides: an odd side gets one more
    row or column, a copy of the last."""
    try:
        import av
    except ImportError:
        raise AnimationError(VIDEO_EXTRA) from None
    h, w = frames.shape
    pad_h, pad_w = h % 2, w % 2
    out = io.BytesIO()
    n = len(frames)
    with av.open(out, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(fps).limit_denominator(1000))
        stream.width, stream.height = w + pad_w, h + pad_h
        stream.pix_fmt = "yuv420p"
        stream.options = {"crf": "18", "preset": "medium", "tune": "animation"}
        # FFmpeg converts RGB with the BT.601 matrix: say so, or players assume BT.709 for HD
        ctx = stream.codec_context
        ctx.colorspace = ctx.color_primaries = ctx.color_trc = 6  # SMPTE 170M (BT.601)
        for i, rgb in enumerate(frames):
            if should_stop is not None and should_stop():
                raise Cancelled()
            if pad_h or pad_w:
                rgb = np.pad(rgb, ((0, pad_h), (0, pad_w), (0, 0)), mode="edge")
            for packet in stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")):
                container.mux(packet)
            if progress is not None:
                progress(i + 1, n)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()

