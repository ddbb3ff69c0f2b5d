"""Bring the translations up to date with the code, and compile them.

    .venv/bin/python scripts/update_translations.py           # update every .ts, compile every .qm
    .venv/bin/python scripts/update_translations.py --check   # only say what is out of date (exit 1)
    .venv/bin/python scripts/update_translations.py --new de  # start a translation into German

For each ``resources/translations/nnviz_<language>.ts``:

1. the texts of the layers without Qt are collected from their ``N_`` and ``T_`` calls
   (``nnviz.core.words``) by reading the code's syntax tree, and written as
   ``QCoreApplication.translate`` calls into a stub file: pyside6-lupdate's Python reader
   knows no other marker names, and takes a ``translate`` call for a plural only when its
   count is a literal number, which the stub can give;
2. ``pyside6-lupdate`` reads nnviz/ and the stub and merges what it finds into the
   ``.ts`` (new texts come in unfinished, texts gone from the code are dropped);
3. the stub's locations in the ``.ts`` are replaced by the calls' own files and lines;
4. ``pyside6-lrelease`` compiles the ``.ts`` into the ``.qm`` that nnviz loads.

English is the source language: its texts are written in the code. But a count
(``tr("%n samples", "", n)``, ``T_(…, n=n)``) has two forms in English too, and the code
writes only one, so ``nnviz_en.ts`` holds the plural messages alone (``lupdate
-pluralonly``), each with its singular and plural written out ("%n sample", "%n
samples"); the window (and ``nnviz trace --lang en``) loads its ``.qm`` when it speaks English.

A translator then fills in the unfinished texts, with Qt Linguist (``pyside6-linguist
resources/translations/nnviz_zh_CN.ts``) or any text editor, following docs/glossary.md,
and runs this script again to compile them.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nnviz"
FOLDER = ROOT / "resources" / "translations"
MARKERS = ("N_", "T_", "Message")
STUB = "nnviz_words_stub.py"
SOURCE_LANGUAGE = "en"  # nnviz.core.words.SOURCE_LANGUAGE (the script does not import nnviz)


@dataclass(frozen=True)
class Marked:
    """One N_/T_ call: where it is and what it marks."""

    path: Path
    line: int
    context: str
    text: str
    disambiguation: str = ""
    numerus: bool = False


class MarkerError(ValueError):
    pass


# ============================================================ the markers
def _literal(node: ast.AST | None, what: str, where: str) -> str:
    if node is None:
        return ""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    raise MarkerError(f"{where}: the {what} of a translated text must be a literal string (not an f-string, "
                      "a name or an expression): write the text out and pass the values as %1, %2 …")


def scan_file(path: Path, root: Path = ROOT) -> list[Marked]:
    """The N_, T_ and Message calls of one file; MarkerError (naming the file from ``root``) for a
    call whose texts are not literal."""
    rel = path.relative_to(root).as_posix()
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name not in MARKERS:
            continue
        where = f"{rel}:{node.lineno}"
        if len(node.args) < 2:
            raise MarkerError(f"{where}: {name} takes a context and a text")
        keywords = {k.arg: k.value for k in node.keywords}
        dis = keywords.get("disambiguation")
        if name == "N_" and len(node.args) > 2:
            dis = node.args[2]
        out.append(Marked(path, node.lineno, _literal(node.args[0], "context", where),
                          _literal(node.args[1], "text", where), _literal(dis, "disambiguation", where),
                          name != "N_" and "n" in keywords))
    return sorted(out, key=lambda m: m.line)


def scan(folder: Path = PACKAGE) -> list[Marked]:
    return [m for path in sorted(folder.rglob("*.py")) for m in scan_file(path, folder.parent)]


def stub_text(marked: list[Marked]) -> str:
    """One QCoreApplication.translate call a line: line k is marked[k - 1]."""
    lines = []
    for m in marked:
        args = [json.dumps(m.context, ensure_ascii=False), json.dumps(m.text, ensure_ascii=False),
                json.dumps(m.disambiguation, ensure_ascii=False)] + (["1"] if m.numerus else [])
        lines.append(f"QCoreApplication.translate({', '.join(args)})")
    return "\n".join(lines) + "\n"


def relocate(ts: str, marked: list[Marked], ts_path: Path) -> str:
    """The stub's locations in the .ts text replaced by the calls' own (relative to the .ts,
    as lupdate writes them)."""
    def real(m: re.Match) -> str:
        found = marked[int(m[1]) - 1]
        where = Path(os.path.relpath(found.path, ts_path.resolve().parent)).as_posix()
        return f'<location filename="{where}" line="{found.line}"/>'

    return re.sub(rf'<location filename="[^"]*{re.escape(STUB)}" line="(\d+)"/>', real, ts)


# ============================================================ the Qt tools
def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: the binaries PySide6 ships, else on PATH."""
    import PySide6

    exe = Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else ""))
    if exe.is_file():
        return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"update_translations: {name} not found (it comes with PySide6)")
    return found


def run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"update_translations: {Path(args[0]).name} failed:\n{done.stdout}{done.stderr}")


def update_ts(ts_path: Path, package: Path = PACKAGE) -> None:
    """Merge the texts of ``package`` into the .ts at ``ts_path`` (created if missing)."""
    marked = scan(package)
    language = ts_path.stem.split("_", 1)[1]
    sources = sorted(str(p) for p in package.rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / STUB
        stub.write_text(stub_text(marked), encoding="utf-8")
        plural_only = ["-pluralonly"] if language == SOURCE_LANGUAGE else []  # English: only the two forms of counts
        run([tool("lupdate"), "-silent", "-no-obsolete", *plural_only, "-target-language", language, *sources,
             str(stub), "-ts", str(ts_path)])
    ts_path.write_text(relocate(ts_path.read_text(encoding="utf-8"), marked, ts_path), encoding="utf-8")


def compile_qm(ts_path: Path, qm_path: Path) -> None:
    run([tool("lrelease"), "-silent", str(ts_path), "-qm", str(qm_path)])


def translation_files(folder: Path = FOLDER) -> list[Path]:
    return sorted(folder.glob("nnviz_*.ts"))


# ============================================================ checking
def messages(ts_text: str) -> dict[tuple[str, str, str], bool]:
    """(context, source, disambiguation) -> finished, for every message of a .ts that is
    in use (obsolete and vanished ones left out)."""
    import xml.etree.ElementTree as ET

    out = {}
    for context in ET.fromstring(ts_text).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            forms = [f.text for f in tr.iter("numerusform")] if message.get("numerus") == "yes" else [tr.text]
            finished = kind is None and all(forms)
            out[(name, message.findtext("source") or "", message.findtext("comment") or "")] = finished
    return out


def problems(ts_path: Path) -> list[str]:
    """What is out of date about one translation: texts in the code missing from the
    .ts, texts there no more, unfinished translations, a .qm that is not the .ts compiled."""
    out = []
    committed = ts_path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / ts_path.name
        fresh_ts.write_text(committed, encoding="utf-8")
        update_ts(fresh_ts)
        fresh = messages(fresh_ts.read_text(encoding="utf-8"))
        have = messages(committed)
        qm = ts_path.with_suffix(".qm")
        fresh_qm = Path(tmp) / qm.name
        compile_qm(ts_path, fresh_qm)
        same_qm = qm.is_file() and qm.read_bytes() == fresh_qm.read_bytes()
    for key in sorted(fresh.keys() - have.keys()):
        out.append(f"{ts_path.name}: not in the file: [{key[0]}] {key[1]!r}")
    for key in sorted(have.keys() - fresh.keys()):
        out.append(f"{ts_path.name}: no longer in the code: [{key[0]}] {key[1]!r}")
    for key, finished in sorted(have.items()):
        if not finished:
            out.append(f"{ts_path.name}: unfinished: [{key[0]}] {key[1]!r}")
    if not same_qm:
        out.append(f"{qm.name}: not the compiled {ts_path.name}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="say what is out of date; change nothing")
    parser.add_argument("--new", metavar="LANGUAGE", help="start a translation, e.g. de or pt_BR")
    args = parser.parse_args(argv)
    if args.new:
        if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", args.new):
            parser.error(f"--new: expected a language code such as de or pt_BR, got {args.new!r}")
        FOLDER.mkdir(parents=True, exist_ok=True)
        update_ts(FOLDER / f"nnviz_{args.new}.ts")
    if args.check:
        found = [p for ts in translation_files() for p in problems(ts)]
        print("\n".join(found) or "translations up to date")
        return 1 if found else 0
    for ts in translation_files():
        update_ts(ts)
        compile_qm(ts, ts.with_suffix(".qm"))
        unfinished = sum(not f for f in messages(ts.read_text(encoding="utf-8")).values())
        print(f"{ts.relative_to(ROOT)}: {unfinished} unfinished" if unfinished else f"{ts.relative_to(ROOT)}: done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
