"""schema.HEAD, which start-up trusts without Alembic, is the head of the migration scripts."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from frontdesk.store import migrate
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseTooNew
from frontdesk.store.schema import HEAD


def test_head_constant_is_the_head_of_the_migration_scripts() -> None:
    scripts = ScriptDirectory(str(migrate.migrations_dir()))
    assert scripts.get_current_head() == HEAD
    assert migrate.head_revision() == HEAD


def test_current_revision_is_read_without_alembic(db: Database) -> None:
    assert migrate.current_revision(db) == HEAD
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000_older'"))
    assert migrate.current_revision(db) == "0000_older"
    assert migrate.current_revision(db) != migrate.head_revision()
    with pytest.raises(DatabaseTooNew):  # a revision the scripts do not know either
        migrate.check_not_newer(db)


def test_current_revision_of_an_empty_version_table_is_none(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    assert migrate.current_revision(db) is None
    assert migrate.current_revision(db) != migrate.head_revision()


def test_opening_a_current_database_does_not_import_alembic(sqlite_db: Database) -> None:
    """The check runs in a fresh interpreter: this test session has Alembic loaded already."""
    assert sqlite_db.path is not None
    script = (
        "import sys\n"
        "from frontdesk.store.db import Database\n"
        "from frontdesk.store import migrate\n"
        f"db = Database({sqlite_db.url.render_as_string(hide_password=False)!r})\n"
        "assert migrate.upgrade(db) is None\n"
        "migrate.check_not_newer(db)\n"
        "assert migrate.current_revision(db) == migrate.head_revision()\n"
        "print(sorted(m for m in sys.modules if m == 'alembic' or m.startswith('alembic.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
