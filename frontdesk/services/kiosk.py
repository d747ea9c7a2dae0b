"""What the desk kiosk shows and the few things it writes: today's board and notes
(PINs: services.pins).

Everything here is safe to put on a public screen: names and times, never phones,
addresses or ID numbers. The UI turns the codes and facts into translated sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select

from frontdesk.core import codes as codes_rule
from frontdesk.core import text
from frontdesk.core.board import Board, Note, build_board
from frontdesk.core.settings import DeskSettings, SlotDef, parse_settings
from frontdesk.core.timeutil import local_day
from frontdesk.services import phone_tests, waiting
from frontdesk.services.auditing import record
from frontdesk.services.calendar import calendar_from, load_calendar, overrides_statement
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.freetext import free_text
from frontdesk.store.models import (
    Assignment,
    Attendance,
    HandoverNote,
    Setting,
    Supervisor,
    Volunteer,
)
from frontdesk.store.together import read_together

# The duty points of the rules (值班要點), in the order of the annex; the UI words them.
DUTY_POINTS = ("safety", "five_s", "reception", "phone", "broadcast", "emergency")
NOTE_MAX = text.HANDOVER_NOTE.max_length


@dataclass(frozen=True)
class MyShift:
    day: date
    slot: SlotDef
    open: bool  # False when the day or slot is closed


def board(desk: Desk, now: datetime | None = None) -> Board:
    """Today's board: both slots with names, sign-in times, late marks and staffing
    (core.board.build_board, from the rows refresh() reads)."""
    return refresh(desk, now).board


@dataclass(frozen=True)
class Refresh:
    """What the kiosk shows after a scan and each minute: the site's settings, today's
    board and the 督導 badge's count (services.waiting)."""

    settings: DeskSettings
    board: Board
    pending: int


def refresh(desk: Desk, now: datetime | None = None) -> Refresh:
    """The settings, today's board and what waits for the supervisor, read together: one
    round trip on a server (store.together), where they were fifteen (10 ms each on a
    city network, paid before the desk shows the board after a scan)."""
    now = now or desk.now()
    today = local_day(now)
    site = desk.site_id
    statements: list[Any] = [
        select(Setting.key, Setting.value).where(Setting.site_id == site),
        overrides_statement(site, today, today),
        select(Assignment.slot, Volunteer.id, Volunteer.name, Volunteer.code)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .where(
            Assignment.site_id == site,
            Assignment.day == today,
            Assignment.removed_at.is_(None),
        )
        .order_by(Assignment.slot, Volunteer.code),
        select(
            Attendance.slot,
            Volunteer.id,
            Volunteer.name,
            Volunteer.code,
            Attendance.in_at,
            Attendance.out_at,
            Attendance.late_minutes,
            Attendance.status,
        )
        .join(Volunteer, Volunteer.id == Attendance.volunteer_id)
        .where(Attendance.site_id == site, Attendance.day == today)
        .order_by(Attendance.in_at),
        _notes_statement(site, today),
        phone_tests.latest_score_statement(site),
        *waiting.statements(site),
    ]
    found = read_together(desk.db, statements)
    settings = parse_settings(dict(found[0]))
    info = calendar_from(settings, found[1]).day(today)
    notes = [_note(row) for row in found[4]]
    score = found[5][0][0] if found[5] and settings.phone_test_show_score else None
    built = build_board(now, today, settings, info, found[2], found[3], notes, score)
    pending = waiting.waiting_from(desk, settings, found[6:]).total
    return Refresh(settings, built, pending)


def _notes_statement(site_id: int, day: date) -> Select[*tuple[Any, ...]]:
    """The site's handover notes of `day` with their authors' names, in writing order."""
    return (
        select(
            HandoverNote.id,
            HandoverNote.day,
            HandoverNote.slot,
            HandoverNote.body,
            HandoverNote.created_at,
            HandoverNote.author_supervisor_id,
            Volunteer.name,
            Supervisor.display_name,
            Supervisor.username,
        )
        .outerjoin(Volunteer, Volunteer.id == HandoverNote.author_id)
        .outerjoin(Supervisor, Supervisor.id == HandoverNote.author_supervisor_id)
        .where(HandoverNote.site_id == site_id, HandoverNote.day == day)
        .order_by(HandoverNote.created_at, HandoverNote.id)
    )


def _note(row: tuple[Any, ...]) -> Note:
    nid, day, slot, body, created_at, supervisor_id, name, shown, login = row
    return Note(
        nid,
        day,
        slot,
        name or shown or login or "",
        body,
        created_at,
        by_supervisor=supervisor_id is not None,
    )


def add_note(
    desk: Desk,
    day: date,
    slot: str,
    author_id: int | None,
    body: str,
    *,
    supervisor: str | None = None,
) -> int:
    """Leave a handover note for the next slot; kept with the day, with who wrote it: the
    volunteer `author_id`, or the supervisor whose login is `supervisor`."""
    body = free_text(body, text.HANDOVER_NOTE, "body")
    with desk.db.write(desk.site_id) as session:
        settings = load_settings(session, desk.site_id)
        if settings.slot(slot) is None:
            raise InvalidInput(f"unknown slot {slot!r}", field="slot", value=slot)
        if author_id is not None:
            v = session.get(Volunteer, author_id)
            if v is None or v.site_id != desk.site_id:
                raise NotFound(f"no volunteer with id {author_id}", what="volunteer", id=author_id)
        supervisor_id = None
        if supervisor is not None:
            supervisor_id = session.scalar(
                select(Supervisor.id).where(Supervisor.username == supervisor)
            )
            if supervisor_id is None:
                raise NotFound(f"no supervisor {supervisor}", what="supervisor", name=supervisor)
        now = desk.now()
        note = HandoverNote(
            site_id=desk.site_id,
            day=day,
            slot=slot,
            author_id=author_id,
            author_supervisor_id=supervisor_id,
            body=body,
            created_at=now,
        )
        session.add(note)
        session.flush()
        record(
            session,
            desk,
            "handover.add",
            "handover_note",
            note.id,
            after={
                "day": day.isoformat(),
                "slot": slot,
                "author_id": author_id,  # a supervisor author is the entry's actor
                "body": body,
            },
            at=now,
        )
        return note.id


def my_shifts(desk: Desk, volunteer_id: int, days: int = 28) -> list[MyShift]:
    """The volunteer's shifts from today for `days` days, earliest first."""
    today = local_day(desk.now())
    end = today + timedelta(days=days - 1)
    with desk.db.read() as session:
        settings = load_settings(session, desk.site_id)
        cal = load_calendar(session, desk.site_id, settings, today, end)
        rows = session.execute(
            select(Assignment.day, Assignment.slot).where(
                Assignment.site_id == desk.site_id,
                Assignment.volunteer_id == volunteer_id,
                Assignment.day >= today,
                Assignment.day <= end,
                Assignment.removed_at.is_(None),
            )
        ).all()
    order = {s.code: i for i, s in enumerate(settings.slots)}
    shifts = []
    for d, s in sorted(rows, key=lambda r: (r[0], order.get(r[1], 99))):
        slot = settings.slot(s)
        if slot is not None:
            shifts.append(MyShift(d, slot, cal.slot_open(d, s)))
    return shifts


def pending_supervisor_count(desk: Desk) -> int:
    """The 督導 badge: everything waiting for the supervisor (services.waiting, whose parts
    the workspace shows beside its navigation)."""
    return waiting.for_supervisor(desk).total


def code_example(desk: Desk) -> str:
    """How the site's volunteer codes look ("V001", core.codes.code_example), to tell a
    volunteer whose typed number is not known."""
    with desk.db.read() as session:
        codes = session.scalars(select(Volunteer.code).where(Volunteer.site_id == desk.site_id))
        return codes_rule.code_example(codes)


def digits_alone_are_enough(desk: Desk) -> bool:
    """Whether typing a badge's digits alone finds every volunteer of the site
    (core.codes.digits_alone_are_enough): the unknown-number hint says so only then."""
    with desk.db.read() as session:
        codes = session.scalars(select(Volunteer.code).where(Volunteer.site_id == desk.site_id))
        return codes_rule.digits_alone_are_enough(codes)


def code_letters(desk: Desk, most: int = 6) -> str:
    """The letters and dashes the site's volunteer codes use (V in V001), sorted, at most
    `most`: the on-screen number pad offers a key for each."""
    with desk.db.read() as session:
        codes = session.scalars(select(Volunteer.code).where(Volunteer.site_id == desk.site_id))
        found = {ch for code in codes for ch in code if not ch.isdigit()}
    return "".join(sorted(found))[:most]
