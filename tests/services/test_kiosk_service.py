"""The kiosk's read side (today's board, my shifts, pending count) and its notes and PINs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from frontdesk.core.attendance import SlotPhase
from frontdesk.core.calendar import DayKind
from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, kiosk, pins, roster
from frontdesk.services import calendar as cal
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.pins import PIN_TRIES, PinAnswer
from frontdesk.store.models import AuditEntry, HandoverNote
from tests.support.clocks import Clock

MONDAY = date(2026, 11, 2)


def test_board_names_times_and_staffing(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a = make_volunteer("A01", "王小明")
    b = make_volunteer("B02", "李美華")
    roster.assign(desk, ShiftKey(MONDAY, "AM"), a)
    roster.assign(desk, ShiftKey(MONDAY, "AM"), b)
    clock.set(MONDAY, 8, 27)
    attendance.scan(desk, "A01")
    clock.set(MONDAY, 8, 41)
    attendance.scan(desk, "B02")

    board = kiosk.board(desk)
    assert board.is_duty_day and board.day == MONDAY
    am, pm = board.slots
    assert am.phase == SlotPhase.ON_DUTY and board.current is am
    by_code = {e.code: e for e in am.entries}
    assert by_code["A01"].on_duty and by_code["A01"].late_minutes == 0
    assert by_code["B02"].late_minutes == 11
    assert not am.understaffed
    assert pm.entries == () and pm.understaffed and pm.phase == SlotPhase.BEFORE
    # Nothing personal on the board: the phone number never reaches it.
    assert "0912" not in repr(board)


def test_board_walk_in_listed_and_closed_day(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    make_volunteer("W01", "陳志工")
    clock.set(MONDAY, 13, 40)
    assert attendance.scan(desk, "W01", confirm_walk_in=True).outcome.value == "signed_in"
    pm = kiosk.board(desk).slots[1]
    assert [(e.code, e.assigned) for e in pm.entries] == [("W01", False)]
    assert pm.staff_count == 1 and not pm.understaffed  # the walk-in covers the slot

    cal.close(desk, MONDAY + timedelta(days=1), None, "颱風停止上班")
    clock.set(MONDAY + timedelta(days=1), 9, 0)
    board = kiosk.board(desk)
    assert not board.is_duty_day
    assert board.info.kind is DayKind.CLOSED and board.info.label == "颱風停止上班"
    assert all(s.closed and not s.understaffed for s in board.slots)
    assert board.current is None


def test_board_weekend(desk: Desk, clock: Clock) -> None:
    clock.set(MONDAY - timedelta(days=1), 10, 0)
    board = kiosk.board(desk)
    assert not board.is_duty_day and board.info.kind is DayKind.WEEKEND


def test_notes_kept_with_the_day_and_audited(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a = make_volunteer("A01", "王小明")
    clock.set(MONDAY, 11, 20)
    nid = kiosk.add_note(desk, MONDAY, "AM", a, "  影印機卡紙，已通知總務。 ")
    kiosk.add_note(desk, MONDAY + timedelta(days=1), "AM", None, "明天的事")
    notes = kiosk.board(desk).notes  # today's, as the kiosk shows them
    assert [(n.id, n.author, n.body, n.slot) for n in notes] == [
        (nid, "王小明A01", "影印機卡紙，已通知總務。", "AM")
    ]
    with desk.db.read() as s:
        assert s.query(AuditEntry).filter_by(action="handover.add").count() == 2


@pytest.mark.parametrize(
    ("slot", "body", "field"),
    [("AM", "   ", "body"), ("AM", "x" * 1001, "body"), ("XX", "ok", "slot")],
)
def test_bad_note_changes_nothing(desk: Desk, slot: str, body: str, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        kiosk.add_note(desk, MONDAY, slot, None, body)
    assert err.value.facts["field"] == field
    with desk.db.read() as s:
        assert s.query(HandoverNote).count() == 0


def test_note_unknown_author(desk: Desk) -> None:
    with pytest.raises(NotFound):
        kiosk.add_note(desk, MONDAY, "AM", 9999, "hello")


def test_my_shifts_next_four_weeks(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a = make_volunteer("A01")
    for offset, slot in [(0, "PM"), (0, "AM"), (7, "AM"), (25, "PM"), (28, "AM")]:
        roster.assign(desk, ShiftKey(MONDAY + timedelta(days=offset), slot), a)
    roster.assign(desk, ShiftKey(MONDAY - timedelta(days=14), "AM"), a)
    cal.close(desk, MONDAY + timedelta(days=7), "AM", "颱風")
    clock.set(MONDAY, 9, 0)
    shifts = kiosk.my_shifts(desk, a)
    assert [(s.day - MONDAY, s.slot.code, s.open) for s in shifts] == [
        (timedelta(0), "AM", True),
        (timedelta(0), "PM", True),
        (timedelta(7), "AM", False),
        (timedelta(25), "PM", True),
    ]


def test_pending_supervisor_count(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    make_volunteer("W01")
    assert kiosk.pending_supervisor_count(desk) == 0
    clock.set(MONDAY, 8, 40)
    attendance.scan(desk, "W01", confirm_walk_in=True)
    assert kiosk.pending_supervisor_count(desk) == 0  # still open: not for review yet
    clock.set(MONDAY, 11, 30)
    attendance.scan(desk, "W01")
    assert kiosk.pending_supervisor_count(desk) == 1


def test_pin(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer("A01")
    # without a PIN there is nothing to check against: the name cannot be used with one
    assert pins.check_pin(desk, a, "").answer is PinAnswer.NO_PIN and not pins.has_pin(desk, a)
    for not_a_pin in ("12a4", "1234\n", "１２３４", "123", "12345"):  # core.pins.is_valid_pin
        with pytest.raises(InvalidInput):
            pins.set_pin(desk, a, not_a_pin)
    assert not pins.has_pin(desk, a)
    pins.set_pin(desk, a, "4321")
    assert pins.has_pin(desk, a)
    assert pins.check_pin(desk, a, "4321").answer is PinAnswer.RIGHT
    assert pins.check_pin(desk, a, "1234").answer is PinAnswer.WRONG
    assert pins.check_pin(desk, 9999, "4321").answer is PinAnswer.NO_PIN
    pins.set_pin(desk, a, None)
    assert not pins.has_pin(desk, a)


def test_wrong_pins_are_limited_audited_and_counted_for_the_day(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    """200 wrong PINs and then the right one were accepted, with no audit entry: now the
    fifth wrong PIN locks the name for the rest of the day (the right PIN is refused too),
    each failure is audited, and the supervisor's badge can count the lockout."""
    clock.set(MONDAY, 9, 0)
    a, b = make_volunteer("A01"), make_volunteer("A02")
    pins.set_pin(desk, a, "4321")
    pins.set_pin(desk, b, "1111")
    answers = [pins.check_pin(desk, a, "0000") for _ in range(PIN_TRIES)]
    assert [x.answer for x in answers] == [PinAnswer.WRONG] * (PIN_TRIES - 1) + [PinAnswer.LOCKED]
    assert [x.left for x in answers] == [4, 3, 2, 1, 0]
    assert pins.check_pin(desk, a, "4321").answer is PinAnswer.LOCKED
    assert pins.pin_state(desk, a).answer is PinAnswer.LOCKED
    assert pins.check_pin(desk, b, "1111").answer is PinAnswer.RIGHT  # only that name
    assert pins.pin_lockouts_today(desk) == 1
    with desk.db.read() as s:
        failed = s.scalars(select(AuditEntry).where(AuditEntry.action == "kiosk.pin_failed")).all()
        locked = s.scalars(select(AuditEntry).where(AuditEntry.action == "kiosk.pin_locked")).all()
    assert len(failed) == PIN_TRIES + 1 and {e.entity_id for e in failed} == {str(a)}
    assert len(locked) == 1
    clock.set(MONDAY + timedelta(days=1), 0, 1)  # the next day (Taipei) the name works again
    assert pins.pin_lockouts_today(desk) == 0
    assert pins.check_pin(desk, a, "4321").answer is PinAnswer.RIGHT
