"""The learning-rate schedule strip under the loss curve: hidden for a constant schedule,
the applied rate per iteration (run and ahead) for the others, following settings and
state, with its items created once."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.trainer import Schedule
from nnviz.gui.panels.loss_curve import LossCurve
from nnviz.gui.panels.schedule_strip import RATE_AHEAD_MIN


@pytest.fixture
def curve(show, xor_session):
    return show(LossCurve(xor_session), (560, 380))


def expected(trainer, total):
    s = trainer.settings
    return [s.schedule.rate(s.learning_rate, t) for t in range(total)]


def test_hidden_for_a_constant_schedule(curve, xor_session):
    assert xor_session.trainer.settings.schedule.kind == "constant"
    assert not curve.schedule_shown()
    for _ in range(3):
        xor_session.step("iteration")
    assert not curve.schedule_shown()
    assert curve.rate_data()[0].size == 0
    assert curve.rate_strip is None  # never built: the window opens sooner


def test_step_schedule_curve_equals_the_applied_rates(qtbot, curve, xor_session):
    t = xor_session.trainer
    t.configure(schedule={"kind": "step", "step_size": 5, "gamma": 0.5})
    assert curve.schedule_shown()
    items_before = (curve.rate_strip.run_item, curve.rate_strip.ahead_item, curve.rate_strip.now_line)
    n_items = len(curve.rate_strip.getPlotItem().items)
    x, y = curve.rate_data()
    assert np.array_equal(x, np.arange(1, RATE_AHEAD_MIN + 1))
    assert y.tolist() == expected(t, RATE_AHEAD_MIN)
    for _ in range(60):
        assert xor_session.step("iteration")
    x, y = curve.rate_data()
    total = 60 + 12  # 20 % ahead
    assert np.array_equal(x, np.arange(1, total + 1))
    assert y.tolist() == expected(t, total)
    # the rate of iteration k is the one the trainer applied before its update
    assert y[60] == t.applied_learning_rate
    # the run part and the part ahead, drawn by the same items as before
    rx, ry = curve.rate_strip.run_item.getOriginalDataset()
    ax, ay = curve.rate_strip.ahead_item.getOriginalDataset()
    assert np.array_equal(rx, x[:61]) and np.array_equal(ry, y[:61])
    assert np.array_equal(ax, x[60:]) and np.array_equal(ay, y[60:])
    assert (curve.rate_strip.run_item, curve.rate_strip.ahead_item, curve.rate_strip.now_line) == items_before
    assert len(curve.rate_strip.getPlotItem().items) == n_items


def test_follows_settings_changes(curve, xor_session):
    t = xor_session.trainer
    for _ in range(20):
        xor_session.step("iteration")
    t.configure(schedule=Schedule("exponential", gamma=0.9))
    assert curve.rate_data()[1].tolist() == expected(t, 20 + RATE_AHEAD_MIN)
    xor_session.set_learning_rate(0.2)
    assert curve.rate_data()[1].tolist() == expected(t, 20 + RATE_AHEAD_MIN)
    assert curve.rate_data()[1][0] == 0.2
    t.configure(schedule="inverse")
    assert curve.rate_data()[1].tolist() == expected(t, 20 + RATE_AHEAD_MIN)
    t.configure(schedule="constant")
    assert not curve.schedule_shown()


def test_reset_and_new_trainer(curve, xor_session):
    t = xor_session.trainer
    t.configure(schedule="exponential")
    for _ in range(30):
        xor_session.step("iteration")
    xor_session.reset()
    assert curve.rate_data()[0].size == RATE_AHEAD_MIN
    xor_session.set_trainer(presets.load("xor"))
    assert not curve.schedule_shown()
