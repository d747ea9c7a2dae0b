"""How a scan decided offline compares with the server's answer when it is sent later.

A desk out of reach of its server decides each scan from its replica by the same rule
(core.attendance.decide_scan). Sent later, the server may answer otherwise, because what
the desk could not see changed meanwhile: another desk signed the volunteer in, the
supervisor changed the roster or closed the day, the sweep marked the duty absent. Such a
scan is still recorded as the server decides it, and flagged with one of these reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from frontdesk.core.attendance import ScanOutcome


class Conflict(StrEnum):
    """Why a replayed scan is flagged for the supervisor's review."""

    # the server answered with another action (signed in elsewhere meanwhile, ...)
    ANSWER_DIFFERS = "answer_differs"
    # the server recorded nothing (already signed in elsewhere, a repeat, a closed day)
    NOT_RECORDED = "not_recorded"
    # same action, another slot or status (the roster or the calendar changed)
    ROSTER_CHANGED = "roster_changed"
    # the sweep had marked this duty absent; the sign-in corrects it
    ABSENT_CORRECTED = "absent_corrected"
    # the server held a later instant for the volunteer: recorded at that instant
    RECORDED_LATER = "recorded_later"
    # the sign-out taken back offline could not be taken back on the server
    UNDO_REFUSED = "undo_refused"


RECORDING = (ScanOutcome.SIGNED_IN, ScanOutcome.SIGNED_OUT, ScanOutcome.SIGN_OUT_UNDONE)


@dataclass(frozen=True, slots=True)
class Told:
    """An answer to a scan: the outcome, the slot code and the status (None if none)."""

    outcome: str
    slot: str | None
    status: str | None


def conflict_of(
    told: Told,
    server: Told,
    *,
    scanned_at: datetime,
    recorded_at: datetime,
    was_absent: bool,
) -> Conflict | None:
    """The reason to flag a scan the desk answered `told` offline and the server answered
    `server` (None: the same answer, nothing to review). `was_absent`: the record it
    signed into had been marked absent by the sweep."""
    if server.outcome not in RECORDING:
        return Conflict.NOT_RECORDED
    if server.outcome != told.outcome:
        return Conflict.ANSWER_DIFFERS
    if recorded_at != scanned_at:
        return Conflict.RECORDED_LATER
    if was_absent:
        return Conflict.ABSENT_CORRECTED
    if (server.slot, server.status) != (told.slot, told.status):
        return Conflict.ROSTER_CHANGED
    return None
