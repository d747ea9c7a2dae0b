"""Who has earned what: every volunteer's recognition standing for the supervisor's page and
its workbook, and one volunteer's month and total for the kiosk after a sign-out.

A few set-based queries: each volunteer's minutes (all, the recent pace, and inside the next
honor card's window, core.recognition) come from the service tally (store.tally: duties by
year and credited minutes, kept by the database) and a few days of attendance read live,
so neither the page nor the kiosk's sign-out grows with years of history; the small tables
(hand and prior hours, recognitions, trainings, record books) are read whole. Minutes are
counted as recorded: each duty cut to the step of the service record.
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
from sqlalchemy.sql.selectable import ScalarSelect, Subquery

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
from frontdesk.store.tally import ServiceTally


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


def _bounds_table(bounds: dict[int, tuple[date, date]]) -> Subquery:
    """(vid, lo, hi) rows as a VALUES list: column1..3 are the names both SQLite and
    PostgreSQL give its columns (SQLite cannot alias them in the FROM clause)."""
    rows: list[str] = []
    params: list[BindParameter[Any]] = []
    for i, (vid, (lo, hi)) in enumerate(bounds.items()):
        rows.append(f"(:v{i}, :l{i}, :h{i})")
        params.append(bindparam(f"v{i}", vid, Integer))
        params.append(bindparam(f"l{i}", lo, Date))
        params.append(bindparam(f"h{i}", hi, Date))
    sql = (
        "SELECT column1 AS vid, column2 AS lo, column3 AS hi FROM (VALUES "
        + ", ".join(rows)
        + ") AS t"
    )
    return text(sql).bindparams(*params).columns(vid=Integer, lo=Date, hi=Date).subquery("w")


def _attendance_sums(
    session: Session,
    site_id: int | None,
    as_of: date,
    starts: dict[int, date],
    step: int,
    ids: list[int],
) -> dict[int, _Sums]:
    """Per volunteer of `ids`: recorded minutes up to `as_of`, those of the last PACE_DAYS,
    those on or after the volunteer's window start (`starts`; all of them without one), and
    the first day; only the duties at `site_id` (None: at any site, as the kiosk's
    volunteer's own rows are the site's already).

    The years come from the service tally (store.tally: duties by year and credited minutes,
    cut to `step` here), so the cost does not grow with history: attendance is read live
    only where a year must be cut, through the (volunteer, day) index, each range within
    one year or the pace: the pace itself, the days after `as_of` in its year (the tally
    counts them, the standing does not), and a card window's days before its start in the
    start's year. The first day is one index step per volunteer.
    """
    year_end = date(as_of.year, 12, 31)
    recent_from = as_of - timedelta(days=PACE_DAYS - 1)
    tallied = [ServiceTally.volunteer_id.in_(ids), ServiceTally.year <= as_of.year]
    at_site: list[ColumnElement[bool]] = []
    if site_id is not None:
        tallied.append(ServiceTally.site_id == site_id)
        at_site.append(Attendance.site_id == site_id)
    years: dict[int, dict[int, int]] = defaultdict(dict)
    recorded = ServiceTally.duties * recorded_minutes(
        step, ServiceTally.credited_minutes.expression
    )
    for vid, year, minutes in session.execute(
        select(ServiceTally.volunteer_id, ServiceTally.year, func.sum(recorded))
        .where(*tallied)
        .group_by(ServiceTally.volunteer_id, ServiceTally.year)
    ):
        years[vid][year] = int(minutes or 0)
    duty = recorded_minutes(step)

    def summed(*where: ColumnElement[bool]) -> ScalarSelect[Any]:
        mine = Attendance.volunteer_id == Volunteer.id
        return select(func.sum(duty)).where(mine, *at_site, *where).scalar_subquery()

    first = select(func.min(Attendance.day)).where(
        Attendance.volunteer_id == Volunteer.id, *at_site, Attendance.day <= as_of
    )
    live = session.execute(
        select(
            Volunteer.id,
            first.scalar_subquery(),
            summed(Attendance.day >= recent_from, Attendance.day <= as_of),
            summed(Attendance.day > as_of, Attendance.day <= year_end),
        ).where(Volunteer.id.in_(ids))
    ).all()
    cut = _cut_before(session, at_site, as_of, starts, duty)
    out = {}
    for vid, since, recent, later in live:
        if since is None:  # no duty by `as_of`
            continue
        by_year, after = years.get(vid, {}), int(later or 0)
        whole = sum(by_year.values()) - after
        start = starts.get(vid)
        if start is None:
            window = whole
        elif start > as_of:
            window = 0
        else:
            kept = sum(m for y, m in by_year.items() if y >= start.year)
            window = kept - after - cut.get(vid, 0)
        out[vid] = _Sums(whole, int(recent or 0), window, since)
    return out


def _cut_before(
    session: Session,
    at_site: list[ColumnElement[bool]],
    as_of: date,
    starts: dict[int, date],
    minutes: ColumnElement[int],
) -> dict[int, int]:
    """Recorded minutes of each card window's start year before its start (the window
    counts the start's year from its start only): at most a year of rows each."""
    bounds = {
        vid: (date(start.year, 1, 1), start)
        for vid, start in starts.items()
        if start <= as_of and start != date(start.year, 1, 1)
    }
    if not bounds:
        return {}
    w = _bounds_table(bounds)
    return {
        vid: int(total or 0)
        for vid, total in session.execute(
            select(w.c.vid, func.sum(minutes))
            .select_from(w)
            .join(
                Attendance,
                and_(
                    Attendance.volunteer_id == w.c.vid,
                    Attendance.day >= w.c.lo,
                    Attendance.day < w.c.hi,
                ),
            )
            .where(*at_site)
            .group_by(w.c.vid)
        )
    }


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
    session: Session,
    site_id: int,
    as_of: date,
    ids: list[int] | None = None,
    step: int | None = None,
) -> list[RecognitionRow]:
    """Every volunteer still serving (or those of `ids`), in code order, as of `as_of`;
    minutes cut to `step` (None: the site's hours step, read here)."""
    people = _volunteers(session, site_id, ids)
    pids = [v.id for v in people]
    grants = _grants(session, pids)
    since_of = {v.id: v.joined_on for v in people}
    cards = {vid: _cards(gs) for vid, gs in grants.items()}
    starts = {vid: next_window_start(since_of[vid], cs) for vid, cs in cards.items() if cs}
    if step is None:
        step = hours_step(load_settings(session, site_id))
    # the site's own rows for the whole site; a volunteer's own, of those asked for
    sums = _attendance_sums(
        session,
        None if ids is not None else site_id,
        as_of,
        {k: v for k, v in starts.items() if v},
        step,
        pids,
    )
    extra, earliest = _hand_and_prior(session, pids, as_of, starts)
    kinds: dict[int, set[str]] = defaultdict(set)
    for vid, kind in session.execute(
        select(Training.volunteer_id, Training.kind)
        .where(Training.volunteer_id.in_(pids))
        .distinct()
    ):
        kinds[vid].add(kind)
    books = set(
        session.scalars(select(RecordBook.volunteer_id).where(RecordBook.volunteer_id.in_(pids)))
    )
    rows = []
    for v in people:
        s = sums.get(v.id, _Sums())
        hand, prior, hand_recent, hand_window = extra.get(v.id, (0, 0, 0, 0))
        since = min((d for d in (v.joined_on, s.first, earliest.get(v.id)) if d), default=None)
        granted = {g.kind for g in grants.get(v.id, [])}
        facts = Facts(
            since=since,
            total_minutes=s.total + hand + prior,
            window_minutes=s.window + hand_window,
            recent_minutes=s.recent + hand_recent,
            cards=cards.get(v.id, ()),
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
    session: Session, ids: list[int], as_of: date, starts: dict[int, date | None]
) -> tuple[dict[int, tuple[int, int, int, int]], dict[int, date]]:
    """Per volunteer: (hand minutes, prior minutes, hand minutes of the pace, hand and prior
    minutes inside the card window), and the first day of such service; prior hours count
    in a window only as a whole."""
    recent_from = as_of - timedelta(days=PACE_DAYS - 1)
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    earliest: dict[int, date] = {}
    for vid, kind, first, day, minutes in session.execute(
        select(
            ServiceHours.volunteer_id,
            ServiceHours.kind,
            ServiceHours.first_day,
            ServiceHours.day,
            ServiceHours.minutes,
        ).where(ServiceHours.volunteer_id.in_(ids), ServiceHours.day <= as_of)
    ):
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
    step = hours_step(load_settings(session, site_id))
    row = standings_in_session(session, site_id, day, [volunteer_id], step)[0]
    first = day.replace(day=1)
    month = session.execute(
        select(func.sum(recorded_minutes(step))).where(
            and_(
                Attendance.volunteer_id == volunteer_id,
                Attendance.site_id == site_id,
                Attendance.day >= first,
                Attendance.day <= day,
            )
        )
    ).scalar_one()
    hand = session.execute(
        select(func.sum(ServiceHours.minutes)).where(
            ServiceHours.volunteer_id == volunteer_id,
            ServiceHours.kind == "manual",
            ServiceHours.day >= first,
            ServiceHours.day <= day,
        )
    ).scalar_one()
    news = next((g for g in NEWS_ORDER if g in row.standing.due_now), None)
    return KioskStanding(int(month or 0) + int(hand or 0), row.desk_minutes, news)


def standing_of(desk: Desk, volunteer_id: int, as_of: date | None = None) -> RecognitionRow:
    """One volunteer's row, whatever their status (the service record shows it)."""
    day = as_of or local_day(desk.now())
    with desk.db.read() as session:
        return standings_in_session(session, desk.site_id, day, [volunteer_id])[0]
