"""The next weeks' under-staffed slots with suggested volunteers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.services.workspace import CoverageGap
from frontdesk.ui.models.base import RowTableModel
from frontdesk.words.dates import roc_day
from frontdesk.words.labels import slot_short


class CoverageModel(RowTableModel[CoverageGap]):
    DAY, SLOT, STAFFED, SUGGESTIONS = range(4)
    COLUMN_COUNT = 4

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("CoverageModel", "Date"),
            QCoreApplication.translate("CoverageModel", "Slot"),
            QCoreApplication.translate("CoverageModel", "On duty / minimum"),
            QCoreApplication.translate("CoverageModel", "Could take it"),
        )[column]

    def texts(self, row: CoverageGap) -> list[str]:
        names = "、".join(f"{s.name} ({s.code})" for s in row.suggestions)
        return [
            roc_day(row.shift.day),
            slot_short(row.shift.slot),
            f"{row.count} / {row.minimum}",
            names or QCoreApplication.translate("CoverageModel", "nobody free"),
        ]

    def sort_key(self, row: CoverageGap, column: int, text: str) -> Any:
        if column == self.DAY:
            return row.shift.day.isoformat() + row.shift.slot
        return text
