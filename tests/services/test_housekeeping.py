"""The housekeeping sweep the kiosk runs every minute and `frontdesk sweep` each evening."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, SwapState
from frontdesk.services import attendance, housekeeping, roster, swaps
from frontdesk.services.context import Desk
from frontdesk.store.models import SwapRequest
from tests.support.clocks import Clock

DEC1, DEC8 = date(2026, 12, 1), date(2026, 12, 8)  # Tuesdays


def test_one_sweep_closes_records_expires_requests_and_backs_up(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a, c = make_volunteer("A01", "王小明"), make_volunteer("C01", "陳大文")
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    roster.assign(desk, ShiftKey(DEC8, "AM"), a)
    clock.set(DEC1, 8, 25)
    attendance.scan(desk, "A01")  # signed in, never signed out
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, a, ShiftKey(DEC8, "AM"), c))

    clock.set(DEC1, 18, 0)
    first = housekeeping.sweep(desk, daily_backup=False)
    assert first.attendance.auto_closed == 1 and first.expired_swaps == 0
    assert first.changed and first.backup is None

    clock.set(DEC8, 18, 0)
    done = housekeeping.sweep(desk)
    assert done.expired_swaps == 1 and done.changed
    with desk.db.read() as session:
        request = session.get(SwapRequest, rid)
        assert request is not None and request.state == SwapState.EXPIRED.value
    assert done.backup_error is None and done.backup is not None
    if desk.db.is_sqlite:
        assert done.backup.path is not None
    else:
        assert done.backup.path is None  # the server's pg_dump, not ours

    again = housekeeping.sweep(desk)
    assert not again.changed and again.expired_swaps == 0
    assert again.backup is not None and again.backup.path is None  # once a day
