"""The layering, checked on the source: import-linter's contracts (pyproject.toml: the core,
io and the application layer import no Qt, the core nothing above it, io nothing of the
window, the application layer or the command line), and no module using another module's
private (``_name``) names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nnviz"


def test_import_linter_contracts_are_kept(capsys):
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    report = capsys.readouterr().out
    assert code == 0, report


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _absolute(module: str | None, level: int, here: str, is_package: bool) -> str:
    if not level:
        return module or ""
    base = here.split(".")
    base = base[:len(base) - level + (1 if is_package else 0)]
    return ".".join(base + ([module] if module else []))


def private_uses(path: Path, root: Path = ROOT) -> set[tuple[str, str]]:
    """(this module, the other module's private name) for each ``from m import _x``,
    ``import m._x`` and ``name._x`` where ``name`` was imported from another module."""
    here = _module_name(path, root)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    imported: dict[str, str] = {}  # local name -> where it comes from
    uses = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if any(_private(part) for part in alias.name.split(".")):
                    uses.add((here, alias.name))
                local = alias.asname or alias.name.split(".")[0]
                imported[local] = alias.name if alias.asname else local
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node.module, node.level, here, is_package)
            for alias in node.names:
                if _private(alias.name):
                    uses.add((here, f"{source}.{alias.name}"))
                imported[alias.asname or alias.name] = f"{source}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name) \
                and node.value.id in imported:
            uses.add((here, f"{imported[node.value.id]}.{node.attr}"))
    return uses


def all_private_uses() -> set[tuple[str, str]]:
    return set().union(*(private_uses(p) for p in sorted(PACKAGE.rglob("*.py"))))


def test_no_module_uses_another_modules_private_names():
    assert all_private_uses() == set()


def test_gui_modules_use_no_private_name_of_another_module():
    found = {(m, name) for m, name in all_private_uses() if m.startswith("nnviz.gui")}
    assert found == set()


@pytest.mark.parametrize("source, expected", [
    ("from nnviz.core.trainer import _forward_math\n", {("nnviz.x", "nnviz.core.trainer._forward_math")}),
    ("from .widgets import _Throttle as T\n", {("nnviz.x", "nnviz.widgets._Throttle")}),
    ("import nnviz.core.trainer as tm\ny = tm._update_math\n", {("nnviz.x", "nnviz.core.trainer._update_math")}),
    ("from nnviz.core import trainer\ny = trainer._rng\n", {("nnviz.x", "nnviz.core.trainer._rng")}),
    ("import nnviz._secret\n", {("nnviz.x", "nnviz._secret")}),
    ("from __future__ import annotations\nclass A:\n    def f(self):\n        return self._x + A._y\n", set()),
    ("import os\nos.__file__\n", set()),
])
def test_the_checker_sees_each_kind_of_use(tmp_path, source, expected):
    (tmp_path / "nnviz").mkdir()
    path = tmp_path / "nnviz" / "x.py"
    path.write_text(source, encoding="utf-8")
    assert private_uses(path, tmp_path) == expected
