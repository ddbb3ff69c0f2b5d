"""The learning-rate sweep dialog: it runs off the GUI thread and sets the best rate, can
be cancelled, is reachable from the window, and a run after a run with another count
of rates is drawn in full (issue 12: the plot kept the old run's symbols and the dialog
stuck on "Running")."""

import numpy as np
import pytest

from nnviz.gui.dialogs.sweep_dialog import STATUS_SYMBOLS, SweepDialog


@pytest.fixture
def dialog(show, session):
    return show(SweepDialog(session))


def run(qtbot, dialog, count, iterations=20):
    dialog.count.setValue(count)
    dialog.iterations.setValue(iterations)
    with qtbot.waitSignal(dialog.finished_sweep, timeout=20000):
        dialog.run_button.click()
    qtbot.waitUntil(lambda: not dialog.running)


@pytest.mark.parametrize("first, second", [(30, 5), (5, 30)])
def test_a_second_sweep_with_another_count_is_drawn_in_full(qtbot, dialog, first, second):
    run(qtbot, dialog, first)
    run(qtbot, dialog, second)
    r = dialog.result
    assert len(r.rates) == second
    x, y = dialog.final_item.getData()
    assert len(x) == second and np.allclose(10 ** x, r.rates)  # log x: the plot holds log10(rate)
    symbols = dialog.final_item.opts["symbol"]
    assert list(symbols) == [STATUS_SYMBOLS[s] for s in r.statuses]
    assert dialog.status.text().startswith("Best rate")  # not stuck on "Running …"
    assert dialog.use_best_button.isEnabled() and dialog.run_button.isEnabled()
    drawn = [item for item in dialog.curve_items if item.getData()[0] is not None and len(item.getData()[0])]
    assert len(drawn) == second  # the first run's extra curves are cleared


def test_sweep_dialog_runs_and_use_best_sets_the_rate(qtbot, dialog, session):
    dialog.count.setValue(6)
    dialog.iterations.setValue(20)
    with qtbot.waitSignal(dialog.finished_sweep, timeout=20000):
        dialog.run_button.click()
    r = dialog.result
    assert r is not None and len(r.rates) == 6
    assert r.rates[0] == pytest.approx(1e-3) and r.rates[-1] == pytest.approx(10.0)
    finals = np.where(np.isfinite(r.final_losses), r.final_losses, np.inf)
    assert r.best_rate == pytest.approx(r.rates[int(np.argmin(finals))])
    assert dialog.best_item.getData()[0].size == 1
    assert "Best rate" in dialog.status.text()
    assert dialog.use_best_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running)
    dialog.use_best_button.click()
    assert session.trainer.learning_rate == pytest.approx(r.best_rate)


def test_sweep_can_be_cancelled(qtbot, dialog):
    dialog.count.setValue(60)
    dialog.iterations.setValue(3000)
    assert dialog.run()
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.result is None
    assert dialog.run_button.isEnabled()


def test_sweep_menu_action_opens_the_dialog(qtbot, window):
    window.sweep_action.trigger()
    dialog = window.sweep_dialog
    assert dialog.isVisible()
    dialog.close()


def test_a_sweep_over_the_size_limit_says_so_and_starts_nothing(qtbot, dialog):
    """400 rates x 100,000 iterations would keep 40 million losses (the dialog allowed a
    million iterations: 3 GB): the command line's limit, named in one line."""
    from nnviz.core.analysis.sweep import MAX_ITERATIONS, MAX_RATE_ITERATIONS

    assert dialog.iterations.maximum() == MAX_ITERATIONS
    dialog.count.setValue(400)
    dialog.iterations.setValue(MAX_ITERATIONS)
    assert not dialog.run()
    assert not dialog.running and dialog.job is None
    assert f"{MAX_RATE_ITERATIONS:,}" in dialog.status.text() and "\n" not in dialog.status.text()

