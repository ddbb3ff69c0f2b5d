"""Every dialog in Chinese (the ``chinese`` fixture): no text it shows is still the
English source, and nothing is clipped at the dialog's default size."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.gui.dialogs.code_export import ExportOptionsDialog
from nnviz.gui.dialogs.data_dialog import DataDialog
from nnviz.gui.dialogs.network_editor import NetworkEditor
from nnviz.gui.dialogs.record_dialog import RecordDialog
from nnviz.gui.dialogs.sweep_dialog import SweepDialog
from nnviz.gui.dialogs.weights_import import ImportWeightsDialog
from nnviz.io.weights import ImportedWeights
from visible_words import clipped, english_left, is_english

DATA_SETS = {"xor", "and", "or", "circle", "two_moons", "spiral", "blobs", "sine", "plane", "scales", "mazur"}


def imported(activations=None):
    sizes = (2, 3, 1)
    return ImportedWeights([np.zeros((b, a)) for a, b in zip(sizes[:-1], sizes[1:])],
                           [np.zeros(b) for b in sizes[1:]], activations, "/somewhere/net.npz")


DIALOGS = {
    "data": lambda s: DataDialog(s),
    "network editor": lambda s: NetworkEditor(s),
    "code export": lambda s: ExportOptionsDialog(s, "numpy"),
    "record": lambda s: RecordDialog("/somewhere/run.gif"),
    "sweep": lambda s: SweepDialog(s),
    "import weights": lambda s: ImportWeightsDialog(s, imported()),
    "import weights, activations given": lambda s: ImportWeightsDialog(s, imported(["tanh", "sigmoid"])),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_the_dialog_speaks_chinese_and_nothing_is_clipped(chinese, show, session, name):
    session.step("micro")  # mid-iteration: the export note's half-done sentence
    dialog = show(DIALOGS[name](session))
    assert english_left(dialog, kept=DATA_SETS) == []
    assert clipped(dialog) == []


def test_the_data_dialog_file_options_speak_chinese(chinese, show, session):
    dialog = show(DataDialog(session))
    dialog.ask_path = lambda: None
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("__import__"))
    assert dialog.error_text() and not is_english(dialog.error_text())
    assert english_left(dialog, kept=DATA_SETS) == []


def test_the_network_editor_refusals_speak_chinese(chinese, show, session):
    editor = show(NetworkEditor(session))
    told = []
    session.message.connect(told.append)
    editor.remove_hidden_layer()
    assert not editor.remove_hidden_layer()
    assert told and not is_english(told[-1])
    editor.add_hidden_layer()
    assert english_left(editor) == [] and clipped(editor) == []


def test_the_sweep_dialog_axes_and_status_speak_chinese(chinese, show, session):
    dialog = show(SweepDialog(session))
    for plot in (dialog.final_plot, dialog.curves_plot):
        for side in ("left", "bottom"):
            assert not is_english(plot.getAxis(side).labelText)
    dialog.low.setText("5")
    dialog.high.setText("1")
    assert not dialog.run()
    assert not is_english(dialog.status.text())


def test_the_record_dialog_refusal_speaks_chinese(chinese, show, tmp_path):
    dialog = show(RecordDialog(str(tmp_path / "missing" / "run.gif")))
    dialog.accept()
    assert dialog.error.isVisible() and not is_english(dialog.error.text(), kept={"gif", "run", "missing"})


def test_in_english_the_dialogs_are_as_written(show, session):
    """Without a translator the texts are the English source (the check above is not
    vacuous: it finds them)."""
    dialog = show(NetworkEditor(session))
    assert dialog.windowTitle() == "Network editor"
    assert ("button", "Add hidden layer") in english_left(dialog)
