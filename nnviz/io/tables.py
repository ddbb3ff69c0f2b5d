"""Tables in and out of a run: the loss (and accuracy) history as CSV, and data files
read into a Dataset (``read_table``; the text itself is read by ``nnviz.io.delimited``).

Numbers are written with ``repr``, so ``float(cell)`` gives back the very float64 the
Trainer recorded. Files are written atomically (``files.write_atomic``): a failed
save raises ``FileError`` with one line and leaves any existing file as it was.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from nnviz.core.data import transform
from nnviz.core.data.datasets import DataError, Dataset, split, split_rows
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, T_
from nnviz.io import delimited, files, json_fields

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


@dataclass(frozen=True)
class Table:
    """A data file read: its Dataset (not normalised; with the header's names), the name
    used in messages, the line number of each data row, and how the file was read.

    After :meth:`split` the Dataset is the training part (its ``check`` the held-out
    rows) and ``check_lines`` the held-out rows' lines. ``notes``: header names that had
    to be shortened or cleaned, one line each."""

    dataset: Dataset
    source: str
    lines: np.ndarray
    layout: delimited.Layout
    notes: tuple[str, ...] = ()
    check_lines: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))

    def split(self, ratio: float, seed: int = 0) -> Table:
        """The rows split into training and check rows as ``datasets.split`` does."""
        train_rows, check_rows = split_rows(self.dataset.n_samples, ratio, seed)
        train, _ = split(self.dataset, ratio, seed)
        return replace(self, dataset=train, lines=self.lines[train_rows], check_lines=self.lines[check_rows])

    def normalized(self, output_activation: str | None = None) -> Dataset:
        """The data scaled as ``nnviz.core.data.transform.normalize`` does: the transform
        is fitted on the training rows alone and applied to them and to the check rows.
        A column whose training values span more than a float can hold, or a check value
        too far outside them to be scaled, is one line naming the file, column and lines."""
        data = self.dataset
        values = np.hstack([data.inputs, data.targets])
        with np.errstate(over="ignore", invalid="ignore"):
            spans = values.max(axis=0) - values.min(axis=0)
        overflowing = np.flatnonzero(~np.isfinite(spans))
        if overflowing.size:
            j = overflowing[0]
            lo, hi = int(values[:, j].argmin()), int(values[:, j].argmax())
            raise DataError(T_("tables", "%1: column %2: cannot normalise values from %3 (line %4) to %5 (line %6): "
                               "their difference is beyond the largest float", self.source, j + 1,
                               repr(float(values[lo, j])), self.lines[lo], repr(float(values[hi, j])), self.lines[hi]))
        try:
            fitted = transform.fit(data, output_activation)
        except ValueError as exc:
            raise DataError(f"{self.source}: {exc}") from None
        if data.check is not None:
            self._check_scalable(fitted, data.check)
        return fitted.apply(data)

    def _check_scalable(self, fitted: transform.DataTransform, check: Dataset) -> None:
        with np.errstate(over="ignore", invalid="ignore"):
            scaled = np.hstack([fitted.apply_inputs(check.inputs), fitted.apply_targets(check.targets)])
        bad = np.argwhere(~np.isfinite(scaled))
        if bad.size:
            i, j = bad[0]
            raw = np.hstack([check.inputs, check.targets])[i, j]
            raise DataError(_at(self.source, self.check_lines[i], j + 1, T_(
                "tables", "%1 is too far outside the training rows' values to be normalised", repr(float(raw)))))


ENCODINGS = {  # the encodings the Data dialog offers (any Python codec name works on the command line)
    delimited.AUTO: N_("tables", "auto: UTF-8 (or UTF-16 with its byte-order mark)"),
    "cp1252": N_("tables", "Western European, Windows-1252 (Excel's CSV in Europe and the Americas)"),
    "gb18030": N_("tables", "Chinese, GB18030 / GBK (Excel's CSV in China)"),
    "utf-16": N_("tables", "UTF-16 (Excel's Unicode text)"),
    "latin-1": N_("tables", "ISO 8859-1 (Latin-1)"),
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def check_encoding(encoding: str) -> str:
    """``encoding`` as Python names it (``auto`` as it is); ValueError (one line) for
    one Python does not know."""
    if encoding == delimited.AUTO:
        return encoding
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):
        raise ValueError(T_("tables", "unknown encoding %1; expected auto or an encoding such as utf-8, cp1252, "
                            "gb18030 or utf-16", files.quote(encoding))) from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64...: not a text encoding
        raise ValueError(T_("tables", "%1 is not a text encoding", files.quote(encoding)))
    return info.name


def read(path: str | os.PathLike, targets: int = 1, sizes: Sequence[int] | None = None,
         name: str | None = None, delimiter: str = delimited.AUTO, decimal: str = delimited.AUTO,
         encoding: str = delimited.AUTO) -> Table:
    """A data file (see :func:`read_table`) as a :class:`Table`. Only a regular file of at
    most ``MAX_BYTES`` is read, as text in ``encoding`` (see :func:`decode`)."""
    try:
        data = files.read_bytes(path, MAX_BYTES, N_("FileError", "data file"))
        text = decode(data, files.one_line(os.fspath(path)), encoding)
    except files.FileError as exc:
        raise DataError(str(exc)) from None
    shown = files.one_line(os.fspath(path))
    return _parse(text, targets, sizes, Path(path).stem if name is None else name, shown, delimiter, decimal)


def read_table(path: str | os.PathLike, targets: int = 1, normalize: bool = False,
               output_activation: str | None = None, sizes: Sequence[int] | None = None,
               name: str | None = None, delimiter: str = delimited.AUTO, decimal: str = delimited.AUTO,
               encoding: str = delimited.AUTO) -> Dataset:
    """A data file as a Dataset: one sample a row, the last ``targets`` columns the
    targets and the rest the inputs, the cells separated by commas, semicolons, tabs or
    spaces, as ``nnviz.io.delimited`` reads them (``delimiter`` and ``decimal`` ``"auto"``
    or given), the text in ``encoding`` (see :func:`decode`).

    A header row is optional (taken as one when none of its cells is a number); its
    names become the Dataset's ``input_names`` and ``target_names`` (cleaned to the
    snapshot's rule for names, see :attr:`Table.notes`; an empty one is ``column N``).
    ``#`` starts a comment; blank lines are skipped. With ``normalize``, inputs are scaled
    to [-1, 1] and targets to the range of ``output_activation`` (see
    ``nnviz.core.data.transform``; None leaves the targets), and the Dataset carries the
    transform. ``sizes`` (a network's layer sizes) checks that the columns fit that
    network. ``name`` defaults to the file's stem.

    Raises ``DataError`` (a ValueError) with one line such as
    ``data.csv: line 7, column 3: 'abc' is not a number``; nothing else changes.
    """
    table = read(path, targets, sizes, name, delimiter, decimal, encoding)
    return table.normalized(output_activation) if normalize else table.dataset


def parse_table(text: str, targets: int = 1, normalize: bool = False,
                output_activation: str | None = None, sizes: Sequence[int] | None = None,
                name: str = "", source: str = "data", delimiter: str = delimited.AUTO,
                decimal: str = delimited.AUTO) -> Dataset:
    """``read_table`` on text already read; ``source`` names it in messages."""
    table = _parse(text, targets, sizes, name, source, delimiter, decimal)
    return table.normalized(output_activation) if normalize else table.dataset


def decode(data: bytes, source: str, encoding: str = delimited.AUTO) -> str:
    """The text of a data file's bytes: ``auto`` reads what a byte-order mark names
    (UTF-8, or UTF-16 as Excel's "Unicode text" is written), else UTF-8; another
    ``encoding`` is used as given (a byte-order mark of it dropped). Bytes that are not
    text in it raise ``DataError`` naming the line and what to do."""
    encoding = check_encoding(encoding)
    if encoding == delimited.AUTO:
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8-sig")
    elif encoding == "utf-8":
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = len(delimited.LINE_BREAK.findall(data[:exc.start].decode(encoding, "replace"))) + 1
        byte = T_("tables", "byte %1", f"0x{data[exc.start]:02x}")
        if encoding == "utf-8-sig":
            raise DataError(_at(source, line, None, T_(
                "tables", "not UTF-8 text (%1); give the file's encoding (--encoding cp1252 for a Western European "
                "spreadsheet's CSV, gb18030 for a Chinese one; the Data dialog's Encoding) or save it as "
                "\"CSV UTF-8\"", byte))) from None
        raise DataError(_at(source, line, None, T_("tables", "not %1 text (%2); is the encoding right?", encoding,
                                                   byte))) from None


def _parse(text: str, targets: int, sizes: Sequence[int] | None, name: str, source: str,
           delimiter: str, decimal: str) -> Table:
    if isinstance(targets, bool) or not isinstance(targets, (int, np.integer)) or targets < 1:
        raise DataError(T_("tables", "%1: the number of target columns must be a whole number >= 1, got %2", source,
                           files.quote(repr(targets))))
    try:
        records, layout = delimited.read(text, delimiter, decimal)
    except delimited.FormatError as exc:
        raise DataError(_at(source, exc.line, None, str(exc))) from None
    if not records:
        lines = delimited.LINE_BREAK.split(text)
        n_lines = max(len(lines) - (lines[-1] == ""), 1)
        raise DataError(_at(source, n_lines, None, T_("tables", "no data (the file is empty or holds only comments)")))

    header: list[str] | None = None
    first = records[0]
    if not any(delimited.looks_like_number(c) for c in first.cells):
        header = first.cells
        records = records[1:]
        if not records:
            raise DataError(_at(source, first.line, None, T_("tables", "a header but no data rows")))
    width_record = first if header is not None else records[0]
    width = len(width_record.cells)
    values = np.empty((len(records), width))
    for i, record in enumerate(records):
        cells = record.cells
        if len(cells) != width:
            col = min(len(cells), width) + 1
            what = T_("tables", "missing") if len(cells) < width else T_("tables", "one cell too many")
            raise DataError(_at(source, record.line_of(col), col, T_("tables", "%1 (this row has %2, line %3 has %4)",
                                                                     what, _columns(len(cells)), width_record.line,
                                                                     width)))
        for j, cell in enumerate(cells):
            try:
                values[i, j] = delimited.number(cell, layout.decimal)
            except ValueError as exc:
                raise DataError(_at(source, record.line_of(j + 1), j + 1, str(exc))) from None
    data_line = records[0].line
    if targets >= width:
        raise DataError(_at(source, data_line, None, T_(
            "tables", "%1 asked for but the rows have %2 (at least one input column must remain)",
            _target_columns(targets), _columns(width))))
    n_in = width - targets
    if sizes is not None:
        sizes = [int(s) for s in sizes]
        shape = "-".join(map(str, sizes))
        if n_in != sizes[0]:
            inputs = T_("tables", "%1 input", sizes[0]) if sizes[0] == 1 else T_("tables", "%1 inputs", sizes[0])
            raise DataError(_at(source, data_line, None, T_(
                "tables", "%1 (%2 columns, %3 of them targets) but the %4 network has %5",
                T_("tables", "%1 input column", n_in) if n_in == 1 else T_("tables", "%1 input columns", n_in),
                width, targets, shape, inputs)))
        if targets != sizes[-1]:
            outputs = T_("tables", "%1 output", sizes[-1]) if sizes[-1] == 1 else T_("tables", "%1 outputs", sizes[-1])
            raise DataError(_at(source, data_line, None, T_("tables", "%1 but the %2 network has %3",
                                                            _target_columns(targets), shape, outputs)))
    names, notes = _names(header, first.line) if header is not None else ((), ())
    line_numbers = np.fromiter((r.line for r in records), dtype=np.int64, count=len(records))
    dataset = Dataset(values[:, :n_in], values[:, n_in:], name, input_names=names[:n_in], target_names=names[n_in:])
    return Table(dataset, source, line_numbers, layout, notes)


def _at(source: str, line: int, column: int | None, what: str) -> str:
    """``data.csv: line 4, column 2: what`` (or without the column)."""
    if column is None:
        return T_("tables", "%1: line %2: %3", source, line, what)
    return T_("tables", "%1: line %2, column %3: %4", source, line, column, what)


def _columns(n: int) -> str:
    # a pair, not one %n text: the command line, which loads no translation, prints these as written
    return T_("tables", "%1 column", n) if n == 1 else T_("tables", "%1 columns", n)


def _target_columns(n: int) -> str:
    return T_("tables", "%1 target column", n) if n == 1 else T_("tables", "%1 target columns", n)


def _names(header: list[str], line: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns' names from the header's cells, cleaned to the rule for names, and a
    note for each that had to change."""
    names, notes = [], []
    for j, cell in enumerate(header, start=1):
        raw = cell.strip()
        name = json_fields.clean_name(raw) or f"column {j}"  # (a name: stays as the file gives it)
        if raw and name != raw:
            notes.append(T_("tables", "line %1, column %2: the name %3 is kept as %4 (a name is one line of at "
                            "most %5 characters)", line, j, files.quote(raw), files.quote(name), json_fields.MAX_NAME))
        names.append(name)
    return tuple(names), tuple(notes)
