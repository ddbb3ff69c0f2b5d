"""Snapshot format version 1: one JSON document holding everything needed to carry on.

``save(trainer, path)`` streams the document, arrays piece by piece, through the atomic
writer of ``nnviz.io.files``, so an existing file is never left half-written.
``load(path)`` reads through the bounded reader, validates every field and raises
``SnapshotError`` with one line naming the field and the problem.
Floats are written with ``repr`` and so round-trip exactly. The fields are documented
in docs/snapshot-format.md.
"""

from __future__ import annotations

import json
import os
from typing import Any

import numpy as np

from nnviz.core import losses, optimizers, recipes
from nnviz.core.activations import ACTIVATIONS
from nnviz.core.data.datasets import Dataset
from nnviz.core.losses import LOSSES
from nnviz.core.network import INIT_SCHEMES, Network
from nnviz.core.trainer import BACKPROP_MODES, IterationValues, Trainer, TrainingState
from nnviz.core.words import N_, T_
from nnviz.io import files, json_text
from nnviz.io import snapshot_fields as fields
from nnviz.io.json_fields import shown
from nnviz.io.snapshot_fields import SnapshotError

FORMAT = "nnviz-snapshot"
VERSION = 1
MAX_BYTES = 2048 * files.MiB  # the largest snapshot file read (see the README's Limits)
# At an iteration boundary the last iteration's values are only shown, never needed to carry on:
# they are written only for batches up to this size (a larger one would multiply the file's size).
MAX_KEPT_BATCH = 10_000


# ===================================================================== saving
def to_dict(trainer: Trainer) -> dict[str, Any]:
    """The snapshot as plain JSON values (what ``json.loads`` of the file gives)."""
    return _plain(_document(trainer))


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, np.ndarray):
        return v.tolist()
    return v


def _document(trainer: Trainer) -> dict[str, Any]:
    """The snapshot with its arrays as they are (written by ``json_text`` without copies)."""
    net, st = trainer.network, trainer.training_state()
    s = trainer.settings
    opt = s.optimizer
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "network": {
            "sizes": list(net.sizes),
            "activations": net.activation_names,
            "weights": list(net.weights),
            "biases": list(net.biases),
        },
        "dataset": {
            "inputs": trainer.dataset.inputs,
            "targets": trainer.dataset.targets,
        },
    }
    if trainer.dataset.name:
        doc["dataset"]["name"] = trainer.dataset.name
    for key in ("input_names", "target_names"):
        if getattr(trainer.dataset, key):
            doc["dataset"][key] = list(getattr(trainer.dataset, key))
    if trainer.dataset.transform is not None:
        doc["dataset"]["transform"] = trainer.dataset.transform.to_dict()
    if trainer.dataset.check is not None:
        check = trainer.dataset.check
        doc["dataset"]["check"] = {"inputs": check.inputs, "targets": check.targets}
    if net.neuron_names:
        doc["network"]["neuron_names"] = net.neuron_names
    if net.param_names:
        doc["network"]["param_names"] = dict(net.param_names)
    state = {}
    if st.opt_name is not None:
        for j, arrays in enumerate(st.opt_state):
            key = ("W" if j % 2 == 0 else "b") + str(j // 2 + 1)
            names = optimizers.OPTIMIZERS[st.opt_name].state_names
            state[key] = dict(zip(names, arrays))
    doc["training"] = {
        "loss": s.loss,
        "learning_rate": s.learning_rate,
        "optimizer": {"name": opt.name, "params": dict(opt.params), "state_of": st.opt_name,
                      "t": st.opt_t, "state": state},
        "batch": {"mode": s.batch, "shuffle": s.shuffle, "position": st.position,
                  "order": np.asarray(st.order), "epoch": st.epoch},
        "backprop": s.backprop,
        "schedule": {"kind": s.schedule.kind, "step_size": s.schedule.step_size,
                     "gamma": s.schedule.gamma, "decay": s.schedule.decay},
        "seed": trainer.seed,
        "init": trainer.init_scheme,
        "rng_state": st.rng_state,
        "frozen": sorted(s.frozen, key=lambda n: net.flat_index(net.parse_param(n))),
        "iteration": st.iteration,
        "status": st.status,
        "status_message": st.status_message,
    }
    weights0, biases0, rng0 = trainer.initial
    doc["initial"] = {"weights": list(weights0), "biases": list(biases0), "rng_state": rng0}
    step = trainer.steps[st.cursor]
    doc["cursor"] = {"index": st.cursor, "next_phase": step.phase, "next_layer": step.layer}
    doc["history"] = {
        "loss": st.loss_history,
        "accuracy": st.accuracy_history,
        "check_loss": st.check_loss_history,
        "trajectory": st.trajectory,
        "trajectory_start": trainer.trajectory_start,
    }
    v = st.values
    if v is not None and v.inputs is not None and (st.cursor or v.inputs.shape[0] <= MAX_KEPT_BATCH):
        doc["iteration_values"] = _values_document(v)
    return doc


def _values_document(v: IterationValues) -> dict[str, Any]:
    return {
        "batch": None if v.batch is None else np.asarray(v.batch),
        "epoch_end": v.epoch_end,
        "net": list(v.net),
        "activations": list(v.activations),
        "errors": list(v.errors),
        "gradients": list(v.grad_W),
        "bias_gradients": list(v.grad_b),
        "loss": v.loss,
        "check_loss": v.check_loss,
        "sample_losses": v.per_sample_loss,
        "updates": list(v.update_W),
        "bias_updates": list(v.update_b),
        "weights_before": [None if p is None else p[0] for p in v.params_before],
        "biases_before": [None if p is None else p[1] for p in v.params_before],
        "optimizer_state_before": [None if layer_state is None else [list(arrays) for arrays in layer_state]
                                   for layer_state in v.opt_before],
        "update_t": v.opt_t,
        "update_learning_rate": v.learning_rate,
        "loss_function": None if v.loss_fn is None else v.loss_fn.name,
        "backprop": v.backprop,
        "update_optimizer": None if v.optimizer is None else {"name": v.optimizer.name,
                                                              "params": dict(v.optimizer.params)},
    }


def dumps(trainer: Trainer) -> str:
    """The snapshot's text (what ``save`` writes)."""
    return json_text.dumps(_document(trainer))


def save(trainer: Trainer, path: str | os.PathLike) -> None:
    """Write ``trainer`` to ``path`` atomically, streaming the arrays (no copy of the data
    is made as text or as lists); raises SnapshotError (one line) on failure, leaving any
    existing file as it was."""
    try:
        with files.atomic_writer(path) as fh:
            for chunk in json_text.iter_json(_document(trainer)):
                fh.write(chunk.encode("utf-8"))
            fh.write(b"\n")
    except files.FileError as exc:
        raise SnapshotError(str(exc)) from None
    except ValueError as exc:  # a non-finite number somewhere
        raise SnapshotError(T_("SnapshotError", "cannot save %1: %2", files.one_line(os.fspath(path)), exc)) from None


# ==================================================================== loading
def load(path: str | os.PathLike) -> Trainer:
    """Read and validate a snapshot; raises SnapshotError with a one-line reason. Only a
    regular file of at most ``MAX_BYTES`` is read."""
    try:
        text = files.read_text(path, MAX_BYTES, N_("FileError", "snapshot file"))
    except files.FileError as exc:
        raise SnapshotError(str(exc)) from None
    try:
        return loads(text)
    except SnapshotError as exc:
        raise SnapshotError(f"{files.one_line(os.fspath(path))}: {exc}") from None


def loads(text: str) -> Trainer:
    if not text.strip():
        raise SnapshotError(T_("SnapshotError", "the file is empty (expected a JSON snapshot)"))
    try:
        doc = json.loads(text, parse_constant=lambda name: float(name.replace("Infinity", "inf")))
    except json.JSONDecodeError as exc:
        raise SnapshotError(T_("SnapshotError", "not valid JSON at line %1, column %2: %3", exc.lineno, exc.colno,
                               exc.msg)) from None
    except RecursionError:
        raise SnapshotError(T_("SnapshotError", "not valid JSON: nested too deeply")) from None
    except ValueError:  # int() of a number with thousands of digits
        raise SnapshotError(T_("SnapshotError", "not valid JSON: a number with too many digits")) from None
    return from_dict(doc)


def from_dict(doc: Any) -> Trainer:
    root = fields.Reader(doc, "")
    if not isinstance(doc, dict):
        raise SnapshotError(T_("SnapshotError", "expected a JSON object at the top level"))
    fmt = root.get("format")
    if fmt is None:
        raise SnapshotError(T_("SnapshotError", "format: missing (expected \"%1\")", FORMAT))
    if fmt.value != FORMAT:
        raise SnapshotError(T_("SnapshotError", "format: expected \"%1\", got %2", FORMAT, shown(fmt.value)))
    version = root["version"]
    if type(version.value) is not int or version.value != VERSION:
        raise SnapshotError(T_("SnapshotError", "version: unsupported version %1 (this nnviz reads version %2)",
                               shown(version.value), VERSION))

    # ---- network
    n = root["network"]
    sizes = [r.int(low=1) for r in n["sizes"].items()]
    if len(sizes) < 2:
        n["sizes"].fail(T_("SnapshotError", "expected at least two layers (inputs and outputs)"))
    try:
        recipes.check_size(sizes)
    except ValueError as exc:
        n["sizes"].fail(str(exc))
    L = len(sizes) - 1
    act_items = n["activations"].items()
    if len(act_items) != L:
        n["activations"].fail(T_("SnapshotError", "expected %1 activations (one per weight layer), got %2", L,
                                 len(act_items)))
    acts = [r.str(tuple(ACTIVATIONS)) for r in act_items]
    try:
        recipes.check_activations(acts, sizes[-1])
    except ValueError as exc:
        n["activations"].fail(str(exc))
    weights = fields.layer_arrays(n["weights"], [(sizes[l + 1], sizes[l]) for l in range(L)])
    biases = fields.layer_arrays(n["biases"], [(sizes[l + 1],) for l in range(L)])
    neuron_names = None
    if (r := n.get("neuron_names")) is not None:
        neuron_names = [[x.name() for x in layer.items()] for layer in r.items()]
        if [len(x) for x in neuron_names] != sizes:
            r.fail(T_("SnapshotError", "expected one name per neuron for sizes %1", sizes))
    param_names = None
    if (r := n.get("param_names")) is not None:
        param_names = {r.child(k, k).name(): r.child(k, v).name() for k, v in r.dict().items()}
    try:
        network = Network(sizes, acts, weights, biases, neuron_names, param_names)
    except ValueError as exc:
        raise SnapshotError(T_("SnapshotError", "network: %1", exc)) from None

    # ---- dataset
    d = root["dataset"]
    rows = d.get("inputs")
    try:  # the training samples go through one forward pass together
        recipes.check_size(sizes, len(rows.value) if rows is not None and isinstance(rows.value, list) else 0)
    except ValueError as exc:
        d.fail(str(exc))
    inputs, targets = fields.samples(d, sizes)
    name = d.get("name").name() if d.get("name") is not None else ""
    names = {key: d.get(key).names(n) if d.get(key) is not None else ()
             for key, n in (("input_names", sizes[0]), ("target_names", sizes[-1]))}
    transform = fields.transform(d.get("transform"), sizes) if d.get("transform") is not None else None
    check = fields.check_set(d.get("check"), sizes, name, transform, names) if d.get("check") is not None else None
    dataset = Dataset(inputs, targets, name, transform=transform, check=check, **names)
    n_samples = inputs.shape[0]

    # ---- training settings
    tr = root.get("training") or fields.Reader({}, "training")
    kwargs: dict[str, Any] = {}
    if (r := tr.get("loss")) is not None:
        kwargs["loss"] = r.str(tuple(LOSSES))
        try:
            losses.get(kwargs["loss"], network.activations[-1])
        except ValueError as exc:
            r.fail(str(exc))
    if (r := tr.get("learning_rate")) is not None:
        kwargs["learning_rate"] = r.float(positive=True)
    opt_name, opt_t, state_of, opt_state_doc = "sgd", 0, None, None
    if (o := tr.get("optimizer")) is not None:
        if isinstance(o.value, str):
            opt_name = o.str(tuple(optimizers.OPTIMIZERS))
        else:
            opt = fields.optimizer(o)
            opt_name = opt.name
            kwargs["optimizer_params"] = dict(opt.params)
            if o.get("t") is not None:
                opt_t = o["t"].int()
            if o.get("state_of") is not None:
                state_of = o["state_of"].str(tuple(optimizers.OPTIMIZERS))
            opt_state_doc = o.get("state")
    kwargs["optimizer"] = opt_name
    position, order, epoch = 0, np.arange(n_samples), 0
    if (b := tr.get("batch")) is not None:
        if isinstance(b.value, (str, int)) and not isinstance(b.value, bool):
            kwargs["batch"] = fields.batch(b)
        else:
            if b.get("mode") is not None:
                kwargs["batch"] = fields.batch(b["mode"])
            if b.get("shuffle") is not None:
                kwargs["shuffle"] = b["shuffle"].bool()
            if b.get("position") is not None:
                position = b["position"].int(0, n_samples - 1)
            if b.get("order") is not None:
                order_r = b["order"]
                order = order_r.ints(0, n_samples - 1)
                if sorted(order.tolist()) != list(range(n_samples)):
                    order_r.fail(T_("SnapshotError", "expected each sample index 0..%1 exactly once", n_samples - 1))
            if b.get("epoch") is not None:
                epoch = b["epoch"].int()
    if (r := tr.get("backprop")) is not None:
        kwargs["backprop"] = r.str(BACKPROP_MODES)
    if (r := tr.get("schedule")) is not None:
        kwargs["schedule"] = fields.schedule(r)
    seed = tr["seed"].int(low=0) if tr.get("seed") is not None else 0
    if (r := tr.get("frozen")) is not None:
        frozen = []
        for x in r.items():
            name = x.name()
            try:
                frozen.append(network.parse_param(name).name)
            except ValueError as exc:
                x.fail(str(exc))
        kwargs["frozen"] = frozen
    init = tr.get("init").str(INIT_SCHEMES) if tr.get("init") is not None else None
    rng = np.random.default_rng(seed)
    rng_state = rng.bit_generator.state
    if (r := tr.get("rng_state")) is not None:
        rng_state = fields.rng_state(r, rng)
    try:
        trainer = Trainer(network, dataset, seed=seed, rng=rng, init_scheme=init, **kwargs)
    except ValueError as exc:
        raise SnapshotError(T_("SnapshotError", "training: %1", exc)) from None

    # ---- initial parameters (what Reset returns to)
    if (ini := root.get("initial")) is not None:
        w0 = fields.layer_arrays(ini["weights"], [w.shape for w in weights])
        b0 = fields.layer_arrays(ini["biases"], [x.shape for x in biases])
        r0 = fields.rng_state(ini["rng_state"], rng) if ini.get("rng_state") is not None else rng_state
        trainer.set_initial(w0, b0, r0)

    # ---- optimizer state
    opt_state = [()] * (2 * L)
    if state_of is not None:
        names = optimizers.OPTIMIZERS[state_of].state_names
        if opt_state_doc is None and names:
            raise SnapshotError(T_("SnapshotError", "training.optimizer.state: missing (state_of names an optimizer)"))
        for j in range(2 * L):
            key = ("W" if j % 2 == 0 else "b") + str(j // 2 + 1)
            shape = weights[j // 2].shape if j % 2 == 0 else biases[j // 2].shape
            if names:
                entry = opt_state_doc[key]
                opt_state[j] = tuple(entry[name].array(shape=shape) for name in names)
    elif opt_t:
        raise SnapshotError(T_("SnapshotError", "training.optimizer.t: expected 0 when there is no optimizer state"))

    # ---- cursor, history and this iteration's values
    cursor = 0
    if (c := root.get("cursor")) is not None:
        cursor = c["index"].int(0, 3 * L) if isinstance(c.value, dict) else c.int(0, 3 * L)
    h = root.get("history") or fields.Reader({}, "history")
    loss_history, accuracy, check_loss = ([] if h.get(key) is None else h[key].array(ndim=1).tolist()
                                          for key in ("loss", "accuracy", "check_loss"))
    iteration = tr["iteration"].int() if tr.get("iteration") is not None else len(loss_history)
    trajectory = []
    if (r := h.get("trajectory")) is not None:
        trajectory = [x.array(shape=(network.n_params,)) for x in r.items()]
    values = None
    if (r := root.get("iteration_values")) is not None:
        values = _values_from(r, trainer, dataset)
    if cursor and values is None:
        raise SnapshotError(T_("SnapshotError", "iteration_values: missing (the cursor stands inside an iteration)"))
    if values is not None:
        _check_complete(values, trainer, cursor or len(trainer.steps))
    if cursor > 2 * L + 1:  # the update phase has begun: its optimizer holds the state
        if state_of is None:
            raise SnapshotError(T_("SnapshotError", "training.optimizer.state_of: missing (an update of this "
                                   "iteration has run)"))
        if values.optimizer is not None and values.optimizer.name != state_of:
            raise SnapshotError(T_("SnapshotError", "training.optimizer.state_of: expected %1 (the optimizer of the "
                                   "update phase under way), got %2", repr(values.optimizer.name), repr(state_of)))
    status = tr["status"].str(("ready", "diverged")) if tr.get("status") is not None else "ready"
    message = tr["status_message"].line() if tr.get("status_message") is not None else ""
    state = TrainingState(
        opt_state=opt_state, opt_name=state_of, opt_t=opt_t, cursor=cursor, values=values,
        order=order, position=position, epoch=epoch, rng_state=rng_state, iteration=iteration,
        loss_history=loss_history, accuracy_history=accuracy, trajectory=trajectory,
        trajectory_start=h["trajectory_start"].int() if h.get("trajectory_start") is not None else 0,
        check_loss_history=check_loss,
        status=status, status_message=message)
    try:
        trainer.load_training_state(state)
    except ValueError as exc:
        raise SnapshotError(T_("SnapshotError", "training: %1", exc)) from None
    return trainer


def _optional_layers(r: fields.Reader | None, shapes: list[tuple[int, ...]]) -> list[np.ndarray | None]:
    if r is None:
        return [None] * len(shapes)
    items = r.items()
    if len(items) != len(shapes):
        r.fail(T_("SnapshotError", "expected %1 entries (one per weight layer), got %2", len(shapes), len(items)))
    return [None if x.value is None else x.array(shape=shape) for x, shape in zip(items, shapes)]


def _values_from(r: fields.Reader, trainer: Trainer, dataset: Dataset) -> IterationValues:
    net = trainer.network
    L = net.n_layers
    batch = None
    if r.get("batch") is not None:
        batch = r["batch"].ints(0, dataset.n_samples - 1)
    x, t = dataset.inputs, dataset.targets
    if batch is not None:
        x, t = x[batch], t[batch]
    m = x.shape[0]
    epoch_end = r["epoch_end"].bool() if r.get("epoch_end") is not None else batch is None
    v = IterationValues(L, batch, x, t, epoch_end)
    unit_shapes = [(m, net.sizes[l]) for l in range(1, L + 1)]
    w_shapes = [w.shape for w in net.weights]
    b_shapes = [b.shape for b in net.biases]
    v.net = _optional_layers(r.get("net"), unit_shapes)
    v.activations = _optional_layers(r.get("activations"), unit_shapes)
    v.errors = _optional_layers(r.get("errors"), unit_shapes)
    v.grad_W = _optional_layers(r.get("gradients"), w_shapes)
    v.grad_b = _optional_layers(r.get("bias_gradients"), b_shapes)
    v.update_W = _optional_layers(r.get("updates"), w_shapes)
    v.update_b = _optional_layers(r.get("bias_updates"), b_shapes)
    wb = _optional_layers(r.get("weights_before"), w_shapes)
    bb = _optional_layers(r.get("biases_before"), b_shapes)
    v.params_before = [None if w is None or b is None else (w, b) for w, b in zip(wb, bb)]
    if r.get("loss") is not None:
        v.loss = r["loss"].float()
    if r.get("check_loss") is not None:
        v.check_loss = r["check_loss"].float()
    if r.get("sample_losses") is not None:
        v.per_sample_loss = r["sample_losses"].array(shape=(m,))
    if (ob := r.get("optimizer_state_before")) is not None:
        items = ob.items()
        if len(items) != L:
            ob.fail(T_("SnapshotError", "expected %1 entries (one per weight layer), got %2", L, len(items)))
        for l, item in enumerate(items):
            if item.value is None:
                continue
            pair = item.items()
            if len(pair) != 2:
                item.fail(T_("SnapshotError", "expected [W state, b state]"))
            v.opt_before[l] = tuple(
                tuple(a.array(shape=shape) for a in part.items())
                for part, shape in zip(pair, (w_shapes[l], b_shapes[l])))
    if r.get("update_t") is not None:
        v.opt_t = r["update_t"].int()
    if r.get("update_learning_rate") is not None:
        v.learning_rate = r["update_learning_rate"].float(positive=True)
    if (lf := r.get("loss_function")) is not None:
        name = lf.str(tuple(LOSSES))
        try:
            v.loss_fn = losses.get(name, net.activations[-1])
        except ValueError as exc:
            lf.fail(str(exc))
    if r.get("backprop") is not None:
        v.backprop = r["backprop"].str(BACKPROP_MODES)
    if (o := r.get("update_optimizer")) is not None:
        v.optimizer = fields.optimizer(o)
    for name in ("net", "activations", "errors", "grad_W", "grad_b", "update_W", "update_b"):
        setattr(v, name, [None if a is None else _readonly(a) for a in getattr(v, name)])
    return v


_NEEDED = {
    "forward": (("net", "net"), ("activations", "activations")),
    "loss": (("loss", "loss"), ("per_sample_loss", "sample_losses")),
    "backward": (("errors", "errors"), ("grad_W", "gradients"), ("grad_b", "bias_gradients")),
    "update": (("update_W", "updates"), ("update_b", "bias_updates"), ("params_before", "weights_before")),
}


def _check_complete(v: IterationValues, trainer: Trainer, n_steps: int) -> None:
    """The values of every micro-step already taken must be there to carry on."""
    for step in trainer.steps[:n_steps]:
        for attr, field in _NEEDED[step.phase]:
            value = getattr(v, attr)
            if step.layer is not None:
                value = value[step.layer - 1]
            if value is None:
                if step.layer is None:
                    raise SnapshotError(T_("SnapshotError", "iteration_values.%1: missing (the %2 step has run)", field,
                                           step.phase))
                raise SnapshotError(T_("SnapshotError", "iteration_values.%1[%2]: missing (the %3 step of layer %4 "
                                       "has run)", field, step.layer - 1, step.phase, step.layer))


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a
