"""The call for help offered with the answer: a removal on the roster page or an approved
swap that leaves a slot under its minimum offers 複製徵求支援訊息 for that slot, and one
click copies its LINE text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.services import roster, swaps
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.supervisor.roster import RosterPage
from frontdesk.ui.supervisor.swap_inbox import SwapInbox
from frontdesk.ui.supervisor.swaps import SwapsPage
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

AM8 = ShiftKey(date(2026, 12, 8), "AM")  # a Tuesday
CALL = "12/8（二）上午班缺 1 位，可以支援的請回覆或刷卡登記"


def test_a_removal_that_leaves_the_slot_short_offers_its_call(
    qtbot: QtBot, desk: Desk, clock: Clock, make_volunteer: Callable[..., int], zh: None
) -> None:
    update_settings(desk, {"slots": "AM=08:30-11:30/1-2;PM=13:30-16:30/0-2"})
    a, b = make_volunteer("A01"), make_volunteer("B01")
    roster.assign(desk, AM8, a)
    roster.assign(desk, AM8, b)
    page = RosterPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.steps.shift = AM8
    page._ask(page.steps.remove(b, "志工B01", confirmed=True))  # one left: not short
    assert page.call_offer.isHidden()
    page._ask(page.steps.remove(a, "志工A01", confirmed=True))
    assert page.call_offer.isVisible() and page.call_offer.text() == "複製徵求支援訊息"
    page.call_offer.click()
    assert QGuiApplication.clipboard().text() == CALL
    assert CALL in page.banner.text()


def test_an_approved_swap_on_a_short_slot_offers_its_call(
    qtbot: QtBot, desk: Desk, clock: Clock, make_volunteer: Callable[..., int], zh: None
) -> None:
    update_settings(desk, {"slots": "AM=08:30-11:30/2-3;PM=13:30-16:30/0-2"})
    a, c = make_volunteer("A01"), make_volunteer("C01")
    roster.assign(desk, AM8, a, confirm_warnings=True)
    swaps.request(desk, SwapProposal(SwapKind.COVER, a, AM8, c), colleague_agrees_now=True)
    page = SwapsPage(desk)
    qtbot.addWidget(page)
    page.show()
    inbox = SwapInbox(desk)
    inbox.load()
    answer = inbox.approve(inbox.waiting[0], confirmed=True)
    assert answer.call == CALL
    page._show(answer)
    assert page.call_offer.isVisible()
    page.call_offer.click()
    assert QGuiApplication.clipboard().text() == CALL
