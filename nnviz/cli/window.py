"""``nnviz [--preset NAME | --open FILE]``: the window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nnviz.cli.common import UsageError
from nnviz.core import presets


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--preset", choices=presets.names(), help="open the window on this preset")
    parser.add_argument("--open", metavar="FILE", help="open the window on this snapshot")


def run(args: argparse.Namespace) -> int:
    from nnviz.io import snapshot

    if args.open is not None and args.preset:
        raise UsageError("nnviz: give either --open or --preset, not both")
    try:
        trainer = snapshot.load(args.open) if args.open is not None else None
    except snapshot.SnapshotError as exc:
        raise UsageError(f"nnviz: --open: {exc}") from None
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
