"""The audit log, newest first, read-only."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from frontdesk.services.workspace import AuditRow
from frontdesk.ui.models.base import RowTableModel
from frontdesk.words.dates import stamp


def _compact(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, default=str, sort_keys=True)


class AuditLogModel(RowTableModel[AuditRow]):
    NUMBER, AT, ACTOR, ACTION, ENTITY, BEFORE, AFTER = range(7)
    COLUMN_COUNT = 7

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("AuditLogModel", "No."),
            QCoreApplication.translate("AuditLogModel", "When"),
            QCoreApplication.translate("AuditLogModel", "Who"),
            QCoreApplication.translate("AuditLogModel", "What"),
            QCoreApplication.translate("AuditLogModel", "Record"),
            QCoreApplication.translate("AuditLogModel", "Before"),
            QCoreApplication.translate("AuditLogModel", "After"),
        )[column]

    def texts(self, row: AuditRow) -> list[str]:
        entity = f"{row.entity} {row.entity_id}" if row.entity_id else row.entity
        return [
            str(row.id),
            stamp(row.at),
            row.actor,
            row.action,
            entity,
            _compact(row.before)[:200],
            _compact(row.after)[:200],
        ]

    def sort_key(self, row: AuditRow, column: int, text: str) -> Any:
        return row.id if column in (self.NUMBER, self.AT) else text

    def extra(self, row: AuditRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.BEFORE, self.AFTER):
            values = row.before if column == self.BEFORE else row.after
            return json.dumps(values, ensure_ascii=False, default=str, indent=1) if values else None
        return None
