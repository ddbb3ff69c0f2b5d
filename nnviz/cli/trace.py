"""``nnviz trace``: each micro-step as worked arithmetic with the real numbers."""

from __future__ import annotations

import argparse

from nnviz.cli.common import UsageError, add_source, digits, load_source, positive_count
from nnviz.core.analysis.explain import trace


def add_parser(sub) -> None:
    tr = sub.add_parser("trace", help="print each micro-step as worked arithmetic",
                        description="Run iterations micro-step by micro-step and print the "
                                    "arithmetic of each with the real numbers.")
    add_source(tr)
    tr.add_argument("--iterations", type=positive_count, default=1, metavar="N")
    tr.add_argument("--digits", type=digits, default=9, metavar="D",
                    help="decimal places (default 9)")
    tr.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    trainer = load_source(args)
    if trainer.status == "diverged":
        raise UsageError(f"nnviz trace: the snapshot's run has diverged ({trainer.status_message})")
    for line in trace(trainer, args.iterations, args.digits):
        print(line)
    return 0
