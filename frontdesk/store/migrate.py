"""Bring a database to the app's schema: backup first, refuse a newer database.

A database already at the app's revision (every start but the first after an update) is
recognised with one plain query against schema.HEAD; Alembic is imported only to migrate or
to judge a revision the app does not know.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseTooNew
from frontdesk.store.schema import HEAD, VERSION_TABLE

if TYPE_CHECKING:
    from alembic.config import Config


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


def script_head_revision() -> str:
    """The head of the migration scripts, asked of Alembic (tests keep HEAD equal to it)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


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


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != HEAD


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
    """Migrate to head; on SQLite copy the file first (backup API). Returns the backup path."""
    current = current_revision(db)
    if current == HEAD:
        return None
    _check_known(current)
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


def _has_tables(db: Database) -> bool:
    return bool(inspect(db.engine).get_table_names())
