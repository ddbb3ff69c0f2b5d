"""The Session without Qt: its commands, its events, the fork that follows the main run,
the lessons, and Play's time slices measured by a clock the test owns."""

import math

import numpy as np
import pytest

from nnviz.app import play as play_mod
from nnviz.app.session import FAST_PLAY, FRAME_PLAY, LESSONS, Selection, Session
from nnviz.core import presets
from nnviz.core.trainer import Schedule
from nnviz.io import snapshot


class Clock:
    """Time that moves only when told: ``step`` seconds on every reading."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 100.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def record(s: Session, *names: str) -> list:
    seen = []
    for name in names:
        getattr(s, name).connect(lambda *args, name=name: seen.append((name, *args)))
    return seen


def same(a, b) -> bool:
    return np.array_equal(a.network.flat(), b.network.flat())


# ------------------------------------------------------------------- commands
def test_a_refused_setting_changes_nothing_and_says_why():
    s = Session(presets.load("mazur"))
    seen = record(s, "message", "settings_changed")
    assert not s.configure(learning_rate=-1.0)
    assert s.trainer.learning_rate == 0.5
    assert seen == [("message", "learning rate must be a positive number, got -1.0")]
    assert s.configure(batch="online", learning_rate=0.25)
    assert ("settings_changed", "learning_rate") in seen and ("settings_changed", "batch") in seen


def test_freeze_and_unfreeze_through_the_session():
    s = Session(presets.load("xor"))
    seen = record(s, "message")
    assert s.freeze(["W1[0,0]", "W2[0,1]"])
    assert s.trainer.frozen == {"W1[0,0]", "W2[0,1]"}
    assert seen[-1] == ("message", "2 parameters frozen: training leaves them unchanged")
    assert s.freeze(["W1[0,0]"], frozen=False)
    assert s.trainer.frozen == {"W2[0,1]"}
    assert not s.freeze(["W9[0,0]"])  # no such parameter: a message, nothing changes
    assert s.trainer.frozen == {"W2[0,1]"}
    assert s.freeze_biases(True)
    assert all(p.name in s.trainer.frozen for p in s.trainer.network.params() if p.kind == "b")


def test_commands_flush_once_and_core_changes_wait_for_a_flush():
    s = Session(presets.load("mazur"))
    seen = record(s, "state_changed", "pending")
    assert s.step("phase")
    assert seen == [("state_changed",)]  # the micro-steps of a phase: one state change
    seen.clear()
    s.trainer.run(3)  # behind the Session's back: it hears of it, the views wait
    assert seen == [("pending",)]
    s.flush()
    s.flush()
    assert seen == [("pending",), ("state_changed",)]


def test_an_edit_is_undone_by_step_back():
    s = Session(presets.load("mazur"))
    before = s.trainer.network.flat().copy()
    assert s.edit_parameter("w5", 0.123)
    assert s.trainer.network.get(s.trainer.network.parse_param("w5")) == 0.123
    assert s.back()
    assert np.array_equal(s.trainer.network.flat(), before)
    assert not s.edit_parameter("w5", math.inf)



def test_two_parameters_edited_together_are_one_step_back():
    s = Session(presets.load("adaline"))
    seen = record(s, "message", "state_changed")
    before = s.trainer.network.flat().copy()
    assert s.edit_parameters({"w1": 0.5, "w2": -1.0})
    assert ("state_changed",) in seen and seen[-1] == ("message", "w1 = 0.5, w2 = -1 (Step back undoes it)")
    assert s.edit_parameters({"w1": 0.75, "w2": -0.5}, merge=True)  # a drag's next move
    assert s.back()
    assert np.array_equal(s.trainer.network.flat(), before)
    assert not s.edit_parameters({"w1": 1.0, "w9": 2.0})  # a message, and nothing changes
    assert np.array_equal(s.trainer.network.flat(), before)


def test_regime_marks_are_computed_once_per_state():
    """On the adaline bowl they hold everywhere: training does not compute them again; a
    new rate never does; momentum moves them; on the worked example each point has its own."""
    s = Session(presets.load("adaline"))
    m = s.regime_marks()
    assert (m.zigzag_from, m.diverges_from) == (pytest.approx(0.25, rel=1e-12), pytest.approx(0.5, rel=1e-12))
    s.trainer.run(5)
    s.set_learning_rate(0.3)
    assert s.regime_marks() is m and s.marks_cache.computed == 1
    s.configure(optimizer="momentum", optimizer_params={"momentum": 0.9})
    assert s.regime_marks().diverges_from == pytest.approx(0.95, rel=1e-12)
    s.set_trainer(presets.load("mazur"))
    first = s.regime_marks()
    assert not first.exact and first.diverges_from > 10
    s.step("iteration")
    assert s.regime_marks() is not first and s.marks_cache.computed == 4

def test_stop_rules_are_settings_of_the_session():
    s = Session(presets.load("xor"))
    seen = record(s, "settings_changed")
    s.set_stop_rules(1e-3, 40)
    assert (s.until_loss, s.max_iterations) == (1e-3, 40)
    s.set_stop_rules(math.nan, None)
    assert (s.until_loss, s.max_iterations) == (None, None)
    assert seen == [("settings_changed", "stop_rules")] * 2


# -------------------------------------------------------------------- lessons
@pytest.mark.parametrize("scheme", list(LESSONS))
def test_a_lesson_starts_again_and_restore_gives_back_the_start(scheme):
    s = Session(presets.load("xor"))
    reference = presets.load("xor")
    s.trainer.run(5)
    assert s.start_lesson(scheme)
    assert s.lesson == scheme and s.trainer.iteration == 0 and s.trainer.init_scheme == scheme
    if scheme == "zeros":
        assert not s.trainer.network.flat().any()
    else:
        assert np.abs(s.trainer.network.flat()).max() > 1.0  # uniform in [-10, 10]
    s.end_lesson()
    assert s.lesson is None and s.trainer.iteration == 0
    assert same(s.trainer, reference)  # the initial weights from before the lesson
    s.trainer.run(7)
    reference.run(7)
    assert same(s.trainer, reference)  # and the run carries on as the original would


def test_one_lesson_after_another_still_restores_the_first_start():
    s = Session(presets.load("xor"))
    reference = presets.load("xor")
    s.start_lesson("zeros")
    s.start_lesson("large")
    s.end_lesson()
    assert same(s.trainer, reference)


# ----------------------------------------------------------------------- fork
def test_the_fork_follows_the_main_run_and_its_schedule():
    t = presets.load("xor")
    t.configure(schedule=Schedule("step", step_size=2, gamma=0.5))
    s = Session(t)
    s.step("iteration")
    s.step("iteration")
    s.step("iteration")
    twin = snapshot.from_dict(snapshot.to_dict(t))
    assert s.fork(t.learning_rate)  # the same rate: the fork must stay on the main run's path
    seen = record(s, "runs_changed")
    for _ in range(5):
        s.step("iteration")
    f = s.fork_run.trainer
    assert f.iteration == t.iteration == 8
    twin.run(5)
    assert same(f, twin)
    assert seen.count(("runs_changed", "fork")) == 5
    s.back(len(t.steps) * 2)
    assert f.iteration == 6 and same(f, t)  # it steps back with the main run
    s.back(len(t.steps) * 4)
    assert "stepped back before the fork point" in s.fork_run.note
    s.remove_fork(s.fork_run)
    assert s.fork_run is None


def test_a_long_catch_up_is_cut_in_chunks_and_needs_the_timer(monkeypatch):
    monkeypatch.setattr("nnviz.app.runs.FORK_CHUNK", 10)
    s = Session(presets.load("xor"))
    s.fork(1.0)
    wanted = record(s, "work_changed")
    s.trainer.run(25)
    s.flush()
    assert s.fork_run.trainer.iteration == 10 and s.wants_ticks and wanted
    s.tick()
    s.tick()
    assert s.fork_run.trainer.iteration == 25 and not s.wants_ticks


def test_a_diverged_run_cannot_be_forked_or_raced():
    s = Session(presets.load("sine"))
    s.configure(learning_rate=10.0)
    s.trainer.run(500)
    assert s.trainer.status == "diverged"
    assert not s.fork(0.1) and s.fork_run is None
    assert not s.start_race(10) and s.race_run is None


# ----------------------------------------------------------------------- race
def test_the_race_runs_in_slices_of_the_timer_and_matches_two_runs():
    s = Session(presets.load("xor"), clock=Clock(step=0.001))  # 1 ms per reading of the clock
    s.trainer.run(10)
    before = snapshot.to_dict(s.trainer)
    assert s.start_race(300)
    assert s.wants_ticks
    done = []
    while s.race_run.running:
        s.tick()
        done.append(s.race_run.race.done)
    assert len(done) > 3 and done == sorted(done)  # several slices, not one blocking run
    assert s.race_run.complete and not s.wants_ticks
    for mode, losses in (("chain", s.race_run.race.chain_losses), ("proportional", s.race_run.race.proportional_losses)):
        copy = snapshot.from_dict(before)
        copy.configure(backprop=mode)
        copy.run(300)
        assert losses == copy.loss_history[10:]
    assert snapshot.to_dict(s.trainer) == before  # the race trained copies only


def test_cancelling_the_race_stops_it_at_once():
    s = Session(presets.load("xor"), clock=Clock(step=0.001))
    seen = record(s, "runs_changed")
    s.start_race(10_000)
    s.tick()
    done = s.race_run.race.done
    s.cancel_race()
    assert s.race_run.job.status == "cancelled" and not s.wants_ticks
    s.tick()
    assert s.race_run.race.done == done
    assert seen[-1] == ("runs_changed", "race")


# ----------------------------------------------------------------------- Play
def test_play_trains_in_slices_of_the_clock():
    clock = Clock(step=0.001)  # every reading of the clock is 1 ms later
    s = Session(presets.load("xor"), clock=clock)
    s.set_play_speed(FAST_PLAY)
    assert s.play() and s.playing and s.flat_out
    sizes = []
    for _ in range(3):
        before = s.trainer.iteration
        s.tick()
        sizes.append(s.trainer.iteration - before)
    # a slice lasts SLICE_SECONDS by the clock: about one iteration per millisecond here
    slice_ms = play_mod.SLICE_SECONDS * 1000
    assert all(0.5 * slice_ms <= n <= slice_ms + 1 for n in sizes), sizes
    s.pause()
    assert not s.playing and not s.flat_out


def test_play_trains_longer_when_the_window_spent_long_drawing():
    clock = Clock(step=0.001)
    s = Session(presets.load("xor"), clock=clock)
    s.set_play_speed(FAST_PLAY)
    s.play()
    s.tick()
    for _ in range(30):  # the window draws for 20 ms every frame (and a reading or two of the clock)
        clock.now += 0.020
        before = s.trainer.iteration
        s.tick()
    share = play_mod.DRAWING_SHARE
    expected = 20 * (1 - share) / share  # ms of training for 20 ms of drawing
    assert 0.9 * expected <= s.trainer.iteration - before <= 1.1 * expected
    clock.now += 0.025  # one slower frame (views that redraw less often) moves the slice part of the way
    before = s.trainer.iteration
    s.tick()
    w = play_mod.DRAWING_SMOOTHING
    expected = ((1 - w) * 20 + w * 25) * (1 - share) / share
    assert expected < play_mod.MAX_SLICE_SECONDS * 1000  # under the cap: the test sees the smoothing
    assert 0.9 * expected <= s.trainer.iteration - before <= 1.1 * expected
    clock.now += 10.0  # however slow the drawing, a slice stays short
    before = s.trainer.iteration
    s.tick()
    assert s.trainer.iteration - before <= play_mod.MAX_SLICE_SECONDS * 1000 + 1


def test_play_at_a_speed_keeps_the_speed_and_leaves_the_window_idle():
    clock = Clock()
    s = Session(presets.load("xor"), clock=clock)
    s.set_play_speed(20)
    assert s.tick_interval_ms() == 0  # not playing yet
    s.play()
    assert s.tick_interval_ms() == 50
    for _ in range(10):
        clock.now += 0.05
        s.tick()
        assert not s.flat_out  # one iteration a tick: the window is idle in between
    assert s.trainer.iteration == 10
    s.set_play_speed(200)  # faster than a frame: several iterations a tick
    assert s.tick_interval_ms() == play_mod.TICK_MS
    for _ in range(10):
        clock.now += 0.016
        s.tick()
    assert 10 + 0.9 * 200 * 0.16 <= s.trainer.iteration <= 10 + 1.1 * 200 * 0.16


def test_play_defaults_to_one_step_per_frame_of_the_screen():
    clock = Clock()
    s = Session(presets.load("xor"), clock=clock)
    assert s.play_speed == FRAME_PLAY and s.play_unit == "iteration"
    s.set_frame_rate(120.0)  # the adapter tells the screen's rate
    s.play()
    assert s.tick_interval_ms() == 8 and s.flat_out  # every frame is used: views redraw with the step
    for k in range(1, 6):
        clock.now += 0.5  # however late the frame, one step a frame
        s.tick()
        assert s.trainer.iteration == k and s.flat_out
    s.set_play_unit("micro")
    s.tick()
    assert s.trainer.cursor == 1
    s.set_frame_rate(0.0)  # nonsense from a screen is ignored
    assert s.frame_rate == 120.0


@pytest.mark.parametrize("speed", [FRAME_PLAY, FAST_PLAY])
def test_play_stops_at_the_loss_rule_at_any_speed(speed):
    s = Session(presets.load("xor"), clock=Clock(step=0.001))
    s.set_play_speed(speed)
    s.set_stop_rules(0.1, None)
    s.play()
    for _ in range(5000):
        if not s.playing:
            break
        s.tick()
    t = s.trainer
    assert not s.playing and t.loss_history[-1] < 0.1 <= t.loss_history[-2]


def test_play_stops_at_the_stop_rules():
    s = Session(presets.load("xor"), clock=Clock(step=0.001))
    s.set_stop_rules(None, 25)
    s.set_play_speed(FAST_PLAY)
    seen = record(s, "message", "playing_changed")
    s.play()
    while s.playing:
        s.tick()
    assert s.trainer.iteration == 25
    assert ("message", "Stopped: reached 25 iterations") in seen and seen[-1] != ("playing_changed", True)


def test_a_diverging_run_stops_play_with_a_message():
    s = Session(presets.load("sine"), clock=Clock(step=0.001))
    s.configure(learning_rate=10.0)
    s.set_play_speed(FAST_PLAY)
    seen = record(s, "message")
    s.play()
    for _ in range(200):
        if not s.playing:
            break
        s.tick()
    assert not s.playing and s.trainer.status == "diverged"
    assert any(text.startswith("Training diverged") for _, text in seen)
    assert not s.play()  # refused until reset, step back or a changed setting


# ------------------------------------------------------------- hover, digits
def test_hover_previews_without_touching_the_selection():
    s = Session(presets.load("mazur"))
    seen = record(s, "hover_changed", "selection_changed")
    s.select_param("w5")
    s.set_hover(Selection(param="w1"))
    assert s.hover == Selection(param="W1[0,0]") and s.inspected == s.hover
    assert s.selection == Selection(param="W2[0,0]")
    s.set_hover(Selection(param="W1[0,0]"))  # the same item again: no event
    s.set_hover(Selection(layer=1, unit=0))
    s.set_hover(None)
    assert s.inspected == s.selection
    assert seen == [("selection_changed",)] + [("hover_changed",)] * 3
    s.set_hover(Selection(layer=2, unit=1))
    s.load_preset("xor")  # another network: nothing is under the mouse
    assert s.hover is None


def test_digits_are_one_setting_for_every_view():
    s = Session(presets.load("mazur"))
    seen = record(s, "settings_changed")
    assert s.formatter.num(0.593269992) == "0.5933"  # the default: 4 decimal places
    s.set_digits(9)
    assert s.formatter.num(0.593269992) == "0.593269992" and seen == [("settings_changed", "digits")]
    s.set_digits(9)
    assert len(seen) == 1
    with pytest.raises(ValueError):
        s.set_digits(0)
    assert s.digits == 9
