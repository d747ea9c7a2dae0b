"""One volunteer's month, one figure: the statement, the county template, the monthly
workbook's hours sheets and the year report take the same record lines (duties cut to the
record's step, hours entered by hand) and the same standing (prior hours, seniority)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from frontdesk.core.recognition import CERTIFICATE, HONOR_CARD
from frontdesk.export.monthly import export_month
from frontdesk.services import records
from frontdesk.services.context import Desk
from frontdesk.services.national_template import template_rows
from frontdesk.services.recognition_views import standings
from frontdesk.services.year_report import year_report
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer
from tests.support.service import served

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
RECORDED = 330 + 180 + 12 * 60  # 5 h 55 min cut to 5.5 h, 3 h, 12 h by hand


def _volunteer(desk: Desk, clock: Clock) -> int:
    """V006: joined here 113/07/01, 280 prior hours from 110/01/01, basic training only; in
    October a 5 h 55 min duty, a 3 h duty and 12 h entered by hand (prior + October = 300.5 h:
    the honor card becomes due in October)."""
    now = clock.now
    clock.set(date(2024, 7, 1), 9)  # on the books since: in every month's workbook
    vid = add_volunteer(desk, "V006", "陳志工", joined_on=date(2024, 7, 1))
    clock.now = now
    records.add_prior(desk, "V006", date(2021, 1, 1), date(2023, 12, 31), 280 * 60, "他機關")
    served(desk, vid, [(date(2026, 10, 5), "AM", 355), (date(2026, 10, 6), "PM", 180)])
    records.add_hours(desk, "V006", date(2026, 10, 17), 12 * 60, "社區健康日", "社區衛教")
    return vid


def test_every_output_states_the_same_hours_and_standing(
    desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    _volunteer(desk, clock)
    rec = records.service_record(desk, "V006", *OCTOBER)
    assert rec.total_minutes == RECORDED
    assert sum(r.minutes for r in template_rows(desk, 2026, 10) if r.code == "V006") == RECORDED

    wb = load_workbook(export_month(desk, 2026, 10, tmp_path / "oct.xlsx"))
    ws = wb["服務時數"]
    header = next([c.value for c in row] for row in ws.iter_rows() if row[0].value == "志工編號")
    col = {h: i for i, h in enumerate(header)}
    row = next([c.value for c in r] for r in ws.iter_rows() if r[0].value == "V006")
    assert row[col["本月時數"]] == RECORDED / 60
    assert row[col["年資起算日"]] == "110/01/01"  # the prior hours' first day
    card = next(h for h in col if h.startswith("榮譽卡（"))
    cert = next(h for h in col if h.startswith("績效證明書（"))
    # met by hours and years, with what is still missing on the same row
    assert row[col[card]] == row[col[cert]] == "已達成；尚缺特殊訓練、紀錄冊"
    national = [
        [c.value for c in r] for r in wb["時數登錄"].iter_rows(min_row=2) if r[0].value == "V006"
    ]
    assert sum(r[6] for r in national) == RECORDED / 60
    assert [r[6] for r in national] == [5.5, 3, 12]
    assert national[0][5] == "服務台值勤" and "社區健康日" in national[2][5]

    year = year_report(desk, 2026)
    assert year.duty[9].minutes == RECORDED
    assert (year.learning[9].certificates, year.learning[9].honor_cards) == (0, 1)
    standing = next(r for r in standings(desk, OCTOBER[1]) if r.code == "V006").standing
    assert {CERTIFICATE, HONOR_CARD} <= set(standing.due_now)
    assert standing.missing == ("special", "record_book")
