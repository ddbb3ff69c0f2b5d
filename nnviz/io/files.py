"""Every file nnviz writes or reads goes through here.

``atomic_writer(path)`` / ``write_atomic(path, data)``: the one writer. The data goes to a
temporary file in the target's folder (``.NAME.PID-XXXXXXXX.tmp``), is flushed to disk,
and is renamed over the target: an existing file is replaced whole or not at all. A
symbolic link is written through (the file it points to is replaced, the link stays);
folders, devices, FIFOs and sockets are refused; an existing file keeps its
permissions. Ctrl-C or SIGTERM during a write removes the temporary file; a temporary
file left by a killed process (``kill -9``, a power cut) is removed by the next write
to the same target.

``check_writable(path)``: the same checks before any work, plus a probe of the folder,
so a command fails at once rather than after a long run.

``read_bytes(path, limit, what)``: the one reader. Only regular files are opened (a FIFO,
``/dev/zero``, a socket or a folder is refused before anything is read), and a file
larger than ``limit`` bytes is refused before reading it.

Every failure is a ``FileError`` whose message is one line naming the file;
``os_error_message`` turns an ``OSError`` into that line's reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO, Iterator

from nnviz.core.words import N_, T_, translate

__all__ = ["FileError", "atomic_writer", "check_writable", "one_line", "os_error_message", "quote",
           "read_bytes", "read_text", "shown_name", "write_atomic"]

MiB = 1 << 20
QUOTE_LIMIT = 40  # characters of user text quoted in a message


class FileError(ValueError):
    """A file that cannot be read or written; the message is one line for the user."""


# ================================================================== messages
def os_error_message(exc: OSError) -> str:
    """The reason of ``exc`` (its ``strerror``), without the file name, as one line."""
    return one_line(exc.strerror or str(exc) or type(exc).__name__)


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """User text for a message: in quotes, control characters escaped, cut to ``limit``
    characters (with the total length when it was cut)."""
    text = str(text)
    if len(text) > limit:
        return repr(text[:limit])[:-1] + f"...' ({len(text):,} characters)"
    return repr(text)


def _shown(path: str | os.PathLike) -> str:
    return one_line(os.fspath(path))


def shown_name(path: str | os.PathLike) -> str:
    """A file's name (without its folder) for a message: one line, whatever it holds."""
    return one_line(Path(path).name)


# ==================================================================== writing
def _target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` replaces: a symbolic link's target; refuses what the
    writer cannot replace (an empty name, a name ending in a slash, a folder, a special
    file)."""
    raw = os.fspath(path)
    if isinstance(raw, bytes):
        raw = os.fsdecode(raw)
    if not raw:
        raise FileError(T_("FileError", "cannot write to an empty file name"))
    if raw.endswith(("/", os.sep)):
        raise FileError(T_("FileError", "cannot write %1: the name ends with a slash (a folder), not a file name",
                           _shown(raw)))
    target = Path(raw)
    try:
        if target.is_symlink():
            target = Path(os.path.realpath(target, strict=False))
            if target.is_symlink():  # realpath stops at a loop
                raise RuntimeError("loop")
        st = target.stat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise FileError(T_("FileError", "cannot write %1: the folder %2 does not exist", _shown(raw),
                               _shown(target.parent))) from None
        return target
    except (OSError, RuntimeError) as exc:
        loop = isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP
        reason = T_("FileError", "a loop of symbolic links") if loop else os_error_message(exc)
        raise FileError(T_("FileError", "cannot write %1: %2", _shown(raw), reason)) from None
    if stat.S_ISDIR(st.st_mode):
        raise FileError(T_("FileError", "cannot write %1: it is a folder", _shown(raw)))
    if not stat.S_ISREG(st.st_mode):
        raise FileError(T_("FileError", "cannot write %1: not a regular file (%2)", _shown(raw), _kind(st.st_mode)))
    if not os.access(target, os.W_OK):  # a read-only file is not replaced, though the folder would allow it
        raise FileError(T_("FileError", "cannot write %1: the file is read-only", _shown(raw)))
    return target


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return T_("FileError", "a FIFO")
    if stat.S_ISSOCK(mode):
        return T_("FileError", "a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return T_("FileError", "a device")
    return T_("FileError", "a special file")


def _create_temporary(target: Path, shown: str) -> tuple[int, str]:
    """A new temporary file beside ``target``, ``.NAME.PID-XXXXXXXX.tmp``: (descriptor, name)."""
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise FileError(T_("FileError", "cannot write %1: cannot create a file in the folder %2 (%3)", shown,
                           _shown(target.parent), os_error_message(exc))) from None


def _remove_stale_temporaries(target: Path) -> None:
    """Remove temporaries of ``target`` written by processes that no longer run (and the
    ``.NAME.XXXXXXXX.tmp`` of earlier nnviz versions)."""
    folder = target.parent
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:(\d+)-)?[a-z0-9_]{{8}}\.tmp")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        m = pattern.fullmatch(name)
        if m is None or m.group(1) is not None and _running(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / name)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 & ~umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _Terminated(BaseException):
    """SIGTERM arrived during a write."""


@contextlib.contextmanager
def _terminate_after_cleanup(shown: str) -> Iterator[None]:
    """While the block runs, SIGTERM unwinds it (so ``finally`` clauses remove temporary
    files) and is then delivered again to the handler there was before."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous in (None, signal.SIG_IGN):  # installed outside Python, or ignored: leave it
        yield
        return

    def handler(signum, frame):
        raise _Terminated

    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, previous)
        signal.raise_signal(signal.SIGTERM)
        raise FileError(T_("FileError", "cannot write %1: interrupted", shown)) from None  # the handler let us live
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into; on leaving the block without
    an exception it replaces ``path`` whole. Raises FileError (one line) and leaves any
    existing file as it was when anything fails, including an exception in the block."""
    target = _target(path)
    shown = _shown(path)
    with _terminate_after_cleanup(shown):
        _remove_stale_temporaries(target)
        tmp_name = None
        try:
            fd, tmp_name = _create_temporary(target, shown)
            with os.fdopen(fd, "wb") as fh:
                os.chmod(tmp_name, _file_mode(target))
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, target)
            tmp_name = None
        except OSError as exc:
            raise FileError(T_("FileError", "cannot write %1: %2", shown, os_error_message(exc))) from None
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)


def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` with :func:`atomic_writer`."""
    with atomic_writer(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


def check_writable(path: str | os.PathLike) -> Path:
    """Raise FileError now if a later write to ``path`` would fail for a reason that can be
    seen in advance (a bad name, a folder or special file in the way, a missing or
    read-only folder, a file system that takes no new files such as /proc); returns the
    file that will be replaced (a symbolic link's target)."""
    target = _target(path)
    fd, probe = _create_temporary(target, _shown(path))  # the writer's own first step
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return target


# ==================================================================== reading
def read_bytes(path: str | os.PathLike, limit: int, what: str = N_("FileError", "file")) -> bytes:
    """The content of the regular file ``path``, at most ``limit`` bytes; raises FileError
    (one line) for a missing file, a folder, a FIFO, device or socket (refused before
    anything is read, so nothing blocks), or a file over the limit."""
    raw, what = os.fspath(path), translate("FileError", what)  # what: marked with N_
    if not raw:
        raise FileError(T_("FileError", "an empty file name (expected a %1)", what))
    shown = _shown(raw)
    try:
        st = os.stat(raw)  # refuse what is not a file before opening it (a FIFO would block)
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            raise FileError(T_("FileError", "%1: not a regular file (%2), expected a %3", shown, _kind(st.st_mode),
                               what))
        fd = os.open(raw, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileError(T_("FileError", "%1: no such file", shown)) from None
    except IsADirectoryError:
        raise FileError(T_("FileError", "%1: is a folder, not a %2", shown, what)) from None
    except OSError as exc:
        raise FileError(f"{shown}: {os_error_message(exc)}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileError(T_("FileError", "%1: is a folder, not a %2", shown, what))
        if not stat.S_ISREG(st.st_mode):
            raise FileError(T_("FileError", "%1: not a regular file (%2), expected a %3", shown, _kind(st.st_mode),
                               what))
        if st.st_size > limit:
            raise FileError(T_("FileError", "%1: %2 is over the limit of %3 for a %4", shown, _size(st.st_size),
                               _size(limit), what))
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)  # a file that grew, or /proc's files of size 0
    except OSError as exc:
        raise FileError(f"{shown}: {os_error_message(exc)}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileError(T_("FileError", "%1: over the limit of %2 for a %3", shown, _size(limit), what))
    return data


def read_text(path: str | os.PathLike, limit: int, what: str = N_("FileError", "file")) -> str:
    """:func:`read_bytes` decoded as UTF-8 (a byte-order mark is dropped); undecodable
    bytes are one line naming the line they are on."""
    data = read_bytes(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise FileError(T_("FileError", "%1: line %2: not a text file (expected UTF-8 text)", _shown(path),
                           line)) from None


def _size(n: int) -> str:
    if n >= MiB:
        return f"{n / MiB:,.0f} MiB" if n % MiB == 0 else f"{n / MiB:,.1f} MiB"
    return f"{n:,} bytes"
