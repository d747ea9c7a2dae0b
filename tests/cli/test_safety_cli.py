"""The CLI on data safety: damaged files, start-up errors in one sentence, daily backup, purge."""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, SwapState
from frontdesk.core.timeutil import at
from frontdesk.services import roster, swaps, volunteers, workspace
from frontdesk.services.context import Desk
from frontdesk.services.opening import open_desk
from frontdesk.store.backup import daily_backups
from frontdesk.store.db import Database
from frontdesk.store.models import Volunteer
from frontdesk.words.dates import format_roc_short
from tests.cli.conftest import Run
from tests.store.test_startup import damage_file


def _backups(db: Path) -> Path:
    return db.parent / "backups"


def test_damaged_database_is_refused_naming_the_newest_good_backup(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "backup")
    assert r.code == 0, r.err
    good = next(_backups(desk_db).glob("*.sqlite3"))
    damage_file(desk_db)
    before = desk_db.read_bytes()
    for command in (["sweep"], ["calendar", "show", "--month", "2026-12"], ["backup"]):
        r = cli("--db", desk_db, *command)
        assert r.code == 1, command
        assert len(r.err.strip().splitlines()) == 1
        assert str(good) in r.err and "frontdesk restore" in r.err and "--yes" in r.err
    assert desk_db.read_bytes() == before
    # `check` still reports what is wrong instead of refusing
    r = cli("--db", desk_db, "check")
    assert r.code == 1
    assert "Traceback" not in r.err
    # and the named command works
    r = cli("--db", desk_db, "restore", good, "--yes")
    assert r.code == 0, r.err
    assert cli("--db", desk_db, "check").code == 0


def test_damaged_database_without_backup(cli: Run, desk_db: Path) -> None:
    damage_file(desk_db)
    r = cli("--db", desk_db, "sweep")
    assert r.code == 1
    assert "no sound backup" in r.err


def test_sweep_keeps_the_daily_backup(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "sweep")
    assert r.code == 0, r.err
    dailies = daily_backups(_backups(desk_db))
    assert len(dailies) == 1
    assert str(next(iter(dailies.values()))) in r.out
    r = cli("--db", desk_db, "sweep")
    assert r.code == 0 and "backup" not in r.out.lower()
    assert len(daily_backups(_backups(desk_db))) == 1


def test_other_commands_make_no_daily_backup(cli: Run, desk_db: Path) -> None:
    assert cli("--db", desk_db, "calendar", "show", "--month", "2026-12").code == 0
    assert daily_backups(_backups(desk_db)) == {}


def test_full_data_folder_is_one_sentence(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "mkdir", full)
    r = cli("--db", tmp_path / "new" / "desk.sqlite3", "init", "--agency", "測試")
    assert r.code == 1
    assert "data folder" in r.err and "new" in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_unwritable_data_folder_is_one_sentence(
    cli: Run, desk_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.access
    folder = desk_db.parent

    def access(path: object, mode: int) -> bool:
        return False if Path(str(path)) == folder and mode == os.W_OK else real(path, mode)

    monkeypatch.setattr(os, "access", access)
    r = cli("--db", desk_db, "sweep")
    assert r.code == 1
    assert "data folder" in r.err and str(folder) in r.err


def test_unreadable_database_file_is_one_sentence(
    cli: Run, desk_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.access

    def access(path: object, mode: int) -> bool:
        return False if Path(str(path)) == desk_db and mode == os.R_OK else real(path, mode)

    monkeypatch.setattr(os, "access", access)
    r = cli("--db", desk_db, "sweep")
    assert r.code == 1
    assert "No permission" in r.err and str(desk_db) in r.err
    assert "bug" not in r.err


def test_folder_that_is_a_file_is_one_sentence(cli: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    r = cli("--db", blocker / "desk.sqlite3", "init", "--agency", "測試")
    assert r.code == 1
    assert "data folder" in r.err


def test_newer_database_is_one_sentence(cli: Run, desk_db: Path) -> None:
    with closing(sqlite3.connect(desk_db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    for command in (["sweep"], ["volunteers", "purge-due"]):
        r = cli("--db", desk_db, *command)
        assert r.code == 1
        assert "newer version" in r.err and len(r.err.strip().splitlines()) == 1


def test_wrong_url_is_one_sentence(cli: Run) -> None:
    for url in ("postgresql://nobody@127.0.0.1:1/none", "oracle://x/y", "postgresql://::bad"):
        r = cli("--db", url, "volunteers", "purge-due")
        assert r.code == 1, url
        assert "Cannot open the database" in r.err
        assert len(r.err.strip().splitlines()) == 1


# --- purge -------------------------------------------------------------------------------


@pytest.fixture
def departed_db(desk_db: Path) -> Path:
    """V012 left three years ago (past the default two-year retention); V013 left today."""
    db = Database(f"sqlite+pysqlite:///{desk_db}")
    try:
        long_ago = datetime.now(UTC) - timedelta(days=3 * 365)
        old = Desk(db=db, site_id=1, actor="test", clock=lambda: long_ago)
        for code in ("V012", "V013", "V014"):
            volunteers.add(
                old, volunteers.VolunteerInput(code=code, name=f"志工{code}", phone="0912-345-678")
            )
        ids = {v.code: v.id for v in workspace.volunteer_choices(old)}
        volunteers.deactivate(old, ids["V012"])
        volunteers.deactivate(Desk(db=db, site_id=1, actor="test"), ids["V013"])
    finally:
        db.dispose()
    return desk_db


def _volunteer(path: Path, code: str) -> tuple[str, str | None]:
    db = Database(f"sqlite+pysqlite:///{path}")
    try:
        with db.read() as session:
            v = session.query(Volunteer).filter_by(code=code).one()
            return v.name, v.phone
    finally:
        db.dispose()


def test_purge_due_lists_who_may_be_purged(cli: Run, departed_db: Path) -> None:
    r = cli("--db", departed_db, "volunteers", "purge-due")
    assert r.code == 0, r.err
    assert "V012" in r.out and "V013" not in r.out and "V014" not in r.out


def test_purge_needs_yes(cli: Run, departed_db: Path) -> None:
    r = cli("--db", departed_db, "volunteers", "purge", "--code", "V012")
    assert r.code == 2
    assert "--yes" in r.err and "V012" in r.err
    assert _volunteer(departed_db, "V012") == ("志工V012", "0912-345-678")


def test_purge(cli: Run, departed_db: Path) -> None:
    r = cli("--db", departed_db, "volunteers", "purge", "--code", "v012", "--yes")
    assert r.code == 0, r.err
    assert "已刪除個資 V012" in r.out
    assert _volunteer(departed_db, "V012") == ("已刪除個資 V012", None)
    r = cli("--db", departed_db, "volunteers", "purge-due")
    assert r.code == 0 and "V012" not in r.out


def test_purge_refusals_are_one_sentence(cli: Run, departed_db: Path) -> None:
    r = cli("--db", departed_db, "volunteers", "purge", "--code", "V013", "--yes")
    assert r.code == 1
    possible = (datetime.now(UTC) + timedelta(days=730)).astimezone().date()
    assert "V013" in r.err and "730" in r.err
    assert format_roc_short(possible)[:-3] in r.err  # the day it becomes possible, ROC form
    r = cli("--db", departed_db, "volunteers", "purge", "--code", "V014", "--yes")
    assert r.code == 1 and "V014" in r.err and "deactivation" in r.err
    r = cli("--db", departed_db, "volunteers", "purge", "--code", "V999", "--yes")
    assert r.code == 2 and "V999" in r.err
    assert _volunteer(departed_db, "V013")[1] == "0912-345-678"


def test_import_with_a_national_id_column_is_refused(
    cli: Run, desk_db: Path, tmp_path: Path
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["編號", "姓名", "身分證字號"])
    ws.append(["V001", "王小明", "A123456789"])
    sheet = tmp_path / "ids.xlsx"
    wb.save(sheet)
    r = cli("--db", desk_db, "volunteers", "import", sheet)
    assert r.code == 2
    assert "身分證字號" in r.err and "national ID" in r.err


def test_sweep_expires_a_swap_request_not_decided_before_its_duty(cli: Run, desk_db: Path) -> None:
    """The evening sweep is the kiosk's housekeeping: it expired no swap request before."""
    shift = ShiftKey(date(2026, 11, 10), "AM")  # a Tuesday now past
    opened = open_desk(str(desk_db))
    try:
        desk = replace(opened.desk, clock=lambda: at(date(2026, 11, 2), time(9)))
        a, c = (
            volunteers.add(
                desk,
                volunteers.VolunteerInput(
                    code=code,
                    name=name,
                    trainings=[("basic", "基礎訓練", date(2026, 1, 10), 12.0)],
                ),
            )
            for code, name in (("A01", "王小明"), ("C01", "陳大文"))
        )
        roster.assign(desk, shift, a)
        rid = swaps.request(desk, SwapProposal(SwapKind.COVER, a, shift, c))
    finally:
        opened.db.dispose()

    r = cli("--db", desk_db, "sweep")
    assert r.code == 0, r.err
    assert "1 swap requests not decided before their duty expired" in r.out
    with closing(sqlite3.connect(desk_db)) as conn:
        [(state,)] = conn.execute("SELECT state FROM swap_request WHERE id = ?", (rid,))
    assert state == SwapState.EXPIRED.value
    r = cli("--db", desk_db, "sweep")
    assert r.code == 0 and "swap" not in r.out


def test_a_bug_is_apologised_for_and_its_traceback_kept_in_the_log(
    cli: Run, desk_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("FRONTDESK_HOME", str(home))

    def broken(self: Database) -> None:
        raise KeyError("slot_of_the_day")

    monkeypatch.setattr(Database, "ping", broken)
    r = cli("--db", desk_db, "sweep")  # the fixture also checks: no traceback on the screen
    assert r.code == 1
    first, report = r.err.strip().splitlines()
    assert first.startswith("Sorry") and "slot_of_the_day" in first
    assert "bug in frontdesk" in report
    log = (home / "logs" / "frontdesk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "KeyError: 'slot_of_the_day'" in log and "broken" in log
    r = cli("--db", tmp_path / "missing.sqlite3", "sweep")  # a person's error: not logged
    assert r.code == 2 and "bug in frontdesk" not in r.err and "Sorry" not in r.err
    assert log == (home / "logs" / "frontdesk.log").read_text(encoding="utf-8")
