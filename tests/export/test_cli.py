"""The `frontdesk export` sub-command as the CLI owner wires it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from openpyxl import load_workbook

from frontdesk.export import cli
from frontdesk.store.db import Database
from tests.export.scenario import make_desk


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="frontdesk")
    cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_export_writes_the_file_and_prints_its_path(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk, _ = make_desk(sqlite_db)
    args = _parse(["export", "--month", "2025-02", "--out", str(tmp_path / "feb.xlsx")])
    assert args.with_personal_data is False
    assert cli.run(args, desk) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "feb.xlsx")
    assert load_workbook(tmp_path / "feb.xlsx").sheetnames[0] == "月值班表"


@pytest.mark.parametrize(
    ("month", "out", "words"),
    [("2025-13", "x.xlsx", "YYYY-MM"), ("2025-02", "missing/x.xlsx", "does not exist")],
)
def test_bad_input_is_answered_in_words_with_exit_code_2(
    sqlite_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    month: str,
    out: str,
    words: str,
) -> None:
    desk, _ = make_desk(sqlite_db)
    args = _parse(
        ["export", "--month", month, "--out", str(tmp_path / out), "--with-personal-data"]
    )
    assert cli.run(args, desk) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
