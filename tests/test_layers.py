"""The layers: ui/cli -> services -> core + store, no arrow back.

The screens, their words and the command line reach the data only through services: they
import nothing from `frontdesk.store` (what they need, the data folder, the database's name,
logging in, the errors to catch, is offered by `frontdesk.services`). The core imports
nothing of ours but the core (plain Python rules), and the store never imports the screens,
the words or the services. Checked on the source with `ast`, so an import under
TYPE_CHECKING or inside a function counts too.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

import frontdesk

PACKAGE = Path(frontdesk.__file__).parent
FORBIDDEN = "frontdesk.store"


PRESENTATION = ("ui", "words", "cli", "app.py")  # packages and modules that face people


def _files(*names: str) -> list[Path]:
    """The Python files of these packages or modules under frontdesk/; each must exist, so
    a moved or renamed one fails here instead of being skipped silently."""
    files: list[Path] = []
    for name in names:
        path = PACKAGE / name
        assert path.exists(), f"{path} is checked but does not exist: update the list"
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def presentation_files() -> list[Path]:
    """frontdesk/ui, frontdesk/words, the command-line package and app.py."""
    return _files(*PRESENTATION)


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
    return imports_matching(source, module, is_package, _is_store)


def imports_matching(
    source: str, module: str, is_package: bool, bad: Callable[[str], bool]
) -> list[str]:
    """Every module the source imports for which `bad` holds, as 'line: module'."""
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
        found += [f"{node.lineno}: {name}" for name in names if bad(name)][:1]
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


def _offences(files: list[Path], bad: Callable[[str], bool]) -> dict[str, list[str]]:
    return {
        str(path.relative_to(PACKAGE.parent)): hits
        for path in files
        if (
            hits := imports_matching(
                path.read_text(encoding="utf-8"),
                _module_of(path),
                path.name == "__init__.py",
                bad,
            )
        )
    }


def _under(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _ours_but_not_core(name: str) -> bool:
    """A frontdesk module outside frontdesk.core ("frontdesk" alone names the package)."""
    return _under(name, "frontdesk") and name != "frontdesk" and not _under(name, "frontdesk.core")


def test_a_missing_checked_path_fails_instead_of_being_skipped() -> None:
    with pytest.raises(AssertionError, match="does not exist"):
        _files("export/cli.py")


def test_the_core_checks_see_an_import_from_outside_the_core() -> None:
    assert imports_matching(
        "from frontdesk.services import swaps", "frontdesk.core.x", False, _ours_but_not_core
    )
    assert imports_matching(
        "from ..words import dates", "frontdesk.core.x", False, _ours_but_not_core
    )
    assert not imports_matching(
        "from frontdesk.core.text import clean\nfrom . import codes",
        "frontdesk.core.x",
        False,
        _ours_but_not_core,
    )


def test_the_core_imports_nothing_of_ours_but_the_core() -> None:
    files = _files("core")
    assert PACKAGE / "core" / "swaps.py" in files
    assert _offences(files, _ours_but_not_core) == {}, "core rules need no other layer"


def test_the_store_never_imports_screens_words_or_services() -> None:
    files = _files("store")
    assert PACKAGE / "store" / "models.py" in files

    def upward(name: str) -> bool:
        return _under(
            name, "frontdesk.ui", "frontdesk.words", "frontdesk.services", "frontdesk.cli"
        )

    assert _offences(files, upward) == {}, "the store is below the services"
