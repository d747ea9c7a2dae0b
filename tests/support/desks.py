"""A desk on a migrated database, and volunteers added through the real use case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from frontdesk.core.timeutil import utcnow
from frontdesk.services import volunteers
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.store.db import Database

AGENCY = "測試衛生所"
PHONE = "0912-345-678"
TRAINED_ON = date(2026, 1, 10)


def new_desk(
    db: Database,
    clock: Callable[[], datetime] = utcnow,
    *,
    agency: str = AGENCY,
    actor: str = "supervisor:test",
) -> Desk:
    """Set up the site on `db` and return a desk acting as `actor` at `clock`'s time (real by
    default)."""
    return Desk(db=db, site_id=init_site(db, agency), actor=actor, clock=clock)


def add_volunteer(
    desk: Desk,
    code: str,
    name: str,
    *,
    phone: str | None = PHONE,
    trained: bool = True,
    trained_on: date = TRAINED_ON,
    **fields: Any,
) -> int:
    """Add a volunteer (with 12 h of basic training unless `trained` is False); returns the id."""
    trainings = [("basic", "基礎訓練", trained_on, 12.0)] if trained else []
    return volunteers.add(
        desk,
        volunteers.VolunteerInput(code=code, name=name, phone=phone, trainings=trainings, **fields),
    )


def volunteer_maker(desk: Desk) -> Callable[..., int]:
    """make(code=None, name='志工', *, status, trained, weekly_max) -> id; codes V001, V002..."""
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
        return add_volunteer(
            desk,
            code,
            f"{name}{code}",
            trained=trained,
            status=status,
            weekly_max=weekly_max,
        )

    return make
