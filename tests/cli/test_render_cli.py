"""``nnviz render``: the format follows the ending of --out; another ending is refused
with one line and exit status 2, before anything is drawn."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QImageReader

from nnviz import cli


@pytest.mark.parametrize("name, fmt", [("net.png", b"png"), ("net.jpg", b"jpeg"), ("net.webp", b"webp")])
def test_render_writes_the_format_of_the_ending(qapp, tmp_path, capsys, name, fmt):
    out = tmp_path / name
    assert cli.main(["render", "--preset", "mazur", "--out", str(out), "--size", "400x300"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert bytes(QImageReader(str(out)).format()) == fmt
    assert QImage(str(out)).width() == 400
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("name", ["net.foo", "net"])
def test_render_refuses_an_unknown_ending_with_one_line(qapp, tmp_path, capsys, name):
    assert cli.main(["render", "--preset", "mazur", "--out", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--out" in err and ".png" in err and ".svg" in err
    assert list(tmp_path.iterdir()) == []
