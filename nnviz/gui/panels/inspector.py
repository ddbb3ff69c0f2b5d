"""The equation inspector: the worked arithmetic behind what the user looks at.

With a connection (parameter) selected it shows, for the current iteration, the forward
pass of the neuron the weight feeds, the weight's gradient and its update; with a neuron
selected, the neuron's forward pass, its loss term (output neurons), its delta or split
error and the gradients of the weights into it; with nothing selected, the micro-step
just taken. Hovering a connection, a neuron or a graph node previews it (the
session's ``inspected`` item); moving away brings the selection back. Steps not yet
taken are named as still to come. Numbers follow the session's digits setting. Every line comes from
``nnviz.core.analysis.explain.Explainer`` — the text of ``nnviz trace`` — typeset by
``nnviz.gui.widgets.formula``, so the numbers are the Trainer's own.

"Check gradient" puts a central finite difference (``nnviz.core.analysis.gradcheck``) next to the
backprop value of the selected parameter, so a student can verify the chain rule
(``gradient_check`` writes the report).

Cheap during Play: signals only mark the text stale; it is rebuilt when the widget is
visible, at most once per turn of the event loop (with fewer lines while playing, and
at most every ``PLAY_REFRESH_MS`` while Play uses every frame). So whenever the window
is idle the inspector shows the state the step controls show.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QTextBrowser, QVBoxLayout, QWidget)

from nnviz.core.analysis import gradcheck
from nnviz.core.analysis.explain import Explainer, Line
from nnviz.core.network import Param
from nnviz.core.trainer import MicroStep, Trainer
from nnviz.core.words import T_, fill
from nnviz.gui.panels import gradient_check
from nnviz.gui.widgets import formula
from nnviz.gui.widgets import palette
from nnviz.gui.widgets.palette import mix
from nnviz.gui.widgets.session_view import RebuiltView

# Lines shown for one micro-step (select a neuron or a connection for the rest). Laying out
# rich text costs about 0.7 ms a line, so Play shows fewer.
MAX_LINES = 100
PLAY_MAX_LINES = 30


@dataclass
class _Section:
    """One micro-step's lines in the inspector."""

    step: MicroStep
    lines: list[Line]
    omitted: str = ""  # what was left out beyond the line limit


@dataclass
class _Content:
    title: str  # rich text
    where: str  # rich text: iteration, step, sample
    intro: list[str] = field(default_factory=list)  # rich-text paragraphs before the steps
    sections: list[_Section] = field(default_factory=list)
    to_come: list[str] = field(default_factory=list)  # plain text: "gradient: after Backward · layer 2 of 2"
    empty: str = ""  # shown when there is nothing else


class Inspector(RebuiltView, QWidget):
    """Dock content: a header naming what is shown, a Check gradient button and the
    worked arithmetic in a read-only text browser."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("inspector")
        self._explainer: Explainer | None = None
        self._trainer: Trainer | None = None
        self._shown_key: object = None
        self._shown_moment: object = None
        self._plain = ""
        self._check_html = ""  # the last gradient check, while it still applies
        self._check_key: object = None
        self._header_plain = ""

        self.header = QLabel()
        self.header.setObjectName("inspectorHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.check_button = QPushButton(self.tr("Check gradient"))
        self.check_button.setObjectName("checkGradient")
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self._on_check_clicked)

        self.browser = QTextBrowser()
        self.browser.setObjectName("inspectorText")
        self.browser.setReadOnly(True)
        self.browser.setOpenLinks(False)
        self.browser.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.browser.document().setDocumentMargin(6)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(8)
        top.addWidget(self.header, 1)
        top.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)

        self._apply_fonts()
        self._on_trainer_replaced()

    # ------------------------------------------------------------- wiring
    def _on_trainer_replaced(self) -> None:
        self._trainer = self.session.trainer
        self._explainer = Explainer(self._trainer, self.session.digits)
        self.invalidate()

    def _on_settings_changed(self, name: str) -> None:
        if name == "digits":
            self._explainer = Explainer(self._trainer, self.session.digits)
        self.invalidate()

    def _on_hover_changed(self) -> None:
        self.invalidate()

    def invalidate(self) -> None:
        if self._trainer is None:  # not wired up yet
            self.stale = True
            return
        if self._check_key is not None and self._check_key != self._state_key():
            self._check_html, self._check_key = "", None
        self._update_check_button()
        super().invalidate()

    def _on_palette_changed(self) -> None:
        self.invalidate()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._apply_fonts()
            self.invalidate()

    def _apply_fonts(self) -> None:
        base = QApplication.font()
        size = max(base.pointSizeF(), 9.0)
        text_font = QFont(base)
        text_font.setPointSizeF(max(size + 2.0, 11.5))
        self.browser.setFont(text_font)
        header_font = QFont(base)
        header_font.setPointSizeF(max(size + 1.0, 10.5))
        self.header.setFont(header_font)

    # ---------------------------------------------------------- public API
    def text(self) -> str:
        """The plain text of what is shown: the header and the worked arithmetic."""
        self.refresh_if_stale()
        return f"{self._header_plain}\n{self._plain}"

    # ------------------------------------------------------------ the check
    @property
    def previewing(self) -> bool:
        """Whether the item under the mouse is shown instead of the selection."""
        s = self.session
        return s.hover is not None and s.hover != s.selection

    def _selected_param(self, sel=None) -> Param | None:
        sel = self.session.selection if sel is None else sel
        if sel is None or not sel.is_param:
            return None
        try:
            return self._trainer.network.parse_param(sel.param)
        except ValueError:
            return None

    def _state_key(self) -> tuple:
        t = self._trainer
        sel = self.session.selection
        return (id(t), sel.param if sel is not None else None, t.iteration, t.cursor, id(t.values),
                tuple(map(id, t.network.weights)), tuple(map(id, t.network.biases)), t.backprop, t.loss)

    def _update_check_button(self) -> None:
        p = self._selected_param()
        ok = p is not None and gradcheck.backprop_value(self._trainer, p) is not None
        if self.check_button.isEnabled() != ok:
            self.check_button.setEnabled(ok)
        if p is None:
            tip = self.tr("Select a connection or a bias to check its gradient")
        elif not ok:
            tip = fill(self.tr("The gradient of %1 is computed by %2"), self._display(p),
                       self._step("backward", p.layer).describe(self._trainer.network.n_layers))
        else:
            tip = self.tr("Estimate the gradient numerically, (E(w + h) − E(w − h)) / 2h, and compare it "
                          "with the value backpropagation computed")
        if self.check_button.toolTip() != tip:
            self.check_button.setToolTip(tip)

    def _on_check_clicked(self) -> None:
        p = self._selected_param()
        t = self._trainer
        bp = gradcheck.backprop_value(t, p) if p is not None else None
        if bp is None:
            return
        diff = gradcheck.central_difference(t, p)
        self._check_html = gradient_check.report(t, p, self._display(p), diff, bp, self._explainer.f)
        self._check_key = self._state_key()
        self.refresh()
        self.browser.verticalScrollBar().setValue(0)  # the result is at the top

    # ------------------------------------------------------------- content
    def _display(self, p: Param) -> str:
        return self._trainer.network.display_name(p)

    def _neuron(self, layer: int, unit: int) -> str:
        name = self._trainer.network.neuron_name(layer, unit)
        return name if name else f"a[{layer}][{unit}]"

    def _sample(self) -> int | None:
        v = self._trainer.values
        if v.inputs is None:
            return None
        return min(max(self.session.sample, 0), v.inputs.shape[0] - 1)

    def _has_values(self, step: MicroStep) -> bool:
        v = self._trainer.values
        if v.inputs is None:
            return False
        i = (step.layer or 0) - 1
        if step.phase == "forward":
            return v.net[i] is not None
        if step.phase == "loss":
            return v.per_sample_loss is not None
        if step.phase == "backward":
            return v.errors[i] is not None and v.grad_W[i] is not None
        return v.params_before[i] is not None

    def _taken(self, step: MicroStep) -> bool:
        t = self._trainer
        if t.cursor and step.index >= t.cursor:
            return False
        return self._has_values(step)

    def _step(self, kind: str, layer: int | None) -> MicroStep:
        return next(s for s in self._trainer.steps if s.phase == kind and s.layer == layer)

    def _where(self) -> str:
        t = self._trainer
        L = t.network.n_layers
        n = len(t.steps)
        if t.cursor:
            where = fill(self.tr("iteration %1 · %2 of %3 micro-steps done · next: %4"),
                         t.iteration + 1, t.cursor, n, t.next_step.describe(L))
        elif t.iteration:
            where = fill(self.tr("iteration %1 complete · next: %2 starts iteration %3"),
                         t.iteration, t.next_step.describe(L), t.iteration + 1)
        else:
            where = fill(self.tr("before the first iteration · next: %1"), t.next_step.describe(L))
        s = self._sample()
        v = t.values
        if s is not None and v.inputs.shape[0] > 1:
            row = int(v.batch[s]) if v.batch is not None else s
            where += " · " + fill(self.tr("sample %1 of %2 (data row %3)"), s + 1, v.inputs.shape[0], row + 1)
        return html.escape(where)

    def _limit(self) -> int:
        return PLAY_MAX_LINES if self.session.playing else MAX_LINES

    def _capped(self, step: MicroStep, lines: list[Line]) -> _Section:
        lines = self._dedupe(lines)
        limit = self._limit()
        if len(lines) <= limit:
            return _Section(step, lines)
        return _Section(step, lines[:limit], _more_lines(len(lines) - limit))

    def _lines(self, step: MicroStep, sample: int | None) -> tuple[list[Line], str]:
        """All lines of a step for the focused sample, at most ``_limit()`` of them, and what
        was left out. A big layer is explained unit by unit, so that only the lines
        shown are ever formatted."""
        ex = self._explainer
        v = self._trainer.values
        sizes = self._trainer.network.sizes
        n_units = sizes[-1] if step.layer is None else sizes[step.layer]
        fan_in = 0 if step.layer is None else sizes[step.layer - 1] + 1
        per_unit = {"forward": 2, "loss": 1, "backward": 3 + fan_in, "update": 3 * fan_in}[step.phase]
        limit = self._limit()
        if n_units * per_unit <= limit:
            lines = ex.step(step, sample)
            m = v.inputs.shape[0]
            if step.phase == "loss" and m > 1:  # and the batch's mean, from all the samples
                if m * n_units <= 4 * MAX_LINES:  # cheap enough to ask the core for its line
                    lines += ex.step(step, None)[-1:]  # over all samples, the last line is the mean
                else:
                    lines.append(Line(T_("Inspector", "E = mean over the %n samples = %1", ex.f.num(v.loss), n=m)))
            return self._dedupe(lines), ""
        lines: list[Line] = []
        left = ""
        for j in range(n_units):
            if len(lines) >= limit:
                first = self._neuron(step.layer or len(sizes) - 1, j)
                left = fill(self.tr("the lines of units %1..%2 (from %3 on)"), j + 1, n_units, first)
                break
            for ln in ex.step(step, sample, j):
                if lines and ln.layer is None and ln.text == lines[0].text:
                    continue  # the sample's heading, once
                if not lines or ln.text != lines[-1].text:
                    lines.append(ln)
        if len(lines) > limit:
            cut = _more_lines(len(lines) - limit)
            left = fill(self.tr("%1 and %2"), cut, left) if left else cut
        return lines[:limit], left

    @staticmethod
    def _dedupe(lines: list[Line]) -> list[Line]:
        out: list[Line] = []
        for ln in lines:
            if not out or ln.text != out[-1].text:  # shared names (b1 for both biases) repeat lines
                out.append(ln)
        return out

    def _content(self) -> _Content:
        sizes = self._trainer.network.sizes
        sel = self.session.inspected
        p = self._selected_param(sel)
        if p is not None:
            return self._param_content(p)
        if (sel is not None and not sel.is_param and sel.layer is not None and sel.unit is not None
                and 0 <= sel.layer < len(sizes) and 0 <= sel.unit < sizes[sel.layer]):
            return self._neuron_content(sel.layer, sel.unit)
        return self._step_content()  # nothing (valid) selected

    def _step_content(self) -> _Content:
        t = self._trainer
        L = t.network.n_layers
        step = t.last_step
        if step is None or not self._has_values(step):
            return _Content(
                self.tr("Nothing computed yet"), self._where(),
                empty=fill(self.tr("Next runs %1. Step through the iteration, or click a neuron or a "
                                   "connection to follow its numbers."), t.next_step.describe(L)))
        lines, omitted = self._lines(step, self._sample())
        content = _Content(fill(self.tr("Last micro-step: %1"), html.escape(step.describe(L))), self._where())
        content.sections.append(_Section(step, lines, omitted))
        return content

    def _param_content(self, p: Param) -> _Content:
        t = self._trainer
        net = t.network
        L = net.n_layers
        to = self._neuron(p.layer, p.row)
        name = self._display(p)
        shown = formula.symbol(name) + ("" if name == p.name else f" ({html.escape(p.name)})")
        if p.kind == "W":
            what = fill(self.tr("weight from %1 to %2"), formula.symbol(self._neuron(p.layer - 1, p.col)),
                        formula.symbol(to))
        else:
            what = fill(self.tr("bias of %1"), formula.symbol(to))
        value = fill(self.tr("now %1"), self._explainer.f.num(net.get(p)))
        if t.is_frozen(p):
            value = fill(self.tr("%1 (frozen)"), value)
        content = _Content(f"{shown} · {what} · {value}", self._where())
        sample = self._sample()
        grad_label = self.tr("gradient") if t.backprop == "chain" else self.tr("update direction (split error)")
        for kind, label in (("forward", fill(self.tr("forward pass of %1"), to)), ("backward", grad_label),
                            ("update", self.tr("update"))):
            step = self._step(kind, p.layer)
            if not self._taken(step):
                content.to_come.append(self._after(label, step))
                continue
            lines = self._explainer.step(step, sample, p.row)
            if kind != "forward":
                lines = [ln for ln in lines if ln.param == p.name]
            content.sections.append(self._capped(step, lines))
        return content

    def _neuron_content(self, layer: int, unit: int) -> _Content:
        t = self._trainer
        net = t.network
        L = net.n_layers
        name = formula.symbol(self._neuron(layer, unit))
        kind = self.tr("input") if layer == 0 else self.tr("output neuron") if layer == L else self.tr("hidden neuron")
        content = _Content(fill(self.tr("%1 · %2 (layer %3 of %4, unit %5 of %6)"), name, kind, layer, L,
                                unit + 1, net.sizes[layer]), self._where())
        sample = self._sample()
        if layer == 0:
            v = t.values
            if sample is None:
                content.empty = fill(self.tr("Its value is read from the data when %1 draws the batch."),
                                     self._step("forward", 1).describe(L))
            else:
                x = self._explainer.f.num(v.inputs[sample, unit])
                content.intro.append(fill(self.tr("%1 (an input: read from the data, no formula)"),
                                          formula.to_html(f"{self._explainer.names.out(0, unit)} = {x}")))
            return content
        parts = [("forward", layer, self.tr("forward pass"))]
        if layer == L:
            parts.append(("loss", None, self.tr("loss term")))
        mode = (self.tr("delta and the gradients of its weights") if t.backprop == "chain"
                else self.tr("split error and the update directions of its weights"))
        parts.append(("backward", layer, mode))
        for kind, step_layer, label in parts:
            step = self._step(kind, step_layer)
            if not self._taken(step):
                content.to_come.append(self._after(label, step))
                continue
            content.sections.append(self._capped(step, self._explainer.step(step, sample, unit)))
        return content

    def _after(self, label: str, step: MicroStep) -> str:
        """What is still to come: 'gradient: after Backward · layer 2 of 2'."""
        return fill(self.tr("%1: after %2"), label, step.describe(self._trainer.network.n_layers))

    # ------------------------------------------------------------- rendering
    def rebuild(self) -> None:
        t = self._trainer
        content = self._content()
        muted = self._colors()["muted"]
        header = f"<b>{content.title}</b><br><span style='color:{muted}'>{content.where}</span>"
        if self.previewing:
            note = self.tr("Under the mouse; the selection comes back when it moves away.")
            header += f"<br><span style='color:{muted}'>{note}</span>"
        if self.session.viewing_past:
            note = fill(self.tr("The timeline shows iteration %1; the numbers here are from the live network."),
                        self.session.view_iteration)
            header += f"<br><span style='color:{muted}'>{note}</span>"
        self.header.setText(header)
        self._header_plain = _plain(header)
        doc, plain, latest = self._html(content)
        self._plain = plain

        bar = self.browser.verticalScrollBar()
        shown = (id(t), self.session.inspected, self.session.sample)
        moved = (t.iteration, t.cursor)
        same_view = shown == self._shown_key
        position = bar.value() if same_view else 0
        self.browser.setHtml(doc)
        if same_view and latest and moved != self._shown_moment:
            self.browser.scrollToAnchor("latest")  # follow the step just taken
        else:
            bar.setValue(position)
        self._shown_key, self._shown_moment = shown, moved

    def _colors(self) -> dict[str, str]:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        dark = palette.is_dark(pal)
        accent = QColor(palette.HIGHLIGHT)
        if dark:
            accent = mix(accent, QColor("white"), 0.45)
        return {
            "text": text.name(),
            "muted": mix(text, base, 0.42).name(),
            "heading": mix(text, base, 0.2).name(),
            "accent": accent.name(),
            "check_bg": mix(base, QColor(palette.POSITIVE if not dark else palette.NEGATIVE), 0.14).name(),
        }

    def _html(self, c: _Content) -> tuple[str, str, bool]:
        """The document, its plain text (one line per formula) and whether it has a
        section for the micro-step just taken."""
        col = self._colors()
        t = self._trainer
        L = t.network.n_layers
        last = t.last_step if (t.cursor or t.iteration) else None
        out = [f"<html><body style='color:{col['text']}'>"]
        plain: list[str] = []
        latest = False
        if self._check_html and not self.previewing:
            out.append(f"<table width='100%' cellpadding='6' cellspacing='0' style='margin-bottom:4px'>"
                       f"<tr><td style='background-color:{col['check_bg']}'>{self._check_html}</td></tr></table>")
            plain.append(_plain(self._check_html))
        for para in c.intro:
            out.append(f"<p style='margin:2px 0 6px 0'>{para}</p>")
            plain.append(_plain(para))
        if c.empty:
            out.append(f"<p style='color:{col['muted']}'>{html.escape(c.empty)}</p>")
            plain.append(c.empty)
        for sec in c.sections:
            title = html.escape(sec.step.describe(L))
            tag = ""
            if last is not None and sec.step == last:
                just = self.tr("just computed")
                tag = f" <span style='color:{col['accent']}; font-weight:normal'>— {just}</span>"
                out.append("<a name='latest'></a>")
                latest = True
            out.append(f"<p style='margin:8px 0 2px 0; color:{col['heading']}'><b>{title}</b>{tag}</p>")
            plain.append(_plain(f"{title}{tag}"))
            out.append(self._table(sec.lines, col, plain))
            if sec.omitted:
                more = fill(self.tr("… left out: %1. Click a neuron or a connection to see its own lines."),
                            sec.omitted)
                out.append(f"<p style='color:{col['muted']}'>{html.escape(more)}</p>")
                plain.append(more)
        if c.to_come:
            items = self.tr("; ").join(c.to_come)
            still = self.tr("Still to come")
            out.append(f"<p style='margin-top:8px; color:{col['muted']}'><i>{still}</i> — "
                       f"{html.escape(items)}</p>")
            plain.append(f"{still} — {items}")
        out.append("</body></html>")
        return "".join(out), "\n".join(plain), latest

    @staticmethod
    def _table(lines: list[Line], col: dict[str, str], plain: list[str]) -> str:
        rows = []
        for ln in lines:
            parts = formula.split(ln.text)
            if parts is None:
                style = f" style='color:{col['muted']}'" if ln.layer is None else ""
                cell = formula.to_html(ln.text)
                rows.append(f"<tr><td colspan='2'{style}>{cell}</td></tr>")
                plain.append(_plain(cell))
            else:
                lhs, rhs = parts
                rows.append(f"<tr><td align='right' valign='top' style='white-space:nowrap; padding-left:12px'>"
                            f"{lhs}</td><td valign='top'>{rhs}</td></tr>")
                plain.append(_plain(f"{lhs} {rhs}"))
        return f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>"


def _more_lines(k: int) -> str:
    return T_("Inspector", "%n more lines", n=k)


def _plain(rich: str) -> str:
    return formula.plain_text(rich)
