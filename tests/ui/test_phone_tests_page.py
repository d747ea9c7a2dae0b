"""電話禮貌測試 in the workspace: the form laid out like the paper one with its running total,
the history with averages and the weakest item, the follow-up, and the filled form on A4."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QCheckBox, QRadioButton
from pytestqt.qtbot import QtBot

from frontdesk import i18n
from frontdesk.core.timeutil import at, local
from frontdesk.services import phone_tests, waiting
from frontdesk.services.context import Desk
from frontdesk.store.models import Attendance
from frontdesk.ui.supervisor.phone_form import PhoneTestDialog
from frontdesk.ui.supervisor.phone_tests import FollowUpDialog, PhoneTestsPage
from frontdesk.ui.supervisor.window import SupervisorWindow
from frontdesk.ui.widgets.dates import ClockEdit, RocDateEdit
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
    dialog.person.setCurrentIndex(dialog.person.findText("志工V001（V001）"))
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


def test_the_form_fits_1366x768_with_its_texts_whole(
    qtbot: QtBot, desk: Desk, make_volunteer, zh
) -> None:  # type: ignore[no-untyped-def]
    """登錄測試 was half off a 1366x768 screen (the dialog 762 px tall, plus its title bar and
    the task bar) and 「…聯絡方式（9–10）」 was cut: the dialog now leaves 70 px for the title
    bar and task bar, and every box and band is given its whole text's width."""
    make_volunteer()
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    dialog = PhoneTestDialog(desk, window.phone_tests)
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 - 20 and hint.height() <= 768 - 70, hint
    dialog.resize(hint)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.size().height() <= 768 - 70
    boxes = dialog.findChildren(QRadioButton) + dialog.findChildren(QCheckBox)
    assert len(boxes) > 15
    for box in boxes:
        assert box.width() >= box.sizeHint().width(), box.text()
    ok = dialog.ok_button
    bottom = ok.mapTo(dialog, ok.rect().bottomLeft()).y()
    assert bottom < dialog.height(), "登錄測試 inside the dialog"


def test_the_time_is_typed(qtbot: QtBot, desk: Desk, zh) -> None:  # type: ignore[no-untyped-def]
    """Typing 1620 (or Backspace over 11:30) in the time field works: the project's ClockEdit
    and RocDateEdit, not Qt's QTimeEdit that stopped Backspace at 「11:」."""
    dialog = PhoneTestDialog(desk)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.clock, ClockEdit) and isinstance(dialog.day, RocDateEdit)
    dialog.show()
    dialog.clock.setFocus()
    dialog.clock.lineEdit().selectAll()
    qtbot.keyClicks(dialog.clock, "1620")
    qtbot.keyClick(dialog.clock, Qt.Key.Key_Tab)
    assert dialog.clock.time() == QTime(16, 20)
    dialog.clock.lineEdit().end(False)
    for _ in range(5):
        qtbot.keyClick(dialog.clock.lineEdit(), Qt.Key.Key_Backspace)
    assert dialog.clock.lineEdit().text() == ""
    qtbot.keyClicks(dialog.clock.lineEdit(), "0905")
    dialog.clock.interpretText()
    assert dialog.clock.time() == QTime(9, 5)
    assert dialog.test_form().tested_at == at(local(desk.now()).date(), time(9, 5))


def test_the_person_tested_is_nobody_or_who_was_on_duty(
    qtbot: QtBot, desk: Desk, make_volunteer, clock, zh
) -> None:  # type: ignore[no-untyped-def]
    """受測人員 started on the first volunteer (V001) and was recorded unnoticed: it starts
    on nobody (a staff name to type, else refused), or on whoever was signed in then."""
    make_volunteer()
    second = make_volunteer(code="V002", name="志工乙")
    dialog = PhoneTestDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.person.currentData() is None
    dialog.save()
    assert dialog.test_id is None
    assert dialog.banner.text() == "請選擇受測的志工，或輸入受測所內人員姓名。"
    day = local(desk.now()).date()
    with desk.db.write() as session:
        session.add(
            Attendance(
                site_id=desk.site_id,
                volunteer_id=second,
                day=day,
                slot="AM",
                in_at=at(day, time(8, 25)),
                out_at=at(day, time(11, 32)),
                status="on_time",
                recorded_by="kiosk",
                created_at=desk.now(),
                updated_at=desk.now(),
            )
        )
    dialog = PhoneTestDialog(desk)
    qtbot.addWidget(dialog)
    dialog.clock.setTime(QTime(10, 15))
    assert dialog.person.currentData() == second
    dialog.clock.setTime(QTime(14, 0))  # nobody signed in in the afternoon
    assert dialog.person.currentData() is None
    dialog.clock.setTime(QTime(10, 15))
    dialog.person.setCurrentIndex(1)
    dialog.person.activated.emit(1)  # the supervisor chose: the time no longer moves it
    dialog.clock.setTime(QTime(14, 0))
    assert dialog.person.currentIndex() == 1


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
    dialog.person.setCurrentIndex(1)
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
