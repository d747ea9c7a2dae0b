"""The monthly workbook's audit anchor is also appended to the anchor file `check` reads."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from frontdesk.export.monthly import export_month
from frontdesk.services import maintenance
from frontdesk.services.reports import month_report
from frontdesk.store import anchors
from frontdesk.store.db import Database
from tests.export.helpers import all_text
from tests.export.scenario import build_february


def test_the_workbook_anchor_is_written_down_and_checked(
    sqlite_db: Database, tmp_path: Path
) -> None:
    sc = build_february(sqlite_db)
    path = export_month(sc.desk, 2025, 2, tmp_path / "feb.xlsx")
    printed = month_report(sc.desk, 2025, 2).audit
    written = [a for a in anchors.read(anchors.file_for(sqlite_db)) if a.source == "workbook"]
    assert [(a.count, a.hash) for a in written] == [(printed.entries, printed.head_hash)]
    assert "2025-02" in written[0].note and path.name in written[0].note
    assert printed.head_hash in all_text(load_workbook(path)["月值班表"])
    report = maintenance.check(sc.desk)
    assert report.ok and report.anchors.checked >= 1
