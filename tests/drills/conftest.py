"""Fixtures of the drills: a desk on each backend and a dump of the whole database."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from frontdesk.core.timeutil import at
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from frontdesk.store.models import Base
from tests.support.desks import add_volunteer, new_desk

NOW = at(date(2026, 11, 2), time(9))


@pytest.fixture
def desk(db: Database) -> Desk:
    """A desk with two volunteers (V001, V002) and the default settings."""
    d = new_desk(db, lambda: NOW, actor="supervisor:drill")
    for code in ("V001", "V002"):
        add_volunteer(d, code, f"志工{code}")
    return d


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order: equal dumps mean nothing changed."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            rows = [tuple(r) for r in session.execute(select(table)).all()]
            out[table.name] = sorted(rows, key=repr)
    return out
