"""換班: the supervisor's swap inbox, the history of every request, and arranging a swap.

Nothing changes the roster until the supervisor approves; at approval the service runs
every check again, so a stale request is refused with its reason and the roster stays as
it was. The supervisor may also move or swap any duty directly; under the notice rule
(7 days by default) a reason is required.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, is_short_notice, notice
from frontdesk.core.timeutil import local, local_day
from frontdesk.services import swap_views, swaps
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import FrontdeskError, NeedsConfirmation, RuleViolation
from frontdesk.services.swap_views import SwapView
from frontdesk.services.volunteers import Suggestion
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, pydate, qdate, title_label
from frontdesk.ui.widgets.enter import enter_submits
from frontdesk.words.dates import DATE_EDIT_FORMAT
from frontdesk.words.errors import describe_error
from frontdesk.words.findings import describe_findings
from frontdesk.words.labels import slot_short
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


class ArrangeDialog(QDialog):
    """The supervisor moves a duty to someone else, or swaps two duties, at any time."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.cfg = settings(desk)
        self.request_id: int | None = None
        self.setWindowTitle(self.tr("Arrange a swap"))
        self.setMinimumWidth(820)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Arrange a swap")))
        kinds = QVBoxLayout()
        self.move_radio = QRadioButton(self.tr("Move: someone else serves the duty"))
        self.swap_radio = QRadioButton(self.tr("Swap: two volunteers exchange duties"))
        self.move_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.move_radio)
        group.addButton(self.swap_radio)
        kinds.addWidget(self.move_radio)
        kinds.addWidget(self.swap_radio)
        layout.addLayout(kinds)

        form = QFormLayout()
        start = local_day(desk.now())
        self.day = self._date(start)
        self.slot = self._slots()
        self.giver = QComboBox()
        self.giver.setObjectName("giver")
        self.taker = QComboBox()
        self.taker.setObjectName("taker")
        self.taken_day = self._date(start)
        self.taken_slot = self._slots()
        self.partner = QComboBox()
        self.partner.setObjectName("partner")
        self.reason = QLineEdit()
        self.reason.setObjectName("arrangeReason")
        self.reason.setMaxLength(500)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setMinimumHeight(self.notice.fontMetrics().lineSpacing() * 2 + 4)
        form.addRow(self.tr("Duty: day"), self.day)
        form.addRow(self.tr("Duty: slot"), self.slot)
        form.addRow(self.tr("Now served by"), self.giver)
        self.taker_label = QLabel(self.tr("To be served by"))
        form.addRow(self.taker_label, self.taker)
        self.taken_day_label = QLabel(self.tr("In return: day"))
        self.taken_slot_label = QLabel(self.tr("In return: slot"))
        self.partner_label = QLabel(self.tr("In return: now served by"))
        form.addRow(self.taken_day_label, self.taken_day)
        form.addRow(self.taken_slot_label, self.taken_slot)
        form.addRow(self.partner_label, self.partner)
        form.addRow(self.tr("Notice"), self.notice)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.banner = Banner()
        layout.addWidget(self.banner)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Arrange"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("arrangeOk")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.arrange)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        enter_submits(self, self.ok_button)

        for w in (self.day, self.taken_day):
            w.dateChanged.connect(self._reload)
        for c in (self.slot, self.taken_slot, self.giver):
            c.currentIndexChanged.connect(self._reload)
        self.move_radio.toggled.connect(self._reload)
        self._reload()

    def _date(self, d: date) -> QDateEdit:
        w = QDateEdit(qdate(d))
        w.setCalendarPopup(True)
        w.setDisplayFormat(DATE_EDIT_FORMAT)
        return w

    def _slots(self) -> QComboBox:
        c = QComboBox()
        for s in self.cfg.slots:
            c.addItem(f"{slot_short(s.code)} {s.start:%H:%M}–{s.end:%H:%M}", s.code)
        return c

    def shift(self) -> ShiftKey:
        return ShiftKey(pydate(self.day.date()), str(self.slot.currentData()))

    def taken(self) -> ShiftKey:
        return ShiftKey(pydate(self.taken_day.date()), str(self.taken_slot.currentData()))

    def set_shift(self, day: date, slot: str, taken: tuple[date, str] | None = None) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.slot.setCurrentIndex(max(0, self.slot.findData(slot)))
        if taken is not None:
            self.swap_radio.setChecked(True)
            self.taken_day.setDate(QDate(taken[0].year, taken[0].month, taken[0].day))
            self.taken_slot.setCurrentIndex(max(0, self.taken_slot.findData(taken[1])))
        self._reload()

    def _people(self, combo: QComboBox, people: list[Suggestion], empty: str) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for p in people:
            combo.addItem(f"{p.name} ({p.code})", p.volunteer_id)
        if not people:
            combo.addItem(empty, None)
        i = combo.findData(keep)
        combo.setCurrentIndex(i if i >= 0 else 0)
        combo.blockSignals(False)

    def _reload(self) -> None:
        swap = self.swap_radio.isChecked()
        for w in (self.taken_day_label, self.taken_slot_label, self.partner_label):
            w.setVisible(swap)
        for field in (self.taken_day, self.taken_slot, self.partner):
            field.setVisible(swap)
        self.taker_label.setVisible(not swap)
        self.taker.setVisible(not swap)
        try:
            shift = self.shift()
            self._people(self.giver, swap_views.on_shift(self.desk, shift), self.tr("nobody on it"))
            giver = self.giver.currentData()
            if swap:
                self._people(
                    self.partner,
                    swap_views.on_shift(self.desk, self.taken()),
                    self.tr("nobody on it"),
                )
            else:
                leaving = int(giver) if giver is not None else None
                self._people(
                    self.taker,
                    swap_views.suggest(self.desk, shift, leaving=leaving),
                    self.tr("nobody is free for this duty"),
                )
            left = swap_views.notice_of(self.desk, shift)
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc))
            return
        text = notice_text(left)
        if is_short_notice(left, self.cfg):
            text += " — " + self.tr(
                "less than {days} days: please give a reason (it is kept in the history)."
            ).format(days=self.cfg.swap_notice_days)
        self.notice.setText(text)

    def proposal(self) -> SwapProposal | None:
        giver = self.giver.currentData()
        if giver is None:
            self.banner.error(self.tr("Nobody is on that duty; choose another day or slot."))
            return None
        if self.swap_radio.isChecked():
            partner = self.partner.currentData()
            if partner is None:
                self.banner.error(self.tr("Nobody is on the duty in return; choose another."))
                return None
            return SwapProposal(
                SwapKind.EXCHANGE, int(giver), self.shift(), int(partner), self.taken()
            )
        taker = self.taker.currentData()
        if taker is None:
            self.banner.error(self.tr("Choose who serves the duty."))
            return None
        return SwapProposal(SwapKind.COVER, int(giver), self.shift(), int(taker))

    def arrange(self) -> None:
        p = self.proposal()
        if p is None:
            return
        names = {}
        for combo in (self.giver, self.taker, self.partner):
            for i in range(combo.count()):
                if combo.itemData(i) is not None:
                    names[int(combo.itemData(i))] = combo.itemText(i).split(" (")[0]
        reason = self.reason.text().strip()
        try:
            try:
                self.request_id = swaps.arrange(self.desk, p, reason)
            except NeedsConfirmation as exc:
                if not common.confirm(
                    self,
                    self.tr("Arrange anyway?"),
                    describe_findings(exc.findings, names) + "\n\n" + self.tr("Arrange anyway?"),
                ):
                    return
                self.request_id = swaps.arrange(self.desk, p, reason, confirm_warnings=True)
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc, names))
            return
        self.accept()
