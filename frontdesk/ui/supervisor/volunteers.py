"""志工: the volunteer list, Excel and badges (the edit form is in volunteer_form)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.codes import normalise_code
from frontdesk.services import volunteers, workspace
from frontdesk.services.context import Desk, settings
from frontdesk.ui.models.volunteers import VolunteerFilterProxy, VolunteerTableModel
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt, title_label
from frontdesk.ui.supervisor.notices import calendar_button
from frontdesk.ui.supervisor.service_record import ServiceRecordDialog
from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog
from frontdesk.ui.widgets.background import Background
from frontdesk.ui.widgets.tables import ColumnFit
from frontdesk.words.errors import describe_error

if TYPE_CHECKING:
    from frontdesk.services.volunteer_io import ImportReport


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
        self.record_button = self._record_button()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.show_inactive)
        for b in (self.add_button, self.edit_button, self.deactivate_button, self.record_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        files = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.importing = Background(self)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.template_button = QPushButton(self.tr("Save an empty template…"))
        self.badges_button = QPushButton(self.tr("Badge sheet (PDF)…"))
        # Whose badges: the selected volunteers, the new ones, or everyone on the list.
        self.badge_menu = QMenu(self.badges_button)
        self.badge_choices = {
            scope: self.badge_menu.addAction("") for scope in ("selected", "new", "all")
        }
        self.badges_button.setMenu(self.badge_menu)
        for b in (self.import_button, self.export_button, self.template_button, self.badges_button):
            files.addWidget(b)
        files.addWidget(calendar_button(self))  # 行事曆檔… (ui.supervisor.notices)
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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Languages and notes share what the short columns leave, one line each, whole in
        # their tooltips: rows of one height, no sideways scrolling.
        v = VolunteerTableModel
        ColumnFit(self.table, (v.LANGUAGES, v.TRAINING, v.NOTES), elide=True)
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
        self.badge_menu.aboutToShow.connect(self.name_badge_choices)
        for scope, action in self.badge_choices.items():
            action.triggered.connect(lambda _checked=False, scope=scope: self.badges(scope=scope))

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

    def selected_ids(self) -> list[int]:
        """The volunteers whose rows are selected, in the table's order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.model.row_at(self.proxy.mapToSource(i).row()).id for i in rows]

    def _record_button(self) -> QPushButton:
        button = QPushButton(self.tr("Service record and hours statement…"))
        button.clicked.connect(lambda: self.service_record())
        return button

    def service_record(self) -> None:
        """The chosen volunteer's service record, trainings, recognitions and statement."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.banner.error(self.tr("Choose a volunteer first."))
            return
        code = self.model.row_at(self.proxy.mapToSource(rows[0]).row()).code
        ServiceRecordDialog(self.desk, code, self).exec()

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
        """Import a sheet off the GUI thread (the kiosk in this window keeps scanning); the
        result or the reason it was refused shows in the banner when it ends."""
        from frontdesk.services import volunteer_io

        path = path or common.choose_open_file(self, self.tr("Import volunteers"), "Excel (*.xlsx)")
        if not path:
            return
        desk, sheet = self.desk, Path(path)
        started = self.importing.start(
            lambda: volunteer_io.import_volunteers(desk, sheet), self._imported, self._not_imported
        )
        if started:
            self.import_button.setEnabled(False)
            self.banner.info(self.tr("Importing {file}…").format(file=sheet.name))

    def _imported(self, report: ImportReport) -> None:
        self.import_button.setEnabled(True)
        self.refresh()
        self.banner.ok(
            self.tr("Imported: {added} added, {updated} updated, {unchanged} unchanged.").format(
                added=len(report.added),
                updated=len(report.updated),
                unchanged=len(report.unchanged),
            )
        )

    def _not_imported(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.banner.error(describe_error(exc))  # a bug is logged with its traceback there

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
        ok, _ = attempt(self.banner, volunteer_io.write_template, Path(path))
        if ok:
            self.banner.ok(self.tr("Template saved to {path}.").format(path=path))

    def badge_entries(self, scope: str) -> list[workspace.BadgeEntry]:
        """Whose badges `scope` means: "selected", "new" (added lately) or "all"."""
        if scope == "selected":
            ids = self.selected_ids()
            return workspace.badge_entries(self.desk, ids=ids) if ids else []
        return workspace.badge_entries(self.desk, new_only=scope == "new")

    def name_badge_choices(self) -> None:
        """Each choice of the badge button says whose badges it prints and how many."""
        words = {
            "selected": self.tr("Selected volunteers ({n})"),
            "new": self.tr("New volunteers, added in the last {days} days ({n})"),
            "all": self.tr("All volunteers on duty lists ({n})"),
        }
        for scope, action in self.badge_choices.items():
            n = len(self.badge_entries(scope))
            action.setText(words[scope].format(n=n, days=workspace.NEW_VOLUNTEER_DAYS))
            action.setEnabled(n > 0)

    def badges(self, path: str | None = None, *, scope: str = "all") -> None:
        """A PDF of badges for the volunteers `scope` means (see badge_entries)."""
        from frontdesk.export import badges

        entries = self.badge_entries(scope)
        if not entries:
            self.banner.info(self.tr("No volunteer to print a badge for: select some first."))
            return
        path = path or common.choose_save_file(
            self, self.tr("Badge sheet"), self.tr("badges.pdf"), "PDF (*.pdf)"
        )
        if not path:
            return
        ok, _ = attempt(
            self.banner,
            badges.write_badge_sheet,
            entries,
            Path(path),
            settings(self.desk).agency_name,
        )
        if ok:
            self.banner.ok(self.tr("{n} badges saved to {path}.").format(n=len(entries), path=path))
