"""Changing a setting in the middle of an iteration: a phase that has begun finishes with
the settings it began with, so that an iteration's numbers belong together.

The optimizer: the new one starts, from a fresh state, with the next update phase that
begins after the change. So a change anywhere before the first update of an iteration
acts as a change at the start of that iteration, and a change inside its update phase
as a change at the start of the next one. Checked for every ordered pair of optimizers
at every micro-step position, directly, through a snapshot and through Step back.
The backprop mode and the loss likewise for the backward phase (a chain-rule delta and a
proportional error point opposite ways: mixing them would turn a layer's step around)."""

import itertools

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.data import datasets
from nnviz.core.trainer import create
from nnviz.io import snapshot

OPTIMIZERS = ("sgd", "momentum", "adagrad", "adam")
PAIRS = list(itertools.permutations(OPTIMIZERS, 2))


def mazur():
    return presets.load("mazur")


def deep():  # three weight layers: two positions inside the update phase; shuffled mini-batches
    return create([2, 3, 2, 1], ["tanh", "sigmoid", "sigmoid"], datasets.xor(), seed=4,
                  learning_rate=0.3, batch=3, shuffle=True)


NETS = {"mazur": mazur, "2-3-2-1": deep}
WARM = 2  # iterations with the first optimizer before the change
AFTER = 3  # run(AFTER) after the change (finishing a half-done iteration counts as one)


def started(make, first):
    t = make()
    t.configure(optimizer=first)
    t.run(WARM)
    return t


def reference(make, first, second, cursor):
    """The same run with the change made at an iteration boundary (the rule above)."""
    t = started(make, first)
    begun = cursor > 2 * t.network.n_layers + 1  # the update phase had begun
    t.run(int(begun))
    t.configure(optimizer=second)
    t.run(AFTER - int(begun))
    return t


def assert_same(a, b):
    for x, y in zip(a.network.weights + a.network.biases, b.network.weights + b.network.biases):
        assert np.array_equal(x, y)
    assert a.loss_history[-AFTER:] == b.loss_history[-AFTER:] and a.iteration == b.iteration
    ra, rb = a.resume_state(), b.resume_state()
    assert (ra.opt_name, ra.opt_t, ra.position) == (rb.opt_name, rb.opt_t, rb.position)
    for sa, sb in zip(ra.opt_state, rb.opt_state):
        assert all(np.array_equal(x, y) for x, y in zip(sa, sb))
    assert all(np.isfinite(p).all() for p in a.network.weights)


def cases():
    for name, make in NETS.items():
        n_steps = 3 * make().network.n_layers + 1
        for (first, second), cursor in itertools.product(PAIRS, range(n_steps)):
            yield pytest.param(make, first, second, cursor, id=f"{name}-{first}-{second}-{cursor}")


@pytest.mark.parametrize("make, first, second, cursor", list(cases()))
def test_a_change_at_any_micro_step(make, first, second, cursor, tmp_path):
    want = reference(make, first, second, cursor)

    def at_the_change():
        t = started(make, first)
        for _ in range(cursor):
            t.step("micro")
        return t

    def reloaded(t):
        snapshot.save(t, tmp_path / "mid.json")
        return snapshot.load(tmp_path / "mid.json")

    direct = at_the_change()
    direct.configure(optimizer=second)
    direct.run(AFTER)
    assert_same(direct, want)

    saved_after = at_the_change()  # saved after the change, carried on after loading
    saved_after.configure(optimizer=second)
    loaded = reloaded(saved_after)
    loaded.run(AFTER)
    assert_same(loaded, want)

    loaded = reloaded(at_the_change())  # changed after loading (`nnviz train --snapshot mid.json --optimizer`)
    loaded.configure(optimizer=second)
    loaded.run(AFTER)
    assert_same(loaded, want)

    stepped = at_the_change()  # through Step back: on past the iteration's end, then back to the change
    stepped.configure(optimizer=second)
    stepped.back(stepped.step("iteration") + stepped.step("iteration"))
    assert stepped.cursor == cursor
    stepped.run(AFTER)
    assert_same(stepped, want)


def test_the_reported_case_no_longer_crashes():
    """mazur, 1 iteration, 6 micro-steps (inside the update phase), then adam."""
    for first in ("sgd", "momentum", "adagrad"):
        t = presets.load("mazur")
        t.configure(optimizer=first)
        t.run(1)
        for _ in range(6):
            t.step("micro")
        t.configure(optimizer="adam")
        assert t.run(5).reason == "iterations"
        assert t.values.optimizer.name == "adam" and t.optimizer.name == "adam"


def test_the_half_done_phase_is_explained_with_the_optimizer_it_used():
    from nnviz.core.analysis.explain import Explainer

    t = presets.load("mazur")
    t.configure(optimizer="momentum")
    t.run(1)
    for _ in range(6):
        t.step("micro")
    t.configure(optimizer="adam")
    t.step("micro")  # the update of layer 1, still with momentum
    assert t.values.optimizer.name == "momentum"
    text = "\n".join(line.text for line in Explainer(t).step(t.last_step))
    assert "v_w1 = 0.9*v_w1 + dE/dw1" in text  # momentum's velocity, not adam's moments
    assert "m_w1" not in text


def test_a_snapshot_whose_state_is_not_the_phases_optimizer_is_refused(tmp_path):
    import json

    t = presets.load("mazur")
    t.configure(optimizer="momentum")
    t.run(1)
    for _ in range(6):
        t.step("micro")
    doc = snapshot.to_dict(t)
    doc["iteration_values"]["update_optimizer"] = {"name": "adam", "params": {}}
    (tmp_path / "x.json").write_text(json.dumps(doc))
    with pytest.raises(snapshot.SnapshotError, match="state_of: expected 'adam'"):
        snapshot.load(tmp_path / "x.json")


@pytest.mark.parametrize("setting, first, second, used_from", [
    ("backprop", "chain", "proportional", "backward"),
    ("backprop", "proportional", "chain", "backward"),
    ("loss", "half_sse", "mse", "loss"),
    ("loss", "cross_entropy", "half_sse", "loss"),
])
@pytest.mark.parametrize("cursor", range(10))
def test_the_backward_phase_finishes_with_the_mode_and_loss_it_began_with(setting, first, second, used_from,
                                                                           cursor):
    L = 3  # the 2-3-2-1 network: the loss step is micro-step L, the backward phase begins at L + 1
    begun = cursor > (L if used_from == "loss" else L + 1)

    def start():
        t = deep()
        t.configure(**{setting: first})
        t.run(WARM)
        return t

    want = start()
    want.run(int(begun))
    want.configure(**{setting: second})
    want.run(AFTER - int(begun))
    t = start()
    for _ in range(cursor):
        t.step("micro")
    t.configure(**{setting: second})
    t.run(AFTER)
    assert_same(t, want)


def test_a_new_network_carries_every_training_setting_but_the_frozen_ones():
    t = presets.load("xor")
    t.configure(learning_rate=0.3, optimizer="momentum", optimizer_params={"momentum": 0.8}, backprop="proportional",
                batch=2, shuffle=True, schedule={"kind": "step", "step_size": 5, "gamma": 0.25}, frozen=["W1[0,0]"])
    new = create([2, 3, 1], ["tanh", "sigmoid"], t.dataset, seed=1, **t.settings.carried())
    old, s = t.settings, new.settings
    assert (s.learning_rate, s.optimizer.name, s.optimizer.params, s.loss, s.backprop, s.batch, s.shuffle,
            s.schedule) == (0.3, "momentum", old.optimizer.params, old.loss, "proportional", 2, True, old.schedule)
    assert old.optimizer.params["momentum"] == 0.8 and old.schedule.kind == "step"
    assert s.frozen == frozenset()  # frozen parameters belong to a network (Trainer.keep_frozen)
