"""Each desk is told apart by an id kept in its own data folder, with a name of its own:
two desks on one computer, or two computers of the same name, no longer share one
desk_state row, and naming one desk changes no other (services.offline.identity)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import roster
from frontdesk.services.errors import InvalidInput
from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.services.offline.identity import FILE_NAME, desk_identity, name_desk
from frontdesk.services.offline.state import desk_reports
from frontdesk.store.db import Database
from frontdesk.store.offline_models import ScanReceipt
from tests.support.clocks import Clock
from tests.support.desks import new_desk, volunteer_maker

DEC1 = date(2026, 12, 1)


def test_an_identity_is_made_once_and_renaming_keeps_its_id(tmp_path: Path) -> None:
    first = desk_identity(tmp_path)
    assert len(first.id) == 32 and first.name
    assert desk_identity(tmp_path) == first  # kept in the folder
    named = name_desk(tmp_path, "  二樓服務台 ")
    assert (named.id, named.name) == (first.id, "二樓服務台")
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["name"] == "二樓服務台"
    assert desk_identity(tmp_path) == named
    other = desk_identity(tmp_path / "other-pc")
    assert other.id != first.id  # another data folder is another desk, same host name
    with pytest.raises(InvalidInput):
        name_desk(tmp_path, "   ")
    assert desk_identity(tmp_path) == named


@pytest.mark.postgres
def test_two_desks_of_one_host_keep_their_own_rows(
    pg_db: Database, clock: Clock, tmp_path: Path
) -> None:
    clock.set(DEC1, 7, 0)
    server = new_desk(pg_db, clock)
    make = volunteer_maker(server)
    vid = make("V801", "志工V801")
    roster.assign(server, ShiftKey(DEC1, "AM"), vid)
    server = replace(server, actor="kiosk")
    # both desks run on this one computer: before, both reported under its host name
    one = OfflineDesk(server, tmp_path / "one", timeout_seconds=5.0)
    name_desk(tmp_path / "two", "二樓服務台")
    two = OfflineDesk(server, tmp_path / "two", timeout_seconds=5.0)
    try:
        assert one.desk_id != two.desk_id and two.name == "二樓服務台"
        clock.now = at(DEC1, time(8, 20))
        one.report()
        assert two.scan("V801").outcome.value == "signed_in"
        clock.now = at(DEC1, time(8, 21))
        two.report()
        reports = {r.status.name: r for r in desk_reports(server)}
        assert set(reports) == {one.name, "二樓服務台"}
        assert reports[one.name].reported_at == at(DEC1, time(8, 20))
        assert reports["二樓服務台"].status.desk_id == two.desk_id
        with pg_db.read() as session:
            assert session.scalars(select(ScanReceipt.desk)).all() == [two.desk_id]
        name_desk(tmp_path / "two", one.name)  # named alike: told apart by their ids
        same = OfflineDesk(server, tmp_path / "two", timeout_seconds=5.0)
        same.report()
        same.stop()
        names = sorted(r.status.name for r in desk_reports(server))
        assert names == sorted(f"{one.name} ({d.desk_id[:6]})" for d in (one, two))
    finally:
        one.stop()
        two.stop()


def test_an_unchanged_report_key_for_a_nameless_status() -> None:
    from frontdesk.services.offline.state import DeskStatus

    assert DeskStatus("一樓", True, None, 0, None).key == "一樓"
    assert DeskStatus("一樓", True, None, 0, None, 0, "abc").key == "abc"
