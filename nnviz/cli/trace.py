"""``nnviz trace``: each micro-step as worked arithmetic with the real numbers."""

from __future__ import annotations

import argparse

from nnviz.cli.common import UsageError, add_source, add_weights, counter, digits, load_source
from nnviz.cli.window import add_language
from nnviz.core.analysis.explain import trace
from nnviz.io.files import quote

MAX_ITERATIONS = 10_000
SAMPLES_SHOWN = 8  # per micro-step, unless --all-samples


def add_parser(sub) -> None:
    tr = sub.add_parser("trace", help="print each micro-step as worked arithmetic",
                        description="Run iterations micro-step by micro-step and print the "
                                    "arithmetic of each with the real numbers.")
    add_source(tr)
    add_weights(tr)
    tr.add_argument("--iterations", type=counter(1, MAX_ITERATIONS), default=1, metavar="N",
                    help=f"iterations to print (default 1, at most {MAX_ITERATIONS:,})")
    tr.add_argument("--digits", type=digits, default=9, metavar="D",
                    help="decimal places (default 9)")
    tr.add_argument("--all-samples", action="store_true",
                    help=f"print the arithmetic of every sample of the batch (default: the first "
                         f"{SAMPLES_SHOWN}, then how many more there are)")
    add_language(tr, "the language of the words around the arithmetic (default en); formulas, names and "
                     "numbers stay as they are")
    tr.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    trainer = load_source(args)
    if trainer.status == "diverged":
        raise UsageError(f"nnviz trace: the snapshot's run has diverged ({quote(trainer.status_message, 200)})")
    # --lang: the words in that language; --lang en, English with its counts' singular and
    # plural (nnviz_en.qm); without, the English as written, as the rest of the command line
    translated = args.lang is not None
    if translated:
        from nnviz.gui import i18n  # QtCore only: the translation, no window

        i18n.install(args.lang)
    try:
        for line in trace(trainer, args.iterations, args.digits, None if args.all_samples else SAMPLES_SHOWN):
            print(line)
    finally:
        if translated:
            i18n.uninstall()
    return 0
