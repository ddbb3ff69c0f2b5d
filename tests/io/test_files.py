"""nnviz.io.files: the one atomic writer (whole or nothing, through links, never onto a
special file, no temporary left behind after a failure, Ctrl-C, SIGTERM or a kill -9
followed by another save) and the one bounded reader (regular files only, a size limit
checked before reading, one line for every failure)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from unittest import mock

import pytest

from nnviz.io import files
from nnviz.io.files import FileError

ROOT = Path(__file__).resolve().parents[2]


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def one_line(exc: BaseException) -> str:
    msg = str(exc)
    assert msg and "\n" not in msg and "\r" not in msg, msg
    return msg


# ===================================================================== writing
def test_write_atomic_writes_text_and_bytes(tmp_path):
    files.write_atomic(tmp_path / "a.txt", "grüße\n")
    files.write_atomic(str(tmp_path / "b.bin"), b"\x00\xff")
    assert listing(tmp_path) == {"a.txt": "grüße\n".encode(), "b.bin": b"\x00\xff"}


def test_atomic_writer_replaces_the_file_whole(tmp_path):
    target = tmp_path / "t.json"
    target.write_bytes(b"old")
    with files.atomic_writer(target) as fh:
        fh.write(b"new ")
        assert target.read_bytes() == b"old"  # nothing visible until the block ends
        fh.write(b"content")
    assert listing(tmp_path) == {"t.json": b"new content"}


@pytest.mark.parametrize("failure", [ValueError("a non-finite number"), KeyboardInterrupt()])
def test_an_exception_in_the_block_keeps_the_old_file_and_no_temporary(tmp_path, failure):
    target = tmp_path / "t.json"
    target.write_bytes(b"old")
    with pytest.raises(type(failure)):
        with files.atomic_writer(target) as fh:
            fh.write(b"half of the n")
            raise failure
    assert listing(tmp_path) == {"t.json": b"old"}


@pytest.mark.parametrize("failing", ["os.replace", "os.fsync"])
def test_a_full_disk_keeps_the_old_file_and_no_temporary(tmp_path, failing):
    target = tmp_path / "t.png"
    target.write_bytes(b"old picture")
    with mock.patch(failing, side_effect=OSError(28, "No space left on device")):
        with pytest.raises(FileError) as e:
            files.write_atomic(target, b"new picture")
    assert "No space left on device" in one_line(e.value) and "t.png" in str(e.value)
    assert listing(tmp_path) == {"t.png": b"old picture"}


def test_a_write_that_fails_midway_keeps_the_old_file(tmp_path):
    target = tmp_path / "t.svg"
    target.write_bytes(b"<svg>old</svg>")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh):
            self.fh, self.written = fh, 0

        def write(self, data):
            if self.written + len(data) > 10:
                raise OSError(28, "No space left on device")
            self.written += len(data)
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)

    with mock.patch("os.fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k))):
        with pytest.raises(FileError) as e:
            files.write_atomic(target, b"<svg>" + b"x" * 1000 + b"</svg>")
    one_line(e.value)
    assert listing(tmp_path) == {"t.svg": b"<svg>old</svg>"}


def test_permissions_are_kept_and_new_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        kept = tmp_path / "kept.csv"
        kept.write_text("x")
        kept.chmod(0o604)
        files.write_atomic(kept, "y")
        files.write_atomic(tmp_path / "new.csv", "z")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o604
        assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    (tmp_path / "sub").mkdir()
    link = tmp_path / "sub" / "link.json"
    link.symlink_to(real)
    files.write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert os.listdir(tmp_path / "sub") == ["link.json"]


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "it is a folder"),
    (lambda p: os.mkfifo(p), "not a regular file (a FIFO)"),
    (lambda p: (p.symlink_to(p.with_name("b")), p.with_name("b").symlink_to(p)), "loop"),
])
def test_what_cannot_be_replaced_is_refused_before_writing(tmp_path, make, words):
    target = tmp_path / "a"
    make(target)
    before = sorted(os.listdir(tmp_path))
    for call in (lambda: files.write_atomic(target, "x"), lambda: files.check_writable(target)):
        with pytest.raises(FileError) as e:
            call()
        assert words in one_line(e.value).lower() or words in str(e.value), str(e.value)
    assert sorted(os.listdir(tmp_path)) == before


def test_a_device_is_refused():
    with pytest.raises(FileError, match=r"not a regular file \(a device\)"):
        files.check_writable("/dev/null")


@pytest.mark.parametrize("name, words", [
    ("", "empty file name"),
    ("sub/", "ends with a slash"),
    ("missing/x.json", "the folder missing does not exist"),
])
def test_bad_names_are_one_line(tmp_path, monkeypatch, name, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    for call in (lambda: files.write_atomic(name, "x"), lambda: files.check_writable(name)):
        with pytest.raises(FileError) as e:
            call()
        assert words in one_line(e.value)
    assert os.listdir(tmp_path) == ["sub"] and os.listdir(tmp_path / "sub") == []


@pytest.mark.parametrize("path", ["/proc/self/nnviz-test.json", "/proc/version", "/sys/kernel/nnviz.json"])
def test_proc_and_sys_are_refused_up_front(path):
    if not Path(path).parent.is_dir():
        pytest.skip(f"no {Path(path).parent} here")
    with pytest.raises(FileError) as e:
        files.check_writable(path)
    assert path in one_line(e.value)


def test_the_folder_probe_leaves_nothing(tmp_path):
    assert files.check_writable(tmp_path / "x.json") == tmp_path / "x.json"
    assert os.listdir(tmp_path) == []


# ==================================================== stale temporary files
def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_save_removes_temporaries_of_dead_processes(tmp_path):
    target = tmp_path / "prev.json"
    target.write_text("old")
    stale = [f".prev.json.{_dead_pid()}-abcd1234.tmp", ".prev.json.k2j4h5g6.tmp"]  # ours, an older nnviz's
    alive = f".prev.json.{os.getppid()}-abcd1234.tmp"  # a save of a process still running
    others = [".other.json.k2j4h5g6.tmp", "prev.json.tmp", ".prev.json.k2j4.tmp"]
    for name in stale + [alive] + others:
        (tmp_path / name).write_text("partial")
    files.write_atomic(target, "new")
    assert sorted(os.listdir(tmp_path)) == sorted(["prev.json", alive] + others)
    assert target.read_text() == "new"


# ======================================================== signals, in a child
CHILD = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from nnviz.io import files

    real_fsync = os.fsync

    def fsync_then_wait(fd):  # the data is in the temporary file, not yet renamed
        real_fsync(fd)
        print("writing", flush=True)
        sys.stdin.readline()  # blocks until the parent kills us

    os.fsync = fsync_then_wait
    files.write_atomic(sys.argv[1], b"new " * 100_000)
    print("done", flush=True)
""")


def _child_at_the_rename(tmp_path: Path, target: Path) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)))
    proc = subprocess.Popen([sys.executable, str(script), str(target)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "writing\n"
    return proc


def test_sigterm_during_a_save_removes_the_temporary_and_keeps_the_old_file(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    target = work / "prev.json"
    target.write_bytes(b"old snapshot")
    proc = _child_at_the_rename(tmp_path, target)
    assert len(os.listdir(work)) == 2  # the target and the temporary
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGTERM  # it still dies of the signal
    assert listing(work) == {"prev.json": b"old snapshot"}


def test_kill_9_during_a_save_keeps_the_old_file_and_the_next_save_cleans_up(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    target = work / "prev.png"
    target.write_bytes(b"old picture")
    proc = _child_at_the_rename(tmp_path, target)
    proc.kill()
    proc.communicate(timeout=60)
    names = os.listdir(work)
    assert len(names) == 2 and target.read_bytes() == b"old picture"  # a temporary is left
    files.write_atomic(target, b"next picture")
    assert listing(work) == {"prev.png": b"next picture"}


# ===================================================================== reading
def test_read_bytes_reads_a_regular_file(tmp_path):
    (tmp_path / "a").write_bytes(b"12345")
    assert files.read_bytes(tmp_path / "a", 5) == b"12345"
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "a")
    assert files.read_bytes(link, 100) == b"12345"


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:  # 3 GiB, sparse: reading it would take that much memory
        fh.truncate(3 * 1024 ** 3)
    with mock.patch("builtins.open", side_effect=AssertionError("opened with open()")):
        with pytest.raises(FileError) as e:
            files.read_bytes(big, 512 * files.MiB, "snapshot file")
    assert one_line(e.value) == f"{big}: 3,072 MiB is over the limit of 512 MiB for a snapshot file"


def test_a_file_that_reports_no_size_is_still_bounded():
    with pytest.raises(FileError, match="over the limit of 10 bytes"):
        files.read_bytes("/proc/self/status", 10)  # size 0 in stat, more when read


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "socket", "folder"])
def test_what_is_not_a_regular_file_is_refused_without_blocking(tmp_path, kind):
    """In a child with a time-out, so that a reader that blocks fails instead of hanging."""
    path = {"dev-zero": "/dev/zero"}.get(kind, str(tmp_path / "x"))
    code = textwrap.dedent(f"""
        import os, socket, sys
        sys.path.insert(0, {str(ROOT)!r})
        from nnviz.io import files
        kind, path = {kind!r}, {path!r}
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            s = socket.socket(socket.AF_UNIX)
            s.bind(path)
        elif kind == "folder":
            os.mkdir(path)
        try:
            files.read_bytes(path, 1 << 20, "data file")
        except files.FileError as exc:
            print(exc)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stderr == ""
    expected = {"fifo": "not a regular file (a FIFO)", "dev-zero": "not a regular file (a device)",
                "socket": "not a regular file (a socket)", "folder": "is a folder"}[kind]
    assert proc.stdout == f"{path}: {expected}" + (", expected a data file\n" if kind != "folder"
                                                   else ", not a data file\n")


@pytest.mark.parametrize("make, words", [
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b"ok\nok\n\xff\xfe"), "line 3: not a text file"),
])
def test_reading_failures_are_one_line(tmp_path, make, words):
    path = tmp_path / "in.csv"
    make(path)
    with pytest.raises(FileError) as e:
        files.read_text(path, 1000)
    assert one_line(e.value) == f"{path}: {words}" or one_line(e.value).startswith(f"{path}: {words}")


def test_an_empty_name_is_not_the_current_folder():
    with pytest.raises(FileError, match="empty file name"):
        files.read_bytes("", 10, "snapshot file")


def test_an_unreadable_file_is_one_line(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "secret.json"
    path.write_text("{}")
    path.chmod(0)
    with pytest.raises(FileError, match="Permission denied"):
        files.read_bytes(path, 10)


# ==================================================================== messages
@pytest.mark.parametrize("text, shown", [
    ("momentum", "'momentum'"),
    ("momentum\nINJECTED", "'momentum\\nINJECTED'"),
    ("a\rb\x1b[2Jc\u2028d", "'a\\rb\\x1b[2Jc\\u2028d'"),
    ("9" * 5_000_000, "'" + "9" * 40 + "...' (5,000,000 characters)"),
])
def test_quote_keeps_user_text_on_one_short_line(text, shown):
    assert files.quote(text) == shown


def test_one_line_escapes_only_what_breaks_a_line():
    assert files.one_line("iteration 3 · loss … ok") == "iteration 3 · loss … ok"
    assert files.one_line("a\nb\tc\x85") == "a\\nb\\tc\\x85"


def test_os_error_message_is_the_reason_alone():
    assert files.os_error_message(OSError(28, "No space left on device", "/x")) == "No space left on device"
    assert files.os_error_message(OSError("odd\nthing")) == "odd\\nthing"
