"""Several reads in one round trip, and one server function called as its own transaction.

A desk may sit 10 ms from its PostgreSQL server, and every question it asks and waits for
is paid in full by the volunteer at the desk. Reads that do not depend on each other are
sent together here: psycopg's pipeline mode sends them, framed by BEGIN and COMMIT of one
REPEATABLE READ READ ONLY transaction (one snapshot for all), and waits once. A write that
is a single server function call (migration 0015) runs in autocommit: the call is its own
transaction, so no BEGIN and COMMIT of its own are sent. On SQLite both are ordinary
statements in one read transaction (nothing travels).

A connection the server dropped (a restart, a network cut) fails at the first statement;
a read is then sent once more on a new connection, as store.db does for transactions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

from frontdesk.store import db as db_module
from frontdesk.store.db import Database
from frontdesk.store.db import _busy_in_words as busy_in_words

Rows = list[tuple[Any, ...]]
_Compiled = tuple[str, dict[str, Any], list[Callable[[Any], Any] | None]]


def read_together(db: Database, statements: Sequence[Executable]) -> list[Rows]:
    """The rows of each of `statements` (SELECTs), read in one transaction and, on
    PostgreSQL, in one round trip; values come back as the columns' types give them (an
    aware UTC instant, a date), as a session's execute() would."""
    if db.is_sqlite:
        with db.read() as session:
            return [[tuple(r) for r in session.execute(s)] for s in statements]
    compiled = [_compile(db, s) for s in statements]
    with busy_in_words():
        for attempt in (0, 1):
            try:
                return _pipelined(db, compiled)
            except DBAPIError as exc:
                if attempt or not exc.connection_invalidated:
                    raise
    raise AssertionError("unreachable")


def call_alone(
    db: Database, statement: Executable, then: Sequence[Executable] = ()
) -> tuple[Rows, list[Rows]]:
    """The rows of one statement (a server function's call) run as its own transaction on
    PostgreSQL, and of the reads `then`, sent with it: one round trip, no BEGIN or COMMIT
    sent. The reads run after the call in its transaction (a pipeline's statements up to
    its sync are one), so they see what it wrote; its locks are held until they end, on
    the server, never across the network. Not retried on a dropped connection: the server
    may have committed it; the caller re-reads and decides."""
    assert not db.is_sqlite, "a server function runs on PostgreSQL only"
    compiled = [_compile(db, statement), *(_compile(db, s) for s in then)]
    with busy_in_words():
        rows = _pipelined(db, compiled, first_alone=True)
    return rows[0], rows[1:]


def _pipelined(db: Database, compiled: list[_Compiled], first_alone: bool = False) -> list[Rows]:
    """The statements in one REPEATABLE READ READ ONLY transaction, sent as one batch; with
    `first_alone`, in the transaction the first one (a write) begins, committed after
    the last (call_alone)."""
    with db.engine.connect() as conn:  # a failed connect: SQLAlchemy's error
        driver = conn.connection.driver_connection
        assert driver is not None and driver.autocommit
        _announce(conn, compiled)
        try:
            with driver.pipeline():
                if first_alone:  # the write waits for a lock as long as a transaction does
                    timeout = str(int(db_module.BUSY_TIMEOUT_MS))
                    driver.execute("SELECT set_config('lock_timeout', %s, true)", [timeout])
                else:
                    driver.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                cursors = [driver.execute(sql, params) for sql, params, _ in compiled]
                if not first_alone:
                    driver.execute("COMMIT")
            fetched = [c.fetchall() for c in cursors]
        except driver.Error as exc:
            if not driver.closed and driver.info.transaction_status != 0:  # not IDLE
                with contextlib.suppress(driver.Error):
                    driver.rollback()
            raise _wrapped(db, conn, exc, compiled[0][0] if compiled else "") from exc
    return [
        [_processed(row, processors) for row in rows]
        for rows, (_, _, processors) in zip(fetched, compiled, strict=True)
    ]


def _announce(conn: Any, compiled: list[_Compiled]) -> None:
    """Tell the engine's before_cursor_execute listeners of each statement sent, as its
    own execute() would (logging, and the tests that explain every statement sent)."""
    if conn._has_events or conn.engine._has_events:
        for sql, params, _ in compiled:
            conn.dispatch.before_cursor_execute(conn, None, sql, params, None, False)


def _compile(db: Database, statement: Executable) -> _Compiled:
    """The driver's SQL text, its bound parameters as the column types send them, and the
    result processors of its columns (for the UTC instants of store.types)."""
    dialect = db.engine.dialect
    compiled: Any = statement.compile(  # type: ignore[attr-defined]
        dialect=dialect, compile_kwargs={"render_postcompile": True}
    )
    params = dict(compiled.construct_params())
    binds = compiled._bind_processors
    for name, value in params.items():
        process = binds.get(name)
        if process is not None and value is not None:
            params[name] = process(value)
    columns = getattr(statement, "selected_columns", ())
    processors = [c.type._cached_result_processor(dialect, None) for c in columns]
    return compiled.string, params, processors


def _processed(
    row: Sequence[Any], processors: list[Callable[[Any], Any] | None]
) -> tuple[Any, ...]:
    if not processors:
        return tuple(row)
    return tuple(p(v) if p is not None else v for v, p in zip(row, processors, strict=False))


def _wrapped(db: Database, conn: Any, exc: Exception, sql: str) -> DBAPIError:
    """`exc` as SQLAlchemy raises a driver error, a dropped connection marked so (and the
    pooled connection invalidated, so the next attempt takes a new one)."""
    dialect = db.engine.dialect
    driver = conn.connection.driver_connection
    dropped = bool(dialect.is_disconnect(exc, driver, None))  # type: ignore[arg-type]
    if dropped:  # as SQLAlchemy does: the pool's older connections are replaced too
        db.engine.pool._invalidate(conn.connection, exc)
        conn.invalidate(exc)
    wrapped: Any = DBAPIError.instance(
        sql, None, exc, dialect.loaded_dbapi.Error, connection_invalidated=dropped, dialect=dialect
    )
    assert isinstance(wrapped, DBAPIError)
    return wrapped
