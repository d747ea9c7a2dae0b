"""The words sit beside the rules: `frontdesk.words` runs on core (and Qt's translator) only.

It imported `frontdesk.services` inside functions for two enums (what a scan came to, where
the day stands against a slot), while services import words to write workbooks: a circle.
Those enums are rules' outcomes and live in core now. Names used only in annotations may
still come from services under TYPE_CHECKING, which never runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import frontdesk

WORDS = Path(frontdesk.__file__).parent / "words"
OURS_NOT_ALLOWED = ("frontdesk.services", "frontdesk.store", "frontdesk.ui", "frontdesk.cli")


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """ids of the import nodes inside `if TYPE_CHECKING:` blocks."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for child in node.body:
                for sub in ast.walk(child):
                    inside.add(id(sub))
    return inside


def runtime_imports(source: str) -> list[str]:
    """Every module imported when the code runs (top level or inside a function)."""
    tree = ast.parse(source)
    skip = _type_checking_blocks(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append(node.module)
    return found


def test_the_check_sees_a_lazy_import_and_spares_type_checking() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from frontdesk.services.kiosk import Board\n"
        "def f():\n    from frontdesk.services.kiosk import SlotPhase\n"
    )
    assert runtime_imports(source) == ["typing", "frontdesk.services.kiosk"]


def test_words_import_no_services_store_ui_or_cli_when_they_run() -> None:
    files = sorted(WORDS.rglob("*.py"))
    assert len(files) > 5
    wrong = [
        f"{path.name}: {name}"
        for path in files
        for name in runtime_imports(path.read_text(encoding="utf-8"))
        if name.startswith(OURS_NOT_ALLOWED)
    ]
    assert wrong == []
