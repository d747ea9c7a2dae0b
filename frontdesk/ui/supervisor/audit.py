"""稽核紀錄: the read-only audit log in words, filtered by who, what and which days, its
export to Excel, and whether its hash chain verifies."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.timeutil import local_day
from frontdesk.export.audit_log import default_name, export_audit
from frontdesk.services import audit_view, workspace
from frontdesk.services.audit_view import AuditQuery
from frontdesk.services.context import Desk
from frontdesk.ui.models.audit import AuditLogModel
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt, pydate, qdate, title_label
from frontdesk.ui.widgets.dates import RocDateEdit
from frontdesk.ui.widgets.tables import ColumnFit
from frontdesk.words.audit import ACTIONS, action_name, actor_text, details_text
from frontdesk.words.dates import stamp

DEFAULT_DAYS = 30  # the screen opens on the last month of entries


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
        layout.addLayout(self._filters())
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.model = AuditLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # The number, the full time, who and what are never cut short; what it was about
        # and what changed share the rest, one line each, whole in their tooltips.
        m = AuditLogModel
        ColumnFit(self.table, (m.ENTITY, m.DETAILS), elide=True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.verify_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self.show_detail())

    def _filters(self) -> QHBoxLayout:
        """Who, what, from, to, and the export button: the list follows every change."""
        today = local_day(self.desk.now())
        bar = QHBoxLayout()
        self.who = QComboBox()
        self.what = QComboBox()
        self.what.addItem(self.tr("Everything"), None)
        for combo in (self.who, self.what):
            # sized to its longest entry, the action list pushed the workspace past 1366 px
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        for code in ACTIONS:
            self.what.addItem(action_name(code), code)
        self.first_day = RocDateEdit(qdate(today - timedelta(days=DEFAULT_DAYS)))
        self.last_day = RocDateEdit(qdate(today))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        for label, widget in (
            (self.tr("Who"), self.who),
            (self.tr("What"), self.what),
            (self.tr("From"), self.first_day),
            (self.tr("to"), self.last_day),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch()
        bar.addWidget(self.export_button)
        self.who.currentIndexChanged.connect(lambda _i: self.load())
        self.what.currentIndexChanged.connect(lambda _i: self.load())
        self.first_day.dateChanged.connect(lambda _d: self.load())
        self.last_day.dateChanged.connect(lambda _d: self.load())
        self.export_button.clicked.connect(lambda: self.export())
        return bar

    def query(self) -> AuditQuery:
        """The filters as they stand."""
        return AuditQuery(
            actor=self.who.currentData(),
            action=self.what.currentData(),
            first_day=pydate(self.first_day.date()),
            last_day=pydate(self.last_day.date()),
        )

    def _fill_who(self) -> None:
        """Everyone who appears in the log, by name; the choice kept across a refresh."""
        chosen = self.who.currentData()
        actors, names = audit_view.actors(self.desk)
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("Everyone"), None)
        for actor in sorted(actors, key=lambda a: actor_text(a, names)):
            self.who.addItem(actor_text(actor, names), actor)
        self.who.setCurrentIndex(max(0, self.who.findData(chosen)))
        self.who.blockSignals(False)

    def refresh(self) -> None:
        self._fill_who()
        self.load()
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

    def load(self) -> None:
        """List the entries the filters choose, newest first."""
        ok, log = attempt(self.banner, audit_view.audit_entries, self.desk, self.query())
        if not ok or log is None:
            self.model.set_log([], self.model.names)
            self.show_detail()
            return
        self.model.set_log(log.rows, log.names)
        if log.more:
            self.banner.info(
                self.tr(
                    "Showing the newest {n} entries; choose fewer days to see the older ones."
                ).format(n=len(log.rows))
            )
        else:
            self.banner.info(self.tr("{n} entries.").format(n=len(log.rows)))
        self.show_detail()

    def show_detail(self) -> None:
        """The selected entry in full, wrapped to the page's width."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.setText(self.tr("Select an entry to read it in full."))
            return
        r = self.model.row_at(rows[0].row())
        names = self.model.names
        head = f"{stamp(r.at)}　{actor_text(r.actor, names)}　{action_name(r.action)}"
        self.detail.setText(f"{head}\n{details_text(r.entity, r.before, r.after, names)}")

    def export(self, path: str | None = None) -> None:
        """Write the entries the filters choose (all of them) to an Excel workbook."""
        query = self.query()
        path = path or common.choose_save_file(
            self, self.tr("Audit log"), default_name(query), "Excel (*.xlsx)"
        )
        if not path:
            return
        ok, written = attempt(self.banner, export_audit, self.desk, query, Path(path))
        if ok and written is not None:
            out, count = written
            self.banner.ok(self.tr("Saved {n} entries to {path}.").format(n=count, path=out))
            self._fill_who()  # the export is in the log now
