"""Calendar files: parsed back by `icalendar` and by an independent RFC 5545 line reader,
UIDs the same in every export, a removed duty cancelled, times in Asia/Taipei, an alarm
the evening before."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import TAIPEI
from frontdesk.export.ics import calendar_bytes, file_name
from frontdesk.services import calendar, notices, roster
from frontdesk.store.db import Database
from tests.support import ics_lines
from tests.support.clocks import Clock
from tests.support.notices import MON, THU, Team, make_team

DEC = (date(2026, 12, 1), date(2026, 12, 31))


@pytest.fixture
def team(db: Database, clock: Clock) -> Team:
    return make_team(db, clock)


def _export(team: Team, who: int) -> bytes:
    facts, found = notices.volunteer_duties(team.desk, *DEC, [who])
    (duties,) = found
    return calendar_bytes(facts, duties, team.desk.now())


def _events(data: bytes) -> dict[str, dict[str, object]]:
    """UID -> the facts of its event, as the icalendar library reads them."""
    cal = Calendar.from_ical(data)
    out = {}
    for ev in cal.walk("VEVENT"):
        alarms = ev.walk("VALARM")
        out[str(ev["UID"])] = {
            "start": ev.decoded("DTSTART"),
            "end": ev.decoded("DTEND"),
            "status": str(ev["STATUS"]),
            "sequence": int(ev["SEQUENCE"]),
            "summary": str(ev["SUMMARY"]),
            "alarm": alarms[0].decoded("TRIGGER") if alarms else None,
        }
    return out


def test_a_volunteers_duties_parse_back_in_taipei_time(team: Team) -> None:
    data = _export(team, team.wang)
    events = _events(data)
    assert len(events) == 2
    mon = next(e for e in events.values() if e["start"].date() == MON)  # type: ignore[union-attr]
    assert mon["start"] == datetime(2026, 12, 7, 8, 30, tzinfo=TAIPEI)
    assert str(mon["start"].tzinfo) == "Asia/Taipei"  # type: ignore[union-attr]
    assert mon["end"] == datetime(2026, 12, 7, 11, 30, tzinfo=TAIPEI)
    assert mon["status"] == "CONFIRMED"
    assert "苓雅區衛生所" in str(mon["summary"])
    # the alarm rings at 19:00 the evening before: 13 h 30 min before 08:30
    assert mon["alarm"] == -timedelta(hours=13, minutes=30)
    assert Calendar.from_ical(data).walk("VTIMEZONE")[0]["TZID"] == "Asia/Taipei"


def test_the_independent_reader_agrees(team: Team) -> None:
    cal = ics_lines.parse(_export(team, team.wang))
    assert cal.get("VERSION") == "2.0"
    assert cal.get("PRODID")
    (tz,) = cal.blocks("VTIMEZONE")
    assert tz.get("TZID") == "Asia/Taipei"
    events = cal.blocks("VEVENT")
    assert len(events) == 2
    starts = sorted(e.get("DTSTART") for e in events)
    assert starts == ["20261207T083000", "20261210T083000"]
    assert all(e.params("DTSTART") == {"TZID": "Asia/Taipei"} for e in events)
    assert all(e.get("DTSTAMP").endswith("Z") for e in events)
    for e in events:
        (alarm,) = e.blocks("VALARM")
        assert alarm.get("ACTION") == "DISPLAY"
        assert alarm.get("TRIGGER") == "-PT13H30M"
        assert "換班" in ics_lines.text_value(e.get("DESCRIPTION")) or e.get("DESCRIPTION")


def test_uids_stay_and_a_removed_duty_is_cancelled(team: Team, clock: Clock) -> None:
    first = _events(_export(team, team.wang))
    clock.set(date(2026, 11, 3), 10)
    again = _events(_export(team, team.wang))
    assert set(first) == set(again), "a second export must update, not duplicate"
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    after = _events(_export(team, team.wang))
    assert set(after) == set(first)
    thu = next(u for u in after if "20261210" in u)
    assert after[thu]["status"] == "CANCELLED"
    assert after[thu]["sequence"] > first[thu]["sequence"]  # type: ignore[operator]
    assert after[thu]["alarm"] is None
    mon = next(u for u in after if "20261207" in u)
    assert after[mon]["status"] == "CONFIRMED"


def test_a_closed_day_cancels_its_duty(team: Team) -> None:
    calendar.close(team.desk, MON, None, "颱風停止上班")
    events = _events(_export(team, team.wang))
    mon = next(e for u, e in events.items() if "20261207" in u)
    assert mon["status"] == "CANCELLED"


def test_uids_differ_between_volunteers_and_duties(team: Team) -> None:
    uids = set(_events(_export(team, team.wang))) | set(_events(_export(team, team.li)))
    assert len(uids) == 4
    assert all(u.endswith(".frontdesk.invalid") for u in uids)


def test_the_file_is_named_by_code_and_name(team: Team) -> None:
    facts, found = notices.volunteer_duties(team.desk, *DEC, [team.wang])
    assert file_name(found[0]) == "V001_王小明.ics"
    assert facts.phone == "07-713-4000"
