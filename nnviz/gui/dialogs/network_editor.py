"""The network editor: a dialog to change the layers, each layer's activation, the
initialisation scheme and the seed. OK builds a new Trainer on the same data (keeping
the learning rate, optimizer, loss where it still fits, backprop mode, batch mode and
schedule) and hands it to the Session; Cancel changes nothing.

The input and output sizes come from the data set. The limits (``recipes.check_size``)
are checked on the numbers typed, before any array is allocated: at most
``MAX_HIDDEN_LAYERS`` hidden layers of 1 to ``MAX_NEURONS`` neurons each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QPushButton, QSpinBox, QToolButton, QVBoxLayout,
                               QWidget)

from nnviz.core import recipes
from nnviz.core import trainer as trainer_mod
from nnviz.core.analysis.summary import frozen_words
from nnviz.core.network import INIT_SCHEMES
from nnviz.core.recipes import MAX_HIDDEN_LAYERS, MAX_NEURONS, OUTPUT_ONLY
from nnviz.core.words import N_, T_, fill, translate
from nnviz.gui.widgets.forms import ErrorLine, ok_cancel
from nnviz.gui.widgets.session_view import SessionView

SPIN_MAX = 9999  # what a spin box accepts; anything above MAX_NEURONS is refused with a message
HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")
OUTPUT_ACTIVATIONS = HIDDEN_ACTIVATIONS + ("softmax",)
INIT_TIPS = {
    "uniform": N_("NetworkEditor", "weights and biases uniform in [-1, 1]"),
    "normal": N_("NetworkEditor", "weights normal × 0.1, biases 0"),
    "xavier": N_("NetworkEditor", "Xavier/Glorot: uniform in ±√(6 / (n_in + n_out)), biases 0"),
    "he": N_("NetworkEditor", "He: normal with std √(2 / n_in), biases 0"),
    "zeros": N_("NetworkEditor", "everything 0: every hidden unit stays identical for ever (a lesson)"),
    "large": N_("NetworkEditor", "uniform in [-10, 10]: sigmoids saturate, gradients vanish (a lesson)"),
}
DEFAULT_HIDDEN = 4  # neurons in a newly added hidden layer (the last hidden size if there is one)


def check_limits(sizes, n_samples: int | None = None) -> str | None:
    """The message for a network beyond ``recipes.check_size``'s limits, or None."""
    try:
        recipes.check_size(sizes, n_samples)
    except ValueError as exc:
        return str(exc)[:1].upper() + str(exc)[1:]
    return None


class NetworkEditor(SessionView, QDialog):
    """Edit the network of ``session.trainer``; ``exec()`` it, or ``open()`` it."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Network editor"))
        self.setObjectName("networkEditor")
        t = session.trainer
        self.n_inputs = t.dataset.n_inputs
        self.n_outputs = t.dataset.n_outputs
        net = t.network
        self._hidden: list[int] = list(net.sizes[1:-1])
        self._acts: list[str] = list(net.activation_names)  # one per weight layer
        self.new_trainer = None
        self.frozen_note = ""  # what became of the frozen parameters (summary.frozen_words)

        inputs = T_("NetworkEditor", "%n inputs", n=self.n_inputs)
        outputs = T_("NetworkEditor", "%n outputs", n=self.n_outputs)
        intro = QLabel(fill(self.tr("Data: %1 — %2, %3 (fixed by the data)"),
                            t.dataset.name or self.tr("current data set"), inputs, outputs))
        intro.setWordWrap(True)
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(8)
        self.rows.setVerticalSpacing(4)
        rows_host = QWidget()
        rows_host.setLayout(self.rows)

        self.add_button = QPushButton(self.tr("Add hidden layer"))
        self.add_button.setToolTip(fill(self.tr("Add a hidden layer before the output (at most %1)"), MAX_HIDDEN_LAYERS))
        self.add_button.clicked.connect(self.add_hidden_layer)

        self.init_combo = QComboBox()
        for name in INIT_SCHEMES:
            self.init_combo.addItem(name, name)
            self.init_combo.setItemData(self.init_combo.count() - 1, self._init_tip(name),
                                        Qt.ItemDataRole.ToolTipRole)
        scheme = t.init_scheme if t.init_scheme in INIT_SCHEMES else "uniform"
        self.init_combo.setCurrentIndex(self.init_combo.findData(scheme))
        self.init_combo.setToolTip(self.tr("How the weights and biases are drawn"))
        self.init_tip = QLabel()
        self.init_tip.setWordWrap(True)
        self.init_combo.currentIndexChanged.connect(self._show_init_tip)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(int(t.seed) % 2**31)
        self.seed_spin.setToolTip(self.tr("The seed of the initialisation and of the batch shuffling"))

        form = QFormLayout()
        form.addRow(self.tr("Initialisation"), self.init_combo)
        form.addRow("", self.init_tip)
        form.addRow(self.tr("Seed"), self.seed_spin)

        self.error_label = ErrorLine("editorError")
        self.summary_label = QLabel()
        self.buttons = ok_cancel(self, self.tr("Build network"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(rows_host)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.size_spins: list[QSpinBox] = []  # one per hidden layer
        self.act_combos: list[QComboBox] = []  # one per weight layer
        self.remove_buttons: list[QToolButton] = []
        self._rebuild_rows()
        self._show_init_tip()

    # ----------------------------------------------------------------- rows
    def _rebuild_rows(self) -> None:
        while self.rows.count():
            w = self.rows.takeAt(0).widget()
            if w is not None:
                w.setParent(None)
                w.deleteLater()
        self.size_spins, self.act_combos, self.remove_buttons = [], [], []
        for col, text in enumerate((self.tr("Layer"), self.tr("Neurons"), self.tr("Activation"), "")):
            head = QLabel(f"<b>{text}</b>")
            self.rows.addWidget(head, 0, col)
        self.rows.addWidget(QLabel(self.tr("Input")), 1, 0)
        self.rows.addWidget(self._fixed_size(self.n_inputs), 1, 1)
        self.rows.addWidget(QLabel("—"), 1, 2)
        L = len(self._hidden) + 1
        for i, n in enumerate(self._hidden):
            r = i + 2
            self.rows.addWidget(QLabel(fill(self.tr("Hidden %1"), i + 1)), r, 0)
            spin = QSpinBox()
            spin.setRange(0, SPIN_MAX)
            spin.setValue(n)
            spin.setKeyboardTracking(True)
            spin.setToolTip(fill(self.tr("Neurons in hidden layer %1 (1 to %2)"), i + 1, MAX_NEURONS))
            spin.setObjectName(f"hidden{i + 1}Spin")
            spin.valueChanged.connect(lambda v, i=i: self._on_size(i, v))
            self.size_spins.append(spin)
            self.rows.addWidget(spin, r, 1)
            self.rows.addWidget(self._act_combo(i, output=False), r, 2)
            rm = QToolButton()
            rm.setText(self.tr("Remove"))
            rm.setToolTip(fill(self.tr("Remove hidden layer %1"), i + 1))
            rm.clicked.connect(lambda _=False, i=i: self.remove_hidden_layer(i))
            self.remove_buttons.append(rm)
            self.rows.addWidget(rm, r, 3)
        r = L + 1
        self.rows.addWidget(QLabel(self.tr("Output")), r, 0)
        self.rows.addWidget(self._fixed_size(self.n_outputs), r, 1)
        self.rows.addWidget(self._act_combo(L - 1, output=True), r, 2)
        for k in range(self.rows.count()):  # widgets added to a shown dialog show at once
            self.rows.itemAt(k).widget().show()
        self._validate_live()

    def _fixed_size(self, n: int) -> QLabel:
        label = QLabel(str(n))
        label.setToolTip(self.tr("Fixed by the data set"))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _act_combo(self, index: int, output: bool) -> QComboBox:
        box = QComboBox()
        names = OUTPUT_ACTIVATIONS if output else HIDDEN_ACTIVATIONS
        for name in names:
            box.addItem(name, name)
        if output and self.n_outputs < 2:
            i = box.findData("softmax")
            box.model().item(i).setEnabled(False)
            box.setItemData(i, self.tr("softmax needs at least 2 outputs"), Qt.ItemDataRole.ToolTipRole)
        current = self._acts[index]
        if current in OUTPUT_ONLY and not output:
            current = "sigmoid"
        if box.findData(current) < 0:
            current = names[0]
        self._acts[index] = current
        box.setCurrentIndex(box.findData(current))
        box.setToolTip(self.tr("Activation of the output layer") if output
                       else fill(self.tr("Activation of hidden layer %1"), index + 1))
        box.currentIndexChanged.connect(lambda _, i=index, b=box: self._on_act(i, b.currentData()))
        self.act_combos.append(box)
        return box

    def _on_size(self, i: int, value: int) -> None:
        self._hidden[i] = int(value)
        self._validate_live()

    def _on_act(self, i: int, name: str) -> None:
        self._acts[i] = name
        self._validate_live()

    @staticmethod
    def _init_tip(name: str) -> str:
        return translate("NetworkEditor", INIT_TIPS[name]) if name in INIT_TIPS else ""

    def _show_init_tip(self) -> None:
        self.init_tip.setText(self._init_tip(self.init_combo.currentData()))

    def _validate_live(self) -> None:
        error = self.validate()
        self.error_label.say(error)
        sizes = self.result_sizes()
        n_params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:])) if not check_limits(sizes) else None
        layers = fill(self.tr("Layers %1"), "-".join(map(str, sizes)))
        self.summary_label.setText(layers if n_params is None
                                   else layers + " · " + T_("NetworkEditor", "%n parameters", n=n_params))

    def _refuse(self, text: str) -> None:
        self.error_label.say(text)
        self.session.notify(text)

    # -------------------------------------------------------------- editing
    def add_hidden_layer(self) -> bool:
        """Add a hidden layer before the output; refused with a message past the limit."""
        if len(self._hidden) >= MAX_HIDDEN_LAYERS:
            self._refuse(fill(self.tr("At most %1 hidden layers"), MAX_HIDDEN_LAYERS))
            return False
        n = self._hidden[-1] if self._hidden else DEFAULT_HIDDEN
        n = min(max(n, 1), MAX_NEURONS)
        act = self._acts[-2] if len(self._acts) > 1 else (
            self._acts[-1] if self._acts[-1] in HIDDEN_ACTIVATIONS else "sigmoid")
        self._hidden.append(n)
        self._acts.insert(len(self._acts) - 1, act)
        self._rebuild_rows()
        return True

    def remove_hidden_layer(self, index: int | None = None) -> bool:
        """Remove hidden layer ``index`` (0-based; the last one when None)."""
        if not self._hidden:
            self._refuse(self.tr("There is no hidden layer to remove"))
            return False
        index = len(self._hidden) - 1 if index is None else index
        del self._hidden[index]
        del self._acts[index]
        self._rebuild_rows()
        return True

    def set_hidden_sizes(self, sizes) -> None:
        """Set the hidden layers' sizes (any count; the limits are checked on OK).
        New layers take the activation of the last hidden layer (sigmoid if none)."""
        sizes = [int(n) for n in sizes]
        out = self._acts[-1]
        hidden_acts = self._acts[:-1]
        fill = hidden_acts[-1] if hidden_acts else "sigmoid"
        hidden_acts = (hidden_acts + [fill] * len(sizes))[:len(sizes)]
        self._hidden = sizes
        self._acts = hidden_acts + [out]
        self._rebuild_rows()

    def set_activation(self, layer: int, name: str) -> None:
        """Activation of weight layer ``layer`` (1-based; the last one is the output).
        A name the layer does not offer is refused with a ValueError."""
        box = self.act_combos[layer - 1]
        i = box.findData(name)
        if i < 0 or not box.model().item(i).isEnabled():
            raise ValueError(f"layer {layer} cannot use the activation {name!r}")
        box.setCurrentIndex(i)

    # -------------------------------------------------------------- results
    def result_sizes(self) -> list[int]:
        return [self.n_inputs, *self._hidden, self.n_outputs]

    def result_activations(self) -> list[str]:
        return list(self._acts)

    def result_init(self) -> str:
        return self.init_combo.currentData()

    def result_seed(self) -> int:
        return self.seed_spin.value()

    def result_loss(self) -> str:
        """The current loss if it fits the chosen output activation, else the default for it."""
        t = self.session.trainer
        return recipes.fitting_loss(t.loss, self._acts[-1], t.dataset)

    def validate(self) -> str | None:
        """The message that refuses the current choice, or None."""
        data = self.session.trainer.dataset
        error = check_limits(self.result_sizes(), data.n_samples + (data.check.n_samples if data.check else 0))
        if error:
            return error
        try:
            recipes.check_activations(self._acts, self.n_outputs)
        except ValueError as exc:
            return str(exc)
        return None

    def build_trainer(self):
        """The new Trainer for the current choice (call ``validate()`` first)."""
        t = self.session.trainer
        new = trainer_mod.create(self.result_sizes(), self.result_activations(), t.dataset,
                                 init=self.result_init(), seed=self.result_seed(),
                                 **(t.settings.carried() | {"loss": self.result_loss()}))
        self.frozen_note = frozen_words(*new.keep_frozen(t.frozen))
        return new

    def accept(self) -> None:
        # Spin boxes commit typed text on focus loss; make sure the last keystrokes count.
        for spin in self.size_spins:
            spin.interpretText()
        error = self.validate()
        if error:
            self._refuse(error)
            return
        try:
            new = self.build_trainer()
        except ValueError as exc:
            self._refuse(str(exc))
            return
        self.new_trainer = new
        self.session.set_trainer(new)
        self.session.notify(
            fill(self.tr("New network %1 (%2), %3 initialisation, seed %4, loss %5"), "-".join(map(str, new.network.sizes)),
                 ", ".join(new.network.activation_names), self.result_init(), self.result_seed(), new.loss)
            + (f"; {self.frozen_note}" if self.frozen_note else ""))
        super().accept()
