"""The kiosk's dates and times in words: light enough for the starting screen.

Only Qt and the rules core: this is shown before the database layer is imported.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from frontdesk.core.timeutil import ROC_OFFSET, local


def weekday_name(d: date) -> str:
    names = (
        QCoreApplication.translate("Kiosk", "Monday"),
        QCoreApplication.translate("Kiosk", "Tuesday"),
        QCoreApplication.translate("Kiosk", "Wednesday"),
        QCoreApplication.translate("Kiosk", "Thursday"),
        QCoreApplication.translate("Kiosk", "Friday"),
        QCoreApplication.translate("Kiosk", "Saturday"),
        QCoreApplication.translate("Kiosk", "Sunday"),
    )
    return names[d.weekday()]


def long_date(d: date) -> str:
    """民國115年12月1日 星期二 in Chinese; 'Tuesday 2026-12-01 (ROC 115)' in English."""
    return QCoreApplication.translate(
        "Kiosk", "{weekday} {year}-{month:02d}-{day:02d} (ROC {roc})"
    ).format(
        weekday=weekday_name(d), year=d.year, month=d.month, day=d.day, roc=d.year - ROC_OFFSET
    )


def hhmm(instant: datetime | None) -> str:
    return local(instant).strftime("%H:%M") if instant is not None else ""
