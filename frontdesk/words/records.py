"""The service record and recognition in words on screen: the kiosk's lines after a
sign-out, the names of recognitions and of what a record lacks, the recognition page's
states (translation contexts "Kiosk" and "Records")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from frontdesk.core.recognition import BASIC, CERTIFICATE, HONOR_CARD, RECORD_BOOK, SPECIAL


def hours_text(minutes: int) -> str:
    """Minutes as hours for people: 9, 2.5, 312 (no trailing .0)."""
    hours = round(minutes / 60, 1)
    return f"{hours:g}" if hours != int(hours) else str(int(hours))


def kiosk_hours_line(month_minutes: int, total_minutes: int) -> str:
    """本月服務 9 小時・累計 312 小時: the volunteer's service after a sign-out."""
    return QCoreApplication.translate("Kiosk", "This month {month} h · in all {total} h").format(
        month=hours_text(month_minutes), total=hours_text(total_minutes)
    )


_NEWS: dict[str, Callable[[], str]] = {
    HONOR_CARD: lambda: QCoreApplication.translate(
        "Kiosk", "You may now apply for the volunteer honor card; please see the supervisor."
    ),
    CERTIFICATE: lambda: QCoreApplication.translate(
        "Kiosk",
        "You may now apply for the volunteer performance certificate; please see the supervisor.",
    ),
}


def kiosk_news(goal: str | None) -> str:
    """One line of good news for a goal the volunteer has reached, '' for none."""
    if goal is None:
        return ""
    said = _NEWS.get(goal)
    if said is not None:
        return said()
    return QCoreApplication.translate(
        "Kiosk", "Your hours have reached the {award}; please see the supervisor."
    ).format(award=goal_name(goal))


_GOALS: dict[str, Callable[[], str]] = {
    CERTIFICATE: lambda: QCoreApplication.translate("Records", "performance certificate"),
    HONOR_CARD: lambda: QCoreApplication.translate("Records", "honor card"),
    "hw_bronze": lambda: QCoreApplication.translate("Records", "health and welfare award, bronze"),
    "hw_silver": lambda: QCoreApplication.translate("Records", "health and welfare award, silver"),
    "hw_gold": lambda: QCoreApplication.translate("Records", "health and welfare award, gold"),
    "vs_bronze": lambda: QCoreApplication.translate("Records", "volunteer service award, bronze"),
    "vs_silver": lambda: QCoreApplication.translate("Records", "volunteer service award, silver"),
    "vs_gold": lambda: QCoreApplication.translate("Records", "volunteer service award, gold"),
}


def goal_name(goal: str) -> str:
    """績效證明書, 榮譽卡, 衛生福利志願服務獎勵銅牌 …; an unknown code as it is."""
    name = _GOALS.get(goal)
    return name() if name is not None else goal


def goal_codes() -> tuple[str, ...]:
    """Every recognition that can be recorded as received, in the order of the choice list."""
    return tuple(_GOALS)


_MISSING: dict[str, Callable[[], str]] = {
    BASIC: lambda: QCoreApplication.translate("Records", "basic training"),
    SPECIAL: lambda: QCoreApplication.translate("Records", "special training"),
    RECORD_BOOK: lambda: QCoreApplication.translate("Records", "record book"),
}


def missing_text(missing: tuple[str, ...], *, short: bool = False) -> str:
    """缺：基礎訓練、紀錄冊, or '' when nothing is missing."""
    if not missing:
        return ""
    words = dict(_MISSING)
    if short:
        words[RECORD_BOOK] = lambda: QCoreApplication.translate("Records", "book")
    names = "、".join(words[m]() if m in words else m for m in missing)
    if short:
        return names
    return QCoreApplication.translate("Records", "Lacks: {what}").format(what=names)


_SHORT: dict[str, Callable[[], str]] = {
    CERTIFICATE: lambda: QCoreApplication.translate("Records", "certificate"),
    HONOR_CARD: lambda: QCoreApplication.translate("Records", "card"),
    "hw_bronze": lambda: QCoreApplication.translate("Records", "H&W bronze"),
    "hw_silver": lambda: QCoreApplication.translate("Records", "H&W silver"),
    "hw_gold": lambda: QCoreApplication.translate("Records", "H&W gold"),
    "vs_bronze": lambda: QCoreApplication.translate("Records", "VS bronze"),
    "vs_silver": lambda: QCoreApplication.translate("Records", "VS silver"),
    "vs_gold": lambda: QCoreApplication.translate("Records", "VS gold"),
}


def goals_text(goals: tuple[str, ...], *, short: bool = False) -> str:
    """The goals' names joined with 、; `short` for a table cell (績效證明書、衛福銅牌)."""
    names = _SHORT if short else _GOALS
    return "、".join(names[g]() if g in names else g for g in goals)


def training_name(kind: str) -> str:
    """基礎訓練 / 特殊訓練; an unknown kind as it is."""
    name = _MISSING.get(kind)
    return name() if name is not None and kind != RECORD_BOOK else kind


_TEMPLATE_FIELDS: dict[str, Callable[[], str]] = {
    "code": lambda: QCoreApplication.translate("Records", "Volunteer code"),
    "name": lambda: QCoreApplication.translate("Records", "Volunteer name"),
    "date": lambda: QCoreApplication.translate("Records", "Service date"),
    "start": lambda: QCoreApplication.translate("Records", "Start time"),
    "end": lambda: QCoreApplication.translate("Records", "End time"),
    "hours": lambda: QCoreApplication.translate("Records", "Service hours"),
    "item": lambda: QCoreApplication.translate("Records", "Service item"),
    "category": lambda: QCoreApplication.translate("Records", "Service category"),
}


def template_field(name: str) -> str:
    """Our field a template column may take, in words; '' for 'leave empty'."""
    said = _TEMPLATE_FIELDS.get(name)
    return said() if said is not None else ""
