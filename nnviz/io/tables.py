"""Tables in and out of a run: the loss (and accuracy) history as CSV, and data files
read into a Dataset (``read_table``).

Numbers are written with ``repr``, so ``float(cell)`` gives back the very float64 the
Trainer recorded. Files are written atomically (``files.write_atomic``): a failed
save raises ``FileError`` with one line and leaves any existing file as it was.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.core.data import transform
from nnviz.core.data.datasets import DataError, Dataset, split
from nnviz.core.trainer import Trainer
from nnviz.io import files

__all__ = [
    "DataError",
    "Table",
    "loss_history_csv",
    "parse_table",
    "read",
    "read_table",
    "save_loss_history",
    "split",
]


def loss_history_csv(trainer: Trainer) -> str:
    """The history as CSV text: ``iteration,loss`` (plus ``,accuracy`` for
    classification data), one row per completed iteration, iterations numbered 1..N.

    ``loss`` is the forward-pass loss of that iteration (``trainer.loss_history``);
    ``accuracy`` the share of the batch's samples classified right in that pass.
    """
    losses = trainer.loss_history
    accuracies = trainer.accuracy_history
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if accuracies:
        writer.writerow(("iteration", "loss", "accuracy"))
        n_acc = len(accuracies)
        for i, loss in enumerate(losses):
            acc = repr(float(accuracies[i])) if i < n_acc else ""
            writer.writerow((i + 1, repr(float(loss)), acc))
    else:
        writer.writerow(("iteration", "loss"))
        for i, loss in enumerate(losses):
            writer.writerow((i + 1, repr(float(loss))))
    return out.getvalue()


def save_loss_history(trainer: Trainer, path: str | os.PathLike) -> None:
    """Write :func:`loss_history_csv` to ``path`` atomically.

    Raises ``FileError`` (one line naming the file and the reason) when the file
    cannot be written; an existing file at ``path`` is then left untouched.
    """
    files.write_atomic(path, loss_history_csv(trainer))


# ================================================================ data files
MAX_BYTES = 256 * files.MiB  # the largest data file read (see the README's Limits)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")  # no backtracking on long cells
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what an editor counts (not form feeds or U+2028)


@dataclass(frozen=True)
class Table:
    """A data file read: its Dataset (not normalised), the name used in messages and the
    line number of each data row."""

    dataset: Dataset
    source: str
    lines: np.ndarray

    def normalized(self, output_activation: str | None = None) -> Dataset:
        """The data scaled as ``nnviz.core.data.transform.normalize`` does; a column whose
        values span more than a float can hold is one line naming the file, column and lines."""
        values = np.hstack([self.dataset.inputs, self.dataset.targets])
        with np.errstate(over="ignore", invalid="ignore"):
            spans = values.max(axis=0) - values.min(axis=0)
        overflowing = np.flatnonzero(~np.isfinite(spans))
        if overflowing.size:
            j = overflowing[0]
            lo, hi = int(values[:, j].argmin()), int(values[:, j].argmax())
            raise DataError(f"{self.source}: column {j + 1}: cannot normalise values from {float(values[lo, j])!r} "
                            f"(line {self.lines[lo]}) to {float(values[hi, j])!r} (line {self.lines[hi]}): "
                            "their difference is beyond the largest float")
        try:
            return transform.normalize(self.dataset, output_activation)
        except ValueError as exc:
            raise DataError(f"{self.source}: {exc}") from None


def read(path: str | os.PathLike, targets: int = 1, sizes: Sequence[int] | None = None,
         name: str | None = None) -> Table:
    """A data file (see :func:`read_table`) as a :class:`Table`. Only a regular file of at
    most ``MAX_BYTES`` is read."""
    try:
        text = files.read_text(path, MAX_BYTES, "data file")
    except files.FileError as exc:
        raise DataError(str(exc)) from None
    shown = files.one_line(os.fspath(path))
    return _parse(text, targets, sizes, name=Path(path).stem if name is None else name, source=shown)


def read_table(path: str | os.PathLike, targets: int = 1, normalize: bool = False,
               output_activation: str | None = None, sizes: Sequence[int] | None = None,
               name: str | None = None) -> Dataset:
    """A data file as a Dataset: CSV (comma-separated) or whitespace-separated numbers,
    one sample a row; the last ``targets`` columns are the targets, the rest the inputs.

    A header row is optional (taken as one when none of its cells is a number); ``#``
    starts a comment (to the end of the line); blank lines are skipped. Lines end at
    ``\\n``, ``\\r\\n`` or ``\\r``, as in a text editor. With ``normalize``, inputs are
    scaled to [-1, 1] and targets to the range of ``output_activation`` (see
    ``nnviz.core.data.transform``; None leaves the targets), and the Dataset carries the
    transform. ``sizes`` (a network's layer sizes) checks that the columns fit that
    network. ``name`` defaults to the file's stem.

    Raises ``DataError`` (a ValueError) with one line such as
    ``data.csv: line 7, column 3: 'abc' is not a number``; nothing else changes.
    """
    table = read(path, targets, sizes, name)
    return table.normalized(output_activation) if normalize else table.dataset


def parse_table(text: str, targets: int = 1, normalize: bool = False,
                output_activation: str | None = None, sizes: Sequence[int] | None = None,
                name: str = "", source: str = "data") -> Dataset:
    """``read_table`` on text already read; ``source`` names it in messages."""
    table = _parse(text, targets, sizes, name, source)
    return table.normalized(output_activation) if normalize else table.dataset


def _parse(text: str, targets: int, sizes: Sequence[int] | None, name: str, source: str) -> Table:
    if isinstance(targets, bool) or not isinstance(targets, (int, np.integer)) or targets < 1:
        raise DataError(f"{source}: the number of target columns must be a whole number >= 1, got "
                        f"{files.quote(repr(targets))}")
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    rows: list[tuple[int, list[str]]] = []
    comma = None
    for number, line in enumerate(lines, start=1):
        if "\x00" in line:
            raise DataError(f"{source}: line {number}: not a text file (a NUL character)")
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if comma is None:
            comma = "," in line
        cells = [c.strip() for c in line.split(",")] if comma else line.split()
        rows.append((number, cells))
    if not rows:
        raise DataError(f"{source}: line {max(len(lines), 1)}: no data (the file is empty or holds only comments)")

    header: list[str] | None = None
    first_line, first = rows[0]
    if not any(_NUMBER.fullmatch(c) or _NOT_FINITE.fullmatch(c) for c in first):
        header = [c.strip("\"'") for c in first]
        rows = rows[1:]
        if not rows:
            raise DataError(f"{source}: line {first_line}: a header but no data rows")
    width = len(header) if header is not None else len(rows[0][1])
    width_line = first_line if header is not None else rows[0][0]
    values = np.empty((len(rows), width))
    for i, (number, cells) in enumerate(rows):
        if len(cells) != width:
            col = min(len(cells), width) + 1
            what = "missing" if len(cells) < width else "one cell too many"
            raise DataError(f"{source}: line {number}, column {col}: {what} (this row has {len(cells)} "
                            f"column{'s' * (len(cells) != 1)}, line {width_line} has {width})")
        for j, cell in enumerate(cells):
            values[i, j] = _number(cell, source, number, j + 1)
    data_line = rows[0][0]
    if targets >= width:
        raise DataError(f"{source}: line {data_line}: {targets} target column{'s' * (targets != 1)} asked for "
                        f"but the rows have {width} column{'s' * (width != 1)} (at least one input column "
                        "must remain)")
    n_in = width - targets
    if sizes is not None:
        sizes = [int(s) for s in sizes]
        shape = "-".join(map(str, sizes))
        if n_in != sizes[0]:
            raise DataError(f"{source}: line {data_line}: {n_in} input column{'s' * (n_in != 1)} "
                            f"({width} columns, {targets} of them targets) but the {shape} network has "
                            f"{sizes[0]} input{'s' * (sizes[0] != 1)}")
        if targets != sizes[-1]:
            raise DataError(f"{source}: line {data_line}: {targets} target column{'s' * (targets != 1)} "
                            f"but the {shape} network has {sizes[-1]} output{'s' * (sizes[-1] != 1)}")
    line_numbers = np.fromiter((number for number, _ in rows), dtype=np.int64, count=len(rows))
    return Table(Dataset(values[:, :n_in], values[:, n_in:], name), source, line_numbers)


def _number(cell: str, source: str, line: int, column: int) -> float:
    where = f"{source}: line {line}, column {column}"
    if _NUMBER.fullmatch(cell):
        value = float(cell)
        if not np.isfinite(value):
            raise DataError(f"{where}: {files.quote(cell)} is too large for a float")
        return value
    if _NOT_FINITE.fullmatch(cell):
        raise DataError(f"{where}: {files.quote(cell)} is not a finite number")
    if not cell:
        raise DataError(f"{where}: empty cell (expected a number)")
    raise DataError(f"{where}: {files.quote(cell)} is not a number")
