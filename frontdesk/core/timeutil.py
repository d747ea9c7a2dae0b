"""Time zone and ROC (民國) year rules: UTC in storage, Asia/Taipei on screen and paper.

How dates are written for people lives in frontdesk.words.dates.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TAIPEI = ZoneInfo("Asia/Taipei")
ROC_OFFSET = 1911


def utcnow() -> datetime:
    return datetime.now(UTC)


def local(dt: datetime) -> datetime:
    """An aware instant shown in Asia/Taipei."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime; instants must be timezone-aware")
    return dt.astimezone(TAIPEI)


def at(day: date, clock: time) -> datetime:
    """The aware UTC instant of a Taipei wall-clock time on a day."""
    return datetime.combine(day, clock, TAIPEI).astimezone(UTC)


def local_day(dt: datetime) -> date:
    return local(dt).date()


def year_of(text: str) -> int:
    """The Gregorian year a person typed: an ROC year (民國 115, the way reports are named)
    or a Gregorian one (2026); ValueError for anything else."""
    raw = text.strip().removeprefix("民國").removesuffix("年").strip()
    if not raw.isdigit():
        raise ValueError(f"not a year: {text!r}")
    year = int(raw)
    if 1 <= year < 1000:
        return year + ROC_OFFSET
    if 1912 <= year <= 9999:
        return year
    raise ValueError(f"not a year of the ROC era: {text!r}")


def roc_year(d: date) -> int:
    year = d.year - ROC_OFFSET
    if year < 1:
        raise ValueError(f"{d.isoformat()} is before the ROC calendar")
    return year


_CLOCK_TEXT = re.compile(r"^(\d{1,2})(?:[:.\s]?(\d{2}))?$")


def parse_clock_text(text: str) -> time | None:
    """The time of day a person typed: 16:20, 1620, 16.20, 16：20 (full-width, as a Chinese
    input method types it), 9:05, 905 or 16 (on the hour); None when it is not one."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    m = _CLOCK_TEXT.match(cleaned)
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


# A month's report is made in the first days of the next month (the hours go into the
# national volunteer system, the workbook into the file): until this day of the month the
# report page opens on the month before.
REPORT_PREVIOUS_MONTH_UNTIL_DAY = 10


def report_month(today: date) -> tuple[int, int]:
    """(year, month) a monthly report is most likely wanted for on `today`: the previous
    month up to day REPORT_PREVIOUS_MONTH_UNTIL_DAY (on 12/1 it is November), else this one."""
    if today.day <= REPORT_PREVIOUS_MONTH_UNTIL_DAY:
        previous = today.replace(day=1) - timedelta(days=1)
        return previous.year, previous.month
    return today.year, today.month
