"""The core must not pull in Qt: importing every nnviz.core module in a fresh
interpreter leaves PySide6, shiboken6, PyQt* and pyqtgraph out of sys.modules."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

QT_PREFIXES = ("PySide6", "shiboken6", "PyQt", "pyqtgraph")

SCRIPT = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import nnviz.core
    names = ["nnviz.core"]
    for info in pkgutil.walk_packages(nnviz.core.__path__, "nnviz.core."):
        importlib.import_module(info.name)
        names.append(info.name)
    print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
    """
)


def run_probe(script: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def qt_modules(modules) -> list[str]:
    return [m for m in modules if m.startswith(QT_PREFIXES)]


def test_core_imports_no_qt():
    result = run_probe(SCRIPT)
    imported = set(result["imported"])
    # the probe really imported the core's modules
    for name in ("activations", "data.datasets", "events", "losses", "network", "optimizers",
                 "presets", "trainer"):
        assert f"nnviz.core.{name}" in imported
        assert f"nnviz.core.{name}" in result["modules"]
    assert qt_modules(result["modules"]) == []


def test_probe_would_notice_qt():
    """The check itself works: a module list with Qt in it is caught."""
    assert qt_modules(["numpy", "PySide6.QtCore", "shiboken6", "PyQt5.QtGui", "pyqtgraph"]) == [
        "PySide6.QtCore", "shiboken6", "PyQt5.QtGui", "pyqtgraph"]
    assert qt_modules(["nnviz.core", "numpy.linalg", "pyqt_like_but_not"]) == []
