"""Run the benchmarks and print one table per benchmark module.

    python -m benchmarks.run              # everything (about 20 s on 2 cores)
    python -m benchmarks.run --quick      # a short smoke run (under 10 s)
    python -m benchmarks.run --only trainer

Every number printed is measured in this run; nothing is read from a file.

Adding a module: write ``benchmarks/bench_<name>.py`` with

    TITLE = "..."                      # optional: the heading of its table
    NOTES = ["..."]                    # optional: lines printed under the table
    def run(quick: bool) -> list[dict[str, object]]: ...

and add ``"<name>": "benchmarks.bench_<name>"`` to ``MODULES`` below. Each row is a dict
from column name to value (already formatted as text, or anything ``str()`` shows
well); the columns are the keys of the rows in the order they first appear.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
from typing import Iterable, Sequence

# name -> module; the order here is the order of the tables.
MODULES: dict[str, str] = {
    "trainer": "benchmarks.bench_trainer",
    "canvas": "benchmarks.bench_canvas",
    "gui": "benchmarks.bench_gui",
    "surface": "benchmarks.bench_surface",
}


def format_table(rows: Sequence[dict[str, object]]) -> str:
    """A Markdown pipe table, padded so that it also reads as plain text."""
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    cells = [[str(row.get(c, "")) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    # Columns that are mostly numbers are right-aligned (a "-" or "not installed" among
    # them does not change that), text columns left-aligned.
    numeric = [2 * sum(_is_number(r[i]) for r in cells) > len(cells) for i in range(len(columns))]

    def line(values: Iterable[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
        return "| " + " | ".join(parts) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if num else ("-" * (w + 2))
                          for w, num in zip(widths, numeric)) + "|"
    return "\n".join([line(columns), rule] + [line(r) for r in cells])


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def environment() -> str:
    import numpy as np

    parts = [
        f"Python {platform.python_version()}",
        f"NumPy {np.__version__}",
    ]
    try:
        import torch  # noqa: F401  (only to report the version)

        parts.append(f"PyTorch {torch.__version__}")
    except ImportError:
        parts.append("PyTorch not installed")
    parts.append(f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs")
    cpu = _cpu_name()
    if cpu:
        parts.append(cpu)
    return ", ".join(parts)


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short smoke run (fewer, shorter repeats)")
    parser.add_argument("--only", action="append", choices=list(MODULES), metavar="NAME",
                        help=f"run only this module (repeatable); one of: {', '.join(MODULES)}")
    args = parser.parse_args(argv)
    names = args.only or list(MODULES)

    print(f"nnviz benchmarks{' (--quick)' if args.quick else ''}: {environment()}")
    start = time.perf_counter()
    for name in MODULES:
        if name not in names:
            continue
        module = importlib.import_module(MODULES[name])
        t0 = time.perf_counter()
        rows = module.run(args.quick)
        took = time.perf_counter() - t0
        print()
        print(f"### {getattr(module, 'TITLE', name)}")
        print()
        print(format_table(rows))
        notes = list(getattr(module, "NOTES", []))
        if notes:
            print()
            for note in notes:
                print(note)
        print()
        print(f"({name}: {took:.1f} s)")
        sys.stdout.flush()
    print()
    print(f"total {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
