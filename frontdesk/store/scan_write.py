"""A decided desk scan recorded on PostgreSQL in one round trip (frontdesk_scan_write,
migration 0015): the attendance record, its receipt and its audit entry, or nothing when
the facts the decision was made on changed meanwhile.

The decision is the scan service's (services.attendance, core.attendance); this is only
how the store applies it on a server, instead of a write transaction of nine round trips
that held the audit chain's lock until its commit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

from frontdesk.store import audit
from frontdesk.store.db import Database, lost_to_another
from frontdesk.store.models import Attendance
from frontdesk.store.together import Rows, call_alone


@dataclass(frozen=True)
class Guard:
    """What the decision was made on, re-checked by the server under the volunteer's row
    lock: their open record (its id, None for none), their latest recorded instant, the
    ids of their records of `day`, and the version (updated_at) of the record changed."""

    volunteer_id: int
    open_id: int | None
    last_event: datetime | None
    day: date
    day_ids: tuple[int, ...]
    row_version: datetime | None  # None: a new record


@dataclass(frozen=True)
class Receipt:
    """The receipt of a desk's online scan (scan_receipt): received once by its scan id."""

    scan_id: str
    site_id: int
    desk: str
    code: str
    outcome: str


@dataclass(frozen=True)
class Entry:
    """The audit entry of the change (its entity id is the record's, known once written)."""

    at: datetime
    actor: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


_CALL = text(
    "SELECT attendance_id, audit_id FROM frontdesk_scan_write("
    "CAST(:volunteer AS integer), CAST(:open_id AS integer), CAST(:last AS timestamptz), "
    "CAST(:day AS date), CAST(:day_ids AS text), CAST(:row_id AS integer), "
    "CAST(:row_version AS timestamptz), CAST(:row AS json), CAST(:receipt AS json), "
    "CAST(:at AS timestamptz), CAST(:actor AS varchar), CAST(:action AS varchar), "
    "CAST(:entity AS varchar), CAST(:before AS json), CAST(:after AS json), "
    "CAST(:head AS text), CAST(:rest AS text))"
).columns(attendance_id=Integer, audit_id=Integer)


def write_scan(
    db: Database,
    guard: Guard,
    row: Attendance,
    receipt: Receipt | None,
    entry: Entry,
    then: Sequence[Executable] = (),
    as_read: dict[str, Any] | None = None,
) -> tuple[int | None, list[Rows]]:
    """Record `row` (a new record when its id is None, else its changed columns) with its
    receipt and audit entry, if `guard` still holds: the record's id, or None when another
    writer changed the volunteer's records meanwhile, or the server ended the call for
    another writer waiting on it (a deadlock; nothing was written); and the rows of
    the reads `then`, made once it committed. `as_read`: a changed record's columns (by
    key) as read, so only what the decision changed is written. One round trip, its own
    transaction."""
    before, after = audit.canonical(entry.before), audit.canonical(entry.after)
    head, rest = audit.tail_around_id(
        entry.at, entry.actor, entry.action, "attendance", before, after
    )
    values = _row_json(row, as_read)
    receipt_json = None
    if receipt is not None:
        receipt_json = {
            "scan_id": receipt.scan_id,
            "site_id": receipt.site_id,
            "desk": receipt.desk,
            "code": receipt.code[:32],
            "scanned_at": entry.at.isoformat(),
            "received_at": entry.at.isoformat(),
            "outcome": receipt.outcome,
        }
    statement = _CALL.bindparams(
        bindparam("volunteer", guard.volunteer_id),
        bindparam("open_id", guard.open_id),
        bindparam("last", guard.last_event),
        bindparam("day", guard.day),
        bindparam("day_ids", ",".join(str(i) for i in guard.day_ids) or None),
        bindparam("row_id", row.id),
        bindparam("row_version", guard.row_version),
        bindparam("row", json.dumps(values, ensure_ascii=False)),
        bindparam("receipt", None if receipt_json is None else json.dumps(receipt_json)),
        bindparam("at", entry.at),
        bindparam("actor", entry.actor),
        bindparam("action", entry.action),
        bindparam("entity", "attendance"),
        bindparam("before", None if before is None else json.dumps(before, ensure_ascii=False)),
        bindparam("after", None if after is None else json.dumps(after, ensure_ascii=False)),
        bindparam("head", head),
        bindparam("rest", rest),
    )
    try:
        rows, after_rows = call_alone(db, statement, then)
    except DBAPIError as exc:  # the server ended this call for another writer's sake
        if not lost_to_another(exc):
            raise
        return None, []
    if not rows:
        return None, after_rows
    written = int(rows[0][0])
    row.id = written
    return written, after_rows


def row_values(row: Attendance) -> dict[str, Any]:
    """The record's columns by name, the model's defaults filled in (a new record's are
    applied by SQLAlchemy at its insert, which the server function does not go through)."""
    out: dict[str, Any] = {}
    for column in Attendance.__table__.columns:  # type: ignore[attr-defined]
        value = getattr(row, column.key)
        default = column.default
        if value is None and default is not None and getattr(default, "is_scalar", False):
            value = default.arg
            setattr(row, column.key, value)
        out[column.name] = value
    return out


def _row_json(row: Attendance, as_read: dict[str, Any] | None) -> dict[str, Any]:
    """row_values() without the id, as JSON values (instants and days as ISO text): every
    column of a new record; of a changed one (`as_read`: its columns by key as the scan
    read them) only those the decision changed and its updated_at, so a column another
    writer set meanwhile, such as a handover note written while the scan waited for the
    record, is kept instead of written back as the scan had read it."""
    values = row_values(row)
    if as_read is not None:
        values = {
            column.name: values[column.name]
            for column in Attendance.__table__.columns  # type: ignore[attr-defined]
            if column.key == "updated_at" or as_read.get(column.key) != values[column.name]
        }
    return {
        name: value.isoformat() if isinstance(value, (datetime, date)) else value
        for name, value in values.items()
        if name != "id"
    }
