"""Read use cases of the supervisor workspace, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, time

import pytest

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, attendance_review, roster, volunteers, workspace
from frontdesk.services.errors import NotFound

DEC1 = date(2026, 12, 1)


def test_volunteer_rows_mask_the_phone_and_count_this_months_duties(desk, make_volunteer, clock):
    a = make_volunteer("A01")
    make_volunteer("B02", trained=False, status="inactive")
    clock.set(DEC1, 9)
    roster.assign(desk, ShiftKey(date(2026, 12, 2), "AM"), a)
    rows = {r.code: r for r in workspace.volunteer_rows(desk)}
    assert rows["A01"].phone_masked == "0912-***-678"
    assert "345" not in repr(rows["A01"])
    assert rows["A01"].shifts_this_month == 1 and rows["A01"].basic_training
    assert rows["A01"].training_hours == 12.0
    assert not rows["B02"].basic_training and rows["B02"].status == "inactive"
    assert [b.code for b in workspace.badge_entries(desk)] == ["A01"]
    assert workspace.volunteer_detail(desk, a).phone == "0912-345-678"
    with pytest.raises(NotFound):
        workspace.volunteer_detail(desk, 9999)


def test_coverage_gaps_with_fewest_shifts_first(desk, make_volunteer):
    a, b, c = make_volunteer(), make_volunteer(), make_volunteer(weekly_max=1)
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    roster.assign(desk, ShiftKey(date(2026, 12, 2), "AM"), c)
    gaps = workspace.coverage_gaps(desk, DEC1, 2)
    assert [g.shift for g in gaps] == [
        ShiftKey(DEC1, "PM"),
        ShiftKey(date(2026, 12, 2), "PM"),
    ]
    first = gaps[0]
    assert (first.count, first.minimum) == (0, 1)
    # b has no duty this month, a has one; c is at the weekly maximum of 1.
    assert [s.volunteer_id for s in first.suggestions] == [b, a]


def test_review_rows_hold_flags_and_late_arrivals_until_decided(desk, make_volunteer, clock):
    a = make_volunteer()
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    clock.set(DEC1, 8, 50)
    attendance.scan(desk, "V001")  # 20 minutes late
    clock.set(DEC1, 11, 31)
    attendance.scan(desk, "V001")
    rows = workspace.review_rows(desk)
    assert [r.status for r in rows] == ["late"]
    attendance_review.accept_review(desk, rows[0].id, "塞車，已告知")
    assert workspace.review_rows(desk) == []
    history = workspace.attendance_history(desk, rows[0].id)
    assert [h.reason for h in history] == ["塞車，已告知"]
    assert [r.id for r in workspace.attendance_month(desk, 2026, 12)] == [rows[0].id]
    assert workspace.attendance_day(desk, DEC1)[0].corrections == 1
    assert workspace.attendance_month(desk, 2026, 11) == []
    assert at(DEC1, time(8, 50)) == workspace.attendance_day(desk, DEC1)[0].in_at


def test_audit_log_newest_first_and_chain(desk, make_volunteer):
    make_volunteer()
    log = workspace.audit_log(desk)
    assert log[0].action == "volunteer.add" and log[-1].action == "site.create"
    assert workspace.audit_log(desk, limit=1, before_id=log[0].id)[0].id == log[1].id
    report = workspace.verify_audit(desk)
    assert report.ok and report.entries == len(log)


def test_choices_leave_out_inactive(desk, make_volunteer):
    make_volunteer("A01")
    vid = make_volunteer("B02")
    volunteers.deactivate(desk, vid)
    assert [c.code for c in workspace.volunteer_choices(desk)] == ["A01"]
    assert len(workspace.volunteer_choices(desk, include_inactive=True)) == 2
