"""``--lang``: nnviz trace prints the worked arithmetic's words in Chinese with the numbers,
formulas and names of the English run; the window takes the flag; the command line
itself stays English."""

from __future__ import annotations

import re

import pytest

from nnviz.core import words

NUMBER = re.compile(r"-?\d+(?:[.,]\d+)*(?:e[-+]?\d+)?")


@pytest.mark.parametrize("args", [["--preset", "mazur"], ["--preset", "xor", "--iterations", "2"],
                                  ["--preset", "split"], ["--preset", "sine", "--digits", "4"]])
def test_trace_in_chinese_has_the_numbers_of_the_english_run(nnviz_cli, args):
    rc, english, err = nnviz_cli("trace", *args)
    assert rc == 0 and err == ""
    rc, chinese, err = nnviz_cli("trace", *args, "--lang", "zh_CN")
    assert rc == 0 and err == ""
    assert words.language() == "en"  # the translation is gone again after the command
    en_lines, zh_lines = english.splitlines(), chinese.splitlines()
    assert len(zh_lines) == len(en_lines)
    for en, zh in zip(en_lines, zh_lines):
        if re.search(r"[\u4e00-\u9fff]", zh):
            # a line with words: the same numbers (the Chinese may reorder them within a heading)
            assert sorted(NUMBER.findall(zh)) == sorted(NUMBER.findall(en)), (en, zh)
        else:
            assert zh == en  # formulas, names and numbers stay as they are
    assert zh_lines[0].startswith("== 第 1 次迭代 · ") and "-- 前向传播 · 第 1 层（共 2 层） --" in zh_lines
    assert re.fullmatch(r"第 \d+ 次迭代完成：损失（前向传播）\S+，当前损失 \S+", zh_lines[-1])


def test_trace_in_english_is_the_default_with_its_counts_singular_and_plural(nnviz_cli):
    """``--lang en`` loads English's forms of counts: one sample reads singular; without
    ``--lang`` the command line prints its texts as written, as it always did."""
    default, english = nnviz_cli("trace")[1], nnviz_cli("trace", "--lang", "en")[1]
    assert " 1 of 1 samples " in default.splitlines()[0]
    assert english == default.replace(" 1 of 1 samples ", " 1 of 1 sample ", 1)
    args = ["--preset", "xor", "--iterations", "1"]  # four samples: plural either way
    assert nnviz_cli("trace", *args, "--lang", "en")[1] == nnviz_cli("trace", *args)[1]
    assert words.language() == "en"


def test_an_unknown_language_is_one_line(nnviz_error):
    err = nnviz_error("trace", "--lang", "fr")
    assert err.startswith("nnviz trace: argument --lang: invalid choice: 'fr' (choose from ")


def test_the_window_takes_the_language(monkeypatch, nnviz_cli):
    import nnviz.gui.app

    asked = {}
    monkeypatch.setattr("nnviz.cli.window.display_problem", lambda: None)
    monkeypatch.setattr(nnviz.gui.app, "run", lambda **kw: asked.update(kw) or 0)
    assert nnviz_cli("--lang", "zh_CN", "--preset", "xor")[0] == 0
    assert asked["language"] == "zh_CN" and asked["preset"] == "xor"
