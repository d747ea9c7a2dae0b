"""Kiosk fixtures: a desk on a real migrated SQLite file with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest
from pytestqt.qtbot import QtBot

from frontdesk import i18n
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import roster
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from frontdesk.ui import style
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk

MONDAY = date(2026, 11, 2)


@pytest.fixture
def clock() -> Clock:
    """The kiosk tests start at Monday 08:27, just before the morning duty."""
    return Clock(at(MONDAY, time(8, 27)))


@pytest.fixture
def kiosk_desk(sqlite_db: Database, clock: Clock) -> Desk:
    """衛生所 desk: 王小明 (A001) and 李美華 (A002) on Monday AM, 陳大同 (A003) not rostered."""
    desk = new_desk(sqlite_db, clock, agency="苓雅區衛生所", actor="test")
    ids = {}
    for code, name in [("A001", "王小明"), ("A002", "李美華"), ("A003", "陳大同")]:
        ids[code] = add_volunteer(desk, code, name)
    for code in ("A001", "A002"):
        roster.assign(desk, ShiftKey(MONDAY, "AM"), ids[code])
    return desk


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


class KeyClock:
    """The card reader's clock in seconds: it stands still until a test moves it, so keys
    sent one after another are a reader's burst, and a test types slowly by `advance`."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def keys() -> KeyClock:
    return KeyClock()


@pytest.fixture
def window(
    qtbot: QtBot, kiosk_desk: Desk, zh: None, qapp: object, keys: KeyClock
) -> Iterator[KioskWindow]:
    style.apply(qapp)  # type: ignore[arg-type]
    w = KioskWindow(kiosk_desk)
    w.reader.clock = keys
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
