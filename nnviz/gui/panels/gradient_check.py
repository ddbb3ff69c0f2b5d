"""The inspector's "Check gradient" report: a central finite difference
(``nnviz.core.analysis.gradcheck``) beside the value backpropagation computed, as rich
text, and what the agreement (or its absence) means."""

from __future__ import annotations

import html

from nnviz.core.analysis import gradcheck
from nnviz.core.network import Param
from nnviz.core.trainer import Trainer
from nnviz.core.words import T_
from nnviz.gui.widgets import formula

AGREE_RTOL = 1e-5


def report(trainer: Trainer, p: Param, display: str, diff: gradcheck.Difference, bp: float, f) -> str:
    """The report for parameter ``p`` (shown as ``display``), ``bp`` being the value
    backpropagation computed and ``f`` the session's number formatter."""
    name = formula.symbol(display)
    fd = diff.estimate
    rel = gradcheck.relative_difference(fd, bp)
    num = lambda x: f"{x:.10g}"  # noqa: E731 -- more digits than the worked lines: the point is agreement
    # the two losses differ in their 7th digit: show their difference, not the losses
    estimate = (f"(E({name} + h) − E({name} − h)) / 2h = {diff.loss_change:.6g} / {2 * diff.h:g} "
                f"≈ <b>{num(fd)}</b> (h = {diff.h:g})")
    if trainer.backprop == "proportional":
        same_sign = (fd > 0) == (bp > 0) or fd == 0 or bp == 0
        relative = (T_("gradient_check", "Relative difference %1 (same sign).", f"{rel:.3g}") if same_sign else
                    T_("gradient_check", "Relative difference %1: they point in opposite directions.", f"{rel:.3g}"))
        return T_("gradient_check",
                  "<b>Proportional mode: the split error is not a gradient.</b> The update uses "
                  "g<sub>%1</sub> = −e·f′·input = <b>%2</b>, a heuristic direction.<br>The true gradient "
                  "∂E/∂%3, by finite differences: %4<br>%5",
                  html.escape(display), num(bp), name, estimate, relative) + changed_note(trainer, diff, f)
    scale = max(abs(diff.loss_plus), 1.0)
    agree = abs(fd - bp) <= AGREE_RTOL * max(abs(fd), abs(bp)) + 1e-9 * scale
    if agree:
        verdict = T_("gradient_check", "✓ they agree: the chain rule gives the true gradient.")
    elif any(a.name == "relu" for a in trainer.network.activations):
        verdict = T_("gradient_check", "✗ they differ — a relu input near 0 makes the loss kinked there, "
                                       "so the difference quotient jumps.")
    else:
        verdict = T_("gradient_check", "✗ they differ.")
    text = T_("gradient_check", "<b>Gradient check</b> of %1 — finite difference: %2<br>"
                                "Backpropagation: ∂E/∂%1 = <b>%3</b> · relative difference %4<br>%5",
              name, estimate, num(bp), f"{rel:.2g}", verdict)
    return text + changed_note(trainer, diff, f)


def changed_note(trainer: Trainer, diff: gradcheck.Difference, f) -> str:
    """A note when the parameters or the loss changed since the iteration's forward pass."""
    if diff.matches_iteration(trainer):
        return ""
    note = T_("gradient_check", "Note: at these parameters E = %1, but this iteration's forward pass computed "
                                "E = %2: a parameter or the loss setting changed since, so backpropagation's "
                                "value belongs to another function.",
              f.num(diff.loss_centre), f.num(trainer.values.loss))
    return f"<br><i>{note}</i>"
