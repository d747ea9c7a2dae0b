"""Two supervisors approving conflicting swaps at the same moment, each on its own connection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, SwapState
from frontdesk.services import roster, swaps
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict, RuleViolation, ServiceError
from frontdesk.store import audit
from frontdesk.store.db import Database
from frontdesk.store.models import Assignment, SwapRequest
from tests.support.clocks import Clock

JOIN_SECONDS = 30


def _approve_together(desk: Desk, request_ids: tuple[int, int]) -> list[BaseException | None]:
    """approve() both requests from two threads released by one barrier; each its own Database."""
    barrier = threading.Barrier(2, timeout=JOIN_SECONDS)
    results: list[BaseException | None] = [None, None]
    databases = [Database(desk.db.url), Database(desk.db.url)]

    def run(i: int) -> None:
        own = replace(desk, db=databases[i], actor=f"supervisor:s{i}")
        try:
            barrier.wait()
            swaps.approve(own, request_ids[i])
        except BaseException as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(2)]
    try:
        for th in threads:
            th.start()
        for th in threads:
            th.join(JOIN_SECONDS)
        assert not any(th.is_alive() for th in threads), "approve() hung"
    finally:
        for d in databases:
            d.dispose()
    return results


def test_conflicting_approvals_at_once(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a, b, c = make_volunteer("A01"), make_volunteer("B01"), make_volunteer("C01")
    clock.set(date(2026, 11, 30), 9, 0)
    for day in (date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10)):
        am, pm = ShiftKey(day, "AM"), ShiftKey(day, "PM")
        roster.assign(desk, am, a)
        roster.assign(desk, pm, b)
        # A gives the morning to C; B offers the afternoon for A's morning
        first = swaps.request(
            desk, SwapProposal(SwapKind.COVER, a, am, c), colleague_agrees_now=True
        )
        second = swaps.request(
            desk, SwapProposal(SwapKind.EXCHANGE, b, pm, a, am), colleague_agrees_now=True
        )
        results = _approve_together(desk, (first, second))

        failures = [r for r in results if r is not None]
        assert len(failures) == 1, results
        assert isinstance(failures[0], (Conflict, RuleViolation)), repr(failures[0])
        assert isinstance(failures[0], ServiceError)
        winner = (first, second)[results.index(None)]
        loser = (first, second)[1 - results.index(None)]
        with desk.db.read() as session:
            states = {
                r.id: r.state
                for r in session.scalars(select(SwapRequest).where(SwapRequest.given_day == day))
            }
            assert states[winner] == SwapState.APPROVED.value
            assert states[loser] == SwapState.INVALID.value
            live = session.execute(
                select(Assignment.slot, Assignment.volunteer_id).where(
                    Assignment.day == day, Assignment.removed_at.is_(None)
                )
            ).all()
            # one (day, slot, volunteer) each, and A is on at most one slot of the day
            assert len(live) == len(set(live))
            assert sum(1 for _slot, vid in live if vid == a) <= 1
            assert audit.verify(session).ok
        expected = {("AM", c), ("PM", b)} if winner == first else {("AM", b), ("PM", a)}
        assert {(s, v) for s, v in live} == expected
    with desk.db.read() as session:
        dupes = session.execute(
            select(Assignment.day, Assignment.slot, Assignment.volunteer_id)
            .group_by(Assignment.day, Assignment.slot, Assignment.volunteer_id)
            .having(func.count() > 1)
        ).all()
        assert dupes == []
