"""A train/check split: the Trainer records the check loss beside the training loss."""

import numpy as np
import pytest

from nnviz.core.data import datasets
from nnviz.core.trainer import create
from nnviz.io import snapshot


@pytest.fixture
def trainer():
    data = datasets.generate("two_moons", n_samples=60, noise=0.1, seed=4)
    train, check = datasets.split(data, 0.25, seed=4)
    return create([2, 6, 1], ["tanh", "sigmoid"], train, seed=2, learning_rate=0.5,
                  schedule={"kind": "step", "step_size": 7, "gamma": 0.5})


def test_check_loss_is_the_loss_on_the_check_set_at_the_forward_pass_parameters(trainer):
    check = trainer.dataset.check
    assert check is not None
    expected = []
    for _ in range(5):
        expected.append(trainer.evaluate_loss(data=check))  # parameters before the update
        trainer.step("iteration")
    assert trainer.check_loss_history == expected
    trainer.run(10)
    assert len(trainer.check_loss_history) == len(trainer.loss_history) == 15


def test_step_back_and_reset_cut_the_check_history(trainer):
    trainer.run(4)
    trainer.back(len(trainer.steps))
    assert len(trainer.check_loss_history) == 3
    trainer.reset()
    assert trainer.check_loss_history == []


def test_snapshot_carries_the_check_history_and_the_schedule(trainer, tmp_path):
    trainer.run(9)
    path = tmp_path / "run.json"
    snapshot.save(trainer, path)
    loaded = snapshot.load(path)
    assert loaded.check_loss_history == trainer.check_loss_history
    assert loaded.settings.schedule == trainer.settings.schedule
    trainer.run(6)
    loaded.run(6)
    assert all(np.array_equal(a, b) for a, b in zip(trainer.network.weights, loaded.network.weights))
    assert loaded.check_loss_history == trainer.check_loss_history


def test_bad_schedule_in_a_snapshot_is_one_line(trainer, tmp_path):
    import json

    doc = snapshot.to_dict(trainer)
    doc["training"]["schedule"] = {"kind": "step", "gamma": 3}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(snapshot.SnapshotError) as err:
        snapshot.load(path)
    assert "training.schedule" in str(err.value) and "\n" not in str(err.value)
