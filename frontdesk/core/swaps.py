"""Shift swaps under the one-week rule (志工服務規範 附則二)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.findings import Code, Finding, error
from frontdesk.core.roster import Roster, ShiftKey, VolunteerFacts, check_assignment, slot_of
from frontdesk.core.settings import DeskSettings, slot_start


class SwapKind(StrEnum):
    EXCHANGE = "exchange"  # requester gives `given`, takes colleague's `taken`
    COVER = "cover"  # colleague takes `given`, nothing back
    ARRANGE = "arrange"  # "cannot serve, please arrange": the supervisor finds someone


class SwapState(StrEnum):
    PENDING_COLLEAGUE = "pending_colleague"
    PENDING_SUPERVISOR = "pending_supervisor"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"  # withdrawn by the requester
    EXPIRED = "expired"  # not decided by the shift start
    INVALID = "invalid"  # another approved change made it impossible


@dataclass(frozen=True, slots=True)
class SwapProposal:
    kind: SwapKind
    requester_id: int
    given: ShiftKey
    colleague_id: int
    taken: ShiftKey | None = None  # EXCHANGE only


def notice(requested_at: datetime, given: ShiftKey, settings: DeskSettings) -> timedelta:
    """Time between the request (or any moment, such as now) and the start of the shift
    given away; negative once it started. ValueError for an unknown slot."""
    return slot_start(given.day, slot_of(given, settings)) - requested_at


class NoticeLeft(NamedTuple):
    """A notice in whole days and hours, as every screen says it ("9 天 5 小時").

    Started minutes and hours are dropped (9 d 5 h 59 min is 9 d 5 h), so a screen never
    promises more time than is left; a negative notice (the duty started) is none.
    """

    days: int
    hours: int

    @classmethod
    def of(cls, left: timedelta) -> NoticeLeft:
        """Whole days and hours of `left`."""
        hours = max(0, left // timedelta(hours=1))
        return cls(hours // 24, hours % 24)


def is_short_notice(left: timedelta, settings: DeskSettings) -> bool:
    """Less than swap_notice_days x 24 hours: too late for a swap between volunteers
    (志工服務規範: 應提前一週與其他志工人員更換); the supervisor arranges it instead."""
    return left < timedelta(days=settings.swap_notice_days)


def has_started(shift: ShiftKey, settings: DeskSettings, now: datetime) -> bool:
    """The shift starts at or before `now`: it can no longer be given away.
    ValueError for an unknown slot."""
    return slot_start(shift.day, slot_of(shift, settings)) <= now


def own_shift_findings(
    volunteer_id: int,
    shift: ShiftKey,
    *,
    roster: Roster,
    settings: DeskSettings,
    requested_at: datetime,
    now: datetime,
    notice_rule: bool = True,
) -> list[Finding]:
    """May `volunteer_id` give `shift` away? The checks that need no colleague.

    Errors: NOT_ASSIGNED when the shift is not theirs on `roster`; SHIFT_STARTED when it
    starts at or before `now`; with `notice_rule` and not started, SHORT_NOTICE when the
    notice from `requested_at` is short (is_short_notice; facts notice_hours, notice_minutes,
    required_days): a duty under way has no notice left to speak of ("starts in 0 hours"). An
    unknown slot gives NOT_ASSIGNED only. Used for a swap between volunteers (with the
    notice rule) and for 'please arrange' (any notice).
    """
    started = _started(shift, settings, now)
    findings = _not_theirs(shift, volunteer_id, roster) + started
    if notice_rule and not started:  # a duty under way is refused as started, not as short
        short = _short_notice(shift, settings, requested_at)
        if short is not None:
            findings.append(error(Code.SHORT_NOTICE, **short))
    return findings


def _not_theirs(shift: ShiftKey, volunteer_id: int, roster: Roster) -> list[Finding]:
    if roster.has(shift, volunteer_id):
        return []
    return [error(Code.NOT_ASSIGNED, day=shift.day, slot=shift.slot, volunteer_id=volunteer_id)]


def _started(shift: ShiftKey, settings: DeskSettings, now: datetime) -> list[Finding]:
    if settings.slot(shift.slot) is None:
        return []  # an unknown slot is reported by check_assignment or as NOT_ASSIGNED
    if not has_started(shift, settings, now):
        return []
    starts = slot_start(shift.day, slot_of(shift, settings))
    return [error(Code.SHIFT_STARTED, day=shift.day, slot=shift.slot, starts_at=starts)]


def _short_notice(
    shift: ShiftKey, settings: DeskSettings, requested_at: datetime
) -> dict[str, object] | None:
    """The facts of a short notice for giving `shift` away, or None when it is enough."""
    if settings.slot(shift.slot) is None:
        return None
    left = notice(requested_at, shift, settings)
    if not is_short_notice(left, settings):
        return None
    return {
        "day": shift.day,
        "slot": shift.slot,
        "notice_hours": left // timedelta(hours=1),
        "notice_minutes": left // timedelta(minutes=1),
        "required_days": settings.swap_notice_days,
    }


def _validate(proposal: SwapProposal) -> None:
    if proposal.kind is SwapKind.EXCHANGE and proposal.taken is None:
        raise ValueError("an exchange needs the shift taken in return")
    if proposal.kind is not SwapKind.EXCHANGE and proposal.taken is not None:
        raise ValueError(f"a {proposal.kind} swap takes no shift in return")


def _moves(proposal: SwapProposal) -> tuple[list[tuple[ShiftKey, int]], list[tuple[ShiftKey, int]]]:
    """(removals, additions) of (shift, volunteer id) the swap makes."""
    _validate(proposal)
    removals = [(proposal.given, proposal.requester_id)]
    additions = [(proposal.given, proposal.colleague_id)]
    if proposal.taken is not None:
        removals.append((proposal.taken, proposal.colleague_id))
        additions.append((proposal.taken, proposal.requester_id))
    return removals, additions


def apply_swap(proposal: SwapProposal, roster: Roster) -> Roster:
    """The roster after the swap (no checks).

    EXCHANGE: the requester leaves `given` for `taken`, the colleague the other way.
    COVER and ARRANGE: the colleague takes `given`, the requester leaves it.
    """
    removals, additions = _moves(proposal)
    for shift, vid in removals:
        roster = roster.without(shift, vid)
    for shift, vid in additions:
        roster = roster.with_assigned(shift, vid)
    return roster


def _volunteer(volunteers: Mapping[int, VolunteerFacts], vid: int) -> VolunteerFacts:
    try:
        return volunteers[vid]
    except KeyError:
        raise KeyError(f"volunteer {vid} is not among the volunteers given") from None


def check_swap(
    proposal: SwapProposal,
    *,
    volunteers: Mapping[int, VolunteerFacts],
    roster: Roster,
    calendar: DutyCalendar,
    settings: DeskSettings,
    requested_at: datetime,
    now: datetime,
    by_supervisor: bool = False,
    reason: str | None = None,
) -> list[Finding]:
    """Findings for a swap against `roster` as it is.

    Errors: SAME_VOLUNTEER; SAME_SHIFT for an exchange whose two duties are one shift
    (nothing would move: a swap that changes nothing is refused); the own-shift checks of
    own_shift_findings for the requester's `given` and the colleague's `taken`:
    NOT_ASSIGNED (requester not on `given`, colleague not on `taken`); SHIFT_STARTED (given
    or taken starts at or before now); SHORT_NOTICE (not for a started `given`) when
    notice < swap_notice_days and not by_supervisor (facts: notice_hours, notice_minutes,
    required_days);
    SHORT_NOTICE_NEEDS_REASON when by_supervisor, short, and no reason; every
    check_assignment error for each volunteer's new shift; UNDER_MINIMUM (error here) for
    any slot the swap leaves below its minimum. Warnings from check_assignment pass through.

    Each volunteer's new shift is checked on the roster with both departures already
    made, so the place the requester frees counts as free and the shift the colleague
    gives away no longer counts towards the colleague's week. UNDER_MINIMUM is raised for
    a shift of the swap that ends with fewer volunteers than before and fewer than its
    minimum (a slot that was already short and stays as short is left to the coverage
    view). A reason of only blanks is no reason. Errors come first, then warnings.
    Raises ValueError for an EXCHANGE without `taken` (or `taken` on another kind) and
    KeyError for a volunteer id missing from `volunteers`.
    """
    _validate(proposal)
    findings: list[Finding] = []
    given, taken = proposal.given, proposal.taken
    requester, colleague = proposal.requester_id, proposal.colleague_id
    if requester == colleague:
        findings.append(error(Code.SAME_VOLUNTEER, volunteer_id=requester))
    if taken is not None and taken == given:
        findings.append(error(Code.SAME_SHIFT, day=given.day, slot=given.slot))
    # the own-shift checks of own_shift_findings, in the order a volunteer reads them
    findings.extend(_not_theirs(given, requester, roster))
    if taken is not None:
        findings.extend(_not_theirs(taken, colleague, roster))
    given_started = _started(given, settings, now)
    findings.extend(given_started)
    if taken is not None:
        findings.extend(_started(taken, settings, now))
    short = None if given_started else _short_notice(given, settings, requested_at)
    if short is not None:
        if not by_supervisor:
            findings.append(error(Code.SHORT_NOTICE, **short))
        elif not (reason and reason.strip()):
            findings.append(error(Code.SHORT_NOTICE_NEEDS_REASON, **short))

    removals, additions = _moves(proposal)
    vacated = roster
    for shift, vid in removals:
        vacated = vacated.without(shift, vid)
    assignment: list[Finding] = []
    for shift, vid in additions:
        assignment.extend(
            check_assignment(shift, _volunteer(volunteers, vid), vacated, calendar, settings)
        )
    findings.extend(f for f in assignment if f.blocking)

    findings.extend(_left_under_minimum(proposal, roster, calendar, settings))
    findings.extend(f for f in assignment if not f.blocking)
    return findings


def _left_under_minimum(
    proposal: SwapProposal, roster: Roster, calendar: DutyCalendar, settings: DeskSettings
) -> list[Finding]:
    """UNDER_MINIMUM for each open shift of the swap that ends with fewer volunteers than
    before and fewer than its slot's minimum."""
    found: list[Finding] = []
    after = apply_swap(proposal, roster)
    for shift in dict.fromkeys(s for s in (proposal.given, proposal.taken) if s is not None):
        slot = settings.slot(shift.slot)
        if slot is None or not calendar.slot_open(shift.day, shift.slot):
            continue
        before_count, after_count = len(roster.who(shift)), len(after.who(shift))
        if after_count < before_count and after_count < slot.min_staff:
            found.append(
                error(
                    Code.UNDER_MINIMUM,
                    day=shift.day,
                    slot=shift.slot,
                    count=after_count,
                    minimum=slot.min_staff,
                )
            )
    return found


def candidates(
    shift: ShiftKey,
    *,
    volunteers: Mapping[int, VolunteerFacts],
    roster: Roster,
    calendar: DutyCalendar,
    settings: DeskSettings,
    exclude: frozenset[int] = frozenset(),
) -> list[int]:
    """Colleagues who may take `shift` with no finding at all (active, free, under weekly
    maximum, trained), fewest shifts in that month first, then by id.

    Checked on `roster` as given: to find a replacement for a volunteer leaving a full
    shift, pass the roster without that volunteer.
    """
    holders = roster.who(shift)
    found = [
        vid
        for vid, facts in volunteers.items()
        if vid not in holders
        and vid not in exclude
        and not check_assignment(shift, facts, roster, calendar, settings)
    ]
    year, month = shift.day.year, shift.day.month
    return sorted(found, key=lambda vid: (roster.month_count(vid, year, month), vid))
