"""PostgreSQL connections: no ping before each transaction; a connection the server dropped
is replaced once, at the start of the transaction, before anything of the caller ran."""

from __future__ import annotations

import psycopg
from sqlalchemy import select

from frontdesk.store.db import Database
from frontdesk.store.models import Site
from tests.store import builders


def _drop_every_connection(db: Database) -> int:
    """What a server restart or a network cut does to the pool: every connection is gone."""
    url = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


def test_no_ping_before_each_transaction(pg_db: Database) -> None:
    assert not pg_db.engine.pool._pre_ping


def test_a_dropped_connection_is_replaced_once(pg_db: Database) -> None:
    with pg_db.write() as s:
        builders.site(s, "第一")
    assert _drop_every_connection(pg_db) >= 1
    with pg_db.write() as s:  # the pooled connection fails at BEGIN; a new one writes
        builders.site(s, "第二")
    assert _drop_every_connection(pg_db) >= 1
    with pg_db.read() as s:
        assert sorted(s.scalars(select(Site.name))) == ["第一", "第二"]


def test_the_write_clock_is_the_servers_after_the_lock(pg_db: Database) -> None:
    """A write transaction begins in one round trip and brings the server's clock, read
    once its lock was held; it is given once, and never to a later transaction."""
    from sqlalchemy import text

    from frontdesk.store.db import write_clock

    with pg_db.write() as s:
        began = write_clock(s)
        assert began is not None and began.tzinfo is not None
        assert write_clock(s) is None  # given once
        later = s.execute(text("SELECT clock_timestamp()")).scalar_one()
        assert began <= later
    with pg_db.read() as s:
        assert write_clock(s) is None
