"""報表: the export button names the month it exports, the one shown (it said 匯出本月
while November was shown)."""

from __future__ import annotations

from frontdesk.services.context import Desk
from frontdesk.ui.supervisor.reports import ReportsPage
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_the_export_button_names_the_month_shown(qtbot, desk: Desk, zh: None) -> None:  # type: ignore[no-untyped-def]
    page = ReportsPage(desk)  # the desk's clock is on 2026-11-02: it opens on October
    qtbot.addWidget(page)
    assert page.export_button.text() == "匯出民國115年10月到 Excel…"
    page.picker.step(1)
    assert page.export_button.text() == "匯出民國115年11月到 Excel…"
    assert "本月" not in page.export_button.text()
