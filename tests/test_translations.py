"""The translations are complete and compiled: every text of the code (the window's tr()
strings and the N_/T_ texts of the layers without Qt) is in each .ts with a finished
translation, nothing there is gone from the code, and the .qm is that .ts compiled (the
same bytes, not a newer file time: git keeps no times). Also what the extraction really
finds, and the lessons' own translations."""

from __future__ import annotations

import importlib.util
import re
import sys
import textwrap
from pathlib import Path

import pytest

from nnviz.app.lessons import format as lesson_format
from nnviz.app.lessons.quantities import placeholders
from nnviz.core import words

ROOT = Path(__file__).resolve().parents[1]


def _load_script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


script = _load_script()
TS_FILES = script.translation_files()


def test_every_language_has_its_files():
    """One .ts per language spoken, and English's own: the two forms of its counts."""
    assert [ts.stem for ts in TS_FILES] == sorted(f"nnviz_{code}" for code in words.languages())
    assert "nnviz_zh_CN" in [ts.stem for ts in TS_FILES]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_translation_is_complete_and_compiled(ts):
    assert script.problems(ts) == []


def _package(tmp_path, source: str) -> Path:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return package


def test_what_the_extraction_finds(tmp_path):
    """tr() in a class (its name is the context, a count makes it plural), and the N_/T_
    markers of the layers without Qt, with their plural forms and disambiguations."""
    package = _package(tmp_path, """
        from nnviz.core.words import N_, T_

        class Panel:
            def texts(self, n):
                return self.tr("&Open"), self.tr("%n steps", "", n)

        WORDS = {"a": N_("verdict", "converging"), "b": N_("verdict", "Forward", "the phase")}

        def line(m):
            return T_("explain", "… and %1 more samples", f"{m:,}", n=m), T_("explain", "sample %1 of %2", 1, m)
        """)
    ts = tmp_path / "nnviz_de.ts"
    script.update_ts(ts, package)
    found = script.messages(ts.read_text(encoding="utf-8"))
    assert set(found) == {("Panel", "&Open", ""), ("Panel", "%n steps", ""), ("verdict", "converging", ""),
                          ("verdict", "Forward", "the phase"), ("explain", "… and %1 more samples", ""),
                          ("explain", "sample %1 of %2", "")}
    text = ts.read_text(encoding="utf-8")
    plural = re.findall(r'<message numerus="yes">\s*<location[^>]*/>\s*<source>([^<]*)</source>', text)
    assert sorted(plural) == ["%n steps", "… and %1 more samples"]
    # the markers' locations are their own lines, not the stub's
    lines = (package / "mod.py").read_text(encoding="utf-8").splitlines()
    t_line = next(k for k, line in enumerate(lines, 1) if "T_(" in line and "import" not in line)
    assert f'filename="pkg/mod.py" line="{t_line}"' in text and script.STUB not in text


def test_a_marked_text_must_be_literal(tmp_path):
    package = _package(tmp_path, """
        from nnviz.core.words import T_
        x = T_("explain", f"sample {1}")
        """)
    with pytest.raises(script.MarkerError, match=r"mod\.py:3: the text of a translated text must be a literal"):
        script.scan(package)


ZH_CN = next(ts for ts in TS_FILES if ts.stem == "nnviz_zh_CN")


def test_an_unfinished_translation_or_a_stale_qm_is_reported(tmp_path):
    ts, qm = tmp_path / ZH_CN.name, tmp_path / ZH_CN.with_suffix(".qm").name
    text = ZH_CN.read_text(encoding="utf-8")
    qm.write_bytes(ZH_CN.with_suffix(".qm").read_bytes())
    ts.write_text(text.replace("<translation>", '<translation type="unfinished">', 1), encoding="utf-8")
    found = script.problems(ts)
    assert len(found) == 1 and "unfinished" in found[0]
    ts.write_text(text.replace("<translation>", "<translation>!", 1), encoding="utf-8")  # edited, not compiled
    assert script.problems(ts) == [f"{qm.name}: not the compiled {ts.name}"]


def test_english_holds_the_two_forms_of_every_count():
    """nnviz_en.ts: the plural messages of the code and nothing else, each with a singular
    and a plural form, the plural the text as written; a new count comes in unfinished."""
    import xml.etree.ElementTree as ET

    english = next(ts for ts in TS_FILES if ts.stem == "nnviz_en")
    chinese = ET.fromstring(ZH_CN.read_text(encoding="utf-8"))
    plural = {(c.findtext("name"), m.findtext("source")) for c in chinese.iter("context")
              for m in c.iter("message") if m.get("numerus") == "yes"}
    found = {}
    for c in ET.fromstring(english.read_text(encoding="utf-8")).iter("context"):
        for m in c.iter("message"):
            assert m.get("numerus") == "yes", m.findtext("source")
            found[(c.findtext("name"), m.findtext("source"))] = [f.text for f in m.iter("numerusform")]
    assert set(found) == plural and len(plural) > 20
    for (context, source), (one, many) in found.items():
        assert many == source and one, (context, source)
        assert one.count("%n") == source.count("%n")
    assert found[("DataDialog", "%n samples")] == ["%n sample", "%n samples"]


def test_a_new_count_is_reported_unfinished_in_english(tmp_path):
    package = _package(tmp_path, """
        from nnviz.core.words import N_, T_

        def line(m):
            return T_("explain", "%n lamps", n=m), T_("explain", "no count %1", m), N_("x", "word")
        """)
    ts = tmp_path / "nnviz_en.ts"
    script.update_ts(ts, package)
    assert script.messages(ts.read_text(encoding="utf-8")) == {("explain", "%n lamps", ""): False}


# ================================================================ the lessons
LESSONS = lesson_format.library().lessons


@pytest.mark.parametrize("language", words.languages()[1:])
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.name)
def test_every_lesson_text_is_translated(lesson, language):
    assert set(lesson.translations.get(language, {})) == {"title"} | ({"summary"} if lesson.summary else set())
    for k, step in enumerate(lesson.steps):
        want = {"title", "text"} | ({"task"} if step.task else set())
        assert set(step.translations.get(language, {})) == want, f"step {k + 1}"
        assert set(placeholders(step.translations[language]["text"])) == set(placeholders(step.text))


def test_a_translation_that_drops_a_live_number_is_one_line(tmp_path):
    text = textwrap.dedent('''\
        title = "T"
        [[steps]]
        title = "S"
        text = "loss {loss}, w5 {param:w5}"
        zh_CN.title = "步"
        zh_CN.text = "损失 {loss}"
        ''')
    with pytest.raises(lesson_format.LessonError) as err:
        lesson_format.parse(text, "10-t.toml")
    assert str(err.value) == ("10-t.toml, line 6: steps[0].zh_CN.text: the live numbers differ from the English "
                              "text's: missing {param:w5}")


def test_a_lesson_in_chinese_and_in_english():
    zh = lesson_format.library(language="zh_CN").find("sharing-the-error")
    en = lesson_format.library().find("sharing-the-error")
    assert (zh.title, en.title) == ("按权重比例分配误差", "Sharing out the error")
    assert zh.steps[0].setup == en.steps[0].setup and zh.steps[0].checks == en.steps[0].checks
