"""What the commands share: one-line usage errors, argument types, the source of a run
(a preset or a snapshot), the output-path check and the progress bar."""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

from nnviz.core import presets
from nnviz.core.trainer import Trainer, parse_batch

EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input: reported as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
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



def digits(text: str) -> int:
    value = count(text, 1)
    if value > 17:
        raise argparse.ArgumentTypeError(f"expected 1..17, got {text!r}")
    return value


def window_size(text: str, low: int = 16, high: int = 20000) -> tuple[int, int]:
    """WIDTHxHEIGHT in pixels, each side from ``low`` to ``high``."""
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1200x800, got {text!r}") from None
    if not (low <= w <= high and low <= h <= high):
        raise argparse.ArgumentTypeError(f"expected a size from {low}x{low} to {high}x{high}, got {text!r}")
    return w, h


def layer_sizes(text: str) -> list[int]:
    parts = [p.strip() for p in text.split(",")]
    try:
        sizes = [int(p) for p in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected layer sizes such as 2,4,1, got {text!r}") from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"expected at least two sizes >= 1 such as 2,4,1, got {text!r}")
    return sizes


def activation_names(text: str) -> list[str]:
    from nnviz.core.activations import ACTIVATIONS

    names = [p.strip() for p in text.split(",")]
    for name in names:
        if name not in ACTIVATIONS:
            raise argparse.ArgumentTypeError(f"unknown activation {name!r}; expected one of "
                                              f"{', '.join(ACTIVATIONS)}")
    return names


def check_ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text!r}") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1 (exclusive), got {text!r}")
    return value


def grid_size(text: str) -> int:
    value = count(text, 2)
    if value > 2001:
        raise argparse.ArgumentTypeError(f"expected 2..2001, got {text!r}")
    return value


# ---------------------------------------------------------- source and output
def add_source(p: argparse.ArgumentParser) -> None:
    """--preset NAME | --snapshot FILE, and --seed."""
    group = p.add_mutually_exclusive_group()
    group.add_argument("--preset", choices=presets.names(),
                       help="start from a preset (default: mazur)")
    group.add_argument("--snapshot", metavar="FILE", help="start from a snapshot file")
    p.add_argument("--seed", type=seed_value, metavar="S",
                   help="seed of the preset's initial weights and of the batch shuffling "
                        "(with --snapshot: reseeds the shuffling only)")


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
    try:
        if out.is_symlink():
            out = out.resolve()
        folder = out.parent if str(out.parent) else Path(".")
        if out.is_dir():
            raise UsageError(f"{prog}: --out: {out} is a folder")
        if out.exists() and not out.is_file():
            raise UsageError(f"{prog}: --out: {out} is not a regular file")
        if not folder.is_dir():
            raise UsageError(f"{prog}: --out: the folder {folder} does not exist")
        if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
            raise UsageError(f"{prog}: --out: cannot write to {out} (permission denied)")
    except OSError as exc:
        raise UsageError(f"{prog}: --out: cannot use {path!r}: {exc.strerror or exc}") from None
    return out


class ProgressBar:
    def __init__(self, total: int, unit: str = "it") -> None:
        self.total = total
        self.unit = unit
        self.start = time.perf_counter()

    def update(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                         f"({rate:,.0f} {self.unit}/s)")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
