"""Delimited text as spreadsheets and editors write it: the records of a CSV (or
semicolon-, tab- or space-separated) file, each with the line it starts on, and its
cells as numbers.

- Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` and are numbered as an editor numbers them,
  also after a quoted cell that spans lines; a byte-order mark is dropped.
- ``#`` starts a comment to the end of the line (outside quoted cells); records with
  no cell that holds anything are skipped, and so is a last column empty in every record
  (the trailing delimiter some spreadsheets write).
- Cells in double quotes may hold the delimiter, line breaks and doubled quotes ``""``.
- The delimiter is ``,``, ``;``, a tab, or runs of spaces and tabs (``" "``). ``"auto"``
  takes the standard library's guess (``csv.Sniffer``) and keeps the first of the guess,
  ``,``, ``;``, tab and spaces that gives the first records one width and numbers in all
  cells (a header row aside).
- The decimal mark is ``.`` or ``,``. ``"auto"``: ``.`` in comma-separated files; in any
  other a cell's comma is its decimal mark too (``1,5`` is 1.5, as in a spreadsheet saved
  in a German or French locale). A cell with both marks is not a number (no thousands
  separators are read).
"""

from __future__ import annotations

import contextlib
import csv
import re
from dataclasses import dataclass
from typing import Iterator

from nnviz.core.words import N_, T_, translate
from nnviz.io.files import quote

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", " ": "spaces"}  # delimiter -> its word
SEPARATED = {",": N_("Layout", "comma-separated"), ";": N_("Layout", "semicolon-separated"),
             "\t": N_("Layout", "tab-separated"), " ": N_("Layout", "spaces-separated")}
MARKS = {".": N_("Layout", "decimal point"), ",": N_("Layout", "decimal comma"),
         ".,": N_("Layout", "decimal point or comma")}
DECIMALS = (".", ",")
AUTO = "auto"
SAMPLE_LINES = 200  # lines the automatic choice looks at
SAMPLE_CHARACTERS = 1 << 16  # of them, what the sniffer reads
MAX_CELL = 1 << 28  # characters of one cell (csv's own limit is 131,072)

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what an editor counts (not form feeds or U+2028)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")  # no backtracking on long cells
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


class FormatError(ValueError):
    """Text that cannot be split into records; ``line`` is where the problem starts."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line


@dataclass(frozen=True)
class Layout:
    """How a file was read: its ``delimiter`` and decimal mark (``decimal`` ``"."``,
    ``","`` or ``".,"``: either)."""

    delimiter: str
    decimal: str

    def words(self) -> str:
        """``semicolon-separated, decimal comma``."""
        return T_("Layout", "%1, %2", translate("Layout", SEPARATED[self.delimiter]),
                  translate("Layout", MARKS[self.decimal]))


@dataclass(frozen=True)
class Record:
    """The cells of one record as written (quotes removed, spaces kept) and its first line."""

    line: int
    cells: list[str]

    def line_of(self, column: int) -> int:
        """The line cell ``column`` (1-based) starts on."""
        return self.line + sum(c.count("\n") for c in self.cells[:column - 1])


def check_options(delimiter: str, decimal: str) -> None:
    """Raise ValueError (one line) for a delimiter or decimal mark that is not offered,
    or a comma as both."""
    if delimiter != AUTO and delimiter not in DELIMITERS:
        raise ValueError(T_("delimited", "unknown delimiter %1; expected one of %2 or 'auto'", quote(delimiter),
                            ", ".join(map(repr, DELIMITERS))))
    if decimal != AUTO and decimal not in DECIMALS:
        raise ValueError(T_("delimited", "unknown decimal mark %1; expected '.', ',' or 'auto'", quote(decimal)))
    if delimiter == decimal == ",":
        raise ValueError(T_("delimited", "a comma cannot be both the delimiter and the decimal mark"))


def read(text: str, delimiter: str = AUTO, decimal: str = AUTO) -> tuple[list[Record], Layout]:
    """The records of ``text`` that hold something, and how they were read. Raises
    ValueError for bad options and ``FormatError`` for a NUL character or a quoted cell
    that is never closed."""
    check_options(delimiter, decimal)
    lines = _lines(text)
    if delimiter == AUTO:
        delimiter = _guess(lines, decimal)
    return _records(lines, delimiter), Layout(delimiter, _decimal(delimiter, decimal))


def _decimal(delimiter: str, decimal: str) -> str:
    """The decimal mark(s) a cell is read with (see the module notes)."""
    if decimal != AUTO:
        return decimal
    return "." if delimiter == "," else ".,"


def number(cell: str, decimal: str) -> float:
    """The number in ``cell`` (spaces around it ignored) read with the decimal mark
    ``decimal``; ValueError with the reason (the cell quoted) otherwise."""
    cell = cell.strip()
    text = _point(cell, decimal)
    if text is not None:
        value = float(text)
        if value in (float("inf"), float("-inf")):
            raise ValueError(T_("delimited", "%1 is too large for a float", quote(cell)))
        return value
    if _NOT_FINITE.fullmatch(cell):
        raise ValueError(T_("delimited", "%1 is not a finite number", quote(cell)))
    if not cell:
        raise ValueError(T_("delimited", "empty cell (expected a number)"))
    other = {".": ",", ",": "."}.get(decimal)
    if other is not None and other in cell and _point(cell.replace(other, decimal), decimal) is not None:
        raise ValueError(T_("delimited", "%1 is not a number with the decimal mark %2", quote(cell), repr(decimal)))
    raise ValueError(T_("delimited", "%1 is not a number", quote(cell)))


def looks_like_number(cell: str) -> bool:
    """Is ``cell`` a number with either decimal mark, or nan/inf (not a header name)?"""
    cell = cell.strip()
    return _point(cell, ".,") is not None or bool(_NOT_FINITE.fullmatch(cell))


def _point(cell: str, decimal: str) -> str | None:
    """``cell`` with its decimal mark as a point, when it is a number; else None."""
    if "," in cell:
        if decimal == "." or "." in cell:
            return None
        cell = cell.replace(",", ".")
    elif decimal == "," and "." in cell:
        return None
    return cell if _NUMBER.fullmatch(cell) else None


# ================================================================ records
def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line with its comment cut off; FormatError for a NUL
    character or a quote left open at the end."""
    lines = LINE_BREAK.split(text[1:] if text.startswith("\ufeff") else text)
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    opened = 0  # the line of a quoted cell still open, else 0
    for number, line in enumerate(lines, start=1):
        if "\x00" in line:
            raise FormatError(number, T_("delimited", "not a text file (a NUL character)"))
        if not opened and '"' not in line:
            line = line.split("#", 1)[0]
        else:
            line, opened = _cut_comment(line, number, opened)
        out.append((number, line))
    if opened:
        raise FormatError(opened, T_("delimited", 'a quoted cell is not closed (its closing " is missing)'))
    return out


def _cut_comment(line: str, number: int, opened: int) -> tuple[str, int]:
    """``line`` without its comment, and the line of a quote still open after it."""
    for i, c in enumerate(line):
        if c == '"':
            opened = 0 if opened else number
        elif c == "#" and not opened:
            return line[:i], opened
    return line, opened


def _records(lines: list[tuple[int, str]], delimiter: str) -> list[Record]:
    if delimiter == " ":
        lines = [(n, line.replace("\t", " ").strip()) for n, line in lines]
    reader = csv.reader(_with_ends(lines), delimiter=delimiter, quotechar='"', doublequote=True,
                        skipinitialspace=True, strict=False)
    records = []
    first = lines[0][0] if lines else 1
    with _cell_limit():
        for cells in reader:
            if any(c.strip() for c in cells):
                records.append(Record(first, cells))
            first = lines[reader.line_num][0] if reader.line_num < len(lines) else first
    width = max((len(r.cells) for r in records), default=0)
    if width > 1 and all(len(r.cells) == width and not r.cells[-1].strip() for r in records):
        records = [Record(r.line, r.cells[:-1]) for r in records]  # a trailing delimiter on every line
    return records


def _with_ends(lines: list[tuple[int, str]]) -> Iterator[str]:
    for _, line in lines:
        yield line + "\n"


@contextlib.contextmanager
def _cell_limit() -> Iterator[None]:
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, MAX_CELL))
    try:
        yield
    finally:
        csv.field_size_limit(before)


# ========================================================== the automatic choice
def _guess(lines: list[tuple[int, str]], decimal: str) -> str:
    sample = lines[:SAMPLE_LINES]
    text = "\n".join(line for _, line in sample if line.strip())[:SAMPLE_CHARACTERS]
    try:
        sniffed = [csv.Sniffer().sniff(text, delimiters=",;\t").delimiter]
    except csv.Error:
        sniffed = []
    candidates = [d for d in dict.fromkeys(sniffed + list(DELIMITERS)) if not (d == "," and decimal == ",")]
    for d in candidates:
        if _fits(_records(sample, d), _decimal(d, decimal)):
            return d
    if sniffed and sniffed[0] in candidates:
        return sniffed[0]
    present = [d for d in candidates if d != " " and d in text.split("\n", 1)[0]]
    return (present or [" "])[0]


def _fits(records: list[Record], decimal: str) -> bool:
    """One width of at least two cells, and numbers in every cell (the first record may be
    a header instead)?"""
    if not records or len(records[0].cells) < 2:
        return False
    width = len(records[0].cells)
    if any(len(r.cells) != width for r in records):
        return False
    first = [looks_like_number(c) for c in records[0].cells]
    if any(first) and not all(_point(c.strip(), decimal) is not None for c in records[0].cells):
        return False
    return all(_point(c.strip(), decimal) is not None for r in records[1:] for c in r.cells)
