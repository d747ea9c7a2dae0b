"""The 通知 page as a fresh supervisor found it: the desk phone among the notices basics and
warned about when empty, fields showing their defaults, a blank number taking its default,
the preview following the settings, the encryption chosen in words, the slips' month."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from frontdesk.core.notices import REMINDER_DAYS
from frontdesk.services import mailer
from frontdesk.services.context import settings
from frontdesk.services.setup import update_settings
from frontdesk.store.db import Database
from frontdesk.ui.supervisor.notices import NoticesPage
from tests.support.clocks import Clock
from tests.support.notices import MON, make_team


def _page(qtbot: QtBot, sqlite_db: Database, clock: Clock, phone: str = "") -> NoticesPage:
    clock.set(MON.replace(day=1), 10)  # Tuesday 12/1: the coming week is 12/7-12/13
    team = make_team(sqlite_db, clock)
    update_settings(team.desk, {"desk_phone": phone})
    page = NoticesPage(team.desk.as_actor("supervisor:boss"))
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_desk_phone_is_a_notices_basic_and_warned_about_when_empty(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    page = _page(qtbot, sqlite_db, clock)
    assert "desk_phone" not in page.mail.fields, "the phone is not an e-mail server setting"
    assert page.basics.phone.text() == ""
    assert page.basics.warning.isVisible()
    assert "服務台電話" in page.basics.warning.text()
    assert page.line.phone_warning.isVisible()
    assert "服務台電話" in page.line.phone_warning.text()
    page.tabs.setCurrentWidget(page.paper)
    page.paper.save_pdf("/nonexistent-dir/never.pdf")
    assert "服務台電話" in page.paper.phone_warning.text()
    assert page.paper.phone_warning.isVisible()
    # Saved from the basics: the warning goes and the LINE preview shows it at once (3).
    page.basics.phone.setText("07-713-4000")
    page.basics.save_button.click()
    assert settings(page.desk).extra["desk_phone"] == "07-713-4000"
    assert not page.basics.warning.isVisible()
    assert "07-713-4000" in page.line.preview.toPlainText()
    assert not page.paper.phone_warning.isVisible()


def test_fields_show_their_defaults_and_a_blank_number_takes_it(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    page = _page(qtbot, sqlite_db, clock)
    days = page.mail.fields[REMINDER_DAYS]
    assert days.text() == "2"
    assert page.mail.fields["smtp_port"].placeholderText() == "587"
    days.setText("")
    page.mail.fields["smtp_host"].setText("mail.example.gov.tw")
    page.mail.save_button.click()
    assert page.mail.banner.text() == "已記錄。", page.mail.banner.text()
    assert settings(page.desk).extra["smtp_host"] == "mail.example.gov.tw"
    assert days.text() == "2"
    days.setText("兩天")
    page.mail.save_button.click()
    assert "值班前幾天寄提醒" in page.mail.banner.text()
    update_settings(page.desk, {REMINDER_DAYS: "5"})
    page.refresh()
    assert days.text() == "5"


def test_the_preview_follows_the_settings_when_the_page_is_shown(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    page = _page(qtbot, sqlite_db, clock)
    assert "07-713-4000" not in page.line.preview.toPlainText()
    page.hide()
    update_settings(page.desk, {"desk_phone": "07-713-4000"})  # e.g. on the settings page
    page.show()
    assert "07-713-4000" in page.line.preview.toPlainText()


def test_the_encryption_is_chosen_in_words_and_stored_as_before(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    page = _page(qtbot, sqlite_db, clock, phone="07-713-4000")
    choice = page.mail.security
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "STARTTLS（建議）",
        "SSL/TLS",
        "不加密",
    ]
    assert choice.currentData() == "starttls"
    page.mail.fields["smtp_host"].setText("mail.example.gov.tw")
    choice.setCurrentIndex(1)
    page.mail.save_button.click()
    smtp = mailer.smtp_of(page.desk)
    assert (smtp.security, smtp.port) == ("tls", 465)
    assert settings(page.desk).extra["smtp_security"] == "tls"


def test_the_slips_open_on_the_month_of_the_coming_week(
    qtbot: QtBot, sqlite_db: Database, clock: Clock, zh: None
) -> None:
    page = _page(qtbot, sqlite_db, clock, phone="07-713-4000")
    assert (page.paper.picker.year, page.paper.picker.month) == (2026, 12)
    clock.set(MON.replace(day=29), 10)  # Tuesday 12/29: the coming week begins 1/4
    assert (NoticesPage(page.desk).paper.picker.month) == 1
