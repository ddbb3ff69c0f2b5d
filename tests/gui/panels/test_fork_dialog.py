"""The Fork dialog: rate, optimizer, batch mode and loss, the last two the main run's
unless changed; only the losses that fit the output are offered."""

from PySide6.QtCore import Qt

from nnviz.gui.panels.surface import SurfacePanel
from nnviz.gui.panels.surface.dialogs import ForkDialog


def test_the_dialog_gives_batch_and_loss(qtbot):
    d = ForkDialog(0.1, "sgd", n_samples=32, losses_allowed=("half_sse", "cross_entropy"))
    qtbot.addWidget(d)
    assert d.values() == (0.1, "sgd", None, None)
    assert not d.batch_size.isEnabled()
    d.batch.setCurrentIndex(d.batch.findData("mini"))
    assert d.batch_size.isEnabled() and d.batch_size.value() == 8 and d.batch_size.maximum() == 32
    d.batch_size.setValue(4)
    d.loss.setCurrentIndex(d.loss.findData("cross_entropy"))
    assert d.values() == (0.1, "sgd", 4, "cross_entropy")
    d.batch.setCurrentIndex(d.batch.findData("online"))
    assert d.values()[2] == "online"


def test_the_surface_panel_forks_with_them(qtbot, show, make_session, monkeypatch):
    session = make_session("saturated")
    panel = show(SurfacePanel(session), (460, 700))
    offered = []

    def fill(dialog):
        offered.extend(dialog.loss.itemData(i) for i in range(dialog.loss.count()))
        dialog.loss.setCurrentIndex(dialog.loss.findData("cross_entropy"))
        dialog.batch.setCurrentIndex(dialog.batch.findData("online"))
        return 1

    monkeypatch.setattr(ForkDialog, "exec", fill)
    qtbot.mouseClick(panel.controls.fork_button, Qt.MouseButton.LeftButton)
    assert offered == ["same", "half_sse", "cross_entropy"]  # the main run's mse is "same"
    f = session.fork_run.trainer
    assert f.loss == "cross_entropy" and f.batch == "online"
    qtbot.waitUntil(lambda: "online · cross_entropy" in panel.fork_view.labels[0].text())
