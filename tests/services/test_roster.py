"""The roster: assignment rules, generating a month, the month view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from frontdesk.core.findings import Code
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.services import calendar, roster, setup, swaps, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.errors import NeedsConfirmation, NotFound, RuleViolation
from frontdesk.store.models import Assignment

DEC1 = date(2026, 12, 1)  # Tuesday
TUESDAYS = [date(2026, 12, d) for d in (1, 8, 15, 22, 29)]
AM1 = ShiftKey(DEC1, "AM")


def _rows(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count(Assignment.id))) or 0)


def _codes(
    e: pytest.ExceptionInfo[RuleViolation] | pytest.ExceptionInfo[NeedsConfirmation],
) -> set[str]:
    return {f.code.value for f in e.value.findings}


def test_assign_ok_and_double_booking(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer()
    assert roster.assign(desk, AM1, a) == []
    with pytest.raises(RuleViolation) as exc:
        roster.assign(desk, AM1, a)
    assert _codes(exc) == {Code.ALREADY_ASSIGNED.value}
    assert _rows(desk) == 1
    view = roster.month_view(desk, 2026, 12)
    assert [c.volunteer_id for c in view.cells[AM1]] == [a]
    assert view.cells[AM1][0].source == "manual"


def test_over_maximum(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    ids = [make_volunteer() for _ in range(3)]
    roster.assign(desk, AM1, ids[0])
    roster.assign(desk, AM1, ids[1])
    with pytest.raises(RuleViolation) as exc:
        roster.assign(desk, AM1, ids[2])
    assert Code.OVER_MAXIMUM.value in _codes(exc)
    f = next(f for f in exc.value.findings if f.code is Code.OVER_MAXIMUM)
    assert (f.facts["count"], f.facts["maximum"]) == (2, 2)
    assert _rows(desk) == 2


def test_inactive_volunteer_refused(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer()
    volunteers.deactivate(desk, a)
    with pytest.raises(RuleViolation) as exc:
        roster.assign(desk, AM1, a)
    assert Code.VOLUNTEER_INACTIVE.value in _codes(exc)
    assert _rows(desk) == 0


def test_trainee_without_training_needs_confirmation(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    t = make_volunteer(status="trainee", trained=False)
    with pytest.raises(NeedsConfirmation) as exc:
        roster.assign(desk, AM1, t)
    assert _codes(exc) == {Code.TRAINING_MISSING.value}
    assert _rows(desk) == 0
    findings = roster.assign(desk, AM1, t, confirm_warnings=True)
    assert [f.code for f in findings] == [Code.TRAINING_MISSING]
    assert _rows(desk) == 1


@pytest.mark.parametrize(
    "shift",
    [
        ShiftKey(date(2026, 12, 5), "AM"),  # Saturday
        ShiftKey(date(2025, 1, 27), "AM"),  # bridge holiday
    ],
)
def test_not_a_duty_day(desk: Desk, make_volunteer: Callable[..., int], shift: ShiftKey) -> None:
    a = make_volunteer()
    with pytest.raises(RuleViolation) as exc:
        roster.assign(desk, shift, a)
    assert _codes(exc) == {Code.NOT_DUTY_DAY.value}


def test_makeup_saturday_is_duty(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer()
    roster.assign(desk, ShiftKey(date(2025, 2, 8), "AM"), a)
    setup.update_settings(desk, {"makeup_saturday_is_duty": "false"})
    with pytest.raises(RuleViolation):
        roster.assign(desk, ShiftKey(date(2025, 2, 8), "PM"), a)


def test_closed_slot_and_unknown_slot(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer()
    calendar.close(desk, DEC1, "AM", "颱風")
    with pytest.raises(RuleViolation) as exc:
        roster.assign(desk, AM1, a)
    assert _codes(exc) == {Code.SLOT_CLOSED.value}
    with pytest.raises(RuleViolation) as exc:
        roster.assign(desk, ShiftKey(DEC1, "EVE"), a)
    assert Code.UNKNOWN_SLOT.value in _codes(exc)


def test_unknown_volunteer(desk: Desk) -> None:
    with pytest.raises(NotFound):
        roster.assign(desk, AM1, 4242)
    with pytest.raises(NotFound):
        roster.check(desk, AM1, 4242)


def test_weekly_maximum_is_a_warning(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer(weekly_max=1)
    roster.assign(desk, AM1, a)
    with pytest.raises(NeedsConfirmation) as exc:
        roster.assign(desk, ShiftKey(DEC1, "PM"), a)
    assert _codes(exc) == {Code.OVER_WEEKLY_MAXIMUM.value}
    assert [f.code for f in roster.check(desk, ShiftKey(DEC1, "PM"), a)] == [
        Code.OVER_WEEKLY_MAXIMUM
    ]


def test_unassign_tombstones(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer()
    roster.assign(desk, AM1, a)
    with pytest.raises(NeedsConfirmation) as exc:
        roster.unassign(desk, AM1, a, reason="病假")
    assert _codes(exc) == {Code.UNDER_MINIMUM.value}
    roster.unassign(desk, AM1, a, reason="病假", confirm_warnings=True)
    with desk.db.read() as session:
        row = session.scalars(select(Assignment)).one()
        assert row.removed_at is not None and row.removed_reason == "病假"
    with pytest.raises(RuleViolation) as exc2:
        roster.unassign(desk, AM1, a)
    assert _codes(exc2) == {Code.NOT_ASSIGNED.value}
    roster.assign(desk, AM1, a)  # brought back by hand
    assert _rows(desk) == 1


def test_generate_month(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a, b, c = make_volunteer("A01"), make_volunteer("B01"), make_volunteer("C01")
    volunteers.add_pattern(desk, a, 1, "AM", date(2026, 1, 1))
    volunteers.add_pattern(desk, b, 1, "AM", date(2026, 1, 1))
    volunteers.add_pattern(desk, c, 1, "PM", date(2026, 12, 10))  # from the 15th on
    report = roster.generate_month(desk, 2026, 12)
    assert len(report.added) == 5 + 5 + 3
    assert {s.day for s, v in report.added if v == c} == set(TUESDAYS[2:])
    assert all(s.day.weekday() == 1 for s, _ in report.added)
    # idempotent
    assert roster.generate_month(desk, 2026, 12).added == []
    assert _rows(desk) == 13

    # a supervisor removes one, a swap moves another: regeneration undoes neither
    roster.unassign(desk, ShiftKey(date(2026, 12, 8), "AM"), a, confirm_warnings=True)
    given = ShiftKey(date(2026, 12, 15), "AM")
    swaps.arrange(
        desk,
        SwapProposal(SwapKind.EXCHANGE, b, given, c, ShiftKey(date(2026, 12, 15), "PM")),
        "家中有事",
        confirm_warnings=True,
    )
    assert roster.generate_month(desk, 2026, 12).added == []
    view = roster.month_view(desk, 2026, 12)
    assert {e.volunteer_id for e in view.cells[ShiftKey(date(2026, 12, 8), "AM")]} == {b}
    assert {(e.volunteer_id, e.source) for e in view.cells[given]} == {(a, "pattern"), (c, "swap")}
    assert {(e.volunteer_id, e.source) for e in view.cells[ShiftKey(given.day, "PM")]} == {
        (b, "swap")
    }


def test_generate_skips_closed_and_full(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    ids = [make_volunteer() for _ in range(3)]
    for vid in ids:
        volunteers.add_pattern(desk, vid, 1, "AM", date(2026, 12, 1), date(2026, 12, 8))
    calendar.close(desk, DEC1, None, "颱風")
    report = roster.generate_month(desk, 2026, 12)
    assert {s.day for s, _ in report.added} == {date(2026, 12, 8)}
    assert len(report.added) == 2  # the slot holds 2
    assert [(s.day, v, why) for s, v, why in report.skipped] == [
        (date(2026, 12, 8), ids[2], Code.OVER_MAXIMUM.value)
    ]


def test_month_view_coverage(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer()
    roster.assign(desk, AM1, a)
    calendar.close(desk, date(2026, 12, 2), None, "颱風")
    view = roster.month_view(desk, 2026, 12)
    assert len(view.days) == 31
    under = {
        (f.facts["day"], f.facts["slot"]) for f in view.findings if f.code is Code.UNDER_MINIMUM
    }
    assert (DEC1, "AM") not in under
    assert (DEC1, "PM") in under
    assert not any(d == date(2026, 12, 2) for d, _ in under)  # closed: nobody is missing
    assert not any(d == date(2026, 12, 5) for d, _ in under)  # Saturday
