"""The PyTorch script: an ``nn.Sequential`` in float64, autograd for the gradients and
``torch.optim`` for the update (nnviz's optimizers follow PyTorch's conventions: SGD,
momentum v <- mu v + g, Adagrad with eps outside the root, bias-corrected Adam). The
batch order is drawn with NumPy's generator, as nnviz draws it. The learning-rate
schedule is set by hand every iteration, and frozen parameters take no gradient."""

from __future__ import annotations

from nnviz.io.export import blocks
from nnviz.io.export.numpy_script import PARAM_NAMES, treatments
from nnviz.io.export.plan import ExportError, Plan

MODULES = {"sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()", "relu": "nn.ReLU()", "softmax": "nn.Softmax(dim=1)"}

LOSSES = {
    "half_sse": ('half_sse: 1/2 the sum over the outputs of (t - out)^2, averaged over the samples.',
                 "0.5 * ((t - out) ** 2).sum() / len(t)"),
    "mse": ("mse: the mean of (t - out)^2 over all outputs of all samples.", "((t - out) ** 2).mean()"),
    "cross_entropy/sigmoid": ("Binary cross-entropy, summed over the outputs and averaged over the samples;\n"
                              "    PyTorch computes it from the net input (the logits), so it stays finite.",
                              'nn.functional.binary_cross_entropy_with_logits(net, t, reduction="sum") / len(t)'),
    "cross_entropy/softmax": ("Cross-entropy -sum t log softmax(net), averaged over the samples; PyTorch\n"
                              "    computes it from the net input (the logits), so it stays finite.",
                              'nn.functional.cross_entropy(net, t, reduction="sum") / len(t)'),
}

OPTIMIZERS = {
    "sgd": ("torch.optim.SGD(parameters, lr={lr})", {}),
    "momentum": ("torch.optim.SGD(parameters, lr={lr}, momentum=MOMENTUM)", {"v": "momentum_buffer"}),
    "adagrad": ("torch.optim.Adagrad(parameters, lr={lr}, eps=EPS)", {"G": "sum"}),
    "adam": ("torch.optim.Adam(parameters, lr={lr}, betas=(BETA1, BETA2), eps=EPS)",
             {"m": "exp_avg", "v": "exp_avg_sq"}),
}


def render(plan: Plan, script: str = "train.py") -> str:
    if plan.backprop == "proportional":
        raise ExportError("the proportional error split is not a gradient, so PyTorch's autograd cannot "
                          "compute it; export it as a NumPy script")
    stem = script.rsplit(".", 1)[0]
    head = ["from collections import OrderedDict", *blocks.imports(plan), "", "import numpy as np",
            "import torch", "from torch import nn"]
    return blocks.assemble([
        blocks.head(plan, "PyTorch", "PyTorch and NumPy", script, head,
                    "torch.set_default_dtype(torch.float64)  # nnviz computes in float64"),
        ("the data", blocks.data(plan, stem, "torch.tensor", "torch.from_numpy")),
        ("the network", network(plan)),
        ("the loss", loss(plan)),
        ("the update", optimizer(plan)),
        ("where the run stands", state(plan)),
        ("training", blocks.fmt()), loop(plan),
        ("the summary, as nnviz train prints it",
         to_numpy() + "\n" + blocks.summary(plan, "loss_on(X, T)", "loss_on(X_check, T_check)")),
    ])


def network(plan: Plan) -> str:
    L = plan.n_layers
    modules = []
    for l, (n_in, n_out, act) in enumerate(zip(plan.sizes[:-1], plan.sizes[1:], plan.activations), start=1):
        modules.append(f'    ("layer{l}", nn.Linear({n_in}, {n_out})),')
        if act != "linear":
            modules.append(f'    ("{act}{l}", {MODULES[act]}),')
    lines = ["# The modules are named after what they are, so that nnviz reads the activations back",
             "# from a saved state_dict (File > Import weights, or nnviz train --weights FILE).",
             "model = nn.Sequential(OrderedDict([", *modules, "]))",
             f"L = {L}  # weight layers",
             "with torch.no_grad():  # nnviz's weights (n_out, n_in), as W in nnviz, and biases"]
    for l, (w, b) in enumerate(zip(plan.weights, plan.biases), start=1):
        start = f"    model.layer{l}.weight.copy_("
        lines.append(start + blocks.array(w, "torch.tensor", len(start)) + ")")
        start = f"    model.layer{l}.bias.copy_("
        lines.append(start + blocks.array(b, "torch.tensor", len(start)) + ")")
    frozen = treatments(plan)
    whole = [(k, l) for (k, l), m in frozen.items() if m is True]
    masks = [(k, l, m) for (k, l), m in frozen.items() if m is not None and m is not True]
    if whole or masks:
        lines += ["", "# Frozen parameters keep their values: whole tensors take no gradient, single",
                  "# entries get a zero one (and a zero step, as their optimizer state is zero)."]
    for kind, l in whole:
        lines.append(f"model.layer{l}.{'weight' if kind == 'W' else 'bias'}.requires_grad_(False)")
    for kind, l, m in masks:
        name = f"FROZEN_{kind}{l}"
        lines += [f"{name} = torch.tensor({m.tolist()})",
                  f"model.layer{l}.{'weight' if kind == 'W' else 'bias'}.register_hook("
                  f"lambda g: g.masked_fill({name}, 0.0))"]
    return "\n".join(lines)


def loss(plan: Plan) -> str:
    out_act = plan.activations[-1]
    key = f"cross_entropy/{out_act}" if plan.loss == "cross_entropy" else plan.loss
    doc, expr = LOSSES[key]
    if out_act == "linear":
        forward = '''def forward(x):
    """The output layer's net input and output (the same: its activation is linear)."""
    out = model(x)
    return out, out'''
    else:
        forward = '''def forward(x):
    """The output layer's net input (all modules but the last) and its output."""
    net = model[:-1](x)
    return net, model[-1](net)'''
    return f'''def loss_of(net, out, t):
    """{doc}"""
    return {expr}


{forward}


def loss_on(x, t):
    """The loss of the current parameters on the samples x (all of them at once)."""
    with torch.no_grad():
        return loss_of(*forward(x), t).item()'''


def optimizer(plan: Plan) -> str:
    lines = [blocks.schedule(plan)]
    if plan.optimizer_params:
        names = [PARAM_NAMES[k] for k in plan.optimizer_params]
        values = [blocks.number(v) for v in plan.optimizer_params.values()]
        lines.append(f"{', '.join(names)} = {', '.join(values)}")
    lines += ["parameters = [p for p in model.parameters() if p.requires_grad]",
              "optimizer = " + OPTIMIZERS[plan.optimizer][0].format(lr="LEARNING_RATE")]
    return "\n".join(lines)


def state(plan: Plan) -> str:
    lines = [f"iteration = {plan.iteration}  # iterations done"]
    names = OPTIMIZERS[plan.optimizer][1]
    if plan.opt_t and names:
        lines.append(f"# the optimizer's state after {plan.opt_t} updates, as nnviz had it")
        how = treatments(plan)
        for l in range(1, plan.n_layers + 1):
            for kind in "Wb":
                if how[(kind, l)] is True:
                    continue
                arrays = plan.opt_state[2 * (l - 1) + (kind == "b")]
                entries = [] if plan.optimizer == "momentum" else [f'"step": torch.tensor({float(plan.opt_t)!r})']
                start = f"optimizer.state[model.layer{l}.{'weight' if kind == 'W' else 'bias'}] = {{"
                for key, a in zip(names.values(), arrays):
                    prefix = f'"{key}": '
                    entries.append(prefix + blocks.array(a, "torch.tensor", 4 + len(prefix)))
                lines.append(start + "\n    " + ",\n    ".join(entries) + ",\n}")
    batches = blocks.batch_state(plan)
    return "\n".join(lines) + ("\n\n" + batches if batches else "")


def loop(plan: Plan) -> str:
    lines = blocks.loop_start(plan)
    lines += ["    net, out = forward(x)  # the forward pass",
              "    loss = loss_of(net, out, t)",
              blocks.stop_check("loss.item()"),
              "    optimizer.zero_grad()",
              "    loss.backward()  # autograd: dE/dW and dE/db of the batch loss into .grad"]
    if plan.schedule.kind != "constant":
        lines += ["    for group in optimizer.param_groups:",
                  f"        group[\"lr\"] = {blocks.rate_expression(plan)}"]
    lines += ["    optimizer.step()",
              "    loss = loss.item()",
              "    losses.append(loss)",
              blocks.progress()]
    if plan.until_loss is not None:
        lines.append(blocks.until_loss(plan))
    return "\n".join(lines)


def to_numpy() -> str:
    return '''# the summary works on NumPy arrays
out, t = out.detach().numpy(), t.numpy()
W = {l: getattr(model, f"layer{l}").weight.detach().numpy() for l in range(1, L + 1)}
b = {l: getattr(model, f"layer{l}").bias.detach().numpy() for l in range(1, L + 1)}'''
