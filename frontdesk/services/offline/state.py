"""What each desk says of itself, for the supervisor: online or offline since when, scans
waiting to be uploaded, the last upload (table desk_state, one row per desk)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select

from frontdesk.services.context import Desk
from frontdesk.store.offline_models import DeskState, ScanReceipt

# a desk that has not reported for this long is shown as not heard from (it reports
# every minute while online)
SILENT_AFTER = timedelta(minutes=3)


@dataclass(frozen=True)
class DeskStatus:
    """One desk's state; `offline_since` is the current (or last) outage's start; `desk_id`
    the desk's generated id (services.offline.identity; its name when empty)."""

    name: str
    online: bool
    offline_since: datetime | None
    waiting: int  # offline scans not yet received by the server
    last_upload: datetime | None
    uploaded: int = 0  # scans of the last outage received so far
    desk_id: str = ""

    @property
    def key(self) -> str:
        """The desk's row in desk_state and its scan receipts."""
        return self.desk_id or self.name


@dataclass(frozen=True)
class DeskReport:
    """A desk as the supervisor sees it: its last report, whether it is recent, and how
    many of its replayed scans wait for review (conflicts)."""

    status: DeskStatus
    reported_at: datetime
    silent: bool
    conflicts: int


def report(desk: Desk, status: DeskStatus, online_since: datetime | None) -> None:
    """Write `status` as this desk's row, under its id (one short write transaction)."""
    with desk.db.write(desk.site_id) as session:
        row = session.get(DeskState, (desk.site_id, status.key))
        if row is None:
            row = DeskState(site_id=desk.site_id, desk=status.key)
            session.add(row)
        row.name = status.name
        row.online = status.online
        row.offline_since = status.offline_since
        row.online_since = online_since
        row.waiting = status.waiting
        row.uploaded = status.uploaded
        row.last_upload = status.last_upload
        row.reported_at = desk.now()


def desk_reports(desk: Desk) -> list[DeskReport]:
    """Every desk of the site that ever reported, by name (then id); two desks of one
    name (not named yet, on two PCs of one host name) are told apart by their id's first
    six digits after the name."""
    now = desk.now()
    with desk.db.read() as session:
        rows = session.scalars(
            select(DeskState)
            .where(DeskState.site_id == desk.site_id)
            .order_by(DeskState.name, DeskState.desk)
        ).all()
        conflicts = dict(
            session.execute(
                select(ScanReceipt.desk, func.count())
                .where(ScanReceipt.site_id == desk.site_id, ScanReceipt.conflict.is_not(None))
                .group_by(ScanReceipt.desk)
            ).all()
        )
    found = [
        DeskReport(
            DeskStatus(
                r.name or r.desk,
                r.online,
                r.offline_since,
                r.waiting,
                r.last_upload,
                r.uploaded,
                r.desk,
            ),
            r.reported_at,
            now - r.reported_at > SILENT_AFTER,
            int(conflicts.get(r.desk, 0)),
        )
        for r in rows
    ]
    names = Counter(r.status.name for r in found)
    return [
        replace(r, status=replace(r.status, name=f"{r.status.name} ({r.status.key[:6]})"))
        if names[r.status.name] > 1
        else r
        for r in found
    ]
