"""The schema revision this version of the app writes, known without importing Alembic.

Start-up compares the database's revision with HEAD in plain SQL and only imports Alembic
(about 100 ms) when they differ. tests/store/test_schema_head.py asserts HEAD is the head
of the migration scripts, so adding a migration without moving HEAD fails the tests.
"""

from __future__ import annotations

HEAD = "0016"
VERSION_TABLE = "alembic_version"  # Alembic's default; env.py does not change it
