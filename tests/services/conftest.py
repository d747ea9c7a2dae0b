"""Fixtures for the use-case tests: a desk on each backend with a clock the test moves.

`clock` and `make_volunteer` come from tests/conftest.py.
"""

from __future__ import annotations

import pytest

from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.desks import new_desk


@pytest.fixture
def desk(db: Database, clock: Clock) -> Desk:
    return new_desk(db, clock)
