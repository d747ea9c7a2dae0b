"""Leaving the settings page with unsaved edits asks (save / discard / stay): the edits were
lost without a word when another page was chosen. 儲存設定 stays in a bar under the scrolling
form, reachable without scrolling to the bottom."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from frontdesk.services.context import settings
from frontdesk.ui.supervisor import SupervisorWindow, common
from frontdesk.ui.widgets import leaving
from frontdesk.ui.widgets.leaving import LeaveChoice
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def _window_on_settings(qtbot, desk):  # type: ignore[no-untyped-def]
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    window.nav.setCurrentRow(window.pages.index(window.calendar))
    assert window.stack.currentWidget() is window.calendar
    spin = window.calendar.spins["late_grace_minutes"]
    before = spin.value()
    spin.setValue(before + 3)
    return window, spin, before


@pytest.mark.parametrize("answer", [LeaveChoice.STAY, LeaveChoice.DISCARD, LeaveChoice.SAVE])
def test_leaving_the_settings_with_edits_asks_first(
    qtbot, desk, boss, monkeypatch: pytest.MonkeyPatch, answer: LeaveChoice
) -> None:  # type: ignore[no-untyped-def]
    window, spin, before = _window_on_settings(qtbot, desk)
    asked: list[object] = []
    monkeypatch.setattr(leaving, "ask_leave", lambda parent: asked.append(parent) or answer)
    monkeypatch.setattr(common, "confirm", lambda *_a: True)
    window.nav.setCurrentRow(window.pages.index(window.roster))
    assert asked == [window.calendar]
    if answer is LeaveChoice.STAY:
        assert window.stack.currentWidget() is window.calendar
        assert window.nav.currentRow() == window.pages.index(window.calendar)
        assert spin.value() == before + 3
        assert settings(desk).late_grace_minutes == before
    elif answer is LeaveChoice.DISCARD:
        assert window.stack.currentWidget() is window.roster
        assert spin.value() == before
        assert settings(desk).late_grace_minutes == before
    else:
        assert window.stack.currentWidget() is window.roster
        assert settings(desk).late_grace_minutes == before + 3


def test_nothing_changed_leaves_without_a_question(
    qtbot, desk, boss, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    monkeypatch.setattr(leaving, "ask_leave", lambda parent: pytest.fail("asked"))
    window.nav.setCurrentRow(window.pages.index(window.calendar))
    window.nav.setCurrentRow(window.pages.index(window.roster))
    assert window.stack.currentWidget() is window.roster


def test_the_save_button_is_outside_the_scrolling_form(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    page = window.calendar
    (scroll,) = page.findChildren(QScrollArea)
    assert not scroll.isAncestorOf(page.save_button)
    assert page.isAncestorOf(page.save_button)
