"""What the reminders and notices say, gathered from the roster: a volunteer's duties for
the calendar file and the paper slip, next week's roster with its short slots and approved
swaps for the LINE group message.

Read-only use cases; the words (words.notices) and the files (export.ics, ui slips) are
made from what these return.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.findings import Code
from frontdesk.core.notices import DESK_PHONE, CalendarDuty, DutyState
from frontdesk.core.roster import Roster, ShiftKey, coverage_findings
from frontdesk.core.settings import DeskSettings, slot_end, slot_start
from frontdesk.core.swaps import SwapState
from frontdesk.services.calendar import load_calendar
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.roster import load_roster
from frontdesk.store.models import Assignment, Site, SwapRequest, Volunteer


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class DeskFacts:
    """Who the desk is, for every notice: agency, desk, its phone, the swap rule's days."""

    site_id: int
    agency: str
    desk: str
    phone: str
    swap_notice_days: int
    # The right-hand side of calendar UIDs and Message-IDs: fixed for the life of the
    # site (from when it was created), so ids stay stable when the agency is renamed.
    domain: str


@dataclass(frozen=True)
class VolunteerDuties:
    """One volunteer's duties in a range, the cancelled ones included (calendar, slip)."""

    person: Person
    duties: list[CalendarDuty]


def desk_facts(session: Session, site_id: int, settings: DeskSettings) -> DeskFacts:
    name, created = session.execute(
        select(Site.name, Site.created_at).where(Site.id == site_id)
    ).one()
    phone = str(settings.extra.get(DESK_PHONE, "")).strip()
    seed = f"{site_id}/{created.isoformat()}".encode()
    domain = f"site-{hashlib.sha256(seed).hexdigest()[:16]}.frontdesk.invalid"
    return DeskFacts(
        site_id,
        name or settings.agency_name,
        settings.desk_name,
        phone,
        settings.swap_notice_days,
        domain,
    )


def _people(session: Session, site_id: int, ids: list[int] | None) -> list[Person]:
    stmt = select(Volunteer.id, Volunteer.code, Volunteer.name).where(
        Volunteer.site_id == site_id, Volunteer.purged_at.is_(None)
    )
    if ids is None:
        stmt = stmt.where(Volunteer.status != "inactive")
    else:
        stmt = stmt.where(Volunteer.id.in_(ids))
    return [Person(i, c, n) for i, c, n in session.execute(stmt.order_by(Volunteer.code))]


def _duties(
    session: Session,
    site_id: int,
    settings: DeskSettings,
    calendar: DutyCalendar,
    start: date,
    end: date,
) -> dict[int, list[CalendarDuty]]:
    """Every volunteer's duties from `start` to `end`: on, or cancelled when the assignment
    was removed (a swap, the supervisor) or its day or slot was closed (停止上班)."""
    rows = session.execute(
        select(Assignment.volunteer_id, Assignment.day, Assignment.slot, Assignment.removed_at)
        .where(Assignment.site_id == site_id, Assignment.day >= start, Assignment.day <= end)
        .order_by(Assignment.day, Assignment.slot, Assignment.id)
    )
    versions: dict[tuple[int, date, str], list[bool]] = defaultdict(list)
    for vid, day, slot, removed_at in rows:
        versions[(vid, day, slot)].append(removed_at is None)
    out: dict[int, list[CalendarDuty]] = defaultdict(list)
    for (vid, day, slot), alive in versions.items():
        definition = settings.slot(slot)
        if definition is None:
            continue
        is_on = any(alive) and calendar.slot_open(day, slot)
        # SEQUENCE (RFC 5545 §3.8.7.4) grows with each change a phone must take over.
        sequence = len(alive) - 1 + (0 if is_on else 1)
        state = DutyState.ON if is_on else DutyState.CANCELLED
        out[vid].append(
            CalendarDuty(
                day,
                slot,
                slot_start(day, definition),
                slot_end(day, definition),
                state,
                sequence,
            )
        )
    for duties in out.values():
        duties.sort(key=lambda d: d.start)
    return out


def volunteer_duties(
    desk: Desk, start: date, end: date, volunteer_ids: list[int] | None = None
) -> tuple[DeskFacts, list[VolunteerDuties]]:
    """The desk and each volunteer's duties from `start` to `end` (all who are not inactive
    when `volunteer_ids` is None), for calendar files and slips."""
    with desk.db.read() as session:
        settings = load_settings(session, desk.site_id)
        calendar = load_calendar(session, desk.site_id, settings, start, end)
        duties = _duties(session, desk.site_id, settings, calendar, start, end)
        people = _people(session, desk.site_id, volunteer_ids)
        facts = desk_facts(session, desk.site_id, settings)
    return facts, [VolunteerDuties(p, duties.get(p.id, [])) for p in people]


# --- the LINE group message ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shortage:
    """A slot with fewer volunteers than its minimum: `missing` more are needed."""

    day: date
    slot: str
    missing: int


@dataclass(frozen=True, slots=True)
class ApprovedSwap:
    day: date
    slot: str
    gives: str  # the name of who gave the duty away
    takes: str  # the name of who serves it now


@dataclass(frozen=True)
class WeekNotice:
    """Next week's roster for the LINE group: who serves each open slot, what is short,
    which swaps were approved."""

    desk: DeskFacts
    start: date
    end: date
    slots: tuple[str, ...]
    roster: list[tuple[date, str, list[str]]] = field(default_factory=list)
    shortages: list[Shortage] = field(default_factory=list)
    swaps: list[ApprovedSwap] = field(default_factory=list)


def shortages(
    roster: Roster, calendar: DutyCalendar, settings: DeskSettings, days: list[date]
) -> list[Shortage]:
    """The slots under their minimum on `days`, from the rule core.roster already has."""
    return [
        Shortage(f.facts["day"], f.facts["slot"], f.facts["minimum"] - f.facts["count"])
        for f in coverage_findings(roster, calendar, settings, days)
        if f.code is Code.UNDER_MINIMUM
    ]


def week_notice(desk: Desk, start: date, days: int = 7) -> WeekNotice:
    """The week from `start` (seven days by default) for the LINE group message."""
    end = start + timedelta(days=days - 1)
    span = [start + timedelta(days=i) for i in range(days)]
    with desk.db.read() as session:
        settings = load_settings(session, desk.site_id)
        calendar = load_calendar(session, desk.site_id, settings, start, end)
        roster = load_roster(session, desk.site_id, start, end)
        names = {
            vid: name
            for vid, name in session.execute(
                select(Volunteer.id, Volunteer.name).where(Volunteer.site_id == desk.site_id)
            )
        }
        lines = [
            (d, s.code, sorted(names.get(v, "?") for v in roster.who(ShiftKey(d, s.code))))
            for d in span
            for s in settings.slots
            if calendar.slot_open(d, s.code)
        ]
        swaps = _approved_swaps(session, desk.site_id, start, end, names)
        facts = desk_facts(session, desk.site_id, settings)
    return WeekNotice(
        facts,
        start,
        end,
        tuple(s.code for s in settings.slots),
        lines,
        shortages(roster, calendar, settings, span),
        swaps,
    )


def _approved_swaps(
    session: Session, site_id: int, start: date, end: date, names: dict[int, str]
) -> list[ApprovedSwap]:
    rows = session.scalars(
        select(SwapRequest)
        .where(
            SwapRequest.site_id == site_id,
            SwapRequest.state == SwapState.APPROVED.value,
            or_(
                SwapRequest.given_day.between(start, end),
                SwapRequest.taken_day.between(start, end),
            ),
        )
        .order_by(SwapRequest.given_day, SwapRequest.given_slot)
    )
    out: list[ApprovedSwap] = []
    for r in rows:
        colleague = names.get(r.colleague_id or 0, "?")
        requester = names.get(r.requester_id, "?")
        if start <= r.given_day <= end:
            out.append(ApprovedSwap(r.given_day, r.given_slot, requester, colleague))
        if r.taken_day and r.taken_slot and start <= r.taken_day <= end:
            out.append(ApprovedSwap(r.taken_day, r.taken_slot, colleague, requester))
    return out


def shortage_of(desk: Desk, shift: ShiftKey) -> Shortage | None:
    """The shortage of one slot now (None when it has its minimum or is closed): what the
    waiting list offers a LINE call for after a removal or a swap."""
    with desk.db.read() as session:
        settings = load_settings(session, desk.site_id)
        calendar = load_calendar(session, desk.site_id, settings, shift.day, shift.day)
        roster = load_roster(session, desk.site_id, shift.day, shift.day)
    found = [s for s in shortages(roster, calendar, settings, [shift.day]) if s.slot == shift.slot]
    return found[0] if found else None


def slot_shortage(desk: Desk, day: date, slot: str) -> Shortage | None:
    """The slot `slot` of `day` if it is under its minimum now (a removal or an approved
    swap just left it short), for the call for help offered with the step's answer."""
    found = [s for s in week_notice(desk, day, 1).shortages if s.slot == slot]
    return found[0] if found else None
