"""換班: the supervisor's swap inbox, the history of every request, and arranging a swap.

Nothing changes the roster until the supervisor approves; at approval the service runs
every check again, so a stale request is refused with its reason and the roster stays as
it was. The supervisor may also move or swap any duty directly (ArrangeDialog, in
frontdesk.ui.supervisor.arrange).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.swaps import SwapKind, is_short_notice, notice
from frontdesk.core.timeutil import local
from frontdesk.services import swap_views, swaps
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import FrontdeskError, NeedsConfirmation, RuleViolation
from frontdesk.services.swap_views import SwapView
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.arrange import ArrangeDialog
from frontdesk.ui.supervisor.common import Banner, title_label
from frontdesk.words.errors import describe_error
from frontdesk.words.findings import describe_findings
from frontdesk.words.swaps import kind_text, notice_text, shift_text, state_text, why_text

ID_ROLE = Qt.ItemDataRole.UserRole


def _when(value: object) -> str:
    from datetime import datetime

    return local(value).strftime("%m/%d %H:%M") if isinstance(value, datetime) else ""


def _notice_given(v: SwapView) -> str:
    """The notice the volunteer gave when asking (the history's record)."""
    days, hours = v.notice
    return QCoreApplication.translate("SwapsPage", "{days} d {hours} h").format(
        days=days, hours=hours
    )


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[tuple[int, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (rid, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, rid)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


class SwapsPage(QWidget):
    """待處理換班: waiting requests to approve or reject, and the history of all requests."""

    count_changed = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.cfg = settings(desk)
        self.waiting: list[SwapView] = []
        self.past: list[SwapView] = []
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = title_label(self.tr("Swap requests waiting"))
        head.addWidget(self.title)
        head.addStretch(1)
        self.arrange_button = QPushButton(self.tr("Arrange a swap…"))
        self.arrange_button.setObjectName("arrangeButton")
        self.arrange_button.clicked.connect(self.arrange)
        head.addWidget(self.arrange_button)
        layout.addLayout(head)
        self.banner = Banner()
        layout.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        self.inbox = _table(
            [
                self.tr("Volunteer"),
                self.tr("Duty given"),
                self.tr("Kind"),
                self.tr("Colleague / in return"),
                self.tr("Notice"),
                self.tr("Reason"),
                self.tr("Colleague agreed"),
                self.tr("Asked"),
            ]
        )
        self.inbox.setObjectName("swapInbox")
        self.inbox.itemSelectionChanged.connect(self._selected)
        top_box.addWidget(self.inbox, 1)
        self.empty = QLabel(self.tr("No swap request is waiting."))
        top_box.addWidget(self.empty)

        decide = QGroupBox(self.tr("Decide"))
        outer_form = QVBoxLayout(decide)
        self.detail = QLabel(self.tr("Choose a request above."))
        self.detail.setWordWrap(True)
        outer_form.addWidget(self.detail)
        form = QHBoxLayout()
        outer_form.addLayout(form)
        self.cover_label = QLabel(self.tr("Who covers:"))
        self.cover = QComboBox()
        self.cover.setObjectName("coverChoice")
        self.cover.setMinimumWidth(200)
        form.addWidget(self.cover_label)
        form.addWidget(self.cover, 1)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveButton")
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.setObjectName("rejectButton")
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        form.addStretch(1)
        form.addWidget(self.approve_button)
        form.addWidget(self.reject_button)
        top_box.addWidget(decide)
        split.addWidget(top)

        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(QLabel(self.tr("History of all swap requests (newest first)")))
        self.history = _table(
            [
                "#",
                self.tr("Volunteer"),
                self.tr("Duty given"),
                self.tr("Kind"),
                self.tr("Colleague"),
                self.tr("State"),
                self.tr("Reason / why"),
                self.tr("In return"),
                self.tr("Notice when asked"),
                self.tr("Asked"),
                self.tr("Decided"),
            ]
        )
        self.history.setObjectName("swapHistory")
        bottom_box.addWidget(self.history, 1)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([460, 240])
        layout.addWidget(split, 1)
        self._selected()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Expire requests whose duty started, then reload the inbox and the history."""
        self.cfg = settings(self.desk)
        ok, _ = common.attempt(self.banner, swaps.expire_due, self.desk)
        ok, waiting = common.attempt(self.banner, swap_views.pending, self.desk)
        ok2, past = common.attempt(self.banner, swap_views.history, self.desk, limit=500)
        if not (ok and ok2):
            return
        self.waiting, self.past = waiting or [], past or []
        self.title.setText(
            self.tr("Swap requests waiting ({count})").format(count=len(self.waiting))
        )
        _fill(self.inbox, [(v.id, self._inbox_cells(v)) for v in self.waiting])
        self.inbox.setVisible(bool(self.waiting))
        self.empty.setVisible(not self.waiting)
        _fill(self.history, [(v.id, self._history_cells(v)) for v in self.past])
        if self.waiting:
            self.inbox.selectRow(0)
        self._selected()
        self.count_changed.emit(len(self.waiting))

    def _other(self, v: SwapView) -> str:
        if v.kind is SwapKind.ARRANGE:
            return self.tr("please arrange")
        if v.kind is SwapKind.EXCHANGE and v.taken is not None:
            return self.tr("{colleague}, who gives {taken}").format(
                colleague=v.colleague, taken=shift_text(v.taken, self.cfg)
            )
        return v.colleague

    def _inbox_cells(self, v: SwapView) -> list[str]:
        return [
            v.requester,
            shift_text(v.given, self.cfg),
            kind_text(v.kind),
            self._other(v),
            self._left(v) + (" ⚠" if self._asked_late(v) else ""),
            v.reason,
            _when(v.agreed_at) if v.kind is not SwapKind.ARRANGE else "—",
            _when(v.requested_at),
        ]

    def _history_cells(self, v: SwapView) -> list[str]:
        decided = _when(v.decided_at)
        if v.decided_by:
            who = v.decided_by.split(":", 1)[-1]
            decided = f"{decided} {who}".strip()
        reason = why_text(v)
        if v.reason and v.reason != reason:
            reason = f"{v.reason} / {reason}" if reason else v.reason
        return [
            str(v.id),
            v.requester,
            shift_text(v.given, self.cfg),
            kind_text(v.kind) + (self.tr(" (by supervisor)") if v.by_supervisor else ""),
            v.colleague,
            state_text(v.state),
            reason,
            shift_text(v.taken, self.cfg) if v.taken is not None else "",
            _notice_given(v),
            _when(v.requested_at),
            decided,
        ]

    def _left(self, v: SwapView) -> str:
        """Time from now to the duty given away: the same words in the table and the detail
        ("—" for a slot the settings no longer have)."""
        if self.cfg.slot(v.given.slot) is None:
            return "—"
        return notice_text(notice(self.desk.now(), v.given, self.cfg))

    def _asked_late(self, v: SwapView) -> bool:
        """Asked with less than the notice the rule wants (a 'please arrange' may be)."""
        return is_short_notice(timedelta(minutes=v.notice_minutes), self.cfg)

    def current(self) -> SwapView | None:
        rows = self.inbox.selectionModel().selectedRows() if self.inbox.selectionModel() else []
        if not rows or not self.waiting:
            return None
        row = rows[0].row()
        return self.waiting[row] if 0 <= row < len(self.waiting) else None

    def _selected(self) -> None:
        v = self.current()
        for w in (self.approve_button, self.reject_button):
            w.setEnabled(v is not None)
        arrange = v is not None and v.kind is SwapKind.ARRANGE
        self.cover_label.setVisible(arrange)
        self.cover.setVisible(arrange)
        if v is None:
            self.detail.setText(self.tr("Choose a request above."))
            return
        self.detail.setText(self._describe(v))
        if arrange:
            self.cover.clear()
            _, found = common.attempt(
                self.banner, swap_views.suggest, self.desk, v.given, leaving=v.requester_id
            )
            for s in (found or [])[:20]:
                self.cover.addItem(f"{s.name} ({s.code})", s.volunteer_id)
            if not found:
                self.cover.addItem(self.tr("nobody is free for this duty"), None)

    def _describe(self, v: SwapView) -> str:
        given = shift_text(v.given, self.cfg)
        left = self._left(v)
        if v.kind is SwapKind.ARRANGE:
            text = self.tr("{requester} cannot serve {given} and asks you to arrange it.").format(
                requester=v.requester, given=given
            )
            text += " " + self.tr("Suggested: free and trained, fewest duties first.")
        elif v.kind is SwapKind.EXCHANGE and v.taken is not None:
            text = self.tr("{requester} gives {given} to {colleague} and takes {taken}.").format(
                requester=v.requester,
                given=given,
                colleague=v.colleague,
                taken=shift_text(v.taken, self.cfg),
            )
        else:
            text = self.tr("{colleague} covers {given} for {requester}.").format(
                requester=v.requester, given=given, colleague=v.colleague
            )
        return text + "\n" + self.tr("Duty starts: {left}.").format(left=left)

    # --- deciding --------------------------------------------------------------------------

    def approve(self) -> None:
        v = self.current()
        if v is None:
            return
        colleague = self.cover.currentData() if v.kind is SwapKind.ARRANGE else None
        if v.kind is SwapKind.ARRANGE and colleague is None:
            self.banner.error(self.tr("Choose who covers the duty first."))
            return
        names = {v.requester_id: v.requester}
        if v.colleague_id:
            names[v.colleague_id] = v.colleague
        if colleague is not None:
            names[int(colleague)] = self.cover.currentText().split(" (")[0]
        try:
            try:
                swaps.approve(self.desk, v.id, colleague_id=colleague)
            except NeedsConfirmation as exc:
                if not common.confirm(
                    self,
                    self.tr("Approve anyway?"),
                    describe_findings(exc.findings, names) + "\n\n" + self.tr("Approve anyway?"),
                ):
                    return
                swaps.approve(self.desk, v.id, colleague_id=colleague, confirm_warnings=True)
        except RuleViolation as exc:
            self.refresh()
            self.banner.error(
                self.tr("Request #{id} cannot be approved now: {why} Nothing was changed.").format(
                    id=v.id, why=describe_error(exc, names)
                )
            )
            return
        except FrontdeskError as exc:
            self.refresh()
            self.banner.error(describe_error(exc, names))
            return
        self.refresh()
        self.banner.ok(
            self.tr("Approved: request #{id}. The roster shows the change with ⇄.").format(id=v.id)
        )

    def reject(self) -> None:
        v = self.current()
        if v is None:
            return
        reason = common.ask_text(
            self,
            self.tr("Reject the swap"),
            self.tr("Why? Both volunteers will see this at the desk."),
        )
        if reason is None:
            return
        if not reason:
            self.banner.error(self.tr("A rejection needs a reason."))
            return
        ok, _ = common.attempt(self.banner, swaps.reject, self.desk, v.id, reason)
        if ok:
            self.refresh()
            self.banner.ok(self.tr("Rejected: request #{id}.").format(id=v.id))

    def arrange(self) -> None:
        dialog = ArrangeDialog(self.desk, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.banner.ok(
                self.tr("Arranged: swap #{id}. The roster shows the change with ⇄.").format(
                    id=dialog.request_id
                )
            )
