"""The volunteer list as an Excel workbook: export, a blank template, and a checked import."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from frontdesk.core.privacy import mask_phone
from frontdesk.core.roster import VolunteerStatus
from frontdesk.core.text import for_cell, reads_as_formula
from frontdesk.services import infiles
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.context import Desk
from frontdesk.services.errors import FrontdeskError, InvalidInput
from frontdesk.services.volunteers import VolunteerInput, add_in_session, apply_status, state_of
from frontdesk.store import scratch
from frontdesk.store.models import Training, Volunteer
from frontdesk.store.paths import refuse_overwrite
from frontdesk.words import workbook

SHEET_TITLE = "志工名冊"
BASIC_TITLE = "基礎訓練"

# (field, the Chinese header written, other headers accepted on import)
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("code", "編號", ("code", "志工編號")),
    ("name", "姓名", ("name",)),
    ("phone", "電話", ("phone", "手機")),
    ("languages", "語言", ("languages", "language")),
    ("status", "狀態", ("status",)),
    ("weekly_max", "每週上限", ("weekly max", "weekly_max")),
    ("training_date", "基礎訓練日期", ("basic training date", "training_date")),
    ("training_hours", "基礎訓練時數", ("basic training hours", "training_hours")),
    ("notes", "備註", ("notes",)),
)
STATUS_WORDS = {
    "trainee": VolunteerStatus.TRAINEE.value,
    "見習": VolunteerStatus.TRAINEE.value,
    "active": VolunteerStatus.ACTIVE.value,
    "在職": VolunteerStatus.ACTIVE.value,
    "inactive": VolunteerStatus.INACTIVE.value,
    "停用": VolunteerStatus.INACTIVE.value,
}
# National ID numbers are never stored (個人資料保護法): a sheet with such a column is refused.
_NATIONAL_ID_WORDS = (
    "身分證",
    "身份證",
    "統一證號",
    "居留證",
    "national id",
    "id number",
    "id_number",
)
_HEADER_SCAN_ROWS = 10


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
    dv = DataValidation(type="list", formula1='"見習,在職,停用"', allow_blank=True)
    dv.add("E2:E1000")
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
    with desk.db.write() as session:
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


@dataclass
class _Row:
    number: int
    data: VolunteerInput
    training: tuple[date, float] | None
    masked_phone: bool
    phone_text: str


class _RowError(Exception):
    def __init__(self, field_name: str, reason: str = "invalid") -> None:
        super().__init__(field_name)
        self.field = field_name
        self.reason = reason


def _open_sheet(path: Path) -> tuple[Any, Any]:
    """(workbook, sheet) of the volunteer list in `path`, opened read-only (streaming).

    The file is measured first (services.infiles: size, unpacked size, packing ratio);
    a sheet that declares more rows than the limit is refused before any row is read.
    The caller closes the workbook.
    """
    limits = infiles.VOLUNTEER_XLSX
    infiles.measure_zip(path, limits, not_this_kind="not_xlsx")
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    # A damaged file can fail anywhere inside openpyxl (malformed XML raises ParseError,
    # odd parts TypeError...): whatever it is, the answer is "not an xlsx workbook".
    except Exception:
        raise _not_xlsx(path) from None
    try:
        for ws in wb.worksheets:
            if (ws.max_row or 0) > limits.max_rows + _HEADER_SCAN_ROWS:
                raise infiles.too_many_rows(path, limits)
            ws.reset_dimensions()  # read every row there is, whatever the sheet declares
            found = _find_header(ws)
            if found is not None:
                _refuse_national_id(ws, found[0], path)
                return wb, ws
        raise InvalidInput(
            f"{path} has no header row with 編號 and 姓名",
            field="file",
            reason="no_header",
            path=str(path),
        )
    except BaseException:
        wb.close()
        raise


def _not_xlsx(path: Path) -> InvalidInput:
    return InvalidInput(
        f"{path} is not an xlsx workbook", field="file", reason="not_xlsx", path=str(path)
    )


def _refuse_national_id(ws: Worksheet, header_row: int, path: Path) -> None:
    for cells in ws.iter_rows(min_row=header_row, max_row=header_row, values_only=True):
        for value in cells:
            title = _norm(value)
            if title and any(word in title for word in _NATIONAL_ID_WORDS):
                raise InvalidInput(
                    f"{path} has a national ID column ({value}); such numbers are not kept",
                    field="file",
                    reason="national_id",
                    path=str(path),
                    column=str(value),
                )


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def _find_header(ws: Worksheet) -> tuple[int, dict[str, int]] | None:
    """(header row number, field -> column number) of the first row naming 編號 and 姓名."""
    lookup: dict[str, str] = {}
    for field_name, title, aliases in COLUMNS:
        for word in (title, *aliases):
            lookup[_norm(word)] = field_name
    for r, cells in enumerate(ws.iter_rows(max_row=_HEADER_SCAN_ROWS, values_only=True), 1):
        found: dict[str, int] = {}
        for c, value in enumerate(cells, 1):
            known = lookup.get(_norm(value))
            if known is not None and known not in found:
                found[known] = c
        if "code" in found and "name" in found:
            return r, found
    return None


def _text(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _phone(cell: Cell | None) -> str:
    if (
        cell is not None
        and isinstance(cell.value, int | float)
        and not isinstance(cell.value, bool)
    ):
        digits = str(int(cell.value))
        # Excel turns 0912345678 into the number 912345678
        return "0" + digits if len(digits) == 9 and digits.startswith("9") else digits
    return _text(cell)


def _date(cell: Cell | None) -> date | None:
    if cell is None or cell.value in (None, ""):
        return None
    value = cell.value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = re.fullmatch(r"(\d{2,4})[-/.](\d{1,2})[-/.](\d{1,2})", str(value).strip())
    if not m:
        raise _RowError("training_date")
    year = int(m.group(1))
    if year < 1911:  # 民國 year, as on government forms: 114/03/01
        year += 1911
    try:
        return date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise _RowError("training_date") from None


def _number(cell: Cell | None, field_name: str) -> float | None:
    if cell is None or cell.value in (None, ""):
        return None
    value = cell.value
    if isinstance(value, bool):
        raise _RowError(field_name)
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        raise _RowError(field_name) from None


def _rows(ws: Any, path: Path) -> Iterator[tuple[int, dict[str, Cell | None]]]:
    found = _find_header(ws)
    assert found is not None
    header_row, columns = found
    limits = infiles.VOLUNTEER_XLSX
    for r, cells in enumerate(ws.iter_rows(min_row=header_row + 1), header_row + 1):
        if r - header_row > limits.max_rows:  # streaming: stops at the first row too many
            raise infiles.too_many_rows(path, limits)
        by_field: dict[str, Cell | None] = {
            name: cells[c - 1] if c - 1 < len(cells) else None for name, c in columns.items()
        }
        if all(_text(cell) == "" for cell in by_field.values()):
            continue
        yield r, by_field


def _parse_row(number: int, cells: dict[str, Cell | None]) -> _Row:
    for name, cell in cells.items():
        if cell is not None and cell.data_type == "f":
            raise _RowError(name, "formula")
    code = _text(cells.get("code"))
    if not code:
        raise _RowError("code", "required")
    name = _text(cells.get("name"))
    if not name:
        raise _RowError("name", "required")
    status_text = _text(cells.get("status"))
    status = STATUS_WORDS.get(status_text.lower() or "active")
    if status is None:
        raise _RowError("status")
    weekly = _number(cells.get("weekly_max"), "weekly_max")
    if weekly is not None and not weekly.is_integer():
        raise _RowError("weekly_max")
    taken = _date(cells.get("training_date"))
    hours = _number(cells.get("training_hours"), "training_hours")
    if hours is not None and taken is None:
        raise _RowError("training_date", "required")
    if hours is not None and not 0 <= hours <= 500:
        raise _RowError("training_hours")
    phone = _phone(cells.get("phone"))
    masked = "*" in phone
    data = VolunteerInput(
        code=code,
        name=name,
        phone=None if masked else (phone or None),
        languages=_text(cells.get("languages")),
        status=status,
        weekly_max=None if weekly is None else int(weekly),
        notes=_text(cells.get("notes")),
        trainings=[("basic", BASIC_TITLE, taken, hours or 0.0)] if taken else [],
    )
    try:
        data = data.validated()
    except InvalidInput as exc:
        raise _RowError(str(exc.facts.get("field") or "code")) from None
    return _Row(number, data, (taken, hours or 0.0) if taken else None, masked, phone)


def _read(path: Path) -> tuple[list[_Row], list[tuple[int, str, str]]]:
    """Every row of the sheet in `path` parsed, and the problems of the rows that are not."""
    wb, ws = _open_sheet(path)
    parsed: list[_Row] = []
    problems: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    try:
        for number, cells in _rows(ws, path):
            try:
                row = _parse_row(number, cells)
            except _RowError as exc:
                problems.append((number, exc.field, exc.reason))
                continue
            if row.data.code in seen:
                problems.append((number, "code", "duplicate"))
                continue
            seen[row.data.code] = number
            parsed.append(row)
    except FrontdeskError:
        raise
    # Streaming, a damaged sheet fails while its rows are read: as when it is opened.
    except Exception:
        raise _not_xlsx(path) from None
    finally:
        wb.close()
    return parsed, problems


def import_volunteers(desk: Desk, path: Path) -> ImportReport:
    """Import a volunteer sheet: every row is checked first; one bad row imports nothing.

    Codes already in the database update that volunteer (a masked phone, as exported,
    keeps the stored number); new codes are added. All in one transaction.
    """
    path = Path(path)
    parsed, problems = _read(path)
    if not parsed and not problems:
        raise InvalidInput(
            f"{path} has no volunteer rows", field="file", reason="no_rows", path=str(path)
        )
    report = ImportReport()
    with desk.db.write() as session:
        existing = {
            v.code: v
            for v in session.scalars(
                select(Volunteer)
                .where(Volunteer.site_id == desk.site_id)
                .options(selectinload(Volunteer.trainings))
            )
        }
        for row in parsed:
            current = existing.get(row.data.code)
            if current is not None and current.purged_at is not None:
                problems.append((row.number, "code", "purged"))
                continue
            if row.masked_phone and (
                row.data.code not in existing
                or mask_phone(existing[row.data.code].phone) != row.phone_text
            ):
                problems.append((row.number, "phone", "masked"))
        if problems:
            problems.sort()
            raise InvalidInput(
                f"{len(problems)} rows of {path.name} need fixing",
                field="rows",
                rows=problems,
                path=str(path),
            )
        for row in parsed:
            current = existing.get(row.data.code)
            if current is None:
                add_in_session(session, desk, row.data)
                report.added.append(row.data.code)
            elif _update(session, desk, current, row):
                report.updated.append(row.data.code)
            else:
                report.unchanged.append(row.data.code)
        if report.added or report.updated:  # a sheet that changes nothing leaves no trace
            record(
                session,
                desk,
                "volunteer.import",
                "volunteer",
                after={
                    "file": path.name,
                    "added": len(report.added),
                    "updated": len(report.updated),
                },
            )
    return report


def _update(session: Session, desk: Desk, v: Volunteer, row: _Row) -> bool:
    """Apply one sheet row to its volunteer; False (no audit entry) when the row holds
    what is stored already."""
    data = row.data
    was, before = state_of(v), snapshot(v)
    v.name, v.languages, v.notes, v.weekly_max = (
        data.name,
        data.languages,
        data.notes,
        data.weekly_max,
    )
    if not row.masked_phone:
        v.phone = data.phone
    apply_status(v, data.status, desk.now())
    if row.training is not None:
        taken, hours = row.training
        same = next((t for t in v.trainings if t.kind == "basic" and t.taken_on == taken), None)
        if same is None:
            v.trainings.append(
                Training(kind="basic", title=BASIC_TITLE, taken_on=taken, hours=hours)
            )
        elif same.hours != hours:
            same.hours = hours
    if state_of(v) == was:
        return False
    session.flush()
    record(
        session,
        desk,
        "volunteer.update",
        "volunteer",
        v.id,
        before=before,
        after={**snapshot(v), "source": "import"},
    )
    return True
