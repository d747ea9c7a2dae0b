"""The outbox: e-mails written in the same transaction as what causes them, and the
volunteers' consent to receive them.

A message is queued only for a volunteer who opted in (with the date recorded); its
`key` makes queueing idempotent (one reminder per duty, one decision per swap and person).
The sweep sends them (services.mailer); just before sending, `still_wanted` drops a
message whose cause went away: a day closed, a duty swapped away, a slot filled, a
volunteer who opted out.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, delete, func, select
from sqlalchemy.orm import Session

from frontdesk.core.findings import Code, Finding
from frontdesk.core.notices import (
    MessageKind,
    MessageState,
    is_valid_address,
    mask_address,
    message_id,
    reminder_days,
    reminder_due,
)
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import DeskSettings, slot_start
from frontdesk.core.swaps import SwapState
from frontdesk.core.timeutil import local_day
from frontdesk.services.auditing import record
from frontdesk.services.calendar import load_calendar
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput
from frontdesk.services.notices import DeskFacts, Shortage, desk_facts, shortages
from frontdesk.services.roster import load_roster
from frontdesk.store.models import Assignment, SwapRequest, Volunteer
from frontdesk.store.notice_models import OutboxMessage, VolunteerEmail

# --- consent --------------------------------------------------------------------------


def set_email(desk: Desk, volunteer_id: int, address: str, *, opt_in: bool) -> None:
    """Record a volunteer's address and consent (opt_in) or its withdrawal (the address is
    cleared then). Audited with the address masked; the consent's date is the desk's now."""
    address = address.strip()
    if opt_in and not is_valid_address(address):
        raise InvalidInput("an e-mail address like name@example.com", field="email")
    with desk.write() as session:
        session.get_one(Volunteer, volunteer_id)
        row = session.get(VolunteerEmail, volunteer_id)
        if row is None:
            row = VolunteerEmail(volunteer_id=volunteer_id, address="")
            session.add(row)
        before = {"email": mask_address(row.address), "opted_in_at": row.opted_in_at}
        if opt_in:
            if row.address != address or row.opted_in_at is None or row.opted_out_at:
                row.opted_in_at = desk.now()
            row.address, row.opted_out_at = address, None
            action = "volunteer.email_opt_in"
        else:
            row.address, row.opted_out_at = "", desk.now()
            action = "volunteer.email_opt_out"
        after = {"email": mask_address(row.address), "opted_in_at": row.opted_in_at}
        record(session, desk, action, "volunteer", volunteer_id, before=before, after=after)


@dataclass(frozen=True, slots=True)
class Consent:
    """What a list may show of a volunteer's e-mail: masked, with the consent's date."""

    masked: str
    opted_in_at: datetime | None


def consents(desk: Desk) -> dict[int, Consent]:
    """Every opted-in volunteer's masked address and consent date, by volunteer id."""
    with desk.db.read() as session:
        rows = session.execute(
            select(VolunteerEmail.volunteer_id, VolunteerEmail.address, VolunteerEmail.opted_in_at)
            .join(Volunteer, Volunteer.id == VolunteerEmail.volunteer_id)
            .where(Volunteer.site_id == desk.site_id, opted_in())
        )
        return {vid: Consent(mask_address(a), at) for vid, a, at in rows}


def opted_in() -> Any:
    """The condition of a VolunteerEmail row that may be written to."""
    return (
        VolunteerEmail.opted_in_at.is_not(None)
        & VolunteerEmail.opted_out_at.is_(None)
        & (VolunteerEmail.address != "")
    )


def _opted_in_ids(session: Session, site_id: int, among: Iterable[int] | None = None) -> set[int]:
    stmt = (
        select(VolunteerEmail.volunteer_id)
        .join(Volunteer, Volunteer.id == VolunteerEmail.volunteer_id)
        .where(
            Volunteer.site_id == site_id,
            Volunteer.status != "inactive",
            Volunteer.purged_at.is_(None),
            opted_in(),
        )
    )
    if among is not None:
        stmt = stmt.where(VolunteerEmail.volunteer_id.in_(list(among)))
    return set(session.scalars(stmt))


def forget(session: Session, volunteer_id: int) -> None:
    """The purge's part: the address, the consent and every message naming the volunteer."""
    session.execute(delete(OutboxMessage).where(OutboxMessage.volunteer_id == volunteer_id))
    session.execute(delete(VolunteerEmail).where(VolunteerEmail.volunteer_id == volunteer_id))


# --- queueing -------------------------------------------------------------------------


def _insert(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """Insert outbox rows, skipping any whose (site, key) is queued already."""
    if not rows:
        return 0
    # Each dialect's insert imported here: SQLAlchemy's PostgreSQL dialect is not loaded
    # on a SQLite desk (tests/ui/test_app_startup.py).
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    table = cast(Table, OutboxMessage.__table__)
    stmt = insert(table).on_conflict_do_nothing(index_elements=["site_id", "key"])
    return len(session.connection().execute(stmt.returning(table.c.id), list(rows)).all())


def _row(
    desk: Desk,
    facts: DeskFacts,
    kind: MessageKind,
    key: str,
    volunteer_id: int,
    mail: tuple[str, str],
    not_before: datetime,
    shift: ShiftKey | None,
) -> dict[str, Any]:
    return {
        "site_id": desk.site_id,
        "key": key,
        "message_id": message_id(secrets.token_hex(16), facts.domain),
        "kind": kind.value,
        "volunteer_id": volunteer_id,
        "day": shift.day if shift else None,
        "slot": shift.slot if shift else None,
        "subject": mail[0][:200],
        "body": mail[1],
        "state": MessageState.QUEUED.value,
        "attempts": 0,
        "not_before": not_before,
        "last_error": "",
        "created_at": desk.now(),
    }


def queue_reminders(desk: Desk, start: date, end: date) -> int:
    """Queue the reminder of every duty from `start` to `end` for the volunteers who opted in,
    each due `reminder_days_before` days before its duty; returns how many were new."""
    with desk.write() as session:
        return queue_reminders_in(session, desk, start, end)


def queue_reminders_in(session: Session, desk: Desk, start: date, end: date) -> int:
    settings = load_settings(session, desk.site_id)
    wanted = _opted_in_ids(session, desk.site_id)
    if not wanted:
        return 0
    facts = desk_facts(session, desk.site_id, settings)
    calendar = load_calendar(session, desk.site_id, settings, start, end)
    days_before = reminder_days(settings.extra)
    rows = session.execute(
        select(Assignment.id, Assignment.day, Assignment.slot, Volunteer.id, Volunteer.name)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .where(
            Assignment.site_id == desk.site_id,
            Assignment.day >= start,
            Assignment.day <= end,
            Assignment.removed_at.is_(None),
            Assignment.volunteer_id.in_(wanted),
        )
    )
    from frontdesk.words import notices as words  # Qt's translator: only when composing

    out = []
    reminders = words.Reminders(facts)
    for aid, day, slot_code, vid, name in rows:
        slot = settings.slot(slot_code)
        if slot is None or not calendar.slot_open(day, slot_code):
            continue
        due = reminder_due(slot_start(day, slot), days_before)
        mail = reminders.mail(name, day, slot)
        shift = ShiftKey(day, slot_code)
        out.append(
            _row(desk, facts, MessageKind.REMINDER, f"reminder:{aid}", vid, mail, due, shift)
        )
    return _insert(session, out)


def queue_due_reminders(desk: Desk) -> int:
    """The sweep's part: queue the reminders falling due from today to the reminder window's
    end (cheap when nobody opted in: one read)."""
    with desk.db.read() as session:
        if not _opted_in_ids(session, desk.site_id):
            return 0
        days = reminder_days(load_settings(session, desk.site_id).extra)
    today = local_day(desk.now())
    return queue_reminders(desk, today, today + timedelta(days=days + 1))


def on_swap_closed(session: Session, desk: Desk, r: SwapRequest) -> None:
    """A supervisor's decision on a swap: tell the volunteers concerned who opted in.

    Called by services.swaps inside the transaction that closes the request."""
    approved = r.state == SwapState.APPROVED.value
    if not (approved or (r.state == SwapState.REJECTED.value and not r.declined)):
        return
    people = [r.requester_id] + ([r.colleague_id] if approved and r.colleague_id else [])
    wanted = _opted_in_ids(session, desk.site_id, people)
    if not wanted:
        return
    from frontdesk.words import notices as words  # Qt's translator: only when composing

    settings = load_settings(session, desk.site_id)
    facts = desk_facts(session, desk.site_id, settings)
    names = dict(
        session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(wanted))).all()
    )
    shift = ShiftKey(r.given_day, r.given_slot)
    rows = [
        _row(
            desk,
            facts,
            MessageKind.SWAP_DECISION,
            f"swap:{r.id}:{vid}",
            vid,
            words.swap_decision_mail(
                facts, names[vid], r.given_day, r.given_slot, approved, r.outcome_reason
            ),
            desk.now(),
            shift,
        )
        for vid in sorted(wanted)
    ]
    _insert(session, rows)


def on_unassigned(
    session: Session, desk: Desk, shift: ShiftKey, findings: Iterable[Finding], removed: int
) -> None:
    """A removal that leaves a slot under its minimum: a call for help to every volunteer who
    opted in and is not on it, but the one `removed` from it. Called by services.roster inside the removal's transaction;
    a slot filled again before sending (a swap's other half) drops the message then."""
    short = [f for f in findings if f.code is Code.UNDER_MINIMUM]
    if not short:
        return
    wanted = _opted_in_ids(session, desk.site_id)
    on_it = set(load_roster(session, desk.site_id, shift.day, shift.day).who(shift))
    wanted -= on_it | {removed}
    if not wanted:
        return
    from frontdesk.words import notices as words  # Qt's translator: only when composing

    settings = load_settings(session, desk.site_id)
    facts = desk_facts(session, desk.site_id, settings)
    missing = short[0].facts["minimum"] - short[0].facts["count"]
    shortage = Shortage(shift.day, shift.slot, missing)
    names = dict(
        session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(wanted))).all()
    )
    stamp = f"{desk.now():%Y%m%d%H%M%S%f}"
    rows = [
        _row(
            desk,
            facts,
            MessageKind.VACANCY,
            f"vacancy:{shift.day:%Y%m%d}:{shift.slot}:{vid}:{stamp}",
            vid,
            words.vacancy_mail(facts, names[vid], shortage),
            desk.now(),
            shift,
        )
        for vid in sorted(wanted)
    ]
    _insert(session, rows)


# --- just before sending ----------------------------------------------------------------


def still_wanted(session: Session, desk: Desk, m: OutboxMessage) -> str | None:
    """The recipient's address when the message is still wanted; None to drop it: the
    volunteer opted out (or was purged), the day or slot was closed, the duty started or
    went away (removed, swapped away), or a vacancy was filled meanwhile."""
    consent = session.execute(
        select(VolunteerEmail.address)
        .join(Volunteer, Volunteer.id == VolunteerEmail.volunteer_id)
        .where(
            VolunteerEmail.volunteer_id == m.volunteer_id,
            Volunteer.purged_at.is_(None),
            opted_in(),
        )
    ).scalar_one_or_none()
    if not consent:
        return None
    if m.day is None or m.slot is None:
        return consent
    settings = load_settings(session, desk.site_id)
    slot = settings.slot(m.slot)
    calendar = load_calendar(session, desk.site_id, settings, m.day, m.day)
    if slot is None or not calendar.slot_open(m.day, m.slot):
        return None
    if slot_start(m.day, slot) <= desk.now():
        return None
    if m.kind == MessageKind.REMINDER.value:
        on = load_roster(session, desk.site_id, m.day, m.day).who(ShiftKey(m.day, m.slot))
        return consent if m.volunteer_id in on else None
    if m.kind == MessageKind.VACANCY.value:
        return consent if _still_short(session, desk, settings, m) else None
    return consent


def _still_short(session: Session, desk: Desk, settings: DeskSettings, m: OutboxMessage) -> bool:
    assert m.day is not None
    roster = load_roster(session, desk.site_id, m.day, m.day)
    if m.volunteer_id in roster.who(ShiftKey(m.day, str(m.slot))):
        return False
    calendar = load_calendar(session, desk.site_id, settings, m.day, m.day)
    return any(s.slot == m.slot for s in shortages(roster, calendar, settings, [m.day]))


# --- what the supervisor sees -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trouble:
    """A message that failed for good, or is waiting to be tried again after failing."""

    id: int
    volunteer: str
    subject: str
    state: MessageState
    attempts: int
    error: str
    next_try: datetime | None


def troubles(desk: Desk) -> list[Trouble]:
    """The messages that failed or are retrying, newest first, for the supervisor."""
    with desk.db.read() as session:
        rows = session.execute(
            select(OutboxMessage, Volunteer.name)
            .join(Volunteer, Volunteer.id == OutboxMessage.volunteer_id)
            .where(
                OutboxMessage.site_id == desk.site_id,
                (OutboxMessage.state == MessageState.FAILED.value)
                | (
                    (OutboxMessage.state == MessageState.QUEUED.value)
                    & (OutboxMessage.attempts > 0)
                ),
            )
            .order_by(OutboxMessage.id.desc())
        ).all()
        return [
            Trouble(
                m.id,
                name,
                m.subject,
                MessageState(m.state),
                m.attempts,
                m.last_error,
                m.not_before if m.state == MessageState.QUEUED.value else None,
            )
            for m, name in rows
        ]


def counts(desk: Desk) -> dict[MessageState, int]:
    """How many messages are in each state."""
    with desk.db.read() as session:
        rows = session.execute(
            select(OutboxMessage.state, func.count())
            .where(OutboxMessage.site_id == desk.site_id)
            .group_by(OutboxMessage.state)
        ).all()
    return {MessageState(s): int(n) for s, n in rows}
