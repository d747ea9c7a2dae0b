"""The service tally (store.tally, migration 0014): the triggers keep it equal to a count of
the attendance rows whatever writes them, and a standing summed from it equals one summed
from every duty, on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib.util
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event, select, text, update
from sqlalchemy.orm import Session

from frontdesk.core.recognition import (
    HONOR_CARD,
    PACE_DAYS,
    Card,
    card_expiry,
    next_window_start,
    step_minutes,
)
from frontdesk.core.settings import HOURS_STEP
from frontdesk.core.timeutil import at
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.recognition_views import (
    _attendance_sums,
    kiosk_standing,
    standings_in_session,
)
from frontdesk.services.records import hours_step
from frontdesk.store import tally
from frontdesk.store.db import Database
from frontdesk.store.migrate import migrations_dir
from frontdesk.store.models import Attendance, RecognitionGrant, Setting, Site
from frontdesk.store.tally import ServiceTally
from tests.support.desks import add_volunteer

# a day of a year, each year and each part of a year alike (st.dates leans to its ends)
YEARS = st.builds(
    lambda year, day: date(year, 1, 1) + timedelta(days=day),
    st.integers(2018, 2026),
    st.integers(0, 364),
)
VOLUNTEERS = 2
STEPS = (0, 1, 7, 15, 30, 60, 61)

Add = st.tuples(
    st.just("add"),
    st.integers(0, VOLUNTEERS - 1),
    YEARS,
    st.integers(0, 240),
    st.booleans(),  # at the other site
)
Move = st.tuples(st.just("move"), st.integers(0, 99), YEARS, st.integers(0, 240), st.integers(0, 2))
Drop = st.tuples(st.just("drop"), st.integers(0, 99))
Step = st.tuples(st.just("step"), st.sampled_from(STEPS))
Grant = st.tuples(st.just("card"), st.integers(0, VOLUNTEERS - 1), YEARS)
OPS = st.lists(st.one_of(Add, Add, Add, Move, Drop, Step, Grant), min_size=4, max_size=30)


@dataclass(frozen=True)
class Row:
    volunteer_id: int
    site_id: int
    day: date
    minutes: int


def _attendance(site: int, vid: int, day: date, minutes: int) -> Attendance:
    start = at(day, time(8, 30))
    return Attendance(
        site_id=site,
        volunteer_id=vid,
        day=day,
        slot="AM",
        in_at=start,
        out_at=start + timedelta(minutes=minutes),
        is_open=False,
        status="on_time",
        credited_minutes=minutes,
        recorded_by="manual",
        created_at=start,
        updated_at=start,
    )


def _apply(s: Session, site: int, other: int, people: list[int], op: tuple) -> None:  # type: ignore[type-arg]
    """One write, each kind through another path: the ORM, a bulk UPDATE, a bulk DELETE."""
    ids = list(s.scalars(select(Attendance.id).order_by(Attendance.id)))
    match op:
        case ("add", who, day, minutes, elsewhere):
            s.add(_attendance(other if elsewhere else site, people[who], day, minutes))
        case ("move", pick, day, minutes, what) if ids:
            new = {0: {"day": day}, 1: {"credited_minutes": minutes}}.get(
                what, {"volunteer_id": people[pick % len(people)], "day": day}
            )
            chosen = Attendance.id == ids[pick % len(ids)]
            s.execute(update(Attendance).where(chosen).values(**new))
        case ("drop", pick) if ids:
            s.execute(delete(Attendance).where(Attendance.id == ids[pick % len(ids)]))
        case ("step", step):
            s.merge(Setting(site_id=site, key=HOURS_STEP, value=str(step)))
        case ("card", who, day):
            s.add(
                RecognitionGrant(
                    volunteer_id=people[who],
                    kind=HONOR_CARD,
                    approved_on=day,
                    expires_on=card_expiry(day),
                    created_at=datetime(2026, 1, 1, tzinfo=UTC),
                )
            )
    s.flush()


def _rows(desk: Desk) -> list[Row]:
    with desk.db.read() as s:
        return [
            Row(v, site, d, m)
            for v, site, d, m in s.execute(
                select(
                    Attendance.volunteer_id,
                    Attendance.site_id,
                    Attendance.day,
                    Attendance.credited_minutes,
                )
            )
        ]


def _from_scratch(
    rows: list[Row], vid: int, site: int | None, as_of: date, start: date | None, step: int
) -> tuple[int, int, int, date | None]:
    """total, pace, window and first day summed from every duty, each cut to the step."""
    mine = [r for r in rows if r.volunteer_id == vid and r.day <= as_of]
    mine = [r for r in mine if site is None or r.site_id == site]
    recent_from = as_of - timedelta(days=PACE_DAYS - 1)

    def total(keep: list[Row]) -> int:
        return sum(step_minutes(r.minutes, step) for r in keep)

    whole = total(mine)
    window = whole if start is None else total([r for r in mine if r.day >= start])
    first = min((r.day for r in mine), default=None)
    if first is None:
        return 0, 0, 0, None
    return whole, total([r for r in mine if r.day >= recent_from]), window, first


def _clear(desk: Desk) -> None:
    with desk.db.write() as s:
        s.execute(delete(Attendance))
        s.execute(delete(RecognitionGrant))
        s.execute(delete(Setting).where(Setting.key == HOURS_STEP))
        assert s.scalars(select(ServiceTally)).all() == []  # deletes uncount to nothing


@pytest.fixture
def people(desk: Desk) -> tuple[int, list[int]]:
    """A second site (duties written there are not this site's) and the volunteers."""
    ids = [
        add_volunteer(desk, f"T{i:02d}", "志工", joined_on=date(2011, 3, 1))
        for i in range(VOLUNTEERS)
    ]
    with desk.db.write() as s:
        other = Site(name="其他衛生所", created_at=datetime(2026, 1, 1, tzinfo=UTC))
        s.add(other)
        s.flush()
        return other.id, ids


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=OPS, data=st.data())
def test_a_tallied_standing_equals_one_summed_from_every_duty(
    desk: Desk,
    people: tuple[int, list[int]],
    ops: list[tuple],  # type: ignore[type-arg]
    data: st.DataObject,
) -> None:
    """Random inserts, updates and deletes across years and two sites, hours-step changes
    and honor cards: the tally is the rows' count, and each volunteer's sums (for the
    kiosk's one and for the whole site) are those of a full pass."""
    other, ids = people
    _clear(desk)
    with desk.db.write() as s:
        for op in ops:
            _apply(s, desk.site_id, other, ids, op)
    rows = _rows(desk)
    # as of any day, or near a duty: in its year, around its pace and window edges
    near = st.sampled_from([r.day for r in rows]) if rows else YEARS
    as_of = data.draw(
        st.one_of(
            YEARS, st.builds(lambda d, n: d + timedelta(days=n), near, st.integers(-120, 120))
        )
    )
    _check(desk, ids, rows, as_of)


def _check(desk: Desk, ids: list[int], rows: list[Row], as_of: date) -> None:
    """The tally counts `rows`; each volunteer's sums equal a full pass's, for the kiosk's
    one (any site) and for the whole site; both standings agree where they should."""
    with desk.db.read() as s:
        counted = Counter((r.volunteer_id, r.day.year, r.minutes, r.site_id) for r in rows)
        kept = {tuple(r[:4]): r[4] for r in s.execute(select(*ServiceTally.__table__.c))}
        assert kept == dict(counted)
        step = hours_step(load_settings(s, desk.site_id))
        starts: dict[int, date] = {}
        for vid in ids:
            cards = [
                Card(g.approved_on, g.expires_on or g.approved_on)
                for g in s.scalars(
                    select(RecognitionGrant).where(RecognitionGrant.volunteer_id == vid)
                )
            ]
            start = next_window_start(date(2011, 3, 1), cards) if cards else None
            if start is not None:
                starts[vid] = start
        for site in (None, desk.site_id):
            sums = _attendance_sums(s, site, as_of, starts, step, ids)
            for vid in ids:
                got = sums.get(vid)
                found = (got.total, got.recent, got.window, got.first) if got else (0, 0, 0, None)
                assert found == _from_scratch(rows, vid, site, as_of, starts.get(vid), step), (
                    vid,
                    site,
                )
        # the kiosk's volunteer counts their duties at any site, the site's page its own
        here = [
            v for v in ids if all(r.site_id == desk.site_id for r in rows if r.volunteer_id == v)
        ]
        one = [standings_in_session(s, desk.site_id, as_of, [vid])[0] for vid in here]
        every = standings_in_session(s, desk.site_id, as_of)
        assert one == [r for r in every if r.volunteer_id in here]


@pytest.mark.parametrize(
    "as_of",
    [
        date(2024, 2, 29),  # before the first duty
        date(2025, 5, 1),  # the card's day: its window starts here
        date(2025, 12, 20),  # duties later in the year: counted by the tally, not as of
        date(2026, 1, 4),  # the pace reaches into the year before
        date(2026, 11, 2),
        date(2027, 1, 1),
    ],
)
def test_year_edges_pace_and_card_window_match_a_full_pass(
    desk: Desk, people: tuple[int, list[int]], as_of: date
) -> None:
    """Duties on both sides of `as_of` in its year, a card window starting mid-year, a duty
    at the other site, and a step that cuts (7 min): the cases a tally must cut live."""
    other, ids = people
    duties = [
        (0, date(2024, 3, 1), 187, desk.site_id),
        (0, date(2025, 4, 30), 95, desk.site_id),
        (0, date(2025, 5, 1), 181, desk.site_id),
        (0, date(2025, 12, 20), 176, desk.site_id),
        (0, date(2025, 12, 31), 60, other),
        (0, date(2026, 1, 5), 179, desk.site_id),
        (0, date(2026, 11, 1), 180, desk.site_id),
        (0, date(2026, 12, 1), 44, desk.site_id),
        (1, date(2025, 7, 7), 121, desk.site_id),
    ]
    with desk.db.write() as s:
        for who, day, minutes, site in duties:
            s.add(_attendance(site, ids[who], day, minutes))
        _apply(s, desk.site_id, other, ids, ("card", 0, date(2025, 5, 1)))
        _apply(s, desk.site_id, other, ids, ("card", 1, date(2025, 7, 8)))
        _apply(s, desk.site_id, other, ids, ("step", 7))
    _check(desk, ids, _rows(desk), as_of)


def _migration() -> ModuleType:
    path = migrations_dir() / "versions" / "0014_service_tally.py"
    spec = importlib.util.spec_from_file_location("service_tally_0014", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_create_all_installs_the_migrations_triggers(sqlite_db: Database, tmp_path: Path) -> None:
    """The offline replica (create_all) counts its rows by the same triggers as a migrated
    database: the migration's frozen statements are the module's."""
    frozen = _migration()
    assert frozen.sqlite_triggers() == tally.sqlite_triggers()
    assert frozen.postgresql_triggers() == tally.postgresql_triggers()
    with sqlite_db.engine.connect() as conn:
        made = conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'service_tally%' ORDER BY name"
            )
        ).all()
    replica = Database(f"sqlite+pysqlite:///{tmp_path / 'replica.sqlite3'}")
    try:
        from frontdesk.store.models import Base

        Base.metadata.create_all(replica.engine)
        Base.metadata.create_all(replica.engine)  # again: the triggers already exist
        with replica.engine.connect() as conn:
            copied = conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                    " AND name LIKE 'service_tally%' ORDER BY name"
                )
            ).all()
    finally:
        replica.dispose()
    assert [n for n, _ in made] == [
        "service_tally_on_delete",
        "service_tally_on_insert",
        "service_tally_on_update",
    ]
    assert copied == made


def _duties(desk: Desk, vid: int, first: date, last: date) -> int:
    """Mondays and Thursdays from `first` to `last`, 180 min each; how many."""
    with desk.db.write() as s:
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        served = [d for d in days if d.weekday() in (0, 3)]
        for day in served:
            s.add(_attendance(desk.site_id, vid, day, 180))
    return len(served)


def _attendance_rows_read(desk: Desk, vid: int, as_of: date) -> int:
    """PostgreSQL: attendance rows the kiosk's standing reads (EXPLAIN ANALYZE's actual rows
    times loops of every node on attendance, over the statements it sends)."""
    seen: list[tuple[str, Any]] = []

    def catch(_conn: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append((statement, params))

    event.listen(desk.db.engine, "before_cursor_execute", catch)
    try:
        with desk.db.read() as s:
            kiosk_standing(s, desk.site_id, vid, as_of)
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", catch)
    raw = desk.db.engine.raw_connection()
    total = 0
    try:
        cur = raw.cursor()
        for sql, params in seen:
            if "attendance" not in sql or not sql.lstrip().upper().startswith("SELECT"):
                continue
            cur.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            plan = cur.fetchone()[0]  # type: ignore[index]
            nodes = [plan[0]["Plan"]]
            while nodes:
                node = nodes.pop()
                nodes += node.get("Plans", [])
                if node.get("Relation Name") == "attendance":
                    total += node["Actual Rows"] * node["Actual Loops"]
        raw.rollback()
    finally:
        raw.close()
    return total


def _sqlite_steps(desk: Desk, vid: int, as_of: date) -> int:
    """SQLite: virtual machine steps the kiosk's standing runs (its rows read, and more)."""
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    with desk.db.read() as s:
        raw = s.connection().connection.driver_connection
        raw.set_progress_handler(step, 1)  # type: ignore[union-attr]
        try:
            kiosk_standing(s, desk.site_id, vid, as_of)
        finally:
            raw.set_progress_handler(None, 1)  # type: ignore[union-attr]
    return steps


def test_the_sign_out_standing_reads_no_more_than_a_year_of_duties(
    desk: Desk, people: tuple[int, list[int]]
) -> None:
    """A sign-out's standing summed every duty of the volunteer's years. With a card whose
    window starts mid-year, ten more years before this one add no attendance row read
    (PostgreSQL: the rows EXPLAIN ANALYZE counts stay within this and last year's, the pace
    and the window's cut year; SQLite: they add less than one step per added duty, where a
    pass over them takes several)."""
    _, (vid, _) = people
    as_of = date(2026, 11, 2)
    recent = _duties(desk, vid, date(2025, 1, 1), as_of)
    with desk.db.write() as s:
        s.add(
            RecognitionGrant(
                volunteer_id=vid,
                kind=HONOR_CARD,
                approved_on=date(2025, 6, 18),  # a window starting mid-year: cut live
                expires_on=card_expiry(date(2025, 6, 18)),
                created_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
        )
    if desk.db.is_sqlite:
        before = _sqlite_steps(desk, vid, as_of)
        added = _duties(desk, vid, date(2015, 1, 1), date(2024, 12, 31))
        after = _sqlite_steps(desk, vid, as_of)
        assert after - before < added, (before, after, added)
    else:
        _duties(desk, vid, date(2015, 1, 1), date(2024, 12, 31))
        with desk.db.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
        assert _attendance_rows_read(desk, vid, as_of) <= recent
