"""What exporting the month tells the person who asked for it (translation context
"messages"): the same sentence in the workspace's question and on the command line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.core.timeutil import ROC_OFFSET


def review_waiting(count: int, year: int, month: int) -> str:
    """民國115年11月還有 3 筆出勤紀錄等待確認…: records of the month still in the review
    queue, whose hours may change after the workbook is written ('' for none)."""
    if count <= 0:
        return ""
    return QCoreApplication.translate(
        "messages",
        "{count} attendance record(s) of {roc}/{month:02d} (ROC) still wait for review; "
        "the hours in the workbook may change once they are decided.",
    ).format(count=count, roc=year - ROC_OFFSET, month=month)
