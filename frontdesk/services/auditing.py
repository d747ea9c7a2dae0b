"""The audit entry every write use case records, and the audit view of the rows it changes.

A use case calls `record` inside its write transaction, so the change and its entry commit
together or not at all. Snapshots mask personal data: the log is kept for years.

A person's name (and masked phone) is not written into the hash-chained entry: the entry
holds the volunteer's id, a reference to an AuditPersonal row and a salted SHA-256 of the
value (`Personal` marks such a value in a snapshot). The row is what a purge deletes, so
the name is resolvable exactly while the person's data is kept (`resolve`).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import singledispatch
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from frontdesk.core.privacy import mask_phone
from frontdesk.services.context import Desk
from frontdesk.store import audit
from frontdesk.store.models import (
    Attendance,
    AuditEntry,
    AuditPersonal,
    SwapRequest,
    Volunteer,
)


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
        before=_by_reference(session, before),
        after=_by_reference(session, after),
        at=desk.now() if at is None else at,
    )


Pending = audit.Pending  # an entry for record_all: actor, action, entity, id, before, after, at


def record_all(session: Session, entries: list[audit.Pending]) -> int:
    """Chain many entries at once, for a use case writing many rows in one transaction.

    The same entries `record` chains one by one, in the same order, their Personal values
    by reference as well: the AuditPersonal rows are inserted in one multi-row statement
    and the chain in another (store.audit.append_all), not a flush and a query per entry.
    Returns how many entries were chained.
    """
    slots = [
        value
        for e in entries
        for values in (e.before, e.after)
        if values
        for value in values.values()
        if isinstance(value, Personal)
    ]
    salts = [secrets.token_hex(16) for _ in slots]
    ids: list[int] = []
    if slots:
        ids = list(
            session.scalars(
                insert(AuditPersonal).returning(AuditPersonal.id, sort_by_parameter_order=True),
                [
                    {"volunteer_id": p.volunteer_id, "value": p.value, "salt": salt}
                    for p, salt in zip(slots, salts, strict=True)
                ],
            )
        )
    refs = iter(zip(slots, salts, ids, strict=True))

    def by_reference(values: dict[str, Any] | None) -> dict[str, Any] | None:
        if values is None or not any(isinstance(v, Personal) for v in values.values()):
            return values
        out: dict[str, Any] = {}
        for key, value in values.items():
            if isinstance(value, Personal):
                p, salt, ref = next(refs)
                value = {PERSON: p.volunteer_id, REF: ref, DIGEST: _digest(salt, p.value)}
            out[key] = value
        return out

    return audit.append_all(
        session,
        [replace(e, before=by_reference(e.before), after=by_reference(e.after)) for e in entries],
    )


# --- personal values by reference ------------------------------------------------------

PERSON = "person"  # the keys of a reference in an entry: {"person", "ref", "sha256"}
REF = "ref"
DIGEST = "sha256"


@dataclass(frozen=True, slots=True)
class Personal:
    """A snapshot value that belongs to a volunteer: written by reference, not in the entry."""

    volunteer_id: int
    value: str


def _digest(salt: str, value: str) -> str:
    return hashlib.sha256(f"{salt}\x00{value}".encode()).hexdigest()


def _by_reference(session: Session, values: dict[str, Any] | None) -> dict[str, Any] | None:
    """`values` with each Personal stored in AuditPersonal and replaced by its reference."""
    if values is None or not any(isinstance(v, Personal) for v in values.values()):
        return values
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, Personal):
            salt = secrets.token_hex(16)
            row = AuditPersonal(volunteer_id=value.volunteer_id, value=value.value, salt=salt)
            session.add(row)
            session.flush()
            value = {PERSON: value.volunteer_id, REF: row.id, DIGEST: _digest(salt, value.value)}
        out[key] = value
    return out


def is_reference(value: object) -> bool:
    """True for a personal value written by reference ({"person", "ref", "sha256"})."""
    return isinstance(value, dict) and set(value) == {PERSON, REF, DIGEST}


def resolve(
    session: Session, entries: Iterable[dict[str, Any] | None]
) -> list[dict[str, Any] | None]:
    """Each before/after with its references replaced by the value they stand for, or by
    None once the volunteer's personal data was purged (or the row does not match).

    One query for all the entries given, however many references they hold.
    """
    entries = list(entries)
    refs = {int(v[REF]) for values in entries if values for v in values.values() if is_reference(v)}
    rows: dict[int, AuditPersonal] = {}
    if refs:
        found = session.scalars(select(AuditPersonal).where(AuditPersonal.id.in_(refs)))
        rows = {r.id: r for r in found}

    def value_of(v: dict[str, Any]) -> str | None:
        row = rows.get(int(v[REF]))
        if (
            row is None
            or row.volunteer_id != v[PERSON]
            or _digest(row.salt, row.value) != v[DIGEST]
        ):
            return None
        return row.value

    return [
        None
        if values is None
        else {k: value_of(v) if is_reference(v) else v for k, v in values.items()}
        for values in entries
    ]


def _iso(value: datetime | None) -> str | None:
    """JSON-ready instant (UTC ISO 8601) for correction history and audit entries."""
    return None if value is None else value.astimezone(UTC).isoformat()


@singledispatch
def snapshot(row: object) -> dict[str, Any]:
    """The audit view of a row before or after a change."""
    raise TypeError(f"no audit view of {type(row).__name__}")


@snapshot.register
def _volunteer(v: Volunteer) -> dict[str, Any]:
    # Name and masked phone by reference: the log outlives the volunteer's personal data.
    phone = mask_phone(v.phone)
    return {
        "volunteer_id": v.id,
        "code": v.code,
        "name": Personal(v.id, v.name),
        "phone": Personal(v.id, phone) if phone else phone,
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
