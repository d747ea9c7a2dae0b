"""The roster: load it, assign and unassign with the rules, generate a month from patterns."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from frontdesk.core import text
from frontdesk.core.calendar import DayInfo, DutyCalendar
from frontdesk.core.findings import Finding, Severity
from frontdesk.core.roster import (
    Roster,
    ShiftKey,
    VolunteerStatus,
    check_assignment,
    check_unassignment,
    coverage_findings,
)
from frontdesk.core.settings import DeskSettings
from frontdesk.services.auditing import record
from frontdesk.services.calendar import load_calendar
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import NeedsConfirmation, RuleViolation
from frontdesk.services.freetext import free_text
from frontdesk.services.volunteers import get as get_volunteer
from frontdesk.services.volunteers import load_facts
from frontdesk.store.models import Assignment, Volunteer, WeeklyPattern


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def week_padded(start: date, end: date) -> tuple[date, date]:
    """Extend a range to whole ISO weeks, so weekly counts are right at its edges."""
    return start - timedelta(days=start.weekday()), end + timedelta(days=6 - end.weekday())


def load_roster(session: Session, site_id: int, start: date, end: date) -> Roster:
    rows = session.execute(
        select(Assignment.day, Assignment.slot, Assignment.volunteer_id).where(
            Assignment.site_id == site_id,
            Assignment.day >= start,
            Assignment.day <= end,
            Assignment.removed_at.is_(None),
        )
    )
    return Roster.from_pairs((ShiftKey(d, s), v) for d, s, v in rows)


@dataclass(frozen=True)
class Context:
    """What the roster rules need around one day."""

    settings: DeskSettings
    calendar: DutyCalendar
    roster: Roster


def rules_context(session: Session, site_id: int, start: date, end: date) -> Context:
    settings = load_settings(session, site_id)
    lo, hi = week_padded(start, end)
    return Context(
        settings,
        load_calendar(session, site_id, settings, lo, hi),
        load_roster(session, site_id, lo, hi),
    )


def _split(findings: list[Finding], confirm_warnings: bool) -> None:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise RuleViolation(errors)
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    if warnings and not confirm_warnings:
        raise NeedsConfirmation(warnings)


def check(desk: Desk, shift: ShiftKey, volunteer_id: int) -> list[Finding]:
    """The findings an assignment would get, without making it (for live answers in the UI)."""
    with desk.db.read() as session:
        ctx = rules_context(session, desk.site_id, shift.day, shift.day)
        facts = load_facts(session, desk.site_id, [volunteer_id])
        get_volunteer(session, desk, volunteer_id)
        return check_assignment(shift, facts[volunteer_id], ctx.roster, ctx.calendar, ctx.settings)


def assign_in_session(
    session: Session,
    desk: Desk,
    shift: ShiftKey,
    volunteer_id: int,
    *,
    source: str = "manual",
    confirm_warnings: bool = False,
    swap_request_id: int | None = None,
) -> list[Finding]:
    ctx = rules_context(session, desk.site_id, shift.day, shift.day)
    volunteer = get_volunteer(session, desk, volunteer_id)
    facts = load_facts(session, desk.site_id, [volunteer_id])[volunteer_id]
    findings = check_assignment(shift, facts, ctx.roster, ctx.calendar, ctx.settings)
    _split(findings, confirm_warnings)
    put_assignment(session, desk, shift, volunteer_id, source, swap_request_id)
    record(
        session,
        desk,
        "roster.assign",
        "assignment",
        f"{shift.day.isoformat()}/{shift.slot}",
        after={
            "volunteer": volunteer.code,
            "source": source,
            "warnings": [f.code.value for f in findings],
        },
    )
    return findings


def put_assignment(
    session: Session,
    desk: Desk,
    shift: ShiftKey,
    volunteer_id: int,
    source: str,
    swap_request_id: int | None,
) -> Assignment:
    row = session.scalars(
        select(Assignment).where(
            Assignment.site_id == desk.site_id,
            Assignment.day == shift.day,
            Assignment.slot == shift.slot,
            Assignment.volunteer_id == volunteer_id,
        )
    ).first()
    if row is None:
        row = Assignment(
            site_id=desk.site_id,
            day=shift.day,
            slot=shift.slot,
            volunteer_id=volunteer_id,
            source=source,
            swap_request_id=swap_request_id,
            created_at=desk.now(),
        )
        session.add(row)
    else:  # bring a removed one back, now with its new origin
        row.removed_at, row.removed_reason = None, ""
        row.source, row.swap_request_id, row.created_at = source, swap_request_id, desk.now()
    session.flush()
    return row


def assign(
    desk: Desk, shift: ShiftKey, volunteer_id: int, *, confirm_warnings: bool = False
) -> list[Finding]:
    """Put a volunteer on a shift. Errors raise RuleViolation; unconfirmed warnings NeedsConfirmation."""
    with desk.write() as session:
        return assign_in_session(
            session, desk, shift, volunteer_id, confirm_warnings=confirm_warnings
        )


def unassign_in_session(
    session: Session,
    desk: Desk,
    shift: ShiftKey,
    volunteer_id: int,
    *,
    reason: str = "",
    confirm_warnings: bool = False,
) -> list[Finding]:
    reason = free_text(reason, text.REMOVAL_REASON, "reason")
    ctx = rules_context(session, desk.site_id, shift.day, shift.day)
    findings = check_unassignment(shift, volunteer_id, ctx.roster, ctx.settings)
    _split(findings, confirm_warnings)
    row = session.scalars(
        select(Assignment).where(
            Assignment.site_id == desk.site_id,
            Assignment.day == shift.day,
            Assignment.slot == shift.slot,
            Assignment.volunteer_id == volunteer_id,
            Assignment.removed_at.is_(None),
        )
    ).one()
    row.removed_at, row.removed_reason = desk.now(), reason
    volunteer = get_volunteer(session, desk, volunteer_id)
    record(
        session,
        desk,
        "roster.unassign",
        "assignment",
        f"{shift.day.isoformat()}/{shift.slot}",
        before={"volunteer": volunteer.code, "source": row.source},
        after={"reason": reason} if reason else None,
    )
    from frontdesk.services import outbox  # it reads the roster through this module

    outbox.on_unassigned(
        session, desk, shift, findings, volunteer_id
    )  # a call for help, if now short
    return findings


def check_removal(desk: Desk, shift: ShiftKey, volunteer_id: int) -> list[Finding]:
    """The findings taking `volunteer_id` off `shift` would get (NOT_ASSIGNED, UNDER_MINIMUM),
    without doing it: the question before a removal names what it leaves short."""
    with desk.db.read() as session:
        ctx = rules_context(session, desk.site_id, shift.day, shift.day)
        return check_unassignment(shift, volunteer_id, ctx.roster, ctx.settings)


def unassign(
    desk: Desk,
    shift: ShiftKey,
    volunteer_id: int,
    *,
    reason: str = "",
    confirm_warnings: bool = False,
) -> list[Finding]:
    with desk.write() as session:
        return unassign_in_session(
            session, desk, shift, volunteer_id, reason=reason, confirm_warnings=confirm_warnings
        )


@dataclass
class GenerationReport:
    added: list[tuple[ShiftKey, int]] = field(default_factory=list)
    skipped: list[tuple[ShiftKey, int, str]] = field(default_factory=list)  # reason code


def generate_month(desk: Desk, year: int, month: int, *, dry_run: bool = False) -> GenerationReport:
    """Add assignments from the weekly patterns; idempotent, never overwriting manual changes or swaps.

    A (day, slot, volunteer) that already has a row, even a removed one, is left alone.
    A pattern shift the rules refuse (inactive, full slot...) is skipped with its reason.
    With `dry_run` nothing is written: the report says what generating would do, for the
    question asked before it.
    """
    first, last = month_bounds(year, month)
    report = GenerationReport()
    with desk.db.read() if dry_run else desk.write() as session:
        ctx = rules_context(session, desk.site_id, first, last)
        roster = ctx.roster
        pats = session.scalars(
            select(WeeklyPattern)
            .join(Volunteer)
            .where(
                Volunteer.site_id == desk.site_id,
                WeeklyPattern.valid_from <= last,
                or_(WeeklyPattern.valid_to.is_(None), WeeklyPattern.valid_to >= first),
            )
            .order_by(WeeklyPattern.id)
        ).all()
        existing = {
            (a.day, a.slot, a.volunteer_id)
            for a in session.scalars(
                select(Assignment).where(
                    Assignment.site_id == desk.site_id,
                    and_(Assignment.day >= first, Assignment.day <= last),
                )
            )
        }
        facts = load_facts(session, desk.site_id, {p.volunteer_id for p in pats})
        by_weekday: dict[int, list[WeeklyPattern]] = defaultdict(list)
        for p in pats:
            by_weekday[p.weekday].append(p)
        day = first
        while day <= last:
            info = ctx.calendar.day(day)
            for p in by_weekday.get(day.weekday(), []):
                if not (p.valid_from <= day and (p.valid_to is None or day <= p.valid_to)):
                    continue
                shift = ShiftKey(day, p.slot)
                if (day, p.slot, p.volunteer_id) in existing or not info.slot_open(p.slot):
                    continue
                vf = facts[p.volunteer_id]
                if vf.status is VolunteerStatus.INACTIVE:
                    report.skipped.append((shift, p.volunteer_id, "volunteer_inactive"))
                    continue
                errors = [
                    f
                    for f in check_assignment(shift, vf, roster, ctx.calendar, ctx.settings)
                    if f.blocking
                ]
                if errors:
                    report.skipped.append((shift, p.volunteer_id, errors[0].code.value))
                    continue
                if not dry_run:
                    session.add(_from_pattern(desk, shift, p.volunteer_id))
                existing.add((day, p.slot, p.volunteer_id))
                roster = roster.with_assigned(shift, p.volunteer_id)
                report.added.append((shift, p.volunteer_id))
            day += timedelta(days=1)
        if dry_run:
            return report
        record(
            session,
            desk,
            "roster.generate",
            "roster",
            f"{year:04d}-{month:02d}",
            after={"added": len(report.added), "skipped": len(report.skipped)},
        )
    return report


def _from_pattern(desk: Desk, shift: ShiftKey, volunteer_id: int) -> Assignment:
    """A duty the month's generation adds from a weekly pattern."""
    return Assignment(
        site_id=desk.site_id,
        day=shift.day,
        slot=shift.slot,
        volunteer_id=volunteer_id,
        source="pattern",
        created_at=desk.now(),
    )


@dataclass(frozen=True)
class CellEntry:
    volunteer_id: int
    code: str
    name: str
    source: str


@dataclass(frozen=True)
class MonthView:
    """A roster month: day infos, who is where, and the coverage findings."""

    year: int
    month: int
    settings: DeskSettings
    days: list[DayInfo]
    cells: dict[ShiftKey, list[CellEntry]]
    findings: list[Finding]


def month_view(desk: Desk, year: int, month: int) -> MonthView:
    first, last = month_bounds(year, month)
    with desk.db.read() as session:
        ctx = rules_context(session, desk.site_id, first, last)
        rows = session.execute(
            select(
                Assignment.day,
                Assignment.slot,
                Assignment.volunteer_id,
                Assignment.source,
                Volunteer.code,
                Volunteer.name,
            )
            .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
            .where(
                Assignment.site_id == desk.site_id,
                Assignment.day >= first,
                Assignment.day <= last,
                Assignment.removed_at.is_(None),
            )
            .order_by(Assignment.day, Assignment.slot, Volunteer.code)
        )
        cells: dict[ShiftKey, list[CellEntry]] = defaultdict(list)
        for d, s, vid, src, code, name in rows:
            cells[ShiftKey(d, s)].append(CellEntry(vid, code, name, src))
        days = ctx.calendar.month(year, month)
        findings = coverage_findings(ctx.roster, ctx.calendar, ctx.settings, [d.day for d in days])
        return MonthView(year, month, ctx.settings, days, dict(cells), findings)
