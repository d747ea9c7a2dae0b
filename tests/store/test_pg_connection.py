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


def test_a_write_ended_by_a_deadlock_is_run_once_more(pg_db: Database) -> None:
    """Two writers take two rows in opposite order; PostgreSQL ends one
    (deadlock_detected), which once_more_if_lost runs again: both writes are kept."""
    import threading

    from sqlalchemy import update

    from frontdesk.store.db import once_more_if_lost

    with pg_db.write() as s:
        ids = [builders.site(s, name).id for name in ("甲", "乙")]
    both = threading.Barrier(2)
    runs: list[str] = []
    errors: list[BaseException] = []

    def writer(first: int, second: int, name: str) -> None:
        def once() -> None:
            runs.append(name)
            with pg_db.write(first) as s:  # site locks apart: nothing queues the two
                s.execute(update(Site).where(Site.id == first).values(name=f"{name}1"))
                if len(runs) <= 2:
                    both.wait(10)
                s.execute(update(Site).where(Site.id == second).values(name=f"{name}2"))

        try:
            once_more_if_lost(once)
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=writer, args=(ids[0], ids[1], "a")),
        threading.Thread(target=writer, args=(ids[1], ids[0], "b")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    # one of the two ran twice (both, should the server have ended each once)
    assert errors == [] and 3 <= len(runs) <= 4
    with pg_db.read() as s:
        names = sorted(s.scalars(select(Site.name)))
    assert names in (["a1", "a2"], ["b1", "b2"])  # the one run again wrote both, last
