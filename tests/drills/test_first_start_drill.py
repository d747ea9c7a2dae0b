"""Several desks started at the same moment on one NEW database: every one of them opens.

Two processes on a new SQLite file and three on a new PostgreSQL database, released together
at a barrier, each creating the schema and naming the agency as `frontdesk init` does, then
opening the desk as the app does. Creation and migration wait their turn (a lock beside the
SQLite file, an advisory lock on PostgreSQL); without it the losers failed with "database is
locked", "table already exists" or a duplicate key in pg_type.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from sqlalchemy import func, select

from frontdesk.services.opening import open_desk
from frontdesk.store import audit, migrate
from frontdesk.store.backup import daily_backups
from frontdesk.store.models import AuditEntry, Site
from tests.drills.workers import first_start_worker
from tests.pg import PgServer
from tests.support.processes import gather

JOIN_SECONDS = 90
ROUNDS = 3  # new databases per run, each started by every process at once


def _start_together(urls: list[str], processes: int) -> list[list[tuple[int, bool]]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(processes, timeout=JOIN_SECONDS)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=first_start_worker, args=(i, urls, barrier, out))
        for i in range(processes)
    ]
    for p in procs:
        p.start()
    results: list[list[tuple[int, bool]]] = [[] for _ in procs]
    gather(procs, out, results, timeout=JOIN_SECONDS * len(urls), hung="a starting desk hung")
    return results


def _check_one_desk(url: str, processes: int, site_ids: set[int]) -> None:
    opened = open_desk(url)
    try:
        assert migrate.current_revision(opened.db) == migrate.head_revision()
        assert site_ids == {opened.site_id}
        with opened.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Site)) == 1
            actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
            assert actions == ["site.create"] + ["site.rename"] * (processes - 1), actions
            assert audit.verify(session).broken_at is None
    finally:
        opened.db.dispose()


def _run(urls: list[str], processes: int) -> list[list[tuple[int, bool]]]:
    results = _start_together(urls, processes)
    assert all(len(r) == len(urls) for r in results), results
    for n, url in enumerate(urls):
        _check_one_desk(url, processes, {r[n][0] for r in results})
    return results


def test_two_first_starts_on_one_new_sqlite_file(tmp_path: Path) -> None:
    urls = [
        f"sqlite+pysqlite:///{tmp_path / f'desk{n}' / 'frontdesk.sqlite3'}" for n in range(ROUNDS)
    ]
    results = _run(urls, 2)
    for n in range(ROUNDS):
        # Today's daily backup is there once; two starts in the same instant may both have
        # copied it (each through its own temporary file, then one atomic rename).
        assert any(r[n][1] for r in results), results
        folder = tmp_path / f"desk{n}" / "backups"
        assert len(daily_backups(folder)) == 1, sorted(p.name for p in folder.iterdir())
        assert not list(folder.glob("*.part"))


def test_three_first_starts_on_one_new_postgresql_database(pg_server: PgServer) -> None:
    names = [pg_server.create_database(prefix="fd_first") for _ in range(ROUNDS)]
    try:
        _run([pg_server.url(name) for name in names], 3)
    finally:
        for name in names:
            pg_server.drop_database(name)
