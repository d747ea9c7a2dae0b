"""Dates and times for people: the ROC (民國) forms of government paper, weekday names.

The one rule: nothing frontdesk shows a volunteer or a supervisor (kiosk, workspace,
command line, workbook) writes a date as ISO 2026-11-27. Sentences use `day_text`
(115/11/27); tables and the workbook use the other ROC forms here. Only QtCore and the
rules core: the starting screen shows these before the database layer is imported.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from frontdesk.core.timeutil import ROC_OFFSET, local, roc_year

WEEKDAY_ZH = "一二三四五六日"
# The parts (year/month/day) of the one date editor, ui.widgets.dates.RocDateEdit, which
# writes the year in ROC form (115/12/01) since Qt's editors cannot count ROC years.
DATE_EDIT_FORMAT = "yyyy/MM/dd"


def weekday_zh(d: date) -> str:
    """二: the one-character weekday of forms and tables, in Chinese in every UI language."""
    return WEEKDAY_ZH[d.weekday()]


def _roc_year_or_western(d: date) -> int:
    """ROC year; a date before 1912 (a typing slip) keeps its western year rather than failing."""
    try:
        return roc_year(d)
    except ValueError:
        return d.year


def format_roc_short(d: date) -> str:
    """115/12/01, the compact form on government forms."""
    return f"{_roc_year_or_western(d)}/{d.month:02d}/{d.day:02d}"


def format_roc_date(d: date, *, weekday: bool = True) -> str:
    """民國115年12月1日(二)."""
    text = f"民國{roc_year(d)}年{d.month}月{d.day}日"
    return f"{text}({weekday_zh(d)})" if weekday else text


def format_roc_month(year: int, month: int) -> str:
    """民國115年12月."""
    return f"民國{year - ROC_OFFSET}年{month}月"


def day_text(value: object) -> str:
    """The one way a date goes into a sentence: 115/11/27; an aware instant adds its Taipei
    time (115/11/27 14:05). Anything else is written as it is ('' for None)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return f"{format_roc_short(value.date())} {value:%H:%M}"
        t = local(value)
        return f"{format_roc_short(t.date())} {t:%H:%M}"
    if isinstance(value, date):
        return format_roc_short(value)
    return str(value if value is not None else "")


def roc_day(d: date) -> str:
    """115/12/01 (二): the compact ROC date with its weekday, for tables."""
    return f"{format_roc_short(d)} ({weekday_zh(d)})"


def clock(value: datetime | None) -> str:
    """14:05, Taipei time ('' for None)."""
    return local(value).strftime("%H:%M") if value is not None else ""


def stamp(value: datetime | None) -> str:
    """115/12/01 14:05:09, Taipei time: when something was recorded ('' for None)."""
    if value is None:
        return ""
    t = local(value)
    return f"{format_roc_short(t.date())} {t:%H:%M:%S}"


def weekday_name(day: date | int) -> str:
    """Monday … Sunday in the UI language, for a date or a weekday number (0 = Monday)."""
    names = (
        QCoreApplication.translate("Kiosk", "Monday"),
        QCoreApplication.translate("Kiosk", "Tuesday"),
        QCoreApplication.translate("Kiosk", "Wednesday"),
        QCoreApplication.translate("Kiosk", "Thursday"),
        QCoreApplication.translate("Kiosk", "Friday"),
        QCoreApplication.translate("Kiosk", "Saturday"),
        QCoreApplication.translate("Kiosk", "Sunday"),
    )
    return names[day if isinstance(day, int) else day.weekday()]


def day_long(d: date) -> str:
    """115年12月11日（星期五）: a day as a supervisor reads it in a sentence or a table of
    requests, with its ROC year (a month and day alone left the year to guess)."""
    return QCoreApplication.translate("Dates", "{weekday} {roc}/{month}/{day}").format(
        weekday=weekday_name(d), roc=_roc_year_or_western(d), month=d.month, day=d.day
    )


def long_date(d: date) -> str:
    """民國115年12月1日 星期二 in Chinese; 'Tuesday 115/12/01 (ROC)' in English."""
    return QCoreApplication.translate(
        "Kiosk", "{weekday} {roc}/{month:02d}/{day:02d} (ROC)"
    ).format(weekday=weekday_name(d), roc=_roc_year_or_western(d), month=d.month, day=d.day)


def duration_text(length: timedelta | int) -> str:
    """How long, as a person says it ("21 分鐘", "3 小時 9 分鐘", "2 天 3 小時"): minutes
    under an hour, hours and minutes under a day, days and hours beyond. `length` is a
    timedelta or whole minutes; started minutes are dropped (a notice never promises
    more time than is left) and a negative length is none. Every duration said to a
    volunteer (notice left, late, early, served) goes through here."""
    minutes = length if isinstance(length, int) else length // timedelta(minutes=1)
    minutes = max(0, minutes)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        if not hours:
            return QCoreApplication.translate("Durations", "{days} days").format(days=days)
        return QCoreApplication.translate("Durations", "{days} days {hours} hours").format(
            days=days, hours=hours
        )
    if not hours:
        return QCoreApplication.translate("Durations", "{minutes} minutes").format(minutes=mins)
    if not mins:
        return QCoreApplication.translate("Durations", "{hours} hours").format(hours=hours)
    return QCoreApplication.translate("Durations", "{hours} hours {minutes} minutes").format(
        hours=hours, minutes=mins
    )


def month_day(d: date) -> str:
    """12/10（四）: a day of the coming weeks with its weekday, short enough for a phone's
    chat line (the LINE group message); the year is understood."""
    return f"{d.month}/{d.day}（{weekday_zh(d)}）"
