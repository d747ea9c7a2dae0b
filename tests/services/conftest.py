"""Fixtures for the use-case tests: a desk on each backend with a clock the test moves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import pytest

from frontdesk.core.timeutil import at
from frontdesk.services import volunteers
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.store.db import Database


class Clock:
    """A mutable 'now' for a Desk; set it with a Taipei wall-clock day and time."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, day: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
        self.now = at(day, time(hh, mm, ss))
        return self.now


# 2026-11-02 is a Monday: most tests run "now" in early November and plan December.
START = at(date(2026, 11, 2), time(9, 0))


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def desk(db: Database, clock: Clock) -> Desk:
    return Desk(db=db, site_id=init_site(db, "測試衛生所"), actor="supervisor:test", clock=clock)


@pytest.fixture
def make_volunteer(desk: Desk) -> Callable[..., int]:
    """Add a volunteer (active, with basic training unless told otherwise); returns the id."""
    counter = iter(range(1, 10_000))

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
