"""Exports with personal data: the audit entry is committed before any of it is written."""

from __future__ import annotations

from pathlib import Path

from frontdesk.services.auditing import record
from frontdesk.services.context import Desk


def audit_personal_month(desk: Desk, year: int, month: int, out: Path) -> None:
    """Record (who, month, file) that the month's workbook is written with phone numbers
    unmasked, before a single number is written anywhere, even to a temporary file.

    A process killed while it writes leaves the entry and, at most, a temporary file of
    ours that the next start removes (store.scratch); never a personal-data file unaudited.
    """
    with desk.db.write() as session:
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
