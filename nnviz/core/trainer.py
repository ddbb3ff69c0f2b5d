"""The step machine: one training iteration as a fixed sequence of micro-steps.

For a network with L weight layers an iteration is 3L + 1 micro-steps, always in this
order:

1. ``forward`` layer 1 .. L   net = a_prev W^T + b, out = f(net)  (layer 1 first draws the batch)
2. ``loss``                   the batch loss of the outputs against the targets
3. ``backward`` layer L .. 1  errors (deltas dE/dnet in ``chain`` mode, split errors in
                              ``proportional`` mode) and the gradients dE/dW, dE/db
4. ``update`` layer L .. 1    the optimizer moves W and b of that layer

All backward steps come before any update, so a hidden layer's deltas use the weights
as they were before this iteration's update (the standard convention).

Errors are kept per sample (n_samples x n_units, dE_sample/dnet in ``chain`` mode); a
gradient is the mean over the batch of error x input, so it is the gradient of the
batch loss, which is the mean of the samples' losses.

``back()`` restores exactly the state before the last micro-step. Because every array
the Trainer holds is replaced rather than written into, the history keeps checkpoints
by reference and replays the few micro-steps after a checkpoint when it needs them.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Callable, Sequence

import numpy as np

from nnviz.core import kernels, losses, optimizers
from nnviz.core.data.datasets import Dataset
from nnviz.core.history import HISTORY_MICRO_STEPS, Checkpoint
from nnviz.core.iteration import ComputedIteration
from nnviz.core.network import Network, default_neuron_names, initialise
from nnviz.core.schedules import SCHEDULES, Schedule
from nnviz.core.state import (BACKPROP_MODES, PHASES, UNITS, HistoryExhausted, IterationValues, MicroStep,
                              RunResult, Settings, StepEvent, TrainingDiverged, TrainingError, TrainingState,
                              micro_steps, parse_batch)
from nnviz.core.trainer_state import DIVERGENCE_FACTOR, TrainerState
from nnviz.core.words import N_, T_, Message, shown

__all__ = ["BACKPROP_MODES", "DEFAULT_ITERATIONS", "DIVERGENCE_FACTOR", "HISTORY_MICRO_STEPS", "PHASES",
           "SCHEDULES", "UNITS", "HistoryExhausted", "IterationValues", "MicroStep", "RunResult", "Schedule",
           "Settings", "StepEvent", "Trainer", "TrainingDiverged", "TrainingError", "TrainingState", "create",
           "micro_steps", "parse_batch"]

DEFAULT_ITERATIONS = 1000


PROBLEMS = {"net inputs": N_("Trainer", "net inputs"), "gradients": N_("Trainer", "gradients"),
            "parameters": N_("Trainer", "parameters"), "optimizer state": N_("Trainer", "optimizer state")}


class _Diverged(Exception):
    """An iteration broke the divergence rule (``kernels``): ``what`` stopped being finite
    (or the loss exploded) in ``layer``; ``earlier``: the parameters that gave it came
    from an earlier update (a forward, loss or backward problem, not an update's own)."""

    def __init__(self, what: str, layer: int | None, iteration: int, value: float = math.nan) -> None:
        if what == "loss" and math.isfinite(value):
            text = Message("Trainer", "the loss exploded to %1", f"{value:.4g}")
        elif what == "loss":
            text = Message("Trainer", "the loss is not a number any more")
        elif what == "check loss":
            text = Message("Trainer", "the loss on the check set is not a number any more")
        else:
            what_words = Message.marked("Trainer", PROBLEMS[what])
            text = Message("Trainer", "the %1 of layer %2 stopped being finite", what_words, layer)
        super().__init__(Message("Trainer", "%1 at iteration %2", text, iteration))
        self.message: Message = self.args[0]
        self.earlier = what not in ("parameters", "optimizer state")


class Trainer(TrainerState):
    """Trains a Network on a Dataset one micro-step at a time, and tells listeners (see
    ``TrainerState`` for the signals, the settings and the state)."""

    # ============================================================== stepping
    def step(self, unit: str = "micro") -> int:
        """Run one ``micro``-step, the rest of the ``phase``, of the ``iteration``, or of
        the ``epoch``. Returns how many micro-steps ran."""
        if self.status == "diverged":
            self._refuse_if_diverged()
        if unit == "micro":
            return self._guarded_micro()
        if unit not in UNITS:
            raise ValueError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
        if unit == "phase":
            phase, count = self.phase, 0
            while True:
                count += self._guarded_micro()
                if self.status == "diverged" or self._cursor == 0 or self.phase != phase:
                    return count
        count = 0
        while True:
            count += self._guarded_micro()
            if self.status == "diverged":
                return count
            if self._cursor == 0 and (unit == "iteration" or self.values.epoch_end):
                return count
            if count > self._per * (self.dataset.n_samples + 1):  # an epoch is at most n_samples iterations
                return count

    def _guarded_micro(self) -> int:
        """One micro-step; on divergence nothing of it is kept."""
        h, cursor = self._history, self._cursor
        if h.needs_checkpoint(self._settings, cursor, self._per):
            h.add("base", self._capture())
        try:
            self._run_op(cursor)
        except _Diverged as exc:
            h.drop_empty_top()
            self._diverged(exc)
            return 0
        h.ran(1)
        return 1

    def _run_op(self, cursor: int) -> None:
        """Micro-step ``cursor``: at an iteration's start the whole iteration is computed
        and then shown step by step; after a change mid-iteration, step by step."""
        if cursor == 0:
            with np.errstate(all="ignore"):
                p = self._pending = self._compute_iteration()
            self._values = IterationValues(self._L, p.batch, p.inputs, p.targets, p.epoch_end)
            self._raw_values = None
            self._pending_values = self._values  # Step back and loading replace the values: then it is stale
        p = self._pending
        if p is not None and p.settings is self._settings and self._pending_values is self._values:
            self._reveal(p, cursor)
        else:
            self._pending = None
            fn, layer = self._ops[cursor]
            with np.errstate(all="ignore"):
                fn(layer)

    def _reveal(self, p: ComputedIteration, cursor: int) -> None:
        """Micro-step ``cursor`` of the computed iteration ``p``: its numbers go into the
        values, and an update commits its layer, as the step-by-step micro-step would."""
        if cursor == p.fails_at:
            raise _Diverged(*p.step.problem, self.iteration + 1, p.step.loss)
        micro = self.steps[cursor]
        payload = p.fill(self._values, micro)
        update = micro.phase == "update"
        if update:
            i = micro.layer - 1
            state = list(p.opt_state if micro.layer == self._L else self._opt_state)
            state[2 * i], state[2 * i + 1] = p.step.opt_state[2 * i], p.step.opt_state[2 * i + 1]
            self._opt_state, self._opt_name, self._opt_t = state, p.optimizer.name, p.opt_t
            self.network.weights[i], self.network.biases[i] = p.step.weights[i], p.step.biases[i]
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(micro, payload))
        if update:
            if self.weights_changed:
                self.weights_changed.emit(micro.layer)
            if micro.layer == 1:
                self._finish_iteration(p.step.loss, p.epoch_end, p.step.outs[-1], p.targets, p.step.check_loss)

    def run(
        self,
        n: int = DEFAULT_ITERATIONS,
        until_loss: float | None = None,
        *,
        should_stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> RunResult:
        """Run ``n`` iterations (finishing a half-done one counts as one), or fewer when
        an iteration's loss falls below ``until_loss`` (that iteration still completes),
        when the loss stops being finite or explodes (status ``diverged``; the iteration
        that diverged is undone), or when ``should_stop()`` says so."""
        n = int(n)
        if n < 0:
            raise ValueError(f"the number of iterations must be >= 0, got {n}")
        if until_loss is not None and not (isinstance(until_loss, numbers.Real) and math.isfinite(until_loss)):
            raise ValueError(f"until_loss must be a finite number, got {until_loss!r}")
        self._refuse_if_diverged()
        done, reason = 0, "iterations"
        per, h = self._per, self._history
        first_iteration = self.iteration
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            while done < n:
                if should_stop is not None and should_stop():
                    reason = "stopped"
                    break
                start = self._cursor
                if h.needs_checkpoint(self._settings, start, per):
                    h.add("base", self._capture())
                entry = h.entries[-1]
                k_start = entry.k
                try:
                    if start == 0 and not self.micro_step:
                        self._fast_iteration()
                    else:
                        for cursor in range(start, per):
                            self._run_op(cursor)
                except _Diverged as exc:
                    self._land(entry.state, k_start)
                    self.state_restored.emit()
                    self.weights_changed.emit(None)
                    self._diverged(exc)
                    done = max(0, min(done, self.iteration - first_iteration))
                    reason = "diverged"
                    break
                h.ran(per - start)
                done += 1
                if progress is not None and (done % 256 == 0 or done == n):
                    progress(done, n)
                if until_loss is not None and self.loss_history[-1] < until_loss:
                    reason = "until_loss"
                    break
        last = self.loss_history[-1] if self.loss_history else None
        return RunResult(done, last, reason, self.status_message if reason == "diverged" else "")

    def _diverged(self, exc: "_Diverged") -> None:
        """Stop in the ``diverged`` state. When a net input, the loss or a gradient blew
        up, the parameters that gave it came from the previous update: that update is
        undone too (where the history reaches it), so that a smaller learning rate can
        carry on from a sound state."""
        message = exc.message
        if exc.earlier and self.iteration > 0:
            try:
                self.back(self._cursor + self._L)  # this iteration's steps + the last updates
                undone = True
            except HistoryExhausted:  # e.g. just after loading: the last values recorded the update
                undone = self._undo_last_update()
            if undone:
                message = Message("Trainer", "%1; the update of iteration %2 that caused it is undone", message,
                                  self.iteration + 1)
        self._set_status("diverged", message)

    def _undo_last_update(self) -> bool:
        """Back to just before the last iteration's update phase, from what its values
        recorded (each layer's parameters and optimizer state before its update), when the
        step history does not reach so far. The history starts afresh. False (nothing
        changed) where the values do not have it."""
        try:
            self.back(self._cursor)  # to this iteration's start
        except HistoryExhausted:
            return False
        v = self.values
        if self._cursor or any(p is None for p in v.params_before) or v.optimizer is None:
            return False
        net, L = self.network, self._L
        net.weights[:], net.biases[:] = [w for w, _ in v.params_before], [b for _, b in v.params_before]
        self._opt_state = [a for pair in v.opt_before for a in pair]
        self._opt_name, self._opt_t = v.optimizer.name, v.opt_t - 1  # (t 0: the same as a fresh start)
        before = v.copy()
        for name in ("params_before", "update_W", "update_b", "opt_before"):
            setattr(before, name, [None] * L)
        before.optimizer, before.opt_t, before.learning_rate = None, 0, None
        self._values, self._raw_values, self._pending = before, None, None
        self._cursor = 2 * L + 1
        self.iteration -= 1
        self.epoch -= before.epoch_end
        for history in (self.loss_history, self.accuracy_history, self.check_loss_history):
            del history[-1:]  # the undone iteration's entry, the last (when the histories reach it)
        self._trajectory.truncate(self._trajectory.end - 1)
        self._clear_history()
        self.state_restored.emit()
        self.weights_changed.emit(None)
        return True

    def _refuse_if_diverged(self) -> None:
        if self.status == "diverged":
            raise TrainingDiverged(T_("Trainer", "%1; lower the learning rate (or change another setting), "
                                      "step back or reset first", shown(self.status_message)))

    # ---------------------------------------------------------- the history
    def back(self, n: int = 1) -> None:
        """Undo the last ``n`` micro-steps (an edit counts as one), restoring the exact
        state before them. Settings stay as they are now."""
        if n < 1:
            return
        self._land(*self._history.undo(n))
        if self.status == "diverged":
            self._set_status("ready", "")
        self.state_restored.emit()
        self.weights_changed.emit(None)

    def back_to_iteration_start(self) -> None:
        """Undo back to the start of the current iteration (or of the previous one when
        standing at a boundary)."""
        self.back(self._cursor or len(self.steps))

    def _land(self, state: Checkpoint, k: int) -> None:
        """Set the state to a checkpoint plus ``k`` micro-steps replayed with its settings."""
        current = self._settings
        self._restore(state)
        self._settings = state.settings
        self._loss_fn = losses.get(self._settings.loss, self.network.activations[-1])
        try:
            with self.micro_step.blocked(), self.weights_changed.blocked(), \
                    self.iteration_finished.blocked():
                for _ in range(k):
                    self._run_op(self._cursor)
        finally:
            self._settings = current
            self._loss_fn = losses.get(current.loss, self.network.activations[-1])

    # ------------------------------------------------------- the micro-steps
    # The arithmetic lives in the module-level functions below, shared by the
    # micro-step path and the fast path of run(), so both give the same bits.
    def _next_batch(self):
        """(batch indices or None, inputs, targets, ends an epoch) for a new iteration."""
        order = self._order
        batch, self._order, self._position, end = kernels.draw_batch(
            self.dataset.n_samples, self.batch_size, self._settings.shuffle, order, self._position, self.rng)
        if self._order is not order and self._settings.shuffle:
            self._rng_state = self.rng.bit_generator.state
        x, t = self.dataset.inputs, self.dataset.targets
        if batch is not None:
            x, t = x[batch], t[batch]
            x.flags.writeable = t.flags.writeable = False
        return batch, x, t, end

    def _forward(self, layer: int) -> None:
        i = layer - 1
        v = self._values
        z, a = kernels.forward(v.inputs if i == 0 else v.activations[i - 1], self.network.weights[i],
                               self.network.biases[i], self.network.activations[i])
        if not kernels.finite(z):
            raise _Diverged("net inputs", layer, self.iteration + 1)
        z.flags.writeable = a.flags.writeable = False  # kept by reference for Step back
        v.net[i], v.activations[i] = z, a
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1], {"net": z, "activations": a}))

    def _loss(self, _: None) -> None:
        v = self._values
        loss = self._loss_fn.batch_loss(v.net[-1], v.activations[-1], v.targets)
        if not kernels.loss_ok(loss, self._explosion):
            raise _Diverged("loss", None, self.iteration + 1, loss)
        check = None
        if self.dataset.check is not None:  # at the parameters of this forward pass
            check = self.evaluate_loss(data=self.dataset.check)
            if not math.isfinite(check):
                raise _Diverged("check loss", None, self.iteration + 1)
        per_sample = _readonly(self._loss_fn.per_sample(v.net[-1], v.activations[-1], v.targets))
        v.loss_fn = self._loss_fn
        v.per_sample_loss, v.loss, v.check_loss = per_sample, loss, check
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1],
                                           {"loss": loss, "per_sample_loss": per_sample}))

    def _backward(self, layer: int) -> None:
        i = layer - 1
        v = self._values
        net = self.network
        last = layer == self._L
        # the phase finishes with the mode it began with, for the loss the loss step computed
        mode = self._settings.backprop if last or v.backprop is None else v.backprop
        err, g_w, g_b = kernels.backward(
            mode == "chain", v.loss_fn or self._loss_fn, net.activations[i],
            v.net[i], v.activations[i], v.inputs if i == 0 else v.activations[i - 1], v.targets,
            None if last else v.errors[i + 1], None if last else net.weights[i + 1])
        if not (kernels.finite(g_w) and kernels.finite(g_b)):
            raise _Diverged("gradients", layer, self.iteration + 1)
        err.flags.writeable = g_w.flags.writeable = g_b.flags.writeable = False
        v.errors[i], v.grad_W[i], v.grad_b[i] = err, g_w, g_b
        v.backprop = mode
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1],
                                           {"errors": err, "grad_W": g_w, "grad_b": g_b}))

    def _optimizer_for_update(self, opt: optimizers.Optimizer) -> tuple[list, int]:
        """The optimizer state (a list to commit) and step count that an update phase with
        ``opt`` starts from: a fresh state when the state held is another optimizer's."""
        if opt.name != self._opt_name:
            net = self.network
            return [opt.init_state(a.shape) for w, b in zip(net.weights, net.biases) for a in (w, b)], 1
        return list(self._opt_state), self._opt_t + 1

    def _phase_optimizer(self, v: IterationValues) -> optimizers.Optimizer:
        """The optimizer of the update phase under way: the one it began with, whatever
        the settings say now (values read from an older snapshot do not name it)."""
        if v.optimizer is not None:
            return v.optimizer
        s = self._settings
        return s.optimizer if s.optimizer.name == self._opt_name else optimizers.create(self._opt_name)

    def _update(self, layer: int) -> None:
        i = layer - 1
        v = self._values
        net = self.network
        s = self._settings
        if layer == self._L:  # the update phase begins with the optimizer of the settings
            opt = s.optimizer
            opt_state, t = self._optimizer_for_update(opt)
        else:  # and finishes with it, whatever the settings say since
            opt = self._phase_optimizer(v)
            opt_state, t = list(self._opt_state), self._opt_t
        before = (opt_state[2 * i], opt_state[2 * i + 1])
        masks = self._frozen_masks()
        w_old, b_old = net.weights[i], net.biases[i]
        lr = s.schedule.rate(s.learning_rate, self.iteration)
        w, b, sw, sb = kernels.update(opt, lr, t, w_old, b_old, v.grad_W[i],
                                      v.grad_b[i], before, masks[2 * i], masks[2 * i + 1])
        problem = kernels.update_problem(w, b, sw, sb, w_old, b_old)
        if problem is not None:
            raise _Diverged(problem, layer, self.iteration + 1)
        opt_state[2 * i], opt_state[2 * i + 1] = sw, sb
        self._opt_state, self._opt_name, self._opt_t = opt_state, opt.name, t
        net.weights[i], net.biases[i] = w, b
        v.optimizer = opt
        v.params_before[i] = (w_old, b_old)
        v.update_W[i], v.update_b[i] = _readonly(w - w_old), _readonly(b - b_old)
        v.opt_before[i] = before
        v.opt_t, v.learning_rate = t, lr
        self._cursor += 1
        if self.micro_step:
            self.micro_step.emit(StepEvent(self.steps[self._cursor - 1], {
                "update_W": v.update_W[i], "update_b": v.update_b[i], "W": w, "b": b}))
        if self.weights_changed:
            self.weights_changed.emit(layer)
        if layer == 1:
            check = v.check_loss
            if check is None and self.dataset.check is not None:  # values from an older snapshot
                weights, biases = zip(*v.params_before)
                check = self.evaluate_loss(weights, biases, data=self.dataset.check)
            self._finish_iteration(v.loss, v.epoch_end, v.activations[-1], v.targets, check)

    def _finish_iteration(self, loss: float, epoch_end: bool, outputs, targets, check_loss) -> None:
        self._cursor = 0
        self.iteration += 1
        if epoch_end:
            self.epoch += 1
        self.loss_history.append(loss)
        if self._classes:
            self.accuracy_history.append(kernels.accuracy(outputs, targets))
        if check_loss is not None:
            self.check_loss_history.append(check_loss)
        self._trajectory.append(self.network.weights, self.network.biases)
        if self.iteration_finished:
            self.iteration_finished.emit(self.iteration, loss)

    def _compute_iteration(self) -> ComputedIteration:
        """The next iteration, computed whole from its start (the batch is drawn)."""
        net = self.network
        s = self._settings
        batch, x, t, end = self._next_batch()
        opt = s.optimizer
        opt_state, step_t = self._optimizer_for_update(opt)
        lr = s.schedule.rate(s.learning_rate, self.iteration)
        check = self.dataset.check
        step = kernels.train_step(x, t, net.weights, net.biases, net.activations, self._loss_fn,
                                  s.backprop == "chain", opt, lr, step_t, opt_state, self._frozen_masks(),
                                  self._explosion, None if check is None else (check.inputs, check.targets))
        return ComputedIteration(batch, x, t, end, step, tuple(net.weights), tuple(net.biases), opt_state,
                                 step_t, lr, self._loss_fn, s)

    def _fast_iteration(self) -> None:
        """One whole iteration, as the micro-steps would run it, with no events per step
        and the intermediate values kept raw (``values`` builds them when asked)."""
        self._raw_values = None  # (its arrays freed first, NumPy reuses their memory: 5% faster)
        p = self._compute_iteration()
        step = p.step
        if step.problem is not None:
            raise _Diverged(*step.problem, self.iteration + 1, step.loss)
        net = self.network
        net.weights[:], net.biases[:] = step.weights, step.biases
        self._opt_state, self._opt_name, self._opt_t = step.opt_state, p.optimizer.name, p.opt_t
        self._raw_values = p
        if self.weights_changed:
            self.weights_changed.emit(None)
        self._finish_iteration(step.loss, p.epoch_end, step.outs[-1], p.targets, step.check_loss)

    def _frozen_masks(self) -> list:
        """``kernels.frozen_masks`` of the current settings, built once per change."""
        frozen = self._settings.frozen
        if frozen is not self._masks_key:
            self._masks, self._masks_key = kernels.frozen_masks(self.network, frozen), frozen
        return self._masks
def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def create(
    sizes: Sequence[int],
    activations: Sequence[str] | str,
    dataset: Dataset,
    *,
    init: str = "uniform",
    seed: int = 0,
    **settings: Any,
) -> Trainer:
    """A Trainer for a new network whose parameters are drawn with ``seed``. The same
    generator then shuffles the batches, so one seed reproduces the whole run. A data set
    with column names names the input and output neurons (``default_neuron_names``)."""
    rng = np.random.default_rng(seed)
    weights, biases = initialise(sizes, init, rng)
    names = None
    if (dataset.input_names or dataset.target_names) and [dataset.n_inputs, dataset.n_outputs] == \
            [sizes[0], sizes[-1]]:  # else the Trainer says what does not fit
        names = default_neuron_names(sizes, dataset.input_names, dataset.target_names)
    network = Network(sizes, activations, weights, biases, names)
    return Trainer(network, dataset, seed=seed, rng=rng, init_scheme=init, **settings)
