"""Text shared by the NumPy and the PyTorch script: number and array literals, the
docstring, the data, the batch order, the learning-rate schedule and the summary that
``nnviz train`` prints. Each function returns source text (lines joined by newlines)."""

from __future__ import annotations

import json

import numpy as np

from nnviz.core.analysis.summary import MAX_LISTED_OUTPUTS, MAX_LISTED_PARAMS, count
from nnviz.io.export.plan import Plan

WIDTH = 96  # wrap long rows of numbers here


def assemble(parts: list) -> str:
    """The script: top-level parts two blank lines apart; a (title, text) part starts a
    section with a ruled comment line."""
    texts = []
    for part in parts:
        if isinstance(part, tuple):
            title, text = part
            part = f"# {'-' * (86 - len(title))} {title}\n{text}"
        if part:
            texts.append(part)
    return "\n\n\n".join(texts) + "\n"


def quote(value) -> str:
    """A string, list or dict of strings as Python source, in double quotes."""
    return json.dumps(value, ensure_ascii=False)


def number(x: float) -> str:
    """A float as Python reads it back exactly (repr), integers without noise: 2.0."""
    return repr(float(x))


def array(a: np.ndarray, call: str, indent: int) -> str:
    """``np.array([[0.15, 0.2],\\n [0.25, 0.3]])``: one row a line, aligned under the
    first; ``indent`` is the column where ``call`` starts."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        return f"{call}({_row(a, indent + len(call) + 1)})"
    pad = " " * (indent + len(call) + 2)
    rows = [_row(r, indent + len(call) + 2) for r in a]
    return f"{call}([" + (",\n" + pad).join(rows) + "])"


def _row(values: np.ndarray, column: int) -> str:
    """``[1.0, 2.0]``, wrapped at WIDTH with the continuation under the first number."""
    lines, line = [], ""
    for text in (number(x) for x in values):
        if line and column + len(line) + len(text) + 3 > WIDTH:
            lines.append(line + ",")
            line = text
        else:
            line = f"{line}, {text}" if line else text
    lines.append(line)
    return "[" + ("\n" + " " * (column + 1)).join(lines) + "]"


def layer_dict(name: str, arrays: list[np.ndarray], call: str) -> str:
    """``W = {\\n    1: np.array(...),\\n}`` with nnviz's layer numbers as keys."""
    items = [f"    {l}: {array(a, call, 7)}," for l, a in enumerate(arrays, start=1)]
    return f"{name} = {{\n" + "\n".join(items) + "\n}"


def wrapped(line: str) -> str:
    """A long ``NAME = [...]`` or ``{...}`` line broken after commas, continued under the
    first item."""
    if len(line) <= WIDTH:
        return line
    code, _, comment = line.partition("  # ")
    column = code.index("=") + 3
    out, current = [], code[:column]
    for piece in (p + "," for p in code[column:].split(", ")):
        if len(current) + len(piece) + 1 > WIDTH and current.strip():
            out.append(current.rstrip())
            current = " " * column
        current += piece + " "
    out.append(current.rstrip()[:-1])
    return (f"# {comment}\n" if comment else "") + "\n".join(out)


# ---------------------------------------------------------------- the docstring
def head(plan: Plan, kind: str, needs: str, script: str, imports: list[str], *extra: str) -> str:
    """The docstring, the imports and the constants of the run."""
    return "\n\n".join([docstring(plan, kind, needs, script), "\n".join(imports), *extra,
                         run_constants(plan)])


CONVENTIONS = {
    "NumPy": "Conventions, as in nnviz: one sample per row of X; layer l = 1..L has weights W[l] of "
             "shape (n_out, n_in) - row j holds the weights into neuron j - and biases b[l] of shape "
             "(n_out,), so that net = W a + b for all the samples at once is a W^T + b.",
    "PyTorch": "Conventions, as in nnviz: one sample per row of X; the nn.Linear of layer l = 1..L "
               "has a weight of shape (n_out, n_in) - row j holds the weights into neuron j, as W[l] "
               "in nnviz - and computes a W^T + b for all the samples at once.",
}


def docstring(plan: Plan, kind: str, needs: str, script: str) -> str:
    arch = "-".join(map(str, plan.sizes))
    on = f" on {plan.data_name}" if plan.data_name else ""
    where = (f"after iteration {plan.iteration}" if plan.restarted is None
             else f"in the middle of iteration {plan.iteration + 1}")
    command = plan.command or (f"nnviz train --snapshot FILE --iterations {plan.iterations}   "
                               "(FILE: this state saved as a snapshot)")
    paragraphs = [
        _wrap(f"A {arch} network trained by backpropagation{on}, in {kind}."),
        _wrap(f"Exported from nnviz {where}. Run it with `python {script}` (it needs only "
              f"{needs}): it trains {count(plan.iterations, 'iteration')} from there and ends with the "
              "summary that"),
        [f"    {command}"],
        _wrap("prints, in the same words and digits, so that the two can be compared line by line "
              "(set PRINT_EVERY = 0 to leave out the losses printed on the way)."),
    ]
    if plan.restarted:
        paragraphs.append(_wrap(plan.restarted))
    paragraphs.append(_wrap(CONVENTIONS[kind.split()[-1]]))
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    return f'"""{text}\n"""'


def _wrap(text: str, width: int = 88) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]


def run_constants(plan: Plan) -> str:
    lines = [f"ITERATIONS = {plan.iterations}",
             f"PRINT_EVERY = {plan.print_every}  # print the loss every so many iterations (0: never)",
             f"DIGITS = {plan.digits}  # decimal places of the printed numbers"]
    if plan.until_loss is not None:
        lines.append(f"UNTIL_LOSS = {number(plan.until_loss)}  # stop after the iteration whose loss "
                     "falls below this")
    lines.append(f"DIVERGED = {number(plan.divergence_limit)}  # nnviz stops a run whose loss passes this")
    return "\n".join(lines)


# ---------------------------------------------------------------- the data
def data_files(plan: Plan, stem: str) -> dict[str, str]:
    """CSV files written beside the script (file name -> text); none for small data."""
    if plan.inline_data:
        return {}
    files = {f"{stem}_data.csv": _csv(plan.inputs, plan.targets)}
    if plan.check is not None:
        files[f"{stem}_check.csv"] = _csv(*plan.check)
    return files


def _csv(x: np.ndarray, t: np.ndarray) -> str:
    header = [f"x{j + 1}" for j in range(x.shape[1])] + [f"t{j + 1}" for j in range(t.shape[1])]
    rows = [",".join(number(v) for v in np.concatenate([xi, ti])) for xi, ti in zip(x, t)]
    return ",".join(header) + "\n" + "\n".join(rows) + "\n"


def data(plan: Plan, stem: str, call: str, from_numpy: str = "") -> str:
    """``X = ...`` and ``T = ...`` (and ``X_check``, ``T_check``): inline, or read from the
    CSV files of ``data_files``; ``from_numpy`` wraps a NumPy array (torch.from_numpy)."""
    n_in, n_out = plan.sizes[0], plan.sizes[-1]
    lines = [f"# {count(plan.n_samples, 'sample')}, one a row: {count(n_in, 'input')} (X), "
             f"{count(n_out, 'target')} (T)"]
    sets = [("X", "T", plan.inputs, plan.targets, "data")]
    if plan.check is not None:
        sets.append(("X_check", "T_check", *plan.check, "check"))
    for xn, tn, x, t, part in sets:
        if plan.inline_data:
            lines += [f"{xn} = {array(x, call, len(xn) + 3)}", f"{tn} = {array(t, call, len(tn) + 3)}"]
            continue
        path = f'{part.upper()} = Path(__file__).with_name("{stem}_{part}.csv")'
        read = 'np.loadtxt({}, delimiter=",", skiprows=1, usecols=range({}, {}), ndmin=2)'
        wrap = (lambda s: f"{from_numpy}({s})") if from_numpy else (lambda s: s)
        lines += [f"{path}  # columns {_span('x', n_in)}, then {_span('t', n_out)}",
                  f"{xn} = {wrap(read.format(part.upper(), 0, n_in))}",
                  f"{tn} = {wrap(read.format(part.upper(), n_in, n_in + n_out))}"]
    if plan.check is not None:
        lines.insert(1, f"# (and {count(len(plan.check[0]), 'held-out sample')} to check on: "
                        "X_check, T_check)")
    return "\n".join(lines)


def _span(prefix: str, n: int) -> str:
    return ", ".join(f"{prefix}{j}" for j in range(1, n + 1)) if n <= 2 else f"{prefix}1..{prefix}{n}"


def imports(plan: Plan) -> list[str]:
    return [] if plan.inline_data else ["from pathlib import Path"]


# ---------------------------------------------------------------- the run
def schedule(plan: Plan) -> str:
    """``LEARNING_RATE = ...`` and, for a schedule, ``def learning_rate(iteration)``."""
    s = plan.schedule
    lines = [f"LEARNING_RATE = {number(plan.learning_rate)}"]
    if s.kind == "constant":
        return lines[0]
    if s.kind == "step":
        lines += [f"STEP_SIZE, GAMMA = {s.step_size}, {number(s.gamma)}", "", "",
                  "def learning_rate(iteration):",
                  '    """Step decay: the rate is multiplied by GAMMA every STEP_SIZE iterations',
                  '    (iteration = updates so far; PyTorch: lr_scheduler.StepLR)."""',
                  "    return LEARNING_RATE * GAMMA ** (iteration // STEP_SIZE)"]
    elif s.kind == "exponential":
        lines += [f"GAMMA = {number(s.gamma)}", "", "",
                  "def learning_rate(iteration):",
                  '    """Exponential decay: LEARNING_RATE * GAMMA^iteration (iteration = updates so far;',
                  '    PyTorch: lr_scheduler.ExponentialLR)."""',
                  "    return LEARNING_RATE * GAMMA ** iteration"]
    else:
        lines += [f"DECAY = {number(s.decay)}", "", "",
                  "def learning_rate(iteration):",
                  '    """1/t decay: LEARNING_RATE / (1 + DECAY * iteration) (iteration = updates so far)."""',
                  "    return LEARNING_RATE / (1.0 + DECAY * iteration)"]
    return "\n".join(lines)


def rate_expression(plan: Plan) -> str:
    return "LEARNING_RATE" if plan.schedule.kind == "constant" else "learning_rate(iteration - 1)"


def batch_state(plan: Plan) -> str:
    """Where the batches stand: the generator, this epoch's order and position."""
    if plan.batch_size is None:
        return ""
    n = plan.n_samples
    what = "one sample" if plan.batch_size == 1 else f"mini-batches of {plan.batch_size} samples"
    lines = [f"# The batches: {what}, taken in turn from `order`;"]
    if plan.shuffle:
        lines += ["# each epoch draws a new random order from nnviz's generator, exactly as nnviz left it",
                  "# (so the order is nnviz's too).",
                  f"BATCH_SIZE = {plan.batch_size}",
                  "rng = np.random.Generator(np.random.PCG64())",
                  f"rng.bit_generator.state = {_rng_literal(plan.rng_state)}"]
    else:
        lines[0] += " the samples in the order of X."
        lines.append(f"BATCH_SIZE = {plan.batch_size}")
    if plan.order is None:
        lines.append("order = None  # None: an epoch starts, a new order is drawn")
    elif np.array_equal(plan.order, np.arange(n)):
        lines.append("order = np.arange(len(X))  # this epoch's order")
    else:
        lines.append(f"order = np.array({np.asarray(plan.order).tolist()})  # this epoch's order")
    lines.append(f"position = {plan.position}  # the next batch starts here in `order`")
    return "\n".join(lines)


def _rng_literal(state: dict) -> str:
    inner = state["state"]
    return ("{\n    \"bit_generator\": \"PCG64\",\n"
            f"    \"state\": {{\"state\": {int(inner['state'])},\n"
            f"              \"inc\": {int(inner['inc'])}}},\n"
            f"    \"has_uint32\": {int(state['has_uint32'])}, \"uinteger\": {int(state['uinteger'])},\n}}")


def next_batch(plan: Plan, index: str = "batch") -> str:
    """The loop's first lines: the indices of this iteration's samples (``index``)."""
    if plan.batch_size is None:
        return ""
    new_order = "rng.permutation(len(X))" if plan.shuffle else "np.arange(len(X))"
    return "\n".join([
        "    if order is None:  # an epoch starts",
        f"        order = {new_order}",
        f"    {index} = order[position:position + BATCH_SIZE]",
        "    position += BATCH_SIZE",
        "    if position >= len(X):  # the epoch is over",
        "        order, position = None, 0",
    ])


def loop_start(plan: Plan) -> list[str]:
    """The lines up to and including this iteration's batch ``x, t``."""
    lines = ["losses = []  # the loss of each iteration (from its forward pass)",
             "first = iteration",
             f"stopped = {quote(plan.reason_iterations)}"]
    if plan.batch_size is None:
        lines.append("x, t = X, T  # every iteration uses all the samples (full batch)")
    lines.append("for iteration in range(first + 1, first + ITERATIONS + 1):")
    if plan.batch_size is not None:
        lines += [next_batch(plan), "    x, t = X[batch], T[batch]"]
    return lines


def fmt() -> str:
    return '''def fmt(x):
    """A number as nnviz prints it: DIGITS decimal places without trailing zeros, or DIGITS
    significant digits for numbers too small or too large for that."""
    x = float(x)
    if x == 0:
        return "0"
    if 10.0 ** -(DIGITS - 2) <= abs(x) < 1e7:
        return f"{x:.{DIGITS}f}".rstrip("0").rstrip(".")
    return f"{x:.{DIGITS}g}"'''


def progress() -> str:
    return ("    if PRINT_EVERY and iteration % PRINT_EVERY == 0:\n"
            '        print(f"iteration {iteration}: loss {fmt(loss)}")')


def stop_check(loss: str = "loss") -> str:
    """Stop where nnviz stops a diverging run; ``loss`` is the expression of the loss."""
    return "\n".join([
        f"    if not {loss} < DIVERGED:  # nan too: nnviz stops here (and undoes the update that caused it)",
        f'        raise SystemExit(f"diverged: the loss is {{{loss}:.4g}} at iteration {{iteration}}; "',
        '                         "lower the learning rate")'])


def until_loss(plan: Plan) -> str:
    if plan.until_loss is None:
        return ""
    return "\n".join(["    if loss < UNTIL_LOSS:",
                      f"        stopped = {quote(plan.reason_until_loss)}",
                      "        break"])


# ---------------------------------------------------------------- the summary
def summary(plan: Plan, final_loss: str, check_loss: str) -> str:
    """The lines ``nnviz train`` prints at the end. Expects the NumPy arrays ``W``, ``b``
    (dicts by layer), ``out`` and ``t`` (the last batch's outputs and targets), ``losses``,
    ``first`` and ``stopped``; ``final_loss`` and ``check_loss`` are expressions for the
    loss on all the samples and on the check samples."""
    lines = ["done = len(losses)",
             'print(f"trained {done} iteration{\'s\' * (done != 1)} (iterations {first + 1}..{iteration}): "',
             f'      {quote(plan.settings_words)})',
             'print(f"stopped because: {stopped}")',
             "if done > 1:",
             '    print(f"loss of iteration {first + 1} (forward pass): {fmt(losses[0])}")',
             'print(f"loss of iteration {iteration} (forward pass): {fmt(losses[-1])}")',
             f'print(f"final loss (current parameters, {plan.samples_words}): {{fmt({final_loss})}}")']
    if plan.classification:
        hits = ("np.count_nonzero((out >= 0.5) == (t >= 0.5))" if plan.sizes[-1] == 1
                else "np.count_nonzero(out.argmax(axis=1) == t.argmax(axis=1))")
        lines += [f"hits = {hits}  # outputs on the right side",
                  'print(f"accuracy of the last iteration: {hits / len(out):.1%}")']
    lines += [f"if out.size <= {MAX_LISTED_OUTPUTS}:",
              f"    OUTPUT_NAMES = {quote(plan.output_names)}",
              "    for i, row in enumerate(out):",
              '        label = f"sample {i + 1}: " if len(out) > 1 else ""',
              '        values = ", ".join(f"{name} = {fmt(x)}" for name, x in zip(OUTPUT_NAMES, row))',
              '        print(f"outputs of the last forward pass: {label}{values}")']
    if len(plan.params) <= MAX_LISTED_PARAMS:
        frozen = [p.name for p in plan.params if p.name in plan.frozen]
        show = ["def show(name, value):"]
        label, mark = "name", ""
        if plan.display_names:
            lines.append(wrapped(f"NAMES = {quote(plan.display_names)}  # the names nnviz shows"))
            show.append('    label = f"{NAMES[name]} ({name})" if name in NAMES else name')
            label = "label"
        if frozen:
            lines.append(wrapped(f"FROZEN = {quote(frozen)}  # parameters that keep their values"))
            mark = ' + ("  (frozen)" if name in FROZEN else "")'
        show.append(f'    print(f"  {{{label}}} = {{fmt(value)}}"{mark})')
        lines += ["", "", *show, "", "",
                  'print("parameters now:")',
                  "for l in range(1, L + 1):",
                  "    for (j, k), value in np.ndenumerate(W[l]):",
                  '        show(f"W{l}[{j},{k}]", value)',
                  "    for j, value in enumerate(b[l]):",
                  '        show(f"b{l}[{j}]", value)']
    else:
        lines.append(f'print("{len(plan.params)} parameters (see the snapshot)")')
    if plan.check is not None:
        lines.append(f'print(f"{plan.check_words}: {{fmt({check_loss})}}")')
    for line in plan.data_summary:
        lines.append(f"print({quote(line)})")
    return "\n".join(lines)
