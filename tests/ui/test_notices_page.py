"""The workspace's 通知 page: the LINE message previewed and copied, the call for a short
slot, slips saved as PDF and calendar files for the selected volunteers, e-mail consent
recorded with the address masked in the list; and a screenshot of each tab at 1366x768."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from frontdesk.core.roster import ShiftKey
from frontdesk.services import outbox, roster
from frontdesk.services.setup import update_settings
from frontdesk.store.db import Database
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.notices import NoticesPage
from tests.support.clocks import Clock
from tests.support.notices import MON, THU, make_team

SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder to keep the screenshots in


def _page(qtbot: QtBot, sqlite_db: Database, clock: Clock) -> tuple[NoticesPage, object]:
    clock.set(MON.replace(day=3), 10)  # Thursday 12/3: next week is 12/7-12/13
    team = make_team(sqlite_db, clock)
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    page = NoticesPage(team.desk.as_actor("supervisor:boss"))
    page.setStyleSheet(common.WORKSPACE_QSS)
    page.resize(1366 - 250, 700)
    qtbot.addWidget(page)
    page.show()
    return page, team


def _shot(page: NoticesPage, name: str) -> None:
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_line_message_is_previewed_and_copied(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    page, _ = _page(qtbot, sqlite_db, clock)
    text = page.line.preview.toPlainText()
    assert text.startswith("【苓雅區衛生所服務台】值班表 12/7（一）～12/13（日）")
    assert "12/10（四）上午班缺 1 位，可以支援的請回覆或刷卡登記" in text
    page.line.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    _shot(page, "notices-line")
    page.offer_call(THU, "AM")
    assert page.line.short.currentItem().text() == (
        "12/10（四）上午班缺 1 位，可以支援的請回覆或刷卡登記"
    )
    page.line.copy_call.click()
    assert QGuiApplication.clipboard().text().startswith("12/10（四）上午班缺 1 位")


def test_slips_and_calendar_files_for_the_selected(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None, tmp_path: Path
) -> None:
    page, _team = _page(qtbot, sqlite_db, clock)
    page.tabs.setCurrentWidget(page.paper)
    # the month of the coming week (12/7-12/13)
    assert (page.paper.picker.year, page.paper.picker.month) == (2026, 12)
    page.paper.people.item(1).setSelected(True)  # 李美華 only
    page.paper.save_calendars(str(tmp_path))
    assert [p.name for p in tmp_path.glob("*.ics")] == ["V002_李美華.ics"]
    pdf = tmp_path / "slips.pdf"
    page.paper.save_pdf(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    _shot(page, "notices-paper")


def test_mail_consent_is_listed_masked(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    page, team = _page(qtbot, sqlite_db, clock)
    page.tabs.setCurrentIndex(2)
    page.mail.person.setCurrentIndex(0)
    page.mail.address.setText("wang.xiaoming@example.tw")
    page.mail.opt_in.click()
    shown = page.mail.consents.item(0).text()
    assert "w***@e***.tw" in shown and "wang.xiaoming" not in shown
    assert set(outbox.consents(team.desk)) == {team.wang}
    page.mail.address.setText("not an address")
    page.mail.opt_in.click()
    assert page.mail.banner.isVisible()
    assert "name@example.com" in page.mail.banner.text() and "e-mail address" not in (
        page.mail.banner.text()
    )
    _shot(page, "notices-mail")


def test_the_navigation_offers_the_call_when_a_slot_falls_short(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    clock.set(MON.replace(day=3), 10)
    team = make_team(sqlite_db, clock)
    update_settings(team.desk, {"slots": "AM=08:30-11:30/1-2;PM=13:30-16:30/0-2"})
    page = NoticesPage(team.desk)
    qtbot.addWidget(page)
    before = page.waiting_label()
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    after = page.waiting_label()
    assert before.startswith("通知（缺人 ") and after.startswith("通知（缺人 ")
    count = lambda label: int(label.split("缺人 ")[1].rstrip("）"))  # noqa: E731
    assert count(after) == count(before) + 1


def test_the_volunteer_page_saves_calendar_files(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None, tmp_path: Path
) -> None:
    from frontdesk.ui.supervisor.notices import save_calendar_files
    from frontdesk.ui.supervisor.volunteers import VolunteersPage

    clock.set(MON.replace(day=3), 10)
    team = make_team(sqlite_db, clock)
    page = VolunteersPage(team.desk)
    qtbot.addWidget(page)
    from PySide6.QtWidgets import QPushButton

    button = page.findChild(QPushButton, "calendar_file")
    assert button is not None and button.text() == "行事曆檔…"
    save_calendar_files(page, page.banner, team.desk, [])
    assert page.banner.text() == "請先選取志工。"
    save_calendar_files(page, page.banner, team.desk, [team.wang], str(tmp_path))
    assert [p.name for p in tmp_path.glob("*.ics")] == ["V001_王小明.ics"]


def test_the_mail_server_is_set_on_the_page(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    from frontdesk.services import mailer

    page, team = _page(qtbot, sqlite_db, clock)
    mail = page.mail
    assert page.basics.phone.text() == "07-713-4000"
    mail.fields["smtp_host"].setText("mail.example.gov.tw")
    mail.security.setCurrentIndex(mail.security.findData("tls"))
    mail.fields["smtp_user"].setText("desk")
    mail.fields["reminder_days_before"].setText("3")
    mail.save_button.click()
    smtp = mailer.smtp_of(team.desk)
    assert (smtp.host, smtp.port, smtp.security, smtp.sender) == (
        "mail.example.gov.tw",
        465,
        "tls",
        "desk",
    )
    mail.fields["reminder_days_before"].setText("99")
    mail.save_button.click()
    assert mail.banner.text() == "值班前幾天寄提醒：請填 0 到 14 的整數（空白即 2 天）。"
    assert mailer.smtp_of(team.desk).host == "mail.example.gov.tw"
    from frontdesk.core.notices import reminder_days
    from frontdesk.services.context import settings

    assert reminder_days(settings(team.desk).extra) == 3, "a bad value changes nothing"
