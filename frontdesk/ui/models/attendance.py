"""Attendance tables: a day or a month of duties, the review queue, a record's history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from frontdesk.services.workspace import AttendanceRow, CorrectionRow
from frontdesk.ui.models.base import RowTableModel
from frontdesk.words.dates import clock, roc_day, stamp
from frontdesk.words.labels import attendance_status, person_name, slot_short

STATUS_COLOURS = {
    "late": "#fbe8a6",
    "early_leave": "#fbe8a6",
    "late_early_leave": "#fbd7a6",
    "no_sign_out": "#f8c9c4",
    "absent": "#f8c9c4",
    "walk_in": "#dde8f7",
    "cancelled": "#e4e4e4",
}


def review_reason(row: AttendanceRow) -> str:
    """Why a record is in the review queue, in words."""
    if row.status == "absent":
        return QCoreApplication.translate("AttendanceModel", "Absent: did not sign in")
    if row.auto_closed or row.status == "no_sign_out":
        return QCoreApplication.translate("AttendanceModel", "Sign-out closed automatically")
    if row.status == "walk_in" or row.walk_in:
        return QCoreApplication.translate("AttendanceModel", "Walk-in: not on the roster")
    if row.status == "late":
        return QCoreApplication.translate("AttendanceModel", "Late by {n} min").format(
            n=row.late_minutes
        )
    if row.status == "early_leave":
        return QCoreApplication.translate("AttendanceModel", "Left {n} min early").format(
            n=row.early_leave_minutes
        )
    if row.status == "late_early_leave":
        return QCoreApplication.translate(
            "AttendanceModel", "Late by {late} min, left {early} min early"
        ).format(late=row.late_minutes, early=row.early_leave_minutes)
    if row.needs_review:
        return QCoreApplication.translate("AttendanceModel", "Needs a look (clock or entry)")
    return ""


def record_facts(row: AttendanceRow) -> str:
    """What the kiosk recorded about a duty (a walk-in, a return), then a person's note."""
    parts = []
    if row.walk_in:
        parts.append(QCoreApplication.translate("AttendanceModel", "Walk-in: not on the roster"))
    if row.resumed:
        parts.append(
            QCoreApplication.translate(
                "AttendanceModel", "Came back: a second sign-in within the same duty"
            )
        )
    if row.note:
        parts.append(row.note)
    return "\n".join(parts)


class AttendanceModel(RowTableModel[AttendanceRow]):
    DAY, SLOT, CODE, NAME, IN, OUT, STATUS, CREDITED, REVIEW, HISTORY = range(10)
    COLUMN_COUNT = 10

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("AttendanceModel", "Date"),
            QCoreApplication.translate("AttendanceModel", "Slot"),
            QCoreApplication.translate("AttendanceModel", "Code"),
            QCoreApplication.translate("AttendanceModel", "Name"),
            QCoreApplication.translate("AttendanceModel", "Signed in"),
            QCoreApplication.translate("AttendanceModel", "Signed out"),
            QCoreApplication.translate("AttendanceModel", "Status"),
            QCoreApplication.translate("AttendanceModel", "Hours credited"),
            QCoreApplication.translate("AttendanceModel", "To decide"),
            QCoreApplication.translate("AttendanceModel", "Corrections"),
        )[column]

    def texts(self, row: AttendanceRow) -> list[str]:
        return [
            roc_day(row.day),
            slot_short(row.slot),
            row.code,
            row.name,
            clock(row.in_at),
            clock(row.out_at),
            attendance_status(row.status),
            f"{row.credited_minutes / 60:.2f}",
            review_reason(row) if row.needs_review or row.corrections == 0 else "",
            str(row.corrections) if row.corrections else "",
        ]

    def sort_key(self, row: AttendanceRow, column: int, text: str) -> Any:
        if column == self.DAY:
            return row.day.isoformat() + row.slot
        if column == self.CREDITED:
            return row.credited_minutes
        return text

    def extra(self, row: AttendanceRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATUS:
            colour = STATUS_COLOURS.get(row.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return record_facts(row) or None
        return None


class CorrectionHistoryModel(RowTableModel[CorrectionRow]):
    AT, BY, REASON, BEFORE, AFTER = range(5)
    COLUMN_COUNT = 5

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("CorrectionHistoryModel", "When"),
            QCoreApplication.translate("CorrectionHistoryModel", "By"),
            QCoreApplication.translate("CorrectionHistoryModel", "Reason"),
            QCoreApplication.translate("CorrectionHistoryModel", "Before"),
            QCoreApplication.translate("CorrectionHistoryModel", "After"),
        )[column]

    def texts(self, row: CorrectionRow) -> list[str]:
        return [
            stamp(row.at),
            person_name(row.by, {row.by: row.by_name} if row.by_name else {}),
            row.reason,
            _summary(row.before),
            _summary(row.after),
        ]


def _summary(snapshot: dict[str, Any] | None) -> str:
    """A correction snapshot as 'in 08:31 · out 11:30 · Late'."""
    if not snapshot:
        return QCoreApplication.translate("CorrectionHistoryModel", "(none)")
    from datetime import datetime

    def _t(v: Any) -> str:
        if isinstance(v, str) and v:
            try:
                return clock(datetime.fromisoformat(v))
            except ValueError:
                return v
        return "–"

    return QCoreApplication.translate(
        "CorrectionHistoryModel", "in {in_} · out {out} · {status}"
    ).format(
        in_=_t(snapshot.get("in")),
        out=_t(snapshot.get("out")),
        status=attendance_status(str(snapshot.get("status", ""))),
    )
