"""Kiosk PINs: set one, check one typed at the desk, and the day's lockouts.

A PIN stands in for the card when a volunteer identifies by tapping their name or typing
their number while the site asks for PINs (setting `require_pin`). It is hashed with
argon2 like a supervisor's password. Wrong PINs are limited: after PIN_TRIES wrong ones in
a day the name is locked until the next day (the card still works); every failure is an
audit entry, and the locks of the day are counted for the supervisor's badge.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.pins import PIN_DIGITS, PIN_TRIES, is_valid_pin
from frontdesk.core.timeutil import at, local_day
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.store.models import AuditEntry, Volunteer

if TYPE_CHECKING:
    from argon2 import PasswordHasher

FAILED = "kiosk.pin_failed"
LOCKED = "kiosk.pin_locked"


@functools.cache
def _hasher() -> PasswordHasher:
    """argon2 is imported on the first PIN, not on every kiosk start."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class PinAnswer(StrEnum):
    """What a PIN typed at the desk came to."""

    RIGHT = "right"
    WRONG = "wrong"  # `PinCheck.left` tries remain today
    LOCKED = "locked"  # too many wrong PINs today: only the card works until tomorrow
    NO_PIN = "no_pin"  # the volunteer has no PIN: the card, or the supervisor sets one


@dataclass(frozen=True)
class PinCheck:
    answer: PinAnswer
    left: int = PIN_TRIES  # wrong PINs still allowed today


def set_pin(desk: Desk, volunteer_id: int, pin: str | None) -> None:
    """Set (or with None clear) a volunteer's kiosk PIN (core.pins.is_valid_pin), stored as an argon2 hash
    (hashed before the write transaction, so a scan never waits for it)."""
    if pin is not None and not is_valid_pin(pin):
        raise InvalidInput(f"a PIN is exactly {PIN_DIGITS} digits", field="pin")
    hashed = None if pin is None else _hasher().hash(pin)
    with desk.write() as session:
        v = session.get(Volunteer, volunteer_id)
        if v is None or v.site_id != desk.site_id:
            raise NotFound(
                f"no volunteer with id {volunteer_id}", what="volunteer", id=volunteer_id
            )
        v.pin_hash = hashed
        record(
            session, desk, "volunteer.pin_set" if pin else "volunteer.pin_clear", "volunteer", v.id
        )


def has_pin(desk: Desk, volunteer_id: int) -> bool:
    with desk.db.read() as session:
        return bool(
            session.scalar(
                select(Volunteer.pin_hash).where(
                    Volunteer.id == volunteer_id, Volunteer.site_id == desk.site_id
                )
            )
        )


def _today(now: datetime) -> tuple[datetime, datetime]:
    """The UTC bounds of the Taipei day of `now`: a lock lasts until local midnight."""
    day = local_day(now)
    start = at(day, time(0, 0))
    return start, start + timedelta(days=1)


def _failures(session: Session, volunteer_id: int, now: datetime) -> int:
    start, end = _today(now)
    return int(
        session.scalar(
            select(func.count(AuditEntry.id)).where(
                AuditEntry.action == FAILED,
                AuditEntry.entity == "volunteer",
                AuditEntry.entity_id == str(volunteer_id),
                AuditEntry.at >= start,
                AuditEntry.at < end,
            )
        )
        or 0
    )


def pin_state(desk: Desk, volunteer_id: int) -> PinCheck:
    """Before asking: NO_PIN, LOCKED for the day, or WRONG-free with the tries left (RIGHT
    here means 'may be asked')."""
    with desk.db.read() as session:
        stored = session.scalar(
            select(Volunteer.pin_hash).where(
                Volunteer.id == volunteer_id, Volunteer.site_id == desk.site_id
            )
        )
        failed = _failures(session, volunteer_id, desk.now())
    if not stored:
        return PinCheck(PinAnswer.NO_PIN)
    if failed >= PIN_TRIES:
        return PinCheck(PinAnswer.LOCKED, 0)
    return PinCheck(PinAnswer.RIGHT, PIN_TRIES - failed)


def check_pin(desk: Desk, volunteer_id: int, pin: str) -> PinCheck:
    """Check a PIN typed at the desk for `volunteer_id`.

    RIGHT only for the volunteer's own PIN while the name is not locked; a volunteer
    without a PIN is NO_PIN (nothing to check against, so nobody may use the name).
    Every wrong PIN, and every try on a locked name, is an audit entry (kiosk.pin_failed);
    the PIN_TRIES-th of a day also locks the name (kiosk.pin_locked) until local midnight.
    argon2 runs outside the write transaction.
    """
    state = pin_state(desk, volunteer_id)
    if state.answer is PinAnswer.NO_PIN:
        return state
    right = False
    if state.answer is not PinAnswer.LOCKED:
        with desk.db.read() as session:
            stored = session.scalar(select(Volunteer.pin_hash).where(Volunteer.id == volunteer_id))
        right = _verify(stored or "", pin)
    with desk.db.write(desk.site_id) as session:
        now = desk.now()
        failed = _failures(session, volunteer_id, now)
        if right and failed < PIN_TRIES:
            return PinCheck(PinAnswer.RIGHT, PIN_TRIES - failed)
        failed += 1
        facts = {"volunteer_id": volunteer_id, "failures_today": failed}
        record(session, desk, FAILED, "volunteer", volunteer_id, after=facts, at=now)
        if failed == PIN_TRIES:
            record(session, desk, LOCKED, "volunteer", volunteer_id, after=facts, at=now)
    if failed >= PIN_TRIES:
        return PinCheck(PinAnswer.LOCKED, 0)
    return PinCheck(PinAnswer.WRONG, PIN_TRIES - failed)


def _verify(stored: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    if not stored:
        return False
    try:
        return bool(_hasher().verify(stored, pin or ""))
    except (VerificationError, InvalidHashError):
        return False


def pin_lockouts_today(desk: Desk, now: datetime | None = None) -> int:
    """How many of the site's volunteers are locked out of PIN sign-in today (Taipei day),
    for the supervisor's badge: each was locked after PIN_TRIES wrong PINs."""
    start, end = _today(now or desk.now())
    with desk.db.read() as session:
        locked = set(
            session.scalars(
                select(AuditEntry.entity_id).where(
                    AuditEntry.action == LOCKED,
                    AuditEntry.entity == "volunteer",
                    AuditEntry.at >= start,
                    AuditEntry.at < end,
                )
            )
        )
        if not locked:
            return 0
        ids = [int(x) for x in locked if x is not None and x.isdigit()]
        return int(
            session.scalar(
                select(func.count(Volunteer.id)).where(
                    Volunteer.site_id == desk.site_id, Volunteer.id.in_(ids)
                )
            )
            or 0
        )
