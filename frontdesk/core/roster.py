"""Roster checks: can this volunteer take this shift, is every slot staffed.

CONTRACT STUB (to be implemented): signatures are fixed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.findings import Finding
from frontdesk.core.settings import DeskSettings


class VolunteerStatus(StrEnum):
    TRAINEE = "trainee"
    ACTIVE = "active"
    INACTIVE = "inactive"


@dataclass(frozen=True, slots=True, order=True)
class ShiftKey:
    """One slot on one day."""

    day: date
    slot: str


@dataclass(frozen=True, slots=True)
class VolunteerFacts:
    """What the rules need to know of a volunteer (no personal data)."""

    id: int
    status: VolunteerStatus
    has_basic_training: bool
    weekly_max: int | None = None  # None: the site's weekly_max_shifts


class Roster:
    """Who is assigned where: an immutable mapping ShiftKey -> volunteer ids."""

    def __init__(self, assignments: Mapping[ShiftKey, Iterable[int]] | None = None) -> None:
        raise NotImplementedError

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[ShiftKey, int]]) -> Roster:
        raise NotImplementedError

    def who(self, shift: ShiftKey) -> frozenset[int]:
        raise NotImplementedError

    def shifts_of(self, volunteer_id: int) -> list[ShiftKey]:
        """Sorted."""
        raise NotImplementedError

    def shifts(self) -> list[ShiftKey]:
        """Every shift with at least one volunteer, sorted."""
        raise NotImplementedError

    def with_assigned(self, shift: ShiftKey, volunteer_id: int) -> Roster:
        raise NotImplementedError

    def without(self, shift: ShiftKey, volunteer_id: int) -> Roster:
        raise NotImplementedError

    def week_count(self, volunteer_id: int, day: date) -> int:
        """Shifts of the volunteer in the ISO week (Mon–Sun) containing `day`."""
        raise NotImplementedError

    def month_count(self, volunteer_id: int, year: int, month: int) -> int:
        raise NotImplementedError


def check_assignment(
    shift: ShiftKey,
    volunteer: VolunteerFacts,
    roster: Roster,
    calendar: DutyCalendar,
    settings: DeskSettings,
) -> list[Finding]:
    """Findings for adding `volunteer` to `shift` on `roster` (which does not yet contain it).

    Errors: UNKNOWN_SLOT, NOT_DUTY_DAY, SLOT_CLOSED, VOLUNTEER_INACTIVE, ALREADY_ASSIGNED,
    OVER_MAXIMUM. Warnings: TRAINING_MISSING, OVER_WEEKLY_MAXIMUM.
    Facts carry what the UI needs (day, slot, volunteer_id, count, maximum, ...).
    """
    raise NotImplementedError


def check_unassignment(
    shift: ShiftKey, volunteer_id: int, roster: Roster, settings: DeskSettings
) -> list[Finding]:
    """NOT_ASSIGNED (error) when not there; UNDER_MINIMUM (warning) when removal leaves too few."""
    raise NotImplementedError


def coverage_findings(
    roster: Roster, calendar: DutyCalendar, settings: DeskSettings, days: Iterable[date]
) -> list[Finding]:
    """UNDER_MINIMUM / OVER_MAXIMUM (warnings) for every open slot of `days`; facts: day, slot, count, minimum/maximum."""
    raise NotImplementedError


def shift_start(shift: ShiftKey, settings: DeskSettings) -> datetime:
    """The aware UTC instant the shift starts (Taipei wall clock)."""
    raise NotImplementedError


def shift_end(shift: ShiftKey, settings: DeskSettings) -> datetime:
    raise NotImplementedError
