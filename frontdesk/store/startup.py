"""Start-up checks of a SQLite file, before anything writes to it.

First `recover`: an interrupted restore is finished, a hot rollback journal is rolled back
by SQLite itself, and temporary files of killed jobs are removed. Then `PRAGMA quick_check`,
the fast form of integrity_check (no index contents compared): a damaged file is not
opened, migrated or backed up, and the newest backup that passes the full integrity check
is named instead.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from frontdesk.store import filelock
from frontdesk.store.backup import backups_newest_first, integrity_problems
from frontdesk.store.restore import finish_interrupted, interrupted, schema_lock_path
from frontdesk.store.scratch import clean_leftovers


@dataclass(frozen=True)
class Damage:
    """A SQLite file that failed its quick check, and the newest sound backup (if any)."""

    path: Path
    problems: tuple[str, ...]
    good_backup: Path | None

    @property
    def first_problem(self) -> str:
        """SQLite's first complaint on one line (quick_check may span lines)."""
        return " ".join(self.problems[0].split()) if self.problems else ""


def recover(db_path: Path) -> None:
    """Bring the file back to a state SQLite and frontdesk can judge, before quick_check.

    Under the schema lock (the one creating, migrating and restoring take), and only when
    there is something to do: finish or undo a restore killed half-way (store.restore), and
    open the file read-write once when a rollback journal lies beside it, so SQLite rolls a
    hot journal back (a read-only open cannot, and would call the file damaged). Then the
    temporary files of killed backups, exports and restores are removed (store.scratch).
    """
    journal = db_path.with_name(db_path.name + "-journal")
    if interrupted(db_path) or _nonempty(journal):
        with filelock.exclusive(schema_lock_path(db_path)):
            finish_interrupted(db_path)
            if _nonempty(journal) and db_path.exists():
                _roll_back_hot_journal(db_path)
    clean_leftovers(db_path)


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _roll_back_hot_journal(db_path: Path) -> None:
    """One read-write read: SQLite rolls a hot journal back before it answers."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=15)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # judged by the quick check next, with SQLite's own words


def quick_check(path: Path) -> list[str]:
    """`PRAGMA quick_check` of an existing file, read-only; an empty list means sound.

    A file that cannot be read at all is a permission problem, not damage: that raises
    PermissionError. A file busy with a writer is not judged (empty list).
    """
    if not os.access(path, os.R_OK):
        raise PermissionError(errno.EACCES, "cannot read the database file", str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=15)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "unable to open" in text:
            raise PermissionError(errno.EACCES, text, str(path)) from exc
        if "locked" in text or "busy" in text:
            return []
        return [text]
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"...
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def is_frontdesk_database(path: Path) -> bool:
    """True when the file has a schema version recorded (a frontdesk database)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return row is not None


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup that passes `PRAGMA integrity_check` and is a frontdesk database."""
    for candidate in backups_newest_first(db_path):
        if not integrity_problems(candidate) and is_frontdesk_database(candidate):
            return candidate
    return None


def check_file(db_path: Path) -> Damage | None:
    """Quick-check an existing database file; Damage (with the backup to offer) or None."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    problems = quick_check(db_path)
    if not problems:
        return None
    return Damage(db_path, tuple(problems), newest_good_backup(db_path))
