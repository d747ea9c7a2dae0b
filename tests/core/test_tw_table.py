"""The bundled Taiwan table (frontdesk/core/data/tw_workdays.json) says what holidays.TW says.

A `holidays` upgrade that changes a fact fails here until tools/gen_tw_calendar.py is run.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import holidays
import pytest

from frontdesk.core import calendar
from frontdesk.core.calendar import DayKind, DutyCalendar

TABLE = calendar._table()
YEARS = range(2019, 2031)


def test_table_covers_2019_to_2030() -> None:
    assert sorted(TABLE) == list(YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_every_day_of_the_year_matches_holidays(year: int) -> None:
    tw = holidays.country_holidays("TW", years=year, language="zh_TW")
    table = TABLE[year]
    day = date(year, 1, 1)
    differences = []
    while day.year == year:
        expected = (tw.is_working_day(day), tw.get(day))
        got = (table.is_working_day(day), table.get(day))
        if got != expected:
            differences.append(f"{day}: table {got}, holidays {expected}")
        day += timedelta(days=1)
    assert differences == [], "run tools/gen_tw_calendar.py:\n" + "\n".join(differences)


def test_table_has_the_facts_the_desk_relies_on() -> None:
    cal = DutyCalendar()
    assert cal.day(date(2025, 1, 1)).label == "中華民國開國紀念日"
    assert cal.day(date(2025, 2, 8)).kind is DayKind.MAKEUP_WORKDAY  # 補班 for Lunar New Year
    assert cal.day(date(2025, 1, 27)).kind is DayKind.HOLIDAY  # the bridge day it pays for
    assert cal.day(date(2025, 1, 6)).kind is DayKind.WORKDAY


def test_years_outside_the_table_still_come_from_holidays() -> None:
    for d in (date(2018, 1, 1), date(2031, 1, 1), date(2031, 10, 10)):
        assert d.year not in TABLE
        info = DutyCalendar().day(d)
        assert info.kind is DayKind.HOLIDAY
        assert info.label == holidays.country_holidays("TW", years=d.year, language="zh_TW")[d]


def test_a_covered_year_does_not_import_holidays() -> None:
    """In a fresh interpreter: this session has imported holidays already."""
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from frontdesk.core.calendar import DutyCalendar\n"
        "cal = DutyCalendar()\n"
        "days = [cal.day(date(2026, 1, 1)), cal.day(date(2030, 12, 31))]\n"
        "print('holidays' in sys.modules, days[0].label)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "中華民國開國紀念日"]
