"""Every use case leaves one chained audit entry; the chain verifies afterwards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from sqlalchemy import select

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, calendar, roster, setup, supervisors, swaps, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.errors import RuleViolation
from frontdesk.store import audit
from frontdesk.store.models import AuditEntry
from tests.support.clocks import Clock


def _actions(desk: Desk) -> list[str]:
    with desk.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_audit_chain_after_a_day_of_work(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a, b = make_volunteer("A01"), make_volunteer("B01")
    supervisors.create(desk, "chen", "correct horse 9")
    setup.update_settings(desk, {"late_grace_minutes": "3"})
    volunteers.add_pattern(desk, a, 1, "AM", date(2026, 12, 1))
    roster.generate_month(desk, 2026, 12)
    roster.assign(desk, ShiftKey(date(2026, 12, 1), "PM"), b)
    calendar.close(desk, date(2026, 12, 2), None, "颱風停止上班")
    rid = swaps.request(
        desk,
        SwapProposal(SwapKind.COVER, a, ShiftKey(date(2026, 12, 15), "AM"), b),
        colleague_agrees_now=True,
    )
    swaps.approve(desk, rid)
    with pytest.raises(RuleViolation):  # refused: leaves no entry
        roster.assign(desk, ShiftKey(date(2026, 12, 5), "AM"), a)
    attendance.scan(desk, "A01", now=at(date(2026, 12, 1), time(8, 31)))
    clock.set(date(2026, 12, 1), 18, 0)
    attendance.sweep(desk)
    actions = _actions(desk)
    assert actions[0] == "site.create"
    for expected in (
        "volunteer.add",
        "supervisor.create",
        "settings.update",
        "pattern.add",
        "roster.generate",
        "roster.assign",
        "calendar.close",
        "swap.request",
        "roster.unassign",
        "swap.approve",
        "attendance.sign_in",
        "attendance.autoclose",
        "attendance.sweep",
    ):
        assert expected in actions
    with desk.db.read() as session:
        report = audit.verify(session)
    assert report.ok, report
    assert report.entries == len(actions) >= 15
