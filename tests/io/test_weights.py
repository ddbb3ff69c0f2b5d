"""Weights in and out: .npz round trips, PyTorch state dicts (activations read from the
module names), and bad files (one line naming the problem; nothing unpickled, nothing
changed), through the API and through ``--weights`` on train, trace and render."""

from __future__ import annotations

import io
import sys
import zipfile

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core import trainer as trainer_mod
from nnviz.core.data import datasets
from nnviz.io import weights
from nnviz.io.weights import WeightsError


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


def test_cli_weights_replace_the_network_and_keep_the_data(tmp_path, nnviz_cli, nnviz_error):
    path = save(tmp_path / "w.npz", W1=np.full((3, 2), 0.5), b1=np.zeros(3), W2=np.full((2, 3), -0.25),
                b2=np.ones(2))
    # mazur's data: 2 inputs and 2 targets fit a 2-3-2 network
    rc, out, _ = nnviz_cli("train", "--weights", str(path), "--activation", "tanh,sigmoid", "--iterations", "0")
    assert rc == 0
    assert "W1[0,0] = 0.5" in out and "W2[1,2] = -0.25" in out and "b2[0] = 1" in out
    rc, out, _ = nnviz_cli("trace", "--weights", str(path), "--activation", "tanh,sigmoid")
    assert rc == 0 and "net[1][0] = W1[0,0]*a[0][0] + W1[0,1]*a[0][1] + b1[0] = 0.5*0.05 + 0.5*0.1 + 0 = 0.075" in out
    err = nnviz_error("train", "--weights", str(path))
    assert "does not say the activations; give them with --activation" in err
    err = nnviz_error("train", "--preset", "xor", "--weights", str(path), "--activation", "tanh")
    assert "the network has 2 inputs and 2 outputs, the data 2 input columns and 1 target column" in err


def test_cli_weights_with_a_data_file(tmp_path, nnviz_cli, nnviz_error):
    path = save(tmp_path / "w.npz", W1=np.full((2, 3), 0.1), b1=np.zeros(2), W2=np.ones((1, 2)), b2=np.zeros(1),
                activations=np.array(["relu", "linear"]))
    (tmp_path / "d.csv").write_text("a,b,c,y\n1,2,3,4\n2,3,4,5\n")
    rc, out, _ = nnviz_cli("train", "--data", str(tmp_path / "d.csv"), "--weights", str(path), "--iterations", "1")
    assert rc == 0 and "all 2 samples" in out and "W1[1,2] = " in out and "W2[0,1] = " in out
    err = nnviz_error("train", "--data", str(tmp_path / "d.csv"), "--weights", str(path),
                      "--layers", "3,2,1")
    assert "--layers: not with --weights" in err
    (tmp_path / "e.csv").write_text("a,y\n1,4\n")
    err = nnviz_error("train", "--data", str(tmp_path / "e.csv"), "--weights", str(path))
    assert "--data" in err


def test_a_bad_weights_file_is_one_line_on_every_command(tmp_path, nnviz_error):
    path = save(tmp_path / "w.npz", W1=np.ones((4, 2)), b1=np.zeros(4), W2=np.ones((1, 3)), b2=np.zeros(1))
    for command in ("train", "trace"):
        err = nnviz_error(command, "--weights", str(path), "--activation", "tanh")
        assert err.startswith(f"nnviz {command}: --weights: ") and "W2 has shape (1, 3)" in err


def test_render_draws_the_imported_network(tmp_path, nnviz_cli):
    path = save(tmp_path / "w.npz", W1=np.ones((5, 2)), b1=np.zeros(5), W2=np.ones((2, 5)), b2=np.zeros(2),
                activations=np.array(["tanh", "sigmoid"]))
    rc, out, _ = nnviz_cli("render", "--weights", str(path), "--out", str(tmp_path / "net.png"), "--size", "400x300")
    assert rc == 0 and "2-5-2 network" in out and (tmp_path / "net.png").stat().st_size > 0


def test_without_torch_a_state_dict_names_the_missing_package(tmp_path, monkeypatch):
    (tmp_path / "model.pt").write_bytes(b"PK\x03\x04 whatever")
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now fails
    with pytest.raises(WeightsError) as info:
        weights.read(tmp_path / "model.pt")
    assert "needs the package torch" in str(info.value)


def test_an_array_claiming_more_memory_than_the_limit_is_refused_unread(tmp_path):
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False,
                                                  "shape": (100_000, 100_000)})
    with zipfile.ZipFile(tmp_path / "bomb.npz", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("W1.npy", header.getvalue() + b"\0" * 64)  # 80 GB claimed, 64 bytes there
        archive.writestr("b1.npy", b"")
    with pytest.raises(WeightsError) as info:
        weights.read(tmp_path / "bomb.npz")
    assert "W1 has shape (100000, 100000)" in str(info.value) and "over the limit of 64 MiB" in str(info.value)


def test_an_imported_network_beyond_the_limits_is_refused(tmp_path, nnviz_error):
    path = save(tmp_path / "big.npz", W1=np.ones((200, 2)), b1=np.zeros(200), W2=np.ones((2, 200)), b2=np.zeros(2),
                activations=np.array(["tanh", "sigmoid"]))
    err = nnviz_error("train", "--weights", str(path))
    assert "--weights: " in err and "hidden layer 1: at most 128 neurons (the limit), got 200" in err
