"""The desk a use case works on: database, site, clock and who is acting."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.clock import ClockGuard
from frontdesk.core.settings import DeskSettings, parse_settings
from frontdesk.core.timeutil import utcnow
from frontdesk.store.db import Database
from frontdesk.store.models import Setting

# Database is named here so the UI and the CLI, which never import the store, can speak
# of the handle a Desk works on.
__all__ = ["Database", "Desk", "load_settings", "settings"]


@dataclass(frozen=True)
class Desk:
    """Everything a use case needs: pass it as the first argument."""

    db: Database
    site_id: int
    actor: str = "kiosk"
    clock: Callable[[], datetime] = field(default=utcnow)
    # The kiosk's process-wide guard noticing the PC's clock being changed between scans.
    clock_guard: ClockGuard | None = field(default=None, compare=False)

    def now(self) -> datetime:
        return self.clock()

    def write(self) -> AbstractContextManager[Session]:
        """A write of this site's records (and the shared audit log): Database.write(site).

        On PostgreSQL it queues behind writes of the same site and of the whole database
        only, so desks at other sites never wait for it; SQLite has one writer anyway. A
        write touching what every site shares (sites, supervisor accounts, the import's
        cross-batch check) uses desk.db.write() instead.
        """
        return self.db.write(site=self.site_id)

    def as_actor(self, actor: str) -> Desk:
        return replace(self, actor=actor)


def load_settings(session: Session, site_id: int) -> DeskSettings:
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.site_id == site_id))
    return parse_settings({key: value for key, value in rows})


def settings(desk: Desk) -> DeskSettings:
    with desk.db.read() as session:
        return load_settings(session, desk.site_id)
