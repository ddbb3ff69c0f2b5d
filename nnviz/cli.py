"""The ``nnviz`` command.

    nnviz [--preset NAME | --open FILE]    the window
    nnviz train ...                        train headless and write a snapshot
    nnviz trace ...                        print one iteration as worked arithmetic
    nnviz render ...                       draw the network canvas to PNG/SVG, headless
    nnviz surface ...                      the loss over a grid of two parameters
    nnviz sweep ...                        final losses for a range of learning rates

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
from nnviz.core.network import INIT_SCHEMES
from nnviz.core.trainer import BACKPROP_MODES, DEFAULT_ITERATIONS, Trainer, TrainingError, parse_batch
from nnviz.io.snapshot import SnapshotError, write_atomic

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
    data = train.add_argument_group("training on a data file (instead of --preset or --snapshot)")
    data.add_argument("--data", metavar="FILE",
                      help="a CSV or whitespace-separated file, one sample a row (header optional, "
                           "# comments allowed); the last --targets columns are the targets")
    data.add_argument("--targets", type=positive_count, metavar="K",
                      help="the number of target columns, the last ones (default 1)")
    data.add_argument("--normalize", action="store_true",
                      help="scale inputs to [-1, 1] and targets to the output activation's range "
                           "(min-max; the transform goes into the snapshot)")
    data.add_argument("--layers", type=layer_sizes, metavar="2,4,1",
                      help="layer sizes, inputs first, targets last (default: inputs,4,targets)")
    data.add_argument("--activation", type=activation_names, metavar="NAME[,OUTPUT]",
                      help="hidden activation (default tanh), optionally a comma and the output "
                           "activation (default sigmoid for 0/1 targets, linear otherwise), or one "
                           "per weight layer")
    data.add_argument("--init", choices=INIT_SCHEMES, help="initialisation of the weights (default uniform)")
    data.add_argument("--check-ratio", type=check_ratio, metavar="R",
                      help="hold out this share of the samples (0 < R < 1, drawn with --seed) as a "
                           "check set and report the loss on it")

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

    surf = sub.add_parser("surface", help="the loss over a grid of two parameters (.npz, .csv or .png)",
                          description="The training loss over a grid of two parameters, every other "
                                      "parameter at its current value.")
    source(surf)
    surf.add_argument("--params", nargs=2, required=True, metavar=("P1", "P2"),
                      help="the two axis parameters, e.g. W2[0,0] W2[0,1] or b1[0] (or display names such as w5)")
    surf.add_argument("--grid", type=_grid_size, default=101, metavar="N",
                      help="grid points per axis (default 101)")
    surf.add_argument("--range", type=finite_float, nargs=4, metavar=("A0", "A1", "B0", "B1"),
                      help="P1 from A0 to A1 and P2 from B0 to B1 (default: the trajectory and the "
                           "current point with a margin)")
    surf.add_argument("--out", required=True, metavar="FILE.npz|FILE.csv|FILE.png")

    sw = sub.add_parser("sweep", help="final loss after N iterations for a range of learning rates (CSV)",
                        description="From the same start, N iterations at each of COUNT learning rates "
                                    "log-spaced from MIN to MAX, each on a copy.")
    source(sw)
    sw.add_argument("--lr-range", nargs=3, default=None, metavar=("MIN", "MAX", "COUNT"),
                    help="learning rates MIN..MAX, COUNT of them log-spaced (default 0.001 10 25)")
    sw.add_argument("--iterations", type=positive_count, default=200, metavar="N",
                    help="iterations per learning rate (default 200)")
    sw.add_argument("--out", required=True, metavar="FILE.csv")
    return parser


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


_DATA_FLAGS = (("targets", "--targets"), ("normalize", "--normalize"), ("layers", "--layers"),
               ("activation", "--activation"), ("init", "--init"), ("check_ratio", "--check-ratio"))


def load_data_source(args: argparse.Namespace) -> Trainer:
    """``nnviz train --data FILE ...``: a new network for the file's columns."""
    from nnviz.core import datasets, normalize, trainer as trainer_mod
    from nnviz.io.tables import read_table

    prog = "nnviz train"
    if args.preset or args.snapshot:
        raise UsageError(f"{prog}: give either --data or --{'preset' if args.preset else 'snapshot'}, not both")
    k = args.targets or 1
    try:
        raw = read_table(args.data, targets=k, sizes=args.layers)
    except ValueError as exc:
        raise UsageError(f"{prog}: --data: {exc}") from None
    sizes = args.layers or [raw.n_inputs, 4, raw.n_outputs]
    n_layers = len(sizes) - 1
    given = args.activation or ["tanh"]
    if len(given) == 1:
        acts = [given[0]] * n_layers if n_layers == 1 else [given[0]] * (n_layers - 1) + [None]
    elif len(given) == 2:
        acts = [given[0]] * (n_layers - 1) + [given[1]]
    elif len(given) == n_layers:
        acts = list(given)
    else:
        raise UsageError(f"{prog}: --activation: expected 1, 2 or {n_layers} names for the "
                         f"{'-'.join(map(str, sizes))} network, got {len(given)}")
    if acts[-1] is None:
        acts[-1] = "sigmoid" if raw.is_classification else "linear"
    if "softmax" in acts[:-1]:
        raise UsageError(f"{prog}: --activation: softmax is only allowed on the output layer")
    data = normalize.normalize(raw, acts[-1]) if args.normalize else raw
    seed = args.seed if args.seed is not None else 0
    if args.check_ratio is not None:
        try:
            data, _ = datasets.split(data, args.check_ratio, seed)
        except ValueError as exc:
            raise UsageError(f"{prog}: --check-ratio: {exc}") from None
    try:
        return trainer_mod.create(sizes, acts, data, init=args.init or "uniform", seed=seed,
                                  loss="mse")
    except ValueError as exc:
        raise UsageError(f"{prog}: {exc}") from None


def print_data_summary(trainer: Trainer, digits: int) -> None:
    """The check loss and the transform of a --data run."""
    import numpy as np

    from nnviz.core import losses

    data = trainer.dataset
    f = Formatter(digits)
    if data.check is not None:
        loss_fn = losses.get(trainer.settings.loss, trainer.network.activations[-1])
        a = data.check.inputs
        with np.errstate(all="ignore"):
            for w, b, act in zip(trainer.network.weights, trainer.network.biases, trainer.network.activations):
                z = a @ w.T + b
                a = act.forward(z)
            value = loss_fn.batch_loss(z, a, data.check.targets)
        print(f"check loss (current parameters, {data.check.n_samples} held-out "
              f"sample{'s' * (data.check.n_samples != 1)}): {f.num(value)}")
    if data.transform is not None:
        print("normalisation (min-max, file -> network):")
        for line in data.transform.describe():
            print(f"  {line}")


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


def cmd_train(args: argparse.Namespace) -> int:
    from nnviz.io import snapshot

    out = check_writable(args.out) if args.out else None
    if args.data is None:
        for attr, flag in _DATA_FLAGS:
            if getattr(args, attr) not in (None, False):
                raise UsageError(f"nnviz train: {flag} needs --data FILE")
    trainer = load_data_source(args) if args.data is not None else load_source(args)
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
    if args.data is not None:
        print_data_summary(trainer, args.digits)
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
    span = f" (iterations {start_iteration + 1}..{trainer.iteration})" if result.iterations else ""
    print(f"trained {result.iterations} iteration{'s' * (result.iterations != 1)}{span}: "
          f"{s.optimizer.name}, learning rate {f.num(s.learning_rate)}, {batch}, {s.loss}, {mode}")
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
    samples = "the 1 sample" if trainer.n_samples == 1 else f"all {trainer.n_samples} samples"
    print(f"final loss (current parameters, {samples}): {f.num(trainer.evaluate_loss())}")
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
    problem = display_problem()
    if problem:
        raise UsageError(f"nnviz: {problem}; run it on a desktop or under Xvfb (xvfb-run nnviz), "
                         "or use nnviz train, trace or render")
    from nnviz.gui.app import run as run_gui

    return run_gui(preset=args.preset, trainer=trainer, path=args.open)


def display_problem() -> str | None:
    """Why Qt could not open a window here (it would abort the process), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM") \
            or os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY")
    if not display:
        return "no display to open the window on (DISPLAY is not set)"
    host, _, number = display.rpartition(":")
    number = number.split(".")[0]
    if host in ("", "unix") and number.isdigit() and not Path(f"/tmp/.X11-unix/X{number}").exists():
        return f"the display {display} cannot be reached (no X server is listening there)"
    return None


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


# ------------------------------------------------------- surface and sweep
def _grid_size(text: str) -> int:
    value = count(text, 2)
    if value > 2001:
        raise argparse.ArgumentTypeError(f"expected 2..2001, got {text!r}")
    return value


def cmd_surface(args: argparse.Namespace) -> int:
    import io

    import numpy as np

    from nnviz.core import surface

    prog = "nnviz surface"
    out = check_writable(args.out, prog)
    kind = out.suffix.lower()
    if kind not in (".npz", ".csv", ".png"):
        raise UsageError(f"{prog}: --out: expected a .npz, .csv or .png file name, got {out.name!r}")
    if args.range is not None:
        a0, a1, b0, b1 = args.range
        if not (a0 < a1 and b0 < b1):
            raise UsageError(f"{prog}: --range: expected A0 < A1 and B0 < B1, got {' '.join(map(repr, args.range))}")
    trainer = load_source(args)
    try:
        p1, p2 = surface.check_axes(trainer, *args.params)
    except ValueError as exc:
        raise UsageError(f"{prog}: --params: {exc}") from None
    a0, a1, b0, b1 = args.range if args.range is not None else surface.default_range(trainer, p1, p2)
    a, b = np.linspace(a0, a1, args.grid), np.linspace(b0, b1, args.grid)
    loss = surface.loss_grid(trainer, p1, p2, a, b)
    trajectory = surface.trajectory_columns(trainer, p1, p2) if len(trainer.trajectory) > 1 else None
    if kind == ".npz":
        arrays = {"a": a, "b": b, "loss": loss, "params": np.array([p1.name, p2.name])}
        if trajectory is not None:
            arrays["trajectory"] = trajectory
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        write_atomic(out, buffer.getvalue())
    elif kind == ".csv":
        rows = [f"{x!r},{y!r},{v!r}" for x, row in zip(a.tolist(), loss.tolist()) for y, v in zip(b.tolist(), row)]
        write_atomic(out, "a,b,loss\n" + "\n".join(rows) + "\n")
    else:
        current = (trainer.network.get(p1), trainer.network.get(p2))
        write_atomic(out, _heatmap_png(a, b, loss, trajectory, current))
    net = trainer.network
    names = " x ".join(f"{net.display_name(p)} ({p.name})" if net.display_name(p) != p.name else p.name
                       for p in (p1, p2))
    finite = loss[np.isfinite(loss)]
    span = f"loss {finite.min():.6g} .. {finite.max():.6g}" if finite.size else "no finite loss"
    print(f"loss over {names}: {args.grid} x {args.grid} grid, {p1.name} in [{a0:.6g}, {a1:.6g}], "
          f"{p2.name} in [{b0:.6g}, {b1:.6g}], {span}")
    print(f"written to {out}")
    return 0


def cmd_sweep(args: argparse.Namespace) -> int:
    from nnviz.core import surface

    prog = "nnviz sweep"
    out = check_writable(args.out, prog)
    if out.suffix.lower() != ".csv":
        raise UsageError(f"{prog}: --out: expected a .csv file name, got {out.name!r}")
    low, high, n = args.lr_range or ("0.001", "10", "25")
    try:
        low, high = (positive_float(x) for x in (low, high))
        n = count(n, 1)
        rates = surface.sweep_rates(low, high, n)
    except (argparse.ArgumentTypeError, ValueError) as exc:
        raise UsageError(f"{prog}: --lr-range: {exc}") from None
    trainer = load_source(args)
    total = len(rates) * args.iterations
    bar = _ProgressBar(total) if sys.stderr.isatty() and total >= 20000 else None
    result = surface.sweep(trainer, rates, args.iterations, progress=bar.update if bar else None)
    if bar:
        bar.close()
    lines = [f"{r!r},{v!r},{s}" for r, v, s in zip(result.rates.tolist(), result.final_losses.tolist(),
                                                      result.statuses)]
    write_atomic(out, "learning_rate,final_loss,status\n" + "\n".join(lines) + "\n")
    s = trainer.settings
    batch = {"full": "full batch", "online": "online"}.get(s.batch, f"mini-batches of {s.batch}")
    print(f"{len(rates)} learning rate{'s' * (len(rates) != 1)} from {rates[0]:.6g} to {rates[-1]:.6g}, "
          f"{args.iterations} iteration{'s' * (args.iterations != 1)} each from iteration {trainer.iteration}: "
          f"{s.optimizer.name}, {batch}, {s.loss}, loss at the start {result.start_loss:.6g}")
    for r, v, st in zip(result.rates, result.final_losses, result.statuses):
        print(f"  lr {r:<12.6g} final loss {v:<14.6g} {st}")
    if result.best_index is not None:
        best_loss = float(result.final_losses[result.best_index])
        print(f"best learning rate: {result.best_rate!r} (final loss {best_loss!r})")
    else:
        print("best learning rate: none (no run ended with a finite loss)")
    print(f"written to {out}")
    return 0


# viridis (the loss heat maps' sequential map in the window), 9 stops
_VIRIDIS = ((68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
            (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37))


def _heatmap_png(a, b, loss, trajectory, current) -> bytes:
    """A PNG of the loss (P1 to the right, P2 upwards), viridis, log-scaled when the
    finite values span more than 3 decades; +inf drawn at the top colour, -inf at the
    bottom one, NaN grey; the trajectory in white, the current point in magenta."""
    import struct
    import zlib

    import numpy as np

    stops = np.array(_VIRIDIS, dtype=float)
    na, nb = loss.shape
    s = max(1, 600 // max(na, nb))
    finite = np.isfinite(loss)
    v = loss.astype(float)
    with np.errstate(all="ignore"):
        if finite.any():
            lo, hi = v[finite].min(), v[finite].max()
            if lo > 0 and hi / lo > 1e3:
                v, lo, hi = np.log10(v), math.log10(lo), math.log10(hi)
            u = (v - lo) / (hi - lo) if hi > lo else np.full_like(v, 0.5)
        else:
            u = np.full_like(v, 0.5)
        u = np.where(loss == np.inf, 1.0, np.where(loss == -np.inf, 0.0, u))
        x = np.clip(np.nan_to_num(u, nan=0.0), 0.0, 1.0) * (len(stops) - 1)
    i = np.minimum(x.astype(int), len(stops) - 2)
    f = (x - i)[..., None]
    rgb = (stops[i] * (1 - f) + stops[i + 1] * f).round()
    rgb[np.isnan(loss)] = 128.0
    img = np.repeat(np.repeat(rgb.transpose(1, 0, 2)[::-1], s, axis=0), s, axis=1).astype(np.uint8)
    h, w = img.shape[:2]

    def pixels(points):
        pts = np.asarray(points, float).reshape(-1, 2)
        px = (pts[:, 0] - a[0]) / (a[-1] - a[0]) * (na - 1) * s + (s - 1) / 2
        py = h - 1 - ((pts[:, 1] - b[0]) / (b[-1] - b[0]) * (nb - 1) * s + (s - 1) / 2)
        return px, py

    if trajectory is not None and len(trajectory) > 1:
        pts = trajectory[np.isfinite(trajectory).all(axis=1)]
        pts = pts[np.unique(np.linspace(0, len(pts) - 1, min(len(pts), 5000)).round().astype(int))]
        px, py = pixels(pts)
        steps = np.maximum(2, (np.hypot(np.diff(px), np.diff(py)).clip(max=4 * (w + h)) * 2).astype(int))
        for x0, x1, y0, y1, n in zip(px[:-1], px[1:], py[:-1], py[1:], steps):
            xs, ys = np.linspace(x0, x1, n).round().astype(int), np.linspace(y0, y1, n).round().astype(int)
            ok = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
            img[ys[ok], xs[ok]] = 255
    cx, cy = (int(round(float(c[0]))) for c in pixels([current]))
    if 0 <= cx < w and 0 <= cy < h:
        img[max(cy - 2, 0):cy + 3, max(cx - 2, 0):cx + 3] = (194, 24, 91)
    raw = b"".join(b"\x00" + row.tobytes() for row in img)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


COMMANDS = {"train": cmd_train, "trace": cmd_trace, "render": cmd_render,
            "surface": cmd_surface, "sweep": cmd_sweep}


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
    except BrokenPipeError:  # e.g. `nnviz trace | head`
        sys.stderr.close()
        return 0
    except OSError as exc:
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"nnviz: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("nnviz: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
