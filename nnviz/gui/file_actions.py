"""The File menu's commands, mixed into the main window: open and save snapshots, export
the network image, the loss surface, the loss history, code and weights, import
weights, record an animation; and the dialogs they ask with (file names, an image size),
which tests replace on the window (``ask_open_path``, ``ask_save_path``, ...).

The window provides ``session``, ``settings``, ``canvas``, ``surface_panel``,
``controls``, ``recording``, ``record_action`` and ``_update_title``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QFormLayout, QMessageBox, QSpinBox

from nnviz.core.words import fill
from nnviz.gui.recording import RecordOptions
from nnviz.gui.widgets.forms import ok_cancel, run_once
from nnviz.io import tables, weights
from nnviz.io.export import FORMATS, ExportError
from nnviz.io.files import FileError, shown_name
from nnviz.io.snapshot import SnapshotError


class FileActions:
    # ------------------------------------------------------------ dialogs
    def ask_open_path(self, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, self._last_dir(), filters)
        return path or None

    def ask_save_path(self, title: str, filters: str, suggestion: str = "") -> str | None:
        start = str(Path(self._last_dir()) / suggestion) if suggestion else self._last_dir()
        path, _ = QFileDialog.getSaveFileName(self, title, start, filters)
        return path or None

    def ask_image_size(self) -> tuple[int, int] | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Image size"))
        form = QFormLayout(dialog)
        width, height = QSpinBox(), QSpinBox()
        for box, value in ((width, max(self.canvas.width(), 800) * 2), (height, max(self.canvas.height(), 500) * 2)):
            box.setRange(100, 10000)
            box.setSuffix(self.tr(" px"))
            box.setValue(value)
            form.addRow(self.tr("Width") if box is width else self.tr("Height"), box)
        form.addRow(ok_cancel(dialog))
        if run_once(dialog) != QDialog.DialogCode.Accepted:
            return None
        return width.value(), height.value()

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def _remember_dir(self, path: str) -> None:
        self.settings.setValue("last_dir", str(Path(path).parent))

    # ------------------------------------------------------------ file actions
    def open_snapshot(self) -> None:
        path = self.ask_open_path(self.tr("Open snapshot"), self.tr("nnviz snapshots (*.json);;All files (*)"))
        if not path:
            return
        self.session.pause()
        try:
            self.session.open_snapshot(path)
        except SnapshotError as exc:
            self.show_error(self.tr("Cannot open the snapshot"), str(exc))
            return
        self._remember_dir(path)

    def save_snapshot(self) -> bool:
        if self.session.path:
            return self._save_to(self.session.path)
        return self.save_snapshot_as()

    def save_snapshot_as(self) -> bool:
        path = self.ask_save_path(self.tr("Save snapshot"), self.tr("nnviz snapshots (*.json)"), "network.json")
        if not path:
            return False
        if not Path(path).suffix:
            path += ".json"
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            self.session.save_snapshot(path)
        except SnapshotError as exc:
            self.show_error(self.tr("Cannot save the snapshot"),
                            fill(self.tr("%1\nThe network is unchanged; choose another place."), exc))
            return False
        self._remember_dir(path)
        self._update_title()
        return True

    def export_image(self) -> None:
        from nnviz.gui.canvas.export import check_format, image_formats

        others = " ".join(f"*.{f}" for f in image_formats() if f not in ("png", "svg"))
        path = self.ask_save_path(self.tr("Export network image"),
                                  fill(self.tr("PNG image (*.png);;SVG drawing (*.svg);;Other images (%1)"), others),
                                  "network.png")
        if not path:
            return
        if not Path(path).suffix:
            path += ".png"
        try:
            check_format(path)
        except ValueError as exc:
            self.show_error(self.tr("Cannot export the image"), str(exc))
            return
        size = self.ask_image_size()
        if size is None:
            return
        try:
            self.canvas.export_image(path, *size)
        except (OSError, ValueError) as exc:
            self.show_error(self.tr("Cannot export the image"), str(exc))
            return
        self._remember_dir(path)
        self.session.notify(fill(self.tr("Exported %1 (%2 x %3)"), shown_name(path), *size))

    def export_surface(self) -> None:
        """File ▸ Export loss surface: the surface panel's figure."""
        path = self.ask_save_path(self.tr("Export loss surface"), self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
                                  "loss-surface.png")
        if not path:
            return
        if not Path(path).suffix:
            path += ".png"
        try:
            self.surface_panel.export(path)
        except (OSError, ValueError) as exc:
            self.show_error(self.tr("Cannot export the loss surface"), fill(self.tr("%1\nNothing was written."), exc))
            return
        self._remember_dir(path)
        self.session.notify(fill(self.tr("Exported %1"), shown_name(path)))

    def record(self) -> None:
        """Start recording (asking what and where), or stop and write the file."""
        if self.recording.recording:
            self.recording.stop()
            return
        if self.recording.writing:
            self.controls.show_recording(False)
            self.session.notify(self.tr("Still writing the last recording: wait for it, or cancel it"))
            return
        asked = self.ask_record_options()
        if asked is None:
            self.controls.show_recording(False)
            return
        options, path = asked
        self._remember_dir(path)
        self.recording.start(options, path)

    def ask_record_options(self) -> tuple[RecordOptions, str] | None:
        """The one place that opens the Record dialog (tests patch it)."""
        from nnviz.gui.dialogs.record_dialog import RecordDialog

        previous = self.recording.path or str(Path(self._last_dir()) / "recording.gif")
        dialog = RecordDialog(previous, self, self.recording.options)
        if run_once(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.options(), dialog.path

    def _on_recording_changed(self, recording: bool) -> None:
        self.controls.show_recording(recording)
        self.record_action.setText(self.tr("Stop &recording") if recording else self.tr("&Record…"))

    def export_loss_history(self) -> None:
        path = self.ask_save_path(self.tr("Export loss history"), self.tr("CSV table (*.csv)"), "loss-history.csv")
        if not path:
            return
        try:
            tables.save_loss_history(self.session.trainer, path)
        except FileError as exc:
            self.show_error(self.tr("Cannot export the loss history"), str(exc))
            return
        self._remember_dir(path)
        self.session.notify(fill(self.tr("Exported %1"), shown_name(path)))

    def ask_export_options(self, fmt: str) -> dict | None:
        from nnviz.gui.dialogs import code_export

        dialog = code_export.ExportOptionsDialog(self.session, fmt, self)
        return dialog.options() if run_once(dialog) == QDialog.DialogCode.Accepted else None

    def export_code(self, fmt: str) -> None:
        """File ▸ Export as code: a NumPy or PyTorch script of the run from the current state."""
        from nnviz.gui.dialogs import code_export

        self.session.pause()
        try:
            code_export.check(self.session, fmt, {"iterations": 1, "print_every": 0, "digits": 9})
            options = self.ask_export_options(fmt)
            if options is None:
                return
            plan = code_export.check(self.session, fmt, options)
        except ExportError as exc:
            self.show_error(self.tr("Cannot export as code"), str(exc))
            return
        path = self.ask_save_path(fill(self.tr("Export as %1 script"), FORMATS[fmt]), self.tr("Python script (*.py)"),
                                  f"train_{fmt}.py")
        if not path:
            return
        try:
            text = code_export.write(plan, fmt, path)
        except ExportError as exc:
            self.show_error(self.tr("Cannot export as code"), str(exc))
            return
        self._remember_dir(path)
        self.session.notify(text)

    def export_weights(self) -> None:
        path = self.ask_save_path(self.tr("Export weights"), self.tr("NumPy arrays (*.npz)"), "weights.npz")
        if not path:
            return
        if not path.lower().endswith(".npz"):
            path += ".npz"
        try:
            weights.save_npz(self.session.trainer.network, path)
        except weights.WeightsError as exc:
            self.show_error(self.tr("Cannot export the weights"), str(exc))
            return
        self._remember_dir(path)
        self.session.notify(fill(self.tr("Exported %1: W1, b1, ... and the activations "
                                         "(File ▸ Import weights… opens it)"), shown_name(path)))

    def import_weights(self) -> None:
        """File ▸ Import weights…: read the file, then let the dialog open the network."""
        self.session.pause()
        path = self.ask_open_path(self.tr("Import weights"), self.tr("Weights (*.npz *.pt *.pth);;All files (*)"))
        if not path:
            return
        try:
            imported = weights.read(path)
        except weights.WeightsError as exc:
            self.show_error(self.tr("Cannot import the weights"), str(exc))
            return
        self._remember_dir(path)
        from nnviz.gui.dialogs.weights_import import ImportWeightsDialog

        run_once(ImportWeightsDialog(self.session, imported, self.ask_open_path, self))
