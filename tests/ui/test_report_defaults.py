"""報表 opens on the month a report is wanted for (on 12/1 that is November, not December),
and a file dialog starts in the person's documents or the last folder used, not in the
program's folder (a bare file name started there)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from frontdesk.core.timeutil import report_month
from frontdesk.ui.supervisor.reports import ReportsPage
from frontdesk.ui.widgets import files
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_the_report_month_is_the_previous_one_in_the_first_days() -> None:
    assert report_month(date(2026, 12, 1)) == (2026, 11)
    assert report_month(date(2027, 1, 3)) == (2026, 12)
    assert report_month(date(2026, 12, 10)) == (2026, 11)
    assert report_month(date(2026, 12, 11)) == (2026, 12)


def test_the_reports_page_opens_on_november_on_december_1(qtbot, desk, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(date(2026, 12, 1), 9, 0)
    page = ReportsPage(desk)
    qtbot.addWidget(page)
    assert (page.picker.year, page.picker.month) == (2026, 11)


def test_the_save_dialog_starts_in_documents_then_in_the_last_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr(files, "_last_folder", "")
    monkeypatch.setattr(files.QStandardPaths, "writableLocation", lambda _where: str(docs))
    monkeypatch.setattr(files, "native_dialogs", lambda: False)
    seen: list[str] = []
    chosen = tmp_path / "reports" / "月報.xlsx"
    chosen.parent.mkdir()

    def run(dialog: QFileDialog) -> str:
        seen.append(dialog.directory().absolutePath())
        return str(chosen)

    monkeypatch.setattr(files, "_run", run)
    assert files.choose_save_file(None, "存檔", "月報.xlsx", "*.xlsx") == str(chosen)
    assert seen == [str(docs)]
    files.choose_save_file(None, "存檔", "月報.xlsx", "*.xlsx")
    assert seen[-1] == str(chosen.parent)
    assert Path.cwd() != docs
