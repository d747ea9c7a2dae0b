"""Saving settings lists each change (old → new, in the page's words) and asks first; a
save with nothing changed says so and asks nothing (a value changes only when meant)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from frontdesk.core.settings import SPECS, DeskSettings, SettingKind, settings_to_rows
from frontdesk.services.context import Desk, settings
from frontdesk.store.models import AuditEntry
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.calendar import CalendarPage
from frontdesk.words.settings import describe_changes, setting_labels
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


class Asked:
    """The questions the page asked (title, text) and the answer it gets."""

    def __init__(self) -> None:
        self.questions: list[tuple[str, str]] = []
        self.yes = True

    def __call__(self, _parent: object, title: str, text: str) -> bool:
        self.questions.append((title, text))
        return self.yes


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    answer = Asked()
    monkeypatch.setattr(common, "confirm", answer)
    return answer


def page_of(qtbot: QtBot, desk: Desk) -> CalendarPage:
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    return page


def settings_updates(desk: Desk) -> int:
    with desk.db.read() as session:
        query = select(func.count()).where(AuditEntry.action == "settings.update")
        return int(session.scalar(query) or 0)


def test_the_wheel_accident_is_listed_and_nothing_saved_without_a_yes(
    qtbot: QtBot, desk: Desk, zh: None, asked: Asked
) -> None:
    """The tester's case: 上午班 至少 1 → 0 and the language to English by the wheel."""
    page = page_of(qtbot, desk)
    page.slot_rows[0][3].setValue(0)
    page.language.setCurrentIndex(page.language.findData("en"))
    asked.yes = False
    page.save_settings()
    assert len(asked.questions) == 1
    title, text = asked.questions[0]
    assert title == "儲存設定？"
    assert "上午班 至少：1 → 0" in text
    assert "語言：繁體中文 → English" in text
    assert text.count("→") == 2  # nothing else is listed
    assert settings(desk).slot("AM").min_staff == 1  # type: ignore[union-attr]
    assert settings(desk).language == "zh_TW"
    assert page.banner.text() == "沒有儲存任何變更。"
    assert settings_updates(desk) == 0

    asked.yes = True
    page.save_settings()
    assert settings(desk).slot("AM").min_staff == 0  # type: ignore[union-attr]
    assert settings(desk).language == "en"
    assert page.banner.text() == "設定已儲存。"
    assert settings_updates(desk) == 1


def test_saving_with_nothing_changed_says_so_and_asks_nothing(
    qtbot: QtBot, desk: Desk, zh: None, asked: Asked
) -> None:
    page = page_of(qtbot, desk)
    page.save_settings()
    assert asked.questions == []
    assert page.banner.text() == "沒有任何變更。"
    assert settings_updates(desk) == 0


def test_a_refused_value_is_named_before_anything_is_asked(
    qtbot: QtBot, desk: Desk, zh: None, asked: Asked
) -> None:
    page = page_of(qtbot, desk)
    page.slot_rows[0][1].setTime(QTime(12, 0))  # starts after it ends
    page.save_settings()
    assert asked.questions == []
    assert "值班時間與人數" in page.banner.text() and "沒有儲存" in page.banner.text()


def test_every_setting_on_the_page_is_listed_in_words(qtbot: QtBot, zh: None) -> None:
    """Each on-screen setting of core.settings.SPECS, changed, is one line: its Chinese label,
    the old and the new value in words (是/否, 繁體中文, numbers, a quoted start of text)."""
    current = DeskSettings()
    rows = settings_to_rows(current)
    labels = setting_labels()
    changed = {
        "agency_name": "新興區衛生所",
        "desk_name": "一樓服務台",
        "slots": "AM=09:00-12:00/0-3;PM=13:30-16:30/1-2",
        "language": "en",
        "makeup_saturday_is_duty": "false",
        "require_pin": "true",
        "duty_points": "注意門禁\n協助量血壓",
        "phone_script": "接話：您好",
        "phone_test_show_score": "true",
    }
    for s in SPECS:
        if s.on_screen and s.kind is SettingKind.INT:
            assert s.lo is not None
            changed[s.key] = str(s.lo if int(rows[s.key]) != s.lo else s.lo + 1)
    assert {s.key for s in SPECS if s.on_screen} == set(changed)
    lines = describe_changes(current, changed)
    assert "上午班 時間：08:30–11:30 → 09:00–12:00" in lines
    assert "上午班 至少：1 → 0" in lines and "上午班 最多：2 → 3" in lines
    assert not any(line.startswith("下午班") for line in lines)  # unchanged
    assert "語言：繁體中文 → English" in lines
    assert f"{labels['makeup_saturday_is_duty']}：是 → 否" in lines
    assert f"{labels['require_pin']}：否 → 是" in lines
    assert f"{labels['phone_test_show_score']}：否 → 是" in lines
    assert f"{labels['phone_test_threshold']}：80 → 0" in lines
    assert "機關名稱：「○○衛生所」 → 「新興區衛生所」" in lines
    assert any(line.startswith(labels["duty_points"] + "：「安全維護") for line in lines)
    assert any(line.endswith("→ 「注意門禁 / 協助量血壓」") for line in lines)
    assert f"{labels['swap_notice_days']}：7 → 0" in lines
    for key in changed:
        if key != "slots":
            assert sum(line.startswith(labels[key] + "：") for line in lines) == 1, key
    assert all("_" not in line for line in lines)  # no setting key or code leaks through
    assert describe_changes(current, rows) == []  # the stored values change nothing
