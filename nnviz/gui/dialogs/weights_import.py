"""File ▸ Import weights…: a network trained elsewhere (.npz, or a PyTorch state dict) opened
in nnviz. The dialog shows what the file holds, asks for the activations the file does not
say, and keeps the current data when its input and output counts fit; otherwise the user
picks a built-in data set or a table file that fits. Nothing changes until OK succeeds."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout, QWidget)

from nnviz.core.activations import ACTIVATIONS
from nnviz.core.data import datasets
from nnviz.core.recipes import OUTPUT_ONLY
from nnviz.core.words import T_, fill
from nnviz.gui.dialogs.data_dialog import samples_words
from nnviz.gui.dialogs.network_editor import check_limits
from nnviz.gui.widgets.forms import ErrorLine, ok_cancel
from nnviz.gui.widgets.session_view import SessionView
from nnviz.io import tables
from nnviz.io.files import shown_name
from nnviz.io.weights import ImportedWeights, WeightsError, build_trainer

CURRENT = "current"
FILE = "file"


def fitting_datasets(n_in: int, n_out: int) -> dict[str, datasets.Dataset]:
    """The built-in data sets (with their default sizes) that fit a network's inputs and
    outputs; blobs and spiral with as many classes as it needs."""
    found = {}
    for name in datasets.names():
        tries = [{}] + ([{"n_classes": n_out}] if n_out > 1 else [])
        for options in tries:
            try:
                data = datasets.generate(name, **options)
            except (TypeError, ValueError):
                continue
            if (data.n_inputs, data.n_outputs) == (n_in, n_out):
                found[name] = data
                break
    return found


class ImportWeightsDialog(SessionView, QDialog):
    """Open ``imported`` in ``session``; ``ask_path(title, filters)`` picks a table file."""

    def __init__(self, session, imported: ImportedWeights, ask_path=None, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Import weights"))
        self.setObjectName("importWeightsDialog")
        self.imported = imported
        self.ask_path = ask_path
        self.new_trainer = None
        self._table: datasets.Dataset | None = None
        sizes = imported.sizes
        data = session.trainer.dataset
        self.fits = (data.n_inputs, data.n_outputs) == (sizes[0], sizes[-1])

        layers = T_("ImportWeightsDialog", "%n weight layers", n=imported.n_layers)
        summary = QLabel(fill(self.tr("%1: a %2 network (%3)."), shown_name(imported.source),
                              "-".join(map(str, sizes)), layers))
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)

        acts_box = QGroupBox(self.tr("Activations"))
        form = QFormLayout(acts_box)
        said = imported.activations
        if said is None:
            form.addRow(QLabel(self.tr("The file does not say them: choose one per layer.")))
        else:
            form.addRow(QLabel(self.tr("As the file says (change them if they are wrong).")))
        self.act_combos = []
        for l in range(1, imported.n_layers + 1):
            combo = QComboBox()
            combo.setObjectName(f"activation{l}")
            last = l == imported.n_layers
            for name in ACTIVATIONS:
                if last or name not in OUTPUT_ONLY:
                    combo.addItem(name, name)
            combo.setCurrentIndex(combo.findData(said[l - 1] if said else "linear" if last else "tanh"))
            form.addRow(T_("ImportWeightsDialog", "Layer %1 (%n neurons)", l, n=sizes[l]), combo)
            self.act_combos.append(combo)

        data_box = QGroupBox(self.tr("Data"))
        dl = QVBoxLayout(data_box)
        self.data_combo = QComboBox()
        self.data_combo.setObjectName("importData")
        if self.fits:
            self.data_combo.addItem(fill(self.tr("the current data (%1, %2)"), data.name or self.tr("unnamed"),
                                         samples_words(data.n_samples)), CURRENT)
        else:
            note = QLabel(fill(self.tr("The current data has %1 and %2; this network takes %3 and %4. "
                                       "Choose data that fits:"),
                               T_("ImportWeightsDialog", "%n inputs", n=data.n_inputs),
                               T_("ImportWeightsDialog", "%n targets", n=data.n_outputs), sizes[0], sizes[-1]))
            note.setWordWrap(True)
            dl.addWidget(note)
        self.builtin = fitting_datasets(sizes[0], sizes[-1])
        for name, d in self.builtin.items():
            self.data_combo.addItem(f"{name} ({samples_words(d.n_samples)})", name)
        self.data_combo.setPlaceholderText(self.tr("no built-in data set fits: choose a table file"))
        row = QHBoxLayout()
        row.addWidget(self.data_combo, 1)
        self.file_button = QPushButton(self.tr("Table file…"))
        self.file_button.setObjectName("importDataFile")
        self.file_button.setToolTip(fill(self.tr("A CSV or text table: %1 input columns, then %2 target columns"),
                                         sizes[0], sizes[-1]))
        self.file_button.clicked.connect(self.choose_table)
        row.addWidget(self.file_button)
        dl.addLayout(row)

        if said is None:  # the output's default follows the data chosen
            self.data_combo.currentIndexChanged.connect(self._suggest_output)
            self._suggest_output()

        self.error_label = ErrorLine("importError")
        self.buttons = ok_cancel(self, self.tr("Open this network"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(self.data_combo.count() > 0)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(acts_box)
        layout.addWidget(data_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def activations(self) -> list[str]:
        return [c.currentData() for c in self.act_combos]

    def dataset(self) -> datasets.Dataset | None:
        choice = self.data_combo.currentData()
        if choice == CURRENT:
            return self.session.trainer.dataset
        if choice == FILE:
            return self._table
        return self.builtin.get(choice)

    def _suggest_output(self) -> None:
        data = self.dataset()
        if data is not None:
            out = self.act_combos[-1]
            out.setCurrentIndex(out.findData("sigmoid" if data.is_classification else "linear"))

    def choose_table(self) -> None:
        if self.ask_path is None:
            return
        path = self.ask_path(self.tr("Data for the imported network"), self.tr("Tables (*.csv *.txt *.dat);;All files (*)"))
        if not path:
            return
        try:
            self._table = tables.read_table(path, targets=self.imported.sizes[-1], sizes=self.imported.sizes)
        except ValueError as exc:
            self._refuse(str(exc))
            return
        index = self.data_combo.findData(FILE)
        if index < 0:
            self.data_combo.addItem("", FILE)
            index = self.data_combo.count() - 1
        self.data_combo.setItemText(index, f"{self._table.name} ({samples_words(self._table.n_samples)})")
        self.data_combo.setCurrentIndex(index)
        self.ok_button.setEnabled(True)
        self.error_label.say("")

    def accept(self) -> None:
        data = self.dataset()
        error = check_limits(self.imported.sizes, None if data is None else data.n_samples)
        if error:
            self._refuse(error)
            return
        if data is None:
            self._refuse(self.tr("Choose data for the network first"))
            return
        try:
            new = build_trainer(self.imported, self.activations(), data, like=self.session.trainer)
        except WeightsError as exc:
            self._refuse(str(exc))
            return
        self.new_trainer = new
        self.session.set_trainer(new)
        self.session.notify(fill(self.tr("Imported %1: %2 network (%3) on %4, loss %5"), shown_name(self.imported.source),
                                 "-".join(map(str, new.network.sizes)), ", ".join(new.network.activation_names),
                                 data.name or self.tr("the data"), new.loss))
        super().accept()

    def _refuse(self, text: str) -> None:
        self.error_label.say(text)
