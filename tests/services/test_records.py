"""The service record: duties cut to the national system's 0.5 h, hours by hand with a reason,
prior hours for recognition only, grants, the record book; and the recognition standings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from frontdesk.core.recognition import CERTIFICATE, HONOR_CARD, RECORD_BOOK
from frontdesk.services import purge, records, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.recognition_views import kiosk_standing, standings
from frontdesk.services.setup import update_settings
from frontdesk.store.models import AuditEntry
from tests.support.clocks import Clock
from tests.support.service import served


def test_record_lines_step_and_hand_hours(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    vid = make_volunteer("V001", "王")
    served(desk, vid, [(date(2026, 10, 5), "AM", 179), (date(2026, 10, 6), "PM", 180)])
    served(desk, vid, [(date(2026, 9, 30), "AM", 180)])  # outside the range
    records.add_hours(desk, "V001", date(2026, 10, 10), 240, "社區健康講座支援")
    records.add_prior(desk, "V001", date(2015, 1, 1), date(2020, 12, 31), 500 * 60, "高雄市某醫院")
    rec = records.service_record(desk, "V001", date(2026, 10, 1), date(2026, 10, 31))
    assert [(ln.day.day, ln.minutes) for ln in rec.lines] == [(5, 150), (6, 180), (10, 240)]
    assert rec.lines[0].item == "服務台值勤" and rec.lines[2].reason == "社區健康講座支援"
    assert rec.total_minutes == 570  # prior hours never the desk's
    assert rec.prior[0].minutes == 500 * 60 and rec.prior[0].source == "高雄市某醫院"
    assert rec.missing == ("special", RECORD_BOOK)
    with desk.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert {"records.hours_add", "records.prior_add"} <= set(actions)


def test_hand_and_prior_entries_are_audited_with_what_was_entered(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer("V001", "王")
    hand = records.add_hours(desk, "V001", date(2026, 10, 10), 240, "社區健康講座支援", "講座")
    prior = records.add_prior(desk, "V001", date(2015, 1, 1), date(2020, 12, 31), 600, "某醫院")
    with desk.db.read() as s:
        entries = {
            e.action: e
            for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "service_hours"))
        }
    added, before = entries["records.hours_add"], entries["records.prior_add"]
    assert (added.entity_id, before.entity_id) == (str(hand), str(prior))
    assert added.actor == before.actor == desk.actor
    assert added.after == {
        "volunteer_id": vid,
        "date": "2026-10-10",
        "credited": 240,
        "item": "講座",
        "reason": "社區健康講座支援",
    }
    assert before.after == {
        "volunteer_id": vid,
        "from": "2015-01-01",
        "to": "2020-12-31",
        "credited": 600,
        "origin": "某醫院",
    }


def test_refusals(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    make_volunteer("V001")
    with pytest.raises(InvalidInput):
        records.add_hours(desk, "V001", date(2026, 10, 10), 240, "  ")
    with pytest.raises(InvalidInput):
        records.add_hours(desk, "V001", date(2026, 10, 10), 0, "活動")
    with pytest.raises(InvalidInput):
        records.add_prior(desk, "V001", date(2020, 1, 2), date(2020, 1, 1), 60, "某處")
    with pytest.raises(InvalidInput):
        records.add_grant(desk, "V001", "medal", date(2020, 1, 1))


def test_standings_count_prior_hours_and_card_windows(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    today = date(2026, 11, 2)
    a = make_volunteer("V001", "甲")  # 4 years, 320 h at the desk: certificate and card
    served(desk, a, [(date(2022, 10, 1) + timedelta(days=7 * i), "AM", 180) for i in range(107)])
    b = make_volunteer("V002", "乙")  # a card in 2025 used the old hours: nothing new yet
    served(desk, b, [(date(2019, 1, 1) + timedelta(days=7 * i), "AM", 180) for i in range(110)])
    records.add_grant(desk, "V002", CERTIFICATE, date(2020, 1, 10))
    records.add_grant(desk, "V002", HONOR_CARD, date(2025, 3, 1))
    c = make_volunteer("V003", "丙")  # prior hours reach the first health-and-welfare award
    served(desk, c, [(date(2025, 1, 6), "AM", 180)])
    records.add_prior(desk, "V003", date(2005, 1, 1), date(2024, 12, 31), 1500 * 60, "他機關")
    records.set_record_book(desk, "V003", "高市志字第123號", date(2010, 5, 1))
    rows = {r.code: r for r in standings(desk, today)}
    assert {CERTIFICATE, HONOR_CARD} <= set(rows["V001"].standing.due_now)
    assert rows["V001"].desk_minutes == 107 * 180
    assert HONOR_CARD not in rows["V002"].standing.due_now
    assert rows["V002"].standing.honor_card.hours == 0  # the old hours went into the card
    assert "hw_bronze" in rows["V003"].standing.due_now
    assert rows["V003"].total_minutes == 1500 * 60 + 180 and rows["V003"].desk_minutes == 180
    assert RECORD_BOOK not in rows["V003"].standing.missing
    with desk.db.read() as s:
        k = kiosk_standing(s, desk.site_id, a, date(2024, 10, 28))
        assert k.news == CERTIFICATE  # two years and 318 h: the card needs a third year
        now = kiosk_standing(s, desk.site_id, a, today)
    assert now.news == HONOR_CARD and now.total_minutes == 107 * 180


def test_kiosk_month_and_total(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    vid = make_volunteer("V001")
    served(desk, vid, [(date(2026, 11, 2), "AM", 175), (date(2026, 10, 30), "PM", 180)])
    records.add_hours(desk, "V001", date(2026, 11, 1), 60, "活動")
    with desk.db.read() as s:
        k = kiosk_standing(s, desk.site_id, vid, date(2026, 11, 2))
    assert (k.month_minutes, k.total_minutes, k.news) == (150 + 60, 150 + 180 + 60, None)


def test_purge_forgets_the_record_book_and_certificate_numbers(
    desk: Desk, make_volunteer: Callable[..., int], clock: Clock
) -> None:
    vid = make_volunteer("V001", "王")
    served(desk, vid, [(date(2026, 10, 5), "AM", 180)])
    records.set_record_book(desk, "V001", "高市志字第777號", date(2020, 1, 1))
    records.add_grant(desk, "V001", CERTIFICATE, date(2021, 1, 1), number="績證字第888號")
    with desk.db.read() as s:
        logged = str([e.after for e in s.scalars(select(AuditEntry))])
    assert "志字第777號" not in logged and "績證字第888號" not in logged  # by reference
    volunteers.deactivate(desk, vid)
    update_settings(desk, {"retention_days": "30"})
    clock.now = clock.now + timedelta(days=31)
    purge.purge_personal_data(desk, vid)
    rec = records.service_record(desk, "V001", date(2026, 1, 1), date(2026, 12, 31))
    assert rec.record_book is None and rec.grants[0].number == ""
    assert rec.grants[0].kind == CERTIFICATE and rec.total_minutes == 180  # hours stay
