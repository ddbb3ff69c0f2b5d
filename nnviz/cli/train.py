"""``nnviz train``: run more iterations headless, print a summary, write a snapshot."""

from __future__ import annotations

import argparse
import sys

from nnviz.cli.common import (ProgressBar, UsageError, activation_names, add_source, batch_mode, check_forward_size,
                              check_ratio, check_writable, counter, digits, finite_float, layer_sizes,
                              load_source, positive_count, positive_float)
from nnviz.core import optimizers
from nnviz.core.analysis.explain import Formatter
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
    add_training_arguments(train)
    train.add_argument("--iterations", type=counter(0, MAX_ITERATIONS), default=DEFAULT_ITERATIONS, metavar="N",
                       help=f"iterations to run (default {DEFAULT_ITERATIONS}, at most {MAX_ITERATIONS:,})")
    train.add_argument("--until-loss", type=finite_float, metavar="X",
                       help="stop after the iteration whose loss falls below X")
    train.add_argument("--digits", type=digits, default=9, metavar="D",
                       help="decimal places of the printed numbers (default 9)")
    train.add_argument("--out", metavar="FILE.json", help="write the snapshot here")
    add_data_arguments(train)
    train.set_defaults(run=run)


def add_training_arguments(p: argparse.ArgumentParser) -> None:
    """The settings a run trains with (``nnviz train``, ``nnviz record``)."""
    p.add_argument("--lr", type=positive_float, metavar="X", help="learning rate")
    p.add_argument("--optimizer", choices=list(optimizers.OPTIMIZERS))
    p.add_argument("--batch", type=batch_mode, metavar="full|online|N")
    p.add_argument("--shuffle", action="store_true", help="shuffle the samples every epoch")
    p.add_argument("--loss", choices=list(LOSSES))
    p.add_argument("--backprop", choices=BACKPROP_MODES)
    p.add_argument("--freeze-biases", action="store_true", help="keep every bias fixed")


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
    data.add_argument("--activation", type=activation_names, metavar="NAME[,OUTPUT]",
                      help="hidden activation (default tanh), optionally a comma and the output "
                           "activation (default sigmoid for 0/1 targets, linear otherwise), or one "
                           "per weight layer")
    data.add_argument("--init", choices=INIT_SCHEMES, help="initialisation of the weights (default uniform)")
    data.add_argument("--check-ratio", type=check_ratio, metavar="R",
                      help="hold out this share of the samples (0 < R < 1, drawn with --seed) as a "
                           "check set and report the loss on it")


_DATA_FLAGS = (("targets", "--targets"), ("normalize", "--normalize"), ("layers", "--layers"),
               ("activation", "--activation"), ("init", "--init"), ("check_ratio", "--check-ratio"))


def run(args: argparse.Namespace) -> int:
    from nnviz.io import snapshot

    out = check_writable(args.out) if args.out is not None else None
    trainer = configured_trainer(args, "nnviz train")
    bar = ProgressBar(args.iterations) if sys.stderr.isatty() and args.iterations >= 2000 else None
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


def configured_trainer(args: argparse.Namespace, prog: str) -> Trainer:
    """The run the source and data flags describe, with the training flags applied;
    UsageError (one line) for a bad combination or a run that has diverged."""
    if args.data is None:
        for attr, flag in _DATA_FLAGS:
            if getattr(args, attr) not in (None, False):
                raise UsageError(f"{prog}: {flag} needs --data FILE")
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
    if args.freeze_biases:
        trainer.freeze_biases()
    if trainer.status == "diverged":
        raise UsageError(f"{prog}: the snapshot's run has diverged ({quote(trainer.status_message, 200)}); "
                         "change the learning rate or another setting to carry on")
    return trainer


def load_data_source(args: argparse.Namespace, prog: str = "nnviz train") -> Trainer:
    """``--data FILE ...``: a new network for the file's columns."""
    from nnviz.core import trainer as trainer_mod
    from nnviz.core.data import datasets
    from nnviz.io import tables

    if args.preset is not None or args.snapshot is not None:
        raise UsageError(f"{prog}: give either --data or --{'preset' if args.preset else 'snapshot'}, not both")
    k = args.targets or 1
    try:
        table = tables.read(args.data, targets=k, sizes=args.layers)
    except ValueError as exc:
        raise UsageError(f"{prog}: --data: {exc}") from None
    raw = table.dataset
    sizes = args.layers or [raw.n_inputs, 4, raw.n_outputs]
    check_forward_size(sizes, raw.n_samples, prog)
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
    try:
        data = table.normalized(acts[-1]) if args.normalize else raw
    except ValueError as exc:
        raise UsageError(f"{prog}: --normalize: {exc}") from None
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
        from nnviz.core.analysis.explain import Names

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
