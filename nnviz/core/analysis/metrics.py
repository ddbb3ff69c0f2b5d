"""Classification metrics (NumPy only): the confusion matrix and what follows from it.

Outputs and targets are tables (n_samples x n_columns). One column: two classes, class 1
when the value is >= 0.5 (``kernels.classes``, the rule of the trainer's accuracy). Several columns:
the class is the column of the largest value (targets are one-hot).
"""

from __future__ import annotations

import numpy as np

from nnviz.core import kernels


def _table(a, what: str) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        a = a[:, None]
    if a.ndim != 2 or a.shape[1] == 0:
        raise ValueError(f"{what} must be a table (n_samples x n_columns)")
    return a


def classes(values) -> np.ndarray:
    """The class of each row: ``value >= 0.5`` for one column, else the argmax."""
    return kernels.classes(_table(values, "values")).astype(np.int64)


def n_classes(values) -> int:
    v = _table(values, "values")
    return 2 if v.shape[1] == 1 else v.shape[1]


def confusion_matrix(outputs, targets) -> np.ndarray:
    """A k x k matrix of counts: row = true class (from ``targets``), column = the class
    the network predicts (from ``outputs``). k = 2 for one column, else the column count."""
    o = _table(outputs, "outputs")
    t = _table(targets, "targets")
    if o.shape != t.shape:
        raise ValueError(f"outputs {o.shape} and targets {t.shape} differ in shape")
    k = n_classes(t)
    true, pred = classes(t), classes(o)
    m = np.zeros((k, k), dtype=np.int64)
    np.add.at(m, (true, pred), 1)
    return m


def accuracy(matrix) -> float:
    """The share on the diagonal (nan for an empty matrix)."""
    m = np.asarray(matrix)
    total = m.sum()
    return float(np.trace(m) / total) if total else float("nan")


def class_names(target_names, n_columns: int) -> list[str]:
    """The names of the classes of ``n_columns`` target columns: for one-hot columns the
    columns' names; for one 0/1 column ``name = 0`` and ``name = 1``; without names the
    class numbers ``0``, ``1``, ..."""
    names = list(target_names)
    if n_columns == 1:
        return [f"{names[0]} = {c}" for c in (0, 1)] if names else ["0", "1"]
    return names if names else [str(c) for c in range(n_columns)]
