"""The volunteer list as an Excel workbook: export, a blank template, and a checked import."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from frontdesk.core.privacy import mask_phone
from frontdesk.core.text import for_cell, reads_as_formula
from frontdesk.services import import_staging
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.infiles import VOLUNTEER_XLSX
from frontdesk.services.volunteer_import import plan, refuse_problems
from frontdesk.services.volunteer_sheet import COLUMNS, read_sheet
from frontdesk.store import scratch
from frontdesk.store.models import AuditEntry, Volunteer
from frontdesk.store.paths import refuse_overwrite
from frontdesk.words import workbook

SHEET_TITLE = "志工名冊"


# --- writing ---------------------------------------------------------------------------


def _put(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    """Write a value; text stays text even when it looks like a formula (=, +, -, @).

    Text is cleaned as every workbook's text is (core.text.for_cell), so a name or a note
    stored before input was cleaned cannot break the file.
    """
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = for_cell(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if reads_as_formula(value):
            cell.quotePrefix = True
    return cell


def _header(ws: Worksheet) -> None:
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    widths = (10, 12, 16, 18, 8, 10, 14, 12, 30)
    for col, ((_field, title, _aliases), width) in enumerate(zip(COLUMNS, widths, strict=True), 1):
        cell = _put(ws, 1, col, title)
        cell.font, cell.fill = bold, fill
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"


def _status_validation(ws: Worksheet) -> None:
    """The 狀態 drop-down on every data row an import accepts (infiles.VOLUNTEER_XLSX)."""
    dv = DataValidation(type="list", formula1='"見習,在職,停用"', allow_blank=True)
    dv.add(f"E2:E{VOLUNTEER_XLSX.max_rows + 1}")
    ws.add_data_validation(dv)


def write_template(path: Path, *, db_path: Path | None = None) -> Path:
    """An empty volunteer sheet with the expected headers and a short explanation sheet.

    `db_path`, the desk's database when known, is never written over (WouldOverwriteData).
    """
    path = Path(path)
    refuse_overwrite(path, db_path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_TITLE
    _header(ws)
    _status_validation(ws)
    help_ws = wb.create_sheet("說明")
    notes = (
        "編號：志工編號，英數字或 -，必填（已存在的編號會更新該志工的資料）",
        "姓名：必填",
        "電話：例如 0912-345-678（匯出時預設遮蔽）",
        "語言：例如 國語 台語",
        "狀態：見習、在職或停用（空白為在職）",
        "每週上限：1 到 14 的整數，空白為全所設定",
        "基礎訓練日期：例如 2025-03-01 或 114/03/01；基礎訓練時數：0 到 500",
        "備註：任意文字",
    )
    for i, line in enumerate(notes, 1):
        _put(help_ws, i, 1, line)
    help_ws.column_dimensions["A"].width = 80
    _save(wb, path, db_path)
    return path


def _save(wb: Workbook, path: Path, db_path: Path | None) -> None:
    """Save through a temporary file of ours beside `path` (store.scratch), then os.replace:
    a failed save leaves no half-written workbook, a killed one nothing after the next start.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with scratch.job(db_path) as job:
        tmp = job.beside(path)
        wb.save(tmp)
        tmp.replace(path)


def export_volunteers(desk: Desk, path: Path, include_personal: bool = False) -> int:
    """Write every volunteer to `path`; phones masked unless asked. Returns the row count.

    Every export is written to the audit log with who asked and whether personal data
    was included, before the file is written (a killed export is never unaudited). A name
    that is the desk's database or one of its backups is refused before anything else.
    """
    path = Path(path)
    refuse_overwrite(path, desk.db.path)
    with desk.write() as session:
        vols = list(
            session.scalars(
                select(Volunteer)
                .where(Volunteer.site_id == desk.site_id)
                .options(selectinload(Volunteer.trainings))
                .order_by(Volunteer.code)
            )
        )
        record(
            session,
            desk,
            "volunteer.export",
            "volunteer",
            after={"rows": len(vols), "include_personal": include_personal, "file": path.name},
        )
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_TITLE
    _header(ws)
    _status_validation(ws)
    for r, v in enumerate(vols, 2):
        basic = next((t for t in v.trainings if t.kind == "basic"), None)
        phone = v.phone if include_personal else mask_phone(v.phone)
        values = (
            v.code,
            v.name,
            phone or None,
            v.languages or None,
            workbook.VOLUNTEER_STATUS.get(v.status, v.status),
            v.weekly_max,
            basic.taken_on if basic else None,
            basic.hours if basic else None,
            v.notes or None,
        )
        for c, value in enumerate(values, 1):
            cell = _put(ws, r, c, value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
    _save(wb, path, desk.db.path)
    return len(vols)


# --- reading ---------------------------------------------------------------------------


@dataclass
class ImportReport:
    """Codes added, codes whose data changed, and codes whose row matched what is stored."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def import_volunteers(desk: Desk, path: Path) -> ImportReport:
    """Import a volunteer sheet: every row is checked first; one bad row imports nothing.

    Codes already in the database update that volunteer (a masked phone, as exported,
    keeps the stored number); new codes are added. The sheet is read and checked and its
    changes worked out without the writers' lock (services.volunteer_import); they are
    then staged in short transactions and made visible all at once by one short final
    one (services.import_staging), so the kiosk's scans never wait long behind an import.
    """
    path = Path(path)
    parsed, problems = read_sheet(path)
    if not parsed and not problems:
        raise InvalidInput(
            f"{path} has no volunteer rows", field="file", reason="no_rows", path=str(path)
        )
    now = desk.now()
    with desk.db.read() as session:
        head = session.scalar(select(func.coalesce(func.max(AuditEntry.id), 0)))
        existing = {
            v.code: v
            for v in session.scalars(
                select(Volunteer)
                .where(Volunteer.site_id == desk.site_id)
                .options(selectinload(Volunteer.trainings))
            )
        }
    refuse_problems(path, parsed, existing, problems)
    planned = plan(desk, parsed, existing, now)
    if planned.rows:  # a sheet that changes nothing leaves no trace
        import_staging.run(desk, path.name, planned.rows, int(head or 0), now)
    return ImportReport(planned.added, planned.updated, planned.unchanged)
