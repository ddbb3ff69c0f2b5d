"""Training options for a dock: optimizer and its parameters, batch mode, loss, backprop
mode, stopping rules, frozen biases and the initialisation lessons.

Every control writes through the Session (``configure``, ``freeze_biases``,
``set_stop_rules``, ``start_lesson``) and follows the Trainer back: ``settingsChanged``
and ``trainerReplaced`` rewrite the controls with their signals blocked, so nothing
echoes back into the core. A setting the core refuses is reported in the status bar and
the control shows the Trainer's value again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel, QValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from nnviz.app.session import LESSONS
from nnviz.core import losses
from nnviz.core.words import N_, fill, translate
from nnviz.gui.panels.schedule_strip import SCHEDULES
from nnviz.gui.widgets.session_view import SessionView

OPTIMIZERS = [("sgd", "SGD"), ("momentum", "Momentum"), ("adagrad", "Adagrad"), ("adam", "Adam")]
OPTIMIZER_PARAMS = ("momentum", "beta1", "beta2", "eps")  # every parameter any optimizer takes
PARAM_LABELS = {"momentum": N_("TrainingPanel", "Momentum"), "beta1": "β₁", "beta2": "β₂", "eps": "ε"}
PARAM_TIPS = {
    "momentum": N_("TrainingPanel", "Momentum: v = momentum·v + g, step = rate·v (0 is plain SGD)"),
    "beta1": N_("TrainingPanel", "Adam β₁: decay of the running mean of the gradient"),
    "beta2": N_("TrainingPanel", "Adam β₂: decay of the running mean of the squared gradient"),
    "eps": N_("TrainingPanel", "ε: added to the square root in the denominator, so it never divides by 0"),
}
BATCH_MODES = [("full", N_("TrainingPanel", "Full batch")), ("online", N_("TrainingPanel", "Online (one sample)")),
               ("mini", N_("TrainingPanel", "Mini-batch"))]
LOSSES = [("half_sse", N_("TrainingPanel", "½ sum of squares")), ("mse", N_("TrainingPanel", "Mean squared error")),
          ("cross_entropy", N_("TrainingPanel", "Cross-entropy"))]
BACKPROP = [("chain", N_("TrainingPanel", "Chain rule")), ("proportional", N_("TrainingPanel", "Proportional split"))]
SCHEDULE_PARAMS = {  # name: (label, low, high, step, decimals, tip)
    "step_size": (N_("TrainingPanel", "Every"), 1, 10**6, 10, 0,
                  N_("TrainingPanel", "Step decay: multiply the rate by γ every N iterations")),
    "gamma": ("γ", 0.001, 1.0, 0.01, 4,
              N_("TrainingPanel", "Step decay: the factor every N iterations; exponential: rate·γ^t")),
    "decay": (N_("TrainingPanel", "Decay"), 0.0, 100.0, 0.001, 4, N_("TrainingPanel", "1/t: rate / (1 + decay·t)")),
}
SCHEDULE_USES = {"constant": (), "step": ("step_size", "gamma"), "exponential": ("gamma",),
                 "inverse": ("decay",)}
MAX_ITERATIONS = 10**9


class SciSpinBox(QDoubleSpinBox):
    """A spin box for numbers over many decades (ε, a loss threshold): shown with %g,
    typed in any float notation, the arrows multiply or divide by 10."""

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(15)
        self.setRange(low, high)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # noqa: N802
        return f"{value:.3g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            value = float(text)
        except ValueError:
            ok = all(c in "0123456789.eE+-" for c in text)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        value = self.value() or self.minimum() or 1.0
        self.setValue(min(max(value * 10.0 ** steps, self.minimum()), self.maximum()))


def _combo(items, context: str = "TrainingPanel") -> QComboBox:
    """A combo box of (key, text marked in ``context``) items."""
    box = QComboBox()
    for key, text in items:
        box.addItem(translate(context, text), key)
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return box


def _select(box: QComboBox, key) -> None:
    i = box.findData(key)
    if i >= 0:
        box.setCurrentIndex(i)


class TrainingPanel(SessionView, QWidget):
    """The training options; give it the Session, put it in a dock."""

    sweepRequested = Signal()  # the window opens the learning-rate sweep

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("trainingPanel")
        self._updating = False

        # --------------------------------------------------------- optimizer
        self.optimizer_combo = _combo(OPTIMIZERS)
        self.optimizer_combo.setToolTip(self.tr("How a gradient becomes a step"))
        self.param_spins: dict[str, QDoubleSpinBox] = {}
        self.param_labels: dict[str, QLabel] = {}
        for name in OPTIMIZER_PARAMS:
            if name == "eps":
                spin = SciSpinBox(1e-15, 1.0)
            else:
                spin = QDoubleSpinBox()
                spin.setDecimals(4)
                spin.setRange(0.0, 0.9999)
                spin.setSingleStep(0.01 if name != "beta2" else 0.001)
                spin.setKeyboardTracking(False)
            tip = translate("TrainingPanel", PARAM_TIPS[name])
            spin.setToolTip(tip)
            spin.setObjectName(f"{name}Spin")
            self.param_spins[name] = spin
            self.param_labels[name] = QLabel(translate("TrainingPanel", PARAM_LABELS[name]))
            self.param_labels[name].setToolTip(tip)

        opt_box = QGroupBox(self.tr("Optimizer"))
        opt_form = QFormLayout(opt_box)
        _compact(opt_form)
        opt_form.addRow(self.tr("Method"), self.optimizer_combo)
        for name in OPTIMIZER_PARAMS:
            opt_form.addRow(self.param_labels[name], self.param_spins[name])
        self._opt_form = opt_form

        # Learning-rate schedule: only when the core has one.
        self.schedule_combo: QComboBox | None = None
        self.schedule_spins: dict[str, QSpinBox | QDoubleSpinBox] = {}
        if self._has_schedule():
            self._build_schedule(opt_form)

        # ------------------------------------------------------------ batches
        self.batch_combo = _combo(BATCH_MODES)
        self.batch_combo.setToolTip(self.tr("Samples per update: all of them, one at a time, or N"))
        self.batch_size_spin = QSpinBox()
        self.batch_size_spin.setRange(1, 1)
        self.batch_size_spin.setKeyboardTracking(False)
        self.batch_size_spin.setToolTip(self.tr("Samples in one mini-batch"))
        self.batch_size_spin.setPrefix("N = ")
        self.batch_size_spin.setMinimumWidth(80)
        self.shuffle_check = QCheckBox(self.tr("Shuffle"))
        self.shuffle_check.setToolTip(self.tr("Draw the samples in a new random order every epoch"))
        batch_row = QHBoxLayout()
        batch_row.setContentsMargins(0, 0, 0, 0)
        batch_row.addWidget(self.batch_combo, 1)
        batch_row.addWidget(self.batch_size_spin)

        # ------------------------------------------------- loss and gradients
        self.loss_combo = _combo(LOSSES)
        self.loss_combo.setToolTip(self.tr("What the network minimises"))
        self.backprop_combo = _combo(BACKPROP)
        self.backprop_combo.setToolTip(self.tr(
            "Chain rule: the exact gradient. Proportional split: each neuron's error shared "
            "among its inputs in proportion to the weights (not a gradient)"))
        self.freeze_biases_check = QCheckBox(self.tr("Freeze all biases"))
        self.freeze_biases_check.setToolTip(self.tr("Train the weights only; the biases keep their values"))

        train_box = QGroupBox(self.tr("Training"))
        train_form = QFormLayout(train_box)
        _compact(train_form)
        train_form.addRow(self.tr("Batch"), batch_row)
        train_form.addRow("", self.shuffle_check)
        train_form.addRow(self.tr("Loss"), self.loss_combo)
        train_form.addRow(self.tr("Backprop"), self.backprop_combo)
        train_form.addRow("", self.freeze_biases_check)

        # ------------------------------------------------------ stopping rules
        self.until_loss_check = QCheckBox(self.tr("Loss below"))
        self.until_loss_check.setToolTip(self.tr("Play stops when the loss of an iteration falls below this"))
        self.until_loss_spin = SciSpinBox(1e-12, 1e6)
        self.until_loss_spin.setValue(1e-3)
        self.max_iter_check = QCheckBox(self.tr("Iterations"))
        self.max_iter_check.setToolTip(self.tr("Play stops when the iteration counter reaches this"))
        self.max_iter_spin = QSpinBox()
        self.max_iter_spin.setRange(1, MAX_ITERATIONS)
        self.max_iter_spin.setValue(1000)
        self.max_iter_spin.setKeyboardTracking(False)
        self.max_iter_spin.setGroupSeparatorShown(True)
        stop_box = QGroupBox(self.tr("Play stops at"))
        stop_form = QFormLayout(stop_box)
        _compact(stop_form)
        stop_form.addRow(self.until_loss_check, self.until_loss_spin)
        stop_form.addRow(self.max_iter_check, self.max_iter_spin)

        # ------------------------------------------------ initialisation lessons
        self.zeros_button = QPushButton(self.tr("Zeros"))
        self.zeros_button.setToolTip(self.tr("Start again with every weight and bias 0"))
        self.large_button = QPushButton(self.tr("Large"))
        self.large_button.setToolTip(self.tr("Start again with weights and biases uniform in [-10, 10]"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Start again from the initial weights used before the lesson"))
        self.lesson_label = QLabel()
        self.lesson_label.setWordWrap(True)
        self.lesson_label.setObjectName("lessonLabel")
        font = self.lesson_label.font()
        font.setItalic(True)
        self.lesson_label.setFont(font)
        lesson_box = QGroupBox(self.tr("Initialisation lessons"))
        lesson_layout = QVBoxLayout(lesson_box)
        lesson_layout.setContentsMargins(6, 4, 6, 4)
        lesson_layout.setSpacing(4)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for b in (self.zeros_button, self.large_button, self.restore_button):
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            buttons.addWidget(b)
        lesson_layout.addLayout(buttons)
        lesson_layout.addWidget(self.lesson_label)

        self.sweep_button = QPushButton(self.tr("Learning-rate sweep…"))
        self.sweep_button.setToolTip(self.tr("Train copies at many learning rates from here and pick the best "
                                             "(its result sets the learning rate with one click)"))
        self.sweep_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.sweep_button.clicked.connect(self.sweepRequested)
        rate_box = QGroupBox(self.tr("Learning-rate lessons"))
        rate_layout = QVBoxLayout(rate_box)
        rate_layout.setContentsMargins(6, 4, 6, 4)
        rate_layout.addWidget(self.sweep_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        for box in (opt_box, train_box, stop_box, lesson_box, rate_box):
            layout.addWidget(box)
        layout.addStretch(1)

        # ------------------------------------------------------------ wiring
        self.optimizer_combo.activated.connect(self._on_optimizer_chosen)
        for spin in self.param_spins.values():
            spin.valueChanged.connect(self._on_optimizer_param)
        self.batch_combo.activated.connect(self._on_batch)
        self.batch_size_spin.valueChanged.connect(self._on_batch)
        self.shuffle_check.toggled.connect(self._on_shuffle)
        self.loss_combo.activated.connect(self._on_loss)
        self.backprop_combo.activated.connect(self._on_backprop)
        self.freeze_biases_check.toggled.connect(self._on_freeze_biases)
        self.until_loss_check.toggled.connect(self._on_stop_rules)
        self.until_loss_spin.valueChanged.connect(self._on_stop_rules)
        self.max_iter_check.toggled.connect(self._on_stop_rules)
        self.max_iter_spin.valueChanged.connect(self._on_stop_rules)
        self.zeros_button.clicked.connect(lambda: self.start_lesson("zeros"))
        self.large_button.clicked.connect(lambda: self.start_lesson("large"))
        self.restore_button.clicked.connect(lambda: self.start_lesson(None))
        self._on_trainer_replaced()

    # ------------------------------------------------------------- helpers
    @property
    def trainer(self):
        return self.session.trainer

    def _has_schedule(self) -> bool:
        return hasattr(self.session.trainer.settings, "schedule")

    def _configure(self, **changes) -> bool:
        if self._updating:
            return False
        if not self.session.configure(**changes):
            self.refresh()
            return False
        return True

    def _blocked(self):
        return _Blocker([self.optimizer_combo, *self.param_spins.values(), self.batch_combo,
                         self.batch_size_spin, self.shuffle_check, self.loss_combo, self.backprop_combo,
                         self.freeze_biases_check, self.until_loss_check, self.until_loss_spin,
                         self.max_iter_check, self.max_iter_spin,
                         *([self.schedule_combo] if self.schedule_combo else []),
                         *self.schedule_spins.values()])

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Show every setting of the Trainer and the Session (signals blocked)."""
        t = self.trainer
        s = t.settings
        self._updating = True
        try:
            with self._blocked():
                opt = s.optimizer
                _select(self.optimizer_combo, opt.name)
                for name, spin in self.param_spins.items():
                    shown = name in opt.params
                    self._opt_form.setRowVisible(spin, shown)
                    if shown:
                        spin.setValue(opt.params[name])
                n = t.n_samples
                self.batch_size_spin.setRange(1, max(n, 1))
                if s.batch in ("full", "online"):
                    _select(self.batch_combo, s.batch)
                    self.batch_size_spin.setEnabled(False)
                    self.batch_size_spin.setValue(max(1, min(n, max(2, n // 2))) if s.batch == "full" else 1)
                else:
                    _select(self.batch_combo, "mini")
                    self.batch_size_spin.setEnabled(True)
                    self.batch_size_spin.setValue(min(int(s.batch), n))
                self.shuffle_check.setChecked(s.shuffle)
                self._show_loss_choices()
                _select(self.loss_combo, s.loss)
                _select(self.backprop_combo, s.backprop)
                biases = [p.name for p in t.network.params() if p.kind == "b"]
                self.freeze_biases_check.setChecked(bool(biases) and all(b in s.frozen for b in biases))
                self.until_loss_check.setChecked(self.session.until_loss is not None)
                if self.session.until_loss is not None:
                    self.until_loss_spin.setValue(self.session.until_loss)
                self.max_iter_check.setChecked(self.session.max_iterations is not None)
                if self.session.max_iterations is not None:
                    self.max_iter_spin.setValue(self.session.max_iterations)
                self.until_loss_spin.setEnabled(self.until_loss_check.isChecked())
                self.max_iter_spin.setEnabled(self.max_iter_check.isChecked())
                if self.schedule_combo is not None:
                    self._show_schedule()
        finally:
            self._updating = False
        self._show_lesson()

    def _show_loss_choices(self) -> None:
        out = self.trainer.network.activations[-1]
        model: QStandardItemModel = self.loss_combo.model()
        for row in range(self.loss_combo.count()):
            name = self.loss_combo.itemData(row)
            item = model.item(row)
            try:
                losses.get(name, out)
            except ValueError as exc:
                item.setEnabled(False)
                item.setToolTip(fill(self.tr("%1; the output layer is %2"), exc, out.name))
            else:
                item.setEnabled(True)
                item.setToolTip("")

    def loss_enabled(self, name: str) -> bool:
        """Whether the loss ``name`` can be chosen for the current output layer."""
        item = self.loss_combo.model().item(self.loss_combo.findData(name))
        return item.isEnabled()

    def _show_lesson(self) -> None:
        lesson = self.session.lesson
        self.lesson_label.setText(translate("Session", LESSONS.get(lesson, "")))  # marked in nnviz.app.session
        self.lesson_label.setVisible(lesson is not None)
        self.restore_button.setEnabled(lesson is not None)

    def _on_trainer_replaced(self) -> None:
        self.refresh()

    def _on_state_changed(self) -> None:
        self._show_lesson()

    def _on_settings_changed(self, name: str) -> None:
        self.refresh()

    # -------------------------------------------------------------- writing
    def _on_optimizer_chosen(self, index: int) -> None:
        name = self.optimizer_combo.itemData(index)
        if name != self.trainer.optimizer.name:
            self._configure(optimizer=name)
        self.refresh()

    def _on_optimizer_param(self, *_):
        if self._updating:
            return
        opt = self.trainer.optimizer
        params = {k: self.param_spins[k].value() for k in opt.params}
        self._configure(optimizer=opt.name, optimizer_params=params)

    def _on_batch(self, *_) -> None:
        if self._updating:
            return
        mode = self.batch_combo.currentData()
        self.batch_size_spin.setEnabled(mode == "mini")
        batch = self.batch_size_spin.value() if mode == "mini" else mode
        self._configure(batch=batch)

    def _on_shuffle(self, checked: bool) -> None:
        self._configure(shuffle=bool(checked))

    def _on_loss(self, index: int) -> None:
        self._configure(loss=self.loss_combo.itemData(index))

    def _on_backprop(self, index: int) -> None:
        self._configure(backprop=self.backprop_combo.itemData(index))

    def _on_freeze_biases(self, checked: bool) -> None:
        if not self._updating and not self.session.freeze_biases(bool(checked)):
            self.refresh()

    def _on_stop_rules(self, *_) -> None:
        if self._updating:
            return
        self.session.set_stop_rules(
            self.until_loss_spin.value() if self.until_loss_check.isChecked() else None,
            self.max_iter_spin.value() if self.max_iter_check.isChecked() else None)

    def start_lesson(self, scheme: str | None) -> None:
        """Start again from the ``scheme`` initialisation ('zeros' or 'large'); None goes
        back to the initial weights from before the lesson."""
        if scheme is None:
            self.session.end_lesson()
        else:
            self.session.start_lesson(scheme)

    # ------------------------------------------------------------- schedule
    def _build_schedule(self, form: QFormLayout) -> None:
        self.schedule_combo = _combo(SCHEDULES, "ScheduleStrip")
        self.schedule_combo.setToolTip(self.tr("How the applied learning rate follows the iteration count t"))
        form.addRow(self.tr("Rate schedule"), self.schedule_combo)
        for name, (label, low, high, step, decimals, tip) in SCHEDULE_PARAMS.items():
            spin = QSpinBox() if name == "step_size" else QDoubleSpinBox()
            if name != "step_size":
                spin.setDecimals(decimals)
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setKeyboardTracking(False)
            tip = translate("TrainingPanel", tip)
            spin.setToolTip(tip)
            spin.setObjectName(f"schedule_{name}Spin")
            if name == "step_size":
                spin.setSuffix(self.tr(" iterations"))
            self.schedule_spins[name] = spin
            lab = QLabel(translate("TrainingPanel", label))
            lab.setToolTip(tip)
            self.param_labels["schedule_" + name] = lab
            form.addRow(lab, spin)
            spin.valueChanged.connect(self._on_schedule)
        self.schedule_combo.activated.connect(self._on_schedule)

    def _show_schedule(self) -> None:
        sched = self.trainer.settings.schedule
        kind = getattr(sched, "kind", "constant")
        _select(self.schedule_combo, kind)
        for name, spin in self.schedule_spins.items():
            shown = name in SCHEDULE_USES.get(kind, ())
            self._opt_form.setRowVisible(spin, shown)
            spin.setValue(getattr(sched, name, spin.value()))

    def _on_schedule(self, *_) -> None:
        if self._updating:
            return
        value = {"kind": self.schedule_combo.currentData()}
        for name, spin in self.schedule_spins.items():
            value[name] = int(spin.value()) if name == "step_size" else float(spin.value())
        self._configure(schedule=value)
        self.refresh()


class _Blocker:
    def __init__(self, widgets) -> None:
        self.widgets = widgets

    def __enter__(self):
        self.old = [w.blockSignals(True) for w in self.widgets]
        return self

    def __exit__(self, *exc):
        for w, old in zip(self.widgets, self.old):
            w.blockSignals(old)
        return False


def _compact(form: QFormLayout) -> None:
    form.setContentsMargins(6, 4, 6, 4)
    form.setHorizontalSpacing(6)
    form.setVerticalSpacing(3)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
