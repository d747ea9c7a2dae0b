"""The site's duty calendar: closures, reopening, manual days, the DGPA import."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from frontdesk.core.calendar import DayKind
from frontdesk.services import calendar
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.store.models import CalendarOverride

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
