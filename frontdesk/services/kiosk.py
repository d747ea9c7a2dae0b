"""What the desk kiosk shows and the few things it writes: today's board and notes
(PINs: services.pins).

Everything here is safe to put on a public screen: names and times, never phones,
addresses or ID numbers. The UI turns the codes and facts into translated sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Select, select

from frontdesk.core import codes as codes_rule
from frontdesk.core import text
from frontdesk.core.attendance import AttendanceStatus, SlotPhase, window_opens
from frontdesk.core.calendar import DayInfo
from frontdesk.core.settings import DeskSettings, SlotDef, parse_settings, slot_end, slot_start
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
class BoardEntry:
    """One person on a slot of today's board: name and times only."""

    volunteer_id: int
    name: str
    code: str  # the badge number, needed to sign in by tapping the name; never shown
    assigned: bool
    in_at: datetime | None = None
    out_at: datetime | None = None
    late_minutes: int = 0
    status: str | None = None  # AttendanceStatus value, None when not signed in yet
    slot_over: bool = False  # the slot has ended

    @property
    def signed_in(self) -> bool:
        return self.in_at is not None

    @property
    def on_duty(self) -> bool:
        """Signed in and serving now: not once the slot is over without a sign-out."""
        return self.in_at is not None and self.out_at is None and not self.forgot_sign_out

    @property
    def forgot_sign_out(self) -> bool:
        """Signed in, never out, and the slot is over: the sweep closes it (or did)."""
        return (
            self.in_at is not None
            and self.out_at is None
            and (self.slot_over or self.status == AttendanceStatus.NO_SIGN_OUT.value)
        )


@dataclass(frozen=True)
class SlotBoard:
    slot: SlotDef
    phase: str
    entries: tuple[BoardEntry, ...]
    closed: bool = False

    @property
    def staff_count(self) -> int:
        """The rostered people plus walk-ins who came."""
        return sum(1 for e in self.entries if e.assigned or e.signed_in)

    @property
    def understaffed(self) -> bool:
        return not self.closed and self.staff_count < self.slot.min_staff


@dataclass(frozen=True)
class Board:
    """Today at the desk."""

    now: datetime
    day: date
    info: DayInfo
    agency_name: str
    desk_name: str
    slots: tuple[SlotBoard, ...]
    current: SlotBoard | None  # the slot now running or whose sign-in window is open
    notes: tuple[Note, ...] = field(default_factory=tuple)
    # the desk's latest phone courtesy test total, when phone_test_show_score asks for it
    phone_score: int | None = None

    @property
    def is_duty_day(self) -> bool:
        return self.info.is_duty_day and any(not s.closed for s in self.slots)


@dataclass(frozen=True)
class Note:
    id: int
    day: date
    slot: str
    author: str  # who wrote it: the volunteer's or the supervisor's name, "" unknown
    body: str
    created_at: datetime
    by_supervisor: bool = False  # the author is a supervisor, not a volunteer


@dataclass(frozen=True)
class MyShift:
    day: date
    slot: SlotDef
    open: bool  # False when the day or slot is closed


def _phase(day: date, slot: SlotDef, now: datetime, settings: DeskSettings) -> str:
    if now < window_opens(day, slot, settings):
        return SlotPhase.BEFORE
    if now < slot_start(day, slot):
        return SlotPhase.WINDOW
    if now < slot_end(day, slot):
        return SlotPhase.ON_DUTY
    return SlotPhase.OVER


def board(desk: Desk, now: datetime | None = None) -> Board:
    """Today's board: both slots with names, sign-in times, late marks and staffing."""
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
    built = _board(now, today, settings, info, found[2], found[3], notes, score)
    pending = waiting.waiting_from(desk, settings, found[6:]).total
    return Refresh(settings, built, pending)


def _board(
    now: datetime,
    today: date,
    settings: DeskSettings,
    info: DayInfo,
    assigned: Sequence[tuple[Any, ...]],
    served: Sequence[tuple[Any, ...]],
    notes: list[Note],
    phone_score: int | None,
) -> Board:
    """The board of the rows refresh() read."""
    attendance: dict[tuple[str, int], _Served] = {
        (r[0], r[1]): _Served(r[2], r[3], r[4], r[5], int(r[6] or 0), r[7]) for r in served
    }
    slots: list[SlotBoard] = []
    for slot in settings.slots:
        closed = not info.slot_open(slot.code)
        phase = SlotPhase.CLOSED if closed else _phase(today, slot, now, settings)
        over = now >= slot_end(today, slot)
        entries: list[BoardEntry] = []
        seen: set[int] = set()
        for s, vid, name, code in assigned:
            if s != slot.code:
                continue
            seen.add(vid)
            entries.append(_entry(vid, name, code, True, attendance.get((s, vid)), over))
        for (s, vid), served_row in attendance.items():
            if s == slot.code and vid not in seen:
                entries.append(
                    _entry(vid, served_row.name, served_row.code, False, served_row, over)
                )
        slots.append(SlotBoard(slot, phase, tuple(entries), closed))
    current = next(
        (s for s in slots if s.phase in (SlotPhase.WINDOW, SlotPhase.ON_DUTY)),
        None,
    )
    return Board(
        now,
        today,
        info,
        settings.agency_name,
        settings.desk_name,
        tuple(slots),
        current,
        tuple(notes),
        phone_score,
    )


class _Served(NamedTuple):
    name: str
    code: str
    in_at: datetime | None
    out_at: datetime | None
    late: int
    status: str


def _entry(
    vid: int, name: str, code: str, assigned: bool, row: _Served | None, over: bool
) -> BoardEntry:
    if row is None:
        return BoardEntry(vid, name, code, assigned, slot_over=over)
    if row.status == AttendanceStatus.ABSENT.value or row.in_at is None:
        return BoardEntry(vid, name, code, assigned, status=row.status, slot_over=over)
    return BoardEntry(vid, name, code, assigned, row.in_at, row.out_at, row.late, row.status, over)


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
