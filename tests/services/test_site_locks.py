"""Desks at different sites share one PostgreSQL server without waiting for each other:
a scan takes no lock but its volunteer's row (services.scan_fast), and the audit chain's
only inside its one write; two desks scanning the same volunteer queue. Other writes keep
their locks: a site's (its desks' other writes queue), and a write of the whole database
(a supervisor's) waits for every other write."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, roster
from frontdesk.services.context import Desk
from frontdesk.store import audit
from frontdesk.store import db as db_module
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseBusy
from frontdesk.store.models import Volunteer
from tests.store import builders
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk

MONDAY = date(2026, 11, 2)


@pytest.fixture
def two_sites(pg_db: Database, clock: Clock) -> Iterator[tuple[Desk, Desk]]:
    """Two sites on one server, each a desk on its own connection pool, each with two
    volunteers on Monday's morning."""
    first = new_desk(pg_db, clock)
    with pg_db.write() as s:
        second_site = builders.site(s, "第二服務台").id
    second = replace(first, site_id=second_site)
    for desk, prefix in ((first, "A"), (second, "B")):
        for n in (1, 2):
            vid = add_volunteer(desk, f"{prefix}0{n}", "志工")
            roster.assign(desk, ShiftKey(MONDAY, "AM"), vid)
    other = Database(pg_db.url)
    try:
        yield first, replace(second, db=other)
    finally:
        other.dispose()


def test_a_busy_site_does_not_hold_up_another(
    two_sites: tuple[Desk, Desk], clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_sites
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    clock.set(MONDAY, 8, 25)
    with first.db.write(first.site_id) as held:  # the first site's desk is in a write
        assert attendance.scan(second, "B01").outcome.value == "signed_in"
        # and it is recording A01 (their row locked): a scan of A01 elsewhere queues
        held.execute(select(Volunteer.id).where(Volunteer.code == "A01").with_for_update())
        with pytest.raises(DatabaseBusy):
            attendance.scan(replace(first, db=second.db), "A01")
        # the same site's other volunteers are recorded meanwhile
        assert attendance.scan(replace(first, db=second.db), "A02").outcome.value == "signed_in"
        with pytest.raises(DatabaseBusy), second.db.write(first.site_id):
            pass  # the site's other writes queue
    # a write of the whole database: every other write waits, no scan does
    with first.db.write():
        with pytest.raises(DatabaseBusy), second.db.write(second.site_id):
            pass
        assert attendance.scan(second, "B02").outcome.value == "signed_in"
    assert attendance.scan(first, "A01").outcome.value == "signed_in"


def test_scans_at_two_sites_at_once_keep_one_chain(
    two_sites: tuple[Desk, Desk], clock: Clock
) -> None:
    """Both sites' desks scan together; every scan is recorded and the audit chain, which
    they share, has no fork."""
    first, second = two_sites
    clock.set(MONDAY, 8, 25)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def desk_scans(desk: Desk, prefix: str) -> None:
        start.wait()
        for code in (f"{prefix}01", f"{prefix}02"):
            outcomes.append(attendance.scan(desk, code).outcome.value)

    threads = [
        threading.Thread(target=desk_scans, args=(first, "A")),
        threading.Thread(target=desk_scans, args=(second, "B")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert outcomes.count("signed_in") == 4
    with first.db.read() as session:
        report = audit.verify(session)
    assert report.ok, report


def test_the_server_appends_under_the_chains_lock(pg_db: Database) -> None:
    """The server-side append (migration 0012) takes the lock store.db names, and chains
    exactly as store.audit.entry_hash does."""
    from sqlalchemy import text

    from frontdesk.store.db import PG_CHAIN_LOCK_KEY

    with pg_db.read() as session:
        body = session.execute(
            text("SELECT prosrc FROM pg_proc WHERE proname = 'frontdesk_audit_append'")
        ).scalar_one()
    assert f"pg_advisory_xact_lock({PG_CHAIN_LOCK_KEY})" in body
    with pg_db.write() as session:
        first = audit.append(session, actor="t", action="a", entity="e", after={"名": 1.5})
        second = audit.append(session, actor="t", action="b", entity="e", entity_id=7)
    assert second.prev_hash == first.hash
    assert first.hash == audit.entry_hash(
        first.prev_hash, first.at, "t", "a", "e", None, None, {"名": 1.5}
    )
    with pg_db.read() as session:
        assert audit.verify(session).ok
