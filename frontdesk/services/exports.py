"""Exports with personal data: the file and its audit entry land together, or neither."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from frontdesk.services.auditing import record
from frontdesk.services.context import Desk


def place_personal_month(desk: Desk, year: int, month: int, written: Path, out: Path) -> None:
    """Move the month's workbook `written` (phone numbers unmasked) onto `out`, audited.

    The entry (who, month, file) is chained in the transaction that moves the file: if it
    does not commit, the file is taken away again, so no personal-data file is left
    without its entry.
    """
    placed = False
    try:
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
            os.replace(written, out)
            placed = True
    except BaseException:
        if placed:
            with contextlib.suppress(OSError):
                out.unlink()
        raise
