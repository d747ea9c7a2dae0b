"""The audit chain anchored outside its table: `check` sees dropped or disabled triggers, a
deleted log, a cut tail, a forged row chained correctly and an edit with the rest re-hashed.

Each attack below passed `check` ("chain intact") before the anchors: the chain alone only
proves that the rows agree with each other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from frontdesk.services import anchoring, maintenance
from frontdesk.services.context import Desk
from frontdesk.services.housekeeping import sweep
from frontdesk.store import anchors, audit
from frontdesk.store.db import Database
from frontdesk.store.models import AuditEntry

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_entry_no_{verb.lower()} BEFORE {verb} ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    for verb in ("UPDATE", "DELETE")
]
PG_TRIGGERS = ("audit_entry_append_only", "audit_entry_no_truncate")


def _entries(db: Database, n: int, actor: str = "tester") -> None:
    with db.write() as session:
        for i in range(n):
            audit.append(session, actor=actor, action="test.step", entity="test", entity_id=i)


def _unguard(db: Database) -> None:
    """What someone with write access does first: switch the append-only triggers off."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.execute(text("DROP TRIGGER audit_entry_no_update"))
            conn.execute(text("DROP TRIGGER audit_entry_no_delete"))
        else:
            for name in PG_TRIGGERS:
                conn.execute(text(f"ALTER TABLE audit_entry DISABLE TRIGGER {name}"))


def _reguard(db: Database) -> None:
    """... and last: put them back, so the triggers check finds nothing."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            for sql in SQLITE_TRIGGERS:
                conn.execute(text(sql))
        else:
            for name in PG_TRIGGERS:
                conn.execute(text(f"ALTER TABLE audit_entry ENABLE TRIGGER {name}"))


def _rehash_from(db: Database, first_id: int) -> None:
    """Recompute every link and hash from `first_id` on, as a careful forger would."""
    with db.write() as session:
        rows = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        prev = audit.GENESIS
        for e in rows:
            if e.id >= first_id:
                e.prev_hash = prev
                e.hash = audit.entry_hash(
                    prev, e.at, e.actor, e.action, e.entity, e.entity_id, e.before, e.after
                )
                session.flush()
            prev = e.hash


def _anchored(desk: Desk) -> maintenance.CheckReport:
    """A sound check, which writes the head it verified to the anchor file."""
    report = maintenance.check(desk)
    assert report.ok, report
    assert report.head is not None
    return report


def test_a_sound_desk_checks_its_triggers_and_records_an_anchor(desk: Desk) -> None:
    _entries(desk.db, 3)
    report = _anchored(desk)
    assert report.audit_guard == []
    written = anchors.read(anchors.file_for(desk.db))
    assert written[-1].pair == report.head.pair if report.head else False
    assert written[-1].count == report.audit_entries
    again = maintenance.check(desk)
    assert again.ok and again.anchors.checked >= 1 and not again.anchors.problems


def test_triggers_dropped_and_whole_log_deleted_fails(desk: Desk) -> None:
    _entries(desk.db, 5)
    _anchored(desk)
    _unguard(desk.db)
    with desk.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))
    report = maintenance.check(desk)
    assert not report.ok
    assert report.audit_entries == 0 and report.audit_broken_at is None  # the chain alone: fine
    assert report.audit_guard  # the guard is gone
    reasons = {p.reason for p in report.anchors.problems}
    assert reasons == {anchoring.BEYOND}


def test_dropped_triggers_alone_fail(desk: Desk) -> None:
    _unguard(desk.db)
    report = maintenance.check(desk)
    assert not report.ok
    expected = "disabled" if not desk.db.is_sqlite else "missing"
    assert {what for _name, what in report.audit_guard} == {expected}
    assert len(report.audit_guard) == 2


def test_last_fifty_entries_cut_off_fails(desk: Desk) -> None:
    _entries(desk.db, 60)
    before = _anchored(desk)
    _unguard(desk.db)
    with desk.db.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM audit_entry ORDER BY id DESC"))]
        for entry_id in ids[:50]:
            conn.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": entry_id})
    _reguard(desk.db)
    report = maintenance.check(desk)
    assert report.audit_broken_at is None and report.audit_guard == []  # what fooled check
    assert report.audit_entries == before.audit_entries - 50
    assert not report.ok
    problem = report.anchors.problems[0]
    assert problem.reason == anchoring.BEYOND and problem.anchor.count == before.audit_entries


def test_forged_row_chained_correctly_fails(desk: Desk) -> None:
    _entries(desk.db, 10)
    before = _anchored(desk)
    _unguard(desk.db)
    with desk.db.write() as session:
        rows = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        # The last real entry is replaced by a forged one, correctly chained to its
        # predecessor: the count stays the same, the chain verifies.
        session.delete(rows[-1])
        session.flush()
        audit.append(session, actor="supervisor:boss", action="forged", entity="test")
    _reguard(desk.db)
    report = maintenance.check(desk)
    assert report.audit_broken_at is None and report.audit_entries == before.audit_entries
    assert not report.ok
    assert [p.reason for p in report.anchors.problems] == [anchoring.OFF_CHAIN]


def test_edit_with_the_rest_rehashed_fails(desk: Desk) -> None:
    _entries(desk.db, 10)
    before = _anchored(desk)
    _unguard(desk.db)
    with desk.db.engine.begin() as conn:
        third = conn.execute(text("SELECT id FROM audit_entry ORDER BY id LIMIT 1 OFFSET 2"))
        third_id = third.scalar_one()
        conn.execute(
            text("UPDATE audit_entry SET actor = 'mallory' WHERE id = :id"), {"id": third_id}
        )
    _rehash_from(desk.db, third_id)
    _reguard(desk.db)
    with desk.db.read() as session:
        assert audit.verify(session).ok  # the chain alone cannot tell
    report = maintenance.check(desk)
    assert not report.ok
    problem = report.anchors.problems[0]
    assert problem.reason == anchoring.OFF_CHAIN and problem.anchor.count == before.audit_entries


def test_a_paper_anchor_is_verified(desk: Desk) -> None:
    _entries(desk.db, 4)
    paper = anchors.parse(_anchored(desk).head.pair)  # type: ignore[union-attr]
    _entries(desk.db, 2)
    report = maintenance.check(desk, anchor=paper)
    assert report.ok and report.paper_ok
    forged = anchors.parse(f"{paper.count}:{'ab' * 32}")
    report = maintenance.check(desk, anchor=forged)
    assert not report.ok and not report.paper_ok
    too_long = anchors.parse(f"{paper.count + 100}:{paper.hash}")
    assert not maintenance.check(desk, anchor=too_long).paper_ok


def test_anchor_parse_refuses_what_is_not_one() -> None:
    for bad in ("", "12", "12:abc", "x:" + "a" * 64, "-1:" + "a" * 64):
        with pytest.raises(ValueError):
            anchors.parse(bad)
    assert anchors.parse(" 7 : " + "AB" * 32).pair == "7:" + "ab" * 32


def test_the_sweep_writes_the_head_only_when_it_moved(desk: Desk) -> None:
    file = anchors.file_for(desk.db)
    sweep(desk, daily_backup=False)
    lines = anchors.read(file)
    assert lines and lines[-1].source == "sweep"
    sweep(desk, daily_backup=False)
    assert len(anchors.read(file)) == len(lines)
    _entries(desk.db, 1)
    sweep(desk, daily_backup=False)
    assert len(anchors.read(file)) == len(lines) + 1


def test_postgresql_trigger_disabled_or_replica_only_fails(pg_db: Database) -> None:
    with pg_db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"))
    report = maintenance.check(pg_db)
    assert not report.ok
    assert report.audit_guard == [("audit_entry_append_only", "disabled")]
    with pg_db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only"))
        conn.execute(text("ALTER TABLE audit_entry ENABLE REPLICA TRIGGER audit_entry_no_truncate"))
    report = maintenance.check(pg_db)
    assert report.audit_guard == [("audit_entry_no_truncate", "disabled")]


def test_sqlite_trigger_replaced_by_one_that_allows_fails(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_entry_no_delete"))
        conn.execute(
            text(
                "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
                "BEGIN SELECT 1; END"
            )
        )
    report = maintenance.check(sqlite_db)
    assert report.audit_guard == [("audit_entry_no_delete", "changed")]


def test_a_backup_anchors_the_chain_when_the_anchor_file_is_gone(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _entries(sqlite_db, 20)
    maintenance.backup(sqlite_db)
    anchors.file_for(sqlite_db).unlink()  # the forger removes the file too
    _unguard(sqlite_db)
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id > 5"))
    _reguard(sqlite_db)
    report = maintenance.check(sqlite_db)
    assert not report.ok
    assert [p.anchor.source for p in report.anchors.problems] == ["backup"]


def test_a_restore_supersedes_the_anchors_of_the_chain_it_replaced(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _entries(sqlite_db, 5)
    copy = maintenance.backup(sqlite_db, tmp_path / "older")
    _entries(sqlite_db, 5)
    assert maintenance.check(sqlite_db).ok  # anchors the longer chain
    path = sqlite_db.path
    assert path is not None
    sqlite_db.dispose()
    maintenance.restore(path, copy)
    restored = Database(f"sqlite+pysqlite:///{path}")
    try:
        report = maintenance.check(restored)
        assert report.ok, report.anchors.problems
        assert report.anchors.superseded >= 1
        written = anchors.read(anchors.file_beside(path))
        assert [a.source for a in written][-2:] == ["check", anchors.RESTORE]
        assert written[-1].count == 5
    finally:
        restored.dispose()
