"""Attendance: what a scan means now, and how a finished duty is classified.

CONTRACT STUB (to be implemented): signatures are fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from frontdesk.core.calendar import DayInfo
from frontdesk.core.settings import DeskSettings, SlotDef


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


def window_opens(day: date, slot: SlotDef, settings: DeskSettings) -> datetime:
    """Slot start minus signin_window_minutes, aware UTC."""
    raise NotImplementedError


def slot_for_sign_in(now: datetime, day_info: DayInfo, settings: DeskSettings) -> SlotDef | None:
    """The open slot of the day whose window [start - window, end) holds `now`."""
    raise NotImplementedError


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
    """
    raise NotImplementedError


def credited_minutes(day: date, slot: SlotDef, in_at: datetime, out_at: datetime) -> int:
    """Whole minutes of [in_at, out_at] inside [slot start, slot end]; never negative, never over the slot."""
    raise NotImplementedError


def late_minutes(day: date, slot: SlotDef, in_at: datetime, settings: DeskSettings) -> int:
    """Minutes after slot start when beyond late_grace_minutes, else 0."""
    raise NotImplementedError


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
    """
    raise NotImplementedError


def autoclose_due(day: date, slot: SlotDef, now: datetime, settings: DeskSettings) -> bool:
    """now >= slot end + autoclose_margin_minutes."""
    raise NotImplementedError
