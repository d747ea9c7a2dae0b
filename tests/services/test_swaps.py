"""Shift swaps under the one-week rule, from request to approval."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select

from frontdesk.core.findings import Code
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, SwapState
from frontdesk.services import roster, swap_views, swaps, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    RuleViolation,
)
from frontdesk.store.models import Assignment, AuditEntry, SwapRequest
from tests.services.conftest import Clock

DEC1 = date(2026, 12, 1)
DEC8 = date(2026, 12, 8)  # Tuesday
AM8 = ShiftKey(DEC8, "AM")  # starts 2026-12-08 08:30 Taipei
PM8 = ShiftKey(DEC8, "PM")


@dataclass
class Crew:
    a: int  # on AM8
    b: int  # on PM8
    c: int  # free that day, one other shift in December
    d: int  # free, no shifts


@pytest.fixture
def crew(desk: Desk, make_volunteer: Callable[..., int]) -> Crew:
    crew = Crew(*(make_volunteer(code) for code in ("A01", "B01", "C01", "D01")))
    roster.assign(desk, AM8, crew.a)
    roster.assign(desk, PM8, crew.b)
    roster.assign(desk, ShiftKey(date(2026, 12, 15), "AM"), crew.c)
    return crew


def _state(desk: Desk, request_id: int) -> str:
    with desk.db.read() as session:
        r = session.get(SwapRequest, request_id)
        assert r is not None
        return r.state


def _who(desk: Desk, shift: ShiftKey) -> set[tuple[int, str]]:
    view = roster.month_view(desk, shift.day.year, shift.day.month)
    return {(e.volunteer_id, e.source) for e in view.cells.get(shift, [])}


def _count(desk: Desk, model: type) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _codes(exc: pytest.ExceptionInfo[RuleViolation]) -> set[Code]:
    return {f.code for f in exc.value.findings}


def test_six_days_notice_is_refused_and_nothing_written(
    desk: Desk, clock: Clock, crew: Crew
) -> None:
    clock.set(date(2026, 12, 2), 8, 30)  # 6 days before the shift
    audits = _count(desk, AuditEntry)
    for proposal in (
        SwapProposal(SwapKind.EXCHANGE, crew.a, AM8, crew.b, PM8),
        SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c),
    ):
        with pytest.raises(RuleViolation) as exc:
            swaps.request(desk, proposal)
        assert _codes(exc) == {Code.SHORT_NOTICE}
        f = exc.value.findings[0]
        assert (f.facts["notice_hours"], f.facts["required_days"]) == (144, 7)
    assert _count(desk, SwapRequest) == 0
    assert _count(desk, AuditEntry) == audits


def test_exchange_exactly_seven_days_then_agree_and_approve(
    desk: Desk, clock: Clock, crew: Crew
) -> None:
    clock.set(DEC1, 8, 30)  # exactly 7 × 24 h
    rid = swaps.request(desk, SwapProposal(SwapKind.EXCHANGE, crew.a, AM8, crew.b, PM8))
    assert _state(desk, rid) == SwapState.PENDING_COLLEAGUE.value
    with desk.db.read() as session:
        r = session.get(SwapRequest, rid)
        assert r is not None and r.notice_minutes == 7 * 24 * 60
    with pytest.raises(Conflict):
        swaps.agree(desk, rid, crew.c)  # not addressed to C
    with pytest.raises(Conflict):
        swaps.approve(desk, rid)  # the colleague has not agreed yet
    swaps.agree(desk, rid, crew.b)
    assert _state(desk, rid) == SwapState.PENDING_SUPERVISOR.value
    assert [r.id for r in swap_views.pending(desk)] == [rid]
    with pytest.raises(Conflict):
        swaps.agree(desk, rid, crew.b)

    clock.set(DEC1, 15, 0)
    swaps.approve(desk, rid, reason="同意")
    assert _state(desk, rid) == SwapState.APPROVED.value
    assert _who(desk, AM8) == {(crew.b, "swap")}
    assert _who(desk, PM8) == {(crew.a, "swap")}
    with desk.db.read() as session:
        rows = session.scalars(select(Assignment).where(Assignment.day == DEC8)).all()
        removed = {(a.slot, a.volunteer_id) for a in rows if a.removed_at is not None}
        assert removed == {("AM", crew.a), ("PM", crew.b)}
        assert all(a.swap_request_id == rid for a in rows if a.removed_at is None)
    assert swap_views.pending(desk) == []


def test_cover_with_agreement_at_the_kiosk(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    rid = swaps.request(
        desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c), colleague_agrees_now=True
    )
    assert _state(desk, rid) == SwapState.PENDING_SUPERVISOR.value
    with pytest.raises(Conflict):  # one open request per shift given away
        swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.d))
    swaps.approve(desk, rid)
    assert _who(desk, AM8) == {(crew.c, "swap")}


def test_approve_rechecks_against_the_roster_now(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    rid = swaps.request(
        desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c), colleague_agrees_now=True
    )
    roster.assign(desk, AM8, crew.c)  # C got booked on that shift meanwhile
    before = _who(desk, AM8), _who(desk, PM8)
    audits = _count(desk, AuditEntry)
    with pytest.raises(RuleViolation) as exc:
        swaps.approve(desk, rid)
    assert Code.ALREADY_ASSIGNED in _codes(exc)
    assert (_who(desk, AM8), _who(desk, PM8)) == before
    assert _state(desk, rid) == SwapState.PENDING_SUPERVISOR.value
    assert _count(desk, AuditEntry) == audits


def _two_requests_on_am8(desk: Desk, crew: Crew) -> tuple[int, int]:
    """A gives AM8 to C; B offers PM8 for A's AM8. Both ready for the supervisor."""
    first = swaps.request(
        desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c), colleague_agrees_now=True
    )
    second = swaps.request(
        desk,
        SwapProposal(SwapKind.EXCHANGE, crew.b, PM8, crew.a, AM8),
        colleague_agrees_now=True,
    )
    return first, second


def test_first_approved_wins(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    first, second = _two_requests_on_am8(desk, crew)
    swaps.approve(desk, second)
    assert _state(desk, first) == SwapState.INVALID.value
    with pytest.raises(Conflict):
        swaps.approve(desk, first)
    assert _who(desk, AM8) == {(crew.b, "swap")}
    assert _who(desk, PM8) == {(crew.a, "swap")}


def test_withdraw(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c))
    with pytest.raises(Conflict):
        swaps.withdraw(desk, rid, crew.c)
    swaps.withdraw(desk, rid, crew.a)
    assert _state(desk, rid) == SwapState.CANCELLED.value
    with pytest.raises(Conflict):
        swaps.agree(desk, rid, crew.c)
    with pytest.raises(NotFound):
        swaps.withdraw(desk, 4242, crew.a)
    # a new request for the same shift is possible again
    swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.d))


def test_decline_and_reject(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c))
    swaps.decline(desk, rid, crew.c)
    assert _state(desk, rid) == SwapState.REJECTED.value
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.d))
    with pytest.raises(InvalidInput) as exc:
        swaps.reject(desk, rid, "  ")
    assert exc.value.facts["field"] == "reason"
    assert _state(desk, rid) == SwapState.PENDING_COLLEAGUE.value
    swaps.reject(desk, rid, "該日人力不足")
    with desk.db.read() as session:
        r = session.get(SwapRequest, rid)
        assert r is not None and r.state == "rejected" and r.outcome_reason == "該日人力不足"
        assert r.decided_by == desk.actor
    assert _who(desk, AM8) == {(crew.a, "manual")}


def test_expire_due(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c))
    later = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.b, PM8, crew.d))
    clock.set(DEC8, 8, 29)
    assert swaps.expire_due(desk) == 0
    clock.set(DEC8, 8, 30)
    assert swaps.expire_due(desk) == 1
    assert _state(desk, rid) == SwapState.EXPIRED.value
    assert _state(desk, later) == SwapState.PENDING_COLLEAGUE.value
    assert swaps.expire_due(desk) == 0


def test_ask_supervisor_then_approve_with_a_colleague(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(date(2026, 12, 7), 9, 0)  # the day before: short notice is fine here
    with pytest.raises(InvalidInput):
        swaps.ask_supervisor(desk, crew.a, AM8, " ")
    with pytest.raises(RuleViolation) as exc:
        swaps.ask_supervisor(desk, crew.c, AM8, "生病")  # not on that shift
    assert _codes(exc) == {Code.NOT_ASSIGNED}
    rid = swaps.ask_supervisor(desk, crew.a, AM8, "生病")
    assert _state(desk, rid) == SwapState.PENDING_SUPERVISOR.value
    assert [r.id for r in swap_views.pending(desk)] == [rid]
    with pytest.raises(InvalidInput) as exc2:
        swaps.approve(desk, rid)
    assert exc2.value.facts["field"] == "colleague"
    swaps.approve(desk, rid, colleague_id=crew.d)
    assert _state(desk, rid) == SwapState.APPROVED.value
    assert _who(desk, AM8) == {(crew.d, "swap")}
    clock.set(DEC8, 13, 30)
    with pytest.raises(RuleViolation) as exc:
        swaps.ask_supervisor(desk, crew.b, PM8, "生病")
    assert exc.value.findings[0].code is Code.SHIFT_STARTED
    assert _count(desk, SwapRequest) == 1


def test_arrange_by_supervisor(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(date(2026, 12, 7), 9, 0)
    proposal = SwapProposal(SwapKind.COVER, crew.a, AM8, crew.d)
    with pytest.raises(RuleViolation) as exc:
        swaps.arrange(desk, proposal)
    assert _codes(exc) == {Code.SHORT_NOTICE_NEEDS_REASON}
    assert _count(desk, SwapRequest) == 0
    rid = swaps.arrange(desk, proposal, "志工住院，督導協調")
    assert _state(desk, rid) == SwapState.APPROVED.value
    assert _who(desk, AM8) == {(crew.d, "swap")}
    assert swap_views.pending(desk) == []  # the supervisor's own moves are not waiting anywhere


def test_suggest_lists_free_colleagues_fewest_shifts_first(
    desk: Desk, crew: Crew, make_volunteer: Callable[..., int]
) -> None:
    gone = make_volunteer("E01")
    volunteers.deactivate(desk, gone)
    make_volunteer("F01", status="trainee", trained=False)  # would need a confirmation
    full_week = make_volunteer("G01", weekly_max=1)
    roster.assign(desk, ShiftKey(date(2026, 12, 7), "PM"), full_week)
    got = swap_views.suggest(desk, AM8)
    assert [s.volunteer_id for s in got] == [crew.d, crew.b, crew.c]
    assert [s.code for s in got] == ["D01", "B01", "C01"]
    assert [s.volunteer_id for s in swap_views.suggest(desk, AM8, frozenset({crew.d}))] == [
        crew.b,
        crew.c,
    ]
