import os
import threading

import pytest

# Qt must not look for a display: set before any test imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def fifo(tmp_path):
    """A FIFO with a writer waiting in a thread: a reader that wrongly opened it would get
    an empty file (and the test would fail) instead of blocking for ever."""
    path = tmp_path / "pipe"
    os.mkfifo(path)

    def writer():
        with open(path, "wb"):
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    yield str(path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # lets the writer go
    thread.join(timeout=60)
    os.close(fd)
