"""The window: Play speed with the window open against the same training headless, the
seconds from pressing Play on xor at the default speed to 100% accuracy, and the time
from starting Python to the first painted window.

Both run on Qt's offscreen platform (no display needed); a real screen adds the
compositor's time to the start-up number, not to Play.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TITLE = "Window: Play and start-up"
NOTES = ["Play: the window's time-sliced Play at full speed (iteration by iteration, redrawing "
         "between slices) against Trainer.run, in interleaved rounds of equal wall time (3 rounds of "
         "2 s each; the ratio is the median of the rounds' ratios), on the xor preset and a 2-16-16-1 "
         "network with 200 samples; frames/s: how often the views redrew during Play. First minute: the Play "
         "button pressed on xor at the default speed (one iteration per frame of the screen) until the "
         "accuracy reaches 100% (median of 3, the window settled first). Start-up: a fresh Python process "
         "until the canvas first paints (best of 3)."]
FIRST_MINUTE_TARGET_S = 10  # issue 16: a newcomer sees xor learn within seconds
PLAY_TARGET = 0.8
STARTUP_TARGET_MS = 800

STARTUP = textwrap.dedent("""
    import time
    t0 = time.perf_counter()
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow
    from nnviz.app.session import Session
    from nnviz.gui.qt_session import QtSession
    from nnviz.core import presets
    app = application()
    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print(time.perf_counter() - t0)
                app.quit()
            return False
    import tempfile
    ini = os.path.join(tempfile.mkdtemp(), "nnviz.ini")  # never the user's settings
    window = MainWindow(QtSession(Session(presets.load("mazur"))), QSettings(ini, QSettings.Format.IniFormat))
    watcher = FirstPaint()
    window.canvas.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(20000, app.quit)
    app.exec()
""")


def _deep_trainer():
    import numpy as np

    from nnviz.core.data.datasets import Dataset
    from nnviz.core.trainer import create

    rng = np.random.default_rng(2024)
    x = np.vstack([rng.normal(-1, 0.8, (100, 2)), rng.normal(1, 0.8, (100, 2))])
    t = np.vstack([np.zeros((100, 1)), np.ones((100, 1))])
    return create([2, 16, 16, 1], "sigmoid", Dataset(x, t), seed=0, learning_rate=0.5)


def play_rates(make, seconds: float, rounds: int) -> tuple[float, float, float, float]:
    """(headless iterations/s, window iterations/s, ratio, frames/s): ``rounds``
    interleaved rounds of ``seconds`` of Trainer.run and ``seconds`` of Play in the
    window; the rates are the medians, the ratio the median of each round's window /
    headless. A frame is one stateChanged of the session: the views redraw once for it."""
    import numpy as np
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from nnviz.app.session import FAST_PLAY, Session
    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow
    from nnviz.gui.qt_session import QtSession

    app = application()
    headless = make()
    headless.run(50)
    session = QtSession(Session(make()))
    # A private settings file: never the user's, nor os.devnull, which QSettings would
    # replace with a regular file when it saves.
    ini = os.path.join(tempfile.mkdtemp(), "nnviz.ini")
    window = MainWindow(session, QSettings(ini, QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    def settle() -> None:  # the work a pause or the first paint leaves: not part of Play
        start = time.perf_counter()
        while time.perf_counter() - start < 0.5:
            app.processEvents()

    settle()
    frames = [0]
    session.stateChanged.connect(lambda *_: frames.__setitem__(0, frames[0] + 1))
    session.set_play_unit("iteration")
    session.set_play_speed(FAST_PLAY)
    rates = []
    for _ in range(rounds):
        start, done = time.perf_counter(), 0
        while time.perf_counter() - start < seconds:
            done += headless.run(200).iterations
        headless_rate = done / (time.perf_counter() - start)
        first, frames[0] = session.trainer.iteration, 0
        start = time.perf_counter()
        session.play()
        while time.perf_counter() - start < seconds:
            app.processEvents()
        session.pause()
        elapsed = time.perf_counter() - start
        rates.append((headless_rate, (session.trainer.iteration - first) / elapsed, frames[0] / elapsed))
        settle()
    window.close()
    QApplication.processEvents()
    r = np.array(rates)
    return (float(np.median(r[:, 0])), float(np.median(r[:, 1])), float(np.median(r[:, 1] / r[:, 0])),
            float(np.median(r[:, 2])))


def first_minute(repeats: int) -> tuple[float, int, float]:
    """(seconds, iterations, frames/s) from pressing Play on xor at the default speed
    until the accuracy is 100%, the median of ``repeats`` runs from the start."""
    import numpy as np
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from nnviz.app.session import Session
    from nnviz.core import presets
    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow
    from nnviz.gui.qt_session import QtSession

    app = application()
    session = QtSession(Session(presets.load("xor")))
    window = MainWindow(session, QSettings(os.path.join(tempfile.mkdtemp(), "nnviz.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    t = session.trainer
    runs = []
    for _ in range(repeats):
        session.reset()
        start = time.perf_counter()
        while time.perf_counter() - start < 0.5:  # the window settles: not part of the minute
            app.processEvents()
        frames = [0]
        count = lambda *_: frames.__setitem__(0, frames[0] + 1)  # noqa: E731
        session.stateChanged.connect(count)
        start = time.perf_counter()
        window.controls.play_button.click()
        while not (t.accuracy_history and t.accuracy_history[-1] == 1.0) and time.perf_counter() - start < 60:
            app.processEvents()
        elapsed = time.perf_counter() - start
        session.pause()
        session.stateChanged.disconnect(count)
        runs.append((elapsed, t.iteration, frames[0] / elapsed))
    window.close()
    QApplication.processEvents()
    k = int(np.argsort([r[0] for r in runs])[len(runs) // 2])
    return runs[k]


def startup_seconds(repeats: int) -> float:
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return min(times)


def run(quick: bool) -> list[dict[str, Any]]:
    from nnviz.core import presets

    seconds, rounds = (1.0, 1) if quick else (2.0, 3)
    rows = []
    for label, make in (("xor 2-4-1", lambda: presets.load("xor")), ("2-16-16-1, 200 samples", _deep_trainer)):
        headless, window, ratio, fps = play_rates(make, seconds, rounds)
        rows.append({"benchmark": "Play, window open", "net": label, "value": f"{window:,.0f}",
                     "unit": "iterations/s", "headless": f"{headless:,.0f}", "ratio": f"{ratio:.2f}",
                     "frames/s": f"{fps:.1f}",
                     "target": f">= {PLAY_TARGET} of headless", "met": "yes" if ratio >= PLAY_TARGET else "no"})
    seconds_to_learn, iterations, fps = first_minute(1 if quick else 3)
    rows.append({"benchmark": "Play to 100% accuracy, default speed", "net": "xor 2-4-1",
                 "value": f"{seconds_to_learn:.1f}", "unit": f"s ({iterations} iterations)", "headless": "",
                 "ratio": "", "frames/s": f"{fps:.1f}", "target": f"< {FIRST_MINUTE_TARGET_S} s",
                 "met": "yes" if seconds_to_learn < FIRST_MINUTE_TARGET_S else "no"})
    start = startup_seconds(1 if quick else 3)
    rows.append({"benchmark": "start-up to first paint", "net": "mazur", "value": f"{start * 1000:,.0f}",
                 "unit": "ms", "headless": "", "ratio": "", "frames/s": "", "target": f"< {STARTUP_TARGET_MS} ms",
                 "met": "yes" if start * 1000 < STARTUP_TARGET_MS else "no"})
    return rows
