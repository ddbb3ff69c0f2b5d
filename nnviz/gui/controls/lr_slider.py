"""The learning-rate control: a logarithmic slider from 1e-4 to 10 with a number box kept
in step with it and with the Trainer, both ways, and the regime marks on it.

The marks (``Session.regime_marks``, from ``nnviz.core.analysis.regimes``): a tick at
1/λmax ("zig-zag from here") and one at 2/λmax ("diverges from here"; with momentum μ
at (1 + μ)/λmax and 2(1 + μ)/λmax), the band between them tinted, labelled on a ruler
under the slider; their tooltips give the numbers and the parameters λmax was taken
over. Adagrad, Adam and the proportional mode have no marks: the ruler says so and its
tooltip says why. Marks beyond the slider's end are named at its right end.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QSlider, QStyle, QStyleOptionSlider,
                               QToolTip, QVBoxLayout, QWidget)

from nnviz.core.analysis import regimes
from nnviz.core.words import T_, fill
from nnviz.gui.widgets import palette as pal
from nnviz.gui.widgets.session_view import SessionView

LOW, HIGH = 1e-4, 10.0
STEPS = 1000  # slider positions
MARKS_PLAY_MS = 500  # during Play the marks follow the run at most twice a second
BAND_ALPHA = 60  # the zig-zag band's tint
BEYOND_ALPHA = 28  # the faint tint past the divergence mark


def position_to_value(position: int) -> float:
    """Slider position -> learning rate, rounded to 3 significant digits."""
    exponent = math.log10(LOW) + (math.log10(HIGH) - math.log10(LOW)) * position / STEPS
    value = 10.0 ** exponent
    return float(f"{value:.3g}")


def value_to_position(value: float) -> int:
    value = min(max(value, LOW), HIGH)
    fraction = (math.log10(value) - math.log10(LOW)) / (math.log10(HIGH) - math.log10(LOW))
    return round(fraction * STEPS)


def format_rate(value: float) -> str:
    return f"{value:.4g}"


def slider_x(slider: QSlider, value: float) -> float:
    """The x coordinate (in ``slider``) of the handle's centre at the learning rate ``value``
    (continuous: not rounded to a slider position; clamped to the slider's ends)."""
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    style = slider.style()
    groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, slider)
    handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider)
    value = min(max(value, LOW), HIGH)
    fraction = (math.log10(value) - math.log10(LOW)) / (math.log10(HIGH) - math.log10(LOW))
    return groove.x() + handle.width() / 2 + (groove.width() - handle.width()) * fraction


# ================================================================== texts
def over_text(marks: regimes.Marks) -> str:
    """The parameters λmax was taken over, named (or counted when there are many)."""
    names = marks.params
    return ", ".join(names) if len(names) <= regimes.MAX_NAMED else T_("lr_slider", "all %n parameters that train",
                                                                         n=len(names))


def mark_tips(marks: regimes.Marks) -> tuple[str, str]:
    """The tooltips of the zig-zag and the divergence mark."""
    z, d = marks.formula
    common = T_("lr_slider", "λmax = %1: the largest curvature of the loss (on all samples) over %2; %3.",
                f"{marks.curvature:.4g}", over_text(marks), marks.note)
    if marks.optimizer == "momentum":
        common += " " + T_("lr_slider", "Momentum moves the marks: by (1 + μ) from plain gradient descent's "
                                        "1/λmax and 2/λmax.")
    zig = T_("lr_slider", "Zig-zag from here: %1 = %2. From this rate on each step overshoots the valley's floor "
                          "along the steepest direction, so the steps flip sign; the path still converges.",
             z, f"{marks.zigzag_from:.4g}")
    div = T_("lr_slider", "Diverges from here: %1 = %2. From this rate on each step overshoots by more than it "
                          "corrects: the path swings out wider and wider and the loss grows.",
             d, f"{marks.diverges_from:.4g}")
    return f"{zig} {common}", f"{div} {common}"


def no_marks_text(marks: regimes.Marks) -> tuple[str, str]:
    """(the ruler's words, its tooltip) when there are no marks."""
    if marks.optimizer in ("adagrad", "adam") or marks.reason == regimes.NO_MARKS["proportional"]:
        ruler = (T_("lr_slider", "no regime marks for the proportional mode")
                 if marks.reason == regimes.NO_MARKS["proportional"]
                 else T_("lr_slider", "no regime marks for %1", marks.optimizer))
    else:
        ruler = T_("lr_slider", "no regime marks here")
    return ruler, T_("lr_slider", "No zig-zag or divergence marks: %1", marks.reason_text())


# ============================================================ the marks drawn
class RegimeBand(QWidget):
    """Painted over the slider: the zig-zag band between the two marks tinted (and faintly
    the rates past the divergence mark), a tick at each mark. Transparent to the mouse."""

    def __init__(self, slider: QSlider) -> None:
        super().__init__(slider)
        self.slider = slider
        self.marks: regimes.Marks | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(slider.rect())
        slider.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.slider and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.slider.rect())
        return False

    def set_marks(self, marks: regimes.Marks | None) -> None:
        self.marks = marks if marks is not None and marks.zigzag_from is not None else None
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        m = self.marks
        if m is None or m.zigzag_from > HIGH:
            return
        dark = pal.is_dark(self.palette())
        zig_colour = QColor(pal.REGIME_COLOURS["zigzag"][dark])
        div_colour = QColor(pal.REGIME_COLOURS["diverged"][dark])
        h = self.height()
        x1, x2 = slider_x(self.slider, m.zigzag_from), slider_x(self.slider, m.diverges_from)
        right = slider_x(self.slider, HIGH)
        top, bottom = h / 2 - 7, h / 2 + 7
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        band = QColor(zig_colour)
        band.setAlpha(BAND_ALPHA)
        p.fillRect(QRectF(x1, top, x2 - x1, bottom - top), band)
        if m.diverges_from < HIGH:
            beyond = QColor(div_colour)
            beyond.setAlpha(BEYOND_ALPHA)
            p.fillRect(QRectF(x2, top, right - x2, bottom - top), beyond)
        for x, colour, rate in ((x1, zig_colour, m.zigzag_from), (x2, div_colour, m.diverges_from)):
            if rate <= HIGH:
                p.setPen(QPen(colour, 2))
                p.drawLine(QPointF(x, top - 2), QPointF(x, bottom + 2))
        p.end()


class RulerLabel(NamedTuple):
    rect: QRectF  # where the text is drawn, in the ruler
    text: str
    tip: str
    word: str  # the regime it marks ("zigzag", "diverged"; "" for none)
    at: float | None  # the x of its mark (the slider's, in the ruler), None past the slider's end


class MarksRuler(QWidget):
    """Under the slider: the marks' labels where they sit (or, past the slider's end, at
    its right end), each with its tooltip; without marks, why there are none."""

    def __init__(self, slider: QSlider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = slider
        self.marks: regimes.Marks | None = None
        self.labels: list[RulerLabel] = []
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        self.setFont(font)
        self.setFixedHeight(self.fontMetrics().height() + 2)
        self.setMouseTracking(True)

    def set_marks(self, marks: regimes.Marks | None) -> None:
        self.marks = marks
        self._layout()
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        """Where each label goes: its ▲ under its mark, the text to the right (the zig-zag
        label's to the left when the two would overlap), or past the slider's end at the
        ruler's right end."""
        m = self.marks
        fm = self.fontMetrics()
        h = float(self.height())
        self.labels = []
        if m is None:
            return
        if m.zigzag_from is None:
            text, tip = no_marks_text(m)
            w = fm.horizontalAdvance(text) + 4
            self.labels = [RulerLabel(QRectF(self.width() - w, 0, w, h), text, tip, "", None)]
            return
        zig_tip, div_tip = mark_tips(m)
        marks = [(m.zigzag_from, fill(self.tr("zig-zag from %1"), f"{m.zigzag_from:.3g}"), zig_tip, "zigzag"),
                 (m.diverges_from, fill(self.tr("diverges from %1"), f"{m.diverges_from:.3g}"), div_tip, "diverged")]
        offset = self.slider.x() - self.x()  # the slider's left edge in this widget (same parent)
        half = fm.horizontalAdvance("▲") / 2
        for rate, words, tip, word in marks:
            if rate <= HIGH:
                x = offset + slider_x(self.slider, rate)
                text = f"▲ {words}"
                self.labels.append(RulerLabel(QRectF(x - half, 0, fm.horizontalAdvance(text) + 4, h), text, tip,
                                              word, x))
        if len(self.labels) == 2 and self.labels[0].rect.right() > self.labels[1].rect.left():
            first = self.labels[0]  # too close: the zig-zag label ends at its mark
            text = f"{marks[0][1]} ▲"
            w = fm.horizontalAdvance(text) + 4
            self.labels[0] = first._replace(rect=QRectF(first.at + half - w, 0, w, h), text=text)
        beyond = [item for item in marks if item[0] > HIGH]
        if beyond:
            text = self.tr(", ").join(words for _, words, _, _ in beyond) + " ▶"
            w = fm.horizontalAdvance(text) + 4
            where = (self.tr("Both lie beyond the slider's end (%1).") if len(beyond) == 2
                     else self.tr("This lies beyond the slider's end (%1)."))
            tip = "\n\n".join(t for _, _, t, _ in beyond) + "\n\n" + fill(where, f"{HIGH:g}")
            self.labels.append(RulerLabel(QRectF(self.width() - w, 0, w, h), text, tip, beyond[-1][3], None))

    def tip_at(self, x: float) -> str:
        for label in self.labels:
            if label.rect.left() <= x <= label.rect.right():
                return label.tip
        return ""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tip_at(event.position().x() if hasattr(event, "position") else event.pos().x())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.labels:
            return
        dark = pal.is_dark(self.palette())
        p = QPainter(self)
        p.setFont(self.font())
        faint = QColor(pal.text_color(self.palette()))
        faint.setAlpha(150)
        for label in self.labels:
            p.setPen(QColor(pal.REGIME_COLOURS[label.word][dark]) if label.word else faint)
            p.drawText(label.rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label.text)
        p.end()


# ============================================================== the control
class LearningRateControl(SessionView, QWidget):
    """Writes to the Trainer through the Session; follows the Trainer's setting and its
    regime marks."""

    previewed = Signal(float)  # the rate under the slider while it is dragged
    marksChanged = Signal(object)  # the regime marks shown (a regimes.Marks)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("learningRateControl")
        title = QLabel(self.tr("Learning rate"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, STEPS)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(100)
        self.slider.setMinimumWidth(220)
        self.slider.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._slider_tip = self.tr("Learning rate on a logarithmic scale; the new rate applies from the next update")
        self.slider.setToolTip(self._slider_tip)
        self.box = QLineEdit()
        self.box.setMaximumWidth(90)
        self.box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # arrow keys and Space step the network
        self.box.setToolTip(fill(self.tr("Type a learning rate between %1 and %2, then Enter"),
                                 f"{LOW:g}", f"{HIGH:g}"))
        self.band = RegimeBand(self.slider)
        self.ruler = MarksRuler(self.slider)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.slider)
        column.addWidget(self.ruler)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(QLabel(f"{LOW:g}"))
        layout.addLayout(column, 1)
        layout.addWidget(QLabel(f"{HIGH:g}"))
        layout.addWidget(self.box)
        self.marks: regimes.Marks | None = None

        self.slider.valueChanged.connect(self._on_slider_moved)
        self.box.editingFinished.connect(self._on_box_edited)
        self._marks_throttle = self.throttle(self._update_marks, MARKS_PLAY_MS)
        self._on_trainer_replaced()

    @property
    def value(self) -> float:
        return self.session.trainer.learning_rate

    def _show(self, value: float) -> None:
        for widget in (self.slider, self.box):
            widget.blockSignals(True)
        self.slider.setValue(value_to_position(value))
        self.box.setText(format_rate(value))
        for widget in (self.slider, self.box):
            widget.blockSignals(False)

    # ------------------------------------------------------------- session
    def _on_trainer_replaced(self) -> None:
        self._show(self.session.trainer.learning_rate)
        self.schedule(self._marks_throttle, 0)

    def _on_settings_changed(self, name: str) -> None:
        if name == "learning_rate":
            self._show(self.session.trainer.learning_rate)
        else:  # the optimizer, the frozen set, the loss ... move the marks
            self.schedule(self._marks_throttle, 0)

    def _on_state_changed(self) -> None:
        self.schedule(self._marks_throttle, MARKS_PLAY_MS if self.session.playing else 0)

    def _on_slider_moved(self, position: int) -> None:
        value = position_to_value(position)
        self.previewed.emit(value)
        self.session.set_learning_rate(value)

    def _on_box_edited(self) -> None:
        text = self.box.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (LOW <= value <= HIGH):
            self.session.notify(fill(self.tr("Learning rate: expected a number from %1 to %2, got %3"),
                                     f"{LOW:g}", f"{HIGH:g}", repr(text)))
            self._show(self.session.trainer.learning_rate)
            return
        self.session.set_learning_rate(value)

    # --------------------------------------------------------------- marks
    def _update_marks(self) -> None:
        marks = self.session.regime_marks()
        if marks is self.marks:
            return
        self.marks = marks
        self.band.set_marks(marks)
        self.ruler.set_marks(marks)
        if marks.zigzag_from is None:
            tip = no_marks_text(marks)[1]
        else:
            tip = "\n".join(mark_tips(marks))
        self.slider.setToolTip(f"{self._slider_tip}\n\n{tip}")
        self.marksChanged.emit(marks)

    def refresh_marks(self) -> None:
        """Bring the marks up to date now (a pending update runs at once)."""
        self._marks_throttle.cancel()
        self._update_marks()

    def _on_palette_changed(self) -> None:
        self.band.update()
        self.ruler.update()
