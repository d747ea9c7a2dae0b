"""The printed statement keeps its total, stamp box and date together on one page, and lists
the volunteer's trainings."""

from __future__ import annotations

import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from frontdesk.export.statement import write_statement
from frontdesk.services import records
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.desks import new_desk
from tests.support.service import pdf_text, served

SHOTS = os.environ.get("FRONTDESK_SHOTS")


@pytest.fixture
def desk(sqlite_db: Database) -> Desk:
    return new_desk(sqlite_db, Clock())


def _pages(pdf: Path) -> list[str]:
    return [p for p in pdf_text(pdf).split("\f") if p.strip()]


@pytest.mark.parametrize("duties", [1, 11, 13, 40])
def test_total_stamp_and_date_stay_together(
    desk: Desk, make_volunteer, tmp_path: Path, duties: int
) -> None:  # type: ignore[no-untyped-def]
    vid = make_volunteer("V001", "王小明")
    first = date(2026, 1, 5)
    served(desk, vid, [(first + timedelta(days=i), "AM", 180) for i in range(duties)])
    records.set_record_book(desk, "V001", "高市志字第1號", date(2020, 1, 1))
    pdf = write_statement(desk, "V001", first, date(2026, 12, 31), tmp_path / "s.pdf")
    pages = _pages(pdf)
    tail = [i for i, p in enumerate(pages) if "合計" in p]
    assert len(tail) == 1
    last = pages[tail[0]]
    assert "戳章" in last and "115年11月2日" in last  # the stamp box and the date with the total
    assert tail[0] == len(pages) - 1
    assert "基礎訓練" in pages[0] and "特殊訓練未登錄" in pages[0]
    if SHOTS:
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(Path(SHOTS) / f"statement{duties}")],
            check=True,
        )
