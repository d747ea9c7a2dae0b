"""A volunteer's duties as an iCalendar file (RFC 5545) a phone's calendar imports.

One event per duty, in Asia/Taipei time with its VTIMEZONE; the UID of a duty is the same
in every export (core.notices.duty_uid) so importing a newer file updates the events; a
duty removed or swapped away, or on a closed day, stays in the file as a CANCELLED event
with a higher SEQUENCE, so the phone takes it away; an alarm rings the evening before.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from frontdesk.core.notices import DutyState, alarm_before, duty_uid
from frontdesk.core.timeutil import TAIPEI
from frontdesk.services.context import Desk
from frontdesk.services.notices import DeskFacts, VolunteerDuties, volunteer_duties
from frontdesk.words import notices as words

PRODID = "-//frontdesk//volunteer duties//ZH-TW"


def calendar_bytes(facts: DeskFacts, duties: VolunteerDuties, stamp: datetime) -> bytes:
    """The .ics of one volunteer's duties; `stamp` (aware) is the export's DTSTAMP."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", words.event_summary(facts, "").strip())
    cal.add("x-wr-timezone", "Asia/Taipei")
    for duty in duties.duties:
        event = Event()
        event.add(
            "uid", duty_uid(facts.site_id, duties.person.id, duty.day, duty.slot, facts.domain)
        )
        event.add("dtstamp", stamp)
        event.add("dtstart", duty.start.astimezone(TAIPEI))
        event.add("dtend", duty.end.astimezone(TAIPEI))
        event.add("summary", words.event_summary(facts, duty.slot))
        event.add("location", f"{facts.agency} {facts.desk}")
        event.add("description", words.event_description(facts))
        event.add("sequence", duty.sequence)
        if duty.state is DutyState.CANCELLED:
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", words.alarm_text(duty.slot))
            alarm.add("trigger", -alarm_before(duty.start, duty.day))
            event.add_component(alarm)
        cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def file_name(duties: VolunteerDuties) -> str:
    """V001_王小明.ics: the volunteer's code first, so the folder sorts by code."""
    unsafe = '<>:"/\\|?*'
    name = "".join("_" if c in unsafe else c for c in duties.person.name)
    return f"{duties.person.code}_{name}.ics"


def write_calendar(path: Path, data: bytes) -> None:
    """Write the file whole: a temporary file beside it renamed over it."""
    tmp = path.with_name(f".frontdesk-tmp-{path.name}")
    tmp.write_bytes(data)
    tmp.replace(path)


def write_calendars(
    desk: Desk, start: date, end: date, folder: str | Path, volunteer_ids: list[int] | None
) -> list[Path]:
    """One file per volunteer with a duty (on or cancelled) from `start` to `end`, in
    `folder` (made when missing); returns the files written. A re-export replaces them."""
    facts, everyone = volunteer_duties(desk, start, end, volunteer_ids)
    target = Path(folder).expanduser()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for duties in everyone:
        if duties.duties:
            path = target / file_name(duties)
            write_calendar(path, calendar_bytes(facts, duties, desk.now()))
            written.append(path)
    return written
