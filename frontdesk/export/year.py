"""The year's service report workbook for the January report (年度提升服務成果報告).

年度摘要 first: the year in a few lines, the months' coverage and phone scores and two charts
(coverage by month, phone test scores by month); then 每月值勤 (slots required and staffed,
volunteers, hours, punctuality, walk-ins, closures), 換班統計 (by way and outcome), 電話禮貌
測試 (per month, the trend, the follow-ups, every test) and 訓練與表揚. Every month has its
row, with a total under it; every sheet prints on A4 at 100%, its dates in ROC form.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import Marker
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from frontdesk.core.phone_tests import ITEM_MAX, Item
from frontdesk.core.timeutil import local
from frontdesk.export.cells import BOX, FONT_NAME, Cells, Style
from frontdesk.export.hours import hours_of
from frontdesk.export.monthly import ExportFailed, export_target
from frontdesk.export.styles import (
    S_CENTER,
    S_COLHEAD,
    S_HOURS,
    S_INT,
    S_TEXT,
    print_setup,
    row_height,
    set_widths,
)
from frontdesk.services.context import Desk
from frontdesk.services.year_report import MONTHS, DutyMonth, YearReport, year_report
from frontdesk.store import scratch
from frontdesk.words import year_report as w
from frontdesk.words.dates import day_text, format_roc_date

S_TITLE = Style(font=Font(name=FONT_NAME, size=15, bold=True))
S_LINE = Style(font=Font(name=FONT_NAME, size=11))
S_NOTE = Style(font=Font(name=FONT_NAME, size=9))  # one line, running over the empty cells
S_PCT = Style(font=S_INT.font, border=BOX, number_format="0.0%", alignment=S_INT.alignment)
S_AVG = Style(font=S_INT.font, border=BOX, number_format="0.0", alignment=S_INT.alignment)
S_BOLD_INT = Style(font=Font(name=FONT_NAME, size=10, bold=True), border=BOX, number_format="0")
S_BOLD_TEXT = Style(font=Font(name=FONT_NAME, size=10, bold=True), border=BOX)
ITEMS = (Item.ANSWER, Item.UNIT, Item.GREETING, Item.TONE, Item.CLOSING, Item.CONTENT)
CHART_ROW = 12  # the summary's month table starts here; the charts sit beside it
NO_DATA = "無資料"  # a month with no slot required: before the desk's first roster
IN_PROGRESS = "進行中"  # the report's own month, counted up to the slots ended


def _sheet(wb: Workbook, name: str, widths: Sequence[float], r: YearReport) -> WriteOnlyWorksheet:
    ws: WriteOnlyWorksheet = wb.create_sheet(name)
    set_widths(ws, tuple(widths))
    print_setup(ws, "1:2", f"{w.title(r.agency_name, r.year)}　{name}")
    return ws


def _head(
    ws: WriteOnlyWorksheet, c: Cells, text: str, columns: Sequence[tuple[str, float]]
) -> None:
    ws.row_dimensions[1].height = 22
    ws.append([c.text(text, S_TITLE)])
    ws.row_dimensions[2].height = 30
    ws.append([c.text(h, S_COLHEAD) for h, _w in columns])


def _pct(n: int, of: int) -> float | None:
    return round(n / of, 4) if of else None


def month_runs(months: Sequence[int]) -> str:
    """1, 2, 3, 5 -> 「1月至3月、5月」: months named in runs."""
    runs: list[list[int]] = []
    for m in sorted(months):
        if runs and runs[-1][-1] == m - 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return "、".join(f"{x[0]}月" if len(x) == 1 else f"{x[0]}月至{x[-1]}月" for x in runs)


def coverage_basis(r: YearReport) -> str:
    """Over which months the year's coverage is computed, and which have no data: the
    months before the desk's first roster (or with no slot required) are not counted, and
    the report's own month only up to the slots already ended."""
    covered = r.covered_months()
    current = next((m for m in r.duty if m.in_progress), None)
    made = local(r.generated_at).date()
    parts = [f"以{month_runs([m.month for m in covered])}計"] if covered else ["尚無班表資料"]
    if current is not None:
        upto = (
            f"計至 {made.month}月{made.day}日已結束的班次"
            if current.required
            else "尚無已結束的班次"
        )
        parts.append(f"{current.month}月進行中，{upto}")
    empty = [m.month for m in r.duty if not m.required and m is not current]
    if empty and covered:
        parts.append(f"{month_runs(empty)}無資料，不計")
    return "；".join(parts)


def summary_lines(r: YearReport) -> list[str]:
    """The year in a few sentences, for the first sheet."""
    req, staffed = r.total("required"), r.total("staffed")
    cover = f"{staffed / req:.1%}" if req else "—"
    tests = [t.total for t in r.tests]
    avg = f"{sum(tests) / len(tests):.1f} 分" if tests else "—"
    due = sum(1 for t in r.tests if t.total < r.threshold and t.follow_up_on is None)
    done = sum(m.follow_ups_done for m in r.phone)
    learn = r.learning
    granted = f"表揚核發 {sum(m.granted for m in learn)} 件"
    swaps = sum(sum(m.swaps.values()) for m in r.duty)
    approved = sum(n for m in r.duty for (_k, s), n in m.swaps.items() if s == "approved")
    return [
        f"值勤：應值勤 {req} 班次，足額 {staffed} 班次，涵蓋率 {cover}（{coverage_basis(r)}）。",
        f"志工：服務志工 {r.active_in_year} 人，服務時數 {hours_of(r.total('minutes')):g} 小時。",
        f"出勤：實到 {r.total('served')} 人次，準時 {r.total('on_time')}、遲到 {r.total('late')}、"
        f"早退 {r.total('early_leave')}、缺勤 {r.total('absent')}；臨時支援 {r.total('walk_ins')} 人次。",
        f"換班：申請 {swaps} 件，核准 {approved} 件。",
        f"停止上班（颱風等）{r.total('closed_slots')} 班次；不排班 {r.total('other_closed_days')} 日。",
        f"電話禮貌測試：{len(tests)} 次，平均 {avg}；改善措施完成 {done} 件，"
        f"待改善（低於 {r.threshold} 分）{due} 件。",
        f"訓練：{sum(m.trainings for m in learn)} 場，{sum(m.trained for m in learn)} 人次；"
        f"達績效證明書資格 {sum(m.certificates for m in learn)} 人、"
        f"達榮譽卡資格 {sum(m.honor_cards for m in learn)} 人；{granted}。",
    ]


def month_note(d: DutyMonth) -> str:
    """The summary table's 說明: 「無資料」 for a month with no slot required (before the
    desk's first roster), 「進行中」 for the report's own month."""
    if not d.required:
        return NO_DATA
    return IN_PROGRESS if d.in_progress else ""


def write_summary(wb: Workbook, r: YearReport) -> None:
    """The first sheet: title, the lines, the month table and the two charts beside it."""
    # The month table in A:D, a narrow gap, then two charts side by side in F:Q.
    ws = _sheet(wb, w.SHEET_SUMMARY, (7.0, 9.0, 11.0, 8.0, 2.0, *(9.0 for _ in range(12))), r)
    c = Cells(ws)
    ws.row_dimensions[1].height = 26
    ws.append([c.text(w.title(r.agency_name, r.year), S_TITLE)])
    made = local(r.generated_at)
    ws.append(
        [c.text(f"{r.agency_name}{r.desk_name}　產製：{format_roc_date(made.date())}", S_NOTE)]
    )
    ws.append([])
    lines = summary_lines(r)
    for line in lines:
        ws.append([c.text(line, S_LINE)])
    for _ in range(CHART_ROW - 1 - 3 - len(lines)):  # title, agency, a blank, the lines
        ws.append([])
    ws.append([c.text(h, S_COLHEAD) for h in ("月份", "涵蓋率", "電話測試平均", "說明")])
    for d, p in zip(r.duty, r.phone, strict=True):
        ws.append(
            [
                c.text(w.month_name(d.month), S_CENTER),
                c.cell(d.coverage, S_PCT),
                c.cell(p.average, S_AVG),
                c.text(month_note(d), S_CENTER),
            ]
        )
    _charts(ws)


def _charts(ws: WriteOnlyWorksheet) -> None:
    """Coverage (bars) and phone scores (a line through the months tested, each month a
    marked point: a month alone, or months apart, drew nothing as a bare line)."""
    first, last = CHART_ROW + 1, CHART_ROW + 12
    months = Reference(ws, min_col=1, min_row=first, max_row=last)
    bar = BarChart()
    bar.title = w.COVERAGE_CHART
    bar.y_axis.scaling.min = 0
    bar.y_axis.scaling.max = 1
    bar.y_axis.number_format = "0%"
    bar.add_data(Reference(ws, min_col=2, min_row=CHART_ROW, max_row=last), titles_from_data=True)
    bar.set_categories(months)
    bar.legend = None
    bar.x_axis.tickLblSkip = 1
    bar.height, bar.width = 7.0, 10.0
    ws.add_chart(bar, f"F{CHART_ROW}")
    line = LineChart()
    line.title = w.PHONE_CHART
    line.y_axis.scaling.min = 0
    line.y_axis.scaling.max = 100
    line.add_data(Reference(ws, min_col=3, min_row=CHART_ROW, max_row=last), titles_from_data=True)
    line.set_categories(months)
    line.display_blanks = "span"  # months without a test are passed over, not a break
    scores = line.series[0]
    scores.marker = Marker(symbol="circle", size=7)
    scores.dLbls = DataLabelList(showVal=True)
    scores.dLbls.showSerName = scores.dLbls.showCatName = scores.dLbls.showLegendKey = False
    line.legend = None
    line.x_axis.tickLblSkip = 1
    line.height, line.width = 7.0, 10.0
    ws.add_chart(line, f"L{CHART_ROW}")


def write_duty(wb: Workbook, r: YearReport) -> None:
    """每月值勤: a row a month, the year's total under them."""
    ws = _sheet(wb, w.SHEET_DUTY, [x for _h, x in w.DUTY_COLUMNS], r)
    c = Cells(ws)
    _head(ws, c, f"{w.title(r.agency_name, r.year)}　{w.SHEET_DUTY}", w.DUTY_COLUMNS)
    names: tuple[str | None, ...] = (
        *("required", "staffed", None, "active", "minutes", "scheduled", "served", "on_time"),
        *("late", "early_leave", "absent", "walk_ins", "closed_slots", "other_closed_days"),
    )
    for d in r.duty:
        row: list[object] = [c.text(w.month_name(d.month), S_CENTER)]
        for n in names:
            if n is None:
                cov = c.cell(d.coverage, S_PCT) if d.required else c.text(NO_DATA, S_CENTER)
                row.append(cov)
            elif n == "minutes":
                row.append(c.cell(hours_of(d.minutes), S_HOURS))
            else:
                row.append(c.cell(getattr(d, n), S_INT))
        ws.append(row)
    total: list[object] = [c.text(w.TOTAL, S_BOLD_TEXT)]
    for n in names:
        if n is None:
            total.append(c.cell(_pct(r.total("staffed"), r.total("required")), S_PCT))
        elif n == "minutes":
            total.append(c.cell(hours_of(r.total("minutes")), S_HOURS))
        elif n == "active":
            total.append(c.cell(r.active_in_year, S_BOLD_INT))  # distinct in the year
        else:
            total.append(c.cell(r.total(n), S_BOLD_INT))
    ws.append(total)
    ws.append(
        [
            c.text(
                "服務志工合計為全年不重複人數；服務時數為全國志工系統採計之認列時數（每次值勤依採計單位計，含補登時數）。",
                S_NOTE,
            )
        ]
    )
    ws.append([c.text(f"涵蓋率：{coverage_basis(r)}。", S_NOTE)])


def write_swaps(wb: Workbook, r: YearReport) -> None:
    """換班統計: per month, the requests by way (互換/代班/請督導安排) and by outcome."""
    kinds = tuple(w.KIND_HEADERS)
    columns = [("月份", 6.0), *((w.KIND_HEADERS[k], 7.0) for k in kinds)]
    columns += [(w.OUTCOME_HEADERS[o], 7.0) for o in w.SWAP_OUTCOMES] + [(w.TOTAL, 6.0)]
    ws = _sheet(wb, w.SHEET_SWAPS, [x for _h, x in columns], r)
    c = Cells(ws)
    _head(ws, c, f"{w.title(r.agency_name, r.year)}　{w.SHEET_SWAPS}", columns)
    sums = [0] * (len(columns) - 1)
    for d in r.duty:
        counts = [sum(n for (k, _s), n in d.swaps.items() if k == kind) for kind in kinds]
        counts += [
            sum(n for (_k, s), n in d.swaps.items() if _outcome(s) == o) for o in w.SWAP_OUTCOMES
        ]
        counts.append(sum(d.swaps.values()))
        sums = [a + b for a, b in zip(sums, counts, strict=True)]
        ws.append([c.text(w.month_name(d.month), S_CENTER), *(c.cell(n, S_INT) for n in counts)])
    ws.append([c.text(w.TOTAL, S_BOLD_TEXT), *(c.cell(n, S_BOLD_INT) for n in sums)])


def _outcome(state: str) -> str:
    return state if state in w.OUTCOME_HEADERS else "pending"


def write_phone(wb: Workbook, r: YearReport) -> None:
    """電話禮貌測試: per month (count, average total and by item, follow-ups), then each test."""
    widths = [x for _h, x in w.PHONE_COLUMNS]
    ws = _sheet(wb, w.SHEET_PHONE, widths, r)
    c = Cells(ws)
    _head(ws, c, f"{w.title(r.agency_name, r.year)}　{w.SHEET_PHONE}", w.PHONE_COLUMNS)
    for p in r.phone:
        ws.append(
            [
                c.text(w.month_name(p.month), S_CENTER),
                c.cell(p.count, S_INT),
                c.cell(p.average, S_AVG),
                *(c.cell(p.items.get(i), S_AVG) for i in ITEMS),
                c.cell(p.follow_ups_done, S_INT),
            ]
        )
    tests = [t.total for t in r.tests]
    year_items = [
        (sum(t.scores[i] for t in r.tests) / len(tests)) if tests else None for i in ITEMS
    ]
    ws.append(
        [
            c.text(w.TOTAL, S_BOLD_TEXT),
            c.cell(len(tests), S_BOLD_INT),
            c.cell(round(sum(tests) / len(tests), 1) if tests else None, S_AVG),
            *(c.cell(round(x, 1) if x is not None else None, S_AVG) for x in year_items),
            c.cell(sum(p.follow_ups_done for p in r.phone), S_BOLD_INT),
        ]
    )
    maxima = "、".join(f"{ITEM_MAX[i]}" for i in ITEMS)
    ws.append([c.text(f"各項滿分依序為 {maxima} 分，總分 100 分。", S_NOTE)])


def write_tests(wb: Workbook, r: YearReport) -> None:
    """電話測試明細: every test of the year, its total and its follow-up."""
    ws = _sheet(wb, w.SHEET_TESTS, [x for _h, x in w.TEST_COLUMNS], r)
    c = Cells(ws)
    _head(ws, c, f"{w.title(r.agency_name, r.year)}　{w.SHEET_TESTS}", w.TEST_COLUMNS)
    widths = [x for _h, x in w.TEST_COLUMNS]
    for row, t in enumerate(r.tests, start=3):
        texts = (t.person or t.volunteer_code, t.tester, t.follow_up)
        ws.row_dimensions[row].height = row_height(
            zip(texts, (widths[1], widths[3], widths[6]), strict=True)
        )
        ws.append(
            [
                c.text(day_text(t.tested_at), S_TEXT),
                c.text(t.person or t.volunteer_code, S_TEXT),
                c.text(w.ANSWERED_BY.get(t.answered_by, t.answered_by), S_CENTER),
                c.text(t.tester, S_TEXT),
                c.cell(t.total, S_INT),
                c.text(day_text(t.follow_up_on), S_CENTER),
                c.text(t.follow_up, S_TEXT),
            ]
        )


def write_learning(wb: Workbook, r: YearReport) -> None:
    """訓練與表揚: trainings held, recognition reached and granted."""
    ws = _sheet(wb, w.SHEET_LEARNING, [x for _h, x in w.LEARNING_COLUMNS], r)
    c = Cells(ws)
    _head(ws, c, f"{w.title(r.agency_name, r.year)}　{w.SHEET_LEARNING}", w.LEARNING_COLUMNS)
    for m in r.learning:
        ws.append(
            [
                c.text(w.month_name(m.month), S_CENTER),
                c.cell(m.trainings, S_INT),
                c.cell(m.trained, S_INT),
                c.cell(hours_of(m.training_minutes), S_HOURS),
                c.cell(m.certificates, S_INT),
                c.cell(m.honor_cards, S_INT),
                c.cell(m.granted, S_INT),
            ]
        )
    L = r.learning
    ws.append(
        [
            c.text(w.TOTAL, S_BOLD_TEXT),
            c.cell(sum(m.trainings for m in L), S_BOLD_INT),
            c.cell(sum(m.trained for m in L), S_BOLD_INT),
            c.cell(hours_of(sum(m.training_minutes for m in L)), S_HOURS),
            c.cell(sum(m.certificates for m in L), S_BOLD_INT),
            c.cell(sum(m.honor_cards for m in L), S_BOLD_INT),
            c.cell(sum(m.granted for m in L), S_BOLD_INT),
        ]
    )
    for note in w.RECOGNITION_NOTES:
        ws.append([c.text(note, S_NOTE)])


def build_workbook(r: YearReport) -> Workbook:
    """The six sheets in order, the summary first; a write-only workbook, saved once."""
    wb = Workbook(write_only=True)
    writers = (write_summary, write_duty, write_swaps, write_phone, write_tests, write_learning)
    for write in writers:
        write(wb, r)
    wb.properties.title = w.title(r.agency_name, r.year)
    wb.properties.creator = "frontdesk"
    return wb


def export_year(
    desk: Desk, year: int, out_path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write the year's report workbook to `out_path` (.xlsx added) and return its path.

    Refused before anything is read, as the monthly export is: an existing file without
    `overwrite`, the desk's own data; written through a temporary file and replaced at once.
    """
    out = export_target(desk, out_path, overwrite=overwrite)
    report = year_report(desk, year)
    try:
        with scratch.job(desk.db.path) as job, job.library_temp_files():
            wb = build_workbook(report)
            tmp = job.beside(out)
            with tmp.open("wb") as fh:
                wb.save(fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, out)
    except OSError as exc:
        raise ExportFailed(
            f"cannot write {out}: {exc.strerror or exc}", path=str(out), reason=str(exc)
        ) from None
    return out.resolve()


__all__ = ["MONTHS", "build_workbook", "coverage_basis", "export_year", "summary_lines"]
