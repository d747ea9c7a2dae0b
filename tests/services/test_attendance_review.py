"""Accepting many flagged records at once: one reason, one audit entry each, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from frontdesk.core.timeutil import at
from frontdesk.services import attendance, attendance_review, workspace
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.store import audit
from frontdesk.store.models import AttendanceCorrection, AuditEntry

DEC1 = date(2026, 12, 1)  # Tuesday, a working day
REASON = "臨時支援，督導同意"


def t(hh: int, mm: int = 0) -> datetime:
    return at(DEC1, time(hh, mm))


@pytest.fixture
def walk_ins(desk: Desk, make_volunteer: Callable[..., int]) -> list[int]:
    """Three walk-ins on the morning of 2026-12-01, each waiting for a decision."""
    ids = []
    for code in ("B01", "B02", "B03"):
        make_volunteer(code)
        r = attendance.scan(desk, code, confirm_walk_in=True, now=t(8, 40))
        attendance.scan(desk, code, now=t(11, 30))
        assert r.attendance_id is not None
        ids.append(r.attendance_id)
    assert {r.id for r in workspace.review_rows(desk)} == set(ids)
    return ids


def _accepts(desk: Desk) -> list[AuditEntry]:
    with desk.db.read() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.action == "attendance.accept"))
        )


def test_many_records_are_accepted_with_one_reason_each_audited(
    desk: Desk, walk_ins: list[int]
) -> None:
    assert attendance_review.accept_reviews(desk, [*walk_ins, walk_ins[0]], REASON) == 3
    assert workspace.review_rows(desk) == []
    entries = _accepts(desk)
    assert sorted(int(e.entity_id or 0) for e in entries) == sorted(walk_ins)
    assert all(e.after is not None and e.after["reason"] == REASON for e in entries)
    assert all(e.actor == desk.actor for e in entries)
    assert all(e.before is not None and e.before["review"] is True for e in entries)
    assert all(e.after is not None and e.after["review"] is False for e in entries)
    for aid in walk_ins:
        history = workspace.attendance_history(desk, aid)
        assert [h.reason for h in history] == [REASON]
    with desk.db.read() as session:
        assert audit.verify(session).ok


def test_one_missing_record_accepts_none(desk: Desk, walk_ins: list[int]) -> None:
    with pytest.raises(NotFound):
        attendance_review.accept_reviews(desk, [walk_ins[0], walk_ins[1], 99999], REASON)
    assert {r.id for r in workspace.review_rows(desk)} == set(walk_ins)
    assert _accepts(desk) == []
    with desk.db.read() as session:
        assert session.scalars(select(AttendanceCorrection)).first() is None


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_empty_reason_accepts_none(desk: Desk, walk_ins: list[int], reason: str) -> None:
    with pytest.raises(InvalidInput):
        attendance_review.accept_reviews(desk, walk_ins, reason)
    assert _accepts(desk) == []


def test_nothing_selected_is_refused(desk: Desk) -> None:
    with pytest.raises(InvalidInput):
        attendance_review.accept_reviews(desk, [], REASON)
