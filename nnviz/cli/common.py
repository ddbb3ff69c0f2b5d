"""What the commands share: one-line usage errors, argument types, the source of a run
(a preset or a snapshot), the output-path check, the size limits and the progress bar."""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from pathlib import Path

from nnviz.core import presets, recipes
from nnviz.core.trainer import Trainer, parse_batch
from nnviz.io import files
from nnviz.io.files import quote

EXIT_USAGE = 2

MAX_IMAGE_SIDE = 10_000  # pixels, as in the window's image export (a 10000 x 10000 picture takes 400 MB)


class UsageError(Exception):
    """Bad input: reported as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # -1e-3 is a number, not an option (argparse only knows -1 and -.5)
        self._negative_number_matcher = re.compile(r"^-(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")

    def error(self, message: str):  # one line instead of usage + message; long values cut
        long = files.QUOTE_LIMIT + len("...") + 1  # longer than what quote() leaves
        message = re.sub(r"'([^']{%d,})'" % long, lambda m: quote(m.group(1)), message)
        raise UsageError(f"{self.prog}: {message}")


# ------------------------------------------------------------ argument types
def _number(text: str, ok, expected: str, not_a_number: str | None = None) -> float:
    """``text`` as a float for which ``ok`` holds, else the one-line error 'expected
    ...' (``not_a_number`` when it is no number at all)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {not_a_number or expected}, got {quote(text)}") from None
    if not ok(value):
        raise argparse.ArgumentTypeError(f"expected {expected}, got {quote(text)}")
    return value


def positive_float(text: str) -> float:
    return _number(text, lambda v: math.isfinite(v) and v > 0, "a positive number")


def finite_float(text: str) -> float:
    return _number(text, math.isfinite, "a finite number", "a number")


def count(text: str, low: int = 0, high: int | None = None) -> int:
    """A whole number ``low..high``; the limit is named when it is passed."""
    text = text.strip()
    if not re.fullmatch(r"[+-]?\d{1,30}", text):  # int() of 5 million digits is slow and refused
        raise argparse.ArgumentTypeError(f"expected a whole number, got {quote(text)}")
    value = int(text)
    if value < low:
        raise argparse.ArgumentTypeError(f"expected a whole number >= {low}, got {quote(text)}")
    if high is not None and value > high:
        raise argparse.ArgumentTypeError(f"at most {high:,} (the limit), got {value:,}")
    return value


def positive_count(text: str) -> int:
    return count(text, 1)


def counter(low: int, high: int):
    """An argument type: a whole number ``low..high``."""
    def parse(text: str) -> int:
        return count(text, low, high)
    return parse


def batch_mode(text: str):
    try:
        return parse_batch(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected full, online or a number N >= 1, got {quote(text)}") from None


def seed_value(text: str) -> int:
    return count(text, 0)



def digits(text: str) -> int:
    value = count(text, 1)
    if value > 17:
        raise argparse.ArgumentTypeError(f"expected 1..17, got {quote(text)}")
    return value


def window_size(text: str, low: int = 16, high: int = MAX_IMAGE_SIDE) -> tuple[int, int]:
    """WIDTHxHEIGHT in pixels, each side from ``low`` to ``high``."""
    m = re.fullmatch(r"\s*(\d{1,6})\s*[xX]\s*(\d{1,6})\s*", text)
    if m is None:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1200x800, got {quote(text)}")
    w, h = int(m.group(1)), int(m.group(2))
    if not (low <= w <= high and low <= h <= high):
        raise argparse.ArgumentTypeError(f"expected a size from {low}x{low} to {high}x{high} (the limit), "
                                         f"got {quote(text)}")
    return w, h


def layer_sizes(text: str) -> list[int]:
    """Layer sizes such as 2,4,1 within ``recipes.check_size``'s limits, checked before
    anything is allocated."""
    parts = [p.strip() for p in text.split(",")]
    if not all(re.fullmatch(r"\d{1,30}", p) for p in parts):
        raise argparse.ArgumentTypeError(f"expected layer sizes such as 2,4,1, got {quote(text)}")
    sizes = [int(p) for p in parts]
    if len(sizes) < 2 or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"expected at least two sizes >= 1 such as 2,4,1, got {quote(text)}")
    try:
        recipes.check_size(sizes)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return sizes


def activation_names(text: str) -> list[str]:
    from nnviz.core.activations import ACTIVATIONS

    names = [p.strip() for p in text.split(",")]
    for name in names:
        if name not in ACTIVATIONS:
            raise argparse.ArgumentTypeError(f"unknown activation {quote(name)}; expected one of "
                                              f"{', '.join(ACTIVATIONS)}")
    return names


def check_ratio(text: str) -> float:
    return _number(text, lambda v: 0.0 < v < 1.0, "a number between 0 and 1 (exclusive)", "a number between 0 and 1")


def delimiter(text: str) -> str:
    """--delimiter: auto, a delimiter of ``nnviz.io.delimited`` or its word (comma,
    semicolon, tab, space: runs of spaces and tabs)."""
    from nnviz.io import delimited

    known = {delimited.AUTO: delimited.AUTO, "space": " "}
    for d, word in delimited.DELIMITERS.items():
        known[d] = known[word] = d
    try:
        return known[text.strip(" ") or text]
    except KeyError:
        raise argparse.ArgumentTypeError(f"expected auto, ',', ';', tab or space, got {quote(text)}") from None


def grid_size(text: str) -> int:
    value = count(text, 2)
    if value > 2001:
        raise argparse.ArgumentTypeError(f"expected 2..2001, got {quote(text)}")
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


def add_weights(p: argparse.ArgumentParser, activation: bool = True) -> None:
    """--weights FILE (and --activation, unless the command has it already)."""
    p.add_argument("--weights", metavar="FILE",
                   help="replace the network by the weights in FILE: .npz (W1, b1, W2, b2, ...) or "
                        "a PyTorch state dict of an nn.Sequential of nn.Linear layers (.pt, .pth)")
    if activation:
        add_activation(p)


def add_activation(p) -> None:
    p.add_argument("--activation", type=activation_names, metavar="NAME[,OUTPUT]",
                   help="with --data or --weights: the hidden activation (--data: default tanh), "
                        "optionally a comma and the output activation (default softmax for one-hot "
                        "targets, sigmoid for other 0/1 targets, linear otherwise), or one per "
                        "weight layer")


def resolve_activations(given: list[str], n_layers: int, dataset) -> list[str]:
    """--activation NAME[,OUTPUT] (or one name per weight layer) for a network of
    ``n_layers``; the output's default is ``recipes.default_output`` of ``dataset``.
    Raises ValueError."""
    if len(given) == 1:
        acts = [given[0]] * n_layers if n_layers == 1 else [given[0]] * (n_layers - 1) + [None]
    elif len(given) == 2:
        acts = [given[0]] * (n_layers - 1) + [given[1]]
    elif len(given) == n_layers:
        acts = list(given)
    else:
        raise ValueError(f"expected 1, 2 or {n_layers} names for a network of {n_layers} weight "
                         f"layers, got {len(given)}")
    if acts[-1] is None:
        acts[-1] = recipes.default_output(dataset)[0]
    recipes.check_activations(acts, dataset.n_outputs)
    return acts


def load_source(args: argparse.Namespace) -> Trainer:
    """The run a command starts from: a snapshot or a preset, with --weights applied."""
    from nnviz.io import snapshot

    if getattr(args, "snapshot", None) is not None:
        try:
            trainer = snapshot.load(args.snapshot)
        except snapshot.SnapshotError as exc:
            raise UsageError(f"nnviz {args.command}: --snapshot: {exc}") from None
        if args.seed is not None:
            trainer.reseed(args.seed)
    else:
        trainer = presets.load(args.preset or "mazur", seed=args.seed)
    return apply_weights(trainer, args)


def read_weights(args: argparse.Namespace):
    from nnviz.io import weights

    try:
        imported = weights.read(args.weights)
    except ValueError as exc:
        raise UsageError(f"nnviz {args.command}: --weights: {exc}") from None
    try:
        recipes.check_size(imported.sizes)
    except ValueError as exc:
        raise UsageError(f"nnviz {args.command}: --weights: {imported.source}: {exc}") from None
    return imported


def weights_activations(imported, args: argparse.Namespace, dataset) -> list[str]:
    """The activations of an imported network: --activation, else what the file says."""
    prog = f"nnviz {args.command}"
    if getattr(args, "activation", None):
        try:
            return resolve_activations(args.activation, imported.n_layers, dataset)
        except ValueError as exc:
            raise UsageError(f"{prog}: --activation: {exc}") from None
    if imported.activations is None:
        raise UsageError(f"{prog}: --weights: {imported.source} does not say the activations; "
                         "give them with --activation NAME[,OUTPUT]")
    return imported.activations


def apply_weights(trainer: Trainer, args: argparse.Namespace) -> Trainer:
    """With --weights: a Trainer for the file's network on ``trainer``'s data, with its
    settings; else ``trainer`` itself."""
    if not getattr(args, "weights", None):
        return trainer
    from nnviz.io import weights

    imported = read_weights(args)
    try:
        recipes.check_size(imported.sizes, trainer.n_samples)
    except ValueError as exc:
        raise UsageError(f"nnviz {args.command}: {exc}") from None
    acts = weights_activations(imported, args, trainer.dataset)
    try:
        return weights.build_trainer(imported, acts, trainer.dataset, like=trainer)
    except ValueError as exc:
        hint = "; --data FILE trains it on a table that fits" if isinstance(exc, weights.DataMismatch) else ""
        raise UsageError(f"nnviz {args.command}: --weights: {exc}{hint}") from None


def check_writable(path: str, prog: str = "nnviz train", suffixes: tuple[str, ...] = ()) -> Path:
    """``--out PATH``: refused now, before any work, when the write would fail (see
    ``nnviz.io.files.check_writable``) or, given ``suffixes``, when its name ends in
    none of them."""
    try:
        files.check_writable(path)
    except files.FileError as exc:
        raise UsageError(f"{prog}: --out: {exc}") from None
    out = Path(path)
    if suffixes and out.suffix.lower() not in suffixes:
        raise UsageError(f"{prog}: --out: expected a {' or '.join(suffixes)} file name, got {out.name!r}")
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
