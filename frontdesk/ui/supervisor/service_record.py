"""A volunteer's service record (服務紀錄): duties and hours entered by hand for a range, the
printable statement, prior hours, trainings and the record book, recognitions received and
what is due. Opened from the volunteer page and the recognition page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.timeutil import local_day
from frontdesk.export.statement import file_name, write_statement
from frontdesk.services import records
from frontdesk.services.context import Desk
from frontdesk.services.recognition_views import standing_of
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt, pydate, qdate
from frontdesk.ui.supervisor.record_forms import GrantForm, HoursForm, PriorForm
from frontdesk.ui.widgets.dates import RocDateEdit
from frontdesk.words.dates import day_text
from frontdesk.words.labels import slot_name
from frontdesk.words.records import (
    goal_name,
    goals_text,
    hours_text,
    missing_text,
    training_name,
)


def fill(table: QTableWidget, rows: list[list[str]], ids: list[int | None] | None = None) -> None:
    """Put `rows` of text into `table`; `ids` ride along on the first cell (UserRole)."""
    table.setRowCount(len(rows))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if c == 0 and ids is not None:
                item.setData(256, ids[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def new_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ServiceRecordDialog(QDialog):
    def __init__(self, desk: Desk, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code = desk, code
        self.resize(1100, 640)
        today = local_day(desk.now())
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        common.workspace_role(self.heading, "title")
        layout.addWidget(self.heading)
        self.banner = Banner()
        layout.addWidget(self.banner)
        row = QHBoxLayout()
        self.first = RocDateEdit(qdate(date(today.year, 1, 1)))
        self.last = RocDateEdit(qdate(today))
        self.show_button = QPushButton(self.tr("Show"))
        self.print_button = QPushButton(self.tr("Print the hours statement…"))
        for w in (QLabel(self.tr("From")), self.first, QLabel(self.tr("until")), self.last):
            row.addWidget(w)
        row.addWidget(self.show_button)
        row.addStretch()
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._build_tabs()
        self.show_button.clicked.connect(lambda: self.refresh())
        self.print_button.clicked.connect(lambda: self.print_statement())
        self.refresh()

    def _tab(self, title: str, *widgets: QWidget, buttons: tuple[QPushButton, ...] = ()) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        for w in widgets:
            box.addWidget(w)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch()
        box.addLayout(row)
        self.tabs.addTab(page, title)

    def _build_tabs(self) -> None:
        """Long because it lays out four tabs, each a table and its buttons."""
        self.lines = new_table(
            [
                self.tr("Date"),
                self.tr("Duty"),
                self.tr("Service item"),
                self.tr("Hours"),
                self.tr("Reason"),
            ]
        )
        self.total = QLabel()
        self.add_hours = QPushButton(self.tr("Enter hours by hand…"))
        self.remove_hours = QPushButton(self.tr("Take back the chosen hours…"))
        self._tab(
            self.tr("Service"), self.lines, self.total, buttons=(self.add_hours, self.remove_hours)
        )
        self.prior = new_table(
            [self.tr("From"), self.tr("Until"), self.tr("Hours"), self.tr("Served at")]
        )
        self.add_prior = QPushButton(self.tr("Enter prior hours…"))
        self.remove_prior = QPushButton(self.tr("Take back the chosen prior hours…"))
        note = QLabel(self.tr("Prior hours count for recognition only, never as this desk's."))
        self._tab(
            self.tr("Prior hours"), note, self.prior, buttons=(self.add_prior, self.remove_prior)
        )
        self.trainings = new_table(
            [
                self.tr("Training"),
                self.tr("Course"),
                self.tr("Date"),
                self.tr("Hours"),
                self.tr("Given by"),
            ]
        )
        self.issuer_button = QPushButton(self.tr("Who gave the chosen training…"))
        book = QWidget()
        book_row = QHBoxLayout(book)
        self.book_number = QLineEdit()
        self.book_date = RocDateEdit()
        self.book_button = QPushButton(self.tr("Save the record book"))
        for w in (
            QLabel(self.tr("Record book number")),
            self.book_number,
            QLabel(self.tr("issued on")),
            self.book_date,
            self.book_button,
        ):
            book_row.addWidget(w)
        self._tab(
            self.tr("Trainings and record book"),
            self.trainings,
            book,
            buttons=(self.issuer_button,),
        )
        self.grants = new_table(
            [
                self.tr("Recognition"),
                self.tr("Approved on"),
                self.tr("Valid until"),
                self.tr("Number"),
            ]
        )
        self.standing = QLabel()
        self.standing.setWordWrap(True)
        self.add_grant = QPushButton(self.tr("Record a recognition received…"))
        self._tab(self.tr("Recognition"), self.standing, self.grants, buttons=(self.add_grant,))
        self.add_hours.clicked.connect(lambda: self._form(HoursForm))
        self.add_prior.clicked.connect(lambda: self._form(PriorForm))
        self.add_grant.clicked.connect(lambda: self._form(GrantForm))
        self.remove_hours.clicked.connect(lambda: self._remove(self.lines))
        self.remove_prior.clicked.connect(lambda: self._remove(self.prior))
        self.book_button.clicked.connect(lambda: self.save_book())
        self.issuer_button.clicked.connect(lambda: self.set_issuer())

    def _form(self, form: type[HoursForm] | type[PriorForm] | type[GrantForm]) -> None:
        if form(self.desk, self.code, qdate(local_day(self.desk.now())), self).exec():
            self.refresh()

    def refresh(self) -> None:
        ok, rec = attempt(
            self.banner,
            records.service_record,
            self.desk,
            self.code,
            pydate(self.first.date()),
            pydate(self.last.date()),
        )
        if not ok or rec is None:
            return
        self.record = rec
        self.setWindowTitle(self.tr("Service record"))
        self.heading.setText(
            self.tr("Service record: {name} ({code})").format(name=rec.name, code=rec.code)
        )
        if rec.missing:
            self.banner.error(missing_text(rec.missing))
        self._fill(rec)

    def _fill(self, rec: records.ServiceRecord) -> None:
        fill(
            self.lines,
            [
                [
                    day_text(ln.day),
                    slot_name(ln.slot) if ln.slot else self.tr("by hand"),
                    ln.item,
                    hours_text(ln.minutes),
                    ln.reason,
                ]
                for ln in rec.lines
            ],
            [ln.entry_id for ln in rec.lines],
        )
        self.total.setText(self.tr("Total: {hours} h").format(hours=hours_text(rec.total_minutes)))
        fill(
            self.prior,
            [
                [day_text(p.first_day), day_text(p.last_day), hours_text(p.minutes), p.source]
                for p in rec.prior
            ],
            [p.entry_id for p in rec.prior],
        )
        fill(
            self.trainings,
            [
                [training_name(t.kind), t.title, day_text(t.taken_on), f"{t.hours:g}", t.issuer]
                for t in rec.trainings
            ],
        )
        if rec.record_book:
            self.book_number.setText(rec.record_book[0])
            if rec.record_book[1]:
                self.book_date.setDate(qdate(rec.record_book[1]))
        fill(
            self.grants,
            [
                [goal_name(g.kind), day_text(g.approved_on), day_text(g.expires_on), g.number]
                for g in rec.grants
            ],
        )
        self._standing()

    def _standing(self) -> None:
        ok, row = attempt(self.banner, standing_of, self.desk, self.record.volunteer_id)
        if not ok or row is None:
            return
        s = row.standing
        lines = [
            self.tr("Hours here {here} h, prior hours {prior} h, in all {total} h").format(
                here=hours_text(row.desk_minutes),
                prior=hours_text(row.prior_minutes),
                total=hours_text(row.total_minutes),
            ),
            self.tr("Honor card: {hours} of {need} h since {start}").format(
                hours=f"{s.honor_card.hours:g}",
                need=s.honor_card.hours_required,
                start=day_text(s.card_window_start),
            ),
        ]
        if s.due_now:
            lines.append(self.tr("Qualifies now: {goals}").format(goals=goals_text(s.due_now)))
        if s.due_soon:
            lines.append(self.tr("Within 3 months: {goals}").format(goals=goals_text(s.due_soon)))
        self.standing.setText("\n".join(lines))

    def _remove(self, table: QTableWidget) -> None:
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        entry = item.data(256) if item is not None else None
        if entry is None:
            self.banner.error(self.tr("Choose hours entered by hand or prior hours first."))
            return
        reason = common.ask_text(self, self.tr("Take back hours"), self.tr("Why?"))
        if reason is None:
            return
        ok, _ = attempt(self.banner, records.remove_hours, self.desk, int(entry), reason)
        if ok:
            self.refresh()

    def save_book(self) -> None:
        ok, _ = attempt(
            self.banner,
            records.set_record_book,
            self.desk,
            self.code,
            self.book_number.text(),
            pydate(self.book_date.date()),
        )
        if ok:
            self.banner.ok(self.tr("Record book saved."))
            self.refresh()

    def set_issuer(self) -> None:
        r = self.trainings.currentRow()
        if r < 0 or r >= len(self.record.trainings):
            self.banner.error(self.tr("Choose a training first."))
            return
        t = self.record.trainings[r]
        who = common.ask_text(
            self, self.tr("Given by"), self.tr("Who gave the training?"), t.issuer
        )
        if who is None:
            return
        ok, _ = attempt(
            self.banner, records.set_training_issuer, self.desk, self.code, t.taken_on, t.kind, who
        )
        if ok:
            self.refresh()

    def print_statement(self, path: str | None = None) -> None:
        """The statement of the range shown, to a PDF the supervisor names."""
        rec = self.record
        path = path or common.choose_save_file(
            self, self.tr("Print the hours statement"), file_name(rec), "PDF (*.pdf)"
        )
        if not path:
            return
        ok, written = attempt(
            self.banner, write_statement, self.desk, self.code, rec.first, rec.last, Path(path)
        )
        if ok and written is not None:
            self.banner.ok(self.tr("Saved {path}").format(path=str(written)))
