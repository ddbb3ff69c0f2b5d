"""The summary that ``nnviz train`` prints after a run, and its words.

The exported scripts (``nnviz export``) end with the same lines, so the words are
defined here once: the CLI prints ``summary_lines`` and the script writers take the
pieces (``settings_words``, ``reason_words``, ``param_label`` ...) to print their own.
"""

from __future__ import annotations

from nnviz.core.analysis.explain import Formatter, Names
from nnviz.core.network import Network, Param
from nnviz.core.trainer import RunResult, Settings, Trainer
from nnviz.core.words import T_

MAX_LISTED_PARAMS = 64  # larger networks print only their parameter count
MAX_LISTED_OUTPUTS = 16  # numbers of the last batch's outputs printed at most


def batch_words(batch: str | int, n_samples: int | None = None) -> str:
    """``full batch``, ``online`` or ``mini-batches of N``; a size N above ``n_samples``
    takes them all, and is named as what is used (as the window's training options show it)."""
    if batch not in ("full", "online") and n_samples is not None:
        batch = min(int(batch), n_samples)
    return {"full": "full batch", "online": "online"}.get(batch, f"mini-batches of {batch}")


def backprop_words(backprop: str) -> str:
    return "chain rule" if backprop == "chain" else "proportional error split"


def settings_words(s: Settings, f: Formatter, n_samples: int | None = None) -> str:
    """``sgd, learning rate 0.5, full batch, half_sse, chain rule``."""
    return (f"{s.optimizer.name}, learning rate {f.num(s.learning_rate)}, {batch_words(s.batch, n_samples)}, "
            f"{s.loss}, {backprop_words(s.backprop)}")


def count(n: int, word: str) -> str:
    """``1 sample``, ``4 samples``."""
    return f"{n} {word}{'s' * (n != 1)}"


def frozen_words(kept: int, dropped: int) -> str:
    """What became of the frozen parameters when a network was rebuilt: ``kept 3 frozen
    parameters``, ``..., dropped 2 the new network does not have``; '' when none were.
    In the language in use: the window's words (the CLI prints none of them)."""
    kept_words = T_("summary", "kept %n frozen parameters", n=kept)
    if not dropped:
        return kept_words if kept else ""
    if not kept:
        return T_("summary", "dropped %n frozen parameters the new network does not have", n=dropped)
    return T_("summary", "%1, %2", kept_words, T_("summary", "dropped %n the new network does not have", n=dropped))


def iterations_words(n: int) -> str:
    return count(n, "iteration")


def reason_words(reason: str, iterations: int, until_loss: float | None, f: Formatter,
                 message: str = "") -> str:
    """Why a run stopped, as the ``stopped because:`` line says it."""
    if reason == "iterations":
        return f"ran the {iterations_words(iterations)} asked for"
    if reason == "until_loss":
        return f"the loss fell below {f.num(until_loss) if until_loss is not None else ''}"
    if reason == "diverged":
        return f"diverged: {message}"
    return "stopped"


def samples_words(n: int) -> str:
    return "the 1 sample" if n == 1 else f"all {n} samples"


def output_names(net: Network) -> list[str]:
    names = Names(net)
    return [names.out(net.n_layers, j) for j in range(net.sizes[-1])]


def param_label(net: Network, p: Param) -> str:
    """``w5 (W2[0,0])`` for a parameter with a display name, else ``W2[0,0]``."""
    shown = net.display_name(p)
    return f"{shown} ({p.name})" if shown != p.name else p.name


def summary_lines(trainer: Trainer, result: RunResult, start_iteration: int, iterations: int,
                  until_loss: float | None, digits: int) -> list[str]:
    f = Formatter(digits)
    net = trainer.network
    s = trainer.settings
    span = f" (iterations {start_iteration + 1}..{trainer.iteration})" if result.iterations else ""
    lines = [f"trained {iterations_words(result.iterations)}{span}: {settings_words(s, f, trainer.n_samples)}",
             f"stopped because: {reason_words(result.reason, iterations, until_loss, f, result.message)}"]
    if trainer.loss_history:
        ran = trainer.iteration - start_iteration
        if 1 < ran <= len(trainer.loss_history):
            first = trainer.loss_history[-ran]
            lines.append(f"loss of iteration {start_iteration + 1} (forward pass): {f.num(first)}")
        lines.append(f"loss of iteration {trainer.iteration} (forward pass): {f.num(trainer.loss_history[-1])}")
    lines.append(f"final loss (current parameters, {samples_words(trainer.n_samples)}): "
                 f"{f.num(trainer.evaluate_loss())}")
    if trainer.accuracy_history:
        lines.append(f"accuracy of the last iteration: {trainer.accuracy_history[-1]:.1%}")
    outputs = trainer.values.activations[-1]
    if outputs is not None and outputs.size <= MAX_LISTED_OUTPUTS:
        names = output_names(net)
        for i, row in enumerate(outputs):
            label = f"sample {i + 1}: " if len(outputs) > 1 else ""
            values = ", ".join(f"{names[j]} = {f.num(x)}" for j, x in enumerate(row))
            lines.append(f"outputs of the last forward pass: {label}{values}")
    params = net.params()
    if len(params) <= MAX_LISTED_PARAMS:
        lines.append("parameters now:")
        for p in params:
            frozen = "  (frozen)" if p.name in s.frozen else ""
            lines.append(f"  {param_label(net, p)} = {f.num(net.get(p))}{frozen}")
    else:
        lines.append(f"{len(params)} parameters (see the snapshot)")
    return lines


def check_loss_words(n: int) -> str:
    return f"check loss (current parameters, {count(n, 'held-out sample')})"


def data_summary_lines(trainer: Trainer, digits: int) -> list[str]:
    """The check loss and the normalisation of a run on a data file (``--data``)."""
    check = trainer.dataset.check
    lines = []
    if check is not None:
        value = trainer.evaluate_loss(data=check)
        lines.append(f"{check_loss_words(check.n_samples)}: {Formatter(digits).num(value)}")
    return lines + normalisation_lines(trainer)


def normalisation_lines(trainer: Trainer) -> list[str]:
    data = trainer.dataset
    if data.transform is None:
        return []
    return ["normalisation (min-max of the training samples, file -> network):"] + \
        [f"  {line}" for line in data.transform.describe(data.input_names, data.target_names)]
