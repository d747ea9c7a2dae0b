"""Supervisor accounts: argon2id passwords and a lockout that survives restarts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core import accounts, text
from frontdesk.services.auditing import record
from frontdesk.services.clockguard import desk_time
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
    hashed = _hasher.hash(password)  # ~0.3 s of argon2: before the writers' lock, not under it
    # Whole database: supervisor accounts are shared by every site.
    with desk.db.write() as session:
        if session.scalars(select(Supervisor.id).where(Supervisor.username == username)).first():
            raise Conflict(f"the user name {username} is taken", field="username")
        s = Supervisor(
            username=username,
            display_name=display_name or username,
            password_hash=hashed,
            created_at=desk.now(),
        )
        session.add(s)
        session.flush()
        record(session, desk, "supervisor.create", "supervisor", s.id, after={"username": username})
        return s.id


def authenticate(desk: Desk, username: str, password: str) -> SupervisorRow:
    """Check a login. After core.accounts.MAX_ATTEMPTS wrong passwords the account locks
    for a growing time (core.accounts.lock_period, kept in the database).

    An unknown or disabled name, a wrong password and a locked account are refused with
    the same error (reason bad_credentials, no other facts) after the same work: a password
    is always verified, against a dummy hash when there is no account, so neither the
    answer nor its time tells whether a name exists. A locked account refuses even the
    right password in the same words, or the lock would confirm a guessed password; the
    lock is shown where only a supervisor looks (the accounts screen, `frontdesk
    supervisors list`). The lock is judged on the database server's clock on PostgreSQL
    and on the guarded clock on SQLite (services.clockguard). The argon2 verification runs before the write transaction, so a
    login holds the writers' lock only for its counters and its audit entry.

    An empty password is not an attempt (an Enter pressed too early): it is refused with
    InvalidInput (field login_password) before any account is looked at, so it counts
    nothing and says nothing about the name.
    """
    if password == "":
        raise InvalidInput("enter the password", field="login_password", reason="empty")
    name = text.clean(username)
    with desk.db.read() as session:
        found = session.execute(
            select(Supervisor.id, Supervisor.password_hash, Supervisor.active).where(
                Supervisor.username == name
            )
        ).first()
    right = _verify(found.password_hash if found is not None else None, password)
    if found is None or not found.active:
        raise _refused()
    new_hash = _rehashed(found.password_hash, password) if right else None
    # Whole database: supervisor accounts are shared by every site.
    with desk.db.write() as session:
        when = desk_time(session, desk)
        now = when.now
        # The lock runs on the trusted time: a PC clock set ahead does not lift it, and
        # while that time is unknown (a suspect clock after a reboot) a lock stays on.
        trusted = when.trusted
        s = session.get(Supervisor, found.id)
        if s is None:
            raise _refused()
        if s.password_hash != found.password_hash:
            right = False  # changed meanwhile: the password checked is no longer the one
        if s.locked_until is not None and (trusted is None or s.locked_until > trusted):
            _audit_failure(session, desk, s, now, locked=s.locked_until)
            failure: NotAllowed | None = _refused()
        elif not right:
            _count_failure(session, desk, s, now, trusted or now)
            failure = _refused()
        else:
            failure = None
            s.failed_attempts, s.lockouts, s.locked_until = 0, 0, None
            if new_hash is not None:
                s.password_hash = new_hash
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
    # Raised after the block so the counters are committed along with the failure.
    if failure is not None:
        raise failure
    return signed_in


@cache
def _dummy_hash() -> str:
    """A hash with the current parameters, verified when a name has no account."""
    return _hasher.hash("no such account")


def _verify(password_hash: str | None, password: str) -> bool:
    """argon2 verification; with no account, against a dummy hash of the same cost."""
    try:
        _hasher.verify(password_hash or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return True


def _rehashed(password_hash: str, password: str) -> str | None:
    """A new hash when the stored one has older parameters (computed outside the lock)."""
    return _hasher.hash(password) if _hasher.check_needs_rehash(password_hash) else None


def _refused() -> NotAllowed:
    """The one refusal of a login: nothing in it tells which check failed."""
    return NotAllowed("wrong user name or password", reason="bad_credentials")


def _count_failure(
    session: Session, desk: Desk, s: Supervisor, now: datetime, trusted: datetime
) -> None:
    """One more wrong password; the MAX_ATTEMPTS-th locks the account from the trusted
    time on (audited at `now`, the instant recorded)."""
    s.failed_attempts += 1
    locked = None
    if s.failed_attempts >= accounts.MAX_ATTEMPTS:
        s.lockouts += 1
        s.failed_attempts = 0
        locked = trusted + accounts.lock_period(s.lockouts)
        s.locked_until = locked
    _audit_failure(session, desk, s, now, locked_now=locked)


def _audit_failure(
    session: Session,
    desk: Desk,
    s: Supervisor,
    now: datetime,
    *,
    locked: datetime | None = None,
    locked_now: datetime | None = None,
) -> None:
    """A refused login in the audit log: `locked_now` when this one locked the account,
    `locked` when it was tried while locked (not counted, so a lock cannot be prolonged
    by anyone who knows the name)."""
    after: dict[str, object] = {"locked_until": locked_now.isoformat() if locked_now else None}
    if locked is not None:
        after["while_locked_until"] = locked.isoformat()
    record(
        session,
        desk,
        "supervisor.login_failed",
        "supervisor",
        s.id,
        after=after,
        actor=f"supervisor:{s.username}",
        at=now,
    )


def change_password(desk: Desk, username: str, old: str, new: str) -> None:
    authenticate(desk, username, old)
    set_password(desk, username, new)


def set_password(desk: Desk, username: str, new: str) -> None:
    """Give an account a new password; its lock and wrong-password count start afresh (IT's
    or another supervisor's way back in for someone locked out or who forgot it)."""
    _check_password(new)
    hashed = _hasher.hash(new)  # argon2 before the writers' lock, not under it
    # Whole database: supervisor accounts are shared by every site.
    with desk.db.write() as session:
        s = _account(session, username)
        s.password_hash = hashed
        s.failed_attempts, s.lockouts, s.locked_until = 0, 0, None
        record(session, desk, "supervisor.password", "supervisor", s.id)


def unlock(desk: Desk, username: str) -> bool:
    """Lift an account's lock and forget its wrong passwords, so the next lock is short again
    (audited). False, and nothing written, when there was nothing to lift."""
    # Whole database: supervisor accounts are shared by every site.
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
    # Whole database: supervisor accounts are shared by every site.
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
