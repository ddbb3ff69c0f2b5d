"""``nnviz export``: the run as a NumPy or PyTorch script that prints what ``nnviz train``
prints, or the network's weights as ``.npz``. It takes the training flags of ``nnviz
train`` with the same meaning, so ``nnviz export ... X`` and ``nnviz train ... X``
describe the same run."""

from __future__ import annotations

import argparse
import shlex

from nnviz.cli.common import UsageError, add_source, add_weights, check_writable, count
from nnviz.cli.train import add_data_arguments, add_run_arguments, add_training_arguments, configured_trainer

SUFFIXES = {"numpy": ".py", "torch": ".py", "npz": ".npz"}
OWN_FLAGS = ("--format", "--out", "--print-every")  # export's own: not part of the run


def add_parser(sub) -> None:
    p = sub.add_parser("export", allow_abbrev=False,
                       help="write the run as a NumPy or PyTorch script, or the weights as .npz",
                       description="Write a script that trains the network as nnviz train would, from "
                                   "the same state with the same flags, and ends with the same summary; "
                                   "or (--format npz) the network's weights.")
    add_source(p)
    add_weights(p, activation=False)  # --activation is among the data flags
    add_training_arguments(p)
    add_run_arguments(p)
    add_data_arguments(p)
    p.add_argument("--format", choices=tuple(SUFFIXES), default="numpy",
                   help="numpy (default) or torch: a script; npz: the weights W1, b1, W2, b2, ...")
    p.add_argument("--out", required=True, metavar="FILE.py|FILE.npz", help="the file to write")
    p.add_argument("--print-every", type=count, metavar="K",
                   help="the script prints the loss every K iterations (default: a tenth of "
                        "--iterations; 0: only the summary)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from nnviz.io import export, weights

    prog = "nnviz export"
    out = check_writable(args.out, prog)
    suffix = SUFFIXES[args.format]
    if out.suffix.lower() != suffix:
        raise UsageError(f"{prog}: --out: expected a {suffix} file name for --format {args.format}, "
                         f"got {out.name!r}")
    trainer = configured_trainer(args, prog)
    sizes = "-".join(map(str, trainer.network.sizes))
    try:
        if args.format == "npz":
            weights.save_npz(trainer.network, out)
            print(f"weights of the {sizes} network written to {out}")
            return 0
        plan = export.make_plan(trainer, args.iterations, until_loss=args.until_loss, digits=args.digits,
                                print_every=args.print_every, data_summary=args.data is not None,
                                command=train_command(getattr(args, "argv", None)))
        written = export.write(plan, args.format, out)
    except ValueError as exc:  # ExportError, WeightsError
        raise UsageError(f"{prog}: {exc}") from None
    extra = f" (data in {', '.join(p.name for p in written[:-1])})" if len(written) > 1 else ""
    print(f"{export.FORMATS[args.format]} script for the {sizes} network written to {out}{extra}: "
          f"{args.iterations} iterations from iteration {plan.iteration}; run it with: python {out}")
    return 0


def train_command(argv: list[str] | None) -> str | None:
    """The ``nnviz train`` command line of the same run: the export's own flags left out."""
    if not argv or "export" not in argv:
        return None
    tokens = argv[argv.index("export") + 1:]
    kept, skip = [], False
    for token in tokens:
        if skip:
            skip = False
            continue
        if token in OWN_FLAGS:
            skip = True
            continue
        if token.split("=", 1)[0] in OWN_FLAGS:
            continue
        kept.append(token)
    return " ".join(["nnviz", "train", *map(shlex.quote, kept)])
