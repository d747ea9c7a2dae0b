"""Audit anchors kept outside the database: (entry count, head hash) pairs.

The hash chain alone proves only that the rows in the table agree with each other: who
can write the table can delete its tail, or re-hash every row after an edit, and the
chain still verifies. An anchor is a copy of the chain's position at one moment (how
many entries, and the hash of the last one) kept somewhere else: an append-only text
file in the data folder (one line per anchor), every backup file (its own chain's head)
and the monthly workbook on paper. `frontdesk check` verifies that each anchor it can
find still lies on the chain: the chain has at least that many entries and the entry at
that position has that hash.

A restore puts an older chain back on purpose; it writes a `restore` line, and anchors
taken before it beyond the restored count are superseded rather than broken.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.store import paths
from frontdesk.store.audit import GENESIS
from frontdesk.store.db import Database
from frontdesk.store.models import AuditEntry

_PAIR = re.compile(r"^\s*(\d{1,12})\s*:\s*([0-9a-fA-F]{64})\s*$")
FILE_SUFFIX = paths.ANCHOR_SUFFIX
RESTORE = "restore"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A position on the audit chain: `count` entries, the last of them hashing to `hash`.

    `source` says where it was found (check, sweep, backup, workbook, restore, paper);
    `note` names the file or month; `at` is when it was taken, when known.
    """

    count: int
    hash: str
    source: str = "paper"
    note: str = ""
    at: datetime | None = None

    @property
    def pair(self) -> str:
        """`COUNT:HASH`, as printed and as `frontdesk check --anchor` takes it."""
        return f"{self.count}:{self.hash}"


def parse(text: str, *, source: str = "paper") -> Anchor:
    """`COUNT:HASH` (a decimal count, 64 hex digits) as an Anchor; ValueError otherwise."""
    m = _PAIR.match(text)
    if m is None:
        raise ValueError(f"not an audit anchor (COUNT:HASH): {text!r}")
    return Anchor(int(m.group(1)), m.group(2).lower(), source)


def file_for(db: Database) -> Path:
    """The append-only anchor file of `db`: beside a SQLite file, in the data folder for a
    PostgreSQL server (one file per server and database on each PC)."""
    if db.path is not None:
        return file_beside(db.path)
    url = db.url
    name = f"{url.host or 'localhost'}-{url.port or 5432}-{url.database or ''}"
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return paths.data_dir() / f"postgresql-{safe}{FILE_SUFFIX}"


def file_beside(db_path: Path) -> Path:
    """The anchor file of the SQLite database at `db_path` (`<stem>-audit-anchors.txt`)."""
    return db_path.with_name(db_path.stem + FILE_SUFFIX)


def head(session: Session, known: Anchor | None = None) -> Anchor:
    """The chain's current position as the table holds it (not verified here).

    With `known`, a position written down earlier (the anchor file's last line), only the
    entries after its entry are counted: the sweep, every minute, reads what was added
    since instead of counting years of log. A `known` hash the table does not hold (a
    restored or replaced database) is ignored and the whole log is counted.
    """
    last = session.scalars(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    if known is not None and last is not None:
        known_id = session.scalar(select(AuditEntry.id).where(AuditEntry.hash == known.hash))
        if known_id is not None:
            newer = session.execute(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.id > known_id)
            ).scalar_one()
            return Anchor(known.count + int(newer), last, "database")
    count = int(session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())
    return Anchor(count, last or GENESIS, "database")


def of_sqlite_file(path: Path) -> Anchor | None:
    """The chain head inside a SQLite file (a backup), read-only; None when it has no log."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            count = conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
            row = conn.execute("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    when = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return Anchor(int(count), row[0] if row else GENESIS, "backup", path.name, when)


def append(file: Path, anchor: Anchor, *, skip_same: bool = True) -> bool:
    """Add one line to the anchor file (created when missing), flushed to disk.

    With `skip_same` nothing is written when the last line already holds the same
    position (the sweep calls this every minute). Returns True when a line was written.
    """
    if skip_same and anchor.source != RESTORE:
        last = _last_line(file)
        if last is not None and last.pair == anchor.pair:
            return False
    at = (anchor.at or datetime.now(UTC)).astimezone(UTC)
    note = anchor.note.replace("\t", " ").replace("\n", " ")
    line = f"{at.isoformat()}\t{anchor.source}\t{anchor.pair}\t{note}\n"
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())
    return True


def read(file: Path) -> list[Anchor]:
    """Every anchor in the file, in the order written; unreadable lines are skipped."""
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    return [a for a in (_parse_line(line) for line in text.splitlines()) if a is not None]


def _parse_line(line: str) -> Anchor | None:
    parts = line.split("\t")
    if len(parts) < 3:
        return None
    try:
        at = datetime.fromisoformat(parts[0])
        found = parse(parts[2], source=parts[1])
    except ValueError:
        return None
    note = parts[3] if len(parts) > 3 else ""
    return Anchor(found.count, found.hash, found.source, note, at)


def last(file: Path) -> Anchor | None:
    """The anchor file's last line (None: no file or no line yet)."""
    return _last_line(file)


def _last_line(file: Path) -> Anchor | None:
    try:
        with file.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 4096))
            tail = fh.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    lines = [line for line in tail.splitlines() if line.strip()]
    return _parse_line(lines[-1]) if lines else None


def superseded(anchor: Anchor, restores: list[Anchor]) -> bool:
    """True when a later restore put back a shorter chain than `anchor` recorded."""
    if anchor.at is None:
        return False
    return any(r.at is not None and anchor.at < r.at and anchor.count > r.count for r in restores)
