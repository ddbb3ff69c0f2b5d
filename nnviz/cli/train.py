"""``nnviz train``: run more iterations headless, print a summary, write a snapshot."""

from __future__ import annotations

import argparse
import sys

from nnviz.cli.common import (ProgressBar, UsageError, add_activation, add_source, add_weights, batch_mode,
                              check_ratio, check_writable, counter, delimiter, digits, finite_float, layer_sizes,
                              load_source, positive_count, positive_float, read_weights, resolve_activations,
                              weights_activations)
from nnviz.core import optimizers, recipes
from nnviz.core.analysis.summary import data_summary_lines, summary_lines
from nnviz.core.losses import LOSSES
from nnviz.core.network import INIT_SCHEMES
from nnviz.core.trainer import BACKPROP_MODES, DEFAULT_ITERATIONS, Trainer
from nnviz.io.files import quote

MAX_ITERATIONS = 10_000_000  # the loss history keeps one number per iteration


def add_parser(sub) -> None:
    train = sub.add_parser("train", help="train headless and write a snapshot",
                           description="Run more iterations from a preset or a snapshot; flags "
                                       "override the file's settings.")
    add_source(train)
    add_weights(train, activation=False)  # --activation is among the data flags
    add_training_arguments(train)
    add_run_arguments(train)
    train.add_argument("--out", metavar="FILE.json", help="write the snapshot here")
    add_data_arguments(train)
    train.set_defaults(run=run)


def add_training_arguments(p: argparse.ArgumentParser) -> None:
    """The settings a run trains with (``nnviz train``, ``record``, ``export``)."""
    p.add_argument("--lr", type=positive_float, metavar="X", help="learning rate")
    p.add_argument("--optimizer", choices=list(optimizers.OPTIMIZERS))
    p.add_argument("--batch", type=batch_mode, metavar="full|online|N")
    p.add_argument("--shuffle", action="store_true", help="shuffle the samples every epoch")
    p.add_argument("--loss", choices=list(LOSSES),
                   help="with --data the default is cross_entropy for class targets, mse otherwise")
    p.add_argument("--backprop", choices=BACKPROP_MODES)
    p.add_argument("--freeze-biases", action="store_true", help="keep every bias fixed")


def add_run_arguments(p: argparse.ArgumentParser) -> None:
    """How long the run goes and how its summary prints (``nnviz train``, ``export``)."""
    p.add_argument("--iterations", type=counter(0, MAX_ITERATIONS), default=DEFAULT_ITERATIONS, metavar="N",
                   help=f"iterations to run (default {DEFAULT_ITERATIONS}, at most {MAX_ITERATIONS:,})")
    p.add_argument("--until-loss", type=finite_float, metavar="X",
                   help="stop after the iteration whose loss falls below X")
    p.add_argument("--digits", type=digits, default=9, metavar="D",
                   help="decimal places of the printed numbers (default 9)")


def add_data_arguments(p: argparse.ArgumentParser) -> None:
    """--data FILE and the flags that shape the network built for it."""
    data = p.add_argument_group("training on a data file (instead of --preset or --snapshot)")
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
    add_activation(data)
    data.add_argument("--init", choices=INIT_SCHEMES, help="initialisation of the weights (default uniform)")
    data.add_argument("--check-ratio", type=check_ratio, metavar="R",
                      help="hold out this share of the samples (0 < R < 1, drawn with --seed) as a "
                           "check set and report the loss on it (--normalize scales it with the "
                           "training samples' minima and maxima)")
    data.add_argument("--delimiter", type=delimiter, metavar="auto|,|;|tab|space",
                      help="what separates the cells (default auto: guessed from the file)")
    data.add_argument("--decimal", choices=("auto", ".", ","),
                      help="the decimal mark (default auto: '.' in comma-separated files, either "
                           "'.' or ',' in others)")
    data.add_argument("--encoding", metavar="auto|utf-8|cp1252|gb18030|utf-16|...",
                      help="the file's text encoding (default auto: UTF-8, or UTF-16 with its "
                           "byte-order mark)")


_DATA_FLAGS = (("targets", "--targets"), ("normalize", "--normalize"), ("layers", "--layers"),
               ("activation", "--activation"), ("init", "--init"), ("check_ratio", "--check-ratio"),
               ("delimiter", "--delimiter"), ("decimal", "--decimal"), ("encoding", "--encoding"))


def run(args: argparse.Namespace) -> int:
    from nnviz.io import snapshot

    out = check_writable(args.out) if args.out is not None else None
    trainer = configured_trainer(args, "nnviz train")
    bar = ProgressBar(args.iterations) if sys.stderr.isatty() and args.iterations >= 2000 else None
    start_iteration = trainer.iteration
    result = trainer.run(args.iterations, args.until_loss, progress=bar.update if bar else None)
    if bar:
        bar.close()
    for line in summary_lines(trainer, result, start_iteration, args.iterations, args.until_loss, args.digits):
        print(line)
    if args.data is not None:
        for line in data_summary_lines(trainer, args.digits):
            print(line)
    if out is not None:
        snapshot.save(trainer, out)
        print(f"snapshot written to {out}")
    return 0


def configured_trainer(args: argparse.Namespace, prog: str) -> Trainer:
    """The run the source, data and --weights flags describe, with the training flags
    applied; UsageError (one line) for a bad combination or a run that has diverged."""
    weights = getattr(args, "weights", None)
    for attr, flag in _DATA_FLAGS:
        if args.data is None and getattr(args, attr) not in (None, False) \
                and not (attr == "activation" and weights is not None):
            raise UsageError(f"{prog}: {flag} needs --data FILE")
        if weights is not None and attr in ("layers", "init") and getattr(args, attr) is not None:
            raise UsageError(f"{prog}: {flag}: not with --weights (the network comes from the file)")
    trainer = load_data_source(args, prog) if args.data is not None else load_source(args)
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
        raise UsageError(f"{prog}: {exc}") from None
    batch = trainer.settings.batch
    if args.batch is not None and batch not in ("full", "online") and batch > trainer.n_samples:
        print(f"{prog}: note: --batch {batch:,} is more than the {trainer.n_samples:,} training samples: "
              f"each mini-batch takes all {trainer.n_samples:,}", file=sys.stderr)
    if args.freeze_biases:
        trainer.freeze_biases()
    if trainer.status == "diverged":
        raise UsageError(f"{prog}: the snapshot's run has diverged ({quote(trainer.status_message, 200)}); "
                         "change the learning rate or another setting to carry on")
    return trainer


def load_data_source(args: argparse.Namespace, prog: str = "nnviz train") -> Trainer:
    """``--data FILE ...``: a new network for the file's columns (or the --weights one)."""
    from nnviz.core import trainer as trainer_mod
    from nnviz.io import delimited, tables, weights

    if args.preset is not None or args.snapshot is not None:
        raise UsageError(f"{prog}: give either --data or --{'preset' if args.preset else 'snapshot'}, not both")
    imported = read_weights(args) if getattr(args, "weights", None) is not None else None
    k = args.targets or (imported.sizes[-1] if imported else 1)
    try:
        delimited.check_options(args.delimiter or "auto", args.decimal or "auto")
    except ValueError as exc:
        raise UsageError(f"{prog}: --decimal: {exc}") from None
    try:
        encoding = tables.check_encoding(args.encoding or "auto")
    except ValueError as exc:
        raise UsageError(f"{prog}: --encoding: {exc}") from None
    try:
        table = tables.read(args.data, targets=k, sizes=imported.sizes if imported else args.layers,
                            delimiter=args.delimiter or "auto", decimal=args.decimal or "auto", encoding=encoding)
    except ValueError as exc:
        raise UsageError(f"{prog}: --data: {exc}") from None
    for note in table.notes:
        print(f"{prog}: note: {note}", file=sys.stderr)
    raw = table.dataset
    if imported:
        sizes, acts = imported.sizes, weights_activations(imported, args, raw)
    else:
        sizes = args.layers or [raw.n_inputs, 4, raw.n_outputs]
        try:
            acts = resolve_activations(args.activation or ["tanh"], len(sizes) - 1, raw)
        except ValueError as exc:
            raise UsageError(f"{prog}: --activation: {exc}") from None
    try:
        recipes.check_size(sizes, raw.n_samples)
    except ValueError as exc:
        raise UsageError(f"{prog}: {exc}") from None
    seed = args.seed if args.seed is not None else 0
    if args.check_ratio is not None:  # split first: the normalisation sees the training rows only
        try:
            table = table.split(args.check_ratio, seed)
        except ValueError as exc:
            raise UsageError(f"{prog}: --check-ratio: {exc}") from None
    try:
        data = table.normalized(acts[-1]) if args.normalize else table.dataset
    except ValueError as exc:
        raise UsageError(f"{prog}: --normalize: {exc}") from None
    try:
        loss = recipes.default_loss(acts[-1], raw)
        if imported:
            return weights.build_trainer(imported, acts, data, seed=seed, loss=loss)
        return trainer_mod.create(sizes, acts, data, init=args.init or "uniform", seed=seed, loss=loss)
    except ValueError as exc:
        raise UsageError(f"{prog}: {exc}") from None
