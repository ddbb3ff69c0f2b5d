"""A fork with another batch mode or loss trains exactly as a copy of the run with that
setting would, beside the main run."""

from nnviz.app.session import Session
from nnviz.core import presets
from nnviz.io import snapshot


def _copy_with(trainer, **changes):
    c = snapshot.from_dict(snapshot.to_dict(trainer))
    c.configure(**changes)
    return c


def test_a_fork_with_online_batches_follows_the_main_run():
    s = Session(presets.load("sine"))
    s.trainer.run(5)
    expected = _copy_with(s.trainer, batch="online")
    assert s.fork(0.05, batch="online")
    f = s.fork_run.trainer
    assert f.batch == "online" and s.trainer.batch == "full"
    s.trainer.run(40)
    s.flush(force=True)
    expected.run(40)
    assert f.iteration == s.trainer.iteration == 45
    assert f.loss_history == expected.loss_history[5:]  # a fork keeps none of the past


def test_a_fork_with_another_loss_and_a_refused_one():
    s = Session(presets.load("saturated"))
    messages = []
    s.message.connect(messages.append)
    assert s.fork(0.5, loss="cross_entropy")
    assert s.fork_run.trainer.loss == "cross_entropy" and s.trainer.loss == "mse"
    assert "loss cross_entropy" in messages[-1]
    s.trainer.run(10)
    s.flush(force=True)
    x = [[1.0]]  # cross-entropy leaves the flat end of the sigmoid at once, mse does not
    assert s.fork_run.trainer.network.forward(x)[0, 0] > 0.5 > 0.01 > s.trainer.network.forward(x)[0, 0]
    s.load_preset("sine")  # a linear output: no cross-entropy
    assert not s.fork(0.05, loss="cross_entropy")
    assert s.fork_run is None and messages[-1].startswith("Fork: ")
