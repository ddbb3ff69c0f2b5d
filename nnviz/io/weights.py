"""A multilayer perceptron's weights in and out: NumPy ``.npz`` and PyTorch state dicts.

``.npz`` naming (written by ``save_npz``, read by ``read``): ``W1``, ``b1``, ``W2``,
``b2``, ... — ``W<l>`` of shape (n_out, n_in), row j holding the weights into neuron j,
``b<l>`` of shape (n_out,) — and optionally ``activations``, one name per weight layer
(``sigmoid``, ``tanh``, ``relu``, ``linear``, ``softmax``). Nothing else may be in the file,
and it is read with ``allow_pickle=False``.

A PyTorch file (``.pt``, ``.pth``) must hold the ``state_dict()`` of an ``nn.Sequential``
of ``nn.Linear`` layers. It is read with ``torch.load(..., weights_only=True)``, which
refuses any object that is not a tensor or a plain container, so loading never runs code
from the file. The activations are read from the Sequential's module names when they say
them (``sigmoid1``, ``tanh``, ``act_relu`` ...; PyTorch keeps every module's name in the
state dict); otherwise the caller names them.

Every problem is a ``WeightsError`` with one line naming the file and the first thing
wrong; nothing else changes.
"""

from __future__ import annotations

import io
import os
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.core import recipes
from nnviz.core.activations import ACTIVATIONS
from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network, default_neuron_names
from nnviz.core.trainer import Trainer
from nnviz.core.words import N_, T_
from nnviz.io import files

MAX_BYTES = 64 * 2**20  # far beyond any network nnviz can show
NPZ_SUFFIXES = (".npz",)
TORCH_SUFFIXES = (".pt", ".pth")


class WeightsError(ValueError):
    """A weights file that cannot be used; the message is one line for the user."""


class DataMismatch(WeightsError):
    """The network's input or output count differs from the data's."""


@dataclass(frozen=True)
class ImportedWeights:
    weights: list[np.ndarray]  # W_l, (n_out, n_in)
    biases: list[np.ndarray]  # b_l, (n_out,)
    activations: list[str] | None  # None: the file does not say
    source: str  # the file, for messages

    @property
    def sizes(self) -> list[int]:
        return [self.weights[0].shape[1]] + [w.shape[0] for w in self.weights]

    @property
    def n_layers(self) -> int:
        return len(self.weights)


# ==================================================================== reading
def read(path: str | os.PathLike) -> ImportedWeights:
    """The weights in ``path``: ``.npz``, or a PyTorch state dict (``.pt``/``.pth``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in NPZ_SUFFIXES + TORCH_SUFFIXES:
        raise WeightsError(T_("WeightsError", "%1: expected a .npz file or a PyTorch state dict (.pt, .pth)", path))
    try:
        data = files.read_bytes(path, MAX_BYTES, N_("FileError", "weights file"))
    except files.FileError as exc:
        raise WeightsError(str(exc)) from None
    if suffix in NPZ_SUFFIXES:
        return _from_npz(data, str(path))
    return _from_state_dict(data, str(path))


def _from_npz(data: bytes, source: str) -> ImportedWeights:
    if not data.startswith(b"PK"):  # np.load would take anything else for a pickle
        raise WeightsError(T_("WeightsError", "%1: not a valid .npz file (not a zip archive of arrays)", source))
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            for name in npz.files:
                _check_array_size(npz.zip, name, source)
            arrays = {name: npz[name] for name in npz.files}
    except WeightsError:
        raise
    except ValueError as exc:
        if "pickle" in str(exc):
            raise WeightsError(T_("WeightsError", "%1: holds Python objects, not plain arrays (nnviz never unpickles "
                                  "them)", source)) from None
        raise WeightsError(T_("WeightsError", "%1: not a valid .npz file (%2)", source, exc)) from None
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise WeightsError(T_("WeightsError", "%1: not a valid .npz file (truncated or damaged: %2)", source,
                              exc)) from None
    names = arrays.pop("activations", None)
    layers = []
    for key in arrays:
        m = re.fullmatch(r"([Wb])([1-9]\d*)", key)
        if not m:
            raise WeightsError(T_("WeightsError", "%1: unexpected array %2 (expected W1, b1, W2, b2, ... and "
                                  "optionally activations)", source, repr(key)))
        layers.append(int(m.group(2)))
    n = max(layers, default=0)
    if n == 0:
        raise WeightsError(T_("WeightsError", "%1: no weights (expected arrays W1, b1, W2, b2, ...)", source))
    for l in range(1, n + 1):
        for kind in "Wb":
            if f"{kind}{l}" not in arrays:
                raise WeightsError(T_("WeightsError", "%1: %2%3 is missing (expected W1, b1, ..., W%4, b%5)", source,
                                      kind, l, n, n))
    activations = None
    if names is not None:
        if names.dtype.kind != "U" or names.ndim != 1:
            raise WeightsError(T_("WeightsError", "%1: activations: expected a list of names, got an array of %2 with "
                                  "shape %3", source, names.dtype, names.shape))
        activations = [str(a) for a in names]
        if len(activations) != n:
            raise WeightsError(T_("WeightsError", "%1: activations: expected %2 names (one per weight layer), got %3",
                                  source, n, len(activations)))
    return _checked([arrays[f"W{l}"] for l in range(1, n + 1)], [arrays[f"b{l}"] for l in range(1, n + 1)],
                    [f"W{l}" for l in range(1, n + 1)], [f"b{l}" for l in range(1, n + 1)],
                    activations, source)


def _from_state_dict(data: bytes, source: str) -> ImportedWeights:
    try:
        import torch
    except ImportError:
        raise WeightsError(T_("WeightsError", "%1: reading a PyTorch state dict needs the package torch (pip install "
                              "torch), or save the weights as .npz", source)) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception as exc:  # torch raises many kinds: UnpicklingError, RuntimeError, EOFError ...
        found = re.search(r"Unsupported global: GLOBAL (\S+)", str(exc))
        if found:
            raise WeightsError(T_("WeightsError", "%1: holds more than tensors (%2); nnviz reads a state dict "
                                  "(torch.save(model.state_dict(), ...)) and never unpickles other objects", source,
                                  found.group(1))) from None
        raise WeightsError(T_("WeightsError", "%1: not a PyTorch state dict that can be read (truncated or damaged?)",
                              source)) from None
    if not isinstance(state, dict) or not state:
        raise WeightsError(T_("WeightsError", "%1: expected a state dict (names -> tensors), got %2", source,
                              type(state).__name__))
    modules: dict[str, dict[str, np.ndarray]] = {}
    for key, value in state.items():
        prefix, _, kind = str(key).rpartition(".")
        if kind not in ("weight", "bias") or not prefix or not isinstance(value, torch.Tensor):
            raise WeightsError(T_("WeightsError", "%1: %2 is not the weight or bias of a Linear layer (nnviz reads an "
                                  "nn.Sequential of nn.Linear layers)", source, repr(key)))
        modules.setdefault(prefix, {})[kind] = value.detach().to(torch.float64).numpy()
    for name, params in modules.items():
        if "bias" not in params:
            raise WeightsError(T_("WeightsError", "%1: %2 has no bias (nnviz layers have one; use nn.Linear(..., "
                                  "bias=True))", source, name))
        if "weight" not in params:
            raise WeightsError(T_("WeightsError", "%1: %2 has a bias but no weight", source, name))
    names = list(modules)
    metadata = getattr(state, "_metadata", None)
    activations = _activations_from_names(names, list(metadata) if metadata else None)
    return _checked([modules[n]["weight"] for n in names], [modules[n]["bias"] for n in names],
                    [f"{n}.weight" for n in names], [f"{n}.bias" for n in names], activations, source)


def _check_array_size(archive: zipfile.ZipFile, name: str, source: str) -> None:
    """Refuse an array whose header asks for more memory than ``MAX_BYTES`` before it is
    read (a small compressed file may claim a huge array)."""
    readers = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}
    with archive.open(name + ".npy") as fh:
        version = np.lib.format.read_magic(fh)
        if version not in readers:
            raise WeightsError(T_("WeightsError", "%1: %2: .npy format version %3 is not read (1.0 or 2.0)", source,
                                  name, version))
        shape, _, dtype = readers[version](fh)
    size = int(np.prod(shape, dtype=object)) * dtype.itemsize
    if size > MAX_BYTES:
        raise WeightsError(T_("WeightsError", "%1: %2 has shape %3: %4 MiB is over the limit of %5 MiB", source, name,
                              shape, f"{size / 2**20:,.0f}", MAX_BYTES // 2**20))


def _activations_from_names(linear: list[str], modules: list[str] | None) -> list[str] | None:
    """Each Linear layer's activation from the names of the modules that follow it: none
    before the next Linear layer means linear; one named after an activation (sigmoid1,
    act_tanh ...) means that one. None when a name does not say it."""
    if modules is None:
        return None
    leaves = [m for m in modules if m and not any(o.startswith(m + ".") for o in modules)]
    if any(n not in leaves for n in linear):
        return None
    out = []
    for i, name in enumerate(linear):
        start = leaves.index(name) + 1
        end = leaves.index(linear[i + 1]) if i + 1 < len(linear) else len(leaves)
        between = leaves[start:end]
        if not between:
            out.append("linear")
            continue
        if len(between) > 1:
            return None
        said = [a for a in ACTIVATIONS if a in between[0].rpartition(".")[2].lower()]
        if len(said) != 1:
            return None
        out.append(said[0])
    return out


def _checked(weights, biases, w_names, b_names, activations, source) -> ImportedWeights:
    """The arrays as float64, each shape checked against the layer before; one line for the
    first mismatch."""
    ws, bs = [], []
    for l, (w, b, wn, bn) in enumerate(zip(weights, biases, w_names, b_names)):
        w, b = np.asarray(w), np.asarray(b)
        for a, name in ((w, wn), (b, bn)):
            if a.dtype.kind not in "fiu":
                raise WeightsError(T_("WeightsError", "%1: %2: expected numbers, got %3", source, name, a.dtype))
        if w.ndim != 2 or 0 in w.shape:
            raise WeightsError(T_("WeightsError", "%1: %2: expected a matrix (n_out, n_in), got shape %3", source, wn,
                                  w.shape))
        if b.shape != (w.shape[0],):
            raise WeightsError(T_("WeightsError", "%1: %2: expected shape (%3,) to match %4 %5, got %6", source, bn,
                                  w.shape[0], wn, w.shape, b.shape))
        if ws and w.shape[1] != ws[-1].shape[0]:
            raise WeightsError(T_("WeightsError", "%1: %2 has shape %3: %4 inputs, but layer %5 has %6 neurons (%7 %8)",
                                  source, wn, w.shape, w.shape[1], l, ws[-1].shape[0], w_names[l - 1], ws[-1].shape))
        w, b = w.astype(np.float64), b.astype(np.float64)
        for a, name in ((w, wn), (b, bn)):
            if not np.isfinite(a).all():
                raise WeightsError(T_("WeightsError", "%1: %2: holds a number that is not finite", source, name))
        ws.append(w)
        bs.append(b)
    if activations is not None:
        for l, name in enumerate(activations, start=1):
            if name not in ACTIVATIONS:
                raise WeightsError(T_("WeightsError", "%1: activations: unknown activation %2 for layer %3 (expected "
                                      "one of %4)", source, repr(name), l, ', '.join(ACTIVATIONS)))
    return ImportedWeights(ws, bs, activations, source)


# ==================================================================== a network
def build_trainer(imported: ImportedWeights, activations: list[str], dataset: Dataset,
                  like: Trainer | None = None, **settings) -> Trainer:
    """A Trainer for the imported network on ``dataset``. With ``like`` (the run it
    replaces) it keeps that run's settings, generator state, and — for a network of the
    same sizes — its neuron and parameter names and frozen parameters; the loss falls back
    to one that fits the new output activation. ``settings`` go to the Trainer otherwise.
    Neurons without names from ``like`` take the data's column names where it has them."""
    src = imported.source
    sizes = imported.sizes
    if len(activations) != imported.n_layers:
        raise WeightsError(T_("WeightsError", "%1: expected %2 activations (one per weight layer), got %3", src,
                              imported.n_layers, len(activations)))
    if (dataset.n_inputs, dataset.n_outputs) != (sizes[0], sizes[-1]):
        # pairs, not %n texts: the command line, which loads no translation, prints these as written
        inputs = T_("WeightsError", "%1 input", 1) if sizes[0] == 1 else T_("WeightsError", "%1 inputs", sizes[0])
        outputs = T_("WeightsError", "%1 output", 1) if sizes[-1] == 1 else T_("WeightsError", "%1 outputs", sizes[-1])
        n_in, n_out = dataset.n_inputs, dataset.n_outputs
        columns = T_("WeightsError", "%1 input column", 1) if n_in == 1 else T_("WeightsError", "%1 input columns",
                     n_in)
        targets = (T_("WeightsError", "%1 target column", 1) if n_out == 1
                   else T_("WeightsError", "%1 target columns", n_out))
        raise DataMismatch(T_("WeightsError", "%1: the network has %2 and %3, the data %4 and %5", src, inputs, outputs,
                              columns, targets))
    same = like is not None and like.network.sizes == sizes
    names = like.network.neuron_names if same else None
    if names is None and (dataset.input_names or dataset.target_names):
        names = default_neuron_names(sizes, dataset.input_names, dataset.target_names)
    try:
        network = Network(sizes, activations, imported.weights, imported.biases, names,
                          like.network.param_names if same else None)
    except ValueError as exc:
        raise WeightsError(f"{src}: {exc}") from None
    if like is not None:
        s = like.settings
        rng = np.random.default_rng()
        rng.bit_generator.state = like.rng.bit_generator.state
        settings = s.carried() | dict(loss=recipes.fitting_loss(s.loss, network.activations[-1].name, dataset),
                                      frozen=s.frozen if same else (), seed=like.seed, rng=rng)
    try:
        return Trainer(network, dataset, **settings)
    except ValueError as exc:
        raise WeightsError(f"{src}: {exc}") from None


# ==================================================================== writing
def npz_bytes(network: Network) -> bytes:
    arrays = {}
    for l, (w, b) in enumerate(zip(network.weights, network.biases), start=1):
        arrays[f"W{l}"], arrays[f"b{l}"] = w, b
    buffer = io.BytesIO()
    np.savez(buffer, **arrays, activations=np.array(network.activation_names))
    return buffer.getvalue()


def save_npz(network: Network, path: str | os.PathLike) -> None:
    """Write the network's weights, biases and activations to ``path`` (atomically)."""
    try:
        files.write_atomic(path, npz_bytes(network))
    except files.FileError as exc:
        raise WeightsError(str(exc)) from None
