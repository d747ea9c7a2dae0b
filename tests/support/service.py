"""Credited duties written straight into the attendance table, for record and recognition tests."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Iterable
from datetime import date, time
from pathlib import Path

from frontdesk.core.timeutil import at
from frontdesk.services.context import Desk
from frontdesk.store.models import Attendance


def served(desk: Desk, volunteer_id: int, duties: Iterable[tuple[date, str, int]]) -> None:
    """One on-time duty per (day, slot, credited minutes)."""
    with desk.db.write() as session:
        for day, slot, minutes in duties:
            start = at(day, time(8, 30) if slot == "AM" else time(13, 30))
            session.add(
                Attendance(
                    site_id=desk.site_id,
                    volunteer_id=volunteer_id,
                    day=day,
                    slot=slot,
                    in_at=start,
                    out_at=start,
                    is_open=False,
                    status="on_time",
                    credited_minutes=minutes,
                    recorded_by="manual",
                    created_at=start,
                    updated_at=start,
                )
            )


def pdf_text(path: Path) -> str:
    """The text of a PDF by poppler's pdftotext, NFKC-normalised: CJK glyphs come back as
    Kangxi radicals (⼯ for 工) otherwise."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", out)
