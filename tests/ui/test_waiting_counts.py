"""The kiosk's 督導 badge and the workspace's counts agree on a seeded desk: the badge is
the sum of the parts shown beside the navigation (services.waiting). They said 16, 待確認
39 and 換班 (2) before."""

from __future__ import annotations

import re
from datetime import date, time

from pytestqt.qtbot import QtBot

from frontdesk.core.timeutil import at
from frontdesk.services import waiting
from frontdesk.services.context import Desk
from frontdesk.services.demo import SUPERVISOR_USER, build_demo
from frontdesk.store.db import Database
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.supervisor.attendance import AcceptDialog

TODAY = date(2026, 11, 20)  # a Friday afternoon, after the morning duty
NOW = at(TODAY, time(15, 0))


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def test_the_badge_is_the_sum_of_the_parts_beside_the_navigation(
    qtbot: QtBot, sqlite_db: Database, zh: None
) -> None:
    build_demo(sqlite_db, today=TODAY, now=NOW)
    desk = Desk(sqlite_db, 1, actor=f"supervisor:{SUPERVISOR_USER}", clock=lambda: NOW)
    parts = waiting.for_supervisor(desk)
    assert parts.swaps > 0 and parts.reviews > 0  # the demo has both kinds waiting

    kiosk = KioskWindow(desk)
    qtbot.addWidget(kiosk)
    kiosk.refresh()
    window = SupervisorWindow(desk, SUPERVISOR_USER, "志工督導")
    qtbot.addWidget(window)

    def nav(page: object) -> str:
        return window.nav.item(window.pages.index(page)).text()  # type: ignore[arg-type]

    assert kiosk.supervisor_button.count() == parts.total
    assert parts.total == parts.swaps + parts.reviews + parts.pin_lockouts + parts.phone_follow_ups
    assert nav(window.attendance) == f"出勤（待確認 {parts.reviews}）"
    assert nav(window.swaps) == f"換班（{parts.swaps}）"
    assert nav(window.volunteers) == "志工"  # no PIN lockout waits
    assert numbers(window.waiting_line.text()) == [
        parts.total,
        parts.swaps,
        parts.reviews,
        parts.pin_lockouts,
    ]
    # The pages behind the entries list as many.
    window.nav.setCurrentRow(window.pages.index(window.attendance))
    assert window.attendance.review.rowCount() == parts.reviews
    assert window.attendance.tabs.tabText(0) == f"待確認（{parts.reviews}）"
    window.nav.setCurrentRow(window.pages.index(window.swaps))
    assert len(window.swaps.waiting) == parts.swaps
    assert numbers(window.swaps.title.text()) == [parts.swaps]


def test_every_count_follows_an_action_on_the_page_at_once(
    qtbot: QtBot, sqlite_db: Database, zh: None
) -> None:
    """Accepting records on the attendance page: its tab said 待確認（32） while the sidebar
    and the header still said 37 until another page was opened."""
    build_demo(sqlite_db, today=TODAY, now=NOW)
    desk = Desk(sqlite_db, 1, actor=f"supervisor:{SUPERVISOR_USER}", clock=lambda: NOW)
    window = SupervisorWindow(desk, SUPERVISOR_USER, "志工督導")
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(window.pages.index(window.attendance))
    before = waiting.for_supervisor(desk)
    page = window.attendance
    records = [page.review.row_at(i) for i in range(min(2, page.review.rowCount()))]
    assert records
    dialog = AcceptDialog(desk, records, page)
    dialog.reason.setText("紙本簽到表相符")
    dialog.save()
    page.refresh()
    after = waiting.for_supervisor(desk)
    assert after.reviews == before.reviews - len(records)
    nav = window.nav.item(window.pages.index(page)).text()
    assert nav == f"出勤（待確認 {after.reviews}）"
    assert page.tabs.tabText(0) == f"待確認（{after.reviews}）"
    assert numbers(window.waiting_line.text())[:1] == [after.total]
