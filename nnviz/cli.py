"""The ``nnviz`` command.

    nnviz [--preset NAME | --open FILE]    the window
    nnviz train ...                        train headless and write a snapshot
    nnviz trace ...                        print one iteration as worked arithmetic
    nnviz render ...                       draw the network canvas to PNG/SVG, headless

Bad input gives exit status 2 and one line on stderr; nothing on disk is touched.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path
from typing import Sequence

from nnviz.core import optimizers, presets
from nnviz.core.explain import Formatter, trace
from nnviz.core.losses import LOSSES
from nnviz.core.trainer import BACKPROP_MODES, DEFAULT_ITERATIONS, Trainer, TrainingError, parse_batch
from nnviz.io.snapshot import SnapshotError

EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line instead of usage + message
        raise UsageError(f"{self.prog}: {message}")


# ------------------------------------------------------------ argument types
def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def finite_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def count(text: str, low: int = 0) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"expected a whole number >= {low}, got {text!r}")
    return value


def positive_count(text: str) -> int:
    return count(text, 1)


def batch_mode(text: str):
    try:
        return parse_batch(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected full, online or a number N >= 1, got {text!r}") from None


def seed_value(text: str) -> int:
    return count(text, 0)


# ------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nnviz", description="Watch a neural network learn by backpropagation.")
    parser.add_argument("--preset", choices=presets.names(), help="open the window on this preset")
    parser.add_argument("--open", metavar="FILE", help="open the window on this snapshot")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def source(p: argparse.ArgumentParser) -> None:
        group = p.add_mutually_exclusive_group()
        group.add_argument("--preset", choices=presets.names(),
                           help="start from a preset (default: mazur)")
        group.add_argument("--snapshot", metavar="FILE", help="start from a snapshot file")
        p.add_argument("--seed", type=seed_value, metavar="S",
                       help="seed of the preset's initial weights and of the batch shuffling "
                            "(with --snapshot: reseeds the shuffling only)")

    train = sub.add_parser("train", help="train headless and write a snapshot",
                           description="Run more iterations from a preset or a snapshot; flags "
                                       "override the file's settings.")
    source(train)
    train.add_argument("--lr", type=positive_float, metavar="X", help="learning rate")
    train.add_argument("--optimizer", choices=list(optimizers.OPTIMIZERS))
    train.add_argument("--batch", type=batch_mode, metavar="full|online|N")
    train.add_argument("--shuffle", action="store_true", help="shuffle the samples every epoch")
    train.add_argument("--loss", choices=list(LOSSES))
    train.add_argument("--backprop", choices=BACKPROP_MODES)
    train.add_argument("--iterations", type=lambda t: count(t, 0), default=DEFAULT_ITERATIONS, metavar="N",
                       help=f"iterations to run (default {DEFAULT_ITERATIONS})")
    train.add_argument("--until-loss", type=finite_float, metavar="X",
                       help="stop after the iteration whose loss falls below X")
    train.add_argument("--freeze-biases", action="store_true", help="keep every bias fixed")
    train.add_argument("--digits", type=lambda t: _digits(t), default=9, metavar="D",
                       help="decimal places of the printed numbers (default 9)")
    train.add_argument("--out", metavar="FILE.json", help="write the snapshot here")

    tr = sub.add_parser("trace", help="print each micro-step as worked arithmetic",
                        description="Run iterations micro-step by micro-step and print the "
                                    "arithmetic of each with the real numbers.")
    source(tr)
    tr.add_argument("--iterations", type=positive_count, default=1, metavar="N")
    tr.add_argument("--digits", type=lambda t: _digits(t), default=9, metavar="D",
                    help="decimal places (default 9)")

    render = sub.add_parser("render", help="draw the network canvas to a PNG or SVG file (headless)",
                            description="Draw the network canvas without opening a window.")
    source(render)
    render.add_argument("--out", required=True, metavar="FILE.png|FILE.svg")
    render.add_argument("--size", type=window_size, default=(1200, 800), metavar="WxH",
                        help="image size in pixels (default 1200x800)")
    render.add_argument("--show", choices=("weights", "gradients", "updates"), default="weights",
                        help="what the edge colours show (default weights)")
    return parser


def _digits(text: str) -> int:
    value = count(text, 1)
    if value > 17:
        raise argparse.ArgumentTypeError(f"expected 1..17, got {text!r}")
    return value


# ---------------------------------------------------------------- commands
def load_source(args: argparse.Namespace) -> Trainer:
    from nnviz.io import snapshot

    if getattr(args, "snapshot", None):
        trainer = snapshot.load(args.snapshot)
        if args.seed is not None:
            trainer.reseed(args.seed)
        return trainer
    return presets.load(args.preset or "mazur", seed=args.seed)


def check_writable(path: str, prog: str = "nnviz train") -> Path:
    out = Path(path)
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise UsageError(f"{prog}: --out: {out} is a folder")
    if not folder.is_dir():
        raise UsageError(f"{prog}: --out: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise UsageError(f"{prog}: --out: cannot write to {out} (permission denied)")
    return out


def cmd_train(args: argparse.Namespace) -> int:
    from nnviz.io import snapshot

    out = check_writable(args.out) if args.out else None
    trainer = load_source(args)
    changes = {}
    if args.lr is not None:
        changes["learning_rate"] = args.lr
    if args.optimizer is not None:
        changes["optimizer"] = args.optimizer
    for flag in ("batch", "loss", "backprop"):
        if getattr(args, flag) is not None:
            changes[flag] = getattr(args, flag)
    if args.shuffle:
        changes["shuffle"] = True
    try:
        trainer.configure(**changes)
    except ValueError as exc:
        raise UsageError(f"nnviz train: {exc}") from None
    if args.freeze_biases:
        trainer.freeze_biases()
    if trainer.status == "diverged":
        raise UsageError(f"nnviz train: the snapshot's run has diverged ({trainer.status_message}); "
                         "change the learning rate or another setting to carry on")

    bar = _ProgressBar(args.iterations) if sys.stderr.isatty() and args.iterations >= 2000 else None
    start_iteration = trainer.iteration
    result = trainer.run(args.iterations, args.until_loss, progress=bar.update if bar else None)
    if bar:
        bar.close()
    print_summary(trainer, result, start_iteration, args)
    if out is not None:
        snapshot.save(trainer, out)
        print(f"snapshot written to {out}")
    return 0


def print_summary(trainer: Trainer, result, start_iteration: int, args: argparse.Namespace) -> None:
    f = Formatter(args.digits)
    net = trainer.network
    s = trainer.settings
    mode = "chain rule" if s.backprop == "chain" else "proportional error split"
    batch = {"full": "full batch", "online": "online"}.get(s.batch, f"mini-batches of {s.batch}")
    print(f"trained {result.iterations} iteration{'s' * (result.iterations != 1)} "
          f"(iterations {start_iteration + 1}..{trainer.iteration}): {s.optimizer.name}, "
          f"learning rate {f.num(s.learning_rate)}, {batch}, {s.loss}, {mode}")
    reasons = {
        "iterations": f"ran the {args.iterations} iteration{'s' * (args.iterations != 1)} asked for",
        "until_loss": f"the loss fell below {f.num(args.until_loss) if args.until_loss is not None else ''}",
        "diverged": f"diverged: {result.message}",
        "stopped": "stopped",
    }
    print(f"stopped because: {reasons[result.reason]}")
    if trainer.loss_history:
        ran = trainer.iteration - start_iteration
        if 1 < ran <= len(trainer.loss_history):
            first = trainer.loss_history[-ran]
            print(f"loss of iteration {start_iteration + 1} (forward pass): {f.num(first)}")
        print(f"loss of iteration {trainer.iteration} (forward pass): {f.num(trainer.loss_history[-1])}")
    print(f"final loss (current parameters, all {trainer.n_samples} samples): {f.num(trainer.evaluate_loss())}")
    if trainer.accuracy_history:
        print(f"accuracy of the last iteration: {trainer.accuracy_history[-1]:.1%}")
    v = trainer.values
    if v.activations[-1] is not None and v.activations[-1].size <= 16:
        from nnviz.core.explain import Names

        names = Names(net)
        L = net.n_layers
        rows = v.activations[-1]
        for s_i, row in enumerate(rows):
            label = f"sample {s_i + 1}: " if len(rows) > 1 else ""
            outs = ", ".join(f"{names.out(L, j)} = {f.num(x)}" for j, x in enumerate(row))
            print(f"outputs of the last forward pass: {label}{outs}")
    params = net.params()
    if len(params) <= 64:
        print("parameters now:")
        for p in params:
            frozen = "  (frozen)" if p.name in s.frozen else ""
            shown = net.display_name(p)
            label = f"{shown} ({p.name})" if shown != p.name else p.name
            print(f"  {label} = {f.num(net.get(p))}{frozen}")
    else:
        print(f"{len(params)} parameters (see the snapshot)")


class _ProgressBar:
    def __init__(self, total: int) -> None:
        self.total = total
        self.start = time.perf_counter()

    def update(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                         f"({rate:,.0f} it/s)")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def cmd_trace(args: argparse.Namespace) -> int:
    trainer = load_source(args)
    if trainer.status == "diverged":
        raise UsageError(f"nnviz trace: the snapshot's run has diverged ({trainer.status_message})")
    for line in trace(trainer, args.iterations, args.digits):
        print(line)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from nnviz.io import snapshot

    if args.open and args.preset:
        raise UsageError("nnviz: give either --open or --preset, not both")
    trainer = snapshot.load(args.open) if args.open else None  # a bad file: one line, exit 2
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise UsageError("nnviz: no display to open the window on (DISPLAY is not set); run it on a "
                         "desktop or under Xvfb (xvfb-run nnviz), or use nnviz train, trace or render")
    from nnviz.gui.app import run as run_gui

    return run_gui(preset=args.preset, trainer=trainer, path=args.open)


def window_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1200x800, got {text!r}") from None
    if not (16 <= w <= 20000 and 16 <= h <= 20000):
        raise argparse.ArgumentTypeError(f"expected a size from 16x16 to 20000x20000, got {text!r}")
    return w, h


def cmd_render(args: argparse.Namespace) -> int:
    out = check_writable(args.out, "nnviz render")
    if out.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"nnviz render: --out: expected a .png or .svg file name, got {out.name!r}")
    trainer = load_source(args)
    from nnviz.gui.render import render_to_file

    render_to_file(trainer, str(out), args.size, args.show)
    print(f"{args.show} of {'-'.join(map(str, trainer.network.sizes))} network drawn to {out} "
          f"({args.size[0]} x {args.size[1]})")
    return 0


COMMANDS = {"train": cmd_train, "trace": cmd_trace, "render": cmd_render}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return cmd_gui(args)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except SnapshotError as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (TrainingError, ValueError) as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("nnviz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `nnviz trace | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
