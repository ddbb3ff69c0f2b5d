"""``nnviz render``: draw the network canvas to an image (PNG, JPEG, ...) or SVG file without a window."""

from __future__ import annotations

import argparse

from nnviz.cli.common import UsageError, add_source, add_weights, check_writable, load_source, window_size


def add_parser(sub) -> None:
    render = sub.add_parser("render", help="draw the network canvas to an image or SVG file (headless)",
                            description="Draw the network canvas without opening a window.")
    add_source(render)
    add_weights(render)
    render.add_argument("--out", required=True, metavar="FILE.png|FILE.jpg|FILE.svg",
                        help="the format follows the ending: .png, .jpg, .webp, .tif, .bmp, ... (what Qt "
                             "can write) or .svg")
    render.add_argument("--size", type=window_size, default=(1200, 800), metavar="WxH",
                        help="image size in pixels (default 1200x800)")
    render.add_argument("--show", choices=("weights", "gradients", "updates"), default="weights",
                        help="what the edge colours show (default weights)")
    render.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from nnviz.gui.canvas.export import check_format

    out = check_writable(args.out, "nnviz render")
    try:
        check_format(out)
    except ValueError as exc:
        raise UsageError(f"nnviz render: --out: {exc}") from None
    trainer = load_source(args)
    from nnviz.gui.render import render_to_file

    render_to_file(trainer, str(out), args.size, args.show)
    print(f"{args.show} of {'-'.join(map(str, trainer.network.sizes))} network drawn to {out} "
          f"({args.size[0]} x {args.size[1]})")
    return 0
