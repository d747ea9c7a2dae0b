"""A desk scan on PostgreSQL in two round trips: read, decide, write in one call.

Each round trip is paid at the desk (10 ms on a city network). The scan in a write
transaction (services.attendance) took nine, and held the audit chain's lock, which every
desk shares, until its commit. Here:

1. one round trip reads what the decision needs (store.together): the server's clock, the
   volunteer by code, the site's settings, the calendar and their duties around today,
   their records (services.scan_records), and, for a receipt, whether a replayed scan
   flagged their record;
2. the decision is the same function's (services.scan_records.decide, core.attendance),
   and the record is changed by the same code (services.signing.prepare_sign_in/out);
3. one round trip records it (store.scan_write: the record, the receipt, the audit entry),
   the server re-checking the facts read in 1 under the volunteer's row lock.

When another desk changed the volunteer's records between 1 and 3, nothing is written and
the scan is read and decided once more; after a second such change, and for everything
this path does not do (a typed number, a duty the sweep must close first, an auto-close
to tell, a clock behind the records, a PC clock under its guard), the scan runs in a write
transaction as before. Answers that record nothing (a repeat, too early, a question) take
the one read. No lock is taken but the volunteer's row: desks never wait for each other
unless they scan the same person.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from frontdesk.core.attendance import ScanAction, ScanOutcome, autoclose_due
from frontdesk.core.roster import VolunteerStatus
from frontdesk.core.settings import parse_settings
from frontdesk.core.timeutil import local_day, utcnow
from frontdesk.services import signing
from frontdesk.services.auditing import snapshot
from frontdesk.services.calendar import calendar_from, overrides_statement
from frontdesk.services.context import Desk
from frontdesk.services.offline.enclosed import Enclosed
from frontdesk.services.scan_records import (
    ATTENDANCE_COLUMNS,
    Records,
    decide,
    records_from,
    records_union,
)
from frontdesk.services.standing_read import grants_statement, standing_read
from frontdesk.store import scan_write
from frontdesk.store.models import Assignment, Attendance, Setting, Volunteer
from frontdesk.store.offline_models import ScanReceipt
from frontdesk.store.together import read_together

VOLUNTEER_COLUMNS = tuple(Volunteer.__table__.columns)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ReceiptFor:
    """The receipt an online desk's scan is recorded with (services.offline.upload)."""

    desk_id: str
    scan_id: str
    code: str


@dataclass(frozen=True)
class Fast:
    """A scan done here: its result (without the standing), the day of the duty it signed
    out of (today otherwise), and the record written, as its columns (none when the
    answer recorded nothing)."""

    result: Any  # services.attendance.ScanResult
    day: date
    rows: list[dict[str, Any]] = field(default_factory=list)


def usable(desk: Desk, now: datetime | None) -> bool:
    """Whether the scan may take this path: a PostgreSQL desk outside any transaction of
    its caller, on the server's clock or a clock without the PC clock's guard."""
    if desk.db.is_sqlite or isinstance(desk.db, Enclosed):
        return False
    return (now is None and desk.clock is utcnow) or desk.clock_guard is None


def scan(
    desk: Desk,
    code: str,
    confirmed: tuple[bool, bool],
    now: datetime | None,
    receipt: ReceiptFor | None = None,
) -> Fast | None:
    """scan() on this path (see the module); None: take the write transaction instead.
    `confirmed`: the early sign-out, the walk-in; `code` normalised."""
    for _attempt in (0, 1):
        done = _attempt_scan(desk, code, confirmed, now, receipt)
        if done is not _STALE:
            return done if isinstance(done, Fast) else None
    return None


_STALE = object()  # the server found the facts changed: read and decide again


@dataclass(frozen=True)
class _Facts:
    now: datetime
    volunteer: Volunteer | None
    rows: list[list[tuple[Any, ...]]]


def _read(desk: Desk, code: str, now: datetime | None, receipt: bool) -> _Facts:
    """Everything the decision needs, in one round trip (module, step 1)."""
    if now is None and desk.clock is not utcnow:
        now = desk.now()  # the desk's own clock, read once
    guess = local_day(now or utcnow())
    days = [guess - timedelta(days=1), guess, guess + timedelta(days=1)]
    site = desk.site_id
    who = select(Volunteer.id).where(Volunteer.site_id == site, Volunteer.code == code)
    vid = who.scalar_subquery()
    statements: list[Any] = [
        select(func.clock_timestamp()),
        select(*VOLUNTEER_COLUMNS).where(Volunteer.site_id == site, Volunteer.code == code),
        select(Setting.key, Setting.value).where(Setting.site_id == site),
        overrides_statement(site, days[0], days[-1]),
        select(Assignment.day, Assignment.slot).where(
            Assignment.site_id == site,
            Assignment.volunteer_id == vid,
            Assignment.day.in_(days),
            Assignment.removed_at.is_(None),
        ),
        records_union(vid, days),
        grants_statement(vid),  # for the standing told after a sign-out
    ]
    if receipt:
        theirs = select(Attendance.id).where(
            Attendance.volunteer_id == vid, or_(Attendance.is_open, Attendance.day.in_(days))
        )
        statements.append(
            select(ScanReceipt.attendance_id).where(  # rows[7]
                ScanReceipt.conflict.is_not(None), ScanReceipt.attendance_id.in_(theirs)
            )
        )
    rows = read_together(desk.db, statements)
    clock = rows[0][0][0]
    at = now if now is not None else clock
    found = rows[1]
    names = [c.key for c in VOLUNTEER_COLUMNS]
    volunteer = Volunteer(**dict(zip(names, found[0], strict=True))) if found else None
    if at.tzinfo is None or local_day(at) not in days:
        volunteer = None  # a clock far off the desk's guess: the write transaction decides
    return _Facts(at, volunteer, rows)


def _attempt_scan(
    desk: Desk,
    code: str,
    confirmed: tuple[bool, bool],
    now: datetime | None,
    receipt: ReceiptFor | None,
) -> object:
    """One read, decision and write: a Fast, None (take the write transaction) or _STALE."""
    from frontdesk.services.attendance import ScanResult, answer_without_record

    facts = _read(desk, code, now, receipt is not None)
    v, now = facts.volunteer, facts.now
    if v is None:
        return None  # an unknown card or a typed number: the write transaction finds it
    today = local_day(now)
    base: dict[str, Any] = {"volunteer_id": v.id, "name": v.name, "code": v.code}
    if v.status == VolunteerStatus.INACTIVE.value:
        return Fast(ScanResult(ScanOutcome.INACTIVE, now, **base), today)
    settings = parse_settings(dict(facts.rows[2]))
    info = calendar_from(settings, facts.rows[3]).day(today)
    own = frozenset(slot for day, slot in facts.rows[4] if day == today)
    names = [c.key for c in ATTENDANCE_COLUMNS]
    mine = records_from(
        (Attendance(**dict(zip(names, r, strict=True))) for r in facts.rows[5]), today
    )
    if mine.untold or any(_due(a, now, settings) for a in mine.open):
        return None  # the sweep's work comes first, in the write transaction
    decision = decide(settings, info, own, mine, now, confirmed)
    if decision.clock_behind is not None:
        return None  # the record holding the later instant is flagged there
    extra: dict[str, Any] = {
        "slot": decision.slot,
        "auto_closed": (),
        "own_slot": decision.own_slot,
        "clock_suspect": False,
    }
    answer = answer_without_record(decision, now, {**base, **extra})
    if answer is not None:
        return Fast(answer, today)
    scanning = signing.ScanWrite(None, desk, settings, v, now, False, own, mine.todays)
    open_row = next((a for a in mine.open if a.is_open), None)
    version: datetime | None = None  # the changed record's updated_at as read
    if decision.action is ScanAction.SIGN_OUT:
        assert open_row is not None
        if open_row.day != today:
            return None  # a duty of another day: its roster is read there
        version = open_row.updated_at
        change = signing.prepare_sign_out(scanning, open_row)
        outcome = ScanOutcome.SIGNED_OUT
    else:
        assert decision.slot is not None
        placeholder = next(
            (r for r in mine.todays.rows if r.slot == decision.slot.code and r.in_at is None),
            None,
        )
        version = placeholder.updated_at if placeholder is not None else None
        prepared = signing.prepare_sign_in(scanning, decision.slot, confirmed[1])
        if prepared is None:
            return Fast(ScanResult(ScanOutcome.CONFIRM_WALK_IN, now, **base, **extra), today)
        change, outcome = prepared, ScanOutcome.SIGNED_IN
    facts_used = _Used(v, now, settings, mine, open_row, version, facts.rows)
    return _record(desk, facts_used, change, outcome, receipt, {**base, **extra})


@dataclass(frozen=True)
class _Used:
    """The facts a decision was made on, for its write and the server's re-check."""

    volunteer: Volunteer
    now: datetime  # the scan's instant
    settings: Any
    mine: Records
    open_row: Attendance | None
    version: datetime | None  # the changed record's updated_at as read (None: a new one)
    rows: list[list[tuple[Any, ...]]]


def _record(
    desk: Desk,
    used: _Used,
    change: signing.Change,
    outcome: ScanOutcome,
    receipt: ReceiptFor | None,
    facts: dict[str, Any],
) -> object:
    """Write the decided `change` (module, step 3): a Fast, or _STALE when the server
    found the facts changed; a sign-out's standing is read in the same round trip."""
    from frontdesk.services.attendance import ScanResult

    v, mine, now = used.volunteer, used.mine, used.now
    after = snapshot(change.row)
    if receipt is not None and change.row.id in {r[0] for r in used.rows[7]}:
        change.row.needs_review = True  # a replayed scan's flag stays (services.offline)
    guard = scan_write.Guard(
        v.id,
        used.open_row.id if used.open_row is not None else None,
        mine.last_event,
        mine.todays.day,
        tuple(a.id for a in mine.todays.rows),
        used.version,
    )
    kept = None
    if receipt is not None:
        kept = scan_write.Receipt(
            receipt.scan_id, desk.site_id, receipt.desk_id, receipt.code, outcome.value
        )
    entry = scan_write.Entry(now, f"volunteer:{v.code}", change.action, change.before, after)
    standing = None
    if outcome is ScanOutcome.SIGNED_OUT:  # read with the write, once it committed
        standing = standing_read(desk.site_id, v, used.rows[6], used.settings, change.row.day)
    then = standing.statements if standing is not None else []
    as_read = None
    if change.row.id is not None:  # a changed record: only what the decision changed
        names = [c.key for c in ATTENDANCE_COLUMNS]
        at = names.index("id")
        as_read = next(
            (dict(zip(names, r, strict=True)) for r in used.rows[5] if r[at] == change.row.id),
            None,
        )
    written, read = scan_write.write_scan(
        desk.db, guard, change.row, kept, entry, then, as_read=as_read
    )
    if written is None:
        return _STALE
    result = ScanResult(outcome, now, **change.fields, attendance_id=written, **facts)
    if standing is not None:
        result = replace(result, standing=standing.standing(read))
    day = change.row.day if outcome is ScanOutcome.SIGNED_OUT else mine.todays.day
    return Fast(result, day, [scan_write.row_values(change.row)])


def _due(row: Attendance, now: datetime, settings: Any) -> bool:
    slot = settings.slot(row.slot)
    return slot is not None and autoclose_due(row.day, slot, now, settings)
