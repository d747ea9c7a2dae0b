"""Roster checks: can this volunteer take this shift, is every slot staffed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.findings import Code, Finding, error, warning
from frontdesk.core.settings import DeskSettings, SlotDef


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

    __slots__ = ("_by_shift", "_by_volunteer")

    def __init__(self, assignments: Mapping[ShiftKey, Iterable[int]] | None = None) -> None:
        by_shift: dict[ShiftKey, frozenset[int]] = {}
        by_volunteer: dict[int, set[ShiftKey]] = {}
        for shift, ids in (assignments or {}).items():
            who = frozenset(ids)
            if not who:
                continue
            by_shift[shift] = who
            for vid in who:
                by_volunteer.setdefault(vid, set()).add(shift)
        self._by_shift = by_shift
        self._by_volunteer = {vid: frozenset(s) for vid, s in by_volunteer.items()}

    @classmethod
    def _make(
        cls, by_shift: dict[ShiftKey, frozenset[int]], by_volunteer: dict[int, frozenset[ShiftKey]]
    ) -> Roster:
        roster = cls.__new__(cls)
        roster._by_shift = by_shift
        roster._by_volunteer = by_volunteer
        return roster

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[ShiftKey, int]]) -> Roster:
        grouped: dict[ShiftKey, set[int]] = {}
        for shift, vid in pairs:
            grouped.setdefault(shift, set()).add(vid)
        return cls(grouped)

    def who(self, shift: ShiftKey) -> frozenset[int]:
        return self._by_shift.get(shift, frozenset())

    def shifts_of(self, volunteer_id: int) -> list[ShiftKey]:
        """Sorted."""
        return sorted(self._by_volunteer.get(volunteer_id, ()))

    def shifts(self) -> list[ShiftKey]:
        """Every shift with at least one volunteer, sorted."""
        return sorted(self._by_shift)

    def pairs(self) -> list[tuple[ShiftKey, int]]:
        """Every (shift, volunteer id) assignment, sorted."""
        return sorted((shift, vid) for shift, who in self._by_shift.items() for vid in who)

    def has(self, shift: ShiftKey, volunteer_id: int) -> bool:
        return volunteer_id in self._by_shift.get(shift, ())

    def with_assigned(self, shift: ShiftKey, volunteer_id: int) -> Roster:
        if self.has(shift, volunteer_id):
            return self
        by_shift = dict(self._by_shift)
        by_shift[shift] = self.who(shift) | {volunteer_id}
        by_volunteer = dict(self._by_volunteer)
        by_volunteer[volunteer_id] = by_volunteer.get(volunteer_id, frozenset()) | {shift}
        return Roster._make(by_shift, by_volunteer)

    def without(self, shift: ShiftKey, volunteer_id: int) -> Roster:
        if not self.has(shift, volunteer_id):
            return self
        by_shift = dict(self._by_shift)
        remaining = by_shift[shift] - {volunteer_id}
        if remaining:
            by_shift[shift] = remaining
        else:
            del by_shift[shift]
        by_volunteer = dict(self._by_volunteer)
        left = by_volunteer[volunteer_id] - {shift}
        if left:
            by_volunteer[volunteer_id] = left
        else:
            del by_volunteer[volunteer_id]
        return Roster._make(by_shift, by_volunteer)

    def week_count(self, volunteer_id: int, day: date) -> int:
        """Shifts of the volunteer in the ISO week (Mon–Sun) containing `day`."""
        monday = day - timedelta(days=day.weekday())
        sunday = monday + timedelta(days=6)
        return sum(1 for s in self._by_volunteer.get(volunteer_id, ()) if monday <= s.day <= sunday)

    def month_count(self, volunteer_id: int, year: int, month: int) -> int:
        return sum(
            1
            for s in self._by_volunteer.get(volunteer_id, ())
            if s.day.year == year and s.day.month == month
        )

    def __len__(self) -> int:
        """The number of (shift, volunteer) assignments."""
        return sum(len(who) for who in self._by_shift.values())

    def __iter__(self) -> Iterator[ShiftKey]:
        return iter(self.shifts())

    def __contains__(self, shift: object) -> bool:
        return shift in self._by_shift

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Roster):
            return NotImplemented
        return self._by_shift == other._by_shift

    def __hash__(self) -> int:
        return hash(frozenset(self._by_shift.items()))

    def __repr__(self) -> str:
        inner = ", ".join(
            f"{s.day.isoformat()}/{s.slot}: {sorted(self._by_shift[s])}" for s in self.shifts()
        )
        return f"Roster({{{inner}}})"


def _facts(shift: ShiftKey, volunteer_id: int) -> dict[str, object]:
    return {"day": shift.day, "slot": shift.slot, "volunteer_id": volunteer_id}


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

    Every finding has day, slot and volunteer_id; NOT_DUTY_DAY adds kind and label,
    OVER_MAXIMUM count (before the addition) and maximum, OVER_WEEKLY_MAXIMUM
    weekly_count (before the addition) and weekly_max. Errors come first.
    """
    base = _facts(shift, volunteer.id)
    errors: list[Finding] = []
    warnings: list[Finding] = []
    slot = settings.slot(shift.slot)
    if slot is None:
        errors.append(error(Code.UNKNOWN_SLOT, **base))
    else:
        info = calendar.day(shift.day)
        if not info.is_duty_day:
            errors.append(error(Code.NOT_DUTY_DAY, **base, kind=str(info.kind), label=info.label))
        elif shift.slot in info.closed_slots:
            errors.append(error(Code.SLOT_CLOSED, **base, label=info.label))
    if volunteer.status is VolunteerStatus.INACTIVE:
        errors.append(error(Code.VOLUNTEER_INACTIVE, **base))
    already = roster.has(shift, volunteer.id)
    if already:
        errors.append(error(Code.ALREADY_ASSIGNED, **base))
    elif slot is not None:
        count = len(roster.who(shift))
        if count >= slot.max_staff:
            errors.append(error(Code.OVER_MAXIMUM, **base, count=count, maximum=slot.max_staff))
    if not volunteer.has_basic_training:
        warnings.append(warning(Code.TRAINING_MISSING, **base, status=str(volunteer.status)))
    if not already:
        weekly_max = (
            settings.weekly_max_shifts if volunteer.weekly_max is None else volunteer.weekly_max
        )
        weekly_count = roster.week_count(volunteer.id, shift.day)
        if weekly_count + 1 > weekly_max:
            warnings.append(
                warning(
                    Code.OVER_WEEKLY_MAXIMUM,
                    **base,
                    weekly_count=weekly_count,
                    weekly_max=weekly_max,
                )
            )
    return errors + warnings


def check_unassignment(
    shift: ShiftKey, volunteer_id: int, roster: Roster, settings: DeskSettings
) -> list[Finding]:
    """NOT_ASSIGNED (error) when not there; UNDER_MINIMUM (warning) when removal leaves too few.

    UNDER_MINIMUM facts: day, slot, volunteer_id, count (after the removal), minimum.
    """
    base = _facts(shift, volunteer_id)
    if not roster.has(shift, volunteer_id):
        return [error(Code.NOT_ASSIGNED, **base)]
    slot = settings.slot(shift.slot)
    count = len(roster.who(shift)) - 1
    if slot is not None and count < slot.min_staff:
        return [warning(Code.UNDER_MINIMUM, **base, count=count, minimum=slot.min_staff)]
    return []


def coverage_findings(
    roster: Roster, calendar: DutyCalendar, settings: DeskSettings, days: Iterable[date]
) -> list[Finding]:
    """UNDER_MINIMUM / OVER_MAXIMUM (warnings) for every open slot of `days`; facts: day, slot, count, minimum/maximum."""
    findings: list[Finding] = []
    for d in days:
        info = calendar.day(d)
        if not info.is_duty_day:
            continue
        for slot in settings.slots:
            if not info.slot_open(slot.code):
                continue
            count = len(roster.who(ShiftKey(d, slot.code)))
            if count < slot.min_staff:
                findings.append(
                    warning(
                        Code.UNDER_MINIMUM,
                        day=d,
                        slot=slot.code,
                        count=count,
                        minimum=slot.min_staff,
                    )
                )
            elif count > slot.max_staff:
                findings.append(
                    warning(
                        Code.OVER_MAXIMUM,
                        day=d,
                        slot=slot.code,
                        count=count,
                        maximum=slot.max_staff,
                    )
                )
    return findings


def slot_of(shift: ShiftKey, settings: DeskSettings) -> SlotDef:
    """The definition of the shift's slot (its times: core.settings.slot_start/slot_end);
    ValueError for a slot the settings do not have."""
    slot = settings.slot(shift.slot)
    if slot is None:
        raise ValueError(f"unknown slot {shift.slot!r}")
    return slot
