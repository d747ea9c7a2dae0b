"""What waits for the supervisor (services.waiting): the one count behind the kiosk's
督導 badge, the workspace's navigation, the swaps inbox and the review list."""

from __future__ import annotations

from datetime import date

from frontdesk.core.roster import ShiftKey
from frontdesk.services import (
    attendance,
    attendance_review,
    kiosk,
    roster,
    swap_views,
    swaps,
    waiting,
    workspace,
)

DEC1 = date(2026, 12, 1)  # Tuesday
LATER = date(2026, 12, 15)


def test_each_part_counts_what_its_page_lists(desk, make_volunteer, clock):  # type: ignore[no-untyped-def]
    late, _walk_in, asks = make_volunteer(), make_volunteer(), make_volunteer()
    roster.assign(desk, ShiftKey(DEC1, "AM"), late)
    roster.assign(desk, ShiftKey(LATER, "AM"), asks)
    assert waiting.for_supervisor(desk) == waiting.Waiting(0, 0, 0)

    clock.set(DEC1, 8, 50)
    attendance.scan(desk, "V001")  # 20 minutes late: to decide
    attendance.scan(desk, "V002", confirm_walk_in=True)  # a walk-in, still on duty
    parts = waiting.for_supervisor(desk)
    assert (parts.reviews, parts.total) == (0, 0)  # open records are not decided yet
    clock.set(DEC1, 11, 31)
    attendance.scan(desk, "V001")
    attendance.scan(desk, "V002")
    swaps.ask_supervisor(desk, asks, ShiftKey(LATER, "AM"), "住院")
    parts = waiting.for_supervisor(desk)
    assert parts == waiting.Waiting(swaps=1, reviews=2, pin_lockouts=0)
    assert parts.total == 3 == kiosk.pending_supervisor_count(desk)
    assert parts.reviews == len(workspace.review_rows(desk))
    assert parts.swaps == len(swap_views.pending(desk))

    # A late arrival that was decided no longer waits.
    late_row = next(r for r in workspace.review_rows(desk) if r.status == "late")
    attendance_review.accept_review(desk, late_row.id, "塞車，已告知")
    parts = waiting.for_supervisor(desk)
    assert parts == waiting.Waiting(swaps=1, reviews=1, pin_lockouts=0)
    assert parts.total == kiosk.pending_supervisor_count(desk) == 2
    assert parts.reviews == len(workspace.review_rows(desk))
    assert parts.swaps == len(swap_views.pending(desk))
