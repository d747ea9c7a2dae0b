"""The year gathered for the January service report (年度提升服務成果報告): month by month.

Each month's duty figures come from the very MonthReport the monthly workbook is written
from (services.reports.gather_in_session), so a month's row of the year equals that month's
workbook for the same data; the phone courtesy tests, the trainings held and recognition
come beside them. One read transaction; no Excel here (that is frontdesk.export.year).

Recognition: "reached" is counted from the duty records (core.recognition through the
month's VolunteerHours: a volunteer whose certificate or honor card became due during the
month), and "granted" from the recognitions recorded as received (services.records).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core import phone_tests as rules
from frontdesk.core.attendance import AttendanceStatus
from frontdesk.core.calendar import DayKind
from frontdesk.core.phone_tests import Item
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at, local, local_day, year_of
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput
from frontdesk.services.month_views import MonthReport
from frontdesk.services.phone_tests import TestLine, lines_between
from frontdesk.services.reports import SERVED, gather_in_session
from frontdesk.store import models
from frontdesk.store.models import RecognitionGrant, Training, Volunteer

MONTHS = range(1, 13)


@dataclass(frozen=True)
class DutyMonth:
    """A month at the desk, as its monthly workbook counts it."""

    month: int
    required: int  # open slots of days up to the report's day that need someone
    staffed: int  # of those, slots with at least their minimum served
    active: int  # volunteers who served at least once
    minutes: int  # recorded minutes, as the national system takes them (本月時數 total)
    scheduled: int
    served: int
    on_time: int
    late: int
    early_leave: int
    absent: int
    walk_ins: int
    closed_slots: int  # slots cancelled by a closure (停止上班: typhoon, disaster)
    other_closed_days: int  # days set by hand as no duty (不排班)
    swaps: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, state) -> n
    in_progress: bool = False  # the report's own month: counted up to the slots ended

    @property
    def coverage(self) -> float | None:
        """Staffed share of the required slots, 0..1; None when nothing was required."""
        return round(self.staffed / self.required, 4) if self.required else None


@dataclass(frozen=True)
class PhoneMonth:
    """A month's phone courtesy tests: how many, the average total and by item."""

    month: int
    count: int
    average: float | None
    items: dict[Item, float]
    follow_ups_done: int  # follow-ups recorded (改善措施) dated in the month


@dataclass(frozen=True)
class LearningMonth:
    """Trainings held and recognition reached in a month."""

    month: int
    trainings: int  # sessions: distinct (kind, title, day)
    trained: int  # volunteer trainings recorded
    training_minutes: int
    certificates: int  # volunteers whose performance certificate became due
    honor_cards: int  # volunteers whose honor card became due
    granted: int  # recognitions granted (approved) in the month


@dataclass(frozen=True)
class YearReport:
    year: int
    agency_name: str
    desk_name: str
    generated_at: datetime
    duty: list[DutyMonth]
    phone: list[PhoneMonth]
    learning: list[LearningMonth]
    tests: list[TestLine]  # the year's tests, oldest first
    threshold: int
    active_in_year: int  # distinct volunteers who served in the year
    first_roster: date | None = None  # the desk's first rostered day, ever

    def total(self, name: str) -> int:
        """The year's total of a DutyMonth count (the sum of its months)."""
        return sum(int(getattr(m, name)) for m in self.duty)

    def covered_months(self) -> list[DutyMonth]:
        """The months the year's coverage is computed over: those with slots required
        (from the first roster on, up to the slots ended); the others have no data."""
        return [m for m in self.duty if m.required]


def _as_of(r: MonthReport) -> date:
    return local_day(r.generated_at)


def _coverage(r: MonthReport, first_roster: date | None) -> tuple[int, int]:
    """(required, staffed): open slots with a minimum, from the desk's first rostered day
    (`first_roster`; none: nothing is required) to the last slot ended by the report's time.

    Before its first roster the desk was not in use: its empty days are no gaps (the first
    year's Jan–Sep read 0%). A slot still to come, or under way, is not judged yet (12/1
    counted its afternoon as unstaffed at 10:00).
    """
    required = staffed = 0
    if first_roster is None:
        return 0, 0
    for info in r.days:
        if info.day > _as_of(r):
            break
        if info.day < first_roster:
            continue
        for s in r.settings.slots:
            if s.min_staff < 1 or not info.slot_open(s.code):
                continue
            if at(info.day, s.end) > r.generated_at:
                continue
            required += 1
            entries = r.roster.get(ShiftKey(info.day, s.code), [])
            if sum(1 for e in entries if e.status in SERVED) >= s.min_staff:
                staffed += 1
    return required, staffed


def duty_month(r: MonthReport, first_roster: date | None) -> DutyMonth:
    """The month's figures from its MonthReport (the monthly workbook's own data);
    coverage counted from the desk's first rostered day `first_roster` (_coverage)."""
    required, staffed = _coverage(r, first_roster)
    v = r.volunteers
    closed = sum(
        len(r.settings.slots) if d.kind is DayKind.CLOSED else len(d.closed_slots) for d in r.days
    )
    swaps = Counter(
        (s.kind, s.state)
        for s in r.swaps
        if (local(s.requested_at).year, local(s.requested_at).month) == (r.year, r.month)
    )
    return DutyMonth(
        month=r.month,
        required=required,
        staffed=staffed,
        active=sum(1 for h in v if h.served > 0),
        minutes=sum(h.month_minutes for h in v),
        scheduled=sum(h.scheduled for h in v),
        served=sum(h.served for h in v),
        on_time=sum(1 for a in r.attendance if a.status == AttendanceStatus.ON_TIME.value),
        late=sum(h.late for h in v),
        early_leave=sum(h.early_leave for h in v),
        absent=sum(h.absent for h in v),
        walk_ins=sum(h.walk_in for h in v),
        closed_slots=closed,
        other_closed_days=sum(1 for d in r.days if d.kind is DayKind.MANUAL_CLOSED),
        swaps=swaps,
        in_progress=(r.year, r.month) == (_as_of(r).year, _as_of(r).month),
    )


def phone_months(tests: list[TestLine], everything: list[TestLine], year: int) -> list[PhoneMonth]:
    """Per month: the tests of the month and the follow-ups dated in it."""
    out = []
    for m in MONTHS:
        mine = [t for t in tests if local(t.tested_at).month == m]
        avgs = rules.averages(t.scores for t in mine)
        done = sum(
            1
            for t in everything
            if t.follow_up_on is not None
            and (t.follow_up_on.year, t.follow_up_on.month) == (year, m)
        )
        out.append(
            PhoneMonth(
                month=m,
                count=len(mine),
                average=round(sum(t.total for t in mine) / len(mine), 1) if mine else None,
                items={a.item: a.points for a in avgs},
                follow_ups_done=done,
            )
        )
    return out


def _reached(r: MonthReport, before: MonthReport) -> tuple[int, int]:
    """Volunteers whose certificate / honor card became due during r's month."""
    cert_before = {h.volunteer_id for h in before.volunteers if h.certificate.met}
    card_before = {h.volunteer_id for h in before.volunteers if h.honor_card.met}
    certs = sum(1 for h in r.volunteers if h.certificate.met and h.volunteer_id not in cert_before)
    cards = sum(1 for h in r.volunteers if h.honor_card.met and h.volunteer_id not in card_before)
    return certs, cards


def _trainings(session: Session, site_id: int, year: int) -> list[tuple[date, str, str, float]]:
    rows = session.execute(
        select(Training.taken_on, Training.kind, Training.title, Training.hours)
        .join(Volunteer, Volunteer.id == Training.volunteer_id)
        .where(
            Volunteer.site_id == site_id,
            Training.taken_on >= date(year, 1, 1),
            Training.taken_on <= date(year, 12, 31),
        )
    )
    return [(d, kind, title, float(hours or 0)) for d, kind, title, hours in rows]


def _grants(session: Session, site_id: int, year: int) -> Counter[int]:
    """Recognitions granted (certificates, honor cards, awards: services.records.add_grant)
    per month of their approval."""
    rows = session.execute(
        select(RecognitionGrant.approved_on)
        .join(Volunteer, Volunteer.id == RecognitionGrant.volunteer_id)
        .where(
            Volunteer.site_id == site_id,
            RecognitionGrant.approved_on >= date(year, 1, 1),
            RecognitionGrant.approved_on <= date(year, 12, 31),
        )
    )
    return Counter(d.month for (d,) in rows)


def learning_months(
    session: Session, site_id: int, year: int, reports: list[MonthReport]
) -> list[LearningMonth]:
    """Trainings held, recognition reached and granted, month by month."""
    trainings = _trainings(session, site_id, year)
    grants = _grants(session, site_id, year)
    out = []
    for m, (before, r) in zip(MONTHS, itertools.pairwise(reports), strict=True):
        mine = [t for t in trainings if t[0].month == m]
        certs, cards = _reached(r, before)
        out.append(
            LearningMonth(
                month=m,
                trainings=len({(d, kind, title) for d, kind, title, _h in mine}),
                trained=len(mine),
                training_minutes=round(sum(h for *_x, h in mine) * 60),
                certificates=certs,
                honor_cards=cards,
                granted=grants.get(m, 0),
            )
        )
    return out


def _active_in_year(session: Session, site_id: int, year: int) -> int:
    return int(
        session.scalar(
            select(func.count(func.distinct(models.Attendance.volunteer_id))).where(
                models.Attendance.site_id == site_id,
                models.Attendance.day >= date(year, 1, 1),
                models.Attendance.day <= date(year, 12, 31),
                models.Attendance.status.in_(SERVED),
            )
        )
        or 0
    )


def _first_roster(session: Session, site_id: int) -> date | None:
    """The first day anyone was rostered at the desk: when it came into use."""
    first: date | None = session.scalar(
        select(func.min(models.Assignment.day)).where(models.Assignment.site_id == site_id)
    )
    return first


def parse_year(text: str) -> int:
    """'115' (ROC) or '2026' -> 2026; InvalidInput naming the field otherwise."""
    try:
        return year_of(text or "")
    except ValueError:
        raise InvalidInput(f"not a year: {text}", field="year", value=text) from None


def year_report(desk: Desk, year: int) -> YearReport:
    """The year `year` (Gregorian) at the desk, read in one transaction."""
    if not 1912 <= year <= 9999:
        raise InvalidInput("the year must be a year of the ROC era", field="year", value=year)
    now = desk.now()
    with desk.db.read() as session:
        settings = load_settings(session, desk.site_id)
        # December before, as the baseline of January's recognition reached.
        reports = [gather_in_session(session, desk.site_id, year - 1, 12, now=now)]
        reports += [gather_in_session(session, desk.site_id, year, m, now=now) for m in MONTHS]
        everything = lines_between(session, desk.site_id)
        start, end = at(date(year, 1, 1), time(0)), at(date(year + 1, 1, 1), time(0))
        tests = [t for t in everything if start <= t.tested_at < end]
        learning = learning_months(session, desk.site_id, year, reports)
        active = _active_in_year(session, desk.site_id, year)
        first = _first_roster(session, desk.site_id)
    return YearReport(
        year=year,
        agency_name=settings.agency_name,
        desk_name=settings.desk_name,
        generated_at=now,
        duty=[duty_month(r, first) for r in reports[1:]],
        phone=phone_months(tests, everything, year),
        learning=learning,
        tests=tests,
        threshold=settings.phone_test_threshold,
        active_in_year=active,
        first_roster=first,
    )
