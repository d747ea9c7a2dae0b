"""Bring a database to the app's schema: backup first, refuse a newer database."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseTooNew


def migrations_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", "")) / "frontdesk" / "store" / "migrations"
    if base.is_dir():  # frozen bundle
        return base
    return Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()


def check_not_newer(db: Database) -> None:
    """Refuse a database written by a newer version of the app."""
    current = current_revision(db)
    if current is None:
        return
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
            supported=head_revision(),
        )


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Migrate to head; on SQLite copy the file first (backup API). Returns the backup path."""
    check_not_newer(db)
    if not needs_upgrade(db):
        return None
    backup_path = None
    if backup and db.is_sqlite and db.path is not None and _has_tables(db):
        from frontdesk.store.backup import backup_database

        backup_path = backup_database(db, reason=f"pre-migration-{current_revision(db) or 'none'}")
    with db.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup_path


def _has_tables(db: Database) -> bool:
    return bool(inspect(db.engine).get_table_names())
