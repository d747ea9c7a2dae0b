"""Fixtures for the export tests: the lived-in February on each backend, or on SQLite only."""

from __future__ import annotations

import pytest

from frontdesk.store.db import Database
from tests.export.scenario import Scenario, build_february


@pytest.fixture
def february(db: Database) -> Scenario:
    return build_february(db)


@pytest.fixture
def february_sqlite(sqlite_db: Database) -> Scenario:
    return build_february(sqlite_db)
