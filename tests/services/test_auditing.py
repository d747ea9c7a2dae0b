"""The audit helper every write use case records through, and personal-data exports audited
before they are written."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.timeutil import at
from frontdesk.export.hours import HoursSheetWriter
from frontdesk.export.monthly import export_month
from frontdesk.services import auditing
from frontdesk.services.context import Desk
from frontdesk.store.models import AuditEntry, Site
from tests.support.clocks import Clock


def test_an_entry_is_by_the_desks_actor_at_the_desks_clock(desk: Desk, clock: Clock) -> None:
    clock.set(date(2026, 11, 3), 14, 5)
    with desk.db.write() as session:
        entry = auditing.record(session, desk, "test.one", "thing", 7, after={"n": 1})
    assert (entry.actor, entry.action, entry.entity, entry.entity_id) == (
        "supervisor:test",
        "test.one",
        "thing",
        "7",
    )
    assert entry.at == at(date(2026, 11, 3), time(14, 5)) and entry.before is None
    assert entry.after == {"n": 1}


def test_someone_else_at_an_instant_the_use_case_already_has(desk: Desk) -> None:
    when = at(date(2026, 11, 1), time(23, 59))
    with desk.db.write() as session:
        entry = auditing.record(session, desk, "test.two", "thing", actor="system", at=when)
    assert entry.actor == "system" and entry.at == when and entry.entity_id is None


def test_a_row_without_an_audit_view_is_refused(desk: Desk) -> None:
    with desk.db.read() as session:
        site = session.scalars(select(Site)).first()
        with pytest.raises(TypeError, match="Site"):
            auditing.snapshot(site)


def _personal_entries(desk: Desk) -> list[AuditEntry]:
    with desk.db.read() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.action == "export.personal_data"))
        )


def test_no_personal_export_is_written_when_its_entry_does_not_commit(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "month.xlsx"
    db = desk.db
    real_write = db.write

    @contextmanager
    def write_that_fails_to_commit(site: int | None = None) -> Iterator[Session]:
        with real_write(site) as session:
            yield session
            raise OSError("disk full at commit")  # rolls the entry back

    monkeypatch.setattr(db, "write", write_that_fails_to_commit)
    with pytest.raises(OSError, match="disk full"):
        export_month(desk, 2026, 11, out, include_personal=True)
    monkeypatch.undo()
    assert list(out.parent.iterdir()) == []  # no file, not even a temporary one
    assert [p for p in tmp_path.rglob("*") if p.name.startswith(".frontdesk-tmp-")] == []
    assert _personal_entries(desk) == []


def test_a_personal_export_is_audited_before_anything_is_written(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A process killed while it writes must leave the entry: it is committed before the
    # sheets (whose temporary files hold the phone numbers) are built or saved.
    out = tmp_path / "month.xlsx"
    entries_when_writing: list[int] = []
    real_init = HoursSheetWriter.__post_init__

    def building_the_hours_sheet(writer: HoursSheetWriter) -> None:
        entries_when_writing.append(len(_personal_entries(desk)))
        real_init(writer)

    monkeypatch.setattr(HoursSheetWriter, "__post_init__", building_the_hours_sheet)
    export_month(desk, 2026, 11, out, include_personal=True)
    assert entries_when_writing == [1]
    (entry,) = _personal_entries(desk)
    assert entry.entity_id == "2026-11" and entry.actor == "supervisor:test"
    assert entry.after == {"month": "2026-11", "file": str(out.resolve()), "personal": ["phone"]}
