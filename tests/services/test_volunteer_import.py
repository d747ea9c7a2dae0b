"""An import chains the entries adding and updating one by one would, names by reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from frontdesk.services.auditing import Personal, is_reference, resolve, snapshot
from frontdesk.services.context import Desk
from frontdesk.services.volunteer_io import import_volunteers
from frontdesk.store import audit
from frontdesk.store.models import AuditEntry, AuditPersonal, Volunteer
from tests.support.sheets import VOLUNTEER_HEADER, write_sheet


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """An audit view as `resolve` gives it back: each Personal as its value."""
    return {k: v.value if isinstance(v, Personal) else v for k, v in values.items()}


def test_an_import_chains_one_entry_per_changed_row_in_the_sheets_order(
    desk: Desk, tmp_path: Path
) -> None:
    header = VOLUNTEER_HEADER[:2]
    import_volunteers(
        desk, write_sheet(tmp_path / "a.xlsx", header, [["V001", "甲"], ["V002", "乙"]])
    )
    with desk.db.read() as s:
        first = s.scalar(select(func.max(AuditEntry.id)))
        old = _plain(snapshot(s.scalars(select(Volunteer).where(Volunteer.code == "V001")).one()))
    rows = [["V003", "丙"], ["V001", "甲改"], ["V002", "乙"], ["V004", "丁"]]
    report = import_volunteers(desk, write_sheet(tmp_path / "b.xlsx", header, rows))
    assert (report.added, report.updated, report.unchanged) == (
        ["V003", "V004"],
        ["V001"],
        ["V002"],
    )
    with desk.db.read() as s:
        entries = list(
            s.scalars(select(AuditEntry).where(AuditEntry.id > first).order_by(AuditEntry.id))
        )
        stored = {v.code: v for v in s.scalars(select(Volunteer))}
        views = {code: _plain(snapshot(v)) for code, v in stored.items()}
        assert [(e.action, e.entity_id) for e in entries] == [
            ("volunteer.add", str(stored["V003"].id)),
            ("volunteer.update", str(stored["V001"].id)),
            ("volunteer.add", str(stored["V004"].id)),
            ("volunteer.import", None),
        ]
        add3, update1, add4, _ = entries
        # names by reference, never in the chained entry
        assert is_reference(add3.after["name"]) and "丙" not in str(add3.after)
        assert is_reference(update1.before["name"]) and is_reference(update1.after["name"])
        assert resolve(s, [add3.after, add4.after]) == [views["V003"], views["V004"]]
        assert resolve(s, [update1.before, update1.after]) == [
            old,
            {**views["V001"], "source": "import"},
        ]
        refs = [
            v["ref"]
            for e in entries
            for values in (e.before, e.after)
            if values
            for v in values.values()
            if is_reference(v)
        ]
        assert len(set(refs)) == len(refs) == 4  # a row of its own for each reference
        assert (
            s.scalar(
                select(func.count()).select_from(AuditPersonal).where(AuditPersonal.id.in_(refs))
            )
            == 4
        )
        assert audit.verify(s).ok
    # unchanged again: nothing written, no entry
    again = import_volunteers(desk, write_sheet(tmp_path / "c.xlsx", header, rows))
    assert again.added == again.updated == []
    with desk.db.read() as s:
        assert s.scalar(select(func.max(AuditEntry.id))) == entries[-1].id
