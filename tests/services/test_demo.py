"""The demo database: deterministic for a seed, realistic, fast, on both backends."""

from __future__ import annotations

import time
from datetime import date
from datetime import time as time_of_day

import pytest
from sqlalchemy import func, select

from frontdesk.core.timeutil import at
from frontdesk.services import supervisors
from frontdesk.services.context import Desk
from frontdesk.services.demo import SUPERVISOR_PASSWORD, SUPERVISOR_USER, build_demo
from frontdesk.services.setup import first_site_id
from frontdesk.store import audit
from frontdesk.store.db import Database
from frontdesk.store.models import (
    Assignment,
    Attendance,
    CalendarOverride,
    SwapRequest,
    Volunteer,
)

TODAY = date(2025, 3, 12)


def _content(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.read() as session:
        rows = {
            "volunteers": list(
                session.execute(
                    select(
                        Volunteer.code, Volunteer.name, Volunteer.phone, Volunteer.status
                    ).order_by(Volunteer.code)
                ).all()
            ),
            "assignments": list(
                session.execute(
                    select(
                        Assignment.day, Assignment.slot, Assignment.volunteer_id, Assignment.source
                    )
                    .where(Assignment.removed_at.is_(None))
                    .order_by(Assignment.day, Assignment.slot, Assignment.volunteer_id)
                ).all()
            ),
            "attendance": list(
                session.execute(
                    select(
                        Attendance.day,
                        Attendance.slot,
                        Attendance.volunteer_id,
                        Attendance.in_at,
                        Attendance.out_at,
                        Attendance.status,
                    ).order_by(Attendance.day, Attendance.slot, Attendance.volunteer_id)
                ).all()
            ),
            "swaps": list(
                session.execute(
                    select(SwapRequest.kind, SwapRequest.state, SwapRequest.given_day).order_by(
                        SwapRequest.id
                    )
                ).all()
            ),
        }
        return {k: [tuple(r) for r in v] for k, v in rows.items()}


def _build(url: str, seed: int) -> tuple[Database, float]:
    db = Database(url)
    from frontdesk.store.migrate import upgrade

    upgrade(db)
    started = time.perf_counter()
    build_demo(db, seed=seed, today=TODAY)
    return db, time.perf_counter() - started


def test_demo_is_deterministic_and_fast(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, seconds = _build(f"sqlite+pysqlite:///{tmp_path / 'a.sqlite3'}", 11)
    b, _ = _build(f"sqlite+pysqlite:///{tmp_path / 'b.sqlite3'}", 11)
    c, _ = _build(f"sqlite+pysqlite:///{tmp_path / 'c.sqlite3'}", 12)
    try:
        assert seconds < 20
        assert _content(a) == _content(b)
        assert _content(a)["volunteers"] != _content(c)["volunteers"]
    finally:
        for db in (a, b, c):
            db.dispose()


def test_demo_content_is_realistic(sqlite_db: Database) -> None:
    report = build_demo(sqlite_db, today=TODAY)
    # the numbers to try at the kiosk are told: active volunteers' codes, in order
    assert report.codes and list(report.codes) == sorted(report.codes)
    assert report.codes[0] == "V001"
    assert report.volunteers == 30 and report.first_day == date(2025, 1, 1)
    content = _content(sqlite_db)
    statuses = [v[3] for v in content["volunteers"]]
    assert statuses.count("inactive") == 2 and statuses.count("trainee") == 2
    assert all(v[2].startswith("09") and len(v[2]) == 12 for v in content["volunteers"])
    assert all(len(v[1]) == 3 for v in content["volunteers"])
    per_shift: dict[tuple[object, object], int] = {}
    for d, slot, _vid, _src in content["assignments"]:
        per_shift[(d, slot)] = per_shift.get((d, slot), 0) + 1
    assert set(per_shift.values()) <= {1, 2}
    assert {d.month for d, _s in per_shift} == {1, 2, 3, 4}
    states = {s for _k, s, _d in content["swaps"]}
    assert {"approved", "rejected"} <= states
    assert states & {"pending_colleague", "pending_supervisor"}
    kinds = {row[5] for row in content["attendance"]}
    assert {"on_time", "late", "absent", "no_sign_out", "walk_in"} <= kinds
    assert all(row[0] <= TODAY for row in content["attendance"])
    with sqlite_db.read() as session:
        closures = session.scalars(
            select(CalendarOverride.label).where(CalendarOverride.kind == "closure")
        ).all()
        assert closures == ["颱風停止上班"]
        assert audit.verify(session).ok
        assert (
            session.scalar(select(func.count()).select_from(Attendance).where(Attendance.is_open))
            >= 1
        )
    site = first_site_id(sqlite_db)
    assert site is not None
    assert supervisors.authenticate(Desk(sqlite_db, site), SUPERVISOR_USER, SUPERVISOR_PASSWORD)


def test_demo_on_postgresql(pg_db: Database) -> None:
    report = build_demo(pg_db, seed=3, today=TODAY)
    assert report.volunteers == 30 and report.attendance > 50
    with pg_db.read() as session:
        assert audit.verify(session).ok


@pytest.mark.parametrize("hour_minute", [(2, 37), (20, 0)])
def test_nothing_in_the_demo_lies_in_the_future(
    sqlite_db: Database, hour_minute: tuple[int, int]
) -> None:
    """Built at 02:37 it had sign-ins at 08:29 'today' (the kiosk then said: already
    signed in at 08:29); built in the evening, today's afternoon was missing."""
    now = at(TODAY, time_of_day(*hour_minute))
    build_demo(sqlite_db, today=TODAY, now=now)
    with sqlite_db.read() as session:
        instants = [
            *session.scalars(select(Attendance.in_at).where(Attendance.in_at.is_not(None))),
            *session.scalars(select(Attendance.out_at).where(Attendance.out_at.is_not(None))),
            *session.scalars(select(SwapRequest.requested_at)),
            *session.scalars(
                select(SwapRequest.decided_at).where(SwapRequest.decided_at.is_not(None))
            ),
        ]
        today = session.scalars(select(Attendance).where(Attendance.day == TODAY)).all()
    assert instants and max(instants) <= now
    if hour_minute == (2, 37):
        assert today == []  # nobody has come in yet
    else:
        assert {a.slot for a in today} == {"AM", "PM"}  # the whole day happened
