"""稽核紀錄: the read-only audit log and whether its hash chain verifies."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.services import workspace
from frontdesk.services.context import Desk
from frontdesk.ui.models.audit import AuditLogModel
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import title_label


class AuditPage(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Audit log")))
        row = QHBoxLayout()
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        row.addWidget(self.chain, 1)
        self.verify_button = QPushButton(self.tr("Check again"))
        row.addWidget(self.verify_button)
        layout.addLayout(row)
        note = QLabel(
            self.tr(
                "Every change is written here and chained by a fingerprint (SHA-256): "
                "an entry altered or removed afterwards breaks the chain. Read-only."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.model = AuditLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 60), (1, 170), (2, 160), (3, 170), (4, 150), (5, 220)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        self.verify_button.clicked.connect(self.refresh)

    def refresh(self) -> None:
        self.model.set_rows(workspace.audit_log(self.desk))
        report = workspace.verify_audit(self.desk)
        if report.ok:
            self.chain.setStyleSheet(common.OK_STYLE)
            self.chain.setText(
                self.tr("✓ The chain verifies: {n} entries, none altered.").format(n=report.entries)
            )
        else:
            self.chain.setStyleSheet(common.ERROR_STYLE)
            self.chain.setText(
                self.tr(
                    "× The chain is broken at entry {id}: the log was changed outside the app. "
                    "Keep this database as it is and tell the IT staff."
                ).format(id=report.broken_at)
            )
