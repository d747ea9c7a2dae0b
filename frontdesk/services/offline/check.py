"""What `frontdesk check` says of the desks sharing a PostgreSQL server: each desk's last
report: online or offline since, scans waiting, last upload (services.offline.state)."""

from __future__ import annotations

from frontdesk.services.context import Desk
from frontdesk.services.offline.state import desk_reports
from frontdesk.services.setup import first_site_id
from frontdesk.store.db import Database
from frontdesk.words import offline as words


def desk_lines(db: Database) -> list[str]:
    """One line per desk that ever reported to `db` (words.offline.desk_state), or one
    line saying none did."""
    site_id = first_site_id(db)
    reports = desk_reports(Desk(db, site_id)) if site_id is not None else []
    if not reports:
        return [words.no_desk_reported()]
    return [words.desk_state(r) for r in reports]
