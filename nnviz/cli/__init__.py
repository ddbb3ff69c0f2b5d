"""The ``nnviz`` command: one module per command.

    nnviz [--preset NAME | --open FILE | --lesson NAME]    the window
    nnviz train ...                        train headless and write a snapshot
    nnviz trace ...                        print one iteration as worked arithmetic
    nnviz render ...                       draw the network canvas to PNG/SVG, headless
    nnviz record ...                       step a run and write it as an animated GIF or MP4
    nnviz graph ...                        draw one parameter's computational graph to SVG/PNG, headless
    nnviz surface ...                      the loss over a grid of two parameters
    nnviz sweep ...                        final losses for a range of learning rates
    nnviz export ...                       the run as a NumPy or PyTorch script, the weights as .npz

Bad input gives exit status 2 and one line on stderr; nothing on disk is touched.
A command module has ``add_parser(sub)``, which registers its sub-command and sets
``run`` as the parser's default, and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from nnviz.cli import export, graph, record, render, surface, sweep, trace, train, window
from nnviz.cli.common import EXIT_USAGE, Parser, UsageError
from nnviz.core.trainer import TrainingError
from nnviz.io.files import one_line, os_error_message
from nnviz.io.snapshot import SnapshotError

COMMANDS = (train, trace, render, record, graph, surface, sweep, export)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="nnviz", description="Watch a neural network learn by backpropagation.")
    window.add_arguments(parser)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
        args.argv = argv  # nnviz export names the equivalent nnviz train command
        if args.command is None:
            return window.run(args)
        return args.run(args)
    except UsageError as exc:
        return fail(str(exc))
    except (SnapshotError, TrainingError, ValueError) as exc:
        return fail(f"nnviz: {exc}")
    except BrokenPipeError:  # e.g. `nnviz trace | head`
        sys.stderr.close()
        return 0
    except OSError as exc:
        if exc.errno is None:  # raised with a message of its own (the canvas export's)
            return fail(f"nnviz: {exc}")
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        return fail(f"nnviz: cannot write{where}: {os_error_message(exc)}")
    except KeyboardInterrupt:
        print("nnviz: interrupted", file=sys.stderr)
        return 130


MAX_MESSAGE = 1000  # characters: a last guard, should some message quote too much


def fail(message: str) -> int:
    """Print ``message`` as exactly one line on stderr; the exit status of bad input."""
    message = one_line(message)
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + f"... ({len(message):,} characters)"
    print(message, file=sys.stderr)
    return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
