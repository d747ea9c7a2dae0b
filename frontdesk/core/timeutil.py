"""Time zone and ROC (民國) calendar helpers: UTC in storage, Asia/Taipei on screen and paper."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

TAIPEI = ZoneInfo("Asia/Taipei")
ROC_OFFSET = 1911
WEEKDAY_ZH = "一二三四五六日"


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


def roc_year(d: date) -> int:
    year = d.year - ROC_OFFSET
    if year < 1:
        raise ValueError(f"{d.isoformat()} is before the ROC calendar")
    return year


def weekday_zh(d: date) -> str:
    return WEEKDAY_ZH[d.weekday()]


def format_roc_date(d: date, *, weekday: bool = True) -> str:
    """民國115年12月1日(二)."""
    text = f"民國{roc_year(d)}年{d.month}月{d.day}日"
    return f"{text}({weekday_zh(d)})" if weekday else text


def format_roc_month(year: int, month: int) -> str:
    """民國115年12月."""
    return f"民國{year - ROC_OFFSET}年{month}月"


def format_roc_short(d: date) -> str:
    """115/12/01, the compact form on government forms."""
    return f"{roc_year(d)}/{d.month:02d}/{d.day:02d}"
