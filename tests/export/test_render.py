"""LibreOffice prints the workbook: the roster on one landscape A4 page, every sheet on A4
at full size (its text as tall as written, not shrunk to fit the width).

Needs `soffice` (apt: libreoffice-calc) and `pdfinfo`/`pdftotext` (apt: poppler-utils); a
missing tool fails the test rather than skipping it.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from frontdesk.export.monthly import export_month
from frontdesk.store.db import Database
from tests.export.scenario import build_february


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, (
        f"{name} is needed for the render check (apt-get install libreoffice-calc poppler-utils)"
    )
    return path


def render_sheet(xlsx: Path, sheet: str, out_dir: Path) -> Path:
    """Keep only `sheet` (openpyxl keeps its page setup) and convert it to PDF headless."""
    wb = load_workbook(xlsx)
    for ws in list(wb.worksheets):
        if ws.title != sheet:
            wb.remove(ws)
    single = out_dir / "sheet.xlsx"
    wb.save(single)
    profile = (out_dir / "lo-profile").as_uri()
    subprocess.run(
        [
            _tool("soffice"),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(single),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = out_dir / "sheet.pdf"
    assert pdf.exists()
    return pdf


def chinese_word_heights(pdf: Path) -> list[float]:
    """The height in points of the box of every printed word with Chinese in it: about 1.16
    times the font size as printed (11.6 for 10 pt at 100%)."""
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', html)
    return [float(y1) - float(y0) for y0, y1, word in boxes if re.search("[\u4e00-\u9fff]", word)]


def pdf_pages(pdf: Path) -> tuple[int, float, float]:
    info = subprocess.run(
        [_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    return pages, w, h


def test_the_roster_prints_on_one_landscape_page(sqlite_db: Database, tmp_path: Path) -> None:
    sc = build_february(sqlite_db)
    # February has every kind of day; a 31-day month (March) is the tallest page.
    for year, month in ((2025, 2), (2025, 3)):
        xlsx = export_month(sc.desk, year, month, tmp_path / f"{year}-{month}.xlsx")
        out = tmp_path / f"r{month}"
        out.mkdir()
        pages, width, height = pdf_pages(render_sheet(xlsx, "月值班表", out))
        assert pages == 1, f"{year}-{month}: the roster took {pages} pages"
        assert width > height and round(width) == 842 and round(height) == 595  # A4 landscape


def test_every_sheet_prints_at_full_size_on_a4(sqlite_db: Database, tmp_path: Path) -> None:
    # Written in 10 and 11 pt, a Chinese word's box is about 11 pt tall at 100%; the old swap
    # and hours sheets, shrunk to fit their width, printed it 6 pt tall (a magnifier's size),
    # the attendance sheet 9.6.
    sc = build_february(sqlite_db)
    xlsx = export_month(sc.desk, 2025, 2, tmp_path / "feb.xlsx")
    for i, sheet in enumerate(load_workbook(xlsx, read_only=True).sheetnames):
        out = tmp_path / f"s{i}"
        out.mkdir()
        pdf = render_sheet(xlsx, sheet, out)
        _pages, width, height = pdf_pages(pdf)
        assert {round(width), round(height)} == {842, 595}, sheet  # A4
        assert (width > height) == (sheet != "時數登錄"), sheet  # the day rows print upright
        heights = chinese_word_heights(pdf)
        assert heights, sheet
        assert statistics.median(heights) >= 10.5, f"{sheet} prints small: {heights[:20]}"
        assert min(heights) >= 8, f"{sheet}: {min(heights)} pt"  # the notes in 8 and 9 pt
