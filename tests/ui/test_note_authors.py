"""A handover note says who wrote it, a volunteer or a supervisor: the supervisor leaves
one from the workspace, and the desk shows each with the writer's name and role."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.services import kiosk, supervisors, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.errors import NotFound
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.supervisor import window as window_module

MONDAY = date(2026, 11, 2)


def test_the_desk_shows_who_wrote_each_note(
    qtbot: QtBot, window: KioskWindow, kiosk_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    supervisors.create(kiosk_desk, "boss", "correct-horse-1", "林督導")
    a001 = volunteers.find_by_code(kiosk_desk, "A001").id
    kiosk.add_note(kiosk_desk, MONDAY, "AM", a001, "影印機卡紙")
    workspace = SupervisorWindow(kiosk_desk, "boss", "林督導")
    qtbot.addWidget(workspace)
    monkeypatch.setattr(window_module, "ask_note", lambda *_a: "明天颱風假，請看公告")
    workspace.write_note()
    assert workspace.note_banner.text() == "已留下交班事項給服務台的上午班。"
    notes = kiosk.board(kiosk_desk).notes
    assert [(n.author, n.by_supervisor) for n in notes] == [("王小明", False), ("林督導", True)]
    window.refresh()
    shown = window.home.notes_label.text()
    assert "王小明（志工）】\n影印機卡紙" in shown
    assert "林督導（督導）】\n明天颱風假，請看公告" in shown


def test_a_note_by_an_unknown_supervisor_is_refused(kiosk_desk: Desk) -> None:
    with pytest.raises(NotFound):
        kiosk.add_note(kiosk_desk, MONDAY, "AM", None, "x", supervisor="nobody")
    assert kiosk.board(kiosk_desk).notes == ()


def test_cancelling_the_note_leaves_nothing(
    qtbot: QtBot, kiosk_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    supervisors.create(kiosk_desk, "boss", "correct-horse-1", "林督導")
    workspace = SupervisorWindow(kiosk_desk, "boss", "林督導")
    qtbot.addWidget(workspace)
    monkeypatch.setattr(window_module, "ask_note", lambda *_a: None)
    workspace.write_note()
    assert kiosk.board(kiosk_desk).notes == ()
