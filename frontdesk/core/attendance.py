"""Attendance: what a scan means now, and how a finished duty is classified."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
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
    CONFIRM_SIGN_OUT = "confirm_sign_out"  # the duty is running: ask before ending it early
    ALREADY_IN = "already_in"  # signed in, the slot has not started: answered, not recorded
    ALREADY_OUT = "already_out"  # signed out of today's duty, nothing left: answered
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
    # REPEAT, ALREADY_IN: the instant already recorded; ALREADY_OUT: the sign-out's instant
    previous_at: datetime | None = None
    # The volunteer's own duty of the day, when the roster was given and it is not `slot`
    # (or is): every answer names it.
    own_slot: SlotDef | None = None
    # The latest instant already recorded for the volunteer when the scan's clock reads
    # earlier: the scan is taken at this instant and its record flagged (clock suspect).
    clock_behind: datetime | None = None


@dataclass(frozen=True, slots=True)
class Classification:
    status: AttendanceStatus
    late_minutes: int = 0
    early_leave_minutes: int = 0
    credited_minutes: int = 0
    needs_review: bool = False
    flags: frozenset[str] = field(default_factory=frozenset)


_MINUTE = timedelta(minutes=1)

# "按錯了？": a sign-out may be taken back this long after it was recorded (the kiosk
# offers it for a few seconds on the answer, then asks 是/不是 before taking it back; the
# margin covers a slow tap and a slow answer).
SIGN_OUT_UNDO_SECONDS = 60

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
    *,
    own_slots: Collection[str] | None = None,
    signed_out: Mapping[str, datetime] | None = None,
    sign_out_confirmed: bool = False,
    walk_in_confirmed: bool = False,
) -> ScanDecision:
    """What a scan at `now` means.

    Time never runs backwards inside the data: when `now` is earlier than the latest
    instant already recorded for the volunteer (the open sign-in or `last_event_at`, the
    latest in/out instant), the scan is judged at that instant, never as a repeat, and
    the decision carries it as `clock_behind` so its record is flagged (clock suspect).

    An open record: ALREADY_IN before its slot starts (answered, nothing recorded); REPEAT
    within repeat_scan_seconds of the sign-in; CONFIRM_SIGN_OUT while the duty runs and
    more than early_leave_grace_minutes remain, unless `sign_out_confirmed` (an action
    that ends a duty early is never taken without asking); else SIGN_OUT.

    No open record: REPEAT within repeat_scan_seconds of `last_event_at`; else SIGN_IN in
    the slot whose window holds now, TOO_EARLY (with opens_at), NO_MORE_SLOTS, or
    NOT_DUTY_DAY. With `own_slots` (the codes of the volunteer's duties of the day) every
    answer is about the volunteer's own duty: a volunteer on a later slot is told that
    slot (TOO_EARLY), not asked to help in this one, and `own_slot` names the duty;
    unless `walk_in_confirmed`: they chose to help in the slot open now (SIGN_IN).

    `signed_out` holds the slots of the day the volunteer already signed out of (slot
    code -> the sign-out instant): such a slot is not signed into again once its end
    less early_leave_grace_minutes is reached (before that a scan is a return from an
    errand, a new sign-in), and a scan
    with no duty of theirs left to sign into, and no other slot's sign-in open, is
    ALREADY_OUT (slot: the last signed out of, previous_at: when), not TOO_EARLY for a
    later slot that is not theirs nor NO_MORE_SLOTS.

    `day_info` is the day of `now` in Taipei. Slots closed by a closure are skipped as if
    they did not exist; a duty day with every slot closed is NOT_DUTY_DAY.
    """
    latest = max(
        (t for t in (last_event_at, open_record.in_at if open_record else None) if t),
        default=None,
    )
    behind = latest if latest is not None and now < latest else None
    decision = _decide(
        behind or now,
        day_info,
        settings,
        open_record,
        last_event_at,
        own_slots=own_slots,
        signed_out=signed_out or {},
        confirmed=sign_out_confirmed,
        repeat=behind is None,
        walk_in=walk_in_confirmed,
    )
    return decision if behind is None else replace(decision, clock_behind=behind)


def _decide(
    now: datetime,
    day_info: DayInfo,
    settings: DeskSettings,
    open_record: OpenRecord | None,
    last_event_at: datetime | None,
    *,
    own_slots: Collection[str] | None,
    signed_out: Mapping[str, datetime],
    confirmed: bool,
    repeat: bool,
    walk_in: bool,
) -> ScanDecision:
    """decide_scan at a settled instant; `repeat` False: the scan's clock was behind the
    data, so it is never taken as a repeat."""
    if open_record is not None:
        return _with_open_record(now, settings, open_record, confirmed, repeat=repeat)
    if repeat and last_event_at is not None and _recent(now, last_event_at, settings):
        return ScanDecision(ScanAction.REPEAT, previous_at=last_event_at)
    return _first_scan(now, day_info, settings, own_slots, signed_out, walk_in=walk_in)


def _first_scan(
    now: datetime,
    day_info: DayInfo,
    settings: DeskSettings,
    own_slots: Collection[str] | None,
    signed_out: Mapping[str, datetime],
    *,
    walk_in: bool,
) -> ScanDecision:
    """A scan by someone not signed in: SIGN_IN, TOO_EARLY, ALREADY_OUT, NO_MORE_SLOTS,
    NOT_DUTY_DAY; slots signed out of today are not signed into again."""
    slots = _open_slots(day_info, settings)
    if not slots:
        return ScanDecision(ScanAction.NOT_DUTY_DAY)
    day = day_info.day
    named = _own_duty(now, day, slots, own_slots)  # the duty every answer names
    grace = timedelta(minutes=settings.early_leave_grace_minutes)
    # a slot signed out of is done once its end (less the grace) is reached; before
    # that, a scan is a return from an errand and signs in again
    left = [s for s in slots if s.code not in signed_out or now < slot_end(day, s) - grace]
    own = _own_duty(now, day, left, own_slots)  # the own duty still to sign into
    holding = [s for s in left if window_opens(day, s, settings) <= now < slot_end(day, s)]
    current = own if own in holding else (holding[0] if holding else None)
    helping_now = walk_in and current is not None
    if own is not None and own is not current and now < slot_end(day, own) and not helping_now:
        # on a later slot today: that slot is the answer, not the one whose window is open
        opens = window_opens(day, own, settings)
        return ScanDecision(ScanAction.TOO_EARLY, slot=own, opens_at=opens, own_slot=own)
    if current is not None:
        return ScanDecision(ScanAction.SIGN_IN, slot=current, own_slot=named)
    done = [s for s in slots if s.code in signed_out and s not in left]
    if done:
        last = max(done, key=lambda s: signed_out[s.code])
        return ScanDecision(
            ScanAction.ALREADY_OUT, slot=last, previous_at=signed_out[last.code], own_slot=named
        )
    for slot in slots:
        opens = window_opens(day, slot, settings)
        if now < opens:
            return ScanDecision(ScanAction.TOO_EARLY, slot=slot, opens_at=opens, own_slot=named)
    return ScanDecision(ScanAction.NO_MORE_SLOTS, own_slot=named)


def _own_duty(
    now: datetime, day: date, slots: list[SlotDef], own_slots: Collection[str] | None
) -> SlotDef | None:
    """The volunteer's duty of the day to speak of: the first not yet ended, else the last."""
    mine = [s for s in slots if own_slots is not None and s.code in own_slots]
    coming = [s for s in mine if now < slot_end(day, s)]
    return coming[0] if coming else (mine[-1] if mine else None)


def _with_open_record(
    now: datetime, settings: DeskSettings, record: OpenRecord, confirmed: bool, *, repeat: bool
) -> ScanDecision:
    """A scan by someone signed in: not yet started, a repeat, ask, or sign out."""
    slot = settings.slot(record.slot)
    if slot is None:
        return ScanDecision(ScanAction.SIGN_OUT)
    if now < slot_start(record.day, slot):
        return ScanDecision(ScanAction.ALREADY_IN, slot=slot, previous_at=record.in_at)
    if repeat and _recent(now, record.in_at, settings):
        return ScanDecision(ScanAction.REPEAT, slot=slot, previous_at=record.in_at)
    grace = timedelta(minutes=settings.early_leave_grace_minutes)
    if not confirmed and now < slot_end(record.day, slot) - grace:
        return ScanDecision(ScanAction.CONFIRM_SIGN_OUT, slot=slot, previous_at=record.in_at)
    return ScanDecision(ScanAction.SIGN_OUT, slot=slot)


def sign_out_undoable(out_at: datetime, now: datetime, duty_end: datetime | None = None) -> bool:
    """True within SIGN_OUT_UNDO_SECONDS after the sign-out at `out_at` (a mistaken scan or
    tap is taken back at once, not by the supervisor) and before `duty_end`, the end of
    the duty signed out of: taken back after its end, the sign-out would leave someone
    on duty when nobody is, so that goes to the supervisor. A clock behind the recorded
    instant does not shorten it."""
    if duty_end is not None and now >= duty_end:
        return False
    return now - out_at <= timedelta(seconds=SIGN_OUT_UNDO_SECONDS)


def undo_offered(out_at: datetime, day: date, slot: SlotDef) -> bool:
    """Whether the kiosk offers 按錯了？ under a sign-out at `out_at` of `slot` on `day`:
    only while the duty still runs (sign_out_undoable's rule, at the sign-out itself)."""
    return sign_out_undoable(out_at, out_at, slot_end(day, slot))


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


class HandEntryProblem(StrEnum):
    """Why times entered by hand (a paper-sheet entry or a correction) are refused."""

    FUTURE = "future"  # a time later than now: only what happened is recorded
    OUTSIDE_SLOT = "outside_slot"  # a time the kiosk would never have taken for this slot


def hand_entry_bounds(
    day: date, slot: SlotDef, settings: DeskSettings
) -> tuple[datetime, datetime]:
    """The earliest sign-in and the latest sign-out a hand entry may give for a duty (aware UTC).

    The kiosk's own limits: sign-in from the window's opening (slot start minus
    signin_window_minutes), sign-out by the slot end plus autoclose_margin_minutes.
    """
    latest = slot_end(day, slot) + timedelta(minutes=settings.autoclose_margin_minutes)
    return window_opens(day, slot, settings), latest


def hand_entry_problem(
    day: date,
    slot: SlotDef,
    in_at: datetime | None,
    out_at: datetime | None,
    *,
    now: datetime,
    settings: DeskSettings,
) -> HandEntryProblem | None:
    """What is wrong with hand-entered times of one duty, None when nothing (None = not given).

    A time later than `now` is refused (FUTURE). A sign-in before the window opens or at or
    after the slot end, or a sign-out at or before the slot start or after the autoclose
    margin, is refused (OUTSIDE_SLOT): a 下午 duty typed as 01:30–01:54 would credit nothing
    and be kept as if served.
    """
    if any(t is not None and t > now for t in (in_at, out_at)):
        return HandEntryProblem.FUTURE
    earliest, latest = hand_entry_bounds(day, slot, settings)
    if in_at is not None and not earliest <= in_at < slot_end(day, slot):
        return HandEntryProblem.OUTSIDE_SLOT
    if out_at is not None and not slot_start(day, slot) < out_at <= latest:
        return HandEntryProblem.OUTSIDE_SLOT
    return None


class ScanOutcome(StrEnum):
    """What a scan came to; the words for each are in frontdesk.words.scan."""

    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    REPEAT = "repeat"
    ALREADY_IN = "already_in"  # signed in, the slot has not started: nothing recorded
    ALREADY_OUT = "already_out"  # signed out of today's duty already: nothing recorded
    CONFIRM_SIGN_OUT = "confirm_sign_out"  # the duty runs: ask, then scan again confirmed
    SIGN_OUT_UNDONE = "sign_out_undone"  # "按錯了？": the sign-out was taken back
    TOO_EARLY = "too_early"
    NO_MORE_SLOTS = "no_more_slots"
    NOT_DUTY_DAY = "not_duty_day"
    UNKNOWN_CARD = "unknown_card"
    INACTIVE = "inactive"
    CONFIRM_WALK_IN = "confirm_walk_in"  # not on today's roster: ask, then scan again confirmed


class SlotPhase:
    """Where the day stands relative to one slot."""

    BEFORE = "before"  # sign-in window not yet open
    WINDOW = "window"  # sign-in window open, slot not started
    ON_DUTY = "on_duty"  # slot running
    OVER = "over"
    CLOSED = "closed"  # closed by a closure or a non-duty day
