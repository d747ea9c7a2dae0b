"""Translated words for stored codes: volunteer and attendance statuses, slots, day kinds."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.timeutil import format_roc_short, local, weekday_zh


def volunteer_status(code: str) -> str:
    return {
        "trainee": QCoreApplication.translate("labels", "Trainee"),
        "active": QCoreApplication.translate("labels", "Active"),
        "inactive": QCoreApplication.translate("labels", "Inactive"),
    }.get(code, code)


def attendance_status(code: str) -> str:
    return {
        "open": QCoreApplication.translate("labels", "On duty"),
        "on_time": QCoreApplication.translate("labels", "On time"),
        "late": QCoreApplication.translate("labels", "Late"),
        "early_leave": QCoreApplication.translate("labels", "Left early"),
        "late_early_leave": QCoreApplication.translate("labels", "Late and left early"),
        "no_sign_out": QCoreApplication.translate("labels", "No sign-out"),
        "absent": QCoreApplication.translate("labels", "Absent"),
        "walk_in": QCoreApplication.translate("labels", "Walk-in"),
        "cancelled": QCoreApplication.translate("labels", "Cancelled (closed)"),
    }.get(code, code)


def slot_short(code: str) -> str:
    if code == "AM":
        return QCoreApplication.translate("labels", "AM")
    if code == "PM":
        return QCoreApplication.translate("labels", "PM")
    return code


def weekday_name(weekday: int) -> str:
    return (
        QCoreApplication.translate("labels", "Monday"),
        QCoreApplication.translate("labels", "Tuesday"),
        QCoreApplication.translate("labels", "Wednesday"),
        QCoreApplication.translate("labels", "Thursday"),
        QCoreApplication.translate("labels", "Friday"),
        QCoreApplication.translate("labels", "Saturday"),
        QCoreApplication.translate("labels", "Sunday"),
    )[weekday]


def day_kind(info: DayInfo) -> str:
    """What kind of day, in words, with its label (holiday name, closure reason) when known."""
    if info.kind is DayKind.WORKDAY:
        text = ""
    elif info.kind is DayKind.WEEKEND:
        text = QCoreApplication.translate("labels", "Weekend")
    elif info.kind is DayKind.HOLIDAY:
        text = info.label or QCoreApplication.translate("labels", "Holiday")
        return text
    elif info.kind is DayKind.MAKEUP_WORKDAY:
        text = QCoreApplication.translate("labels", "Make-up workday (補行上班)")
        if not info.is_duty_day:
            text += QCoreApplication.translate("labels", ", no desk duty")
        return text
    elif info.kind is DayKind.CLOSED:
        return QCoreApplication.translate("labels", "Closed: {reason}").format(
            reason=info.label or QCoreApplication.translate("labels", "office closed")
        )
    elif info.kind is DayKind.MANUAL_OPEN:
        text = QCoreApplication.translate("labels", "Opened by hand")
    else:
        text = QCoreApplication.translate("labels", "Closed by hand")
    if info.label and info.kind is not DayKind.WORKDAY:
        text = f"{text}: {info.label}"
    elif info.label:
        text = info.label
    return text


def roc_day(d: date) -> str:
    """115/12/01 (二): the compact ROC date with its weekday."""
    return f"{format_roc_short(d)} ({weekday_zh(d)})"


def clock(value: datetime | None) -> str:
    return local(value).strftime("%H:%M") if value is not None else ""


def stamp(value: datetime | None) -> str:
    if value is None:
        return ""
    t = local(value)
    return f"{format_roc_short(t.date())} {t:%H:%M:%S}"
