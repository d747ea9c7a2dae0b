"""Engine and session setup for embedded SQLite and shared PostgreSQL."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, StatementError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from frontdesk.store import collector, paths
from frontdesk.store.errors import (
    DatabaseBusy,
    DatabaseUnreachable,
    DataFolderUnusable,
    NetworkShareRefused,
    NotADatabase,
)

BUSY_TIMEOUT_MS = 15_000
_T = TypeVar("_T")
# The writers' lock on PostgreSQL. A write of the whole database (a supervisor's, a
# command's) holds it alone, so such writers queue as they do on SQLite with BEGIN
# IMMEDIATE and the roster rules see one writer at a time, whichever PC it runs on. A
# desk's write for its own site (a scan, the sweep) shares it, and holds the site's own
# lock (this key, the site's id): desks at one site queue, desks at different sites do
# not wait for each other. The audit chain, which all share, is appended to under
# PG_CHAIN_LOCK_KEY (store.audit), in the commit's own round trip (at_commit). A desk's
# scan takes none of these (services.scan_fast): only its volunteer's row.
PG_WRITE_LOCK_KEY = 0x46444553  # "FDES"
PG_CHAIN_LOCK_KEY = 0x46444348  # "FDCH"


def resolve_url(db: str | os.PathLike[str] | None = None) -> URL:
    """A database URL from --db, FRONTDESK_DB, or the per-machine default file."""
    raw = str(db) if db is not None else os.environ.get(paths.ENV_DB) or None
    if raw is None:
        return URL.create("sqlite+pysqlite", database=str(paths.default_db_path()))
    if "://" in raw:
        try:
            url = make_url(raw)
        except (ArgumentError, ValueError):  # ValueError: e.g. a port that is not a number
            shown = describe_url(raw)
            raise DatabaseUnreachable(f"not a database URL: {shown}", url=shown) from None
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseUnreachable(
                f"unsupported database {url.get_backend_name()!r}; use a SQLite file or PostgreSQL",
                url=describe_url(url),
            )
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser()))


SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file


def refuse_non_database(path: Path) -> None:
    """Raise NotADatabase when `path` is a file but no SQLite database (a missing or empty
    file becomes a new database); it names the backups folder, where the real one's copies
    are. Done before anything else opens the file, so nothing writes into it."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return  # said in their own words when the file is opened
    if head and head != SQLITE_HEADER:
        raise NotADatabase(
            f"{path} is not a SQLite database",
            path=str(path.absolute()),
            backups=str(paths.backups_dir(path.absolute())),
        )


def describe_url(url: URL | str) -> str:
    """Where a database is, as a person names it: a SQLite file's full path, or a server's
    `host[:port]/database`; never the driver's URL scheme or a password.

    Every message and the 關於 box show a database through this one function.
    """
    if isinstance(url, str):
        raw = url
        try:
            url = make_url(raw)
        except (ArgumentError, ValueError):  # not even a URL: hide what looks like a password
            return re.sub(r"(//[^/:@]*):[^/@]*@", r"\1:***@", raw)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if not database or database == ":memory:":
            return ":memory:"
        return str(Path(database).expanduser().absolute())
    host = url.host or "localhost"
    if url.port:
        host = f"{host}:{url.port}"
    return f"{host}/{url.database or ''}"


class Database:
    """One database: an engine, read sessions and write sessions that queue writers."""

    def __init__(self, url: URL | str, *, echo: bool = False) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.path: Path | None = None
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            database = self.url.database or ""
            if database and database != ":memory:":
                self.path = Path(database)
                _check_sqlite_location(self.path)
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        else:
            from frontdesk.store.models import use_postgresql_partial_indexes

            use_postgresql_partial_indexes()
            # No ping before each transaction (a round trip each, 10 ms on a city network):
            # a pooled connection the server dropped fails at its transaction's first
            # statement, and the transaction begins once more on a new one (_begun).
            kwargs["connect_args"] = {"connect_timeout": 10}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
        else:
            _install_postgres_hooks(self.engine)
        write_engine = self.engine.execution_options(fd_write=True)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)
        self._site_writes: dict[int, sessionmaker[Session]] = {}

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def ping(self) -> None:
        """Connect once, turning driver errors into one understandable error."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            raise DatabaseUnreachable(
                f"cannot open the database at {self.describe()}: {_first_line(exc)}",
                url=self.describe(),
            ) from exc

    def describe(self) -> str:
        """Where this database is, in words for people (describe_url): no password."""
        return describe_url(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end.

        Closing (not session.rollback()) ends the transaction, so the objects read stay
        loaded and usable, detached, after the block instead of coming back expired.
        """
        with _busy_in_words():
            session, _ = _begun(self._read)
            with session:
                yield session

    @contextmanager
    def write(self, site: int | None = None) -> Iterator[Session]:
        """A write transaction: BEGIN IMMEDIATE on SQLite, the writers' lock on PostgreSQL.

        With `site`, a desk's write that touches only that site's records (and the shared
        audit log): on PostgreSQL it waits only for writers of the same site and for a
        write of the whole database (PG_WRITE_LOCK_KEY); SQLite has one writer anyway.
        The lock is taken before the block runs (not at its first statement), so what the
        block reads, the clock included, comes after every earlier writer's commit. Commits
        when the block ends normally, rolls everything back on any exception. Waiting
        longer than BUSY_TIMEOUT_MS for another writer ends in DatabaseBusy. Python's cyclic
        garbage collector does not run meanwhile (store.collector).
        """
        factory = self._write
        if site is not None and not self.is_sqlite:
            factory = self._site_writes.get(site) or self._site_writes.setdefault(
                site,
                sessionmaker(
                    self.engine.execution_options(fd_write=True, fd_site=int(site)),
                    expire_on_commit=False,
                ),
            )
        with collector.held_off(), _busy_in_words():
            session, transaction = _begun(factory)  # the writers' lock is held from here
            with session, transaction:
                yield session

    def dispose(self) -> None:
        self.engine.dispose()

    def scrub(self) -> bool:
        """After personal data was deleted: leave no copy of it in the files.

        SQLite: checkpoint the WAL, VACUUM (rebuilds the file without free pages; deletes
        were zeroed already, secure_delete), then checkpoint again with TRUNCATE, so the
        -wal file is empty. Returns False when another connection kept the WAL from being
        emptied (its old frames are overwritten by later writes). PostgreSQL: VACUUM of the
        tables that held the data (the space is reused; the server's own WAL archive and
        dead tuples are its admin's). Holds the write lock for as long as VACUUM runs.
        """
        raw = self.engine.raw_connection()
        try:
            if not self.is_sqlite:
                driver = raw.driver_connection
                assert driver is not None
                # The driver runs in autocommit mode (_install_postgres_hooks), so VACUUM,
                # which cannot run inside a transaction, runs on its own.
                assert driver.autocommit
                driver.execute("VACUUM volunteer, audit_personal")
                return True
            cur = raw.cursor()
            try:
                cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cur.execute("VACUUM")
                busy = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            finally:
                cur.close()
        finally:
            raw.close()
        wal = self.path.with_name(self.path.name + "-wal") if self.path else None
        return busy == 0 and (wal is None or not wal.exists() or wal.stat().st_size == 0)


def _begun(factory: sessionmaker[Session]) -> tuple[Session, SessionTransaction]:
    """A session whose transaction has begun on a live connection.

    A pooled connection the server dropped (a restart, a network cut) fails at the first
    statement, BEGIN; SQLAlchemy then discards the pool's older connections and the
    transaction begins once more on a new one. Nothing of the caller's ran yet, so trying
    again is safe; this replaces a ping before every transaction.
    """
    for attempt in (0, 1):
        session = factory()
        transaction = session.begin()
        try:
            session.connection()
        except DBAPIError as exc:
            session.close()
            if attempt or not exc.connection_invalidated:
                raise
            continue
        return session, transaction
    raise AssertionError("unreachable")


# PostgreSQL's deadlock_detected and serialization_failure: the server aborted one of two
# writers that waited for each other; nothing of the aborted one was kept.
_PG_LOST_TO_ANOTHER = ("40P01", "40001")


def lost_to_another(exc: BaseException) -> bool:
    """Whether `exc` says the server aborted this transaction for another writer's sake (a
    deadlock, a serialization failure): trying it once more is safe and usually wins."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) in _PG_LOST_TO_ANOTHER


def once_more_if_lost(work: Callable[[], _T]) -> _T:
    """`work()` (one write transaction of its own), run once more when the server aborted
    it for another writer (lost_to_another): desks' writes no longer queue behind one lock,
    so two writers taking the same rows in opposite order can meet; PostgreSQL ends one."""
    try:
        return work()
    except DBAPIError as exc:
        if not lost_to_another(exc):
            raise
    return work()


def write_clock(session: Session) -> datetime | None:
    """The server's clock read as this write transaction began, right after it took the
    writers' lock (PostgreSQL; None on SQLite or once taken): the same instant a query
    of clock_timestamp() would give there, without its round trip. Given once."""
    info = session.connection().info
    value = info.pop(_WRITE_CLOCK, None)
    return value if isinstance(value, datetime) else None


_WRITE_CLOCK = "frontdesk_write_clock"


def _pg_write_begin(site: int | None) -> str:
    """What begins a write transaction on PostgreSQL, in one round trip: BEGIN, the lock
    timeout, the writers' lock (shared with the site's own for a site's write), then the
    server's clock once the locks are held (from a subquery, so read after them). psycopg
    sends statements without parameters together."""
    locks = (
        f"pg_advisory_xact_lock({PG_WRITE_LOCK_KEY})"
        if site is None
        else f"pg_advisory_xact_lock_shared({PG_WRITE_LOCK_KEY}), "
        f"pg_advisory_xact_lock({PG_WRITE_LOCK_KEY}, {int(site)})"
    )
    return (
        "BEGIN; "
        f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}; "
        f"SELECT clock_timestamp() FROM (SELECT {locks}) AS held"
    )


# SQLite's "database is locked" / "database is busy"; PostgreSQL's lock_not_available.
_BUSY_TEXT = re.compile(r"database (table )?is (locked|busy)", re.IGNORECASE)
_PG_LOCK_NOT_AVAILABLE = "55P03"


@contextmanager
def _busy_in_words() -> Iterator[None]:
    """The one place a database kept busy by another writer becomes DatabaseBusy, an error
    every screen and command puts into words (nothing was written), instead of a driver
    error that reached no one."""
    try:
        yield
    except OperationalError as exc:
        orig = exc.orig
        busy = getattr(orig, "sqlstate", None) == _PG_LOCK_NOT_AVAILABLE or bool(
            _BUSY_TEXT.search(str(orig))
        )
        if not busy:
            raise
        raise DatabaseBusy(
            f"the database stayed busy for {BUSY_TIMEOUT_MS / 1000:g} s: {_first_line(exc)}",
            seconds=round(BUSY_TIMEOUT_MS / 1000),
        ) from exc


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def _check_sqlite_location(path: Path) -> None:
    if paths.is_network_path(path):
        raise NetworkShareRefused(
            f"{path} is on a network share; SQLite files must stay on the local disk. "
            "For several PCs, use a PostgreSQL server (--db postgresql://...).",
            path=str(path),
        )
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderUnusable(
            f"cannot create the data folder {folder}: {exc.strerror or exc}", path=str(folder)
        ) from exc
    if not os.access(folder, os.W_OK):
        raise DataFolderUnusable(f"the data folder {folder} is not writable", path=str(folder))


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event decide how each transaction begins.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        # Deleted content is overwritten with zeros, not left in free pages: a purged
        # person must not stay readable in the file (off by default in upstream builds).
        cur.execute("PRAGMA secure_delete = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("fd_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _install_postgres_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
        dbapi_conn.commit()
        # As on SQLite, the begin event below begins each transaction: psycopg would send
        # its own BEGIN first, a round trip of its own. commit() and rollback() still end
        # the transaction the server holds.
        dbapi_conn.autocommit = True

    @event.listens_for(engine, "commit")
    def _on_commit(conn: Any) -> None:
        pending = conn.info.pop(_AT_COMMIT, None)
        if pending:
            _pg_commit_with(conn, pending)

    @event.listens_for(engine, "rollback")
    def _on_rollback(conn: Any) -> None:
        conn.info.pop(_AT_COMMIT, None)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.info.pop(_WRITE_CLOCK, None)  # an earlier transaction's, never taken
        conn.info.pop(_AT_COMMIT, None)
        if not conn.get_execution_options().get("fd_write"):
            conn.exec_driver_sql("BEGIN")
            return
        conn.info[_WRITE_CLOCK] = _pg_begin_write(conn)


_AT_COMMIT = "frontdesk_at_commit"


def at_commit(
    session: Session, template: str, params: tuple[Any, ...], done: Callable[[Any], None]
) -> None:
    """Run `template` (SQL with {} for each of `params`) with the COMMIT of `session`'s
    transaction on PostgreSQL, in the same round trip; `done` gets its first row once it
    ran (not when the transaction rolls back). For what takes a lock every writer shares
    (the audit chain's, store.audit): held from this statement to the commit only, never
    across a round trip of the network, so desks at other sites do not wait for it."""
    session.connection().info.setdefault(_AT_COMMIT, []).append((template, params, done))


def send_queued(session: Session) -> None:
    """Run what at_commit() queued in `session`'s transaction now (before work that must
    follow it, such as a bulk append to the chain, store.audit.append_all)."""
    conn = session.connection()
    pending = conn.info.pop(_AT_COMMIT, None)
    if pending:
        _pg_commit_with(conn, pending, commit=False)


def _pg_commit_with(
    conn: Any, pending: list[tuple[str, tuple[Any, ...], Any]], *, commit: bool = True
) -> None:
    """Send the statements queued by at_commit() and COMMIT as one text, one round trip;
    psycopg's own commit that follows finds the transaction ended and sends nothing."""
    from psycopg import sql

    raw = conn.connection.dbapi_connection
    texts = [
        sql.SQL(template).format(*(sql.Literal(p) for p in params)).as_string(raw)
        for template, params, _ in pending
    ]
    statement = "; ".join([*texts, "COMMIT"] if commit else texts)
    cursor = raw.cursor()
    try:
        cursor.execute(statement)
        for i, (_, _, done) in enumerate(pending):
            if i:
                cursor.nextset()
            done(cursor.fetchone())
    except conn.dialect.loaded_dbapi.Error as exc:
        raise _as_sqlalchemy(conn, raw, cursor, statement, exc) from exc
    finally:
        cursor.close()


def _pg_begin_write(conn: Any) -> datetime:
    """Run _pg_write_begin() on the driver's own cursor (SQLAlchemy reads one result, this
    needs the last) and return the server's clock; a driver error is raised as SQLAlchemy
    raises it, a dropped connection marked so (_begun tries once more)."""
    raw = conn.connection.dbapi_connection
    cursor = raw.cursor()
    begin = _pg_write_begin(conn.get_execution_options().get("fd_site"))
    try:
        cursor.execute(begin)
        while cursor.nextset():
            pass
        clock: datetime = cursor.fetchone()[0]
        return clock
    except conn.dialect.loaded_dbapi.Error as exc:
        raise _as_sqlalchemy(conn, raw, cursor, begin, exc) from exc
    finally:
        cursor.close()


def _as_sqlalchemy(
    conn: Any, raw: Any, cursor: Any, statement: str, exc: Exception
) -> StatementError:
    """A driver's error on its own cursor as SQLAlchemy raises it, the connection marked
    invalid when it was dropped (so _begun and once_more_if_lost try once more)."""
    dropped = bool(conn.dialect.is_disconnect(exc, raw, cursor))
    if dropped:
        conn.invalidate(exc)
    return DBAPIError.instance(
        statement,
        None,
        exc,
        conn.dialect.loaded_dbapi.Error,
        connection_invalidated=dropped,
        dialect=conn.dialect,
    )
