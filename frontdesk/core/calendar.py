"""Duty days: the government working-day calendar plus the site's own overrides."""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from importlib import resources
from typing import TYPE_CHECKING

from frontdesk.core.text import clean

if TYPE_CHECKING:
    import holidays


_MAKEUP_NOTE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*補班")


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

    A calendar is immutable: build a new one when the overrides change. Answers are
    cached per day, so month views are cheap after the first call.
    """

    def __init__(
        self, overrides: Iterable[Override] = (), *, makeup_saturday_is_duty: bool = True
    ) -> None:
        self._makeup_is_duty = makeup_saturday_is_duty
        self._official: dict[date, Override] = {}
        self._manual: dict[date, Override] = {}
        self._closed_day: dict[date, Override] = {}
        self._closed_slots: dict[date, set[str]] = {}
        self._closure_label: dict[date, str] = {}
        for o in overrides:
            if o.kind is OverrideKind.CLOSURE:
                if o.slot is None:
                    self._closed_day[o.day] = o
                else:
                    self._closed_slots.setdefault(o.day, set()).add(o.slot)
                    if o.label:
                        self._closure_label.setdefault(o.day, o.label)
            elif o.kind in (OverrideKind.MANUAL_OPEN, OverrideKind.MANUAL_CLOSED):
                self._manual[o.day] = o  # the last one given wins
            else:
                self._official[o.day] = o
        self._cache: dict[date, DayInfo] = {}

    @property
    def makeup_saturday_is_duty(self) -> bool:
        return self._makeup_is_duty

    def day(self, d: date) -> DayInfo:
        info = self._cache.get(d)
        if info is None:
            info = self._compute(d)
            self._cache[d] = info
        return info

    def month(self, year: int, month: int) -> list[DayInfo]:
        first = date(year, month, 1)
        days = _days_in_month(year, month)
        return [self.day(first + timedelta(days=i)) for i in range(days)]

    def is_duty_day(self, d: date) -> bool:
        return self.day(d).is_duty_day

    def slot_open(self, d: date, slot: str) -> bool:
        return self.day(d).slot_open(slot)

    def made_up_by(self, d: date) -> date | None:
        """For a bridge day off, the make-up working day its label names (「…（2025-02-08 補班）」)."""
        info = self.day(d)
        if info.is_duty_day:
            return None
        found = _MAKEUP_NOTE.search(info.label)
        if found is None:
            return None
        try:
            return date.fromisoformat(found.group(1))
        except ValueError:
            return None

    def makes_up_for(self, d: date) -> list[date]:
        """The days off that the make-up working day `d` pays back, within 90 days of it."""
        if self.day(d).kind is not DayKind.MAKEUP_WORKDAY:
            return []
        window = (d + timedelta(days=offset) for offset in range(-90, 91))
        return [other for other in window if other != d and self.made_up_by(other) == d]

    def _compute(self, d: date) -> DayInfo:
        closure = self._closed_day.get(d)
        if closure is not None:
            return DayInfo(d, DayKind.CLOSED, False, closure.label)
        info = self._base(d)
        slots = self._closed_slots.get(d)
        if slots:
            label = info.label or self._closure_label.get(d, "")
            return DayInfo(d, info.kind, info.is_duty_day, label, frozenset(slots))
        return info

    def _base(self, d: date) -> DayInfo:
        manual = self._manual.get(d)
        if manual is not None:
            if manual.kind is OverrideKind.MANUAL_OPEN:
                return DayInfo(d, DayKind.MANUAL_OPEN, True, manual.label)
            return DayInfo(d, DayKind.MANUAL_CLOSED, False, manual.label)
        weekend = d.weekday() >= 5
        official = self._official.get(d)
        if official is not None:
            if official.kind is OverrideKind.OFFICIAL_WORK:
                if weekend:
                    return self._makeup(d, official.label or MAKEUP_LABEL)
                return DayInfo(d, DayKind.WORKDAY, True, official.label)
            label = official.label or _holiday_name(d)
            if weekend and not label:
                return DayInfo(d, DayKind.WEEKEND, False)
            return DayInfo(d, DayKind.HOLIDAY, False, label)
        working = _tw(d.year).is_working_day(d)
        if weekend:
            if working:
                return self._makeup(d, MAKEUP_LABEL)
            name = _holiday_name(d)
            if name:
                return DayInfo(d, DayKind.HOLIDAY, False, name)
            return DayInfo(d, DayKind.WEEKEND, False)
        if working:
            return DayInfo(d, DayKind.WORKDAY, True)
        return DayInfo(d, DayKind.HOLIDAY, False, _holiday_name(d))

    def _makeup(self, d: date, label: str) -> DayInfo:
        return DayInfo(d, DayKind.MAKEUP_WORKDAY, self._makeup_is_duty, label)


MAKEUP_LABEL = "補行上班"
DGPA_HEADER = ("西元日期", "星期", "是否放假", "備註")
_WEEKDAYS = "一二三四五六日"
_FLAGS = {"0": False, "2": True}


def _days_in_month(year: int, month: int) -> int:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (nxt - date(year, month, 1)).days


TW_TABLE = "tw_workdays.json"  # in frontdesk/core/data, written by tools/gen_tw_calendar.py


class _TableYear:
    """One year of `holidays.TW`'s facts from the bundled table, asked the same two ways."""

    __slots__ = ("_off", "_workdays")

    def __init__(self, off: dict[date, str], workdays: frozenset[date]) -> None:
        self._off = off  # every day holidays.TW names, with its zh_TW name
        self._workdays = workdays  # weekend days made working days (補行上班)

    def is_working_day(self, d: date) -> bool:  # as holidays.HolidayBase.is_working_day
        return d in self._workdays if d.weekday() >= 5 else d not in self._off

    def get(self, d: date) -> str | None:
        return self._off.get(d)


@functools.cache
def _table() -> dict[int, _TableYear]:
    """The bundled years: importing `holidays` costs ~120 ms of every kiosk start."""
    data = json.loads((resources.files("frontdesk.core") / "data" / TW_TABLE).read_bytes())
    return {
        int(year): _TableYear(
            {date.fromisoformat(d): name for d, name in facts["off"].items()},
            frozenset(date.fromisoformat(d) for d in facts["workdays"]),
        )
        for year, facts in data["years"].items()
    }


@functools.lru_cache(maxsize=64)
def _tw(year: int) -> _TableYear | holidays.HolidayBase:
    """Taiwan's calendar for one year, names in Traditional Chinese: the bundled table for
    its years, else the holidays library (imported here, on the first such year)."""
    bundled = _table().get(year)
    if bundled is not None:
        return bundled
    import holidays

    return holidays.country_holidays("TW", years=year, language="zh_TW")  # holidays.TW


def _holiday_name(d: date) -> str:
    name = _tw(d.year).get(d)
    return str(name) if name else ""


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _encoding_error(data, exc.start + 3) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_at = exc.start
    try:
        return data.decode("cp950")
    except UnicodeDecodeError as exc:
        big5_at = exc.start
    # report where the encoding that got further broke down
    raise _encoding_error(data, max(utf8_at, big5_at))


def _encoding_error(data: bytes, at: int) -> CalendarFileError:
    line = data.count(b"\n", 0, at) + 1
    return CalendarFileError("bad_encoding", line, "not UTF-8 or Big5")


def _cells(line: str, number: int) -> list[str]:
    try:
        row = next(csv.reader([line]))
    except csv.Error:  # e.g. a stray carriage return inside the line
        raise CalendarFileError("bad_row", number, line) from None
    return [c.strip() for c in row]


def parse_dgpa_csv(data: bytes | str) -> list[OfficialDay]:
    """Parse the official DGPA calendar CSV (UTF-8 with/without BOM, or Big5/cp950).

    Columns 西元日期 (YYYYMMDD), 星期, 是否放假 (0 work, 2 off), 備註. Refuses with
    CalendarFileError: unreadable encoding, wrong header, bad date, bad flag, weekday
    that does not match the date, duplicate date, rows from more than one year, or a
    year that is not complete.

    Reason codes: empty, bad_encoding, bad_header, bad_row, bad_date, weekday_mismatch,
    bad_flag, duplicate_date, mixed_years, incomplete_year. Blank lines, whitespace
    around cells and empty trailing cells (a file re-saved by Excel) are ignored; a note
    is cleaned by the text rule (core.text). The rows come back sorted by date.
    """
    text = _decode(data) if isinstance(data, bytes) else data
    text = text.removeprefix("\ufeff")
    lines = [(n, raw.strip()) for n, raw in enumerate(text.split("\n"), start=1)]
    lines = [(n, line) for n, line in lines if line]
    if not lines:
        raise CalendarFileError("empty")
    header_no, header = lines[0]
    cells = _cells(header.removeprefix("\ufeff"), header_no)
    while cells and not cells[-1]:
        cells.pop()
    if tuple(cells) != DGPA_HEADER:
        raise CalendarFileError("bad_header", header_no, ",".join(cells))
    if len(lines) == 1:
        raise CalendarFileError("empty", None, "no rows")
    days: dict[date, OfficialDay] = {}
    year: int | None = None
    for n, line in lines[1:]:
        if "\x00" in line:  # a damaged file; no database could store it either
            raise CalendarFileError("bad_row", n, line.replace("\x00", "\\0"))
        cells = _cells(line, n)
        while len(cells) > 3 and not cells[-1]:  # Excel keeps empty columns: 小年夜,,
            cells.pop()
        if len(cells) < 3:
            raise CalendarFileError("bad_row", n, line)
        raw_date, raw_weekday, raw_flag = cells[0], cells[1], cells[2]
        note = clean(",".join(cells[3:]))  # an unquoted note with commas, rejoined
        d = _parse_date(raw_date, n)
        if raw_weekday != _WEEKDAYS[d.weekday()]:
            raise CalendarFileError("weekday_mismatch", n, f"{raw_date} {raw_weekday}")
        if raw_flag not in _FLAGS:
            raise CalendarFileError("bad_flag", n, raw_flag)
        if d in days:
            raise CalendarFileError("duplicate_date", n, raw_date)
        if year is None:
            year = d.year
        elif d.year != year:
            raise CalendarFileError("mixed_years", n, f"{year} and {d.year}")
        days[d] = OfficialDay(d, _FLAGS[raw_flag], note)
    assert year is not None
    expected = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    if len(days) != expected:
        missing = [
            d
            for d in (date(year, 1, 1) + timedelta(days=i) for i in range(expected))
            if d not in days
        ]
        raise CalendarFileError(
            "incomplete_year", None, f"{len(missing)} days missing from {missing[0].isoformat()}"
        )
    return [days[d] for d in sorted(days)]


def _parse_date(raw: str, line: int) -> date:
    if len(raw) != 8 or not raw.isascii() or not raw.isdigit():
        raise CalendarFileError("bad_date", line, raw)
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise CalendarFileError("bad_date", line, raw) from None


def official_overrides(days: Iterable[OfficialDay]) -> list[Override]:
    """OFFICIAL_WORK / OFFICIAL_OFF overrides for imported rows, the note as label."""
    return [
        Override(
            d.day,
            OverrideKind.OFFICIAL_OFF if d.is_off else OverrideKind.OFFICIAL_WORK,
            label=d.note,
        )
        for d in days
    ]
