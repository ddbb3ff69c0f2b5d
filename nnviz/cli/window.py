"""``nnviz [--preset NAME | --open FILE | --lesson NAME] [--lang LANGUAGE]``: the window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nnviz.cli.common import UsageError
from nnviz.core import presets, words


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--preset", choices=presets.names(), help="open the window on this preset")
    parser.add_argument("--open", metavar="FILE", help="open the window on this snapshot")
    parser.add_argument("--lesson", metavar="NAME",
                        help="open the window on a lesson (its name or number; where it was left)")
    add_language(parser, "the window's language for this run (default: as chosen in View ▸ Language, "
                         "else the system's)")


def add_language(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lang", choices=words.languages(), metavar="|".join(words.languages()), help=what)


def run(args: argparse.Namespace) -> int:
    from nnviz.io import snapshot

    if args.open is not None and args.preset:
        raise UsageError("nnviz: give either --open or --preset, not both")
    if args.lesson is not None:
        if args.open is not None or args.preset:
            raise UsageError("nnviz: --lesson sets up its own network; give it without --open or --preset")
        check_lesson(args.lesson)
    try:
        trainer = snapshot.load(args.open) if args.open is not None else None
    except snapshot.SnapshotError as exc:
        raise UsageError(f"nnviz: --open: {exc}") from None
    problem = display_problem()
    if problem:
        raise UsageError(f"nnviz: {problem}; run it on a desktop or under Xvfb (xvfb-run nnviz), "
                         "or use nnviz train, trace or render")
    from nnviz.gui.app import run as run_gui

    return run_gui(preset=args.preset, trainer=trainer, path=args.open, lesson=args.lesson, language=args.lang)


def check_lesson(name: str) -> None:
    """UsageError unless ``name`` is a lesson that loads."""
    from nnviz.app.lessons.format import library

    lib = library()
    if lib.find(name) is not None:
        return
    problem = lib.problem(name)
    if problem is not None:
        raise UsageError(f"nnviz: --lesson: {problem}")
    raise UsageError(f"nnviz: --lesson: no lesson {name!r}; expected one of {', '.join(lib.names())} "
                     "(or its number)")


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
