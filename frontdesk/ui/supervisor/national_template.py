"""縣市範本: the county's blank national-system template, its columns matched once to our
fields with a preview of the month, then filled into a copy. A template whose header
changed since the columns were matched is said so, and matched again before any filling.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.national_template import (
    FIELDS,
    TemplateMapping,
    guess_columns,
    personal_columns,
)
from frontdesk.export.national_template import Layout, cell_values, fill_template, read_layout
from frontdesk.services.context import Desk
from frontdesk.services.national_template import (
    TemplateRow,
    load_mapping,
    save_mapping,
    template_rows,
    waiting_in_month,
)
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt
from frontdesk.words.dates import format_roc_month
from frontdesk.words.exports import review_waiting
from frontdesk.words.records import template_field

PREVIEW_ROWS = 5


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%H:%M")  # type: ignore[no-any-return]
    return f"{value:g}" if isinstance(value, float) else str(value)


class TemplateDialog(QDialog):
    def __init__(self, desk: Desk, year: int, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.year, self.month = desk, year, month
        self.layout_: Layout | None = None
        self.template: Path | None = None
        self.rows: list[TemplateRow] = []
        self.setWindowTitle(self.tr("County template for the national system"))
        self.resize(1200, 680)
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose the blank template…"))
        self.file_label = QLabel()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        box.addLayout(top)
        self.banner = Banner()
        box.addWidget(self.banner)
        self.notes = QLabel()  # records still waiting for review; personal data left out
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        box.addWidget(self.notes)
        box.addWidget(QLabel(self.tr("Which of our fields goes into each column of the template:")))
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Template's header"), self.tr("Our field")]
        )
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.verticalHeader().setVisible(False)
        box.addWidget(self.columns, 2)
        box.addWidget(QLabel(self.tr("Preview: the first rows as they will be filled")))
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().setVisible(False)
        box.addWidget(self.preview, 2)
        bottom = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save the matching"))
        self.fill_button = QPushButton(
            self.tr("Fill the template for {month}…").format(month=format_roc_month(year, month))
        )
        bottom.addStretch()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.fill_button)
        box.addLayout(bottom)
        self.choose_button.clicked.connect(lambda: self.choose())
        self.save_button.clicked.connect(lambda: self.save())
        self.fill_button.clicked.connect(lambda: self.fill())
        self._enable()

    def _enable(self) -> None:
        self.save_button.setEnabled(self.layout_ is not None)
        self.fill_button.setEnabled(self.layout_ is not None)

    def choose(self, path: str | None = None) -> None:
        """Read the template's header; the saved matching when it fits, else a guess."""
        path = path or common.choose_open_file(self, self.tr("Blank template"), "Excel (*.xlsx)")
        if not path:
            return
        ok, layout = attempt(self.banner, read_layout, path)
        if not ok or layout is None:
            return
        self.layout_, self.template = layout, Path(path)
        self.file_label.setText(str(path))
        saved = load_mapping(self.desk)
        if saved is not None and saved.fits(layout.sheet, layout.header_row, layout.header):
            columns = saved.columns
            self.banner.ok(self.tr("The template matches the saved columns."))
        else:
            columns = guess_columns(layout.header)
            if saved is not None:
                self.banner.error(
                    self.tr("The template's header has changed; please match its columns again.")
                )
        _, rows = attempt(self.banner, template_rows, self.desk, self.year, self.month)
        self.rows = rows or []
        self._show_notes(layout)
        self._show_columns(layout, columns)
        self._enable()

    def _show_notes(self, layout: Layout) -> None:
        """The monthly export's warning about records still 待確認, and that columns asking
        for personal data (身分證字號) stay empty."""
        _, waiting = attempt(self.banner, waiting_in_month, self.desk, self.year, self.month)
        notes = [review_waiting(waiting or 0, self.year, self.month)]
        personal = personal_columns(layout.header)
        if personal:
            names = "、".join(layout.header[i - 1] for i in personal)
            notes.append(
                self.tr(
                    "The columns {columns} are left empty: the desk keeps no ID numbers and "
                    "exports no personal data."
                ).format(columns=names)
            )
        text = "\n".join(n for n in notes if n)
        self.notes.setText(text)
        self.notes.setVisible(bool(text))

    def _show_columns(self, layout: Layout, columns: dict[str, int]) -> None:
        by_column = {c: name for name, c in columns.items()}
        self.columns.setRowCount(len(layout.header))
        for i, text in enumerate(layout.header, start=1):
            self.columns.setItem(i - 1, 0, QTableWidgetItem(get_column_letter(i)))
            self.columns.setItem(i - 1, 1, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(self.tr("(leave empty)"), "")
            for name in FIELDS:
                combo.addItem(template_field(name), name)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(i, ""))))
            combo.currentIndexChanged.connect(lambda _i: self._preview())
            self.columns.setCellWidget(i - 1, 2, combo)
        self.columns.resizeColumnsToContents()
        self._preview()

    def mapping(self) -> TemplateMapping | None:
        """The matching as the form shows it; a field chosen twice keeps its first column."""
        if self.layout_ is None:
            return None
        columns: dict[str, int] = {}
        for r in range(self.columns.rowCount()):
            combo = self.columns.cellWidget(r, 2)
            name = combo.currentData() if isinstance(combo, QComboBox) else ""
            if name and name not in columns:
                columns[str(name)] = r + 1
        lay = self.layout_
        return TemplateMapping(lay.sheet, lay.header_row, lay.header, columns)

    def _preview(self) -> None:
        mapping, lay = self.mapping(), self.layout_
        if mapping is None or lay is None:
            return
        self.preview.setColumnCount(len(lay.header))
        self.preview.setHorizontalHeaderLabels(list(lay.header))
        shown = self.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, row in enumerate(shown):
            values = cell_values(row)
            for name, column in mapping.columns.items():
                self.preview.setItem(r, column - 1, QTableWidgetItem(cell_text(values[name])))
        self.preview.resizeColumnsToContents()

    def save(self) -> bool:
        mapping = self.mapping()
        if mapping is None:
            return False
        ok, _ = attempt(self.banner, save_mapping, self.desk, mapping)
        if ok:
            self.banner.ok(self.tr("The matching is saved."))
        return ok

    def fill(self, out: str | None = None) -> None:
        """Save the matching, then fill a copy of the template for the month."""
        mapping = self.mapping()
        if mapping is None or self.template is None or not self.save():
            return
        name = f"{self.template.stem}_{format_roc_month(self.year, self.month)}.xlsx"
        out = out or common.choose_save_file(
            self, self.tr("Filled template"), name, "Excel (*.xlsx)"
        )
        if not out:
            return
        ok, written = attempt(self.banner, fill_template, self.template, mapping, self.rows, out)
        if ok and written is not None:
            self.banner.ok(self.tr("Saved {path}").format(path=str(written)))
