"""The command line speaks Traditional Chinese unless the locale asks for English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from frontdesk import i18n
from frontdesk.cli import cli_language
from tests.cli.conftest import Run


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk PC or a server without an English locale (undoes the package's `english`)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.mark.parametrize(
    ("env", "language"),
    [
        ({}, "zh_TW"),
        ({"LANG": "C.UTF-8"}, "zh_TW"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_TW"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_TW"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_TW.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_the_first_set_locale_variable_decides(env: dict[str, str], language: str) -> None:
    assert cli_language(env) == language


def test_help_output_and_errors_are_chinese_by_default(
    chinese: None, cli: Run, desk_db: Path, tmp_path: Path
) -> None:
    r = cli("--help")
    assert r.code == 0
    assert r.out.startswith("用法：frontdesk")
    assert "服務台志工值勤管理" in r.out and "顯示這份說明後結束" in r.out
    assert "LANG=en_US.UTF-8" in r.out  # the epilog says how to get English

    r = cli("--db", desk_db, "calendar", "show", "--month", "2025-02")
    assert r.code == 0
    assert "114/02/08 (六)  值班" in r.out
    assert "補行上班" in r.out and "（補行 114/01/27 的上班，該日不值班）" in r.out

    r = cli("--db", desk_db, "export", "--month", "2025-13", "--out", tmp_path / "x.xlsx")
    assert r.code == 2
    assert r.err.strip() == "2025-13 不是月份；請寫成 YYYY-MM，例如 2025-02。"

    r = cli("--db", desk_db, "export", "--month", "2025-02", "--out", tmp_path / "no" / "x.xlsx")
    assert r.code == 2
    assert "所在的資料夾不存在" in r.err

    r = cli("--db", desk_db, "calendar", "show")
    assert r.code == 2
    assert r.err.splitlines() == [
        "用法：frontdesk calendar show [-h] --month YYYY-MM",
        "缺少必要的參數：--month。",
    ]


def test_english_when_the_locale_asks(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    r = cli("--db", desk_db, "export", "--month", "2025-13", "--out", tmp_path / "x.xlsx")
    assert r.code == 2
    assert r.err.strip() == "2025-13 is not a month; write it as YYYY-MM, e.g. 2025-02."
    assert cli("--help").out.startswith("usage: frontdesk")


def test_a_command_leaves_qt_as_it_found_it(chinese: None, cli: Run, desk_db: Path) -> None:
    """The app or a test later in the same process still makes its own QApplication."""
    app, language = QCoreApplication.instance(), i18n.installed_language()
    assert cli("--db", desk_db, "sweep").out.startswith("已結束")
    assert QCoreApplication.instance() is app
    assert i18n.installed_language() == language
    if language in (None, "en"):
        assert QCoreApplication.translate("cli", "duty") == "duty"
