"""Fixtures of the supervisor workspace tests: a desk on SQLite with a clock, and a supervisor.

Imported by tests/ui/test_supervisor*.py and test_models*.py (kept out of the kiosk's
conftest); `make_volunteer` comes from tests/conftest.py.
"""

from __future__ import annotations

import pytest

from frontdesk.services import supervisors
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from tests.support.clocks import START, Clock
from tests.support.desks import new_desk

PASSWORD = "correct-horse-1"

__all__ = ["PASSWORD", "START", "Clock", "boss", "clock", "desk"]


@pytest.fixture
def clock() -> Clock:
    """The workspace starts at START, not at the kiosk conftest's 08:27 sign-in time."""
    return Clock(START)


@pytest.fixture
def desk(sqlite_db: Database, clock: Clock) -> Desk:
    return new_desk(sqlite_db, clock, actor="supervisor:boss")


@pytest.fixture
def boss(desk: Desk) -> str:
    supervisors.create(desk, "boss", PASSWORD, "王督導")
    return "boss"
