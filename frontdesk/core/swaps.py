"""Shift swaps under the one-week rule (志工服務規範 附則二).

CONTRACT STUB (to be implemented): signatures are fixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.findings import Finding
from frontdesk.core.roster import Roster, ShiftKey, VolunteerFacts
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
    raise NotImplementedError


def apply_swap(proposal: SwapProposal, roster: Roster) -> Roster:
    """The roster after the swap (no checks)."""
    raise NotImplementedError


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
    """
    raise NotImplementedError


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
    maximum, trained), fewest shifts in that month first, then by id."""
    raise NotImplementedError
