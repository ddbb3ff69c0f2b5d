"""``nnviz record``: step a run and write what the canvas or the loss surface shows as an
animated GIF or an MP4 video, headless."""

from __future__ import annotations

import argparse
import sys

from nnviz.cli.common import (ProgressBar, UsageError, add_source, add_weights, check_writable, counter,
                              positive_float, window_size)
from nnviz.cli.train import MAX_ITERATIONS, add_data_arguments, add_training_arguments, configured_trainer
from nnviz.io import animation
from nnviz.io.files import quote

PROG = "nnviz record"


def frame_size(text: str) -> tuple[int, int]:
    return window_size(text, animation.MIN_SIDE, animation.MAX_SIDE)


def frame_rate(text: str) -> float:
    fps = positive_float(text)
    if not animation.MIN_FPS <= fps <= animation.MAX_FPS:
        raise argparse.ArgumentTypeError(f"expected {animation.MIN_FPS:g} to {animation.MAX_FPS:g} frames a second, "
                                         f"got {quote(text)}")
    return fps


def add_parser(sub) -> None:
    rec = sub.add_parser("record", help="record stepping or training as an animated GIF or MP4 (headless)",
                         description="Take the steps of a run and write what the network canvas or the "
                                     "loss surface shows, one frame per step, as an animation.")
    add_source(rec)
    add_weights(rec, activation=False)  # --activation is among the data flags
    rec.add_argument("--out", required=True, metavar="FILE.gif|FILE.mp4",
                     help='the animation; .mp4 needs the video extra (pip install "nnviz[video]")')
    rec.add_argument("--show", choices=("canvas", "surface"), default="canvas",
                     help="what to record: the network canvas (default) or the loss surface")
    rec.add_argument("--unit", choices=("micro", "phase", "iteration"), default="micro",
                     help="what one step between frames is (default micro)")
    rec.add_argument("--every", type=counter(1, animation.MAX_EVERY), default=1, metavar="K",
                     help=f"a frame after every K units (default 1, at most {animation.MAX_EVERY:,})")
    rec.add_argument("--frames", type=counter(1, animation.MAX_FRAMES), metavar="N",
                     help="frames after the first, which shows the start (default: one iteration's "
                          f"micro-steps or phases, or 10 iterations; at most {animation.MAX_FRAMES:,})")
    rec.add_argument("--fps", type=frame_rate, default=2.0, metavar="F",
                     help=f"frames a second, {animation.MIN_FPS:g} to {animation.MAX_FPS:g} (default 2)")
    rec.add_argument("--size", type=frame_size, default=(800, 500), metavar="WxH",
                     help="frame size in pixels (default 800x500)")
    rec.add_argument("--caption", action="store_true",
                     help='a caption line under each frame: the phase, e.g. "Backward · layer 2 of 2"')
    add_training_arguments(rec)
    add_data_arguments(rec)
    rec.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = check_writable(args.out, PROG)
    try:
        animation.check_output(out)
    except animation.AnimationError as exc:
        raise UsageError(f"{PROG}: --out: {exc}") from None
    if (args.frames or 0) * args.every > MAX_ITERATIONS:
        raise UsageError(f"{PROG}: {args.frames:,} frames x every {args.every:,} units is over the limit of "
                         f"{MAX_ITERATIONS:,} units; use fewer frames or a smaller --every")
    trainer = configured_trainer(args, PROG)
    from nnviz.gui.recording import RecordOptions, default_frames, keep_colours, record

    options = RecordOptions(show=args.show, unit=args.unit, every=args.every, frames=args.frames,
                            fps=args.fps, size=args.size, caption=args.caption)
    count = options.frames or default_frames(trainer, options.unit)
    terminal = sys.stderr.isatty() and count >= 30
    bar = ProgressBar(count, "frames") if terminal else None
    frames = record(trainer, options, progress=bar.update if bar else None)
    if bar:
        bar.close()
        bar = ProgressBar(len(frames), "frames")
    animation.write(out, frames, options.fps, keep_colours(), progress=bar.update if bar else None)
    if bar:
        bar.close()
    w, h = options.size
    played = options.fps
    if out.suffix.lower() == ".gif":
        played = 100.0 / animation.gif_delay_cs(options.fps)
    rate = f"{options.fps:g} fps" if played == options.fps else \
        f"{played:g} fps (GIF delays are whole centiseconds; asked {options.fps:g})"
    print(f"{len(frames)} frames of the {args.show} ({w} x {h}, {rate}, {len(frames) / played:.3g} s) "
          f"written to {out}")
    if trainer.status == "diverged":
        print(f"stopped early: {trainer.status_message}")
    return 0
