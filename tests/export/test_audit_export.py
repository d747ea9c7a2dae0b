"""The audit log exported to Excel: the filtered entries in words, ROC times, the same text
cleaning as every workbook, a temporary file replaced atomically, the export itself logged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from frontdesk import i18n
from frontdesk.core.timeutil import at
from frontdesk.export import audit_log
from frontdesk.export.audit_log import default_name, export_audit
from frontdesk.services import attendance, attendance_review, audit_view, supervisors, workspace
from frontdesk.services.audit_view import AuditQuery
from frontdesk.services.context import Desk
from frontdesk.services.errors import WouldOverwriteData
from frontdesk.store.db import Database
from frontdesk.store.paths import backups_dir
from tests.export.helpers import all_text, row_values
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk

OCT1 = date(2026, 10, 1)
ROC_TIME = re.compile(r"^\d{3}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}$")


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


@pytest.fixture
def desk(sqlite_db: Database) -> Desk:
    """Two walk-ins on 2026-10-01, both accepted by 王督導 at 14:00."""
    clock = Clock(at(OCT1, time(14, 0)))
    desk = new_desk(sqlite_db, clock, actor="supervisor:boss")

    supervisors.create(desk, "boss", "correct-horse-1", "王督導")
    for code, name in (("B01", "王小明"), ("B02", "李美華")):
        add_volunteer(desk, code, name)
        attendance.scan(desk, code, confirm_walk_in=True, now=at(OCT1, time(8, 40)))
        attendance.scan(desk, code, now=at(OCT1, time(11, 30)))
    ids = [r.id for r in workspace.review_rows(desk)]
    attendance_review.accept_reviews(desk, ids, "臨時支援，督導同意")
    return desk


def test_the_filtered_log_in_words_with_roc_times(desk: Desk, tmp_path: Path, zh: None) -> None:
    query = AuditQuery(action="attendance.accept", first_day=OCT1, last_day=OCT1)
    assert default_name(query) == "稽核紀錄_115-10-01至115-10-01.xlsx"
    folder = tmp_path / "exports"
    folder.mkdir()
    out, count = export_audit(desk, query, folder / default_name(query))
    assert count == 2 and out.name == "稽核紀錄_115-10-01至115-10-01.xlsx"
    assert sorted(p.name for p in folder.iterdir()) == [out.name]  # no temporary file left
    wb = load_workbook(out)
    assert wb.sheetnames == ["稽核紀錄"]
    ws = wb["稽核紀錄"]
    assert ws["A1"].value == "測試衛生所 稽核紀錄"
    assert (
        ws["A2"].value == "期間 115/10/01 至 115/10/01；執行者：全部；動作：出勤照現況接受；共 2 筆"
    )
    assert row_values(ws, 3) == ["序號", "時間", "執行者", "動作", "對象", "內容"]
    rows = [row_values(ws, r) for r in (4, 5)]
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)  # newest first
    for r in rows:
        assert isinstance(r[0], int)
        assert r[1] == "115/10/01 14:00:00" and ROC_TIME.match(r[1])
        assert r[2] == "督導 王督導" and r[3] == "出勤照現況接受"
        assert r[4] in ("115/10/01 上午班 王小明（B01）", "115/10/01 上午班 李美華（B02）")
        assert r[5] == "待確認：是 → 否；原因：臨時支援，督導同意"
    text = all_text(ws)
    assert not re.search(r"\d{4}-\d{2}-\d{2}|[{}\"]|supervisor:|attendance\.", text)
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9


def test_the_export_is_logged_before_the_file(desk: Desk, tmp_path: Path) -> None:
    query = AuditQuery(actor="supervisor:boss", first_day=OCT1)
    out, count = export_audit(desk, query, tmp_path / "log")
    assert out.suffix == ".xlsx"
    entry = audit_view.audit_entries(desk, AuditQuery(action="audit.export")).rows
    assert len(entry) == 1 and entry[0].after is not None
    assert entry[0].after["file"] == "log.xlsx" and entry[0].after["rows"] == count
    assert entry[0].after["actor"] == "supervisor:boss" and entry[0].after["from"] == "2026-10-01"
    assert entry[0].actor == "supervisor:boss"


def test_every_text_passes_the_workbook_cleaning(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A control character in a stored text (\\x0b from a paste) is dropped, and a text that
    Excel would read as a formula stays text, as in every other workbook."""
    log = audit_view.audit_entries(desk, AuditQuery(action="attendance.accept"))
    row = log.rows[0]
    dirty = type(row)(
        **{**{n: getattr(row, n) for n in row.__slots__}, "after": {"reason": "=1+1\x0b紙本"}}
    )
    monkeypatch.setattr(
        audit_log,
        "audit_entries",
        lambda *_a, **_k: audit_view.AuditLog([dirty], log.names, False),
    )
    out, _count = export_audit(desk, AuditQuery(), tmp_path / "dirty.xlsx")
    cell = load_workbook(out)["稽核紀錄"]["F4"]
    assert "\x0b" not in cell.value and cell.value.endswith("=1+1紙本")
    assert cell.data_type == "s"


def test_the_desks_backups_are_never_written_over(desk: Desk) -> None:
    assert desk.db.path is not None
    backups = backups_dir(desk.db.path.resolve())
    backups.mkdir(parents=True, exist_ok=True)
    with pytest.raises(WouldOverwriteData):
        export_audit(desk, AuditQuery(), backups / "稽核紀錄.xlsx")
    assert list(backups.iterdir()) == []
    assert audit_view.audit_entries(desk, AuditQuery(action="audit.export")).rows == []
