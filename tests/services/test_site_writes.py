"""A supervisor's write at one site does not hold up another site's (issue 19: no global
write lock): roster edits, volunteer edits and the other writes of one site's records take
that site's lock (Desk.write), so they queue only behind the same site's writes and a
write of the whole database (a supervisor account, a new site, an import)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from frontdesk.core.roster import ShiftKey
from frontdesk.services import roster, supervisors, volunteers
from frontdesk.services.context import Desk
from frontdesk.store import audit
from frontdesk.store import db as db_module
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseBusy
from frontdesk.store.models import Assignment
from tests.store import builders
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk

MONDAY = date(2026, 11, 2)
TUESDAY = date(2026, 11, 3)


@pytest.fixture
def two_sites(pg_db: Database, clock: Clock) -> Iterator[tuple[Desk, Desk, Desk]]:
    """Site A's supervisor, site B's supervisor on a connection pool of its own, and
    another of site A's supervisors on that second pool; each site has volunteer 01."""
    first = new_desk(pg_db, clock).as_actor("督導甲")
    with pg_db.write() as s:
        second_site = builders.site(s, "第二服務台").id
    second = replace(first, site_id=second_site, actor="督導乙")
    for desk, code in ((first, "A01"), (second, "B01")):
        add_volunteer(desk, code, "志工")
    other = Database(pg_db.url)
    try:
        yield first, replace(second, db=other), replace(first, db=other)
    finally:
        other.dispose()


def _volunteer(desk: Desk, code: str) -> int:
    with desk.db.read() as session:
        v = volunteers.by_code(session, desk, code)
        assert v is not None
        return v.id


def test_a_supervisor_write_at_one_site_does_not_wait_for_another_site(
    two_sites: tuple[Desk, Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, _ = two_sites
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    b01 = _volunteer(second, "B01")
    with first.write() as held:  # site A's supervisor is saving the roster
        roster.assign_in_session(held, first, ShiftKey(MONDAY, "AM"), _volunteer(first, "A01"))
        # site B's supervisor saves a roster assignment and a volunteer edit meanwhile
        roster.assign(second, ShiftKey(TUESDAY, "PM"), b01)
        edited = volunteers.VolunteerInput(code="B01", name="改名志工")
        assert volunteers.update(second, b01, edited)
    with second.db.read() as session:
        assigned = session.execute(
            select(Assignment.day, Assignment.slot, Assignment.volunteer_id).where(
                Assignment.site_id == second.site_id
            )
        ).all()
        assert [tuple(a) for a in assigned] == [(TUESDAY, "PM", b01)]
        assert volunteers.get(session, second, b01).name == "改名志工"
        assert audit.verify(session).ok  # both sites' entries chained without a fork


def test_writes_at_the_same_site_still_queue(
    two_sites: tuple[Desk, Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, first_elsewhere = two_sites
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    a01 = _volunteer(first, "A01")
    with first.write():  # site A's supervisor is in a write
        with pytest.raises(DatabaseBusy):  # another of site A's supervisors waits
            roster.assign(first_elsewhere, ShiftKey(TUESDAY, "PM"), a01)
        with pytest.raises(DatabaseBusy):  # so does a write of the whole database
            supervisors.create(second, "newboss", "a long enough passphrase 9")
    # a write of the whole database holds up every site's writes
    b01 = _volunteer(second, "B01")
    with first.db.write(), pytest.raises(DatabaseBusy):
        roster.assign(second, ShiftKey(TUESDAY, "PM"), b01)
    roster.assign(first_elsewhere, ShiftKey(TUESDAY, "PM"), a01)  # free again
