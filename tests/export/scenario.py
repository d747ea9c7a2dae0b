"""A desk with a lived-in February 2025, built through the services with explicit instants.

February 2025 has a make-up working Saturday (2/8 補行上班) and a holiday (2/28 和平紀念日);
the scenario adds a typhoon closure (2/12 whole day, 2/13 afternoon), an approved exchange,
a supervisor-arranged cover, late/early/absent/walk-in/no-sign-out duties, a hand
correction, a volunteer deactivated mid-month, and names that try to be formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import partial

from sqlalchemy import select, update

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, attendance_review, roster, supervisors, swaps, volunteers
from frontdesk.services import calendar as cal
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, AttendanceCorrection, Site
from tests.support import desks
from tests.support.clocks import Clock
from tests.support.desks import new_desk

SITE_CREATED = datetime(2024, 12, 1, tzinfo=UTC)
EVIL_NAME = '=HYPERLINK("http://evil.example","點我")'
EVIL_PHONE = "+886912345678"
SUPERVISOR_NAME = "陳秀英"  # the display name of the account `chen` that decides the swaps


def d(day: int) -> date:
    return date(2025, 2, day)


def t(day: int, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return at(d(day), time(hh, mm, ss))


@dataclass
class Scenario:
    desk: Desk
    clock: Clock
    ids: dict[str, int]
    swap_exchange: int
    swap_arranged: int
    swap_rejected: int


def make_desk(db: Database, agency: str = "測試衛生所") -> tuple[Desk, Clock]:
    clock = Clock(at(date(2025, 1, 6), time(9, 0)))
    desk = new_desk(db, clock, agency=agency, actor="supervisor:chen")
    supervisors.create(desk, "chen", "a-long-password", SUPERVISOR_NAME)
    with db.write() as session:
        session.execute(update(Site).where(Site.id == desk.site_id).values(created_at=SITE_CREATED))
    return desk, clock


def add_volunteer(
    desk: Desk, code: str, name: str, phone: str | None = "0912-345-678", **kw: object
) -> int:
    return desks.add_volunteer(desk, code, name, phone=phone, trained_on=date(2024, 11, 1), **kw)


def build_february(db: Database) -> Scenario:
    desk, clock = make_desk(db)
    ids = {
        "A": add_volunteer(desk, "A01", "王小明", joined_on=date(2023, 1, 15)),
        "B": add_volunteer(desk, "B01", "李大華", joined_on=date(2024, 2, 1)),
        "C": add_volunteer(desk, "C01", "陳美玲"),
        "D": add_volunteer(desk, "D01", "林志強"),
        "E": add_volunteer(desk, "E01", EVIL_NAME, phone=EVIL_PHONE),
        "F": add_volunteer(desk, "F01", "-減號@小花"),
    }
    plan = {
        "A": [(3, "AM"), (8, "AM"), (10, "AM"), (12, "AM"), (13, "AM"), (17, "AM")],
        "B": [(3, "PM"), (11, "AM"), (13, "PM"), (18, "PM")],
        "C": [(4, "AM"), (14, "AM"), (21, "AM")],
        "D": [(5, "PM"), (19, "PM")],
        "E": [(6, "AM")],
        "F": [(6, "AM")],
    }
    for who, shifts in plan.items():
        for day, slot in shifts:
            roster.assign(desk, ShiftKey(d(day), slot), ids[who])
    # Swaps, asked in January: an exchange with a fortnight's notice, approved.
    clock.set(date(2025, 1, 20), 10)
    swap_exchange = swaps.request(
        desk,
        SwapProposal(
            SwapKind.EXCHANGE, ids["A"], ShiftKey(d(10), "AM"), ids["B"], ShiftKey(d(11), "AM")
        ),
    )
    clock.set(date(2025, 1, 21), 9, 15)
    swaps.agree(desk, swap_exchange, ids["B"])
    clock.set(date(2025, 1, 22), 14)
    swaps.approve(desk, swap_exchange, reason="雙方同意")
    # A cover asked with two days' notice: the supervisor arranges it with a reason.
    clock.set(date(2025, 2, 16), 20)
    swap_arranged = swaps.ask_supervisor(desk, ids["B"], ShiftKey(d(18), "PM"), "家中有事")
    clock.set(date(2025, 2, 17), 8)
    swaps.approve(desk, swap_arranged, colleague_id=ids["D"], reason="督導協助安排")
    # A request the supervisor turns down.
    clock.set(date(2025, 2, 1), 10)
    swap_rejected = swaps.request(
        desk, SwapProposal(SwapKind.COVER, ids["C"], ShiftKey(d(21), "AM"), ids["D"])
    )
    clock.set(date(2025, 2, 2), 10)
    swaps.reject(desk, swap_rejected, "人手不足")
    # The typhoon: 2/12 closed all day, 2/13 afternoon closed.
    clock.set(date(2025, 2, 11), 18)
    cal.close(desk, d(12), None, "颱風停止上班")
    cal.close(desk, d(13), "PM", "颱風")

    # Duties as served (the kiosk), then the sweep for the ones not served.
    scan = partial(attendance.scan, confirm_sign_out=True)  # the early leaves are meant
    scan(desk, "A01", now=t(3, 8, 25))  # A on time
    scan(desk, "A01", now=t(3, 11, 31))
    scan(desk, "B01", now=t(3, 13, 50))  # B late
    scan(desk, "B01", now=t(3, 16, 30))
    scan(desk, "D01", now=t(5, 8, 40), confirm_walk_in=True)  # D walks in
    scan(desk, "D01", now=t(5, 11, 0))
    scan(desk, "D01", now=t(5, 13, 25))  # D early leave
    scan(desk, "D01", now=t(5, 15, 30))
    scan(desk, "E01", now=t(6, 8, 20))  # E never signs out
    scan(desk, "F01", now=t(6, 8, 29))
    scan(desk, "F01", now=t(6, 11, 30))
    scan(desk, "A01", now=t(8, 8, 30))  # the make-up Saturday
    scan(desk, "A01", now=t(8, 11, 30))
    scan(desk, "B01", now=t(10, 8, 28))  # B took A's Monday (the exchange)
    scan(desk, "B01", now=t(10, 11, 30))
    scan(desk, "A01", now=t(11, 8, 31))  # A on B's Tuesday
    scan(desk, "A01", now=t(11, 11, 33))
    scan(desk, "A01", now=t(13, 8, 29))  # the morning before the afternoon closure
    scan(desk, "A01", now=t(13, 11, 30))
    clock.set(d(15), 9)
    attendance.sweep(desk, now=clock.now, since=d(1))  # E auto-closed; C absent on 2/4, 2/14
    volunteers.deactivate(desk, ids["C"])  # C leaves mid-month
    scan(desk, "A01", now=t(17, 8, 30))
    scan(desk, "A01", now=t(17, 11, 30))
    scan(desk, "D01", now=t(18, 13, 30))  # D covers B's afternoon (arranged)
    scan(desk, "D01", now=t(18, 16, 31))
    scan(desk, "D01", now=t(19, 13, 28))  # D never signs out: auto-closed by the sweep
    # E never signed out on 2/6: the supervisor corrects it by hand, with a reason.
    clock.set(d(20), 10)
    with db.read() as session:
        e_row = session.scalars(
            select(Attendance).where(Attendance.volunteer_id == ids["E"], Attendance.day == d(6))
        ).one()
    attendance_review.correct(
        desk, e_row.id, t(6, 8, 20), t(6, 11, 30), "志工口述 11:30 離開，補登"
    )
    # A control character stored before input was cleaned: reports pass it on as stored,
    # a workbook must still drop it.
    with db.write() as session:
        session.execute(
            update(AttendanceCorrection)
            .where(AttendanceCorrection.attendance_id == e_row.id)
            .values(reason="志工口述 11:30 離開\x01，補登")
        )
    clock.set(d(21), 18)
    attendance.sweep(desk, now=clock.now, since=d(1))
    # Earlier service counts toward the year and the total, not the month.
    attendance_review.record_manual(
        desk,
        ids["A"],
        date(2025, 1, 6),
        "AM",
        at(date(2025, 1, 6), time(8, 30)),
        at(date(2025, 1, 6), time(11, 30)),
        "紙本簽到表補登",
    )
    attendance_review.record_manual(
        desk,
        ids["A"],
        date(2024, 12, 2),
        "AM",
        at(date(2024, 12, 2), time(8, 30)),
        at(date(2024, 12, 2), time(11, 30)),
        "紙本簽到表補登",
    )
    # Something in March: not part of February's audit anchor.
    clock.set(date(2025, 3, 3), 9)
    cal.close(desk, date(2025, 3, 4), "AM", "停電")
    clock.set(date(2025, 3, 3), 10)
    return Scenario(desk, clock, ids, swap_exchange, swap_arranged, swap_rejected)
