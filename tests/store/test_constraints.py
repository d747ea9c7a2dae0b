"""Rules the database itself enforces, whatever client writes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, Volunteer
from tests.store import builders


def test_only_one_open_attendance_per_volunteer(db: Database) -> None:
    with db.write() as s:
        vol = builders.volunteer(s, builders.site(s))
        builders.attendance(s, vol, is_open=True)
        vol_id = vol.id
    with pytest.raises(IntegrityError), db.write() as s:
        vol = s.get(Volunteer, vol_id)
        assert vol is not None
        builders.attendance(s, vol, is_open=True)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 1


def test_closed_attendances_are_not_limited(db: Database) -> None:
    with db.write() as s:
        vol = builders.volunteer(s, builders.site(s))
        builders.attendance(s, vol, is_open=False)
        builders.attendance(s, vol, is_open=False)
        builders.attendance(s, vol, is_open=True)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 3
        assert s.scalar(select(func.count()).where(Attendance.is_open)) == 1


def test_open_attendances_of_different_volunteers(db: Database) -> None:
    with db.write() as s:
        site = builders.site(s)
        a = builders.volunteer(s, site, "V001")
        b = builders.volunteer(s, site, "V002")
        builders.attendance(s, a, is_open=True)
        builders.attendance(s, b, is_open=True)
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Attendance.is_open)) == 2


def test_closing_then_reopening_is_allowed(db: Database) -> None:
    with db.write() as s:
        vol = builders.volunteer(s, builders.site(s))
        first = builders.attendance(s, vol, is_open=True)
        first.is_open = False
        s.flush()
        builders.attendance(s, vol, is_open=True)
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Attendance.is_open)) == 1


def test_volunteer_code_unique_per_site(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write() as s:
        site = builders.site(s)
        builders.volunteer(s, site, "V001")
        builders.volunteer(s, site, "V001")
