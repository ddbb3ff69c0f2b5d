"""Chain rule vs. proportional split: the per-neuron table against a hand computation,
and the race against separate runs of copies."""

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.analysis import compare
from nnviz.core.data import datasets
from nnviz.core import trainer as trainer_mod
from nnviz.io import snapshot


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_mazur_by_hand_before_any_step():
    t = presets.load("mazur")
    before = snapshot.to_dict(t)
    c = compare.chain_vs_proportional(t)
    assert c.source == "dataset" and c.n_samples == 1 and len(c) == 2
    x = np.array([0.05, 0.10])
    target = np.array([0.01, 0.99])
    W1 = np.array([[0.15, 0.20], [0.25, 0.30]])
    W2 = np.array([[0.40, 0.45], [0.50, 0.55]])
    h = _sig(W1 @ x + 0.35)
    o = _sig(W2 @ h + 0.60)
    # chain rule (half SSE, sigmoid): delta_o = (o - t) o (1 - o), delta_h = (W2^T delta_o) h (1 - h)
    d_o = (o - target) * o * (1 - o)
    d_h = (W2.T @ d_o) * h * (1 - h)
    # proportional split: e_o = t - o, e_h[j] = sum_k e_o[k] W2[k,j] / sum_j' |W2[k,j']|
    e_o = target - o
    e_h = np.array([sum(e_o[k] * W2[k, j] / np.abs(W2[k]).sum() for k in range(2)) for j in range(2)])
    np.testing.assert_allclose(c[1].chain, d_o, rtol=1e-12)
    np.testing.assert_allclose(c[0].chain, d_h, rtol=1e-12)
    np.testing.assert_allclose(c[1].proportional, e_o, rtol=1e-12)
    np.testing.assert_allclose(c[0].proportional, e_h, rtol=1e-12)
    np.testing.assert_allclose(c[1].ratio, e_o / -d_o, rtol=1e-12)
    assert c[1].agree.tolist() == list(e_o * d_o <= 0)  # one sample: its own verdict
    assert c[0].names == ["h1", "h2"] and c[1].names == ["o1", "o2"]
    assert snapshot.to_dict(t) == before  # nothing changed


def test_batch_means_match_the_trainers_own_errors_in_both_modes():
    data = datasets.xor()
    for mode in ("chain", "proportional"):
        t = trainer_mod.create([2, 3, 1], "sigmoid", data, seed=4, batch=2, backprop=mode)
        t.step("iteration")
        t.step("iteration")
        for _ in range(5):  # into the next iteration: forward, loss, backward of layer 2
            t.step("micro")
        c = compare.chain_vs_proportional(t)
        assert c.source == "batch" and c.n_samples == 2 and c.iteration == 3
        v = t.values
        for i in (1,):  # the backward step of layer 2 has run: its errors are stored
            np.testing.assert_array_equal(c[i].chain_per_sample if mode == "chain"
                                          else c[i].proportional_per_sample, v.errors[i])
        # after the update, the numbers still come from the weights the iteration ran with
        t.step("iteration")
        c2 = compare.chain_vs_proportional(t)
        stored = c2[0].chain_per_sample if mode == "chain" else c2[0].proportional_per_sample
        np.testing.assert_array_equal(stored, t.values.errors[0])
        np.testing.assert_array_equal(c2[0].chain, c2[0].chain_per_sample.mean(axis=0))


def test_ratio_is_nan_where_the_delta_is_zero():
    lc = compare.LayerComparison(1, ["a", "b"], np.array([0.0, -2.0]), np.array([1.0, 1.0]),
                                 np.array([[0.0, -2.0]]), np.array([[1.0, 1.0]]))
    r = lc.ratio
    assert np.isnan(r[0]) and r[1] == 0.5
    # a delta of exactly 0 (a saturated neuron) points nowhere: no disagreement
    assert lc.agree.tolist() == [True, True]


def test_the_verdict_counts_samples_not_means():
    # sample by sample e and -delta have the same sign in column 0, while the means
    # (0.5 vs +0.1) have opposite ones; column 1 has one sample that really disagrees
    chain = np.array([[-0.1, 0.2], [0.3, -0.2]])
    prop = np.array([[2.0, -1.0], [-1.0, -1.0]])
    lc = compare.LayerComparison(2, ["o1", "o2"], chain.mean(axis=0), prop.mean(axis=0), chain, prop)
    assert lc.chain[0] > 0 and lc.proportional[0] > 0  # the means point the same way as each other
    assert lc.samples_disagreeing.tolist() == [0, 1]
    assert lc.samples_agreeing.tolist() == [2, 1]
    assert lc.agree.tolist() == [True, False]


def test_an_output_neuron_is_never_flagged_where_every_sample_agrees():
    """At a sigmoid output e = t - o and delta = (o - t) o (1 - o) always point the same
    way; on xor (seed 3) at iteration 26 their means nevertheless have the same sign (the
    old verdict, on the means, said NO)."""
    t = presets.load("xor", seed=3)
    t.run(26)
    c = compare.chain_vs_proportional(t)
    out = c[1]
    assert out.chain[0] > 0 and out.proportional[0] > 0  # means: e and -delta of opposite signs
    assert out.samples_agreeing.tolist() == [4]
    assert out.agree.tolist() == [True]
    for _ in range(300):  # the output stays unflagged all along
        t.step("iteration")
        assert compare.chain_vs_proportional(t)[1].agree.all()


def _separate(t, mode, n):
    c = snapshot.from_dict(snapshot.to_dict(t))
    c.configure(backprop=mode)
    c.run(n)
    return c.loss_history[len(t.loss_history):]


@pytest.mark.parametrize("setup", ["xor", "momentum_minibatch", "sine_after_training"])
def test_race_equals_two_separate_runs(setup):
    if setup == "xor":
        t = presets.load("xor")
    elif setup == "momentum_minibatch":
        t = trainer_mod.create([2, 5, 3, 1], ["tanh", "relu", "sigmoid"], datasets.generate("circle", 40, seed=2),
                               seed=3, batch=7, shuffle=True, optimizer="momentum", learning_rate=0.3)
        t.run(11)
    else:
        t = presets.load("sine")
        t.run(25)
    before = snapshot.to_dict(t)
    chain, prop = compare.race(t, 60)
    assert len(chain) == len(prop) == 60
    assert chain == _separate(t, "chain", 60)
    assert prop == _separate(t, "proportional", 60)
    assert chain != prop
    assert snapshot.to_dict(t) == before


def test_race_in_chunks_equals_one_go():
    t = presets.load("xor")
    r = compare.Race(t)
    for k in (1, 7, 30, 2):
        r.advance(k)
    assert r.done == 40
    chain, prop = compare.race(t, 40)
    assert r.chain_losses == chain and r.proportional_losses == prop


def test_race_stopped_early_keeps_both_in_step():
    t = presets.load("xor")
    r = compare.Race(t)
    calls = []

    def stop():
        calls.append(1)
        return len(calls) > 5

    r.advance(100, should_stop=stop)
    assert len(r.chain_losses) == len(r.proportional_losses) == 5


def test_core_compare_has_no_qt():
    import subprocess
    import sys

    code = ("import sys, nnviz.core.analysis.compare; "
            "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_race_equals_two_separate_nnviz_train_runs(tmp_path, capsys):
    """Both curves of the race are the loss histories `nnviz train --backprop ...` writes."""
    import json

    from nnviz import cli
    from nnviz.core import presets
    from nnviz.core.analysis.compare import race

    chain, proportional = race(presets.load("xor"), 40)
    for mode, curve in (("chain", chain), ("proportional", proportional)):
        out = tmp_path / f"{mode}.json"
        assert cli.main(["train", "--preset", "xor", "--backprop", mode, "--iterations", "40",
                         "--out", str(out)]) == 0
        assert list(curve) == json.loads(out.read_text())["history"]["loss"]
    capsys.readouterr()
