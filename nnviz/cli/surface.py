"""``nnviz surface``: the training loss over a grid of two parameters — the numbers (.npz,
.csv) or the loss-surface figure (.png, .svg or another image format Qt writes)."""

from __future__ import annotations

import argparse
import io

import numpy as np

from nnviz.cli.common import (UsageError, add_source, check_writable, finite_float, grid_size, load_source,
                              positive_float, window_size)
from nnviz.core.analysis import surface
from nnviz.io.files import write_atomic

MAX_EVALUATIONS = 1_000_000_000  # grid points x samples: the loss of every sample at every point
DEFAULT_SIZE = (1000, 760)


def add_parser(sub) -> None:
    surf = sub.add_parser("surface", help="the loss over a grid of two parameters (.npz, .csv, or a figure: "
                                          ".png, .svg)",
                          description="The training loss over a grid of two parameters, every other "
                                      "parameter at its current value: the numbers, or the figure the "
                                      "window's loss surface draws.")
    add_source(surf)
    surf.add_argument("--params", nargs=2, metavar=("P1", "P2"),
                      help="the two axis parameters, e.g. W2[0,0] W2[0,1] or b1[0] (or display names such as w5); "
                           "default: the window's default axes")
    surf.add_argument("--grid", type=grid_size, default=101, metavar="N",
                      help="grid points per axis (default 101)")
    surf.add_argument("--range", type=finite_float, nargs=4, metavar=("A0", "A1", "B0", "B1"),
                      help="P1 from A0 to A1 and P2 from B0 to B1 (default: the trajectory and the "
                           "current point with a margin; a figure also holds the look-ahead and the "
                           "slice's minimum, as the window does)")
    surf.add_argument("--lr", type=positive_float, metavar="X",
                      help="a figure: draw where the next 30 steps at this learning rate would go, with "
                           "their verdict")
    surf.add_argument("--size", type=window_size, default=DEFAULT_SIZE, metavar="WxH",
                      help=f"a figure's size in pixels (default {DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]})")
    surf.add_argument("--out", required=True, metavar="FILE.npz|FILE.csv|FILE.png|FILE.svg")
    surf.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    prog = "nnviz surface"
    out = check_writable(args.out, prog)
    kind = out.suffix.lower()
    if kind not in (".npz", ".csv"):
        from nnviz.gui.canvas.export import check_format

        try:
            check_format(out)
        except ValueError:
            raise UsageError(f"{prog}: --out: expected a .npz, .csv, .png or .svg file name (or another image "
                             f"format Qt writes), got {out.name!r}") from None
    if args.lr is not None and kind in (".npz", ".csv"):
        raise UsageError(f"{prog}: --lr draws the look-ahead on a figure: write a .png or .svg, not {kind}")
    if args.range is not None:
        a0, a1, b0, b1 = args.range
        if not (a0 < a1 and b0 < b1):
            raise UsageError(f"{prog}: --range: expected A0 < A1 and B0 < B1, got {' '.join(map(repr, args.range))}")
    trainer = load_source(args)
    try:
        p1, p2 = surface.check_axes(trainer, *(args.params or surface.default_axes(trainer)))
    except ValueError as exc:
        raise UsageError(f"{prog}: --params: {exc}") from None
    evaluations = args.grid ** 2 * trainer.n_samples
    if evaluations > MAX_EVALUATIONS:
        raise UsageError(f"{prog}: a {args.grid} x {args.grid} grid over {trainer.n_samples:,} samples is "
                         f"{evaluations:,} loss evaluations, over the limit of {MAX_EVALUATIONS:,}; "
                         "use a smaller --grid")
    if args.range is not None:
        for lo, hi, name in ((args.range[0], args.range[1], "A0..A1"), (args.range[2], args.range[3], "B0..B1")):
            grid_axis(lo, hi, args.grid, name, prog)
    if kind in (".npz", ".csv"):
        a0, a1, b0, b1 = args.range if args.range is not None else surface.default_range(trainer, p1, p2)
        a, b = (grid_axis(lo, hi, args.grid, name, prog) for lo, hi, name in ((a0, a1, "A0..A1"), (b0, b1, "B0..B1")))
        loss = surface.loss_grid(trainer, p1, p2, a, b)
        write_numbers(out, kind, trainer, p1, p2, a, b, loss)
    else:
        a, b, loss = draw_figure(out, trainer, (p1.name, p2.name), args)
    net = trainer.network
    names = " x ".join(f"{net.display_name(p)} ({p.name})" if net.display_name(p) != p.name else p.name
                       for p in (p1, p2))
    finite = loss[np.isfinite(loss)]
    span = f"loss {finite.min():.6g} .. {finite.max():.6g}" if finite.size else "no finite loss"
    print(f"loss over {names}: {args.grid} x {args.grid} grid, {p1.name} in [{a[0]:.6g}, {a[-1]:.6g}], "
          f"{p2.name} in [{b[0]:.6g}, {b[-1]:.6g}], {span}")
    print(f"written to {out}")
    return 0


def write_numbers(out, kind: str, trainer, p1, p2, a: np.ndarray, b: np.ndarray, loss: np.ndarray) -> None:
    """.npz: ``a``, ``b``, ``loss``, ``params`` and the ``trajectory`` when there is one;
    .csv: ``a,b,loss`` rows."""
    if kind == ".npz":
        arrays = {"a": a, "b": b, "loss": loss, "params": np.array([p1.name, p2.name])}
        if len(trainer.trajectory) > 1:
            arrays["trajectory"] = surface.trajectory_columns(trainer, p1, p2)
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        write_atomic(out, buffer.getvalue())
    else:
        rows = [f"{x!r},{y!r},{v!r}" for x, row in zip(a.tolist(), loss.tolist()) for y, v in zip(b.tolist(), row)]
        write_atomic(out, "a,b,loss\n" + "\n".join(rows) + "\n")


def draw_figure(out, trainer, axes: tuple[str, str], args: argparse.Namespace):
    """The window's loss-surface figure, drawn offscreen; (a, b, loss) of its grid."""
    from nnviz.gui.render import ensure_application

    ensure_application()
    from nnviz.gui.panels.surface import figure

    data = figure.slice_data(trainer, axes, None if args.range is None else tuple(args.range), args.grid, args.lr)
    figure.export(data, out, args.size)
    return data.a, data.b, data.loss


def grid_axis(lo: float, hi: float, n: int, name: str, prog: str) -> np.ndarray:
    try:
        return surface.grid_axis(lo, hi, n)
    except ValueError as exc:
        raise UsageError(f"{prog}: --range: {name} = {exc}") from None
