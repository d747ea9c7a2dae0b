"""電話禮貌測試 in the workspace: the form laid out like the paper one with its running total,
the history with averages and the weakest item, the follow-up, and the filled form on A4."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from frontdesk import i18n
from frontdesk.services import phone_tests, waiting
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor.phone_form import PhoneTestDialog
from frontdesk.ui.supervisor.phone_tests import FollowUpDialog, PhoneTestsPage
from frontdesk.ui.supervisor.window import SupervisorWindow
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


@pytest.fixture
def zh(qapp: object):  # type: ignore[no-untyped-def]
    i18n.install("zh_TW")
    yield
    i18n.install("en")


def fill(dialog: PhoneTestDialog) -> None:
    """The call of the printed example: rang 14 s, plain tone 6, a stand-in with a reason
    and a simple answer of 12: 20 + 10 + 10 + 6 + 10 + 22 = 78."""
    dialog.unit.setText("苓雅區衛生所服務台")
    dialog.extension.setText("07-7136025 #11")
    dialog.topic.setText("流感疫苗接種時間")
    dialog.tester.setText("衛生局 林小姐")
    dialog.seconds.setValue(14)
    dialog.tone.set("plain", 6)
    dialog.stand_in.setChecked(True)
    dialog.reason.setChecked(True)
    dialog.stand_in_bands.set("simple", 12)


def test_the_form_keeps_a_running_total_and_records_it(
    qtbot: QtBot, desk: Desk, make_volunteer, zh
) -> None:  # type: ignore[no-untyped-def]
    make_volunteer()
    dialog = PhoneTestDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.total.text() == "總分：100 分"  # the boxes start as a perfect call
    fill(dialog)
    assert dialog.total.text() == "總分：78 分"
    assert dialog.answer_points.text() == "分項得分：20"
    # A band's points stay inside the band: 'plain' is 4–7.
    dialog.tone.points.setValue(9)
    assert dialog.tone.points.value() == 7
    dialog.tone.points.setValue(6)
    dialog.unanswered.setChecked(True)
    assert dialog.total.text() == "總分：58 分" and not dialog.seconds.isEnabled()
    dialog.unanswered.setChecked(False)
    dialog.save()
    assert dialog.test_id is not None
    (line,) = phone_tests.history(desk)
    assert (line.total, line.person, line.topic) == (78, "志工V001", "流感疫苗接種時間")


def test_the_form_fits_the_workspace_screen(qtbot: QtBot, desk: Desk, make_volunteer, zh) -> None:  # type: ignore[no-untyped-def]
    make_volunteer()
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    dialog = PhoneTestDialog(desk, window.phone_tests)
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint


def test_a_staff_member_is_typed_in(qtbot: QtBot, desk: Desk, zh) -> None:  # type: ignore[no-untyped-def]
    dialog = PhoneTestDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.person.currentData() is None and dialog.staff.isEnabled()
    dialog.save()
    assert dialog.test_id is None
    assert dialog.banner.text() == "請選擇受測的志工，或輸入受測所內人員姓名。"
    dialog.staff.setText("總機 陳小姐")
    dialog.save()
    assert dialog.test_id is not None


def test_history_follow_up_and_the_printed_form(
    qtbot: QtBot, desk: Desk, make_volunteer, zh, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    make_volunteer()
    dialog = PhoneTestDialog(desk)
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.save()
    page = PhoneTestsPage(desk)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 5).text() == "78" and page.table.item(0, 6).text() == "待改善"
    assert "最弱項目：答話內容" not in page.summary.text()  # content 22/30 = 73 %
    assert "最弱項目：接話態度" in page.summary.text()  # tone 6/10 = 60 %, the lowest share
    assert waiting.for_supervisor(desk).phone_follow_ups == 1

    page.table.selectRow(0)
    line = page.selected()
    assert line is not None
    follow = FollowUpDialog(desk, line, page)
    qtbot.addWidget(follow)
    follow.measure.setPlainText("督導說明轉接分機表，下週複測")
    follow.save()
    page.refresh()
    assert page.table.item(0, 6).text() == "115/11/02"
    assert waiting.for_supervisor(desk).phone_follow_ups == 0

    page.table.selectRow(0)
    pdf = tmp_path / "form.pdf"
    page.save_pdf(str(pdf))
    assert pdf.stat().st_size > 1000
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = unicodedata.normalize("NFKC", out)  # the PDF's CJK radicals as plain characters
    for needle in (
        "測試衛生所電話服務品質及禮貌測試紀錄表",
        "總分：78 分",
        "督導說明轉接分機表",
        "☑",
        "☐",
    ):
        assert unicodedata.normalize("NFKC", needle) in text, needle
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    assert "595" in info.stdout and "842" in info.stdout  # A4 in points
    assert date(2026, 11, 2) == phone_tests.history(desk)[0].follow_up_on
