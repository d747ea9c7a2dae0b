"""What the month's exports ask of the database beyond the month itself: the audit entry of
an export with personal data (committed before any of it is written) and how many records
still wait for review (the names of the people behind actors: services.people).
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.services.auditing import record
from frontdesk.services.context import Desk
from frontdesk.services.roster import month_bounds
from frontdesk.services.workspace import review_rows


def audit_personal_month(desk: Desk, year: int, month: int, out: Path) -> None:
    """Record (who, month, file) that the month's workbook is written with phone numbers
    unmasked, before a single number is written anywhere, even to a temporary file.

    A process killed while it writes leaves the entry and, at most, a temporary file of
    ours that the next start removes (store.scratch); never a personal-data file unaudited.
    """
    with desk.write() as session:
        record(
            session,
            desk,
            "export.personal_data",
            "export",
            f"{year:04d}-{month:02d}",
            after={
                "month": f"{year:04d}-{month:02d}",
                "file": str(out.resolve()),
                "personal": ["phone"],
            },
        )


def waiting_ids(desk: Desk, year: int, month: int) -> frozenset[int]:
    """The month's attendance records still in the supervisor's review queue
    (services.workspace.review_rows, the list the 出勤 page shows as 待確認)."""
    first, last = month_bounds(year, month)
    return frozenset(r.id for r in review_rows(desk) if first <= r.day <= last)


def waiting_for_review(desk: Desk, year: int, month: int) -> int:
    """How many of the month's records wait for review: the hours they credit may still
    change, so exporting the month says so first (and marks them 待覆核 in the workbook)."""
    return len(waiting_ids(desk, year, month))
