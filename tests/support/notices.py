"""A desk with three volunteers on December's roster, for the notices tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from frontdesk.core.roster import ShiftKey
from frontdesk.services import roster
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk

MON = date(2026, 12, 7)  # a Monday; 12/10 is a Thursday
THU = date(2026, 12, 10)
PHONE = "07-713-4000"


@dataclass
class Team:
    desk: Desk
    wang: int
    li: int
    chen: int


def make_team(db: Database, clock: Clock) -> Team:
    """苓雅區衛生所 with its phone: 王小明 Mon AM and Thu AM, 李美華 Mon AM and Tue PM,
    陳大同 on nothing."""
    desk = new_desk(db, clock, agency="苓雅區衛生所")
    update_settings(desk, {"desk_phone": PHONE})
    t = Team(
        desk,
        add_volunteer(desk, "V001", "王小明"),
        add_volunteer(desk, "V002", "李美華"),
        add_volunteer(desk, "V003", "陳大同"),
    )
    roster.assign(desk, ShiftKey(MON, "AM"), t.wang)
    roster.assign(desk, ShiftKey(THU, "AM"), t.wang)
    roster.assign(desk, ShiftKey(MON, "AM"), t.li)
    roster.assign(desk, ShiftKey(date(2026, 12, 8), "PM"), t.li)
    return t
