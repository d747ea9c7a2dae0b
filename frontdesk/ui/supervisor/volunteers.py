"""志工: the volunteer list, the edit form (trainings, weekly patterns), Excel and badges."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.codes import normalise_code
from frontdesk.core.timeutil import local_day
from frontdesk.services import volunteers, workspace
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import FrontdeskError
from frontdesk.services.volunteers import VolunteerInput
from frontdesk.ui.models.volunteers import VolunteerFilterProxy, VolunteerTableModel
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt, pydate, qdate, title_label
from frontdesk.ui.widgets.enter import enter_submits
from frontdesk.words.dates import DATE_EDIT_FORMAT, day_text, weekday_name
from frontdesk.words.errors import describe_error
from frontdesk.words.labels import slot_short, volunteer_status

STATUSES = ("active", "trainee", "inactive")


class VolunteerDialog(QDialog):
    """Add or edit one volunteer; the full phone number is visible only here."""

    def __init__(
        self, desk: Desk, volunteer_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.volunteer_id = volunteer_id
        self.setWindowTitle(self.tr("Volunteer") if volunteer_id else self.tr("New volunteer"))
        self.setMinimumWidth(1100)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("printed on the badge, e.g. V001"))
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(self.tr("e.g. 台語 English"))
        self.status = QComboBox()
        for s in STATUSES:
            self.status.addItem(volunteer_status(s), s)
        self.weekly_max = QSpinBox()
        self.weekly_max.setRange(0, 14)
        self.weekly_max.setSpecialValueText(self.tr("site default"))
        self.joined = QDateEdit()
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat(DATE_EDIT_FORMAT)
        self.joined.setDate(qdate(local_day(desk.now())))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Weekly maximum of duties"), self.weekly_max)
        form.addRow(self.tr("Joined on"), self.joined)
        form.addRow(self.tr("Notes"), self.notes)
        # Two columns, the person on the left and trainings and weekly duties on the right:
        # one column is taller than a 1366x768 screen at the workspace's text size.
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        right = QVBoxLayout()
        columns.addLayout(right, 1)
        layout.addLayout(columns)

        box = QGroupBox(self.tr("Trainings (basic training is needed for duty)"))
        tl = QVBoxLayout(box)
        self.trainings = QTableWidget(0, 4)
        self.trainings.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Title"), self.tr("Date"), self.tr("Hours")]
        )
        header = self.trainings.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.trainings.verticalHeader().hide()
        self.trainings.setFixedHeight(130)
        tl.addWidget(self.trainings)
        row = QHBoxLayout()
        add_t = QPushButton(self.tr("Add a training"))
        del_t = QPushButton(self.tr("Remove the selected training"))
        add_t.clicked.connect(
            lambda: self.add_training_row(
                "basic", self.tr("Basic training"), local_day(desk.now()), 12.0
            )
        )
        del_t.clicked.connect(lambda: self.trainings.removeRow(self.trainings.currentRow()))
        row.addWidget(add_t)
        row.addWidget(del_t)
        row.addStretch()
        tl.addLayout(row)
        right.addWidget(box)

        self.patterns_box = QGroupBox(self.tr("Weekly duties (used to generate the roster)"))
        pl = QVBoxLayout(self.patterns_box)
        self.patterns = QTableWidget(0, 3)
        self.patterns.setHorizontalHeaderLabels(
            [self.tr("Every"), self.tr("Slot"), self.tr("Valid")]
        )
        self.patterns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.patterns.verticalHeader().hide()
        self.patterns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.patterns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.patterns.setFixedHeight(110)
        pl.addWidget(self.patterns)
        prow = QHBoxLayout()
        self.p_weekday = QComboBox()
        for wd in range(5):
            self.p_weekday.addItem(weekday_name(wd), wd)
        self.p_weekday.addItem(weekday_name(5), 5)
        self.p_slot = QComboBox()
        for s in settings(desk).slots:
            self.p_slot.addItem(slot_short(s.code), s.code)
        self.p_from = QDateEdit(qdate(local_day(desk.now())))
        self.p_from.setCalendarPopup(True)
        self.p_from.setDisplayFormat(DATE_EDIT_FORMAT)
        add_p = QPushButton(self.tr("Add weekly duty"))
        end_p = QPushButton(self.tr("End the selected one today"))
        add_p.clicked.connect(self.add_pattern)
        end_p.clicked.connect(self.end_pattern)
        prow.addWidget(self.p_weekday)
        prow.addWidget(self.p_slot)
        prow.addWidget(QLabel(self.tr("from")))
        prow.addWidget(self.p_from)
        prow.addWidget(add_p)
        prow.addWidget(end_p)
        pl.addLayout(prow)
        right.addWidget(self.patterns_box)
        right.addStretch(1)
        self.patterns_box.setVisible(volunteer_id is not None)

        self.banner = Banner()
        layout.addWidget(self.banner)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        enter_submits(self, save)
        if volunteer_id is not None:
            self.load()

    def load(self) -> None:
        assert self.volunteer_id is not None
        d = workspace.volunteer_detail(self.desk, self.volunteer_id)
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.phone.setText(d.phone)
        self.languages.setText(d.languages)
        self.status.setCurrentIndex(max(0, self.status.findData(d.status)))
        self.weekly_max.setValue(d.weekly_max or 0)
        if d.joined_on:
            self.joined.setDate(qdate(d.joined_on))
        self.notes.setPlainText(d.notes)
        self.trainings.setRowCount(0)
        for t in d.trainings:
            self.add_training_row(t.kind, t.title, t.taken_on, t.hours)
        self.show_patterns(d.patterns)

    def show_patterns(self, patterns: tuple[workspace.PatternRow, ...]) -> None:
        self.patterns.setRowCount(0)
        for p in patterns:
            r = self.patterns.rowCount()
            self.patterns.insertRow(r)
            first = QTableWidgetItem(weekday_name(p.weekday))
            first.setData(Qt.ItemDataRole.UserRole, p.id)
            self.patterns.setItem(r, 0, first)
            self.patterns.setItem(r, 1, QTableWidgetItem(slot_short(p.slot)))
            until = day_text(p.valid_to) if p.valid_to else self.tr("no end")
            self.patterns.setItem(r, 2, QTableWidgetItem(f"{day_text(p.valid_from)} → {until}"))

    def add_training_row(self, kind: str, title: str, taken: date, hours: float) -> None:
        r = self.trainings.rowCount()
        self.trainings.insertRow(r)
        combo = QComboBox()
        combo.addItem(self.tr("Basic (基礎)"), "basic")
        combo.addItem(self.tr("Special (特殊)"), "special")
        combo.setCurrentIndex(0 if kind == "basic" else 1)
        self.trainings.setCellWidget(r, 0, combo)
        self.trainings.setItem(r, 1, QTableWidgetItem(title))
        when = QDateEdit(qdate(taken))
        when.setDisplayFormat(DATE_EDIT_FORMAT)
        when.setCalendarPopup(True)
        self.trainings.setCellWidget(r, 2, when)
        spin = QDoubleSpinBox()
        spin.setRange(0, 500)
        spin.setDecimals(1)
        spin.setValue(hours)
        self.trainings.setCellWidget(r, 3, spin)

    def data(self) -> VolunteerInput:
        trainings = []
        for r in range(self.trainings.rowCount()):
            kind = self.trainings.cellWidget(r, 0)
            title = self.trainings.item(r, 1)
            when = self.trainings.cellWidget(r, 2)
            hours = self.trainings.cellWidget(r, 3)
            assert isinstance(kind, QComboBox) and isinstance(when, QDateEdit)
            assert isinstance(hours, QDoubleSpinBox)
            trainings.append(
                (
                    kind.currentData(),
                    title.text() if title else "",
                    pydate(when.date()),
                    hours.value(),
                )
            )
        return VolunteerInput(
            code=self.code.text(),
            name=self.name.text(),
            phone=self.phone.text().strip() or None,
            languages=self.languages.text(),
            status=self.status.currentData(),
            weekly_max=self.weekly_max.value() or None,
            notes=self.notes.toPlainText(),
            joined_on=pydate(self.joined.date()),
            trainings=trainings,
        )

    def save(self) -> None:
        data = self.data()
        if self.volunteer_id is None:
            ok, new_id = attempt(self.banner, volunteers.add, self.desk, data)
            if ok:
                self.volunteer_id = new_id
        else:
            ok, _ = attempt(self.banner, volunteers.update, self.desk, self.volunteer_id, data)
        if ok:
            self.accept()

    def add_pattern(self) -> None:
        assert self.volunteer_id is not None
        ok, _ = attempt(
            self.banner,
            volunteers.add_pattern,
            self.desk,
            self.volunteer_id,
            self.p_weekday.currentData(),
            self.p_slot.currentData(),
            pydate(self.p_from.date()),
        )
        if ok:
            self.banner.ok(
                self.tr("Weekly duty added. Generate the month on the roster page to use it.")
            )
            self.show_patterns(workspace.volunteer_detail(self.desk, self.volunteer_id).patterns)

    def end_pattern(self) -> None:
        item = self.patterns.item(self.patterns.currentRow(), 0)
        if item is None or self.volunteer_id is None:
            self.banner.info(self.tr("Select a weekly duty first."))
            return
        ok, _ = attempt(
            self.banner,
            volunteers.end_pattern,
            self.desk,
            int(item.data(Qt.ItemDataRole.UserRole)),
            local_day(self.desk.now()),
        )
        if ok:
            self.banner.ok(self.tr("The weekly duty ends today; the roster already made is kept."))
            self.show_patterns(workspace.volunteer_detail(self.desk, self.volunteer_id).patterns)


class VolunteersPage(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Volunteers")))
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code, name or language…"))
        self.search.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(self.tr("Show inactive"))
        self.show_inactive.setChecked(False)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.deactivate_button = QPushButton(self.tr("Deactivate"))
        bar.addWidget(self.search, 2)
        bar.addWidget(self.show_inactive)
        for b in (self.add_button, self.edit_button, self.deactivate_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        files = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.template_button = QPushButton(self.tr("Save an empty template…"))
        self.badges_button = QPushButton(self.tr("Badge sheet (PDF)…"))
        for b in (self.import_button, self.export_button, self.template_button, self.badges_button):
            files.addWidget(b)
        files.addStretch()
        layout.addLayout(files)
        self.banner = Banner()
        layout.addWidget(self.banner)

        self.model = VolunteerTableModel(self)
        self.proxy = VolunteerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_show_inactive(False)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(VolunteerTableModel.CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in (
            (0, 90),
            (1, 130),
            (2, 130),
            (3, 120),
            (4, 80),
            (5, 100),
            (6, 150),
            (7, 110),
        ):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        self.search.textChanged.connect(self._filter)
        self.show_inactive.toggled.connect(self._filter)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.deactivate_button.clicked.connect(self.deactivate)
        self.import_button.clicked.connect(self.import_excel)
        self.export_button.clicked.connect(self.export_excel)
        self.template_button.clicked.connect(self.save_template)
        self.badges_button.clicked.connect(self.badges)

    def refresh(self) -> None:
        self.model.set_rows(workspace.volunteer_rows(self.desk))
        self.proxy.sort(*self.proxy.sorted_by())
        self._count()

    def _filter(self) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_show_inactive(self.show_inactive.isChecked())
        self._count()

    def _count(self) -> None:
        self.count.setText(
            self.tr("{shown} of {total} volunteers shown").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        src: QModelIndex = self.proxy.mapToSource(rows[0])
        return self.model.row_at(src.row()).id

    def select_code(self, code: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, VolunteerTableModel.CODE).data() == code:
                self.table.selectRow(r)
                return

    def open_dialog(self, volunteer_id: int | None) -> VolunteerDialog:
        """Made separately from exec() so tests can fill it in."""
        return VolunteerDialog(self.desk, volunteer_id, self)

    def add(self) -> None:
        dialog = self.open_dialog(None)
        if dialog.exec():
            self.refresh()
            self.select_code(normalise_code(dialog.code.text()))
            self.banner.ok(self.tr("Volunteer {name} added.").format(name=dialog.name.text()))

    def edit(self) -> None:
        vid = self.selected_id()
        if vid is None:
            self.banner.info(self.tr("Select a volunteer first."))
            return
        dialog = self.open_dialog(vid)
        if dialog.exec():
            self.refresh()
            self.select_code(normalise_code(dialog.code.text()))
            self.banner.ok(self.tr("Saved."))

    def deactivate(self) -> None:
        vid = self.selected_id()
        if vid is None:
            self.banner.info(self.tr("Select a volunteer first."))
            return
        row = next(r for r in self.model.rows() if r.id == vid)
        if not common.confirm(
            self,
            self.tr("Deactivate"),
            self.tr(
                "Deactivate {name}? Their history and hours are kept; they can no longer be put on duty."
            ).format(name=row.name),
        ):
            return
        ok, _ = attempt(self.banner, volunteers.deactivate, self.desk, vid)
        if ok:
            self.refresh()
            self.banner.ok(self.tr("{name} is now inactive.").format(name=row.name))

    # files ---------------------------------------------------------------------------------
    def import_excel(self, path: str | None = None) -> None:
        from frontdesk.services import volunteer_io

        path = path or common.choose_open_file(self, self.tr("Import volunteers"), "Excel (*.xlsx)")
        if not path:
            return
        try:
            report = volunteer_io.import_volunteers(self.desk, Path(path))
        except (FrontdeskError, OSError) as exc:
            self.banner.error(describe_error(exc))
            return
        self.refresh()
        self.banner.ok(
            self.tr("Imported: {added} added, {updated} updated.").format(
                added=len(report.added), updated=len(report.updated)
            )
        )

    def export_excel(self, path: str | None = None) -> None:
        from frontdesk.services import volunteer_io

        path = path or common.choose_save_file(
            self, self.tr("Export volunteers"), self.tr("volunteers.xlsx"), "Excel (*.xlsx)"
        )
        if not path:
            return
        ok, n = attempt(self.banner, volunteer_io.export_volunteers, self.desk, Path(path))
        if ok:
            self.banner.ok(
                self.tr("{n} volunteers written to {path} (phone numbers masked).").format(
                    n=n, path=path
                )
            )

    def save_template(self, path: str | None = None) -> None:
        from frontdesk.services import volunteer_io

        path = path or common.choose_save_file(
            self, self.tr("Empty template"), self.tr("volunteer-template.xlsx"), "Excel (*.xlsx)"
        )
        if not path:
            return
        ok, _ = attempt(
            self.banner, volunteer_io.write_template, Path(path), db_path=self.desk.db.path
        )
        if ok:
            self.banner.ok(self.tr("Template saved to {path}.").format(path=path))

    def badges(self, path: str | None = None) -> None:
        from frontdesk.export import badges

        path = path or common.choose_save_file(
            self, self.tr("Badge sheet"), self.tr("badges.pdf"), "PDF (*.pdf)"
        )
        if not path:
            return
        entries = workspace.badge_entries(self.desk)
        ok, _ = attempt(
            self.banner,
            badges.write_badge_sheet,
            entries,
            Path(path),
            settings(self.desk).agency_name,
        )
        if ok:
            self.banner.ok(self.tr("{n} badges saved to {path}.").format(n=len(entries), path=path))
