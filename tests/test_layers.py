"""The screens, their words and the command line reach the data only through services.

They import nothing from `frontdesk.store`: what they need (the data folder, the database's
name, logging in, the errors to catch) is offered by `frontdesk.services`. Checked on the
source with `ast`, so an import under TYPE_CHECKING or inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import frontdesk

PACKAGE = Path(frontdesk.__file__).parent
FORBIDDEN = "frontdesk.store"


def presentation_files() -> list[Path]:
    """frontdesk/ui, frontdesk/words, frontdesk/cli* (module or package), the export command
    and app.py."""
    files = sorted((PACKAGE / "ui").rglob("*.py")) + sorted((PACKAGE / "words").rglob("*.py"))
    for entry in sorted(PACKAGE.glob("cli*")):
        files += sorted(entry.rglob("*.py")) if entry.is_dir() else [entry]
    files += [p for p in (PACKAGE / "export" / "cli.py", PACKAGE / "app.py") if p.exists()]
    return [p for p in files if p.suffix == ".py"]


def _module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The module an import-from names, relative imports resolved against the file's own."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _is_store(name: str) -> bool:
    return name == FORBIDDEN or name.startswith(FORBIDDEN + ".")


def store_imports(
    source: str, module: str = "frontdesk.ui.x", is_package: bool = False
) -> list[str]:
    """Every `frontdesk.store` module the source imports, as 'line: module'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if called in ("import_module", "__import__") and isinstance(first, ast.Constant):
                names = [str(first.value)]
        found += [f"{node.lineno}: {name}" for name in names if _is_store(name)][:1]
    return found


@pytest.mark.parametrize(
    ("source", "module", "is_package"),
    [
        ("import frontdesk.store.db", "frontdesk.ui.x", False),
        ("from frontdesk.store.errors import StoreError", "frontdesk.app", False),
        ("from frontdesk import store", "frontdesk.cli", False),
        ("from ...store import paths", "frontdesk.ui.supervisor.x", False),
        ("from ..store.db import Database", "frontdesk.cli", True),
        ("if TYPE_CHECKING:\n    from frontdesk.store.models import Supervisor", "m", False),
        ("def f():\n    from frontdesk.store.paths import data_dir", "frontdesk.app", False),
        ("importlib.import_module('frontdesk.store.startup')", "frontdesk.app", False),
    ],
)
def test_the_check_sees_every_kind_of_store_import(
    source: str, module: str, is_package: bool
) -> None:
    assert store_imports(source, module, is_package)


def test_the_check_lets_services_through() -> None:
    source = "from frontdesk.services.errors import FrontdeskError\nimport frontdesk.storefront"
    assert store_imports(source) == []


def test_ui_and_cli_import_nothing_from_the_store() -> None:
    files = presentation_files()
    assert PACKAGE / "app.py" in files and any("ui" in p.parts for p in files)
    assert any(p.name.startswith("cli") or "cli" in p.parts for p in files)
    offences = {
        str(path.relative_to(PACKAGE.parent)): hits
        for path in files
        if (
            hits := store_imports(
                path.read_text(encoding="utf-8"), _module_of(path), path.name == "__init__.py"
            )
        )
    }
    assert offences == {}, "import what the UI/CLI needs from frontdesk.services instead"
