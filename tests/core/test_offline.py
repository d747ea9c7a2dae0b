"""The reason a scan decided offline is flagged when the server answers otherwise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.core.offline import Conflict, Told, conflict_of

AT = datetime(2026, 12, 1, 0, 25, tzinfo=UTC)
IN = Told("signed_in", "AM", "open")


def judge(server: Told, *, later: bool = False, absent: bool = False) -> Conflict | None:
    recorded = AT + timedelta(seconds=30) if later else AT
    return conflict_of(IN, server, scanned_at=AT, recorded_at=recorded, was_absent=absent)


def test_the_same_answer_is_no_conflict() -> None:
    assert judge(IN) is None


def test_each_difference_has_its_reason() -> None:
    assert judge(Told("already_in", "AM", None)) is Conflict.NOT_RECORDED
    assert judge(Told("repeat", None, None)) is Conflict.NOT_RECORDED
    assert judge(Told("signed_out", "AM", "on_time")) is Conflict.ANSWER_DIFFERS
    assert judge(IN, later=True) is Conflict.RECORDED_LATER
    assert judge(IN, absent=True) is Conflict.ABSENT_CORRECTED
    assert judge(Told("signed_in", "AM", "walk_in")) is Conflict.ROSTER_CHANGED
    assert judge(Told("signed_in", "PM", "open")) is Conflict.ROSTER_CHANGED


def test_an_answer_not_recorded_outranks_the_rest() -> None:
    assert judge(Told("confirm_walk_in", "AM", None), later=True) is Conflict.NOT_RECORDED
