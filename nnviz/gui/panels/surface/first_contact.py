"""First contact: a network whose steps cannot zig-zag or diverge at any rate the slider
offers (the worked example: its loss curves so little that it would diverge only from
about 55) says so under the look-ahead's verdict, and offers in one click the bowl where
the regimes are one drag apart: the ``adaline`` preset at a rate just below its zig-zag
mark."""

from __future__ import annotations

import functools
import math

from nnviz.core import presets
from nnviz.core.analysis import regimes
from nnviz.core.words import T_
from nnviz.gui.controls.lr_slider import HIGH

BOWL = "adaline"
BELOW = 0.95  # the bowl opens at this share of its zig-zag mark (rounded to 2 digits)
LINK = "open-bowl"


def cannot_oscillate(marks: regimes.Marks | None) -> bool:
    """Whether no rate on the slider makes the steps zig-zag or diverge: the divergence
    mark lies past the slider's end, or the loss does not curve upwards at all (not for
    the optimizers without marks: their reason is said on the slider)."""
    if marks is None:
        return False
    if marks.zigzag_from is None:
        return math.isfinite(marks.curvature) and marks.curvature <= 0
    return marks.diverges_from > HIGH


@functools.cache
def bowl_rate() -> float:
    """The bowl's rate: just below its zig-zag mark (0.24 on adaline, whose mark is 0.25)."""
    marks = regimes.regime_marks(presets.load(BOWL))
    return float(f"{BELOW * marks.zigzag_from:.2g}")


def hint_html(marks: regimes.Marks, rate: float) -> str:
    """The hint's words, with the one-click link."""
    if marks.zigzag_from is None:
        why = T_("first_contact", "No rate on the slider makes this network zig-zag: its loss does not curve "
                                  "upwards here.")
    else:
        why = T_("first_contact", "No rate on the slider makes this network oscillate: it would zig-zag from %1 "
                                  "and diverge from %2, past the slider's end.",
                 f"{marks.zigzag_from:.3g}", f"{marks.diverges_from:.3g}")
    link = T_("first_contact", "Open the %1 bowl at rate %2", BOWL, f"{rate:g}")
    rest = T_("first_contact", "%1, just below its zig-zag mark, and drag the slider across its marks.",
              f"<a href='{LINK}'>{link}</a>")
    return T_("first_contact", "%1 %2", why, rest)  # a translation may join the two without a space


def open_bowl(session) -> None:
    """The one click: the bowl, at its rate."""
    rate = bowl_rate()
    session.pause()
    session.load_preset(BOWL)
    session.set_learning_rate(rate)
