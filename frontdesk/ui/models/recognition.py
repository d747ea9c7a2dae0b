"""The recognition page's table: a volunteer per row, hours, what is due now or soon, gaps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from frontdesk.services.recognition_views import RecognitionRow
from frontdesk.ui.models.base import RowTableModel
from frontdesk.words.dates import day_text
from frontdesk.words.records import goals_text, hours_text, missing_text

DUE_COLOUR = "#d9f2d9"
GAP_COLOUR = "#fbe8a6"


class RecognitionModel(RowTableModel[RecognitionRow]):
    CODE, NAME, SINCE, HOURS, PRIOR, NOW, SOON, CARD, MISSING = range(9)
    COLUMN_COUNT = 9

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("Records", "Code"),
            QCoreApplication.translate("Records", "Name"),
            QCoreApplication.translate("Records", "Serving since"),
            QCoreApplication.translate("Records", "Hours here"),
            QCoreApplication.translate("Records", "Prior hours"),
            QCoreApplication.translate("Records", "Qualifies now"),
            QCoreApplication.translate("Records", "Within 3 months"),
            QCoreApplication.translate("Records", "Honor card"),
            QCoreApplication.translate("Records", "Lacks"),
        )[column]

    def texts(self, row: RecognitionRow) -> list[str]:
        s = row.standing
        card = QCoreApplication.translate("Records", "{hours} / {need} h").format(
            hours=f"{s.honor_card.hours:g}", need=s.honor_card.hours_required
        )
        if s.expiring is not None:
            card += "\n" + QCoreApplication.translate("Records", "expires {day}").format(
                day=day_text(s.expiring.expires_on)
            )
        return [
            row.code,
            row.name,
            day_text(row.since),
            hours_text(row.desk_minutes),
            hours_text(row.prior_minutes) if row.prior_minutes else "",
            goals_text(s.due_now, short=True),
            goals_text(s.due_soon, short=True),
            card,
            missing_text(s.missing, short=True),
        ]

    def sort_key(self, row: RecognitionRow, column: int, text: str) -> Any:
        if column == self.HOURS:
            return row.desk_minutes
        if column == self.PRIOR:
            return row.prior_minutes
        if column == self.SINCE:
            return row.since.toordinal() if row.since else None
        return text

    def extra(self, row: RecognitionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == self.NOW and row.standing.due_now:
                return QBrush(QColor(DUE_COLOUR))
            if (column == self.MISSING and row.standing.missing) or (
                column == self.CARD and row.standing.expiring
            ):
                return QBrush(QColor(GAP_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.HOURS, self.PRIOR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
