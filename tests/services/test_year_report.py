"""The year gathered for the January report (services.year_report), on each backend."""

from __future__ import annotations

from datetime import date, time

from openpyxl import load_workbook

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.export.year import export_year, summary_lines
from frontdesk.services import attendance, calendar, phone_tests, roster
from frontdesk.services.year_report import year_report
from frontdesk.words import year_report as w
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
    # before the first roster (11/2) the desk was not in use: no data, not 0%
    assert [m.required for m in r.duty[:10]] == [0] * 10 and nov.in_progress
    assert [p.count for p in r.phone][10] == 1 and r.phone[10].average == 86
    assert r.active_in_year == 2
    # both volunteers' basic training on 2026-01-10 (tests.support.desks): one session held
    assert (r.learning[0].trainings, r.learning[0].trained) == (1, 2)
    assert sum(m.trained for m in r.learning) == 2


def test_coverage_counts_from_the_first_roster_and_only_slots_ended(  # type: ignore[no-untyped-def]
    desk, make_volunteer, clock, tmp_path
):
    """The desk's first year: Jan–Sep (before any roster) read 0% and pulled the year down to
    17.5%, and 12/1 at 10:00 counted its afternoon as a gap. Months before the first roster
    have no data and are not counted; the current month counts the slots already ended."""
    a = make_volunteer()
    oct5, dec1 = date(2026, 10, 5), date(2026, 12, 1)
    roster.assign(desk, ShiftKey(oct5, "AM"), a)  # the desk's first roster
    roster.assign(desk, ShiftKey(dec1, "AM"), a)
    roster.assign(desk, ShiftKey(dec1, "PM"), a)
    attendance.scan(desk, "V001", now=at(dec1, time(8, 25)))
    clock.set(dec1, 10)
    r = year_report(desk, 2026)
    assert r.first_roster == oct5
    assert [m.required for m in r.duty[:9]] == [0] * 9
    assert all(m.coverage is None for m in r.duty[:9])
    assert r.duty[9].required > 0 and r.duty[10].required > 0
    dec = r.duty[11]
    assert (dec.required, dec.in_progress) == (0, True)  # 12/1 morning not ended at 10:00
    assert [m.month for m in r.covered_months()] == [10, 11]
    assert not any(m.in_progress for m in r.duty[:11])
    line = summary_lines(r)[0]
    cover = r.total("staffed") / r.total("required")
    assert (
        f"涵蓋率 {cover:.1%}（以10月至11月計；12月進行中，尚無已結束的班次；1月至9月無資料，不計）"
        in line
    ), line
    attendance.scan(desk, "V001", now=at(dec1, time(11, 30)))
    clock.set(dec1, 14)  # the morning ended and served; the afternoon under way
    r = year_report(desk, 2026)
    dec = r.duty[11]
    assert (dec.required, dec.staffed, dec.coverage) == (1, 1, 1.0)
    line = summary_lines(r)[0]
    assert "（以10月至12月計；12月進行中，計至 12月1日已結束的班次；1月至9月無資料，不計）" in line
    summary = load_workbook(export_year(desk, 2026, tmp_path / "y.xlsx"))[w.SHEET_SUMMARY]
    table = [[c.value for c in row] for row in summary["A13:D24"]]
    assert table[0] == ["1月", None, None, "無資料"]
    assert table[9][1] is not None and table[9][3] is None
    assert table[11] == ["12月", 1.0, None, "進行中"]
