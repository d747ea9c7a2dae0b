"""班表: the month grid, assigning with live rule answers, generating from weekly duties, coverage.

The page lays out; `RosterSteps` (frontdesk.ui.supervisor.roster_steps) decides.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import local_day
from frontdesk.services.context import Desk
from frontdesk.services.roster import GenerationReport
from frontdesk.services.workspace import Choice
from frontdesk.ui.models.coverage import CoverageModel
from frontdesk.ui.models.roster import (
    COLOURS,
    ENTRIES_ROLE,
    SHIFT_ROLE,
    CellState,
    RosterMonthModel,
)
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.answer import Answer, Tone
from frontdesk.ui.supervisor.common import Banner, MonthPicker, title_label
from frontdesk.ui.supervisor.notices_call import banner_with_call
from frontdesk.ui.supervisor.roster_steps import RosterSteps, duty_text
from frontdesk.ui.widgets.tables import HEADING_PADDING, ColumnFit

DAY_COLUMN = 150  # px: "115/12/05 (六)" and the day's kind under it

TONE_STYLES = {
    Tone.OK: common.OK_STYLE,
    Tone.ERROR: common.ERROR_STYLE,
    Tone.INFO: common.INFO_STYLE,
}


def _legend(state: CellState, text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(
        f"background:{COLOURS[state]}; padding:3px 8px; border:1px solid #bbbbbb; border-radius:3px;"
    )
    return label


class RosterPage(QWidget):
    """排班: the month grid, the chosen duty's volunteers, and the weeks under the minimum."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.steps = RosterSteps(desk)
        layout = QVBoxLayout(self)
        head, legend = self._heading(local_day(desk.now()))
        layout.addLayout(head)
        layout.addLayout(legend)
        self.banner = Banner()
        banner_row, self.call_offer = banner_with_call(self.banner)
        layout.addLayout(banner_row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._month_table())
        split.addWidget(self._cell_side())
        # Half and half: the side's table of weeks under the minimum needs its headings whole.
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        self.picker.changed.connect(self._month_changed)
        self.table.clicked.connect(self.select_index)
        self.choice.currentIndexChanged.connect(lambda _i: self.recheck())
        self.assign_button.clicked.connect(self.assign)
        self.remove_button.clicked.connect(self.remove)
        self.generate_button.clicked.connect(self.generate)
        self.coverage_view.clicked.connect(self.go_to_gap)
        self._set_cell_enabled(False)

    def _heading(self, today: date) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The title, the month picker, the generate button; the colours' legend."""
        head = QHBoxLayout()
        head.addWidget(title_label(self.tr("Roster")))
        head.addStretch()
        self.picker = MonthPicker(today.year, today.month)
        head.addWidget(self.picker)
        head.addStretch()
        self.generate_button = QPushButton(self.tr("Generate the month from weekly duties"))
        head.addWidget(self.generate_button)
        legend = QHBoxLayout()
        legend.addWidget(_legend(CellState.UNDER, self.tr("Under the minimum")))
        legend.addWidget(_legend(CellState.AT_MINIMUM, self.tr("At the minimum")))
        legend.addWidget(_legend(CellState.FULL, self.tr("Full")))
        legend.addWidget(_legend(CellState.NO_DUTY, self.tr("No duty (weekend, holiday, closed)")))
        legend.addWidget(QLabel(self.tr("⇄ = from a swap")))
        legend.addStretch()
        return head, legend

    def _month_table(self) -> QTableView:
        """The month: a row a day, a column a slot."""
        self.model = RosterMonthModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(0, DAY_COLUMN)
        return self.table

    def _cell_side(self) -> QWidget:
        """The chosen duty: who is on it, remove, put someone on it with the verdict; under
        it the weeks ahead."""
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(6, 0, 0, 0)
        self.cell_title = QLabel(self.tr("Click a cell of the month"))
        common.workspace_role(self.cell_title, "cell")
        self.cell_title.setWordWrap(True)
        sl.addWidget(self.cell_title)
        self.people = QListWidget()
        self.people.setMaximumHeight(120)
        sl.addWidget(self.people)
        self.remove_button = QPushButton(self.tr("Remove the selected volunteer"))
        sl.addWidget(self.remove_button)
        sl.addWidget(QLabel(self.tr("Put a volunteer on this duty:")))
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.choice.completer()
        assert completer is not None  # an editable combo box has one
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        sl.addWidget(self.choice)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        sl.addWidget(self.verdict)
        self.assign_button = QPushButton(self.tr("Assign"))
        sl.addWidget(self.assign_button)
        sl.addWidget(self._coverage_box(), 1)
        return side

    def _coverage_box(self) -> QGroupBox:
        """The next four weeks' duties under the minimum."""
        box = QGroupBox(self.tr("Next four weeks: duties under the minimum"))
        bl = QVBoxLayout(box)
        self.coverage = CoverageModel(self)
        self.coverage_view = QTableView()
        self.coverage_view.setModel(self.coverage)
        self.coverage_view.verticalHeader().hide()
        self.coverage_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.coverage_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The count and the names share the width left by the day and the slot.
        self.coverage_fit = ColumnFit(
            self.coverage_view,
            (CoverageModel.STAFFED, CoverageModel.SUGGESTIONS),
            grow=(CoverageModel.SUGGESTIONS,),
        )
        bl.addWidget(self.coverage_view)
        self.coverage_note = QLabel()
        self.coverage_note.setWordWrap(True)
        bl.addWidget(self.coverage_note)
        return box

    # loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_month(self.steps.month(self.picker.year, self.picker.month))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self._keep_headings_whole()
        self.table.resizeRowsToContents()
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(self.tr("— choose a volunteer —"), None)
        for c in self.steps.load_choices():
            self.choice.addItem(f"{c.code}  {c.name}", c.id)
        self.choice.blockSignals(False)
        self.coverage.set_rows(self.steps.coverage())
        self.coverage_fit.fit()
        self.coverage_note.setText(self.steps.coverage_note(self.coverage.rowCount()))
        if self.shift is not None:
            self.select_shift(self.shift)

    def _month_changed(self, year: int, month: int) -> None:
        """Another month was chosen: a duty chosen in the month left is let go (refresh
        would choose it again and turn the month back, so ◀ and ▶ did nothing)."""
        shift = self.shift
        if shift is not None and (shift.day.year, shift.day.month) != (year, month):
            self.shift = None
            self.cell_title.setText(self.tr("Click a morning or afternoon cell"))
            self.people.clear()
            self._set_cell_enabled(False)
        self.refresh()

    def _keep_headings_whole(self) -> None:
        """The month is never narrower than its slots' headings ("上午 08:30–11:30")."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        slots = sum(
            metrics.horizontalAdvance(str(self.model.headerData(c, Qt.Orientation.Horizontal)))
            + HEADING_PADDING
            for c in range(1, self.model.columnCount())
        )
        scrollbar = self.table.verticalScrollBar().sizeHint().width()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumWidth(DAY_COLUMN + slots + scrollbar + frame)

    @property
    def shift(self) -> ShiftKey | None:
        """The chosen duty (the steps' own)."""
        return self.steps.shift

    @shift.setter
    def shift(self, shift: ShiftKey | None) -> None:
        self.steps.shift = shift

    @property
    def last_report(self) -> GenerationReport | None:
        """What the last 'generate the month' added and skipped."""
        return self.steps.last_report

    @property
    def choices(self) -> list[Choice]:
        return self.steps.choices

    def select_index(self, index: QModelIndex) -> None:
        shift = index.data(SHIFT_ROLE)
        if shift is None:
            self.shift = None
            self.cell_title.setText(self.tr("Click a morning or afternoon cell"))
            self._set_cell_enabled(False)
            return
        self.select_shift(shift)

    def select_shift(self, shift: ShiftKey) -> None:
        if (shift.day.year, shift.day.month) != (self.picker.year, self.picker.month):
            self.shift = shift
            self.picker.set_month(shift.day.year, shift.day.month)  # refreshes
            return
        self.shift = shift
        idx = self.model.index_of(shift)
        if idx.isValid():
            self.table.setCurrentIndex(idx)
        self.cell_title.setText(duty_text(shift))
        self.people.clear()
        for entry in idx.data(ENTRIES_ROLE) or []:
            item = QListWidgetItem(f"{entry.code}  {entry.name}")
            item.setData(Qt.ItemDataRole.UserRole, entry.volunteer_id)
            self.people.addItem(item)
        self._set_cell_enabled(True)
        self.recheck()

    def _set_cell_enabled(self, on: bool) -> None:
        for w in (self.people, self.remove_button, self.choice, self.assign_button):
            w.setEnabled(on)
        if not on:
            self.verdict.clear()

    def choose(self, volunteer_id: int) -> None:
        self.choice.setCurrentIndex(max(0, self.choice.findData(volunteer_id)))

    # the live answer --------------------------------------------------------------------------
    def recheck(self) -> None:
        verdict = self.steps.verdict(self.choice.currentData())
        if verdict.tone is not None:
            self.verdict.setStyleSheet(TONE_STYLES[verdict.tone])
        self.verdict.setText(verdict.text)
        self.assign_button.setEnabled(verdict.can_assign)

    # changes ---------------------------------------------------------------------------------
    def _ask(self, answer: Answer, again: Callable[[], Answer] | None = None) -> None:
        """Show what a step came to; a question is asked first, and `again` runs if yes."""
        if answer.question and again is not None:
            if not common.confirm(self, self.tr("Please confirm"), answer.question):
                Answer(answer.if_declined, Tone.INFO).show(self.banner)
                return
            answer = again()
        answer.show(self.banner)
        self.call_offer.offer(answer)
        if answer.reload:
            self.refresh()

    def assign(self) -> None:
        vid = self.choice.currentData()
        if self.shift is None or vid is None:
            return
        self._ask(self.steps.assign(vid), lambda: self.steps.assign(vid, confirmed=True))

    def remove(self) -> None:
        item = self.people.currentItem()
        if self.shift is None or item is None:
            self.banner.info(self.tr("Select a volunteer of this duty first."))
            return
        vid = int(item.data(Qt.ItemDataRole.UserRole))
        name = item.text().split("  ", 1)[-1]
        self._ask(
            self.steps.remove(vid, name), lambda: self.steps.remove(vid, name, confirmed=True)
        )

    def generate(self) -> None:
        year, month = self.picker.year, self.picker.month
        self._ask(
            self.steps.generate(year, month),
            lambda: self.steps.generate(year, month, confirmed=True),
        )

    def go_to_gap(self, index: QModelIndex) -> None:
        gap = self.coverage.row_at(index.row())
        self.select_shift(gap.shift)
        if gap.suggestions:
            self.choose(gap.suggestions[0].volunteer_id)

    def month_of(self) -> tuple[int, int]:
        return self.picker.year, self.picker.month

    def show_month(self, day: date) -> None:
        self.picker.set_month(day.year, day.month)
