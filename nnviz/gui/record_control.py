"""Recording in the window: start with the Record dialog's options, a red indicator in
the status bar while frames are taken, and Stop (or the last asked frame) writes the
file in a worker thread, with progress and Cancel; a cancelled or failed write leaves
no partial file and an earlier file as it was."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog

from nnviz.core.words import T_, fill
from nnviz.gui.recording import Recorder, RecordOptions, canvas_picture, keep_colours, widget_picture
from nnviz.gui.widgets import palette
from nnviz.io import animation
from nnviz.io.files import FileError, shown_name

INDICATOR = "#d32f2f"


class AnimationWriter(QThread):
    """Encodes and writes the frames off the GUI thread; ``stop`` cancels between frames."""

    progressed = Signal(int, int)
    succeeded = Signal()
    failed = Signal(str)  # "" when cancelled

    def __init__(self, path: str, frames: animation.Frames, fps: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.frames, self.fps = path, frames, fps
        self.stop = threading.Event()
        self.keep = keep_colours()

    def run(self) -> None:  # the worker thread
        try:
            animation.write(self.path, self.frames, self.fps, self.keep,
                            progress=lambda done, total: self.progressed.emit(done, total),
                            should_stop=self.stop.is_set)
        except animation.Cancelled:
            self.failed.emit("")
        except (animation.AnimationError, FileError, MemoryError) as exc:
            self.failed.emit(str(exc) or type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost in a thread
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit()


class RecordControl(QObject):
    recordingChanged = Signal(bool)
    finished = Signal(str)  # the path written, or "" (cancelled or failed)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.recorder: Recorder | None = None
        self.writer: AnimationWriter | None = None
        self.progress: QProgressDialog | None = None
        self.path: str | None = None
        self.options = RecordOptions()
        self.indicator = QLabel()
        self.indicator.setObjectName("recordingIndicator")
        self.indicator.setStyleSheet(f"color: {INDICATOR}; font-weight: bold")
        self.indicator.setVisible(False)
        window.statusBar().addPermanentWidget(self.indicator)

    @property
    def recording(self) -> bool:
        return self.recorder is not None and self.recorder.recording

    @property
    def writing(self) -> bool:
        return self.writer is not None

    # ------------------------------------------------------------ recording
    def start(self, options: RecordOptions, path: str) -> None:
        if self.recording or self.writing:
            return
        w = self.window
        if options.show == "canvas":
            picture = canvas_picture(w.canvas)
            background = palette.canvas_background(w.canvas.palette())
        elif options.show == "surface":
            w.surface_dock.show()
            w.surface_dock.raise_()
            picture = widget_picture(w.surface_panel, before=w.surface_panel.refresh_now)
            background = w.surface_panel.palette().color(w.surface_panel.backgroundRole())
        else:
            picture = widget_picture(w, resize=False)
            background = w.palette().color(w.backgroundRole())
        self.options, self.path = options, path
        self.recorder = Recorder(self.session, picture, options, background, palette.text_color(w.palette()), self)
        self.recorder.frameAdded.connect(self._show_count)
        self.recorder.full.connect(self.stop)
        self.indicator.setVisible(True)
        self.recordingChanged.emit(True)
        self.recorder.start()
        self.session.notify(fill(self.tr("Recording %1: press Stop (or Record) to write it"), shown_name(path)))

    def _show_count(self, n: int) -> None:
        wanted = self.recorder.wanted if self.recorder is not None else None
        frames = (T_("RecordControl", "%n of %1 frames", wanted, n=n) if wanted
                  else T_("RecordControl", "%n frames", n=n))
        self.indicator.setText(f"● REC  {frames}")

    def stop(self) -> None:
        """Stop taking frames and write the file (in the background)."""
        if not self.recording:
            return
        self.recorder.stop()
        self.indicator.setVisible(False)
        self.recordingChanged.emit(False)
        frames = self.recorder.frames
        if self.recorder.at_limit:
            self.session.notify(fill(self.tr("Recording stopped at the limit of %1 frames after the first"),
                                     f"{len(frames) - 1:,}"))
        self.writer = AnimationWriter(self.path, frames, self.options.fps, self)
        self.writer.progressed.connect(self._on_progress)
        self.writer.succeeded.connect(self._on_written)
        self.writer.failed.connect(self._on_failed)
        self.progress = QProgressDialog(fill(self.tr("Writing %1…"), shown_name(self.path)), self.tr("Cancel"), 0,
                                        len(frames), self.window)
        self.progress.setWindowTitle(self.tr("Recording"))
        # Not modal: a modal dialog's setValue() runs a nested event loop, in which the
        # writer's last signal could close and delete the dialog under setValue().
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.writer.start()

    def cancel(self) -> None:
        """Stop writing: nothing is written (an earlier file stays as it was)."""
        if self.writer is not None:
            self.writer.stop.set()

    def finish_now(self) -> None:
        """The window is closing: stop, and wait for the file to be written."""
        self.stop()
        if self.writer is not None:
            self.writer.wait()
            QCoreApplication.sendPostedEvents(self)  # its last signal: written, or why not

    def _on_progress(self, done: int, total: int) -> None:
        dialog = self.progress
        if dialog is not None:
            dialog.setLabelText(fill(self.tr("Writing %1… frame %2 of %3"), shown_name(self.path), done, total))
            dialog.setValue(done)

    def _on_written(self) -> None:
        n = len(self.writer.frames)
        self._on_done()
        seconds = n / (100.0 / animation.gif_delay_cs(self.options.fps)
                       if self.path.lower().endswith(".gif") else self.options.fps)
        args = f"{seconds:.3g}", shown_name(self.path)
        self.session.notify(T_("RecordControl", "Recorded %n frames (%1 s) to %2", *args, n=n))
        self.finished.emit(self.path)

    def _on_failed(self, text: str) -> None:
        self._on_done()
        if text:
            self.window.show_error(self.tr("Cannot write the recording"),
                                   fill(self.tr("%1\nNothing was written."), text))
        else:
            self.session.notify(self.tr("Recording cancelled: nothing was written"))
        self.finished.emit("")

    def _on_done(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.writer is not None:
            self.writer.wait()
            self.writer.deleteLater()
            self.writer = None
