"""Personal data of departed volunteers (個人資料保護法): when it may be removed, and the
removal itself, which leaves a pseudonym and the service history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontdesk.core.roster import VolunteerStatus
from frontdesk.core.timeutil import local_day
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import NotAllowed
from frontdesk.services.records import forget_personal
from frontdesk.services.volunteers import get
from frontdesk.store.backup import Holding, backups_holding
from frontdesk.store.models import AuditPersonal, Volunteer

PSEUDONYM = "已刪除個資 {code}"


@dataclass(frozen=True)
class PurgeDue:
    volunteer_id: int
    code: str
    deactivated_on: date
    possible_on: date


def _left_on(v: Volunteer) -> date:
    """The day a volunteer left: deactivated_at, or when added if they came in inactive."""
    when: datetime = v.deactivated_at or v.created_at
    return local_day(when)


def purge_possible_on(v: Volunteer, retention_days: int) -> date:
    return _left_on(v) + timedelta(days=retention_days)


def purge_due(desk: Desk) -> list[PurgeDue]:
    """Inactive volunteers whose retention period is over and whose data is still kept."""
    today = local_day(desk.now())
    with desk.db.read() as session:
        retention = load_settings(session, desk.site_id).retention_days
        rows = session.scalars(
            select(Volunteer)
            .where(
                Volunteer.site_id == desk.site_id,
                Volunteer.status == VolunteerStatus.INACTIVE.value,
                Volunteer.purged_at.is_(None),
            )
            .order_by(Volunteer.code)
        )
        return [
            PurgeDue(v.id, v.code, _left_on(v), purge_possible_on(v, retention))
            for v in rows
            if purge_possible_on(v, retention) <= today
        ]


@dataclass(frozen=True)
class Purged:
    """What a purge did: the pseudonym left, and where the person still is.

    `backups` (daily backups written before the purge) hold the person until retention
    deletes them, the last on `backups_until`; `kept_backups` (made by hand or before an
    upgrade) have no retention and hold the person until someone deletes them. `scrubbed`
    is False when the WAL could not be emptied at once (another desk was reading).
    """

    pseudonym: str
    backups: int = 0
    backups_until: date | None = None
    kept_backups: tuple[str, ...] = ()
    scrubbed: bool = True


def purge_personal_data(desk: Desk, volunteer_id: int) -> Purged:
    """Remove a departed volunteer's personal data after the retention period.

    Phone, notes, languages and PIN are cleared and the name becomes a pseudonym; the
    code, status, trainings, attendance and hours stay, so the anonymous hour statistics
    remain. The names and masked phones the audit log refers to (auditing.Personal) are
    deleted, so the log shows the volunteer's id only. Then the file is scrubbed (deletes
    zeroed, VACUUM, WAL emptied) and backups past retention are deleted; the audit entry
    records how many backups still hold the person and until when. Refused (NotAllowed,
    with the day it becomes possible) while the volunteer is active or the retention
    period runs.
    """
    with desk.write() as session:
        v = get(session, desk, volunteer_id)
        retention = _purgeable(session, desk, v)
        now = desk.now()
        holding = Holding()
        if desk.db.path is not None:
            holding = backups_holding(desk.db.path, local_day(now))
        pseudonym = PSEUDONYM.format(code=v.code)
        v.name, v.phone, v.notes, v.languages, v.pin_hash = pseudonym, None, "", "", None
        v.purged_at = now
        session.execute(delete(AuditPersonal).where(AuditPersonal.volunteer_id == v.id))
        forget_personal(session, v.id)  # the record book's and certificates' numbers
        from frontdesk.services import outbox  # it reads the roster, which reads this module

        outbox.forget(session, v.id)  # the e-mail address and the messages that name them
        # Only the code and the facts: the log must not keep what was just removed.
        record(
            session,
            desk,
            "volunteer.purge",
            "volunteer",
            v.id,
            after={
                "code": v.code,
                "purged": True,
                "retention_days": retention,
                "backups_holding": len(holding.dailies),
                "backups_until": holding.until.isoformat() if holding.until else None,
                "backups_without_retention": [p.name for p in holding.kept],
            },
            at=now,
        )
    scrubbed = desk.db.scrub()
    return Purged(
        pseudonym,
        len(holding.dailies),
        holding.until,
        tuple(p.name for p in holding.kept),
        scrubbed,
    )


def _purgeable(session: Session, desk: Desk, v: Volunteer) -> int:
    """The retention period in days, when `v` may be purged now; NotAllowed otherwise."""
    if v.purged_at is not None:
        raise NotAllowed(
            f"the personal data of {v.code} was already purged", reason="purged", code=v.code
        )
    if v.status != VolunteerStatus.INACTIVE.value:
        raise NotAllowed(
            f"{v.code} is not inactive; deactivate the volunteer first",
            reason="purge_active",
            code=v.code,
        )
    retention = load_settings(session, desk.site_id).retention_days
    possible_on = purge_possible_on(v, retention)
    if local_day(desk.now()) < possible_on:
        raise NotAllowed(
            f"the data of {v.code} is kept until {possible_on.isoformat()}",
            reason="retention",
            code=v.code,
            possible_on=possible_on,
            retention_days=retention,
        )
    return retention
