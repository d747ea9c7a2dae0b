"""`frontdesk export`: the monthly workbook written from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import frontdesk.cli.export
from frontdesk.export.monthly import ExportFailed
from frontdesk.services.workspace import review_rows
from frontdesk.store.db import Database
from frontdesk.words.workbook import file_name
from tests.cli.conftest import Run
from tests.cli.test_cli_language import chinese  # noqa: F401  (fixture)
from tests.export.scenario import build_february, make_desk


def test_export_writes_the_file_and_prints_its_path(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    make_desk(sqlite_db)
    out = tmp_path / "feb.xlsx"
    r = cli("--db", sqlite_url, "export", "--month", "2025-02", "--out", out)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    assert load_workbook(out).sheetnames[0] == "月值班表"


@pytest.mark.parametrize(
    ("month", "out", "words"),
    [("2025-13", "x.xlsx", "YYYY-MM"), ("2025-02", "missing/x.xlsx", "does not exist")],
)
def test_bad_input_is_answered_in_words_with_exit_code_2(
    cli: Run,
    sqlite_db: Database,
    sqlite_url: str,
    tmp_path: Path,
    month: str,
    out: str,
    words: str,
) -> None:
    make_desk(sqlite_db)
    r = cli(
        "--db",
        sqlite_url,
        "export",
        "--month",
        month,
        "--out",
        tmp_path / out,
        "--with-personal-data",
    )
    assert r.code == 2
    assert words in r.err and "Traceback" not in r.err
    assert not (tmp_path / out).exists()


def test_a_file_that_cannot_be_written_is_exit_code_1(
    cli: Run,
    sqlite_db: Database,
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(*args: object, **kwargs: object) -> Path:
        raise ExportFailed("disk full", path=str(tmp_path / "feb.xlsx"))

    make_desk(sqlite_db)
    monkeypatch.setattr(frontdesk.cli.export, "export_month", disk_full)
    r = cli("--db", sqlite_url, "export", "--month", "2025-02", "--out", tmp_path / "feb.xlsx")
    assert r.code == 1
    assert len(r.err.strip().splitlines()) == 1 and "bug" not in r.err


def test_the_default_file_is_named_for_the_month_in_roc(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_desk(sqlite_db)
    monkeypatch.chdir(tmp_path)
    r = cli("--db", sqlite_url, "export", "--month", "2025-02")
    assert r.code == 0, r.err
    written = tmp_path / "志工值勤月報_114年2月.xlsx"
    assert r.out.strip() == str(written) and written.exists()
    # --out naming a folder puts the file, so named, in it
    folder = tmp_path / "reports"
    folder.mkdir()
    r = cli("--db", sqlite_url, "export", "--month", "2026-11", "--out", folder)
    assert r.code == 0, r.err
    assert r.out.strip() == str(folder / "志工值勤月報_115年11月.xlsx")
    assert file_name(2026, 11) == "志工值勤月報_115年11月.xlsx"


@pytest.mark.usefixtures("chinese")
def test_an_existing_file_is_replaced_only_with_overwrite(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    make_desk(sqlite_db)
    target = tmp_path / "feb.xlsx"
    target.write_bytes(b"last month's export, signed")
    r = cli("--db", sqlite_url, "export", "--month", "2025-02", "--out", target)
    assert r.code == 2 and r.out == ""
    assert r.err.strip() == f"{target} 已經存在，沒有覆寫；要取代它，請加上 --overwrite。"
    assert target.read_bytes() == b"last month's export, signed"
    # the same without the suffix, which the export adds
    r = cli("--db", sqlite_url, "export", "--month", "2025-02", "--out", tmp_path / "feb")
    assert r.code == 2 and str(target) in r.err
    r = cli("--db", sqlite_url, "export", "--month", "2025-02", "--out", target, "--overwrite")
    assert r.code == 0, r.err
    assert load_workbook(target).sheetnames[0] == "月值班表"


@pytest.mark.usefixtures("chinese")
def test_records_waiting_for_review_are_counted_and_the_month_still_exported(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    sc = build_february(sqlite_db)
    waiting = review_rows(sc.desk)  # the 出勤 page's 待確認 list
    assert len(waiting) == 7 and {r.day.month for r in waiting} == {2}
    out = tmp_path / "feb.xlsx"
    r = cli("--db", sqlite_url, "export", "--month", "2025-02", "--out", out)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out) and out.exists()  # exported all the same
    assert r.err.strip() == (
        "民國114年2月還有 7 筆出勤紀錄等待確認；確認之後，活頁簿中的時數可能還會改變。"
    )
    # a month with nothing waiting says nothing
    r = cli("--db", sqlite_url, "export", "--month", "2025-03", "--out", tmp_path / "mar.xlsx")
    assert r.code == 0 and r.err == ""
