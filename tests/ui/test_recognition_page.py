"""表揚資格 and the service record: who qualifies now or soon, who lacks a training, the
workbook read back, the record's tables and forms, the statement printed in the workspace."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from frontdesk.core.recognition import CERTIFICATE, HONOR_CARD
from frontdesk.services import records
from frontdesk.services.context import Desk
from frontdesk.ui.models.recognition import RecognitionModel
from frontdesk.ui.supervisor.recognition import NOW, SOON, RecognitionPage
from frontdesk.ui.supervisor.service_record import ServiceRecordDialog
from frontdesk.words import records_paper
from tests.support.service import pdf_text, served
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder: the page and dialog saved as PNG there


def _people(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    """V001 due for the card now, V002 within three months, V003 a new one lacking all."""
    a = make_volunteer("V001", "陳")
    served(desk, a, [(date(2022, 3, 1) + timedelta(days=7 * i), "AM", 180) for i in range(110)])
    b = make_volunteer("V002", "林")
    served(desk, b, [(date(2023, 8, 1) + timedelta(days=7 * i), "PM", 180) for i in range(85)])
    served(desk, b, [(date(2026, 8, 10) + timedelta(days=3 * i), "AM", 180) for i in range(10)])
    records.add_grant(desk, "V002", CERTIFICATE, date(2024, 9, 1))
    make_volunteer("V003", "黃", trained=False)
    records.add_prior(desk, "V001", date(2010, 1, 1), date(2019, 12, 31), 1300 * 60, "前鎮區衛生所")


def test_page_filters_and_exports(qtbot, desk: Desk, make_volunteer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _people(desk, make_volunteer)
    page = RecognitionPage(desk)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.refresh()
    model = page.model
    codes = [model.row_at(r).code for r in range(model.rowCount())]
    assert codes == ["V001", "V002", "V003"]
    now = model.index(0, RecognitionModel.NOW).data()
    assert now == "certificate、card、H&W bronze"  # short words in the table (en: the test's)
    assert "hw_bronze" in model.row_at(0).standing.due_now  # 1,300 prior + 330 here
    page.filter.setCurrentIndex(SOON)
    assert [r.code for r in model.rows()] == ["V002"]
    assert HONOR_CARD in model.row_at(0).standing.due_soon
    page.filter.setCurrentIndex(NOW)
    out = tmp_path / "rec.xlsx"
    page.export(str(out))
    ws = load_workbook(out)[records_paper.RECOGNITION_SHEET]
    assert [c.value for c in ws[2]] == list(records_paper.RECOGNITION_HEADER)
    row = [c.value for c in ws[3]]
    assert row[0] == "V001" and row[4] == 1300 and row[5] == 1300 + 330
    assert "志願服務榮譽卡" in row[7] and "衛生福利志願服務獎勵銅牌" in row[7]
    assert ws.max_row == 3  # the filter's rows only
    page.filter.setCurrentIndex(0)
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "recognition_page.png"))


def test_service_record_dialog_and_statement(
    qtbot, desk: Desk, make_volunteer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _people(desk, make_volunteer)
    records.add_hours(desk, "V001", date(2024, 3, 2), 150, "健康講座支援")
    dialog = ServiceRecordDialog(desk, "V001")
    qtbot.addWidget(dialog)
    dialog.first.setDate(dialog.first.date().addYears(-3))
    dialog.refresh()
    assert dialog.lines.rowCount() == len(dialog.record.lines) > 0
    assert dialog.prior.rowCount() == 1 and dialog.prior.item(0, 3).text() == "前鎮區衛生所"
    assert "special" in dialog.record.missing  # flagged on the record
    assert dialog.banner.text()
    dialog.book_number.setText("高市志字第0001號")
    dialog.save_book()
    assert dialog.record.record_book is not None
    assert "record_book" not in dialog.record.missing
    pdf = tmp_path / "s.pdf"
    dialog.print_statement(str(pdf))
    text = pdf_text(pdf)
    assert "高市志字第0001號" in text and "健康講座支援" in text
    if SHOTS:
        dialog.resize(1366, 700)
        dialog.tabs.setCurrentIndex(3)
        dialog.grab().save(str(Path(SHOTS) / "service_record.png"))


def test_volunteer_page_opens_the_chosen_volunteers_record(
    qtbot, desk: Desk, make_volunteer, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.ui.supervisor import volunteers as page_module

    make_volunteer("V001", "陳")
    make_volunteer("V002", "林")
    opened: list[str] = []
    monkeypatch.setattr(
        page_module.ServiceRecordDialog, "exec", lambda self: opened.append(self.code) or 0
    )
    page = page_module.VolunteersPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.record_button.click()
    assert opened == [] and page.banner.text()  # nobody chosen: said, nothing opened
    page.table.selectRow(1)
    page.record_button.click()
    assert opened == ["V002"]
