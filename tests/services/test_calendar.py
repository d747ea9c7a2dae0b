"""The site's duty calendar: closures, reopening, manual days, the DGPA import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from frontdesk.core.calendar import DayKind
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, calendar, reports, roster, workspace
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.store.models import Attendance, AuditEntry, CalendarOverride, Volunteer
from tests.support.clocks import Clock

DEC1 = date(2026, 12, 1)  # Tuesday, a working day


def _overrides(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count(CalendarOverride.id))) or 0)


def test_working_days_from_the_government_calendar(desk: Desk) -> None:
    assert calendar.day(desk, DEC1).is_duty_day
    makeup = calendar.day(desk, date(2025, 2, 8))
    assert makeup.kind is DayKind.MAKEUP_WORKDAY and makeup.is_duty_day
    bridge = calendar.day(desk, date(2025, 1, 27))
    assert bridge.kind is DayKind.HOLIDAY and not bridge.is_duty_day
    days = calendar.month(desk, 2026, 12)
    assert len(days) == 31 and days[0].day == DEC1


def test_close_slot_and_reopen(desk: Desk) -> None:
    calendar.close(desk, DEC1, "PM", "颱風停止上班")
    info = calendar.day(desk, DEC1)
    assert info.is_duty_day and info.slot_open("AM") and not info.slot_open("PM")
    calendar.close(desk, DEC1, "PM", "颱風 (更新)")  # again: updates, no duplicate
    assert _overrides(desk) == 1
    assert calendar.reopen(desk, DEC1, "PM") == 1
    assert calendar.day(desk, DEC1).slot_open("PM")
    assert calendar.reopen(desk, DEC1) == 0


def test_close_whole_day(desk: Desk) -> None:
    calendar.close(desk, DEC1, None, "颱風停止上班")
    info = calendar.day(desk, DEC1)
    assert info.kind is DayKind.CLOSED and not info.is_duty_day
    assert info.label == "颱風停止上班"
    assert calendar.reopen(desk, DEC1) == 1
    assert calendar.day(desk, DEC1).is_duty_day


@pytest.mark.parametrize(("slot", "reason", "field"), [("AM", "  ", "reason"), ("XX", "r", "slot")])
def test_close_refuses_bad_input(desk: Desk, slot: str, reason: str, field: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        calendar.close(desk, DEC1, slot, reason)
    assert exc.value.facts["field"] == field
    assert _overrides(desk) == 0


def test_set_manual(desk: Desk) -> None:
    sat = date(2026, 12, 5)
    assert not calendar.day(desk, sat).is_duty_day
    calendar.set_manual(desk, sat, open_=True, label="衛教活動")
    assert calendar.day(desk, sat).kind is DayKind.MANUAL_OPEN
    calendar.set_manual(desk, sat, open_=False)
    info = calendar.day(desk, sat)
    assert info.kind is DayKind.MANUAL_CLOSED and not info.is_duty_day
    assert _overrides(desk) == 1  # replaced, not piled up


def _dgpa(year: int, off: set[date]) -> str:
    lines = ["西元日期,星期,是否放假,備註"]
    d = date(year, 1, 1)
    while d.year == year:
        flag = "2" if d in off or (d.weekday() >= 5) else "0"
        lines.append(f"{d:%Y%m%d},{'一二三四五六日'[d.weekday()]},{flag},")
        d += timedelta(days=1)
    return "\n".join(lines) + "\n"


def test_import_dgpa(desk: Desk) -> None:
    special = date(2026, 12, 2)
    report = calendar.import_dgpa(desk, _dgpa(2026, {special}))
    assert (report.year, report.days, report.replaced) == (2026, 365, 0)
    assert not calendar.day(desk, special).is_duty_day
    report = calendar.import_dgpa(desk, _dgpa(2026, set()).encode("utf-8"))
    assert report.replaced == 365
    assert calendar.day(desk, special).is_duty_day
    with pytest.raises(InvalidInput) as exc:
        calendar.import_dgpa(desk, "日期,星期\n20260101,四,2,\n")
    assert exc.value.facts["field"] == "file"
    assert _overrides(desk) == 365


def _statuses(desk: Desk) -> dict[str, tuple[str, bool, int]]:
    with desk.db.read() as session:
        rows = session.execute(
            select(Volunteer.code, Attendance.status, Attendance.needs_review,
                   Attendance.credited_minutes).join(Volunteer)
        ).all()  # fmt: skip
    return {code: (status, review, minutes) for code, status, review, minutes in rows}


def test_a_closure_after_the_sweep_settles_its_absences_and_reopening_restores_them(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    """Absence recorded at 12:00, typhoon closure entered at 12:30: the record stayed
    absent, in the review queue and on the workbook."""
    dec1 = date(2026, 12, 1)
    for code, slot in (("A01", "AM"), ("B02", "AM"), ("C03", "PM")):
        roster.assign(desk, ShiftKey(dec1, slot), make_volunteer(code))
    attendance.scan(desk, "A01", now=at(dec1, time(8, 29)))
    attendance.scan(desk, "A01", now=at(dec1, time(11, 31)))
    assert attendance.sweep(desk, now=at(dec1, time(12, 0))).absences == 1  # B02
    before = _statuses(desk)
    assert before["B02"] == ("absent", True, 0)

    clock.now = at(dec1, time(12, 30))
    calendar.close(desk, dec1, None, "颱風停止上班")
    settled = _statuses(desk)
    assert settled["B02"] == ("cancelled", False, 0)  # nobody is absent on a closed day
    assert settled["A01"] == ("cancelled", True, before["A01"][2])  # served: kept, asked
    assert "B02" not in {r.code for r in workspace.review_rows(desk)}
    report = reports.month_report(desk, 2026, 12)
    assert sum(v.absent for v in report.volunteers) == 0
    assert attendance.sweep(desk, now=at(dec1, time(17, 0))).absences == 0  # C03 neither

    assert calendar.reopen(desk, dec1) == 1
    assert _statuses(desk) == before  # as it was, B02 back in the review queue
    assert "B02" in {r.code for r in workspace.review_rows(desk)}
    with desk.db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("%.settle")).order_by(AuditEntry.id)
        ).all()
    assert [e.after["cause"] for e in entries if e.after] == ["calendar.close"] * 2 + [
        "calendar.reopen"
    ] * 2


def test_closing_one_slot_settles_only_that_slot(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    dec1 = date(2026, 12, 1)
    roster.assign(desk, ShiftKey(dec1, "AM"), make_volunteer("A01"))
    roster.assign(desk, ShiftKey(dec1, "PM"), make_volunteer("C03"))
    attendance.sweep(desk, now=at(dec1, time(17, 0)))
    calendar.close(desk, dec1, "PM", "颱風下午停止上班")
    assert {k: v[0] for k, v in _statuses(desk).items()} == {"A01": "absent", "C03": "cancelled"}
    calendar.reopen(desk, dec1, "PM")
    assert {k: v[0] for k, v in _statuses(desk).items()} == {"A01": "absent", "C03": "absent"}
