"""The `frontdesk` command, driven in-process: each subcommand's success and refusals."""

from __future__ import annotations

import io
import re
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import frontdesk.app
from frontdesk.cli.common import parse_slot
from frontdesk.core.calendar import DutyCalendar
from frontdesk.words.dates import weekday_zh
from tests.cli.conftest import Run, dump
from tests.support.sheets import VOLUNTEER_HEADER, write_sheet

# --- global options and the app ---------------------------------------------------------


def test_help_of_every_command_exits_zero(cli: Run) -> None:
    for args in (
        [],
        ["init"],
        ["demo"],
        ["volunteers", "import"],
        ["volunteers", "export"],
        ["volunteers", "template"],
        ["roster", "generate"],
        ["calendar", "import"],
        ["calendar", "close"],
        ["calendar", "reopen"],
        ["calendar", "show"],
        ["attendance", "record"],
        ["check"],
        ["backup"],
        ["restore"],
        ["sweep"],
    ):
        r = cli(*args, "--help")
        assert r.code == 0, args
        assert "usage: frontdesk" in r.out


def test_unknown_command_is_a_usage_error(cli: Run) -> None:
    r = cli("frobnicate")
    assert r.code == 2
    assert "invalid choice" in r.err


def test_missing_action_is_a_usage_error(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "calendar")
    assert r.code == 2
    assert "action" in r.err


def test_no_command_opens_the_app_with_the_db(
    cli: Run, monkeypatch: pytest.MonkeyPatch, dbfile: Path
) -> None:
    calls: list[tuple[str | None, list[str]]] = []
    monkeypatch.setattr(
        frontdesk.app, "run", lambda db_url, argv: calls.append((db_url, argv)) or 0
    )
    r = cli("--db", dbfile, "--fullscreen")
    assert r.code == 0
    assert calls == [(str(dbfile), ["--fullscreen"])]
    assert cli("--supervisor", "-style=fusion").code == 0
    assert calls[-1] == (None, ["--supervisor", "-style=fusion"])


def test_help_lists_the_desk_app_options(cli: Run) -> None:
    out = cli("--help").out
    assert "--fullscreen" in out and "full screen" in out
    assert "--supervisor" in out and "supervisor login" in out


def test_app_options_before_a_command_are_refused(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "--supervisor", "sweep")
    assert r.code == 2
    assert "Unrecognized arguments: --supervisor." in r.err


def test_unknown_option_of_a_command_is_a_usage_error(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "sweep", "--fullscreen")
    assert r.code == 2
    assert "Unrecognized arguments: --fullscreen." in r.err


def test_basedir_sets_the_data_folder(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_HOME", str(tmp_path / "elsewhere"))
    base = tmp_path / "base"
    r = cli("--basedir", base, "init", "--agency", "苓雅區衛生所")
    assert r.code == 0, r.err
    assert (base / "frontdesk.sqlite3").is_file()
    assert not (tmp_path / "elsewhere").exists()


def test_env_db_is_used_without_option(
    cli: Run, dbfile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_DB", str(dbfile))
    assert cli("init", "--agency", "苓雅區衛生所").code == 0
    assert dbfile.is_file()


def test_unreachable_server_is_one_sentence(cli: Run) -> None:
    r = cli("--db", "postgresql://nobody@127.0.0.1:1/frontdesk", "check")
    assert r.code == 1
    assert "Cannot open the database" in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_unsupported_url_is_refused(cli: Run) -> None:
    r = cli("--db", "mysql://x@host/db", "sweep")
    assert r.code == 1
    assert "Cannot open the database" in r.err


def test_network_share_is_refused(cli: Run) -> None:
    r = cli("--db", "//server/share/desk.sqlite3", "sweep")
    assert r.code == 1
    assert "network share" in r.err


def test_missing_database_is_not_created(cli: Run, dbfile: Path) -> None:
    r = cli("--db", dbfile, "sweep")
    assert r.code == 2
    assert "There is no database at" in r.err
    assert not dbfile.exists()


def test_database_too_new_is_refused(cli: Run, desk_db: Path) -> None:
    conn = sqlite3.connect(desk_db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    r = cli("--db", desk_db, "sweep")
    assert r.code == 1
    assert "newer version of frontdesk" in r.err
    assert "9999_future" in r.err


# --- init ---------------------------------------------------------------------------------


def test_init_with_supervisor_from_stdin(
    cli: Run, dbfile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-long-password\n"))
    r = cli(
        "--db", dbfile, "init", "--agency", "高雄市苓雅區衛生所", "--supervisor", "wang",
        "--password-stdin",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert "高雄市苓雅區衛生所" in r.out
    assert "wang" in r.out
    conn = sqlite3.connect(dbfile)
    assert conn.execute("SELECT username FROM supervisor").fetchall() == [("wang",)]
    assert conn.execute("SELECT name FROM site").fetchall() == [("高雄市苓雅區衛生所",)]
    conn.close()


def test_init_again_renames(cli: Run, desk_db: Path) -> None:
    assert cli("--db", desk_db, "init", "--agency", "新名稱衛生所").code == 0
    conn = sqlite3.connect(desk_db)
    assert conn.execute("SELECT name FROM site").fetchall() == [("新名稱衛生所",)]
    conn.close()


def test_init_refuses_blank_agency_and_changes_nothing(cli: Run, desk_db: Path) -> None:
    before = dump(desk_db)
    r = cli("--db", desk_db, "init", "--agency", "   ")
    assert r.code == 2
    assert "agency name" in r.err
    assert dump(desk_db) == before


def test_init_refuses_short_password_before_writing(
    cli: Run, dbfile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    r = cli("--db", dbfile, "init", "--agency", "A", "--supervisor", "wang", "--password-stdin")
    assert r.code == 2
    assert "at least 8 characters" in r.err
    assert not dbfile.exists()


# --- demo and calendar show ------------------------------------------------------------------


def test_demo_calendar_shows_makeup_saturday_and_new_year_holiday(cli: Run, demo_db: Path) -> None:
    r = cli("--db", demo_db, "calendar", "show", "--month", "2025-02")
    assert r.code == 0, r.err
    lines = {line[:9]: line for line in r.out.splitlines()}
    assert len(lines) == 28
    feb8 = lines["114/02/08"]
    assert feb8.startswith("114/02/08 (六)")
    assert " duty " in feb8 and "補行上班" in feb8
    # the February listing names the bridge day off that the Saturday pays back
    assert "114/01/27" in feb8 and feb8.endswith("closed)")
    assert " closed " in lines["114/02/09"]
    jan = cli("--db", demo_db, "calendar", "show", "--month", "2025-01").out
    jan27 = next(line for line in jan.splitlines() if line.startswith("114/01/27"))
    assert " closed " in jan27 and "(一)" in jan27
    assert "放假" in jan27


def test_demo_refuses_a_database_with_data(cli: Run, demo_db: Path) -> None:
    before = dump(demo_db)
    r = cli("--db", demo_db, "demo")
    assert r.code == 2
    assert "already holds data" in r.err
    assert dump(demo_db) == before


def test_demo_bad_today(cli: Run, dbfile: Path) -> None:
    r = cli("--db", dbfile, "demo", "--today", "2025-02-30")
    assert r.code == 2
    assert "2025-02-30 is not a date" in r.err
    assert not dbfile.exists()


def test_demo_database_passes_check(cli: Run, demo_db: Path) -> None:
    r = cli("--db", demo_db, "check")
    assert r.code == 0, r.out + r.err
    assert "chain intact" in r.out


def test_calendar_show_bad_month(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "calendar", "show", "--month", "2025/02")
    assert r.code == 2
    assert r.err.strip() == "2025/02 is not a month; write it as YYYY-MM, e.g. 2025-02."


# --- calendar import, close, reopen ---------------------------------------------------------


def _dgpa_csv(year: int, extra_off: date | None = None) -> str:
    cal = DutyCalendar()
    lines = ["西元日期,星期,是否放假,備註"]
    d = date(year, 1, 1)
    while d.year == year:
        info = cal.day(d)
        off = not info.is_duty_day or d == extra_off
        note = "所慶補假" if d == extra_off else info.label
        lines.append(f"{d:%Y%m%d},{weekday_zh(d)},{2 if off else 0},{note}")
        d += timedelta(days=1)
    return "\n".join(lines) + "\n"


def test_calendar_import_dgpa_csv(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "114年中華民國政府行政機關辦公日曆表.csv"
    csv_path.write_text(_dgpa_csv(2026, extra_off=date(2026, 3, 5)), encoding="utf-8-sig")
    r = cli("--db", desk_db, "calendar", "import", csv_path)
    assert r.code == 0, r.err
    assert "2026" in r.out and "365 days" in r.out
    shown = cli("--db", desk_db, "calendar", "show", "--month", "2026-03").out
    mar5 = next(line for line in shown.splitlines() if line.startswith("115/03/05"))
    assert " closed " in mar5 and "所慶補假" in mar5


def test_calendar_import_broken_csv_changes_nothing(
    cli: Run, desk_db: Path, tmp_path: Path
) -> None:
    lines = _dgpa_csv(2026).splitlines()
    lines[40] = lines[40].replace(",", ",X", 1)  # line 41: a weekday that is not one
    csv_path = tmp_path / "broken.csv"
    csv_path.write_text("\n".join(lines), encoding="utf-8")
    before = dump(desk_db)
    r = cli("--db", desk_db, "calendar", "import", csv_path)
    assert r.code == 2
    assert "Line 41" in r.err and "weekday" in r.err
    assert dump(desk_db) == before


def test_calendar_import_missing_file(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    r = cli("--db", desk_db, "calendar", "import", tmp_path / "nope.csv")
    assert r.code == 2
    assert "nope.csv does not exist" in r.err


def test_calendar_close_and_reopen(cli: Run, desk_db: Path) -> None:
    r = cli(
        "--db", desk_db, "calendar", "close", "--date", "2026-09-14", "--reason", "颱風停止上班"
    )
    assert r.code == 0, r.err
    line = cli("--db", desk_db, "calendar", "show", "--month", "2026-09").out.splitlines()[13]
    assert line.startswith("115/09/14") and " closed " in line and "颱風停止上班" in line
    r = cli("--db", desk_db, "calendar", "close", "--date", "2026-09-15", "--slot", "pm",
            "--reason", "颱風下午停班")  # fmt: skip
    assert r.code == 0, r.err
    line = cli("--db", desk_db, "calendar", "show", "--month", "2026-09").out.splitlines()[14]
    assert " duty " in line and "[PM closed]" in line
    r = cli("--db", desk_db, "calendar", "reopen", "--date", "2026-09-14")
    assert r.code == 0 and "1 closures removed" in r.out
    line = cli("--db", desk_db, "calendar", "show", "--month", "2026-09").out.splitlines()[13]
    assert line.endswith(" duty")


def test_calendar_close_bad_input_changes_nothing(cli: Run, desk_db: Path) -> None:
    before = dump(desk_db)
    r = cli("--db", desk_db, "calendar", "close", "--date", "2026-09-14", "--slot", "EVE",
            "--reason", "x")  # fmt: skip
    assert r.code == 2
    assert "no duty slot called EVE" in r.err
    r = cli("--db", desk_db, "calendar", "close", "--date", "2026-09-14", "--reason", "  ")
    assert r.code == 2
    assert "reason" in r.err
    r = cli("--db", desk_db, "calendar", "reopen", "--date", "14/09/2026")
    assert r.code == 2
    assert "14/09/2026 is not a date" in r.err
    assert dump(desk_db) == before


# --- volunteers -----------------------------------------------------------------------------


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    return write_sheet(path, VOLUNTEER_HEADER, rows)


def test_volunteers_template_and_import(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    assert cli("--db", desk_db, "volunteers", "template", template).code == 0
    ws = load_workbook(template).worksheets[0]
    assert [c.value for c in ws[1]][:2] == ["編號", "姓名"]
    r = cli("--db", desk_db, "volunteers", "import", template)
    assert r.code == 2 and "no volunteer rows" in r.err

    sheet = _sheet(
        tmp_path / "v.xlsx",
        [
            ["V001", "陳淑芬", "0912-345-678", "國語 台語", "在職", 3, "2024-03-01", 12, ""],
            ["V002", "林志明", None, "國語", "見習", None, None, None, "新進"],
        ],
    )
    r = cli("--db", desk_db, "volunteers", "import", sheet)
    assert r.code == 0, r.err
    assert "2 volunteers added, 0 updated" in r.out
    conn = sqlite3.connect(desk_db)
    assert conn.execute("SELECT code, status FROM volunteer ORDER BY code").fetchall() == [
        ("V001", "active"),
        ("V002", "trainee"),
    ]
    conn.close()


def test_volunteers_import_bad_row_imports_nothing(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    sheet = _sheet(
        tmp_path / "v.xlsx",
        [
            ["V001", "陳淑芬", "0912-345-678", "", "在職", None, None, None, None],
            ["V002", "林志明", "call me", "", "在職", None, None, None, None],
            ["V003", "黃美玲", None, "", "退休", None, None, None, None],
        ],
    )
    before = dump(desk_db)
    r = cli("--db", desk_db, "volunteers", "import", sheet)
    assert r.code == 2
    assert "Nothing was imported" in r.err
    assert "row 3" in r.err and "phone" in r.err
    assert "row 4" in r.err and "status" in r.err
    assert "row 2" not in r.err
    assert dump(desk_db) == before


def test_volunteers_import_not_an_xlsx(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    fake = tmp_path / "v.xlsx"
    fake.write_text("編號,姓名\nV001,陳\n", encoding="utf-8")
    r = cli("--db", desk_db, "volunteers", "import", fake)
    assert r.code == 2
    assert "is not an Excel workbook" in r.err


def test_volunteers_export_masks_and_round_trips(cli: Run, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.xlsx"
    r = cli("--db", demo_db, "volunteers", "export", out)
    assert r.code == 0, r.err
    assert "30 volunteers" in r.out and "masked" in r.out
    phones = [
        row[2] for row in load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)
    ]
    assert all("*" in p for p in phones if p)
    conn = sqlite3.connect(demo_db)
    before = conn.execute(
        "SELECT code, name, phone, status, languages FROM volunteer ORDER BY code"
    ).fetchall()
    conn.close()
    r = cli("--db", demo_db, "volunteers", "import", out)
    assert r.code == 0, r.err
    # An unchanged sheet is no update (it said "30 updated" and wrote 30 audit entries).
    assert "0 volunteers added, 0 updated, 30 unchanged" in r.out
    conn = sqlite3.connect(demo_db)
    after = conn.execute(
        "SELECT code, name, phone, status, languages FROM volunteer ORDER BY code"
    ).fetchall()
    exports = conn.execute(
        "SELECT actor, after FROM audit_entry WHERE action = 'volunteer.export'"
    ).fetchall()
    conn.close()
    assert after == before
    assert len(exports) == 1 and exports[0][0].startswith("cli")
    assert '"include_personal":false' in exports[0][1].replace(" ", "")


def test_volunteers_export_with_personal_data(cli: Run, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "full.xlsx"
    r = cli("--db", demo_db, "volunteers", "export", out, "--with-personal-data")
    assert r.code == 0
    assert "WITH phone numbers" in r.out
    phones = [
        row[2] for row in load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)
    ]
    assert all(p and "*" not in p for p in phones)
    conn = sqlite3.connect(demo_db)
    (logged,) = conn.execute(
        "SELECT after FROM audit_entry WHERE action = 'volunteer.export'"
    ).fetchone()
    conn.close()
    assert '"include_personal":true' in logged.replace(" ", "")


def test_formula_like_name_stays_text(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["編號", "姓名", "備註"])
    ws.append(["V009", "x", "+1 call"])
    ws["B2"].value = '=HYPERLINK("http://evil.example","click")'
    ws["B2"].data_type = "s"  # typed by a person as text, not a formula
    wb.save(tmp_path / "in.xlsx")
    r = cli("--db", desk_db, "volunteers", "import", tmp_path / "in.xlsx")
    assert r.code == 0, r.err
    out = tmp_path / "out.xlsx"
    assert cli("--db", desk_db, "volunteers", "export", out).code == 0
    cell = load_workbook(out).worksheets[0]["B2"]
    assert cell.value == '=HYPERLINK("http://evil.example","click")'
    assert cell.data_type == "s"
    notes = load_workbook(out).worksheets[0]["I2"]
    assert notes.value == "+1 call" and notes.data_type == "s"


# --- roster, attendance, sweep ------------------------------------------------------------------


def test_roster_generate(cli: Run, demo_db: Path) -> None:
    r = cli("--db", demo_db, "roster", "generate", "--month", "2025-05")
    assert r.code == 0, r.err
    assert "Roster 民國114年5月:" in r.out and "2025-05" not in r.out
    conn = sqlite3.connect(demo_db)
    (n,) = conn.execute("SELECT count(*) FROM assignment WHERE day LIKE '2025-05-%'").fetchone()
    conn.close()
    assert n > 30


def test_roster_generate_bad_month_changes_nothing(cli: Run, demo_db: Path) -> None:
    before = dump(demo_db)
    r = cli("--db", demo_db, "roster", "generate", "--month", "2025-13")
    assert r.code == 2
    assert "2025-13 is not a month" in r.err
    assert dump(demo_db) == before


def test_attendance_record(cli: Run, demo_db: Path) -> None:
    r = cli("--db", demo_db, "attendance", "record", "--code", "v005", "--date", "2025-03-03",
            "--slot", "am", "--in", "08:25", "--out", "11:32", "--reason", "紙本簽到表補登")  # fmt: skip
    assert r.code == 0, r.err
    assert "V005" in r.out
    conn = sqlite3.connect(demo_db)
    rows = conn.execute(
        "SELECT a.in_at, a.out_at FROM attendance a JOIN volunteer v ON v.id = a.volunteer_id "
        "WHERE v.code = 'V005' AND a.day = '2025-03-03' AND a.slot = 'AM'"
    ).fetchall()
    conn.close()
    assert len(rows) == 1
    assert rows[0][0].startswith("2025-03-03 00:25") or "00:25:00" in rows[0][0]  # 08:25 Taipei


def test_attendance_record_reads_a_full_width_code(cli: Run, demo_db: Path) -> None:
    r = cli("--db", demo_db, "attendance", "record", "--code", "\u3000ｖ００５", "--date",
            "2025-03-03", "--slot", "PM", "--in", "13:25", "--out", "16:30", "--reason", "補登")  # fmt: skip
    assert r.code == 0, r.err
    assert "V005" in r.out and "ｖ" not in r.out
    before = dump(demo_db)
    r = cli("--db", demo_db, "attendance", "record", "--code", "ｖ９９９", "--date", "2025-03-03",
            "--slot", "AM", "--in", "08:25", "--out", "11:30", "--reason", "補登")  # fmt: skip
    assert (r.code, r.err.strip()) == (2, "There is no volunteer with the code V999.")
    assert dump(demo_db) == before


def test_the_command_line_writes_dates_in_roc_form(cli: Run, demo_db: Path) -> None:
    """Dates are typed as YYYY-MM-DD but every date printed back is 114/03/20, never ISO."""
    runs = [
        cli("--db", demo_db, "calendar", "show", "--month", "2025-02"),
        cli("--db", demo_db, "calendar", "close", "--date", "2025-03-20", "--reason", "颱風"),
        cli("--db", demo_db, "calendar", "reopen", "--date", "2025-03-20"),
        cli("--db", demo_db, "calendar", "reopen", "--date", "2025-03-20"),
        cli("--db", demo_db, "attendance", "record", "--code", "v005", "--date", "2025-03-03",
            "--slot", "am", "--in", "08:25", "--out", "11:32", "--reason", "紙本簽到表補登"),
        cli("--db", demo_db, "roster", "generate", "--month", "2025-05"),
    ]  # fmt: skip
    assert all(r.code == 0 for r in runs), [r.err for r in runs]
    printed = "\n".join(r.out + r.err for r in runs)
    assert "Closed 114/03/20" in printed and "Reopened 114/03/20" in printed
    assert "114/03/03" in printed
    assert re.search(r"\d{4}-\d{2}-\d{2}", printed) is None, printed


def test_attendance_record_refusals_change_nothing(cli: Run, demo_db: Path) -> None:
    before = dump(demo_db)
    base = ["--db", demo_db, "attendance", "record", "--date", "2025-03-03", "--reason", "補登"]
    r = cli(*base, "--code", "V999", "--slot", "AM", "--in", "08:25", "--out", "11:30")
    assert (r.code, r.err.strip()) == (2, "There is no volunteer with the code V999.")
    r = cli(*base, "--code", "V001", "--slot", "AM", "--in", "8.25", "--out", "11:30")
    assert r.code == 2 and "8.25 is not a time" in r.err
    r = cli(*base, "--code", "V001", "--slot", "AM", "--in", "11:25", "--out", "09:30")
    assert r.code == 2 and "sign-out time must be after" in r.err
    assert dump(demo_db) == before


def test_sweep(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "sweep")
    assert r.code == 0, r.err
    assert "0 forgotten sign-outs" in r.out


# --- check, backup, restore -------------------------------------------------------------------


def test_check_names_the_first_broken_audit_link(cli: Run, demo_db: Path) -> None:
    conn = sqlite3.connect(demo_db)
    with conn:  # someone with the file and a SQLite shell drops the guard and edits
        conn.execute("DROP TRIGGER audit_entry_no_update")
        conn.execute("UPDATE audit_entry SET actor = 'mallory' WHERE id = 7")
    conn.close()
    r = cli("--db", demo_db, "check")
    assert r.code == 1
    assert "audit log broken at entry 7" in r.out
    assert "found problems" in r.err


def test_check_reports_dangling_reference(cli: Run, desk_db: Path) -> None:
    conn = sqlite3.connect(desk_db)
    with conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(
            "INSERT INTO training (volunteer_id, kind, title, taken_on, hours) "
            "VALUES (4242, 'basic', 't', '2025-01-01', 1)"
        )
    conn.close()
    r = cli("--db", desk_db, "check")
    assert r.code == 1
    assert "broken references" in r.out and "training" in r.out


def test_check_missing_database(cli: Run, dbfile: Path) -> None:
    r = cli("--db", dbfile, "check")
    assert r.code == 2 and "There is no database" in r.err
    assert not dbfile.exists()


def test_backup_and_restore(cli: Run, desk_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    r = cli("--db", desk_db, "backup", "--out", copy)
    assert r.code == 0, r.err
    assert copy.is_file()
    r = cli("--db", desk_db, "backup", "--out", copy)
    assert r.code == 2 and "already exists" in r.err
    assert cli("--db", desk_db, "init", "--agency", "改過的名稱").code == 0

    before = dump(desk_db)
    r = cli("--db", desk_db, "restore", copy)
    assert r.code == 2 and "--yes" in r.err
    assert dump(desk_db) == before

    r = cli("--db", desk_db, "restore", copy, "--yes")
    assert r.code == 0, r.err
    assert "kept as" in r.out
    conn = sqlite3.connect(desk_db)
    assert conn.execute("SELECT name FROM site").fetchall() == [("測試衛生所",)]
    conn.close()
    assert list(tmp_path.glob("desk-replaced-*.sqlite3"))


def test_default_backup_goes_to_backups_folder(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "backup")
    assert r.code == 0, r.err
    assert list((desk_db.parent / "backups").glob("*.sqlite3"))


def test_restore_refuses_a_file_that_is_no_database(
    cli: Run, desk_db: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    before = dump(desk_db)
    r = cli("--db", desk_db, "restore", junk, "--yes")
    assert r.code == 2
    assert "not a sound frontdesk database" in r.err
    assert dump(desk_db) == before
    r = cli("--db", desk_db, "restore", tmp_path / "missing.sqlite3", "--yes")
    assert r.code == 2 and "does not exist" in r.err


def test_self_test_flag_runs_the_installation_check(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import frontdesk.selftest

    monkeypatch.setattr(frontdesk.selftest, "run", lambda: 7)
    assert cli("--self-test").code == 7


def test_a_slot_code_typed_with_a_full_width_ime_is_the_stored_code() -> None:
    """The command line reads a slot code the way every other entry does
    (core.codes.normalise_code): full-width letters fold, blanks go, case is upper."""
    assert parse_slot(" ａｍ　") == "AM"
    assert parse_slot("pm") == "PM"
    assert parse_slot(None) is None
