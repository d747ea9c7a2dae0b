"""Reading a volunteer sheet: the header found by its words, each row's cells checked and
turned into a volunteer's input, and the problems of the rows that are not (by row number,
field and reason). The use case that imports them is services.volunteer_io.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from frontdesk.core.roster import VolunteerStatus
from frontdesk.services import infiles
from frontdesk.services.errors import FrontdeskError, InvalidInput
from frontdesk.services.volunteers import VolunteerInput

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


@dataclass
class SheetRow:
    """One checked row: the volunteer's input, the basic training (day, hours), and whether
    the phone came masked (as exported), which keeps the stored number."""

    number: int
    data: VolunteerInput
    training: tuple[date, float] | None
    masked_phone: bool
    phone_text: str


class SheetRowError(Exception):
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
        raise SheetRowError("training_date")
    year = int(m.group(1))
    if year < 1911:  # 民國 year, as on government forms: 114/03/01
        year += 1911
    try:
        return date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise SheetRowError("training_date") from None


def _number(cell: Cell | None, field_name: str) -> float | None:
    if cell is None or cell.value in (None, ""):
        return None
    value = cell.value
    if isinstance(value, bool):
        raise SheetRowError(field_name)
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        raise SheetRowError(field_name) from None


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


def _parse_row(number: int, cells: dict[str, Cell | None]) -> SheetRow:
    for name, cell in cells.items():
        if cell is not None and cell.data_type == "f":
            raise SheetRowError(name, "formula")
    code = _text(cells.get("code"))
    if not code:
        raise SheetRowError("code", "required")
    name = _text(cells.get("name"))
    if not name:
        raise SheetRowError("name", "required")
    status_text = _text(cells.get("status"))
    status = STATUS_WORDS.get(status_text.lower() or "active")
    if status is None:
        raise SheetRowError("status")
    weekly = _number(cells.get("weekly_max"), "weekly_max")
    if weekly is not None and not weekly.is_integer():
        raise SheetRowError("weekly_max")
    taken = _date(cells.get("training_date"))
    hours = _number(cells.get("training_hours"), "training_hours")
    if hours is not None and taken is None:
        raise SheetRowError("training_date", "required")
    if hours is not None and not 0 <= hours <= 500:
        raise SheetRowError("training_hours")
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
        raise SheetRowError(str(exc.facts.get("field") or "code")) from None
    return SheetRow(number, data, (taken, hours or 0.0) if taken else None, masked, phone)


def read_sheet(path: Path) -> tuple[list[SheetRow], list[tuple[int, str, str]]]:
    """Every row of the sheet in `path` parsed, and the problems of the rows that are not."""
    wb, ws = _open_sheet(path)
    parsed: list[SheetRow] = []
    problems: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    try:
        for number, cells in _rows(ws, path):
            try:
                row = _parse_row(number, cells)
            except SheetRowError as exc:
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
