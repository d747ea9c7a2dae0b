"""The monthly workbook on paper: every sheet A4, one page wide at 100%, its header rows on
every page; dates in ROC words only; people by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import update

from frontdesk.export.monthly import export_month
from frontdesk.export.styles import PRINTABLE_PX, printed_px
from frontdesk.store.db import Database
from frontdesk.store.models import SwapRequest
from tests.export.helpers import row_values
from tests.export.scenario import SUPERVISOR_NAME, Scenario, build_february

# A western date written out: 2025-02-03, 2025/02/03, 2025/2/3 (a ROC year has 3 digits).
WESTERN = re.compile(r"(?<!\d)(19|20)\d\d[-/.年](0?[1-9]|1[0-2])[-/.月](0?[1-9]|[12]\d|3[01])")
ORIENTATION = {
    "月值班表": "landscape",
    "簽到簽退紀錄": "landscape",
    "服務時數": "landscape",
    "時數登錄": "portrait",
    "換班紀錄": "landscape",
}
TITLE_ROWS = {
    "月值班表": "$1:$3",
    "簽到簽退紀錄": "$1:$1",
    "服務時數": "$1:$2",
    "時數登錄": "$1:$1",
    "換班紀錄": "$1:$2",
}


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workbook, Scenario]:
    from frontdesk.store.migrate import upgrade

    folder = tmp_path_factory.mktemp("paper")
    db = Database(f"sqlite+pysqlite:///{folder / 'fd.sqlite3'}")
    upgrade(db)
    sc = build_february(db)
    yield load_workbook(export_month(sc.desk, 2025, 2, folder / "feb.xlsx")), sc
    db.dispose()


def printed_widths(ws: Worksheet) -> list[float]:
    """The widths of the columns that print: those in use and not hidden."""
    out = []
    for i in range(1, ws.max_column + 1):
        dim = ws.column_dimensions.get(get_column_letter(i))
        assert dim is not None and dim.width, f"{ws.title}: column {i} has no width"
        if not dim.hidden:
            out.append(dim.width)
    return out


def test_every_sheet_prints_on_a4_one_page_wide_at_full_size(
    book: tuple[Workbook, Scenario],
) -> None:
    wb, _ = book
    assert set(wb.sheetnames) == set(ORIENTATION)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9, ws.title  # A4
        assert setup.orientation == ORIENTATION[ws.title], ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title  # width only
        # fitting to the width shrinks nothing: the printed columns are no wider than A4
        width = printed_px(printed_widths(ws))
        assert width <= PRINTABLE_PX[ORIENTATION[ws.title]], f"{ws.title}: {width:.0f} px"


def test_every_sheet_repeats_its_header_rows_on_every_page(
    book: tuple[Workbook, Scenario],
) -> None:
    wb, _ = book
    for ws in wb.worksheets:
        assert ws.print_title_rows == TITLE_ROWS[ws.title], ws.title
    last = {ws.title: row_values(ws, int(TITLE_ROWS[ws.title][-1])) for ws in wb.worksheets}
    assert last["時數登錄"][:3] == ["志工編號", "姓名", "服務日期"]
    assert last["服務時數"][:2] == ["志工編號", "姓名"]
    assert last["換班紀錄"][:2] == ["編號", "類型"]


def test_long_words_wrap_and_their_rows_are_tall_enough(book: tuple[Workbook, Scenario]) -> None:
    wb, _ = book
    ws = wb["換班紀錄"]
    col = {name: i for i, name in enumerate(row_values(ws, 2))}
    for row in ws.iter_rows(min_row=3):
        for cell in row[: col["決定理由"] + 1]:
            if isinstance(cell.value, str):
                assert cell.alignment.wrap_text, cell.coordinate
    # 「家中有事」 and 「督導協助安排」 each take two lines in their narrow columns
    arranged = next(r for r in ws.iter_rows(min_row=3) if r[col["類型"]].value == "請督導安排")
    assert ws.row_dimensions[arranged[0].row].height >= 2 * 10 * 1.2


def test_no_date_is_written_the_western_way(book: tuple[Workbook, Scenario]) -> None:
    wb, _ = book
    for ws in wb.worksheets:
        texts = [ws.oddHeader.center.text or "", ws.oddFooter.center.text or ""]
        for row in ws.iter_rows():
            for cell in row:
                column = ws.column_dimensions.get(get_column_letter(cell.column))
                hidden = column is not None and column.hidden
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                elif getattr(cell, "is_date", False) and not hidden:
                    # a real date may show only its time of day where people read it
                    assert not re.search("[yd]", cell.number_format, re.I), (
                        f"{ws.title}!{cell.coordinate} shows a western date"
                    )
        for text in texts:
            assert not WESTERN.search(text), f"{ws.title}: {text!r}"
    assert any("114/02/" in str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r)


def test_the_decider_is_named_as_a_person(book: tuple[Workbook, Scenario]) -> None:
    wb, _ = book
    ws = wb["換班紀錄"]
    col = {name: i for i, name in enumerate(row_values(ws, 2))}
    deciders = [r[col["決定者"]].value for r in ws.iter_rows(min_row=3)]
    assert deciders == [SUPERVISOR_NAME] * 3
    assert "supervisor" not in "".join(map(str, deciders))


def test_a_decider_recorded_by_user_name_alone_and_the_system_are_named(
    sqlite_db: Database, tmp_path: Path
) -> None:
    # Older versions recorded the demo supervisor as the bare user name; a request that ran
    # out is decided by the system, and one the colleague turned down by that colleague.
    sc = build_february(sqlite_db)
    with sqlite_db.write() as s:
        s.execute(
            update(SwapRequest).where(SwapRequest.id == sc.swap_exchange).values(decided_by="chen")
        )
        s.execute(
            update(SwapRequest)
            .where(SwapRequest.id == sc.swap_arranged)
            .values(decided_by="system")
        )
        s.execute(
            update(SwapRequest)
            .where(SwapRequest.id == sc.swap_rejected)
            .values(decided_by="kiosk", declined=True)
        )
    ws = load_workbook(export_month(sc.desk, 2025, 2, tmp_path / "m.xlsx"))["換班紀錄"]
    col = {name: i for i, name in enumerate(row_values(ws, 2))}
    by_kind = {r[col["類型"]].value: r[col["決定者"]].value for r in ws.iter_rows(min_row=3)}
    assert by_kind == {"互換": SUPERVISOR_NAME, "請督導安排": "系統", "代班": "林志強"}
