"""``nnviz record``: the worked example's iteration as a GIF, frame delays, the training
flags shared with ``train``, and bad input (exit status 2, one line, nothing written)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image, ImageSequence



def gif_frames(path) -> tuple[list[np.ndarray], list[int]]:
    with Image.open(path) as im:
        frames = [(np.asarray(f.convert("RGB")).astype(int), f.info["duration"]) for f in ImageSequence.Iterator(im)]
    return [f for f, _ in frames], [d for _, d in frames]


def changed_columns(a: np.ndarray, b: np.ndarray) -> set[int]:
    """Which thirds of the picture (0: inputs, 1: hidden, 2: outputs) changed between two
    frames, leaving out the title lines at the top and the legend at the bottom."""
    h, w = a.shape[:2]
    rows = slice(int(0.15 * h), int(0.8 * h))
    diff = (a[rows] != b[rows]).any(axis=2)
    return {k for k in range(3) if diff[:, k * w // 3:(k + 1) * w // 3].any()}


def test_the_worked_examples_iteration_is_eight_frames_one_per_micro_step(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("record", "--preset", "mazur", "--unit", "micro", "--frames", "7",
                       "--out", "it.gif")
    assert (rc, err) == (0, "")
    assert "8 frames" in out and "it.gif" in out
    frames, delays = gif_frames(workdir / "it.gif")
    assert len(frames) == 8  # the start, then forward 1, forward 2, loss, backward 2, 1, update 2, 1
    assert delays == [500] * 8  # the default 2 frames a second
    assert all(f.shape == (500, 800, 3) for f in frames)
    for a, b in zip(frames, frames[1:]):
        assert (a != b).any()
    # each forward step draws the column it computes: the hidden layer, then the outputs
    assert 1 in changed_columns(frames[0], frames[1])
    assert 2 in changed_columns(frames[1], frames[2])
    # the updates change the weights drawn between the columns they join
    assert {1, 2} & changed_columns(frames[5], frames[6])
    assert {0, 1} & changed_columns(frames[6], frames[7])


def test_the_frame_delay_is_one_over_fps(workdir, nnviz_cli):
    rc, out, _ = nnviz_cli("record", "--frames", "2", "--fps", "10", "--out", "a.gif")
    assert rc == 0
    assert gif_frames(workdir / "a.gif")[1] == [100, 100, 100]
    rc, out, _ = nnviz_cli("record", "--frames", "2", "--fps", "12", "--out", "b.gif")
    assert gif_frames(workdir / "b.gif")[1] == [80, 80, 80]  # 1/12 s rounded to 8 cs
    assert "12.5 fps" in out and "centiseconds" in out


def test_units_and_every_decide_what_a_frame_is(workdir, nnviz_cli):
    rc, out, _ = nnviz_cli("record", "--unit", "iteration", "--every", "5", "--frames", "3",
                     "--caption", "--size", "400x300", "--out", "run.gif")
    assert rc == 0 and "4 frames" in out
    frames, _ = gif_frames(workdir / "run.gif")
    assert len(frames) == 4 and frames[0].shape == (300, 400, 3)
    rc, out, _ = nnviz_cli("record", "--unit", "phase", "--out", "phases.gif")
    assert "5 frames" in out  # default: one iteration's four phases after the start


def test_the_loss_surface_can_be_recorded(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("record", "--show", "surface", "--unit", "iteration", "--frames", "2",
                       "--size", "640x480", "--out", "surface.gif")
    assert (rc, err) == (0, "")
    frames, _ = gif_frames(workdir / "surface.gif")
    assert len(frames) == 3 and frames[0].shape == (480, 640, 3)
    assert (frames[0] != frames[2]).any()  # the path grew


def test_mp4_is_written_with_the_video_extra(workdir, nnviz_cli):
    av = pytest.importorskip("av")
    rc, out, err = nnviz_cli("record", "--frames", "3", "--fps", "5", "--out", "it.mp4")
    assert (rc, err) == (0, "")
    with av.open(str(workdir / "it.mp4")) as container:
        assert len(list(container.decode(video=0))) == 4


def test_the_training_flags_are_those_of_train(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("record", "--targets", "2", "--out", "a.gif")
    assert rc == 2 and err.strip() == "nnviz record: --targets needs --data FILE"
    # a larger rate moves the weights further in one iteration: the last frames differ
    nnviz_cli("record", "--unit", "iteration", "--frames", "1", "--out", "slow.gif")
    nnviz_cli("record", "--unit", "iteration", "--frames", "1", "--lr", "50", "--out", "fast.gif")
    slow, _ = gif_frames(workdir / "slow.gif")
    fast, _ = gif_frames(workdir / "fast.gif")
    def visibly_different(a, b):  # more than the palettes' rounding: a share of clearly other pixels
        return (np.abs(a - b).sum(axis=2) > 30).mean() > 0.01

    assert not visibly_different(slow[0], fast[0])
    assert visibly_different(slow[1], fast[1])


@pytest.mark.parametrize("argv, says", [
    (["--size", "10x10", "--out", "a.gif"], "--size: expected a size from 32x32"),
    (["--size", "wide", "--out", "a.gif"], "--size: expected WIDTHxHEIGHT"),
    (["--fps", "60", "--out", "a.gif"], "--fps: expected 0.1 to 50 frames a second"),
    (["--fps", "1e-320", "--out", "a.gif"], "--fps: expected 0.1 to 50 frames a second"),
    (["--frames", "0", "--out", "a.gif"], "--frames: expected a whole number >= 1"),
    (["--out", "a.png"], "must end in .gif or .mp4"),
    (["--out", "a"], "must end in .gif or .mp4"),
    (["--out", "missing/a.gif"], "the folder missing does not exist"),
])
def test_bad_input_is_one_line_and_exit_2(workdir, nnviz_cli, argv, says):
    rc, out, err = nnviz_cli("record", *argv)
    assert rc == 2 and out == ""
    assert says in err and err.count("\n") == 1 and err.startswith("nnviz record: ")
    assert list(workdir.iterdir()) == []


def test_mp4_without_the_video_extra_names_it(workdir, nnviz_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "av", None)  # as if PyAV were not installed
    rc, out, err = nnviz_cli("record", "--out", "it.mp4")
    assert rc == 2 and out == ""
    assert err == 'nnviz record: --out: MP4 needs the optional video encoder: pip install "nnviz[video]"\n'
    assert list(workdir.iterdir()) == []
    rc, _, _ = nnviz_cli("record", "--frames", "1", "--out", "it.gif")
    assert rc == 0 and (workdir / "it.gif").exists()


def test_an_existing_file_is_replaced_whole(workdir, nnviz_cli):
    (workdir / "it.gif").write_bytes(b"old")
    rc, _, _ = nnviz_cli("record", "--frames", "1", "--out", "it.gif")
    assert rc == 0
    with Image.open(workdir / "it.gif") as im:
        assert im.n_frames == 2
    assert [p.name for p in workdir.iterdir()] == ["it.gif"]  # no temporary file left


def test_records_without_a_display(tmp_path):
    """A fresh process with no display and no Qt platform chosen: offscreen is used."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "nnviz", "record", "--frames", "2", "--out", "it.gif"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    with Image.open(tmp_path / "it.gif") as im:
        assert im.n_frames == 3
