"""The year's service report workbook (export.year), read back: every month present, each
month's figures equal to that month's own workbook for the same data, the year's totals
the sums of the months, two charts on the summary, A4 and ROC dates on every sheet."""

from __future__ import annotations

import dataclasses
import subprocess
import unicodedata
import zipfile
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, LineChart
from openpyxl.worksheet.worksheet import Worksheet

from frontdesk.core.phone_tests import AnswerWay, CallMarks, ContentWay
from frontdesk.core.timeutil import at
from frontdesk.export.monthly import export_month
from frontdesk.export.year import export_year
from frontdesk.services import phone_tests, records, volunteers
from frontdesk.services.errors import InvalidInput
from frontdesk.services.year_report import parse_year, year_report
from frontdesk.words import year_report as w
from frontdesk.words.workbook import SHEET_HOURS, SHEET_SWAPS
from tests.export.helpers import find_row, row_values
from tests.export.scenario import Scenario
from tests.export.test_render import _tool, pdf_pages

MARKS = CallMarks(
    answer_way=AnswerWay.PERSON,
    ring_seconds=8,
    states_unit=True,
    greets=True,
    tone_band="warm",
    tone=10,
    closes_politely=True,
    content_way=ContentWay.OFFICER,
    content_band="detailed",
    content=30,
)  # 100
LOW = dataclasses.replace(
    MARKS, ring_seconds=20, tone_band="plain", tone=5, content=20
)  # 10 + 10 + 10 + 5 + 10 + 20 = 65


def add_year(s: Scenario) -> None:
    """Beside the lived-in February: phone tests in February and June, trainings in May."""
    desk = s.desk
    for when, marks, who in (
        (date(2025, 2, 3), MARKS, s.ids["A"]),
        (date(2025, 2, 17), LOW, s.ids["B"]),
        (date(2025, 6, 9), LOW, s.ids["A"]),
    ):
        phone_tests.record_test(
            desk, phone_tests.TestForm(at(when, time(10)), marks, volunteer_id=who, tester="衛生局")
        )
    low = next(t for t in phone_tests.history(desk) if t.tested_at.month == 2 and t.total == 65)
    phone_tests.record_follow_up(desk, low.id, "督導說明轉接分機表", date(2025, 3, 5))
    for who in ("A", "B"):
        volunteers.add_training(desk, s.ids[who], "special", "電話禮貌講習", date(2025, 5, 7), 2)
    records.add_grant(desk, "A01", "certificate", date(2025, 4, 1))  # 績效證明書 received
    s.clock.set(date(2026, 1, 12), 9)  # the January report


@pytest.fixture
def year(february_sqlite: Scenario, tmp_path: Path) -> tuple[Scenario, Path]:
    add_year(february_sqlite)
    out = export_year(february_sqlite.desk, 2025, tmp_path / "year.xlsx")
    return february_sqlite, out


def month_rows(ws: Worksheet) -> dict[str, list[object]]:
    """The rows under the header whose first cell names a month (1月 … 12月)."""
    return {
        str(r[0]): list(r)
        for r in ws.iter_rows(min_row=3, values_only=True)
        if isinstance(r[0], str) and r[0].endswith("月") and r[0][:-1].isdigit()
    }


def test_every_month_is_present_on_every_sheet(year: tuple[Scenario, Path]) -> None:
    _s, path = year
    wb = load_workbook(path)
    assert wb.sheetnames == list(w.SHEETS)
    for name in (w.SHEET_DUTY, w.SHEET_SWAPS, w.SHEET_PHONE, w.SHEET_LEARNING):
        assert list(month_rows(wb[name])) == [f"{m}月" for m in range(1, 13)], name
    summary = wb[w.SHEET_SUMMARY]
    assert summary["A1"].value == "測試衛生所 民國114年 志工服務年度成果報告"
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title


def test_each_month_equals_its_monthly_workbook_and_the_total_their_sum(
    year: tuple[Scenario, Path], tmp_path: Path
) -> None:
    s, path = year
    duty = load_workbook(path)[w.SHEET_DUTY]
    rows = month_rows(duty)
    header = [c.value for c in duty[2]]
    col = {h: header.index(h) for h in header}
    sums = dict.fromkeys(("排班人次", "實到人次", "遲到", "早退", "缺勤", "臨時支援"), 0)
    hours = 0.0
    asked: dict[int, int] = {}  # swap id: the month it was asked in
    for m in range(1, 13):
        monthly = load_workbook(export_month(s.desk, 2025, m, tmp_path / f"m{m}.xlsx"))
        hs = monthly[SHEET_HOURS]
        total = row_values(hs, find_row(hs, 1, "合計"))
        # 本月排班, 本月實到, 遲到, 早退, 缺勤, 臨時, 本月時數 (export.hours.SUMMARY_COLUMNS)
        expected = dict(zip(sums, total[5:11], strict=True))
        row = rows[f"{m}月"]
        assert {k: row[col[k]] for k in sums} == expected, m
        assert row[col["服務時數"]] == pytest.approx(total[11]), m
        for k in sums:
            sums[k] += int(expected[k])
        hours += float(total[11])
        # Each month's swap sheet lists the swaps of its duties; gathered over the year, by
        # the month they were asked in, they are the year's count of swaps asked.
        for r in monthly[SHEET_SWAPS].iter_rows(min_row=3, values_only=True):
            if r[0] is not None and r[21] is not None:
                asked[r[0]] = r[21].month
    swaps = load_workbook(path)[w.SHEET_SWAPS]
    for m in range(1, 13):
        in_month = sum(1 for month in asked.values() if month == m)
        assert month_rows(swaps)[f"{m}月"][-1] == in_month, m
    assert asked  # the year has swaps to compare
    total_row = row_values(duty, find_row(duty, 1, w.TOTAL))
    assert {k: total_row[col[k]] for k in sums} == sums
    assert total_row[col["服務時數"]] == pytest.approx(hours)
    assert sums["實到人次"] > 5 and sums["缺勤"] >= 2 and sums["臨時支援"] >= 1  # the data is real


def test_the_february_figures(year: tuple[Scenario, Path]) -> None:
    s, _path = year
    r = year_report(s.desk, 2025)
    feb = r.duty[1]
    assert feb.closed_slots == 3  # 2/12 both slots, 2/13 the afternoon
    assert r.duty[2].closed_slots == 1  # 3/4 morning (停電)
    assert 0 < feb.staffed <= feb.required and feb.coverage is not None
    assert sum(feb.swaps.values()) == 2  # the cover asked 2/16, the one refused 2/1
    assert r.duty[0].swaps[("exchange", "approved")] == 1  # asked in January
    assert [p.count for p in r.phone] == [0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert r.phone[1].average == 82.5 and r.phone[2].follow_ups_done == 1
    assert r.learning[4].trainings == 1 and r.learning[4].trained == 2
    assert r.learning[4].training_minutes == 240
    assert [m.granted for m in r.learning] == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]


def _cells(wb: Workbook, ref: str) -> list[object]:
    """The values a chart reference such as '年度摘要'!$C$13:$C$24 points at."""
    sheet, cells = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    return [c.value for row in ws[cells.replace("$", "")] for c in row]


def test_the_phone_chart_reads_and_draws_the_months_tested(year: tuple[Scenario, Path]) -> None:
    """「每月電話禮貌測試平均分數」 was empty while the table showed the months' averages: its
    references are read back and point at those values, and each month is a marked point
    with the months between passed over (a bare line through gaps drew nothing)."""
    _s, path = year
    wb = load_workbook(path)
    summary = wb[w.SHEET_SUMMARY]
    charts = summary._charts  # openpyxl keeps the charts it read there
    (line,) = [c for c in charts if isinstance(c, LineChart)]
    (bar,) = [c for c in charts if isinstance(c, BarChart)]
    (series,) = line.series
    values = _cells(wb, series.val.numRef.f)
    months = _cells(wb, series.cat.numRef.f if series.cat.numRef else series.cat.strRef.f)
    assert months == [f"{m}月" for m in range(1, 13)]
    r = year_report(_s.desk, 2025)
    assert values == [p.average for p in r.phone]
    assert {m: v for m, v in zip(months, values, strict=True) if v is not None} == {
        "2月": 82.5,
        "6月": 65.0,
    }
    assert series.marker is not None and series.marker.symbol not in (None, "none")
    assert line.display_blanks == "span"
    assert series.dLbls is not None and series.dLbls.showVal
    (bars,) = bar.series
    assert _cells(wb, bars.val.numRef.f) == [d.coverage for d in r.duty]


def test_the_summary_has_two_charts_and_the_phone_sheet_the_trend(
    year: tuple[Scenario, Path],
) -> None:
    _s, path = year
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xml = "".join(z.read(n).decode() for n in charts)
    assert len(charts) == 2
    assert "barChart" in xml and "lineChart" in xml
    assert "每月值勤涵蓋率" in xml and "每月電話禮貌測試平均分數" in xml
    wb = load_workbook(path)
    phone = month_rows(wb[w.SHEET_PHONE])
    assert [phone[f"{m}月"][1] for m in (2, 6)] == [2, 1] and phone["2月"][2] == 82.5
    tests = [r for r in wb[w.SHEET_TESTS].iter_rows(min_row=3, values_only=True) if r[0]]
    assert [t[0] for t in tests] == ["114/02/03 10:00", "114/02/17 10:00", "114/06/09 10:00"]
    assert tests[1][5] == "114/03/05"  # the follow-up's day, ROC
    lines = [c.value for c in wb[w.SHEET_SUMMARY]["A"][3:10]]
    assert any(str(x).startswith("電話禮貌測試：3 次，平均 76.7 分") for x in lines)
    assert any(str(x).endswith("表揚核發 1 件。") for x in lines)
    learning = month_rows(wb[w.SHEET_LEARNING])
    assert learning["4月"][-1] == 1 and learning["5月"][1:4] == [1, 2, 4.0]


def test_the_year_is_read_as_roc_or_gregorian() -> None:
    assert parse_year("115") == parse_year("2026") == parse_year("民國115年") == 2026
    with pytest.raises(InvalidInput):
        parse_year("abc")


def test_the_year_report_prints_through_libreoffice(
    year: tuple[Scenario, Path], tmp_path: Path
) -> None:
    """Each sheet on one landscape A4 page; the summary's words and its two charts there."""
    _s, path = year
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            _tool("soffice"),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "year.pdf"
    pages, width, height = pdf_pages(pdf)
    assert pages == len(w.SHEETS)  # each sheet on one page
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    text = subprocess.run(
        [_tool("pdftotext"), "-f", "1", "-l", "1", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    first = unicodedata.normalize("NFKC", text)
    for words in ("民國114年 志工服務年度成果報告", "每月值勤涵蓋率", "每月電話禮貌測試平均分數"):
        assert unicodedata.normalize("NFKC", words) in first, words
