"""The NumPy script: nnviz's forward pass, backward pass and update written out with the
same NumPy operations in the same order, so that it prints the very numbers nnviz
prints (to the last bit with the same NumPy)."""

from __future__ import annotations

from nnviz.io.export import blocks
from nnviz.io.export.plan import Plan

ACTIVATIONS = {
    "sigmoid": ('''def sigmoid(z):
    """1 / (1 + e^-z), written so that exp never overflows."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)''', '''def sigmoid_prime(z, out):
    """The derivative of sigmoid, from its output: out (1 - out)."""
    return out * (1.0 - out)'''),
    "tanh": ('''def tanh(z):
    return np.tanh(z)''', '''def tanh_prime(z, out):
    """The derivative of tanh, from its output: 1 - out^2."""
    return 1.0 - out * out'''),
    "relu": ('''def relu(z):
    return np.maximum(z, 0.0)''', '''def relu_prime(z, out):
    """1 where net > 0, else 0."""
    return (z > 0).astype(np.float64)'''),
    "linear": ('''def linear(z):
    return z''', '''def linear_prime(z, out):
    return np.ones_like(z)'''),
    "softmax": ('''def softmax(z):
    """e^z / (sum of e^z) in each row; the row's largest net input is subtracted first, so
    that exp never overflows."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)''', '''def softmax_prime(z, out):
    """The diagonal of softmax's Jacobian, out (1 - out) (the proportional split uses it)."""
    return out * (1.0 - out)'''),
}

LOSSES = {
    "half_sse": '''def loss_of(net, out, t):
    """half_sse: 1/2 the sum over the outputs of (t - out)^2, averaged over the samples."""
    d = (t - out).ravel()
    return 0.5 * np.dot(d, d) / len(t)''',
    "mse": '''def loss_of(net, out, t):
    """mse: the mean of (t - out)^2 over all outputs of all samples."""
    d = (t - out).ravel()
    return np.dot(d, d) / d.size''',
    "cross_entropy/sigmoid": '''def loss_of(net, out, t):
    """Binary cross-entropy -[t log out + (1 - t) log(1 - out)], summed over the outputs and
    averaged over the samples. It equals softplus(net) - t net, which stays finite where out
    rounds to 0 or 1."""
    return (np.logaddexp(0.0, net) - t * net).sum(axis=1).sum() / len(t)''',
    "cross_entropy/softmax": '''def loss_of(net, out, t):
    """Cross-entropy -sum t log out with out = softmax(net), averaged over the samples; log out
    comes from the net input (log-sum-exp), so that it stays finite."""
    shifted = net - net.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return np.where(t == 0, 0.0, -t * log_p).sum(axis=1).sum() / len(t)''',
}

OPTIMIZERS = {
    "sgd": ("", "{X}[{l}] = {X}[{l}] - lr * d{X}[{l}]", ()),
    "momentum": ('''def momentum(w, g, v, lr):
    """Momentum, PyTorch's convention: v <- MOMENTUM v + g, then w <- w - lr v."""
    v = MOMENTUM * v + g
    return w - lr * v, v''', "{X}[{l}], v{X}[{l}] = momentum({X}[{l}], d{X}[{l}], v{X}[{l}], lr)", ("v",)),
    "adagrad": ('''def adagrad(w, g, G, lr):
    """Adagrad: G <- G + g^2 (the sum of the squared gradients), then
    w <- w - lr g / (sqrt(G) + EPS), the eps outside the root as in PyTorch."""
    G = G + g * g
    return w - lr * g / (np.sqrt(G) + EPS), G''', "{X}[{l}], G{X}[{l}] = adagrad({X}[{l}], d{X}[{l}], G{X}[{l}], lr)",
                ("G",)),
    "adam": ('''def adam(w, g, m, v, lr, step):
    """Adam, PyTorch's convention: running means m of g and v of g^2, corrected for their
    start at 0, then w <- w - lr m_hat / (sqrt(v_hat) + EPS)."""
    m = BETA1 * m + (1 - BETA1) * g
    v = BETA2 * v + (1 - BETA2) * (g * g)
    m_hat = m / (1 - BETA1 ** step)
    v_hat = v / (1 - BETA2 ** step)
    return w - lr * m_hat / (np.sqrt(v_hat) + EPS), m, v''',
             "{X}[{l}], m{X}[{l}], v{X}[{l}] = adam({X}[{l}], d{X}[{l}], m{X}[{l}], v{X}[{l}], lr, step)", ("m", "v")),
}
UPDATE_WORDS = {"sgd": "gradient descent, w <- w - lr dE/dw", "momentum": "momentum",
                "adagrad": "Adagrad", "adam": "Adam"}
STATE_WORDS = {("momentum", "v"): "velocities", ("adagrad", "G"): "sums of the squared gradients",
               ("adam", "m"): "running means of the gradients", ("adam", "v"): "running means of their squares"}
PARAM_NAMES = {"momentum": "MOMENTUM", "eps": "EPS", "beta1": "BETA1", "beta2": "BETA2"}


def render(plan: Plan, script: str = "train.py") -> str:
    stem = script.rsplit(".", 1)[0]
    head = ["import numpy as np"] + blocks.imports(plan)
    return blocks.assemble([
        blocks.head(plan, "plain NumPy", "NumPy", script, ["import numpy as np"] + blocks.imports(plan)),
        ("the data", blocks.data(plan, stem, "np.array")),
        ("the network", network(plan)),
        ("the loss", loss(plan)),
        ("forward and backward", forward_backward(plan)),
        ("the update", optimizer(plan)),
        ("where the run stands", state(plan)),
        ("training", blocks.fmt()), loop(plan),
        ("the summary, as nnviz train prints it", blocks.summary(plan, "loss_on(X, T)", "loss_on(X_check, T_check)")),
    ])


def network(plan: Plan) -> str:
    arch = " -> ".join([f"{plan.sizes[0]} inputs"] + [f"{n} {a}" for n, a in zip(plan.sizes[1:], plan.activations)])
    if plan.neuron_names:
        arch += f" (neurons {' | '.join(' '.join(layer) for layer in plan.neuron_names)})"
    lines = [f"# {arch}", blocks.layer_dict("W", plan.weights, "np.array"),
             blocks.layer_dict("b", plan.biases, "np.array"), "L = len(W)"]
    used = list(dict.fromkeys(plan.activations))
    defs = []
    for name in used:
        forward, prime = ACTIVATIONS[name]
        defs.append(forward)
        if name != "softmax" or plan.backprop == "proportional":
            defs.append(prime)
    primes = {l: f"{a}_prime" for l, a in enumerate(plan.activations, start=1)
              if a != "softmax" or plan.backprop == "proportional"}
    table = [f"f = {{{', '.join(f'{l}: {a}' for l, a in enumerate(plan.activations, start=1))}}}"
             "  # the activation of each layer",
             f"f_prime = {{{', '.join(f'{l}: {p}' for l, p in primes.items())}}}  # and its derivative"]
    return "\n".join(lines) + "\n\n\n" + "\n\n\n".join(defs) + "\n\n\n" + "\n".join(table)


def loss(plan: Plan) -> str:
    out_act = plan.activations[-1]
    key = f"cross_entropy/{out_act}" if plan.loss == "cross_entropy" else plan.loss
    text = LOSSES[key]
    if plan.backprop == "proportional":
        return text
    if plan.loss == "cross_entropy":
        if out_act == "softmax":
            delta, note = "out * t.sum(axis=1, keepdims=True) - t", "out - t for targets that sum to 1"
        else:
            delta, note = "out - t", "out - t"
        return text + f'''


def output_delta(net, out, t):
    """dE/dnet of each output neuron, one row per sample: for cross-entropy on a {out_act}
    output simply {note}."""
    return {delta}'''
    grad = "(out - t)" if plan.loss == "half_sse" else "2.0 * (out - t) / out.shape[1]"
    if out_act == "softmax":
        return text + f'''


def output_delta(net, out, t):
    """dE/dnet of each output neuron, one row per sample: softmax's Jacobian times dE/dout."""
    g = {grad.strip("()")}  # dE/dout
    return out * (g - (g * out).sum(axis=1, keepdims=True))'''
    return text + f'''


def output_delta(net, out, t):
    """dE/dnet of each output neuron, one row per sample: dE/dout * f'(net)."""
    return {grad} * f_prime[L](net, out)'''


def forward_backward(plan: Plan) -> str:
    forward = '''def forward(x):
    """net[l] = a[l-1] W[l]^T + b[l] and a[l] = f(net[l]) for l = 1..L, with a[0] = x."""
    net, a = {}, {0: x}
    for l in range(1, L + 1):
        net[l] = np.dot(a[l - 1], W[l].T) + b[l]
        a[l] = f[l](net[l])
    return net, a


def loss_on(x, t):
    """The loss of the current parameters on the samples x (all of them at once)."""
    net, a = forward(x)
    return loss_of(net[L], a[L], t)'''
    if plan.backprop == "chain":
        return forward + '''


def backward(net, a, t):
    """dE/dW[l] and dE/db[l] of the batch loss (the mean of the samples' losses), by the
    chain rule from the output layer back: delta[l-1] = (delta[l] W[l]) * f'(net[l-1])."""
    m = len(t)
    dW, db = {}, {}
    delta = output_delta(net[L], a[L], t)
    for l in range(L, 0, -1):
        dW[l] = np.dot(delta.T, a[l - 1]) * (1.0 / m)  # the mean over the batch of delta a[l-1]^T
        db[l] = delta.sum(axis=0) * (1.0 / m)
        if l > 1:
            delta = np.dot(delta, W[l]) * f_prime[l - 1](net[l - 1], a[l - 1])
    return dW, db'''
    return forward + '''


def backward(net, a, t):
    """The proportional error split, nnviz's teaching heuristic (not a gradient): the output
    error is e = t - out, and each neuron's error is split among the neurons feeding it in
    proportion to the connecting weights, e[l-1] = e[l] S with S[j, i] = W[l][j, i] / sum_i |W[l][j, i]|.
    The optimizer gets -(mean over the batch of (e f'(net)) a[l-1]^T) as its "gradient",
    so gradient descent moves W by +lr times that mean."""
    m = len(t)
    dW, db = {}, {}
    e = t - a[L]
    for l in range(L, 0, -1):
        local = e * f_prime[l](net[l], a[l])
        dW[l] = np.dot(local.T, a[l - 1]) * (-1.0 / m)
        db[l] = local.sum(axis=0) * (-1.0 / m)
        if l > 1:
            total = np.abs(W[l]).sum(axis=1, keepdims=True)
            share = np.divide(W[l], total, out=np.zeros_like(W[l]), where=total > 0)
            e = np.dot(e, share)
    return dW, db'''


def optimizer(plan: Plan) -> str:
    function = OPTIMIZERS[plan.optimizer][0]
    lines = [blocks.schedule(plan)]
    if plan.optimizer_params:
        names = [PARAM_NAMES[k] for k in plan.optimizer_params]
        values = [blocks.number(v) for v in plan.optimizer_params.values()]
        lines.append(f"{', '.join(names)} = {', '.join(values)}")
    text = "\n".join(lines)
    return text + ("\n\n\n" + function if function else "")


def treatments(plan: Plan) -> dict[tuple[str, int], object]:
    """(kind, layer) -> None (free), True (frozen whole) or the mask of its frozen entries."""
    return {(kind, l): plan.frozen_mask(kind, l) for l in range(1, plan.n_layers + 1) for kind in "Wb"}


def state(plan: Plan) -> str:
    lines = [f"iteration = {plan.iteration}  # iterations done"]
    if plan.optimizer == "adam":
        lines.append(f"step = {plan.opt_t}  # updates made by Adam")
    names = OPTIMIZERS[plan.optimizer][2]
    how = treatments(plan)
    for j, name in enumerate(names):
        for kind in "Wb":
            if all(how[(kind, l)] is True for l in range(1, plan.n_layers + 1)):
                continue
            var = f"{name}{kind}"
            if plan.opt_t == 0:
                lines.append(f"{var} = {{l: np.zeros_like({kind}[l]) for l in {kind}}}  "
                             f"# the {STATE_WORDS[(plan.optimizer, name)]}")
            else:
                arrays = [plan.opt_state[2 * (l - 1) + (kind == "b")][j] for l in range(1, plan.n_layers + 1)]
                lines.append(f"# the {STATE_WORDS[(plan.optimizer, name)]} after {plan.opt_t} updates")
                lines.append(blocks.layer_dict(var, arrays, "np.array"))
    masks = [(kind, l, m) for (kind, l), m in how.items() if m is not None and m is not True]
    if masks:
        lines.append("# frozen entries (True) get no gradient, so they keep their values")
        for kind, l, m in masks:
            lines.append(f"FROZEN_{kind}{l} = np.array({m.tolist()})")
    batches = blocks.batch_state(plan)
    return "\n".join(lines) + ("\n\n" + batches if batches else "")


def update(plan: Plan) -> str:
    """The update statements: a loop over the layers when every layer is treated alike,
    else one statement per array."""
    statement = OPTIMIZERS[plan.optimizer][1]
    how = treatments(plan)
    L = plan.n_layers
    uniform = all(how[(k, l)] is how[(k, 1)] and (how[(k, 1)] is None or how[(k, 1)] is True)
                  for k in "Wb" for l in range(1, L + 1))
    if uniform:
        body = []
        for kind in "Wb":
            if how[(kind, 1)] is True:
                body.append(f"        # {kind}[l] is frozen: it keeps its values")
            else:
                body.append("        " + statement.format(X=kind, l="l"))
        return "    for l in range(1, L + 1):\n" + "\n".join(body)
    body = []
    for l in range(1, L + 1):
        for kind in "Wb":
            if how[(kind, l)] is True:
                body.append(f"    # {kind}[{l}] is frozen: it keeps its values")
                continue
            if how[(kind, l)] is not None:
                body.append(f"    d{kind}[{l}] = np.where(FROZEN_{kind}{l}, 0.0, d{kind}[{l}])")
            body.append("    " + statement.format(X=kind, l=l))
    return "\n".join(body)


def loop(plan: Plan) -> str:
    lines = blocks.loop_start(plan)
    lines += ["    net, a = forward(x)  # the forward pass",
              "    loss = loss_of(net[L], a[L], t)",
              blocks.stop_check(),
              "    dW, db = backward(net, a, t)  # the backward pass",
              f"    lr = {blocks.rate_expression(plan)}"]
    if plan.optimizer == "adam":
        lines.append("    step += 1")
    lines += [f"    # the update: {UPDATE_WORDS[plan.optimizer]}", update(plan),
              "    losses.append(loss)", blocks.progress()]
    if plan.until_loss is not None:
        lines.append(blocks.until_loss(plan))
    lines.append("out = a[L]  # the outputs of the last forward pass")
    return "\n".join(lines)
