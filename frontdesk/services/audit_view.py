"""The audit log as a supervisor reads it: filtered by who, what and which days, with the
names of the people and the agency it mentions, and its export recorded in the log itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.timeutil import at
from frontdesk.services.auditing import record, resolve
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.workspace import AuditRow
from frontdesk.store.models import AuditEntry, Site, Supervisor, Volunteer
from frontdesk.words.audit_names import Names

SCREEN_LIMIT = 5000  # newest entries the screen lists; the export has no limit


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Which entries: by whom (an actor as stored), what (an action code), and which Taipei
    days, both ends included. None means any."""

    actor: str | None = None
    action: str | None = None
    first_day: date | None = None
    last_day: date | None = None

    def check(self) -> None:
        """A range that ends before it starts is refused, in words the person understands."""
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise InvalidInput(
                "the last day is before the first day", field="date_range", value=self.last_day
            )


@dataclass(frozen=True, slots=True)
class AuditLog:
    rows: list[AuditRow]  # newest first
    names: Names
    more: bool  # True when more entries match than `rows` holds


def names(session: Session, site_id: int) -> Names:
    """The agency's name and everyone's name (volunteers by id and code, supervisors by id
    and user name), so the log speaks of people rather than of ids."""
    site = session.get(Site, site_id)
    volunteers = {
        v.id: (v.code, v.name)
        for v in session.execute(
            select(Volunteer.id, Volunteer.code, Volunteer.name).where(Volunteer.site_id == site_id)
        )
    }
    supervisors = list(
        session.execute(select(Supervisor.id, Supervisor.username, Supervisor.display_name))
    )
    return Names(
        agency=site.name if site is not None else "",
        volunteers=volunteers,
        supervisors={s.id: s.display_name or s.username for s in supervisors},
        usernames={s.username: s.display_name or s.username for s in supervisors},
    )


def _conditions(query: AuditQuery) -> list[Any]:
    found: list[Any] = []
    if query.actor:
        found.append(AuditEntry.actor == query.actor)
    if query.action:
        found.append(AuditEntry.action == query.action)
    if query.first_day is not None:
        found.append(AuditEntry.at >= at(query.first_day, time(0)))
    if query.last_day is not None:
        found.append(AuditEntry.at < at(query.last_day + timedelta(days=1), time(0)))
    return found


def audit_entries(desk: Desk, query: AuditQuery, *, limit: int | None = SCREEN_LIMIT) -> AuditLog:
    """The entries matching `query`, newest first (at most `limit`; None: all of them)."""
    query.check()
    with desk.db.read() as session:
        stmt = select(AuditEntry).where(*_conditions(query)).order_by(AuditEntry.id.desc())
        if limit is not None:
            stmt = stmt.limit(limit + 1)
        entries = list(session.scalars(stmt))
        # Names and phones are written by reference (auditing.Personal): the value while the
        # person's data is kept, None once it was purged.
        befores = resolve(session, (e.before for e in entries))
        afters = resolve(session, (e.after for e in entries))
        rows = [
            AuditRow(e.id, e.at, e.actor, e.action, e.entity, e.entity_id, b, a)
            for e, b, a in zip(entries, befores, afters, strict=True)
        ]
        more = limit is not None and len(rows) > limit
        return AuditLog(rows[:limit] if more else rows, names(session, desk.site_id), more)


def actors(desk: Desk) -> tuple[list[str], Names]:
    """Everyone who appears in the log (as stored), for the 'who' filter, with the names."""
    with desk.db.read() as session:
        found = sorted(session.scalars(select(AuditEntry.actor).distinct()))
        return found, names(session, desk.site_id)


def record_export(desk: Desk, query: AuditQuery, path: Path, rows: int) -> None:
    """Write to the log that (part of) it was exported, by whom, to which file, before the
    file is written: the log names volunteers, and a killed export is never unaudited."""
    with desk.write() as session:
        record(
            session,
            desk,
            "audit.export",
            "audit",
            after={
                "file": path.name,
                "rows": rows,
                "actor": query.actor,
                "action": query.action,
                "from": query.first_day.isoformat() if query.first_day else None,
                "to": query.last_day.isoformat() if query.last_day else None,
            },
        )
