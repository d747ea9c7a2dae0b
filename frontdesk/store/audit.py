"""The append-only audit log, its entries chained by SHA-256."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from frontdesk.store.db import PG_CHAIN_LOCK_KEY, at_commit, send_queued
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


def _chain_head(session: Session) -> AuditEntry | None:
    """The head to chain after, read once this transaction holds the chain (PostgreSQL:
    writers of different sites run at once, store.db.write(site=...), and each appends
    under PG_CHAIN_LOCK_KEY until it commits; SQLite has one writer). Entries append()
    queued for the commit are chained first, so the chain keeps the order they came in."""
    if session.get_bind().dialect.name == "postgresql":
        send_queued(session)
        session.execute(select(func.pg_advisory_xact_lock(PG_CHAIN_LOCK_KEY)))
    return head(session)


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
    before_c = _canonical(before) if before is not None else None
    after_c = _canonical(after) if after is not None else None
    eid = None if entity_id is None else str(entity_id)
    if session.get_bind().dialect.name == "postgresql":
        return _append_in_server(session, at, actor, action, entity, eid, before_c, after_c)
    last = head(session)
    prev = last.hash if last is not None else GENESIS
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


def _append_in_server(
    session: Session,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    eid: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    """append() on PostgreSQL: the server chains the entry under the chain's lock
    (frontdesk_audit_append, migration 0012) from its canonical JSON without the previous
    hash, sent with the transaction's COMMIT (store.db.at_commit), so the chain's lock,
    which every writer shares, is held from there to the commit only, on the server.
    The entry returned gets its id and hashes once the transaction committed (it is not
    added to the session; the transaction does not read it back)."""
    hashed = json.dumps(
        [GENESIS, _canonical(at), actor, action, entity, eid, before, after],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    tail = hashed[len(json.dumps([GENESIS])) :]  # what follows '["<previous hash>",'
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=eid,
        before=before,
        after=after,
    )

    def chained(row: Any) -> None:
        entry.id, entry.prev_hash, entry.hash = row[0], row[1], row[2]

    params = (
        at,
        actor,
        action,
        entity,
        eid,
        None if before is None else json.dumps(before, ensure_ascii=False),
        None if after is None else json.dumps(after, ensure_ascii=False),
        tail,
    )
    at_commit(session, _APPEND_SQL, params, chained)
    return entry


_APPEND_SQL = (
    "SELECT entry_id, entry_prev, entry_hash FROM frontdesk_audit_append("
    "CAST({} AS timestamptz), {}, {}, {}, {}, CAST({} AS json), CAST({} AS json), {})"
)


def tail_around_id(
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> tuple[str, str]:
    """The hashed text of an entry (entry_hash) after its previous hash, in two parts: what
    comes before its entity id and what follows it, for a server function that learns the
    id as it writes the record (migration 0015): the whole text is
    '["<previous hash>",' + head + '"<id>",' + rest. `before` and `after` canonical."""

    def dumped(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    head = "".join(dumped(v) + "," for v in (_canonical(at), actor, action, entity))
    rest = f"{dumped(before)},{dumped(after)}]"
    return head, rest


def canonical(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """`value` as the chain hashes and keeps it (instants as UTC ISO text)."""
    return None if value is None else _canonical(value)


@dataclass(frozen=True, slots=True)
class Pending:
    """An entry to chain with others in one go (append_all)."""

    actor: str
    action: str
    entity: str
    entity_id: object = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    at: datetime | None = None


def append_all(session: Session, entries: Iterable[Pending]) -> int:
    """Chain `entries`, in order, after the current head with one read of the head and one
    multi-row insert: the same entries as append() one by one, without a round trip each
    (an import of thousands of rows held the writers' lock for tens of seconds). Call
    inside a write transaction; returns how many were added."""
    last = _chain_head(session)
    prev = last.hash if last is not None else GENESIS
    rows = []
    for e in entries:
        at = (e.at or datetime.now(UTC)).astimezone(UTC)
        before_c = _canonical(e.before) if e.before is not None else None
        after_c = _canonical(e.after) if e.after is not None else None
        eid = None if e.entity_id is None else str(e.entity_id)
        digest = entry_hash(prev, at, e.actor, e.action, e.entity, eid, before_c, after_c)
        rows.append(
            {
                "at": at,
                "actor": e.actor,
                "action": e.action,
                "entity": e.entity,
                "entity_id": eid,
                "before": before_c,
                "after": after_c,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if rows:
        session.execute(insert(AuditEntry), rows)
    return len(rows)


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    head_hash: str
    broken_at: int | None  # id of the first entry whose link or content does not verify
    problem: str = ""
    # The hash at each asked position (a count of entries from the start; 0 is GENESIS),
    # for the positions the verified part of the chain reaches.
    at_counts: dict[int, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(
    session: Session, *, upto: datetime | None = None, positions: Iterable[int] = ()
) -> ChainReport:
    """Walk the chain from the start; report the first broken link.

    `positions` are entry counts whose hash the report keeps (`at_counts`), so anchors
    kept outside the table can be compared with the chain in the same single pass.
    """
    wanted = set(positions)
    found: dict[int, str] = {0: GENESIS} if 0 in wanted else {}
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
                return ChainReport(count, prev, e.id, "previous hash does not match", found)
            expected = entry_hash(
                e.prev_hash, e.at, e.actor, e.action, e.entity, e.entity_id, e.before, e.after
            )
            if expected != e.hash:
                return ChainReport(count, prev, e.id, "entry content was altered", found)
            prev = e.hash
            count += 1
            if count in wanted:
                found[count] = prev
    finally:
        result.close()
    return ChainReport(count, prev, None, "", found)


# --- the database's own guard: the triggers that refuse UPDATE, DELETE and TRUNCATE -------

_SQLITE_TRIGGERS = {
    f"audit_entry_no_{verb.lower()}": (
        f"CREATE TRIGGER audit_entry_no_{verb.lower()} BEFORE {verb} ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    for verb in ("UPDATE", "DELETE")
}
_PG_TRIGGERS = {
    "audit_entry_append_only": ("BEFORE", "UPDATE", "DELETE", "FOR EACH ROW"),
    "audit_entry_no_truncate": ("BEFORE", "TRUNCATE", "FOR EACH STATEMENT"),
}


def guard_problems(session: Session) -> list[tuple[str, str]]:
    """What is wrong with the triggers that keep the log append-only; empty when sound.

    SQLite: both triggers exist with the text the migration wrote. PostgreSQL: both
    triggers exist, fire in normal operation (enabled, not replica-only) and call a
    function that raises. One (trigger name, "missing" | "disabled" | "changed") each.
    """
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(
            text(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'audit_entry'"
            )
        )
        have = {str(name): " ".join(str(sql or "").split()) for name, sql in rows}
        problems: list[tuple[str, str]] = []
        for name, sql in _SQLITE_TRIGGERS.items():
            if name not in have:
                problems.append((name, "missing"))
            elif have[name] != sql:
                problems.append((name, "changed"))
        return problems
    return _pg_guard_problems(session)


def _pg_guard_problems(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        text(
            "SELECT t.tgname, t.tgenabled, pg_get_triggerdef(t.oid), p.prosrc "
            "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE t.tgrelid = 'audit_entry'::regclass AND NOT t.tgisinternal"
        )
    )
    have = {str(r[0]): (str(r[1]), str(r[2]).upper(), str(r[3]).upper()) for r in rows}
    problems: list[tuple[str, str]] = []
    for name, words in _PG_TRIGGERS.items():
        if name not in have:
            problems.append((name, "missing"))
            continue
        enabled, definition, body = have[name]
        if enabled not in ("O", "A"):  # D: disabled, R: fires only on a replica
            problems.append((name, "disabled"))
        if not all(w in definition for w in words) or "RAISE EXCEPTION" not in body:
            problems.append((name, "changed"))
    return problems
