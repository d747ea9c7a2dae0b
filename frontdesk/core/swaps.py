"""Shift swaps under the one-week rule (志工服務規範 附則二)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.findings import Code, Finding, error
from frontdesk.core.roster import Roster, ShiftKey, VolunteerFacts, check_assignment, shift_start
from frontdesk.core.settings import DeskSettings


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
    """Time between the request and the start of the shift given away."""
    return shift_start(given, settings) - requested_at


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

    Errors: SAME_VOLUNTEER; NOT_ASSIGNED (requester not on `given`, colleague not on
    `taken`); SHIFT_STARTED (given or taken starts at or before now); SHORT_NOTICE when
    notice < swap_notice_days and not by_supervisor (facts: notice_hours, required_days);
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
    if not roster.has(given, requester):
        findings.append(
            error(Code.NOT_ASSIGNED, day=given.day, slot=given.slot, volunteer_id=requester)
        )
    if taken is not None and not roster.has(taken, colleague):
        findings.append(
            error(Code.NOT_ASSIGNED, day=taken.day, slot=taken.slot, volunteer_id=colleague)
        )
    for shift in (given, taken):
        if shift is None or settings.slot(shift.slot) is None:
            continue  # an unknown slot is reported by check_assignment
        starts = shift_start(shift, settings)
        if starts <= now:
            findings.append(
                error(Code.SHIFT_STARTED, day=shift.day, slot=shift.slot, starts_at=starts)
            )
    if settings.slot(given.slot) is not None:
        left = notice(requested_at, given, settings)
        required = timedelta(days=settings.swap_notice_days)
        if left < required:
            facts = {
                "day": given.day,
                "slot": given.slot,
                "notice_hours": left // timedelta(hours=1),
                "required_days": settings.swap_notice_days,
            }
            if not by_supervisor:
                findings.append(error(Code.SHORT_NOTICE, **facts))
            elif not (reason and reason.strip()):
                findings.append(error(Code.SHORT_NOTICE_NEEDS_REASON, **facts))

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

    after = apply_swap(proposal, roster)
    for shift in dict.fromkeys(s for s in (given, taken) if s is not None):
        slot = settings.slot(shift.slot)
        if slot is None or not calendar.slot_open(shift.day, shift.slot):
            continue
        before_count, after_count = len(roster.who(shift)), len(after.who(shift))
        if after_count < before_count and after_count < slot.min_staff:
            findings.append(
                error(
                    Code.UNDER_MINIMUM,
                    day=shift.day,
                    slot=shift.slot,
                    count=after_count,
                    minimum=slot.min_staff,
                )
            )
    findings.extend(f for f in assignment if not f.blocking)
    return findings


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
