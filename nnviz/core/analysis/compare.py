"""Chain rule vs. proportional split: the two backprop modes side by side.

- ``chain_vs_proportional(trainer)``: for the current batch, each neuron's chain-rule
  delta dE/dnet beside its proportional error, both from one forward pass, per sample
  and averaged over the batch. Nothing in the trainer changes.
- ``Race``/``race(trainer, n)``: two copies of the trainer from the same start, one per
  backprop mode, trained together; each loss curve is bit-identical to a run of a
  copy with that mode.

Signs: a chain-rule delta points uphill (it is dE/dnet), a proportional error points
downhill (it starts as e = t - o at the output). For one sample the two disagree where
they push the neuron's net input opposite ways: e and -delta of opposite signs (a zero on
either side is no disagreement). The verdict is per sample: the means over a batch can
have opposite signs although every sample agrees (the mean of e = t - o weights the
samples equally, the mean delta weights them by f'(net)), so a neuron is flagged only
where some sample's own e and -delta disagree. ``ratio`` is mean e / (-mean delta).

NumPy only (no Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnviz.core import kernels
from nnviz.core.network import default_neuron_names
from nnviz.core.trainer import Trainer


@dataclass(frozen=True)
class LayerComparison:
    """One layer of neurons (weight layer ``layer``, 1-based; the last is the output)."""

    layer: int
    names: list[str]  # neuron names (h1, h2, ... / o1, ...)
    chain: np.ndarray  # mean over the batch of the chain-rule delta dE/dnet, per neuron
    proportional: np.ndarray  # mean over the batch of the proportional (split) error, per neuron
    chain_per_sample: np.ndarray  # n_samples x n_units
    proportional_per_sample: np.ndarray

    @property
    def ratio(self) -> np.ndarray:
        """proportional / (-chain); NaN where the delta is exactly 0."""
        down = -self.chain
        out = np.full(down.shape, np.nan)
        np.divide(self.proportional, down, out=out, where=down != 0)
        return out

    @property
    def samples_disagreeing(self) -> np.ndarray:
        """Per neuron, how many samples' proportional error and -delta have opposite signs."""
        return np.count_nonzero(self.proportional_per_sample * self.chain_per_sample > 0, axis=0)

    @property
    def samples_agreeing(self) -> np.ndarray:
        """Per neuron, how many samples do not disagree (see the module notes)."""
        return self.chain_per_sample.shape[0] - self.samples_disagreeing

    @property
    def agree(self) -> np.ndarray:
        """True for a neuron where no sample's e and -delta point opposite ways (the
        verdict never rests on the means; see the module notes)."""
        return self.samples_disagreeing == 0


@dataclass(frozen=True)
class Comparison:
    layers: list[LayerComparison]
    source: str  # "batch" (the current iteration's batch) or "dataset" (no iteration yet)
    n_samples: int
    iteration: int  # the iteration the batch belongs to (1-based), or the count done for "dataset"

    def __iter__(self):
        return iter(self.layers)

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, i: int) -> LayerComparison:
        return self.layers[i]


def neuron_names(trainer: Trainer) -> list[list[str]]:
    """Names of the neurons of layers 1..L (the canvas's names where the network has them)."""
    net = trainer.network
    return [list(n) for n in (net.neuron_names or default_neuron_names(net.sizes))[1:]]


def chain_vs_proportional(trainer: Trainer) -> Comparison:
    """Per layer: each neuron's chain-rule delta beside its proportional error.

    The batch is that of the current iteration (once its forward pass has run, its
    stored outputs are used, with the weights it ran with); with no iteration values
    yet, the whole data set at the current parameters. The trainer is not changed.
    """
    net = trainer.network
    L = net.n_layers
    v = trainer.values
    acts = net.activations
    weights = [v.params_before[i][0] if v.params_before[i] is not None else net.weights[i]
               for i in range(L)]
    biases = [v.params_before[i][1] if v.params_before[i] is not None else net.biases[i]
              for i in range(L)]
    if v.inputs is not None:
        x, t, source = v.inputs, v.targets, "batch"
        iteration = trainer.iteration + (1 if trainer.cursor else 0)
    else:
        x, t, source = trainer.dataset.inputs, trainer.dataset.targets, "dataset"
        iteration = trainer.iteration
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        if v.inputs is not None and all(a is not None for a in v.activations):
            nets, outs = list(v.net), list(v.activations)
        else:
            nets, outs = kernels.forward_pass(x, weights, biases, acts)
        per_mode = {chain: [np.array(e) for e in kernels.backward_pass(
            chain, trainer.loss_fn, acts, x, t, nets, outs, weights)[0]] for chain in (True, False)}
    names = neuron_names(trainer)
    layers = [LayerComparison(i + 1, names[i], per_mode[True][i].mean(axis=0), per_mode[False][i].mean(axis=0),
                              per_mode[True][i], per_mode[False][i]) for i in range(L)]
    return Comparison(layers, source, int(x.shape[0]), int(iteration))


# ===================================================================== the race
class Race:
    """Two copies of ``trainer`` from its current state (``Trainer.copy``), one per
    backprop mode (a mode change in the middle of an iteration applies from its next
    backward step, as ``configure`` does).

    ``advance(n)`` trains both by up to ``n`` iterations (the same number, unless one
    diverges); ``chain_losses`` / ``proportional_losses`` are the losses of the
    iterations each has run in the race."""

    MODES = ("chain", "proportional")

    def __init__(self, trainer: Trainer) -> None:
        self.copies = {mode: trainer.copy(backprop=mode, history_limit=1000) for mode in self.MODES}
        self._start = {mode: len(c.loss_history) for mode, c in self.copies.items()}
        self.stopped: dict[str, str] = {}  # mode -> why it stopped early (diverged)

    def losses(self, mode: str) -> list[float]:
        c = self.copies[mode]
        return c.loss_history[self._start[mode]:]

    @property
    def chain_losses(self) -> list[float]:
        return self.losses("chain")

    @property
    def proportional_losses(self) -> list[float]:
        return self.losses("proportional")

    @property
    def done(self) -> int:
        return max(len(self.losses(m)) for m in self.MODES)

    def advance(self, n: int, should_stop: Callable[[], bool] | None = None) -> int:
        """Up to ``n`` more iterations for each copy (fewer when ``should_stop`` says so:
        the second copy then runs as many as the first). Returns how many ran."""
        k = None  # iterations the first running copy managed; the other runs as many
        for mode in self.MODES:
            if mode in self.stopped:
                continue
            c = self.copies[mode]
            before = len(self.losses(mode))
            result = c.run(n if k is None else k, should_stop=should_stop if k is None else None)
            if result.reason == "diverged":
                self.stopped[mode] = result.message or c.status_message
            if k is None:
                k = n if result.reason == "diverged" else len(self.losses(mode)) - before
        return self.done


def race(trainer: Trainer, iterations: int, *, should_stop: Callable[[], bool] | None = None
         ) -> tuple[list[float], list[float]]:
    """(chain losses, proportional losses) of ``iterations`` iterations of two copies of
    ``trainer``, one per backprop mode, from its current state."""
    r = Race(trainer)
    r.advance(int(iterations), should_stop)
    return r.chain_losses, r.proportional_losses
