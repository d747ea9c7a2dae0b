"""`frontdesk export`: the monthly workbook written from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import frontdesk.cli.export
from frontdesk.export.monthly import ExportFailed
from frontdesk.store.db import Database
from tests.cli.conftest import Run
from tests.export.scenario import make_desk


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
