"""Read use cases of the supervisor workspace: lists shaped for tables, coverage gaps, the audit log."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from frontdesk.core.findings import Code
from frontdesk.core.privacy import mask_phone
from frontdesk.core.roster import ShiftKey, VolunteerStatus, coverage_findings
from frontdesk.core.swaps import candidates
from frontdesk.core.timeutil import local_day
from frontdesk.services import auditing
from frontdesk.services.context import Desk
from frontdesk.services.errors import NotFound
from frontdesk.services.people import actor_names
from frontdesk.services.roster import month_bounds, rules_context
from frontdesk.services.volunteers import Suggestion, load_facts
from frontdesk.services.waiting import to_review
from frontdesk.store import audit
from frontdesk.store.audit import ChainReport
from frontdesk.store.models import (
    Assignment,
    Attendance,
    AttendanceCorrection,
    AuditEntry,
    Training,
    Volunteer,
    WeeklyPattern,
)

# --- volunteers ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VolunteerRow:
    """One line of the volunteer list: no phone number, only its masked form."""

    id: int
    code: str
    name: str
    phone_masked: str
    languages: str
    status: str
    weekly_max: int | None
    basic_training: bool
    training_hours: float
    shifts_this_month: int
    notes: str


def volunteer_rows(desk: Desk) -> list[VolunteerRow]:
    """Every volunteer of the site in one pass, cheap enough for 10,000 rows."""
    today = local_day(desk.now())
    first, last = month_bounds(today.year, today.month)
    with desk.db.read() as session:
        trainings: dict[int, tuple[bool, float]] = {}
        for vid, kind, hours in session.execute(
            select(Training.volunteer_id, Training.kind, Training.hours)
            .join(Volunteer, Volunteer.id == Training.volunteer_id)
            .where(Volunteer.site_id == desk.site_id)
        ):
            basic, total = trainings.get(vid, (False, 0.0))
            trainings[vid] = (basic or kind == "basic", total + float(hours or 0))
        shifts: dict[int, int] = {
            vid: int(n)
            for vid, n in session.execute(
                select(Assignment.volunteer_id, func.count(Assignment.id))
                .where(
                    Assignment.site_id == desk.site_id,
                    Assignment.day >= first,
                    Assignment.day <= last,
                    Assignment.removed_at.is_(None),
                )
                .group_by(Assignment.volunteer_id)
            )
        }
        rows = session.execute(
            select(
                Volunteer.id,
                Volunteer.code,
                Volunteer.name,
                Volunteer.phone,
                Volunteer.languages,
                Volunteer.status,
                Volunteer.weekly_max,
                Volunteer.notes,
            )
            .where(Volunteer.site_id == desk.site_id)
            .order_by(Volunteer.code)
        )
        out = []
        for vid, code, name, phone, langs, status, wmax, notes in rows:
            basic, hours = trainings.get(vid, (False, 0.0))
            out.append(
                VolunteerRow(
                    vid,
                    code,
                    name,
                    mask_phone(phone),
                    langs or "",
                    status,
                    wmax,
                    basic,
                    hours,
                    shifts.get(vid, 0),
                    notes or "",
                )
            )
        return out


@dataclass(frozen=True, slots=True)
class BadgeEntry:
    code: str
    name: str


NEW_VOLUNTEER_DAYS = 30  # "new" on the badge sheet: added to the desk within this many days


def badge_entries(
    desk: Desk,
    *,
    include_inactive: bool = False,
    ids: Collection[int] | None = None,
    new_only: bool = False,
) -> list[BadgeEntry]:
    """Code and name of each volunteer who needs a badge (no personal data): all of them,
    only those with `ids` (the selected ones), or with `new_only` those added within
    NEW_VOLUNTEER_DAYS (whose badges are not printed yet), in code order."""
    with desk.db.read() as session:
        stmt = select(Volunteer.code, Volunteer.name).where(Volunteer.site_id == desk.site_id)
        if not include_inactive:
            stmt = stmt.where(Volunteer.status != VolunteerStatus.INACTIVE.value)
        if ids is not None:
            stmt = stmt.where(Volunteer.id.in_(list(ids)))
        if new_only:
            since = desk.now() - timedelta(days=NEW_VOLUNTEER_DAYS)
            stmt = stmt.where(Volunteer.created_at >= since)
        return [BadgeEntry(c, n) for c, n in session.execute(stmt.order_by(Volunteer.code))]


# --- coverage --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoverageGap:
    """An open slot under its minimum, with who could fill it (fewest shifts that month first)."""

    shift: ShiftKey
    count: int
    minimum: int
    suggestions: tuple[Suggestion, ...]


def coverage_gaps(
    desk: Desk, start: date | None = None, days: int = 28, *, per_gap: int = 5
) -> list[CoverageGap]:
    """Under-staffed slots from `start` (default today) for `days` days, one read transaction."""
    start = start or local_day(desk.now())
    end = start + timedelta(days=days - 1)
    with desk.db.read() as session:
        # Month bounds around the range so "fewest shifts this month" counts whole months.
        lo = month_bounds(start.year, start.month)[0]
        hi = month_bounds(end.year, end.month)[1]
        ctx = rules_context(session, desk.site_id, lo, hi)
        span = [start + timedelta(days=i) for i in range(days)]
        gaps = [
            f
            for f in coverage_findings(ctx.roster, ctx.calendar, ctx.settings, span)
            if f.code is Code.UNDER_MINIMUM
        ]
        if not gaps:
            return []
        facts = load_facts(session, desk.site_id)
        names = {
            vid: (code, name)
            for vid, code, name in session.execute(
                select(Volunteer.id, Volunteer.code, Volunteer.name).where(
                    Volunteer.site_id == desk.site_id
                )
            )
        }
        out = []
        for f in gaps:
            shift = ShiftKey(f.facts["day"], f.facts["slot"])
            ids = candidates(
                shift,
                volunteers=facts,
                roster=ctx.roster,
                calendar=ctx.calendar,
                settings=ctx.settings,
            )[:per_gap]
            out.append(
                CoverageGap(
                    shift,
                    int(f.facts["count"]),
                    int(f.facts["minimum"]),
                    tuple(Suggestion(i, *names[i]) for i in ids),
                )
            )
        return out


# --- attendance ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """A duty as served, flattened for the review tables."""

    id: int
    day: date
    slot: str
    volunteer_id: int
    code: str
    name: str
    in_at: datetime | None
    out_at: datetime | None
    status: str
    late_minutes: int
    early_leave_minutes: int
    credited_minutes: int
    needs_review: bool
    auto_closed: bool
    recorded_by: str
    walk_in: bool  # signed in at the kiosk without an assignment
    resumed: bool  # a second segment of the same slot
    note: str  # words a person wrote
    corrections: int


def _attendance_rows(desk: Desk, *conditions: Any) -> list[AttendanceRow]:
    with desk.db.read() as session:
        counts = (
            select(
                AttendanceCorrection.attendance_id.label("aid"),
                func.count(AttendanceCorrection.id).label("n"),
            )
            .group_by(AttendanceCorrection.attendance_id)
            .subquery()
        )
        rows = session.execute(
            select(Attendance, Volunteer.code, Volunteer.name, counts.c.n)
            .join(Volunteer, Volunteer.id == Attendance.volunteer_id)
            .outerjoin(counts, counts.c.aid == Attendance.id)
            .where(Attendance.site_id == desk.site_id, *conditions)
            .order_by(Attendance.day, Attendance.slot, Volunteer.code)
        )
        return [
            AttendanceRow(
                a.id,
                a.day,
                a.slot,
                a.volunteer_id,
                code,
                name,
                a.in_at,
                a.out_at,
                a.status,
                a.late_minutes,
                a.early_leave_minutes,
                a.credited_minutes,
                a.needs_review,
                a.auto_closed_at is not None,
                a.recorded_by,
                a.walk_in,
                a.resumed,
                a.note or "",
                int(n or 0),
            )
            for a, code, name, n in rows
        ]


def attendance_day(desk: Desk, day: date) -> list[AttendanceRow]:
    return _attendance_rows(desk, Attendance.day == day)


def attendance_month(desk: Desk, year: int, month: int) -> list[AttendanceRow]:
    first, last = month_bounds(year, month)
    return _attendance_rows(desk, Attendance.day >= first, Attendance.day <= last)


def review_rows(desk: Desk) -> list[AttendanceRow]:
    """What needs a decision: flagged records (auto-closed, walk-ins, absences) and, not yet
    decided, late arrivals and early leaves (services.waiting.to_review, which the 督導
    badge counts)."""
    return _attendance_rows(desk, to_review())


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    at: datetime
    by: str  # the actor as recorded ('supervisor:boss')
    reason: str
    before: dict[str, Any] | None
    after: dict[str, Any]
    by_name: str = ""  # the person's name (people.actor_names), "" when the actor is none


def attendance_history(desk: Desk, attendance_id: int) -> list[CorrectionRow]:
    """The corrections and decisions on one record, oldest first."""
    with desk.db.read() as session:
        a = session.get(Attendance, attendance_id)
        if a is None or a.site_id != desk.site_id:
            raise NotFound(
                f"no attendance record {attendance_id}", what="attendance", id=attendance_id
            )
        found = list(
            session.scalars(
                select(AttendanceCorrection)
                .where(AttendanceCorrection.attendance_id == attendance_id)
                .order_by(AttendanceCorrection.id)
            )
        )
        names = actor_names(session, desk.site_id, (c.by for c in found))
        return [
            CorrectionRow(c.at, c.by, c.reason, c.before, c.after, names.get(c.by, ""))
            for c in found
        ]


# --- audit -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def audit_log(desk: Desk, *, limit: int = 2000, before_id: int | None = None) -> list[AuditRow]:
    """The newest audit entries first (read-only)."""
    with desk.db.read() as session:
        stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if before_id is not None:
            stmt = stmt.where(AuditEntry.id < before_id)
        entries = list(session.scalars(stmt))
        # Names are written by reference (auditing.Personal): shown while the person's data
        # is kept, None once it was purged.
        befores = auditing.resolve(session, (e.before for e in entries))
        afters = auditing.resolve(session, (e.after for e in entries))
        return [
            AuditRow(e.id, e.at, e.actor, e.action, e.entity, e.entity_id, b, a)
            for e, b, a in zip(entries, befores, afters, strict=True)
        ]


def verify_audit(desk: Desk) -> ChainReport:
    """Whether the audit hash chain is intact from its first entry."""
    with desk.db.read() as session:
        return audit.verify(session)


# --- one volunteer, for the edit form ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrainingRow:
    kind: str
    title: str
    taken_on: date
    hours: float


@dataclass(frozen=True, slots=True)
class PatternRow:
    id: int
    weekday: int
    slot: str
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True, slots=True)
class VolunteerDetail:
    """Everything the edit form shows, the full phone number included (never in lists)."""

    id: int
    code: str
    name: str
    phone: str
    languages: str
    status: str
    weekly_max: int | None
    notes: str
    joined_on: date | None
    trainings: tuple[TrainingRow, ...]
    patterns: tuple[PatternRow, ...]


def volunteer_detail(desk: Desk, volunteer_id: int) -> VolunteerDetail:
    with desk.db.read() as session:
        v = session.get(Volunteer, volunteer_id)
        if v is None or v.site_id != desk.site_id:
            raise NotFound(
                f"no volunteer with id {volunteer_id}", what="volunteer", id=volunteer_id
            )
        pats = session.scalars(
            select(WeeklyPattern)
            .where(WeeklyPattern.volunteer_id == v.id)
            .order_by(WeeklyPattern.weekday, WeeklyPattern.slot, WeeklyPattern.valid_from)
        )
        return VolunteerDetail(
            v.id,
            v.code,
            v.name,
            v.phone or "",
            v.languages or "",
            v.status,
            v.weekly_max,
            v.notes or "",
            v.joined_on,
            tuple(TrainingRow(t.kind, t.title, t.taken_on, t.hours) for t in v.trainings),
            tuple(PatternRow(p.id, p.weekday, p.slot, p.valid_from, p.valid_to) for p in pats),
        )


@dataclass(frozen=True, slots=True)
class Choice:
    id: int
    code: str
    name: str
    status: str


def volunteer_choices(desk: Desk, *, include_inactive: bool = False) -> list[Choice]:
    """Code and name of volunteers, for pickers."""
    with desk.db.read() as session:
        stmt = select(Volunteer.id, Volunteer.code, Volunteer.name, Volunteer.status).where(
            Volunteer.site_id == desk.site_id
        )
        if not include_inactive:
            stmt = stmt.where(Volunteer.status != VolunteerStatus.INACTIVE.value)
        return [Choice(*r) for r in session.execute(stmt.order_by(Volunteer.code))]
