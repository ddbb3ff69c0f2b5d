"""What an exported script needs to know: where the run starts, its settings, and the
words of the summary it ends with. ``make_plan`` reads a Trainer through its public API;
the NumPy and PyTorch writers turn the plan into text.

A half-done iteration (the window stood between two micro-steps) is exported from its
start: the parameters and optimizer state before it and the batch it had drawn. The
script runs that iteration from the beginning, which gives exactly the numbers nnviz
gets by finishing it, because every micro-step is a pure function of that start. When
the steps already taken used other settings than the script will (a learning rate
changed between two updates, say), no script can give nnviz's mixed result, and the
export is refused with a line saying what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnviz.core.analysis import summary
from nnviz.core.analysis.explain import Formatter
from nnviz.core.network import Param
from nnviz.core.trainer import Schedule, Trainer, TrainingState
from nnviz.core.words import T_, shown

MAX_INLINE_SAMPLES = 100  # more samples go to a CSV file beside the script


class ExportError(ValueError):
    """A state or a choice that cannot be exported; one line for the user."""


@dataclass
class Plan:
    # the network and the data
    sizes: list[int]
    activations: list[str]
    weights: list[np.ndarray]  # at the start of the script
    biases: list[np.ndarray]
    params: list[Param]  # every scalar parameter, in nnviz's order
    display_names: dict[str, str]  # canonical name -> the name nnviz shows, where they differ
    neuron_names: list[list[str]] | None
    output_names: list[str]
    inputs: np.ndarray
    targets: np.ndarray
    check: tuple[np.ndarray, np.ndarray] | None
    classification: bool
    data_name: str
    # the settings
    learning_rate: float
    schedule: Schedule
    optimizer: str
    optimizer_params: dict[str, float]
    loss: str
    backprop: str
    batch_size: int | None  # None: the full batch
    shuffle: bool
    frozen: set[str]
    masks: list[np.ndarray]  # per array W1, b1, W2, ...: True where frozen
    # where the run stands
    iteration: int  # iterations done
    opt_t: int  # updates made with the optimizer (0: a fresh start)
    opt_state: list[tuple[np.ndarray, ...]]  # per array W1, b1, W2, ...; zero at frozen entries
    order: np.ndarray | None  # this epoch's sample order; None: a new one at the next batch
    position: int
    rng_state: dict | None  # None: the script draws nothing at random
    restarted: str | None  # how the half-done iteration is exported
    # what to run and print
    iterations: int
    until_loss: float | None
    digits: int
    print_every: int
    divergence_limit: float
    settings_words: str
    reason_iterations: str
    reason_until_loss: str
    samples_words: str
    data_summary: list[str] = field(default_factory=list)  # normalisation lines (--data runs)
    check_words: str | None = None  # the check-loss line's words (--data runs with a check set)
    command: str | None = None  # the nnviz train command that prints the same

    @property
    def n_layers(self) -> int:
        return len(self.weights)

    @property
    def n_samples(self) -> int:
        return len(self.inputs)

    def frozen_mask(self, kind: str, layer: int) -> np.ndarray | bool | None:
        """None when nothing of W_l (``kind`` 'W') or b_l is frozen, True when all of it is,
        else a boolean array."""
        mask = self.masks[2 * (layer - 1) + (kind == "b")]
        return None if not mask.any() else True if mask.all() else mask

    @property
    def inline_data(self) -> bool:
        return self.n_samples <= MAX_INLINE_SAMPLES


def make_plan(trainer: Trainer, iterations: int, *, until_loss: float | None = None, digits: int = 9,
              print_every: int | None = None, data_summary: bool = False,
              command: str | None = None) -> Plan:
    """The plan of a script that runs ``iterations`` more iterations of ``trainer``, as
    ``nnviz train`` would (``data_summary``: the extra lines of a ``--data`` run)."""
    if iterations < 1:
        raise ExportError(T_("ExportError", "a script runs at least 1 iteration, not %1", iterations))
    if trainer.status == "diverged":
        raise ExportError(T_("ExportError", "the run has diverged (%1); step back, reset or change a setting first",
                             shown(trainer.status_message)))
    net, s, data = trainer.network, trainer.settings, trainer.dataset
    st = trainer.training_state()
    f = Formatter(digits)
    frozen = set(s.frozen)
    n = data.n_samples
    batch_size = trainer.batch_size if trainer.batch_size < n else None
    weights, biases = list(net.weights), list(net.biases)
    opt_name, opt_t, opt_state = st.opt_name, st.opt_t, list(st.opt_state)
    order = st.order if st.position else None
    position = st.position
    restarted = None
    if st.cursor:
        v = st.values
        _check_half_done(trainer, st, batch_size)
        for i, before in enumerate(v.params_before):
            if before is not None:  # this layer's update has run: go back to its start
                weights[i], biases[i] = before
                opt_state[2 * i], opt_state[2 * i + 1] = v.opt_before[i]
                opt_t = v.opt_t - 1
        if v.batch is not None:
            position, order = (st.position or n) - len(v.batch), st.order
        step = trainer.steps[st.cursor - 1].describe(net.n_layers, translated=False)  # a file: English
        restarted = (f"Iteration {st.iteration + 1} was half done (after {step}): this script runs it "
                     "again from its start, with the batch nnviz had drawn, which gives the numbers "
                     "nnviz gets by finishing it.")
    if opt_name != s.optimizer.name or opt_t == 0:
        opt_t = 0
        opt_state = [tuple(np.zeros(a.shape) for _ in s.optimizer.state_names)
                     for w, b in zip(weights, biases) for a in (w, b)]
    plan = Plan(
        sizes=list(net.sizes), activations=net.activation_names, weights=weights, biases=biases,
        params=net.params(),
        display_names={p.name: net.display_name(p) for p in net.params() if net.display_name(p) != p.name},
        neuron_names=net.neuron_names, output_names=summary.output_names(net),
        inputs=np.array(data.inputs), targets=np.array(data.targets),
        check=(np.array(data.check.inputs), np.array(data.check.targets))
        if data_summary and data.check is not None else None,
        classification=data.is_classification, data_name=data.name,
        learning_rate=s.learning_rate, schedule=s.schedule, optimizer=s.optimizer.name,
        optimizer_params=dict(s.optimizer.params), loss=s.loss, backprop=s.backprop,
        batch_size=batch_size, shuffle=s.shuffle, frozen=frozen,
        masks=frozen_masks(net, frozen),
        iteration=st.iteration, opt_t=opt_t, opt_state=opt_state,
        order=None if batch_size is None else order, position=0 if batch_size is None else position,
        rng_state=st.rng_state if s.shuffle and batch_size is not None else None,
        restarted=restarted, iterations=int(iterations), until_loss=until_loss, digits=digits,
        print_every=max(1, iterations // 10) if print_every is None else int(print_every),
        divergence_limit=trainer.divergence_limit,
        settings_words=summary.settings_words(s, f, n),
        reason_iterations=summary.reason_words("iterations", iterations, until_loss, f),
        reason_until_loss=summary.reason_words("until_loss", iterations, until_loss, f),
        samples_words=summary.samples_words(n),
        data_summary=summary.normalisation_lines(trainer) if data_summary else [],
        check_words=summary.check_loss_words(data.check.n_samples)
        if data_summary and data.check is not None else None,
        command=command,
    )
    _zero_frozen_state(plan)
    return plan


def _zero_frozen_state(plan: Plan) -> None:
    """A frozen entry's optimizer state is never used again: set it to 0, so that a zero
    gradient there gives a zero step in any optimizer (the scripts freeze that way)."""
    for j, state in enumerate(plan.opt_state):
        mask = plan.frozen_mask("W" if j % 2 == 0 else "b", j // 2 + 1)
        if mask is not None and state:
            plan.opt_state[j] = tuple(np.where(mask, 0.0, a) for a in state)


def _check_half_done(trainer: Trainer, st: TrainingState, batch_size: int | None) -> None:
    """Refuse a half-done iteration whose steps so far used other settings than the
    script will use for the whole iteration."""
    s = trainer.settings
    v = st.values
    done = {step.phase for step in trainer.steps[:st.cursor]}
    n = trainer.n_samples
    k = st.iteration + 1
    if v.batch is None:
        drawn_ok = batch_size is None
    else:
        start = (st.position or n) - len(v.batch)
        drawn_ok = batch_size is not None and len(v.batch) == min(batch_size, n - start)
    problems = []
    if not drawn_ok:
        problems.append(T_("ExportError", "its batch was drawn for another batch mode than %1",
                           summary.batch_words(s.batch)))
    if "loss" in done and v.loss_fn is not None and v.loss_fn.name != s.loss:
        problems.append(T_("ExportError", "its loss was %1, now %2", v.loss_fn.name, s.loss))
    if "backward" in done and v.backprop is not None and v.backprop != s.backprop:
        problems.append(T_("ExportError", "its backward pass used the %1, now the %2",
                           summary.backprop_words(v.backprop), summary.backprop_words(s.backprop)))
    if "update" in done:
        rate = s.schedule.rate(s.learning_rate, st.iteration)
        if v.learning_rate != rate:
            problems.append(T_("ExportError", "its updates used learning rate %1, now %2", repr(v.learning_rate),
                               repr(rate)))
        if st.opt_name != s.optimizer.name:
            problems.append(T_("ExportError", "its updates used %1, now %2", st.opt_name, s.optimizer.name))
        if _frozen_changed(trainer, v):
            problems.append(T_("ExportError", "its updates froze other parameters than are frozen now"))
    if problems:
        raise ExportError(T_("ExportError", "iteration %1 is half done and %2; finish the iteration (or step back to "
                             "its start) with these settings first", k, problems[0]))


def frozen_masks(net, frozen) -> list[np.ndarray]:
    """One boolean array per parameter array (W1, b1, W2, ...): True where frozen."""
    masks = [np.zeros(a.shape, dtype=bool) for w, b in zip(net.weights, net.biases) for a in (w, b)]
    for name in frozen:
        p = net.parse_param(name)
        masks[2 * (p.layer - 1) + (p.kind == "b")][p.index] = True
    return masks


def _frozen_changed(trainer: Trainer, v) -> bool:
    """Did an update of this iteration move a parameter frozen now, or keep one that is
    free now (a zero step where the gradient is not zero)?"""
    masks = frozen_masks(trainer.network, trainer.settings.frozen)
    for i, before in enumerate(v.params_before):
        if before is None:
            continue
        for mask, update, grad in ((masks[2 * i], v.update_W[i], v.grad_W[i]),
                                   (masks[2 * i + 1], v.update_b[i], v.grad_b[i])):
            moved = update != 0
            if (mask & moved).any() or (~mask & ~moved & (grad != 0)).any():
                return True
    return False
