"""Plain facts the core rules take, built with the defaults most tests want."""

from __future__ import annotations

from frontdesk.core.roster import VolunteerFacts, VolunteerStatus


def vol(
    vid: int,
    status: VolunteerStatus = VolunteerStatus.ACTIVE,
    trained: bool = True,
    weekly_max: int | None = None,
) -> VolunteerFacts:
    """A volunteer as the roster and swap rules see one: active and trained unless told."""
    return VolunteerFacts(vid, status, trained, weekly_max)
