"""Minimal valid rows for store tests (every NOT NULL column filled)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from frontdesk.store.models import Attendance, Site, Volunteer

NOW = datetime(2025, 3, 4, 1, 30, tzinfo=UTC)


def site(session: Session, name: str = "衛生所服務台") -> Site:
    row = Site(name=name, created_at=NOW)
    session.add(row)
    session.flush()
    return row


def volunteer(session: Session, site_row: Site, code: str = "V001") -> Volunteer:
    row = Volunteer(site_id=site_row.id, code=code, name="王小明", created_at=NOW)
    session.add(row)
    session.flush()
    return row


def attendance(
    session: Session, vol: Volunteer, *, is_open: bool, day: date = date(2025, 3, 4)
) -> Attendance:
    row = Attendance(
        site_id=vol.site_id,
        volunteer_id=vol.id,
        day=day,
        slot="AM",
        in_at=NOW,
        out_at=None if is_open else NOW,
        is_open=is_open,
        status="open" if is_open else "present",
        recorded_by="kiosk",
        created_at=NOW,
        updated_at=NOW,
    )
    session.add(row)
    session.flush()
    return row
