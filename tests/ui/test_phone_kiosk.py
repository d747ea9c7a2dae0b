"""The kiosk's phone tab: the three phone rules as short lines, and the desk's latest
courtesy test score only when the supervisor chooses to show it."""

from __future__ import annotations

from datetime import time

from pytestqt.qtbot import QtBot

from frontdesk.core.phone_tests import AnswerWay, CallMarks, ContentWay
from frontdesk.core.timeutil import at
from frontdesk.services import phone_tests
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.kiosk.window import KioskWindow
from tests.ui.conftest import MONDAY
from tests.ui.test_desk_texts import phone_tab

MARKS = CallMarks(
    answer_way=AnswerWay.PERSON,
    ring_seconds=9,
    states_unit=True,
    greets=True,
    tone_band="warm",
    tone=8,
    closes_politely=True,
    content_way=ContentWay.OFFICER,
    content_band="detailed",
    content=24,
)  # 30 + 10 + 10 + 8 + 10 + 24 = 92


def test_the_phone_tab_shows_the_three_rules(window: KioskWindow) -> None:
    texts = phone_tab(window)
    assert "要點" in texts
    assert "10 秒內接聽・轉接報分機・來電者先掛" in texts
    assert not any("電話禮貌測試" in t for t in texts)  # no score unless the supervisor chooses


def test_the_latest_score_shows_when_the_supervisor_chooses(
    qtbot: QtBot, window: KioskWindow, kiosk_desk: Desk
) -> None:
    phone_tests.record_test(
        kiosk_desk,
        phone_tests.TestForm(at(MONDAY, time(8, 0)), MARKS, staff_name="總機 陳小姐"),
    )
    window.refresh()
    assert not any("電話禮貌測試" in t for t in phone_tab(window))
    update_settings(kiosk_desk, {"phone_test_show_score": "true"})
    window.refresh()
    qtbot.waitUntil(lambda: "最近一次電話禮貌測試：92 分" in phone_tab(window))
