"""The audit chain: built by append, checked by verify, append-only in the database itself."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from frontdesk.store import audit
from frontdesk.store.db import Database
from frontdesk.store.models import AuditEntry

T0 = datetime(2025, 3, 4, 1, 0, tzinfo=UTC)


def _fill(db: Database, n: int = 4) -> list[int]:
    with db.write() as s:
        entries = [
            audit.append(
                s,
                actor="督導 林",
                action="attendance.correct",
                entity="attendance",
                entity_id=i,
                before={"status": "late", "minutes": i} if i % 2 else None,
                after={"status": "present", "at": T0 + timedelta(minutes=i), "tags": ["a", i]},
                at=T0 + timedelta(minutes=i),
            )
            for i in range(1, n + 1)
        ]
    return [e.id for e in entries]  # on PostgreSQL chained at the commit (store.db.at_commit)


def test_append_builds_a_chain_that_verifies(db: Database) -> None:
    ids = _fill(db)
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        report = audit.verify(s)
    assert [e.id for e in entries] == ids
    assert entries[0].prev_hash == audit.GENESIS
    for prev, cur in itertools.pairwise(entries):
        assert cur.prev_hash == prev.hash
    assert report.ok
    assert report.entries == 4
    assert report.head_hash == entries[-1].hash
    assert entries[0].after == {
        "status": "present",
        "at": (T0 + timedelta(minutes=1)).isoformat(),
        "tags": ["a", 1],
    }


def test_empty_chain_verifies(db: Database) -> None:
    with db.read() as s:
        report = audit.verify(s)
    assert report.ok
    assert (report.entries, report.head_hash) == (0, audit.GENESIS)


def test_chain_continues_across_transactions(db: Database) -> None:
    _fill(db, 2)
    _fill(db, 2)
    with db.read() as s:
        report = audit.verify(s)
        assert report.entries == 4
        assert report.ok


def test_verify_upto_stops_at_the_instant(db: Database) -> None:
    _fill(db, 4)
    with db.read() as s:
        report = audit.verify(s, upto=T0 + timedelta(minutes=2))
    assert report.ok
    assert report.entries == 2


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'someone else'",
        "DELETE FROM audit_entry",
    ],
    ids=["update", "delete"],
)
def test_audit_table_is_append_only(db: Database, statement: str) -> None:
    _fill(db, 2)
    with pytest.raises(DBAPIError, match="append-only"), db.write() as s:
        s.execute(text(statement))
    with db.read() as s:
        assert audit.verify(s).entries == 2
        assert set(s.scalars(select(AuditEntry.actor))) == {"督導 林"}


def test_orm_update_is_refused_too(db: Database) -> None:
    (first, *_) = _fill(db, 2)
    with pytest.raises(DBAPIError, match="append-only"), db.write() as s:
        entry = s.get(AuditEntry, first)
        assert entry is not None
        entry.action = "nothing.happened"
        s.flush()


def test_postgres_refuses_truncate(pg_db: Database) -> None:
    _fill(pg_db, 1)
    with pytest.raises(DBAPIError, match="append-only"), pg_db.write() as s:
        s.execute(text("TRUNCATE audit_entry"))


def _allow_tampering(db: Database) -> None:
    """What an attacker with raw database access would do first."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.execute(text("DROP TRIGGER audit_entry_no_update"))
            conn.execute(text("DROP TRIGGER audit_entry_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"))


def test_verify_names_the_altered_entry(db: Database) -> None:
    ids = _fill(db, 4)
    _allow_tampering(db)
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entry SET actor = 'mallory' WHERE id = :id"), {"id": ids[2]}
        )
    with db.read() as s:
        report = audit.verify(s)
    assert not report.ok
    assert report.broken_at == ids[2]
    assert report.entries == 2
    assert report.problem == "entry content was altered"


def test_verify_names_the_entry_after_a_deleted_one(db: Database) -> None:
    ids = _fill(db, 4)
    _allow_tampering(db)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": ids[1]})
    with db.read() as s:
        report = audit.verify(s)
    assert report.broken_at == ids[2]
    assert report.problem == "previous hash does not match"


def test_verify_catches_rehashed_entry(db: Database) -> None:
    """Recomputing an altered entry's own hash still breaks the next link."""
    ids = _fill(db, 3)
    _allow_tampering(db)
    with db.read() as s:
        e = s.get(AuditEntry, ids[0])
        assert e is not None
        forged = audit.entry_hash(
            e.prev_hash, e.at, "mallory", e.action, e.entity, e.entity_id, e.before, e.after
        )
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entry SET actor = 'mallory', hash = :h WHERE id = :id"),
            {"h": forged, "id": ids[0]},
        )
    with db.read() as s:
        report = audit.verify(s)
    assert report.broken_at == ids[1]
    assert report.entries == 1


def test_append_all_chains_the_same_entries_as_append_one_by_one(db: Database) -> None:
    at = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    pending = [
        audit.Pending(
            "supervisor:a", "volunteer.add", "volunteer", n, after={"code": f"V{n}"}, at=at
        )
        for n in range(1, 4)
    ] + [audit.Pending("supervisor:a", "volunteer.import", "volunteer", before={"n": 3}, at=at)]
    _fill(db, 2)
    with db.write() as s:
        assert audit.append_all(s, pending) == 4
        assert audit.append_all(s, []) == 0
    with db.read() as s:
        bulk = [
            (e.prev_hash, e.hash) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
        assert audit.verify(s).ok
    # what append() would have chained, entry by entry, from the same head
    one_by_one = []
    prev = bulk[1][1]
    for p in pending:
        digest = audit.entry_hash(
            prev, at, p.actor, p.action, p.entity,
            None if p.entity_id is None else str(p.entity_id), p.before, p.after,
        )  # fmt: skip
        one_by_one.append((prev, digest))
        prev = digest
    assert bulk[2:] == one_by_one
