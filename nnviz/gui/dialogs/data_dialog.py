"""The data dialog: pick a built-in data set or import a data file, optionally normalise
it (min-max) and hold out part of it for checking, and train on it. OK builds a new
Trainer (keeping the hidden layers and activations when the input and output counts
still fit, else a small default network) with the current learning rate, optimizer,
batch mode, shuffling, backprop mode and schedule, and hands it to the Session; Cancel
changes nothing.

A file that cannot be used shows its one-line ``DataError`` in the dialog (and on the
status bar); OK stays disabled and nothing already loaded changes.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nnviz.core import recipes
from nnviz.core.data import datasets, transform
from nnviz.core import trainer as trainer_mod
from nnviz.core.analysis.summary import frozen_words
from nnviz.core.words import N_, T_, fill, translate
from nnviz.io import delimited, tables
from nnviz.io.tables import DataError
from nnviz.gui.widgets.forms import ErrorLine, ok_cancel
from nnviz.gui.widgets.session_view import SessionView

IMPORT = "__import__"  # the combo's data for "Import a file…"
CLASS_OPTION = ("blobs", "spiral")  # generators that take n_classes
DEFAULT_HIDDEN = 4
MAX_SAMPLES = 10_000  # of a generated data set
FILE_FILTER = N_("DataDialog", "Data files (*.csv *.txt *.dat *.tsv);;All files (*)")


def samples_words(n: int) -> str:
    """'1 sample', '200 samples', in the language in use."""
    return T_("DataDialog", "%n samples", n=n)


def default_network(dataset: datasets.Dataset) -> tuple[list[int], list[str]]:
    """``[n_in, 4, n_out]`` with tanh hidden units and the output activation of
    ``recipes.default_output``."""
    return [dataset.n_inputs, DEFAULT_HIDDEN, dataset.n_outputs], ["tanh", recipes.default_output(dataset)[0]]


class DataDialog(SessionView, QDialog):
    """Choose the data of ``session.trainer``; ``exec()`` it, or ``open()`` it."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Data"))
        self.setObjectName("dataDialog")
        self.new_trainer = None
        self.path: str | None = None
        self.dataset: datasets.Dataset | None = None  # what OK trains on (split applied)
        self.sizes: list[int] = []
        self.activations: list[str] = []
        self.loss = ""
        self.kept_network = False
        self.frozen_note = ""  # what became of the frozen parameters (summary.frozen_words)
        self.table: tables.Table | None = None  # the file read, when the source is a file
        self._error = ""
        self._last_told = ""
        self._quiet = False  # no refresh while several controls are set at once

        t = session.trainer
        current = QLabel(fill(self.tr("Now: %1 — %2, network %3"), t.dataset.name or self.tr("current data set"),
                              samples_words(t.dataset.n_samples), "-".join(map(str, t.network.sizes))))
        current.setWordWrap(True)

        # ---- source
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("dataSource")
        for name, gen in datasets.GENERATORS.items():
            description = translate("datasets", gen.description)
            kind = self.tr("classification") if gen.kind == "classification" else self.tr("regression")
            self.source_combo.addItem(f"{name} — {description}", name)
            self.source_combo.setItemData(self.source_combo.count() - 1, f"{kind}: {description}",
                                          Qt.ItemDataRole.ToolTipRole)
        self.source_combo.insertSeparator(self.source_combo.count())
        self.source_combo.addItem(self.tr("Import a file…"), IMPORT)
        self.source_combo.setToolTip(self.tr("A generated data set, or numbers from a CSV or text file"))

        # built-in options
        self.samples_spin = QSpinBox()
        self.samples_spin.setObjectName("samplesSpin")
        self.samples_spin.setRange(1, MAX_SAMPLES)
        self.samples_spin.setToolTip(self.tr("Number of samples to generate"))
        self.noise_spin = QDoubleSpinBox()
        self.noise_spin.setObjectName("noiseSpin")
        self.noise_spin.setRange(0.0, 5.0)
        self.noise_spin.setDecimals(3)
        self.noise_spin.setSingleStep(0.05)
        self.noise_spin.setToolTip(self.tr("Standard deviation of the Gaussian noise"))
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("dataSeedSpin")
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setToolTip(self.tr("The seed the data set is drawn with"))
        self.classes_spin = QSpinBox()
        self.classes_spin.setObjectName("classesSpin")
        self.classes_spin.setRange(2, 10)
        self.classes_spin.setValue(3)
        self.classes_spin.setToolTip(self.tr("Number of classes (blobs and spiral)"))
        builtin = QWidget()
        bform = QFormLayout(builtin)
        bform.setContentsMargins(0, 0, 0, 0)
        bform.addRow(self.tr("Samples"), self.samples_spin)
        bform.addRow(self.tr("Noise"), self.noise_spin)
        bform.addRow(self.tr("Seed"), self.seed_spin)
        bform.addRow(self.tr("Classes"), self.classes_spin)

        # file options
        self.path_label = QLabel(self.tr("(no file chosen)"))
        self.path_label.setObjectName("dataPath")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setWordWrap(True)
        self.browse_button = QPushButton(self.tr("Choose file…"))
        self.browse_button.setObjectName("chooseFile")
        self.browse_button.setToolTip(self.tr("A CSV or whitespace-separated text file; header optional, # comments"))
        self.browse_button.clicked.connect(self._browse)
        self.targets_spin = QSpinBox()
        self.targets_spin.setObjectName("targetsSpin")
        self.targets_spin.setRange(1, 99)
        self.targets_spin.setToolTip(self.tr("How many of the last columns are targets; the rest are inputs"))
        self.normalize_check = QCheckBox(self.tr("Normalize, min-max (inputs to [-1, 1], targets to the output range)"))
        self.normalize_check.setObjectName("normalizeCheck")
        self.normalize_check.setToolTip(self.tr("Min-max scaling fitted on the training rows, x' = -1 + 2 (x - min) / "
                                                "(max - min) for each input column, targets to the output "
                                                "activation's range (left alone for linear outputs); held-out rows are "
                                                "scaled with it and may fall outside the range"))
        self.delimiter_combo = QComboBox()
        self.delimiter_combo.setObjectName("delimiterCombo")
        words = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab"), " ": self.tr("spaces")}
        for text, value in ((self.tr("auto"), delimited.AUTO), *((words.get(d, word), d)
                                                                 for d, word in delimited.DELIMITERS.items())):
            self.delimiter_combo.addItem(text, value)
        self.delimiter_combo.setToolTip(self.tr("What separates the cells; auto guesses it from the file"))
        self.decimal_combo = QComboBox()
        self.decimal_combo.setObjectName("decimalCombo")
        for text, value in ((self.tr("auto"), delimited.AUTO), (self.tr("point  1.5"), "."),
                            (self.tr("comma  1,5"), ",")):
            self.decimal_combo.addItem(text, value)
        self.decimal_combo.setToolTip(self.tr("The decimal mark; auto: a point in comma-separated files, a point "
                                              "or a comma in others"))
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("encodingCombo")
        for value, text in tables.ENCODINGS.items():
            self.encoding_combo.addItem(translate("tables", text), value)
        self.encoding_combo.setToolTip(self.tr("How the file's text is written: Excel's \"CSV UTF-8\" and most "
                                               "programs write UTF-8 (auto); Excel's plain CSV is in the "
                                               "system's code page"))
        format_row = QHBoxLayout()
        format_row.addWidget(self.delimiter_combo)
        format_row.addWidget(QLabel(self.tr("Decimal mark")))
        format_row.addWidget(self.decimal_combo)
        format_row.addStretch(1)
        file_host = QWidget()
        fform = QFormLayout(file_host)
        fform.setContentsMargins(0, 0, 0, 0)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(self.browse_button)
        fform.addRow(self.tr("File"), path_row)
        fform.addRow(self.tr("Target columns"), self.targets_spin)
        fform.addRow(self.tr("Separator"), format_row)
        fform.addRow(self.tr("Encoding"), self.encoding_combo)

        self.options = QStackedWidget()
        self.options.addWidget(builtin)
        self.options.addWidget(file_host)

        source_box = QGroupBox(self.tr("Source"))
        sl = QVBoxLayout(source_box)
        sl.addWidget(self.source_combo)
        sl.addWidget(self.options)
        sl.addWidget(self.normalize_check)

        # ---- split
        self.holdout_spin = QSpinBox()
        self.holdout_spin.setObjectName("holdoutSpin")
        self.holdout_spin.setRange(0, 90)
        self.holdout_spin.setSuffix(" %")
        self.holdout_spin.setSpecialValueText(self.tr("none"))
        self.holdout_spin.setToolTip(self.tr("Share of the samples held out to check the network on (0: none)"))
        self.split_seed_spin = QSpinBox()
        self.split_seed_spin.setObjectName("splitSeedSpin")
        self.split_seed_spin.setRange(0, 2**31 - 1)
        self.split_seed_spin.setToolTip(self.tr("The seed that picks the held-out samples"))
        split_box = QGroupBox(self.tr("Train / check split"))
        spl = QFormLayout(split_box)
        spl.addRow(self.tr("Hold out for checking"), self.holdout_spin)
        spl.addRow(self.tr("Split seed"), self.split_seed_spin)

        # ---- preview, network, error
        self.preview_label = QLabel()
        self.preview_label.setObjectName("dataPreview")
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setWordWrap(True)
        self.network_label = QLabel()
        self.network_label.setObjectName("dataNetwork")
        self.network_label.setTextFormat(Qt.TextFormat.PlainText)
        self.network_label.setWordWrap(True)
        self.error_label = ErrorLine("dataError")
        self.buttons = ok_cancel(self, self.tr("Use this data"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addWidget(source_box)
        layout.addWidget(split_box)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.network_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        # start from the built-in set the current data came from, else xor
        start = t.dataset.name if t.dataset.name in datasets.GENERATORS else "xor"
        self.source_combo.setCurrentIndex(self.source_combo.findData(start))
        self._set_defaults(start)
        self.source_combo.currentIndexChanged.connect(self._on_source)
        for spin in (self.samples_spin, self.seed_spin, self.classes_spin, self.targets_spin,
                     self.holdout_spin, self.split_seed_spin):
            spin.valueChanged.connect(self._refresh)
        self.noise_spin.valueChanged.connect(self._refresh)
        self.normalize_check.toggled.connect(self._refresh)
        self.delimiter_combo.currentIndexChanged.connect(self._refresh)
        self.decimal_combo.currentIndexChanged.connect(self._refresh)
        self.encoding_combo.currentIndexChanged.connect(self._refresh)
        self._refresh()

    # ------------------------------------------------------------ choosing
    def source(self) -> str:
        """The generator's name, or ``IMPORT``."""
        return self.source_combo.currentData()

    def ask_path(self) -> str | None:
        """Ask for a data file (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import data"), os.getcwd(),
                                              translate("DataDialog", FILE_FILTER))
        return path or None

    def _browse(self) -> None:
        path = self.ask_path()
        if path:
            self.path = str(path)
            self.path_label.setText(self.path)
            self._refresh()

    def _set_defaults(self, name: str) -> None:
        gen = datasets.GENERATORS[name]
        self._quiet = True
        try:
            self.samples_spin.setValue(gen.n_samples)
            self.noise_spin.setValue(gen.noise)
        finally:
            self._quiet = False

    def _on_source(self) -> None:
        name = self.source()
        if name == IMPORT:
            self.options.setCurrentIndex(1)
            if self.path is None:
                self._browse()
        else:
            self.options.setCurrentIndex(0)
            self._set_defaults(name)
        self._refresh()

    def choose_builtin(self, name: str, n_samples: int | None = None, noise: float | None = None,
                       seed: int | None = None, n_classes: int | None = None) -> None:
        """Select a built-in data set (None keeps its default sample count and noise, and
        the seed shown)."""
        i = self.source_combo.findData(name)
        if i < 0:
            raise ValueError(f"unknown data set {name!r}; expected one of {', '.join(datasets.GENERATORS)}")
        self._quiet = True
        try:
            self.source_combo.setCurrentIndex(i)
            self.options.setCurrentIndex(0)
            self._set_defaults(name)
            self._quiet = True
            if n_samples is not None:
                self.samples_spin.setValue(int(n_samples))
            if noise is not None:
                self.noise_spin.setValue(float(noise))
            if seed is not None:
                self.seed_spin.setValue(int(seed))
            if n_classes is not None:
                self.classes_spin.setValue(int(n_classes))
        finally:
            self._quiet = False
        self._refresh()

    def choose_file(self, path, targets: int = 1, normalize: bool = False, delimiter: str = delimited.AUTO,
                    decimal: str = delimited.AUTO, encoding: str = delimited.AUTO) -> None:
        """Select a data file with ``targets`` target columns, read with ``delimiter``
        and ``decimal`` (see ``nnviz.io.delimited``) as text in ``encoding`` (one of
        ``nnviz.io.tables.ENCODINGS``)."""
        self._quiet = True
        try:
            self.path = str(path)
            self.path_label.setText(self.path)
            self.targets_spin.setValue(int(targets))
            self.normalize_check.setChecked(bool(normalize))
            self.delimiter_combo.setCurrentIndex(self.delimiter_combo.findData(delimiter))
            self.decimal_combo.setCurrentIndex(self.decimal_combo.findData(decimal))
            self.encoding_combo.setCurrentIndex(self.encoding_combo.findData(encoding))
            self.source_combo.setCurrentIndex(self.source_combo.findData(IMPORT))
            self.options.setCurrentIndex(1)
        finally:
            self._quiet = False
        self._refresh()

    def set_holdout(self, percent: int, seed: int | None = None) -> None:
        """Hold out ``percent`` % of the samples for checking (0: none)."""
        self._quiet = True
        try:
            self.holdout_spin.setValue(int(percent))
            if seed is not None:
                self.split_seed_spin.setValue(int(seed))
        finally:
            self._quiet = False
        self._refresh()

    # ------------------------------------------------------------- reading
    def _load(self) -> datasets.Dataset:
        """The chosen data, split and (when asked) normalised, its network planned;
        raises ValueError."""
        name = self.source()
        percent, split_seed = self.holdout_spin.value(), self.split_seed_spin.value()
        if name == IMPORT:
            if self.path is None:
                raise DataError(self.tr("Choose a data file"))
            self.table = tables.read(self.path, targets=self.targets_spin.value(),
                                     delimiter=self.delimiter_combo.currentData(),
                                     decimal=self.decimal_combo.currentData(),
                                     encoding=self.encoding_combo.currentData())
            self._plan(self.table.dataset)
            table = self.table.split(percent / 100.0, split_seed) if percent else self.table
            if self.normalize_check.isChecked():  # after the split: fitted on the training rows only
                return table.normalized(self.activations[-1])
            return table.dataset
        options = {}
        if name in CLASS_OPTION:
            options["n_classes"] = self.classes_spin.value()
        data = datasets.generate(name, self.samples_spin.value(), self.noise_spin.value(),
                                 self.seed_spin.value(), **options)
        self._plan(data)
        if percent:
            data = datasets.split(data, percent / 100.0, split_seed)[0]
        if self.normalize_check.isChecked():  # after the split: fitted on the training rows only
            return transform.normalize(data, self.activations[-1])
        return data

    def _plan(self, data: datasets.Dataset) -> None:
        t = self.session.trainer
        sizes = list(t.network.sizes)
        self.kept_network = sizes[0] == data.n_inputs and sizes[-1] == data.n_outputs
        if self.kept_network:
            self.sizes, self.activations = sizes, list(t.network.activation_names)
            self.loss = recipes.fitting_loss(t.loss, self.activations[-1], data)
        else:
            self.sizes, self.activations = default_network(data)
            self.loss = recipes.default_loss(self.activations[-1], data)
        try:
            recipes.check_size(self.sizes, data.n_samples)
        except ValueError as exc:
            raise ValueError(str(exc)[:1].upper() + str(exc)[1:]) from None

    def _refresh(self, *_) -> None:
        if self._quiet:
            return
        self.classes_spin.setEnabled(self.source() in CLASS_OPTION)
        self.dataset = None
        self.table = None
        try:
            data = self._load()
        except ValueError as exc:
            self._show_error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return
        self.dataset = data
        self._show_error("")

    def _show_error(self, text: str) -> None:
        self._error = text
        self.error_label.say(text)
        self.ok_button.setEnabled(not text and self.dataset is not None)
        if text:
            self.preview_label.setText("")
            self.network_label.setText("")
            if text != self._last_told and self.source() == IMPORT and self.path is not None:
                self.session.notify(text)
            self._last_told = text
        else:
            self._last_told = ""
            self.preview_label.setText(self.preview_text())
            self.network_label.setText(self.network_text())
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow the dialog when the preview or the message needs more lines."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        need = max(need, self.minimumSizeHint().height())
        if need > self.height():
            self.resize(self.width(), need)

    # ------------------------------------------------------------- showing
    def preview_text(self) -> str:
        """What OK would train on, e.g. ``200 samples (160 train, 40 check) · 2 inputs ·
        1 output · classification (2 classes)``, plus one line per scaled column."""
        d = self.dataset
        if d is None:
            return ""
        total = d.n_samples + (d.check.n_samples if d.check is not None else 0)
        samples = samples_words(total)
        if d.check is not None:
            samples = fill(self.tr("%1 (%2 train, %3 check)"), samples, d.n_samples, d.check.n_samples)
        kind = (T_("DataDialog", "classification (%n classes)", n=d.n_classes) if d.is_classification
                else self.tr("regression"))
        inputs = T_("DataDialog", "%n inputs", n=d.n_inputs)
        outputs = T_("DataDialog", "%n outputs", n=d.n_outputs)
        lines = [" · ".join((samples, inputs, outputs, kind))]
        if self.table is not None:
            how = self.table.layout.words()
            lines.append(fill(self.tr("Read as %1; columns %2 → %3"), how, ", ".join(d.input_names),
                              ", ".join(d.target_names)) if d.input_names
                         else fill(self.tr("Read as %1; no header"), how))
            lines.extend(self.table.notes)
        if d.transform is not None:
            lines.append(self.tr("Normalised (minima and maxima of the training rows):"))
            lines.extend("    " + line for line in d.transform.describe(d.input_names, d.target_names))
        return "\n".join(lines)

    def network_text(self) -> str:
        if self.dataset is None:
            return ""
        shape = "-".join(map(str, self.sizes))
        how = (self.tr("keeps the current network") if self.kept_network
               else self.tr("the current network does not fit: a new one"))
        return fill(self.tr("Network %1 (%2), loss %3 — %4"), shape, ", ".join(self.activations), self.loss, how)

    def error_text(self) -> str:
        """The one-line message that keeps OK disabled, or ''."""
        return self._error

    # ------------------------------------------------------------- results
    def build_trainer(self):
        """The new Trainer for the chosen data (raises ValueError)."""
        t = self.session.trainer
        init = t.init_scheme if self.kept_network and t.init_scheme else "uniform"
        new = trainer_mod.create(self.sizes, self.activations, self.dataset, init=init,
                                 seed=int(t.seed), **(t.settings.carried() | {"loss": self.loss}))
        self.frozen_note = frozen_words(*new.keep_frozen(t.frozen))
        return new

    def accept(self) -> None:
        for spin in (self.samples_spin, self.seed_spin, self.classes_spin, self.targets_spin,
                     self.holdout_spin, self.split_seed_spin, self.noise_spin):
            spin.interpretText()
        self._refresh()
        if self.dataset is None:
            return
        try:
            new = self.build_trainer()
        except ValueError as exc:
            self._show_error(str(exc))
            self.ok_button.setEnabled(False)
            self.session.notify(str(exc))
            return
        self.new_trainer = new
        self.session.set_trainer(new)
        d = new.dataset
        what = (fill(self.tr("%1 training samples, %2 held out for checking"), d.n_samples, d.check.n_samples)
                if d.check is not None else fill(self.tr("%1 training samples"), d.n_samples))
        self.session.notify(
            fill(self.tr("New data: %1 (%2), network %3 (%4), loss %5"), d.name or self.tr("data"), what,
                 "-".join(map(str, new.network.sizes)), ", ".join(new.network.activation_names), new.loss)
            + (f"; {self.frozen_note}" if self.frozen_note else ""))
        super().accept()
