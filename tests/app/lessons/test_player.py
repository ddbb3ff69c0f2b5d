"""The lesson player, without Qt: set-ups, Next before the check, Back, Restart, ticks
that stay, progress kept in a store, sweeps seen through the job runner."""

import pytest

from nnviz.app.jobs import SweepRequest
from nnviz.app.lessons.format import Library, parse
from nnviz.app.lessons.player import LessonPlayer, MemoryStore, Progress
from nnviz.app.session import Session
from nnviz.core import presets

LESSON = '''title = "Test"
[[steps]]
title = "Forward"
text = "Press Next. out_h1 = {out:h1}, dE/dw5 = {grad:w5}."
setup = { preset = "mazur", dock = "inspector", highlight = "next", rate = 0.25 }
check = { kind = "reached", phase = "forward", layer = 1 }

[[steps]]
title = "Read"
text = """
A paragraph
over two lines.

> a display line: {loss|4}
> and another
"""

[[steps]]
title = "Play"
text = "Play 5."
setup = { select = "w5", stop_rules = { max_iterations = 20 }, settings = { batch = "online" } }
check = { kind = "iterations", at_least = 5 }

[[steps]]
title = "xor"
text = "Play 3 on xor."
setup = { preset = "xor", highlight = "zeros" }
check = { kind = "iterations", at_least = 3 }

[[steps]]
title = "Sweep"
text = "Sweep and use the best."
check = { kind = "sweep", used = true }
'''


@pytest.fixture
def session():
    return Session(presets.load("sine"))


@pytest.fixture
def player(session):
    lib = Library([parse(LESSON, "01-test.toml"), parse(LESSON.replace('"Test"', '"Other"'), "02-other.toml")], [])
    p = LessonPlayer(session, lib, MemoryStore())
    p.events = []
    p.changed.connect(lambda: p.events.append("changed"))
    p.show_dock.connect(lambda name: p.events.append(f"dock {name}"))
    p.highlight.connect(lambda name: p.events.append(f"highlight {name}"))
    return p


def test_opening_applies_the_set_up_and_the_check_ticks_on_the_step(player, session):
    assert not player.open("nothing")
    assert player.open("test")
    t = session.trainer
    assert t.dataset.name == "mazur" and t.learning_rate == 0.25
    assert player.events[:2] == ["dock inspector", "highlight next"]
    assert not player.passed()
    pieces = player.text()[0].lines[0]
    assert ("—", True) in pieces  # out_h1 does not exist yet
    session.step()
    assert player.passed()
    assert player.text()[0].lines[0][1] == ("0.593269992", True)
    assert player.text()[0].lines[0][3] == ("—", True)  # no gradient yet


def test_next_is_not_gated_and_back_changes_nothing(player, session):
    player.open("test")
    player.next()  # before the check passed
    assert player.index == 1 and not player.passed(0)
    paragraphs = player.text()
    assert paragraphs[0].lines == [[("A paragraph over two lines.", False)]] and not paragraphs[0].display
    assert paragraphs[1].display and len(paragraphs[1].lines) == 2
    player.next()  # a step without checks is ticked when the user goes on from it
    assert player.passed(1) and player.index == 2
    t = session.trainer
    assert session.selection.param == "W2[0,0]" and session.max_iterations == 20 and t.batch == "online"
    t.run(4)
    session.flush(force=True)
    assert not player.passed()
    player.back()
    assert player.index == 1 and session.trainer is t and t.iteration == 4  # Back changes nothing
    player.next()  # Next applies the step's set-up again; the count starts here
    t.run(4)
    session.flush(force=True)
    assert not player.passed()
    t.run(1)
    session.flush(force=True)
    assert player.passed() and player.passed(1) and not player.passed(0)


def test_a_set_up_is_no_check(player, session):
    """Events from applying a step's set-up never tick it: the preset loaded by step 4
    comes after 20 iterations of step 3, but counts from 0."""
    player.open("test", 2)
    session.trainer.run(20)
    session.flush(force=True)
    assert player.passed(2)
    player.next()
    assert session.trainer.dataset.name == "xor" and not player.passed()
    session.trainer.run(3)
    session.flush(force=True)
    assert player.passed()


def test_progress_is_kept_and_resumed_with_the_set_ups_before(player, session):
    player.open("test")
    session.step()
    player.next()
    player.next()
    assert player.store.load("test") == Progress(2, {0, 1})
    assert player.progress("test") == (2, 5) and player.progress("other") == (0, 5)
    player.open("other")
    assert player.index == 0 and player.done == set()
    session.load_preset("sine")
    player.open("test")  # back where it was left: step 3, with steps 1-3's set-ups
    assert player.index == 2 and player.done == {0, 1}
    t = session.trainer
    assert t.dataset.name == "mazur" and t.learning_rate == 0.25 and t.batch == "online"
    player.restart()
    assert player.index == 0 and player.done == set() and session.trainer.dataset.name == "mazur"
    assert player.store.load("test") == Progress(0, set())
    player.close()
    assert player.lesson is None and player.events[-2:] == ["highlight None", "changed"]


def test_a_finished_sweep_is_seen_and_its_best_rate_used(player, session):
    player.open("test", 4)
    assert not player.passed()
    session.jobs.submit(SweepRequest(session.trainer.copy(), [0.03, 0.3, 3.0], 10))  # xor trains at 1
    assert not player.passed()  # ran, but its best rate is not the rate
    best = player.context.sweep.best_rate
    session.set_learning_rate(float(best))
    assert player.passed()


def test_detach_stops_listening(player, session):
    player.open("test")
    player.detach()
    session.step()
    assert not player.passed()
