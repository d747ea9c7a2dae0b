"""Kiosk fixtures: a desk on a real migrated SQLite file with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from pytestqt.qtbot import QtBot

from frontdesk import i18n
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import roster, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.store.db import Database
from frontdesk.ui import style
from frontdesk.ui.kiosk.window import KioskWindow

MONDAY = date(2026, 11, 2)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, day: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
        self.now = at(day, time(hh, mm, ss))
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(at(MONDAY, time(8, 27)))


@pytest.fixture
def kiosk_desk(sqlite_db: Database, clock: Clock) -> Desk:
    """衛生所 desk: 王小明 (A001) and 李美華 (A002) on Monday AM, 陳大同 (A003) not rostered."""
    desk = Desk(
        db=sqlite_db, site_id=init_site(sqlite_db, "苓雅區衛生所"), actor="test", clock=clock
    )
    ids = {}
    for code, name in [("A001", "王小明"), ("A002", "李美華"), ("A003", "陳大同")]:
        ids[code] = volunteers.add(
            desk,
            volunteers.VolunteerInput(
                code=code,
                name=name,
                phone="0912-345-678",
                trainings=[("basic", "基礎訓練", date(2026, 1, 10), 12.0)],
            ),
        )
    for code in ("A001", "A002"):
        roster.assign(desk, ShiftKey(MONDAY, "AM"), ids[code])
    return desk


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


@pytest.fixture
def window(qtbot: QtBot, kiosk_desk: Desk, zh: None, qapp: object) -> Iterator[KioskWindow]:
    style.apply(qapp)  # type: ignore[arg-type]
    w = KioskWindow(kiosk_desk)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
