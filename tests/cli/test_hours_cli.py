"""`frontdesk hours statement`: the A4 service-hours statement as a PDF, read back as text;
prior hours never on it; bad input in words with exit code 2."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from frontdesk.services import records
from frontdesk.store.db import Database
from tests.cli.conftest import Run
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk
from tests.support.service import pdf_text, served


def test_statement_pdf_lists_the_range_and_total(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    desk = new_desk(sqlite_db, Clock(), agency="苓雅區衛生所")
    vid = add_volunteer(desk, "V001", "王小明")
    served(desk, vid, [(date(2026, 10, 5), "AM", 179), (date(2026, 10, 7), "PM", 180)])
    served(desk, vid, [(date(2026, 9, 1), "AM", 180)])  # before the range
    records.add_hours(desk, "V001", date(2026, 10, 20), 120, "健康講座")
    records.add_prior(desk, "V001", date(2010, 1, 1), date(2019, 12, 31), 777 * 60, "某醫院")
    out = tmp_path / "s.pdf"
    r = cli(
        "--db",
        sqlite_url,
        "hours",
        "statement",
        "--code",
        "V001",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        out,
    )
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    text = pdf_text(out)
    for words in ("志願服務時數證明", "苓雅區衛生所", "王小明(V001)", "115/10/05", "健康講座"):
        assert words in text, words
    assert "115/09/01" not in text and "777" not in text and "某醫院" not in text
    assert "7.5" in text  # 2.5 + 3 + 2: the total, each duty cut to 0.5 h


def test_statement_refuses_bad_input(
    cli: Run, sqlite_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    desk = new_desk(sqlite_db, Clock())
    add_volunteer(desk, "V001", "王小明")
    base = ("--db", sqlite_url, "hours", "statement", "--out", tmp_path)
    r = cli(*base, "--code", "V001", "--from", "2026-10-31", "--to", "2026-10-01")
    assert r.code == 2 and "first day" in r.err
    r = cli(*base, "--code", "V999", "--from", "2026-10-01", "--to", "2026-10-31")
    assert r.code == 2
    r = cli(*base, "--code", "V001", "--from", "2026-13-01", "--to", "2026-10-31")
    assert r.code == 2
