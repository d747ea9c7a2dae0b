"""`frontdesk report year --year 115`: the year's service report from the command line."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from frontdesk.store.db import Database
from frontdesk.words import year_report as w
from tests.cli.conftest import Run
from tests.export.scenario import build_february


def test_the_year_report_is_written_under_its_roc_name(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    build_february(sqlite_db)
    r = cli("--db", sqlite_url, "report", "year", "--year", "114", "--out", tmp_path)
    assert r.code == 0, r.err
    out = tmp_path / "志工服務年度報告_114年.xlsx"
    assert r.out.strip() == str(out)
    wb = load_workbook(out)
    assert wb.sheetnames == list(w.SHEETS)
    assert wb[w.SHEET_SUMMARY]["A1"].value == "測試衛生所 民國114年 志工服務年度成果報告"
    again = cli("--db", sqlite_url, "report", "year", "--year", "2025", "--out", out)
    assert again.code == 2 and "--overwrite" not in again.out  # an existing file is kept
    assert (
        cli(
            "--db", sqlite_url, "report", "year", "--year", "2025", "--out", out, "--overwrite"
        ).code
        == 0
    )


def test_a_year_that_is_none_is_refused_in_words(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    build_february(sqlite_db)
    r = cli("--db", sqlite_url, "report", "year", "--year", "next", "--out", tmp_path)
    assert r.code == 2
    assert "next is not a year" in r.err
    assert not list(tmp_path.glob("*.xlsx"))
