"""The audit entry every write use case records, and the audit view of the rows it changes.

A use case calls `record` inside its write transaction, so the change and its entry commit
together or not at all. Snapshots mask personal data: the log is kept for years.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import singledispatch
from typing import Any

from sqlalchemy.orm import Session

from frontdesk.core.privacy import mask_phone
from frontdesk.services.context import Desk
from frontdesk.store import audit
from frontdesk.store.models import Attendance, AuditEntry, SwapRequest, Volunteer


def record(
    session: Session,
    desk: Desk,
    action: str,
    entity: str,
    entity_id: object = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    actor: str | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Chain an entry for `action` on `entity`: by the desk's actor at the desk's clock.

    `actor` names someone else (a volunteer scanning, the system sweeping); `at` keeps
    the instant the use case already worked with.
    """
    return audit.append(
        session,
        actor=desk.actor if actor is None else actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
        at=desk.now() if at is None else at,
    )


def _iso(value: datetime | None) -> str | None:
    """JSON-ready instant (UTC ISO 8601) for correction history and audit entries."""
    return None if value is None else value.astimezone(UTC).isoformat()


@singledispatch
def snapshot(row: object) -> dict[str, Any]:
    """The audit view of a row before or after a change."""
    raise TypeError(f"no audit view of {type(row).__name__}")


@snapshot.register
def _volunteer(v: Volunteer) -> dict[str, Any]:
    # The phone number masked: the log outlives the volunteer's personal data.
    return {
        "code": v.code,
        "name": v.name,
        "phone": mask_phone(v.phone),
        "status": v.status,
        "weekly_max": v.weekly_max,
        "languages": v.languages,
    }


@snapshot.register
def _attendance(a: Attendance) -> dict[str, Any]:
    return {
        "volunteer_id": a.volunteer_id,
        "day": a.day.isoformat(),
        "slot": a.slot,
        "in": _iso(a.in_at),
        "out": _iso(a.out_at),
        "status": a.status,
        "credited": a.credited_minutes,
        "review": a.needs_review,
    }


@snapshot.register
def _swap_request(r: SwapRequest) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "state": r.state,
        "requester": r.requester_id,
        "colleague": r.colleague_id,
        "given": f"{r.given_day.isoformat()}/{r.given_slot}",
        "taken": f"{r.taken_day.isoformat()}/{r.taken_slot}" if r.taken_day else None,
        "notice_minutes": r.notice_minutes,
        "reason": r.reason,
        "outcome_reason": r.outcome_reason,
        "declined": r.declined,
        "superseded_by": r.superseded_by_id,
    }
