"""Tables out of a run: the loss (and accuracy) history as CSV.

Numbers are written with ``repr``, so ``float(cell)`` gives back the very float64 the
Trainer recorded. Files are written atomically (``snapshot.write_atomic``): a failed
save raises ``SnapshotError`` with one line and leaves any existing file as it was.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from nnviz.core.trainer import Trainer
from nnviz.io.snapshot import SnapshotError, write_atomic

__all__ = ["loss_history_csv", "save_loss_history", "SnapshotError"]


def loss_history_csv(trainer: Trainer) -> str:
    """The history as CSV text: ``iteration,loss`` (plus ``,accuracy`` for
    classification data), one row per completed iteration, iterations numbered 1..N.

    ``loss`` is the forward-pass loss of that iteration (``trainer.loss_history``);
    ``accuracy`` the share of the batch's samples classified right in that pass.
    """
    losses = trainer.loss_history
    accuracies = trainer.accuracy_history
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if accuracies:
        writer.writerow(("iteration", "loss", "accuracy"))
        n_acc = len(accuracies)
        for i, loss in enumerate(losses):
            acc = repr(float(accuracies[i])) if i < n_acc else ""
            writer.writerow((i + 1, repr(float(loss)), acc))
    else:
        writer.writerow(("iteration", "loss"))
        for i, loss in enumerate(losses):
            writer.writerow((i + 1, repr(float(loss))))
    return out.getvalue()


def save_loss_history(trainer: Trainer, path: str | os.PathLike) -> None:
    """Write :func:`loss_history_csv` to ``path`` atomically.

    Raises ``SnapshotError`` (one line naming the file and the reason) when the file
    cannot be written; an existing file at ``path`` is then left untouched.
    """
    write_atomic(Path(path), loss_history_csv(trainer))
