"""Attendance: what a scan means now, and how a finished duty is classified."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from frontdesk.core.calendar import DayInfo
from frontdesk.core.settings import DeskSettings, SlotDef, slot_end, slot_start


class AttendanceStatus(StrEnum):
    OPEN = "open"  # signed in, not yet out
    ON_TIME = "on_time"  # 正常
    LATE = "late"  # 遲到
    EARLY_LEAVE = "early_leave"  # 早退
    LATE_EARLY_LEAVE = "late_early_leave"  # 遲到且早退
    NO_SIGN_OUT = "no_sign_out"  # 未簽退: auto-closed, flagged for review
    ABSENT = "absent"  # 缺勤
    WALK_IN = "walk_in"  # 臨時: served without an assignment, flagged
    CANCELLED = "cancelled"  # the slot was closed (typhoon); nobody absent


class ScanAction(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    REPEAT = "repeat"  # the same scan again within repeat_scan_seconds: answered, not recorded
    TOO_EARLY = "too_early"  # before the next slot's sign-in window opens
    NO_MORE_SLOTS = "no_more_slots"  # after the last slot of the day
    NOT_DUTY_DAY = "not_duty_day"  # weekend, holiday, closure


@dataclass(frozen=True, slots=True)
class OpenRecord:
    """The volunteer's open attendance, if any."""

    day: date
    slot: str
    in_at: datetime


@dataclass(frozen=True, slots=True)
class ScanDecision:
    action: ScanAction
    slot: SlotDef | None = None  # the slot signed into / out of / not yet open
    opens_at: datetime | None = None  # TOO_EARLY: when the window opens (aware UTC)
    previous_at: datetime | None = None  # REPEAT: the instant already recorded


@dataclass(frozen=True, slots=True)
class Classification:
    status: AttendanceStatus
    late_minutes: int = 0
    early_leave_minutes: int = 0
    credited_minutes: int = 0
    needs_review: bool = False
    flags: frozenset[str] = field(default_factory=frozenset)


_MINUTE = timedelta(minutes=1)

# flags on a Classification
FLAG_LATE = "late"
FLAG_EARLY_LEAVE = "early_leave"
FLAG_NO_SIGN_OUT = "no_sign_out"
FLAG_WALK_IN = "walk_in"
FLAG_NOT_SIGNED_IN = "not_signed_in"  # assigned, no sign-in yet, slot not over
FLAG_NOT_EXPECTED = "not_expected"  # neither assigned nor signed in: nothing to record
FLAG_SERVED_WHILE_CLOSED = "served_while_closed"


def _whole_minutes_up(delta: timedelta) -> int:
    """Whole minutes, any started minute counting as one."""
    return -(-delta // _MINUTE)


def window_opens(day: date, slot: SlotDef, settings: DeskSettings) -> datetime:
    """Slot start minus signin_window_minutes, aware UTC."""
    return slot_start(day, slot) - timedelta(minutes=settings.signin_window_minutes)


def _open_slots(day_info: DayInfo, settings: DeskSettings) -> list[SlotDef]:
    if not day_info.is_duty_day:
        return []
    slots = [s for s in settings.slots if day_info.slot_open(s.code)]
    return sorted(slots, key=lambda s: s.start)


def _recent(now: datetime, then: datetime, settings: DeskSettings) -> bool:
    seconds = settings.repeat_scan_seconds
    return seconds > 0 and now - then < timedelta(seconds=seconds)


def decide_scan(
    now: datetime,
    day_info: DayInfo,
    settings: DeskSettings,
    open_record: OpenRecord | None,
    last_event_at: datetime | None = None,
) -> ScanDecision:
    """What a scan at `now` means.

    An open record → SIGN_OUT, or REPEAT when its in_at is within repeat_scan_seconds.
    No open record and `last_event_at` (the volunteer's latest recorded in/out instant)
    within repeat_scan_seconds → REPEAT. Otherwise SIGN_IN in the slot whose window holds
    now, TOO_EARLY (with opens_at of the next slot), NO_MORE_SLOTS, or NOT_DUTY_DAY.

    `day_info` is the day of `now` in Taipei. Slots closed by a closure are skipped as if
    they did not exist; a duty day with every slot closed is NOT_DUTY_DAY.
    """
    if open_record is not None:
        slot = settings.slot(open_record.slot)
        if _recent(now, open_record.in_at, settings):
            return ScanDecision(ScanAction.REPEAT, slot=slot, previous_at=open_record.in_at)
        return ScanDecision(ScanAction.SIGN_OUT, slot=slot)
    if last_event_at is not None and _recent(now, last_event_at, settings):
        return ScanDecision(ScanAction.REPEAT, previous_at=last_event_at)
    slots = _open_slots(day_info, settings)
    if not slots:
        return ScanDecision(ScanAction.NOT_DUTY_DAY)
    for slot in slots:
        opens = window_opens(day_info.day, slot, settings)
        if now < opens:
            return ScanDecision(ScanAction.TOO_EARLY, slot=slot, opens_at=opens)
        if now < slot_end(day_info.day, slot):
            return ScanDecision(ScanAction.SIGN_IN, slot=slot)
    return ScanDecision(ScanAction.NO_MORE_SLOTS)


def credited_minutes(day: date, slot: SlotDef, in_at: datetime, out_at: datetime) -> int:
    """Whole minutes of [in_at, out_at] inside [slot start, slot end]; never negative, never over the slot."""
    lo = max(in_at, slot_start(day, slot))
    hi = min(out_at, slot_end(day, slot))
    if hi <= lo:
        return 0
    return (hi - lo) // _MINUTE


def late_minutes(day: date, slot: SlotDef, in_at: datetime, settings: DeskSettings) -> int:
    """Minutes after slot start when beyond late_grace_minutes, else 0.

    Counted from the slot start, a started minute as a whole one: signing in at 08:35:20
    for an 08:30 slot with 5 minutes' grace is 6 minutes late.
    """
    delta = in_at - slot_start(day, slot)
    if delta <= timedelta(minutes=settings.late_grace_minutes):
        return 0
    return _whole_minutes_up(delta)


def early_leave_minutes(day: date, slot: SlotDef, out_at: datetime, settings: DeskSettings) -> int:
    """Minutes before slot end when beyond early_leave_grace_minutes, else 0."""
    delta = slot_end(day, slot) - out_at
    if delta <= timedelta(minutes=settings.early_leave_grace_minutes):
        return 0
    return _whole_minutes_up(delta)


def classify(
    day: date,
    slot: SlotDef,
    in_at: datetime | None,
    out_at: datetime | None,
    *,
    assigned: bool,
    slot_closed: bool,
    now: datetime,
    settings: DeskSettings,
) -> Classification:
    """Classify one volunteer's duty in one slot as of `now`.

    slot_closed → CANCELLED (never absent). No sign-in: ABSENT once now >= slot end
    (if assigned), else OPEN-less (status ABSENT only for assigned). Signed in, no sign-out:
    OPEN until slot end + autoclose_margin, then NO_SIGN_OUT with needs_review and credited
    minutes 0 (no invented time). Signed out: WALK_IN when not assigned (needs_review),
    else LATE / EARLY_LEAVE / LATE_EARLY_LEAVE / ON_TIME by the graces. credited_minutes
    per credited_minutes().

    In detail: CANCELLED credits the minutes actually served, if any, and asks for review
    (flag served_while_closed). No sign-in before the slot end (assigned) is OPEN with flag
    not_signed_in; no sign-in and not assigned is OPEN with flag not_expected (nothing to
    record). A walk-in still open or never signed out keeps flag walk_in. Late and early
    minutes are reported for assigned duties only. A sign-out without a sign-in, or before
    it, raises ValueError.
    """
    if in_at is None and out_at is not None:
        raise ValueError("a sign-out without a sign-in")
    if in_at is not None and out_at is not None and out_at < in_at:
        raise ValueError("a sign-out before the sign-in")
    if slot_closed:
        return _in_closed_slot(day, slot, in_at, out_at)
    if in_at is None:
        if not assigned:
            return Classification(AttendanceStatus.OPEN, flags=frozenset({FLAG_NOT_EXPECTED}))
        if now >= slot_end(day, slot):
            return Classification(AttendanceStatus.ABSENT)
        return Classification(AttendanceStatus.OPEN, flags=frozenset({FLAG_NOT_SIGNED_IN}))
    late = late_minutes(day, slot, in_at, settings) if assigned else 0
    flags: set[str] = set()
    if late:
        flags.add(FLAG_LATE)
    if not assigned:
        flags.add(FLAG_WALK_IN)
    if out_at is None:
        if autoclose_due(day, slot, now, settings):
            flags.add(FLAG_NO_SIGN_OUT)
            return Classification(
                AttendanceStatus.NO_SIGN_OUT,
                late_minutes=late,
                needs_review=True,
                flags=frozenset(flags),
            )
        return Classification(AttendanceStatus.OPEN, late_minutes=late, flags=frozenset(flags))
    credited = credited_minutes(day, slot, in_at, out_at)
    if not assigned:
        return Classification(
            AttendanceStatus.WALK_IN,
            credited_minutes=credited,
            needs_review=True,
            flags=frozenset(flags),
        )
    early = early_leave_minutes(day, slot, out_at, settings)
    return _rostered_duty_done(late, early, credited, flags)


def _in_closed_slot(
    day: date, slot: SlotDef, in_at: datetime | None, out_at: datetime | None
) -> Classification:
    """CANCELLED; minutes served anyway are credited and asked about (served_while_closed)."""
    if in_at is None:
        return Classification(AttendanceStatus.CANCELLED)
    credited = credited_minutes(day, slot, in_at, out_at) if out_at is not None else 0
    return Classification(
        AttendanceStatus.CANCELLED,
        credited_minutes=credited,
        needs_review=True,
        flags=frozenset({FLAG_SERVED_WHILE_CLOSED}),
    )


def _rostered_duty_done(late: int, early: int, credited: int, flags: set[str]) -> Classification:
    """A rostered duty signed in and out: ON_TIME, LATE, EARLY_LEAVE or LATE_EARLY_LEAVE."""
    if early:
        flags.add(FLAG_EARLY_LEAVE)
    if late and early:
        status = AttendanceStatus.LATE_EARLY_LEAVE
    elif late:
        status = AttendanceStatus.LATE
    elif early:
        status = AttendanceStatus.EARLY_LEAVE
    else:
        status = AttendanceStatus.ON_TIME
    return Classification(
        status,
        late_minutes=late,
        early_leave_minutes=early,
        credited_minutes=credited,
        flags=frozenset(flags),
    )


def autoclose_due(day: date, slot: SlotDef, now: datetime, settings: DeskSettings) -> bool:
    """now >= slot end + autoclose_margin_minutes."""
    return now >= slot_end(day, slot) + timedelta(minutes=settings.autoclose_margin_minutes)
