"""Weights in and out: .npz round trips, PyTorch state dicts (activations read from the
module names), and bad files (one line naming the problem; nothing unpickled, nothing
changed), through the API and through ``--weights`` on train, trace and render."""

from __future__ import annotations

import sys
from collections import OrderedDict

import numpy as np
import pytest

from nnviz import cli
from nnviz.core import presets
from nnviz.core import trainer as trainer_mod
from nnviz.core.data import datasets
from nnviz.io import weights
from nnviz.io.weights import WeightsError


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = cli.main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def one_line_error(capsys, *argv: str) -> str:
    rc, out, err = run(capsys, *argv)
    assert rc == 2 and out == "" and err.count("\n") == 1
    return err


def save(path, **arrays):
    np.savez(path, **arrays)
    return path


def test_npz_round_trip_gives_the_identical_network(tmp_path):
    t = trainer_mod.create([2, 5, 3, 1], ["tanh", "relu", "sigmoid"], datasets.xor(), seed=4,
                           learning_rate=0.3, optimizer="adam", batch=2, shuffle=True)
    t.freeze(["W2[1,3]"])
    weights.save_npz(t.network, tmp_path / "w.npz")
    imported = weights.read(tmp_path / "w.npz")
    assert imported.sizes == [2, 5, 3, 1] and imported.activations == ["tanh", "relu", "sigmoid"]
    new = weights.build_trainer(imported, imported.activations, t.dataset, like=t)
    for a, b in zip(new.network.weights + new.network.biases, t.network.weights + t.network.biases):
        np.testing.assert_array_equal(a, b)
    assert new.network.activation_names == t.network.activation_names
    assert new.settings == t.settings  # optimizer, batch, frozen entries ... kept
    # the same generator state: both runs draw the same batches and end equal
    t.run(20)
    new.run(20)
    np.testing.assert_array_equal(new.network.flat(), t.network.flat())


def test_npz_written_atomically_keeps_an_existing_file_on_failure(tmp_path):
    target = tmp_path / "w.npz"
    target.write_bytes(b"old")
    with pytest.raises(WeightsError):
        weights.save_npz(presets.load("mazur").network, tmp_path / "missing" / "w.npz")
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("arrays, words", [
    (dict(W1=np.ones((4, 2)), b1=np.zeros(4), W2=np.ones((1, 3)), b2=np.zeros(1)),
     "W2 has shape (1, 3): 3 inputs, but layer 1 has 4 neurons (W1 (4, 2))"),
    (dict(W1=np.ones((4, 2)), b1=np.zeros(3)), "b1: expected shape (4,) to match W1 (4, 2), got (3,)"),
    (dict(W1=np.ones((4, 2)), b1=np.zeros(4), W2=np.ones((1, 4))), "b2 is missing"),
    (dict(W1=np.ones((4, 2)), b1=np.zeros(4), extra=np.ones(2)), "unexpected array 'extra'"),
    (dict(W1=np.ones(4), b1=np.zeros(4)), "W1: expected a matrix (n_out, n_in), got shape (4,)"),
    (dict(W1=np.full((1, 1), np.nan), b1=np.zeros(1)), "W1: holds a number that is not finite"),
    (dict(W1=np.ones((1, 1)), b1=np.zeros(1), activations=np.array(["tanh", "tanh"])),
     "activations: expected 1 names (one per weight layer), got 2"),
    (dict(W1=np.ones((1, 1)), b1=np.zeros(1), activations=np.array(["swish"])), "unknown activation 'swish'"),
    (dict(W1=np.array([[object()]]), b1=np.zeros(1)), "holds Python objects"),
])
def test_bad_npz_files_name_the_first_problem(tmp_path, arrays, words):
    path = tmp_path / "w.npz"
    np.savez(path, **arrays)  # allow_pickle defaults to True on save: an object array is written
    with pytest.raises(WeightsError) as info:
        weights.read(path)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_truncated_and_foreign_files(tmp_path):
    whole = save(tmp_path / "w.npz", W1=np.ones((3, 2)), b1=np.zeros(3)).read_bytes()
    (tmp_path / "cut.npz").write_bytes(whole[:len(whole) // 2])
    (tmp_path / "text.npz").write_text("W1 = 1, 2, 3")
    for name in ("cut.npz", "text.npz"):
        with pytest.raises(WeightsError, match="not a valid .npz file"):
            weights.read(tmp_path / name)
    with pytest.raises(WeightsError, match="expected a .npz file or a PyTorch state dict"):
        weights.read(tmp_path / "w.json")
    with pytest.raises(WeightsError, match="no such file"):
        weights.read(tmp_path / "none.npz")


def test_cli_weights_replace_the_network_and_keep_the_data(tmp_path, capsys):
    path = save(tmp_path / "w.npz", W1=np.full((3, 2), 0.5), b1=np.zeros(3), W2=np.full((2, 3), -0.25),
                b2=np.ones(2))
    # mazur's data: 2 inputs and 2 targets fit a 2-3-2 network
    rc, out, _ = run(capsys, "train", "--weights", str(path), "--activation", "tanh,sigmoid", "--iterations", "0")
    assert rc == 0
    assert "W1[0,0] = 0.5" in out and "W2[1,2] = -0.25" in out and "b2[0] = 1" in out
    rc, out, _ = run(capsys, "trace", "--weights", str(path), "--activation", "tanh,sigmoid")
    assert rc == 0 and "net[1][0] = W1[0,0]*a[0][0] + W1[0,1]*a[0][1] + b1[0] = 0.5*0.05 + 0.5*0.1 + 0 = 0.075" in out
    err = one_line_error(capsys, "train", "--weights", str(path))
    assert "does not say the activations; give them with --activation" in err
    err = one_line_error(capsys, "train", "--preset", "xor", "--weights", str(path), "--activation", "tanh")
    assert "the network has 2 inputs and 2 outputs, the data 2 input columns and 1 target column" in err


def test_cli_weights_with_a_data_file(tmp_path, capsys):
    path = save(tmp_path / "w.npz", W1=np.full((2, 3), 0.1), b1=np.zeros(2), W2=np.ones((1, 2)), b2=np.zeros(1),
                activations=np.array(["relu", "linear"]))
    (tmp_path / "d.csv").write_text("a,b,c,y\n1,2,3,4\n2,3,4,5\n")
    rc, out, _ = run(capsys, "train", "--data", str(tmp_path / "d.csv"), "--weights", str(path), "--iterations", "1")
    assert rc == 0 and "all 2 samples" in out and "relu" not in out.split("\n")[0]
    err = one_line_error(capsys, "train", "--data", str(tmp_path / "d.csv"), "--weights", str(path),
                         "--layers", "3,2,1")
    assert "--layers: not with --weights" in err
    (tmp_path / "e.csv").write_text("a,y\n1,4\n")
    err = one_line_error(capsys, "train", "--data", str(tmp_path / "e.csv"), "--weights", str(path))
    assert "--data" in err


def test_a_bad_weights_file_is_one_line_on_every_command(tmp_path, capsys):
    path = save(tmp_path / "w.npz", W1=np.ones((4, 2)), b1=np.zeros(4), W2=np.ones((1, 3)), b2=np.zeros(1))
    for command in ("train", "trace"):
        err = one_line_error(capsys, command, "--weights", str(path), "--activation", "tanh")
        assert err.startswith(f"nnviz {command}: --weights: ") and "W2 has shape (1, 3)" in err


def test_render_draws_the_imported_network(tmp_path, capsys):
    path = save(tmp_path / "w.npz", W1=np.ones((5, 2)), b1=np.zeros(5), W2=np.ones((2, 5)), b2=np.zeros(2),
                activations=np.array(["tanh", "sigmoid"]))
    rc, out, _ = run(capsys, "render", "--weights", str(path), "--out", str(tmp_path / "net.png"), "--size", "400x300")
    assert rc == 0 and "2-5-2 network" in out and (tmp_path / "net.png").stat().st_size > 0


def test_without_torch_a_state_dict_names_the_missing_package(tmp_path, monkeypatch):
    (tmp_path / "model.pt").write_bytes(b"PK\x03\x04 whatever")
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now fails
    with pytest.raises(WeightsError) as info:
        weights.read(tmp_path / "model.pt")
    assert "needs the package torch" in str(info.value)


# ---------------------------------------------------------------- PyTorch files
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


def test_numbered_modules_leave_the_activations_to_the_user(tmp_path, capsys):
    model = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 2), nn.Sigmoid())
    path = torch_file(tmp_path / "m.pth", model.state_dict())
    assert weights.read(path).activations is None
    err = one_line_error(capsys, "train", "--weights", str(path))
    assert "give them with --activation" in err
    rc, out, _ = run(capsys, "train", "--weights", str(path), "--activation", "sigmoid,sigmoid", "--iterations", "3")
    assert rc == 0 and "trained 3 iterations" in out


def test_the_exported_torch_model_reads_back(tmp_path, capsys):
    """The module names of the exported PyTorch script say the activations."""
    t = trainer_mod.create([2, 4, 3], ["relu", "softmax"], datasets.blobs(20), seed=1, loss="cross_entropy")
    assert run(capsys, "export", "--preset", "mazur", "--format", "torch", "--out", str(tmp_path / "t.py"))[0] == 0
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
