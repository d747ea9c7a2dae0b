"""換班: the supervisor's swap inbox, the history of every request, and arranging a swap.

Nothing changes the roster until the supervisor approves; at approval the service runs
every check again, so a stale request is refused with its reason and the roster stays as
it was. The supervisor may also move or swap any duty directly (ArrangeDialog, in
frontdesk.ui.supervisor.arrange). The page lays out; `SwapInbox`
(frontdesk.ui.supervisor.swap_inbox) decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.swaps import SwapKind
from frontdesk.services.context import Desk
from frontdesk.services.swap_views import SwapView
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.answer import Answer
from frontdesk.ui.supervisor.arrange import ArrangeDialog
from frontdesk.ui.supervisor.common import Banner, title_label
from frontdesk.ui.supervisor.notices_call import banner_with_call
from frontdesk.ui.supervisor.swap_inbox import SwapInbox
from frontdesk.ui.widgets.tables import ColumnFit

ID_ROLE = Qt.ItemDataRole.UserRole


class _FitTable(QTableWidget):
    """A read-only table of requests whose columns stay inside its width: the `wrapped`
    columns (long text) share what the short ones leave (ui.widgets.tables)."""

    def __init__(
        self,
        headers: list[str],
        wrapped: tuple[int, ...],
        grow: tuple[int, ...] | None = None,
        *,
        elide: bool = False,
    ) -> None:
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.columns = ColumnFit(self, wrapped, grow, elide=elide)


def _fill(table: _FitTable, rows: list[tuple[int, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (rid, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, rid)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.columns.fit()


class SwapsPage(QWidget):
    """待處理換班: waiting requests to approve or reject, and the history of all requests."""

    count_changed = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.steps = SwapInbox(desk)
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        self.banner = Banner()
        banner_row, self.call_offer = banner_with_call(self.banner)
        layout.addLayout(banner_row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._inbox_part())
        split.addWidget(self._history_part())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([460, 240])
        layout.addWidget(split, 1)
        self._selected()

    @property
    def waiting(self) -> list[SwapView]:
        return self.steps.waiting

    @property
    def past(self) -> list[SwapView]:
        return self.steps.past

    def _heading(self) -> QHBoxLayout:
        """The title with the count, and 'arrange a swap'."""
        head = QHBoxLayout()
        self.title = title_label(self.tr("Swap requests waiting"))
        head.addWidget(self.title)
        head.addStretch(1)
        self.arrange_button = QPushButton(self.tr("Arrange a swap…"))
        self.arrange_button.setObjectName("arrangeButton")
        self.arrange_button.clicked.connect(self.arrange)
        head.addWidget(self.arrange_button)
        return head

    def _inbox_part(self) -> QWidget:
        """The waiting requests, and the chosen one's detail with approve and reject."""
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        self.inbox = _FitTable(
            [
                self.tr("Volunteer"),
                self.tr("Duty given"),
                self.tr("Kind"),
                self.tr("Colleague / in return"),
                self.tr("Notice"),
                self.tr("Reason"),
                self.tr("Colleague agreed"),
                self.tr("Asked"),
            ],
            wrapped=(1, 3, 5),  # the duty, the colleague or duty in return, the reason
        )
        self.inbox.setObjectName("swapInbox")
        self.inbox.itemSelectionChanged.connect(self._selected)
        top_box.addWidget(self.inbox, 1)
        self.empty = QLabel(self.tr("No swap request is waiting."))
        top_box.addWidget(self.empty)
        top_box.addWidget(self._decide_box())
        return top

    def _decide_box(self) -> QGroupBox:
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
        return decide

    def _history_part(self) -> QWidget:
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(QLabel(self.tr("History of all swap requests (newest first)")))
        self.history = _FitTable(
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
            ],
            # The long texts share the width (each short one whole, the longest the rest);
            # every row is one line high (cut with "…", whole in its tooltip).
            wrapped=(3, 4, 5, 6, 7, 10),
            elide=True,
        )
        self.history.setObjectName("swapHistory")
        bottom_box.addWidget(self.history, 1)
        return bottom

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Expire requests whose duty started, then reload the inbox and the history."""
        common.attempt(self.banner, self.steps.expire_due)
        ok, _ = common.attempt(self.banner, self.steps.load)
        if not ok:
            return
        count = len(self.steps.waiting)
        self.title.setText(self.tr("Swap requests waiting ({count})").format(count=count))
        _fill(self.inbox, self.steps.inbox_rows())
        self.inbox.setVisible(bool(count))
        self.empty.setVisible(not count)
        _fill(self.history, self.steps.history_rows())
        if count:
            self.inbox.selectRow(0)
        self._selected()
        self.count_changed.emit(count)

    def current(self) -> SwapView | None:
        rows = self.inbox.selectionModel().selectedRows() if self.inbox.selectionModel() else []
        return self.steps.at(rows[0].row()) if rows else None

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
        self.detail.setText(self.steps.describe(v))
        if arrange:
            self.cover.clear()
            _, choices = common.attempt(self.banner, self.steps.cover_choices, v)
            for label, volunteer_id in choices or []:
                self.cover.addItem(label, volunteer_id)

    # --- deciding --------------------------------------------------------------------------

    def _show(self, answer: Answer) -> None:
        """Read the lists again if the step changed them, then say what came of it."""
        if answer.reload:
            self.refresh()
        answer.show(self.banner)
        self.call_offer.offer(answer)

    def approve(self) -> None:
        v = self.current()
        if v is None:
            return
        cover = self.cover.currentData()
        name = self.cover.currentText().split(" (")[0]
        answer = self.steps.approve(v, cover, name)
        if answer.question:
            title = self.tr("Approve anyway?")
            if not common.confirm(self, title, answer.question):
                return
            answer = self.steps.approve(v, cover, name, confirmed=True)
        self._show(answer)

    def reject(self) -> None:
        v = self.current()
        if v is None:
            return
        reason = common.ask_text(self, self.tr("Reject the swap"), self.steps.reject_prompt(v))
        if reason is not None:
            self._show(self.steps.reject(v, reason))

    def arrange(self) -> None:
        dialog = ArrangeDialog(self.desk, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.banner.ok(self.steps.arranged(dialog.request_id))
