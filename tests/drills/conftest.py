"""Fixtures of the drills: a desk on each backend and a dump of the whole database."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from frontdesk.core.timeutil import at
from frontdesk.services import volunteers
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.store.db import Database
from frontdesk.store.models import Base

NOW = at(date(2026, 11, 2), time(9))


@pytest.fixture
def desk(db: Database) -> Desk:
    """A desk with two volunteers (V001, V002) and the default settings."""
    d = Desk(
        db=db, site_id=init_site(db, "測試衛生所"), actor="supervisor:drill", clock=lambda: NOW
    )
    for code in ("V001", "V002"):
        volunteers.add(
            d,
            volunteers.VolunteerInput(
                code=code,
                name=f"志工{code}",
                phone="0912-345-678",
                trainings=[("basic", "基礎訓練", date(2026, 1, 10), 12.0)],
            ),
        )
    return d


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order: equal dumps mean nothing changed."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            rows = [tuple(r) for r in session.execute(select(table)).all()]
            out[table.name] = sorted(rows, key=repr)
    return out
