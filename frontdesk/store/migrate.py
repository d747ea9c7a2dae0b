"""Bring a database to the app's schema: backup first, refuse a newer database.

A database already at the app's revision (every start but the first after an update) is
recognised with one plain query against schema.HEAD; Alembic is imported only to migrate or
to judge a revision the app does not know.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from frontdesk.store import filelock
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseTooNew
from frontdesk.store.schema import HEAD, VERSION_TABLE

if TYPE_CHECKING:
    from alembic.config import Config

SCHEMA_LOCK_SUFFIX = "-schema.lock"  # beside the SQLite file, like its -wal and -shm
PG_SCHEMA_LOCK_KEY = 0x46444D47  # "FDMG": creating or migrating, apart from the writers' lock


def migrations_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", "")) / "frontdesk" / "store" / "migrations"
    if base.is_dir():  # frozen bundle
        return base
    return Path(__file__).with_name("migrations")


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    """The revision this version of the app migrates to (schema.HEAD)."""
    return HEAD


def current_revision(db: Database) -> str | None:
    """The database's revision; None when it has none (a new or empty database)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
        if len(rows) > 1:  # branches: let Alembic answer (it refuses with its own words)
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()
    return str(rows[0]) if rows else None


def check_not_newer(db: Database) -> None:
    """Refuse a database written by a newer version of the app."""
    _check_known(current_revision(db))


def _check_known(current: str | None) -> None:
    if current is None or current == HEAD:
        return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    try:
        known = script.get_revision(current)
    except Exception:
        known = None
    if known is None:
        raise DatabaseTooNew(
            "this database was written by a newer version of frontdesk "
            f"(schema {current}); install that version or newer to open it",
            found=current,
            supported=HEAD,
        )


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Connect and migrate to head; on SQLite copy the file first (backup API).

    Returns the backup path. Starts that find the database at head (nearly all) take no
    lock. Creating or migrating is done by one process at a time (schema_lock): several
    desks started together on one new database wait their turn, and each looks at the
    revision again once it holds the lock, so only the first one migrates.
    """
    if not _maybe_new_file(db):
        db.ping()
        if current_revision(db) == HEAD:
            return None
    with schema_lock(db):
        db.ping()  # a new SQLite file is made and switched to WAL here, by one process
        current = current_revision(db)
        if current == HEAD:
            return None
        _check_known(current)
        return _migrate(db, current, backup=backup)


def _migrate(db: Database, current: str | None, *, backup: bool) -> Path | None:
    from alembic import command

    backup_path = None
    if backup and db.is_sqlite and db.path is not None and _has_tables(db):
        from frontdesk.store.backup import backup_database

        backup_path = backup_database(db, reason=f"pre-migration-{current or 'none'}")
    with db.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup_path


@contextmanager
def schema_lock(db: Database) -> Iterator[None]:
    """One process at a time creates or migrates this database, on any PC.

    SQLite: the operating system's lock on a file beside the database (SQLite itself
    answers "database is locked" at once to two connections making one new file WAL).
    PostgreSQL: a session advisory lock (two concurrent CREATE TABLEs collide in pg_type).
    """
    if db.is_sqlite:
        if db.path is None:  # in memory: one process only
            yield
            return
        with filelock.exclusive(db.path.with_name(db.path.name + SCHEMA_LOCK_SUFFIX)):
            yield
        return
    with db.engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_SCHEMA_LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_SCHEMA_LOCK_KEY})
            conn.commit()


def _maybe_new_file(db: Database) -> bool:
    """True for a SQLite file that is missing, empty or not yet in WAL mode (being made).

    Reads the 100-byte header: bytes 18 and 19 are 2 once the file is in WAL mode.
    """
    if not db.is_sqlite or db.path is None:
        return False
    try:
        with db.path.open("rb") as f:
            header = f.read(20)
    except FileNotFoundError:
        return True
    return len(header) < 20 or not header.startswith(b"SQLite format 3\x00") or header[18] != 2


def _has_tables(db: Database) -> bool:
    return bool(inspect(db.engine).get_table_names())
