"""`frontdesk --help` and a command's help stay light: only the group that runs is imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import frontdesk

ROOT = Path(frontdesk.__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "alembic", "openpyxl", "PySide6.QtGui", "PySide6.QtWidgets")


def imported_by(*argv: str) -> set[str]:
    """The modules a fresh interpreter holds after `frontdesk ARGV` (checking its exit code)."""
    code = (
        "import json, sys; from frontdesk.cli import main; "
        f"code = main({list(argv)!r}); "
        "print(json.dumps(sorted(sys.modules))); sys.stdout.flush(); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_help_needs_neither_the_database_nor_the_screens(argv: list[str]) -> None:
    modules = imported_by(*argv)
    assert "PySide6.QtCore" in modules or argv == ["--version"]  # what it does need
    assert not {m for m in modules if m.split(".")[0] in ("sqlalchemy", "alembic", "openpyxl")}
    assert not {m for m in modules if m in HEAVY}
    ours = {m for m in modules if m.startswith("frontdesk.")}
    assert not {m for m in ours if m.startswith(("frontdesk.ui", "frontdesk.services"))}
    assert not {m for m in ours if m.startswith(("frontdesk.store", "frontdesk.app"))}
    assert ours <= {
        "frontdesk.cli",
        "frontdesk.cli.entry",
        "frontdesk.cli.parser",
        "frontdesk.i18n",
    }


def test_a_command_imports_its_own_group_only() -> None:
    modules = imported_by("calendar", "show", "--help")
    assert "frontdesk.cli.calendar" in modules
    others = {"frontdesk.cli." + g for g in ("setup", "volunteers", "roster", "export", "app")}
    assert not modules & others
    assert not {m for m in modules if m.startswith(("frontdesk.ui", "openpyxl"))}
    assert "PySide6.QtWidgets" not in modules
