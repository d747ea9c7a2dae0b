"""報表: the supervisor's monthly export writes the workbook (no "not installed" state)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from frontdesk.services.context import Desk
from frontdesk.ui.supervisor.reports import ReportsPage
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_export_writes_the_month_and_says_where(qtbot, desk: Desk, tmp_path: Path) -> None:
    page = ReportsPage(desk)
    qtbot.addWidget(page)
    assert page.export_button.isEnabled()
    target = tmp_path / "month.xlsx"
    page.export(str(target))
    assert load_workbook(target).sheetnames[0] == "月值班表"
    assert str(target) in page.banner.text()
