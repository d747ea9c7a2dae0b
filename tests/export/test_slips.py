"""Paper duty slips: four to an A4 page, each volunteer's month in large type, the desk's
phone and the swap rule; a removed duty marked cancelled; a PDF whose pages are A4."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from frontdesk import i18n
from frontdesk.core.roster import ShiftKey
from frontdesk.export.slips import slips_for, write_slips_pdf
from frontdesk.services import roster
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer
from tests.support.notices import PHONE, THU, Team, make_team


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


@pytest.fixture
def team(sqlite_db: Database, clock: Clock) -> Team:
    return make_team(sqlite_db, clock)


def test_slips_say_the_month_the_phone_and_the_rule(team: Team, zh: None) -> None:
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    slips = slips_for(team.desk, 2026, 12)
    assert [(s.name, s.month) for s in slips] == [
        ("王小明", "民國115年12月值班"),
        ("李美華", "民國115年12月值班"),
    ]
    wang = slips[0]
    assert wang.lines == ["12/7（一） 上午班 08:30–11:30", "12/10（四） 上午班 08:30–11:30"]
    assert wang.struck == {1}  # drawn struck out: taken away
    assert wang.footer == [
        "換班：請至少提前 7 天與其他志工更換並告知督導，或請督導協助換班。",
        f"換班請洽服務台：{PHONE}",
    ]
    chosen = slips_for(team.desk, 2026, 12, [team.chen])
    assert chosen[0].lines == ["本月沒有排班。"]


def test_the_pdf_has_a4_pages_four_slips_each(team: Team, zh: None, tmp_path: Path) -> None:
    for n in range(4, 10):
        vid = add_volunteer(team.desk, f"V{n:03d}", f"志工{n}")
        day = THU + timedelta(days=n % 2 * 7)
        roster.assign(
            team.desk, ShiftKey(day, "PM" if n % 4 < 2 else "AM"), vid, confirm_warnings=True
        )
    slips = slips_for(team.desk, 2026, 12)
    assert len(slips) == 8
    path = tmp_path / "值班單.pdf"
    assert write_slips_pdf(slips, path) == 2
    assert path.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".frontdesk-tmp-*"))
    if shutil.which("pdfinfo"):  # poppler-utils, as on the CI machine
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+2\b", info), info
        assert "(A4)" in info, info
