"""安排換班 never opens on a duty under way (it opened on today's morning duty at 09:00 and
said 「還有 0 分鐘」), and a started duty chosen cannot be arranged (core.swaps.has_started,
the rule that refuses it at the kiosk)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from frontdesk.ui.supervisor.arrange import ArrangeDialog
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

NOV2 = date(2026, 11, 2)


def test_the_dialog_opens_on_the_first_duty_not_started(qtbot, desk, clock: Clock, zh) -> None:  # type: ignore[no-untyped-def]
    clock.set(NOV2, 9, 0)
    dialog = ArrangeDialog(desk)
    qtbot.addWidget(dialog)
    assert (dialog.shift().day, dialog.shift().slot) == (NOV2, "PM")
    assert dialog.ok_button.isEnabled()
    assert "還有 0 分鐘" not in dialog.notice.text()
    clock.set(NOV2, 14, 0)
    later = ArrangeDialog(desk)
    qtbot.addWidget(later)
    assert (later.shift().day, later.shift().slot) == (date(2026, 11, 3), "AM")


def test_a_started_duty_chosen_says_so_and_cannot_be_arranged(
    qtbot, desk, clock: Clock, zh
) -> None:  # type: ignore[no-untyped-def]
    clock.set(NOV2, 9, 0)
    dialog = ArrangeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.set_shift(NOV2, "AM")
    assert dialog.day.date() == QDate(2026, 11, 2)
    assert not dialog.ok_button.isEnabled()
    assert "已經開始" in dialog.notice.text(), dialog.notice.text()
    assert "還有 0 分鐘" not in dialog.notice.text()
