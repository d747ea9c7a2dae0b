"""What the month's workbook is made from: frozen views of the roster, attendance, hours,
swaps and the audit anchor, as services.reports gathers them and frontdesk.export writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from frontdesk.core.calendar import DayInfo
from frontdesk.core.recognition import Recognition
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import DeskSettings
from frontdesk.services.roster import month_bounds

# Recognition under the Volunteer Service Act (志願服務法) as supervisors track it.
DEFAULT_SERVICE_CATEGORY = "服務台諮詢引導"


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One name in a roster cell: who, how they got there, and what happened."""

    volunteer_id: int
    code: str
    name: str
    source: str  # pattern, manual, swap, walk_in (served without an assignment)
    status: str | None  # the attendance status, None when nothing is recorded yet


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    id: int
    day: date
    slot: str
    volunteer_id: int
    code: str
    name: str
    in_at: datetime | None  # aware UTC
    out_at: datetime | None
    status: str
    late_minutes: int
    early_leave_minutes: int
    credited_minutes: int
    recorded_by: str
    needs_review: bool
    walk_in: bool  # signed in at the kiosk without an assignment
    resumed: bool  # a second segment of the same slot
    note: str  # words a person wrote
    corrections: tuple[str, ...]  # the reasons, oldest first


@dataclass(frozen=True, slots=True)
class ServiceDay:
    """A volunteer's service on one day, the unit the national system takes."""

    day: date
    first_in: datetime | None
    last_out: datetime | None
    minutes: int  # as recorded: each duty cut to the step (services.records)
    item: str = ""  # 服務項目: the service item setting, or the hand entry's own
    reason: str = ""  # hours entered by hand: why


@dataclass(frozen=True, slots=True)
class VolunteerHours:
    volunteer_id: int
    code: str
    name: str
    phone: str | None
    status: str
    service_since: date | None  # joined_on, else the first recorded duty
    deactivated_on: date | None
    scheduled: int
    served: int
    late: int
    early_leave: int
    absent: int
    walk_in: int
    month_minutes: int
    year_minutes: int
    total_minutes: int
    certificate: Recognition
    honor_card: Recognition
    days: tuple[ServiceDay, ...] = ()
    missing: tuple[str, ...] = ()  # 'basic', 'special', 'record_book' (core.recognition)


@dataclass(frozen=True, slots=True)
class SwapLine:
    id: int
    kind: str
    state: str
    requester_code: str
    requester_name: str
    colleague_code: str
    colleague_name: str
    given_day: date
    given_slot: str
    taken_day: date | None
    taken_slot: str | None
    requested_at: datetime
    agreed_at: datetime | None
    decided_at: datetime | None
    decided_by: str  # the person's name (people.actor_names), else the actor as recorded
    notice_minutes: int
    notice_ok: bool  # met the one-week rule (swap_notice_days)
    by_supervisor: bool
    reason: str
    outcome_reason: str  # what a supervisor typed with the decision
    declined: bool  # rejected by the colleague, not by a supervisor
    superseded_by: int | None  # invalid because this approved swap took the shift first


@dataclass(frozen=True, slots=True)
class AuditAnchor:
    """The head of the audit chain as it stood at the end of the month."""

    upto: datetime  # exclusive: the first instant of the next month, Taipei
    entries: int
    head_hash: str  # audit.GENESIS when there were no entries yet
    head_id: int | None


@dataclass(frozen=True)
class MonthReport:
    year: int
    month: int
    agency_name: str
    desk_name: str
    site_created_on: date
    generated_at: datetime
    settings: DeskSettings
    days: list[DayInfo]
    roster: dict[ShiftKey, list[RosterEntry]]
    attendance: list[AttendanceLine]
    volunteers: list[VolunteerHours]
    swaps: list[SwapLine]
    audit: AuditAnchor
    service_category: str = DEFAULT_SERVICE_CATEGORY
    notes: list[str] = field(default_factory=list)
    # The ids of the month's records in the supervisor's review queue (exports.waiting_ids),
    # when known; else a record's own needs_review flag stands for it.
    review_queue: frozenset[int] | None = None

    def awaits_review(self, a: AttendanceLine) -> bool:
        """Is the record waiting for review, as the review queue and the export's warning say."""
        return a.needs_review if self.review_queue is None else a.id in self.review_queue

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return month_bounds(self.year, self.month)[1]

    @property
    def before_site(self) -> bool:
        """The whole month lies before the site was set up."""
        return self.last < self.site_created_on
