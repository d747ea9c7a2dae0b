"""Plain facts the core rules take, built with the defaults most tests want."""

from __future__ import annotations

from collections.abc import Iterable

from frontdesk.core.findings import Finding
from frontdesk.core.roster import VolunteerFacts, VolunteerStatus


def vol(
    vid: int,
    status: VolunteerStatus = VolunteerStatus.ACTIVE,
    trained: bool = True,
    weekly_max: int | None = None,
) -> VolunteerFacts:
    """A volunteer as the roster and swap rules see one: active and trained unless told."""
    return VolunteerFacts(vid, status, trained, weekly_max)


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding blocks the change (the screens ask each finding's `blocking`)."""
    return any(f.blocking for f in findings)
