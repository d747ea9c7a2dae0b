"""Duty days: the government working-day calendar plus the site's own overrides.

CONTRACT STUB (to be implemented): signatures are fixed; bodies raise NotImplementedError.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class DayKind(StrEnum):
    """Why a day is or is not a duty day."""

    WORKDAY = "workday"  # ordinary weekday
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # national holiday or bridge day off (label says which)
    MAKEUP_WORKDAY = "makeup_workday"  # 補行上班 on a weekend
    CLOSED = "closed"  # typhoon / disaster closure of the whole day (停止上班)
    MANUAL_OPEN = "manual_open"
    MANUAL_CLOSED = "manual_closed"


class OverrideKind(StrEnum):
    OFFICIAL_WORK = "official_work"  # from the DGPA CSV: 是否放假 0
    OFFICIAL_OFF = "official_off"  # from the DGPA CSV: 是否放假 2
    CLOSURE = "closure"  # typhoon closure: slot=None for the whole day, else one slot
    MANUAL_OPEN = "manual_open"
    MANUAL_CLOSED = "manual_closed"


@dataclass(frozen=True, slots=True)
class Override:
    day: date
    kind: OverrideKind
    slot: str | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class DayInfo:
    day: date
    kind: DayKind
    is_duty_day: bool
    label: str = ""  # holiday name, DGPA note, closure reason
    closed_slots: frozenset[str] = field(default_factory=frozenset)

    def slot_open(self, code: str) -> bool:
        return self.is_duty_day and code not in self.closed_slots


@dataclass(frozen=True, slots=True)
class OfficialDay:
    """One row of the DGPA 「政府行政機關辦公日曆表」 CSV."""

    day: date
    is_off: bool
    note: str = ""


class CalendarFileError(ValueError):
    """A DGPA calendar file that cannot be imported; `line` is 1-based, None for the whole file."""

    def __init__(self, reason: str, line: int | None = None, detail: str = "") -> None:
        where = f"line {line}: " if line is not None else ""
        super().__init__(f"{where}{reason}{': ' + detail if detail else ''}")
        self.reason = reason  # a short code: bad_encoding, bad_header, bad_date, bad_flag, ...
        self.line = line
        self.detail = detail


class DutyCalendar:
    """Answers whether a day (and a slot of it) is desk duty.

    Precedence, strongest first: CLOSURE (whole day, or per slot), MANUAL_CLOSED /
    MANUAL_OPEN, OFFICIAL_* (imported DGPA rows), then `holidays.TW().is_working_day`.
    A working weekend day is MAKEUP_WORKDAY; it is duty only if `makeup_saturday_is_duty`.
    """

    def __init__(
        self, overrides: Iterable[Override] = (), *, makeup_saturday_is_duty: bool = True
    ) -> None:
        raise NotImplementedError

    def day(self, d: date) -> DayInfo:
        raise NotImplementedError

    def month(self, year: int, month: int) -> list[DayInfo]:
        raise NotImplementedError

    def is_duty_day(self, d: date) -> bool:
        return self.day(d).is_duty_day

    def slot_open(self, d: date, slot: str) -> bool:
        return self.day(d).slot_open(slot)


def parse_dgpa_csv(data: bytes | str) -> list[OfficialDay]:
    """Parse the official DGPA calendar CSV (UTF-8 with/without BOM, or Big5/cp950).

    Columns 西元日期 (YYYYMMDD), 星期, 是否放假 (0 work, 2 off), 備註. Refuses with
    CalendarFileError: unreadable encoding, wrong header, bad date, bad flag, weekday
    that does not match the date, duplicate date, rows from more than one year, or a
    year that is not complete.
    """
    raise NotImplementedError


def official_overrides(days: Iterable[OfficialDay]) -> list[Override]:
    """OFFICIAL_WORK / OFFICIAL_OFF overrides for imported rows, the note as label."""
    raise NotImplementedError
