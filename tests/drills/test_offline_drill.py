"""The shared server goes away in the middle of a day, through a proxy the drill cuts and
then by stopping the server itself: two desks keep deciding scans from their replicas, and
after the reconnect every acknowledged scan is on the server exactly once, at its original
time, decided as an online desk decided it, except the conflicts the drill planted, which
are flagged with their reasons. A whole day offline, with the server's sweep run meanwhile,
replays cleanly: the absences it recorded are corrected and flagged.

FRONTDESK_DRILL_SEED replays one run.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, roster
from frontdesk.services.attendance import ScanResult
from frontdesk.services.context import Desk
from frontdesk.services.offline import journal
from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, Volunteer
from frontdesk.store.offline_models import ScanReceipt
from tests.drills.offline_support import (
    DAY,
    Scan,
    day_of_scans,
    migrated,
    server_start,
    server_stop,
    site,
)
from tests.pg import PgServer, start_server, stop_server
from tests.support.clocks import Clock
from tests.support.proxy import TcpProxy

pytestmark = pytest.mark.postgres

SEED = int(os.environ.get("FRONTDESK_DRILL_SEED") or random.randrange(1 << 30))
VOLUNTEERS = 125  # 300 scans: 2 per slot, every fifth volunteer on both slots
ONLINE_ELSEWHERE = ("V011", "V013", "V017")  # also signed in upstairs, online, meanwhile
TAKEN_OFF = ("V022", "V024")  # taken off the morning's roster by the supervisor meanwhile


@pytest.fixture(scope="module")
def private_pg() -> Iterator[PgServer]:
    server = start_server()
    yield server
    stop_server(server)


RECORDED = (ScanOutcome.SIGNED_IN, ScanOutcome.SIGNED_OUT)  # what an offline desk journals


def _answer(r: ScanResult) -> tuple[object, ...]:
    return (r.outcome.value, r.slot.code if r.slot else None, r.status, r.late_minutes)


def _rows(db: Database, codes: set[str]) -> dict[tuple[str, str], tuple[object, ...]]:
    with db.read() as session:
        found = session.execute(
            select(Volunteer.code, Attendance).join(Volunteer).where(Volunteer.code.in_(codes))
        ).all()
    return {
        (code, a.slot): (a.in_at, a.out_at, a.status, a.credited_minutes, a.late_minutes)
        for code, a in found
    }


def _online_reference(private_pg: PgServer, scans: list[Scan]) -> list[tuple[object, ...]]:
    return _online_reference_of(private_pg, scans, VOLUNTEERS)


def _online_reference_of(
    private_pg: PgServer, scans: list[Scan], volunteers: int
) -> list[tuple[object, ...]]:
    """What an online desk answers to the same scans (the rule's reference), and then the
    records it leaves, by volunteer and slot."""
    clock = Clock()
    db = Database(migrated(private_pg))
    try:
        desk, _ = site(db, clock, volunteers)
        answers = [_answer(attendance.scan(desk, s.code, now=s.at)) for s in scans]
        return [*answers, _rows(db, {s.code for s in scans})]
    finally:
        db.dispose()


def test_two_desks_through_an_outage_and_a_server_restart(
    private_pg: PgServer, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    clock = Clock()
    url = migrated(private_pg)
    db = Database(url)
    server, slots = site(db, clock, VOLUNTEERS)
    scans = day_of_scans(slots, rng)
    assert len(scans) == 300, len(scans)
    *reference, ref_rows = _online_reference(private_pg, scans)
    proxy = TcpProxy(private_pg.port)
    through = Database(proxy.url(db.url.database or ""))
    for name in ("一樓", "二樓"):
        (tmp_path / name).mkdir()
    desks = [
        OfflineDesk(
            replace(server, db=through, actor="kiosk"),
            tmp_path / name,
            name=name,
            timeout_seconds=1.0,
        )
        for name in ("一樓", "二樓")
    ]
    clock.now = min(s.at for s in scans) - timedelta(hours=1)  # the desks open
    try:
        for d in desks:
            d.refresh()
        proxy.drop()
        told = _outage(server, desks, scans, private_pg, proxy, clock)
        server_start(private_pg)
        for d in desks:
            for _ in range(30):
                d.sync()
                if d.online:
                    break
        assert all(d.online for d in desks), f"seed {SEED}"
        _check(db, desks, scans, told, reference, ref_rows)  # type: ignore[arg-type]
    finally:
        for d in desks:
            d.stop()
        through.dispose()
        db.dispose()
        proxy.close()


def _outage(
    server: Desk,
    desks: list[OfflineDesk],
    scans: list[Scan],
    pg: PgServer,
    proxy: TcpProxy,
    clock: Clock,
) -> list[ScanResult]:
    """The scans during the outage: the proxy cut for the first half (the conflicts are
    planted on the server meanwhile), the server stopped for the second."""
    told: list[ScanResult] = []
    planted = False
    for n, s in enumerate(scans):
        if n == len(scans) // 2:
            server_stop(pg)
            proxy.restore()  # the network is back, the server is not
        if not planted and n < len(scans) // 2:
            _plant(server, scans, clock)
            planted = True
        clock.now = s.at
        told.append(desks[s.desk].scan(s.code))
        if n % 50 == 49:
            desks[s.desk].sync()  # the desk asks whether the server is back: not yet
    return told


def _plant(server: Desk, scans: list[Scan], clock: Clock) -> None:
    """Another desk signs some volunteers in online just before their first scan; the
    supervisor takes others off the roster."""
    for code in ONLINE_ELSEWHERE:
        first = min(s.at for s in scans if s.code == code)
        attendance.scan(server, code, now=first - timedelta(minutes=3), confirm_walk_in=True)
    clock.now = min(s.at for s in scans)
    with server.db.read() as session:
        ids = {code: vid for code, vid in session.execute(select(Volunteer.code, Volunteer.id))}
    for code in TAKEN_OFF:
        roster.unassign(server, ShiftKey(DAY, "AM"), ids[code], confirm_warnings=True)


def _check(
    db: Database,
    desks: list[OfflineDesk],
    scans: list[Scan],
    told: list[ScanResult],
    reference: list[tuple[object, ...]],
    ref_rows: dict[tuple[str, str], tuple[object, ...]],
) -> None:
    planted = set(ONLINE_ELSEWHERE) | set(TAKEN_OFF)
    # decided offline: marked for upload exactly when journaled (signed in or out)
    assert all(r.offline == (r.outcome in RECORDED) for r in told), f"seed {SEED}"
    assert any(r.offline for r in told), f"seed {SEED}"
    for s, got, want in zip(scans, told, reference, strict=True):
        if s.code not in planted:
            assert _answer(got) == want, (SEED, s, got)
    with db.read() as session:
        receipts = list(session.scalars(select(ScanReceipt)))
    kept: dict[str, object] = {}
    for d in desks:
        with d.replica.db.read() as session:
            for row in session.execute(select(journal.offline_scan)).mappings():
                assert row["uploaded_at"] is not None, (SEED, dict(row))
                kept[row["scan_id"]] = row["scanned_at"]
    recording = [r for r in told if r.outcome.value in ("signed_in", "signed_out")]
    assert len(kept) == len(recording)
    assert {r.scan_id: r.scanned_at for r in receipts} == kept  # once each, original time
    flagged = {r.code for r in receipts if r.conflict is not None}
    assert flagged == planted, (SEED, flagged)
    rows = _rows(db, {s.code for s in scans} - planted)
    assert rows == {k: v for k, v in ref_rows.items() if k[0] not in planted}, SEED
    with db.read() as session:
        unflagged = session.scalars(
            select(Volunteer.code)
            .join(Attendance)
            .where(Volunteer.code.in_(planted), Attendance.needs_review.is_(False))
        ).all()
    assert unflagged == [], SEED


def test_a_whole_day_offline_after_the_server_swept_it(
    private_pg: PgServer, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    clock = Clock()
    db = Database(migrated(private_pg))
    server, slots = site(db, clock, 40)
    scans = day_of_scans(slots, rng)
    *_answers, ref_rows = _online_reference_of(private_pg, scans, 40)
    proxy = TcpProxy(private_pg.port)
    through = Database(proxy.url(db.url.database or ""))
    clock.now = min(s.at for s in scans) - timedelta(hours=1)
    desk = OfflineDesk(replace(server, db=through, actor="kiosk"), tmp_path, timeout_seconds=1)
    try:
        desk.refresh()
        proxy.drop()
        for s in scans:
            clock.now = s.at
            told = desk.scan(s.code)
            assert not desk.online and told.offline == (told.outcome in RECORDED), SEED
        clock.now = max(s.at for s in scans) + timedelta(hours=2)
        swept = attendance.sweep(replace(server, actor="kiosk"))
        assert swept.absences == len(ref_rows), SEED  # everyone was absent for the server
        proxy.restore()
        desk.sync()
        assert desk.online and desk.status().waiting == 0
        assert _rows(db, set(slots)) == ref_rows, SEED  # corrected to what the desk saw
        with db.read() as session:
            review = set(session.scalars(select(Attendance.needs_review)))
            reasons = [r.conflict for r in session.scalars(select(ScanReceipt))]
        assert review == {True}  # every corrected duty is flagged for the supervisor
        assert reasons.count("absent_corrected") == len(ref_rows)
        assert set(reasons) == {"absent_corrected", None}
    finally:
        desk.stop()
        through.dispose()
        db.dispose()
        proxy.close()
