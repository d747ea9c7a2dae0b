"""Text from the database never becomes a formula, and characters Excel refuses are dropped."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from frontdesk.core.timeutil import at
from frontdesk.export.cells import Cells, Style, clean, naive_local

NASTY = [
    '=HYPERLINK("http://evil.example","x")',
    "=1+1",
    "+886912345678",
    "-2+3",
    "@SUM(A1:A2)",
    "=",
    "王小明",
    "",
]


@pytest.mark.parametrize("styled", [False, True])
def test_text_cells_read_back_as_the_same_text(tmp_path: Path, styled: bool) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("t")
    cells = Cells(ws)
    style = Style(number_format="@") if styled else None
    for value in NASTY:
        ws.append([cells.text(value, style)])
    ws.append([cells.text("a\x00b\x01c\x0bd\x1fe\ud800f\uffff", style)])
    wb.save(tmp_path / "t.xlsx")
    back = load_workbook(tmp_path / "t.xlsx")["t"]
    for i, value in enumerate(NASTY, start=1):
        c = back.cell(i, 1)
        assert c.value == (value or None)
        if value:
            assert c.data_type == "s", value
    last = back.cell(len(NASTY) + 1, 1)
    assert last.value == "abcdef" and last.data_type == "s"
    assert back.cell(1, 1).quotePrefix  # Excel keeps it text when someone edits it


def test_clean_and_local_times() -> None:
    assert clean("ok\ttab\nline") == "ok\ttab\nline"  # tab and newline are allowed
    assert clean(12) == "12"
    assert len(clean("x" * 40000)) == 32767
    assert naive_local(
        at(datetime(2025, 2, 3).date(), datetime(2025, 2, 3, 8, 25).time())
    ) == datetime(2025, 2, 3, 8, 25)
    assert naive_local(None) is None


def test_a_style_is_hashed_by_identity_not_through_openpyxl_objects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A frozen Style hashed field by field recursed through openpyxl's Font, Border and
    Alignment for every cell: a quarter of the monthly export's time."""
    from openpyxl.styles import Border, Font

    from frontdesk.export.styles import DAY_FILLS, day_style

    def refuse(self: object) -> int:
        raise AssertionError("an openpyxl style object was hashed")

    monkeypatch.setattr(Font, "__hash__", refuse)
    monkeypatch.setattr(Border, "__hash__", refuse)
    style = Style(font=Font(bold=True), border=Border())
    assert {style: 1}[style] == 1
    assert style != Style(font=style.font, border=style.border)  # identity, not fields
    for fill in (None, *DAY_FILLS.values()):
        for center in (False, True):
            assert day_style(fill, center=center) is day_style(fill, center=center)
    assert day_style(None) is not day_style(None, center=True)
