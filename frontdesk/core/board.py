"""Today's board at the desk, built from plain values: who is on each slot, who came, the
slot's phase and staffing, the handover notes.

One function builds it (`build_board`), whatever read the values: the kiosk's ORM query
(services.kiosk.board) or the plain SQLite read that paints the roster while the database
layer is still loading (services.early_board). Both giving the same rows, the desk shows the
same board either way.

Everything here is safe to put on a public screen: names and times, never phones,
addresses or ID numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from frontdesk.core.attendance import AttendanceStatus, SlotPhase, window_opens
from frontdesk.core.calendar import DayInfo
from frontdesk.core.settings import DeskSettings, SlotDef, slot_end, slot_start


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
class Note:
    id: int
    day: date
    slot: str
    author: str  # who wrote it: the volunteer's or the supervisor's name, "" unknown
    body: str
    created_at: datetime
    by_supervisor: bool = False  # the author is a supervisor, not a volunteer


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


class Rostered(NamedTuple):
    """A person on today's roster, as read: ordered by slot, then badge code."""

    slot: str
    volunteer_id: int
    name: str
    code: str


class Served(NamedTuple):
    """Today's attendance row of a person, as read: ordered by sign-in time."""

    slot: str
    volunteer_id: int
    name: str
    code: str
    in_at: datetime | None
    out_at: datetime | None
    late_minutes: int | None
    status: str


def phase(day: date, slot: SlotDef, now: datetime, settings: DeskSettings) -> str:
    """Where `slot` of `day` stands at `now`: before its sign-in window, in it, on duty,
    over (core.attendance's window, core.settings' times)."""
    if now < window_opens(day, slot, settings):
        return SlotPhase.BEFORE
    if now < slot_start(day, slot):
        return SlotPhase.WINDOW
    if now < slot_end(day, slot):
        return SlotPhase.ON_DUTY
    return SlotPhase.OVER


def build_board(
    now: datetime,
    day: date,
    settings: DeskSettings,
    info: DayInfo,
    rostered: Iterable[Sequence[object]],
    served: Iterable[Sequence[object]],
    notes: Iterable[Note] = (),
    phone_score: int | None = None,
) -> Board:
    """Today's board: both slots with names, sign-in times, late marks and staffing.

    `rostered` are Rostered rows (the roster's people, by slot and code), `served` Served
    rows (today's attendance, by sign-in time); the rostered come first on their slot, in
    their order, then the walk-ins who came, in the order they came.
    """
    roster = [Rostered(*r) for r in rostered]  # type: ignore[arg-type]
    attendance: dict[tuple[str, int], Served] = {}
    for r in served:
        row = Served(*r)  # type: ignore[arg-type]
        attendance[(row.slot, row.volunteer_id)] = row
    slots: list[SlotBoard] = []
    for slot in settings.slots:
        closed = not info.slot_open(slot.code)
        slot_phase = SlotPhase.CLOSED if closed else phase(day, slot, now, settings)
        over = now >= slot_end(day, slot)
        entries: list[BoardEntry] = []
        seen: set[int] = set()
        for person in roster:
            if person.slot != slot.code:
                continue
            seen.add(person.volunteer_id)
            came = attendance.get((person.slot, person.volunteer_id))
            entries.append(_entry(person.volunteer_id, person.name, person.code, True, came, over))
        for (s, vid), row in attendance.items():
            if s == slot.code and vid not in seen:
                entries.append(_entry(vid, row.name, row.code, False, row, over))
        slots.append(SlotBoard(slot, slot_phase, tuple(entries), closed))
    current = next(
        (s for s in slots if s.phase in (SlotPhase.WINDOW, SlotPhase.ON_DUTY)),
        None,
    )
    return Board(
        now,
        day,
        info,
        settings.agency_name,
        settings.desk_name,
        tuple(slots),
        current,
        tuple(notes),
        phone_score,
    )


def _entry(
    vid: int, name: str, code: str, assigned: bool, row: Served | None, over: bool
) -> BoardEntry:
    if row is None:
        return BoardEntry(vid, name, code, assigned, slot_over=over)
    if row.status == AttendanceStatus.ABSENT.value or row.in_at is None:
        return BoardEntry(vid, name, code, assigned, status=row.status, slot_over=over)
    late = int(row.late_minutes or 0)
    return BoardEntry(vid, name, code, assigned, row.in_at, row.out_at, late, row.status, over)
