"""Lesson files: every shipped one loads; a malformed one gives one line naming the file,
the line and the field, and the others still load."""

import re
from pathlib import Path

import pytest

from nnviz.app.lessons import format as lesson_format
from nnviz.app.lessons.format import LessonError, library, parse

ROOT = Path(__file__).resolve().parents[3]
GOOD = '''title = "A lesson"
summary = "What it teaches."

[[steps]]
title = "First"
text = """
Press Next: out_h1 = {out:h1}.
"""
setup = { preset = "mazur", dock = "inspector", highlight = "next" }
check = { kind = "reached", phase = "forward", layer = 1 }

[[steps]]
title = "Second"
text = "Play 10 iterations; the loss is {loss|4}."
check = [{ kind = "iterations", at_least = 10 },
         { kind = "value", quantity = "loss", below = 0.3 }]
'''


def test_every_shipped_lesson_loads_in_order():
    lib = library()
    assert lib.errors == []
    assert [lesson.name for lesson in lib.lessons] == [  # issue 11's nine, in the tutorials' order
        "one-iteration", "learning-rate", "initial-weights", "sharing-the-error", "computational-graph",
        "per-sample-or-batch", "data", "loss-functions", "optimizers"]
    assert [lesson.number for lesson in lib.lessons] == list(range(1, 10))
    shipped = sorted(p.name for p in (ROOT / "resources" / "lessons").glob("*.toml"))
    assert [lesson.source for lesson in lib.lessons] == shipped
    for lesson in lib.lessons:
        assert lesson.title and lesson.summary and lesson.steps
        assert lesson.steps[0].setup.preset, f"{lesson.source}: the first step sets the network up"
        for step in lesson.steps:
            assert step.goal, f"{lesson.source}: {step.title} says what to do"


def test_the_lessons_are_packaged():
    text = (ROOT / "pyproject.toml").read_text()
    assert '"lessons/*.toml"' in text


def test_a_good_file_parses():
    lesson = parse(GOOD, "05-a-lesson.toml")
    assert (lesson.name, lesson.number, lesson.title) == ("a-lesson", 5, "A lesson")
    first, second = lesson.steps
    assert first.setup.preset == "mazur" and first.setup.dock == "inspector" and first.setup.highlight == "next"
    assert [c.kind for c in first.checks] == ["reached"] and first.checks[0].params == {"phase": "forward", "layer": 1}
    assert [c.kind for c in second.checks] == ["iterations", "value"]
    assert second.goal == "Run 10 iterations; loss below 0.3"


# (what to change in GOOD, the line number, the start of the message after it)
MALFORMED = [
    ('title = "First"', 'title = "First', 5, "not valid TOML"),
    ('"reached"', '"reachd"', 10, "steps[0].check.kind: unknown check 'reachd'; expected one of reached, "),
    ('phase = "forward"', 'phase = "forwards"', 10, "steps[0].check.phase: expected one of forward, loss, "),
    ("layer = 1 }", "layer = 0 }", 10, "steps[0].check.layer: expected a whole number >= 1, got 0"),
    ('preset = "mazur"', 'preset = "mazurr"', 9, "steps[0].setup.preset: expected one of mazur, "),
    ('dock = "inspector"', 'dock = "inspectr"', 9, "steps[0].setup.dock: expected one of "),
    ('highlight = "next"', 'highlight = "nxt"', 9, "steps[0].setup.highlight: expected one of "),
    ("{out:h1}", "{outt:h1}", 6, "steps[0].text: unknown quantity 'outt'"),
    ("{out:h1}", "{out}", 6, "steps[0].text: out needs a neuron such as h1 or o2"),
    ("{loss|4}", "{loss:w5}", 14, "steps[1].text: loss takes no argument"),
    ("{out:h1}", "{out h1", 6, "steps[0].text: a brace that is not a quantity"),
    ('text = "Play 10', 'txt = "Play 10', 14, "steps[1].txt: unknown field; expected one of title, text"),
    ("at_least = 10", "at_least = -1", 15, "steps[1].check[0].at_least: expected a whole number >= 1"),
    ('quantity = "loss", below = 0.3', 'quantity = "loss"', 15,
     "steps[1].check[1].above: a value check needs one of above, below, near"),
    ('quantity = "loss"', 'quantity = "lost"', 16, "steps[1].check[1].quantity: unknown quantity 'lost'"),
    ('highlight = "next" }', 'highlight = "next", settings = { batch = "halves" } }', 9,
     "steps[0].setup.settings.batch: batch must be full, online or a number"),
    ('highlight = "next" }', 'highlight = "next", rate = -1 }', 9, "steps[0].setup.rate: expected a positive number"),
    ('title = "A lesson"\n', '', None, "title: missing: expected text"),
]


@pytest.mark.parametrize("old,new,line,message", MALFORMED, ids=[m[3][:40] for m in MALFORMED])
def test_a_malformed_file_gives_one_line_naming_file_line_and_field(old, new, line, message):
    assert old in GOOD
    with pytest.raises(LessonError) as info:
        parse(GOOD.replace(old, new, 1), "07-broken.toml")
    text = str(info.value)
    assert "\n" not in text
    where = "07-broken.toml" + (f", line {line}" if line else "")
    assert text.startswith(f"{where}: {message}"), text


def test_a_file_with_no_steps_and_a_bad_name():
    with pytest.raises(LessonError, match=r"^02-x\.toml: steps: expected at least one \[\[steps\]\] table$"):
        parse('title = "x"\n', "02-x.toml")
    with pytest.raises(LessonError, match=r"^lesson\.toml: file name: expected NN-name\.toml"):
        parse(GOOD, "lesson.toml")


def test_a_bad_file_leaves_the_others_loading(tmp_path):
    (tmp_path / "01-good.toml").write_text(GOOD)
    (tmp_path / "02-bad.toml").write_text(GOOD.replace('"reached"', '"reachd"'))
    (tmp_path / "03-also-good.toml").write_text(GOOD)
    (tmp_path / "03-same-number.toml").write_text(GOOD)
    (tmp_path / "04-undecodable.toml").write_bytes(b"\xff\xfe title")
    (tmp_path / "notes.txt").write_text("not a lesson")
    lib = library(tmp_path)
    assert [lesson.name for lesson in lib.lessons] == ["good", "also-good"]
    assert len(lib.errors) == 3
    assert lib.errors[0].startswith("02-bad.toml, line 10: steps[0].check.kind: unknown check 'reachd'")
    assert lib.errors[1].startswith("04-undecodable.toml: cannot be read")
    assert lib.errors[2] == "03-same-number.toml: file name: the number 3 is taken by 03-also-good.toml"
    assert lib.find("3") is lib.find("also-good") is lib.lessons[1] and lib.find("02") is None


def test_the_example_in_the_docs_is_a_lesson():
    doc = (ROOT / "docs" / "lessons.md").read_text()
    example = re.search(r"```toml\n(.*?)```", doc, re.S)[1]
    lesson = parse(example, "10-example.toml")
    assert lesson.steps
    for kind in lesson_format.checks.PREDICATES:  # the docs list every check and quantity
        assert f"`{kind}`" in doc, kind
    for name in lesson_format.quantities.QUANTITIES:
        assert f"`{name}" in doc, name
    for name in lesson_format.DOCKS + lesson_format.CONTROLS:
        assert f"`{name}`" in doc, name
