"""Engine setup: SQLite pragmas, queued writers, URL resolution, readable connection errors."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from frontdesk.store import db as db_module
from frontdesk.store import paths
from frontdesk.store.db import Database, resolve_url
from frontdesk.store.errors import DatabaseBusy, DatabaseUnreachable, NetworkShareRefused
from frontdesk.store.models import Site
from tests.pg import free_port
from tests.store import builders


def test_database_runs_on_the_requested_backend(db: Database, db_url: str) -> None:
    expected = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    assert db.dialect == expected
    assert db.is_sqlite == (expected == "sqlite")
    db.ping()


def test_sqlite_pragmas_on_every_new_connection(sqlite_db: Database) -> None:
    sqlite_db.dispose()  # make sure the connection below is a fresh one
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == db_module.BUSY_TIMEOUT_MS
    assert db_module.BUSY_TIMEOUT_MS >= 1000  # long enough for a colleague's write


def test_sqlite_enforces_foreign_keys(sqlite_db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), sqlite_db.write() as s:
        s.execute(
            text(
                "INSERT INTO volunteer (site_id, code, name, languages, status, notes, created_at)"
                " VALUES (4242, 'X', 'x', '', 'active', '', '2025-01-01 00:00:00')"
            )
        )


def test_postgres_sessions_use_utc(pg_db: Database) -> None:
    with pg_db.read() as s:
        assert s.execute(text("SHOW TIME ZONE")).scalar() == "UTC"


def test_sqlite_write_begins_immediate(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second writer cannot even start while the first one holds the write lock."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 150)
    other = Database(sqlite_db.url)
    try:
        with sqlite_db.write() as s1:
            builders.site(s1, "holder")  # the first writer is inside its transaction
            # Readers are not blocked (WAL) and do not see the uncommitted row.
            with other.read() as r:
                assert r.scalars(select(Site.name)).all() == []
            started = time.monotonic()
            with pytest.raises(DatabaseBusy) as busy, other.write() as s2:
                # A deferred BEGIN would let this SELECT through; BEGIN IMMEDIATE does not.
                s2.execute(text("SELECT 1"))
            waited = time.monotonic() - started
            cause = busy.value.__cause__
            assert isinstance(cause, OperationalError) and "database is locked" in str(cause)
            assert busy.value.facts == {"seconds": 0}  # 0.15 s, rounded
        assert 0.1 <= waited < 5
        with other.write() as s2:  # free again once the first writer committed
            builders.site(s2, "second")
        with other.read() as r:
            assert sorted(r.scalars(select(Site.name))) == ["holder", "second"]
    finally:
        other.dispose()


def test_writers_queue(db: Database) -> None:
    """While one write transaction is open, another writer waits for it (both backends)."""
    other = Database(db.url)
    entered = threading.Event()
    seen: list[list[str]] = []
    errors: list[BaseException] = []

    def second_writer() -> None:
        try:
            with other.write() as s2:
                s2.execute(text("SELECT 1"))
                entered.set()
                seen.append(sorted(s2.scalars(select(Site.name))))
                builders.site(s2, "second")
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
            entered.set()

    try:
        with db.write() as s1:
            builders.site(s1, "first")
            worker = threading.Thread(target=second_writer, daemon=True)
            worker.start()
            assert not entered.wait(0.5), "second writer got in while the first held the lock"
        worker.join(timeout=20)
        assert not worker.is_alive()
        assert errors == []
        assert entered.is_set()
        assert seen == [["first"]]  # it started after the first writer committed
        with db.read() as r:
            assert sorted(r.scalars(select(Site.name))) == ["first", "second"]
    finally:
        other.dispose()


def test_write_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"), db.write() as s:
        builders.site(s, "lost")
        raise RuntimeError("boom")
    with db.read() as s:
        assert s.scalars(select(Site)).all() == []


def test_ping_on_wrong_postgres_port_is_readable() -> None:
    port = free_port()  # nothing listens there once the probe socket is closed
    database = Database(f"postgresql+psycopg://frontdesk:s3cret@127.0.0.1:{port}/frontdesk")
    try:
        with pytest.raises(DatabaseUnreachable) as info:
            database.ping()
    finally:
        database.dispose()
    message = str(info.value)
    assert message.startswith("cannot open the database at ")
    assert f"127.0.0.1:{port}" in message
    assert "s3cret" not in message  # the password is never shown
    assert "\n" not in message
    assert info.value.code == "database_unreachable"


def test_ping_on_missing_postgres_database(pg_server: object) -> None:
    from tests.pg import PgServer

    assert isinstance(pg_server, PgServer)
    database = Database(pg_server.url("no_such_database"))
    try:
        with pytest.raises(DatabaseUnreachable, match="no_such_database"):
            database.ping()
    finally:
        database.dispose()


# -- resolve_url ------------------------------------------------------------------------


def test_resolve_plain_path(tmp_path: Path) -> None:
    url = resolve_url(tmp_path / "desk.sqlite3")
    assert url.drivername == "sqlite+pysqlite"
    assert url.database == str(tmp_path / "desk.sqlite3")


def test_resolve_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_url("~/desk.sqlite3").database == str(tmp_path / "desk.sqlite3")


def test_resolve_sqlite_url_kept() -> None:
    url = resolve_url("sqlite:////var/lib/frontdesk/desk.sqlite3")
    assert url.get_backend_name() == "sqlite"
    assert url.database == "/var/lib/frontdesk/desk.sqlite3"


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_resolve_postgres_uses_psycopg(scheme: str) -> None:
    url = resolve_url(f"{scheme}://desk:pw@db.example:5433/frontdesk")
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == (
        "db.example",
        5433,
        "frontdesk",
        "desk",
    )


def test_resolve_explicit_driver_kept() -> None:
    assert resolve_url("postgresql+psycopg://h/d").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("raw", ["mysql://u@h/d", "oracle://u@h/d", "mssql+pyodbc://u@h/d"])
def test_resolve_refuses_other_backends(raw: str) -> None:
    with pytest.raises(DatabaseUnreachable, match="unsupported database"):
        resolve_url(raw)


def test_resolve_refuses_malformed_url() -> None:
    with pytest.raises(DatabaseUnreachable, match="not a database URL"):
        resolve_url("not a url://")


def test_resolve_default_is_under_frontdesk_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_DB, raising=False)
    url = resolve_url()
    assert url.drivername == "sqlite+pysqlite"
    assert url.database == str(paths.default_db_path())
    assert Path(url.database).parent == Path(paths.data_dir())
    assert str(paths.data_dir()) == paths.os.environ[paths.ENV_HOME]


def test_resolve_reads_frontdesk_db(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_DB, "postgresql://desk@server/frontdesk")
    assert resolve_url().drivername == "postgresql+psycopg"
    assert resolve_url("/tmp/explicit.sqlite3").get_backend_name() == "sqlite"  # --db wins


# -- network shares ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["//server/share/x.sqlite3", "\\\\server\\share\\x.sqlite3"])
def test_network_paths_detected(raw: str) -> None:
    assert paths.is_network_path(Path(raw))


def test_local_path_is_not_network(tmp_path: Path) -> None:
    assert not paths.is_network_path(tmp_path / "x.sqlite3")


@pytest.mark.parametrize("raw", ["//server/share/x.sqlite3", "\\\\server\\share\\x.sqlite3"])
def test_sqlite_on_network_share_refused(raw: str) -> None:
    with pytest.raises(NetworkShareRefused, match="network share") as info:
        Database(URL.create("sqlite+pysqlite", database=raw))
    assert info.value.facts["path"] == raw


def test_resolved_unc_path_refused() -> None:
    with pytest.raises(NetworkShareRefused):
        Database(resolve_url("//server/share/frontdesk.sqlite3"))


def test_postgres_writer_waits_no_longer_than_the_busy_timeout(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC in a write transaction: the writers' lock is waited for, not forever."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    other = Database(pg_db.url)
    try:
        with pg_db.write() as holder:
            builders.site(holder, "holder")
            started = time.monotonic()
            with pytest.raises(DatabaseBusy), other.write() as s2:
                builders.site(s2, "second")
            assert 0.2 <= time.monotonic() - started < 5
        with other.write() as s2:  # free again once the first writer committed
            builders.site(s2, "second")
        with other.read() as r:
            assert sorted(r.scalars(select(Site.name))) == ["holder", "second"]
    finally:
        other.dispose()
