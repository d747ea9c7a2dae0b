"""The year gathered for the January report (services.year_report), on each backend."""

from __future__ import annotations

from datetime import date, time

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, calendar, phone_tests, roster
from frontdesk.services.year_report import year_report
from tests.services.test_phone_tests import GOOD, form

NOV2, NOV3, NOV4 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)


def test_the_year_month_by_month(desk, make_volunteer, clock):  # type: ignore[no-untyped-def]
    a, b = make_volunteer(), make_volunteer()
    roster.assign(desk, ShiftKey(NOV2, "AM"), a)
    roster.assign(desk, ShiftKey(NOV2, "PM"), b)
    roster.assign(desk, ShiftKey(NOV3, "AM"), b)
    attendance.scan(desk, "V001", now=at(NOV2, time(8, 25)))
    attendance.scan(desk, "V001", now=at(NOV2, time(11, 30)))
    attendance.scan(desk, "V002", now=at(NOV2, time(13, 45)))  # late
    attendance.scan(desk, "V002", now=at(NOV2, time(16, 30)))
    calendar.close(desk, NOV4, None, "颱風停止上班")
    phone_tests.record_test(desk, form(GOOD, volunteer_id=a))  # 2026-11-02, 86
    clock.set(NOV3, 18)
    attendance.sweep(desk, now=clock.now, since=NOV2)  # b absent on 11/3 morning
    r = year_report(desk, 2026)
    assert [m.month for m in r.duty] == list(range(1, 13))
    nov = r.duty[10]
    assert (nov.served, nov.late, nov.absent, nov.active) == (2, 1, 1, 2)
    assert nov.minutes == sum(m.minutes for m in r.duty) > 0
    assert nov.closed_slots == 2  # 11/4, both slots
    # up to 11/3: 11/2 both slots staffed, 11/3 morning absent, 11/3 afternoon nobody
    assert (nov.required, nov.staffed) == (4, 2) and nov.coverage == 0.5
    assert r.duty[11].required == 0  # December has not come yet
    assert [p.count for p in r.phone][10] == 1 and r.phone[10].average == 86
    assert r.active_in_year == 2
    # both volunteers' basic training on 2026-01-10 (tests.support.desks): one session held
    assert (r.learning[0].trainings, r.learning[0].trained) == (1, 2)
    assert sum(m.trained for m in r.learning) == 2
