"""The CLI tests' fixtures (``nnviz_cli`` and ``nnviz_error`` are in tests/conftest.py)."""

import pytest


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """Run every command in an empty temporary folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
