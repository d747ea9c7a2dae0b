"""Restoring the SQLite file from a backup so that at every instant a complete database lies
under the real name, or a journal beside it records how to finish.

1. The source is opened read-only and copied with SQLite's backup API into a staged file
   beside the database: a WAL beside the source comes along, so what was checked is what
   is restored. The staged file must pass `PRAGMA integrity_check`.
2. A journal (`<database>-restore`) records the staged file and where the current one goes.
3. The current file's WAL is folded in (checkpoint) and the file is put aside
   (`<stem>-replaced-<stamp><suffix>`, a hard link where the disk allows, else a copy, each
   through a temporary name). A damaged current file goes aside as it is, with its WAL.
4. The current WAL and SHM are removed: a WAL left there would be replayed onto the new file.
5. `os.replace(staged, database)`, the folder synced, the journal removed.

Killed before step 2, the database was never touched (the next start removes the staged
file); killed after it, the next start (`finish_interrupted`) does steps 3 to 5 again.
Everything runs under the schema lock that creating and migrating take.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from frontdesk.core.disk import is_disk_full
from frontdesk.store import filelock
from frontdesk.store.backup import integrity_problems
from frontdesk.store.errors import DatabaseDamaged, DiskFull, StoreError
from frontdesk.store.migrate import SCHEMA_LOCK_SUFFIX
from frontdesk.store.scratch import PREFIX, SQLITE_SIDE_FILES

JOURNAL_SUFFIX = "-restore"


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + JOURNAL_SUFFIX)


def staged_path(db_path: Path) -> Path:
    return db_path.with_name(f"{PREFIX}restore-{db_path.name}")


def schema_lock_path(db_path: Path) -> Path:
    """The file migrate.schema_lock locks: restoring waits for creating and migrating."""
    return db_path.with_name(db_path.name + SCHEMA_LOCK_SUFFIX)


def restore_database(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the database file by a checked copy of `backup_path`; see the module docstring.

    Returns where the replaced file was put (None when there was none). The caller makes
    sure no desk app is running (desklock.no_app_running) and the engine is closed.
    """
    with filelock.exclusive(schema_lock_path(db_path)):
        finish_interrupted(db_path)
        staged = staged_path(db_path)
        try:
            _stage(backup_path, staged)
        except BaseException:
            _remove(staged)
            raise
        aside = _aside_name(db_path) if db_path.exists() else None
        _write_journal(db_path, staged, aside)
        return _swap(db_path, staged, aside)


def interrupted(db_path: Path) -> bool:
    """True when a restore left something behind (its journal, staged file or draft)."""
    journal = journal_path(db_path)
    return any(p.exists() for p in (journal, staged_path(db_path), _journal_draft(journal)))


def finish_interrupted(db_path: Path) -> bool:
    """Complete a restore that was killed after its journal was written, or remove the staged
    file of one killed before it; True when something was done. The caller holds the lock.
    """
    journal = journal_path(db_path)
    staged = staged_path(db_path)
    _journal_draft(journal).unlink(missing_ok=True)  # killed while writing the journal
    if not journal.exists():
        existed = staged.exists()
        _remove(staged)
        return existed
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        aside = Path(record["aside"]) if record.get("aside") else None
    except (OSError, ValueError, KeyError, TypeError):
        aside = None  # the journal is written whole (os.replace): unreadable means no disk
    if staged.exists() and not _problems(staged):
        _swap(db_path, staged, aside)
    else:  # the swap was done, or the staged file is unusable: the real name is whole
        _remove(staged)
        journal.unlink(missing_ok=True)
    return True


def _stage(source: Path, staged: Path) -> None:
    """Copy `source` (read-only, its WAL included) to `staged` and check the copy."""
    _remove(staged)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=15)
        try:
            out = sqlite3.connect(str(staged))
            try:
                src.backup(out)
            finally:
                out.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise DiskFull(
                f"the disk holding {staged.parent} is full",
                folder=str(staged.parent),
                path=str(staged),
            ) from exc
        raise DatabaseDamaged(f"the backup {source} is damaged: {exc}", path=str(source)) from None
    problems = _problems(staged)
    if problems:
        raise DatabaseDamaged(f"the backup {source} is damaged: {problems[0]}", path=str(source))
    _fsync_file(staged)


def _problems(staged: Path) -> list[str]:
    """integrity_check of the staged copy, leaving no WAL or SHM of the check behind."""
    try:
        return integrity_problems(staged)
    finally:
        for suffix in SQLITE_SIDE_FILES:
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)


def _aside_name(db_path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return db_path.with_name(f"{db_path.stem}-replaced-{stamp}{db_path.suffix}")


def _write_journal(db_path: Path, staged: Path, aside: Path | None) -> None:
    journal = journal_path(db_path)
    tmp = _journal_draft(journal)
    record = {"staged": str(staged), "aside": str(aside) if aside else ""}
    tmp.write_text(json.dumps(record), encoding="utf-8")
    _fsync_file(tmp)
    os.replace(tmp, journal)
    _fsync_folder(journal.parent)


def _journal_draft(journal: Path) -> Path:
    return journal.with_name(f"{PREFIX}{journal.name}")


def _swap(db_path: Path, staged: Path, aside: Path | None) -> Path | None:
    """Steps 3 to 5: put the current file aside, then the staged one under the real name."""
    if db_path.exists() and aside is not None:
        if not aside.exists():
            _fold_wal(db_path)
            _keep(db_path, aside)
        # A damaged file's WAL was not folded in: it goes aside too, under the paired name.
        wal, aside_wal = (p.with_name(p.name + "-wal") for p in (db_path, aside))
        if wal.exists() and wal.stat().st_size > 0 and not aside_wal.exists():
            _keep(wal, aside_wal)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        staged.with_name(staged.name + suffix).unlink(missing_ok=True)  # from its check
    os.replace(staged, db_path)
    _fsync_folder(db_path.parent)
    journal_path(db_path).unlink(missing_ok=True)
    return aside


def _fold_wal(db_path: Path) -> bool:
    """Checkpoint the WAL into a sound file; False for a damaged one (never written to)."""
    if integrity_problems(db_path):
        return False
    try:
        conn = sqlite3.connect(str(db_path), timeout=15)
        try:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    if busy:
        raise StoreError(
            f"{db_path} is in use by another program; close it and restore again",
            path=str(db_path),
        )
    return True


def _keep(src: Path, dest: Path) -> None:
    """A complete copy of `src` at `dest` (a hard link, else a copy), or nothing at `dest`."""
    tmp = dest.with_name(f"{PREFIX}{dest.name}")
    _remove(tmp)
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
        _fsync_file(tmp)
    os.replace(tmp, dest)


def _remove(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in SQLITE_SIDE_FILES)):
        candidate.unlink(missing_ok=True)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows has no folder handles to sync
        return
    with contextlib.suppress(OSError):
        _fsync_file(folder)
