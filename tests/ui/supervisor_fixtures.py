"""Fixtures of the supervisor workspace tests: a desk on SQLite with a clock, and a little data.

Imported by tests/ui/test_supervisor*.py and test_models*.py (kept out of a shared conftest).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import pytest

from frontdesk.core.timeutil import at
from frontdesk.services import supervisors, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.store.db import Database

# 2026-11-02 is a Monday; December 2026 is the month planned in most tests.
START = at(date(2026, 11, 2), time(9, 0))
PASSWORD = "correct-horse-1"

__all__ = ["PASSWORD", "START", "Clock", "boss", "clock", "desk", "make_volunteer"]


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, day: date, hh: int, mm: int = 0) -> datetime:
        self.now = at(day, time(hh, mm))
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def desk(sqlite_db: Database, clock: Clock) -> Desk:
    site = init_site(sqlite_db, "測試衛生所")
    return Desk(db=sqlite_db, site_id=site, actor="supervisor:boss", clock=clock)


@pytest.fixture
def boss(desk: Desk) -> str:
    supervisors.create(desk, "boss", PASSWORD, "王督導")
    return "boss"


@pytest.fixture
def make_volunteer(desk: Desk) -> Callable[..., int]:
    counter = iter(range(1, 100_000))

    def make(
        code: str | None = None,
        name: str = "志工",
        *,
        status: str = "active",
        trained: bool = True,
        weekly_max: int | None = None,
    ) -> int:
        code = code or f"V{next(counter):03d}"
        trainings = [("basic", "基礎訓練", date(2026, 1, 10), 12.0)] if trained else []
        return volunteers.add(
            desk,
            volunteers.VolunteerInput(
                code=code,
                name=f"{name}{code}",
                phone="0912-345-678",
                status=status,
                weekly_max=weekly_max,
                trainings=trainings,
            ),
        )

    return make
