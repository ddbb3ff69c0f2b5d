"""An iteration computed whole, then committed at once or shown micro-step by micro-step.

``Trainer.run`` computes an iteration with ``kernels.train_step`` and commits it; the
values the views read are built from it only when asked (``values``). A micro-step at the
start of an iteration computes the whole iteration the same way and then reveals it one
micro-step at a time (``fill``), so stepping gives the bits of ``run`` from one
computation, at the cost of bookkeeping per micro-step. When anything the iteration
depends on changes in between (a setting, a hand edit, Step back), the Trainer drops it
and computes the remaining micro-steps one by one.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.core import kernels, losses, optimizers
from nnviz.core.state import IterationValues, MicroStep, Settings


class ComputedIteration:
    """One iteration from its start: the batch drawn, ``step`` (kernels.Step) and what it
    started from: the parameters, optimizer state and step count, the learning rate, and
    the settings and loss function it used."""

    __slots__ = ("batch", "inputs", "targets", "epoch_end", "step", "weights", "biases", "opt_state", "opt_t",
                 "learning_rate", "loss_fn", "settings", "fails_at")

    def __init__(self, batch: np.ndarray | None, inputs: np.ndarray, targets: np.ndarray, epoch_end: bool,
                 step: kernels.Step, weights: tuple, biases: tuple, opt_state: list, opt_t: int,
                 learning_rate: float, loss_fn: losses.Loss, settings: Settings) -> None:
        self.batch, self.inputs, self.targets, self.epoch_end = batch, inputs, targets, epoch_end
        self.step = step
        self.weights, self.biases, self.opt_state, self.opt_t = weights, biases, opt_state, opt_t
        self.learning_rate, self.loss_fn, self.settings = learning_rate, loss_fn, settings
        self.fails_at = self._failing_micro_step(len(weights))

    def _failing_micro_step(self, L: int) -> int | None:
        """The index of the micro-step that breaks the divergence rule, or None."""
        if self.step.problem is None:
            return None
        what, layer = self.step.problem
        if what == "net inputs":
            return layer - 1
        if what in ("loss", "check loss"):
            return L
        if what == "gradients":
            return L + 1 + (L - layer)
        return 2 * L + 1 + (L - layer)  # an update of this layer

    @property
    def optimizer(self) -> optimizers.Optimizer:
        return self.settings.optimizer

    def fill(self, v: IterationValues, micro: MicroStep) -> dict[str, Any]:
        """Put the numbers of one micro-step into ``v`` (read-only); returns the payload of
        its ``micro_step`` event."""
        s, phase = self.step, micro.phase
        if phase == "forward":
            i = micro.layer - 1
            z, a = s.nets[i], s.outs[i]
            z.flags.writeable = a.flags.writeable = False
            v.net[i], v.activations[i] = z, a
            return {"net": z, "activations": a}
        if phase == "loss":  # (the batch loss is finite, so each sample's is: no warning to silence)
            per_sample = self.loss_fn.per_sample(s.nets[-1], s.outs[-1], self.targets)
            per_sample.flags.writeable = False
            v.loss_fn, v.per_sample_loss, v.loss, v.check_loss = self.loss_fn, per_sample, s.loss, s.check_loss
            return {"loss": s.loss, "per_sample_loss": per_sample}
        i = micro.layer - 1
        if phase == "backward":
            err, g_w, g_b = s.errs[i], s.g_ws[i], s.g_bs[i]
            err.flags.writeable = g_w.flags.writeable = g_b.flags.writeable = False
            v.errors[i], v.grad_W[i], v.grad_b[i] = err, g_w, g_b
            v.backprop = self.settings.backprop
            return {"errors": err, "grad_W": g_w, "grad_b": g_b}
        w, b = s.weights[i], s.biases[i]
        v.params_before[i] = (self.weights[i], self.biases[i])
        with np.errstate(all="ignore"):
            dw, db = w - self.weights[i], b - self.biases[i]
        dw.flags.writeable = db.flags.writeable = False
        v.update_W[i], v.update_b[i] = dw, db
        v.opt_before[i] = (self.opt_state[2 * i], self.opt_state[2 * i + 1])
        v.optimizer, v.opt_t, v.learning_rate = self.optimizer, self.opt_t, self.learning_rate
        return {"update_W": v.update_W[i], "update_b": v.update_b[i], "W": w, "b": b}

    def values(self, steps: tuple[MicroStep, ...]) -> IterationValues:
        """Every number of the iteration (``steps``: its micro-steps)."""
        v = IterationValues(len(self.weights), self.batch, self.inputs, self.targets, self.epoch_end)
        for micro in steps:
            self.fill(v, micro)
        return v
