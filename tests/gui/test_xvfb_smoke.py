"""One smoke test of the real window on a real X server (Xvfb) with Qt's xcb platform.

Every other GUI test runs on the offscreen platform. CI (.ci/run) installs Xvfb and the
libraries the xcb platform needs; without Xvfb on the machine this test is skipped.
"""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QGuiApplication
    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow
    from nnviz.app.session import Session
    from nnviz.gui.qt_session import QtSession
    from nnviz.core import presets

    app = application()
    assert QGuiApplication.platformName() == "xcb", QGuiApplication.platformName()
    settings = QSettings(sys.argv[1] + "/nnviz.ini", QSettings.Format.IniFormat)
    window = MainWindow(QtSession(Session(presets.load("mazur"))), settings)
    window.show()

    def check():
        window.controls.next_button.click()
        window.controls.iteration_button.click()
        assert window.session.trainer.iteration == 1
        image = window.grab().toImage()
        assert image.width() > 800 and image.height() > 600
        window.grab().save(sys.argv[1] + "/window.png")
        print("OK", window.windowTitle())
        window.close()
        app.quit()

    QTimer.singleShot(300, check)
    QTimer.singleShot(20000, lambda: (print("TIMEOUT"), app.exit(3)))
    sys.exit(app.exec())
""")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (CI installs it)")
def test_real_window_opens_and_steps_on_an_x_server(tmp_path):
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as f:
            display = f.readline().strip()
        assert display, "Xvfb did not report a display"
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "OK" in result.stdout
        assert (tmp_path / "window.png").stat().st_size > 10_000
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
