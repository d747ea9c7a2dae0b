"""Volunteer sheets: checked import (all or nothing), masked export, formula-safe text."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from frontdesk.services import volunteers, workspace
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.infiles import VOLUNTEER_XLSX
from frontdesk.services.volunteer_io import export_volunteers, import_volunteers, write_template
from frontdesk.store.models import AuditEntry, Volunteer
from tests.support.sheets import VOLUNTEER_HEADER, write_sheet

HEADER = VOLUNTEER_HEADER


def sheet(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    return write_sheet(path, header, rows)


def details(desk: Desk, volunteer_id: int) -> workspace.VolunteerDetail:
    return workspace.volunteer_detail(desk, volunteer_id)


def codes(desk: Desk) -> list[str]:
    return [v.code for v in workspace.volunteer_choices(desk, include_inactive=True)]


def test_import_adds_every_row(desk: Desk, tmp_path: Path) -> None:
    path = sheet(
        tmp_path / "v.xlsx",
        [
            [
                "v001",
                "陳 淑芬",
                "0912-345-678",
                "國語 台語",
                "在職",
                3,
                "2024-03-01",
                12,
                "退休教師",
            ],
            ["V002", "林志明", 912000111, "國語", "trainee", None, None, None, None],
            ["V003", "黃美玲", None, None, "停用", None, "113/05/02", 6.5, None],
            [None, None, None, None, None, None, None, None, None],  # blank rows are skipped
            ["V004", "張建華", None, None, None, None, datetime(2023, 1, 2), None, None],
        ],
    )
    report = import_volunteers(desk, path)
    assert report.added == ["V001", "V002", "V003", "V004"] and report.updated == []
    by_code = {
        v.code: details(desk, v.id)
        for v in workspace.volunteer_choices(desk, include_inactive=True)
    }
    v1 = by_code["V001"]
    assert (v1.name, v1.phone, v1.weekly_max, v1.status) == ("陳 淑芬", "0912-345-678", 3, "active")
    assert [(t.kind, t.taken_on, t.hours) for t in v1.trainings] == [
        ("basic", date(2024, 3, 1), 12.0)
    ]
    assert by_code["V002"].phone == "0912000111"  # Excel's number regains its leading zero
    assert by_code["V002"].status == "trainee"
    assert by_code["V003"].status == "inactive"
    assert by_code["V003"].trainings[0].taken_on == date(2024, 5, 2)  # 民國113年
    assert by_code["V004"].status == "active"
    assert by_code["V004"].trainings[0].taken_on == date(2023, 1, 2)


def test_one_bad_row_imports_nothing(desk: Desk, tmp_path: Path) -> None:
    path = sheet(
        tmp_path / "v.xlsx",
        [
            ["V001", "陳淑芬", "0912-345-678", "", "在職", None, None, None, None],
            ["V002", "林志明", "call me", "", "在職", None, None, None, None],
            ["V003", "", None, "", "在職", None, None, None, None],
            ["V001", "王大同", None, "", "在職", None, None, None, None],
            ["V005", "吳明", None, "", "退休", "many", None, None, None],
            ["V006", "蔡宏", None, "", "在職", 2, "not a date", None, None],
        ],
    )
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, path)
    assert info.value.facts["rows"] == [
        (3, "phone", "invalid"),
        (4, "name", "required"),
        (5, "code", "duplicate"),
        (6, "status", "invalid"),
        (7, "training_date", "invalid"),
    ]
    assert codes(desk) == []


def test_weekly_max_out_of_range_is_a_row_error(desk: Desk, tmp_path: Path) -> None:
    path = sheet(tmp_path / "v.xlsx", [["V001", "陳淑芬", None, None, None, 20]])
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, path)
    assert info.value.facts["rows"] == [(2, "weekly_max", "invalid")]


def test_existing_codes_are_updated(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer("V001", "舊名")
    path = sheet(
        tmp_path / "v.xlsx",
        [
            ["V001", "新名字", "0988-111-222", "台語", "停用", None, "2026-01-10", 14, None],
            ["V002", "林志明", None, None, None, None, None, None, None],
        ],
    )
    report = import_volunteers(desk, path)
    assert (report.added, report.updated) == (["V002"], ["V001"])
    with desk.db.read() as session:
        v = volunteers.get(session, desk, vid)
        assert (v.name, v.phone, v.status) == ("新名字", "0988-111-222", "inactive")
        assert v.deactivated_at is not None
        # the same basic training (same date) is updated, not duplicated
        assert [(t.taken_on, t.hours) for t in v.trainings] == [(date(2026, 1, 10), 14.0)]


def test_masked_export_round_trips_and_keeps_phones(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    make_volunteer("V001")
    make_volunteer("V002")
    out = tmp_path / "out.xlsx"
    assert export_volunteers(desk, out) == 2
    ws = load_workbook(out).worksheets[0]
    assert ws["C2"].value == "0912-***-678"
    report = import_volunteers(desk, out)
    assert (report.added, report.updated) == ([], [])
    assert report.unchanged == ["V001", "V002"]
    assert {
        details(desk, v.id).phone for v in workspace.volunteer_choices(desk, include_inactive=True)
    } == {"0912-345-678"}


def test_a_landline_is_masked_in_the_export_and_still_round_trips(
    desk: Desk, tmp_path: Path
) -> None:
    vid = volunteers.add(desk, volunteers.VolunteerInput(code="L1", name="林", phone="2345678"))
    out = tmp_path / "out.xlsx"
    export_volunteers(desk, out)
    assert load_workbook(out).worksheets[0]["C2"].value == "2***678"  # was printed whole
    report = import_volunteers(desk, out)
    assert (report.updated, report.unchanged) == ([], ["L1"])  # matched; the number kept
    with desk.db.read() as session:
        assert volunteers.get(session, desk, vid).phone == "2345678"


def test_a_masked_phone_cannot_create_a_volunteer(desk: Desk, tmp_path: Path) -> None:
    path = sheet(tmp_path / "v.xlsx", [["V007", "陳", "0912-***-678"]], HEADER[:3])
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, path)
    assert info.value.facts["rows"] == [(2, "phone", "masked")]
    assert codes(desk) == []


def test_export_is_audited_with_who_and_whether_personal(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    make_volunteer("V001")
    export_volunteers(desk.as_actor("supervisor:wang"), tmp_path / "full.xlsx", True)
    assert load_workbook(tmp_path / "full.xlsx").worksheets[0]["C2"].value == "0912-345-678"
    with desk.db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "volunteer.export")
        ).one()
    assert entry.actor == "supervisor:wang"
    assert entry.after is not None and entry.after["include_personal"] is True


def test_formula_text_is_never_written_as_a_formula(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    evil = '=HYPERLINK("http://evil.example","click")'
    vid = make_volunteer("V001")
    volunteers.update(
        desk,
        vid,
        volunteers.VolunteerInput(
            code="V001", name=evil, languages="+886", notes="@cmd|' /C calc'!A0"
        ),
    )
    out = tmp_path / "out.xlsx"
    export_volunteers(desk, out)
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    ws = load_workbook(out).worksheets[0]
    for ref, text in (("B2", evil), ("D2", "+886"), ("I2", "@cmd|' /C calc'!A0")):
        assert ws[ref].value == text and ws[ref].data_type == "s"
        assert ws[ref].quotePrefix
    import_volunteers(desk, out)  # and back: still the same text
    assert workspace.volunteer_choices(desk)[0].name == evil


def test_a_real_formula_cell_is_refused(desk: Desk, tmp_path: Path) -> None:
    path = sheet(tmp_path / "v.xlsx", [["V001", '=CONCAT("a","b")']], HEADER[:2])
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, path)
    assert info.value.facts["rows"] == [(2, "name", "formula")]


def test_not_an_xlsx_or_no_header(desk: Desk, tmp_path: Path) -> None:
    csv = tmp_path / "v.xlsx"
    csv.write_text("編號,姓名\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, csv)
    assert info.value.facts["reason"] == "not_xlsx"
    other = sheet(tmp_path / "o.xlsx", [["1", "2"]], ["foo", "bar"])
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, other)
    assert info.value.facts["reason"] == "no_header"
    with pytest.raises(NotFound):
        import_volunteers(desk, tmp_path / "missing.xlsx")


def test_header_may_be_english_and_below_a_title(desk: Desk, tmp_path: Path) -> None:
    write_sheet(
        tmp_path / "v.xlsx",
        ["Name", "Code", "Status"],
        [["陳淑芬", "V010", "見習"]],
        lead=[["苓雅區衛生所志工名冊"]],
    )
    assert import_volunteers(desk, tmp_path / "v.xlsx").added == ["V010"]


def test_template_imports_as_empty(desk: Desk, tmp_path: Path) -> None:
    path = write_template(tmp_path / "t.xlsx")
    assert [c.value for c in load_workbook(path).worksheets[0][1]] == HEADER
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, path)
    assert info.value.facts["reason"] == "no_rows"


def test_the_template_status_drop_down_covers_every_row_an_import_accepts(
    tmp_path: Path,
) -> None:
    ws = load_workbook(write_template(tmp_path / "t.xlsx")).worksheets[0]
    [dv] = ws.data_validations.dataValidation
    assert str(dv.sqref) == f"E2:E{VOLUNTEER_XLSX.max_rows + 1}"
    assert VOLUNTEER_XLSX.max_rows >= 20_000


def test_a_sheet_typed_with_a_full_width_input_method_updates_the_same_volunteer(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer("V001", "舊名")
    path = sheet(
        tmp_path / "v.xlsx",
        [["ｖ００１　", "新名字"], ["Ｖ００２", "林志明"], ["v002", "重複"]],
    )
    with pytest.raises(InvalidInput) as info:
        import_volunteers(desk, path)
    assert info.value.facts["rows"] == [(4, "code", "duplicate")]
    report = import_volunteers(desk, sheet(tmp_path / "w.xlsx", [["ｖ００１　", "新名字"]]))
    assert (report.added, report.updated) == ([], ["V001"])
    with desk.db.read() as session:
        assert volunteers.get(session, desk, vid).name == "新名字"


def audit_actions(desk: Desk) -> list[str]:
    with desk.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_re_importing_an_unchanged_sheet_updates_nothing_and_writes_no_audit(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    """An update that changes nothing is not an update: the sheet just exported, imported
    again, reported every volunteer as updated and wrote an audit entry for each."""
    for code in ("V001", "V002", "V003"):
        make_volunteer(code, f"志工{code}")
    volunteers.update(
        desk,
        volunteers.find_by_code(desk, "V002").id,
        volunteers.VolunteerInput("V002", "志工V002", "0912-345-678", notes="行動不便，勿排二樓"),
    )
    out = tmp_path / "out.xlsx"
    export_volunteers(desk, out)
    before = audit_actions(desk)
    report = import_volunteers(desk, out)
    assert (report.added, report.updated) == ([], [])
    assert report.unchanged == ["V001", "V002", "V003"]
    assert audit_actions(desk) == before  # not even an import entry

    ws = load_workbook(out)
    ws.worksheets[0]["B3"] = "新名字"  # V002's name
    ws.save(out)
    report = import_volunteers(desk, out)
    assert (report.updated, report.unchanged) == (["V002"], ["V001", "V003"])
    assert audit_actions(desk) == [*before, "volunteer.update", "volunteer.import"]


def test_a_control_character_in_a_note_never_breaks_the_list(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    """Every text that reaches a workbook passes the same cleaning (core.text.for_cell): a
    \\x0b pasted into a note made openpyxl refuse the whole volunteer list."""
    from sqlalchemy import update

    vid = make_volunteer("V001", "王小明")
    make_volunteer("V002", "李美華")
    with desk.db.write() as session:  # as stored before input was cleaned
        session.execute(
            update(Volunteer)
            .where(Volunteer.id == vid)
            .values(notes="第一行\x0b第二行" + "長" * 40_000, languages="=台語\x01")
        )
    out = tmp_path / "out.xlsx"
    assert export_volunteers(desk, out) == 2
    row = next(load_workbook(out).worksheets[0].iter_rows(min_row=2, max_row=2))
    notes = row[8].value
    assert notes.startswith("第一行第二行長") and len(notes) == 32767  # Excel's cell limit
    assert row[3].value == "=台語" and row[3].data_type == "s"  # text, never a formula
