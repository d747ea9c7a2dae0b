"""The monthly workbook read back with openpyxl: contents, types, formats, print setup, safety."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet import _writer as openpyxl_writer
from sqlalchemy import select

from frontdesk.core.settings import DeskSettings
from frontdesk.export import monthly, styles
from frontdesk.export.monthly import SWAP_HEADER, ExportFailed, export_month, swap_header
from frontdesk.services.errors import InvalidInput
from frontdesk.services.exports import waiting_for_review
from frontdesk.services.reports import month_report
from frontdesk.services.setup import update_settings
from frontdesk.services.workspace import review_rows
from frontdesk.store import scratch
from frontdesk.store.db import Database
from frontdesk.store.models import AuditEntry
from frontdesk.words.dates import day_text
from frontdesk.words.workbook import SHEETS
from tests.export.helpers import all_text, find_row, row_values
from tests.export.scenario import (
    EVIL_NAME,
    EVIL_PHONE,
    SUPERVISOR_NAME,
    Scenario,
    build_february,
    make_desk,
)


@pytest.fixture(scope="module")
def feb_book(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> tuple[Workbook, Scenario]:
    """One February export for the read-only checks (built once: the scenario takes a second),
    made in Chinese as the desk runs (durations are worded through the translations)."""
    from frontdesk import i18n
    from frontdesk.store.migrate import upgrade

    folder = tmp_path_factory.mktemp("feb")
    db = Database(f"sqlite+pysqlite:///{folder / 'fd.sqlite3'}")
    upgrade(db)
    sc = build_february(db)
    i18n.install("zh_TW")
    try:
        path = export_month(sc.desk, 2025, 2, folder / "feb.xlsx")
    finally:
        i18n.install("en")
    yield load_workbook(path), sc
    db.dispose()


def fill_of(ws, row: int, col: int) -> str:
    return str(ws.cell(row, col).fill.fgColor.rgb)[-6:]


def test_sheets_in_order(feb_book: tuple[Workbook, Scenario]) -> None:
    wb, _ = feb_book
    assert (
        wb.sheetnames
        == list(SHEETS)
        == [
            "月值班表",
            "簽到簽退紀錄",
            "服務時數",
            "時數登錄",
            "換班紀錄",
        ]
    )


def test_roster_sheet(feb_book: tuple[Workbook, Scenario]) -> None:
    wb, _ = feb_book
    ws = wb["月值班表"]
    assert ws["A1"].value == "測試衛生所 民國114年2月 志工值班表"
    assert row_values(ws, 3) == ["日期", "星期", "上午", "下午", "備註"]
    first = find_row(ws, 1, "114/02/01")
    assert first == 4 and find_row(ws, 1, "114/02/28") == first + 27
    # weekend, make-up Saturday, holiday, closure (whole day and one slot)
    sat = first
    assert ws.cell(sat, 2).value == "六" and ws.cell(sat, 5).value == "例假日"
    assert fill_of(ws, sat, 1) == styles.FILL_WEEKEND.fgColor.rgb[-6:]
    mk = find_row(ws, 1, "114/02/08")
    assert ws.cell(mk, 5).value == "補行上班" and ws.cell(mk, 3).value == "王小明"
    assert fill_of(ws, mk, 1) == fill_of(ws, mk, 5) == "C6EFCE"
    hol = find_row(ws, 1, "114/02/28")
    assert ws.cell(hol, 5).value == "放假：和平紀念日" and fill_of(ws, hol, 3) == "F8CBAD"
    ty = find_row(ws, 1, "114/02/12")
    assert ws.cell(ty, 5).value == "颱風停止上班" and fill_of(ws, ty, 1) == "FFE699"
    assert ws.cell(ty, 3).value == ws.cell(ty, 4).value == "停止上班"
    half = find_row(ws, 1, "114/02/13")
    assert ws.cell(half, 3).value == "王小明" and fill_of(ws, half, 3) == "000000"
    assert ws.cell(half, 4).value == "停止上班" and fill_of(ws, half, 4) == "FFE699"
    assert ws.cell(half, 5).value == "下午停止上班：颱風"
    # who served, swaps and the rest marked
    assert ws.cell(find_row(ws, 1, "114/02/10"), 3).value == "李大華(換)"
    assert ws.cell(find_row(ws, 1, "114/02/11"), 3).value == "王小明(換)"
    assert ws.cell(find_row(ws, 1, "114/02/18"), 4).value == "林志強(換)"
    assert ws.cell(find_row(ws, 1, "114/02/05"), 3).value == "林志強(臨)"
    assert ws.cell(find_row(ws, 1, "114/02/04"), 3).value == "陳美玲(缺)"
    evil = ws.cell(find_row(ws, 1, "114/02/06"), 3)
    assert evil.value == f"{EVIL_NAME}、-減號@小花" and evil.data_type == "s"
    # the foot: signatures and the audit anchor
    text = all_text(ws)
    for word in ("承辦人", "志工督導", "機關首長"):
        assert word in text
    assert "末筆雜湊 SHA-256" in text
    # print setup
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$3"


def test_roster_anchor_is_the_audit_head_at_month_end(feb_book: tuple[Workbook, Scenario]) -> None:
    wb, sc = feb_book
    from frontdesk.services.reports import month_report

    anchor = month_report(sc.desk, 2025, 2).audit
    assert anchor.head_hash in all_text(wb["月值班表"])
    assert f"共 {anchor.entries} 筆" in all_text(wb["月值班表"])


def test_attendance_sheet(feb_book: tuple[Workbook, Scenario]) -> None:
    wb, _ = feb_book
    ws = wb["簽到簽退紀錄"]
    header = row_values(ws, 1)
    assert header[:8] == [
        "日期",
        "星期",
        "時段",
        "志工編號",
        "姓名",
        "簽到時間",
        "簽退時間",
        "狀態",
    ]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:P{ws.max_row}"  # the hidden real dates filter along
    assert ws.max_row == 1 + 16
    first = ws[2]
    assert first[0].value == "114/02/03" and first[0].data_type == "s"  # ROC, as read
    # the real date, hidden beside the printed columns, for sorting and counting
    assert header[15] == "西元日期（排序用）" and ws.column_dimensions["P"].hidden
    assert first[15].value == datetime(2025, 2, 3) and first[15].is_date
    assert [r[15].value for r in ws.iter_rows(min_row=2)] == sorted(
        r[15].value for r in ws.iter_rows(min_row=2)
    )
    assert first[1].value == "一" and first[2].value == "上午" and first[3].value == "A01"
    assert first[5].value == datetime(2025, 2, 3, 8, 25) and first[5].number_format == "hh:mm"
    assert first[6].value == datetime(2025, 2, 3, 11, 31)
    assert first[10].value == 3 and first[10].data_type == "n" and first[10].number_format == "0.00"
    statuses = {r[7].value for r in ws.iter_rows(min_row=2)}
    assert {"正常", "遲到", "早退", "未簽退", "缺勤", "臨時"} <= statuses
    late = next(r for r in ws.iter_rows(min_row=2) if r[7].value == "遲到")
    assert late[8].value == 20 and late[10].value == pytest.approx(2.67)
    absent = next(r for r in ws.iter_rows(min_row=2) if r[7].value == "缺勤")
    assert absent[5].value is None and absent[11].value == "系統" and absent[12].value == "是"
    corrected = next(r for r in ws.iter_rows(min_row=2) if r[3].value == "E01")
    assert corrected[4].value == EVIL_NAME and corrected[4].data_type == "s"
    assert corrected[13].value == "志工口述 11:30 離開，補登"  # the control character dropped
    walk_in = next(r for r in ws.iter_rows(min_row=2) if r[7].value == "臨時")
    assert walk_in[3].value == "D01" and walk_in[14].value == "未排班臨時值勤"
    assert {r[14].value for r in ws.iter_rows(min_row=2) if r[7].value != "臨時"} == {None}
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1


def test_notes_cell_says_the_kiosk_facts_then_a_persons_words(
    feb_book: tuple[Workbook, Scenario],
) -> None:
    _, sc = feb_book
    line = month_report(sc.desk, 2025, 2).attendance[0]
    plain = replace(line, walk_in=False, resumed=False, note="")
    assert monthly.attendance_note(plain) == ""
    assert monthly.attendance_note(replace(plain, walk_in=True)) == "未排班臨時值勤"
    both = replace(plain, walk_in=True, resumed=True, note="督導確認")
    assert monthly.attendance_note(both) == "未排班臨時值勤；同時段再次簽到；督導確認"


def test_decision_cell_says_what_ended_a_request_no_supervisor_decided(
    feb_book: tuple[Workbook, Scenario],
) -> None:
    _, sc = feb_book
    line = month_report(sc.desk, 2025, 2).swaps[0]
    assert monthly.outcome_words(line) == "雙方同意"  # a supervisor's words come first
    quiet = replace(line, outcome_reason="")
    assert monthly.outcome_words(quiet) == ""  # approved without a note
    assert monthly.outcome_words(replace(quiet, state="rejected", declined=True)) == "同事婉拒"
    assert monthly.outcome_words(replace(quiet, state="cancelled")) == "申請人撤回"
    assert monthly.outcome_words(replace(quiet, state="expired")) == "值班開始前未決定"
    gone = replace(quiet, state="invalid", superseded_by=7)
    assert monthly.outcome_words(gone) == "換班 #7 已先核准，本申請失效"


def test_hours_sheet(feb_book: tuple[Workbook, Scenario]) -> None:
    wb, _ = feb_book
    ws = wb["服務時數"]
    head = find_row(ws, 1, "志工編號")
    header = row_values(ws, head)
    assert header[:4] == ["志工編號", "姓名", "狀態", "電話"]
    col = {name: i for i, name in enumerate(header)}
    a = ws[find_row(ws, 1, "A01")]
    assert a[col["本月排班"]].value == 5 and a[col["本月實到"]].value == 5
    assert a[col["本月時數"]].value == pytest.approx(14.5)  # 2 h 59 min recorded as 2.5 h
    assert a[col["本年時數"]].value == pytest.approx(17.5)
    assert a[col["累計時數"]].value == pytest.approx(20.5)
    assert a[col["累計時數"]].number_format == "0.00" and a[col["累計時數"]].data_type == "n"
    assert a[col["電話"]].value == "0912-***-678"
    cert = next(k for k in col if k.startswith("績效證明書（"))
    assert a[col[cert]].value == "時數未達"
    assert a[col["績效證明書尚差時數"]].value == pytest.approx(129.5)
    card = next(k for k in col if k.startswith("榮譽卡（"))
    assert a[col[card]].value == "115/01/15滿3年、時數未達"
    c = ws[find_row(ws, 1, "C01")]
    assert c[col["狀態"]].value == "停用" and c[col["缺勤"]].value == 3
    e = ws[find_row(ws, 1, "E01")]
    assert e[col["姓名"]].value == EVIL_NAME and e[col["姓名"]].data_type == "s"
    assert e[col["電話"]].value == "+8869*****678" and e[col["電話"]].data_type == "s"
    assert "不得重複採計" in all_text(ws)
    assert a[col["年資起算日"]].value == "112/01/15"  # joined 2023-01-15, in ROC words


def test_national_system_rows_have_a_sheet_of_their_own(
    feb_book: tuple[Workbook, Scenario],
) -> None:
    # Their own sheet, so the header row repeats atop every printed page.
    wb, _ = feb_book
    ws = wb["時數登錄"]
    assert row_values(ws, 1) == [
        "志工編號",
        "姓名",
        "服務日期",
        "開始時間",
        "結束時間",
        "服務項目",
        "服務時數",
    ]
    assert ws.print_title_rows == "$1:$1" and ws.freeze_panes == "A2"
    assert "測試衛生所 民國114年2月" in ws.oddHeader.center.text
    rows = [r for r in ws.iter_rows(min_row=2, max_col=7) if r[0].value]
    assert len(rows) == 5 + 2 + 2 + 1 + 1  # A, B, D (5th, 18th), E, F
    first = rows[0]
    assert [first[0].value, first[2].value, first[5].value] == [
        "A01",
        "114/02/03",
        "服務台值勤",  # the service item setting, as on the record
    ]
    assert first[3].value == datetime(2025, 2, 3, 8, 25) and first[3].number_format == "hh:mm"
    assert first[6].value == 3 and first[6].number_format == "0.00"
    d5 = next(r for r in rows if r[0].value == "D01" and r[2].value == "114/02/05")
    assert d5[6].value == pytest.approx(
        4.0
    )  # a walk-in morning and an early-leave afternoon, each cut to 0.5 h
    assert "服務日期" not in all_text(wb["服務時數"])


def test_swaps_sheet(feb_book: tuple[Workbook, Scenario]) -> None:
    wb, _ = feb_book
    ws = wb["換班紀錄"]
    header = row_values(ws, 2)
    col = {name: i for i, name in enumerate(header)}
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:X5"
    rows = list(ws.iter_rows(min_row=3))
    assert [r[col["類型"]].value for r in rows] == ["互換", "代班", "請督導安排"]
    ex = rows[0]
    assert ex[col["申請人"]].value == "王小明 A01" and ex[col["對象"]].value == "李大華 B01"
    assert ex[col["讓出班次"]].value == "114/02/10 上午"
    assert ex[col["換得班次"]].value == "114/02/11 上午"
    assert ex[col["申請時間"]].value == "114/01/20 10:00"
    assert ex[col["同意時間"]].value == "114/01/21 09:15"
    assert ex[col["決定時間"]].value == "114/01/22 14:00"
    assert ex[col["提前"]].value == "20 天 22 小時"  # not 20.94 days
    assert ex[col["提前時數"]].value == pytest.approx(502.5)
    assert ex[col["符合一週規定"]].value == "是" and ex[col["結果"]].value == "已核准"
    assert ex[col["決定者"]].value == SUPERVISOR_NAME and ex[col["決定理由"]].value == "雙方同意"
    # the real values, hidden after the printed columns, for sorting and filtering
    hidden = {
        name: ws.column_dimensions[get_column_letter(i + 1)].hidden for name, i in col.items()
    }
    assert [n for n, h in hidden.items() if h] == [
        "提前時數",
        "申請人編號",
        "對象編號",
        "讓出日期（西元）",
        "換得日期（西元）",
        "申請時間（西元）",
        "同意時間（西元）",
        "決定時間（西元）",
    ]
    assert ex[col["申請人編號"]].value == "A01" and ex[col["對象編號"]].value == "B01"
    assert ex[col["讓出日期（西元）"]].value == datetime(2025, 2, 10)
    assert ex[col["申請時間（西元）"]].value == datetime(2025, 1, 20, 10, 0)
    assert ex[col["決定時間（西元）"]].value == datetime(2025, 1, 22, 14, 0)
    arr = rows[2]
    assert arr[col["符合一週規定"]].value == "否" and arr[col["申請理由"]].value == "家中有事"
    assert rows[1][col["結果"]].value == "未核准"


def test_personal_data_is_masked_unless_asked_and_then_audited(
    sqlite_db: Database, tmp_path: Path
) -> None:
    sc = build_february(sqlite_db)
    plain = load_workbook(export_month(sc.desk, 2025, 2, tmp_path / "plain.xlsx"))
    assert EVIL_PHONE not in all_text(plain["服務時數"])
    with sqlite_db.read() as s:
        assert not s.scalars(
            select(AuditEntry).where(AuditEntry.action == "export.personal_data")
        ).all()
    path = export_month(sc.desk, 2025, 2, tmp_path / "full.xlsx", include_personal=True)
    ws = load_workbook(path)["服務時數"]
    e = ws[find_row(ws, 1, "E01")]
    assert e[3].value == EVIL_PHONE and e[3].data_type == "s"
    with sqlite_db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "export.personal_data")
        ).one()
        assert entry.actor == "supervisor:chen"
        assert entry.after == {"month": "2025-02", "file": str(path), "personal": ["phone"]}


def test_a_personal_export_writes_nothing_to_the_system_temp_folder(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # openpyxl keeps each write-only sheet in a temporary file until the save: a killed
    # export must not leave phone numbers where the next start does not look.
    sc = build_february(sqlite_db)
    made: list[Path] = []
    real = openpyxl_writer.create_temporary_file

    def spy(suffix: str = "") -> str:
        path = real(suffix)
        made.append(Path(path))
        return path

    monkeypatch.setattr(openpyxl_writer, "create_temporary_file", spy)
    out = tmp_path / "out" / "full.xlsx"
    out.parent.mkdir()
    export_month(sc.desk, 2025, 2, out, include_personal=True)
    assert sqlite_db.path is not None
    ours = scratch.scratch_root(sqlite_db.path)
    assert made and all(ours in path.parents for path in made), made
    assert not any(path.exists() for path in made)
    assert [p.name for p in out.parent.iterdir()] == ["full.xlsx"]


def test_agency_name_and_reasons_that_look_like_formulas(
    sqlite_db: Database, tmp_path: Path
) -> None:
    desk, _ = make_desk(sqlite_db)
    update_settings(desk, {"agency_name": "=1+1衛生所"})
    wb = load_workbook(export_month(desk, 2025, 2, tmp_path / "x.xlsx"))
    title = wb["月值班表"]["A1"]
    assert title.value == "=1+1衛生所 民國114年2月 志工值班表" and title.data_type == "s"


@pytest.mark.parametrize(
    ("year", "month", "days"),
    [(2025, 4, 30), (2020, 1, 31), (2025, 2, 28)],
    ids=["empty", "before-site", "typhoon-and-deactivated"],
)
def test_edge_months_export_cleanly(
    sqlite_db: Database, tmp_path: Path, year: int, month: int, days: int
) -> None:
    sc = build_february(sqlite_db)
    seen: list[tuple[int, int]] = []
    path = export_month(
        sc.desk, year, month, tmp_path / "m", progress=lambda a, b: seen.append((a, b))
    )
    assert path.name == "m.xlsx" and path.exists()
    assert seen[-1] == (6, 6) and [a for a, _ in seen] == sorted(a for a, _ in seen)
    wb = load_workbook(path)
    assert wb.sheetnames == list(SHEETS)
    ws = wb["月值班表"]
    assert ws.cell(4, 1).value == f"{year - 1911}/{month:02d}/01"
    assert ws.cell(3 + days, 1).value == f"{year - 1911}/{month:02d}/{days:02d}"
    if (year, month) == (2020, 1):
        assert "本月早於本系統啟用日" in all_text(ws)
        assert ws["A1"].value == "測試衛生所 民國109年1月 志工值班表"
        assert wb["簽到簽退紀錄"].max_row == 1 and wb["換班紀錄"].max_row == 2  # title, header


def test_a_failed_export_leaves_the_old_file_alone(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, _ = make_desk(sqlite_db)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "month.xlsx"
    target.write_bytes(b"the previous export")

    def boom(*_a: object, **_k: object) -> None:
        raise OSError(13, "Permission denied (the file is open in Excel)")

    monkeypatch.setattr(monthly.os, "replace", boom)
    with pytest.raises(ExportFailed) as exc:
        export_month(desk, 2025, 2, target, overwrite=True)
    assert "Permission denied" in str(exc.value)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "month.xlsx"
    ]  # no temp file left


def test_a_missing_folder_is_named(sqlite_db: Database, tmp_path: Path) -> None:
    desk, _ = make_desk(sqlite_db)
    with pytest.raises(InvalidInput) as exc:
        export_month(desk, 2025, 2, tmp_path / "nowhere" / "x.xlsx")
    assert exc.value.facts["field"] == "out"


def test_an_existing_file_is_replaced_only_when_asked(sqlite_db: Database, tmp_path: Path) -> None:
    desk, _ = make_desk(sqlite_db)
    target = tmp_path / "month.xlsx"
    target.write_bytes(b"the signed copy")
    with pytest.raises(InvalidInput) as exc:
        export_month(desk, 2025, 2, tmp_path / "month")  # .xlsx added, then found
    assert exc.value.facts == {"field": "out", "reason": "exists", "value": str(target)}
    assert target.read_bytes() == b"the signed copy"
    export_month(desk, 2025, 2, target, overwrite=True)
    assert load_workbook(target).sheetnames == list(SHEETS)


def test_waiting_for_review_says_what_the_review_queue_says(
    feb_book: tuple[Workbook, Scenario],
) -> None:
    # The export's warning, the 出勤 page's 待確認 list and the sheet's 待覆核 column agree:
    # a late arrival nobody has decided on waits too, not only the flagged records.
    wb, sc = feb_book
    ws = wb["簽到簽退紀錄"]
    queue = review_rows(sc.desk)
    marked = [r for r in ws.iter_rows(min_row=2) if r[12].value == "是"]
    assert len(marked) == len(queue) == waiting_for_review(sc.desk, 2025, 2) == 7
    assert {(r[0].value, r[3].value) for r in marked} == {(day_text(q.day), q.code) for q in queue}
    late = next(r for r in ws.iter_rows(min_row=2) if r[7].value == "遲到")
    assert late[12].value == "是"
    assert waiting_for_review(sc.desk, 2025, 3) == 0


def test_the_notice_rule_column_is_worded_from_the_setting() -> None:
    """The column says "one week" only while swap_notice_days is 7: the rule can change."""
    default = DeskSettings()
    assert swap_header(default) == SWAP_HEADER and "符合一週規定" in SWAP_HEADER
    three = swap_header(replace(default, swap_notice_days=3))
    assert "符合提前3天規定" in three and "符合一週規定" not in three
    assert len(three) == len(SWAP_HEADER)
