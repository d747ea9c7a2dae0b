"""The month gathered for the workbook, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from frontdesk.core.recognition import recognition
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services.errors import InvalidInput
from frontdesk.services.reports import month_report, parse_month
from frontdesk.store import audit
from frontdesk.store.db import Database
from frontdesk.store.models import AuditEntry
from tests.export.scenario import EVIL_NAME, build_february, make_desk

FEB = date(2025, 2, 1)


def test_february_roster_attendance_hours_swaps_and_anchor(db: Database) -> None:
    sc = build_february(db)
    r = month_report(sc.desk, 2025, 2)
    assert (r.year, r.month, len(r.days)) == (2025, 2, 28)
    assert not r.before_site

    def cell(day: int, slot: str) -> list[tuple[str, str, str | None]]:
        return [
            (e.code, e.source, e.status)
            for e in r.roster.get(ShiftKey(date(2025, 2, day), slot), [])
        ]

    assert cell(10, "AM") == [("B01", "swap", "on_time")]  # the exchange
    assert cell(11, "AM") == [("A01", "swap", "on_time")]
    assert cell(18, "PM") == [("D01", "swap", "on_time")]  # the arranged cover
    assert cell(5, "AM") == [("D01", "walk_in", "walk_in")]
    assert cell(4, "AM") == [("C01", "manual", "absent")]
    assert cell(12, "AM") == []  # closed by the typhoon: A's shift is cancelled, not absent
    assert cell(13, "PM") == []  # the closed afternoon
    assert [e.name for e in r.roster[ShiftKey(date(2025, 2, 6), "AM")]] == [EVIL_NAME, "-減號@小花"]

    statuses = [(a.day.day, a.slot, a.code, a.status) for a in r.attendance]
    assert (3, "PM", "B01", "late") in statuses
    assert (5, "PM", "D01", "early_leave") in statuses
    assert (19, "PM", "D01", "no_sign_out") in statuses
    assert not [s for s in statuses if s[0] in (12,) or (s[0], s[1]) == (13, "PM")]
    e_row = next(a for a in r.attendance if a.code == "E01")
    assert e_row.credited_minutes == 180
    assert e_row.corrections == ("志工口述 11:30 離開\x01，補登",)

    hours = {v.code: v for v in r.volunteers}
    assert set(hours) == {"A01", "B01", "C01", "D01", "E01", "F01"}
    a = hours["A01"]
    assert (a.scheduled, a.served, a.late, a.early_leave, a.absent) == (5, 5, 0, 0, 0)
    assert a.month_minutes == 180 * 4 + 150  # 2 h 59 min recorded as 2.5 h (0.5 h step)
    assert a.year_minutes == a.month_minutes + 180  # + 2025-01-06
    assert a.total_minutes == a.month_minutes + 360  # + 2024-12-02
    assert [d.day.day for d in a.days] == [3, 8, 11, 13, 17]
    assert a.certificate.years_met and not a.certificate.hours_met
    assert a.certificate.hours_missing == pytest.approx(150 - 1230 / 60, abs=0.01)
    assert a.honor_card.eligible_from == date(2026, 1, 15) and not a.honor_card.years_met
    c = hours["C01"]
    assert (c.scheduled, c.served, c.absent, c.month_minutes) == (3, 0, 3, 0)
    assert c.status == "inactive" and c.deactivated_on == date(2025, 2, 15)
    d = hours["D01"]
    assert (d.scheduled, d.served, d.walk_in, d.early_leave) == (3, 4, 1, 1)
    assert hours["B01"].late == 1

    by_kind = {s.kind: s for s in r.swaps}
    assert set(by_kind) == {"exchange", "cover", "arrange"}
    ex = by_kind["exchange"]
    assert ex.state == "approved" and ex.notice_ok and ex.agreed_at is not None
    assert (ex.requester_code, ex.colleague_code) == ("A01", "B01")
    assert not by_kind["arrange"].notice_ok and by_kind["arrange"].colleague_code == "D01"
    assert by_kind["cover"].state == "rejected" and by_kind["cover"].outcome_reason == "人手不足"

    end = at(date(2025, 3, 1), time(0))
    with db.read() as session:
        in_feb = session.scalars(
            select(AuditEntry).where(AuditEntry.at < end).order_by(AuditEntry.id.desc())
        ).first()
        newest = audit.head(session)
    assert in_feb is not None and newest is not None
    assert r.audit.head_hash == in_feb.hash and r.audit.head_id == in_feb.id
    assert newest.id != in_feb.id  # the March entry is not part of February's anchor


def test_an_empty_month_and_a_month_before_the_site(db: Database) -> None:
    desk, _clock = make_desk(db)
    april = month_report(desk, 2025, 4)
    assert april.attendance == [] and april.swaps == [] and april.roster == {}
    assert len(april.days) == 30
    old = month_report(desk, 2020, 1)
    assert old.before_site and old.volunteers == []
    assert old.audit.entries == 0 and old.audit.head_hash == audit.GENESIS


def test_parse_month_and_recognition_rules() -> None:
    assert parse_month(" 2026-12 ") == (2026, 12)
    for bad in ("2026-13", "26-12", "2026/12", "", "abc-de", "1900-01"):
        with pytest.raises(InvalidInput) as exc:
            parse_month(bad)
        assert exc.value.facts["field"] == "month"
    r = recognition(date(2024, 2, 29), date(2025, 2, 28), 150 * 60, 1, 150)
    assert r.eligible_from == date(2025, 2, 28) and r.met
    r = recognition(None, date(2025, 2, 28), 9000 * 60, 3, 300)
    assert not r.years_met and r.hours_met and r.hours_missing == 0
