"""Animations from frames: GIF frame count, delay, palette and looping; MP4 through the
optional extra; cancelled and failed writes leave no partial file."""

from __future__ import annotations

import io
import os
import sys

import numpy as np
import pytest
from PIL import Image, ImageSequence

from nnviz.io import animation
from nnviz.io.animation import AnimationError, Cancelled, Frames

BLUE, ORANGE, BACKGROUND = (31, 100, 173), (224, 104, 15), (250, 250, 250)


def moving_square(n: int, w: int = 64, h: int = 40) -> Frames:
    """n frames: a blue square moving right over an orange bar, on a light background."""
    frames = Frames()
    for k in range(n):
        rgb = np.full((h, w, 3), BACKGROUND, np.uint8)
        rgb[30:36, :] = ORANGE
        rgb[5:15, 4 * k:4 * k + 10] = BLUE
        frames.add(rgb)
    return frames


def decoded(data: bytes) -> list[np.ndarray]:
    with Image.open(io.BytesIO(data)) as im:
        return [np.asarray(f.convert("RGB")) for f in ImageSequence.Iterator(im)]


def test_frames_are_kept_exactly_and_must_share_one_size():
    frames = moving_square(3)
    assert len(frames) == 3 and frames.shape == (40, 64)
    assert tuple(frames[2][10, 10]) == BLUE
    with pytest.raises(ValueError, match="64 x 40"):
        frames.add(np.zeros((40, 63, 3), np.uint8))
    with pytest.raises(ValueError, match="RGB"):
        frames.add(np.zeros((40, 64), np.uint8))


def test_gif_has_every_frame_loops_and_shows_them_as_drawn():
    frames = moving_square(6)
    data = animation.encode(frames, 10, ".gif")
    with Image.open(io.BytesIO(data)) as im:
        assert im.format == "GIF" and im.n_frames == 6
        assert im.info["loop"] == 0
    # few colours: the palette holds them all, so every frame decodes to the very pixels
    for got, want in zip(decoded(data), frames):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("fps, ms", [(10, 100), (2, 500), (4, 250), (50, 20), (3, 330), (12, 80)])
def test_gif_frame_delay_is_one_over_fps_in_whole_centiseconds(fps, ms):
    data = animation.encode(moving_square(3), fps, ".gif")
    with Image.open(io.BytesIO(data)) as im:
        delays = [f.info["duration"] for f in ImageSequence.Iterator(im)]
    assert delays == [ms] * 3


@pytest.mark.parametrize("fps", [0, -1, 51, 1000])
def test_frame_rates_gifs_cannot_play_are_refused(fps):
    with pytest.raises(AnimationError, match="frame rate"):
        animation.encode(moving_square(2), fps, ".gif")


def test_kept_colours_survive_a_frame_with_more_colours_than_a_gif_holds():
    rng = np.random.default_rng(1)
    keep = np.array([BLUE, ORANGE, (111, 163, 216), (245, 165, 92)], np.uint8)
    frames = Frames()
    for k in range(3):
        rgb = rng.integers(0, 256, (48, 48, 3), dtype=np.uint8)  # thousands of colours
        for i, colour in enumerate(keep):
            rgb[i * 12:(i + 1) * 12, :8] = colour
        frames.add(rgb)
    palette = animation.gif_palette(frames, keep)
    assert palette.shape == (animation.GIF_COLOURS, 3)
    for colour in keep:
        assert (palette == colour).all(axis=1).any()
    for got in decoded(animation.encode(frames, 5, ".gif", keep_colours=keep)):
        for i, colour in enumerate(keep):
            assert (got[i * 12:(i + 1) * 12, :8] == colour).all()


def test_unchanged_areas_are_not_stored_again():
    """Each frame after the first holds only the rectangle that changed."""
    frames = moving_square(5, w=200, h=120)
    with Image.open(io.BytesIO(animation.encode(frames, 10, ".gif"))) as im:
        extents = []
        for f in ImageSequence.Iterator(im):
            extents.append(f.tile[0].extents if f.tile else None)
    x0, y0, x1, y1 = extents[2]
    assert (x1 - x0) * (y1 - y0) < 200 * 120 / 10  # the square's strip, not the whole frame


def test_output_names_must_end_in_gif_or_mp4(tmp_path):
    assert animation.check_output(tmp_path / "a.GIF") == ".gif"
    for name in ("a.png", "a", "a.gif.txt"):
        with pytest.raises(AnimationError, match=r"\.gif or \.mp4"):
            animation.check_output(tmp_path / name)


def test_mp4_without_the_video_extra_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "av", None)  # import av raises ImportError
    assert not animation.video_available()
    with pytest.raises(AnimationError, match=r'pip install "nnviz\[video\]"') as info:
        animation.write(tmp_path / "a.mp4", moving_square(2), 10)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "a.mp4").exists()
    animation.write(tmp_path / "a.gif", moving_square(2), 10)  # GIF still works
    assert (tmp_path / "a.gif").stat().st_size > 0


def test_mp4_holds_every_frame_at_the_rate_even_with_odd_sides():
    av = pytest.importorskip("av")
    frames = moving_square(5, w=65, h=41)
    data = animation.encode(frames, 4, ".mp4")
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.average_rate == 4
        pictures = [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
    assert len(pictures) == 5
    assert pictures[0].shape == (42, 66, 3)
    for got, want in zip(pictures, frames):  # lossy, but close to what was drawn
        assert np.abs(got[:41, :65].astype(int) - want).mean() < 6


def test_progress_counts_every_frame():
    seen = []
    animation.encode(moving_square(4), 10, ".gif", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_no_frames_is_an_error():
    with pytest.raises(AnimationError, match="no frames"):
        animation.encode(Frames(), 10, ".gif")


def test_a_cancelled_write_leaves_no_file_and_an_old_one_intact(tmp_path):
    out = tmp_path / "lesson.gif"
    calls = []

    def stop_at_third():
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        animation.write(out, moving_square(6), 10, should_stop=stop_at_third)
    assert list(tmp_path.iterdir()) == []

    out.write_bytes(b"the previous recording")
    calls.clear()
    with pytest.raises(Cancelled):
        animation.write(out, moving_square(6), 10, should_stop=stop_at_third)
    assert out.read_bytes() == b"the previous recording"
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.gif"]


def test_an_interrupted_write_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    out = tmp_path / "lesson.gif"
    out.write_bytes(b"the previous recording")

    def fail(*args):
        raise KeyboardInterrupt  # Ctrl+C between writing the data and the rename

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        animation.write(out, moving_square(3), 10)
    assert out.read_bytes() == b"the previous recording"
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.gif"]


def test_encoding_needs_no_qt():
    """The encoder is Qt-free: a fresh interpreter writes a GIF without loading Qt."""
    import json
    import subprocess

    script = ("import json, sys, numpy as np\n"
              "from nnviz.io import animation\n"
              "f = animation.Frames(); f.add(np.zeros((32, 32, 3), np.uint8)); f.add(np.ones((32, 32, 3), np.uint8))\n"
              "animation.encode(f, 10, '.gif')\n"
              "print(json.dumps(sorted(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    modules = json.loads(proc.stdout)
    assert "PIL.GifImagePlugin" in modules
    assert not [m for m in modules if m.startswith(("PySide6", "shiboken6", "pyqtgraph", "nnviz.gui"))]
