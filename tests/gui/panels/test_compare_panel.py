"""The chain-rule vs. proportional-split panel: the table shows the core's numbers and
follows stepping; the race, started with a real click, fills the plot with the same
curves as two separate runs; Cancel stops it."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnviz.core import presets
from nnviz.core.analysis import compare
from nnviz.gui.widgets import palette as pal
from nnviz.gui.panels.compare_panel import COLUMNS, ComparePanel
from nnviz.io import snapshot


@pytest.fixture
def panel(show, xor_session):
    return show(ComparePanel(xor_session), (520, 640))


def _table(panel):
    t = panel.table
    return [[t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())]
            for r in range(t.rowCount())]


def _fmt(v):
    return f"{v:.4f}".rstrip("0")  # the window's default: 4 decimal places (these are all above 0.01)


def test_table_shows_the_cores_numbers(panel, xor_session):
    xor_session.step("iteration")
    panel._throttle.flush()
    c = compare.chain_vs_proportional(xor_session.trainer)
    rows = _table(panel)
    assert panel.table.columnCount() == len(COLUMNS)
    assert rows[0][0] == "output layer"
    assert rows[1][0].strip() == "o1"
    assert rows[1][1] == _fmt(c[1].chain[0]) and rows[1][2] == _fmt(c[1].proportional[0])
    assert rows[1][3] == _fmt(c[1].ratio[0])
    assert rows[2][0] == "hidden layer 1"
    for j in range(4):
        row = rows[3 + j]
        assert row[0].strip() == f"h{j + 1}"
        assert row[1] == _fmt(c[0].chain[j]) and row[2] == _fmt(c[0].proportional[j])
        assert row[4] == f"{c[0].samples_agreeing[j]}/4" + ("" if c[0].agree[j] else " ≠")
    assert "iteration 1" in panel.caption.text()


def test_disagreeing_rows_are_highlighted(show, session):
    """On the worked example (two outputs) h1's sample disagrees at iteration 8: only
    that row is flagged; the outputs, whose e and -delta always agree, never are."""
    panel = show(ComparePanel(session), (520, 640))
    session.trainer.run(7)
    session.step("iteration")
    panel._throttle.flush()
    c = panel.comparison
    rows = _table(panel)
    assert [r[0].strip() for r in rows] == ["output layer", "o1", "o2", "hidden layer 1", "h1", "h2"]
    assert c[0].agree.tolist() == [False, True] and c[1].agree.tolist() == [True, True]
    assert [r[4] for r in rows[1:3]] == ["1/1", "1/1"]
    assert [r[4] for r in rows[4:6]] == ["0/1 ≠", "1/1"]
    for r, flagged in ((1, False), (2, False), (4, True), (5, False)):
        bg = panel.table.item(r, 1).background()
        assert (bg.style() != Qt.BrushStyle.NoBrush) == flagged


def test_a_sigmoid_output_is_never_flagged(show, make_session):
    """Means of e and -delta can have opposite signs at the output (iteration 26 on xor
    drawn with seed 3); every sample agrees there, so the row is not flagged."""
    xor_session = make_session(presets.load("xor", seed=3))
    panel = show(ComparePanel(xor_session), (520, 640))
    xor_session.trainer.run(25)
    xor_session.step("iteration")
    panel._throttle.flush()
    out = panel.comparison[1]
    assert out.chain[0] > 0 and out.proportional[0] > 0
    row = _table(panel)[1]
    assert row[4] == "4/4"
    assert panel.table.item(1, 1).background().style() == Qt.BrushStyle.NoBrush


def test_table_follows_stepping(panel, xor_session):
    panel._throttle.flush()
    assert "no iteration yet" in panel.caption.text()
    first = _table(panel)
    xor_session.step("iteration")
    panel._throttle.flush()
    assert "iteration 1" in panel.caption.text()
    xor_session.trainer.run(50)
    xor_session.flush(force=True)
    panel._throttle.flush()
    assert "iteration 51" in panel.caption.text()
    assert _table(panel) != first


def test_race_with_a_real_click_fills_the_plot(qtbot, panel, xor_session):
    t = xor_session.trainer
    t.run(30)
    xor_session.flush(force=True)
    panel.iterations_box.setValue(120)
    before = snapshot.to_dict(t)
    with qtbot.waitSignal(panel.raceFinished, timeout=20000) as blocker:
        qtbot.mouseClick(panel.race_button, Qt.MouseButton.LeftButton)
        assert panel.racing and not panel.race_button.isEnabled() and panel.cancel_button.isEnabled()
    assert blocker.args == [True]
    assert not panel.racing and panel.race_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert panel.progress.value() == panel.progress.maximum() == 120
    cx, cy = panel.chain_curve.getData()
    px, py = panel.proportional_curve.getData()
    assert list(cx) == list(range(1, 121)) and list(px) == list(range(1, 121))
    # the same curves as two separate runs of copies with the backprop mode set
    for mode, y in (("chain", cy), ("proportional", py)):
        copy = snapshot.from_dict(before)
        copy.configure(backprop=mode)
        copy.run(120)
        assert list(y) == copy.loss_history[30:]
    assert snapshot.to_dict(t) == before  # the race trained copies only
    labels = [label.text for _, label in panel.legend.items]
    assert labels == ["chain rule", "proportional split"]
    assert "After 120 iterations" in panel.race_status.text()


def test_a_race_from_the_middle_of_an_iteration_finishes_it(qtbot, panel, xor_session):
    t = xor_session.trainer
    t.run(3)
    for _ in range(6):
        t.step("micro")  # iteration 4 stands between its two updates (chain rule)
    panel.iterations_box.setValue(3)
    with qtbot.waitSignal(panel.raceFinished, timeout=20000):
        qtbot.mouseClick(panel.race_button, Qt.MouseButton.LeftButton)
        assert "finishes the half-done iteration" in panel.race_status.text()
    chain, proportional = list(panel.race.chain_losses), list(panel.race.proportional_losses)
    t.run(3)  # the main run's own way on: its next losses are the chain copy's
    assert chain == t.loss_history[3:6]
    # iteration 4's backward steps were done in the chain rule's way: the proportional
    # copy's losses part only after iteration 5's update (a loss is measured before it)
    assert proportional[:2] == chain[:2] and proportional[2] != chain[2]


def test_cancel_stops_the_race(qtbot, panel, xor_session):
    panel.iterations_box.setValue(1_000_000)
    qtbot.mouseClick(panel.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.race is not None and panel.race.done > 0, timeout=5000)
    with qtbot.waitSignal(panel.raceFinished, timeout=5000) as blocker:
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    assert not panel.racing
    done = panel.race.done
    assert 0 < done < 1_000_000
    assert len(panel.race.chain_losses) == len(panel.race.proportional_losses) == done
    # nothing is left to run it: no sliced job, and the Session's timer has stopped
    assert not xor_session.jobs.has_slices and not xor_session.ticking
    assert panel.race_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert panel.race_status.text().startswith("Cancelled")
    assert len(panel.chain_curve.getData()[1]) == done


def test_the_race_runs_in_slices_and_the_plot_follows_it(qtbot, panel, xor_session):
    """A blocking race would go from nothing to the end at once; this one reports (and
    is drawn) slice by slice while the event loop turns."""
    panel.iterations_box.setValue(1_000_000)
    seen = []
    xor_session.runsChanged.connect(lambda name: seen.append(panel.race.done) if name == "race" else None)
    qtbot.mouseClick(panel.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len({d for d in seen if d > 0}) >= 3, timeout=10000)
    panel.cancel_race()
    progress = [d for d in seen if d > 0]
    assert progress == sorted(progress) and progress[-1] < 1_000_000
    assert panel.progress.value() == panel.race.done
    assert len(panel.chain_curve.getData()[1]) == panel.race.done


def test_new_trainer_cancels_the_race_and_clears(qtbot, panel, xor_session):
    panel.iterations_box.setValue(1_000_000)
    qtbot.mouseClick(panel.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.race is not None and panel.race.done > 0, timeout=5000)
    xor_session.load_preset("mazur")
    assert not panel.racing and panel.race is None
    assert len(panel.chain_curve.getData()[0] if panel.chain_curve.getData()[0] is not None else []) == 0
    names = [r[0].strip() for r in _table(panel)]
    assert names == ["output layer", "o1", "o2", "hidden layer 1", "h1", "h2"]


def test_proportional_mode_and_dark_palette(panel, xor_session):
    xor_session.trainer.configure(backprop="proportional")
    xor_session.step("iteration")
    panel.setPalette(pal.dark_palette())
    panel._throttle.flush()
    assert "proportional split" in panel.caption.text()
    np.testing.assert_array_equal(panel.comparison[1].proportional_per_sample,
                                  xor_session.trainer.values.errors[1])
