"""The supervisor's swap inbox, history and arrange dialog; the kiosk's 督導 button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from frontdesk import app as frontdesk_app
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.services import roster, swap_views, swaps
from frontdesk.services.context import Desk
from frontdesk.ui import supervisor as supervisor_ui
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.supervisor import LoginDialog, SupervisorWindow, common
from frontdesk.ui.supervisor.arrange import ArrangeDialog
from frontdesk.ui.supervisor.swaps import SwapsPage
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)
from tests.ui.supervisor_fixtures import PASSWORD

DEC8 = date(2026, 12, 8)  # Tuesday
AM8 = ShiftKey(DEC8, "AM")
PM8 = ShiftKey(DEC8, "PM")


def who(desk: Desk, shift: ShiftKey) -> set[tuple[int, str]]:
    view = roster.month_view(desk, shift.day.year, shift.day.month)
    return {(e.volunteer_id, e.source) for e in view.cells.get(shift, [])}


def cells(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, column).text() for r in range(table.rowCount())]


@pytest.fixture
def page(qtbot: QtBot, desk: Desk) -> SwapsPage:
    p = SwapsPage(desk)
    qtbot.addWidget(p)
    p.show()
    return p


def test_way2_please_arrange_reaches_the_inbox_with_suggestions_and_is_approved(
    qtbot: QtBot, desk: Desk, clock: Clock, page: SwapsPage, make_volunteer: Callable[..., int]
) -> None:
    a, busy, free, gone = (make_volunteer(c) for c in ("A01", "B01", "C01", "D01"))
    roster.assign(desk, AM8, a)
    roster.assign(desk, AM8, busy)
    clock.set(date(2026, 12, 6), 14, 0)
    rid = swaps.ask_supervisor(desk, a, AM8, "生病")
    counts: list[int] = []
    page.count_changed.connect(counts.append)
    page.refresh()
    assert counts == [1] and "(1)" in page.title.text()
    assert cells(page.inbox, 0) == ["志工A01"]
    assert cells(page.inbox, 4) == ["1 days 18 hours left ⚠"] and cells(page.inbox, 5) == ["生病"]
    assert "Duty starts: 1 days 18 hours left." in page.detail.text()
    assert page.cover.isVisible()
    offered = [page.cover.itemData(i) for i in range(page.cover.count())]
    assert free in offered and gone in offered and a not in offered and busy not in offered
    # Nobody is chosen for the supervisor: one click on 核准 approves no one.
    assert page.cover.currentData() is None
    page.approve()
    assert who(desk, AM8) == {(a, "manual"), (busy, "manual")}
    assert "Choose who covers" in page.banner.text()
    page.cover.setCurrentIndex(page.cover.findData(free))
    page.approve()
    assert who(desk, AM8) == {(busy, "manual"), (free, "swap")}
    assert "志工C01 serves" in page.banner.text() and "志工A01" in page.banner.text()
    assert page.inbox.rowCount() == 0 and page.empty.isVisible()
    assert cells(page.history, 0) == [str(rid)] and cells(page.history, 4) == ["志工C01"]
    assert "Approved" in cells(page.history, 5)[0]


def test_inbox_table_and_detail_show_the_same_notice_for_a_request_asked_days_ago(
    qtbot: QtBot, desk: Desk, clock: Clock, page: SwapsPage, make_volunteer: Callable[..., int]
) -> None:
    """Asked 10 d 22 h before the duty, looked at 1 d 17 h later: both say what is left now."""
    a, c = make_volunteer("A01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    clock.set(date(2026, 11, 27), 10, 0)  # 8:30 on 12/8 is 10 d 22 h 30 min away
    swaps.request(desk, SwapProposal(SwapKind.COVER, a, AM8, c), colleague_agrees_now=True)
    clock.set(date(2026, 11, 29), 3, 0)  # now 9 d 5 h 30 min away
    page.refresh()
    assert cells(page.inbox, 4) == ["9 days 5 hours left"]  # asked in time: no warning
    assert "Duty starts: 9 days 5 hours left." in page.detail.text()
    assert cells(page.history, 8) == ["10 d 22 h"]  # the notice given when asking, a record
    assert page.history.horizontalHeaderItem(8).text() == "Notice when asked"


def test_stale_request_shows_the_reason_and_the_roster_stays(
    qtbot: QtBot, desk: Desk, clock: Clock, page: SwapsPage, make_volunteer: Callable[..., int]
) -> None:
    a, c = make_volunteer("A01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, a, AM8, c), colleague_agrees_now=True)
    roster.assign(desk, AM8, c)  # C was put on that duty meanwhile
    before = who(desk, AM8)
    page.refresh()
    page.approve()
    text = page.banner.text()
    assert f"#{rid}" in text and "志工C01" in text and "Nothing was changed" in text
    assert who(desk, AM8) == before
    assert [v.id for v in swap_views.pending(desk)] == [rid]


def test_reject_needs_a_reason_and_history_shows_it_and_why_others_went_invalid(
    qtbot: QtBot,
    desk: Desk,
    clock: Clock,
    page: SwapsPage,
    make_volunteer: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, c = make_volunteer("A01"), make_volunteer("B01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    roster.assign(desk, PM8, b)
    first = swaps.request(desk, SwapProposal(SwapKind.COVER, a, AM8, c), colleague_agrees_now=True)
    second = swaps.request(
        desk, SwapProposal(SwapKind.EXCHANGE, b, PM8, a, AM8), colleague_agrees_now=True
    )
    page.refresh()
    answers = iter(["", "該日人力不足"])
    monkeypatch.setattr(common, "ask_text", lambda *args, **kw: next(answers))
    page.inbox.selectRow(0)  # the first request
    page.reject()
    assert "reason" in page.banner.text() and len(swap_views.pending(desk)) == 2
    page.inbox.selectRow(0)
    page.reject()
    page.approve()  # the exchange, now the only one
    history = {cells(page.history, 0)[r]: r for r in range(page.history.rowCount())}
    assert set(history) == {str(first), str(second)}
    assert "該日人力不足" in page.history.item(history[str(first)], 6).text()
    third = swaps.request(desk, SwapProposal(SwapKind.COVER, b, AM8, c), colleague_agrees_now=True)
    page.refresh()
    assert page.inbox.rowCount() == 1
    # another approved change takes the same duty: the waiting one goes invalid with the why
    swaps.arrange(desk, SwapProposal(SwapKind.COVER, b, AM8, make_volunteer("D01")))
    page.refresh()
    row = {cells(page.history, 0)[r]: r for r in range(page.history.rowCount())}[str(third)]
    assert page.history.item(row, 5).text() == "No longer possible"
    assert "#" in page.history.item(row, 6).text()


def test_way3_arranging_with_short_notice_requires_a_reason(
    qtbot: QtBot, desk: Desk, clock: Clock, page: SwapsPage, make_volunteer: Callable[..., int]
) -> None:
    a, d = make_volunteer("A01"), make_volunteer("D01")
    roster.assign(desk, AM8, a)
    clock.set(date(2026, 12, 7), 9, 0)
    dialog = ArrangeDialog(desk, page)
    qtbot.addWidget(dialog)
    dialog.set_shift(DEC8, "AM")
    assert dialog.giver.currentData() == a
    assert "reason" in dialog.notice.text()
    dialog.taker.setCurrentIndex(dialog.taker.findData(d))
    dialog.arrange()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "reason" in dialog.banner.text() and who(desk, AM8) == {(a, "manual")}
    dialog.reason.setText("志工住院，督導協調")
    dialog.arrange()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert who(desk, AM8) == {(d, "swap")}
    page.refresh()
    assert page.inbox.rowCount() == 0
    assert "by supervisor" in cells(page.history, 3)[0]
    assert "志工住院" in cells(page.history, 6)[0]


def test_arranging_an_exchange_of_two_duties(
    qtbot: QtBot, desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a, b = make_volunteer("A01"), make_volunteer("B01")
    roster.assign(desk, AM8, a)
    roster.assign(desk, PM8, b)
    dialog = ArrangeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.set_shift(DEC8, "AM", taken=(DEC8, "PM"))
    assert dialog.partner.currentData() == b
    dialog.arrange()  # a month ahead: no reason needed
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert who(desk, AM8) == {(b, "swap")} and who(desk, PM8) == {(a, "swap")}


def test_workspace_lists_the_inbox_with_its_count(
    qtbot: QtBot, desk: Desk, boss: str, make_volunteer: Callable[..., int]
) -> None:
    a = make_volunteer("A01")
    roster.assign(desk, AM8, a)
    swaps.ask_supervisor(desk, a, AM8, "家中有事")
    w = SupervisorWindow(desk, boss, "王督導")
    qtbot.addWidget(w)
    labels = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert "Swaps (1)" in labels
    w.nav.setCurrentRow(w.pages.index(w.swaps))
    assert w.stack.currentWidget() is w.swaps and w.swaps.inbox.rowCount() == 1
    w.close()


def _answer_login(qtbot: QtBot, password: str, outcome: list[str]) -> None:
    """Answer the login dialog the 督導 button opens (it runs its own event loop)."""
    tries = iter(range(200))

    def answer() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        ]
        if not dialogs:
            if next(tries, None) is not None:
                QTimer.singleShot(10, answer)
            return
        dialog = dialogs[0]
        dialog.username.setText("boss")
        dialog.password.setText(password)
        dialog.try_login()
        outcome.append(dialog.banner.text())
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.reject()

    QTimer.singleShot(0, answer)


def test_supervisor_button_opens_the_login_and_only_the_right_password_the_workspace(
    qtbot: QtBot, desk: Desk, boss: str
) -> None:
    kiosk = KioskWindow(desk)
    qtbot.addWidget(kiosk)
    frontdesk_app.connect_supervisor(kiosk, desk)
    kiosk.show()
    seen: list[str] = []
    _answer_login(qtbot, "wrong-password", seen)
    kiosk.supervisor_button.click()
    assert seen and "Wrong user name or password" in seen[0]
    assert supervisor_ui._open == []
    assert not any(
        isinstance(w, SupervisorWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )

    _answer_login(qtbot, PASSWORD, seen)
    kiosk.supervisor_button.click()
    assert len(supervisor_ui._open) == 1
    workspace = supervisor_ui._open[0]
    assert workspace.isVisible() and workspace.username == "boss"
    workspace.lock()
    assert supervisor_ui._open == [] and not workspace.isVisible()
    assert kiosk.isVisible()
    kiosk.close()


def test_the_inbox_lists_the_soonest_duty_first(
    qtbot: QtBot, desk: Desk, clock: Clock, page: SwapsPage, make_volunteer: Callable[..., int]
) -> None:
    """A request for a duty nine days away, asked first, goes below one for tomorrow."""
    a, b, c = make_volunteer("A01"), make_volunteer("B01"), make_volunteer("C01")
    later, soon = ShiftKey(date(2026, 12, 16), "AM"), AM8
    roster.assign(desk, later, a)
    roster.assign(desk, soon, b)
    clock.set(date(2026, 12, 7), 9, 0)
    far = swaps.request(desk, SwapProposal(SwapKind.COVER, a, later, c), colleague_agrees_now=True)
    clock.set(date(2026, 12, 7), 10, 0)
    near = swaps.ask_supervisor(desk, b, soon, "發燒")
    page.refresh()
    assert [v.id for v in page.waiting] == [near, far]
    assert cells(page.inbox, 0) == ["志工B01", "志工A01"]
    assert page.current() is not None and page.current().id == near  # type: ignore[union-attr]


def test_the_reject_question_names_who_will_read_the_reason(
    qtbot: QtBot,
    desk: Desk,
    clock: Clock,
    page: SwapsPage,
    make_volunteer: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, c = make_volunteer("A01"), make_volunteer("B01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    roster.assign(desk, PM8, b)
    swaps.ask_supervisor(desk, a, AM8, "生病")  # one volunteer: nobody else is told
    swaps.request(desk, SwapProposal(SwapKind.COVER, b, PM8, c), colleague_agrees_now=True)
    asked: list[str] = []
    monkeypatch.setattr(common, "ask_text", lambda _p, _t, prompt, *a, **k: asked.append(prompt))
    page.refresh()
    page.inbox.selectRow(0)
    page.reject()
    page.inbox.selectRow(1)
    page.reject()
    assert "Both" not in asked[0] and "志工A01" in asked[0]
    assert "志工B01" in asked[1] and "志工C01" in asked[1]


def test_the_losing_one_of_two_approvals_says_which_request_took_the_duty(
    qtbot: QtBot,
    desk: Desk,
    clock: Clock,
    page: SwapsPage,
    make_volunteer: Callable[..., int],
    zh: None,
) -> None:
    """Two supervisors, one inbox each: the second approval is refused in Chinese words,
    naming the request approved first, with no state code such as 'invalid'."""
    a, b, c = make_volunteer("A01"), make_volunteer("B01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    roster.assign(desk, PM8, b)
    first = swaps.request(desk, SwapProposal(SwapKind.COVER, a, AM8, c), colleague_agrees_now=True)
    second = swaps.request(
        desk, SwapProposal(SwapKind.EXCHANGE, b, PM8, a, AM8), colleague_agrees_now=True
    )
    page.refresh()
    swaps.approve(desk, first)  # the other supervisor, a moment earlier
    page.inbox.selectRow([v.id for v in page.waiting].index(second))
    page.approve()
    text = page.banner.text()
    assert f"#{first}" in text and str(second) in text, text
    assert not any(word in text.lower() for word in ("invalid", "approved", "pending")), text
    assert all(not ch.isascii() or not ch.isalpha() for ch in text), text
    assert who(desk, PM8) == {(b, "manual")}


def test_no_column_of_the_inbox_or_history_is_cut_off_at_1366x768(
    qtbot: QtBot,
    desk: Desk,
    boss: str,
    clock: Clock,
    make_volunteer: Callable[..., int],
    zh: None,
) -> None:
    """In the supervisor's language, every heading shows whole and the last column ends
    inside the table (the right-hand columns were cut off)."""
    a, b, c = make_volunteer("A01"), make_volunteer("B01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    roster.assign(desk, PM8, b)
    swaps.ask_supervisor(
        desk, a, AM8, "家裡臨時有事，需要請督導協助安排代班的志工，謝謝您的幫忙與體諒"
    )
    swaps.request(desk, SwapProposal(SwapKind.COVER, b, PM8, c), colleague_agrees_now=True)
    w = SupervisorWindow(desk, boss, "王督導")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.nav.setCurrentRow(w.pages.index(w.swaps))
    qtbot.wait(50)
    for table in (w.swaps.inbox, w.swaps.history):
        header = table.horizontalHeader()
        assert table.rowCount() > 0
        assert header.length() <= table.viewport().width(), table.objectName()
        for column in range(table.columnCount()):
            title = table.horizontalHeaderItem(column).text()
            room = header.sectionSize(column)
            assert header.fontMetrics().horizontalAdvance(title) <= room, (title, room)
    w.close()


def test_history_names_the_deciding_supervisor_not_the_login_name(
    qtbot: QtBot,
    desk: Desk,
    boss: str,
    page: SwapsPage,
    make_volunteer: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The 審核時間 column showed the raw login name ('boss') where a person is meant."""
    a, c = make_volunteer("A01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    swaps.request(desk, SwapProposal(SwapKind.COVER, a, AM8, c), colleague_agrees_now=True)
    page.refresh()
    monkeypatch.setattr(common, "ask_text", lambda *args, **kw: "人力不足")
    page.inbox.selectRow(0)
    page.reject()
    (decided,) = cells(page.history, 10)
    assert decided.endswith(" 王督導")
    assert boss not in decided
    assert swap_views.history(desk)[0].decider == "王督導"
