"""What waits for the supervisor, by part: the one count behind every number that says so.

The kiosk's 督導 badge is the total; the workspace shows each part beside its navigation
entry (換班 (n), 出勤 待確認 n) and the total above them; the swaps inbox and the attendance
review list select their rows by the same conditions. Counted separately before, the badge
said 16 while 出勤 said 待確認 39 and 換班 said (2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    func,
    or_,
    select,
)

from frontdesk.core.attendance import AttendanceStatus
from frontdesk.core.settings import DeskSettings, parse_settings
from frontdesk.core.swaps import SwapState
from frontdesk.services import phone_tests
from frontdesk.services.context import Desk
from frontdesk.store.models import Attendance, AttendanceCorrection, Setting, SwapRequest
from frontdesk.store.together import read_together

# Kept as they are until the supervisor decides (accepts or corrects them).
REVIEW_STATUSES = (
    AttendanceStatus.LATE.value,
    AttendanceStatus.EARLY_LEAVE.value,
    AttendanceStatus.LATE_EARLY_LEAVE.value,
)


def to_review() -> ColumnElement[bool]:
    """The attendance records waiting for the supervisor's decision: closed ones that are
    flagged (auto-closed, walk-in, absent, a suspect clock) or late or left early with no
    decision yet (no correction or acceptance recorded)."""
    decided = exists().where(AttendanceCorrection.attendance_id == Attendance.id)
    # What ix_attendance_site_to_review holds, written as its WHERE (a partial index is
    # matched to its query's terms as written: the statuses are literals, not parameters);
    # `decided` is set with every correction, so this term only narrows the rows read.
    statuses: BindParameter[str] = bindparam(
        "review_statuses", REVIEW_STATUSES, expanding=True, literal_execute=True, unique=True
    )
    return and_(
        or_(Attendance.needs_review, and_(Attendance.status.in_(statuses), ~Attendance.decided)),
        Attendance.is_open.is_(False),
        or_(
            Attendance.needs_review.is_(True),
            and_(Attendance.status.in_(REVIEW_STATUSES), ~decided),
        ),
    )


def swaps_to_decide() -> ColumnElement[bool]:
    """The swap requests in the supervisor's inbox: waiting for a decision and not the
    supervisor's own arrangement."""
    return and_(
        SwapRequest.state == SwapState.PENDING_SUPERVISOR.value,
        SwapRequest.by_supervisor.is_(False),
    )


@dataclass(frozen=True, slots=True)
class Waiting:
    """What waits for the supervisor at one site, part by part."""

    swaps: int  # swap requests to decide (the 換班 inbox)
    reviews: int  # attendance records to review (出勤, 待確認)
    pin_lockouts: int  # volunteers locked out of the kiosk PIN (see pin_lockouts())
    # volunteers' phone courtesy tests under the threshold with no follow-up yet
    # (services.phone_tests.follow_ups_due)
    phone_follow_ups: int = 0

    @property
    def total(self) -> int:
        """The kiosk's 督導 badge: the sum of the parts, nothing else."""
        return self.swaps + self.reviews + self.pin_lockouts + self.phone_follow_ups


def pin_lockouts(desk: Desk) -> int:
    """Volunteers whose kiosk PIN is locked after wrong entries, waiting for the supervisor.

    The store keeps no PIN lockout yet (a wrong PIN is refused and not counted), so none
    waits: 0. This is the one place to count them once the store records them.
    """
    del desk
    return 0


def for_supervisor(desk: Desk) -> Waiting:
    """The parts of what waits for the supervisor of `desk`'s site, read together (one
    round trip on a server)."""
    settings_rows, *rest = read_together(
        desk.db,
        [
            select(Setting.key, Setting.value).where(Setting.site_id == desk.site_id),
            *statements(desk.site_id),
        ],
    )
    return waiting_from(desk, parse_settings(dict(settings_rows)), rest)


def statements(site_id: int) -> list[Select[*tuple[Any, ...]]]:
    """The reads behind the parts (waiting_from() builds them): the swaps and reviews
    counted, and the phone tests without a follow-up by total."""
    swaps = (
        select(func.count(SwapRequest.id))
        .where(SwapRequest.site_id == site_id, swaps_to_decide())
        .scalar_subquery()
    )
    reviews = (
        select(func.count(Attendance.id))
        .where(Attendance.site_id == site_id, to_review())
        .scalar_subquery()
    )
    return [select(swaps, reviews), phone_tests.follow_up_totals_statement(site_id)]


def waiting_from(
    desk: Desk, settings: DeskSettings, rows: Sequence[list[tuple[Any, ...]]]
) -> Waiting:
    """The parts at `desk`'s site, of the rows statements() read, under its `settings`."""
    counted, totals = rows
    swaps, reviews = counted[0]
    phone = phone_tests.follow_ups_from(totals, settings.phone_test_threshold)
    return Waiting(int(swaps or 0), int(reviews or 0), pin_lockouts(desk), phone)
