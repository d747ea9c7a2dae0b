"""The append-only audit log, its entries chained by SHA-256."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.store.models import AuditEntry

GENESIS = "0" * 64


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def entry_hash(
    prev_hash: str,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> str:
    payload = json.dumps(
        [prev_hash, _canonical(at), actor, action, entity, entity_id, before, after],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def head(session: Session) -> AuditEntry | None:
    return session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Add an entry chained to the current head; call inside a write transaction."""
    at = (at or datetime.now(UTC)).astimezone(UTC)
    last = head(session)
    prev = last.hash if last is not None else GENESIS
    before_c = _canonical(before) if before is not None else None
    after_c = _canonical(after) if after is not None else None
    eid = None if entity_id is None else str(entity_id)
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=eid,
        before=before_c,
        after=after_c,
        prev_hash=prev,
        hash=entry_hash(prev, at, actor, action, entity, eid, before_c, after_c),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    head_hash: str
    broken_at: int | None  # id of the first entry whose link or content does not verify
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session, *, upto: datetime | None = None) -> ChainReport:
    """Walk the chain from the start; report the first broken link."""
    prev = GENESIS
    count = 0
    stmt = select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    if upto is not None:
        stmt = stmt.where(AuditEntry.at <= upto)
    # yield_per streams through a server-side cursor on PostgreSQL: close it when
    # stopping early at a broken link, or it is left open on the connection.
    result = session.scalars(stmt)
    try:
        for e in result:
            if e.prev_hash != prev:
                return ChainReport(count, prev, e.id, "previous hash does not match")
            expected = entry_hash(
                e.prev_hash, e.at, e.actor, e.action, e.entity, e.entity_id, e.before, e.after
            )
            if expected != e.hash:
                return ChainReport(count, prev, e.id, "entry content was altered")
            prev = e.hash
            count += 1
    finally:
        result.close()
    return ChainReport(count, prev, None)
