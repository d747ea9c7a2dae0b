"""After a sign-out the kiosk says the month's and all service hours in one line, and the
good news when the volunteer may now apply for something; never a second person's data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from frontdesk import i18n
from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, records, roster
from frontdesk.services.context import Desk
from frontdesk.words.scan import scan_view
from tests.support.service import served

DEC1 = date(2026, 12, 1)


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


def test_sign_out_says_month_and_total(
    desk: Desk, make_volunteer: Callable[..., int], zh: None
) -> None:
    vid = make_volunteer("A01", "王小明")
    roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    served(desk, vid, [(date(2026, 11, 3), "AM", 180)])
    records.add_hours(desk, "A01", date(2026, 11, 20), 360, "健康講座支援")
    attendance.scan(desk, "A01", now=at(DEC1, time(8, 29)))
    out = attendance.scan(desk, "A01", now=at(DEC1, time(11, 31)))
    assert out.outcome is ScanOutcome.SIGNED_OUT
    lines = scan_view(out).detail.split("\n")
    assert lines[1:] == ["本月服務 3 小時・累計 12 小時"]
    assert "0912" not in scan_view(out).detail
    offline = scan_view(replace(out, offline=True)).detail  # a replica's few days: no total
    assert offline.split("\n") == lines[:1]


def test_good_news_line_when_the_card_is_due(
    desk: Desk, make_volunteer: Callable[..., int], zh: None
) -> None:
    vid = make_volunteer("A01", "王小明")
    roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    served(desk, vid, [(date(2022, 1, 3) + timedelta(days=7 * i), "AM", 180) for i in range(100)])
    records.add_grant(desk, "A01", "certificate", date(2023, 3, 1))
    attendance.scan(desk, "A01", now=at(DEC1, time(8, 29)))
    out = attendance.scan(desk, "A01", now=at(DEC1, time(11, 31)))
    lines = scan_view(out).detail.split("\n")
    assert lines[1] == "本月服務 3 小時・累計 303 小時"
    assert lines[2] == "您已符合志願服務榮譽卡的申請資格，請洽志工督導"
    assert len(lines) == 3  # the hours and one piece of news: never more than two lines


def test_the_standing_told_at_a_sign_out_is_the_one_read_after_it(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    """On PostgreSQL a sign-out's standing is read with its write, in its one round trip
    (services.standing_read); it says what kiosk_standing() reads on its own afterwards,
    an honor card's window cut mid-year, hand hours and this month's duties included."""
    from frontdesk.services.recognition_views import kiosk_standing

    vid = make_volunteer("A01", "王小明")
    roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    served(desk, vid, [(date(2022, 1, 3) + timedelta(days=7 * i), "AM", 185) for i in range(150)])
    served(desk, vid, [(date(2026, 11, 3), "AM", 180)])
    records.add_grant(desk, "A01", "honor_card", date(2023, 5, 8), date(2026, 5, 8))
    records.add_hours(desk, "A01", date(2026, 11, 20), 360, "健康講座支援")
    attendance.scan(desk, "A01", now=at(DEC1, time(8, 29)))
    out = attendance.scan(desk, "A01", now=at(DEC1, time(11, 31)))
    assert out.outcome is ScanOutcome.SIGNED_OUT and out.standing is not None
    with desk.db.read() as session:
        assert out.standing == kiosk_standing(session, desk.site_id, vid, DEC1)
    assert out.standing.month_minutes == 180  # 08:29 to 11:31, cut to the half hour
