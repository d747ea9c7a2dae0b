"""UTCDateTime: aware UTC instants in and out, naive datetimes refused, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from frontdesk.store.db import Database
from frontdesk.store.models import Site

TAIPEI = ZoneInfo("Asia/Taipei")


def test_aware_datetime_round_trips_as_utc(db: Database) -> None:
    local = datetime(2025, 1, 29, 8, 30, 15, 123456, tzinfo=TAIPEI)  # 00:30:15 UTC
    with db.write() as s:
        s.add(Site(name="desk", created_at=local))
    with db.read() as s:
        got = s.scalars(select(Site.created_at)).one()
    assert got == local
    assert got.tzinfo is UTC
    assert (got.hour, got.minute, got.second, got.microsecond) == (0, 30, 15, 123456)


def test_instant_across_midnight_keeps_its_utc_date(db: Database) -> None:
    local = datetime(2025, 3, 1, 7, 0, tzinfo=TAIPEI)  # still 28 Feb in UTC
    with db.write() as s:
        s.add(Site(name="desk", created_at=local))
    with db.read() as s:
        got = s.scalars(select(Site.created_at)).one()
    assert got == datetime(2025, 2, 28, 23, 0, tzinfo=UTC)


def test_comparisons_in_sql_use_the_instant(db: Database) -> None:
    base = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
    with db.write() as s:
        s.add_all(
            [
                Site(name="early", created_at=base - timedelta(hours=1)),
                Site(name="late", created_at=base + timedelta(hours=1)),
            ]
        )
    with db.read() as s:
        # The bound parameter is given in Taipei time; it must still compare as UTC.
        names = s.scalars(select(Site.name).where(Site.created_at > base.astimezone(TAIPEI)))
        assert list(names) == ["late"]


def test_naive_datetime_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime refused"), db.write() as s:
        s.add(Site(name="desk", created_at=datetime(2025, 1, 1, 9, 0)))
        s.flush()
    with db.read() as s:
        assert s.scalars(select(Site)).all() == []


def test_sqlite_stores_naive_utc_text(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        s.add(Site(name="desk", created_at=datetime(2025, 1, 1, 9, 0, tzinfo=TAIPEI)))
    with sqlite_db.read() as s:
        raw = s.execute(text("SELECT created_at FROM site")).scalar_one()
    assert raw.startswith("2025-01-01 01:00:00")


def test_postgres_stores_timestamptz(pg_db: Database) -> None:
    with pg_db.write() as s:
        s.add(Site(name="desk", created_at=datetime(2025, 1, 1, 9, 0, tzinfo=TAIPEI)))
    with pg_db.read() as s:
        kind = s.execute(text("SELECT pg_typeof(created_at)::text FROM site")).scalar_one()
        utc_text = s.execute(
            text("SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM site")
        ).scalar_one()
    assert kind == "timestamp with time zone"
    assert utc_text == "2025-01-01 01:00"
