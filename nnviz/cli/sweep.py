"""``nnviz sweep``: the final loss after N iterations for a range of learning rates (CSV)."""

from __future__ import annotations

import argparse
import sys

from nnviz.cli.common import (ProgressBar, UsageError, add_source, check_writable, count, counter, load_source,
                              positive_float)
from nnviz.core.analysis import regimes, surface, sweep
from nnviz.core.analysis.summary import batch_words
from nnviz.io.files import write_atomic



def add_parser(sub) -> None:
    sw = sub.add_parser("sweep", help="final loss after N iterations for a range of learning rates (CSV)",
                        description="From the same start, N iterations at each of COUNT learning rates "
                                    "log-spaced from MIN to MAX, each on a copy.")
    add_source(sw)
    sw.add_argument("--lr-range", nargs=3, default=None, metavar=("MIN", "MAX", "COUNT"),
                    help=f"learning rates MIN..MAX, COUNT of them log-spaced (default 0.001 10 25; "
                         f"COUNT at most {sweep.MAX_RATES:,})")
    sw.add_argument("--iterations", type=counter(1, sweep.MAX_ITERATIONS), default=200, metavar="N",
                    help=f"iterations per learning rate (default 200, at most {sweep.MAX_ITERATIONS:,})")
    sw.add_argument("--out", required=True, metavar="FILE.csv")
    sw.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    prog = "nnviz sweep"
    out = check_writable(args.out, prog, (".csv",))
    low, high, n = args.lr_range or ("0.001", "10", "25")
    try:
        low, high = (positive_float(x) for x in (low, high))
        n = count(n, 1, sweep.MAX_RATES)
        rates = surface.sweep_rates(low, high, n)
    except (argparse.ArgumentTypeError, ValueError) as exc:
        raise UsageError(f"{prog}: --lr-range: {exc}") from None
    try:
        sweep.check_sweep_size(n, args.iterations)
    except ValueError as exc:
        raise UsageError(f"{prog}: {exc}") from None
    trainer = load_source(args)
    marks = regimes.regime_marks(trainer)
    total = len(rates) * args.iterations
    bar = ProgressBar(total) if sys.stderr.isatty() and total >= 20000 else None
    result = surface.sweep(trainer, rates, args.iterations, progress=bar.update if bar else None)
    if bar:
        bar.close()
    lines = [f"{r!r},{v!r},{s}" for r, v, s in zip(result.rates.tolist(), result.final_losses.tolist(),
                                                      result.statuses)]
    write_atomic(out, "learning_rate,final_loss,status\n" + "\n".join(lines) + "\n")
    s = trainer.settings
    batch = batch_words(s.batch, trainer.n_samples)
    print(f"{len(rates)} learning rate{'s' * (len(rates) != 1)} from {rates[0]:.6g} to {rates[-1]:.6g}, "
          f"{args.iterations} iteration{'s' * (args.iterations != 1)} each from iteration {trainer.iteration}: "
          f"{s.optimizer.name}, {batch}, {s.loss}, loss at the start {result.start_loss:.6g}")
    print(f"regimes: {marks.describe()}" + (f"; {marks.note}" if marks.note else ""))
    for r, v, st in zip(result.rates, result.final_losses, result.statuses):
        print(f"  lr {r:<12.6g} final loss {v:<14.6g} {st}")
    if result.best_index is not None:
        best_loss = float(result.final_losses[result.best_index])
        print(f"best learning rate: {result.best_rate!r} (final loss {best_loss!r})")
    else:
        print("best learning rate: none (no run ended with a finite loss)")
    print(f"written to {out}")
    return 0
