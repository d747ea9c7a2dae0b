"""The desk's journal of offline scans: one row per scan the desk recorded while the server
was out of reach, in the replica's file and transaction (WAL, synchronous=FULL), so a scan
acknowledged to a volunteer is on disk before its answer is shown and survives a crash or
a power cut.

Rows are uploaded in `seq` order (the order they were made) and marked uploaded, never
deleted until the next outage-free refresh has nothing left to do with them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import Session

from frontdesk.store.db import Database
from frontdesk.store.types import UTCDateTime

SCAN, UNDO = "scan", "undo"  # a card scan; the take-back (按錯了？) of an offline sign-out

metadata = MetaData()
offline_scan = Table(
    "offline_scan",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", String(36), nullable=False, unique=True),
    Column("kind", String(8), nullable=False),
    Column("code", String(32), nullable=False),
    Column("confirm_walk_in", Boolean, nullable=False),
    Column("confirm_sign_out", Boolean, nullable=False),
    Column("scanned_at", UTCDateTime(), nullable=False),
    Column("clock_suspect", Boolean, nullable=False),  # the PC's clock state then
    Column("outcome", String(24), nullable=False),  # what the volunteer was told
    Column("status", String(20)),
    Column("slot", String(8)),
    Column("target_scan_id", String(36)),  # UNDO: the sign-out taken back
    Column("uploaded_at", UTCDateTime()),
    Column("server_outcome", String(24)),
    Column("conflict", String(40)),
)


@dataclass(frozen=True)
class Entry:
    """One journaled scan, as it is replayed."""

    seq: int
    scan_id: str
    kind: str
    code: str
    confirm_walk_in: bool
    confirm_sign_out: bool
    scanned_at: datetime
    clock_suspect: bool
    outcome: str
    status: str | None
    slot: str | None
    target_scan_id: str | None


def new_scan_id() -> str:
    """A scan's id: a random UUID, unique across desks without asking anyone."""
    return str(uuid.uuid4())


def create(db: Database) -> None:
    metadata.create_all(db.engine)


def exists(db: Database) -> bool:
    return inspect(db.engine).has_table("offline_scan")


def append(session: Session, entry: Entry) -> None:
    """Journal `entry` in the caller's transaction (its `seq` is given by the table)."""
    values = {k: v for k, v in entry.__dict__.items() if k != "seq"}
    session.execute(insert(offline_scan), values)


def count_pending_in(session: Session) -> int:
    stmt = (
        select(func.count()).select_from(offline_scan).where(offline_scan.c.uploaded_at.is_(None))
    )
    return int(session.execute(stmt).scalar_one())


def count_pending(db: Database) -> int:
    """Scans recorded offline and not yet received by the server."""
    with db.read() as session:
        return count_pending_in(session)


def next_pending(db: Database) -> Entry | None:
    """The oldest scan not yet uploaded."""
    found = pending(db, 1)
    return found[0] if found else None


def pending(db: Database, limit: int) -> list[Entry]:
    """The oldest `limit` scans not yet uploaded, in their order."""
    with db.read() as session:
        rows = session.execute(
            select(offline_scan)
            .where(offline_scan.c.uploaded_at.is_(None))
            .order_by(offline_scan.c.seq)
            .limit(limit)
        ).all()
    return [Entry(**{f: r._mapping[f] for f in Entry.__dataclass_fields__}) for r in rows]


def mark_uploaded(
    db: Database, seq: int, at: datetime, server_outcome: str, conflict: str | None
) -> None:
    """The server received scan `seq` (now or on an earlier, interrupted try)."""
    mark_all_uploaded(db, [(seq, server_outcome, conflict)], at)


def mark_all_uploaded(db: Database, done: list[tuple[int, str, str | None]], at: datetime) -> None:
    """The server received these scans (seq, its outcome, the conflict): one transaction."""
    # The desk's own SQLite journal: one writer anyway, no site lock to take.
    with db.write() as session:
        for seq, server_outcome, conflict in done:
            session.execute(
                update(offline_scan)
                .where(offline_scan.c.seq == seq)
                .values(uploaded_at=at, server_outcome=server_outcome, conflict=conflict)
            )


def last_upload(db: Database) -> datetime | None:
    with db.read() as session:
        value = session.execute(select(func.max(offline_scan.c.uploaded_at))).scalar()
    return value if isinstance(value, datetime) else None
