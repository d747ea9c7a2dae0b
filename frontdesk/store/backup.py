"""Backups of the SQLite file through SQLite's online backup API (never a raw file copy)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from frontdesk.store import paths
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseDamaged, StoreError


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_database(db: Database, dest: Path | None = None, *, reason: str = "manual") -> Path:
    """Write a consistent copy of the live SQLite database and return its path."""
    if not db.is_sqlite or db.path is None:
        raise StoreError(
            "backups of a PostgreSQL database are made with pg_dump by its server admin"
        )
    if dest is None:
        folder = paths.backups_dir(db.path)
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"frontdesk-{_stamp()}-{reason}.sqlite3"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(str(db.path), timeout=15)
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    tmp.replace(dest)
    return dest


def integrity_problems(path: Path) -> list[str]:
    """`PRAGMA integrity_check` of a SQLite file; an empty list means it is sound."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def restore_database(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the database file by a checked backup; the current file is kept aside.

    Returns where the replaced file was put (None when there was none).
    """
    problems = integrity_problems(backup_path)
    if problems:
        raise DatabaseDamaged(
            f"the backup {backup_path} is damaged: {problems[0]}", path=str(backup_path)
        )
    aside = None
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.stem}-replaced-{_stamp()}{db_path.suffix}")
        # Fold the WAL into the main file before moving it, so the set-aside copy is whole.
        conn = sqlite3.connect(str(db_path))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        db_path.replace(aside)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.unlink()
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup_path, tmp)
    tmp.replace(db_path)
    return aside
