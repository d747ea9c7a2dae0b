"""電話禮貌測試: the desk's phone courtesy tests, per person and for the whole desk.

The history (newest first) with each section's points and the total, the average of each
item, the weakest item and the follow-ups still due; a new test is entered on the form
laid out like the paper one (phone_form), a test is printed as the paper form filled in
(export.phone_form, on A4) and its follow-up (改善措施) recorded with its date.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core import phone_tests as rules
from frontdesk.core.timeutil import local_day
from frontdesk.export.phone_form import file_name, form_html
from frontdesk.services import phone_tests
from frontdesk.services.context import Desk, settings
from frontdesk.services.phone_tests import Summary, TestLine
from frontdesk.ui.supervisor.common import Banner, attempt, pydate, qdate, title_label
from frontdesk.ui.supervisor.phone_form import PhoneTestDialog
from frontdesk.ui.supervisor.phone_print import print_on_paper, print_pdf
from frontdesk.ui.widgets.dates import RocDateEdit
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.words import phone as words
from frontdesk.words.dates import day_text

COLUMNS = 8  # when, person, answer, courtesy, content, total, follow-up date, follow-up


class FollowUpDialog(FormDialog):
    """改善措施: what was done after a low score, and on which day."""

    def __init__(self, desk: Desk, test: TestLine, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Follow-up"), self.tr("Save"), self.tr("Cancel"), parent)
        self.desk, self.test = desk, test
        self.form.addRow(
            QLabel(
                self.tr("{person}, {when}: {total} points").format(
                    person=test.person, when=day_text(test.tested_at), total=test.total
                )
            )
        )
        self.measure = QPlainTextEdit(test.follow_up)
        self.day = RocDateEdit(qdate(test.follow_up_on or local_day(desk.now())))
        self.form.addRow(self.tr("What was done"), self.measure)
        self.form.addRow(self.tr("On"), self.day)
        self.submit_with(self.save)

    def save(self) -> None:
        ok, _ = attempt(
            self.banner,
            phone_tests.record_follow_up,
            self.desk,
            self.test.id,
            self.measure.toPlainText(),
            pydate(self.day.date()),
        )
        if ok:
            self.accept()


class PhoneTestsPage(QWidget):
    """The tests, their averages by item and the weakest item, per person or desk."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.lines: list[TestLine] = []
        self.shown: list[TestLine] = []
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Phone courtesy tests")))
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New test…"))
        self.follow_button = QPushButton(self.tr("Follow-up…"))
        self.print_button = QPushButton(self.tr("Print the form…"))
        self.pdf_button = QPushButton(self.tr("Save the form as PDF…"))
        for b in (self.new_button, self.follow_button, self.print_button, self.pdf_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Person:")))
        self.person = QComboBox()
        self.person.setMinimumWidth(220)
        buttons.addWidget(self.person)
        layout.addLayout(buttons)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.items = QLabel()
        self.items.setWordWrap(True)
        layout.addWidget(self.items)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tested at"),
                self.tr("Person"),
                self.tr("Answer"),
                self.tr("Courtesy"),
                self.tr("Content"),
                self.tr("Total"),
                self.tr("Follow-up on"),
                self.tr("Follow-up"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.new_button.clicked.connect(self.new_test)
        self.follow_button.clicked.connect(self.follow_up)
        self.print_button.clicked.connect(lambda: self.print_form())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.person.currentIndexChanged.connect(lambda _i: self.show_person())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        """Read the tests again; keep the person shown."""
        key = self.person.currentData()
        self.lines = phone_tests.history(self.desk)
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("The whole desk"), None)
        for k, name in phone_tests.people(self.lines):
            self.person.addItem(name, k)
        found = self.person.findData(key)
        self.person.setCurrentIndex(max(0, found))
        self.person.blockSignals(False)
        self.show_person()

    def show_person(self) -> None:
        key = self.person.currentData()
        self.shown = [t for t in reversed(self.lines) if key is None or t.key == key]
        threshold = phone_tests.threshold(self.desk)
        self._summary(phone_tests.summarise(self.shown, threshold), threshold)
        self.table.setRowCount(len(self.shown))
        for row, t in enumerate(self.shown):
            self._row(row, t, threshold)
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def _row(self, row: int, t: TestLine, threshold: int) -> None:
        values = [
            day_text(t.tested_at),
            t.person,
            str(t.scores[rules.Item.ANSWER]),
            str(rules.courtesy(t.scores)),
            str(t.scores[rules.Item.CONTENT]),
            str(t.total),
            day_text(t.follow_up_on) if t.follow_up_on else "",
            t.follow_up,
        ]
        if not t.follow_up_on and rules.needs_follow_up(t.total, threshold):
            values[6] = self.tr("due")
        for col, text in enumerate(values):
            item = QTableWidgetItem(text)
            if 2 <= col <= 5:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, col, item)

    def _summary(self, s: Summary, threshold: int) -> None:
        if not s.count:
            self.summary.setText(self.tr("No phone courtesy test recorded yet."))
            self.items.setText("")
            return
        weakest = words.item_name(s.weakest) if s.weakest else self.tr("none")
        self.summary.setText(
            self.tr(
                "{count} tests, average {average} points; weakest item: {weakest}; "
                "follow-ups due (under {threshold}): {due}, done: {done}."
            ).format(
                count=s.count,
                average=s.average,
                weakest=weakest,
                threshold=threshold,
                due=s.follow_ups_due,
                done=s.follow_ups_done,
            )
        )
        self.items.setText(
            self.tr("Average by item: {items}").format(
                items="、".join(
                    f"{words.item_name(a.item)} {a.points:g}/{rules.ITEM_MAX[a.item]}"
                    for a in s.items
                )
            )
        )

    def selected(self) -> TestLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        for b in (self.follow_button, self.print_button, self.pdf_button):
            b.setEnabled(chosen)

    def new_test(self) -> int | None:
        """Enter a test on the paper-like form; the new test's id when recorded."""
        dialog = PhoneTestDialog(self.desk, self)
        dialog.exec()
        if dialog.test_id is not None:
            self.refresh()
            self.banner.ok(self.tr("The test is recorded."))
        return dialog.test_id

    def follow_up(self) -> None:
        t = self.selected()
        if t is not None and FollowUpDialog(self.desk, t, self).exec():
            self.refresh()
            self.banner.ok(self.tr("The follow-up is recorded."))

    def html(self, t: TestLine) -> str:
        return form_html(settings(self.desk).agency_name, t)

    def print_form(self) -> None:
        t = self.selected()
        if t is not None and print_on_paper(self, self.html(t)):
            self.banner.ok(self.tr("The form is sent to the printer."))

    def save_pdf(self, path: str | None = None) -> None:
        """The selected test's filled form as an A4 PDF (a file the supervisor names)."""
        from frontdesk.ui.supervisor import common

        t = self.selected()
        if t is None:
            return
        name = file_name(t)
        path = path or common.choose_save_file(self, self.tr("Save the form"), name, "PDF (*.pdf)")
        if path:
            ok, written = attempt(self.banner, print_pdf, self.html(t), Path(path))
            if ok:
                self.banner.ok(self.tr("Saved to {path}.").format(path=written))
