"""The quantities a lesson's text quotes, read against the trainer's own numbers."""

import numpy as np

from nnviz.app.lessons.quantities import Reader
from nnviz.app.session import Session
from nnviz.core import presets


def test_a_parameters_gradient_and_update_appear_with_their_steps():
    """grad and update of a weight and of a bias: nothing before their step, then the
    iteration's dE/dw and the change the update made (new value minus old)."""
    session = Session(presets.load("xor"))
    t = session.trainer
    r = Reader(session)
    names = ("W1[1,0]", "b2[0]")
    before = {n: t.network.get(n) for n in names}
    assert all(r.value(q, n) is None for q in ("grad", "update") for n in names)
    while t.values.grad_W[0] is None:
        t.step("micro")
    v = t.values
    assert r.value("grad", "W1[1,0]") == v.grad_W[0][1, 0]
    assert r.value("grad", "b2[0]") == v.grad_b[1][0]
    assert r.value("update", "W1[1,0]") is None
    t.step("iteration")  # the rest of this iteration: its update
    for n in names:
        assert np.isclose(r.value("update", n), t.network.get(n) - before[n], rtol=0, atol=1e-15)
