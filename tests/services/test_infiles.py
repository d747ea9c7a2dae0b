"""Hostile and mistaken input files are measured and refused in a sentence before being read."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from frontdesk.services import calendar as cal
from frontdesk.services import infiles, volunteer_sheet
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.volunteer_io import import_volunteers
from frontdesk.words.errors import describe_error

MIB = 1024 * 1024
HEADER = ["編號", "姓名", "電話"]


def _workbook(path: Path, rows: int = 2) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    for i in range(rows):
        ws.append([f"V{i:03d}", "王小明", "0912-345-678"])
    wb.save(path)
    return path


def _rewrite_sheet(src: Path, dst: Path, edit: Any) -> Path:
    """A copy of the workbook `src` with its sheet's XML passed through `edit`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode()).encode()
            zout.writestr(info.filename, data)
    return dst


def _bomb(tmp_path: Path, unpacked: int = 100 * MIB) -> Path:
    """A real workbook whose sheet is padded, streaming, to `unpacked` bytes of XML."""
    src = _workbook(tmp_path / "src.xlsx")
    dst = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src) as zin:
        sheet = zin.read("xl/worksheets/sheet1.xml")
        head, tail = sheet.split(b"</worksheet>")
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
            for info in zin.infolist():
                if info.filename != "xl/worksheets/sheet1.xml":
                    zout.writestr(info.filename, zin.read(info))
            with zout.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                f.write(head)
                spaces = b" " * MIB
                for _ in range(unpacked // MIB):
                    f.write(spaces)  # whitespace: still well-formed XML
                f.write(b"</worksheet>" + tail)
    return dst


@pytest.fixture
def unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the workbook reaches openpyxl."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was read before it was measured")

    monkeypatch.setattr(volunteer_sheet, "load_workbook", refuse)


def _refusal(desk: Desk, path: Path) -> tuple[InvalidInput, float]:
    start = time.perf_counter()
    with pytest.raises(InvalidInput) as exc:
        import_volunteers(desk, path)
    return exc.value, time.perf_counter() - start


def test_a_zip_bomb_is_refused_unread_in_a_sentence(
    desk: Desk, tmp_path: Path, unread: None
) -> None:
    path = _bomb(tmp_path)
    assert path.stat().st_size < MIB  # 100 MB of XML in a small file
    exc, seconds = _refusal(desk, path)
    assert exc.facts["reason"] == "too_big_unpacked"
    assert describe_error(exc) == (
        f"{path} would unpack to 100.0 MB, more than a workbook to import can be (64.0 MB); "
        "nothing was read."
    )
    assert seconds < 1.0


def test_a_member_packed_like_a_bomb_is_refused_even_under_the_size_limit(
    desk: Desk, tmp_path: Path, unread: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(infiles, "VOLUNTEER_XLSX", infiles.Limits(20 * MIB, 200 * MIB, 200, 50_000))
    exc, _ = _refusal(desk, _bomb(tmp_path, unpacked=4 * MIB))
    assert exc.facts["reason"] == "packed_too_tightly"
    assert re.fullmatch(
        r".* is packed \d+ to 1, far tighter than a real workbook \(at most 200 to 1\); "
        r"nothing was read\.",
        describe_error(exc),
    )


def test_a_small_unpacked_limit_refuses_an_ordinary_workbook(
    desk: Desk, tmp_path: Path, unread: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(infiles, "VOLUNTEER_XLSX", infiles.Limits(20 * MIB, 4000, 200, 50_000))
    exc, _ = _refusal(desk, _workbook(tmp_path / "v.xlsx"))
    assert (exc.facts["reason"], exc.facts["limit"]) == ("too_big_unpacked", "0.0")


def test_a_file_too_big_on_disk_is_refused_unread(
    desk: Desk, tmp_path: Path, unread: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(infiles, "VOLUNTEER_XLSX", infiles.Limits(1000, 64 * MIB, 200, 50_000))
    path = _workbook(tmp_path / "v.xlsx", rows=200)
    exc, _ = _refusal(desk, path)
    assert exc.facts["reason"] == "too_big"
    assert describe_error(exc).startswith(f"{path} is ")


def _declaring(tmp_path: Path, last_row: int, *, dimension: bool) -> Path:
    """A workbook with a header, one volunteer, and one more cell on row `last_row`."""

    def edit(xml: str) -> str:
        row = f'<row r="{last_row}"><c r="A{last_row}" t="inlineStr"><is><t>X</t></is></c></row>'
        xml = xml.replace("</sheetData>", row + "</sheetData>")
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', "", xml)
        if dimension:
            xml = xml.replace("<sheetViews>", f'<dimension ref="A1:C{last_row}"/><sheetViews>')
        return xml

    return _rewrite_sheet(_workbook(tmp_path / "src.xlsx", rows=1), tmp_path / "rows.xlsx", edit)


def test_a_sheet_declaring_more_rows_than_excel_is_refused_before_any_row(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_row(*args: object) -> None:
        raise AssertionError("a row was read")

    monkeypatch.setattr(volunteer_sheet, "_parse_row", no_row)
    path = _declaring(tmp_path, 1_048_576, dimension=True)
    exc, seconds = _refusal(desk, path)
    assert exc.facts["reason"] == "too_many_rows"
    assert describe_error(exc) == f"{path} has more than 50000 rows; split it into smaller files."
    assert seconds < 1.0


def test_a_sheet_that_hides_its_rows_is_stopped_at_the_first_row_too_many(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    parse = volunteer_sheet._parse_row

    def counting(number: int, cells: Any) -> Any:
        seen.append(number)
        return parse(number, cells)

    monkeypatch.setattr(volunteer_sheet, "_parse_row", counting)
    monkeypatch.setattr(infiles, "VOLUNTEER_XLSX", infiles.Limits(20 * MIB, 64 * MIB, 200, 5))
    exc, _ = _refusal(desk, _declaring(tmp_path, 1_048_576, dimension=False))
    assert exc.facts["reason"] == "too_many_rows"
    assert seen == [2]  # the one volunteer; the empty rows after it are not parsed either


def test_rows_past_a_sheet_that_declares_too_few_are_still_read(desk: Desk, tmp_path: Path) -> None:
    def understate(xml: str) -> str:
        return re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1"/>', xml)

    src = _workbook(tmp_path / "src.xlsx", rows=3)
    report = import_volunteers(desk, _rewrite_sheet(src, tmp_path / "few.xlsx", understate))
    assert report.added == ["V000", "V001", "V002"]


@pytest.mark.parametrize(
    ("content", "reason", "sentence"),
    [
        (b"", "empty_file", "{path} is empty."),
        (b"PK\x03\x04 not really a zip", "not_xlsx", "{path} is not an Excel workbook (.xlsx)."),
        ("編號,姓名\nV1,王\n".encode(), "not_xlsx", None),
    ],
    ids=["empty", "broken-zip", "csv-named-xlsx"],
)
def test_a_file_that_is_no_workbook_is_named(
    desk: Desk, tmp_path: Path, content: bytes, reason: str, sentence: str | None
) -> None:
    path = tmp_path / "v.xlsx"
    path.write_bytes(content)
    exc, _ = _refusal(desk, path)
    assert exc.facts["reason"] == reason
    assert describe_error(exc) == (sentence or "{path} is not an Excel workbook (.xlsx).").format(
        path=path
    )


def test_a_calendar_file_too_big_is_refused_unread(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unread(*args: object) -> None:
        raise AssertionError("the calendar file was parsed")

    monkeypatch.setattr(cal, "parse_dgpa_csv", unread)
    path = tmp_path / "calendar.csv"
    with path.open("wb") as f:
        f.truncate(210 * MIB)  # sparse: 210 MB on paper, nothing on disk
    with pytest.raises(InvalidInput) as exc:
        cal.import_dgpa_file(desk, path)
    assert exc.value.facts["reason"] == "too_big"
    assert describe_error(exc.value) == (
        f"{path} is 210.0 MB, more than such a file can be (1.0 MB); nothing was read."
    )
    path.write_bytes(b"")
    with pytest.raises(InvalidInput) as exc:
        cal.import_dgpa_file(desk, path)
    assert describe_error(exc.value) == f"{path} is empty."
    with pytest.raises(NotFound):
        cal.import_dgpa_file(desk, tmp_path / "missing.csv")
