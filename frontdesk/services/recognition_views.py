"""Who has earned what: every volunteer's recognition standing for the supervisor's page and
its workbook, and one volunteer's month and total for the kiosk after a sign-out.

A few set-based queries: one pass over the attendance sums each volunteer's minutes (all,
the recent pace, and inside the next honor card's window, core.recognition), the small
tables (hand and prior hours, recognitions, trainings, record books) are read whole.
Minutes are counted as recorded: each duty cut to the step of the service record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, Integer, and_, bindparam, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter, ColumnElement
from sqlalchemy.sql.selectable import Subquery

from frontdesk.core.recognition import (
    AWARDS,
    CERTIFICATE,
    HONOR_CARD,
    PACE_DAYS,
    Card,
    Facts,
    Standing,
    assess,
    next_window_start,
)
from frontdesk.core.settings import DeskSettings
from frontdesk.core.timeutil import local_day
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.records import hours_step, recorded_minutes
from frontdesk.store.models import (
    Attendance,
    RecognitionGrant,
    RecordBook,
    ServiceHours,
    Training,
    Volunteer,
)


@dataclass(frozen=True, slots=True)
class RecognitionRow:
    """One volunteer on the recognition page: hours (minutes) and standing."""

    volunteer_id: int
    code: str
    name: str
    status: str
    since: date | None
    desk_minutes: int  # this desk's service: duties and hours entered by hand
    prior_minutes: int  # before the app or at other agencies
    recent_minutes: int  # the last PACE_DAYS days: the pace
    standing: Standing
    cards: tuple[Card, ...]

    @property
    def total_minutes(self) -> int:
        return self.desk_minutes + self.prior_minutes


@dataclass(frozen=True, slots=True)
class _Sums:
    total: int = 0
    recent: int = 0
    window: int = 0
    first: date | None = None


def _recorded(step: int) -> ColumnElement[int]:
    """A duty's minutes as recorded (services.records.recorded_minutes: one rule)."""
    return recorded_minutes(step)


def _window_table(starts: dict[int, date]) -> Subquery:
    """(vid, start) rows as a VALUES list: column1/column2 are the names both SQLite and
    PostgreSQL give its columns (SQLite cannot alias them in the FROM clause)."""
    rows: list[str] = []
    params: list[BindParameter[Any]] = []
    for i, (vid, start) in enumerate(starts.items()):
        rows.append(f"(:v{i}, :d{i})")
        params.append(bindparam(f"v{i}", vid, Integer))
        params.append(bindparam(f"d{i}", start, Date))
    sql = "SELECT column1 AS vid, column2 AS start FROM (VALUES " + ", ".join(rows) + ") AS t"
    return text(sql).bindparams(*params).columns(vid=Integer, start=Date).subquery("w")


def _attendance_sums(
    session: Session,
    site_id: int,
    as_of: date,
    starts: dict[int, date],
    step: int,
    ids: list[int] | None,
) -> dict[int, _Sums]:
    """Per volunteer: recorded minutes up to `as_of`, those of the last PACE_DAYS, those on
    or after the volunteer's window start (`starts`; all of them without one), first day.

    Three statements: one pass over the site's rows for the totals, and two that the
    indexes answer, the recent days by (site, day) and the card holders' windows driven by
    their few rows through (volunteer, day); one pass carrying the windows as a join was
    five times slower on SQLite.
    """
    statements = _sums_statements(site_id, as_of, starts, step, ids)
    return _sums_from([[tuple(r) for r in session.execute(s)] for s in statements], starts)


def _sums_statements(
    site_id: int, as_of: date, starts: dict[int, date], step: int, ids: list[int] | None
) -> list[Any]:
    """_attendance_sums()'s statements: the totals, the recent days, the windows (when a
    volunteer has one)."""
    minutes = _recorded(step)
    recent_from = as_of - timedelta(days=PACE_DAYS - 1)
    # A few volunteers (the kiosk's one) by their own (volunteer, day) index: their ids are
    # the site's already, and naming the site too lets SQLite scan the site's every row.
    mine = [Attendance.day <= as_of]
    if ids is not None:
        mine.append(Attendance.volunteer_id.in_(ids))
    else:
        mine.append(Attendance.site_id == site_id)
    by_volunteer = Attendance.volunteer_id
    statements: list[Any] = [
        select(by_volunteer, func.sum(minutes), func.min(Attendance.day))
        .where(*mine)
        .group_by(by_volunteer),
        select(by_volunteer, func.sum(minutes))
        .where(*mine, Attendance.day >= recent_from)
        .group_by(by_volunteer),
    ]
    if starts:
        w = _window_table(starts)
        statements.append(
            select(w.c.vid, func.sum(minutes))
            .select_from(w)
            .join(
                Attendance,
                and_(Attendance.volunteer_id == w.c.vid, Attendance.day >= w.c.start),
            )
            .where(*mine)
            .group_by(w.c.vid)
        )
    return statements


def _sums_from(rows: list[list[tuple[Any, ...]]], starts: dict[int, date]) -> dict[int, _Sums]:
    """_attendance_sums() of the rows its statements read."""
    totals, recent_rows = rows[0], rows[1]
    recent = {vid: minutes for vid, minutes in recent_rows}
    windows = {vid: minutes for vid, minutes in rows[2]} if len(rows) > 2 else {}
    out = {}
    for vid, total, first in totals:
        whole = int(total or 0)
        window = int(windows.get(vid) or 0) if vid in starts else whole
        out[vid] = _Sums(whole, int(recent.get(vid) or 0), window, first)
    return out


def _grants(session: Session, ids: Iterable[int]) -> dict[int, list[RecognitionGrant]]:
    out: dict[int, list[RecognitionGrant]] = defaultdict(list)
    for g in session.scalars(
        select(RecognitionGrant)
        .where(RecognitionGrant.volunteer_id.in_(list(ids)))
        .order_by(RecognitionGrant.approved_on, RecognitionGrant.id)
    ):
        out[g.volunteer_id].append(g)
    return out


def _cards(grants: list[RecognitionGrant]) -> tuple[Card, ...]:
    return tuple(
        Card(g.approved_on, g.expires_on or g.approved_on) for g in grants if g.kind == HONOR_CARD
    )


def _volunteers(session: Session, site_id: int, ids: list[int] | None) -> list[Volunteer]:
    stmt = select(Volunteer).where(Volunteer.site_id == site_id)
    stmt = (
        stmt.where(Volunteer.id.in_(ids))
        if ids is not None
        else stmt.where(Volunteer.status != "inactive")
    )
    return list(session.scalars(stmt.order_by(Volunteer.code)))


def standings_in_session(
    session: Session, site_id: int, as_of: date, ids: list[int] | None = None
) -> list[RecognitionRow]:
    """Every volunteer still serving (or those of `ids`), in code order, as of `as_of`."""
    people = _volunteers(session, site_id, ids)
    pids = [v.id for v in people]
    grants = _grants(session, pids)
    starts = _window_starts(people, grants)
    step = hours_step(load_settings(session, site_id))
    chosen = pids if ids is not None else None  # the site's own, of those asked for
    sums = _attendance_sums(
        session, site_id, as_of, {k: v for k, v in starts.items() if v}, step, chosen
    )
    hand = [tuple(r) for r in session.execute(_hand_statement(pids, as_of))]
    kinds = [tuple(r) for r in session.execute(_kinds_statement(pids))]
    books = [tuple(r) for r in session.execute(_books_statement(pids))]
    return _assemble(people, grants, starts, sums, hand, kinds, books, as_of)


def _window_starts(
    people: list[Volunteer], grants: dict[int, list[RecognitionGrant]]
) -> dict[int, date | None]:
    """Each card holder's next window start (core.recognition.next_window_start)."""
    since_of = {v.id: v.joined_on for v in people}
    cards = {vid: _cards(gs) for vid, gs in grants.items()}
    return {vid: next_window_start(since_of[vid], cs) for vid, cs in cards.items() if cs}


def _hand_statement(ids: list[int], as_of: date) -> Any:
    return select(
        ServiceHours.volunteer_id,
        ServiceHours.kind,
        ServiceHours.first_day,
        ServiceHours.day,
        ServiceHours.minutes,
    ).where(ServiceHours.volunteer_id.in_(ids), ServiceHours.day <= as_of)


def _kinds_statement(ids: list[int]) -> Any:
    return (
        select(Training.volunteer_id, Training.kind)
        .where(Training.volunteer_id.in_(ids))
        .distinct()
    )


def _books_statement(ids: list[int]) -> Any:
    return select(RecordBook.volunteer_id).where(RecordBook.volunteer_id.in_(ids))


def _assemble(
    people: list[Volunteer],
    grants: dict[int, list[RecognitionGrant]],
    starts: dict[int, date | None],
    sums: dict[int, _Sums],
    hand_rows: list[tuple[Any, ...]],
    kind_rows: list[tuple[Any, ...]],
    book_rows: list[tuple[Any, ...]],
    as_of: date,
) -> list[RecognitionRow]:
    """The rows of `people` from what was read of them (core.recognition.assess)."""
    extra, earliest = _hand_and_prior(hand_rows, as_of, starts)
    kinds: dict[int, set[str]] = defaultdict(set)
    for vid, kind in kind_rows:
        kinds[vid].add(kind)
    books = {vid for (vid,) in book_rows}
    rows = []
    for v in people:
        s = sums.get(v.id, _Sums())
        hand, prior, hand_recent, hand_window = extra.get(v.id, (0, 0, 0, 0))
        since = min((d for d in (v.joined_on, s.first, earliest.get(v.id)) if d), default=None)
        granted = {g.kind for g in grants.get(v.id, [])}
        cards = _cards(grants.get(v.id, []))
        facts = Facts(
            since=since,
            total_minutes=s.total + hand + prior,
            window_minutes=s.window + hand_window,
            recent_minutes=s.recent + hand_recent,
            cards=cards,
            has_certificate=CERTIFICATE in granted,
            awards_granted=frozenset(granted & {a.code for a in AWARDS}),
            has_basic="basic" in kinds[v.id],
            has_special="special" in kinds[v.id],
            has_record_book=v.id in books,
        )
        rows.append(
            RecognitionRow(
                v.id,
                v.code,
                v.name,
                v.status,
                since,
                s.total + hand,
                prior,
                s.recent + hand_recent,
                assess(facts, as_of),
                facts.cards,
            )
        )
    return rows


def _hand_and_prior(
    rows: list[tuple[Any, ...]], as_of: date, starts: dict[int, date | None]
) -> tuple[dict[int, tuple[int, int, int, int]], dict[int, date]]:
    """Per volunteer, of the rows _hand_statement() read: (hand minutes, prior minutes,
    hand minutes of the pace, hand and prior minutes inside the card window), and the
    first day of such service; prior hours count in a window only as a whole."""
    recent_from = as_of - timedelta(days=PACE_DAYS - 1)
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    earliest: dict[int, date] = {}
    for vid, kind, first, day, minutes in rows:
        acc = out[vid]
        begun = first or day
        if vid not in earliest or begun < earliest[vid]:
            earliest[vid] = begun
        acc[0 if kind == "manual" else 1] += minutes
        if kind == "manual" and day >= recent_from:
            acc[2] += minutes
        start = starts.get(vid)
        if start is None or begun >= start:
            acc[3] += minutes
    return {vid: (a[0], a[1], a[2], a[3]) for vid, a in out.items()}, earliest


def standings(desk: Desk, as_of: date | None = None) -> list[RecognitionRow]:
    """The recognition page's rows, as of today at the desk unless told."""
    day = as_of or local_day(desk.now())
    with desk.db.read() as session:
        return standings_in_session(session, desk.site_id, day)


@dataclass(frozen=True, slots=True)
class KioskStanding:
    """What the kiosk says after a sign-out: this month's and all of this desk's service
    (minutes as recorded), and one piece of good news (a goal code) or None."""

    month_minutes: int
    total_minutes: int
    news: str | None


NEWS_ORDER = (HONOR_CARD, CERTIFICATE, *(a.code for a in reversed(AWARDS)))


def kiosk_standing(session: Session, site_id: int, volunteer_id: int, day: date) -> KioskStanding:
    """The volunteer's month (from the 1st of `day`'s month) and total, and the best news."""
    row = standings_in_session(session, site_id, day, [volunteer_id])[0]
    step = hours_step(load_settings(session, site_id))
    month, hand = (
        session.execute(s).scalar_one() for s in _month_statements(step, site_id, volunteer_id, day)
    )
    news = next((g for g in NEWS_ORDER if g in row.standing.due_now), None)
    return KioskStanding(int(month or 0) + int(hand or 0), row.desk_minutes, news)


def _month_statements(step: int, site_id: int, volunteer_id: int, day: date) -> list[Any]:
    """The volunteer's recorded minutes of `day`'s month up to `day`: duties, by hand."""
    first = day.replace(day=1)
    return [
        select(func.sum(_recorded(step))).where(
            and_(
                Attendance.volunteer_id == volunteer_id,
                Attendance.site_id == site_id,
                Attendance.day >= first,
                Attendance.day <= day,
            )
        ),
        select(func.sum(ServiceHours.minutes)).where(
            ServiceHours.volunteer_id == volunteer_id,
            ServiceHours.kind == "manual",
            ServiceHours.day >= first,
            ServiceHours.day <= day,
        ),
    ]


@dataclass(frozen=True)
class StandingRead:
    """kiosk_standing() as statements to send with others (services.scan_fast sends them
    with the sign-out's write, in its round trip), for a volunteer and grants read before."""

    volunteer: Volunteer
    grants: dict[int, list[RecognitionGrant]]
    starts: dict[int, date | None]
    statements: list[Any]
    day: date

    def standing(self, rows: list[list[tuple[Any, ...]]]) -> KioskStanding:
        """The standing of the rows `statements` read."""
        n = len(self.statements) - 5  # the sums' statements come first
        windows = {k: v for k, v in self.starts.items() if v}
        sums = _sums_from(rows[:n], windows)
        hand, kinds, books, month, by_hand = rows[n:]
        people = [self.volunteer]
        row = _assemble(people, self.grants, self.starts, sums, hand, kinds, books, self.day)[0]
        news = next((g for g in NEWS_ORDER if g in row.standing.due_now), None)
        minutes = int(month[0][0] or 0) + int(by_hand[0][0] or 0)
        return KioskStanding(minutes, row.desk_minutes, news)


def grants_statement(volunteer_id: Any) -> Any:
    """A volunteer's recognitions, in the order _grants() reads them (their columns)."""
    columns = RecognitionGrant.__table__.columns  # type: ignore[attr-defined]
    return (
        select(*columns)
        .where(RecognitionGrant.volunteer_id == volunteer_id)
        .order_by(RecognitionGrant.approved_on, RecognitionGrant.id)
    )


def standing_read(
    site_id: int,
    volunteer: Volunteer,
    grant_rows: list[tuple[Any, ...]],
    settings: DeskSettings,
    day: date,
) -> StandingRead:
    """What kiosk_standing() reads once the volunteer and their recognitions
    (grants_statement()) are known, as statements: none depends on another's answer."""
    names = [c.key for c in RecognitionGrant.__table__.columns]  # type: ignore[attr-defined]
    grants: dict[int, list[RecognitionGrant]] = defaultdict(list)
    for row in grant_rows:
        grant = RecognitionGrant(**dict(zip(names, row, strict=True)))
        grants[grant.volunteer_id].append(grant)
    starts = _window_starts([volunteer], grants)
    step = hours_step(settings)
    ids = [volunteer.id]
    windows = {k: v for k, v in starts.items() if v}
    statements = [
        *_sums_statements(site_id, day, windows, step, ids),
        _hand_statement(ids, day),
        _kinds_statement(ids),
        _books_statement(ids),
        *_month_statements(step, site_id, volunteer.id, day),
    ]
    return StandingRead(volunteer, dict(grants), starts, statements, day)


def standing_of(desk: Desk, volunteer_id: int, as_of: date | None = None) -> RecognitionRow:
    """One volunteer's row, whatever their status (the service record shows it)."""
    day = as_of or local_day(desk.now())
    with desk.db.read() as session:
        return standings_in_session(session, desk.site_id, day, [volunteer_id])[0]
