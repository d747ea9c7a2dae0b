"""The audit log as the supervisor reads it: filters by who, what and days, and every entry
of a lived-in desk in words (no codes, JSON, ISO dates or "site 1")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest

from frontdesk import i18n
from frontdesk.core.timeutil import at
from frontdesk.services import (
    attendance_review,
    calendar,
    kiosk,
    pins,
    supervisors,
    volunteers,
    workspace,
)
from frontdesk.services.audit_view import AuditQuery, actors, audit_entries
from frontdesk.services.context import Desk
from frontdesk.services.demo import build_demo
from frontdesk.services.errors import InvalidInput, NotAllowed
from frontdesk.services.setup import first_site_id, update_settings
from frontdesk.store.db import Database
from frontdesk.store.migrate import upgrade
from frontdesk.words import audit as words
from frontdesk.words.audit_fields import FIELDS, OVERRIDES

NOW = at(date(2026, 11, 20), time(10, 0))


@pytest.fixture(scope="module")
def lived_in(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """The demo desk (three months of duties, swaps, sweeps), then a supervisor's day of
    changes: settings, a correction, an accepted review, a closure, a volunteer edit, a
    wrong password, a PIN and a handover note. Built once: the tests only read it."""
    path = tmp_path_factory.mktemp("audit") / "frontdesk.sqlite3"
    sqlite_db = Database(f"sqlite+pysqlite:///{path}")
    upgrade(sqlite_db)
    try:
        yield _live(sqlite_db)
    finally:
        sqlite_db.dispose()


def _live(sqlite_db: Database) -> Desk:
    build_demo(sqlite_db, now=NOW)
    site = first_site_id(sqlite_db)
    assert site is not None
    desk = Desk(sqlite_db, site, actor="supervisor:supervisor", clock=lambda: NOW)
    update_settings(desk, {"late_grace_minutes": "10", "makeup_saturday_is_duty": "true"})
    rows = workspace.review_rows(desk)
    attendance_review.correct(desk, rows[0].id, rows[0].in_at, None, "紙本簽退")
    attendance_review.accept_reviews(desk, [r.id for r in rows[1:3]], "督導確認")
    calendar.close(desk, date(2026, 11, 27), None, "颱風停止上班")
    calendar.set_manual(desk, date(2026, 11, 28), open_=True, label="加班日")
    vid = rows[0].volunteer_id
    volunteers.deactivate(desk, vid)
    pins.set_pin(desk, vid, "1234")
    kiosk.add_note(desk, date(2026, 11, 20), "AM", vid, "影印機沒紙")
    with pytest.raises(NotAllowed):
        supervisors.authenticate(desk, "supervisor", "wrong-password")
    return desk


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


RAW = [
    re.compile(r"\d{4}-\d{2}-\d{2}"),  # an ISO date
    re.compile(r"T\d{2}:\d{2}"),  # an ISO instant
    re.compile(r"[{}\"\[\]]"),  # JSON
    re.compile(r"\b[a-z]+_[a-z_]+\b"),  # a field or state code
    re.compile(r"\b(site|supervisor|volunteer|attendance|swap_request) ?[:#]?\d"),
    re.compile(r"\b(None|True|False|null)\b"),
]


def test_every_entry_of_a_lived_in_desk_reads_in_words(lived_in: Desk, zh: None) -> None:
    log = audit_entries(lived_in, AuditQuery(), limit=None)
    assert len(log.rows) > 300
    assert len({r.action for r in log.rows}) >= 20
    for r in log.rows:
        for key in {*(r.before or {}), *(r.after or {})}:
            assert key in FIELDS or (r.entity, key) in OVERRIDES, (r.action, key)
        texts = [
            words.actor_text(r.actor, log.names),
            words.action_name(r.action),
            words.subject_text(r.entity, r.entity_id, r.before, r.after, log.names),
            words.details_text(r.entity, r.before, r.after, log.names),
        ]
        for text in texts:
            for pattern in RAW:
                assert not pattern.search(text), (r.action, text)
        assert re.search(r"[\u4e00-\u9fff]", texts[0] + texts[1]), r.action
    site = next(r for r in log.rows if r.action == "settings.update")
    assert words.subject_text(site.entity, site.entity_id, site.before, site.after, log.names) == (
        "高雄市苓雅區衛生所"
    )


def test_filters_by_who_what_and_days(lived_in: Desk) -> None:
    everyone = audit_entries(lived_in, AuditQuery(), limit=None).rows
    found, names = actors(lived_in)
    assert names.usernames == {"supervisor": "志工督導"}
    assert "supervisor:supervisor" in found and "system" in found
    assert any(a.startswith("volunteer:") for a in found)
    mine = audit_entries(lived_in, AuditQuery(actor="supervisor:supervisor"), limit=None).rows
    assert mine and all(r.actor == "supervisor:supervisor" for r in mine)
    assert len(mine) < len(everyone)
    accepts = audit_entries(lived_in, AuditQuery(action="attendance.accept")).rows
    assert [r.action for r in accepts] == ["attendance.accept"] * 2
    # Days are Taipei days, both ends included: 00:00 to 23:59:59 local time.
    day = date(2026, 11, 2)
    one_day = audit_entries(lived_in, AuditQuery(first_day=day, last_day=day), limit=None).rows
    assert one_day
    start, end = at(day, time(0)), at(day + timedelta(days=1), time(0))
    assert all(start <= r.at < end for r in one_day)
    inside = [r for r in everyone if start <= r.at < end]
    assert [r.id for r in one_day] == [r.id for r in inside]
    both = AuditQuery(actor="system", action="attendance.sweep", first_day=day)
    rows = audit_entries(lived_in, both, limit=None).rows
    assert rows and all(r.actor == "system" and r.at >= start for r in rows)
    assert [r.id for r in everyone] == sorted((r.id for r in everyone), reverse=True)


def test_the_screen_limit_says_there_is_more(lived_in: Desk) -> None:
    log = audit_entries(lived_in, AuditQuery(), limit=10)
    assert len(log.rows) == 10 and log.more
    assert not audit_entries(lived_in, AuditQuery(action="calendar.manual")).more


def test_a_range_ending_before_it_starts_is_refused(lived_in: Desk) -> None:
    with pytest.raises(InvalidInput):
        audit_entries(lived_in, AuditQuery(first_day=date(2026, 11, 2), last_day=date(2026, 11, 1)))
