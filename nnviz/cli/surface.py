"""``nnviz surface``: the training loss over a grid of two parameters (.npz, .csv or .png)."""

from __future__ import annotations

import argparse
import io

import numpy as np

from nnviz.cli.common import UsageError, add_source, check_writable, finite_float, grid_size, load_source
from nnviz.core.analysis import surface
from nnviz.io.images import heatmap_png
from nnviz.io.files import write_atomic

MAX_EVALUATIONS = 1_000_000_000  # grid points x samples: the loss of every sample at every point


def add_parser(sub) -> None:
    surf = sub.add_parser("surface", help="the loss over a grid of two parameters (.npz, .csv or .png)",
                          description="The training loss over a grid of two parameters, every other "
                                      "parameter at its current value.")
    add_source(surf)
    surf.add_argument("--params", nargs=2, required=True, metavar=("P1", "P2"),
                      help="the two axis parameters, e.g. W2[0,0] W2[0,1] or b1[0] (or display names such as w5)")
    surf.add_argument("--grid", type=grid_size, default=101, metavar="N",
                      help="grid points per axis (default 101)")
    surf.add_argument("--range", type=finite_float, nargs=4, metavar=("A0", "A1", "B0", "B1"),
                      help="P1 from A0 to A1 and P2 from B0 to B1 (default: the trajectory and the "
                           "current point with a margin)")
    surf.add_argument("--out", required=True, metavar="FILE.npz|FILE.csv|FILE.png")
    surf.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    prog = "nnviz surface"
    out = check_writable(args.out, prog)
    kind = out.suffix.lower()
    if kind not in (".npz", ".csv", ".png"):
        raise UsageError(f"{prog}: --out: expected a .npz, .csv or .png file name, got {out.name!r}")
    if args.range is not None:
        a0, a1, b0, b1 = args.range
        if not (a0 < a1 and b0 < b1):
            raise UsageError(f"{prog}: --range: expected A0 < A1 and B0 < B1, got {' '.join(map(repr, args.range))}")
    trainer = load_source(args)
    try:
        p1, p2 = surface.check_axes(trainer, *args.params)
    except ValueError as exc:
        raise UsageError(f"{prog}: --params: {exc}") from None
    evaluations = args.grid ** 2 * trainer.n_samples
    if evaluations > MAX_EVALUATIONS:
        raise UsageError(f"{prog}: a {args.grid} x {args.grid} grid over {trainer.n_samples:,} samples is "
                         f"{evaluations:,} loss evaluations, over the limit of {MAX_EVALUATIONS:,}; "
                         "use a smaller --grid")
    a0, a1, b0, b1 = args.range if args.range is not None else surface.default_range(trainer, p1, p2)
    a, b = (grid_axis(lo, hi, args.grid, name, prog) for lo, hi, name in ((a0, a1, "A0..A1"), (b0, b1, "B0..B1")))
    loss = surface.loss_grid(trainer, p1, p2, a, b)
    trajectory = surface.trajectory_columns(trainer, p1, p2) if len(trainer.trajectory) > 1 else None
    if kind == ".npz":
        arrays = {"a": a, "b": b, "loss": loss, "params": np.array([p1.name, p2.name])}
        if trajectory is not None:
            arrays["trajectory"] = trajectory
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        write_atomic(out, buffer.getvalue())
    elif kind == ".csv":
        rows = [f"{x!r},{y!r},{v!r}" for x, row in zip(a.tolist(), loss.tolist()) for y, v in zip(b.tolist(), row)]
        write_atomic(out, "a,b,loss\n" + "\n".join(rows) + "\n")
    else:
        current = (trainer.network.get(p1), trainer.network.get(p2))
        write_atomic(out, heatmap_png(a, b, loss, trajectory, current))
    net = trainer.network
    names = " x ".join(f"{net.display_name(p)} ({p.name})" if net.display_name(p) != p.name else p.name
                       for p in (p1, p2))
    finite = loss[np.isfinite(loss)]
    span = f"loss {finite.min():.6g} .. {finite.max():.6g}" if finite.size else "no finite loss"
    print(f"loss over {names}: {args.grid} x {args.grid} grid, {p1.name} in [{a0:.6g}, {a1:.6g}], "
          f"{p2.name} in [{b0:.6g}, {b1:.6g}], {span}")
    print(f"written to {out}")
    return 0


def grid_axis(lo: float, hi: float, n: int, name: str, prog: str) -> np.ndarray:
    try:
        return surface.grid_axis(lo, hi, n)
    except ValueError as exc:
        raise UsageError(f"{prog}: --range: {name} = {exc}") from None
