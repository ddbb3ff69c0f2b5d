"""Several forks at once: each follows the main run exactly as an independent copy with its
settings would, a fourth replaces the oldest, one or all can be removed, a Reset starts
those from the start again, and lessons quote and check any of them."""

import numpy as np
import pytest

from nnviz.app.lessons.checks import PREDICATES, Context
from nnviz.app.lessons.quantities import Reader, check_reference
from nnviz.app.runs import MAX_FORKS
from nnviz.app.session import Session
from nnviz.core import presets


def record(s: Session) -> list:
    seen = []
    s.runs_changed.connect(seen.append)
    s.message.connect(lambda text: seen.append(("message", text)))
    return seen


def copy_with(trainer, rate, optimizer=None, batch=None):
    """What a fork should be: an independent Trainer.copy with the fork's settings."""
    c = trainer.copy(learning_rate=rate, optimizer=optimizer)
    if batch is not None:
        c.configure(batch=batch)
    return c


def bits(t) -> bytes:
    return t.network.flat().tobytes()


def test_three_forks_follow_the_main_run_bit_for_bit():
    s = Session(presets.load("valley"))
    s.configure(learning_rate=0.45)
    twins = []
    for rate, optimizer, batch in ((0.1, "momentum", None), (1.0, "adagrad", None), (0.3, "adam", "online")):
        s.trainer.run(3)  # each branches at another iteration
        s.flush(force=True)
        twins.append(copy_with(s.trainer, rate, optimizer, batch))
        assert s.fork(rate, optimizer, batch=batch)
    assert len(s.forks) == 3 and [f.start for f in s.forks] == [3, 6, 9]
    assert s.fork_run is s.forks[-1]  # the newest
    for _ in range(40):
        s.step("iteration")
    assert all(f.trainer.iteration == s.trainer.iteration == 49 for f in s.forks)
    for f, twin in zip(s.forks, twins):
        twin.run(49 - f.start)
        assert bits(f.trainer) == bits(twin) and f.trainer.loss_history == twin.loss_history
    assert len({bits(f.trainer) for f in s.forks} | {bits(s.trainer)}) == 4  # four different runs
    # each its own colour, and named by what it changed
    assert sorted(f.slot for f in s.forks) == [0, 1, 2]
    assert [f.label for f in s.forks] == ["momentum · rate 0.1", "adagrad · rate 1", "adam · online · rate 0.3"]
    s.back(len(s.trainer.steps) * 5)  # they step back with the main run
    assert all(f.trainer.iteration == 44 for f in s.forks)


def test_a_catch_up_is_shared_between_the_forks(monkeypatch):
    monkeypatch.setattr("nnviz.app.runs.FORK_CHUNK", 20)
    s = Session(presets.load("xor"))
    s.fork(1.0)
    s.fork(2.0)
    s.trainer.run(25)
    s.flush()
    assert [f.trainer.iteration for f in s.forks] == [10, 10] and s.wants_ticks
    s.tick()
    s.tick()
    assert [f.trainer.iteration for f in s.forks] == [25, 25] and not s.wants_ticks


def test_a_fourth_fork_replaces_the_oldest_and_says_so():
    s = Session(presets.load("sine"))
    for rate in (0.01, 0.02, 0.03):
        assert s.fork(rate)
    oldest, kept = s.forks[0], s.forks[1:]
    seen = record(s)
    assert s.fork(0.04, batch="online")
    assert len(s.forks) == MAX_FORKS and oldest not in s.forks and s.forks[:2] == kept
    new = s.forks[-1]
    assert new.slot == oldest.slot  # the colour that came free
    assert seen[0] == "fork"
    text = seen[-1][1]
    assert "replaces the oldest fork (rate 0.01)" in text and "at most 3 forks" in text


def test_removing_one_fork_and_all_of_them():
    s = Session(presets.load("sine"))
    for batch in ("online", 8, 4):
        s.fork(s.trainer.learning_rate, batch=batch)
    a, b, c = s.forks
    seen = record(s)
    s.remove_fork(b)
    assert s.forks == [a, c] and seen == ["fork"]
    s.remove_fork(b)  # gone already: nothing happens
    assert seen == ["fork"]
    assert s.fork(s.trainer.learning_rate, batch=2) and s.forks[-1].slot == b.slot
    s.trainer.run(5)
    s.flush(force=True)
    assert all(f.trainer.iteration == 5 for f in s.forks)
    s.remove_forks()
    assert s.forks == [] and s.fork_run is None and seen[-1] == "fork"
    s.fork(0.1)
    s.load_preset("xor")  # a new network: the forks go
    assert s.forks == []


def test_reset_starts_the_forks_from_the_start_again_and_drops_later_ones():
    s = Session(presets.load("sine"))
    s.fork(s.trainer.learning_rate, batch="online")
    s.fork(0.2, "momentum")
    s.trainer.run(30)
    s.flush(force=True)
    s.fork(0.5)  # branched at 30: after a Reset there is nothing to branch from
    s.trainer.run(10)
    s.flush(force=True)
    slots = [f.slot for f in s.forks[:2]]
    seen = record(s)
    s.reset()
    assert [f.label for f in s.forks] == ["online", "momentum · rate 0.2"] and [f.slot for f in s.forks] == slots
    assert all(f.trainer.iteration == 0 and f.start == 0 for f in s.forks)
    assert "removed: rate 0.5" in seen[-1][1]
    twins = [copy_with(s.trainer, s.trainer.learning_rate, batch="online"), copy_with(s.trainer, 0.2, "momentum")]
    s.trainer.run(20)
    s.flush(force=True)
    for f, twin in zip(s.forks, twins):
        twin.run(20)
        assert bits(f.trainer) == bits(twin) and f.trainer.loss_history == twin.loss_history


def test_the_main_run_is_named_in_the_forks_terms():
    from nnviz.app.runs import main_label
    s = Session(presets.load("sine"))
    s.fork(s.trainer.learning_rate, batch="online")
    assert main_label(s.trainer, s.forks) == "full batch"
    s.fork(s.trainer.learning_rate)  # changes nothing: named by its rate
    assert s.forks[-1].label == f"rate {s.trainer.learning_rate:.4g}"
    assert main_label(s.trainer, s.forks) == f"full batch · rate {s.trainer.learning_rate:.4g}"


def fork_check(session, **params) -> bool:
    ctx = Context(session, Reader(session))
    ctx.begin()
    return PREDICATES["fork"].test(ctx, params)


def test_lessons_check_any_fork_and_quote_a_given_one():
    s = Session(presets.load("sine"))
    r = Reader(s)
    s.fork(s.trainer.learning_rate, batch="online")
    s.fork(s.trainer.learning_rate, batch=8)
    s.trainer.run(12)
    s.flush(force=True)
    online, mini = s.forks
    assert fork_check(s, batch="online", at_least=12) and fork_check(s, batch=8, at_least=12)
    assert not fork_check(s, batch=4) and not fork_check(s, batch="online", at_least=13)
    assert r.value("fork_loss") == mini.trainer.loss_history[-1]  # the newest
    assert r.value("fork_loss", "online") == online.trainer.loss_history[-1]
    assert r.value("fork_loss", "8") == mini.trainer.loss_history[-1]
    assert r.value("fork_loss", "adam") is None and r.value("fork_iterations", "online") == 12
    assert online.trainer.loss_history[-1] != mini.trainer.loss_history[-1]
    s.remove_fork(online)
    assert not fork_check(s, batch="online") and r.value("fork_loss", "online") is None
    check_reference("fork_loss", None)
    for key in ("momentum", "online", "full", "8", "cross_entropy"):
        check_reference("fork_loss", key)
    with pytest.raises(ValueError, match="expected an optimizer"):
        check_reference("fork_loss", "nesterov")


def test_the_fork_keeps_the_main_runs_initial_weights():
    """After a Reset both start from the same weights, whatever the fork changed."""
    s = Session(presets.load("valley"))
    s.fork(1.0, "adagrad")
    s.trainer.run(5)
    s.flush(force=True)
    s.reset()
    assert np.array_equal(s.forks[0].trainer.network.flat(), s.trainer.network.flat())


def test_removing_a_fork_that_was_catching_up_stops_the_timer(monkeypatch):
    monkeypatch.setattr("nnviz.app.runs.FORK_CHUNK", 10)
    s = Session(presets.load("xor"))
    s.fork(1.0)
    s.trainer.run(25)
    s.flush()
    assert s.wants_ticks
    wanted = []
    s.work_changed.connect(lambda: wanted.append(s.wants_ticks))
    s.remove_fork(s.fork_run)
    assert not s.wants_ticks and wanted == [False]
