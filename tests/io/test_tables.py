"""The loss-history CSV: exact round trip, the accuracy column, atomic saves."""

from __future__ import annotations

import csv
import io
import os

import pytest

from nnviz.core import presets
from nnviz.io import tables
from nnviz.io.files import FileError


def parse(text: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


@pytest.fixture
def mazur():
    t = presets.load("mazur")
    t.run(25)
    return t


@pytest.fixture
def xor():
    t = presets.load("xor")
    t.run(300)
    return t


def test_mazur_csv_round_trips_the_loss_history_exactly(mazur):
    header, rows = parse(tables.loss_history_csv(mazur))
    assert header == ["iteration", "loss"]
    assert [int(r[0]) for r in rows] == list(range(1, 26))
    assert [float(r[1]) for r in rows] == mazur.loss_history  # bit for bit
    assert all(len(r) == 2 for r in rows)


def test_first_row_is_the_worked_example_loss(mazur):
    _, rows = parse(tables.loss_history_csv(mazur))
    assert float(rows[0][1]) == pytest.approx(0.298371109, abs=1e-9)


def test_xor_csv_has_an_accuracy_column(xor):
    assert xor.accuracy_history  # classification data
    header, rows = parse(tables.loss_history_csv(xor))
    assert header == ["iteration", "loss", "accuracy"]
    assert len(rows) == 300
    assert [int(r[0]) for r in rows] == list(range(1, 301))
    assert [float(r[1]) for r in rows] == xor.loss_history
    assert [float(r[2]) for r in rows] == xor.accuracy_history
    assert all(0.0 <= float(r[2]) <= 1.0 for r in rows)


def test_awkward_floats_round_trip():
    t = presets.load("mazur")
    t.loss_history[:] = [0.1 + 0.2, 1e-300, 5e-324, 123456789.123456789, 0.0, 2.0 / 3.0]
    _, rows = parse(tables.loss_history_csv(t))
    assert [float(r[1]) for r in rows] == t.loss_history


def test_no_iterations_gives_just_the_header():
    t = presets.load("xor")
    assert tables.loss_history_csv(t) == "iteration,loss\n"


def test_save_writes_the_same_text(xor, tmp_path):
    path = tmp_path / "loss.csv"
    tables.save_loss_history(xor, path)
    assert path.read_text(encoding="utf-8") == tables.loss_history_csv(xor)
    tables.save_loss_history(xor, str(path))  # str paths too, overwriting
    assert path.read_text(encoding="utf-8") == tables.loss_history_csv(xor)
    assert [p.name for p in tmp_path.iterdir()] == ["loss.csv"]  # no temporary files left


def test_failed_replace_leaves_the_existing_file_untouched(xor, tmp_path, monkeypatch):
    path = tmp_path / "loss.csv"
    path.write_text("precious\n", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileError) as info:
        tables.save_loss_history(xor, path)
    message = str(info.value)
    assert "\n" not in message and "loss.csv" in message and "Permission denied" in message
    assert path.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["loss.csv"]  # the temporary file is gone


def test_missing_folder_is_a_one_line_error(xor, tmp_path):
    with pytest.raises(FileError) as info:
        tables.save_loss_history(xor, tmp_path / "no-such-folder" / "loss.csv")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "no-such-folder").exists()


def test_a_folder_in_the_way_is_an_error(xor, tmp_path):
    (tmp_path / "loss.csv").mkdir()
    with pytest.raises(FileError):
        tables.save_loss_history(xor, tmp_path / "loss.csv")
    assert (tmp_path / "loss.csv").is_dir()
