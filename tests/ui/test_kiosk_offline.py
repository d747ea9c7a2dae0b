"""The kiosk of a desk on a shared server that goes away: the yellow band says so and
since when, scanning goes on with the mark 「已記錄，網路恢復後自動上傳」, and what needs the
server (the supervisor's workspace, swaps) says so in one sentence."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import roster
from frontdesk.services.context import Desk
from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.store.db import Database
from frontdesk.ui import style
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk
from tests.support.proxy import TcpProxy
from tests.ui.conftest import MONDAY, KeyClock


@pytest.fixture
def server(pg_db: Database, clock: Clock) -> Desk:  # a PostgreSQL test: pg_db
    desk = new_desk(pg_db, clock, agency="苓雅區衛生所", actor="test")
    vid = add_volunteer(desk, "A001", "王小明")
    roster.assign(desk, ShiftKey(MONDAY, "AM"), vid)
    return replace(desk, actor="kiosk")


@pytest.fixture
def proxied(
    server: Desk, tmp_path: Path, pg_db: Database
) -> Iterator[tuple[OfflineDesk, TcpProxy]]:
    assert pg_db.url.port is not None and pg_db.url.database is not None
    proxy = TcpProxy(pg_db.url.port)
    db = Database(proxy.url(pg_db.url.database))
    offline = OfflineDesk(replace(server, db=db), tmp_path, name="一樓", timeout_seconds=1.0)
    offline.refresh()
    yield offline, proxy
    offline.stop()
    db.dispose()
    proxy.close()


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    proxied: tuple[OfflineDesk, TcpProxy],
    zh: None,
    qapp: object,
    keys: KeyClock,
) -> Iterator[KioskWindow]:
    style.apply(qapp)  # type: ignore[arg-type]
    offline, _proxy = proxied
    w = KioskWindow(offline.server, offline=offline)
    w.reader.clock = keys
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_the_band_and_the_mark_while_the_server_is_away(
    kiosk: KioskWindow, proxied: tuple[OfflineDesk, TcpProxy], clock: Clock, qtbot: QtBot
) -> None:
    offline, proxy = proxied
    kiosk.offline_band.update_state()
    assert kiosk.offline_band.isHidden()
    proxy.drop()
    clock.now = at(MONDAY, time(8, 27))
    result = kiosk.submit("A001")
    assert result is not None and result.offline
    assert "已記錄，網路恢復後自動上傳" in kiosk.result_page.notices.text()
    assert kiosk.result_page.headline.text()
    kiosk.offline_band.update_state()
    band = kiosk.offline_band.text()
    assert kiosk.offline_band.isVisible() and "08:27" in band and "1 筆待上傳" in band
    shots = os.environ.get("FRONTDESK_SHOTS")
    if shots:
        kiosk.grab().save(str(Path(shots) / "kiosk-offline-answer.png"))
    kiosk.go_home()
    kiosk.board = None
    kiosk.refresh()  # today's board, read from the replica
    assert kiosk.board is not None and kiosk.board.day == MONDAY
    kiosk._supervisor_clicked()
    assert kiosk.pages.currentIndex() == kiosk.MESSAGE
    assert "共用資料庫" in kiosk.message_page.message.text()
    if shots:
        kiosk.grab().save(str(Path(shots) / "kiosk-offline-supervisor.png"))
    proxy.restore()
    offline.sync()
    kiosk.offline_band.update_state()
    assert offline.online and kiosk.offline_band.isHidden()


def test_the_supervisor_sees_each_desk_state(
    server: Desk, qtbot: QtBot, zh: None, clock: Clock
) -> None:
    from frontdesk.services.offline.state import DeskStatus, report
    from frontdesk.ui.supervisor.desks import DeskStates

    line = DeskStates(server)
    qtbot.addWidget(line)
    line.refresh()
    assert line.isHidden()  # no desk ever reported
    clock.now = at(MONDAY, time(9, 0))
    since = at(MONDAY, time(8, 27))
    report(server, DeskStatus("一樓", False, since, 3, None), None)
    report(server, DeskStatus("二樓", True, None, 0, at(MONDAY, time(8, 50)), 12), None)
    line.refresh()
    first, second = line.text().splitlines()
    assert first.startswith("一樓") and "08:27 起離線" in first and "3 筆刷卡待上傳" in first
    assert second.startswith("二樓") and "連線中" in second and "最後上傳" in second
    clock.now = at(MONDAY, time(9, 10))
    line.refresh()
    assert "後沒有回報" in line.text().splitlines()[1]  # 二樓 has not reported for 10 min


def test_a_sqlite_desk_has_no_offline_layer(window: KioskWindow, kiosk_desk: Desk) -> None:
    from frontdesk.app import _offline_desk

    assert _offline_desk(kiosk_desk) is None
    assert window.offline is None and window.visit.offline is None
    window.offline_band.update_state()
    assert window.offline_band.isHidden() and not window.offline_band.refuses(print)


def test_a_typed_number_works_offline(
    kiosk: KioskWindow, proxied: tuple[OfflineDesk, TcpProxy], clock: Clock
) -> None:
    offline, proxy = proxied
    proxy.drop()
    clock.now = at(MONDAY, time(8, 29))
    kiosk.submit("NOBODY")  # the desk notices the server is gone
    assert not offline.online
    kiosk.go_home()
    kiosk.identify("A001", by_card=False)  # typed: who it is comes from the replica
    assert kiosk.last_result is not None and kiosk.last_result.offline
    assert kiosk.last_result.name == "王小明"
    assert "已記錄，網路恢復後自動上傳" in kiosk.result_page.notices.text()
    kiosk.go_home()
    kiosk.write_note()  # a handover note waits for the server, in one sentence
    assert "共用資料庫" in kiosk.message_page.message.text()


def test_a_pin_is_checked_offline(
    kiosk: KioskWindow, proxied: tuple[OfflineDesk, TcpProxy], clock: Clock, server: Desk
) -> None:
    from frontdesk.services import pins
    from frontdesk.services.setup import update_settings

    offline, proxy = proxied
    update_settings(server, {"require_pin": "true"})
    pins.set_pin(server, _id(server, "A001"), "2468")
    offline.refresh()  # the PIN hashes and the setting reach the replica
    kiosk.refresh()
    proxy.drop()
    clock.now = at(MONDAY, time(8, 29))
    kiosk.submit("NOBODY")
    kiosk.go_home()
    kiosk.identify("A001", by_card=False)
    assert kiosk.pages.currentIndex() == kiosk.PIN  # the PIN is asked, offline too
    kiosk._pin_entered("1111")
    assert kiosk.pages.currentIndex() == kiosk.PIN and kiosk.last_result is not None
    assert kiosk.last_result.code == "NOBODY"  # a wrong PIN signs nobody in
    kiosk._pin_entered("2468")
    assert kiosk.last_result.offline and kiosk.last_result.name == "王小明"


def _id(desk: Desk, code: str) -> int:
    from sqlalchemy import select

    from frontdesk.store.models import Volunteer

    with desk.db.read() as session:
        return int(session.scalars(select(Volunteer.id).where(Volunteer.code == code)).one())

    assert "共用資料庫" in kiosk.message_page.message.text()


def test_a_desk_restarted_during_the_outage_opens_from_its_replica(
    proxied: tuple[OfflineDesk, TcpProxy],
    tmp_path: Path,
    clock: Clock,
    server: Desk,
    qtbot: QtBot,
    zh: None,
) -> None:
    from sqlalchemy import func, select

    from frontdesk.services.offline.desk import resume
    from frontdesk.store.models import Attendance

    offline, proxy = proxied
    url = offline.server.db.url.render_as_string(hide_password=False)
    assert resume(url, tmp_path, timeout_seconds=1.0) is None  # the server answers
    proxy.drop()
    clock.now = at(MONDAY, time(8, 27))
    offline.scan("A001")
    offline.stop()  # the PC is switched off during the outage
    again = resume(url, tmp_path, timeout_seconds=1.0)
    assert again is not None and not again.online and again.status().waiting == 1
    try:
        again.server = replace(again.server, clock=clock)
        again.local = replace(again.local, clock=clock)
        w = KioskWindow(again.server, offline=again)  # no server needed to open
        qtbot.addWidget(w)
        assert w.board is not None and w.board.day == MONDAY
        proxy.restore()
        again.sync()
        assert again.online
        with server.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Attendance)) == 1
        w.close()
    finally:
        again.stop()


def _shown(kiosk: KioskWindow) -> tuple[str, ...]:
    """The words of the answer (or question) on screen."""
    if kiosk.pages.currentIndex() == kiosk.QUESTION:
        return (kiosk.question_page.question.text(),)
    page = kiosk.result_page
    return (page.headline.text(), page.person.text(), page.detail.text())


def test_only_a_recorded_scan_is_marked_and_offline_words_equal_online_ones(
    kiosk: KioskWindow, proxied: tuple[OfflineDesk, TcpProxy], clock: Clock, server: Desk
) -> None:
    offline, proxy = proxied
    add_volunteer(replace(server, actor="test"), "B002", "林美華")  # not on today's roster
    offline.refresh()
    clock.now = at(MONDAY, time(8, 27))
    assert kiosk.submit("A001") is not None  # signed in online
    clock.now = at(MONDAY, time(8, 29))
    codes = ("NOBODY", "A001", "B002")  # unknown card, a repeat, the walk-in question
    online = {}
    for code in codes:
        result = kiosk.submit(code)
        assert result is not None and not result.offline
        online[code] = (result.outcome, _shown(kiosk))
        kiosk.go_home()
    assert "請再試一次" in online["NOBODY"][1][2]  # the online words the offline ones must equal
    proxy.drop()
    for code in codes:
        result = kiosk.submit(code)
        assert result is not None and not result.offline, code  # nothing was journaled
        assert (result.outcome, _shown(kiosk)) == online[code], code
        assert "網路恢復後自動上傳" not in kiosk.result_page.notices.text(), code
        assert "網路恢復後自動上傳" not in kiosk.question_page.question.text(), code
        kiosk.go_home()
    assert not offline.online and offline.status().waiting == 0
    recorded = kiosk.submit("B002", confirm_walk_in=True)  # the walk-in, confirmed
    assert recorded is not None and recorded.offline
    assert "網路恢復後自動上傳" in kiosk.result_page.notices.text()
    assert offline.status().waiting == 1


def test_the_header_shows_this_desks_own_name(kiosk: KioskWindow) -> None:
    kiosk.refresh()
    assert kiosk.agency.text() == "苓雅區衛生所 一樓"  # not the shared desk name 服務台
