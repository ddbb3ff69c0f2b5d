"""``nnviz graph``: the computational graph of one parameter's gradient, drawn to SVG or
PNG without a window."""

from __future__ import annotations

import argparse

from nnviz.cli.common import UsageError, add_source, check_writable, count, digits, load_source
from nnviz.core.analysis import graph


def add_parser(sub) -> None:
    g = sub.add_parser("graph", help="draw the computational graph of one parameter to SVG or PNG (headless)",
                       description="Draw the chain rule for one parameter: its computational graph from the "
                                   "parameter to the loss with forward values, local derivatives, upstream and "
                                   "downstream gradients, as the run stands.")
    add_source(g)
    g.add_argument("--param", required=True, metavar="NAME",
                   help="the parameter: a name of the network such as w1, or W1[0,0], b2[1]")
    g.add_argument("--phase", choices=graph.PHASES,
                   help="first run the iteration to the end of this phase when it has not got there "
                        "(forward includes the loss), and draw the graph as it stood then")
    g.add_argument("--sample", type=lambda text: count(text, 1), default=1, metavar="K",
                   help="the sample of the batch to follow (default 1)")
    g.add_argument("--digits", type=digits, default=9, metavar="D", help="decimal places (default 9)")
    g.add_argument("--out", required=True, metavar="FILE.svg|FILE.png")
    g.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = check_writable(args.out, "nnviz graph", (".svg", ".png"))
    trainer = load_source(args)
    try:
        param = trainer.network.parse_param(args.param)
    except ValueError as exc:
        raise UsageError(f"nnviz graph: --param: {exc}") from None
    if args.sample > trainer.batch_size:
        raise UsageError(f"nnviz graph: --sample: the batch has {trainer.batch_size} sample"
                         f"{'s' if trainer.batch_size != 1 else ''}, got {args.sample}")
    if args.phase is not None:
        graph.run_to(trainer, args.phase)
    g = graph.build(trainer, param, sample=args.sample - 1, digits=args.digits, phase=args.phase)
    from nnviz.gui.panels.graph.drawing import export
    from nnviz.gui.render import ensure_application

    ensure_application()
    export(g, out)
    gradient = "not reached yet" if g.gradient is None else g.explain("param").rsplit(" = ", 1)[-1]
    print(f"graph of {g.name} ({g.subtitle}; {'dE/d' if g.mode == 'chain' else 'g_'}{g.name} "
          f"{gradient}) drawn to {out}")
    return 0
