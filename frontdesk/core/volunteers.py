"""A volunteer's status over time: trainee, active, inactive, and the day they left.

The deactivation moment starts the personal-data retention period (個人資料保護法: keep
only what the programme needs; the supervisor may purge a departed volunteer's data
`retention_days` after they left) and tells the monthly reports who still belonged to the
team. It is therefore the moment a volunteer *became* inactive: saving the form again or
importing the sheet again does not move it, and a volunteer who comes back has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from frontdesk.core.roster import VolunteerStatus


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A volunteer's status and deactivation moment (aware UTC, None unless inactive)."""

    status: VolunteerStatus
    deactivated_at: datetime | None


def change_status(
    current: str, deactivated_at: datetime | None, wanted: str, now: datetime
) -> StatusChange:
    """The status and deactivation moment after asking for `wanted` at `now`.

    Every status may follow every other. Becoming inactive records `now`; staying
    inactive keeps what is recorded (None for a volunteer added as inactive, whose
    leaving counts from when they were added); becoming trainee or active again clears
    it. ValueError for a word that is no status.
    """
    old, new = VolunteerStatus(current), VolunteerStatus(wanted)
    if new is not VolunteerStatus.INACTIVE:
        return StatusChange(new, None)
    if old is VolunteerStatus.INACTIVE:
        return StatusChange(new, deactivated_at)
    return StatusChange(new, now)
