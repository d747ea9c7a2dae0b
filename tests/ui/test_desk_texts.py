"""The duty points and the phone script are the agency's own texts: the supervisor edits
them on the settings page (the rules' texts by default) and the kiosk shows what is saved."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from frontdesk.core.settings import DeskSettings
from frontdesk.services.context import Desk, settings
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.calendar import CalendarPage
from tests.ui.test_kiosk import texts

# 志工服務規範 四、值班要點 and 六、電話禮貌 as the kiosk has shown them
RULES_POINTS = [
    "安全維護：維護所內人員及財產安全",
    "5S環境整潔：維持服務台整潔",
    "接待：接待來賓",
    "電話：接聽及轉接電話",
    "廣播：協助廣播",
    "緊急應變：採取應變措施並速通知主管",
]
RULES_PHONE = [
    ("接聽", "鈴響 3 聲（10 秒）內接聽。"),
    ("接話", "「苓雅區衛生所您好，很高興為您服務」"),
    ("轉接", "「請稍候，將為您轉接承辦人員。」"),
    ("忙線", "「對不起，承辦人員正在電話中，請留下聯絡資料，再請承辦人員與您聯繫。」"),
    ("結束", "「謝謝」「再見」，讓來電者先掛電話。"),
]


@pytest.fixture(autouse=True)
def saving_is_confirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The supervisor says yes to the list of changes a save shows first."""
    monkeypatch.setattr(common, "confirm", lambda *_a: True)


def phone_tab(window: KioskWindow) -> list[str]:
    grid = window.home.phone_grid
    return [
        w.text()
        for i in range(grid.count())
        if isinstance(w := grid.itemAt(i).widget(), QLabel) and not w.isHidden()
    ]


def settings_page(qtbot: QtBot, desk: Desk) -> CalendarPage:
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_defaults_are_the_rules_texts(window: KioskWindow) -> None:
    assert DeskSettings().duty_points.splitlines() == RULES_POINTS
    points = window.findChild(QLabel, "dutyPoints")
    assert points is not None
    assert points.text().splitlines() == [f"{i}. {p}" for i, p in enumerate(RULES_POINTS, 1)]
    # The script, then the three phone rules on one line (words.phone.desk_rules).
    assert phone_tab(window) == [
        *(part for line in RULES_PHONE for part in line),
        "要點",
        "10 秒內接聽・轉接報分機・來電者先掛",
    ]
    assert not any("○" in t for t in texts(window))  # the rules' blanks never reach the desk


def test_the_settings_page_shows_the_current_texts(qtbot: QtBot, kiosk_desk: Desk) -> None:
    page = settings_page(qtbot, kiosk_desk)
    assert list(page.lines) == ["duty_points", "phone_script"]
    assert page.lines["duty_points"].toPlainText().splitlines() == RULES_POINTS
    assert "{機關名稱}您好" in page.lines["phone_script"].toPlainText()
    assert page.changes() == {}


def test_saving_new_texts_changes_what_the_kiosk_shows(
    qtbot: QtBot, window: KioskWindow, kiosk_desk: Desk
) -> None:
    page = settings_page(qtbot, kiosk_desk)
    page.lines["duty_points"].setPlainText("  注意門禁\n\n\t協助量血壓  \n")
    page.lines["phone_script"].setPlainText(
        "接話：「{機關名稱}您好，很高興為您服務」\n分機：掛號 101、預防注射 102\n"
    )
    page.save_settings()
    assert "已儲存" in page.banner.text()
    assert settings(kiosk_desk).duty_points == "注意門禁\n協助量血壓"  # cleaned
    window.refresh()
    points = window.findChild(QLabel, "dutyPoints")
    assert points is not None and points.text() == "1. 注意門禁\n2. 協助量血壓"
    assert not any("安全維護" in t for t in texts(window))
    qtbot.waitUntil(
        lambda: (
            phone_tab(window)
            == [
                "接話",
                "「苓雅區衛生所您好，很高興為您服務」",
                "分機",
                "掛號 101、預防注射 102",
                "要點",  # the three phone rules stay under whatever script is set
                "10 秒內接聽・轉接報分機・來電者先掛",
            ]
        )
    )
    assert page.changes() == {}


def test_the_phone_script_says_the_agency_name(
    qtbot: QtBot, window: KioskWindow, kiosk_desk: Desk
) -> None:
    page = settings_page(qtbot, kiosk_desk)
    page.texts["agency_name"].setText("新興區衛生所")
    page.save_settings()
    window.refresh()
    assert "「新興區衛生所您好，很高興為您服務」" in phone_tab(window)
    qtbot.waitUntil(lambda: not any("苓雅區衛生所您好" in t for t in texts(window)))


def test_an_empty_or_overlong_text_is_refused_naming_it(qtbot: QtBot, kiosk_desk: Desk) -> None:
    page = settings_page(qtbot, kiosk_desk)
    page.lines["duty_points"].setPlainText(" \n \n")
    page.save_settings()
    assert "Duty points" in page.banner.text() and "Nothing was saved" in page.banner.text()
    assert settings(kiosk_desk).duty_points == DeskSettings().duty_points
    page.refresh()
    page.lines["phone_script"].setPlainText("\n".join(f"第{i}行" for i in range(30)))
    page.save_settings()
    assert "20 lines" in page.banner.text()
    assert settings(kiosk_desk).phone_script == DeskSettings().phone_script
