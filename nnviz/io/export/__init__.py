"""A run exported as a script that a student runs with plain NumPy or PyTorch and that
prints the very numbers ``nnviz train`` prints (``nnviz export``, File ▸ Export as code).

    plan = make_plan(trainer, iterations=1000)     # the start state, settings, summary words
    write(plan, "numpy", "train.py")               # the script, and CSV data beside it if large

Neither script imports nnviz. See plan.py for how a half-done iteration is exported.
"""

from __future__ import annotations

import os
from pathlib import Path

from nnviz.core.words import T_
from nnviz.io.export import blocks, numpy_script, torch_script
from nnviz.io.export.plan import ExportError, Plan, make_plan
from nnviz.io import files

FORMATS = {"numpy": "NumPy", "torch": "PyTorch"}

__all__ = ["FORMATS", "ExportError", "Plan", "make_plan", "script", "write"]


def script(plan: Plan, fmt: str, name: str = "train.py") -> str:
    """The text of the script called ``name`` (it names its CSV files after it)."""
    if fmt == "numpy":
        return numpy_script.render(plan, name)
    if fmt == "torch":
        return torch_script.render(plan, name)
    raise ExportError(T_("ExportError", "unknown format %1; expected one of %2", repr(fmt), ', '.join(FORMATS)))


def write(plan: Plan, fmt: str, path: str | os.PathLike) -> list[Path]:
    """Write the script to ``path`` and, for large data, its CSV files beside it (each
    atomically); returns the paths written. Raises ExportError."""
    path = Path(path)
    text = script(plan, fmt, path.name)
    written = {path.with_name(name): content
               for name, content in blocks.data_files(plan, path.name.rsplit(".", 1)[0]).items()}
    written[path] = text
    try:
        for target, content in written.items():
            files.write_atomic(target, content)
    except files.FileError as exc:
        raise ExportError(str(exc)) from None
    return list(written)
