"""Times typed into the workspace's real time fields, key by key, as a supervisor types them.

QTimeEdit's own key handling wrote a typed digit into the hour or minute under the cursor:
1330 became 01:33 and 1620 became 01:62 → 01:00, and a 下午 duty of 01:30–01:54 was saved
with no hours. Every time field (the hand entry's and the correction's in and out, the
settings' slot hours) now takes 1330, 13:30, 13.30 and 13：30 as 13:30, however it was
entered (Tab or a click). Hand-entered times outside the slot or in the future are refused
with a sentence (core.attendance.hand_entry_problem).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.core.attendance import HandEntryProblem, hand_entry_problem
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, attendance_review, workspace
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import InvalidInput
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.supervisor.attendance import TimesDialog
from frontdesk.ui.widgets.dates import ClockEdit
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

OCT1 = date(2026, 10, 1)


def type_keys(widget: QWidget, text: str) -> None:
    """Press and release a key for each character, with its text (a full-width colon too)."""
    for ch in text:
        key = Qt.Key(ord(ch)) if ch.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def enter(edit: ClockEdit, reason: Qt.FocusReason) -> None:
    """Come into the field as a person does: by Tab or by a click."""
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusIn, reason))
    QApplication.processEvents()


@pytest.fixture
def walk_in(desk: Desk, make_volunteer: Callable[..., int]) -> int:
    make_volunteer("B01")
    r = attendance.scan(desk, "B01", confirm_walk_in=True, now=at(OCT1, time(8, 40)))
    attendance.scan(desk, "B01", now=at(OCT1, time(11, 30)))
    assert r.attendance_id is not None
    return r.attendance_id


def _widgets(desk: Desk) -> list[QWidget]:
    row = workspace.review_rows(desk)[0]
    return [
        SupervisorWindow(desk, "boss", "王督導"),
        TimesDialog(desk, "手動登錄值班"),
        TimesDialog(desk, "更正時間", row),
    ]


@pytest.mark.parametrize("typed", ["1330", "13:30", "13.30", "13：30"])
@pytest.mark.parametrize("how", [Qt.FocusReason.TabFocusReason, Qt.FocusReason.MouseFocusReason])
def test_every_time_field_takes_the_time_typed_key_by_key(
    qtbot, desk, boss, walk_in, typed: str, how: Qt.FocusReason
) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for widget in _widgets(desk):
        qtbot.addWidget(widget)
        for edit in widget.findChildren(ClockEdit):
            edit.setEnabled(True)
            edit.setTime(QTime(8, 30))
            enter(edit, how)
            type_keys(edit, typed)
            edit.interpretText()
            assert edit.time() == QTime(13, 30), (typed, edit.text(), widget)
            edit.clearFocus()
            QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusOut))
            assert edit.text() == "13:30"
            seen += 1
    assert seen >= 8  # the settings' slot hours, the hand entry's and the correction's


def test_1620_is_not_read_as_01_62(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    dialog = TimesDialog(desk, "手動登錄值班")
    qtbot.addWidget(dialog)
    enter(dialog.out_time, Qt.FocusReason.TabFocusReason)
    type_keys(dialog.out_time, "1620")
    dialog.out_time.interpretText()
    assert dialog.out_time.time() == QTime(16, 20)


def test_choosing_the_afternoon_moves_the_default_times(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    dialog = TimesDialog(desk, "手動登錄值班")
    qtbot.addWidget(dialog)
    assert (dialog.in_time.time(), dialog.out_time.time()) == (QTime(8, 30), QTime(11, 30))
    dialog.slot.setCurrentIndex(dialog.slot.findData("PM"))
    assert (dialog.in_time.time(), dialog.out_time.time()) == (QTime(13, 30), QTime(16, 30))
    dialog.out_time.setTime(QTime(12, 0))  # a time changed by hand stays
    dialog.slot.setCurrentIndex(dialog.slot.findData("AM"))
    assert (dialog.in_time.time(), dialog.out_time.time()) == (QTime(8, 30), QTime(12, 0))


def test_an_afternoon_duty_typed_as_0130_is_refused_with_a_sentence(
    qtbot, desk, boss, make_volunteer, zh
) -> None:  # type: ignore[no-untyped-def]
    make_volunteer("V004")
    dialog = TimesDialog(desk, "手動登錄值班")
    qtbot.addWidget(dialog)
    dialog.day.setDate(dialog.day.date().addDays(-3))
    dialog.slot.setCurrentIndex(dialog.slot.findData("PM"))
    dialog.in_time.setTime(QTime(1, 30))
    dialog.out_time.setTime(QTime(1, 54))
    dialog.reason.setText("紙本簽到")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    said = dialog.banner.text()
    assert "13:30–16:30" in said and "13:00–17:00" in said, said
    assert workspace.attendance_month(desk, 2026, 10) == []
    assert workspace.attendance_month(desk, 2026, 11) == []


def test_hand_entered_times_outside_the_slot_or_in_the_future_are_refused(
    desk: Desk, make_volunteer: Callable[..., int], clock: Clock
) -> None:
    vid = make_volunteer("V004")
    cfg = settings(desk)
    pm = cfg.slot("PM")
    assert pm is not None
    now = clock()
    day = date(2026, 10, 30)
    assert (
        hand_entry_problem(
            day, pm, at(day, time(1, 30)), at(day, time(1, 54)), now=now, settings=cfg
        )
        is HandEntryProblem.OUTSIDE_SLOT
    )
    assert (
        hand_entry_problem(
            day, pm, at(day, time(13, 25)), at(day, time(16, 40)), now=now, settings=cfg
        )
        is None
    )
    later = date(2026, 11, 20)
    assert (
        hand_entry_problem(later, pm, at(later, time(13, 30)), None, now=now, settings=cfg)
        is HandEntryProblem.FUTURE
    )
    with pytest.raises(InvalidInput) as refused:
        attendance_review.record_manual(
            desk, vid, day, "PM", at(day, time(1, 30)), at(day, time(1, 54)), "紙本"
        )
    assert refused.value.facts["field"] == "hand_time_outside"
    with pytest.raises(InvalidInput) as refused:
        attendance_review.record_manual(
            desk, vid, later, "PM", at(later, time(13, 30)), None, "紙本"
        )
    assert refused.value.facts["field"] == "hand_time_future"


def _date_fields(desk: Desk) -> list[QWidget]:
    from frontdesk.ui.supervisor.arrange import ArrangeDialog
    from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog

    return [TimesDialog(desk, "手動登錄值班"), VolunteerDialog(desk), ArrangeDialog(desk)]


@pytest.mark.parametrize("typed", ["1151216", "115/12/16", "115.12.16"])
def test_every_date_field_takes_a_roc_date_typed_key_by_key(qtbot, desk, boss, typed: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from frontdesk.ui.widgets.dates import RocDateEdit

    seen = 0
    for widget in _date_fields(desk):
        qtbot.addWidget(widget)
        for edit in widget.findChildren(RocDateEdit):
            edit.setEnabled(True)
            edit.setDate(QDate(2026, 11, 2))
            enter(edit, Qt.FocusReason.TabFocusReason)
            type_keys(edit, typed)
            edit.interpretText()
            assert edit.date() == QDate(2026, 12, 16), (typed, edit.text(), widget)
            seen += 1
    assert seen >= 3


def test_a_date_field_says_what_is_wrong_with_a_typed_text(qtbot, desk, boss, zh) -> None:  # type: ignore[no-untyped-def]
    dialog = TimesDialog(desk, "手動登錄值班")
    qtbot.addWidget(dialog)
    edit = dialog.day
    enter(edit, Qt.FocusReason.TabFocusReason)
    type_keys(edit, "11512")
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusOut))
    assert edit.refused == "11512"
    assert "1151216" in edit.toolTip()


def _press(widget: QWidget, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def test_backspace_erases_a_whole_time_and_a_new_one_is_typed(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.ui.supervisor.phone_form import PhoneTestDialog

    fields = [TimesDialog(desk, "手動登錄值班").in_time, PhoneTestDialog(desk).clock]
    for edit in fields:
        qtbot.addWidget(edit.window())
        assert isinstance(edit, ClockEdit)
        edit.setEnabled(True)
        edit.setTime(QTime(11, 30))
        edit.lineEdit().setCursorPosition(len(edit.text()))
        _press(edit, Qt.Key.Key_Backspace, 5)
        assert edit.text() == "", edit.text()  # it stopped at 「11:」
        type_keys(edit, "1330")
        edit.interpretText()
        assert edit.time() == QTime(13, 30)


def test_typing_over_a_selected_date_replaces_it(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    dialog = TimesDialog(desk, "補登")
    qtbot.addWidget(dialog)
    edit = dialog.day
    edit.setDate(QDate(2026, 12, 1))
    edit.lineEdit().selectAll()
    type_keys(edit, "115/11/28")
    edit.interpretText()
    assert edit.date() == QDate(2026, 11, 28), edit.text()
    edit.lineEdit().setSelection(0, 3)  # the year selected: typing 114 replaces it
    type_keys(edit, "114")
    edit.interpretText()
    assert edit.date() == QDate(2025, 11, 28), edit.text()
