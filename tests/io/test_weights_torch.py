"""PyTorch state dicts as weights: the activations read from the module names, and files
that are not a plain MLP state dict (one line; nothing unpickled). Skipped without torch."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pytest

from nnviz.core import trainer as trainer_mod
from nnviz.core.data import datasets
from nnviz.io import weights
from nnviz.io.weights import WeightsError

torch = pytest.importorskip("torch", reason="PyTorch is not installed (pip install -e '.[torch]')")
nn = torch.nn


def torch_file(path, obj):
    torch.save(obj, path)
    return path


def test_state_dict_of_named_modules_gives_the_activations(tmp_path):
    torch.manual_seed(0)
    model = nn.Sequential(OrderedDict([("layer1", nn.Linear(2, 3)), ("tanh1", nn.Tanh()),
                                       ("layer2", nn.Linear(3, 4)), ("act_relu", nn.ReLU()),
                                       ("out", nn.Linear(4, 2))]))
    imported = weights.read(torch_file(tmp_path / "m.pt", model.state_dict()))
    assert imported.sizes == [2, 3, 4, 2]
    assert imported.activations == ["tanh", "relu", "linear"]
    np.testing.assert_array_equal(imported.weights[1], model.layer2.weight.detach().numpy().astype(np.float64))
    np.testing.assert_array_equal(imported.biases[2], model.out.bias.detach().numpy().astype(np.float64))


def test_numbered_modules_leave_the_activations_to_the_user(tmp_path, nnviz_cli, nnviz_error):
    model = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 2), nn.Sigmoid())
    path = torch_file(tmp_path / "m.pth", model.state_dict())
    assert weights.read(path).activations is None
    err = nnviz_error("train", "--weights", str(path))
    assert "give them with --activation" in err
    rc, out, _ = nnviz_cli("train", "--weights", str(path), "--activation", "sigmoid,sigmoid", "--iterations", "3")
    assert rc == 0 and "trained 3 iterations" in out


def test_the_exported_torch_model_reads_back(tmp_path, nnviz_cli):
    """The module names of the exported PyTorch script say the activations."""
    t = trainer_mod.create([2, 4, 3], ["relu", "softmax"], datasets.blobs(20), seed=1, loss="cross_entropy")
    assert nnviz_cli("export", "--preset", "mazur", "--format", "torch", "--out", str(tmp_path / "t.py"))[0] == 0
    script = (tmp_path / "t.py").read_text()
    assert '("layer1", nn.Linear(2, 2))' in script and '("sigmoid1", nn.Sigmoid())' in script
    model = nn.Sequential(OrderedDict([("layer1", nn.Linear(2, 4)), ("relu1", nn.ReLU()),
                                       ("layer2", nn.Linear(4, 3)), ("softmax2", nn.Softmax(dim=1))]))
    with torch.no_grad():
        model.layer1.weight.copy_(torch.tensor(t.network.weights[0]))
    imported = weights.read(torch_file(tmp_path / "m.pt", model.state_dict()))
    assert imported.activations == ["relu", "softmax"]
    np.testing.assert_array_equal(imported.weights[0], np.float32(t.network.weights[0]))


class Payload:
    """Unpickling this would create a file: proof that nothing was unpickled."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (str(self.target), "w"))


def test_files_holding_objects_are_refused_without_running_them(tmp_path):
    target = tmp_path / "pwned"
    path = torch_file(tmp_path / "evil.pt", {"0.weight": torch.ones(1, 1), "0.bias": Payload(target)})
    with pytest.raises(WeightsError) as info:
        weights.read(path)
    assert "(io.open)" in str(info.value) and "never unpickles" in str(info.value)
    assert not target.exists()
    model = nn.Sequential(nn.Linear(2, 2))
    with pytest.raises(WeightsError, match=r"\(torch.nn.modules.container.Sequential\); nnviz reads a state"):
        weights.read(torch_file(tmp_path / "whole.pt", model))


@pytest.mark.parametrize("content, words", [
    ({"0.weight": torch.ones(2, 2)}, "0 has no bias"),
    ({"0.bias": torch.ones(2)}, "0 has a bias but no weight"),
    ({"0.running_mean": torch.ones(2)}, "'0.running_mean' is not the weight or bias of a Linear layer"),
    ({"0.weight": [1.0, 2.0], "0.bias": torch.ones(1)}, "'0.weight' is not the weight or bias"),
    ([torch.ones(2)], "expected a state dict (names -> tensors), got list"),
])
def test_state_dicts_that_are_not_an_mlp(tmp_path, content, words):
    with pytest.raises(WeightsError) as info:
        weights.read(torch_file(tmp_path / "m.pt", content))
    assert words in str(info.value)


def test_a_truncated_state_dict(tmp_path):
    whole = torch_file(tmp_path / "m.pt", nn.Sequential(nn.Linear(2, 2)).state_dict()).read_bytes()
    (tmp_path / "cut.pt").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(WeightsError, match="not a PyTorch state dict that can be read"):
        weights.read(tmp_path / "cut.pt")


