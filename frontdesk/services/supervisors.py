"""Supervisor accounts: argon2id passwords and a lockout that survives restarts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core import accounts, text
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict, InvalidInput, NotAllowed, NotFound
from frontdesk.services.freetext import free_text
from frontdesk.store.models import Supervisor

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True, slots=True)
class SupervisorRow:
    """An account as the screens see it: never its password hash."""

    id: int
    username: str
    display_name: str
    active: bool
    locked_until: datetime | None
    created_at: datetime
    locked: bool = False  # locked_until is still ahead on the desk's clock


def _view(s: Supervisor, now: datetime | None = None) -> SupervisorRow:
    return SupervisorRow(
        s.id,
        s.username,
        s.display_name,
        s.active,
        s.locked_until,
        s.created_at,
        locked=now is not None and s.locked_until is not None and s.locked_until > now,
    )


def _check_password(password: str) -> None:
    if not accounts.password_long_enough(password):
        raise InvalidInput(
            f"a password needs at least {accounts.MIN_PASSWORD} characters", field="password"
        )


def count(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count(Supervisor.id)).where(Supervisor.active)) or 0)


def create(desk: Desk, username: str, password: str, display_name: str = "") -> int:
    username = free_text(username, text.USERNAME, "username")
    display_name = free_text(display_name, text.DISPLAY_NAME, "display_name")
    _check_password(password)
    with desk.db.write() as session:
        if session.scalars(select(Supervisor.id).where(Supervisor.username == username)).first():
            raise Conflict(f"the user name {username} is taken", field="username")
        s = Supervisor(
            username=username,
            display_name=display_name or username,
            password_hash=_hasher.hash(password),
            created_at=desk.now(),
        )
        session.add(s)
        session.flush()
        record(session, desk, "supervisor.create", "supervisor", s.id, after={"username": username})
        return s.id


def authenticate(desk: Desk, username: str, password: str) -> SupervisorRow:
    """Check a login. After core.accounts.MAX_ATTEMPTS wrong passwords the account locks
    for a growing time (core.accounts.lock_period, kept in the database)."""
    now = desk.now()
    failure: NotAllowed | None = None
    with desk.db.write() as session:
        s = session.scalars(
            select(Supervisor).where(Supervisor.username == text.clean(username))
        ).first()
        if s is None or not s.active:
            raise NotAllowed("wrong user name or password", reason="bad_credentials")
        if s.locked_until is not None and s.locked_until > now:
            raise NotAllowed("the account is locked", reason="locked", until=s.locked_until)
        try:
            _hasher.verify(s.password_hash, password)
        except (VerificationError, InvalidHashError):
            s.failed_attempts += 1
            locked = None
            if s.failed_attempts >= accounts.MAX_ATTEMPTS:
                s.lockouts += 1
                s.failed_attempts = 0
                locked = now + accounts.lock_period(s.lockouts)
                s.locked_until = locked
            record(
                session,
                desk,
                "supervisor.login_failed",
                "supervisor",
                s.id,
                after={"locked_until": locked.isoformat() if locked else None},
                actor=f"supervisor:{s.username}",
                at=now,
            )
            # Raised after the block so the counters are committed along with the failure.
            failure = NotAllowed(
                "wrong user name or password", reason="bad_credentials", locked_until=locked
            )
        else:
            s.failed_attempts, s.lockouts, s.locked_until = 0, 0, None
            if _hasher.check_needs_rehash(s.password_hash):
                s.password_hash = _hasher.hash(password)
            record(
                session,
                desk,
                "supervisor.login",
                "supervisor",
                s.id,
                actor=f"supervisor:{s.username}",
                at=now,
            )
            session.flush()
            signed_in = _view(s)
    if failure is not None:
        raise failure
    return signed_in


def change_password(desk: Desk, username: str, old: str, new: str) -> None:
    authenticate(desk, username, old)
    set_password(desk, username, new)


def set_password(desk: Desk, username: str, new: str) -> None:
    """Give an account a new password; its lock and wrong-password count start afresh (IT's
    or another supervisor's way back in for someone locked out or who forgot it)."""
    _check_password(new)
    with desk.db.write() as session:
        s = _account(session, username)
        s.password_hash = _hasher.hash(new)
        s.failed_attempts, s.lockouts, s.locked_until = 0, 0, None
        record(session, desk, "supervisor.password", "supervisor", s.id)


def unlock(desk: Desk, username: str) -> bool:
    """Lift an account's lock and forget its wrong passwords, so the next lock is short again
    (audited). False, and nothing written, when there was nothing to lift."""
    with desk.db.write() as session:
        s = _account(session, username)
        if s.locked_until is None and not s.failed_attempts and not s.lockouts:
            return False
        before = {
            "locked_until": s.locked_until.isoformat() if s.locked_until else None,
            "failed_attempts": s.failed_attempts,
        }
        s.failed_attempts, s.lockouts, s.locked_until = 0, 0, None
        record(
            session,
            desk,
            "supervisor.unlock",
            "supervisor",
            s.id,
            before=before,
            after={"locked_until": None, "failed_attempts": 0},
        )
        return True


def _account(session: Session, username: str) -> Supervisor:
    name = (username or "").strip()
    s = session.scalars(select(Supervisor).where(Supervisor.username == name)).first()
    if s is None:
        raise NotFound(f"no supervisor {name}", what="supervisor", username=name)
    return s


# --- the accounts screen ------------------------------------------------------------------


def supervisor_rows(desk: Desk) -> list[SupervisorRow]:
    now = desk.now()
    with desk.db.read() as session:
        return [
            _view(s, now) for s in session.scalars(select(Supervisor).order_by(Supervisor.username))
        ]


def set_supervisor_active(desk: Desk, username: str, active: bool) -> None:
    """Disable or re-enable an account (kept, never deleted); the last active one stays."""
    with desk.db.write() as session:
        s = session.scalars(select(Supervisor).where(Supervisor.username == username)).first()
        if s is None:
            raise NotFound(f"no supervisor {username}", what="supervisor")
        if s.active == active:
            return
        if not active:
            others = session.scalar(
                select(func.count(Supervisor.id)).where(Supervisor.active, Supervisor.id != s.id)
            )
            if not others:
                raise Conflict(
                    "the last active supervisor account cannot be disabled",
                    reason="last_supervisor",
                )
        s.active = active
        record(
            session,
            desk,
            "supervisor.enable" if active else "supervisor.disable",
            "supervisor",
            s.id,
            before={"active": not active},
            after={"active": active},
        )
