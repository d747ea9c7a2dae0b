"""Which clock a use case may trust: the database server's, or this PC's under its guard.

On PostgreSQL every PC asks the server (one clock for all, a wrong PC clock changes
nothing). On SQLite the PC's clock is the only one; its guard (core.clock.ClockGuard)
compares it with the last trusted instant kept in the database (trusted_clock), so a clock
set back or ahead is noticed across restarts and processes. What a suspect clock means is
up to each use case: a scan is recorded and flagged, the sweep waits, the supervisor
lockout counts on the trusted time (services.attendance, services.supervisors).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from frontdesk.core.clock import ClockMark
from frontdesk.core.timeutil import utcnow
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk
from frontdesk.services.safety import server_now
from frontdesk.store.models import TrustedClock

MARK_ID = 1


@dataclass(frozen=True)
class DeskTime:
    """The instant a use case records, and how far it may be trusted.

    `trusted` is the trusted time now: `now` itself on a trusted clock, `now` less the
    jump when the guard knows the jump, None when it cannot know (a reboot since).
    """

    now: datetime
    suspect: bool = False
    jump_seconds: float = 0.0
    trusted: datetime | None = None
    newly_suspect: bool = False  # this reading noticed the jump first
    seen_at: datetime | None = None  # when the jump was first noticed (the PC's clock)


def desk_time(session: Session, desk: Desk, now: datetime | None = None) -> DeskTime:
    """The instant for a write in `session`: the server's clock on PostgreSQL (unless the
    desk was given another clock or `now` is given), else the desk's clock judged by its
    guard, whose reference is read from and kept in the database in this transaction."""
    if now is None and not desk.db.is_sqlite and desk.clock is utcnow:
        at = server_now(session)
        return DeskTime(at, trusted=at)
    at = now if now is not None else desk.now()
    guard = desk.clock_guard
    if guard is None:
        return DeskTime(at, trusted=at)
    stored = _load(session)
    check = guard.observe(stored)
    if check.mark is not None:
        _store(session, check.mark)
    if not check.suspect:
        return DeskTime(at, trusted=at)
    mark = check.mark
    assert mark is not None and mark.seen_at is not None
    return DeskTime(
        at,
        suspect=True,
        jump_seconds=check.jump_seconds,
        trusted=at - timedelta(seconds=check.jump_seconds)
        if check.trusted_wall is not None
        else None,
        newly_suspect=stored is None or not stored.suspect,
        seen_at=datetime.fromtimestamp(mark.seen_at, UTC),
    )


@dataclass(frozen=True)
class ClockState:
    """A suspect PC clock as the supervisor is told of it: off by `jump_seconds`
    (> 0: ahead), noticed at `seen_at` (on the PC's clock)."""

    jump_seconds: float
    seen_at: datetime | None


def clock_state(desk: Desk) -> ClockState | None:
    """The PC's clock as last judged (None: trusted, or the server's clock is used)."""
    if not desk.db.is_sqlite:
        return None
    with desk.db.read() as session:
        mark = _load(session)
    if mark is None or mark.jump is None:
        return None
    seen = datetime.fromtimestamp(mark.seen_at, UTC) if mark.seen_at is not None else None
    return ClockState(mark.jump, seen)


def confirm_clock(desk: Desk) -> bool:
    """A supervisor confirms the PC's clock shows the right time now: trusted from here on,
    the sweep resumes (audited). False, nothing written, when it was not suspect."""
    guard = desk.clock_guard
    if guard is None or not desk.db.is_sqlite:
        return False
    # Whole database: SQLite only (one writer anyway); the trusted clock is the file's.
    with desk.db.write() as session:
        stored = _load(session)
        if stored is None or stored.jump is None:
            return False
        _store(session, guard.accept())
        record(
            session,
            desk,
            "clock.confirm",
            "clock",
            before={"jump_seconds": round(stored.jump)},
            after={"jump_seconds": 0},
        )
        return True


def _load(session: Session) -> ClockMark | None:
    row = session.get(TrustedClock, MARK_ID)
    if row is None:
        return None
    return ClockMark(row.wall, row.mono, row.boot, row.jump, row.seen_at)


def _store(session: Session, mark: ClockMark) -> None:
    row = session.get(TrustedClock, MARK_ID)
    if row is None:
        row = TrustedClock(id=MARK_ID)
        session.add(row)
    row.wall, row.mono, row.boot = mark.wall, mark.mono, mark.boot
    row.jump, row.seen_at = mark.jump, mark.seen_at
